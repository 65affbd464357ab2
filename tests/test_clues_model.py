"""models.clues: the diary, temperature and white cells of lesson 06, from hand-worked values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.models.clues import (
    SCORE_MAX,
    Body,
    Infection,
    SideEffects,
    blood_tests,
    diary_scores,
    dose_bumps,
    infection_course,
    temperatures,
    white_cells,
)

QUIET = Body(score_noise=0.0, temperature_noise_c=0.0)


# -- the bump after each dose: h(s) = (s / p) exp(1 - s / p) ------------------------------

@pytest.mark.parametrize(("day", "expected"), [
    (-1.0, 0.0),  # before the dose: nothing
    (0.0, 0.0),  # the dose day itself: h(0) = 0
    (1.0, 0.5 * math.exp(0.5)),  # 0.8244
    (2.0, 1.0),  # the peak: h(p) = 1
    (4.0, 2.0 * math.exp(-1.0)),  # 0.7358
    (10.0, 5.0 * math.exp(-4.0)),  # 0.0916: nearly settled a week later
])
def test_one_bump_by_hand(day, expected):
    assert dose_bumps([day], [0.0], 2.0)[0] == pytest.approx(expected)


def test_bumps_of_two_doses_add():
    # Day 23 is 2 days after the second dose (1.0) and 23 after the first:
    # 11.5 x exp(-10.5) = 3.16e-4.
    assert dose_bumps([23.0], [0.0, 21.0], 2.0)[0] == pytest.approx(1.0 + 11.5 * math.exp(-10.5))


def test_no_dose_no_bump():
    assert np.all(dose_bumps(np.arange(10.0), [], 2.0) == 0.0)


# -- white cells: W0 prod (1 - depth exp(-(t - t_d - n)^2 / (2 w^2))) ---------------------

def test_white_cells_by_hand():
    effects = SideEffects(nadir_depth=0.7, nadir_day=10.0, nadir_width_days=3.0)
    days = [-1.0, 7.0, 10.0, 21.0]
    # 7: 4 x (1 - 0.7 e^(-9/18)) = 4 x (1 - 0.7 x 0.60653) = 2.3017
    # 10: 4 x 0.3 = 1.2; 21: 4 x (1 - 0.7 e^(-121/18)) = 4 x (1 - 0.7 x 0.0012038) = 3.99663
    expected = [4.0, 4 * (1 - 0.7 * math.exp(-0.5)), 1.2, 4 * (1 - 0.7 * math.exp(-121 / 18))]
    assert white_cells(days, [0.0], effects, 4.0) == pytest.approx(expected)


def test_white_cells_dip_after_every_dose_and_never_reach_zero():
    effects = SideEffects(nadir_depth=0.95)
    days = np.arange(0, 127)
    line = white_cells(days, [0, 21, 42, 63, 84, 105], effects, 4.0)
    assert np.all(line > 0)
    for dose in (0, 21, 42, 63, 84, 105):
        assert int(np.argmin(line[dose:dose + 21])) == 10  # the nadir, 10 days after each dose
        assert line[dose + 10] == pytest.approx(4.0 * 0.05, rel=1e-3)


# -- the infection: q(t) ------------------------------------------------------------------

@pytest.mark.parametrize(("day", "expected"), [
    (9.0, 0.0), (10.0, 0.0), (10.5, 0.5), (11.0, 1.0), (14.0, 1.0), (15.0, 0.5), (16.0, 0.0),
])
def test_infection_course_by_hand(day, expected):
    # Onset day 10: one day to come on, 3 days at its worst (days 11 to 14), two to ease.
    assert infection_course([day], Infection(onset_day=10, fever_days=3))[0] == \
        pytest.approx(expected)


def test_no_infection_is_zero():
    assert np.all(infection_course(np.arange(30.0), None) == 0.0)


def test_temperature_with_a_fever_by_hand():
    infection = Infection(onset_day=10, fever_days=3, fever_rise_c=2.0)
    days = np.array([9.0, 11.0, 15.0, 20.0])
    assert temperatures(days, QUIET, infection) == pytest.approx([36.8, 38.8, 37.8, 36.8])


# -- the diary ----------------------------------------------------------------------------

def test_diary_by_hand_without_noise():
    effects = SideEffects(symptom_points=3.0, peak_day=2.0)
    days = np.array([0.0, 2.0, 4.0, 20.0])
    cells = np.array([1e10, 1e10, 2e10, 8e10])
    # Day 2: 1 + 3 = 4. Day 4: 1 + 3 x 0.7358 + 1.5 x log2(2) = 4.71 -> 5.
    # Day 20: 1 + 3 x 10 e^-9 (0.0037) + 1.5 x 3 = 5.51 -> 6. Day 0: 1.
    scores = diary_scores(days, [0.0], cells, effects, QUIET)
    assert scores.tolist() == [1.0, 4.0, 5.0, 6.0]


def test_a_shrinking_cancer_adds_nothing_and_scores_stay_on_the_scale():
    effects = SideEffects(symptom_points=8.0)
    days = np.arange(0.0, 8.0)
    shrinking = 1e10 * 0.5 ** days
    scores = diary_scores(days, [0.0], shrinking, effects, Body(resting_score=5.0),
                          Infection(onset_day=1, symptom_points=8.0), seed=3)
    assert scores.min() >= 0 and scores.max() == SCORE_MAX
    assert np.all(scores == np.rint(scores))
    # Without the bump and the infection, a shrinking cancer leaves the resting score.
    calm = diary_scores(days, [], shrinking, SideEffects(symptom_points=0.0), QUIET)
    assert np.all(calm == 1.0)


def test_the_same_seed_gives_the_same_diary_and_another_seed_another():
    days = np.arange(0.0, 63.0)
    cells = np.full(days.size, 1e10)
    one = diary_scores(days, [0, 21, 42], cells, SideEffects(), seed=1)
    assert np.array_equal(one, diary_scores(days, [0, 21, 42], cells, SideEffects(), seed=1))
    assert not np.array_equal(one, diary_scores(days, [0, 21, 42], cells, SideEffects(),
                                                seed=2))


def test_blood_tests_are_exact_without_noise_and_seeded_with_it():
    true = [4.0, 1.2, 3.9]
    assert blood_tests(true, 0.0).tolist() == true
    once = blood_tests(true, 0.08, seed=5)
    assert np.array_equal(once, blood_tests(true, 0.08, seed=5))
    assert np.all(once > 0) and not np.array_equal(once, np.array(true))


# -- bad input is refused, naming the parameter ------------------------------------------

@pytest.mark.parametrize(("make", "name"), [
    (lambda: SideEffects(symptom_points=9.0), "symptom_points"),
    (lambda: SideEffects(nadir_depth=1.0), "nadir_depth"),
    (lambda: SideEffects(peak_day=0.0), "peak_day"),
    (lambda: Infection(onset_day=-1), "onset_day"),
    (lambda: Infection(onset_day=3, fever_days=0), "fever_days"),
    (lambda: Body(normal_temperature_c=40.0), "normal_temperature_c"),
    (lambda: dose_bumps([1.0], [0.0], 0.1), "peak_day"),
    (lambda: dose_bumps([], [0.0], 2.0), "days"),
    (lambda: white_cells([1.0], [0.0], "moderate", 4.0), "effects"),
    (lambda: white_cells([1.0], [0.0], SideEffects(), 0.0), "normal_white_cells"),
    (lambda: diary_scores([0.0, 1.0], [0.0], [1e10], SideEffects()), "cancer_cells"),
    (lambda: diary_scores([0.0, 1.0], [0.0], [0.0, 1e10], SideEffects()), "cancer_cells"),
    (lambda: diary_scores([0.0], [0.0], [1e10], SideEffects(), seed=-1), "seed"),
    (lambda: temperatures([0.0], QUIET, "flu"), "infection"),
    (lambda: blood_tests([-1.0]), "levels_on_test_days"),
    (lambda: blood_tests([1.0], 0.9), "noise_cv"),
])
def test_bad_input_names_the_parameter(make, name):
    with pytest.raises(ValueError, match=name):
        make()
