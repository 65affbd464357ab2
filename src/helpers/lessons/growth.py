"""Lesson 00, untreated growth: a practice panel for sliders, examples and reset.

A tumour of ``CELLS_AT_START_SMALL`` cells (about 12 mm across) grows with no
treatment for ``months_shown`` months, doubling every ``doubling_time_days``
days while small, under one of the growth laws of ``models.growth``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..checks import Record, check_instance
from ..models.growth import (
    GROWTH_LAWS,
    doubling_time_days_to_rate_per_day,
    doublings_to_reach,
    grow,
)
from ..models.size import cells_to_diameter_mm
from ..scenarios.teaching_values import (
    CARRYING_CAPACITY_CELLS,
    CELLS_AT_START_SMALL,
    DAYS_PER_MONTH,
)
from .presets import Preset, check_offered, check_whole, read_only

__all__ = ["DOUBLING_TIME_RANGE_DAYS", "GROWTH_LAW_CHOICES", "MONTHS_SHOWN_RANGE",
           "CARRYING_CAPACITY_CELLS", "GrowthValues", "GrowthState", "compute", "PRESETS"]

#: Doubling times the slider offers (whole days, inclusive).
DOUBLING_TIME_RANGE_DAYS: tuple[int, int] = (2, 200)
#: Growth laws the menu offers, in menu order.
GROWTH_LAW_CHOICES: tuple[str, ...] = GROWTH_LAWS
#: Months the chart can show (whole months, inclusive).
MONTHS_SHOWN_RANGE: tuple[int, int] = (1, 24)


@dataclass(frozen=True)
class GrowthValues:
    """The controls: doubling time (days), growth law, and months shown."""

    doubling_time_days: int = 30
    growth_law: str = "exponential"
    months_shown: int = 6

    def __post_init__(self) -> None:
        # Whole numbers stored as int, so words say "30 days", not "30.0 days".
        object.__setattr__(self, "doubling_time_days",
                           check_whole("doubling_time_days", self.doubling_time_days,
                                       DOUBLING_TIME_RANGE_DAYS))
        check_offered("growth_law", self.growth_law, GROWTH_LAW_CHOICES)
        object.__setattr__(self, "months_shown",
                           check_whole("months_shown", self.months_shown, MONTHS_SHOWN_RANGE))


@dataclass(frozen=True)
class GrowthState(Record):
    """An untreated tumour, day by day.

    Attributes:
        values: the control values this state was computed from.
        days: days from now, 0 to the last day shown, one per day.
        cells: cancer cells on each day, capped at ``capacity_cells``.
        diameter_mm: diameter (mm) on each day.
        capped: True if steady doubling would pass ``capacity_cells`` (the chart stops there).
        capacity_cells: the most cells the chart shows (about 1 kg of tumour).
        capacity_mm: the diameter (mm) of ``capacity_cells``.
        doublings_from_one_cell: whole doublings (rounded up) from one cell to the start size.
        days_from_one_cell: days those doublings take at the steady doubling time.
        capped_day: the first day steady doubling reaches ``capacity_cells`` (from then on
            the chart is flat at the cap); None if it is not capped.
    """

    values: GrowthValues
    days: np.ndarray
    cells: np.ndarray
    diameter_mm: np.ndarray
    capped: bool
    capacity_cells: float
    capacity_mm: float
    doublings_from_one_cell: int
    days_from_one_cell: float
    capped_day: int | None = None

    @property
    def days_shown(self) -> int:
        """The last day on the chart."""
        return int(self.days[-1])

    @property
    def start_cells(self) -> float:
        return float(self.cells[0])

    @property
    def end_cells(self) -> float:
        return float(self.cells[-1])

    @property
    def start_mm(self) -> float:
        return float(self.diameter_mm[0])

    @property
    def end_mm(self) -> float:
        return float(self.diameter_mm[-1])


def compute(values: GrowthValues) -> GrowthState:
    """Cells and diameter each day for ``values.months_shown`` months with no treatment."""
    check_instance("values", values, GrowthValues)
    days = np.arange(0, round(values.months_shown * DAYS_PER_MONTH) + 1, dtype=float)
    rate = doubling_time_days_to_rate_per_day(values.doubling_time_days)
    cells = grow(CELLS_AT_START_SMALL, days, growth_rate_per_day=rate, law=values.growth_law,
                 carrying_capacity_cells=CARRYING_CAPACITY_CELLS)
    # Steady doubling has no limit of its own; stop the chart where no real
    # tumour in one place gets to, rather than draw a metre-wide one.
    capped = bool(cells[-1] > CARRYING_CAPACITY_CELLS)
    capped_day = int(days[np.argmax(cells >= CARRYING_CAPACITY_CELLS)]) if capped else None
    cells = np.minimum(cells, CARRYING_CAPACITY_CELLS)
    doublings = doublings_to_reach(CELLS_AT_START_SMALL)
    return GrowthState(
        values=values, days=read_only(days), cells=read_only(cells),
        diameter_mm=read_only(cells_to_diameter_mm(cells)),
        capped=capped, capacity_cells=CARRYING_CAPACITY_CELLS,
        capacity_mm=float(cells_to_diameter_mm(CARRYING_CAPACITY_CELLS)),
        doublings_from_one_cell=math.ceil(doublings),
        days_from_one_cell=doublings * values.doubling_time_days,
        capped_day=capped_day,
    )


PRESETS: dict[str, Preset[GrowthValues]] = {
    "Fast-growing cancer": Preset(
        GrowthValues(doubling_time_days=7, growth_law="exponential", months_shown=2),
        "Some cancers double in days. In two months the cells multiply hundreds of times."),
    "Slow-growing cancer": Preset(
        GrowthValues(doubling_time_days=150, growth_law="exponential", months_shown=12),
        "Many cancers double only every few months: a year brings a modest change."),
    "Crowding slows growth": Preset(
        GrowthValues(doubling_time_days=10, growth_law="gompertz", months_shown=12),
        "As a tumour fills its space and outgrows its blood supply, its growth slows down."),
}
