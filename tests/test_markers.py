"""Blood marker: proportional to burden, lagging by its half-life, noisy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models.markers import MarkerModel, marker_levels, measure_marker


def test_steady_burden_gives_a_steady_level():
    # 2e9 cells at 10 units per billion cells, plus a normal level of 3: 23.
    model = MarkerModel(units_per_billion_cells=10, normal_level=3)
    levels = marker_levels(np.arange(30.0), np.full(30, 2e9), model)
    assert levels == pytest.approx(np.full(30, 23.0))


def test_level_halves_one_half_life_after_the_burden_is_gone():
    # Burden 1e9 (level 10) drops to 0 on day 0 (two samples that day). With a
    # 10-day half-life the level is 10 * 2^(-1) = 5 on day 10 and 2.5 on day 20.
    days = np.array([0.0, 0.0, *np.arange(1.0, 21.0)])
    burden = np.array([1e9] + [0.0] * 21)
    levels = marker_levels(days, burden, MarkerModel(half_life_days=10))
    assert levels[0] == levels[1] == pytest.approx(10.0)  # no jump at the dose
    assert levels[days.tolist().index(10.0)] == pytest.approx(5.0)
    assert levels[-1] == pytest.approx(2.5)


def test_marker_lags_a_90_percent_kill():
    # Burden falls 90% at a dose and stays: target 10 -> 1. One day later the level
    # is 1 + 9 * 2^(-1/10) = 1 + 9 * 0.93303 = 9.397: still far above 1.
    days = np.array([0.0, 0.0, 1.0])
    burden = np.array([1e9, 1e8, 1e8])
    levels = marker_levels(days, burden, MarkerModel(half_life_days=10))
    assert levels[2] == pytest.approx(1 + 9 * 2 ** -0.1)


def test_surge_raises_the_level_after_the_first_dose():
    # Burden steady at 1e9 (target 10); surge_fraction 1 adds 10 for 14 days after
    # the dose on day 0 (days 0 to 13). Half-life 7: on day 13 the level is
    # 20 - 10 * 2^(-13/7) = 20 - 10 * 0.27595 = 17.2405.
    days = np.array([0.0, 0.0, *np.arange(1.0, 40.0)])
    burden = np.full(days.size, 1e9)
    model = MarkerModel(half_life_days=7, surge_fraction=1.0, surge_days=14)
    levels = marker_levels(days, burden, model, first_dose_day=0)
    assert levels[days.tolist().index(13.0)] == pytest.approx(20 - 10 * 2 ** (-13 / 7))
    # Then it falls back toward 10 (the surge is brief).
    assert levels[-1] < levels[days.tolist().index(13.0)]
    assert levels[-1] == pytest.approx(10, rel=0.1)
    # Without a first dose day there is no surge.
    plain = marker_levels(days, burden, model)
    assert plain == pytest.approx(np.full(days.size, 10.0))


def test_readings_are_seeded_and_noise_free_when_cv_is_zero():
    days = np.arange(0.0, 50.0)
    levels = marker_levels(days, np.linspace(2e9, 1e8, 50))
    model = MarkerModel(noise_cv=0.2)
    a = measure_marker(days, levels, [0, 21, 42], model, seed=5)
    b = measure_marker(days, levels, [0, 21, 42], model, seed=5)
    c = measure_marker(days, levels, [0, 21, 42], model, seed=6)
    assert a.tolist() == b.tolist()
    assert a.tolist() != c.tolist()
    exact = measure_marker(days, levels, [0, 21, 42], MarkerModel(noise_cv=0.0), seed=5)
    assert exact.tolist() == pytest.approx([levels[0], levels[21], levels[42]])


@given(burden=st.lists(st.floats(0, 1e12), min_size=2, max_size=40),
       half_life=st.floats(0.5, 120), seed=st.integers(0, 2**32 - 1))
def test_level_stays_between_the_lowest_and_highest_target(burden, half_life, seed):
    days = np.arange(float(len(burden)))
    model = MarkerModel(half_life_days=half_life)
    levels = marker_levels(days, burden, model)
    target = 10 * np.asarray(burden) / 1e9
    assert np.all(levels >= target.min() * (1 - 1e-9) - 1e-9)
    assert np.all(levels <= target.max() * (1 + 1e-9) + 1e-9)
    readings = measure_marker(days, levels, days, model, seed=seed)
    assert np.all(readings >= 0)


def test_bad_inputs_name_the_parameter():
    with pytest.raises(ValueError, match="half_life_days"):
        MarkerModel(half_life_days=0)
    with pytest.raises(ValueError, match="surge_days"):
        MarkerModel(surge_days=0)
    with pytest.raises(ValueError, match="burden_cells"):
        marker_levels([0, 1], [1e9, -1])
    with pytest.raises(ValueError, match="burden_cells must have one value per day"):
        marker_levels([0, 1, 2], [1e9, 1e9])
    with pytest.raises(ValueError, match="test_days"):
        measure_marker([0, 1], [1, 1], [5])
