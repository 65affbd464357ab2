"""The solvers stay finite, within capacity and monotone over the FULL allowed ranges.

Issue 15, item 2. Ranges come from the models' own limits (rates 0 to 5 per day,
horizons 1 to 3650 days, 0 to 1e15 starting cells, kills 0 to 12 logs, capacity 10 to
1e15 cells, 1 to 48 steps a day), not gentle values. The reproducers of the issue are
kept as plain tests at the end. See docs/model.md, "Numbers that stay finite".
"""

import math
import time

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpers.clinic.scans import ScanPlan
from helpers.models import (
    Clone,
    Schedule,
    cell_change_for_diameter_change,
    cells_to_diameter_mm,
    diameter_change_for_cell_change,
    diameter_mm_to_cells,
    grow,
    simulate,
)
from helpers.models.clones import MAX_GROWTH_RATE_PER_DAY, MAX_HORIZON_DAYS, MAX_LOG_KILL
from helpers.models.growth import MAX_CELLS, MAX_GROW_DAYS

LAWS = st.sampled_from(["exponential", "logistic", "gompertz"])
RATES = st.floats(0.0, MAX_GROWTH_RATE_PER_DAY)
KILLS = st.floats(0.0, MAX_LOG_KILL)
CELLS = st.floats(0.0, 1e15)
CAPACITIES = st.floats(10.0, 1e15)
# Some rounding is allowed on "at most K": the step's own maths never passes K.
ROUNDING = 1e-12


