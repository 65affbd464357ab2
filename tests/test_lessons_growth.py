"""Lesson 00 state: untreated growth, checked against hand-worked numbers."""

import dataclasses
import math

import numpy as np
import pytest

from helpers.lessons.growth import PRESETS, GrowthState, GrowthValues, compute

# Sizes by hand: 1e9 cells = 1 cm3; a sphere of 1 cm3 is (6/pi)^(1/3) = 1.2407 cm across.
MM_OF_1E9 = 12.407


def test_defaults_are_the_controls_starting_positions():
    assert GrowthValues() == GrowthValues(doubling_time_days=30, growth_law="exponential",
                                          months_shown=6)


@pytest.mark.parametrize("field, bad", [
    ("doubling_time_days", 1), ("doubling_time_days", 201), ("doubling_time_days", 30.5),
    ("growth_law", "linear"), ("months_shown", 0), ("months_shown", 25),
    ("months_shown", 1.5),
])
def test_values_refuse_what_the_controls_do_not_offer(field, bad):
    with pytest.raises(ValueError, match=field):
        GrowthValues(**{field: bad})


def test_values_accept_the_ends_of_each_range():
    for doubling in (2, 200):
        for months in (1, 24):
            GrowthValues(doubling_time_days=doubling, months_shown=months)
    # 30.0 from a float source is the whole number 30, stored as int.
    assert GrowthValues(doubling_time_days=30.0).doubling_time_days == 30
    assert isinstance(GrowthValues(doubling_time_days=30.0).doubling_time_days, int)


def test_default_state_by_hand():
    state = compute(GrowthValues())
    # 6 months x 30.44 days = 182.64 -> 183 days, one sample a day from day 0.
    assert state.days_shown == 183 and len(state.days) == 184
    assert state.start_cells == 1e9
    # One doubling per 30 days: day 30 holds 2e9; day 183 holds 1e9 x 2^(183/30) = 6.86e10.
    assert state.cells[30] == pytest.approx(2e9, rel=1e-9)
    assert state.end_cells == pytest.approx(1e9 * 2 ** 6.1, rel=1e-9)
    assert state.start_mm == pytest.approx(MM_OF_1E9, abs=1e-3)
    # Diameter goes with the cube root: 12.407 x 2^(6.1/3) = 50.79 mm.
    assert state.end_mm == pytest.approx(50.79, abs=0.01)
    assert not state.capped
    # log2(1e9) = 29.9 doublings from one cell, rounded up to 30; 29.9 x 30 days = 897 days.
    assert state.doublings_from_one_cell == 30
    assert state.days_from_one_cell == pytest.approx(math.log2(1e9) * 30)


def test_months_shown_extremes():
    assert compute(GrowthValues(months_shown=1)).days_shown == 30  # 30.44 -> 30
    assert compute(GrowthValues(months_shown=24)).days_shown == 731  # 730.56 -> 731


def test_steady_doubling_stops_at_the_capacity():
    # Doubling every 2 days for 30 days: 1e9 x 2^15 = 3.3e13, past 1e12, so the chart stops.
    state = compute(GrowthValues(doubling_time_days=2, months_shown=1))
    assert state.capped
    assert state.end_cells == 1e12 and np.max(state.cells) == 1e12
    assert state.capacity_cells == 1e12
    # 1e12 cells = 1000 cm3: 10 x 12.407 mm = 124.07 mm across.
    assert state.capacity_mm == pytest.approx(124.07, abs=0.01)
    # Doubling every 7 days for 61 days: 1e9 x 2^(61/7) = 4.2e11, below the cap.
    assert not compute(GrowthValues(doubling_time_days=7, months_shown=2)).capped
    assert compute(GrowthValues(doubling_time_days=7, months_shown=2)).capped_day is None


def test_the_day_the_cap_is_reached():
    # 1e9 x 2^(t/2) = 1e12 at t = 2 log2(1000) = 19.93: day 20 is the first day at the cap,
    # and day 19 is still below it.
    state = compute(GrowthValues(doubling_time_days=2, months_shown=1))
    assert state.capped_day == 20
    assert state.cells[19] < 1e12 and state.cells[20] == 1e12
    # 30-day doubling for 24 months: t = 30 log2(1000) = 298.97 -> day 299.
    assert compute(GrowthValues(doubling_time_days=30, months_shown=24)).capped_day == 299


@pytest.mark.parametrize("law", ["logistic", "gompertz"])
def test_slowing_laws_never_reach_the_cap_and_grow_less_than_steady_doubling(law):
    slowing = compute(GrowthValues(doubling_time_days=2, growth_law=law, months_shown=24))
    assert not slowing.capped
    assert slowing.end_cells <= 1e12  # they approach the capacity, never pass it
    steady = compute(GrowthValues(doubling_time_days=30, months_shown=6))
    slowed = compute(GrowthValues(doubling_time_days=30, growth_law=law, months_shown=6))
    assert slowed.start_cells == pytest.approx(1e9, rel=1e-12)
    assert slowed.end_cells < steady.end_cells
    assert np.all(np.diff(slowed.cells) > 0)  # still growing, only slower


def test_slow_doubling_barely_grows():
    # 150-day doubling over 12 months (365 days): 2^(365/150) = 5.4 times.
    state = compute(GrowthValues(doubling_time_days=150, months_shown=12))
    assert state.end_cells / state.start_cells == pytest.approx(2 ** (365 / 150), rel=1e-9)


def test_state_is_frozen_and_its_arrays_read_only():
    state = compute(GrowthValues())
    with pytest.raises(dataclasses.FrozenInstanceError):
        name = "capped"
        setattr(state, name, True)
    for array in (state.days, state.cells, state.diameter_mm):
        with pytest.raises(ValueError):
            array[0] = 0.0
    assert isinstance(state, GrowthState)


def test_presets_are_valid_values_with_stories():
    assert set(PRESETS) == {"Fast-growing cancer", "Slow-growing cancer",
                            "Crowding slows growth"}
    for preset in PRESETS.values():
        assert isinstance(preset.values, GrowthValues) and preset.story
    assert PRESETS["Crowding slows growth"].values.growth_law == "gompertz"
    # "In two months the cells multiply hundreds of times": 2^(61/7) = 420.
    fast = compute(PRESETS["Fast-growing cancer"].values)
    assert 100 < fast.end_cells / fast.start_cells < 1000
