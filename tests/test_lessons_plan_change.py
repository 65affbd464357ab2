"""Lesson 07's state: the values, the plan change at progression, and each example's story.

The claims of each example's story are checked against the model; the progression rule
is the clinic's (20% and 5 mm above the smallest sum so far), checked here as a property
of the scan sums, not by copying the output.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from helpers.clinic.response import progression_level_mm
from helpers.lessons.plan_change import (
    DETECTION_LIMIT_MM,
    DRUG_B_KILL_CHOICES,
    HORIZON_DAYS,
    LOCAL_TREATMENT_CHOICES,
    PLAN_CHOICES,
    PRESETS,
    RESISTS_BOTH_CHOICES,
    SCAN_INTERVAL_DAYS,
    PlanChangeValues,
    compute,
)
from helpers.scenarios.plan_change import LESIONS, drugs_per_cycle, plan_change_lesions

ALL_VALUES = [PlanChangeValues(*combo) for combo in itertools.product(
    PLAN_CHOICES, LOCAL_TREATMENT_CHOICES, DRUG_B_KILL_CHOICES, RESISTS_BOTH_CHOICES)]


@pytest.fixture(scope="module")
def states():
    return {values: compute(values) for values in ALL_VALUES}


def _size_on(state, name, day, after=False):
    """Lesion ``name``'s true size (mm) on ``day``: before that day's dose, or after
    everything given that day."""
    row = state.lesion_names.index(name)
    index = np.searchsorted(state.days, day, side="right" if after else "left")
    return float(state.diameter_mm[row, index - 1 if after else index])


# -- values ---------------------------------------------------------------------------------


def test_the_controls_start_on_drug_a_with_no_local_treatment():
    start = PlanChangeValues()
    assert (start.plan, start.local_treatment) == ("stay", "none")
    assert start.fraction_killed_by_b == 0.9 and start.resists_both_share == 1e-5


@pytest.mark.parametrize("field, value, message", [
    ("plan", "later", r"plan must be one of \['stay', 'switch', 'both'\]; got 'later'"),
    ("local_treatment", "chemo",
     r"local_treatment must be one of \['none', 'radiation', 'surgery'\]; got 'chemo'"),
    ("fraction_killed_by_b", 0.8,
     r"fraction_killed_by_b must be one of \[0.0, 0.5, 0.9, 0.99\]; got 0.8"),
    ("resists_both_share", 0.5,
     r"resists_both_share must be one of \[0.0, 1e-07, 1e-05, 0.001\]; got 0.5"),
    ("resists_both_share", "none", r"resists_both_share must be one of .*; got 'none'"),
])
def test_bad_values_name_the_field_the_value_and_the_options(field, value, message):
    with pytest.raises(ValueError, match=message):
        PlanChangeValues(**{field: value})


@pytest.mark.parametrize("call, message", [
    (lambda: plan_change_lesions(1.0, 0.0), r"fraction_killed_by_b must be in \[0, 0.999\]"),
    (lambda: plan_change_lesions(0.9, 0.02), r"resists_both_share must be in \[0, 0.01\]"),
    (lambda: drugs_per_cycle("twice"), r"plan must be one of 'stay', 'switch', 'both'"),
    (lambda: drugs_per_cycle("switch", 12), r"change_cycle must be one of the whole "
                                            r"numbers from 0 to 11; got 12"),
])
def test_bad_set_up_values_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_the_teaching_patient_by_hand():
    # Lesion C: 20 mm is 4.19e9 cells; 3 in 10 resist drug A; 1 in 100,000 resist both.
    lesions = {lesion.name: lesion for lesion in plan_change_lesions(0.9, 1e-5)}
    cells = {c.name: c.initial_cells for c in lesions["C"].clones}
    total = np.pi / 6 * 2.0 ** 3 * 1e9
    assert cells["resists A"] == pytest.approx(0.3 * total)
    assert cells["resists both"] == pytest.approx(1e-5 * total)
    assert sum(cells.values()) == pytest.approx(total)
    # Drug A: 1 log of the sensitive cells; drug B (90%): 1 log of sensitive and
    # resists-A cells; nothing touches the cells that resist both.
    kills = {c.name: (c.log_kill_of("A"), c.log_kill_of("B")) for c in lesions["C"].clones}
    assert kills["sensitive"] == pytest.approx((1.0, 1.0))
    assert kills["resists A"] == pytest.approx((0.0, 1.0))
    assert kills["resists both"] == (0.0, 0.0)
    assert [s.name for s in LESIONS] == ["A", "B", "C"]


def test_the_plans_as_schedules():
    assert drugs_per_cycle("stay").drug_names == ("A",)
    switch = drugs_per_cycle("switch", 6)
    assert switch.drugs[:6] == (("A",),) * 6 and switch.drugs[6:] == (("B",),) * 6
    assert drugs_per_cycle("switch").drug_names == ("A",)  # no progression, no switch
    assert drugs_per_cycle("both").drugs == (("A", "B"),) * 12


# -- what happens at progression ---------------------------------------------------------------


def test_on_drug_a_the_first_progression_is_read_by_the_clinic_rule(states):
    for state in states.values():
        day = state.progression_day
        if day is None:
            continue
        index = state.scan_index(day)
        smallest = min(state.scan_sums_mm[:index])
        assert state.scan_sums_mm[index] >= progression_level_mm(smallest) - 1e-9
        # No earlier scan met the rule.
        for k in range(1, index):
            assert state.scan_sums_mm[k] < progression_level_mm(min(state.scan_sums_mm[:k]))


def test_the_plan_changes_on_the_progression_scan_only_when_the_controls_ask(states):
    for values, state in states.items():
        wants = values.plan == "switch" or values.local_treatment != "none"
        assert (state.change_day is not None) == (wants and state.progression_day is not None)
        if state.change_day is not None:
            assert state.change_day == state.progression_day
        assert (state.local_day is not None) == (state.change_day is not None
                                                 and values.local_treatment != "none")
        a_days, b_days = state.dose_days_by_drug["A"], state.dose_days_by_drug["B"]
        if values.plan == "stay":
            assert b_days == () and len(a_days) == 12
        elif values.plan == "both":
            assert a_days == b_days and len(a_days) == 12
        elif state.change_day is None:
            assert b_days == ()
        else:
            assert max(a_days) < state.change_day == min(b_days)
            assert len(a_days) + len(b_days) == 12


def test_scans_are_every_six_weeks_and_see_only_lesions_of_5_mm_or_more(states):
    state = states[PlanChangeValues()]
    assert state.scan_days == tuple(range(0, HORIZON_DAYS + 1, SCAN_INTERVAL_DAYS))
    for day, readings in zip(state.scan_days, state.scan_mm, strict=True):
        for name, mm in zip(state.lesion_names, readings, strict=True):
            true = _size_on(state, name, day)
            assert mm == (pytest.approx(true, abs=0.051) if true >= DETECTION_LIMIT_MM else 0)


def test_the_cells_of_each_kind_add_up_and_never_go_negative(states):
    for state in states.values():
        for cells in state.cells_by_kind.values():
            assert np.all(cells >= 0) and np.all(np.isfinite(cells))


def test_after_a_change_the_new_plan_is_judged_from_the_change_scan(states):
    for state in states.values():
        if state.change_day is None:
            assert state.later_progression_day is None
            continue
        first = state.scan_index(state.change_day)
        later = state.later_progression_day
        for k in range(first + 1, len(state.scan_days)):
            smallest = min(state.scan_sums_mm[first:k])
            reads_pd = state.scan_sums_mm[k] >= progression_level_mm(smallest) - 1e-9
            if later is None or state.scan_days[k] < later:
                assert not reads_pd
            elif state.scan_days[k] == later:
                assert reads_pd and state.scan_categories[k] == "PD"


def test_the_line_had_the_plan_not_changed_is_drug_a_alone(states):
    stay = states[PlanChangeValues("stay", "none", 0.9, 1e-5)]
    for local in LOCAL_TREATMENT_CHOICES:
        for plan in ("stay", "switch"):
            state = states[PlanChangeValues(plan, local, 0.9, 1e-5)]
            if state.change_day is None:
                assert state.unchanged_stubborn_mm is None
                continue
            assert np.array_equal(state.unchanged_days, stay.days)
            assert np.array_equal(state.unchanged_stubborn_mm, stay.diameter_mm[2])


# -- each example's story, checked -------------------------------------------------------------


def test_every_example_is_a_position_of_the_controls():
    assert len(PRESETS) >= 4
    for name in ("Stay on drug A", "Switch to drug B at progression",
                 "Both drugs from the start", "Radiation to the stubborn lesion"):
        assert name in PRESETS
    assert PRESETS["Stay on drug A"].values == PlanChangeValues()


def test_stay_on_drug_a():
    state = compute(PRESETS["Stay on drug A"].values)
    assert state.progression_day == 126 and state.change_day is None
    for name in ("A", "B"):  # "Lesions A and B shrink"
        assert _size_on(state, name, 126) < _size_on(state, name, 0)
    assert _size_on(state, "C", 252) > _size_on(state, "C", 126) > _size_on(state, "C", 0)
    assert state.dose_days_by_drug["A"][-1] == 231  # drug A goes on


def test_switching_to_drug_b_makes_lesion_c_shrink_again():
    state = compute(PRESETS["Switch to drug B at progression"].values)
    assert state.progression_day == state.change_day == 126 and state.switched
    assert state.dose_days_by_drug["B"][0] == 126
    assert _size_on(state, "C", 252) < 0.5 * _size_on(state, "C", 126)
    assert state.later_progression_day is None
    # The cells drug B was chosen for fall: those that resist drug A.
    resists_a = state.kind_cells("resists A")
    change = np.searchsorted(state.days, 126)
    assert resists_a[-1] < 1e-3 * resists_a[change]
    # Not the end of the choices: the last scan's sum is below the sum at the change.
    assert state.scan_sums_mm[-1] < state.scan_sums_mm[state.scan_index(126)]
    assert state.unchanged_stubborn_mm[-1] > 2 * _size_on(state, "C", 126)


def test_both_drugs_from_the_start_hit_the_resistant_cells_from_day_0():
    state = compute(PRESETS["Both drugs from the start"].values)
    assert state.dose_days_by_drug["A"] == state.dose_days_by_drug["B"]
    assert state.dose_days_by_drug["B"][0] == 0
    assert state.progression_day is None and "PD" not in state.scan_categories
    resists_a = state.kind_cells("resists A")
    assert resists_a[1] < resists_a[0]  # the first dose already kills them


def test_radiation_shrinks_lesion_c_over_weeks_while_drug_a_holds_the_others():
    state = compute(PRESETS["Radiation to the stubborn lesion"].values)
    assert state.local_day == 126 and state.local_kind == "radiation"
    assert state.dose_days_by_drug["A"][-1] == 231 and state.dose_days_by_drug["B"] == ()
    before, after = _size_on(state, "C", 126), _size_on(state, "C", 126, after=True)
    # The dead cells stay a while: the size barely moves on the day, then falls.
    assert after == pytest.approx(before, rel=0.02)
    assert _size_on(state, "C", 168) < 0.5 * before
    for name in ("A", "B"):
        assert max(state.scan_mm[k][state.lesion_names.index(name)]
                   for k in range(state.scan_index(126), len(state.scan_days))) == 0


def test_surgery_takes_lesion_c_out_on_the_day():
    state = compute(PlanChangeValues(local_treatment="surgery"))
    assert _size_on(state, "C", 126) > 30 and _size_on(state, "C", 126, after=True) == 0


def test_a_drug_b_that_misses_the_cells_changes_nothing_for_lesion_c():
    state = compute(PRESETS["Drug B misses the resistant cells"].values)
    stay = compute(PlanChangeValues())
    assert state.change_day == 126 and state.later_progression_day == 168
    assert _size_on(state, "C", 252) == pytest.approx(_size_on(stay, "C", 252), rel=1e-6)


def test_cells_that_resist_both_drugs_bring_the_growth_back():
    state = compute(PRESETS["Some cells resist both drugs"].values)
    change = state.scan_index(126)
    assert min(state.scan_sums_mm[change + 1:]) < state.scan_sums_mm[change]  # shrink first
    assert state.later_progression_day == 252
    both = state.kind_cells("resists both")
    assert both[-1] > 100 * both[0]
