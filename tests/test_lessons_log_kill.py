"""Lesson 01 state: log kill and regrowth, checked against hand-worked numbers."""

import dataclasses
import math

import numpy as np
import pytest

from helpers.lessons.log_kill import (
    LOG_KILL_CHOICES,
    PRESETS,
    LogKillState,
    LogKillValues,
    compute,
)

LOG2 = math.log10(2.0)


def test_defaults_are_the_controls_starting_positions():
    assert LogKillValues() == LogKillValues(log_kill_per_dose=1.0, doubling_time_days=7.0,
                                            cycle_length_days=21, cycles=6, start_cells=1e9)
    assert LOG_KILL_CHOICES == pytest.approx((0.0, LOG2, 1.0, 2.0, 3.0, 4.0))


@pytest.mark.parametrize("field, bad", [
    ("log_kill_per_dose", 0.5), ("log_kill_per_dose", 5.0), ("log_kill_per_dose", -1.0),
    ("doubling_time_days", 1.5), ("doubling_time_days", 60.5), ("doubling_time_days", 7.25),
    ("cycle_length_days", 20), ("cycle_length_days", 7),
    ("cycles", 0), ("cycles", 13), ("cycles", 2.5),
    ("start_cells", 5e9), ("start_cells", 1e11),
])
def test_values_refuse_what_the_controls_do_not_offer(field, bad):
    with pytest.raises(ValueError, match=field):
        LogKillValues(**{field: bad})


def test_values_accept_every_end_and_option():
    for kill in LOG_KILL_CHOICES:
        LogKillValues(log_kill_per_dose=kill)
    for doubling in (2.0, 6.5, 60.0):
        LogKillValues(doubling_time_days=doubling)
    for cycles in (1, 12):
        LogKillValues(cycles=cycles)
    for length in (14, 21, 28):
        LogKillValues(cycle_length_days=length)
    for cells in (1e8, 1e9, 1e10):
        LogKillValues(start_cells=cells)
    # Whole numbers from a float source are stored as int ("day 42", not "day 42.0").
    values = LogKillValues(cycles=2.0, cycle_length_days=21.0)
    assert isinstance(values.cycles, int) and isinstance(values.cycle_length_days, int)


def test_two_cycles_of_two_logs_by_hand():
    state = compute(LogKillValues(log_kill_per_dose=2.0, doubling_time_days=7.0,
                                  cycle_length_days=21, cycles=2, start_cells=1e9))
    # Doses on days 0 and 21; the course ends on day 42; one more cycle shows regrowth: 63.
    assert state.dose_days == (0, 21)
    assert state.end_day == 42 and state.horizon_days == 63
    # Days 0..63 daily, with each dose day twice (before and after): 64 + 2 samples.
    assert len(state.days) == 66 and list(state.days[:3]) == [0.0, 0.0, 1.0]
    # 1e9 -> 1e7 at the first dose; x8 in 21 days = 8e7 -> 8e5; x8 by day 42 = 6.4e6.
    # (Crowding is negligible here: 1 - N/K > 0.9999.)
    assert state.start_cells == 1e9
    assert state.total_cells[1] == pytest.approx(1e7, rel=1e-12)
    assert state.nadir_day == 21 and state.nadir_cells == pytest.approx(8e5, rel=1e-3)
    assert state.end_cells == pytest.approx(6.4e6, rel=1e-3)
    assert state.cell_change == pytest.approx(6.4e6 / 1e9 - 1, rel=1e-3)
    # Sizes: 12.407 mm at 1e9. The live cells alone on day 42: 12.407 x 0.0064^(1/3) = 2.30.
    assert state.start_mm == pytest.approx(12.407, abs=1e-3)
    assert state.diameter_mm[0] == pytest.approx(12.407, abs=1e-3)
    day_42 = np.flatnonzero(state.days == 42)[0]
    assert state.live_diameter_mm[day_42] == pytest.approx(2.30, abs=0.01)
    # Measured size adds the dead cells not yet cleared (half-life 7 days): day 0 killed
    # 9.9e8, 42 days = 6 half-lives on: / 64 = 1.547e7; day 21 killed 0.99 x 8e7 = 7.92e7,
    # 3 half-lives on: / 8 = 9.90e6. 6.4e6 + 2.537e7 = 3.177e7 cells:
    # 12.407 x 0.03177^(1/3) = 12.407 x 0.3167 = 3.93 mm.
    assert state.clearance_half_life_days == 7
    assert state.end_mm == pytest.approx(3.93, abs=0.01)
    # The chart's last day, 63, one cycle later with no dose: live 6.4e6 x 8 = 5.12e7; dead
    # 9.9e8 / 512 + 7.92e7 / 64 = 3.17e6; 5.437e7 cells: 12.407 x 0.3788 = 4.70 mm.
    assert state.days[-1] == state.horizon_days == state.days_shown[1] == 63
    assert state.chart_end_cells == pytest.approx(5.12e7, rel=1e-3)
    assert state.chart_end_mm == pytest.approx(4.70, abs=0.01)
    assert state.days_after_course == 21
    assert not state.regrew_past_start  # 5.12e7 is still below the 1e9 of the start
    # Per cycle: 21/7 = 3 doublings = 3 x 0.30103 = 0.903 logs grown, 2 killed: -1.097.
    assert state.net_logs_per_cycle == pytest.approx(3 * LOG2 - 2)
    assert state.trend == "shrinks"
    assert state.gone_day is None


