"""Teaching constants shared by the lessons: their one home.

Every number here is a teaching value, chosen to be plausible for a human
tumour and to make one pattern easy to see; none describes a particular
cancer, drug or person. docs/model.md gives the reasons and sources.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CELLS_AT_START",
    "CELLS_AT_START_SMALL",
    "CYCLE_LENGTH_DAYS",
    "CYCLE_LENGTH_CHOICES_DAYS",
    "CARRYING_CAPACITY_CELLS",
    "GROWTH_LAW",
    "PLANNED_CYCLES",
    "DAYS_PER_MONTH",
]

#: Cells at the start of lessons 02 and 05: 1e10 cells is a sphere about 27 mm across.
CELLS_AT_START: Final = 1e10
#: Cells at the start of lessons 00 and 01: 1e9 cells, about 1 cm3, roughly 12 mm across.
CELLS_AT_START_SMALL: Final = 1e9
#: Days from one dose to the next (21 is a common cycle length).
CYCLE_LENGTH_DAYS: Final = 21
#: Cycle lengths the lessons offer (14, 21 and 28 days are common).
CYCLE_LENGTH_CHOICES_DAYS: Final = (14, 21, 28)
#: Room for about 1e12 cells (about 1 kg, roughly 12 cm across): far above the
#: tumours shown, so growth stays close to exponential (within 10% below about
#: 1e11 cells) and no control position draws an impossibly large tumour.
CARRYING_CAPACITY_CELLS: Final = 1e12
#: The growth law of the treatment lessons (see models.growth).
GROWTH_LAW: Final = "logistic"
#: A planned course: six cycles, a common length for a course of chemotherapy.
PLANNED_CYCLES: Final = 6
#: Average days in a month (365.25 / 12), for "months shown" controls.
DAYS_PER_MONTH: Final = 30.44
