"""Lesson 04, repeat readings: one lesion scanned twice on the same day, many times over.

Nothing changes between the two scans of a pair, yet the two readings differ
(``clinic.scans.repeat_readings``: the reading noise of repeat CT). The state
holds each pair's change in percent and in mm, and counts how many pairs
agree within 10%, how many read 20% or more larger the second time, how many
grew by 5 mm or more, and how many of them the response rule would call
progression (``clinic.response.is_progression``: 20% *and* 5 mm).

The noise is a share of the size, so a 10 mm and a 50 mm lesion show nearly
the same percentages (readings are rounded to 0.1 mm, so not exactly) but
very different millimetres: that is what the 5 mm part of the rule is for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..checks import Record, check_instance
from ..clinic.response import (
    MAX_SUM_MM,
    PARTIAL_RESPONSE_CHANGE,
    PROGRESSION_CHANGE,
    PROGRESSION_MIN_MM,
    TOLERANCE,
    is_progression,
)
from ..clinic.scans import repeat_readings
from ..plain_words import percent
from .presets import Preset, check_offered, check_whole

__all__ = [
    "TRUE_DIAMETER_MM_RANGE", "PAIRS_CHOICES", "READING_RANGE", "MAX_PAIRS",
    "AGREE_WITHIN_PERCENT", "PARTIAL_RESPONSE_PERCENT", "PROGRESSION_PERCENT",
    "AXIS_LIMIT_PERCENT", "PROGRESSION_MIN_MM", "AXIS_LIMIT_MM", "RepeatValues", "RepeatState",
    "state_from_readings", "compute", "PRESETS",
]

#: True sizes the slider offers (whole mm).
TRUE_DIAMETER_MM_RANGE: tuple[int, int] = (5, 60)
#: Pairs of same-day scans the slider offers: 10 to 200 in steps of 10.
PAIRS_CHOICES: tuple[int, ...] = tuple(range(10, 201, 10))
#: The set of readings: the noise seed.
READING_RANGE: tuple[int, int] = (0, 20)
#: The most pairs ``state_from_readings`` takes: its counts go pair by pair, and more
#: than the control's most pairs times fifty would only cost time.
MAX_PAIRS = 10_000

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
#: The millimetre axis runs from minus to plus this (mm): two readings of the
#: largest lesion (60 mm) differ by at most 60 x (exp(0.13) - exp(-0.13)) = 15.7 mm.
AXIS_LIMIT_MM = 20.0


@dataclass(frozen=True)
class RepeatValues:
    """The controls: the lesion's true diameter (mm), pairs of scans, and the set of readings."""

    # The start: a 20 mm lesion, where 20% is only 4 mm. This set of 100 pairs
    # agrees within 10% about as often as the study (83 of 100) and has 2 pairs
    # past 20% that the 5 mm rule holds back (tests/test_lessons_repeat_readings.py).
    true_diameter_mm: int = 20
    pairs: int = 100
    reading: int = 4

    def __post_init__(self) -> None:
        check_whole("true_diameter_mm", self.true_diameter_mm, TRUE_DIAMETER_MM_RANGE)
        check_offered("pairs", self.pairs, PAIRS_CHOICES)
        check_whole("reading", self.reading, READING_RANGE)


@dataclass(frozen=True, eq=False)
class RepeatState(Record):
    """Pairs of same-day readings of one lesion and what they show.

    Attributes:
        values: the control values this state was computed from.
        readings: one row per pair: first and second reading (mm).
        changes_percent: per pair, the second reading against the first (+12.5 = larger).
        changes_mm: per pair, the second reading minus the first (mm; + = larger).
        past_rise: per pair, True when the second reading is 20% or more larger.
        past_min_mm: per pair, True when the second reading is 5 mm or more larger.
        agreeing_pairs: pairs whose readings differ by at most ``AGREE_WITHIN_PERCENT``.
        large_rises: pairs whose second reading is 20% or more larger.
        mm_rises: pairs whose second reading is 5 mm or more larger.
        looks_like_progression: pairs whose second reading the rule would call
            progression against the first (20% and 5 mm or more larger).
    """

    values: RepeatValues
    readings: np.ndarray
    changes_percent: np.ndarray
    changes_mm: np.ndarray
    past_rise: np.ndarray
    past_min_mm: np.ndarray
    agreeing_pairs: int
    large_rises: int
    mm_rises: int
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
    def differing_pairs(self) -> int:
        """Pairs whose readings differ by more than ``AGREE_WITHIN_PERCENT``."""
        return self.pairs - self.agreeing_pairs

    @property
    def held_by_min_mm(self) -> int:
        """Pairs 20% or more larger that the 5 mm part of the rule keeps from progression."""
        return self.large_rises - self.looks_like_progression

    @property
    def held_by_rise(self) -> int:
        """Pairs 5 mm or more larger that the 20% part of the rule keeps from progression."""
        return self.mm_rises - self.looks_like_progression

    @property
    def smallest_change_percent(self) -> float:
        return float(self.changes_percent.min())

    @property
    def largest_change_percent(self) -> float:
        return float(self.changes_percent.max())

    @property
    def smallest_change_mm(self) -> float:
        """The mm change of the pair with the smallest percent change (the same pair)."""
        return float(self.changes_mm[int(np.argmin(self.changes_percent))])

    @property
    def largest_change_mm(self) -> float:
        """The mm change of the pair with the largest percent change (the same pair)."""
        return float(self.changes_mm[int(np.argmax(self.changes_percent))])