def test_untreated_line_is_on_the_treated_grid():
    state = compute(LogKillValues(log_kill_per_dose=2.0, doubling_time_days=7.0,
                                  cycle_length_days=21, cycles=2, start_cells=1e9))
    assert state.untreated_cells.shape == state.days.shape
    # Day 0 appears twice; untreated, both samples are the starting 1e9.
    assert state.untreated_cells[0] == state.untreated_cells[1] == pytest.approx(1e9)
    # Logistic by hand on day 21: K / (1 + (K/N0 - 1) e^(-r t)), e^(r t) = 2^3 = 8:
    # 1e12 / (1 + 999 / 8) = 1e12 / 125.875 = 7.944e9.
    day_21 = np.flatnonzero(state.days == 21)
    assert state.untreated_cells[day_21] == pytest.approx([1e12 / 125.875] * 2, rel=1e-9)
    assert state.untreated_end_cells == state.untreated_cells[-1]
    assert state.untreated_end_cells > state.end_cells


def test_band_is_the_ct_range_in_cells():
    # A 5 mm sphere is pi/6 x 0.5^3 = 0.06545 cm3 = 6.545e7 cells; 10 mm: 0.5236 cm3.
    low, high = compute(LogKillValues()).band_cells
    assert low == pytest.approx(6.545e7, rel=1e-3)
    assert high == pytest.approx(5.236e8, rel=1e-3)


def test_the_measured_size_lags_the_live_cells():
    state = compute(LogKillValues())  # 90% a dose, 7-day doubling, 21-day cycles
    # Just after the first dose the live cells are a tenth, the size has not moved.
    assert state.total_cells[1] == pytest.approx(0.1 * state.total_cells[0])
    assert state.diameter_mm[1] == pytest.approx(state.diameter_mm[0])
    assert state.live_diameter_mm[1] == pytest.approx(0.1 ** (1 / 3) * 12.407, abs=1e-3)
    # Measured size is never below the live cells' size, and only ever above it once a
    # dose has killed something.
    assert np.all(state.diameter_mm >= state.live_diameter_mm - 1e-9)
    assert np.all(state.diameter_mm[1:] > state.live_diameter_mm[1:])


def test_regrowth_past_the_start_after_the_course():
    state = compute(LogKillValues())
    # Per cycle x 8 (3 doublings) x 0.1 = x 0.8: 1e9 x 0.8^6 = 2.6e8 on day 126, then
    # x 8 with no dose: 2.1e9 on day 147, past the 1e9 of the start.
    assert (state.end_day, state.horizon_days) == (126, 147)
    assert state.end_cells == pytest.approx(1e9 * 0.8 ** 6, rel=0.01)
    assert state.chart_end_cells == pytest.approx(8e9 * 0.8 ** 6, rel=0.02)
    assert state.regrew_past_start and state.chart_end_change > 0
    cure = compute(PRESETS["Very sensitive cancer (aim: cure)"].values)
    assert not cure.regrew_past_start and cure.chart_end_cells == 0


