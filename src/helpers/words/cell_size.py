"""Lesson 01, cells and size: the caption and alt text."""

from __future__ import annotations

from ..checks import check_instance, check_number
from ..clinic.response import PARTIAL_RESPONSE_CHANGE
from ..lessons.cell_size import CellSizeState
from ..plain_words import cells_in_words, cells_label, percent

__all__ = ["caption", "alt_text", "killed_label", "start_cells_label"]


def killed_label(killed_percent: float) -> str:
    """The control's label for a share killed: 99.9 -> '99.9%'."""
    killed_percent = check_number("killed_percent", killed_percent, minimum=0, maximum=100)
    return f"{killed_percent:g}%"


#: The control's label for a starting size: 1e9 -> '1 billion'.
start_cells_label = cells_label


#: What a scan report calls a partial response, in words ("30%"): from the clinic's rule.
_PARTIAL_RESPONSE_WORDS = percent(-PARTIAL_RESPONSE_CHANGE)
#: Why the diameter lags: true at every share killed (the cube root of a share below
#: one is always larger than the share, so the diameter falls by a smaller share).
_CUBE_ROOT = ("Size across follows the cube root of the number of cells, so it always falls "
              "by a smaller share than the cells do.")


def caption(state: CellSizeState) -> str:
    """What the kill leaves, how much smaller the diameter is, and what a scan would make
    of it: "only" and "a little" only for a shrink short of a partial response."""
    check_instance("state", state, CellSizeState)
    start = state.values.start_cells
    if state.values.killed_percent == 0:
        return (f"No cells killed: the tumour keeps all of its cells ({cells_in_words(start)}) "
                f"and its {state.start_mm:.1f} mm diameter.")
    killed = percent(state.killed_fraction)
    smaller = percent(-state.diameter_change)
    text = (f"Killing {killed} of {cells_in_words(start)} cells leaves "
            f"{cells_in_words(state.end_cells)}. The diameter goes from {state.start_mm:.1f} mm "
            f"to {state.end_mm:.1f} mm: ")
    if state.reads_as_partial_response:
        return text + (
            f"{smaller} smaller, enough for a scan report to call it a partial response "
            f"({_PARTIAL_RESPONSE_WORDS} or more smaller across). It took killing {killed} of "
            f"the cells to get there. {_CUBE_ROOT}")
    if smaller == _PARTIAL_RESPONSE_WORDS:
        # Just short of the line: "30% smaller, short of the 30%" would read as a mistake.
        smaller = percent(-state.diameter_change, digits=1)
    return text + (
        f"only {smaller} smaller, short of the {_PARTIAL_RESPONSE_WORDS} a scan report calls "
        f"a partial response. A scan can look only a little better while {killed} of the "
        f"cells have died. {_CUBE_ROOT}")


def alt_text(state: CellSizeState) -> str:
    check_instance("state", state, CellSizeState)
    return (
        f"Left: a dashed circle {state.start_mm:.1f} mm across (before) and a filled circle "
        f"{state.end_mm:.1f} mm across (after), drawn to scale. Right: a curve of diameter "
        "change against the share of cells killed; it stays shallow until most cells are "
        f"gone. A dashed line across it marks {_PARTIAL_RESPONSE_WORDS} smaller, what a scan "
        f"report calls a partial response. A dot marks {percent(state.killed_fraction)} killed, "
        f"{percent(abs(state.diameter_change))} smaller."
    )
