"""Lesson 03 state: the scans' values, the facts of each lesion, the verdict.

Hand-worked numbers used below (sphere of d mm holds pi/6 (d/10)^3 cm3, 1e9 cells per cm3):
- Lesion B: 10 cells seeded on day -200, doubling every 12 days, no kill. On day 0:
  10 * 2^(200/12) = 1.04e6 cells = 1.04e-3 cm3, d = (6 * 1.04e-3 / pi)^(1/3) cm = 1.26 mm.
  Its diameter doubles every 36 days, so day 63 reads at most 1.26 * 2^(63/36) * 1.14 (the
  largest noise factor, exp(0.13)) = 4.8 mm < 5 mm, and day 126 is about 1.26 * 2^3.5 = 14 mm.
- 5 mm holds pi/6 * 0.125 cm3 = 6.545e7 cells; 1 mm holds 5.236e5; 20 mm holds 4.189e9.
- Lesion C (doubling every 15 days) seeded on day 60 has, on the last scan (day 252),
  10 * 2^(192/15) = 7.13e4 cells: d = (6 * 7.13e-5 / pi)^(1/3) cm = 0.514 mm. To reach 5 mm
  from 10 cells: log2(6.545e6) = 22.64 doublings, 22.64 * 15 = 339.6 days.
"""

from __future__ import annotations

import dataclasses
import math

import pytest

from helpers.lessons import scans as lesson
from helpers.lessons.presets import Preset
from helpers.lessons.scans import ScansValues, compute


def _lesson_row(state, name):
    return next(lesion for lesion in state.lesions if lesion.name == name)


# -- values -------------------------------------------------------------------


def test_defaults_are_the_controls_starting_positions():
    assert dataclasses.asdict(ScansValues()) == {
        "detection_limit_mm": 5, "scan_interval_weeks": 9, "lesion_c_seeding_day": -120}


@pytest.mark.parametrize(("field", "bad"), [
    ("detection_limit_mm", 0), ("detection_limit_mm", 21), ("detection_limit_mm", 5.5),
    ("detection_limit_mm", True), ("detection_limit_mm", "5"),
    ("scan_interval_weeks", 2), ("scan_interval_weeks", 13),
    ("lesion_c_seeding_day", -310), ("lesion_c_seeding_day", 130),
    ("lesion_c_seeding_day", -125),  # between two steps of 10
])
def test_values_refuse_what_the_controls_do_not_offer(field, bad):
    with pytest.raises(ValueError, match=rf"^{field} must be a whole number from") as caught:
        ScansValues(**{field: bad})
    assert repr(bad) in str(caught.value)


def test_values_accept_whole_floats_and_both_ends():
    assert ScansValues(detection_limit_mm=5.0).detection_limit_mm == 5
    assert isinstance(ScansValues(detection_limit_mm=5.0).detection_limit_mm, int)
    for limit in lesson.DETECTION_LIMIT_RANGE_MM:
        for weeks in lesson.SCAN_INTERVAL_RANGE_WEEKS:
            for day in lesson.LESION_C_SEEDING_DAY_RANGE:
                ScansValues(detection_limit_mm=limit, scan_interval_weeks=weeks,
                            lesion_c_seeding_day=day)


# -- state ----------------------------------------------------------------------


def test_default_state_shows_the_hidden_seed_appearing_after_the_first_dose():
    state = compute(ScansValues())
    assert [lesion.label for lesion in state.lesions] == list(lesson.LESION_LABELS) == [
        "Lesion A (liver)", "Lesion B (lung)", "Lesion C (bone)"]
    a, b, c = state.lesions
    # Scans every 9 weeks (63 days) from day 0 up to day 252.
    assert state.scan_days == (0, 63, 126, 189, 252)
    assert state.detection_limit_mm == 5.0 and state.end_day == 252.0
    # A started at 12 mm (about 9e8 cells), far above 1e6: no "seeded" mark; B and C did.
    assert (a.seeded_small, b.seeded_small, c.seeded_small) == (False, True, True)
    assert state.seeded_small_lesions == (b, c)
    assert b.seeding_day == -200 and c.seeding_day == -120
    assert b.baseline_mm == pytest.approx(1.26, abs=0.01)
    assert not b.seen_at_baseline and b.first_seen_day == 126
    assert b.first_seen_mm is not None and 12 <= b.first_seen_mm <= 16
    assert a.seen_at_baseline and a.first_seen_day == 0
    # C: 10 * 2^(120/15) = 2560 cells on day 0, 0.17 mm; its diameter doubles every 45 days,
    # so day 189 reads at most 0.17 * 2^4.2 * 1.14 = 3.6 mm; day 252 about 0.17 * 2^5.6 = 8 mm.
    assert c.baseline_mm == pytest.approx(0.17, abs=0.01)
    assert c.first_seen_day == 252
    assert state.verdict == "seeded_before_treatment"


