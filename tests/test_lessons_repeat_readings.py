"""Lesson 04 repeat readings state (lessons.repeat_readings): values, counts, the rule per pair."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from helpers.clinic.scans import REPEAT_CT_LOG_CLIP
from helpers.lessons import repeat_readings as lesson
from helpers.lessons.repeat_readings import RepeatValues, compute, state_from_readings


def _state(*pairs: tuple[float, float]) -> lesson.RepeatState:
    return state_from_readings(RepeatValues(), np.array(pairs, dtype=float))


def test_defaults_are_the_controls_starting_positions():
    assert dataclasses.asdict(RepeatValues()) == {"true_diameter_mm": 20, "pairs": 50,
                                                  "reading": 0}


@pytest.mark.parametrize(("field", "bad"), [
    ("true_diameter_mm", 4), ("true_diameter_mm", 61),
    ("pairs", 5), ("pairs", 15), ("pairs", 210),
    ("reading", -1), ("reading", 21),
])
def test_values_refuse_what_no_control_offers(field, bad):
    allowed = "(one of|a whole number from)"
    with pytest.raises(ValueError, match=f"{field} must be {allowed} .*got {bad!r}"):
        RepeatValues(**{field: bad})


def test_rule_positions_come_from_the_clinic_constants():
    assert lesson.PARTIAL_RESPONSE_PERCENT == -30
    assert lesson.PROGRESSION_PERCENT == 20
    # Two readings differ by at most exp(2 x clip) - 1 = exp(0.26) - 1 = 29.7%, and at
    # least exp(-0.26) - 1 = -22.9%: the fixed axis (+/-35%) holds every pair.
    widest = 100 * (math.exp(2 * REPEAT_CT_LOG_CLIP) - 1)
    assert widest == pytest.approx(29.7, abs=0.05) and widest < lesson.AXIS_LIMIT_PERCENT


def test_compute_makes_pairs_and_their_changes():
    state = compute(RepeatValues(true_diameter_mm=20, pairs=100, reading=0))
    assert state.readings.shape == (100, 2) and state.pairs == 100
    first, second = state.readings[:, 0], state.readings[:, 1]
    assert state.changes_percent == pytest.approx(100 * (second / first - 1))
    assert state.agreeing_pairs == int(np.sum(np.abs(state.changes_percent) <= 10 + 1e-9))
    assert state.agreeing_fraction == state.agreeing_pairs / 100
    # About 84% of repeat CT pairs agree within 10%; a set of 100 lands near that.
    assert 0.7 <= state.agreeing_fraction <= 0.95
    assert np.all(np.abs(state.changes_percent) < lesson.AXIS_LIMIT_PERCENT)
    # Another set of readings, other numbers; the same set, the same numbers.
    assert compute(RepeatValues(reading=3)).changes_percent.tolist() != \
        compute(RepeatValues(reading=0)).changes_percent.tolist()
    assert compute(RepeatValues()).changes_percent.tolist() == \
        compute(RepeatValues()).changes_percent.tolist()


def test_counts_by_hand():
    # 20 -> 20 (0%), 20 -> 21 (+5%), 20 -> 25 (+25%, +5 mm), 20 -> 16 (-20%).
    state = _state((20, 20), (20, 21), (20, 25), (20, 16))
    assert state.changes_percent == pytest.approx([0, 5, 25, -20])
    assert state.agreeing_pairs == 2            # 0% and +5%
    assert state.large_rises == 1               # +25%
    assert state.looks_like_progression == 1    # +25% and exactly 5 mm: inclusive
    assert (state.smallest_change_percent, state.largest_change_percent) == \
        pytest.approx((-20, 25))


def test_looks_like_progression_uses_the_inclusive_rule_per_pair():
    # 25 -> 30: exactly 20% and exactly 5 mm: progression (RECIST says "at least").
    assert _state((25, 30)).looks_like_progression == 1
    # 25 -> 29.9: 19.6% and 4.9 mm: not.
    assert _state((25, 29.9)).looks_like_progression == 0
    # 10 -> 15: +50% and 5 mm: progression; 10 -> 14.9: +49%, 4.9 mm: not (the 5 mm rule).
    assert _state((10, 15)).looks_like_progression == 1
    assert _state((10, 14.9)).looks_like_progression == 0
    assert _state((10, 14.9)).large_rises == 1
    # 50 -> 58: 8 mm but only +16%: not (the 20% rule), and not a large rise.
    assert _state((50, 58)).looks_like_progression == 0
    assert _state((50, 58)).large_rises == 0
    # 10 -> 12 is 0.19999999999999996 in floats: counts as the 20%.
    assert _state((10, 12)).large_rises == 1


def test_agreement_edges():
    # +10% exactly (11 / 10 - 1 = 0.10000000000000009) agrees; +11% does not.
    assert _state((10, 11)).agreeing_pairs == 1
    assert _state((10, 11.1)).agreeing_pairs == 0


def test_presets():
    assert {name: dataclasses.astuple(p.values) for name, p in lesson.PRESETS.items()} == {
        "A 20 mm lesion, 100 pairs": (20, 100, 0),
        "A small lesion (10 mm)": (10, 100, 0),
        "A large lesion (50 mm)": (50, 100, 0),
    }
    # The stories' numbers, said from the constants: 20% of 10 mm is 2 mm; 5 mm of 50 is 10%.
    assert "a 20% rise is only 2 mm" in lesson.PRESETS["A small lesion (10 mm)"].story
    assert "5 mm is only 10%" in lesson.PRESETS["A large lesion (50 mm)"].story
