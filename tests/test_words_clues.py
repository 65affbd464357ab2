"""Lesson 06 words (words.clues): each clue's sentence, what they suggest together, the alt
text and the scan labels, from states with hand-made readings put in."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import numpy as np
import pytest

from helpers.lessons.clues import (
    CluesValues,
    CycleDiary,
    Fever,
    MarkerCourse,
    Scans,
    WhiteCells,
    compute,
)
from helpers.words.clues import FEVER_CALL, TEAM_DECIDES, alt_text, caption, scan_labels, together


@cache
def base():
    return compute(CluesValues())


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def _diary(*cycles):
    """(peak, quiet) per cycle, doses every 21 days."""
    return tuple(CycleDiary(k + 1, 21 * k, peak, 21 * k + 2, quiet)
                 for k, (peak, quiet) in enumerate(cycles))


CALM = _diary(*[(4, 1.0)] * 6)
CLIMB = _diary((4, 1.0), (5, 2.0), (6, 3.0), (6, 4.0), (7, 5.0), (8, 6.0))
QUIET_MARKER = MarkerCourse(100.0, 20.0, 0, 126)
SMALLER = Scans((0, 63, 126), (27.0, 19.7, 14.9), (0.0, -0.27, -0.448), ("BL", "SD", "PR"))


def _state(**changes):
    found = {"diary": CALM, "fever": None, "marker": QUIET_MARKER, "scans": SMALLER,
             "growth_clues": (), "white": WhiteCells(1.2, 52, 3.5)}
    found.update(changes)
    return dataclasses.replace(base(), **found)


# -- the diary ----------------------------------------------------------------------------

def test_side_effects_that_keep_time_with_the_doses():
    text = _plain(caption(_state()))
    assert ("Diary: after every one of the 6 doses, the score rose (up to 4 out of 10) and "
            "settled again by the quiet week at the end of the cycle (about 1). No climb from "
            "cycle to cycle") in text
    assert "the pattern of side effects" in text


def test_a_climb_names_the_first_and_last_quiet_weeks():
    text = _plain(caption(_state(diary=CLIMB, growth_clues=("diary",))))
    assert ("in the quiet week at the end of each cycle, the score went from about 1 "
            "(cycle 1) to about 6 (cycle 6) out of 10: a climb from cycle to cycle") in text
    # Peaks 4..8 over quiet weeks 1..6: every cycle still rises by 2 or more.
    assert "On top of it, the score still rose after every one of the 6 doses" in text


def test_some_cycles_and_a_range_of_quiet_weeks():
    # 4 of 6 cycles rise by 2 or more; quiet weeks 1 to 2 (halves round up: 1.5 -> 2).
    mixed = _diary((4, 1.0), (3, 1.5), (4, 1.0), (2, 1.0), (5, 1.0), (4, 1.0))
    text = _plain(caption(_state(diary=mixed)))
    assert "after 4 of the 6 doses, the score rose (up to 5 out of 10)" in text
    assert "(about 1 to 2)" in text


def test_no_clear_pattern():
    flat = _diary(*[(2, 1.0)] * 6)
    text = _plain(caption(_state(diary=flat)))
    assert ("Diary: no clear rise after most doses, and no climb from cycle to cycle (the quiet "
            "weeks stay at about 1 out of 10; the highest score is 2).") in text
    assert "Together, these clues show no clear pattern yet." in text


# -- temperature and white cells ---------------------------------------------------------

def test_no_fever():
    assert "Temperature: no fever: it stayed below 38.0 \u00b0C." in _plain(caption(_state()))


def test_a_fever_with_its_days_and_white_cells():
    fever = Fever(53, 56, 38.94, 3, 11, 0.93)
    text = _plain(caption(_state(fever=fever)))
    assert ("Temperature: a fever (up to 38.9 \u00b0C) from day 53 to day 56, 11 days after "
            "the dose of cycle 3, when a blood test showed white cells at 0.9 billion per "
            "litre.") in text
    assert FEVER_CALL in text and "a possible infection" in text
    one_day = Fever(53, 53, 38.1, 3, 1, 2.0)
    assert "(up to 38.1 \u00b0C) on day 53, 1 day after" in _plain(caption(_state(fever=one_day)))


def test_white_cells_low_or_not():
    low = _plain(caption(_state(white=WhiteCells(0.6, 94, 3.3))))
    assert ("The lowest test read 0.6 billion per litre, on day 94 (10 days after the dose of "
            "cycle 5): low, so infections are harder to fight. The tests before each later "
            "dose read 3.3 or more.") in low
    fine = _plain(caption(_state(white=WhiteCells(1.2, 52, 3.5))))
    assert "on day 52 (10 days after the dose of cycle 3)." in fine and "harder to fight" \
        not in fine


# -- marker and scans ---------------------------------------------------------------------

@pytest.mark.parametrize(("marker", "said"), [
    (MarkerCourse(100.4, 16.2, 0, 126), "Marker: it fell, from 100 to 16 units/mL (tests on "
                                        "day 0 and day 126)."),
    (MarkerCourse(100.0, 618.0, 0, 126), "Marker: it rose, from 100 to 618 units/mL"),
    (MarkerCourse(100.0, 110.0, 0, 63), "Marker: little change, from 100 to 110 units/mL (tests "
                                        "on day 0 and day 63)."),
])
def test_the_marker(marker, said):
    assert said in _plain(caption(_state(marker=marker)))


def test_the_scans_scan_by_scan_and_the_last_category():
    text = _plain(caption(_state()))
    assert ("Scans (width of the tumour against the first scan, on day 0): day 63: 27% "
            "smaller; day 126: 45% smaller. By the teaching rule of lesson 04 the last scan "
            "reads partial response.") in text
    grown = Scans((0, 63), (26.9, 34.8), (0.0, 0.2937), ("BL", "PD"))
    assert "day 63: 29% larger. By the teaching rule of lesson 04 the last scan reads " \
           "progression." in _plain(caption(_state(scans=grown)))
    assert scan_labels(_state(scans=grown)) == ("first scan", "29% larger")


# -- together -----------------------------------------------------------------------------

def test_together_lists_what_the_clues_suggest_and_always_says_the_team_decides():
    growth = _state(diary=CLIMB, growth_clues=("diary", "marker", "scans"))
    assert _plain(together(growth)).startswith(
        "Together, these clues suggest side effects that come and go with the doses and "
        "possible growth of the cancer. Clues like these make the team look harder")
    one = _state(growth_clues=("marker",))
    assert ("one clue that points to growth (the rising marker) while the others do not"
            in _plain(together(one)))
    both = _state(diary=CLIMB, growth_clues=("diary", "marker"),
                  fever=Fever(53, 56, 38.9, 3, 11, 1.1))
    assert ("suggest side effects that come and go with the doses, possible growth of the "
            "cancer and a possible infection. " + FEVER_CALL) in _plain(together(both))
    for state in (growth, one, both, _state()):
        assert _plain(together(state)).endswith(TEAM_DECIDES)


@pytest.mark.parametrize("values", [
    CluesValues(), CluesValues(story="Growth"), CluesValues(story="Growth and an infection",
                                                            side_effects="severe", cycles=8),
    CluesValues(story="Infection", side_effects="mild", cycles=3, draw=20),
])
def test_no_caption_names_a_cause_as_fact(values):
    text = _plain(caption(compute(values))).lower()
    for verdict in ("the cancer is growing", "the cancer has spread", "has an infection",
                    "diagnosis:", "it is growth", "this is growth"):
        assert verdict not in text
    assert TEAM_DECIDES.lower() in text


# -- alt text -----------------------------------------------------------------------------

def test_alt_text_names_the_five_charts_and_what_they_show():
    text = alt_text(_state(fever=Fever(53, 56, 38.9, 3, 11, 1.1)))
    assert text.startswith("Five charts share one time axis, day 0 to day 126, with 6 doses "
                           "marked by triangles, one every 21 days.")
    for part in ("1, symptom diary (0 to 10 each day): a rise after each dose that settles "
                 "before the next.", "2, temperature: shows a fever from day 53.",
                 "lowest test 1.2 billion per litre", "4, tumour marker: fell, from 100 to 20",
                 "5, scans: the tumour's width on 3 scans, the last 45% smaller than the "
                 "first."):
        assert part in text
    assert "a climb from cycle to cycle" in alt_text(_state(diary=CLIMB))
    same = Scans((0, 63), (27.0, 27.1), (0.0, 0.004), ("BL", "SD"))
    assert "the last about the same as the first" in alt_text(_state(scans=same))


# -- every control position: the numbers said are the numbers on the chart -------------------

SWEEP = [CluesValues(story, hit, cycles, draw)
         for story in ("Side effects only", "Growth", "Infection", "Growth and an infection")
         for hit in ("mild", "moderate", "severe") for cycles in range(3, 9)
         for draw in (0, 10, 20)]


@pytest.mark.parametrize("values", SWEEP, ids=lambda v: f"{v.story}-{v.side_effects}-"
                                                        f"{v.cycles}-{v.draw}")
def test_the_caption_reads_back_from_the_chart(values):
    state = compute(values)
    text = _plain(caption(state))
    assert not re.search(r"\bnan\b|\binf\b|None|-\d", text), text
    ends = (*state.dose_days[1:], state.horizon_days + 1)
    quiet = [float(np.median(state.scores[end - 7: end])) for end in ends]
    climb = re.search(r"went from about (\d+) \(cycle 1\) to about (\d+) \(cycle (\d+)\)", text)
    if climb:
        first, last, cycle = (int(g) for g in climb.groups())
        assert abs(first - quiet[0]) <= 0.5 and abs(last - quiet[-1]) <= 0.5
        assert cycle == values.cycles and last - first >= 2
    fever = re.search(r"a fever \(up to ([\d.]+) \u00b0C\) (?:on day (\d+)|from day (\d+) to day "
                      r"(\d+))", text)
    hot = np.flatnonzero(state.temperature_c >= 38.0)
    assert bool(fever) == bool(hot.size)
    if fever:
        start = int(fever.group(2) or fever.group(3))
        end = int(fever.group(2) or fever.group(4))
        assert (start, end) == (hot[0], hot[-1])
        assert np.all(state.temperature_c[start: end + 1] >= 38.0)
        assert float(fever.group(1)) == pytest.approx(state.temperature_c.max())
    marker = re.search(r"from (\d+) to (\d+) units/mL \(tests on day 0 and day (\d+)\)", text)
    assert marker
    assert (int(marker.group(1)), int(marker.group(2))) == (
        round(state.marker_tests[0]), round(state.marker_tests[-1]))
    assert int(marker.group(3)) == state.horizon_days
    for day, size, word in re.findall(r"day (\d+): (\d+)% (smaller|larger)", text):
        index = state.scans.days.index(int(day))
        change = state.scans.width_mm[index] / state.scans.width_mm[0] - 1
        assert int(size) == round(100 * abs(change)) and (word == "larger") == (change > 0)
    assert text.endswith(TEAM_DECIDES)
