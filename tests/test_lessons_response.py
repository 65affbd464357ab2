"""Lesson 04 state (lessons.response): values, the rule's levels, the findings, steady axes."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from helpers.lessons import response as lesson
from helpers.lessons.response import ResponseValues, compute


@pytest.fixture(scope="module")
def mixed():
    return compute(lesson.PRESETS["Mixed response"].values)


@pytest.fixture(scope="module")
def seeds():
    return compute(lesson.PRESETS["New lesions (hidden seeds)"].values)


@pytest.fixture(scope="module")
def swelling():
    return compute(lesson.PRESETS["Early swelling (confusing first scan)"].values)


# -- values -------------------------------------------------------------------

def test_defaults_are_the_controls_starting_positions():
    assert dataclasses.asdict(ResponseValues()) == {
        "patient": "Mixed response", "scan_interval_weeks": 9, "swelling_peak_percent": 0,
        "reading": 0, "marker_half_life_days": 10, "marker_surge_percent": 0}


@pytest.mark.parametrize(("field", "bad"), [
    ("patient", "Nobody"),
    ("scan_interval_weeks", 2), ("scan_interval_weeks", 13),
    ("swelling_peak_percent", 15), ("swelling_peak_percent", 110),
    ("reading", -1), ("reading", 21),
    ("marker_half_life_days", 1), ("marker_half_life_days", 41),
    ("marker_surge_percent", 30), ("marker_surge_percent", 225),
])
def test_values_refuse_what_no_control_offers(field, bad):
    allowed = "(one of|a whole number from)"
    with pytest.raises(ValueError, match=f"{field} must be {allowed} .*got {bad!r}"):
        ResponseValues(**{field: bad})


def test_values_accept_each_controls_ends():
    ResponseValues(scan_interval_weeks=3, swelling_peak_percent=100, reading=20,
                   marker_half_life_days=40, marker_surge_percent=200)
    ResponseValues(scan_interval_weeks=12, swelling_peak_percent=0, reading=0,
                   marker_half_life_days=2, marker_surge_percent=0)


def test_presets_load_their_scenarios_plans():
    planned = lesson.PRESETS["Early swelling (confusing first scan)"].values
    # The scenario scans every 6 weeks with swelling peaking at +80%.
    assert (planned.scan_interval_weeks, planned.swelling_peak_percent) == (6, 80)
    surge = lesson.PRESETS["Marker surge at the start"].values
    assert surge.patient == planned.patient
    assert (surge.swelling_peak_percent, surge.marker_surge_percent,
            surge.marker_half_life_days) == (0, 150, 14)
    assert lesson.MOST_LESIONS == 2


# -- what the figure gets --------------------------------------------------------

def test_measured_is_lesions_by_scans_with_nan_where_not_seen(seeds):
    # Hidden seeds: lesion B is about 1.3 mm on day 0, under the 5 mm limit: NaN at
    # baseline; it shows from day 126 on.
    assert seeds.measured_mm.shape == (2, len(seeds.run.scans))
    assert math.isnan(seeds.measured_mm[1, 0]) and math.isnan(seeds.measured_mm[1, 1])
    assert np.all(np.isfinite(seeds.measured_mm[1, 2:]))
    for k, scan in enumerate(seeds.run.scans):
        assert seeds.measured_mm[0, k] == scan.measured("A")


def test_levels_by_hand(mixed):
    sums = [a.sum_mm for a in mixed.assessments]
    # Baseline 28.5 + 22.9 = 51.4 mm (reading 0 of the Mixed response scans).
    assert sums[0] == pytest.approx(51.4)
    # Partial response at and below 70% of 51.4 = 35.98 mm.
    assert mixed.partial_response_mm == pytest.approx(35.98)
    # After baseline: max(1.2 x 51.4, 51.4 + 5) = max(61.68, 56.4) = 61.68.
    # After the 42.0 mm scan: max(50.4, 47.0) = 50.4, and it stays (later sums are larger).
    assert sums[1] == pytest.approx(42.0)
    assert mixed.progression_mm == pytest.approx((61.68, 50.4, 50.4, 50.4))


def test_the_5_mm_part_sets_the_level_for_small_sums(seeds):
    # Smallest sum 7.7 mm from day 126: 1.2 x 7.7 = 9.24 < 7.7 + 5 = 12.7.
    assert [a.sum_mm for a in seeds.assessments][2] == pytest.approx(7.7)
    assert seeds.progression_mm[2:] == pytest.approx((12.7, 12.7, 12.7))


def test_category_labels(seeds, swelling):
    assert seeds.category_labels[:3] == ("Baseline", "PR", "PD (new)")
    assert swelling.category_labels[:3] == ("Baseline", "PD", "PR")


def test_highest_holds_every_reading_and_stays_on_a_reread(mixed):
    size, total, marker = mixed.highest
    assert size >= np.nanmax(mixed.measured_mm)
    assert total >= max(a.sum_mm for a in mixed.assessments)
    assert total >= mixed.progression_mm[0]
    assert marker >= float(np.max(mixed.run.marker_true[mixed.course.days >= 0]))
    for reading in (5, 20):
        again = compute(dataclasses.replace(mixed.values, reading=reading))
        assert again.highest == mixed.highest
        assert not np.allclose(again.measured_mm, mixed.measured_mm)
        # The truth does not change with a re-read.
        assert np.array_equal(again.course.diameter_mm, mixed.course.diameter_mm)


def test_swelling_control_makes_the_swelling():
    state = compute(ResponseValues(swelling_peak_percent=50))
    assert state.swelling is not None
    assert (state.swelling.peak_fraction, state.swelling.peak_day,
            state.swelling.fade_days) == (0.5, 35, 35)
    assert compute(ResponseValues()).swelling is None


# -- the findings ------------------------------------------------------------------

def test_mixed_response_found(mixed):
    found = mixed.mixed
    assert found is not None
    # Day 63: A 28.5 -> 14.0 mm: 14 / 28.5 - 1 = -0.509; B 22.9 -> 28.0: +0.223.
    assert (found.day, found.smaller_lesion, found.larger_lesion) == (63, "A", "B")
    assert found.smaller_change == pytest.approx(14.0 / 28.5 - 1)
    assert found.larger_change == pytest.approx(28.0 / 22.9 - 1)
    assert found.category == "SD"
    assert mixed.new_lesion is None and mixed.first_larger is None


def test_new_lesion_found(seeds):
    assert seeds.new_lesion == lesson.NewLesion(day=126, lesions=("B",))
    assert seeds.mixed is None


def test_first_scan_larger_found_and_its_cause(swelling):
    found = swelling.first_larger
    assert found is not None
    # Day 42 reads 70.3 mm against 52.6: +33.7%, while the truth fell; swelling on.
    assert found.day == 42 and found.cause == "swelling"
    assert found.read_change == pytest.approx(70.3 / 52.6 - 1)
    assert found.true_change < 0
    # The confirming scan, day 84: 33.8 mm, 33.8 / 52.6 - 1 = -35.7%.
    assert found.confirming == (84, pytest.approx(33.8 / 52.6 - 1))
    # The marker had fallen by day 42 while the scan read larger.
    assert swelling.marker.fell_day == 42 and swelling.marker.surge_day is None
    assert swelling.marker.fell_cause == "swelling"
    assert swelling.marker.fell_category == "PD"
    assert swelling.marker.fell_change is not None
    assert swelling.marker.fell_change <= -lesson.MARKER_FALL_NOTED
    # Without the swelling the first scan no longer reads larger: nothing to explain.
    calm = compute(dataclasses.replace(swelling.values, swelling_peak_percent=0))
    assert calm.first_larger is None


def test_marker_falls_first_in_early_benefit_and_nowhere_it_is_not_true():
    # Early benefit: the marker has fallen by 40% or more by the first follow-up scan
    # while that scan still reads stable disease; no swelling, so the lag is clearance.
    early = compute(lesson.PRESETS["Early benefit (marker falls first)"].values)
    marker = early.marker
    first_follow_up = early.run.assessments[1]
    assert marker.fell_day == first_follow_up.day and first_follow_up.category == "SD"
    assert marker.fell_cause == "clearance"
    assert early.run.marker_on(marker.fell_day) <= (1 - lesson.MARKER_FALL_NOTED) * marker.first
    # Every patient at every re-read position: "fell first" is said only when it is true.
    for preset in lesson.PRESETS.values():
        for reading in range(lesson.READING_RANGE[0], lesson.READING_RANGE[1] + 1):
            state = compute(dataclasses.replace(preset.values, reading=reading))
            said = state.marker
            if said.fell_day is None:
                continue
            scan = state.run.assessments[1]
            assert scan.category not in ("PR", "CR")
            assert state.run.marker_on(said.fell_day) <= (
                1 - lesson.MARKER_FALL_NOTED) * state.run.marker_readings[0]
            swollen = state.run.scans[1].swelling_fraction > lesson.SWELLING_NOTED
            assert said.fell_cause == ("swelling" if swollen else "clearance")


def test_marker_surge_found():
    state = compute(lesson.PRESETS["Marker surge at the start"].values)
    marker = state.marker
    # The test on day 21 (the second dose) reads higher than day 0, the next scan shrank.
    assert marker.surge_day == 21 and marker.fell_day is None
    assert state.run.marker_on(21) > state.run.marker_on(0)
    assert (marker.first_day, marker.last_day) == (0, 126)
    assert marker.fell  # 200 -> 36 units/mL over the course


def test_every_control_end_computes():
    for patient in lesson.PATIENTS:
        for values in ({"scan_interval_weeks": 3, "swelling_peak_percent": 100, "reading": 20,
                        "marker_half_life_days": 2, "marker_surge_percent": 200},
                       {"scan_interval_weeks": 12, "swelling_peak_percent": 0, "reading": 0,
                        "marker_half_life_days": 40, "marker_surge_percent": 0}):
            state = compute(ResponseValues(patient=patient, **values))
            assert len(state.category_labels) == len(state.run.scans) >= 2
            assert len(state.progression_mm) == len(state.run.scans)


# -- the chart's end -------------------------------------------------------------------

def test_the_charts_end_by_hand(mixed):
    end = mixed.end
    # The Mixed response patient is followed to day 189, scanned on it (9 x 7 x 3 = 189).
    assert end.day == mixed.days_shown[1] == mixed.course.days[-1] == 189
    assert end.last_scan_day == 189
    # Day 0, before the dose: 28 + 22 mm, the sizes the lesions start at.
    assert end.start_sum_mm == pytest.approx(50.0)
    # Day 189. A: 6 cycles of x 2^(21/40) x 10^-0.5 = 0.45507 -> 0.008876, then 63 days
    # with no dose, x 2^(63/40) = 2.979 -> 0.02644: 28 x 0.02644^(1/3) = 8.34 mm (the dead
    # cells of day 105, 12 half-lives on, add nothing that shows). B: 95% resistant cells
    # doubling every 45 days, 0.95 x 2^(189/45) = 17.46 (the sensitive 5% are down to
    # 8e-5): 22 x 17.46^(1/3) = 57.07 mm. Sum 65.41 mm, 31% above the start.
    assert end.end_sum_mm == pytest.approx(65.41, abs=0.02)
    assert end.change == pytest.approx(65.41 / 50 - 1, abs=1e-3)


def test_the_charts_end_after_an_earlier_last_scan():
    state = compute(ResponseValues(scan_interval_weeks=12))
    # Scans on days 0, 84, 168; the lines still run to day 189.
    assert state.end.last_scan_day == 168 and state.end.day == 189


def test_true_size_lags_the_live_cells(mixed):
    course = mixed.course
    # On day 0 after the dose (index 1) lesion A's live cells fell to 10^-0.5 of the start,
    # a size of 28 x 0.3162^(1/3) = 19.1 mm; its true size is still 28 mm.
    assert course.live_diameter_mm[0, 1] == pytest.approx(28 * 10 ** (-0.5 / 3), rel=1e-6)
    assert course.diameter_mm[0, 1] == pytest.approx(28.0)
    # The true size is never below the live cells' size.
    assert np.all(course.diameter_mm >= course.live_diameter_mm - 1e-9)
