"""Growth laws and doubling times, checked against values worked by hand."""

import math

import numpy as np
import pytest

from helpers.models import (
    crowding_factor,
    doubling_time_days_to_rate_per_day,
    doublings_to_reach,
    grow,
    rate_per_day_to_doubling_time_days,
)


def test_doubling_time_of_seven_days_is_rate_ln2_over_7():
    # ln 2 = 0.693147...; / 7 = 0.0990210 per day
    assert doubling_time_days_to_rate_per_day(7) == pytest.approx(0.0990210, rel=1e-6)
    assert rate_per_day_to_doubling_time_days(0.0990210) == pytest.approx(7.0, rel=1e-5)


def test_exponential_growth_doubles_once_per_doubling_time():
    rate = doubling_time_days_to_rate_per_day(10)
    cells = grow(1000.0, [0, 10, 20, 30], growth_rate_per_day=rate)
    np.testing.assert_allclose(cells, [1000, 2000, 4000, 8000], rtol=1e-12)


def test_logistic_is_half_way_when_ln_of_odds_is_used_up():
    # Logistic from N0 = K/101 reaches K/2 when e^(r t) = 100, i.e. t = ln(100) / r.
    rate, capacity = 0.2, 1e6
    t_half = math.log(100) / rate
    assert grow(capacity / 101, t_half, growth_rate_per_day=rate, law="logistic",
                carrying_capacity_cells=capacity) == pytest.approx(capacity / 2, rel=1e-9)


def test_gompertz_never_passes_capacity_and_slows():
    days = np.arange(0, 400)
    cells = grow(1e3, days, growth_rate_per_day=0.3, law="gompertz", carrying_capacity_cells=1e9)
    assert np.all(cells <= 1e9) and np.all(np.diff(cells) >= 0)
    per_cell_rate = np.diff(np.log(cells))
    assert np.all(np.diff(per_cell_rate) <= 1e-12)  # the per-cell rate only falls


def test_crowding_factor_hand_values():
    assert crowding_factor(5e8, "logistic", 1e9) == pytest.approx(0.5)
    assert crowding_factor(1.0, "gompertz", 1e12) == pytest.approx(1.0)
    # ln(1e12 / 1e9) / ln(1e12) = 3 / 12
    assert crowding_factor(1e9, "gompertz", 1e12) == pytest.approx(0.25)
    assert crowding_factor(2e12, "logistic", 1e12) == 0.0
    assert crowding_factor(1e11, "exponential", 1e12) == 1.0


def test_thirty_doublings_from_one_cell_make_about_a_billion():
    assert doublings_to_reach(1e9) == pytest.approx(29.897, abs=1e-3)  # log2(1e9)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: doubling_time_days_to_rate_per_day(0), "doubling_time_days"),
        (lambda: doubling_time_days_to_rate_per_day(float("nan")), "doubling_time_days"),
        (lambda: doubling_time_days_to_rate_per_day("7"), "doubling_time_days"),
        (lambda: rate_per_day_to_doubling_time_days(-1), "rate_per_day"),
        (lambda: grow(-5, [0], growth_rate_per_day=0.1), "initial_cells"),
        (lambda: grow(5, [0], growth_rate_per_day=float("inf")), "growth_rate_per_day"),
        (lambda: grow(5, [0], growth_rate_per_day=0.1, law="linear"), "law"),
        (lambda: grow(5, [-1], growth_rate_per_day=0.1), "days"),
        (lambda: grow(2e9, [0], growth_rate_per_day=0.1, law="logistic",
                      carrying_capacity_cells=1e9), "initial_cells"),
        (lambda: crowding_factor(1, "logistic", 0.5), "carrying_capacity_cells"),
        (lambda: doublings_to_reach(0.5), "cells"),
        # Ranges narrowed so nothing overflows (docs/model.md, "Numbers that stay finite").
        (lambda: doubling_time_days_to_rate_per_day(1e-320), "doubling_time_days"),
        (lambda: rate_per_day_to_doubling_time_days(1e-320), "rate_per_day"),
        (lambda: grow(5, [36_501], growth_rate_per_day=0.1), "days"),
        (lambda: grow(2e18, [0], growth_rate_per_day=0.1), "initial_cells"),
        (lambda: grow(5, [0], growth_rate_per_day=0.1, carrying_capacity_cells=1e300),
         "carrying_capacity_cells"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
