"""Clones under treatment: hand-worked log kill, invariants, competitive release."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models import (
    Clone,
    Schedule,
    doubling_time_days_to_rate_per_day,
    grow,
    no_treatment,
    simulate,
)

WEEKLY_DOUBLING = doubling_time_days_to_rate_per_day(7)


def test_one_log_kill_cycle_by_hand():
    # 1e9 cells, 2 logs per dose (99% killed), doubling every 7 days, doses on days 0 and 21.
    # Day 0 after the dose: 1e9 / 100 = 1e7.
    # Day 21 before the dose: 1e7 * 2^(21/7) = 8e7; after it: 8e5.
    result = simulate([Clone("cancer", 1e9, WEEKLY_DOUBLING, 2.0)], Schedule(21, 2), 30)
    before = result.index_at(20.5) + 1  # the sample just before day 21's dose
    assert result.total_cells[0] == pytest.approx(1e9)  # day 0, before the dose
    assert result.total_at(0) == pytest.approx(1e7)
    assert result.total_cells[before] == pytest.approx(8e7)
    assert result.total_at(21) == pytest.approx(8e5)
    assert result.days[before] == 21 and result.days[before + 1] == 21


def test_reduced_dose_gives_proportionally_fewer_logs():
    # Half a dose of a 2-log drug kills 1 log: 1e9 -> 1e8.
    result = simulate([Clone("c", 1e9, 0.0, 2.0)], Schedule(21, 1, dose_fractions=(0.5,)), 5)
    assert result.total_at(0) == pytest.approx(1e8)


def test_fewer_than_one_cell_after_a_dose_is_gone():
    result = simulate([Clone("c", 100.0, WEEKLY_DOUBLING, 3.0)], Schedule(21, 1), 40)
    assert result.total_at(0) == 0.0 and result.total_at(40) == 0.0


def test_daily_resolution_and_two_samples_on_each_dose_day():
    result = simulate([Clone("c", 1e6, 0.1, 1.0)], Schedule(14, 3), 50)
    assert set(np.unique(result.days)) == set(range(51))
    assert len(result.days) == 51 + 3
    assert np.all(np.diff(result.days) >= 0)


def test_norton_simon_kills_less_in_a_crowded_tumour():
    crowded = [Clone("c", 9e11, 0.1, 2.0)]
    plain = simulate(crowded, Schedule(21, 1), 1, law="logistic")
    scaled = simulate(crowded, Schedule(21, 1), 1, law="logistic", norton_simon=True)
    # crowding factor = 1 - 0.9 = 0.1, so 0.2 logs instead of 2
    assert plain.total_at(0) == pytest.approx(9e9)
    assert scaled.total_at(0) == pytest.approx(9e11 * 10**-0.2)


def test_mutation_moves_cells_from_sensitive_to_resistant():
    clones = [Clone("s", 1e6, 0.2), Clone("r", 0.0, 0.2, resistant=True)]
    result = simulate(clones, no_treatment(), 30, mutation_rate_per_division=1e-4)
    assert result.cells_of("r")[-1] > 0
    # Mutation only moves cells: the total grows exactly as one clone would.
    np.testing.assert_allclose(result.total_cells[-1], 1e6 * np.exp(0.2 * 30), rtol=1e-9)


# --- properties -----------------------------------------------------------------------

clone_params = st.tuples(
    st.floats(1.0, 1e10),  # initial cells
    st.floats(0.0, 0.5),  # growth rate per day
    st.floats(0.0, 4.0),  # log kill
)
laws = st.sampled_from(["exponential", "logistic", "gompertz"])


@given(clone_params, st.floats(0.0, 3.0), laws, st.integers(1, 8))
def test_more_kill_never_leaves_more_cells_for_one_clone(params, extra_kill, law, cycles):
    cells, rate, kill = params
    schedule = Schedule(21, cycles)
    horizon = schedule.end_day
    low = simulate([Clone("c", cells, rate, kill)], schedule, horizon, law=law)
    high = simulate([Clone("c", cells, rate, kill + extra_kill)], schedule, horizon, law=law)
    assert np.all(high.total_cells <= low.total_cells * (1 + 1e-9))


@given(st.lists(clone_params, min_size=1, max_size=4), laws, st.integers(0, 8),
       st.floats(0.0, 1e-3))
def test_cells_never_negative_and_clones_add_up(params, law, cycles, mutation):
    clones = [Clone(f"c{i}", c, r, k, resistant=(i == 0)) for i, (c, r, k) in enumerate(params)]
    schedule = Schedule(14, cycles)
    result = simulate(clones, schedule, max(schedule.end_day, 1), law=law,
                      mutation_rate_per_division=mutation)
    assert np.all(np.isfinite(result.cells)) and np.all(result.cells >= 0)
    np.testing.assert_allclose(result.total_cells, result.cells.sum(axis=0))
    np.testing.assert_allclose(
        result.total_cells, result.resistant_cells + result.cells[1:].sum(axis=0))
    assert np.all((result.resistant_share >= 0) & (result.resistant_share <= 1))


@given(clone_params, laws)
def test_zero_dose_equals_untreated_growth(params, law):
    cells, rate, kill = params
    schedule = Schedule(21, 4, dose_fractions=(0, 0, 0, 0))
    result = simulate([Clone("c", cells, rate, kill)], schedule, 90, law=law)
    daily = result.total_cells[[result.index_at(d) for d in range(91)]]
    expected = grow(cells, np.arange(91), growth_rate_per_day=rate, law=law,
                    carrying_capacity_cells=1e12)
    # Each step solves the law exactly for one clone, so any step size matches.
    np.testing.assert_allclose(daily, expected, rtol=1e-9)


@pytest.mark.parametrize("law", ["logistic", "gompertz"])
@pytest.mark.parametrize("norton_simon", [False, True])
@pytest.mark.parametrize(("start_cells", "schedule", "local_treatments"), [
    (3e8, Schedule(21, 6), ((50, 0.1),)),  # doses and a local treatment
    (0.002, no_treatment(), ()),  # less than a cell at first (Gompertz: uncrowded till 1)
])
def test_clones_that_grow_alike_match_the_day_by_day_steps(law, norton_simon, start_cells,
                                                           schedule, local_treatments):
    """Clones of one rate are worked out a stretch at a time (a closed form from one
    dose or local treatment to the next); clones whose rates differ by a hair take the
    day-by-day steps. The two ways give the same samples, event days included."""
    rate = WEEKLY_DOUBLING
    alike = [Clone(name, start_cells * share, rate, kill)
             for name, share, kill in zip("ab", (0.9, 0.1), (0.3, 0.1), strict=True)]
    near = [Clone(clone.name, clone.initial_cells, rate * (1 + 1e-12 * n),
                  clone.log_kill_per_dose) for n, clone in enumerate(alike)]
    options = {"law": law, "norton_simon": norton_simon, "local_treatments": local_treatments,
               "carrying_capacity_cells": 1e12}
    fast = simulate(alike, schedule, 200, **options)
    stepped = simulate(near, schedule, 200, **options)
    np.testing.assert_array_equal(fast.days, stepped.days)
    np.testing.assert_allclose(fast.cells, stepped.cells, rtol=1e-8)
    # It fell and grew again, so the agreement means something.
    assert fast.total_cells[-1] > 2 * fast.total_cells.min() > 0


@pytest.mark.parametrize(("start_cells", "horizon"), [
    (3e8, 200),  # doses and a local treatment
    (1e9, 3650),  # ten years: the fast clone reaches the ceiling and is held there
])
def test_clones_growing_uncrowded_match_the_day_by_day_steps(start_cells, horizon):
    """Without crowding each clone follows its own closed form, worked out a stretch at a
    time; a mutation rate too small to move a cell sends the same clones through the
    day-by-day steps. The two ways give the same samples, the ceiling included."""
    clones = [Clone("sensitive", start_cells, WEEKLY_DOUBLING, 1.0),
              Clone("resistant", start_cells / 100, 0.05, 0.1, resistant=True)]
    options = {"law": "exponential", "local_treatments": ((50, 0.1),)}
    closed = simulate(clones, Schedule(21, 6), horizon, **options)
    stepped = simulate(clones, Schedule(21, 6), horizon, mutation_rate_per_division=1e-300,
                       **options)
    np.testing.assert_array_equal(closed.days, stepped.days)
    np.testing.assert_allclose(closed.cells, stepped.cells, rtol=1e-9)
    assert closed.total_cells[-1] > 2 * closed.total_cells.min() > 0


def test_competitive_release_more_kill_more_resistant_cells_later():
    """A teaching point, not a bug: killing more sensitive cells frees space for
    the resistant ones, so a stronger drug can leave *more* resistant cells."""
    def resistant_after(log_kill):
        clones = [Clone("sensitive", 9e10, 0.1, log_kill),
                  Clone("resistant", 1e8, 0.1, 0.0, resistant=True)]
        result = simulate(clones, Schedule(21, 4), 120, law="logistic",
                          carrying_capacity_cells=1e11)
        return result.cells_of("resistant")[-1]

    assert resistant_after(3.0) > 2 * resistant_after(0.5)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: Clone("", 1, 0.1), "name"),
        (lambda: Clone("c", -1, 0.1), "initial_cells"),
        (lambda: Clone("c", 1, float("nan")), "growth_rate_per_day"),
        (lambda: Clone("c", 1, 0.1, -0.5), "log_kill_per_dose"),
        (lambda: Clone("c", 1, 0.1, 1.0, fitness_cost_fraction=1.0), "fitness_cost_fraction"),
        (lambda: Clone("c", 1, 0.1, resistant="yes"), "resistant"),
        (lambda: simulate([], Schedule(), 200), "clones"),
        (lambda: simulate([Clone("c", 1, 0.1)], Schedule(21, 6), 100), "horizon_days"),
        (lambda: simulate([Clone("c", 1, 0.1)], Schedule(), 0), "horizon_days"),
        (lambda: simulate([Clone("c", 1, 0.1)], "weekly", 200), "schedule"),
        (lambda: simulate([Clone("c", 1, 0.1), Clone("c", 1, 0.1)], Schedule(), 200), "names"),
        (lambda: simulate([Clone("c", 1, 0.1)], Schedule(), 200, law="cubic"), "law"),
        (lambda: simulate([Clone("c", 1, 0.1)], Schedule(), 200,
                          mutation_rate_per_division=1e-3), "mutation_rate_per_division"),
        (lambda: simulate([Clone("c", 2e12, 0.1)], Schedule(), 200, law="logistic"),
         "carrying_capacity_cells"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_the_same_run_asked_again_is_the_kept_one_and_read_only():
    def run():  # new, equal lists and records each time
        return simulate([Clone("s", 1e9, WEEKLY_DOUBLING, 2.0),
                         Clone("r", 1e6, WEEKLY_DOUBLING / 2, 0.0, resistant=True)],
                        Schedule(21, 3), 70, law="logistic")

    first = run()
    assert run() is first
    with pytest.raises(ValueError, match="read-only"):
        first.cells[0, 0] = 1.0
    # Another value of any argument is another run.
    other = simulate([Clone("s", 1e9, WEEKLY_DOUBLING, 2.0),
                      Clone("r", 1e6, WEEKLY_DOUBLING / 2, 0.0, resistant=True)],
                     Schedule(21, 3), 70, law="gompertz")
    assert other is not first and not np.array_equal(other.cells, first.cells)


def test_a_kept_run_does_not_let_a_bad_value_through():
    # True equals 1 and hashes like it: the checks run before a kept run is looked up.
    simulate([Clone("cancer", 1e9, WEEKLY_DOUBLING)], no_treatment(), 1)
    with pytest.raises((ValueError, TypeError), match="horizon_days"):
        simulate([Clone("cancer", 1e9, WEEKLY_DOUBLING)], no_treatment(), True)
