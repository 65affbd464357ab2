"""Lesson 05 state: the plan against the course as given. Values in, a frozen state
out; no widgets, no figure."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from helpers.lessons.dose_intensity import (
    CHANGED_CYCLE_CHOICES,
    CYCLE_LENGTH_CHOICES_DAYS,
    CYCLES,
    PRESETS,
    DoseIntensityValues,
    compute,
    course_schedule,
    pauses,
)
from helpers.models.treatment import Schedule
from helpers.scenarios.treatment import TREATMENT_SCENARIOS


def test_option_tables():
    assert CYCLES == 6
    assert CHANGED_CYCLE_CHOICES == (2, 3, 4, 5, 6)
    assert CYCLE_LENGTH_CHOICES_DAYS == (14, 21, 28)


@pytest.mark.parametrize(("field", "bad"), [
    ("fraction_killed_per_dose", 0.8), ("doubling_time_days", 25), ("cycle_length_days", 7),
    ("changed_cycle", 1), ("changed_cycle", 7), ("delay_days", -1), ("delay_days", 29),
    ("delay_days", 1.5), ("delays_repeat", 1), ("dose_cut_percent", 55),
    ("dose_cut_percent", 12),
])
def test_values_refuse_what_no_control_offers(field, bad):
    with pytest.raises(ValueError, match=f"{field} must be .*got {bad!r}"):
        DoseIntensityValues(**{field: bad})


def test_values_start_where_the_controls_do():
    assert DoseIntensityValues() == DoseIntensityValues(0.9, 21, 21, 3, 0, False, 0)
    assert DoseIntensityValues(delay_days=7.0).delay_days == 7


def test_course_schedule_by_hand():
    schedule = course_schedule(DoseIntensityValues(cycle_length_days=21, changed_cycle=3,
                                                   delay_days=7, delays_repeat=False,
                                                   dose_cut_percent=20))
    assert schedule.delays_days == (0, 0, 7, 0, 0, 0)
    assert schedule.dose_fractions == (1.0, 1.0, 0.8, 0.8, 0.8, 0.8)
    assert schedule.dose_days == (0, 21, 49, 70, 91, 112)
    repeated = course_schedule(DoseIntensityValues(cycle_length_days=14, changed_cycle=2,
                                                   delay_days=3, delays_repeat=True,
                                                   dose_cut_percent=0))
    assert repeated.delays_days == (0, 3, 3, 3, 3, 3)
    with pytest.raises(ValueError, match="changed_cycle"):
        course_schedule(DoseIntensityValues(cycle_length_days=21, changed_cycle=1,
                                            delay_days=7, delays_repeat=False,
                                            dose_cut_percent=0))


def test_pauses_by_hand():
    # Delays of 3 days before cycles 2 to 6 of 14: doses on 0, 17, 34, 51, 68, 85, each
    # due 3 days earlier.
    schedule = Schedule(14, 6, delays_days=(0, 3, 3, 3, 3, 3))
    assert pauses(schedule) == (((14, 17), (31, 34), (48, 51), (65, 68), (82, 85)),
                                (2, 3, 4, 5, 6))
    assert pauses(Schedule(21, 6)) == ((), ())


def test_delay_and_cut_by_hand():
    state = compute(DoseIntensityValues(changed_cycle=3, delay_days=7, dose_cut_percent=20))
    # Given: 1 + 1 + 4 * 0.8 = 5.2 full doses over 126 + 7 = 133 days.
    # RDI = (5.2 / 133) / (6 / 126) = 655.2 / 798 = 0.821.
    assert state.relative_dose_intensity == pytest.approx(655.2 / 798)
    assert state.schedule.delivered_total_dose == pytest.approx(5.2)
    assert state.schedule.end_day == 133 and state.planned_schedule.end_day == 126
    assert state.pauses == ((42, 49),) and state.paused_cycles == (3,)
    # Before the pause: 1e10 -> (x 0.1, x 2) twice -> 4e8 on day 42, when dose 3 was due;
    # 7 more days grow it by 2^(7/21) = 1.26 to 5.04e8 just before it is given on day 49.
    assert state.first_pause_cells == pytest.approx((4e8, 5.04e8), rel=0.01)
    # The plan: six cycles of (x 0.1, x 2) leave 1e10 * 0.2^6 = 6.4e5.
    assert state.planned_end_cells == pytest.approx(6.4e5, rel=0.01)
    assert state.course_end_cells == (state.planned_end_cells, state.given_end_cells)
    assert not state.as_planned


def test_as_planned_is_the_plan():
    state = compute(DoseIntensityValues())
    assert state.as_planned and state.relative_dose_intensity == 1.0
    assert state.pauses == () and state.first_pause_cells is None
    np.testing.assert_allclose(state.given_cells, state.planned_cells)
    assert state.given_end_cells == pytest.approx(6.4e5, rel=0.01)


def test_each_course_runs_to_its_own_end():
    state = compute(DoseIntensityValues(changed_cycle=2, delay_days=7, delays_repeat=True))
    # Plan ends on day 126; the given course, delayed 5 x 7 days, on day 161.
    assert state.given_days[-1] == 161 and state.planned_days[-1] == 126
    assert len(state.pauses) == 5
    # Same full doses, more days between them: the given course ends higher by
    # 2^(35 / 21) = 3.2 (growth over the 35 extra days, close to exponential here).
    assert state.given_end_cells / state.planned_end_cells == pytest.approx(2 ** (35 / 21),
                                                                           rel=0.01)


def test_regrowth_during_a_pause():
    state = compute(DoseIntensityValues(changed_cycle=3, delay_days=14))
    days, given = state.given_days, state.given_cells
    # Dose 3 was due on day 42 and is given on day 56: no dose from day 21 to day 55.
    in_pause = (days >= 42) & (days <= 55)
    assert np.all(np.diff(given[in_pause]) > 0)
    # The plan's line drops on day 42 (its third dose); the given line does not.
    on_42 = np.nonzero(state.planned_days == 42)[0]
    assert on_42.size == 2
    assert state.planned_cells[on_42[1]] == pytest.approx(state.planned_cells[on_42[0]] / 10)
    assert np.count_nonzero(days == 42) == 1 and np.count_nonzero(days == 56) == 2


def test_no_cells_left_before_a_pause():
    # 99.9% killed, doubling 90 days: each cycle x 1e-3 x 2^(21/90) = x 1.2e-3, so
    # 1e10 -> 1.2e7 -> 1.4e4 -> 16 -> 0.02 (gone, under one cell) after the 4th dose.
    state = compute(DoseIntensityValues(fraction_killed_per_dose=0.999, doubling_time_days=90,
                                        changed_cycle=6, delay_days=7))
    assert state.first_pause_cells == (0.0, 0.0)
    assert state.course_end_cells == (0.0, 0.0)


def test_treatment_paused_preset_reproduces_the_scenario():
    assert "Treatment paused" in PRESETS
    state = compute(PRESETS["Treatment paused"].values)
    scenario = TREATMENT_SCENARIOS["Treatment paused"]
    np.testing.assert_allclose(state.given_cells, scenario.run().total_cells, rtol=1e-12)
    assert state.relative_dose_intensity == pytest.approx(0.75)
    assert PRESETS["Treatment paused"].story == scenario.story


def test_presets_are_the_fitting_scenarios_then_three_more():
    assert list(PRESETS) == ["Treatment paused", "Course as planned",
                             "A week's delay before every cycle", "Doses cut by a quarter"]
    assert PRESETS["Course as planned"].values == DoseIntensityValues()
    cut = compute(PRESETS["Doses cut by a quarter"].values)
    # 1 + 5 x 0.75 = 4.75 of 6 doses, on time: RDI 4.75 / 6 = 0.79.
    assert cut.relative_dose_intensity == pytest.approx(4.75 / 6)


def test_state_is_frozen():
    state = compute(DoseIntensityValues())
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.given_end_cells = 1.0
