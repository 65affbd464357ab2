"""Dead cells leave the tumour mass slowly, so its measured size lags the kill.

Governing equations, for live cells N(t) and dead cells not yet cleared D(t)::

    D(t_d+) = D(t_d-) + (N(t_d-) - N(t_d+))   on dose day t_d: the cells the dose killed
    dD/dt   = -(ln 2 / h) D                   between samples: D halves every h days
    measured size: d = diameter of a sphere of N + D cells (see ``size``)

with h the clearance half-life (days). h = 0 means dead cells leave at once:
D stays 0 and the measured size is the size of the live cells alone (the
instant drop of the older model, exactly).

Units: time in days, cells as counts, half-life in days.

The model, in words:

- A dose kills a share of the cells at once (``clones``), but killed cells do
  not vanish: they stay in the mass, as dead and dying tissue, until the body
  clears them away.
- The dead mass leaves steadily: half of it is gone after one half-life,
  three quarters after two, seven eighths after three.
- A scan sees the whole mass: live cells plus dead cells not yet cleared. So
  right after a dose the tumour measures about what it did before, and it
  shrinks over the next weeks towards the size of its live cells.
- Dead cells take no part in growth: they neither divide nor crowd the live
  cells (``clones`` grows the live cells alone).

Time grid: ``days`` is the grid of ``clones.simulate`` and ``lesions``:
rising, with each dose day stored twice (just before, then just after the
dose). A fall of the live cells between the two samples of one day is the
dose's kill; that is how this module knows what each dose killed.

Left out: scar tissue and fluid that never clear (a residual mass), swelling
(see ``clinic.scans.Swelling``), different clearance in different organs,
cells that die slowly over days after a dose. The default half-life is a
teaching value; see docs/model.md.
"""

from __future__ import annotations

import math

import numpy as np

from ..checks import DAY_RANGE, MAX_CELLS_ANYWHERE, check_array, check_number

__all__ = [
    "DEFAULT_CLEARANCE_HALF_LIFE_DAYS",
    "MAX_CLEARANCE_HALF_LIFE_DAYS",
    "check_clearance_half_life",
    "dead_cells",
    "measured_cells",
]

#: Days for half of the dead cells to be cleared from the mass. A teaching value
#: (docs/model.md): real tumours shrink over days to weeks after a dose.
DEFAULT_CLEARANCE_HALF_LIFE_DAYS = 7.0
#: The longest half-life accepted (days): a year.
MAX_CLEARANCE_HALF_LIFE_DAYS = 365.0


def check_clearance_half_life(clearance_half_life_days: object) -> float:
    """``clearance_half_life_days`` as a float in [0, 365], or a ValueError that names it."""
    return check_number("clearance_half_life_days", clearance_half_life_days, minimum=0.0,
                        maximum=MAX_CLEARANCE_HALF_LIFE_DAYS)


def _grid(days: object, live_cells: object) -> tuple[np.ndarray, np.ndarray]:
    """The checked time grid (1-D) and live cells (rows x samples, 2-D)."""
    # Rising; a dose day may repeat.
    grid = check_array("days", days, minimum=DAY_RANGE[0], maximum=DAY_RANGE[1], rising=True)
    cells = check_array("live_cells", live_cells, minimum=0.0, maximum=MAX_CELLS_ANYWHERE,
                        ndim=None)
    rows = cells.reshape(1, -1) if cells.ndim == 1 else cells
    if rows.ndim != 2 or rows.shape[1] != grid.size:
        raise ValueError(f"live_cells must have one value per day ({grid.size}) in each row; "
                         f"got shape {cells.shape}")
    return grid, rows


# Why plain floats, row by row: a numpy operation per step costs microseconds, and a
# course has hundreds of steps, which made this the dearest part of a lesson's model.
# The rows are a patient's lesions (at most ``lesions.MAX_LESIONS``), or one.


def _dead_row(live: list[float], kept: list[float], same_day: list[bool]) -> list[float]:
    """One row's dead mass at each sample (see ``dead_cells``), in plain floats."""
    dead = [0.0] * len(live)
    mass = 0.0
    for i in range(1, len(live)):
        mass = mass * kept[i - 1]
        if same_day[i - 1]:
            # The dose's kill. A rise on one day (a lesion seeded that day) kills nothing.
            mass += max(live[i - 1] - live[i], 0.0)
        dead[i] = mass
    return dead


def dead_cells(days, live_cells, clearance_half_life_days: float = DEFAULT_CLEARANCE_HALF_LIFE_DAYS
               ) -> np.ndarray:
    """Dead cells still in the mass at every sample (same shape as ``live_cells``).

    Args:
        days: the time grid (days), rising, each dose day twice (before, after).
        live_cells: live cells on that grid; one row, or one row per lesion.
        clearance_half_life_days: days for half of the dead cells to clear (0 to 365;
            0 = at once, so there are never any).

    A fall in live cells between the two samples of one day is what that
    dose killed: it joins the dead mass. Between samples the dead mass halves
    every ``clearance_half_life_days`` (solved exactly, not stepped).
    """
    half_life = check_clearance_half_life(clearance_half_life_days)
    grid, rows = _grid(days, live_cells)
    dead = np.zeros_like(rows)
    if half_life > 0:
        # Fraction of the dead mass left after each step of the grid.
        kept = np.exp(-math.log(2.0) / half_life * np.diff(grid))
        same_day = np.diff(grid) == 0
        steps, doses = kept.tolist(), same_day.tolist()
        for row, out in zip(rows, dead, strict=True):
            out[:] = _dead_row(row.tolist(), steps, doses)
    result = dead if np.ndim(live_cells) == 2 else dead[0]
    result.flags.writeable = False
    return result


def measured_cells(days, live_cells,
                   clearance_half_life_days: float = DEFAULT_CLEARANCE_HALF_LIFE_DAYS
                   ) -> np.ndarray:
    """Live cells plus dead cells not yet cleared: what a scan's size stands for."""
    live = check_array("live_cells", live_cells, minimum=0.0, maximum=MAX_CELLS_ANYWHERE,
                       ndim=None)
    total = live + dead_cells(days, live, clearance_half_life_days)
    total.flags.writeable = False
    return total
