"""Cells, volume and diameter of a tumour treated as a sphere.

Governing equations::

    V = N / rho   (cm3; rho cells per cm3, 1e9 by default)
    d = 10 mm x (6 V / pi)^(1/3),  so  d_after / d_before = (N_after / N_before)^(1/3)

Units: cells (count), volume in cm3, diameter in mm.

Ranges: 0 to 1e30 cells or cm3, 0 to 1e12 mm, a diameter change up to 1e10 (far
beyond any tumour: the growth models stop at 1e18 cells), so no cube overflows.

Simplifications: the tumour is a solid sphere of uniform density. Real
tumours are irregular, hold normal cells, fluid and dead tissue, and their
density varies (about 1e9 cells per cm3 is the usual teaching figure; some
sources use 1e8 for carcinomas). See docs/model.md.
"""

from __future__ import annotations

import math

import numpy as np

from ..checks import check_array, check_number

__all__ = [
    "DEFAULT_CELLS_PER_CM3",
    "cells_to_volume_cm3",
    "volume_cm3_to_diameter_mm",
    "cells_to_diameter_mm",
    "diameter_mm_to_cells",
    "diameter_change_for_cell_change",
    "cell_change_for_diameter_change",
]

DEFAULT_CELLS_PER_CM3 = 1e9
_MM_PER_CM = 10.0
# Ranges of the conversions: up to 1e30 cells (far above the 1e18 the growth models
# ever reach) and the sizes that go with them, so no cube here can overflow to inf.
_MAX_CELLS = 1e30
_MAX_VOLUME_CM3 = 1e30
_MAX_DIAMETER_MM = 1e12
_MAX_DIAMETER_CHANGE = 1e10


def _density(cells_per_cm3: float) -> float:
    return check_number("cells_per_cm3", cells_per_cm3, minimum=1.0, maximum=1e12)


def _nonnegative_array(name: str, value, maximum: float) -> np.ndarray:
    """A number or an array of numbers in [0, maximum] as a float array (True, "5" and
    None are refused, not read as numbers)."""
    if isinstance(value, np.ndarray | list | tuple):
        return check_array(name, value, minimum=0.0, maximum=maximum, ndim=None, min_length=0)
    return np.asarray(check_number(name, value, minimum=0.0, maximum=maximum))


def cells_to_volume_cm3(cells, cells_per_cm3: float = DEFAULT_CELLS_PER_CM3):
    """Volume in cm3 of ``cells`` packed at ``cells_per_cm3``. Accepts arrays."""
    array = _nonnegative_array("cells", cells, _MAX_CELLS)
    volume = array / _density(cells_per_cm3)
    return float(volume) if volume.ndim == 0 else volume


def volume_cm3_to_diameter_mm(volume_cm3):
    """Diameter in mm of a sphere of ``volume_cm3``: d = (6 V / pi)^(1/3)."""
    array = _nonnegative_array("volume_cm3", volume_cm3, _MAX_VOLUME_CM3)
    diameter = np.cbrt(6.0 * array / math.pi) * _MM_PER_CM
    return float(diameter) if diameter.ndim == 0 else diameter


def cells_to_diameter_mm(cells, cells_per_cm3: float = DEFAULT_CELLS_PER_CM3):
    """Diameter in mm of a spherical tumour of ``cells``. 1e9 cells is about 12.4 mm."""
    return volume_cm3_to_diameter_mm(cells_to_volume_cm3(cells, cells_per_cm3))


def diameter_mm_to_cells(diameter_mm, cells_per_cm3: float = DEFAULT_CELLS_PER_CM3):
    """Cells in a sphere of ``diameter_mm`` (the inverse of cells_to_diameter_mm)."""
    array = _nonnegative_array("diameter_mm", diameter_mm, _MAX_DIAMETER_MM)
    volume_cm3 = math.pi / 6.0 * (array / _MM_PER_CM) ** 3
    cells = volume_cm3 * _density(cells_per_cm3)
    return float(cells) if cells.ndim == 0 else cells


def diameter_change_for_cell_change(fraction_of_cells_left: float) -> float:
    """Fractional change in diameter when a fraction of the cells is left.

    Diameter follows the cube root of the cell count, so half the cells left
    (0.5) gives 0.5 ** (1/3) - 1, about -0.21: only a fifth off the diameter.
    """
    left = check_number("fraction_of_cells_left", fraction_of_cells_left, minimum=0.0,
                        maximum=_MAX_CELLS)
    return left ** (1.0 / 3.0) - 1.0


def cell_change_for_diameter_change(diameter_change: float) -> float:
    """Fractional change in cells for a fractional change in diameter.

    A 30% smaller diameter (-0.30) needs 0.7 ** 3 - 1, about -0.66: two thirds
    of the cells gone.
    """
    change = check_number("diameter_change", diameter_change, minimum=-1.0,
                          maximum=_MAX_DIAMETER_CHANGE)
    return (1.0 + change) ** 3 - 1.0