def test_cure_by_hand():
    state = compute(PRESETS["Very sensitive cancer (aim: cure)"].values)
    # 4 logs a dose, doubling every 10 days (2^2.1 = 4.29 per 21-day cycle):
    # day 0: 1e9 -> 1e5; day 21: 4.29e5 -> 42.9; day 42: 184 -> 0.018, under one cell: gone.
    assert state.gone_day == 42
    assert state.total_cells[-1] == 0
    assert state.end_cells == 0
    assert state.trend == "shrinks"


def test_zero_kill_grows_and_is_never_gone():
    state = compute(LogKillValues(log_kill_per_dose=0.0, cycles=1))
    assert state.trend == "grows" and state.gone_day is None
    # With no kill the treated and untreated courses are the same tumour.
    assert state.total_cells == pytest.approx(state.untreated_cells, rel=1e-3)


def test_half_kill_against_one_doubling_per_cycle_holds_steady():
    # Half killed and one doubling per cycle: log10 2 grown, log10 2 killed, net 0.
    for length in (14, 21, 28):
        state = compute(LogKillValues(log_kill_per_dose=LOG2, doubling_time_days=length,
                                      cycle_length_days=length))
        assert state.net_logs_per_cycle == pytest.approx(0.0, abs=1e-12)
        assert state.trend == "steady"


@pytest.mark.parametrize("net, trend", [
    (0.006, "grows"), (0.005, "steady"), (0.0, "steady"), (-0.005, "steady"),
    (-0.006, "shrinks"),
])
def test_trend_edges(net, trend):
    state = dataclasses.replace(compute(LogKillValues()), net_logs_per_cycle=net)
    assert state.trend == trend


def test_control_extremes_give_a_finite_course():
    for values in (LogKillValues(cycles=1, cycle_length_days=14, doubling_time_days=2.0,
                                 start_cells=1e10, log_kill_per_dose=0.0),
                   LogKillValues(cycles=12, cycle_length_days=28, doubling_time_days=60.0,
                                 start_cells=1e8, log_kill_per_dose=4.0)):
        state = compute(values)
        assert np.all(np.isfinite(state.total_cells)) and np.all(state.total_cells <= 1e12)
        assert state.horizon_days == (values.cycles + 1) * values.cycle_length_days


def test_state_is_frozen_and_its_arrays_read_only():
    state = compute(LogKillValues())
    name = "end_day"
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(state, name, 0)
    for array in (state.days, state.total_cells, state.untreated_cells, state.diameter_mm,
                  state.live_diameter_mm):
        with pytest.raises(ValueError):
            array[0] = 0.0
    assert isinstance(state, LogKillState)


def test_presets_show_what_their_stories_say():
    assert set(PRESETS) == {"Very sensitive cancer (aim: cure)", "Control: growth held back",
                            "Shrink before surgery", "Growth outpaces the kill"}
    grows = compute(PRESETS["Growth outpaces the kill"].values)
    # 21 days / 10 = 2.1 doublings = 0.632 logs grown; 0.301 killed: +0.331 a cycle.
    assert grows.net_logs_per_cycle == pytest.approx(1.1 * LOG2)
    assert grows.trend == "grows" and grows.total_cells[-1] > grows.total_cells[0]
    surgery = compute(PRESETS["Shrink before surgery"].values)
    assert surgery.end_cells < surgery.start_cells and surgery.gone_day is None
    held = compute(PRESETS["Control: growth held back"].values)
    # 21 / 6.5 x 0.30103 = 0.973 logs grown against 1 killed: close to its size...
    assert held.net_logs_per_cycle == pytest.approx(21 / 6.5 * LOG2 - 1)
    assert 0.5 < held.end_cells / held.start_cells < 1
    # ...while untreated it would have grown enormously.
    assert held.untreated_end_cells > 100 * held.start_cells
    # "When the doses stop, it grows again": the cycle after the course x 2^(21/6.5) = 9.4,
    # past the start on the chart's last day.
    assert held.chart_end_cells == pytest.approx(2 ** (21 / 6.5) * held.end_cells, rel=0.01)
    assert held.regrew_past_start
