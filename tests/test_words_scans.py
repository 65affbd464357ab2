"""Lesson 03 words: the caption and alt text, from states built directly.

Every expected phrase is worked by hand in the comment beside it (plain_words.days_in_words:
under 56 days says days, under 365 weeks (days / 7), under 730 months (days / 30.44)).
"""

from __future__ import annotations

import dataclasses

import pytest

from helpers.lessons.scans import LesionFacts, ScansState, ScansValues, compute
from helpers.words import scans as words

_BASE = compute(ScansValues())


_SHED = LesionFacts(
    name="C", label="Lesion C (bone)", seeding_day=-100, seeded_small=True, start_cells=10.0,
    baseline_mm=0.2, first_seen_day=None, first_seen_mm=None, seen_at_baseline=False,
    last_scan_true_mm=3.0, end_true_mm=3.0, cells_at_limit=6.545e7, doublings_to_limit=22.64,
    days_to_limit=339.6)


def _lesion(**changes) -> LesionFacts:
    """A lesion that began as shed cells on day -100 and was never seen with a 5 mm limit."""
    return dataclasses.replace(_SHED, **changes)


def _state(*lesions: LesionFacts, verdict="no_new_lesion", limit_mm=5.0,
           scan_days=(0, 63, 126, 189, 252)) -> ScansState:
    return dataclasses.replace(_BASE, lesions=lesions, verdict=verdict,
                               detection_limit_mm=limit_mm, scan_days=scan_days)


# -- small phrases --------------------------------------------------------------


@pytest.mark.parametrize(("days", "expected"), [
    (0, "0 days"),                       # nothing to add
    (1, "1 day"),                        # singular
    (40, "40 days"),                     # under 56 days: days_in_words says days too
    (56, "56 days (8 weeks)"),           # 56 / 7 = 8
    (200, "200 days (29 weeks)"),        # 200 / 7 = 28.6
    (400, "400 days (about 13 months)"),  # 400 / 30.44 = 13.1
])
def test_span_in_words(days, expected):
    assert words.span_in_words(days) == expected


# -- caption ----------------------------------------------------------------------


def test_default_caption_tells_b_and_c_and_says_the_seeds_came_first():
    text = words.caption(_BASE)
    # Lesion A began at 12 mm (not shed cells): not told.
    assert "Lesion A" not in text
    # B: seeded day -200 (200 / 7 = 28.6 weeks), 1.26 mm at baseline, first seen on day 126
    # (126 / 7 = week 18).
    assert ("<b>Lesion B (lung)</b> was seeded 200 days (29 weeks) before the first dose. "
            "On the baseline scan it was 1.3 mm across, below the 5 mm a scan can show. "
            "It first showed on the scan of day 126 (week 18), measuring ") in text
    # C: seeded day -120 (120 / 7 = 17.1 weeks); 2560 cells on day 0 are 0.17 mm; first
    # seen on the last scan, day 252 (252 / 7 = week 36).
    assert ("<b>Lesion C (bone)</b> was seeded 120 days (17 weeks) before the first dose. "
            "On the baseline scan it was 0.2 mm across, below the 5 mm a scan can show. "
            "It first showed on the scan of day 252 (week 36)") in text
    assert text.count("\u2018new lesion\u2019") == 2
    assert text.endswith("<b>Did the chemo make it spread?</b> Not in this picture: every "
                         "lesion that showed up after treatment began was seeded before the "
                         "first dose and grew, unseen, all along. The scan only caught up "
                         "with it.")


def test_a_lesion_seen_at_baseline_is_not_new():
    state = _state(_lesion(name="B", label="Lesion B (lung)", seeding_day=-200,
                           baseline_mm=1.26, first_seen_day=0, first_seen_mm=1.3,
                           seen_at_baseline=True), limit_mm=1.0)
    assert words.caption(state) == (
        "<b>Lesion B (lung)</b> was seeded 200 days (29 weeks) before the first dose. "
        "It was already 1.3 mm across at baseline, big enough for a scan that shows 1 mm, "
        "so it is not new. <b>Did the chemo make it spread?</b> No new lesion appears on "
        "these scans. The deposits that were seeded before treatment are either seen from "
        "the start or still hidden: a scan only shows what has grown big enough.")


