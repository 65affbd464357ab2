"""Lesson 04 repeat readings words (words.repeat_readings), from hand-made pairs of readings.

Each state is built from pairs (first, second) in mm with
``lessons.repeat_readings.state_from_readings``; the expected words are worked by hand.
Every sentence template is tried at its edges: 0, 1, 2, all and many pairs of each kind,
and every control at both ends.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers.lessons import repeat_readings as lesson
from helpers.lessons.repeat_readings import RepeatValues, compute, state_from_readings
from helpers.words.repeat_readings import alt_text, caption, change_words

END = ("That is why teams compare with earlier scans, look at the trend and confirm a "
       "surprising result before changing course.")


def _state(true_mm: int, *pairs: tuple[float, float]) -> lesson.RepeatState:
    return state_from_readings(RepeatValues(true_diameter_mm=true_mm),
                               np.array(pairs, dtype=float))


# -- change_words -------------------------------------------------------------------


@pytest.mark.parametrize(("change", "mm", "said"), [
    (-15.24, None, "15.2% smaller"), (19.6, None, "19.6% larger"),
    (29.96, None, "30.0% larger"), (-15.24, -3.04, "15.2% smaller (3.0 mm)"),
    (22.7, 4.04, "22.7% larger (4.0 mm)"),
    # Rounds to 0.0%: no direction to tell.
    (0.0, 0.0, "the same"), (-0.04, -0.01, "the same"), (0.04, None, "the same"),
    (0.05, None, "0.1% larger"),
])
def test_change_words_keep_one_decimal(change, mm, said):
    assert change_words(change, mm) == said


# -- whole captions, by hand ------------------------------------------------------------


def test_one_pair_reads_progression():
    # 20 -> 20 (0%), 20 -> 21 (+5%, 1 mm), 20 -> 25 (+25%, +5 mm), 20 -> 16 (-20%, 4 mm).
    # Differ by more than 10%: 2 of 4 = 50%. Rises of 20% or more: 1, and it grew by 5 mm.
    state = _state(20, (20, 20), (20, 21), (20, 25), (20, 16))
    assert caption(state) == (
        "4 pairs of same-day scans of one 20 mm lesion. Nothing really changed, yet 2 of the "
        "4 pairs (50%) differ by more than 10%; the other 2 agree within 10%. The second "
        "readings range from 20.0% smaller (4.0 mm) to 25.0% larger (5.0 mm). 1 pair reads "
        "20% or more larger the second time; it also grew by 5 mm or more. In one pair, "
        "noise alone would look like progression. " + END)


def test_none_agree_and_the_5_mm_rule_holds_one_rise_back():
    # 10 -> 12 (+20%, only 2 mm), 10 -> 8.5 (-15%, 1.5 mm): no pair within 10%;
    # one rise of 20%, which the 5 mm rule keeps from progression.
    state = _state(10, (10, 12), (10, 8.5))
    assert caption(state) == (
        "2 pairs of same-day scans of one 10 mm lesion. Nothing really changed, yet every "
        "one of the 2 pairs differs by more than 10%. The second readings range from 15.0% "
        "smaller (1.5 mm) to 20.0% larger (2.0 mm). 1 pair reads 20% or more larger the "
        "second time; it grew by less than 5 mm, so the 5 mm rule keeps it from counting "
        "as progression. " + END)


def test_one_agrees_two_rises_both_held():
    # 10 -> 12.5 (+25%, 2.5 mm), 10 -> 13 (+30%, 3 mm), 10 -> 9 (-10%: agrees).
    # 2 of 3 differ: 67%; the other one agrees.
    state = _state(10, (10, 12.5), (10, 13), (10, 9))
    assert caption(state) == (
        "3 pairs of same-day scans of one 10 mm lesion. Nothing really changed, yet 2 of the "
        "3 pairs (67%) differ by more than 10%; the other one agrees within 10%. The second "
        "readings range from 10.0% smaller (1.0 mm) to 30.0% larger (3.0 mm). 2 pairs read "
        "20% or more larger the second time; both grew by less than 5 mm, so the 5 mm rule "
        "keeps them from counting as progression. " + END)


def test_three_rises_all_held():
    # +20%, +25%, +30% of 10 mm: 2, 2.5, 3 mm: all held by the 5 mm rule.
    text = caption(_state(10, (10, 12), (10, 12.5), (10, 13)))
    assert ("3 pairs read 20% or more larger the second time; all of them grew by less than "
            "5 mm, so the 5 mm rule keeps them from counting as progression.") in text
    assert "every one of the 3 pairs differs by more than 10%" in text


def test_two_rises_both_progression():
    # 30 -> 36 (+20%, 6 mm), 30 -> 37.5 (+25%, 7.5 mm), 30 -> 30 (0%): both rises are
    # progression by the rule; 2 of 3 differ.
    text = caption(_state(30, (30, 36), (30, 37.5), (30, 30)))
    assert ("2 pairs read 20% or more larger the second time; both also grew by 5 mm or "
            "more. In 2 pairs, noise alone would look like progression.") in text
    assert "2 of the 3 pairs (67%) differ by more than 10%; the other one agrees" in text
    assert "range from no change to 25.0% larger (7.5 mm)" in text


def test_three_rises_all_progression():
    text = caption(_state(30, (30, 36), (30, 37.5), (30, 39)))
    assert ("3 pairs read 20% or more larger the second time; all of them also grew by 5 mm "
            "or more. In 3 pairs, noise alone would look like progression.") in text


def test_some_rises_held_some_not():
    # 30 -> 36 (+20%, 6 mm: both); 10 -> 12 (+20%, 2 mm: held by 5 mm);
    # 10 -> 12.5 (+25%, 2.5 mm: held by 5 mm).
    text = caption(_state(20, (30, 36), (10, 12), (10, 12.5)))
    assert ("3 pairs read 20% or more larger the second time; 1 of them also grew by 5 mm or "
            "more, and the 5 mm rule keeps the other 2 from counting as progression. In one "
            "pair, noise alone would look like progression.") in text
    # One held back: "the other one".
    text = caption(_state(20, (30, 36), (10, 12)))
    assert "1 of them also grew by 5 mm or more, and the 5 mm rule keeps the other one" in text


def test_5_mm_rises_held_by_the_20_percent_rule():
    # 50 -> 56 (+12%, 6 mm) and 50 -> 57 (+14%, 7 mm): 5 mm but under 20%.
    text = caption(_state(50, (50, 56), (50, 57)))
    assert ("No pair reads 20% or more larger the second time. 2 pairs grew by 5 mm or more "
            "but by less than 20%, so the 20% rule keeps them from counting as "
            "progression.") in text
    text = caption(_state(50, (50, 56), (50, 50)))
    assert ("1 pair grew by 5 mm or more but by less than 20%, so the 20% rule keeps it from "
            "counting as progression.") in text
    assert "progression. " + END in text and "noise alone" not in text


def test_all_agree_and_no_rise():
    # 20 -> 21 (+5%), 20 -> 19 (-5%): all agree, no rise of 20% or 5 mm.
    assert caption(_state(20, (20, 21), (20, 19))) == (
        "2 pairs of same-day scans of one 20 mm lesion. Nothing really changed, and all "
        "2 pairs agree within 10%. The second readings range from 5.0% smaller (1.0 mm) to "
        "5.0% larger (1.0 mm). No pair's second reading is 20% or more larger, or 5 mm or "
        "more larger; try another set or more pairs. " + END)


def test_every_pair_the_same():
    text = caption(_state(20, (20, 20), (20, 20)))
    assert "Every second reading is the same." in text
    text = caption(_state(20, (20, 21), (20, 21)))
    assert "Every second reading is 5.0% larger (1.0 mm)." in text


def test_only_rises():
    # Every pair larger the second time: the range runs from larger to larger.
    text = caption(_state(20, (20, 20.2), (20, 22)))
    assert "The second readings range from 1.0% larger (0.2 mm) to 10.0% larger (2.0 mm)." \
        in text


def test_one_of_many_differs_and_one_of_many_agrees():
    agree = [(20, 20)] * 9
    text = caption(_state(20, *agree, (20, 23)))
    assert ("yet 1 of the 10 pairs (10%) differs by more than 10%; the other 9 agree within "
            "10%.") in text
    text = caption(_state(20, *([(20, 23)] * 9), (20, 20)))
    assert ("yet 9 of the 10 pairs (90%) differ by more than 10%; the other one agrees "
            "within 10%.") in text


def test_shares_near_all_and_near_none_keep_their_digits():
    # 199 of 200 differ: 99.5%, never "100%"; 1 of 200: 0.5%, never "0%".
    text = caption(_state(20, *([(20, 23)] * 199), (20, 20)))
    assert "199 of the 200 pairs (99.5%) differ" in text
    text = caption(_state(20, *([(20, 20)] * 199), (20, 23)))
    assert "1 of the 200 pairs (0.5%) differs" in text


def test_a_single_pair():
    # 10 -> 10.5: +5%; one pair, which agrees.
    text = caption(_state(10, (10, 10.5)))
    assert text.startswith("1 pair of same-day scans of one 10 mm lesion. Nothing really "
                           "changed, and the two readings agree within 10%. The second "
                           "reading is 5.0% larger (0.5 mm).")
    text = caption(_state(10, (10, 12)))
    assert ("Nothing really changed, yet the two readings differ by more than 10%. The second "
            "reading is 20.0% larger (2.0 mm). 1 pair reads") in text
    assert "The second reading is the same." in caption(_state(10, (10, 10)))


def test_the_largest_lesion_and_the_smallest():
    # The slider's ends: 5 mm and 60 mm. 60 -> 72 is +20% and 12 mm: progression.
    assert "one 60 mm lesion" in caption(_state(60, (60, 72)))
    assert "it also grew by 5 mm" in caption(_state(60, (60, 72)))
    # 5 -> 6: +20% but 1 mm.
    assert "it grew by less than 5 mm" in caption(_state(5, (5, 6)))


# -- every control at its ends, through the model ------------------------------------


def _said_counts(text: str) -> dict[str, int]:
    """The numbers the caption says, read back out of it."""
    found = {}
    if m := re.search(r"(\d+) of the (\d+) pairs \(", text):
        found["differ"] = int(m.group(1))
    if m := re.search(r"(\d+) pairs? reads? 20% or more larger", text):
        found["rises"] = int(m.group(1))
    if m := re.search(r"(\d+) pairs? grew by 5 mm or more but", text):
        found["held_by_rise"] = int(m.group(1))
    return found


@pytest.mark.parametrize("size", lesson.TRUE_DIAMETER_MM_RANGE)
@pytest.mark.parametrize("pairs", [lesson.PAIRS_CHOICES[0], lesson.PAIRS_CHOICES[-1]])
@pytest.mark.parametrize("reading", lesson.READING_RANGE)
def test_caption_says_the_state_at_every_control_end(size, pairs, reading):
    state = compute(RepeatValues(true_diameter_mm=size, pairs=pairs, reading=reading))
    text = caption(state)
    assert text.startswith(f"{pairs} pairs of same-day scans of one {size} mm lesion.")
    said = _said_counts(text)
    if 0 < state.differing_pairs < state.pairs:
        assert said["differ"] == state.differing_pairs
    if state.large_rises:
        assert said["rises"] == state.large_rises
    if state.held_by_rise:
        assert said["held_by_rise"] == state.held_by_rise
    assert ("noise alone would look like progression" in text) == \
        (state.looks_like_progression > 0)
    # No "only" before a count, no percent that hides a remainder, no stray spaces.
    assert "only" not in text.split("That is why")[0]
    assert "(100%)" not in text and "(0%)" not in text
    assert "  " not in text and " ." not in text
    alt = alt_text(state)
    assert f"{size} mm lesion" in alt and "-35% to +35%" in alt and "-20 to +20 mm" in alt


# -- alt text -----------------------------------------------------------------------


def test_alt_text_by_hand():
    # Changes -15% (-1.5 mm) and +20% (+2 mm): one pair past 20% only.
    text = alt_text(_state(10, (10, 12), (10, 8.5)))
    assert text == (
        "Two dot charts of the same pairs of same-day scans of a 10 mm lesion; each dot is "
        "one pair. Top: how much the second reading differed from the first in percent, from "
        "-35% to +35%, with a shaded band of plus or minus 10%, a dashed line at -30% "
        "(partial response) and a dash-dot line at +20% (progression). Bottom: the same "
        "differences in mm, from -20 to +20 mm, with a dotted line at +5 mm. Changes range "
        "from -15% to +20% (from -1.5 to +2.0 mm). Coloured dots: 0 pairs past both lines "
        "(would look like progression), 1 past 20% only and 0 past 5 mm only.")


def test_pairs_label_says_its_unit():
    # A screen reader and the readout say "100 pairs", never a bare "100".
    from helpers.words.repeat_readings import pairs_label

    assert pairs_label(1) == "1 pair"
    assert pairs_label(100) == "100 pairs"
