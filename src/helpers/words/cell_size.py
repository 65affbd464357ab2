"""Lesson 01, cells and size: the caption and alt text."""

from __future__ import annotations

from ..lessons.cell_size import CellSizeState
from ..plain_words import cells_in_words, cells_label, percent

__all__ = ["caption", "alt_text", "killed_label", "start_cells_label"]


def killed_label(killed_percent: float) -> str:
    """The control's label for a share killed: 99.9 -> '99.9%'."""
    return f"{killed_percent:g}%"


#: The control's label for a starting size: 1e9 -> '1 billion'.
start_cells_label = cells_label


def caption(state: CellSizeState) -> str:
    start = state.values.start_cells
    if state.values.killed_percent == 0:
        return (f"No cells killed: the tumour keeps its {cells_in_words(start)} cells and its "
                f"{state.start_mm:.1f} mm diameter.")
    return (
        f"Killing {percent(state.killed_fraction)} of {cells_in_words(start)} cells leaves "
        f"{cells_in_words(state.end_cells)}. The diameter goes from {state.start_mm:.1f} mm to "
        f"{state.end_mm:.1f} mm: only {percent(-state.diameter_change)} smaller. Size across "
        "follows the cube root of the number of cells, so a scan can look only a little "
        "better while many cells have died."
    )


def alt_text(state: CellSizeState) -> str:
    return (
        f"Left: a dashed circle {state.start_mm:.1f} mm across (before) and a filled circle "
        f"{state.end_mm:.1f} mm across (after), drawn to scale. Right: a curve of diameter "
        "change against the share of cells killed; it stays shallow until most cells are "
        f"gone. A dot marks {percent(state.killed_fraction)} killed, "
        f"{percent(abs(state.diameter_change))} smaller."
    )