def state_from_readings(values: RepeatValues, readings: np.ndarray) -> RepeatState:
    """The counts for given pairs of readings (mm, one row per pair: first, second)."""
    check_instance("values", values, RepeatValues)
    check_instance("readings", readings, np.ndarray)
    # One pair per row, at most MAX_PAIRS: the counts below loop over the pairs.
    if readings.ndim != 2 or readings.shape[1] != 2 or not 1 <= len(readings) <= MAX_PAIRS \
            or readings.dtype.kind not in "iuf":
        raise ValueError(f"readings must hold at least 1 pair and at most {MAX_PAIRS:,}, as "
                         f"rows of 2 numbers (mm: first, second); got shape {readings.shape} "
                         f"of {readings.dtype}")
    pairs = readings.astype(float)
    fine = (pairs > 0) & (pairs <= MAX_SUM_MM)
    if not fine.all():
        raise ValueError(f"readings must hold at least 1 pair of positive diameters (mm), "
                         f"each from above 0 to {MAX_SUM_MM:g} mm; "
                         f"got {float(pairs[~fine][0])!r} in {readings.tolist()!r:.80}")
    first, second = pairs[:, 0], pairs[:, 1]
    changes = 100.0 * (second / first - 1.0)
    grown_mm = second - first
    # The rule's 20% alone (no 5 mm), pair by pair, from the clinic's rule.
    past_rise = np.array([is_progression(float(b), float(a), min_growth_mm=0.0)
                          for a, b in zip(first, second, strict=True)], dtype=bool)
    # The rule's 5 mm alone, with the clinic's number and tolerance.
    past_min_mm = grown_mm >= PROGRESSION_MIN_MM - TOLERANCE
    both = sum(is_progression(float(b), float(a)) for a, b in zip(first, second, strict=True))
    return RepeatState(
        values=values, readings=pairs, changes_percent=changes, changes_mm=grown_mm,
        past_rise=past_rise, past_min_mm=past_min_mm,
        agreeing_pairs=int(np.sum(np.abs(changes) <= AGREE_WITHIN_PERCENT + 1e-9)),
        large_rises=int(past_rise.sum()), mm_rises=int(past_min_mm.sum()),
        looks_like_progression=int(both),
    )


def compute(values: RepeatValues) -> RepeatState:
    """``values.pairs`` pairs of same-day readings of one lesion (seeded by ``reading``)."""
    check_instance("values", values, RepeatValues)
    readings = repeat_readings(float(values.true_diameter_mm), 2 * values.pairs,
                               seed=int(values.reading))
    return state_from_readings(values, readings.reshape(values.pairs, 2))


_RISE = percent(PROGRESSION_CHANGE)
_MIN_MM = f"{PROGRESSION_MIN_MM:g} mm"
#: The set of readings the examples share, so they differ only in the lesion's size.
_SHARED_READING = 4

PRESETS: dict[str, Preset[RepeatValues]] = {
    "A 20 mm lesion: the 5 mm rule at work": Preset(
        RepeatValues(true_diameter_mm=20, pairs=100, reading=_SHARED_READING),
        "Nothing changes between the two scans, yet the readings differ: most pairs by "
        f"less than {AGREE_WITHIN_PERCENT:g}%, a few by {_RISE} or more. For a 20 mm lesion "
        f"a {_RISE} rise is only {20 * PROGRESSION_CHANGE:g} mm, so the rule's {_MIN_MM} keeps "
        "those pairs from counting as progression."),
    "The same readings, a 10 mm lesion": Preset(
        RepeatValues(true_diameter_mm=10, pairs=100, reading=_SHARED_READING),
        "The same set of readings on a lesion half the size: nearly the same percentages, "
        f"half the millimetres. A {_RISE} rise is only {10 * PROGRESSION_CHANGE:g} mm here, "
        f"far short of {_MIN_MM}: the {_MIN_MM} rule keeps noise like this from being called "
        "growth."),
    "The same readings, a 50 mm lesion": Preset(
        RepeatValues(true_diameter_mm=50, pairs=100, reading=_SHARED_READING),
        "The same set of readings on a 50 mm lesion: nearly the same percentages, but now "
        f"{_MIN_MM} is only {percent(PROGRESSION_MIN_MM / 50)}, so many pairs grow by "
        f"{_MIN_MM} and the {_MIN_MM} rule protects less. The {_RISE} rule does the work, and "
        "the few pairs past both lines would look like progression from noise alone."),
}
