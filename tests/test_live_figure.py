"""The blitted render must look exactly like a full redraw."""

import io

import numpy as np
from PIL import Image

from helpers.plots.cell_course import CellCourseData, CellCourseFigure, on_log_axis


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _full_redraw(figure: CellCourseFigure) -> np.ndarray:
    for artist in figure._dynamic:
        artist.set_animated(False)
    figure.figure.canvas.draw()
    pixels = np.asarray(figure.figure.canvas.buffer_rgba())[..., :3].copy()
    for artist in figure._dynamic:
        artist.set_animated(True)
    figure._shown_keys = None  # the canvas now holds the full picture
    return pixels


def test_blitted_render_matches_a_full_redraw_after_several_updates():
    figure = CellCourseFigure(("total", "sensitive"), show_band=True)
    days = np.arange(50.0)
    for scale in (1e3, 1e5, 1e4):  # the second crosses decades, the third returns
        figure.update(CellCourseData(
            days, {"total": scale * np.exp(days / 10), "sensitive": scale * np.ones(50)},
            dose_days=[0, 21], nadir=(10.0, scale), diameter_mm=np.linspace(1, 3, 50),
            band_cells=(1e7, 1e8)))
        blitted = _pixels(figure.png_bytes())
    differing = np.any(blitted != _full_redraw(figure), axis=2)
    # The only allowed differences: where a data line crosses an axis spine (a full draw
    # puts the spine on top; a blit puts the line on top) -- a few dozen pixels. A line
    # left over from an earlier update would differ along hundreds of pixels.
    assert differing.sum() < 100


def test_same_limits_reuse_the_cached_background():
    figure = CellCourseFigure(("total",))
    days = np.arange(10.0)
    figure.update(CellCourseData(days, {"total": np.full(10, 5e4)}, diameter_mm=np.ones(10)))
    figure.png_bytes()
    cached = figure._background
    figure.update(CellCourseData(days, {"total": np.full(10, 6e4)}, diameter_mm=np.ones(10)))
    figure.png_bytes()
    assert figure._background is cached


def test_zero_cells_drop_to_the_floor_then_leave_a_gap():
    plotted = on_log_axis(np.array([100.0, 10.0, 0.0, 0.0, 5.0]))
    assert plotted[2] == 1.0 and np.isnan(plotted[3]) and plotted[4] == 5.0


def test_the_time_axis_ends_on_the_last_day():
    # The chart shows exactly the span its caption describes: no blank days after it.
    figure = CellCourseFigure(("total",))
    days = np.arange(130.0)
    figure.update(CellCourseData(days, {"total": np.full(130, 1e6)}))
    assert figure.axes[0].get_xlim()[1] == 129


def test_a_figure_is_laid_out_when_built_and_first_drawn_at_its_first_data(monkeypatch):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    draws = []
    real_draw = FigureCanvasAgg.draw
    monkeypatch.setattr(FigureCanvasAgg, "draw",
                        lambda canvas, *a, **k: (draws.append(1), real_draw(canvas, *a, **k))[1])
    figure = CellCourseFigure(("total", "sensitive"), show_band=True)
    assert draws == []  # laid out only: the places are fixed, nothing is drawn yet
    axes_box = figure.axes[0].get_position().bounds
    days = np.arange(200.0)
    figure.update(CellCourseData(days, {"total": 1e9 * np.exp(-days / 30),
                                        "sensitive": np.full(200, 1e6)},
                                 diameter_mm=np.linspace(1, 9, 200)))
    first = _pixels(figure.png_bytes())
    assert draws == [1]  # the whole figure once, at these data's limits
    assert figure.axes[0].get_position().bounds == axes_box  # the layout stays as it was
    differing = np.any(first != _full_redraw(figure), axis=2)
    assert differing.sum() < 100  # as in the test above: only where lines cross spines
