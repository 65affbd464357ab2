"""Lesson 01 words: the caption, alt text and option labels, against hand-worked sentences.

Sizes by hand: 1e9 cells = 1 cm3, a sphere (6/pi)^(1/3) cm = 12.407 mm across;
the diameter goes with the cube root of the cells.
"""

import dataclasses
import math
import re

import pytest

from helpers.lessons.log_kill import PRESETS, LogKillValues, compute
from helpers.plain_words import change_from_start
from helpers.words.log_kill import (
    alt_text,
    caption,
    cycle_length_label,
    log_kill_label,
    start_cells_label,
)

LOG2 = math.log10(2.0)
SHRINKS = ("Each dose removes more than the cells regrow before the next one, so the tumour "
           "shrinks cycle by cycle.")
GROWS = ("<b>Growth between doses outpaces the kill</b>: the cells regrow more than each dose "
         "removes, so the tumour grows during treatment.")
STEADY = "Regrowth between doses about matches the kill: the size holds steady."


LAG = ("The size lags behind the cells: killed cells stay in the tumour until the body "
       "clears them, half of them every 7 days.")


def _two_cycles():
    return compute(LogKillValues(log_kill_per_dose=2.0, doubling_time_days=7.0,
                                 cycle_length_days=21, cycles=2, start_cells=1e9))


def test_two_cycles_of_two_logs():
    state = _two_cycles()
    # 1e9 -> 1e7 (day 0) -> x8 = 8e7 (day 21) -> 8e5 -> x8 = 6.4e6 (day 42).
    # 6.4e6 / 1e9 = 0.0064: 99.36% fewer -> "99.4%".
    # Measured on day 42: live 6.4e6 + dead 9.9e8 / 64 + 7.92e7 / 8 = 3.177e7 cells:
    # 12.407 x 0.3167 = 3.93 mm. The chart runs one cycle on, to day 63: live x8 = 5.12e7,
    # "about 51 million", 1 - 0.0512 = 94.9% fewer -> "95%"; measured 5.12e7 + 9.9e8 / 512
    # + 7.92e7 / 64 = 5.437e7 cells: 12.407 x 0.3788 = 4.70 mm.
    assert caption(state) == (
        "After 2 cycles (day 42) the tumour holds about 6.4 million cells, 99.4% fewer than "
        "at the start; it measures 3.9 mm across (12.4 mm at the start). By day 63, the end "
        "of the chart, 21 days after the last cycle, there are about 51 million cells, 95% "
        "fewer than at the start (4.7 mm across). " + LAG + " " + SHRINKS)
    # Untreated to day 63 (logistic): e^(r t) = 2^9 = 512; 1e12 / (1 + 999/512) = 3.39e11.
    assert alt_text(state) == (
        "Two charts over 63 days. Top: live cancer cells on a log scale. 2 doses, one every "
        "21 days, each killing 99% (2 logs) of the cells, give a saw-tooth line: a drop at "
        "each dose, a climb between doses. It starts at about 1 billion cells, is at about "
        "6.4 million on day 42 when the course ends, and at about 51 million on day 63. A "
        "dotted line shows the untreated tumour reaching about 340 billion cells. A grey band "
        "marks the smallest size a scan can show. Bottom: the size across in millimetres. A "
        "solid line is the measured size (live cells and dead cells not yet cleared), from "
        "12.4 mm to 3.9 mm on day 42 and 4.7 mm on day 63; a dashed line is the size of the "
        "live cells alone, which drops at each dose.")


def test_cure_says_no_cells_are_left_and_when_and_none_by_the_charts_end():
    # 4 logs a dose, 2.1 doublings a cycle: 1e9 -> 1e5 -> 4.29e5 -> 42.9 -> 184 -> 0.018
    # on day 42: fewer than one cell, gone. On day 147 the dead cells left are about
    # 1e9 / 2^21 = 477 (21 half-lives after day 0; later doses killed far fewer):
    # 12.407 x (4.8e-7)^(1/3) = 0.097 mm -> "0.1 mm".
    state = compute(LogKillValues(log_kill_per_dose=4.0, doubling_time_days=10.0,
                                  cycle_length_days=21, cycles=6, start_cells=1e9))
    assert caption(state) == (
        "After 6 cycles no cancer cells are left (all gone by day 42). In this model that is "
        "a cure; in real life, doctors cannot count single cells, so they watch with "
        "follow-up visits. None grow back in the 21 days after the course: on day 147, the "
        "end of the chart, there are still none; the dead cells not yet cleared measure "
        "0.1 mm across. " + LAG + " " + SHRINKS)
    assert "is at no cells left on day 126 when the course ends" in alt_text(state)
    assert "from 12.4 mm to 0.2 mm on day 126 and 0.1 mm on day 147" in alt_text(state)


