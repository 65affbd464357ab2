"""Lesson 06's clue timeline: the stories show what they claim, at every re-draw, and the
state's readings (quiet weeks, fever, white cells, marker, scans) say what the arrays hold."""

from __future__ import annotations

import dataclasses
import itertools
from functools import cache

import numpy as np
import pytest

from helpers.lessons import clues as lesson
from helpers.lessons.clues import (
    CluesValues,
    CycleDiary,
    Fever,
    MarkerCourse,
    Scans,
    compute,
)
from helpers.scenarios.clues import DOSE_HITS, INFECTION_CYCLE, STORIES, story_named

DRAWS = list(range(lesson.DRAW_RANGE[0], lesson.DRAW_RANGE[1] + 1))


@cache
def state(story="Side effects only", side_effects="moderate", cycles=6, draw=0):
    return compute(CluesValues(story, side_effects, cycles, draw))


# -- the values ---------------------------------------------------------------------------

@pytest.mark.parametrize(("field", "value"), [
    ("story", "Pneumonia"), ("side_effects", "extreme"), ("cycles", 2), ("cycles", 9),
    ("cycles", 4.5), ("draw", -1), ("draw", 21), ("draw", True),
])
def test_values_refuse_what_no_control_offers(field, value):
    with pytest.raises(ValueError, match=field):
        CluesValues(**{field: value})


def test_defaults_are_the_first_story_and_a_moderate_hit():
    values = CluesValues()
    assert (values.story, values.side_effects, values.cycles, values.draw) == \
        ("Side effects only", "moderate", 6, 0)
    assert lesson.STORY_CHOICES == tuple(STORIES)
    assert lesson.SIDE_EFFECT_CHOICES == ("mild", "moderate", "severe")


def test_story_named_refuses_an_unknown_story():
    assert story_named("Growth") is STORIES["Growth"]
    with pytest.raises(ValueError, match="story"):
        story_named("Flu")


# -- the time axis and the schedule -------------------------------------------------------

@pytest.mark.parametrize("cycles", [3, 6, 8])
def test_the_chart_runs_from_the_first_dose_to_the_end_of_the_last_cycle(cycles):
    s = state(cycles=cycles)
    assert s.days_shown == (0, 21 * cycles)
    assert s.dose_days == tuple(range(0, 21 * cycles, 21))
    assert s.days.tolist() == list(range(21 * cycles + 1))
    assert len(s.diary) == cycles
    # Scans at the start and every 9 weeks: 3 cycles -> 0, 63; 8 cycles (168) -> 0, 63, 126.
    assert s.scans.days == tuple(range(0, 21 * cycles + 1, 63))
    # The marker is tested before each dose and on the chart's last day.
    assert s.marker_test_days == (*s.dose_days, 21 * cycles)
    assert (s.marker.first_day, s.marker.last_day) == (0, 21 * cycles)


def test_white_cells_are_tested_before_each_dose_and_ten_days_after():
    s = state()
    assert s.white_test_days == tuple(sorted({*range(0, 126, 21), *range(10, 126, 21)}))
    assert s.fever is None


def test_the_team_tests_the_blood_on_the_day_a_fever_starts():
    s = state(story="Infection")
    assert s.fever is not None and s.fever.first_day in s.white_test_days
    index = s.white_test_days.index(s.fever.first_day)
    assert s.fever.white_cells == s.white_tests[index]


def test_arrays_are_read_only():
    s = state()
    for array in (s.days, s.scores, s.temperature_c, s.white_line, s.white_tests,
                  s.marker_line, s.marker_tests):
        with pytest.raises(ValueError):
            array[0] = 1.0


# -- what each story claims (scenarios.clues), at every re-draw ----------------------------

