"""A blood tumour marker: a clue that follows the tumour burden, late and noisy.

Governing equation::

    dM/dt = k (normal + a B(t) [+ surge(t)] - M),   k = ln 2 / half-life

with B the burden in billions of cells and a the units per billion cells.

Units: time in days, burden in cells, marker level in "units per mL" (an
arbitrary teaching unit; real markers have their own units and normal ranges).

The model, in words:

- Some cancers release a substance into the blood roughly in proportion to
  how many cancer cells there are (the *burden*). Here the level the blood
  would settle at is ``a x burden`` (plus a normal level found without
  cancer), with ``a`` = units per mL per billion cells.
- The blood level does not jump when the burden changes: the body clears the
  marker with a half-life, so the level follows with a lag (first-order
  kinetics)::

      dM/dt = k (target(t) - M),   k = ln 2 / half-life,
      target(t) = normal + a * burden(t) [+ surge(t)]

- Optionally, dying cells spill marker when treatment starts: an extra input
  (``surge_fraction`` x the target just before that dose) for ``surge_days`` days after the
  first dose, so the level can rise briefly even while the tumour shrinks.
- Each blood test reads the level times a random factor (seeded): lab and
  day-to-day variation.

A clue, never a verdict on its own: it lags, it can surge, and it is noisy.

Left out: markers made by normal tissue, kidney or liver problems that slow
clearance, cancers that make no marker, assay differences. See docs/model.md.
"""

from __future__ import annotations

import math
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

__all__ = ["MarkerModel", "marker_levels", "measure_marker"]

_LN2 = math.log(2.0)
# The highest level a series may hold: the most units per cell times the most cells.
_MAX_LEVEL = 1e6 + 1e6 * MAX_CELLS_ANYWHERE / 1e9


@dataclass(frozen=True)
class MarkerModel:
    """How a marker follows the burden.

    Attributes:
        half_life_days: time for the blood level to halve once release stops
            (days to weeks for real markers; 0.5 to 120 allowed).
        units_per_billion_cells: level per billion cancer cells once settled.
        normal_level: level with no cancer at all (0 or more).
        surge_fraction: extra release after the first dose, as a fraction of
            the target just before the first dose (0 = no surge; 0 to 5).
        surge_days: how long that extra release lasts (1 to 60 days).
        noise_cv: spread of one blood test around the true level (0 to 0.5;
            0.1 = readings typically within about 10%).
    """

    half_life_days: float = 10.0
    units_per_billion_cells: float = 10.0
    normal_level: float = 0.0
    surge_fraction: float = 0.0
    surge_days: int = 14
    noise_cv: float = 0.1

    def __post_init__(self) -> None:
        check_fields(self, (("half_life_days", 0.5, 120.0),
                            ("units_per_billion_cells", 0.0, 1e6),
                            ("normal_level", 0.0, 1e6),
                            ("surge_fraction", 0.0, 5.0),
                            ("noise_cv", 0.0, 0.5)))
        if self.half_life_days <= 0:  # pragma: no cover - the range above forbids it
            raise ValueError("half_life_days must be positive")
        object.__setattr__(self, "surge_days",
                           check_int("surge_days", self.surge_days, minimum=1, maximum=60))

    @property
    def clearance_per_day(self) -> float:
        """k = ln 2 / half-life."""
        return _LN2 / self.half_life_days


def _check_series(days, values, name: str, maximum: float) -> tuple[np.ndarray, np.ndarray]:
    """The days (never going down) and one value per day, called ``name``."""
    t = check_array("days", days, minimum=DAY_RANGE[0], maximum=DAY_RANGE[1], rising=True)
    b = check_array(name, values, minimum=0.0, maximum=maximum)
    if b.shape != t.shape:
        raise ValueError(f"{name} must have one value per day ({t.size}); "
                         f"got shape {b.shape}")
    return t, b


def marker_levels(days, burden_cells, model: MarkerModel = MarkerModel(), *,
                  first_dose_day: float | None = None) -> np.ndarray:
    """True (noise-free) marker level on each of ``days``.

    The level starts settled (at its target on the first day) and follows
    the target with the half-life lag. Between two samples the target is
    taken to change linearly, and the equation is solved exactly for that:
    ``M1 = u1 + (M0 - u0) e^(-k dt) - (u1 - u0) (1 - e^(-k dt)) / (k dt)``.
    Equal days in a row (before/after a dose) leave the level unchanged.
    """
    model = check_instance("model", model, MarkerModel)
    t, b = _check_series(days, burden_cells, "burden_cells", MAX_CELLS_ANYWHERE)
    start = None if first_dose_day is None else check_number(
        "first_dose_day", first_dose_day, minimum=DAY_RANGE[0], maximum=DAY_RANGE[1])
    target = model.normal_level + model.units_per_billion_cells * b / 1e9
    if start is not None and model.surge_fraction > 0:
        before = int(np.searchsorted(t, start, side="left"))
        if before < t.size:
            # Extra release in proportion to the target just before the first dose,
            # from just after the dose (the last sample of that day) for surge_days.
            extra = model.surge_fraction * (target[before] - model.normal_level)
            after = int(np.searchsorted(t, start, side="right")) - 1
            window = (t >= start) & (t < start + model.surge_days)
            window[:after] = False
            target = target + np.where(window, extra, 0.0)
    k = model.clearance_per_day
    # Stepped in plain floats: a numpy scalar per step costs several times as much.
    times, targets = t.tolist(), target.tolist()
    levels = [targets[0]] * len(targets)
    for i in range(1, len(times)):
        dt = times[i] - times[i - 1]
        if dt == 0.0:
            levels[i] = levels[i - 1]
            continue
        decay = math.exp(-k * dt)
        ramp = -math.expm1(-k * dt) / (k * dt)  # (1 - e^(-k dt)) / (k dt)
        u0, u1 = targets[i - 1], targets[i]
        levels[i] = u1 + (levels[i - 1] - u0) * decay - (u1 - u0) * ramp
    return np.maximum(np.array(levels, dtype=float), 0.0)


def measure_marker(days, levels, test_days, model: MarkerModel = MarkerModel(), *,
                   seed: int = 0) -> np.ndarray:
    """Blood-test readings on ``test_days``: the level times a seeded random factor.

    The factor is exp(noise_cv x z) with z standard normal, so readings are
    never negative and the same seed gives the same readings.
    """
    model = check_instance("model", model, MarkerModel)
    t, m = _check_series(days, levels, "levels", _MAX_LEVEL)
    tests = check_array("test_days", test_days, minimum=DAY_RANGE[0], maximum=DAY_RANGE[1],
                        min_length=0)
    if tests.size and (tests.min() < t[0] or tests.max() > t[-1]):
        raise ValueError(f"test_days must lie in [{t[0]:g}, {t[-1]:g}]; got "
                         f"{tests.min():g} to {tests.max():g}")
    seed = check_int("seed", seed, minimum=0, maximum=2**32 - 1)
    # The blood is drawn before that day's dose: the first sample of the day.
    index = np.searchsorted(t, tests, side="left")
    true = m[index]
    rng = np.random.default_rng(seed)
    return true * np.exp(model.noise_cv * rng.standard_normal(tests.size))