def test_a_what_if_lesion_still_hidden_says_how_long_it_needs():
    # Seeded on day 60 (60 / 7 = 8.6 weeks). 22.64 doublings round to 23; 339.6 days / 7 =
    # 48.5 weeks, said as 49. No baseline sentence: it was not there on day 0.
    state = _state(_lesion(seeding_day=60, baseline_mm=0.0, last_scan_true_mm=0.514))
    text = words.caption(state)
    assert text.startswith(
        "<b>Lesion C (bone)</b> was seeded 60 days (9 weeks) after the first dose (a 'what "
        "if'). It is still too small to see on the last scan (day 252, where the lines end: "
        "0.5 mm). From 10 cells "
        "it needs about 23 doublings to reach 5 mm: at least 49 weeks at its pace. ")
    assert "baseline" not in text


def test_the_wait_follows_the_limit_and_the_last_scan_day():
    # 20 mm: 28.64 doublings round to 29; 429.7 days / 30.44 = 14.1 months. The last scan of
    # a 12-week plan is day 252 too (0, 84, 168, 252); a 5-week plan's is day 245 (7 * 35).
    state = _state(_lesion(seeding_day=120, last_scan_true_mm=0.2, doublings_to_limit=28.64,
                           days_to_limit=429.7), limit_mm=20.0,
                   scan_days=tuple(range(0, 253, 35)))
    text = words.caption(state)
    assert "(day 245: 0.2 mm)" in text
    # The lines run to day 252, a week past that scan: the words follow them there.
    assert "By day 252, where the lines end, it is 3.0 mm across, still below 20 mm." in text
    assert "about 29 doublings to reach 20 mm: at least about 14 months at its pace." in text
    # 1 mm: 15.68 doublings round to 16; 235.1 days / 7 = 33.6 weeks, said as 34.
    state = _state(_lesion(seeding_day=120, doublings_to_limit=15.68, days_to_limit=235.1),
                   limit_mm=1.0)
    assert "about 16 doublings to reach 1 mm: at least 34 weeks at its pace." in \
        words.caption(state)


def test_a_hidden_lesion_seeded_before_treatment_gets_no_doubling_sum():
    # Seeded on day -100 (14.3 weeks), 0.2 mm at baseline, 3.0 mm on the last scan.
    text = words.caption(_state(_lesion()))
    assert ("was seeded 100 days (14 weeks) before the first dose. On the baseline scan it "
            "was 0.2 mm across, below the 5 mm a scan can show. It is still too small to see "
            "on the last scan (day 252, where the lines end: 3.0 mm).") in text
    assert "doublings" not in text


@pytest.mark.parametrize(("end_mm", "end_words"), [
    # 4.9 mm < 5 mm: still hidden where the lines end.
    (4.9, "By day 252, where the lines end, it is 4.9 mm across, still below 5 mm."),
    # 5 mm counts as big enough (the scan's rule is "at least").
    (5.0, "By day 252, where the lines end, it is 5.0 mm across: big enough for a scan that "
          "shows 5 mm, but no scan has looked yet."),
])
def test_a_lesion_hidden_on_an_earlier_last_scan_is_told_to_where_the_lines_end(end_mm,
                                                                                end_words):
    # An 8-week plan scans on days 0, 56, ..., 224 (4 x 56); the lines run on to day 252.
    state = _state(_lesion(last_scan_true_mm=3.0, end_true_mm=end_mm),
                   scan_days=tuple(range(0, 253, 56)))
    text = words.caption(state)
    assert "It is still too small to see on the last scan (day 224: 3.0 mm). " + end_words \
        in text
    assert f"day {round(state.end_day)}" in text


def test_the_hidden_lesions_last_day_told_is_where_the_lines_end():
    # For every scan interval and seeding day, a lesion no scan showed is told up to the
    # course's last day, where the chart's lines end.
    for weeks in range(3, 13):
        for seeding_day in (-300, -80, 0, 60, 120):
            state = compute(ScansValues(detection_limit_mm=5, scan_interval_weeks=weeks,
                                        lesion_c_seeding_day=seeding_day))
            end = round(state.course.days[-1])
            text = words.caption(state)
            for lesion in state.seeded_small_lesions:
                if lesion.first_seen_day is None:
                    assert f"day {end}, where the lines end" in text
                    assert lesion.end_true_mm == state.course.diameter_mm[
                        state.course.row(lesion.name), -1]


