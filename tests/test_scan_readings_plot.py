"""Lesson 04's repeat-readings figure (plots.scan_readings): dot stacking and the four kinds."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.plots.scan_readings import (
    BIN_MM,
    BIN_PERCENT,
    ScanReadingsData,
    ScanReadingsFigure,
    stack_dots,
)


def test_stack_dots_keeps_input_order_and_bins_on_edges():
    # 19.9 is in the 18-20 bin; 20.0 (and 19.999999999999996, float for 20) in 20-22;
    # -0.5 in -2-0; 21 in 20-22 above the 20s.
    x, y = stack_dots(np.array([20.0, 19.9, 21.0, -0.5, 19.999999999999996]), BIN_PERCENT)
    assert x.tolist() == [21.0, 19.0, 21.0, -1.0, 21.0]
    assert y.tolist() == [1, 1, 2, 1, 3]


def test_stack_dots_puts_higher_ranks_on_top_within_a_bin():
    # Three dots in one 1 mm bin; the middle one has the higher rank, so it tops the stack.
    x, y = stack_dots(np.array([4.2, 4.5, 4.9]), BIN_MM, rank=np.array([0, 3, 0]))
    assert x.tolist() == [4.5, 4.5, 4.5]
    assert y.tolist() == [1, 3, 2]
    assert stack_dots(np.array([]))[0].size == 0


def _figure(theme: str = "standard") -> ScanReadingsFigure:
    return ScanReadingsFigure(partial_response_percent=-30, progression_percent=20,
                              progression_min_mm=5, agree_within_percent=10,
                              axis_limit_percent=35, axis_limit_mm=20, theme=theme)


@pytest.mark.parametrize("theme", ["standard", "projector"])
def test_each_kind_of_pair_gets_its_own_dots_in_both_charts(theme):
    figure = _figure(theme)
    # Pairs: neither; 20% only; 5 mm only; both.
    data = ScanReadingsData(changes_percent=np.array([3.0, 22.0, 12.0, 25.0]),
                            changes_mm=np.array([0.6, 2.2, 6.0, 7.5]),
                            past_rise=np.array([False, True, False, True]),
                            past_min_mm=np.array([False, False, True, True]))
    figure.update(data)
    for artists in (figure.percent_dots, figure.mm_dots):
        assert [len(a.get_xdata()) for a in artists] == [1, 1, 1, 1]
    assert [float(a.get_xdata()[0]) for a in figure.percent_dots] == [3.0, 23.0, 13.0, 25.0]
    assert [float(a.get_xdata()[0]) for a in figure.mm_dots] == [0.5, 2.5, 6.5, 7.5]
    # Fixed x axes; the y axes snap to a round top.
    assert figure.axes[0].get_xlim() == (-35, 35) and figure.axes[1].get_xlim() == (-20, 20)
    assert figure.axes[0].get_ylim() == (0, 10)
    assert figure.png_bytes().startswith(b"\x89PNG")


def test_changes_past_the_axes_are_kept_at_its_edge():
    figure = _figure()
    figure.update(ScanReadingsData(changes_percent=np.array([50.0]),
                                   changes_mm=np.array([-30.0]),
                                   past_rise=np.array([True]), past_min_mm=np.array([False])))
    assert figure.percent_dots[1].get_xdata()[0] <= 35
    assert figure.mm_dots[1].get_xdata()[0] >= -20
