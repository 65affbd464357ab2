"""Steady artists (drawn with a chart's axes, keyed by their data) and axes skipped when
they would draw nothing: a render must still show what a redraw from scratch shows."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

from helpers.plots.live_figure import LiveFigure, _blank_axes_skipped, _draws_nothing
from helpers.plots.style import rc_for


class _Stack(LiveFigure[tuple[float, float]]):
    """Two charts sharing one time axis: a data line in each, a steady line and a
    steady band in the upper one. ``update((x_max, line_day))``."""

    height_in = 4.0

    def build(self, figure: Figure) -> list[Axes]:
        top, bottom = figure.subplots(2, 1, sharex=True)
        (self.data_top,) = top.plot([], [], color="C0", linewidth=2)
        self.dynamic(self.data_top)
        (self.data_bottom,) = bottom.plot([], [], color="C1", linewidth=2)
        self.dynamic(self.data_bottom)
        (self.mark,) = top.plot([], [], color="black", linestyle=":", zorder=1,
                                transform=top.get_xaxis_transform())
        self.steady(self.mark)
        self.band = self.steady(top.axhspan(0, 0.5, color="grey", alpha=0.3, zorder=1))
        top.set_ylim(0, 2)
        bottom.set_ylim(0, 2)
        bottom.set_xlabel("Days")
        return [top, bottom]

    def update(self, data: tuple[float, float]) -> None:
        x_max, line_day = data
        days = np.linspace(0, x_max, 50)
        self.axes[1].set_xlim(0, x_max)
        self.data_top.set_data(days, 1 + np.sin(days / 5))
        self.data_bottom.set_data(days, 1 + np.cos(days / 5))
        self.mark.set_data([line_day, line_day], [0, 1])


def _png_pixels(figure: LiveFigure) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(figure.png_bytes())).convert("RGB"))


def _from_scratch(figure: LiveFigure) -> np.ndarray:
    canvas = figure._canvas
    with matplotlib.rc_context(rc_for(figure.theme)):
        canvas.draw()  # steady artists are not animated: drawn here with their charts
        for artist in sorted(figure._dynamic, key=lambda a: a.get_zorder()):
            artist.draw(canvas.get_renderer())
    pixels = np.asarray(canvas.buffer_rgba())[..., :3].copy()
    figure._shown_keys = None
    return pixels


def test_a_steady_line_moved_at_the_same_limits_is_drawn_where_it_now_is() -> None:
    figure = _Stack()
    # The same limits each time, the steady line elsewhere, then back: a picture kept
    # for one place must never be pasted for another.
    for line_day in (10.0, 30.0, 10.0, 45.0):
        figure.update((60.0, line_day))
        fast = _png_pixels(figure)
        assert np.array_equal(fast, _from_scratch(figure)), f"line at day {line_day}"


def test_a_steady_artist_is_in_its_band_key_and_no_other() -> None:
    figure = _Stack()
    figure.update((60.0, 10.0))
    before = figure._static_key()
    figure.update((60.0, 30.0))
    after = figure._static_key()
    changed = [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    top_band = next(band.number for band in figure._bands if 0 in band.axes)
    assert changed == [top_band]
    assert figure.mark not in figure._dynamic and not figure.mark.get_animated()


def test_steady_refuses_what_it_cannot_key_or_keep_clear_of_pasted_labels() -> None:
    figure = _Stack()
    ax = figure.axes[0]
    with pytest.raises(TypeError, match="artist must be a Line2D or a Rectangle; got Text"):
        figure.steady(Text(0, 0, "x"))
    (loose,) = ax.plot([], [], clip_on=False)
    with pytest.raises(ValueError, match=r"artist must be clipped to its chart"):
        figure.steady(loose)


def test_a_steady_artist_above_the_data_of_its_chart_is_refused() -> None:
    figure = _Stack()
    band = figure.axes[0].add_patch(Rectangle((0, 0), 1, 1, zorder=3))
    with pytest.raises(ValueError, match=r"zorder must be at most 2"):
        figure.steady(band)
    assert band not in figure._steady  # refused: not half marked


def test_a_steady_artist_marked_after_build_is_keyed_at_once() -> None:
    figure = _Stack()
    figure.update((60.0, 10.0))
    (late,) = figure.axes[1].plot([], [], zorder=1)
    figure.steady(late)
    before = figure._static_key()
    late.set_data([5.0, 50.0], [0.5, 1.5])
    assert figure._static_key() != before
    assert np.array_equal(_png_pixels(figure), _from_scratch(figure))


def test_an_axis_that_would_draw_nothing_is_skipped_and_given_back() -> None:
    figure = _Stack()
    top, bottom = figure.axes
    # The upper chart's time axis shows no labels (shared); the lower one's does.
    assert _draws_nothing(top.xaxis)
    assert not _draws_nothing(bottom.xaxis)
    assert not _draws_nothing(top.yaxis)
    with _blank_axes_skipped([top, bottom]):
        assert "draw" in vars(top.xaxis) and "draw" not in vars(bottom.xaxis)
    assert "draw" not in vars(top.xaxis)


def test_limits_changed_often_still_match_a_redraw() -> None:
    figure = _Stack()
    for x_max, line_day in ((60.0, 10.0), (90.0, 10.0), (60.0, 20.0), (120.0, 100.0),
                            (90.0, 10.0)):
        figure.update((x_max, line_day))
        assert np.array_equal(_png_pixels(figure), _from_scratch(figure)), (x_max, line_day)
