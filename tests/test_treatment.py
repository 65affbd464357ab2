"""Schedules, delays and relative dose intensity, worked by hand."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models import Schedule, no_treatment


def test_relative_dose_intensity_with_one_seven_day_delay():
    # 6 full doses planned over 6 x 21 = 126 days; a 7-day delay stretches it to 133.
    # RDI = (6 / 133) / (6 / 126) = 126 / 133 = 0.947
    schedule = Schedule(cycle_length_days=21, cycles=6, delays_days=(0, 7, 0, 0, 0, 0))
    assert schedule.relative_dose_intensity == pytest.approx(126 / 133)
    assert schedule.dose_days == (0, 28, 49, 70, 91, 112)
    assert schedule.planned_dose_days == (0, 21, 42, 63, 84, 105)


def test_relative_dose_intensity_with_one_reduced_dose():
    # 5 full doses + one at 75% = 5.75 of 6 planned, on time: RDI = 5.75 / 6
    schedule = Schedule(21, 6, dose_fractions=(1, 1, 0.75, 1, 1, 1))
    assert schedule.relative_dose_intensity == pytest.approx(5.75 / 6)
    assert schedule.delivered_total_dose == pytest.approx(5.75)


def test_as_planned_has_full_intensity():
    planned = Schedule(14, 4, dose_fractions=(1, 0.5, 1, 1), delays_days=(0, 3, 0, 0)).as_planned()
    assert planned.relative_dose_intensity == 1.0
    assert planned.dose_days == (0, 14, 28, 42)


def test_no_treatment_has_no_doses():
    assert no_treatment().dose_days == ()
    assert no_treatment().relative_dose_intensity == 1.0


@given(st.lists(st.integers(0, 30), min_size=1, max_size=12),
       st.lists(st.floats(0, 1), min_size=12, max_size=12))
def test_delays_and_reductions_never_raise_intensity(delays, doses):
    schedule = Schedule(21, len(delays), dose_fractions=tuple(doses[: len(delays)]),
                        delays_days=tuple(delays))
    assert 0.0 <= schedule.relative_dose_intensity <= 1.0 + 1e-12


def test_schedule_that_does_not_fit_the_horizon_is_refused():
    with pytest.raises(ValueError, match="horizon_days must be at least 105"):
        Schedule(21, 6).check_fits(100)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"cycle_length_days": 0}, "cycle_length_days"),
        ({"cycle_length_days": 21.5}, "cycle_length_days"),
        ({"cycles": -1}, "cycles"),
        ({"cycles": 2, "dose_fractions": (1.0, 1.2)}, r"dose_fractions\[1\]"),
        ({"cycles": 2, "dose_fractions": (1.0,)}, "dose_fractions"),
        ({"cycles": 2, "dose_fractions": "11"}, "dose_fractions"),
        ({"cycles": 2, "delays_days": (0, -3)}, r"delays_days\[1\]"),
        ({"cycles": 2, "delays_days": (0, float("nan"))}, r"delays_days\[1\]"),
        ({"start_day": True}, "start_day"),
    ],
)
def test_bad_input_names_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        Schedule(**kwargs)