@st.composite
def courses(draw, max_work=8_000):
    """A schedule, horizon and steps a day from the full ranges; the horizon times the
    steps is kept under ``max_work`` so a mix of clones stays quick (each range is still
    reached at its end: 3650 days at up to 2 steps, 48 steps up to 166 days; the
    examples add 3650 days at 5 steps and 416 days at 48)."""
    steps = draw(st.integers(1, 48))
    horizon = draw(st.integers(1, min(MAX_HORIZON_DAYS, max_work // steps)))
    length = draw(st.integers(1, 84))
    start = draw(st.integers(0, horizon))
    cycles = draw(st.integers(0, min(52, (horizon - start) // length + 1)))
    doses = tuple(draw(st.lists(st.floats(0.0, 1.0), min_size=cycles, max_size=cycles)))
    schedule = Schedule(length, cycles, dose_fractions=doses, start_day=start)
    return schedule, horizon, steps


def _crowded_start(law, capacity, cells):
    """Starting cells scaled so their total fits under the capacity (crowded laws)."""
    total = sum(cells)
    if law == "exponential" or total <= capacity:
        return cells
    return [c * capacity / total * (1 - 1e-9) for c in cells]


@given(st.lists(st.tuples(CELLS, RATES, KILLS, st.floats(0.0, 0.99)), min_size=1, max_size=3),
       LAWS, CAPACITIES, courses(), st.floats(0.0, 1e-2), st.booleans())
@example([(1e15, 5.0, 0.0, 0.0), (1.0, 0.0, 0.0, 0.0)], "exponential", 1e15,
         (Schedule(cycles=0), 3650, 5), 1e-2, False)
@example([(1e9, 5.0, 12.0, 0.0), (1e3, 0.1, 0.0, 0.5)], "logistic", 1e12,
         (Schedule(1, 52), 3650, 1), 0.0, True)
@example([(1e3, 5.0, 0.0, 0.0), (5e-324, 4.0, 0.0, 0.0)], "gompertz", 10.0,
         (Schedule(cycles=0), 416, 48), 1e-2, False)
def test_every_count_is_finite_and_within_capacity(params, law, capacity, course, mutation,
                                                  norton_simon):
    schedule, horizon, steps = course
    starts = _crowded_start(law, capacity, [p[0] for p in params])
    clones = [Clone(f"c{i}", n, r, k, fitness_cost_fraction=c, resistant=(i == 0))
              for i, (n, (_, r, k, c)) in enumerate(zip(starts, params, strict=True))]
    result = simulate(clones, schedule, horizon, law=law, carrying_capacity_cells=capacity,
                      mutation_rate_per_division=mutation, norton_simon=norton_simon,
                      steps_per_day=steps)
    assert np.all(np.isfinite(result.cells)) and np.all(result.cells >= 0)
    limit = MAX_CELLS if law == "exponential" else capacity
    assert np.all(result.total_cells <= limit * (1 + ROUNDING))
    share = result.resistant_share
    assert np.all(np.isfinite(share)) and np.all((share >= 0) & (share <= 1))


@given(CELLS, RATES, KILLS, st.floats(0.0, MAX_LOG_KILL), LAWS, CAPACITIES,
       courses(max_work=MAX_HORIZON_DAYS * 48), st.booleans())
@example(1e9, 5.0, 0.5, 1.0, "logistic", 1e12, (Schedule(7, 10), 100, 1), False)
@example(1e14, 5.0, 0.0, 12.0, "gompertz", 1e15, (Schedule(84, 44), 3650, 1), True)
def test_more_kill_never_leaves_more_cells_for_one_clone(cells, rate, kill, extra, law,
                                                         capacity, course, norton_simon):
    schedule, horizon, steps = course
    cells = min(cells, capacity) if law != "exponential" else cells
    more = min(kill + extra, MAX_LOG_KILL)

    def run(log_kill):
        return simulate([Clone("c", cells, rate, log_kill)], schedule, horizon, law=law,
                        carrying_capacity_cells=capacity, norton_simon=norton_simon,
                        steps_per_day=steps).total_cells

    low, high = run(kill), run(more)
    assert np.all(high <= low * (1 + 1e-9))


@given(st.floats(1.0, 1e15), RATES, LAWS, CAPACITIES, st.integers(1, MAX_HORIZON_DAYS),
       st.integers(1, 48))
@example(1.0, 5.0, "logistic", 1e15, 3650, 1)
def test_one_clone_follows_the_closed_form_at_any_step(cells, rate, law, capacity, horizon,
                                                       steps):
    cells = min(cells, capacity) if law != "exponential" else cells
    result = simulate([Clone("c", cells, rate)], Schedule(cycles=0), horizon, law=law,
                      carrying_capacity_cells=capacity, steps_per_day=steps)
    expected = grow(cells, result.days, growth_rate_per_day=rate, law=law,
                    carrying_capacity_cells=capacity)
    np.testing.assert_allclose(result.total_cells, expected, rtol=1e-9)


@given(st.floats(0.0, MAX_CELLS), st.floats(0.0, 100.0), LAWS, st.floats(1.0, MAX_CELLS),
       st.lists(st.floats(0.0, MAX_GROW_DAYS), min_size=1, max_size=20))
@example(5e-324, 100.0, "logistic", MAX_CELLS, [0.0, 7.2, MAX_GROW_DAYS])
@example(1e-300, 100.0, "exponential", 2.0, [7.2])
def test_grow_is_finite_rising_and_bounded(cells, rate, law, capacity, days):
    capacity = max(capacity, 1.0 + 1e-9)
    cells = min(cells, capacity) if law != "exponential" else cells
    days = np.sort(np.asarray(days))
    curve = grow(cells, days, growth_rate_per_day=rate, law=law,
                 carrying_capacity_cells=capacity)
    limit = MAX_CELLS if law == "exponential" else capacity
    assert np.all(np.isfinite(curve)) and np.all(curve <= limit)
    # Untreated cells never fall (up to rounding), and never drop below the start.
    assert np.all(np.diff(curve) >= -1e-12 * curve[1:])
    assert np.all(curve >= cells * (1 - 1e-12))


def test_tiny_start_grows_as_worked_by_hand():
    # 1e-300 cells at 100 per day for 7.2 days: e^(720 - 690.7755) = 4.92e12, past the
    # point where e^(r t) alone overflows (709).
    expected = math.exp(720.0 + math.log(1e-300))
    assert grow(1e-300, 7.2, growth_rate_per_day=100.0) == pytest.approx(expected, rel=1e-9)


@given(st.floats(0.0, 1e30), st.floats(1.0, 1e12))
def test_size_conversions_stay_finite_over_their_range(cells, density):
    diameter = cells_to_diameter_mm(cells, density)
    assert math.isfinite(diameter) and 0 <= diameter <= 1e12
    assert math.isfinite(diameter_mm_to_cells(diameter, density))


@given(st.floats(-1.0, 1e10), st.floats(0.0, 1e30))
def test_change_conversions_stay_finite_over_their_range(diameter_change, cells_left):
    assert math.isfinite(cell_change_for_diameter_change(diameter_change))
    assert math.isfinite(diameter_change_for_cell_change(cells_left))


def test_two_clones_one_step_a_day_match_a_fine_reference():
    # Sensitive 1e9 and resistant 1e8 cells, rates 0.1 and 0.07 per day, K = 1e11, 200 days.
    # Reference: the same equations by the classic Runge-Kutta method, 0.01-day steps.
    rates, capacity = np.array([0.1, 0.07]), 1e11

    def slope(y):
        return rates * (1 - y.sum() / capacity) * y

    y, h = np.array([1e9, 1e8]), 0.01
    for _ in range(20_000):
        k1 = slope(y)
        k2 = slope(y + h / 2 * k1)
        k3 = slope(y + h / 2 * k2)
        k4 = slope(y + h * k3)
        y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    clones = [Clone("s", 1e9, 0.1), Clone("r", 1e8, 0.1, fitness_cost_fraction=0.3,
                                          resistant=True)]
    result = simulate(clones, Schedule(cycles=0), 200, law="logistic",
                      carrying_capacity_cells=capacity, steps_per_day=1)
    np.testing.assert_allclose(result.cells[:, -1], y, rtol=1e-10)


# --- the reproducers ------------------------------------------------------------

def test_ten_years_of_steady_doubling_stays_finite_at_the_ceiling():
    result = simulate([Clone("x", 1e9, 0.35)], Schedule(cycles=0), 3650)
    assert np.all(np.isfinite(result.total_cells))
    # e^(0.35 t) passes 1e9 (1e18 / 1e9) at t = ln(1e9) / 0.35 = 59.2 days; held after.
    assert result.total_at(59) < MAX_CELLS and result.total_at(60) == pytest.approx(MAX_CELLS)
    assert result.total_cells[-1] == pytest.approx(MAX_CELLS)


def test_the_ceiling_keeps_each_clones_share():
    # Resistant 1e3 at rate 0.5, sensitive 1e9 at 0.35. Uncapped, the resistant share on
    # day t is 1 / (1 + 1e6 e^(-0.15 t)); the ceiling must not change it.
    clones = [Clone("s", 1e9, 0.35), Clone("r", 1e3, 0.5, resistant=True)]
    result = simulate(clones, Schedule(cycles=0), 3650)
    share = result.resistant_share
    assert np.all(np.isfinite(share))
    for day in (0, 60, 100, 200):
        expected = 1 / (1 + 1e6 * math.exp(-0.15 * day))
        assert share[result.index_at(day)] == pytest.approx(expected, rel=1e-9)
    assert share[-1] == pytest.approx(1.0)


def test_grow_for_ten_years_is_held_at_the_ceiling():
    assert grow(1e9, [3650], growth_rate_per_day=0.35)[0] == MAX_CELLS


def test_a_huge_diameter_change_is_refused_by_name():
    with pytest.raises(ValueError, match=r"diameter_change must be in \[-1, 1e\+10\]; got 1e\+300"):
        cell_change_for_diameter_change(1e300)
    with pytest.raises(ValueError, match="diameter_mm"):
        diameter_mm_to_cells(1e300)


@pytest.mark.parametrize("law", ["logistic", "gompertz"])
def test_fast_growth_with_one_step_a_day_stays_under_capacity(law):
    # Rate 5 per day with one step a day was the worst case for the frozen-crowding step.
    clones = [Clone("fast", 1e3, 5.0), Clone("slow", 1e3, 0.1, resistant=True)]
    for single in (clones[:1], clones):
        result = simulate(single, Schedule(cycles=0), 60, law=law, carrying_capacity_cells=1e9,
                          steps_per_day=1)
        assert result.total_cells.max() <= 1e9 * (1 + ROUNDING)
        # It does fill up: Gompertz by hand, ln(N/K) = ln(1e-6) e^(-5 x 60 / ln 1e9) = -7.1e-6.
        assert result.total_cells[-1] > 0.9999e9


def test_more_kill_leaves_fewer_cells_when_growth_is_fast():
    def after(log_kill):
        return simulate([Clone("c", 1e9, 5.0, log_kill)], Schedule(7, 10), 100, law="logistic",
                        steps_per_day=1).total_cells

    assert np.all(after(1.0) <= after(0.5) * (1 + 1e-9))


@pytest.mark.parametrize("plan, horizon", [(ScanPlan(), 1e300), (ScanPlan(interval_weeks=1), 1e9),
                                           (ScanPlan(), 36_501), (ScanPlan(), -3651)])
def test_scan_days_refuses_a_horizon_out_of_range(plan, horizon):
    with pytest.raises(ValueError, match=r"horizon_days must be in \[-3650, 36500\]"):
        plan.scan_days(horizon)


def test_a_hundred_years_of_weekly_scans_is_quick():
    start = time.perf_counter()
    days = ScanPlan(interval_weeks=1).scan_days(36_500)
    assert time.perf_counter() - start < 1.0
    # 36,500 / 7 = 5214.3: 5214 weeks after the baseline, plus the baseline.
    assert len(days) == 5215 and days[-1] == 5214 * 7
