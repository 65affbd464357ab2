"""Dead-cell clearance (models.clearance): measured size lags the kill.

Hand-worked throughout: the dead mass halves every half-life, and the size
follows the cube root of the cells (1e9 cells = 12.407 mm across).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.models import cells_to_diameter_mm
from helpers.models.clearance import (
    DEFAULT_CLEARANCE_HALF_LIFE_DAYS,
    MAX_CLEARANCE_HALF_LIFE_DAYS,
    check_clearance_half_life,
    dead_cells,
    measured_cells,
)
from helpers.models.clones import Clone, simulate
from helpers.models.lesions import Patient, make_lesion, simulate_patient
from helpers.models.treatment import Schedule

D_1E9 = 12.407  # mm across for 1e9 cells


def _one_dose_of_90_percent(half_life_days: float, horizon_days: int = 42):
    """1e9 cells that do not grow, 90% killed on day 0: live 1e8 from then on."""
    result = simulate([Clone("cancer", 1e9, 0.0, log_kill_per_dose=1.0)],
                      Schedule(cycle_length_days=21, cycles=1), horizon_days)
    live = result.total_cells
    return result.days, live, measured_cells(result.days, live, half_life_days)


def test_default_is_a_week():
    assert DEFAULT_CLEARANCE_HALF_LIFE_DAYS == 7.0
    assert MAX_CLEARANCE_HALF_LIFE_DAYS == 365.0


def test_right_after_a_90_percent_kill_the_size_has_not_moved():
    days, live, measured = _one_dose_of_90_percent(7.0)
    # Samples 0 and 1 are day 0 before and after the dose.
    assert list(days[:3]) == [0.0, 0.0, 1.0]
    assert live[1] == pytest.approx(1e8)
    assert cells_to_diameter_mm(measured[1]) == pytest.approx(D_1E9, abs=1e-3)
    # A day later 9e8 x 2^(-1/7) = 8.163e8 dead + 1e8 live = 9.163e8 cells:
    # 12.407 x 0.9163^(1/3) = 12.05 mm, still within 3% of the 12.4 mm before the dose.
    assert measured[2] == pytest.approx(1e8 + 9e8 * 2 ** (-1 / 7))
    assert cells_to_diameter_mm(measured[2]) == pytest.approx(12.05, abs=0.01)
    # The live cells alone would make 12.407 x 0.1^(1/3) = 5.76 mm at once.
    assert cells_to_diameter_mm(live[1]) == pytest.approx(5.76, abs=0.01)


@pytest.mark.parametrize(("half_lives", "dead"), [
    (1, 4.5e8),      # 9e8 / 2
    (2, 2.25e8),     # 9e8 / 4
    (3, 1.125e8),    # 9e8 / 8
    (6, 1.40625e7),  # 9e8 / 64
])
def test_the_dead_mass_halves_each_half_life(half_lives, dead):
    days, live, measured = _one_dose_of_90_percent(7.0)
    index = int(np.flatnonzero(days == 7 * half_lives)[0])
    assert measured[index] - live[index] == pytest.approx(dead, rel=1e-12)


def test_the_size_approaches_the_live_cells_over_several_half_lives():
    days, live, measured = _one_dose_of_90_percent(7.0, horizon_days=70)
    live_mm = cells_to_diameter_mm(live)
    gap_mm = cells_to_diameter_mm(measured) - live_mm
    after = days > 0
    # The gap shrinks every day after the dose ...
    assert np.all(np.diff(gap_mm[after]) < 0)
    # ... from 12.41 - 5.76 = 6.65 mm on day 0 to, after 10 half-lives, 1e8 + 9e8 / 1024 =
    # 1.00879e8 cells: 5.759 x 1.00879^(1/3) = 5.776 mm, 0.017 mm above the live 5.759.
    assert gap_mm[1] == pytest.approx(D_1E9 - 5.759, abs=1e-3)
    assert gap_mm[-1] == pytest.approx(5.759 * (1.00879 ** (1 / 3) - 1), abs=1e-3)


def test_zero_half_life_is_the_instant_drop_exactly():
    days, live, measured = _one_dose_of_90_percent(0.0)
    assert np.array_equal(measured, live)
    assert np.array_equal(dead_cells(days, live, 0.0), np.zeros_like(live))


def test_zero_half_life_gives_todays_lesion_sizes_exactly():
    lesion = make_lesion("A", start_diameter_mm=28.0, doubling_time_days=40.0,
                         log_kill_per_dose=0.5)
    course = simulate_patient(Patient((lesion,), clearance_half_life_days=0.0), 126)
    assert np.array_equal(course.diameter_mm, course.live_diameter_mm)
    assert np.array_equal(course.diameter_mm, cells_to_diameter_mm(course.cells))
    assert not course.dead_cells.any()


def test_kills_of_several_doses_add_up_and_each_decays():
    # 8e8 live cells that do not grow, a dose of 50% on days 0 and 7, half-life 7 days:
    # day 0 kills 4e8; day 7 (4e8 -> 2e8) kills 2e8 while the first kill has halved to 2e8.
    days = np.array([0.0, 0.0, 7.0, 7.0, 14.0])
    live = np.array([8e8, 4e8, 4e8, 2e8, 2e8])
    dead = dead_cells(days, live, 7.0)
    assert dead == pytest.approx([0.0, 4e8, 2e8, 4e8, 2e8])
    # Measured: 8e8 throughout the first dose day, 6e8 on day 7 (both samples), then 4e8.
    assert measured_cells(days, live, 7.0) == pytest.approx([8e8, 8e8, 6e8, 6e8, 4e8])


def test_rows_are_lesions_and_a_rise_on_one_day_kills_nothing():
    days = np.array([0.0, 0.0, 1.0])
    # Row 0: a dose kills 6; row 1: a lesion seeded on the dose day rises from 0 to 10.
    live = np.array([[10.0, 4.0, 4.0], [0.0, 10.0, 10.0]])
    dead = dead_cells(days, live, 1.0)
    assert dead.shape == (2, 3)
    assert dead[0] == pytest.approx([0.0, 6.0, 3.0])
    assert not dead[1].any()


def test_the_lesions_model_uses_clearance_by_hand():
    # Lesion A of "Mixed response": 28 mm, doubling every 40 days, 0.5 logs a dose, doses on
    # days 0, 21, 42. Per cycle the live cells go x 2^(21/40) x 10^-0.5 = 0.45507.
    lesion = make_lesion("A", start_diameter_mm=28.0, doubling_time_days=40.0,
                         log_kill_per_dose=0.5)
    course = simulate_patient(Patient((lesion,), Schedule(cycles=3)), 63)
    per_cycle = 2 ** (21 / 40) * 10 ** -0.5
    killed = 1 - 10 ** -0.5  # 0.68377 of the cells before each dose
    # Live on day 63 (before the dose): 0.45507^3 = 0.09424 of the start.
    live = per_cycle ** 3
    # Dead on day 63: each dose's kill, halved once a week since:
    # 0.68377 x (1/2^9 + 0.45507/2^6 + 0.45507^2/2^3) = 0.00134 + 0.00486 + 0.01770 = 0.02390.
    dead = killed * (2 ** -9 + per_cycle * 2 ** -6 + per_cycle ** 2 * 2 ** -3)
    assert dead == pytest.approx(0.02390, abs=1e-5)
    # 28 x (0.09424 + 0.02390)^(1/3) = 28 x 0.49063 = 13.74 mm; the live cells alone
    # 28 x 0.09424^(1/3) = 12.74 mm.
    assert course.diameters_on(63)[0] == pytest.approx(28 * (live + dead) ** (1 / 3), rel=1e-6)
    assert course.diameters_on(63)[0] == pytest.approx(13.74, abs=0.01)
    assert course.live_diameter_mm[0, course.index_before_dose(63)] == pytest.approx(
        12.74, abs=0.01)
    assert course.clearance_half_life_days == DEFAULT_CLEARANCE_HALF_LIFE_DAYS


@pytest.mark.parametrize("bad", [math.nan, -1.0, math.inf, -math.inf, 366.0, True, "7",
                                 None])
def test_bad_half_lives_name_the_parameter_the_value_and_the_range(bad):
    with pytest.raises(ValueError, match=r"clearance_half_life_days must be .*\[0, 365\]") \
            as error:
        check_clearance_half_life(bad)
    assert repr(bad) in str(error.value) or f"{bad:g}" in str(error.value)
    days, live = np.array([0.0, 0.0]), np.array([1.0, 0.5])
    with pytest.raises(ValueError, match="clearance_half_life_days"):
        dead_cells(days, live, bad)
    with pytest.raises(ValueError, match="clearance_half_life_days"):
        Patient((make_lesion("A", start_cells=10.0),), clearance_half_life_days=bad)


def test_ends_of_the_range_are_accepted():
    assert check_clearance_half_life(0) == 0.0
    assert check_clearance_half_life(365) == 365.0


@pytest.mark.parametrize(("days", "live", "words"), [
    ([1.0, 0.0], [1.0, 1.0], "rising order"),
    ([0.0, math.nan], [1.0, 1.0], r"days\[1\] must be a finite number .*; got nan"),
    ([0.0, 1.0], [1.0, -1.0], r"live_cells\[1\] must be a finite number in \[0, .*got -1"),
    ([0.0, 1.0], [1.0, math.inf], r"live_cells\[1\] must be a finite number in \[0, .*got inf"),
    ([0.0, 1.0], [1.0, 1.0, 1.0], "one value per day"),
    ([], [], "non-empty"),
])
def test_bad_grids_say_what_is_wrong(days, live, words):
    with pytest.raises(ValueError, match=words):
        dead_cells(np.array(days), np.array(live), 7.0)


def test_results_are_read_only():
    days, live, measured = _one_dose_of_90_percent(7.0)
    with pytest.raises(ValueError):
        measured[0] = 0.0


def test_many_rows_are_stepped_as_each_row_alone_would_be():
    # A few rows (a patient's lesions) are stepped in plain floats, many rows a column
    # at a time with numpy: both must give every row exactly what it gives alone.
    rng = np.random.default_rng(15)
    days = np.sort(np.concatenate([np.arange(0.0, 84.0, 3.0), [0.0, 21.0, 42.0, 63.0]]))
    live = rng.uniform(1e6, 1e10, size=(12, days.size))
    together = dead_cells(days, live, 6.0)
    alone = np.array([dead_cells(days, row, 6.0) for row in live])
    assert together.shape == live.shape
    assert np.array_equal(together, alone)
    assert np.count_nonzero(together[:, -1]) >= 6  # doses killed: dead mass to compare
