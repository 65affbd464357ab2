"""Lesson 01 words: the caption, alt text and option labels, against hand-worked sentences.

Sizes by hand: 1e9 cells = 1 cm3, a sphere (6/pi)^(1/3) cm = 12.407 mm across;
the diameter goes with the cube root of the cells.
"""

import dataclasses
import math

import pytest

from helpers.lessons.log_kill import LogKillValues, compute
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


def _two_cycles():
    return compute(LogKillValues(log_kill_per_dose=2.0, doubling_time_days=7.0,
                                 cycle_length_days=21, cycles=2, start_cells=1e9))


def test_two_cycles_of_two_logs():
    state = _two_cycles()
    # 1e9 -> 1e7 (day 0) -> x8 = 8e7 (day 21) -> 8e5 -> x8 = 6.4e6 (day 42).
    # 6.4e6 / 1e9 = 0.0064: 99.36% fewer -> "99.4%". 12.407 x 0.0064^(1/3) = 2.30 mm.
    assert caption(state) == (
        "After 2 cycles (day 42) the tumour holds about 6.4 million cells, 99.4% fewer than "
        "at the start. Its diameter went from 12.4 mm to 2.3 mm. " + SHRINKS)
    # Untreated to day 63 (logistic): e^(r t) = 2^9 = 512; 1e12 / (1 + 999/512) = 3.39e11.
    assert alt_text(state) == (
        "Two charts over 63 days. Top: cancer cells on a log scale. 2 doses, one every 21 "
        "days, each killing 99% (2 logs) of the cells, give a saw-tooth line: a drop at each "
        "dose, a climb between doses. It starts at about 1 billion cells and is at about 6.4 "
        "million on day 42. A dotted line shows the untreated tumour reaching about 340 "
        "billion cells. A grey band marks the smallest size a scan can show. Bottom: the "
        "diameter in millimetres, from 12.4 to 2.3 mm.")


def test_cure_says_no_cells_are_left_and_when():
    # 4 logs a dose, 2.1 doublings a cycle: 1e9 -> 1e5 -> 4.29e5 -> 42.9 -> 184 -> 0.018
    # on day 42: fewer than one cell, gone.
    state = compute(LogKillValues(log_kill_per_dose=4.0, doubling_time_days=10.0,
                                  cycle_length_days=21, cycles=6, start_cells=1e9))
    assert caption(state) == (
        "After 6 cycles no cancer cells are left (all gone by day 42). In this model that is "
        "a cure; in real life, doctors cannot count single cells, so they watch with "
        "follow-up visits. " + SHRINKS)
    assert "is at no cells left on day 126" in alt_text(state)
    assert "from 12.4 to 0.0 mm" in alt_text(state)


def test_half_kill_against_one_doubling_holds_steady():
    # Grown log10 2 and killed log10 2 a cycle: net 0. Crowding costs a little: the cells
    # average about 7.2e8 (between 5e8 and 1e9), so growth is slower by 7.2e-4 of
    # r = ln2/21 = 0.033 a day, over 126 days 0.003 (natural log): 0.3% fewer.
    state = compute(LogKillValues(log_kill_per_dose=LOG2, doubling_time_days=21.0,
                                  cycle_length_days=21, cycles=6, start_cells=1e9))
    assert caption(state) == (
        "After 6 cycles (day 126) the tumour holds about 1 billion cells, 0.3% fewer than "
        "at the start. Its diameter went from 12.4 mm to 12.4 mm. " + STEADY)
    assert "each killing 50% of the cells" in alt_text(state)


def _with(end_cells, end_mm, **changes):
    """The two-cycle state with a different end (1e9 cells, 12.4 mm at the start)."""
    return dataclasses.replace(_two_cycles(), end_cells=end_cells, end_mm=end_mm, **changes)


@pytest.mark.parametrize("end_cells, end_mm, words", [
    # 5e8 / 1e9 - 1 = -0.5
    (5e8, 9.8, "about 500 million cells, 50% fewer than at the start. Its diameter went from "
               "12.4 mm to 9.8 mm."),
    # 1e9 / 1e9 - 1 = 0: no change is said as "0% more"
    (1e9, 12.4, "about 1 billion cells, 0% more than at the start."),
    # 1.4e9 / 1e9 - 1 = 0.4
    (1.4e9, 13.9, "about 1.4 billion cells, 40% more than at the start."),
    # 2.46e9 / 1e9 = 2.46 -> one decimal below ten
    (2.46e9, 16.8, "about 2.5 billion cells, about 2.5 times as many as at the start."),
    # 1.2e10 / 1e9 = 12 -> whole numbers from ten up
    (1.2e10, 28.4, "about 12 billion cells, about 12 times as many as at the start."),
])
def test_direction_and_size_of_the_change(end_cells, end_mm, words):
    assert words in caption(_with(end_cells, end_mm))


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


@pytest.mark.parametrize("log_kill, label", [
    (0.0, "0% (the drug does nothing)"),  # 1 - 10^0 = 0
    (LOG2, "50%"),  # 1 - 10^-0.301 = 1 - 1/2
    (1.0, "90% (1 log)"),  # 1 - 0.1
    (2.0, "99% (2 logs)"),
    (3.0, "99.9% (3 logs)"),
    (4.0, "99.99% (4 logs)"),
])
def test_log_kill_labels(log_kill, label):
    assert log_kill_label(log_kill) == label


@pytest.mark.parametrize("cells, label", [
    # 1e8 cells = 0.1 cm3: 12.407 x 0.1^(1/3) = 5.76 mm -> "about 6 mm"
    (1e8, "about 6 mm (100 million cells)"),
    (1e9, "about 12 mm (1 billion cells)"),
    # 1e10 cells = 10 cm3: 12.407 x 10^(1/3) = 26.7 mm -> "about 27 mm"
    (1e10, "about 27 mm (10 billion cells)"),
])
def test_start_cells_labels(cells, label):
    assert start_cells_label(cells) == label


def test_cycle_length_labels():
    assert [cycle_length_label(d) for d in (14, 21, 28)] == ["14 days", "21 days", "28 days"]
    assert cycle_length_label(1) == "1 day"
