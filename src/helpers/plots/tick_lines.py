"""Grid lines and tick marks drawn as one line per kind, not one line per tick.

Why: matplotlib draws each tick of each axis as its own small artists (a grid line,
a tick mark, and their labels), and each artist costs a fraction of a millisecond of
Python work. When a slider changes a chart's time span, the chart's ticks are drawn
again, and in a stack of five charts those grid lines and tick marks were about a third
of the redraw. Here every grid line of one axis is drawn as a single broken line, and
every tick mark of one axis as a single set of markers, with the very same look
(colour, width, dash, alpha, marker, clipping) copied from matplotlib's own first tick.
Tick labels are left to matplotlib: their placement and text are unchanged.

What it leaves out: per-tick styling (every tick of an axis and kind looks alike, as it
does in every chart of this series).
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.lines import Line2D

from ..checks import check_instance
from ._kept import keep_newest

__all__ = ["draw_ticks_as_one"]

# Which end of the axis each tick mark sits at, in axes coordinates.
_END = {"tick1line": 0.0, "tick2line": 1.0}


@dataclass(frozen=True)
class _Part:
    axis: Axis
    which: str  # "major" or "minor"
    part: str  # "gridline", "tick1line" or "tick2line"
    line: Line2D


class _TickLines(Artist):
    """Draws, for each axis of an axes, its grid lines and tick marks (``_Part`` each)
    at the tick places matplotlib's locators give for the current limits."""

    def __init__(self, parts: list[_Part], zorder: float, x_axis: Axis) -> None:
        super().__init__()
        self._parts = parts
        self._x_axis = x_axis
        self.set_zorder(zorder)
        # Not in the layout: matplotlib's grid and tick marks never counted there, and
        # an artist without an extent of its own would count as a point at (0, 0).
        self.set_in_layout(False)
        #: When True, ``draw`` leaves out the x axis's grid lines and tick marks: the
        #: figure draws them on their own (``draw_x_parts``), over the rest of the chart.
        self.x_parts_apart = False

    def draw(self, renderer: Any) -> None:
        if not self.get_visible():
            return
        left_out = self._x_axis if self.x_parts_apart else None
        self._draw_parts(renderer, [part for part in self._parts if part.axis is not left_out])

    def draw_x_parts(self, renderer: Any) -> None:
        """Draw only the x axis's grid lines and tick marks."""
        if self.get_visible():
            self._draw_parts(renderer, [part for part in self._parts
                                        if part.axis is self._x_axis])

    def _draw_parts(self, renderer: Any, parts: list[_Part]) -> None:
        for part in parts:
            # Drawn only where matplotlib would draw the axis (not for axes turned off).
            if not (part.axis.axes.axison and part.axis.get_visible()):
                continue
            places = _places_in_view(part.axis, part.which)
            if places.size == 0:
                continue
            line = part.line
            if part.part == "gridline":
                # One broken line: each grid line runs across the axes; NaN breaks it.
                along = np.repeat(places, 3)
                along[2::3] = np.nan
                across = np.tile([0.0, 1.0, np.nan], places.size)
            else:
                along = places
                across = np.full(places.size, _END[part.part])
            if part.axis is part.axis.axes.xaxis:
                line.set_data(along, across)
            else:
                line.set_data(across, along)
            line.draw(renderer)
        self.stale = False


#: Tick places recently worked out, by locator object, view interval and axis length
#: in pixels. Why: the charts of a stack share one time axis and one locator, and a
#: locator (a log axis's above all) costs as much again as drawing its marks;
#: matplotlib's own axis drawing works the same places out for the labels. Small: one
#: entry per axis and view seen lately. The locators are held weakly (a locator holds
#: its axis, and so its whole figure): an entry whose locator is gone, or whose id a new
#: locator has taken since, no longer matches and is worked out again.
_PLACES_KEPT = 64
_places_kept: OrderedDict[tuple[Any, ...], tuple[weakref.ref, weakref.ref, np.ndarray]] = \
    OrderedDict()


def _places_in_view(axis: Axis, which: str) -> np.ndarray:
    """The tick places (data units) inside the axis's view, as matplotlib draws them."""
    major, minor = axis.get_major_locator(), axis.get_minor_locator()
    view = tuple(float(v) for v in axis.get_view_interval())
    length = axis.axes.bbox.width if axis is axis.axes.xaxis else axis.axes.bbox.height
    key = (which, id(major), id(minor), view, float(length))
    kept = _places_kept.get(key)
    if kept is not None and kept[0]() is major and kept[1]() is minor:
        _places_kept.move_to_end(key)
        return kept[2]
    places = _places_worked_out(axis, which)
    keep_newest(_places_kept, key, (weakref.ref(major), weakref.ref(minor), places),
                _PLACES_KEPT)
    return places


def _places_worked_out(axis: Axis, which: str) -> np.ndarray:
    places = np.asarray(axis.get_majorticklocs() if which == "major"
                        else axis.get_minorticklocs(), dtype=float)
    # Compared as drawn (in log units on a log axis), with the closeness matplotlib
    # allows a tick at the very end of the axis.
    scale = axis.get_transform()
    low, high = sorted(scale.transform(np.asarray(axis.get_view_interval(), dtype=float)))
    with np.errstate(invalid="ignore", divide="ignore"):
        drawn = scale.transform(places)
    slack = 1e-10 * (high - low)
    return places[(drawn >= low - slack) & (drawn <= high + slack)]


def draw_ticks_as_one(ax: Axes) -> _TickLines:
    """Take over drawing ``ax``'s grid lines and tick marks (see the module docstring).

    Call once the axes is built (its grid and tick settings final). matplotlib's own
    grid lines and tick marks are switched off; the labels stay matplotlib's, and keep
    their place (a label's distance from the axis counts the tick length whether the
    mark is drawn or not). Returns the artist that draws them.
    """
    check_instance("ax", ax, Axes)
    parts: list[_Part] = []
    for axis in (ax.xaxis, ax.yaxis):
        for which in ("major", "minor"):
            ticks = axis.get_major_ticks(1) if which == "major" else axis.get_minor_ticks(1)
            first = ticks[0]
            for name in ("gridline", "tick1line", "tick2line"):
                original: Line2D = getattr(first, name)
                if not original.get_visible():
                    continue
                line = Line2D([], [])
                line.update_from(original)  # look, transform and clipping
                line.set_figure(ax.figure)
                line.axes = ax
                parts.append(_Part(axis, which, name, line))
            axis.set_tick_params(which=which, gridOn=False, tick1On=False, tick2On=False)
    artist = _TickLines(parts, zorder=ax.xaxis.get_zorder(), x_axis=ax.xaxis)
    ax.add_artist(artist)
    return artist