@pytest.mark.parametrize("draw", DRAWS)
@pytest.mark.parametrize("side_effects", ["moderate", "severe"])
def test_side_effects_only_keep_time_with_the_doses(draw, side_effects):
    s = state("Side effects only", side_effects, 6, draw)
    assert s.cycles_rising == 6 and s.follows_doses and not s.climbs
    assert s.fever is None
    assert s.marker.trend == "fell" and s.scans.categories[-1] == "PR"
    assert s.growth_clues == () and s.suggests == ("side effects",)


@pytest.mark.parametrize("draw", DRAWS)
@pytest.mark.parametrize("cycles", [6, 8])
def test_growth_climbs_cycle_after_cycle_and_the_marker_rises(draw, cycles):
    s = state("Growth", "moderate", cycles, draw)
    assert s.climbs and s.diary[-1].quiet > s.diary[0].quiet
    assert s.growth_clues[:2] == ("diary", "marker")
    assert "growth" in s.suggests and s.fever is None


@pytest.mark.parametrize("draw", DRAWS)
@pytest.mark.parametrize("cycles", [4, 5, 6, 7, 8])
def test_growth_shows_in_at_least_two_clues_from_four_cycles_on(draw, cycles):
    # One scan alone can mislead (lesson 04: repeat readings differ by up to about a
    # fifth), so at some re-draws a scan reads less growth; two clues still agree.
    s = state("Growth", "moderate", cycles, draw)
    assert len(s.growth_clues) >= 2 and "growth" in s.suggests


@pytest.mark.parametrize("draw", DRAWS)
@pytest.mark.parametrize("story", ["Infection", "Growth and an infection"])
def test_the_infection_brings_a_fever_at_the_white_cells_low_point_in_cycle_3(draw, story):
    s = state(story, "moderate", 6, draw)
    fever = s.fever
    assert fever is not None and fever.cycle == INFECTION_CYCLE
    # Onset on the white cells' low point (day 42 + 10 = 52); the temperature reaches the
    # fever line the next day and stays there 4 days (models.clues: 1 + 3 days at its worst).
    # It eases over days 57 and 58 (37.8 degrees C on day 57, before the daily wobble).
    assert fever.first_day == 53 and fever.last_day in (56, 57)
    assert fever.days_after_dose == 11
    assert np.all(s.temperature_c[53: fever.last_day + 1] >= lesson.FEVER_C)
    assert fever.highest_c >= lesson.FEVER_C
    assert "infection" in s.suggests


def test_growth_early_on_shows_in_the_marker_and_scan_before_the_diary():
    s = state("Growth", "moderate", 3, 0)
    assert not s.climbs
    assert s.growth_clues == ("marker", "scans")


@pytest.mark.parametrize(("story", "side_effects", "cycles", "draw"), list(itertools.product(
    STORIES, DOSE_HITS, [3, 5, 8], [0, 7])))
def test_the_readings_say_what_the_arrays_hold(story, side_effects, cycles, draw):
    s = state(story, side_effects, cycles, draw)
    ends = (*s.dose_days[1:], s.horizon_days + 1)
    for cycle, end in zip(s.diary, ends, strict=True):
        week = s.scores[cycle.dose_day + 1: cycle.dose_day + 8]
        assert cycle.peak == week.max() and s.scores[cycle.peak_day] == cycle.peak
        assert cycle.quiet == np.median(s.scores[end - 7: end])
    hot = s.temperature_c >= lesson.FEVER_C
    assert (s.fever is not None) == bool(hot.any())
    assert s.white.lowest == s.white_tests.min()
    assert s.marker.first == s.marker_tests[0] and s.marker.last == s.marker_tests[-1]
    assert s.scans.changes[0] == 0.0
    assert s.scans.changes[-1] == pytest.approx(s.scans.width_mm[-1] / s.scans.width_mm[0] - 1)
    # The white cells dip after every dose, in every story.
    for dose in s.dose_days:
        assert s.white_line[dose + 10] < 0.6 * s.white_line[dose]
    # The charts' tops hold everything drawn.
    assert s.highest[0] >= max(s.marker_line.max(), s.marker_tests.max())
    assert s.highest[1] == max(s.scans.width_mm)