def test_seen_points_are_every_visible_reading_at_or_above_the_limit():
    state = compute(ScansValues())
    assert len(state.seen_days) == len(state.seen_mm) > 0
    assert all(mm >= 5.0 for mm in state.seen_mm)
    b = _lesson_row(state, "B")
    assert (126, b.first_seen_mm) in set(zip(state.seen_days, state.seen_mm, strict=True))
    # B unseen on days 0 and 63, seen on 126, 189 and 252; C only on 252. A (30 mm on day 0)
    # loses 0.4 logs a dose and doubles every 90 days: by day 126 (six doses) it has
    # 10^-2.4 * 2^(126/90) = 0.0105 of its live cells, 0.0105^(1/3) * 30 = 6.6 mm (7.1 mm
    # with the cells killed on day 105 not yet cleared), and it grows after that (7.8 mm on
    # day 189, 9.1 mm on day 252): at least 5.8 mm read, seen on all five.
    assert len(state.seen_days) == 3 + 5 + 1


def test_each_lesions_size_where_the_lines_end():
    state = compute(ScansValues(scan_interval_weeks=8))
    # An 8-week plan's last scan is day 224 (4 x 56); the lines run on to day 252.
    assert state.last_scan_day == 224 and state.end_day == 252.0
    course = state.course
    for lesion in state.lesions:
        assert lesion.end_true_mm == course.diameter_mm[course.row(lesion.name), -1]
    # B and C grow all along (nothing kills them): larger on day 252 than on day 224.
    for name in ("B", "C"):
        lesion = _lesson_row(state, name)
        assert lesion.end_true_mm > lesion.last_scan_true_mm


def test_lesion_a_shrinks_as_its_dead_cells_clear():
    course = compute(ScansValues()).course
    row, first = course.row("A"), course.index_before_dose(0)
    # Day 0, just after the dose (the next sample): the live cells fell to 10^-0.4 = 0.40,
    # a size 0.40^(1/3) = 0.74 of before; the true size has not moved yet.
    assert course.diameter_mm[row, first + 1] == pytest.approx(course.diameter_mm[row, first])
    assert course.live_diameter_mm[row, first + 1] == pytest.approx(
        10 ** (-0.4 / 3) * course.live_diameter_mm[row, first])
    # A week on (half of the dead cells cleared) it is smaller, but still above the live cells.
    week = first + 1 + 7
    assert course.days[week] == 7
    assert (course.live_diameter_mm[row, week] < course.diameter_mm[row, week]
            < course.diameter_mm[row, first])


def test_scan_interval_sets_the_scan_days():
    # 4 weeks = 28 days; 252 / 28 = 9, so ten scans.
    state = compute(ScansValues(scan_interval_weeks=4))
    assert state.scan_days == tuple(range(0, 253, 28))
    # 12 weeks = 84 days: 0, 84, 168, 252.
    assert compute(ScansValues(scan_interval_weeks=12)).scan_days == (0, 84, 168, 252)


def test_a_1_mm_limit_sees_lesion_b_at_baseline():
    # B is 1.26 mm on day 0; the smallest reading is 1.26 / 1.14 = 1.1 mm, still >= 1 mm.
    b = _lesson_row(compute(ScansValues(detection_limit_mm=1)), "B")
    assert b.seen_at_baseline and b.first_seen_day == 0


def test_a_20_mm_limit_sees_lesion_b_later_than_5_mm():
    at_5 = _lesson_row(compute(ScansValues(detection_limit_mm=5)), "B").first_seen_day
    at_20 = _lesson_row(compute(ScansValues(detection_limit_mm=20)), "B").first_seen_day
    assert at_5 is not None
    assert at_20 is None or at_20 > at_5


def test_seeding_after_the_first_dose_stays_unseen_and_says_how_long_it_needs():
    state = compute(lesson.PRESETS["What if cells were shed after the first dose?"].values)
    c = _lesson_row(state, "C")
    assert c.seeding_day == 60 and c.start_cells == 10.0
    assert c.first_seen_day is None and c.first_seen_mm is None and not c.seen_at_baseline
    assert c.last_scan_true_mm == pytest.approx(0.514, abs=0.005)
    assert c.cells_at_limit == pytest.approx(math.pi / 6 * 0.125 * 1e9)
    assert c.doublings_to_limit == pytest.approx(22.64, abs=0.01)
    assert c.days_to_limit == pytest.approx(339.6, abs=0.1)
    # B still appears after baseline and was seeded before the first dose.
    assert state.verdict == "seeded_before_treatment"


