"""Lesson 07 words: control labels, caption and alt text.

The default state's sentences are worked by hand below (a ball of N cells is
10 mm x (6 N / (1e9 pi))^(1/3) across; every kind of cell doubles every 30 days, so
2^(t/30) in t days). Every other control position is checked for sentences that are
true of the state's numbers, over the whole 252 days the chart shows.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest

from helpers.lessons.plan_change import (
    DRUG_B_KILL_CHOICES,
    LOCAL_TREATMENT_CHOICES,
    PLAN_CHOICES,
    RESISTS_BOTH_CHOICES,
    PlanChangeValues,
    compute,
)
from helpers.plain_words import mm_in_words
from helpers.words.plan_change import (
    alt_text,
    caption,
    drug_b_kill_label,
    local_treatment_label,
    plan_label,
    resists_both_label,
)

ALL_STATES = [compute(PlanChangeValues(*combo)) for combo in itertools.product(
    PLAN_CHOICES, LOCAL_TREATMENT_CHOICES, DRUG_B_KILL_CHOICES, RESISTS_BOTH_CHOICES)]
# No number the code failed to make: nan, inf, a minus sign, Python's None.
BAD_WORDS = re.compile(r"\b[nN]a[nN]\b|\binf\b|-\d|\bNone\b")


def test_control_labels():
    assert [plan_label(p) for p in PLAN_CHOICES] == [
        "Stay on drug A", "Drug A; switch to drug B if scans show growth",
        "Drugs A and B together from the start"]
    assert [local_treatment_label(k) for k in LOCAL_TREATMENT_CHOICES] == [
        "None", "Radiation to lesion C", "Surgery to take out lesion C"]
    assert [drug_b_kill_label(f) for f in DRUG_B_KILL_CHOICES] == [
        "0%: drug B does not work on them", "50%", "90%", "99%"]
    assert [resists_both_label(s) for s in RESISTS_BOTH_CHOICES] == [
        "none", "1 in 10,000,000", "1 in 100,000", "1 in 1,000"]


def test_the_starting_caption_by_hand():
    state = compute(PlanChangeValues())
    # Lesion C: 20 mm = 4.19e9 cells, 0.3 of them (1.257e9) resist drug A and double every
    # 30 days: on day 126, 1.257e9 * 2^4.2 = 2.31e10 cells (the sensitive ones, cut tenfold
    # at each of 6 doses, and the dead cells are a few million): 10 * (6 * 23.1 / pi)^(1/3)
    # = 35.3 mm. On day 84: 1.257e9 * 2^2.8 = 8.75e9 cells, 25.6 mm. Lesions A and B are
    # under 5 mm by day 84 (A: about 1.7e7 live and dead cells, 3.2 mm), so the sums are
    # 25.6 and 35.3 mm: 38% and 9.7 mm above the low, progression.
    # Day 252: 1.257e9 * 2^8.4 = 4.25e11 cells, 10 * (6 * 425 / pi)^(1/3) = 93.3 mm.
    # Cells that resist drug A: 1.257e9 + 8.2e3 (A) + 1.8e4 (B), "about 1.3 billion", then
    # 337.8 times as many, "about 420 billion". Resist both: 1e-5 of 1.41e10 cells = 1.41e5,
    # "about 140,000", then 4.8e7, "about 48 million".
    assert caption(state) == (
        "On drug A, lesions A and B shrank out of sight, but lesion C grew from 20 mm to "
        "35 mm: the scan on day 126 read <b>progression</b> (the lesions' sum, 35 mm, was up "
        "38% from a low of 26 mm). The plan did not change: drug A went on. On day 252, "
        "lesion C measured 93 mm, and lesions A and B were too small to see. Underneath, "
        "cells that resist drug A went from about 1.3 billion to about 420 billion, and "
        "cells that resist both drugs grew from about 140,000 to about 48 million.")


def test_the_switch_caption_says_growth_was_not_the_end_of_the_choices():
    state = compute(PlanChangeValues(plan="switch"))
    text = caption(state)
    assert "On day 126 the team switched to drug B." in text
    assert ("After the change the sum fell to 0 mm (no lesion big enough to see) on day 210, "
            "and no later scan read progression. On day 252, no lesion was big enough to "
            "see. <b>Growth on one plan was not the end of the choices.</b>") in text
    assert text.endswith("unseen: no lesion is big enough for a scan.")


def test_the_local_treatment_and_combination_captions():
    radiation = caption(compute(PlanChangeValues(local_treatment="radiation")))
    assert "On day 126 the team gave lesion C a course of radiation and kept drug A going." \
        in radiation
    surgery = caption(compute(PlanChangeValues(plan="switch", local_treatment="surgery")))
    assert "On day 126 the team switched to drug B and took out lesion C by surgery." in surgery
    both = caption(compute(PlanChangeValues(plan="both")))
    assert both.startswith("On drugs A and B together, no scan in the 252 days read "
                           "progression: the sum of the lesions went from 60 mm on day 0 to "
                           "0 mm (no lesion big enough to see) on day 252.")
    assert "cells that resist drug A went from about 1.3 billion to none" in both


@pytest.mark.parametrize("state", ALL_STATES, ids=lambda s: "-".join(
    str(v) for v in dataclasses.astuple(s.values)))
def test_every_caption_is_true_of_its_state(state):
    text = caption(state)
    assert not BAD_WORDS.search(text), text
    # Progression is said exactly when a scan read it, on that scan's day.
    said = re.search(r"the scan on day (\d+) read <b>progression</b>", text)
    assert (said is not None) == (state.progression_day is not None)
    if said:
        assert int(said.group(1)) == state.progression_day
        assert state.scan_categories[state.scan_index(state.progression_day)] == "PD"
    # A change is said exactly when it happened, with what was done.
    changed = re.search(r"On day (\d+) the team ([^.]+)\.", text)
    assert (changed is not None) == (state.change_day is not None)
    if changed:
        assert int(changed.group(1)) == state.change_day
        assert ("switched to drug B" in changed.group(2)) == state.switched
        assert ("radiation" in changed.group(2)) == (state.local_kind == "radiation")
        assert ("surgery" in changed.group(2)) == (state.local_kind == "surgery")
    again = re.search(r"the scan on day (\d+) read progression again", text)
    assert (again is not None) == (state.later_progression_day is not None)
    if again:
        assert int(again.group(1)) == state.later_progression_day
    if "no later scan read progression" in text:
        assert state.change_day is not None and state.later_progression_day is None
    fell = re.search(r"After the change the sum fell to (.+?) on day (\d+)", text)
    if fell:
        first = state.scan_index(state.change_day)
        after = state.scan_sums_mm[first + 1:]
        low_day = state.scan_days[first + 1 + after.index(min(after))]
        assert min(after) < state.scan_sums_mm[first] and int(fell.group(2)) == low_day
        assert fell.group(1).startswith(mm_in_words(min(after)) if min(after) else "0 mm")
    if "After the change the sum did not fall" in text:
        first = state.scan_index(state.change_day)
        assert min(state.scan_sums_mm[first + 1:]) >= state.scan_sums_mm[first]
    if "not the end of the choices" in text:
        first = state.scan_index(state.change_day)
        assert state.scan_sums_mm[-1] < state.scan_sums_mm[first]
    # The last scan, lesion by lesion, as the chart's last day shows it.
    if f"On day {state.horizon_days}," in text:
        for name, mm in zip(state.lesion_names, state.scan_mm[-1], strict=True):
            if mm > 0:
                assert f"lesion {name} " in text and mm_in_words(mm) in text
    if "unseen: no lesion is big enough" in text:
        assert state.scan_sums_mm[-1] == 0
        both = state.kind_cells("resists both")
        assert both[-1] > both[0]
    if state.values.resists_both_share == 0:
        assert text.endswith("no cell resists both drugs.")


@pytest.mark.parametrize("state", ALL_STATES[::7], ids=lambda s: "-".join(
    str(v) for v in dataclasses.astuple(s.values)))
def test_every_alt_text_describes_the_three_charts(state):
    text = alt_text(state)
    assert not BAD_WORDS.search(text), text
    assert text.startswith(f"Three charts over {state.horizon_days} days")
    for label in state.lesion_labels:
        assert label.replace("Lesion", "lesion", 1) in text
    assert ("dashed line marks the scan on day" in text) == (state.progression_day is not None)
    assert ("grey dotted line" in text) == (state.unchanged_stubborn_mm is not None)
    assert ("drug B never" in text) == (state.dose_days_by_drug["B"] == ())
    if state.values.resists_both_share == 0:
        assert text.endswith("cells that resist both drugs: none.")
    if state.local_day is not None:
        assert f"{state.local_kind} to lesion C on day {state.local_day}" in text


def test_words_for_states_the_controls_cannot_reach():
    # Built by hand from a real state: progression read on the chart's last day (no dose
    # is left to change), and a progression read from a sum of 0 mm.
    state = compute(PlanChangeValues(plan="switch"))
    last = dataclasses.replace(state, progression_day=252, change_day=None, local_day=None,
                               later_progression_day=None, unchanged_days=None,
                               unchanged_stubborn_mm=None)
    text = caption(last)
    assert "the scan on day 252 read <b>progression</b>" in text
    assert "That is the last scan the chart shows." in text
    assert "the team" not in text
    from_nothing = dataclasses.replace(
        last, scan_sums_mm=(*last.scan_sums_mm[:-2], 0.0, 7.0))
    assert "was up from 0 mm" in caption(from_nothing)
