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
    assert dataclasses.asdict(RepeatValues()) == {"true_diameter_mm": 20, "pairs": 100,
                                                  "reading": 4}


def test_the_start_shows_what_the_lesson_asks_about():
    # The lesson asks about pairs past 20% and about the 5 mm rule: at the start at
    # least one pair reads 20% or more larger, and the 5 mm rule holds every such pair
    # back (20% of 20 mm is only 4 mm).
    state = compute(RepeatValues())
    assert state.large_rises >= 1
    assert state.looks_like_progression == 0 and state.held_by_min_mm == state.large_rises
    risen = state.changes_percent[state.past_rise]
    assert np.all(risen >= 20 - 1e-9)
    assert np.all(state.changes_mm[state.past_rise] < 5)
    # Agreement near the study's 84 in 100.
    assert 0.75 <= state.agreeing_fraction <= 0.92


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
    assert state.changes_mm == pytest.approx([0, 1, 5, -4])
    assert state.agreeing_pairs == 2 and state.differing_pairs == 2  # 0% and +5% agree
    assert state.large_rises == 1               # +25%
    assert state.mm_rises == 1                  # +5 mm exactly: inclusive
    assert state.looks_like_progression == 1    # +25% and exactly 5 mm: inclusive
    assert (state.held_by_min_mm, state.held_by_rise) == (0, 0)
    assert state.past_rise.tolist() == [False, False, True, False]
    assert state.past_min_mm.tolist() == [False, False, True, False]
    assert (state.smallest_change_percent, state.largest_change_percent) == \
        pytest.approx((-20, 25))
    # The mm of the same pairs: -20% is 20 -> 16 (-4 mm); +25% is 20 -> 25 (+5 mm).
    assert (state.smallest_change_mm, state.largest_change_mm) == pytest.approx((-4, 5))


def test_the_extreme_pairs_mm_come_from_the_same_pair():
    # 40 -> 34 is -15% (-6 mm); 10 -> 8 is -20% (only -2 mm): the smallest percent
    # change is the 10 mm pair's, so its mm (-2) is said with it, not the -6 mm.
    state = _state((40, 34), (10, 8), (30, 33))
    assert state.smallest_change_percent == pytest.approx(-20)
    assert state.smallest_change_mm == pytest.approx(-2)
    assert state.largest_change_mm == pytest.approx(3)


def test_held_back_by_each_part_of_the_rule():
    # 10 -> 12.5: +25% but 2.5 mm (held by the 5 mm rule); 50 -> 56: 6 mm but +12%
    # (held by the 20% rule); 30 -> 36: +20% and 6 mm (both).
    state = _state((10, 12.5), (50, 56), (30, 36))
    assert (state.large_rises, state.mm_rises, state.looks_like_progression) == (2, 2, 1)
    assert (state.held_by_min_mm, state.held_by_rise) == (1, 1)
    assert state.past_rise.tolist() == [True, False, True]
    assert state.past_min_mm.tolist() == [False, True, True]


@pytest.mark.parametrize("bad", [[], [[10.0, 0.0]], [[10.0, float("nan")]], [[-1.0, 5.0]]])
def test_readings_must_be_positive_pairs(bad):
    with pytest.raises(ValueError, match="readings must hold at least 1 pair"):
        state_from_readings(RepeatValues(), np.array(bad, dtype=float))


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


_START, _SMALL, _LARGE = ("A 20 mm lesion: the 5 mm rule at work",
                          "The same readings, a 10 mm lesion",
                          "The same readings, a 50 mm lesion")


def test_presets():
    assert {name: dataclasses.astuple(p.values) for name, p in lesson.PRESETS.items()} == {
        _START: (20, 100, 4), _SMALL: (10, 100, 4), _LARGE: (50, 100, 4)}
    # The stories' numbers, said from the constants: 20% of 20 mm is 4 mm, of 10 mm
    # 2 mm; 5 mm of 50 mm is 10%.
    assert "a 20% rise is only 4 mm" in lesson.PRESETS[_START].story
    assert "A 20% rise is only 2 mm here" in lesson.PRESETS[_SMALL].story
    assert "5 mm is only 10%" in lesson.PRESETS[_LARGE].story


def test_presets_show_their_stories():
    start, small, large = (compute(lesson.PRESETS[name].values)
                           for name in (_START, _SMALL, _LARGE))
    # The same readings: nearly the same percentages, the millimetres in proportion to
    # the size. Not exactly: each reading is rounded to 0.1 mm, which moves a pair's
    # change by at most 2 x 0.05 mm over the smaller reading (at least d x exp(-0.13)),
    # times the largest ratio exp(0.26).
    def rounding_percent(d: float) -> float:
        return 100 * 2 * 0.05 / (d * math.exp(-REPEAT_CT_LOG_CLIP)) * math.exp(
            2 * REPEAT_CT_LOG_CLIP)

    assert small.changes_percent == pytest.approx(
        start.changes_percent, abs=rounding_percent(10) + rounding_percent(20))
    assert large.changes_percent == pytest.approx(
        start.changes_percent, abs=rounding_percent(50) + rounding_percent(20))
    assert small.changes_mm == pytest.approx(start.changes_mm / 2, abs=0.2)
    assert large.changes_mm == pytest.approx(start.changes_mm * 2.5, abs=0.3)
    # 20 mm and 10 mm: some pairs past 20%, all held back by the 5 mm rule.
    for state in (start, small):
        assert state.large_rises >= 1 and state.looks_like_progression == 0
    # 50 mm: the 5 mm rule protects less: many pairs grow by 5 mm, the 20% rule holds
    # them back, and the pairs past 20% also pass 5 mm (noise that looks like growth).
    assert large.held_by_rise >= 5
    assert large.looks_like_progression == large.large_rises >= 1
