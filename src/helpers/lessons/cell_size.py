"""Lesson 01, cells and size: what killing a share of the cells does to the diameter.

A tumour of ``start_cells`` loses ``killed_percent`` of its cells; its
diameter follows the cube root of the count (``models.size``), so half the
cells gone takes only about a fifth off the diameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks import Record, check_instance
from ..clinic.response import PARTIAL_RESPONSE_CHANGE, is_partial_response
from ..models.size import cells_to_diameter_mm, diameter_change_for_cell_change
from .presets import Preset, check_offered

__all__ = ["KILLED_PERCENT_CHOICES", "START_CELLS_CHOICES", "CellSizeValues", "CellSizeState",
           "compute", "PRESETS"]

#: Shares of the cells killed that the control offers (percent).
KILLED_PERCENT_CHOICES: tuple[float, ...] = (0, 10, 25, 50, 66, 75, 90, 99, 99.9)
#: Tumour sizes at the start the control offers (cells).
START_CELLS_CHOICES: tuple[float, ...] = (1e8, 1e9, 1e10)


@dataclass(frozen=True)
class CellSizeValues:
    """The controls: percent of cells killed, and cells at the start."""

    killed_percent: float = 50
    start_cells: float = 1e9

    def __post_init__(self) -> None:
        check_offered("killed_percent", self.killed_percent, KILLED_PERCENT_CHOICES)
        check_offered("start_cells", self.start_cells, START_CELLS_CHOICES)


@dataclass(frozen=True)
class CellSizeState(Record):
    """Cells and diameters before and after the kill.

    Attributes:
        values: the control values this state was computed from.
        end_cells: cells left after the kill.
        start_mm, end_mm: diameters (mm) before and after.
        diameter_change: fractional change in diameter (-0.21 = 21% smaller).
    """

    values: CellSizeValues
    end_cells: float
    start_mm: float
    end_mm: float
    diameter_change: float

    @property
    def killed_fraction(self) -> float:
        return self.values.killed_percent / 100.0

    @property
    def partial_response_change(self) -> float:
        """The change in diameter a scan report calls a partial response (-0.3: 30%
        smaller), from the clinic's rule."""
        return PARTIAL_RESPONSE_CHANGE

    @property
    def reads_as_partial_response(self) -> bool:
        """True if a scan would call the new diameter a partial response (the clinic's
        rule, ``clinic.response``: 30% or more below the diameter before)."""
        return is_partial_response(self.end_mm, self.start_mm)


def compute(values: CellSizeValues) -> CellSizeState:
    """Cells and diameters before and after killing ``values.killed_percent`` of the cells."""
    check_instance("values", values, CellSizeValues)
    left = 1.0 - values.killed_percent / 100.0
    end = values.start_cells * left
    return CellSizeState(
        values=values, end_cells=end,
        start_mm=cells_to_diameter_mm(values.start_cells), end_mm=cells_to_diameter_mm(end),
        diameter_change=diameter_change_for_cell_change(left),
    )


PRESETS: dict[str, Preset[CellSizeValues]] = {
    "Half the cells gone": Preset(
        CellSizeValues(killed_percent=50, start_cells=1e9),
        "Half of the cells die, yet the diameter falls by only about a fifth."),
    "What a 30% smaller diameter takes": Preset(
        CellSizeValues(killed_percent=66, start_cells=1e9),
        "Scans call a tumour 30% smaller across a 'partial response'. That needs about "
        "two thirds of its cells gone."),
    "99% gone": Preset(
        CellSizeValues(killed_percent=99, start_cells=1e9),
        "Even with 99 of every 100 cells gone, the tumour is still about a fifth of its "
        "width."),
}
