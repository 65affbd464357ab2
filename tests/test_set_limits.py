"""``set_limits``: a chart's limits set only where they change, and bad pairs refused."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from helpers.plots.limits import set_limits


def _stack():
    figure = Figure()
    top, bottom = figure.subplots(2, 1, sharex=True)
    return top, bottom


def test_new_limits_are_set_and_shared_charts_follow():
    top, bottom = _stack()
    set_limits(bottom, x=(0.0, 84.0), y=(0.0, 40.0))
    assert bottom.get_xlim() == (0.0, 84.0) and bottom.get_ylim() == (0.0, 40.0)
    assert top.get_xlim() == (0.0, 84.0)


def test_unchanged_limits_are_left_alone():
    top, bottom = _stack()
    set_limits(bottom, x=(0.0, 84.0), y=(0.0, 40.0))
    told = []
    bottom.callbacks.connect("xlim_changed", lambda ax: told.append("x"))
    bottom.callbacks.connect("ylim_changed", lambda ax: told.append("y"))
    set_limits(bottom, x=(0.0, 84.0), y=(0.0, 40.0))
    assert told == []
    set_limits(bottom, x=(0.0, 105.0), y=(0.0, 40.0))
    assert told == ["x"]


@pytest.mark.parametrize(("pair", "words"), [
    ((0.0, float("nan")), r"x\[1\] must be a finite number"),
    ((5.0, 5.0), "x must be two different numbers"),
    ((1.0,), r"x must be a \(low, high\) pair"),
    ("0,1", r"x must be a \(low, high\) pair"),
])
def test_a_bad_pair_is_refused_by_name(pair, words):
    _top, bottom = _stack()
    with pytest.raises(ValueError, match=words):
        set_limits(bottom, x=pair)
