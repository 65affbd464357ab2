"""Lesson 06's sorting activity: every row of the article's common-worry table, the verdict
on each pick, the feedback's reasoning, the tally and the widget."""

from __future__ import annotations

import re

import pytest

from helpers.lessons.worry_sort import SORTS, WORRIES, WorrySortValues, compute
from helpers.panels.worry_sort import WorrySort, show_worry_sort
from helpers.scenarios.worries import DEPENDS, GROWTH, SIDE_EFFECT, Worry
from helpers.words.worry_sort import CALL_NOW, VERDICTS, WHY, feedback, tally

# The source article's table, row by row: the worry, "may be treatment side effect",
# "may point to cancer growth" (copied from the article, to check our plain words keep
# every fact).
ARTICLE_TABLE = [
    ("Tiredness", "Yes, often", ("new", "severe", "red flags")),
    ("Nausea or poor appetite", "Yes, often", ("Sometimes", "where the cancer is", "scans")),
    ("New lump", "No", ("Yes", "prompt review")),
    ("Worsening pain in one area", "Sometimes", ("keeps building", "limits movement")),
    ("Fever", "Less often", ("infection", "urgent")),
    ("Shortness of breath", "Sometimes", ("Yes", "blood clot", "fast review")),
]


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def test_every_row_of_the_article_s_table_is_there_in_order():
    assert len(WORRIES) == len(ARTICLE_TABLE)
    for worry, (name, side_effect, growth_words) in zip(WORRIES, ARTICLE_TABLE, strict=True):
        assert name.lower() in worry.name.lower()
        assert worry.as_side_effect == side_effect
        for words in growth_words:
            assert words.lower() in worry.as_growth.lower(), (worry.name, words)


def test_the_lesson_s_piles():
    piles = {worry.name: worry.sort for worry in WORRIES}
    assert piles == {"Tiredness": SIDE_EFFECT, "Nausea or poor appetite": SIDE_EFFECT,
                     "A new lump": GROWTH, "Worsening pain in one area": DEPENDS,
                     "Fever": DEPENDS, "Shortness of breath": GROWTH}
    assert {w.name for w in WORRIES if w.call_now} == {"Fever", "Shortness of breath"}
    assert SORTS == ("often a treatment side effect", "may point to growth", "depends")


@pytest.mark.parametrize(("changes", "field"), [
    ({"sort": "maybe"}, "sort"), ({"name": " "}, "name"),
    ({"also_fair": (GROWTH,), "sort": GROWTH}, "also_fair"),
    ({"also_fair": [DEPENDS]}, "also_fair"), ({"call_now": "yes"}, "call_now"),
])
def test_a_bad_worry_is_refused(changes, field):
    fields = {"name": "Itch", "as_side_effect": "Yes", "as_growth": "No", "sort": SIDE_EFFECT}
    fields.update(changes)
    with pytest.raises(ValueError, match=field):
        Worry(**fields)


# -- verdicts -----------------------------------------------------------------------------

def test_verdicts_for_each_kind_of_pick():
    picks = (SIDE_EFFECT, DEPENDS, SIDE_EFFECT, None, GROWTH, DEPENDS)
    state = compute(WorrySortValues(picks))
    assert [row.verdict for row in state.rows] == [
        "matches",  # tiredness: side effect
        "fair",  # nausea: depends is fair
        "not quite",  # a new lump is never a side effect
        "not sorted",
        "not quite",  # fever: depends, not growth
        "fair",  # shortness of breath: depends is fair
    ]
    assert (state.sorted_count, state.matched_count, state.fair_count) == (5, 1, 2)
    assert not state.all_sorted


def test_the_start_has_nothing_sorted():
    state = compute(WorrySortValues())
    assert state.sorted_count == 0 and all(row.verdict == "not sorted" for row in state.rows)


@pytest.mark.parametrize("picks", [
    (None,) * 5, [None] * 6, ("often",) + (None,) * 5,
])
def test_bad_picks_are_refused(picks):
    with pytest.raises(ValueError, match="picks"):
        WorrySortValues(picks)


# -- feedback -----------------------------------------------------------------------------

def test_every_worry_has_its_reasoning():
    assert set(WHY) == {worry.name for worry in WORRIES}


def test_feedback_gives_the_verdict_the_pile_and_the_article_s_reasoning():
    rows = compute(WorrySortValues((GROWTH, None, None, None, SIDE_EFFECT, None))).rows
    tired = _plain(feedback(rows[0]))
    assert tired.startswith(VERDICTS["not quite"] + " The lesson's pile: often a treatment "
                            "side effect.")
    assert "new, severe, and comes with other red flags" in tired
    assert feedback(rows[1]) == ""
    fever = _plain(feedback(rows[4]))
    assert "could be an infection" in fever and fever.endswith(CALL_NOW)
    right = compute(WorrySortValues((SIDE_EFFECT,) + (None,) * 5)).rows[0]
    assert _plain(feedback(right)).startswith(VERDICTS["matches"] + " The article:")
    assert "The lesson's pile" not in feedback(right) and CALL_NOW not in feedback(right)


@pytest.mark.parametrize(("name", "words"), [
    ("Tiredness", ["new", "severe", "red flags"]),
    ("Nausea or poor appetite", ["where the cancer is", "scans"]),
    ("A new lump", ["prompt review"]),
    ("Worsening pain in one area", ["keeps building", "limits movement", "write it down"]),
    ("Fever", ["infection", "urgent", "white cells"]),
    ("Shortness of breath", ["blood clot", "fast review"]),
])
def test_the_reasoning_keeps_the_article_s_facts(name, words):
    for word in words:
        assert word in WHY[name]


def test_the_tally_counts_with_the_right_grammar():
    assert tally(compute(WorrySortValues())).startswith("Sort each of the 6 worries")
    one = compute(WorrySortValues((SIDE_EFFECT, GROWTH) + (None,) * 4))
    assert tally(one) == "You have sorted 2 of 6 worries: 1 matches the article."
    done = compute(WorrySortValues(tuple(w.sort for w in WORRIES[:5]) + (DEPENDS,)))
    said = tally(done)
    assert said.startswith("You have sorted 6 of 6 worries: 5 match the article, 1 fair.")
    assert "new, severe, keeps building, or comes with other red flags" in said


# -- the widget ---------------------------------------------------------------------------

def test_picking_shows_feedback_under_that_worry_and_updates_the_tally():
    activity = WorrySort()
    assert all(said.value == "" for said in activity.feedback)
    activity.pick(2, GROWTH)
    assert "Matches the article." in activity.feedback[2].value
    assert "role='status'" in activity.feedback[2].value
    assert "1 matches the article" in activity.tally.value
    activity.menus[4].value = SIDE_EFFECT  # as a learner picks in the menu
    assert CALL_NOW in activity.feedback[4].value
    activity.pick(2, None)
    assert activity.feedback[2].value == "" and activity.state.sorted_count == 1
    activity.reset()
    assert activity.state.sorted_count == 0


def test_each_menu_is_labelled_with_its_worry_and_offers_every_pile():
    activity = WorrySort()
    for menu, worry in zip(activity.menus, WORRIES, strict=True):
        assert menu.description == worry.name
        assert [value for _, value in menu.options][1:] == list(SORTS)
    assert "chemo-worry-sort" in show_worry_sort()._dom_classes


@pytest.mark.parametrize(("index", "pile", "field"), [(6, GROWTH, "index"), (-1, GROWTH, "index"),
                                                      (0, "maybe", "pile")])
def test_a_bad_pick_is_refused(index, pile, field):
    with pytest.raises(ValueError, match=field):
        WorrySort().pick(index, pile)
