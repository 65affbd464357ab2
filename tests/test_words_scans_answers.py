"""Lesson 03's answer to "Did the chemo make it spread?" is true of every state it is given.

States are built directly (as in test_words_scans.py); each case is one kind of picture: a
'what if' lesion (seeded after the first dose) hidden or seen, with or without a lesion that
was seeded before the first dose and showed up later.
"""

from __future__ import annotations

import dataclasses

from helpers.lessons.scans import PRESETS, LesionFacts, ScansValues, compute
from helpers.words import scans as words

_BASE = compute(ScansValues())
QUESTION = "<b>Did the chemo make it spread?</b>"
HEDGE = ("The model does not say what shed the cells. Researchers study rare lab findings "
         "about how some treatments affect the area around a tumour; that is not the same as "
         "chemotherapy usually making cancer spread.")

# B: seeded before the first dose, shows on day 126. C: a 'what if', seeded on day 60.
_B = LesionFacts(
    name="B", label="Lesion B (lung)", seeding_day=-200, seeded_small=True, start_cells=10.0,
    baseline_mm=1.3, first_seen_day=126, first_seen_mm=15.0, seen_at_baseline=False,
    last_scan_true_mm=30.0, end_true_mm=30.0, cells_at_limit=6.5e7, doublings_to_limit=22.6,
    days_to_limit=270.0)
_C = dataclasses.replace(_B, name="C", label="Lesion C (bone)", seeding_day=60,
                         baseline_mm=0.0, first_seen_day=None, first_seen_mm=None,
                         last_scan_true_mm=0.5, end_true_mm=0.5, days_to_limit=340.0)


def _answer(*lesions: LesionFacts, verdict: str) -> str:
    text = words.caption(dataclasses.replace(_BASE, lesions=lesions, verdict=verdict))
    return text[text.index(QUESTION):]


def test_only_seeds_from_before_treatment_not_in_this_picture():
    assert _answer(_B, verdict="seeded_before_treatment") == (
        f"{QUESTION} Not in this picture: every lesion that showed up after treatment began "
        "was seeded before the first dose and grew, unseen, all along. The scan only caught "
        "up with it.")


def test_a_hidden_what_if_lesion_is_never_covered_by_not_in_this_picture():
    text = _answer(_B, _C, verdict="seeded_before_treatment")
    assert "Not in this picture" not in text
    assert text == (
        f"{QUESTION} Not as far as these scans show: every lesion that showed up after "
        "treatment began was seeded before the first dose and grew, unseen, all along. The "
        "scan only caught up with it. Lesion C (bone), shed after the first dose in this "
        f"'what if', shows on no scan here. {HEDGE}")


def test_a_seen_what_if_lesion_says_so_with_the_hedge():
    # C seeded on day 60, first seen on day 252: 192 days (27 weeks) later.
    seen = dataclasses.replace(_C, first_seen_day=252, first_seen_mm=5.2)
    assert _answer(_B, seen, verdict="seeded_after_first_dose") == (
        f"{QUESTION} In this 'what if', Lesion C (bone) started from cells shed 60 days "
        "(9 weeks) after the first dose and first shows on the scan of day 252, 192 days "
        f"(27 weeks) after it started. {HEDGE}")


def test_no_new_lesion_with_and_without_a_hidden_what_if():
    at_baseline = dataclasses.replace(_B, first_seen_day=0, seen_at_baseline=True)
    plain = (f"{QUESTION} No new lesion appears on these scans. The deposits that were seeded "
             "before treatment are either seen from the start or still hidden: a scan only "
             "shows what has grown big enough.")
    assert _answer(at_baseline, verdict="no_new_lesion") == plain
    assert _answer(at_baseline, _C, verdict="no_new_lesion") == (
        f"{plain} Lesion C (bone), shed after the first dose in this 'what if', shows on no "
        f"scan here. {HEDGE}")


def test_two_hidden_what_if_lesions_are_named_together():
    d = dataclasses.replace(_C, name="D", label="Lesion D (skin)", seeding_day=90)
    assert "Lesion C (bone) and Lesion D (skin), shed after the first dose" in _answer(
        _B, _C, d, verdict="seeded_before_treatment")


def test_the_what_if_preset_caption_is_true_of_its_picture():
    state = compute(PRESETS["What if cells were shed after the first dose?"].values)
    c = next(lesion for lesion in state.lesions if lesion.name == "C")
    b = next(lesion for lesion in state.lesions if lesion.name == "B")
    # In the picture: C seeded after the first dose and never seen; B seeded before and seen.
    assert c.seeding_day > 0 and c.first_seen_day is None
    assert b.seeding_day < 0 and b.first_seen_day is not None and b.first_seen_day > 0
    text = words.caption(state)
    assert "Not in this picture" not in text
    assert "Not as far as these scans show" in text and HEDGE in text
    # The story: reaching a visible size takes far longer than the time followed.
    assert c.days_to_limit is not None and c.seeding_day + c.days_to_limit > state.end_day
    assert "no scan shows it" in PRESETS["What if cells were shed after the first dose?"].story
