"""Scans: schedule, detection limit, repeat-CT noise, swelling, new lesions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.clinic.scans import (
    REPEAT_CT_LOG_CLIP,
    ScanPlan,
    Swelling,
    repeat_readings,
    take_scans,
)
from helpers.models.lesions import Patient, make_lesion, simulate_patient
from helpers.models.treatment import Schedule, no_treatment

EXACT = {"log_sd": 0.0, "resolution_mm": 0.0}


def test_scan_days_are_baseline_then_every_interval():
    # 9 weeks = 63 days: 0, 63, 126 fit in 126 days; only 0 and 63 in 125.
    assert ScanPlan(interval_weeks=9).scan_days(126) == (0, 63, 126)
    assert ScanPlan(interval_weeks=9).scan_days(125) == (0, 63)
    assert ScanPlan(interval_weeks=6).scan_days(100) == (0, 42, 84)


def test_swelling_rises_to_its_peak_then_fades():
    swelling = Swelling(peak_fraction=0.5, peak_day=35, fade_days=35)
    # Straight lines: half-way up on day 17.5, peak on 35, half-way down on 52.5.
    assert [swelling.extra_fraction(t) for t in (-5, 0, 17.5, 35, 52.5, 70, 100)] == \
        pytest.approx([0, 0, 0.25, 0.5, 0.25, 0, 0])


def _two_lesions():
    big = make_lesion("A", start_diameter_mm=20.0, doubling_time_days=60, log_kill_per_dose=0)
    # A seed of 1e6 cells doubling every 10 days, untouched by the drug:
    # day 0: 1e6 cells = 1.24 mm; day 63: 1e6 * 2^6.3 = 7.9e7 cells = 5.3 mm.
    seed = make_lesion("B", start_cells=1e6, doubling_time_days=10, log_kill_per_dose=0)
    return Patient((big, seed), Schedule(21, 6))


def test_exact_scan_shows_what_is_above_the_limit_and_flags_new_lesions():
    course = simulate_patient(_two_lesions(), 126)
    scans = take_scans(course, ScanPlan(interval_weeks=9, detection_limit_mm=5.0, **EXACT))
    assert [s.day for s in scans] == [0, 63, 126]
    base, second, third = scans
    assert base.visible_names == ("A",)
    assert base.new_lesions == ()
    b63 = second.reading("B")
    assert b63.true_mm == pytest.approx(12.407 * (1e-3 * 2**6.3) ** (1 / 3), rel=1e-3)
    assert b63.visible and b63.new and b63.measured_mm == pytest.approx(b63.true_mm)
    assert second.new_lesions == ("B",)
    assert third.new_lesions == ("B",)  # still not seen at baseline, so still "new"
    assert second.measured("A") == pytest.approx(second.reading("A").true_mm)


def test_a_lesion_seen_at_baseline_is_never_new():
    course = simulate_patient(_two_lesions(), 126)
    scans = take_scans(course, ScanPlan(detection_limit_mm=1.0, **EXACT))
    assert scans[0].visible_names == ("A", "B")
    assert all(s.new_lesions == () for s in scans)


def test_swelling_makes_a_scan_read_larger_than_the_truth():
    lesion = make_lesion("A", start_diameter_mm=20.0, doubling_time_days=60,
                         log_kill_per_dose=0.3)
    course = simulate_patient(Patient((lesion,), Schedule(21, 6)), 126)
    plan = ScanPlan(interval_weeks=5, swelling=Swelling(0.5, 35, 35), **EXACT)
    scans = take_scans(course, plan)
    day35 = scans[1]
    assert day35.day == 35 and day35.swelling_fraction == pytest.approx(0.5)
    # On the peak day the reading is 1.5 x the true diameter; by day 70 no swelling.
    assert day35.reading("A").measured_mm == pytest.approx(1.5 * day35.reading("A").true_mm)
    assert scans[2].reading("A").measured_mm == pytest.approx(scans[2].reading("A").true_mm)


def test_no_treatment_means_no_swelling():
    lesion = make_lesion("A", start_diameter_mm=20.0)
    course = simulate_patient(Patient((lesion,), no_treatment()), 70)
    scans = take_scans(course, ScanPlan(interval_weeks=5, swelling=Swelling(), **EXACT))
    assert all(s.swelling_fraction == 0 for s in scans)


def test_repeat_readings_match_repeat_ct_variability():
    # Oxnard et al. 2011: 84% of same-day changes within +/-10%; range -23% to +31%.
    # Pairs of unrounded readings of a 30 mm lesion:
    readings = repeat_readings(30.0, 40_000, seed=11, resolution_mm=0.0).reshape(-1, 2)
    change = readings[:, 1] / readings[:, 0] - 1
    within_10 = np.mean(np.abs(change) <= 0.10)
    assert 0.81 <= within_10 <= 0.87
    # Each reading's log error is clipped at 0.13, so a pair differs by at most
    # exp(0.26) - 1 = +29.7% and exp(-0.26) - 1 = -22.9%.
    assert change.max() <= math.exp(2 * REPEAT_CT_LOG_CLIP) - 1 + 1e-12
    assert change.min() >= math.exp(-2 * REPEAT_CT_LOG_CLIP) - 1 - 1e-12
    assert change.max() > 0.2 and change.min() < -0.15  # the tails are reached


def test_readings_are_reproducible_with_the_same_seed():
    a = repeat_readings(20.0, 30, seed=4)
    assert a.tolist() == repeat_readings(20.0, 30, seed=4).tolist()
    assert a.tolist() != repeat_readings(20.0, 30, seed=5).tolist()
    course = simulate_patient(_two_lesions(), 126)
    first = take_scans(course, ScanPlan(seed=9))
    again = take_scans(course, ScanPlan(seed=9))
    other = take_scans(course, ScanPlan(seed=10))
    assert first == again
    assert first != other


def test_readings_are_rounded_to_the_resolution():
    readings = repeat_readings(23.456, 50, seed=1, resolution_mm=0.5)
    assert np.allclose(readings * 2, np.round(readings * 2))


@given(diameters=st.lists(st.floats(0.1, 80), min_size=1, max_size=5),
       limit=st.floats(0.5, 20), seed=st.integers(0, 2**32 - 1),
       weeks=st.integers(1, 12))
def test_reader_sees_only_lesions_at_or_above_the_limit(diameters, limit, seed, weeks):
    lesions = tuple(make_lesion(chr(65 + i), start_diameter_mm=d, log_kill_per_dose=0.5)
                    for i, d in enumerate(diameters))
    course = simulate_patient(Patient(lesions, Schedule(21, 4)), 84)
    for scan in take_scans(course, ScanPlan(interval_weeks=weeks, detection_limit_mm=limit,
                                            seed=seed)):
        for r in scan.lesions:
            assert r.measured_mm >= 0
            if r.visible:
                assert r.measured_mm >= limit - 1e-6
            else:
                assert r.measured_mm == 0 and not r.new
            # A reading is never more than exp(0.13) off the truth (plus rounding).
            if r.visible:
                assert r.measured_mm <= r.true_mm * math.exp(REPEAT_CT_LOG_CLIP) + 0.05 + 1e-9
    # Without noise, a lesion truly below the limit is never reported.
    for scan in take_scans(course, ScanPlan(interval_weeks=weeks, detection_limit_mm=limit,
                                            **EXACT)):
        for r in scan.lesions:
            assert r.visible == (r.true_mm >= limit - 1e-9)


def test_bad_inputs_name_the_parameter():
    with pytest.raises(ValueError, match="detection_limit_mm"):
        ScanPlan(detection_limit_mm=0)
    with pytest.raises(ValueError, match="interval_weeks"):
        ScanPlan(interval_weeks=0)
    with pytest.raises(ValueError, match="peak_fraction"):
        Swelling(peak_fraction=-0.1)
    with pytest.raises(ValueError, match="count"):
        repeat_readings(20, 0)
    with pytest.raises(ValueError, match="course must be a PatientCourse"):
        take_scans("not a course")  # type: ignore[arg-type]
