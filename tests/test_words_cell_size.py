"""Lesson 01, cells and size: the words, against sentences worked out by hand.

Sizes by hand: 1e9 cells = 1 cm3, a sphere (6/pi)^(1/3) cm = 12.407 mm across;
the diameter goes with the cube root of the cells, so a share ``left`` of the
cells leaves ``left^(1/3)`` of the diameter.
"""

import pytest

from helpers.lessons.cell_size import CellSizeState, CellSizeValues, compute
from helpers.words.cell_size import alt_text, caption, killed_label, start_cells_label

CUBE_ROOT_NOTE = ("Size across follows the cube root of the number of cells, so it always "
                  "falls by a smaller share than the cells do.")


def short_of_response(killed):
    return (f"short of the 30% a scan report calls a partial response. A scan can look only a "
            f"little better while {killed} of the cells have died. ")


def response(killed):
    return (f"enough for a scan report to call it a partial response (30% or more smaller "
            f"across). It took killing {killed} of the cells to get there. ")


def test_half_killed():
    # 0.5^(1/3) = 0.7937: 12.407 -> 9.85 mm ("9.8"), 20.6% smaller ("21%").
    state = compute(CellSizeValues(killed_percent=50, start_cells=1e9))
    assert caption(state) == (
        "Killing 50% of about 1 billion cells leaves about 500 million. The diameter goes "
        "from 12.4 mm to 9.8 mm: only 21% smaller, " + short_of_response("50%")
        + CUBE_ROOT_NOTE)
    assert alt_text(state) == (
        "Left: a dashed circle 12.4 mm across (before) and a filled circle 9.8 mm across "
        "(after), drawn to scale. Right: a curve of diameter change against the share of "
        "cells killed; it stays shallow until most cells are gone. A dashed line across it "
        "marks 30% smaller, what a scan report calls a partial response. A dot marks 50% "
        "killed, 21% smaller.")


def test_none_killed_keeps_everything():
    state = compute(CellSizeValues(killed_percent=0, start_cells=1e9))
    assert caption(state) == ("No cells killed: the tumour keeps all of its cells (about 1 "
                              "billion) and its 12.4 mm diameter.")
    # Same circle before and after.
    assert "a filled circle 12.4 mm across" in alt_text(state)


def test_none_killed_alt_text_says_no_change_without_a_minus_sign():
    # 0% killed leaves the diameter as it was: 0% smaller, not "-0% smaller".
    state = compute(CellSizeValues(killed_percent=0, start_cells=1e9))
    assert alt_text(state).endswith("A dot marks 0% killed, 0% smaller.")


def test_nearly_all_killed_from_the_largest_start():
    # 99.9% of 1e10 killed leaves 1e7 ("about 10 million"); 0.001^(1/3) = 0.1:
    # 26.73 mm -> 2.67 mm ("26.7" to "2.7"), 90% smaller: past the 30% line, so no "only".
    state = compute(CellSizeValues(killed_percent=99.9, start_cells=1e10))
    assert caption(state) == (
        "Killing 99.9% of about 10 billion cells leaves about 10 million. The diameter goes "
        "from 26.7 mm to 2.7 mm: 90% smaller, " + response("99.9%") + CUBE_ROOT_NOTE)


def test_ninety_nine_percent_killed_is_a_big_change_not_only_a_little():
    # The case: 0.01^(1/3) = 0.215, so 78.5% smaller ("78%"); 12.407 -> 2.67 mm.
    state = compute(CellSizeValues(killed_percent=99, start_cells=1e9))
    text = caption(state)
    assert text == (
        "Killing 99% of about 1 billion cells leaves about 10 million. The diameter goes "
        "from 12.4 mm to 2.7 mm: 78% smaller, " + response("99%") + CUBE_ROOT_NOTE)
    assert "only" not in text and "a little" not in text


def test_two_thirds_killed_just_reaches_a_partial_response():
    # 0.34^(1/3) = 0.6980: 30.2% smaller, at or past the 30% line.
    state = compute(CellSizeValues(killed_percent=66, start_cells=1e9))
    assert state.reads_as_partial_response
    assert ": 30% smaller, enough for a scan report" in caption(state)
    # Half killed: 20.6% smaller, short of it.
    assert not compute(CellSizeValues(killed_percent=50)).reads_as_partial_response


def test_few_killed_from_the_smallest_start():
    # 10% of 1e8 killed leaves 9e7; 0.9^(1/3) = 0.9655: 5.76 mm -> 5.56 mm, 3.5% smaller ("3%").
    state = compute(CellSizeValues(killed_percent=10, start_cells=1e8))
    assert caption(state) == (
        "Killing 10% of about 100 million cells leaves about 90 million. The diameter goes "
        "from 5.8 mm to 5.6 mm: only 3% smaller, " + short_of_response("10%")
        + CUBE_ROOT_NOTE)


def test_words_from_a_state_built_directly():
    # Numbers chosen by hand: two thirds killed of 1e9, 12.4 -> 8.6 mm, 30.6% smaller.
    state = CellSizeState(values=CellSizeValues(killed_percent=66, start_cells=1e9),
                          end_cells=3.4e8, start_mm=12.4, end_mm=8.6, diameter_change=-0.306)
    assert caption(state).startswith(
        "Killing 66% of about 1 billion cells leaves about 340 million. The diameter goes "
        "from 12.4 mm to 8.6 mm: 31% smaller, enough for a scan report")
    assert alt_text(state).endswith("A dot marks 66% killed, 31% smaller.")


def test_just_short_of_the_line_keeps_a_decimal():
    # 12.4 -> 8.7 mm is 29.8% smaller: short of 30%, so "30% smaller, short of the 30%"
    # would contradict itself; said to a tenth instead.
    state = CellSizeState(values=CellSizeValues(killed_percent=66, start_cells=1e9),
                          end_cells=3.4e8, start_mm=12.4, end_mm=8.7, diameter_change=-0.298)
    assert not state.reads_as_partial_response
    assert "only 29.8% smaller, short of the 30%" in caption(state)


@pytest.mark.parametrize("percent_killed, label", [
    (0, "0%"), (50, "50%"), (66, "66%"), (99.9, "99.9%")])
def test_killed_labels(percent_killed, label):
    assert killed_label(percent_killed) == label


@pytest.mark.parametrize("cells, label", [
    (1e8, "100 million"), (1e9, "1 billion"), (1e10, "10 billion")])
def test_start_cells_labels(cells, label):
    assert start_cells_label(cells) == label
