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


def _marked_figure() -> tuple[Figure, RendererAgg]:
    figure = Figure(figsize=(4, 3), dpi=100)
    canvas = FigureCanvasAgg(figure)
    renderer = canvas.get_renderer()
    keep_text_masks(renderer)
    return figure, renderer


def _same_layout(got: tuple, expected: tuple) -> bool:
    (box, lines, descent), (box_expected, lines_expected, descent_expected) = got, expected
    return (np.array_equal(box.get_points(), box_expected.get_points())
            and lines == lines_expected and descent == descent_expected)


# Each change must give the text a new layout: every one is part of what a kept layout
# is looked up by.
CHANGES = {
    "string": lambda text: text.set_text("Days since the first dose, longer"),
    "size": lambda text: text.set_fontsize(17),
    "weight": lambda text: text.set_fontweight("bold"),
    "style": lambda text: text.set_fontstyle("italic"),
    "family": lambda text: text.set_fontfamily("monospace"),
    "angle": lambda text: text.set_rotation(35),
    "rotation mode": lambda text: text.set_rotation_mode("anchor"),
    "horizontal alignment": lambda text: text.set_horizontalalignment("right"),
    "vertical alignment": lambda text: text.set_verticalalignment("top"),
    "line spacing": lambda text: text.set_linespacing(2.5),
    "multi-line alignment": lambda text: text.set_multialignment("right"),
    "maths": lambda text: text.set_parse_math(False),
    "dpi": lambda text: text.get_figure(root=True).set_dpi(150),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_kept_layout_is_matplotlibs_own_after_any_change(change) -> None:
    figure, renderer = _marked_figure()
    text = figure.text(0.3, 0.4, "Cells $10^{6}$\nafter dose 2", rotation=10)
    first = text._get_layout(renderer)  # laid out and kept
    assert _same_layout(first, text_masks._laid_out_by_matplotlib(text, renderer))
    change(text)
    assert _same_layout(text._get_layout(renderer),
                        text_masks._laid_out_by_matplotlib(text, renderer))
    assert not _same_layout(text._get_layout(renderer), first)  # the change counted


def test_every_text_of_a_panel_figure_is_laid_out_as_matplotlib_would() -> None:
    from helpers.panels.resistance import ResistancePanel

    panel = ResistancePanel()
    panel.set(cycles=9)
    panel.figure.png_bytes()
    renderer = panel.figure._canvas.get_renderer()
    texts = [text for text in panel.figure.figure.findobj(match=lambda a: hasattr(
        a, "_get_layout")) if text.get_text()]
    assert len(texts) > 20  # tick labels, labels, legend entries, titles
    for text in texts:
        assert _same_layout(text._get_layout(renderer),
                            text_masks._laid_out_by_matplotlib(text, renderer)), text


def test_a_kept_layout_box_is_the_callers_own() -> None:
    figure, renderer = _marked_figure()
    text = figure.text(0.3, 0.4, "first scan")
    box, _lines, _descent = text._get_layout(renderer)
    expected = box.get_points().copy()
    box.set_points(np.zeros((2, 2)))  # a caller moving the box it was given
    assert np.array_equal(text._get_layout(renderer)[0].get_points(), expected)


def test_layouts_are_kept_only_for_a_marked_renderer(monkeypatch) -> None:
    monkeypatch.setattr(text_masks, "_LAYOUTS", type(text_masks._LAYOUTS)())
    figure, renderer = _marked_figure()
    plain = FigureCanvasAgg(Figure(figsize=(4, 3), dpi=100))
    other = plain.figure.text(0.3, 0.4, "not kept")
    other._get_layout(plain.get_renderer())
    assert len(text_masks._LAYOUTS) == 0
    figure.text(0.3, 0.4, "kept")._get_layout(renderer)
    assert [key[0] for key in text_masks._LAYOUTS] == ["kept"]


def test_the_kept_layouts_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(text_masks, "_LAYOUTS", type(text_masks._LAYOUTS)())
    monkeypatch.setattr(text_masks, "LAYOUTS_KEPT", 5)
    figure, renderer = _marked_figure()
    for n in range(12):
        figure.text(0.3, 0.4, f"label {n}")._get_layout(renderer)
    assert len(text_masks._LAYOUTS) == 5
    assert next(reversed(text_masks._LAYOUTS))[0] == "label 11"  # the newest are kept
