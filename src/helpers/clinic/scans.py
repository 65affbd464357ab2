"""Scans: snapshots of the lesions, taken on set days, seen through noise.

Units: days, millimetres.

What a scan does here, in words:

- Scans follow a plan: a baseline scan (day 0, before the first dose), then
  one every ``interval_weeks`` weeks. Restaging every 2 to 3 cycles (6 to 9
  weeks on 21-day cycles) is common.
- A lesion is seen only if it reads at least ``detection_limit_mm`` across.
  On CT this is about 5 to 10 mm; smaller deposits are there but unseen.
- Each reading is the true diameter times a random factor: the same lesion
  measured twice on the same day rarely gives the same number. The factor is
  ``exp(e)`` with ``e`` normal (standard deviation 0.05) and kept within
  +/-0.13. Two readings of one lesion then differ by less than 10% about 84%
  of the time, and never by more than about -23% to +30%: the spread
  reported for repeat CT scans taken 15 minutes apart (Oxnard GR et al.,
  "Variability of lung tumor measurements on repeat computed tomography
  scans taken within 15 minutes", J Clin Oncol 2011;29(23):3114-3119:
  84% of changes within +/-10%, range 23% shrinkage to 31% growth).
- Optionally, treatment causes swelling (inflammation, fluid, dead tissue)
  that makes lesions read larger than their cancer cells alone would: the
  extra size rises from the first dose to a peak and then fades. An early
  scan can then look worse even while the cancer shrinks.
- Readings are rounded to ``resolution_mm`` (0.1 mm by default).
- A lesion is *new* on a scan if it is seen there but was not seen at
  baseline.

Left out: lesion shape and the longest-axis rule, lymph nodes (measured
across their short axis), different readers, scanner settings, and the
larger percent variability of small lesions. See docs/model.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..checks import (
    DAY_RANGE,
    check_fields,
    check_instance,
    check_int,
    check_items,
    check_number,
)
from ..models.lesions import PatientCourse
from ..models.size import diameter_mm_to_cells

__all__ = [
    "CT_SMALLEST_VISIBLE_MM",
    "CT_SMALLEST_VISIBLE_CELLS",
    "REPEAT_CT_LOG_SD",
    "REPEAT_CT_LOG_CLIP",
    "ScanPlan",
    "Swelling",
    "LesionReading",
    "ScanReading",
    "reading_factors",
    "take_scans",
    "first_scan_showing",
    "repeat_readings",
]

#: The smallest lesion a CT scan usually shows: somewhere between these
#: diameters (mm), depending on the scanner, the organ and the slice thickness
#: (curriculum model notes; RECIST 1.1 asks for 10 mm for a measurable lesion).
CT_SMALLEST_VISIBLE_MM = (5.0, 10.0)
#: The same band in cells: a sphere at each end of it (1e9 cells per cm3).
CT_SMALLEST_VISIBLE_CELLS = (float(diameter_mm_to_cells(CT_SMALLEST_VISIBLE_MM[0])),
                             float(diameter_mm_to_cells(CT_SMALLEST_VISIBLE_MM[1])))

# Spread of one reading, as a standard deviation of log(measured / true).
# Chosen so two readings of one lesion differ by less than 10% in 84% of
# pairs: the difference of two readings has SD 0.05 * sqrt(2) = 0.0707, and
# P(ln 0.9 < N(0, 0.0707) < ln 1.1) = 0.84 (worked in docs/model.md).
REPEAT_CT_LOG_SD = 0.05
# Each reading's log error is kept within +/-0.13, so two readings differ by
# at most exp(+/-0.26): -23% to +30%, the range seen on repeat CT.
REPEAT_CT_LOG_CLIP = 0.13
# The baseline scan may fall up to 10 years either side of day 0, and a scan plan
# looks at most 100 years ahead (scan_days).
_MAX_BASELINE_DAYS = 3650
_MAX_SCAN_HORIZON_DAYS = 36_500
#: The largest diameter a reading may hold (mm): a metre, far past any lesion.
MAX_READING_MM = 1000.0
#: The most readings ``reading_factors`` makes at once (keeps memory small).
MAX_READINGS = 1_000_000


@dataclass(frozen=True)
class Swelling:
    """Treatment-related swelling: lesions read larger than their cancer cells.

    The extra size (a fraction of the true diameter) rises in a straight line
    from 0 on the first dose day to ``peak_fraction`` ``peak_day`` days later,
    then falls in a straight line to 0 over ``fade_days`` days.

    Attributes:
        peak_fraction: extra size at the peak (0.5 = reads 50% larger; 0 to 2).
        peak_day: days from the first dose to the peak (1 to 180).
        fade_days: days from the peak back to no swelling (1 to 365).
    """

    peak_fraction: float = 0.5
    peak_day: int = 35
    fade_days: int = 35

    def __post_init__(self) -> None:
        object.__setattr__(self, "peak_fraction",
                           check_number("peak_fraction", self.peak_fraction, minimum=0.0,
                                        maximum=2.0))
        object.__setattr__(self, "peak_day",
                           check_int("peak_day", self.peak_day, minimum=1, maximum=180))
        object.__setattr__(self, "fade_days",
                           check_int("fade_days", self.fade_days, minimum=1, maximum=365))

    def extra_fraction(self, days_since_first_dose: float) -> float:
        """Extra size on a day (0 before the first dose and after the fade)."""
        t = check_number("days_since_first_dose", days_since_first_dose,
                         minimum=2 * DAY_RANGE[0], maximum=2 * DAY_RANGE[1])
        if t <= 0 or t >= self.peak_day + self.fade_days:
            return 0.0
        if t <= self.peak_day:
            return self.peak_fraction * t / self.peak_day
        return self.peak_fraction * (1.0 - (t - self.peak_day) / self.fade_days)


@dataclass(frozen=True)
class ScanPlan:
    """When scans are taken and how they see.

    Attributes:
        interval_weeks: weeks between scans after the baseline (1 to 52).
        detection_limit_mm: smallest diameter a scan shows (0.5 to 50 mm).
        baseline_day: day of the baseline scan (before that day's dose).
        log_sd: spread of one reading (see ``REPEAT_CT_LOG_SD``; 0 = exact).
        resolution_mm: readings are rounded to this (0 = not rounded).
        swelling: treatment-related swelling, or None.
        seed: seed of the reading noise (same seed, same readings).
    """

    interval_weeks: int = 9
    detection_limit_mm: float = 5.0
    baseline_day: int = 0
    log_sd: float = REPEAT_CT_LOG_SD
    resolution_mm: float = 0.1
    swelling: Swelling | None = None
    seed: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "interval_weeks",
                           check_int("interval_weeks", self.interval_weeks, minimum=1,
                                     maximum=52))
        object.__setattr__(self, "detection_limit_mm",
                           check_number("detection_limit_mm", self.detection_limit_mm,
                                        minimum=0.5, maximum=50.0))
        object.__setattr__(self, "baseline_day",
                           check_int("baseline_day", self.baseline_day, minimum=-3650,
                                     maximum=3650))
        object.__setattr__(self, "log_sd",
                           check_number("log_sd", self.log_sd, minimum=0.0, maximum=0.5))
        object.__setattr__(self, "resolution_mm",
                           check_number("resolution_mm", self.resolution_mm, minimum=0.0,
                                        maximum=5.0))
        if self.swelling is not None and not isinstance(self.swelling, Swelling):
            raise ValueError(f"swelling must be a Swelling or None; got {self.swelling!r}")
        object.__setattr__(self, "seed", check_int("seed", self.seed, minimum=0,
                                                   maximum=2**32 - 1))

    def scan_days(self, horizon_days: float) -> tuple[int, ...]:
        """Baseline, then every ``interval_weeks`` weeks, up to ``horizon_days``.

        ``horizon_days`` runs from -3650 to 36,500 (100 years): a longer plan has no
        teaching use, and would only cost time and memory (at most about 5,700 scans).
        """
        horizon = check_number("horizon_days", horizon_days, minimum=-_MAX_BASELINE_DAYS,
                               maximum=_MAX_SCAN_HORIZON_DAYS)
        step = 7 * self.interval_weeks
        count = math.floor((horizon - self.baseline_day) / step) + 1 if horizon >= \
            self.baseline_day else 0
        return tuple(self.baseline_day + k * step for k in range(count))


@dataclass(frozen=True)
class LesionReading:
    """One lesion on one scan.

    ``measured_mm`` is what the reader writes down (0 if not seen);
    ``true_mm`` is the model's truth, which no reader knows.
    """

    name: str
    measured_mm: float
    true_mm: float
    visible: bool
    new: bool

    def __post_init__(self) -> None:
        check_fields(self, [("measured_mm", 0.0, MAX_READING_MM), ("true_mm", 0.0, MAX_READING_MM)],
                     flags=["visible", "new"])


@dataclass(frozen=True)
class ScanReading:
    """What one scan shows."""

    day: int
    lesions: tuple[LesionReading, ...]
    detection_limit_mm: float
    swelling_fraction: float = 0.0

    def __post_init__(self) -> None:
        check_fields(self, [("detection_limit_mm", 0.5, 50.0), ("swelling_fraction", 0.0, 2.0)],
                     whole=[("day", int(DAY_RANGE[0]), int(DAY_RANGE[1]))],
                     items=[("lesions", LesionReading)])

    @property
    def visible(self) -> tuple[LesionReading, ...]:
        return tuple(r for r in self.lesions if r.visible)

    @property
    def visible_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.visible)

    @property
    def new_lesions(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.lesions if r.new)

    def reading(self, name: str) -> LesionReading:
        for r in self.lesions:
            if r.name == name:
                return r
        raise ValueError(f"name must be one of {[r.name for r in self.lesions]}; got {name!r}")

    def measured(self, name: str) -> float | None:
        """Measured diameter of ``name`` in mm, or None if it is not seen."""
        r = self.reading(name)
        return r.measured_mm if r.visible else None


def reading_factors(rng: np.random.Generator, size: int | tuple[int, ...],
                    log_sd: float = REPEAT_CT_LOG_SD,
                    clip: float = REPEAT_CT_LOG_CLIP) -> np.ndarray:
    """Random factors measured/true for ``size`` readings: exp(clipped normal).

    ``size`` is a count or a shape; all together at most 1,000,000 readings.
    ``log_sd`` 0 to 0.5; ``clip`` (the most a log error may stray) 0 to 1."""
    rng = check_instance("rng", rng, np.random.Generator)
    shape = (size,) if not isinstance(size, tuple) else size
    if not shape:
        raise ValueError(f"size must be a count or a non-empty shape; got {size!r}")
    dims = tuple(check_int("size", n, minimum=0, maximum=MAX_READINGS) for n in shape)
    if math.prod(dims) > MAX_READINGS:
        raise ValueError(f"size must ask for at most {MAX_READINGS:,} readings in all; "
                         f"got {size!r}")
    log_sd = check_number("log_sd", log_sd, minimum=0.0, maximum=0.5)
    clip = check_number("clip", clip, minimum=0.0, maximum=1.0)
    size = dims if isinstance(size, tuple) else dims[0]
    return np.exp(np.clip(log_sd * rng.standard_normal(size), -clip, clip))


def _round(values: np.ndarray, resolution: float) -> np.ndarray:
    if resolution <= 0:
        return values
    # The second round clears float dust (22.900000000000002 -> 22.9).
    return np.round(np.round(values / resolution) * resolution, 6)


def take_scans(course: PatientCourse, plan: ScanPlan = ScanPlan()) -> tuple[ScanReading, ...]:
    """Read every scan of ``plan`` that falls within the course.

    The baseline decides which lesions are "known"; any other lesion seen on
    a later scan is marked new. Scans are read before that day's dose.
    """
    if not isinstance(course, PatientCourse):
        raise ValueError(f"course must be a PatientCourse; got {course!r}")
    if not isinstance(plan, ScanPlan):
        raise ValueError(f"plan must be a ScanPlan; got {plan!r}")
    if not course.start_day <= plan.baseline_day <= course.horizon_days:
        raise ValueError(f"baseline_day must be in [{course.start_day}, "
                         f"{course.horizon_days}]; got {plan.baseline_day}")
    days = plan.scan_days(course.horizon_days)
    rng = np.random.default_rng(plan.seed)
    factors = reading_factors(rng, (len(days), len(course.lesion_names)), plan.log_sd)
    first_dose = course.schedule.dose_days[0] if course.schedule.cycles else None
    scans: list[ScanReading] = []
    at_baseline: set[str] = set()
    for k, day in enumerate(days):
        true = course.diameters_on(day)
        swelling = 0.0
        if plan.swelling is not None and first_dose is not None:
            swelling = plan.swelling.extra_fraction(day - first_dose)
        measured = _round(true * (1.0 + swelling) * factors[k], plan.resolution_mm)
        measured = np.maximum(measured, 0.0)
        # A tiny tolerance, so a reading rounded to exactly the limit counts as seen.
        seen = measured >= plan.detection_limit_mm - 1e-9
        readings = []
        for name, t, m, v in zip(course.lesion_names, true, measured, seen, strict=True):
            if k == 0 and v:
                at_baseline.add(name)
            readings.append(LesionReading(name=name, measured_mm=float(m) if v else 0.0,
                                          true_mm=float(t), visible=bool(v),
                                          new=bool(v and k > 0 and name not in at_baseline)))
        scans.append(ScanReading(day=int(day), lesions=tuple(readings),
                                 detection_limit_mm=plan.detection_limit_mm,
                                 swelling_fraction=swelling))
    return tuple(scans)


def first_scan_showing(scans: Sequence[ScanReading], name: str) -> ScanReading | None:
    """The first of ``scans`` (in order) on which lesion ``name`` is seen, or None."""
    scans = check_items("scans", scans, ScanReading)
    for scan in scans:
        if name in scan.visible_names:
            return scan
    return None


def repeat_readings(true_mm: float, count: int, *, seed: int = 0,
                    log_sd: float = REPEAT_CT_LOG_SD, resolution_mm: float = 0.1) -> np.ndarray:
    """``count`` readings of one lesion of ``true_mm`` on the same day (seeded)."""
    true = check_number("true_mm", true_mm, minimum=0.0, maximum=500.0)
    n = check_int("count", count, minimum=1, maximum=100_000)
    sd = check_number("log_sd", log_sd, minimum=0.0, maximum=0.5)
    res = check_number("resolution_mm", resolution_mm, minimum=0.0, maximum=5.0)
    seed = check_int("seed", seed, minimum=0, maximum=2**32 - 1)
    rng = np.random.default_rng(seed)
    return _round(true * reading_factors(rng, n, sd), res)