def test_seeded_on_day_0_and_one_day_before():
    text = words.caption(_state(_lesion(seeding_day=0, baseline_mm=0.03)))
    assert ("was seeded on the day of the first dose. On the baseline scan it was under 0.1 mm "
            "across") in text
    assert "doublings" not in text  # only a lesion seeded after the first dose gets the sum
    assert "was seeded 1 day before the first dose." in words.caption(
        _state(_lesion(seeding_day=-1)))
    assert "was seeded 10 days before the first dose." in words.caption(
        _state(_lesion(seeding_day=-10)))


def test_first_seen_on_an_early_scan_names_its_week_and_size():
    # Day 28 = week 4; 5.04 mm said with one decimal; 12.6 mm with none.
    text = words.caption(_state(_lesion(first_seen_day=28, first_seen_mm=5.04),
                                verdict="seeded_before_treatment"))
    assert "It first showed on the scan of day 28 (week 4), measuring 5.0 mm: a " in text
    text = words.caption(_state(_lesion(first_seen_day=28, first_seen_mm=12.6),
                                verdict="seeded_before_treatment"))
    assert "measuring 13 mm" in text


def test_the_three_answers_to_did_the_chemo_make_it_spread():
    after = words.caption(_state(_lesion(seeding_day=10, first_seen_day=252, first_seen_mm=1.1),
                                 verdict="seeded_after_first_dose", limit_mm=1.0))
    # Seeded on day 10, first seen on day 252: 242 days (35 weeks) later.
    assert ("<b>Did the chemo make it spread?</b> In this 'what if', Lesion C (bone) started "
            "from cells shed 10 days after the first dose and first shows on the scan of day "
            "252, 242 days (35 weeks) after it started. The model does not say what shed the "
            "cells.") in after
    assert "seeded 10 days after the first dose (a 'what if')" in after
    assert "doublings" not in after  # seen, so no "needs about N doublings"
    before = words.caption(_state(_lesion(first_seen_day=126, first_seen_mm=14.0),
                                  verdict="seeded_before_treatment"))
    assert "Not in this picture" in before and "In this 'what if'" not in before
    none = words.caption(_state(_lesion(), verdict="no_new_lesion"))
    assert "No new lesion appears on these scans." in none and "Not in this picture" not in none


def test_no_shed_lesion_leaves_only_the_answer():
    a = _lesion(name="A", label="Lesion A (liver)", seeded_small=False)
    assert words.caption(_state(a)).startswith("<b>Did the chemo make it spread?</b> No new")


# -- alt text ------------------------------------------------------------------------


def test_default_alt_text_lists_scans_and_each_lesion():
    text = words.alt_text(_BASE)
    assert text.startswith("Two charts sharing a time axis from 400 days before the first "
                           "dose (day 0) to day 260.")
    assert "a shaded band below 5 mm that a scan cannot show" in text
    assert "Scans on days 0, 63, 126, 189, 252." in text  # every 63 days (9 weeks)
    assert text.endswith(
        "Lesion A (liver): starts 360 days before the first dose, first seen on day 0; "
        "Lesion B (lung): starts 200 days before the first dose, first seen on day 126; "
        "Lesion C (bone): starts 120 days before the first dose, first seen on day 252.")


def test_alt_text_for_after_on_and_one_day_before_the_first_dose():
    text = words.alt_text(_state(
        _lesion(seeding_day=60), _lesion(name="D", label="Lesion D", seeding_day=0),
        _lesion(name="E", label="Lesion E", seeding_day=-1, first_seen_day=21),
        limit_mm=20.0, scan_days=(0, 21)))
    assert "a shaded band below 20 mm" in text
    assert "Scans on days 0, 21." in text
    assert text.endswith("Lesion C (bone): starts 60 days after the first dose, never seen; "
                         "Lesion D: starts on the day of the first dose, never seen; "
                         "Lesion E: starts 1 day before the first dose, first seen on day 21.")


@pytest.mark.parametrize("seeding_day", [-20, -10, 0])
def test_a_lesion_that_is_there_is_never_zero_mm(seeding_day):
    # Seeded on or just before day 0, lesion C is a few cells at baseline: far under
    # 0.1 mm, but there. "0.0 mm across" would say it is not there at all.
    import dataclasses

    from helpers.lessons import scans as lesson

    state = lesson.compute(dataclasses.replace(lesson.ScansValues(),
                                               lesion_c_seeding_day=seeding_day))
    text = words.caption(state)
    assert "0.0 mm" not in text
    assert "under 0.1 mm across" in text
