"""Lesson 04 repeat readings words (words.repeat_readings), from hand-made pairs of readings.

Each state is built from pairs (first, second) in mm with
``lessons.repeat_readings.state_from_readings``; the expected words are worked by hand.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers.lessons import repeat_readings as lesson
from helpers.lessons.repeat_readings import RepeatValues, state_from_readings
from helpers.words.repeat_readings import alt_text, caption, change_words

END = ("That is why teams compare with earlier scans, look at the trend and confirm a "
       "surprising result before changing course.")


def _state(true_mm: int, *pairs: tuple[float, float]) -> lesson.RepeatState:
    return state_from_readings(RepeatValues(true_diameter_mm=true_mm),
                               np.array(pairs, dtype=float))


@pytest.mark.parametrize(("change", "said"), [
    (-15.24, "15.2% smaller"), (19.6, "19.6% larger"), (0.0, "0.0% larger"),
    (-0.04, "0.0% smaller"), (29.96, "30.0% larger"),
])
def test_change_words_keep_one_decimal(change, said):
    assert change_words(change) == said


def test_one_pair_reads_progression():
    # 20 -> 20 (0%), 20 -> 21 (+5%), 20 -> 25 (+25%, +5 mm), 20 -> 16 (-20%).
    # Agree within 10%: 2 of 4 = 50%. Rises of 20% or more: 1, and it grew by 5 mm.
    state = _state(20, (20, 20), (20, 21), (20, 25), (20, 16))
    assert caption(state) == (
        "4 pairs of same-day scans of one 20 mm lesion. Nothing really changed, yet only "
        "2 pairs (50%) agree within 10%. The biggest differences are 20.0% smaller and "
        "25.0% larger. 1 pair reads 20% or more larger the second time; it also grew by 5 mm "
        "or more: noise alone would look like progression. " + END)


def test_none_agree_and_the_5_mm_rule_holds_one_rise_back():
    # 10 -> 12 (+20%, only 2 mm), 10 -> 8.5 (-15%): no pair within 10%;
    # one rise of 20%, which the 5 mm rule keeps from progression.
    state = _state(10, (10, 12), (10, 8.5))
    assert caption(state) == (
        "2 pairs of same-day scans of one 10 mm lesion. Nothing really changed, yet no pair "
        "agrees within 10%. The biggest differences are 15.0% smaller and 20.0% larger. "
        "1 pair reads 20% or more larger the second time; it did not grow by 5 mm, so the "
        "5 mm rule keeps it from counting as progression. " + END)


def test_one_agrees_two_rises_none_progression():
    # 10 -> 12.5 (+25%, 2.5 mm), 10 -> 13 (+30%, 3 mm), 10 -> 9 (-10%: agrees).
    # 1 of 3 agrees: 33%.
    state = _state(10, (10, 12.5), (10, 13), (10, 9))
    assert caption(state) == (
        "3 pairs of same-day scans of one 10 mm lesion. Nothing really changed, yet only "
        "1 pair (33%) agrees within 10%. The biggest differences are 10.0% smaller and "
        "30.0% larger. 2 pairs read 20% or more larger the second time; none of them grew "
        "by 5 mm, so the 5 mm rule keeps them from counting as progression. " + END)


def test_two_rises_both_progression():
    # 30 -> 36 (+20%, 6 mm), 30 -> 37.5 (+25%, 7.5 mm), 30 -> 30 (0%): both rises are
    # progression by the rule; 1 of 3 agrees.
    text = caption(_state(30, (30, 36), (30, 37.5), (30, 30)))
    assert ("2 pairs read 20% or more larger the second time; 2 of them also grew by 5 mm "
            "or more: noise alone would look like progression.") in text
    assert "only 1 pair (33%) agrees within 10%" in text


def test_all_agree_and_no_rise():
    # 20 -> 21 (+5%), 20 -> 19 (-5%): all agree, no rise of 20%.
    assert caption(_state(20, (20, 21), (20, 19))) == (
        "2 pairs of same-day scans of one 20 mm lesion. Nothing really changed, and all "
        "2 pairs agree within 10%. The biggest differences are 5.0% smaller and 5.0% larger. "
        "In this set no pair reads 20% or more larger the second time; try another set or "
        "more pairs. " + END)


def test_a_single_pair():
    # 10 -> 10.5: +5%; one pair, which agrees.
    text = caption(_state(10, (10, 10.5)))
    assert text.startswith("1 pair of same-day scans of one 10 mm lesion. Nothing really "
                           "changed, and the two readings agree within 10%. The second "
                           "reading is 5.0% larger.")


def test_the_largest_lesion_and_the_smallest():
    # The slider's ends: 5 mm and 60 mm. 60 -> 72 is +20% and 12 mm: progression.
    assert "one 60 mm lesion" in caption(_state(60, (60, 72)))
    assert "it also grew by 5 mm" in caption(_state(60, (60, 72)))
    # 5 -> 6: +20% but 1 mm.
    assert "it did not grow by 5 mm" in caption(_state(5, (5, 6)))


def test_alt_text_by_hand():
    # Changes -15% and +20%.
    text = alt_text(_state(10, (10, 12), (10, 8.5)))
    assert text == (
        "A dot chart: each dot is one pair of same-day scans of a 10 mm lesion, placed at how "
        "much the second reading differed from the first, from -35% to +35%. Most dots sit "
        "inside the shaded band of plus or minus 10%; a dashed line marks -30% (partial "
        "response) and a dash-dot line +20% (progression). Changes range from -15% to +20%.")
