"""Lesions: seeding days, starting sizes, one shared schedule."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models.clones import Clone
from helpers.models.growth import doubling_time_days_to_rate_per_day, grow
from helpers.models.lesions import Lesion, Patient, make_lesion, simulate_patient
from helpers.models.treatment import Schedule, no_treatment


def test_start_from_a_size_gives_the_cells_of_that_sphere():
    # 10 mm sphere = pi/6 * (1 cm)^3 = 0.5236 cm3; at 1e9 cells/cm3: 5.236e8 cells.
    lesion = make_lesion("A", start_diameter_mm=10.0)
    assert lesion.start_cells == pytest.approx(math.pi / 6 * 1e9, rel=1e-12)


def test_resistant_fraction_splits_the_cells_between_two_clones():
    lesion = make_lesion("A", start_cells=1000, resistant_fraction=0.25)
    assert [c.name for c in lesion.clones] == ["sensitive", "resistant"]
    assert lesion.clones[0].initial_cells == pytest.approx(750)
    assert lesion.clones[1].initial_cells == pytest.approx(250)
    assert lesion.clones[1].resistant


def test_seed_before_day_0_grows_untreated_to_day_0():
    # 10 cells seeded on day -200, doubling every 20 days: 10 doublings by day 0,
    # 10 * 2^10 = 10240 cells. No doses before day 0.
    seed = make_lesion("B", seeding_day=-200, start_cells=10, doubling_time_days=20,
                       log_kill_per_dose=1.0)
    course = simulate_patient(Patient((seed,), Schedule(21, 2)), 42)
    assert course.start_day == -200
    assert course.cells_on(-200)[0] == pytest.approx(10)
    assert course.cells_on(-100)[0] == pytest.approx(10 * 2**5)
    assert course.cells_on(0)[0] == pytest.approx(10240)


def test_seed_before_day_0_then_gets_the_shared_doses():
    # Doubling 21 days, 1 log per dose. Day 0: 10 * 2^(210/21) = 10240 before the
    # dose, 1024 after. Day 21 before the dose: 2048; after: 204.8.
    seed = make_lesion("B", seeding_day=-210, start_cells=10, doubling_time_days=21,
                       log_kill_per_dose=1.0)
    course = simulate_patient(Patient((seed,), Schedule(21, 2)), 30)
    zero = np.nonzero(course.days == 0)[0]
    assert course.cells[0, zero].tolist() == pytest.approx([10240, 1024])
    day21 = np.nonzero(course.days == 21)[0]
    assert course.cells[0, day21].tolist() == pytest.approx([2048, 204.8])


def test_seed_after_day_0_is_absent_before_and_meets_only_later_doses():
    # 100 cells on day 30, doubling 10 days, 1 log per dose; doses on 0, 21, 42.
    # Day 40: 200. Day 42 before the dose: 100 * 2^1.2 = 229.74; after: 22.974.
    late = make_lesion("C", seeding_day=30, start_cells=100, doubling_time_days=10,
                       log_kill_per_dose=1.0)
    base = make_lesion("A", start_diameter_mm=20)
    course = simulate_patient(Patient((base, late), Schedule(21, 3)), 60)
    row = course.row("C")
    before = course.days < 30
    assert np.all(course.cells[row, before] == 0)
    assert course.cells_on(30)[row] == pytest.approx(100)
    assert course.cells_on(40)[row] == pytest.approx(200)
    day42 = np.nonzero(course.days == 42)[0]
    assert course.cells[row, day42].tolist() == pytest.approx([100 * 2**1.2, 10 * 2**1.2])


def test_seed_on_a_dose_day_arrives_after_that_dose():
    late = make_lesion("C", seeding_day=21, start_cells=100, doubling_time_days=10,
                       log_kill_per_dose=1.0)
    course = simulate_patient(Patient((late,), Schedule(21, 3)), 50)
    day21 = np.nonzero(course.days == 21)[0]
    # Before the dose it is not there yet; after the dose it holds its 100 cells.
    assert course.cells[0, day21].tolist() == [0.0, 100.0]


def test_seed_after_the_horizon_never_appears():
    late = make_lesion("C", seeding_day=100, start_cells=100)
    course = simulate_patient(Patient((late,), Schedule(21, 2)), 50)
    assert np.all(course.cells == 0)
    assert course.first_day_at_least("C", 0.001) is None


def test_logistic_seed_before_day_0_matches_the_closed_form():
    # One clone, logistic: the pre-treatment path follows growth.grow (Euler steps
    # in simulate, so within 1%).
    rate = doubling_time_days_to_rate_per_day(12)
    lesion = Lesion("B", (Clone("s", 10.0, rate),), seeding_day=-200, law="logistic",
                    carrying_capacity_cells=3e10)
    course = simulate_patient(Patient((lesion,), no_treatment()), 10)
    expected = grow(10.0, 200, growth_rate_per_day=rate, law="logistic",
                    carrying_capacity_cells=3e10)
    assert course.cells_on(0)[0] == pytest.approx(expected, rel=1e-2)


def test_diameter_and_first_day_at_least():
    # 1e9 cells is 12.4 mm (size.py). A 12.4 mm lesion doubling every 30 days,
    # untreated, reaches twice the diameter after 3 doublings of cells = 90 days.
    lesion = make_lesion("A", start_diameter_mm=12.4, doubling_time_days=30)
    course = simulate_patient(Patient((lesion,), no_treatment()), 120)
    assert course.diameters_on(0)[0] == pytest.approx(12.4)
    assert course.first_day_at_least("A", 24.8) == pytest.approx(90, abs=1)


# Kept to at most (400 + 400) / 20 = 40 doublings: 10 * 2^40 = 1.1e13 cells.
@given(seeding=st.integers(-400, 200), doubling=st.floats(20, 200),
       kill=st.floats(0, 3), horizon=st.integers(126, 400))
def test_cells_and_diameters_are_never_negative_and_zero_before_seeding(
        seeding, doubling, kill, horizon):
    lesion = make_lesion("X", seeding_day=seeding, start_cells=10,
                         doubling_time_days=doubling, log_kill_per_dose=kill)
    course = simulate_patient(Patient((lesion,), Schedule(21, 6)), horizon)
    assert np.all(np.isfinite(course.cells)) and np.all(course.cells >= 0)
    assert np.all(course.diameter_mm >= 0)
    assert np.all(course.cells[0, course.days < seeding] == 0)
    assert np.all(np.diff(course.days) >= 0)


def test_bad_inputs_name_the_parameter():
    with pytest.raises(ValueError, match="exactly one of start_cells or start_diameter_mm"):
        make_lesion("A", start_cells=10, start_diameter_mm=5)
    with pytest.raises(ValueError, match="seeding_day"):
        make_lesion("A", start_cells=10, seeding_day=-10.5)
    with pytest.raises(ValueError, match="start_diameter_mm"):
        make_lesion("A", start_diameter_mm=-1)
    lesion = make_lesion("A", start_cells=10)
    with pytest.raises(ValueError, match="distinct names"):
        Patient((lesion, lesion))
    with pytest.raises(ValueError, match="lesions must hold 1 to 5"):
        Patient(())
    with pytest.raises(ValueError, match="horizon_days must be at least 105"):
        simulate_patient(Patient((lesion,), Schedule(21, 6)), 60)
    runaway = make_lesion("R", seeding_day=-300, start_cells=10, doubling_time_days=5)
    with pytest.raises(ValueError, match="Lesion R grows past 1e\\+15 cells"):
        simulate_patient(Patient((runaway,), Schedule(21, 6)), 126)
