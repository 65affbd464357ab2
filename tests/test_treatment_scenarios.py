"""The treatment scenarios: each one, run through the models, shows what it claims."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models import Clone, Schedule, simulate
from helpers.models.size import cells_to_diameter_mm
from helpers.scenarios import SCENARIOS, scenario_named
from helpers.scenarios.treatment import (
    SENSITIVITY_LEVELS,
    TREATMENT_SCENARIOS,
    TreatmentScenario,
    cycle_end_days,
    diameter_mm_of,
    log_kill_for_fraction,
    one_clone_tumour,
    two_clone_tumour,
)

NAMES = (
    "Responding",
    "Stable disease",
    "Response fades (acquired resistance)",
    "Aggressive biology",
    "Treatment paused",
    "Early benefit before scans change",
)


def diameter_on(result, day: float) -> float:
    return float(cells_to_diameter_mm(result.total_at(day)))


# --- the catalogue ------------------------------------------------------------


def test_the_six_scenarios_exist_by_their_exact_names():
    assert tuple(TREATMENT_SCENARIOS) == NAMES
    for name in NAMES:
        assert TREATMENT_SCENARIOS[name].name == name
        assert scenario_named(name) is TREATMENT_SCENARIOS[name]
        assert name in SCENARIOS


@pytest.mark.parametrize("name", NAMES)
def test_every_scenario_is_documented_and_runs_cleanly(name):
    scenario = TREATMENT_SCENARIOS[name]
    assert scenario.what_it_shows.strip() and scenario.story.strip()
    assert scenario.parameters_note.strip()
    result = scenario.run()
    assert np.all(np.isfinite(result.cells)) and np.all(result.cells >= 0)
    assert result.horizon_days == scenario.horizon_days
    # run() is exactly the models' simulate with the documented settings.
    direct = simulate(scenario.clones, scenario.schedule, scenario.horizon_days,
                      law=scenario.law,
                      carrying_capacity_cells=scenario.carrying_capacity_cells)
    np.testing.assert_array_equal(result.total_cells, direct.total_cells)


def test_scenarios_start_at_a_measurable_plausible_size():
    # 1e10 cells at 1e9 per cm3 is 10 cm3: a sphere (6 * 10 / pi) ** (1/3) = 2.67 cm across.
    for scenario in TREATMENT_SCENARIOS.values():
        assert scenario.baseline_cells == pytest.approx(1e10)
        assert float(diameter_mm_of(scenario.run())[0]) == pytest.approx(26.7, abs=0.05)


# --- each claim -----------------------------------------------------------------


def test_responding_ends_at_partial_response_size_and_shrinks_at_every_scan():
    scenario = TREATMENT_SCENARIOS["Responding"]
    result = scenario.run()
    diameter = diameter_mm_of(result)
    assert diameter[-1] <= 0.7 * diameter[0]
    scans = [diameter_on(result, day) for day in scenario.restaging_days]
    assert all(later < earlier for earlier, later in zip([diameter[0], *scans], scans,
                                                          strict=False))


def test_stable_disease_stays_in_band_while_resistant_share_rises():
    scenario = TREATMENT_SCENARIOS["Stable disease"]
    result = scenario.run()
    d0 = float(diameter_mm_of(result)[0])
    shares = [scenario.resistant_share_at_start]
    for day in scenario.restaging_days:
        change = diameter_on(result, day) / d0 - 1.0
        assert -0.30 < change < 0.20, (day, change)
        shares.append(float(result.resistant_share[result.index_at(day)]))
    assert all(b > a for a, b in zip(shares, shares[1:], strict=False))
    # From 1 in 100 to well over 1 in 10 by the end.
    assert shares[-1] > 10 * shares[0]


def test_response_fades_regrows_past_20_percent_above_the_nadir_on_the_same_drug():
    scenario = TREATMENT_SCENARIOS["Response fades (acquired resistance)"]
    result = scenario.run()
    diameter = diameter_mm_of(result)
    nadir = result.nadir_index
    last_dose_day = scenario.schedule.dose_days[-1]
    # Doses continue after the nadir: the same drug is still being given.
    assert result.nadir_day < last_dose_day
    assert diameter[nadir] <= 0.7 * diameter[0]  # a real response first
    # Read like scans (the day before each later dose): past 20% and 5 mm above the
    # lowest cycle-end diameter, on a day that still has a dose after it.
    ends = [day for day in cycle_end_days(scenario.schedule) if day < last_dose_day]
    at_ends = [diameter_on(result, day) for day in ends]
    lowest = int(np.argmin(at_ends))
    assert diameter[nadir] <= at_ends[lowest]
    assert any(d > 1.2 * at_ends[lowest] and d >= at_ends[lowest] + 5.0
               for d in at_ends[lowest + 1:])
    # And by the end most cells are resistant: selection, not new damage.
    assert result.resistant_share[-1] > 0.9


def test_aggressive_biology_is_above_baseline_at_every_scan():
    scenario = TREATMENT_SCENARIOS["Aggressive biology"]
    result = scenario.run()
    assert scenario.restaging_days  # there are scans to check
    for day in scenario.restaging_days:
        assert result.total_at(day) > scenario.baseline_cells, day


def test_treatment_paused_regrows_during_the_pause_and_lowers_dose_intensity():
    scenario = TREATMENT_SCENARIOS["Treatment paused"]
    schedule = scenario.schedule
    # Planned dose 3 on day 42; given on day 42 + 14 = 56.
    assert schedule.planned_dose_days[2] == 42 and schedule.dose_days[2] == 56
    result = scenario.run()
    pause = [result.total_at(day) for day in range(42, 56)]  # no dose on days 42-55
    assert all(b > a for a, b in zip(pause, pause[1:], strict=False))
    # RDI by hand: (2 + 4 * 0.75) doses / (126 + 14) days, over 6 doses / 126 days = 0.75.
    assert schedule.relative_dose_intensity == pytest.approx(0.75)
    assert schedule.relative_dose_intensity < 1.0
    # The plan, same tumour, leaves fewer cells at the end of its own course.
    planned = scenario.run_as_planned()
    assert planned.total_at(126) < result.total_at(140)


def test_early_benefit_halves_the_cells_before_the_diameter_falls_30_percent():
    scenario = TREATMENT_SCENARIOS["Early benefit before scans change"]
    result = scenario.run()
    total, diameter = result.total_cells, diameter_mm_of(result)
    halved = np.nonzero(total < 0.5 * total[0])[0]
    partial = np.nonzero(diameter <= 0.7 * diameter[0])[0]
    assert halved.size and partial.size
    assert result.days[halved[0]] < result.days[partial[0]]
    # On one restaging scan the cells are more than halved while the diameter has not
    # yet fallen 30%: a scan reading 'stable' over a real fall in burden.
    assert any(result.total_at(day) < 0.5 * total[0]
               and diameter_on(result, day) > 0.7 * diameter[0]
               for day in scenario.restaging_days)


# --- helpers --------------------------------------------------------------------


def test_restaging_and_cycle_end_days_by_hand():
    six = TREATMENT_SCENARIOS["Responding"]
    # Doses on days 0, 21, ..., 105; the course ends on day 126.
    assert cycle_end_days(six.schedule) == (20, 41, 62, 83, 104, 126)
    assert six.restaging_days == (41, 83, 126)
    paused = TREATMENT_SCENARIOS["Treatment paused"]
    # Doses on 0, 21, 56, 77, 98, 119; the course ends on 119 + 21 = 140.
    assert paused.restaging_days == (55, 97, 140)
    assert cycle_end_days(Schedule(cycles=0)) == ()


def test_log_kill_for_fraction_by_hand():
    assert log_kill_for_fraction(0.9) == pytest.approx(1.0)
    assert log_kill_for_fraction(0.999) == pytest.approx(3.0)
    assert log_kill_for_fraction(0.5) == pytest.approx(math.log10(2))
    assert log_kill_for_fraction(0.0) == 0.0
    with pytest.raises(ValueError, match="fraction_killed"):
        log_kill_for_fraction(1.0)


def test_sensitivity_levels_are_ordered_illustrations():
    levels = SENSITIVITY_LEVELS
    assert list(levels) == ["very sensitive", "moderately sensitive", "hardly sensitive"]
    assert levels["very sensitive"].log_kill_per_dose == pytest.approx(3.0)
    assert levels["moderately sensitive"].log_kill_per_dose == pytest.approx(1.0)
    assert levels["hardly sensitive"].log_kill_per_dose == pytest.approx(0.30103, abs=1e-5)


def test_two_clone_tumour_splits_the_cells():
    sensitive, resistant = two_clone_tumour(resistant_share=0.25, fraction_killed=0.9,
                                            sensitive_doubling_time_days=21,
                                            resistant_doubling_time_days=30,
                                            fitness_cost_fraction=0.2)
    assert sensitive.initial_cells == pytest.approx(7.5e9)
    assert resistant.initial_cells == pytest.approx(2.5e9)
    assert resistant.resistant and not sensitive.resistant
    assert resistant.log_kill_per_dose == 0.0 and sensitive.log_kill_per_dose == 1.0
    assert sensitive.growth_rate_per_day == pytest.approx(math.log(2) / 21)
    # 20% fitness cost: effective rate 0.8 * ln 2 / 30.
    assert resistant.effective_growth_rate_per_day == pytest.approx(0.8 * math.log(2) / 30)


@given(share=st.floats(0.0, 1.0), cells=st.floats(1.0, 1e12))
def test_two_clone_tumour_keeps_every_cell(share, cells):
    clones = two_clone_tumour(resistant_share=share, fraction_killed=0.5,
                              sensitive_doubling_time_days=21, resistant_doubling_time_days=21,
                              cells=cells)
    assert sum(c.initial_cells for c in clones) == pytest.approx(cells, rel=1e-12)


@pytest.mark.parametrize("bad", [
    {"resistant_share": 1.5}, {"resistant_share": -0.1}, {"fraction_killed": 1.0},
    {"sensitive_doubling_time_days": 0}, {"fitness_cost_fraction": 1.0}, {"cells": float("nan")},
])
def test_two_clone_tumour_rejects_bad_input(bad):
    args = {"resistant_share": 0.01, "fraction_killed": 0.9, "sensitive_doubling_time_days": 21,
            "resistant_doubling_time_days": 21, "fitness_cost_fraction": 0.1, **bad}
    with pytest.raises(ValueError, match=next(iter(bad))):
        two_clone_tumour(**args)


def test_scenario_rejects_a_horizon_before_the_last_dose():
    with pytest.raises(ValueError, match="horizon_days"):
        TreatmentScenario(name="x", what_it_shows="y", story="z",
                          clones=one_clone_tumour(fraction_killed=0.9, doubling_time_days=21),
                          schedule=Schedule(21, 6), horizon_days=50)
    with pytest.raises(ValueError, match="clones"):
        TreatmentScenario(name="x", what_it_shows="y", story="z", clones=("not a clone",),
                          schedule=Schedule(21, 6), horizon_days=126)
    with pytest.raises(ValueError, match="law"):
        TreatmentScenario(name="x", what_it_shows="y", story="z",
                          clones=(Clone("a", 1e9, 0.03),), schedule=Schedule(21, 6),
                          horizon_days=126, law="linear")
