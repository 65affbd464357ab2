"""Cells, volume and diameter: the cube-root link, worked by hand."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models import (
    cell_change_for_diameter_change,
    cells_to_diameter_mm,
    cells_to_volume_cm3,
    diameter_change_for_cell_change,
    diameter_mm_to_cells,
    volume_cm3_to_diameter_mm,
)


def test_a_billion_cells_is_a_sphere_about_12_mm_across():
    # 1e9 cells at 1e9 per cm3 = 1 cm3; d = (6 / pi)^(1/3) cm = 1.2407 cm = 12.407 mm
    assert cells_to_volume_cm3(1e9) == pytest.approx(1.0)
    assert cells_to_diameter_mm(1e9) == pytest.approx(12.407, abs=1e-3)


def test_density_can_be_changed():
    # At 1e8 cells per cm3, 1e9 cells fill 10 cm3: d = 12.407 * 10^(1/3) = 26.73 mm
    assert cells_to_diameter_mm(1e9, cells_per_cm3=1e8) == pytest.approx(26.73, abs=0.01)


def test_half_the_cells_take_only_a_fifth_off_the_diameter():
    # 0.5^(1/3) = 0.7937: 20.6% smaller
    assert diameter_change_for_cell_change(0.5) == pytest.approx(-0.2063, abs=1e-4)


def test_thirty_percent_smaller_needs_two_thirds_of_the_cells_gone():
    # 0.7^3 = 0.343: 65.7% fewer cells
    assert cell_change_for_diameter_change(-0.30) == pytest.approx(-0.657, abs=1e-3)


def test_arrays_are_accepted():
    np.testing.assert_allclose(cells_to_diameter_mm(np.array([1e9, 8e9])),
                               [12.407, 24.814], atol=1e-3)  # 8x cells = 2x diameter


@given(st.floats(min_value=1.0, max_value=1e13))
def test_cells_diameter_round_trip(cells):
    assert diameter_mm_to_cells(cells_to_diameter_mm(cells)) == pytest.approx(cells, rel=1e-9)


@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=1.0))
def test_fewer_cells_never_mean_a_bigger_diameter(a, b):
    low, high = sorted((a, b))
    assert diameter_change_for_cell_change(low) <= diameter_change_for_cell_change(high)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: cells_to_diameter_mm(-1), "cells"),
        (lambda: cells_to_diameter_mm(np.array([1.0, math.nan])), "cells"),
        (lambda: cells_to_diameter_mm(1e9, cells_per_cm3=0), "cells_per_cm3"),
        (lambda: diameter_mm_to_cells(math.inf), "diameter_mm"),
        (lambda: diameter_change_for_cell_change(-0.1), "fraction_of_cells_left"),
        (lambda: cell_change_for_diameter_change(-1.5), "diameter_change"),
        # Upper ends, so no cube overflows (docs/model.md, "Numbers that stay finite").
        (lambda: cells_to_diameter_mm(np.array([1.0, 2e30])),
         r"cells\[1\] must be a finite number in \[0, 1e\+30\]; got 2e\+30"),
        (lambda: cells_to_diameter_mm(True), "cells"),
        (lambda: cells_to_diameter_mm("5"), "cells"),
        (lambda: volume_cm3_to_diameter_mm(1e308), "volume_cm3"),
        (lambda: diameter_mm_to_cells(1e300), "diameter_mm"),
        (lambda: diameter_change_for_cell_change(1e31), "fraction_of_cells_left"),
        (lambda: cell_change_for_diameter_change(1e300), "diameter_change"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
