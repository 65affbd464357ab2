"""Lesson 04, repeat readings: one lesion scanned twice on the same day, many times over.

Nothing changes between the two scans of a pair, yet the two readings differ
(``clinic.scans.repeat_readings``: the reading noise of repeat CT). The state
counts how many pairs agree within 10%, how many read 20% or more larger the
second time, and how many of those the response rule would call progression
(``clinic.response.is_progression``: 20% *and* 5 mm).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..clinic.response import (
    PARTIAL_RESPONSE_CHANGE,
    PROGRESSION_CHANGE,
    PROGRESSION_MIN_MM,
    is_progression,
)
from ..clinic.scans import repeat_readings
from ..plain_words import percent
from .presets import Preset, check_offered, check_whole

__all__ = [
    "TRUE_DIAMETER_MM_RANGE", "PAIRS_CHOICES", "READING_RANGE",
    "AGREE_WITHIN_PERCENT", "PARTIAL_RESPONSE_PERCENT", "PROGRESSION_PERCENT",
    "AXIS_LIMIT_PERCENT", "RepeatValues", "RepeatState", "state_from_readings", "compute",
    "PRESETS",
]

#: True sizes the slider offers (whole mm).
TRUE_DIAMETER_MM_RANGE: tuple[int, int] = (5, 60)
#: Pairs of same-day scans the slider offers: 10 to 200 in steps of 10.
PAIRS_CHOICES: tuple[int, ...] = tuple(range(10, 201, 10))
#: The set of readings: the noise seed.
READING_RANGE: tuple[int, int] = (0, 20)

#: Two readings "agree" when they differ by at most this (percent): about 84% of
#: repeat CT pairs do (Oxnard et al. 2011, see ``clinic.scans``).
AGREE_WITHIN_PERCENT = 10.0
#: The rule's changes in percent, for the figure's lines (from ``clinic.response``;
#: rounded so -30.000000000000004 draws and reads as -30).
PARTIAL_RESPONSE_PERCENT = round(100 * PARTIAL_RESPONSE_CHANGE, 9)
PROGRESSION_PERCENT = round(100 * PROGRESSION_CHANGE, 9)
#: The change axis runs from minus to plus this (percent): wider than two readings
#: in the model ever differ (about -23% to +30%), so the axes never move.
AXIS_LIMIT_PERCENT = 35.0


@dataclass(frozen=True)
class RepeatValues:
    """The controls: the lesion's true diameter (mm), pairs of scans, and the set of readings."""

    true_diameter_mm: int = 20
    pairs: int = 50
    reading: int = 0

    def __post_init__(self) -> None:
        check_whole("true_diameter_mm", self.true_diameter_mm, TRUE_DIAMETER_MM_RANGE)
        check_offered("pairs", self.pairs, PAIRS_CHOICES)
        check_whole("reading", self.reading, READING_RANGE)


@dataclass(frozen=True, eq=False)
class RepeatState:
    """Pairs of same-day readings of one lesion and what they show.

    Attributes:
        values: the control values this state was computed from.
        readings: one row per pair: first and second reading (mm).
        changes_percent: per pair, the second reading against the first (+12.5 = larger).
        agreeing_pairs: pairs whose readings differ by at most ``AGREE_WITHIN_PERCENT``.
        large_rises: pairs whose second reading is 20% or more larger.
        looks_like_progression: pairs whose second reading the rule would call
            progression against the first (20% and 5 mm or more larger).
    """

    values: RepeatValues
    readings: np.ndarray
    changes_percent: np.ndarray
    agreeing_pairs: int
    large_rises: int
    looks_like_progression: int

    @property
    def pairs(self) -> int:
        return int(self.changes_percent.size)

    @property
    def true_diameter_mm(self) -> float:
        return float(self.values.true_diameter_mm)

    @property
    def agreeing_fraction(self) -> float:
        return self.agreeing_pairs / self.pairs

    @property
    def smallest_change_percent(self) -> float:
        return float(self.changes_percent.min())

    @property
    def largest_change_percent(self) -> float:
        return float(self.changes_percent.max())


def state_from_readings(values: RepeatValues, readings: np.ndarray) -> RepeatState:
    """The counts for given pairs of readings (mm, one row per pair: first, second)."""
    pairs = np.asarray(readings, dtype=float).reshape(-1, 2)
    first, second = pairs[:, 0], pairs[:, 1]
    changes = 100.0 * (second / first - 1.0)
    return RepeatState(
        values=values, readings=pairs, changes_percent=changes,
        agreeing_pairs=int(np.sum(np.abs(changes) <= AGREE_WITHIN_PERCENT + 1e-9)),
        # The rule's 20% alone (no 5 mm), then the whole rule, pair by pair.
        large_rises=sum(is_progression(float(b), float(a), min_growth_mm=0.0)
                        for a, b in zip(first, second, strict=True)),
        looks_like_progression=sum(is_progression(float(b), float(a))
                                   for a, b in zip(first, second, strict=True)),
    )


def compute(values: RepeatValues) -> RepeatState:
    """``values.pairs`` pairs of same-day readings of one lesion (seeded by ``reading``)."""
    readings = repeat_readings(float(values.true_diameter_mm), 2 * values.pairs,
                               seed=int(values.reading))
    return state_from_readings(values, readings.reshape(values.pairs, 2))


_RISE = percent(PROGRESSION_CHANGE)
_MIN_MM = f"{PROGRESSION_MIN_MM:g} mm"

PRESETS: dict[str, Preset[RepeatValues]] = {
    "A 20 mm lesion, 100 pairs": Preset(
        RepeatValues(true_diameter_mm=20, pairs=100, reading=0),
        "Nothing changes between the two scans, yet the readings differ: most pairs by "
        f"less than {AGREE_WITHIN_PERCENT:g}%, a few by {_RISE} or more."),
    "A small lesion (10 mm)": Preset(
        RepeatValues(true_diameter_mm=10, pairs=100, reading=0),
        f"For a 10 mm lesion, a {_RISE} rise is only {10 * PROGRESSION_CHANGE:g} mm. The rule "
        f"that progression also needs {_MIN_MM} keeps noise like this from being called "
        "growth."),
    "A large lesion (50 mm)": Preset(
        RepeatValues(true_diameter_mm=50, pairs=100, reading=0),
        f"For a 50 mm lesion, {_MIN_MM} is only {percent(PROGRESSION_MIN_MM / 50)}, so the "
        f"{_MIN_MM} rule protects less: the {_RISE} rule does the work."),
}