def test_growth_to_the_limit_follows_the_limit_and_is_none_when_already_that_big():
    # 20 mm from 10 cells: log2(4.189e8) = 28.64 doublings, 429.7 days at 15 days each.
    c = _lesson_row(compute(ScansValues(detection_limit_mm=20, lesion_c_seeding_day=120)), "C")
    assert c.doublings_to_limit == pytest.approx(28.64, abs=0.01)
    assert c.days_to_limit == pytest.approx(429.7, abs=0.1)
    # 1 mm from 10 cells: log2(52,360) = 15.68 doublings.
    c = _lesson_row(compute(ScansValues(detection_limit_mm=1, lesion_c_seeding_day=120)), "C")
    assert c.doublings_to_limit == pytest.approx(15.68, abs=0.01)
    # A started at 12 mm (9.05e8 cells): above what 5 mm holds (6.5e7), below 20 mm (4.19e9):
    # log2(4.189e9 / 9.048e8) = 2.21 doublings at its 90-day pace, 199 days.
    a = _lesson_row(compute(ScansValues(detection_limit_mm=5)), "A")
    assert a.doublings_to_limit is None and a.days_to_limit is None
    a = _lesson_row(compute(ScansValues(detection_limit_mm=20)), "A")
    assert a.doublings_to_limit == pytest.approx(2.21, abs=0.01)
    assert a.days_to_limit == pytest.approx(199, abs=1)


def test_no_new_lesion_when_b_is_seen_at_baseline_and_c_never():
    # 1 mm: B seen at baseline. C seeded on day 120 is 10 * 2^(132/15) = 4,460 cells
    # (0.2 mm) on day 252: never seen.
    state = compute(ScansValues(detection_limit_mm=1, lesion_c_seeding_day=120))
    assert _lesson_row(state, "C").first_seen_day is None
    assert state.verdict == "no_new_lesion"


def test_a_lesion_seeded_after_the_first_dose_can_be_seen_with_a_sharp_scan():
    # C seeded on day 10 is 10 * 2^(242/15) = 7.3e5 cells, 1.12 mm, on day 252: with a 1 mm
    # limit the seeded scan noise (SCAN_NOISE_SEED) reads it at 1 mm or more.
    state = compute(ScansValues(detection_limit_mm=1, lesion_c_seeding_day=10))
    c = _lesson_row(state, "C")
    assert c.first_seen_day == 252 and c.last_scan_true_mm == pytest.approx(1.12, abs=0.01)
    assert state.verdict == "seeded_after_first_dose"


def test_the_course_is_cached_by_seeding_day_only():
    one = compute(ScansValues(detection_limit_mm=3, lesion_c_seeding_day=-50))
    two = compute(ScansValues(detection_limit_mm=9, scan_interval_weeks=5,
                              lesion_c_seeding_day=-50))
    assert one.course is two.course and one.patient is two.patient
    assert compute(ScansValues(lesion_c_seeding_day=-40)).course is not one.course


@pytest.mark.parametrize("values", [
    ScansValues(detection_limit_mm=1, scan_interval_weeks=3, lesion_c_seeding_day=-300),
    ScansValues(detection_limit_mm=20, scan_interval_weeks=12, lesion_c_seeding_day=120),
])
def test_the_extremes_give_consistent_states(values):
    state = compute(values)
    for lesion in state.lesions:
        assert lesion.first_seen_day is None or lesion.first_seen_day in state.scan_days
        assert lesion.seen_at_baseline == (lesion.first_seen_day == 0)
        assert lesion.baseline_mm >= 0 and lesion.last_scan_true_mm > 0
    assert all(mm >= values.detection_limit_mm for mm in state.seen_mm)


def test_presets_are_offered_values_with_stories():
    assert list(lesson.PRESETS) == [
        "New lesions (hidden seeds)", "A much sharper scanner (1 mm)", "Scans every 3 weeks",
        "What if cells were shed after the first dose?"]
    for preset in lesson.PRESETS.values():
        assert isinstance(preset, Preset) and isinstance(preset.values, ScansValues)
        assert preset.story
    sharper = lesson.PRESETS["A much sharper scanner (1 mm)"].values
    assert _lesson_row(compute(sharper), "B").seen_at_baseline
    # Every 3 weeks (21 days): day 63 reads at most 4.8 mm; day 84 is 1.26 * 2^(84/36) = 6.4 mm
    # and reads at least 6.4 / 1.14 = 5.6 mm. Sooner than day 126, still after the first dose.
    every_3 = compute(lesson.PRESETS["Scans every 3 weeks"].values)
    assert _lesson_row(every_3, "B").first_seen_day == 84
