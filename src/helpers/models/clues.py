"""What a person on chemotherapy notices, and what a blood test shows: a symptom diary,
the body's temperature and the white cells, day by day.

Governing equations, for dose days t_d and day t (days since the first dose)::

    S(t) = round(clip(S0 + A sum_d h(t - t_d) + g max(0, log2(B(t) / B(0)))
                      + F q(t) + e_S(t), 0, 10))
    h(s) = (s / p) exp(1 - s / p)  for s >= 0, and 0 before the dose
    W(t) = W0 prod_d (1 - depth exp(-(t - t_d - n)^2 / (2 w^2)))  over doses with t >= t_d
    T(t) = T0 + dT q(t) + e_T(t)

with S the diary score (0 = no symptom, 10 = the worst), W the white cells
(neutrophils, billions per litre of blood), T the temperature (degrees C), B the
cancer cells, q(t) the infection's course (0 = none, 1 = at its worst), and
e_S, e_T seeded day-to-day noise.

Units: days; diary score 0 to 10 (whole numbers, as a person writes them);
white cells in billions per litre (10^9/L); temperature in degrees Celsius.

The model, in words:

- **Side effects follow the doses.** After each dose the diary score rises, peaks
  ``peak_day`` days later (h peaks at s = p with height 1) and settles over the
  next week or two, before the next dose. The same shape comes back with every
  dose: a saw-tooth that keeps time with the infusion days.
- **White cells dip after each dose.** Chemotherapy slows the bone marrow, so the
  white cells fall to a low point (the *nadir*), about ``nadir_day`` days after
  the dose, and recover before the next one. ``depth`` is the share lost at
  the nadir.
- **A growing cancer adds a steady climb.** Symptoms caused by the cancer itself
  grow with the cancer: ``g`` diary points for each doubling of the cancer cells
  above their number at the start. This part does not keep time with the doses:
  it climbs week after week. A cancer smaller than at the start adds nothing.
- **An infection comes on fast.** It raises the temperature by ``dT`` (a fever)
  and the diary score by ``F`` within a day, stays for ``fever_days`` days and
  eases over two more days (as if it were treated).

Left out, on purpose: the many kinds of symptoms (one score stands for how the
person feels), side effects that build up over the cycles, red cells and
platelets, infections without fever, symptoms from other illnesses, and the
exam the team does. The numbers are teaching values chosen to make each pattern
easy to see, not measurements of any drug, cancer or person.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..checks import (
    DAY_RANGE,
    MAX_CELLS_ANYWHERE,
    check_array,
    check_fields,
    check_instance,
    check_int,
    check_number,
)

__all__ = [
    "SCORE_MAX", "SideEffects", "Infection", "Body", "dose_bumps", "white_cells",
    "infection_course", "diary_scores", "temperatures", "blood_tests",
]

#: The top of the diary scale: 0 = no symptom, 10 = the worst the person can imagine.
SCORE_MAX = 10


@dataclass(frozen=True)
class SideEffects:
    """How hard each dose hits: the diary bump and the white-cell dip after it.

    Attributes:
        symptom_points: A, the bump's height on the 0-10 diary scale (0 to 8).
        peak_day: p, days from the dose to the bump's peak (0.5 to 10).
        nadir_depth: share of the white cells lost at the low point (0 to 0.95).
        nadir_day: n, days from the dose to the white cells' low point (3 to 20).
        nadir_width_days: w, how wide the dip is (days; 1 to 7).
    """

    symptom_points: float = 3.0
    peak_day: float = 2.0
    nadir_depth: float = 0.7
    nadir_day: float = 10.0
    nadir_width_days: float = 3.0

    def __post_init__(self) -> None:
        check_fields(self, (("symptom_points", 0.0, 8.0), ("peak_day", 0.5, 10.0),
                             ("nadir_depth", 0.0, 0.95), ("nadir_day", 3.0, 20.0),
                             ("nadir_width_days", 1.0, 7.0)))


@dataclass(frozen=True)
class Infection:
    """An infection that starts on ``onset_day``.

    Attributes:
        onset_day: the day it starts (days since the first dose, 0 or more).
        fever_days: days it stays at its worst (1 to 14); it takes one day to come on
            and two to ease.
        fever_rise_c: dT, how far the temperature rises at its worst (degrees C; 0 to 4).
        symptom_points: F, how far the diary score rises at its worst (0 to 8).
    """

    onset_day: int
    fever_days: int = 3
    fever_rise_c: float = 2.0
    symptom_points: float = 4.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "onset_day",
                           check_int("onset_day", self.onset_day, minimum=0, maximum=3650))
        object.__setattr__(self, "fever_days",
                           check_int("fever_days", self.fever_days, minimum=1, maximum=14))
        check_fields(self, (("fever_rise_c", 0.0, 4.0), ("symptom_points", 0.0, 8.0)))


@dataclass(frozen=True)
class Body:
    """The person without treatment: resting levels, and how noisy each day is.

    Attributes:
        resting_score: S0, the diary score with no treatment and no change (0 to 10).
        points_per_doubling: g, diary points for each doubling of the cancer cells
            above their number at the start (0 to 5).
        normal_temperature_c: T0 (35 to 38 degrees C).
        normal_white_cells: W0, white cells (neutrophils) before treatment, billions
            per litre (0.5 to 20).
        score_noise: spread of one day's diary score (standard deviation, points; 0 to 2).
        temperature_noise_c: spread of one day's temperature (degrees C; 0 to 0.5).
    """

    resting_score: float = 1.0
    points_per_doubling: float = 1.5
    normal_temperature_c: float = 36.8
    normal_white_cells: float = 4.0
    score_noise: float = 0.5
    temperature_noise_c: float = 0.15

    def __post_init__(self) -> None:
        check_fields(self, (("resting_score", 0.0, float(SCORE_MAX)),
                             ("points_per_doubling", 0.0, 5.0),
                             ("normal_temperature_c", 35.0, 38.0),
                             ("normal_white_cells", 0.5, 20.0), ("score_noise", 0.0, 2.0),
                             ("temperature_noise_c", 0.0, 0.5)))


# Each day is compared with each dose: at most this many pairs (time and memory).
_MAX_DAY_DOSE_PAIRS = 2_000_000
# The highest blood level a test may read (any unit the series uses).
_MAX_LEVEL = 1e13


def _days(days: object) -> np.ndarray:
    return check_array("days", days, minimum=DAY_RANGE[0], maximum=DAY_RANGE[1])


def _dose_days(dose_days: object, days: np.ndarray) -> np.ndarray:
    doses = check_array("dose_days", dose_days, minimum=DAY_RANGE[0], maximum=DAY_RANGE[1],
                        ndim=None, min_length=0).reshape(-1)
    if doses.size * days.size > _MAX_DAY_DOSE_PAIRS:
        raise ValueError(f"days and dose_days must make at most {_MAX_DAY_DOSE_PAIRS:,} "
                         f"day-dose pairs; got {days.size:,} x {doses.size:,}")
    return doses


def dose_bumps(days, dose_days, peak_day: float) -> np.ndarray:
    """sum_d h(t - t_d) on each of ``days``: 1 at the peak of a single bump, 0 before any dose.

    h(s) = (s / p) exp(1 - s / p): 0 on the dose day, 1 on day p after it, then fading
    (0.29 at s = 3.5 p, 0.09 at s = 5 p).
    """
    t = _days(days)
    doses = _dose_days(dose_days, t)
    p = check_number("peak_day", peak_day, minimum=0.5, maximum=10.0)
    since = t[:, None] - doses[None, :]
    s = np.maximum(since, 0.0) / p
    return np.where(since >= 0, s * np.exp(1.0 - s), 0.0).sum(axis=1)


def white_cells(days, dose_days, effects: SideEffects, normal_white_cells: float) -> np.ndarray:
    """W(t), white cells (billions per litre) on each of ``days``: a dip after each dose."""
    check_instance("effects", effects, SideEffects)
    t = _days(days)
    doses = _dose_days(dose_days, t)
    normal = check_number("normal_white_cells", normal_white_cells, minimum=0.5, maximum=20.0)
    since = t[:, None] - doses[None, :]
    dip = effects.nadir_depth * np.exp(-((since - effects.nadir_day) ** 2)
                                       / (2.0 * effects.nadir_width_days ** 2))
    # Only doses already given pull the count down; the product keeps it above 0.
    return normal * np.prod(np.where(since >= 0, 1.0 - dip, 1.0), axis=1)


def infection_course(days, infection: Infection | None) -> np.ndarray:
    """q(t): 0 without infection; rises to 1 over the first day, stays ``fever_days`` days,
    then eases back to 0 over two days."""
    t = _days(days)
    if infection is None:
        return np.zeros_like(t)
    check_instance("infection", infection, Infection, optional=True)
    s = t - infection.onset_day
    rise = np.clip(s, 0.0, 1.0)
    ease = np.clip((1.0 + infection.fever_days + 2.0 - s) / 2.0, 0.0, 1.0)
    return np.minimum(rise, ease)


def diary_scores(days, dose_days, cancer_cells, effects: SideEffects, body: Body = Body(),
                 infection: Infection | None = None, *, seed: int = 0) -> np.ndarray:
    """S(t), the diary score (whole numbers 0 to 10) on each of ``days``.

    ``cancer_cells`` holds the cancer cells on each of ``days`` (0 or more; the first
    must be above 0). The same seed gives the same diary.
    """
    check_instance("effects", effects, SideEffects)
    check_instance("body", body, Body)
    t = _days(days)
    _dose_days(dose_days, t)
    cells = check_array("cancer_cells", cancer_cells, minimum=0.0, maximum=MAX_CELLS_ANYWHERE)
    if cells.shape != t.shape:
        raise ValueError(f"cancer_cells must hold one count per day ({t.size}); "
                         f"got shape {cells.shape}")
    if cells[0] <= 0:
        raise ValueError(f"cancer_cells must start above 0; got {cells[0]!r}")
    rng = np.random.default_rng(check_int("seed", seed, minimum=0, maximum=2**32 - 1))
    course = infection_course(t, infection)  # refuses anything but an Infection or None
    with np.errstate(divide="ignore"):
        doublings = np.log2(np.maximum(cells, 1e-300) / cells[0])
    score = (body.resting_score
             + effects.symptom_points * dose_bumps(t, dose_days, effects.peak_day)
             + body.points_per_doubling * np.maximum(doublings, 0.0)
             + (infection.symptom_points if infection else 0.0) * course
             + body.score_noise * rng.standard_normal(t.size))
    return np.rint(np.clip(score, 0.0, float(SCORE_MAX)))


def temperatures(days, body: Body = Body(), infection: Infection | None = None, *,
                 seed: int = 0) -> np.ndarray:
    """T(t), the temperature (degrees C, to 0.1) on each of ``days``."""
    check_instance("body", body, Body)
    t = _days(days)
    # Its own stream: the same seed gives a diary and a temperature that do not move together.
    rng = np.random.default_rng([check_int("seed", seed, minimum=0, maximum=2**32 - 1), 1])
    course = infection_course(t, infection)  # refuses anything but an Infection or None
    rise = infection.fever_rise_c if infection else 0.0
    temperature = (body.normal_temperature_c + rise * course
                   + body.temperature_noise_c * rng.standard_normal(t.size))
    return np.round(temperature, 1)


def blood_tests(levels_on_test_days, noise_cv: float = 0.08, *, seed: int = 0) -> np.ndarray:
    """Readings of a blood level: the true level times exp(noise_cv z), z seeded normal.

    ``noise_cv`` is the spread of one test (0 to 0.5; 0.08 = most readings within
    about 8%). Readings are never negative.
    """
    true = check_array("levels_on_test_days", levels_on_test_days, minimum=0.0,
                       maximum=_MAX_LEVEL, ndim=None, min_length=0).reshape(-1)
    cv = check_number("noise_cv", noise_cv, minimum=0.0, maximum=0.5)
    rng = np.random.default_rng([check_int("seed", seed, minimum=0, maximum=2**32 - 1), 2])
    return true * np.exp(cv * rng.standard_normal(true.size))
