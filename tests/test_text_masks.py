"""Text blended from kept masks must look exactly like matplotlib's own text, drawn with
its anchor on the nearest whole pixel; and a text is rendered once, then reused."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import Bbox

from helpers.plots import text_masks
from helpers.plots.live_figure import _tick_labels_unmeasured
from helpers.plots.text_masks import keep_text_masks

SIZE = 240


def _pair() -> tuple[RendererAgg, RendererAgg]:
    plain, kept = RendererAgg(SIZE, SIZE, 100), RendererAgg(SIZE, SIZE, 100)
    keep_text_masks(kept)
    return plain, kept


def _draw(renderer: RendererAgg, x: float, y: float, text: str, prop: FontProperties,
          angle: float, colour: tuple, alpha: float, clip: Bbox | None = None,
          ismath: bool = False) -> np.ndarray:
    gc = renderer.new_gc()
    gc.set_foreground(colour)
    gc.set_alpha(alpha)
    if clip is not None:
        gc.set_clip_rectangle(clip)
    renderer.draw_text(gc, x, y, text, prop, angle, ismath=ismath)
    gc.restore()
    return np.asarray(renderer.buffer_rgba()).copy()


CASES = [
    ("27% smaller", FontProperties(size=10, weight="bold"), 0.0, False),
    ("Days since the first dose", FontProperties(size=12), 0.0, False),
    ("Cancer cells", FontProperties(size=11, style="italic"), 90.0, False),
    ("1 billion", FontProperties(size=9), 30.0, False),
    (r"$10^{6}$", FontProperties(size=12), 0.0, True),
    (r"$\frac{1}{2}$ of cells", FontProperties(size=14), 0.0, True),
    ("\u00c5gjpy f\u00fcr", FontProperties(size=30, style="italic"), 0.0, False),
]


@pytest.mark.parametrize(("text", "prop", "angle", "ismath"), CASES,
                         ids=[case[0] for case in CASES])
@pytest.mark.parametrize(("x", "y"), [(100.0, 120.0), (100.3, 119.6), (57.5, 88.49)])
def test_a_kept_text_matches_matplotlib_at_the_nearest_whole_pixel(text, prop, angle, ismath,
                                                                    x, y) -> None:
    plain, kept = _pair()
    colour, alpha = (0.8, 0.2, 0.1), 0.7
    for _twice in range(2):  # the first draw makes the mask, the second reuses it
        expected = _draw(plain, round(x), round(y), text, prop, angle, colour, alpha,
                         ismath=ismath)
        got = _draw(kept, x, y, text, prop, angle, colour, alpha, ismath=ismath)
        assert np.count_nonzero(expected[..., 3]) > 20  # the text is really there
        assert np.array_equal(got, expected)


def test_a_kept_text_keeps_to_its_clip_box() -> None:
    plain, kept = _pair()
    clip = Bbox.from_extents(0, 0, 130, SIZE)
    prop = FontProperties(size=14)
    expected = _draw(plain, 100, 120, "clipped here", prop, 0.0, (0, 0, 1), 1.0, clip)
    got = _draw(kept, 100, 120, "clipped here", prop, 0.0, (0, 0, 1), 1.0, clip)
    assert np.array_equal(got, expected)
    assert not np.any(got[:, 131:, 3])  # nothing right of the clip box


def test_each_text_is_rendered_once_and_then_reused(monkeypatch) -> None:
    monkeypatch.setattr(text_masks, "_MASKS", type(text_masks._MASKS)())
    drawn = []
    original = text_masks._draw_mask

    def counting(*args):
        drawn.append(args[2])
        return original(*args)

    monkeypatch.setattr(text_masks, "_draw_mask", counting)
    _plain, kept = _pair()
    prop = FontProperties(size=10)
    for colour in ((0, 0, 0), (1, 0, 0), (0, 0.5, 0)):  # the colour is not in the mask
        for x in (20.0, 60.2, 140.7):
            _draw(kept, x, 100.0, "first scan", prop, 0.0, colour, 1.0)
    _draw(kept, 20.0, 100.0, "first scan", FontProperties(size=11), 0.0, (0, 0, 0), 1.0)
    assert drawn == ["first scan", "first scan"]  # once per font, not per place or colour


def test_the_kept_masks_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(text_masks, "_MASKS", type(text_masks._MASKS)())
    monkeypatch.setattr(text_masks, "MASKS_KEPT", 5)
    _plain, kept = _pair()
    for n in range(12):
        _draw(kept, 50.0, 100.0, f"label {n}", FontProperties(size=10), 0.0, (0, 0, 0), 1.0)
    assert len(text_masks._MASKS) == 5
    assert next(reversed(text_masks._MASKS))[0] == "label 11"  # the newest are kept


def test_a_blank_text_draws_nothing() -> None:
    _plain, kept = _pair()
    before = np.asarray(kept.buffer_rgba()).copy()
    after = _draw(kept, 50.0, 100.0, "   ", FontProperties(size=10), 0.0, (0, 0, 0), 1.0)
    assert np.array_equal(before, after)


def test_an_offset_text_is_still_placed_when_tick_labels_are_not_measured() -> None:
    # An axis whose labels need an offset ("1e6") still measures them, so the offset
    # text sits where matplotlib puts it; the method is matplotlib's own again after.
    figure = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.plot([1e6, 1e6 + 1], [0, 1])  # the x axis places its offset under its labels
    figure.canvas.draw()
    expected = ax.xaxis.offsetText.get_position()
    assert ax.xaxis.offsetText.get_text()
    ax.xaxis.offsetText.set_position((expected[0], 0))
    with _tick_labels_unmeasured([ax]):
        figure.canvas.draw()
    assert ax.xaxis.offsetText.get_position() == expected
    assert "_get_ticklabel_bboxes" not in vars(ax.yaxis)
    assert "_get_ticklabel_bboxes" not in vars(ax.xaxis)


@pytest.mark.parametrize("projector", [False, True], ids=["standard", "projector"])
def test_every_panel_figure_draws_its_text_from_masks(projector) -> None:
    # The masks are put on the renderer once, after the figure is built and sized; a
    # later draw must still use that renderer (a resized figure would get a new one).
    from lesson_checks.fuzz import own_page, panel_classes, positions, send_value

    for panel_class in panel_classes():
        with own_page(projector):
            panel = panel_class()
            name, control = sorted(panel.controls.items())[0]
            send_value(control, positions(control)[-1])
            panel.figure.png_bytes()
            renderer = panel.figure._canvas.get_renderer()
        assert getattr(renderer, text_masks._MARKED, False), panel_class.__name__
