"""The models: pure functions and frozen dataclasses, no plotting, no widgets.

- ``growth``: growth laws and doubling times.
- ``size``: cells, volume and diameter.
- ``treatment``: the chemotherapy schedule and dose intensity.
- ``clones``: sensitive and resistant clones under treatment (``simulate``).
- ``clearance``: dead cells leaving the mass slowly (measured size lags the kill).
"""

from .clearance import DEFAULT_CLEARANCE_HALF_LIFE_DAYS, dead_cells, measured_cells
from .clones import Clone, SimulationResult, simulate
from .growth import (
    GROWTH_LAWS,
    crowding_factor,
    doubling_time_days_to_rate_per_day,
    doublings_to_reach,
    grow,
    rate_per_day_to_doubling_time_days,
)
from .size import (
    DEFAULT_CELLS_PER_CM3,
    cell_change_for_diameter_change,
    cells_to_diameter_mm,
    cells_to_volume_cm3,
    diameter_change_for_cell_change,
    diameter_mm_to_cells,
    volume_cm3_to_diameter_mm,
)
from .treatment import Schedule, no_treatment

__all__ = [
    "DEFAULT_CLEARANCE_HALF_LIFE_DAYS",
    "dead_cells",
    "measured_cells",
    "Clone",
    "SimulationResult",
    "simulate",
    "GROWTH_LAWS",
    "crowding_factor",
    "doubling_time_days_to_rate_per_day",
    "doublings_to_reach",
    "grow",
    "rate_per_day_to_doubling_time_days",
    "DEFAULT_CELLS_PER_CM3",
    "cell_change_for_diameter_change",
    "cells_to_diameter_mm",
    "cells_to_volume_cm3",
    "diameter_change_for_cell_change",
    "diameter_mm_to_cells",
    "volume_cm3_to_diameter_mm",
    "Schedule",
    "no_treatment",
]
