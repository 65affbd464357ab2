"""Lesson 04 words (words.response): the reasons, the caption, the alt text, the scan table.

States are built directly: a computed state with hand-made scans and findings put in,
and every expected sentence worked out by hand in a comment.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from helpers.clinic.response import assess
from helpers.clinic.scans import LesionReading, ScanReading
from helpers.lessons import response as lesson
from helpers.lessons.response import (
    ChartEnd,
    FirstScanLarger,
    MarkerCourse,
    MixedResponse,
    NewLesion,
)
from helpers.words.response import alt_text, caption, reason, scan_table_html


def _scan(day, new=(), **measured):
    """A scan from name=mm (0 = not seen); names in ``new`` are marked new."""
    return ScanReading(day=day, detection_limit_mm=5.0, lesions=tuple(
        LesionReading(name=n, measured_mm=mm, true_mm=mm, visible=mm > 0, new=n in new)
        for n, mm in measured.items()))


# The series of tests/test_response.py, worked there by hand:
# baseline 50; 34 (-32%: PR); 38 (PR held); 42 (+23.5%, +8 mm from 34: PD); C new: PD.
SERIES = [
    _scan(0, A=30.0, B=20.0, C=0.0),
    _scan(63, A=20.0, B=14.0, C=0.0),
    _scan(126, A=18.0, B=20.0, C=0.0),
    _scan(189, A=20.0, B=22.0, C=0.0),
    _scan(252, new=("C",), A=12.0, B=10.0, C=6.0),
]
QUIET = MarkerCourse(first=100.0, last=50.0, first_day=0, last_day=252)


@pytest.fixture(scope="module")
def base():
    return lesson.compute(lesson.ResponseValues())


def _state(base, scans=SERIES, **changes):
    """``base`` with ``scans`` (assessed by the clinic rule) and no findings unless given."""
    run = dataclasses.replace(base.run, scans=tuple(scans), assessments=assess(scans))
    found = {"mixed": None, "new_lesion": None, "first_larger": None, "marker": QUIET}
    found.update(changes)
    return dataclasses.replace(base, run=run, **found)


# -- reason(assessment) ------------------------------------------------------------

def test_reasons_moved_from_the_assessment():
    # Moved from tests/test_response.py (Assessment.reason is now words.response.reason).
    result = assess(SERIES)
    assert "New lesion" in reason(result[4])
    assert "stays partial response" in reason(result[2])
    assert result[2].held and not result[1].held


def test_reason_of_each_category_by_hand():
    result = assess(SERIES)
    assert reason(result[0]) == "Baseline: the sizes every later scan is compared with."
    # 34 / 50 - 1 = -0.32: 32% below.
    assert reason(result[1]) == "The sum is 32% below baseline (30% or more)."
    assert reason(result[2]) == ("A partial response was reached earlier; without "
                                 "progression the category stays partial response.")
    # 42 against the smallest 34: 8 / 34 = 23.5% -> "24%", 8.0 mm.
    assert reason(result[3]) == ("The sum is 24% above the smallest so far and 8.0 mm "
                                 "larger (20% and 5 mm or more).")
    assert reason(result[4]) == "New lesion seen (C): that alone counts as progression."


def test_reason_stable_complete_and_not_assessable():
    # 50 -> 45: only 10% below baseline, and below the smallest so far: stable.
    stable = assess([_scan(0, A=50.0), _scan(63, A=45.0)])[1]
    assert stable.category == "SD"
    assert reason(stable) == ("Neither 30% smaller than baseline nor 20% and 5 mm above the "
                              "smallest sum.")
    gone = assess([_scan(0, A=50.0), _scan(63, A=0.0)])[1]
    assert reason(gone) == "Every target lesion is gone and nothing new is seen."
    nothing = assess([_scan(0, A=0.0), _scan(63, A=0.0)])[1]
    assert nothing.category == "NE"
    assert reason(nothing) == ("No lesion was measurable at baseline, so there is nothing "
                               "to compare.")


def test_reason_of_a_return_after_everything_had_gone():
    # 40 -> 0 (CR) -> 6 mm: smallest 0, so no percent; 6 mm >= 5 mm: progression.
    back = assess([_scan(0, A=40.0), _scan(63, A=0.0), _scan(126, A=6.0)])[2]
    assert back.category == "PD" and back.change_from_smallest is None
    assert reason(back) == ("The sum grew from nothing to 6.0 mm (5 mm or more counts as "
                            "progression).")


# -- the caption --------------------------------------------------------------------

def test_categories_scan_by_scan(base):
    text = caption(_state(base))
    assert "Categories, scan by scan: partial response, partial response, progression, " \
           "progression." in text
    # No finding given: none is said.
    assert "mixed response" not in text and "new lesion" not in text.lower()


def test_only_a_baseline_scan(base):
    text = caption(_state(base, scans=SERIES[:1]))
    assert "Only the baseline scan falls within this course" in text
    assert "Categories" not in text


def test_mixed_response_words(base):
    found = MixedResponse(day=63, smaller_lesion="A", smaller_change=-0.54, larger_lesion="B",
                          larger_change=0.22, category="SD")
    assert caption(_state(base, mixed=found)).startswith(
        "On the scan of day 63, lesion A reads 54% smaller than at baseline but lesion B "
        "reads 22% larger: a <b>mixed response</b>. The sum calls it stable disease, so the "
        "team reviews each site.")


def test_new_lesion_singular_and_plural(base):
    one = caption(_state(base, new_lesion=NewLesion(day=126, lesions=("B",))))
    assert ("A <b>new lesion</b> (B) shows on day 126: by the rules that is progression, "
            "whatever the sum does.") in one
    two = caption(_state(base, new_lesion=NewLesion(day=189, lesions=("B", "C"))))
    assert ("<b>New lesions</b> (B, C) show on day 189: by the rules that is progression, "
            "whatever the sum does.") in two


def test_first_scan_larger_swelling_and_noise(base):
    swollen = FirstScanLarger(day=42, read_change=0.30, true_change=-0.20, cause="swelling",
                              confirming=(84, -0.38))
    assert ("The first scan (day 42) reads 30% larger than baseline, yet the true size is "
            "20% smaller: <b>treatment swelling</b>. The confirming scan (day 84) reads 38% "
            "smaller than baseline.") in caption(_state(base, first_larger=swollen))
    noisy = FirstScanLarger(day=63, read_change=0.04, true_change=-0.02, cause="noise",
                            confirming=None)
    text = caption(_state(base, first_larger=noisy))
    assert ("The first scan (day 63) reads 4% larger than baseline, yet the true size is 2% "
            "smaller: <b>measurement noise</b>.") in text
    assert "confirming" not in text
    # A confirming change under half a percent: 'about the same as baseline'.
    flat = dataclasses.replace(swollen, confirming=(84, 0.004))
    assert "The confirming scan (day 84) reads about the same as baseline." in \
        caption(_state(base, first_larger=flat))


def test_marker_fell_rose_stayed(base):
    # 200.4 -> 31.6: fell, "200" and "32".
    fell = MarkerCourse(first=200.4, last=31.6, first_day=0, last_day=126, fell_day=42,
                        fell_change=-0.44, fell_category="PD", fell_cause="swelling")
    assert caption(_state(base, marker=fell)).endswith(
        "The blood marker fell from 200 to 32 units/mL (tests on day 0 and day 126). By the "
        "scan on day 42 it had already fallen by 44%, while that scan still read progression: "
        "the marker follows the living cancer cells, not the swelling. A marker is a clue, "
        "never a verdict on its own.")
    # No swelling: the scan lags because dead cells are still counted in its size.
    lag = dataclasses.replace(fell, fell_category="SD", fell_cause="clearance",
                              fell_change=-0.5)
    assert ("By the scan on day 42 it had already fallen by 50%, while that scan still read "
            "stable disease: the marker follows the living cancer cells, and the scan still "
            "counts dead cells the body has not cleared yet.") in caption(_state(base, marker=lag))
    rose = MarkerCourse(first=100.0, last=150.2, first_day=0, last_day=189, surge_day=21)
    assert caption(_state(base, marker=rose)).endswith(
        "The blood marker rose from 100 to 150 units/mL (tests on day 0 and day 189). Its "
        "test on day 21 rose while the next scan shrank: a surge from dying cells. A marker "
        "is a clue, never a verdict on its own.")
    # 30.2 and 29.8 both say "30": no rise or fall to tell.
    flat = MarkerCourse(first=30.2, last=29.8, first_day=0, last_day=126)
    assert "The blood marker stayed at about 30 units/mL (tests on day 0 and day 126). A " \
        "marker is a clue" in caption(_state(base, marker=flat))


def test_caption_of_each_preset_tells_its_pattern():
    said = {name: caption(lesson.compute(p.values)) for name, p in lesson.PRESETS.items()}
    assert "The sum calls it stable disease" in said["Mixed response"]
    assert "A <b>new lesion</b> (B) shows on day 126" in said["New lesions (hidden seeds)"]
    early = said["Early swelling (confusing first scan)"]
    assert "<b>treatment swelling</b>" in early and "The confirming scan (day 84)" in early
    assert "a surge from dying cells" in said["Marker surge at the start"]


@pytest.mark.parametrize(("end", "words"), [
    # The last scan on the last day: 65.4 / 50 = 1.308 -> "31% larger"; 65.4 -> "65 mm".
    (ChartEnd(day=189, start_sum_mm=50.0, end_sum_mm=65.4, last_scan_day=189),
     "On day 189, the last scan and where the lines end, the lesions' true sizes add up to "
     "65 mm, 31% larger than on day 0 (50 mm)."),
    # The last scan three weeks before the lines end: 35 / 50 = 0.7 -> "30% smaller".
    (ChartEnd(day=189, start_sum_mm=50.0, end_sum_mm=35.0, last_scan_day=168),
     "The last scan is on day 168; by day 189, where the lines end, the lesions' true sizes "
     "add up to 35 mm, 30% smaller than on day 0 (50 mm)."),
    # 50.1 / 50: under half a percent -> "about the same as".
    (ChartEnd(day=126, start_sum_mm=50.0, end_sum_mm=50.1, last_scan_day=126),
     "the lesions' true sizes add up to 50 mm, about the same as on day 0 (50 mm)."),
])
def test_the_true_sizes_where_the_lines_end(base, end, words):
    text = caption(_state(base, end=end))
    assert words in text
    # Said after the categories, before the marker.
    assert text.index("Categories") < text.index(words) < text.index("The blood marker")


def _said_end_day(text: str) -> int:
    match = re.search(r"day (\d+), (?:the last scan and )?where the lines end", text)
    assert match is not None, text
    return int(match.group(1))


@pytest.mark.parametrize("patient", lesson.PATIENTS)
@pytest.mark.parametrize("weeks", [3, 5, 9, 12])
def test_the_caption_ends_on_the_charts_last_day(patient, weeks):
    state = lesson.compute(lesson.ResponseValues(patient=patient, scan_interval_weeks=weeks))
    text = caption(state)
    assert _said_end_day(text) == state.course.days[-1] == state.days_shown[1]
    # Growth past the start, where the lines end, is said as growth.
    true_start = state.course.diameters_on(0).sum()
    true_end = state.course.diameter_mm[:, -1].sum()
    said_larger = "larger than on day 0" in text
    assert said_larger == (true_end / true_start - 1 >= 0.005)
    assert f"to day {state.days_shown[1]}." in alt_text(state)


# -- the alt text ----------------------------------------------------------------------

def test_alt_text_lists_the_sums_and_the_rule(base):
    text = alt_text(_state(base))
    assert "partial-response line (30% below baseline)" in text
    assert "progression line (20% and 5 mm above the smallest sum)" in text
    # Sums 50, 34, 38, 42, 22 mm with their categories.
    assert ("day 0: 50 mm (Baseline), day 63: 34 mm (Partial response), day 126: 38 mm "
            "(Partial response), day 189: 42 mm (Progression), day 252: 22 mm "
            "(Progression)") in text


# -- the scan table ----------------------------------------------------------------------

def test_scan_table_by_hand(base):
    scans = [_scan(0, A=30.0, B=0.0), _scan(63, new=("B",), A=20.0, B=7.5)]
    table = scan_table_html(_state(base, scans=scans))
    rows = re.findall(r"<tr><th scope='row'>.*?</tr>", table)
    assert len(rows) == 2
    # The Mixed response patient: A in the liver, B in the lung.
    assert "<th scope='col'>Lesion A, liver (mm)</th>" in table
    assert "<th scope='col'>Lesion B, lung (mm)</th>" in table
    # Baseline: A 30.0, B not seen; sum 30.0; no changes yet (dashes).
    assert rows[0].startswith("<tr><th scope='row'>Day 0 (week 0)</th><td>30.0</td>"
                              "<td>not seen</td><td>30.0</td><td>\u2014</td><td>\u2014</td>")
    # Day 63 = week 9: A 20.0, B 7.5 new; the sum counts only baseline targets: 20.0;
    # 20 / 30 - 1 = -33%; a new lesion: progression.
    assert rows[1].startswith("<tr><th scope='row'>Day 63 (week 9)</th><td>20.0</td>"
                              "<td>7.5 <b>(new)</b></td><td>20.0</td><td>-33%</td>"
                              "<td>-33%</td><td><b>Progression</b></td>")
    assert "New lesion seen (B): that alone counts as progression." in rows[1]
    assert "<caption" in table


def test_scan_table_signs_a_growth(base):
    # A 30 -> 36, B 10 -> 10: the sum 40 -> 46, 46 / 40 - 1 = +15% from baseline and from
    # the smallest (the baseline): "+15%" twice, with its plus sign.
    table = scan_table_html(_state(base, scans=[_scan(0, A=30.0, B=10.0),
                                                _scan(63, A=36.0, B=10.0)]))
    assert "<td>46.0</td><td>+15%</td><td>+15%</td>" in table