def test_half_kill_against_one_doubling_holds_steady_then_regrows_past_the_start():
    # Grown log10 2 and killed log10 2 a cycle: net 0. Crowding costs a little: the cells
    # average about 7.2e8 (between 5e8 and 1e9), so growth is slower by 7.2e-4 of
    # r = ln2/21 = 0.033 a day, over 126 days 0.003 (natural log): 0.3% fewer.
    # Measured on day 126: each dose killed about 5e8, so the dead left are
    # 5e8 x (1/8 + 1/64 + ... + 1/8^6) = 7.14e7: 1.0685e9 cells, 12.407 x 1.0223 = 12.7 mm.
    # One more cycle with no dose doubles the cells: about 2 billion, past the start;
    # measured 1.994e9 + 7.14e7 / 8 = 2.003e9 cells: 12.407 x 1.2606 = 15.6 mm.
    state = compute(LogKillValues(log_kill_per_dose=LOG2, doubling_time_days=21.0,
                                  cycle_length_days=21, cycles=6, start_cells=1e9))
    assert caption(state) == (
        "After 6 cycles (day 126) the tumour holds about 1 billion cells, 0.3% fewer than "
        "at the start; it measures 12.7 mm across (12.4 mm at the start). With no more doses "
        "the cells grow back: by day 147, the end of the chart, 21 days after the last "
        "cycle, there are about 2 billion cells, <b>more than at the start</b> (15.6 mm "
        "across). " + LAG + " " + STEADY)
    assert "each killing 50% of the cells" in alt_text(state)


def test_no_kill_says_no_lag():
    state = compute(LogKillValues(log_kill_per_dose=0.0, cycles=1))
    assert "lags" not in caption(state)
    assert state.diameter_mm == pytest.approx(state.live_diameter_mm)


def _with(end_cells, end_mm, **changes):
    """The two-cycle state with a different end (1e9 cells, 12.4 mm at the start)."""
    return dataclasses.replace(_two_cycles(), end_cells=end_cells, end_mm=end_mm, **changes)


@pytest.mark.parametrize("end_cells, end_mm, words", [
    # 5e8 / 1e9 - 1 = -0.5
    (5e8, 9.8, "about 500 million cells, 50% fewer than at the start; it measures 9.8 mm "
               "across (12.4 mm at the start)."),
    # 1e9 / 1e9 - 1 = 0: no change, said as plain_words says it
    (1e9, 12.4, f"about 1 billion cells, {change_from_start(0.0)};"),
    # 1.4e9 / 1e9 - 1 = 0.4
    (1.4e9, 13.9, "about 1.4 billion cells, 40% more than at the start;"),
    # 2.46e9 / 1e9 = 2.46 -> one decimal below ten
    (2.46e9, 16.8, "about 2.5 billion cells, about 2.5 times as many as at the start;"),
    # 1.2e10 / 1e9 = 12 -> whole numbers from ten up
    (1.2e10, 28.4, "about 12 billion cells, about 12 times as many as at the start;"),
])
def test_direction_and_size_of_the_change(end_cells, end_mm, words):
    assert words in caption(_with(end_cells, end_mm))


@pytest.mark.parametrize("chart_end_cells, words", [
    # Below the start when the course ended (6.4e6) and above it on the chart's last day:
    # regrown past the start, said in bold.
    (2e9, "by day 63, the end of the chart, 21 days after the last cycle, there are about "
          "2 billion cells, <b>more than at the start</b> (4.7 mm across)."),
    # Still below the start: 4e8 / 1e9 - 1 = -0.6.
    (4e8, "By day 63, the end of the chart, 21 days after the last cycle, there are about "
          "400 million cells, 60% fewer than at the start (4.7 mm across)."),
    # Exactly the start is not "more than at the start".
    (1e9, f"there are about 1 billion cells, {change_from_start(0.0)} (4.7 mm across)."),
])
def test_the_charts_last_day_is_told_with_regrowth_past_the_start(chart_end_cells, words):
    state = dataclasses.replace(_two_cycles(), chart_end_cells=chart_end_cells)
    assert words in caption(state)
    assert ("more than at the start</b>" in caption(state)) == state.regrew_past_start


