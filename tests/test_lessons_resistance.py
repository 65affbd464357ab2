"""Lesson 02 state: two clones under repeated doses, and the restaging scans read by the
clinic's rule. Values in, a frozen state out; no widgets, no figure."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from helpers.clinic.scans import CT_SMALLEST_VISIBLE_MM
from helpers.lessons.choices import (
    DOUBLING_TIME_CHOICES_DAYS,
    FRACTION_KILLED_CHOICES,
    RESISTANT_SHARE_CHOICES,
    sensitivity_level_name,
)
from helpers.lessons.presets import check_choice, check_whole
from helpers.lessons.resistance import (
    PRESETS,
    SHOWN_ELSEWHERE,
    ResistanceValues,
    compute,
    faded_day,
    restaging_categories,
    restaging_series,
)
from helpers.models.size import diameter_mm_to_cells
from helpers.scenarios.treatment import TREATMENT_SCENARIOS


def test_option_tables():
    # One in ten million up to one in two, in order.
    assert RESISTANT_SHARE_CHOICES[0] == 1e-7 and RESISTANT_SHARE_CHOICES[-1] == 0.5
    assert list(RESISTANT_SHARE_CHOICES) == sorted(RESISTANT_SHARE_CHOICES)
    assert FRACTION_KILLED_CHOICES == (0.0, 0.5, 0.7, 0.9, 0.99, 0.999)
    assert DOUBLING_TIME_CHOICES_DAYS == (7, 10, 14, 21, 30, 45, 60, 90)
    # Three kills are the illustrative sensitivity levels, the others none.
    assert [sensitivity_level_name(f) for f in FRACTION_KILLED_CHOICES] == [
        None, "hardly sensitive", None, "moderately sensitive", None, "very sensitive"]


def test_checks_name_the_field_the_value_and_what_is_allowed():
    assert check_choice("x", 21.0, DOUBLING_TIME_CHOICES_DAYS) == 21
    with pytest.raises(ValueError, match=r"x must be one of \[7, 10.*got 22"):
        check_choice("x", 22, DOUBLING_TIME_CHOICES_DAYS)
    assert check_whole("y", 10.0, (0, 50), 5) == 10
    with pytest.raises(ValueError, match="y must be a whole number from 0 to 50 in steps "
                                         "of 5; got 7"):
        check_whole("y", 7, (0, 50), 5)
    with pytest.raises(ValueError, match="from 1 to 10; got 11"):
        check_whole("y", 11, (1, 10))
    for bad in (2.5, True, "3", float("nan")):
        with pytest.raises(ValueError, match="y must be"):
            check_whole("y", bad, (1, 10))


@pytest.mark.parametrize(("field", "bad"), [
    ("resistant_share", 0.3), ("fraction_killed_per_dose", 0.95),
    ("sensitive_doubling_time_days", 20), ("resistant_doubling_time_days", 100),
    ("fitness_cost_percent", 12), ("fitness_cost_percent", 55), ("fitness_cost_percent", -5),
    ("cycles", 0), ("cycles", 11), ("cycles", 2.5),
])
def test_values_refuse_what_no_control_offers(field, bad):
    with pytest.raises(ValueError, match=f"{field} must be .*got {bad!r}"):
        ResistanceValues(**{field: bad})


def test_values_keep_the_offered_items():
    values = ResistanceValues(sensitive_doubling_time_days=21.0, cycles=3.0)
    assert values.sensitive_doubling_time_days == 21 and isinstance(values.cycles, int)
    assert ResistanceValues() == ResistanceValues(1e-4, 0.9, 30, 30, 10, 6)


def one_cycle():
    return compute(ResistanceValues(resistant_share=1e-2, fraction_killed_per_dose=0.9,
                                    sensitive_doubling_time_days=21,
                                    resistant_doubling_time_days=21, fitness_cost_percent=0,
                                    cycles=1))


def test_one_cycle_by_hand():
    state = one_cycle()
    # By hand (growth close to exponential at 1e10 of room for 1e12 cells):
    #   sensitive 0.99e10 -> dose kills 90% -> 0.99e9 -> doubles in 21 days -> 1.98e9
    #   resistant 1e8 -> untouched -> doubles -> 2e8;  total 2.18e9
    #   share 2e8 / 2.18e9 = 0.0917, "1 in 11"; change 1 - 0.218 = 78% fewer.
    assert state.horizon_days == 21 and state.days[-1] == 21
    assert state.end_cells == pytest.approx(2.18e9, rel=0.02)
    assert state.resistant_end_cells == pytest.approx(2e8, rel=0.02)
    assert state.end_share == pytest.approx(0.0917, rel=0.02)
    assert state.start_share == pytest.approx(0.01)
    # Lowest just after the dose on day 0: 0.99e9 + 1e8 = 1.09e9.
    assert state.nadir_day == 0 and state.nadir_cells == pytest.approx(1.09e9, rel=1e-9)
    assert state.dose_days == (0,)
    # Restaging: day 0 (27 mm: 10 cm3 is a sphere (60 / pi)^(1/3) = 2.673 cm across),
    # then day 21. The scan counts live cells (2.18e9) and the dead cells not yet cleared:
    # 0.891e10 killed on day 0, three 7-day half-lives later 1/8 of them, 1.114e9. Total
    # 3.294e9 cells, 3.294 cm3: (19.76 / pi)^(1/3) = 1.846 cm. 18.46 / 26.73 = 0.69:
    # 31% smaller, still a partial response. One follow-up scan cannot show a fade.
    assert state.restaging_days == (0, 21)
    assert state.restaging_diameters_mm == pytest.approx((26.73, 18.46), abs=0.05)
    # The live cells alone: 2.18 cm3, (13.08 / pi)^(1/3) = 1.609 cm.
    assert state.end_live_diameter_mm == pytest.approx(16.09, abs=0.05)
    assert state.restaging_categories == ("BL", "PR")
    assert state.faded_day is None


def test_more_resistant_cells_at_the_start_leave_more_at_the_end():
    few = compute(ResistanceValues(resistant_share=1e-7)).resistant_end_cells
    many = compute(ResistanceValues(resistant_share=0.5)).resistant_end_cells
    # 0.5 / 1e-7 = 5 million times as many at the start. Same growth afterwards would
    # keep that ratio; with half the cells resistant the tumour stays bigger, the shared
    # crowding slows every clone a little, so the ratio can only come out a bit lower.
    assert 4e6 < many / few <= 5e6 * (1 + 1e-9)


def test_fitness_cost_slows_the_resistant_cells():
    free = compute(ResistanceValues(fitness_cost_percent=0)).resistant_end_cells
    costly = compute(ResistanceValues(fitness_cost_percent=50)).resistant_end_cells
    # Over 126 days at doubling 30 days: 2^(126/30) = 18.4 fold vs 2^(0.5 * 126/30) = 4.3.
    assert free / costly == pytest.approx(2 ** (0.5 * 126 / 30), rel=0.02)


def test_no_kill_means_no_fall():
    total = compute(ResistanceValues(fraction_killed_per_dose=0.0)).total_cells
    assert np.all(np.diff(total) >= 0)


def test_extremes_of_the_cycles_control():
    # 10 cycles of 21 days: 210 days, 10 doses; the restaging scans are day 0 and the 10
    # cycle ends (the day before each later dose, then day 210).
    state = compute(ResistanceValues(cycles=10))
    assert state.horizon_days == 210 and len(state.dose_days) == 10
    assert state.restaging_days == (0, 20, 41, 62, 83, 104, 125, 146, 167, 188, 210)
    assert len(state.restaging_categories) == 11


def test_scan_band_is_the_ct_band_in_cells():
    low, high = compute(ResistanceValues()).scan_band_cells
    # A 5 mm sphere holds about 6.5e7 cells, a 10 mm one about 5.2e8.
    assert CT_SMALLEST_VISIBLE_MM == (5.0, 10.0)
    assert low == pytest.approx(diameter_mm_to_cells(5.0)) == pytest.approx(6.545e7, rel=1e-3)
    assert high == pytest.approx(diameter_mm_to_cells(10.0)) == pytest.approx(5.236e8, rel=1e-3)


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_reproduce_the_named_scenarios(name):
    scenario = TREATMENT_SCENARIOS[name]
    state = compute(PRESETS[name].values)
    np.testing.assert_allclose(state.total_cells, scenario.run().total_cells, rtol=1e-12)
    assert PRESETS[name].story == scenario.story


def test_every_two_clone_scenario_is_a_preset():
    assert set(PRESETS) == {
        "Responding", "Stable disease", "Response fades (acquired resistance)",
        "Aggressive biology"}


def test_early_benefit_is_shown_where_its_scans_are():
    # Its story is about scans lagging the cells: this chart has no scans, so lesson 04
    # shows it, with scans, a diameter sum and a blood marker.
    from helpers.lessons import response

    assert SHOWN_ELSEWHERE == ("Early benefit before scans change",)
    assert "Early benefit before scans change" in TREATMENT_SCENARIOS
    assert "Early benefit before scans change" not in PRESETS
    assert "Early benefit (marker falls first)" in response.PRESETS


def test_the_response_fades_only_when_it_does():
    fades = compute(PRESETS["Response fades (acquired resistance)"].values)
    assert fades.faded_day == 104  # the day before the 6th dose (day 105)
    assert compute(PRESETS["Stable disease"].values).faded_day is None
    assert compute(PRESETS["Aggressive biology"].values).faded_day is None


def test_faded_day_needs_a_response_first():
    stable = TREATMENT_SCENARIOS["Stable disease"].run()
    days, diameters = restaging_series(stable)
    assert faded_day(days, diameters, stable.schedule.dose_days[-1]) is None


def test_faded_day_by_hand():
    days = (0, 20, 41, 62)
    # 30 -> 20: 33% smaller, partial response; 18: 40% smaller, still partial;
    # 24 against the smallest 18: 33% and 6 mm larger, progression: faded on day 62.
    assert restaging_categories((30, 20, 18, 24)) == ("BL", "PR", "PR", "PD")
    assert faded_day(days, (30, 20, 18, 24), last_dose_day=63) == 62.0
    # The same scan on the day of the last dose is not "still on the same drug".
    assert faded_day(days, (30, 20, 18, 24), last_dose_day=62) is None
    # Progression without a response first (30 -> 28: 7% smaller, stable; 36: 29% and
    # 8 mm above 28) is growth, not a fading response.
    assert restaging_categories((30, 28, 36)) == ("BL", "SD", "PD")
    assert faded_day(days[:3], (30, 28, 36), last_dose_day=63) is None
    with pytest.raises(ValueError, match="scan_days"):
        faded_day(days, (30, 20), last_dose_day=63)


def test_state_is_frozen():
    state = compute(ResistanceValues())
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.faded_day = 1.0