# -- the readings, from hand-made values ---------------------------------------------------

@pytest.mark.parametrize(("peak", "quiet", "rises"), [(4, 2.0, True), (4, 2.5, False),
                                                      (3, 1.0, True), (2, 1.0, False)])
def test_a_cycle_rises_after_the_dose_when_its_peak_is_two_points_over_its_quiet_week(
        peak, quiet, rises):
    assert CycleDiary(1, 0, peak, 2, quiet).rises_after_dose is rises


@pytest.mark.parametrize(("first", "last", "trend"), [
    (100.0, 125.0, "rose"), (100.0, 124.0, "steady"), (100.0, 76.0, "steady"),
    (100.0, 75.0, "fell"), (80.0, 400.0, "rose"),
])
def test_the_marker_rises_or_falls_by_a_quarter(first, last, trend):
    assert MarkerCourse(first, last, 0, 126).trend == trend


def _with(base, **changes):
    return dataclasses.replace(base, **changes)


def test_what_the_clues_suggest_together():
    base = state()
    quiet = tuple(CycleDiary(k + 1, 21 * k, 1, 21 * k + 2, 1.0) for k in range(6))
    fever = Fever(53, 56, 38.9, 3, 11, 0.9)
    assert _with(base, diary=quiet, growth_clues=()).suggests == ()
    assert _with(base, diary=quiet, growth_clues=("marker",)).suggests == ("one growth clue",)
    assert _with(base, diary=quiet, growth_clues=("marker", "scans")).suggests == ("growth",)
    assert _with(base, diary=quiet, growth_clues=(), fever=fever).suggests == ("infection",)
    # Side effects in half of the cycles still count; in fewer they do not.
    half = tuple(dataclasses.replace(c, peak=5) if c.cycle <= 3 else c for c in quiet)
    fewer = tuple(dataclasses.replace(c, peak=5) if c.cycle <= 2 else c for c in quiet)
    assert _with(base, diary=half, growth_clues=()).suggests == ("side effects",)
    assert _with(base, diary=fewer, growth_clues=()).suggests == ()


def test_a_climb_is_two_points_from_the_first_quiet_week_to_the_last():
    base = state()
    rising = tuple(CycleDiary(k + 1, 21 * k, 4, 21 * k + 2, 1.0 + 0.4 * k) for k in range(6))
    assert _with(base, diary=rising).climb_points == pytest.approx(2.0)
    assert _with(base, diary=rising).climbs
    flat = rising[:-1] + (dataclasses.replace(rising[-1], quiet=2.5),)
    assert not _with(base, diary=flat).climbs


def test_scans_grew_only_on_progression():
    grown = Scans((0, 63), (20.0, 26.0), (0.0, 0.3), ("BL", "PD"))
    held = Scans((0, 63), (20.0, 23.0), (0.0, 0.15), ("BL", "SD"))
    assert grown.grew and not held.grew


# -- the examples -------------------------------------------------------------------------

def test_every_example_shows_what_its_story_says():
    said = {name: compute(preset.values) for name, preset in lesson.PRESETS.items()}
    assert said["A rough patch (side effects only)"].suggests == ("side effects",)
    awful = said["Feeling awful, cancer held back"]
    growth = said["Growth (a climb week after week)"]
    assert max(c.peak for c in awful.diary) > max(c.peak for c in said[
        "A rough patch (side effects only)"].diary)
    assert awful.white.low and awful.growth_clues == ()
    assert growth.climbs and "growth" in growth.suggests
    assert said["Infection at the low point"].fever is not None
    both = said["Growth and an infection"]
    assert both.fever is not None and "growth" in both.suggests
    early = said["Growth, early on (3 cycles)"]
    assert early.values.cycles == 3 and not early.climbs and "growth" in early.suggests
