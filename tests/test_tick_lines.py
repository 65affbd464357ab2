"""Grid lines and tick marks drawn as one line per kind must look as matplotlib's own."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.plots.style import rc_for, theme_named
from helpers.plots.tick_lines import _places_in_view, _TickLines, draw_ticks_as_one


def _chart(theme: str, ours: bool, *, log: bool, xlim: tuple[float, float],
           ylim: tuple[float, float], off: bool = False) -> np.ndarray:
    """Pixels of a two-chart stack (log or linear y above, linear below), drawn with
    matplotlib's ticks or ours."""
    with matplotlib.rc_context(rc_for(theme_named(theme))):
        figure = Figure(figsize=(6, 4), dpi=80)
        canvas = FigureCanvasAgg(figure)
        top, bottom = figure.subplots(2, 1, sharex=True)
        top.plot([0, 1], [1, 2])
        if log:
            top.set_yscale("log")
        top.set_ylim(*ylim)
        top.set_xlim(*xlim)
        bottom.grid(axis="y", visible=False)  # a per-axis setting must be kept
        if off:
            bottom.set_axis_off()
        if ours:
            for ax in (top, bottom):
                draw_ticks_as_one(ax)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba())[..., :3].copy()


@pytest.mark.parametrize("theme", ["standard", "projector"])
@pytest.mark.parametrize(("log", "xlim", "ylim"), [
    (True, (0, 304), (1, 1e12)),     # ticks the locator gives below the view: not drawn
    (True, (0, 126), (3e4, 2e9)),    # minor ticks too
    (False, (-5, 47.5), (0, 20)),    # a tick at each very end of the view
])
def test_the_picture_is_matplotlib_s_own(theme, log, xlim, ylim):
    theirs = _chart(theme, False, log=log, xlim=xlim, ylim=ylim)
    ours = _chart(theme, True, log=log, xlim=xlim, ylim=ylim)
    differing = int(np.any(theirs != ours, axis=2).sum())
    assert differing == 0, f"{differing} pixels differ"


def test_axes_turned_off_get_no_grid_or_ticks():
    theirs = _chart("standard", False, log=False, xlim=(0, 10), ylim=(0, 5), off=True)
    ours = _chart("standard", True, log=False, xlim=(0, 10), ylim=(0, 5), off=True)
    assert np.array_equal(theirs, ours)


def test_places_outside_a_log_view_are_left_out():
    # On a log axis from 1 to 1e12 the locator also offers 0.1 and 1e13; neither is
    # drawn (judged in log units: in data units 0.1 looks "close" to 1 next to 1e12).
    figure = Figure()
    ax = figure.subplots()
    ax.set_yscale("log")
    ax.set_ylim(1, 1e12)
    offered = ax.yaxis.get_majorticklocs()
    assert offered.min() < 1 and offered.max() > 1e12
    kept = _places_in_view(ax.yaxis, "major")
    assert kept.min() == 1 and kept.max() == 1e12


def test_matplotlib_s_own_grid_and_marks_are_switched_off():
    figure = Figure()
    ax = figure.subplots()
    artist = draw_ticks_as_one(ax)
    assert isinstance(artist, _TickLines) and artist in ax.artists
    assert not artist.get_in_layout()
    tick = ax.xaxis.get_major_ticks()[0]
    assert not tick.gridline.get_visible() and not tick.tick1line.get_visible()
    assert tick.label1.get_visible()  # labels stay matplotlib's


def test_kept_places_follow_a_new_locator_at_the_same_view():
    # Places are kept by locator and view; a locator set later (same view) is obeyed.
    from matplotlib.ticker import FixedLocator

    figure = Figure(figsize=(4, 3), dpi=80)
    ax = figure.subplots()
    ax.set_xlim(0, 10)
    first = _places_in_view(ax.xaxis, "major")
    assert first.tolist() == [0, 2, 4, 6, 8, 10]
    ax.xaxis.set_major_locator(FixedLocator([1.0, 5.0, 12.0]))
    assert _places_in_view(ax.xaxis, "major").tolist() == [1.0, 5.0]


def test_kept_places_do_not_keep_a_figure_alive():
    # A locator holds its axis and so its figure: the kept places must hold it weakly.
    import gc
    import weakref

    figure = Figure(figsize=(4, 3), dpi=80)
    ax = figure.subplots()
    ax.set_xlim(0, 10)
    _places_in_view(ax.xaxis, "major")
    gone = weakref.ref(figure)
    del figure, ax
    gc.collect()
    assert gone() is None