def test_course_ending_above_the_start_is_not_called_regrowth_past_it():
    # Grew during the course (1.4e9 on day 42) and more after: no "grow back" sentence.
    state = dataclasses.replace(_two_cycles(), end_cells=1.4e9, chart_end_cells=3e9)
    assert "grow back" not in caption(state)
    assert "By day 63, the end of the chart, 21 days after the last cycle, there are about 3 " \
           "billion cells, about 3 times as many as at the start" in caption(state)


@pytest.mark.parametrize("net, sentence", [(0.5, GROWS), (-0.5, SHRINKS), (0.0, STEADY)])
def test_trend_sentence_follows_the_net_change(net, sentence):
    state = _with(1e9, 12.4, net_logs_per_cycle=net)
    assert caption(state).endswith(sentence)
    others = {GROWS, SHRINKS, STEADY} - {sentence}
    assert not any(other in caption(state) for other in others)


def test_one_cycle_is_singular():
    state = _with(1e9, 12.4, values=LogKillValues(cycles=1), end_day=21)
    assert caption(state).startswith("After 1 cycle (day 21) the tumour holds")
    assert "1 dose, one every 21 days" in alt_text(state)
    gone = dataclasses.replace(state, end_cells=0.0, gone_day=30)
    assert caption(gone).startswith(
        "After 1 cycle no cancer cells are left (all gone by day 30).")
    many = _with(1e9, 12.4, values=LogKillValues(cycles=12))
    assert caption(many).startswith("After 12 cycles (day 42)")
    assert "12 doses, one every 21 days" in alt_text(many)


def _caption_end_day(text: str) -> int:
    """The day the caption says the chart ends on ("day N, the end of the chart")."""
    match = re.search(r"day (\d+), the end of the chart", text)
    assert match is not None, text
    return int(match.group(1))


@pytest.mark.parametrize("values", [
    LogKillValues(),
    LogKillValues(cycles=1, cycle_length_days=14),
    LogKillValues(cycles=12, cycle_length_days=28, doubling_time_days=60.0),
    LogKillValues(log_kill_per_dose=4.0, doubling_time_days=10.0),  # a cure
    LogKillValues(log_kill_per_dose=0.0, doubling_time_days=2.0, start_cells=1e10),
    LogKillValues(log_kill_per_dose=LOG2, doubling_time_days=10.0),
    *(preset.values for preset in PRESETS.values()),
])
def test_the_caption_ends_on_the_charts_last_day(values):
    state = compute(values)
    text = caption(state)
    assert _caption_end_day(text) == state.days[-1] == state.days_shown[1]
    # Regrowth past the start is said exactly when the chart shows it.
    assert ("more than at the start</b>" in text) == (
        state.total_cells[-1] > state.start_cells > state.end_cells)


@pytest.mark.parametrize("log_kill, label", [
    (0.0, "0% (no effect)"),  # 1 - 10^0 = 0
    (LOG2, "50%"),  # 1 - 10^-0.301 = 1 - 1/2
    (1.0, "90% (1 log)"),  # 1 - 0.1
    (2.0, "99% (2 logs)"),
    (3.0, "99.9% (3 logs)"),
    (4.0, "99.99% (4 logs)"),
])
def test_log_kill_labels(log_kill, label):
    assert log_kill_label(log_kill) == label


@pytest.mark.parametrize("cells, label", [
    # 1e8 cells = 0.1 cm3: 12.407 x 0.1^(1/3) = 5.76 mm -> "6 mm"
    (1e8, "6 mm across"),
    (1e9, "12 mm across"),
    # 1e10 cells = 10 cm3: 12.407 x 10^(1/3) = 26.7 mm -> "27 mm"
    (1e10, "27 mm across"),
])
def test_start_cells_labels(cells, label):
    assert start_cells_label(cells) == label


def test_cycle_length_labels():
    assert [cycle_length_label(d) for d in (14, 21, 28)] == ["14 days", "21 days", "28 days"]
    assert cycle_length_label(1) == "1 day"
