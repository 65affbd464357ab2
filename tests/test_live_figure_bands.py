"""Every panel's fast render (kept bands, pasted legends, blitted data) must show what a
full redraw of the same state shows.

The reference is drawn from scratch: every axes and every legend drawn afresh, then the
data artists on top in the same order the fast render uses. The fast render is taken
after a seeded random walk of control moves (with the projector switch among them), so
its kept bands come from earlier states: a band pasted at the wrong limits, a band cut
too short, or a legend pasted over something that moved shows as differing pixels.
"""

from __future__ import annotations

import io
import random
from typing import Any

import matplotlib
import numpy as np
import pytest
from PIL import Image

from helpers.plots.live_figure import _strip_key, _x_strip_key
from helpers.plots.style import rc_for
from lesson_checks.fuzz import own_page, panel_classes, positions, send_value

MOVES = 30


def _fast(panel: Any) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(panel.figure.png_bytes())).convert("RGB"))


def _from_scratch(figure: Any) -> np.ndarray:
    canvas = figure._canvas
    with matplotlib.rc_context(rc_for(figure.theme)):
        canvas.draw()  # every axes, every legend: only the animated (dynamic) artists skip
        for artist in sorted(figure._dynamic, key=lambda a: a.get_zorder()):
            artist.axes.draw_artist(artist)
    pixels = np.asarray(canvas.buffer_rgba())[..., :3].copy()
    figure._shown_keys = None  # the canvas no longer holds the kept background
    return pixels


def _switch(page: Any, projector: bool) -> None:
    """The page's projector switch, moved as the browser moves it."""
    page.switch()._handle_msg({"content": {"data": {
        "method": "update", "state": {"projector": projector}, "buffer_paths": []}},
        "buffers": []})


@pytest.mark.parametrize("panel_class", panel_classes(), ids=lambda cls: cls.__name__)
def test_a_projector_round_trip_brings_the_figure_back_as_a_fresh_one(panel_class: Any) -> None:
    # Switching back to a theme brings back its parked figure (no new layout), updated
    # to the settings of now: it must show exactly what a new panel at them shows.
    rng = random.Random(f"round trip:{panel_class.__name__}")
    with own_page() as page:
        panel = panel_class()
        standard = panel.figure.figure
        _switch(page, True)
        projector = panel.figure.figure
        assert projector is not standard and panel.figure.theme.name == "projector"
        for _move in range(3):
            name = rng.choice(sorted(panel.controls))
            send_value(panel.controls[name], rng.choice(positions(panel.controls[name])))
        _switch(page, False)
        assert panel.figure.figure is standard and panel.figure.theme.name == "standard"
        back = _fast(panel)
        values = panel.values
    with own_page():
        fresh = panel_class()
        fresh.set(**values)
        assert fresh.figure_view.value == panel.figure_view.value
        assert np.array_equal(back, _fast(fresh))


@pytest.mark.parametrize("panel_class", panel_classes(), ids=lambda cls: cls.__name__)
def test_fast_render_matches_a_redraw_from_scratch(panel_class: Any) -> None:
    rng = random.Random(f"bands:{panel_class.__name__}")
    with own_page() as page:
        panel = panel_class()
        fast = _fast(panel)  # the first picture, at the starting settings
        worst = (int(np.any(fast != _from_scratch(panel.figure), axis=2).sum()), "at the start")
        for move in range(MOVES):
            if move in (MOVES // 3, 2 * MOVES // 3):  # projector on, later off again
                _switch(page, not page.projector)
            name = rng.choice(sorted(panel.controls))
            place = rng.choice(positions(panel.controls[name]))
            send_value(panel.controls[name], place)
            fast = _fast(panel)
            differing = int(np.any(fast != _from_scratch(panel.figure), axis=2).sum())
            worst = max(worst, (differing, f"after {name} -> {place!r} (move {move})"))
    # Allowed: a handful of pixels where a data line crosses an axis spine (the redraw
    # puts the spine on top, any blit the line). A band or legend from other limits
    # differs along whole labels: hundreds of pixels.
    assert worst[0] < 60, f"{worst[0]} pixels differ {worst[1]}"


@pytest.mark.parametrize("panel_name", ["CluesPanel", "LogKillPanel", "ResistancePanel"])
def test_pictures_kept_deflated_match_a_redraw(panel_name: str, monkeypatch) -> None:
    # Only the newest picture of a band stays ready to paste: every other set of limits
    # seen comes back from the deflated store. Going back and forth over one control's
    # positions brings those back; each must show what a redraw from scratch shows.
    from helpers.plots import live_figure

    monkeypatch.setattr(live_figure, "BACKGROUNDS_KEPT", 1)
    panel_class = next(cls for cls in panel_classes() if cls.__name__ == panel_name)
    read_back = 0
    with own_page():
        panel = panel_class()
        stored = panel.figure._stored_pixels

        def counting(band: Any, key: tuple) -> Any:
            nonlocal read_back
            pixels = stored(band, key)
            read_back += pixels is not None
            return pixels

        monkeypatch.setattr(panel.figure, "_stored_pixels", counting)
        control = next(c for name, c in sorted(panel.controls.items()) if name == "cycles")
        places = positions(control)[:4]
        worst = (0, "")
        for place in [*places, *reversed(places), *places]:
            send_value(control, place)
            fast = _fast(panel)
            differing = int(np.any(fast != _from_scratch(panel.figure), axis=2).sum())
            worst = max(worst, (differing, f"cycles -> {place!r}"))
    assert read_back >= 4  # the store was used, not only drawing afresh
    assert worst[0] < 60, f"{worst[0]} pixels differ {worst[1]}"


@pytest.mark.parametrize("projector", [False, True], ids=["standard", "projector"])
@pytest.mark.parametrize("panel_class", panel_classes(), ids=lambda cls: cls.__name__)
def test_each_band_holds_the_tick_labels_its_charts_may_show(panel_class, projector) -> None:
    # A y tick label that later limits put on the very end of an axis reaches half its
    # height past the chart. Its band must reach that far, or the band next door,
    # pasted from memory, cuts the label's top off (found in lesson 06's stack).
    with own_page() as page:
        page.projector = projector
        figure = panel_class().figure
    renderer = figure._canvas.get_renderer()
    for band in figure._bands:
        for index in band.axes:
            ax = figure.axes[index]
            heights = [label.get_window_extent(renderer).height
                       for label in ax.yaxis.get_ticklabels() if label.get_text()]
            if not heights or not ax.yaxis.get_visible():
                continue
            reach = max(heights) / 2
            assert band.bbox.y1 >= ax.bbox.y1 + reach and band.bbox.y0 <= ax.bbox.y0 - reach, \
                f"axes {index}: band {band.bbox.bounds} too short for labels {reach:.1f} px " \
                f"past {ax.bbox.bounds}"


def test_a_stack_of_charts_is_drawn_in_bands() -> None:
    # The response course stacks three charts: each gets its own band, and the bands
    # tile the figure from top to bottom with no gap and no overlap.
    from helpers.panels.response import ResponsePanel

    with own_page():
        figure = ResponsePanel().figure
    bands = figure._bands
    assert [band.axes for band in bands] == [(0,), (1,), (2,)]
    assert bands[0].bbox.y1 == figure.figure.bbox.height and bands[-1].bbox.y0 == 0
    for upper, lower in zip(bands, bands[1:], strict=False):
        assert upper.bbox.y0 == lower.bbox.y1


@pytest.mark.parametrize("projector", [False, True], ids=["standard", "projector"])
def test_stacked_charts_in_one_band_paste_their_y_labels_when_only_time_changes(projector):
    # Lesson 06 stacks charts close enough to share a band. Moving the cycles shown
    # changes only the time axis: the y labels of the whole stack come from one kept
    # strip, and the picture must still be what a redraw from scratch shows.
    from helpers.panels.clues import CluesPanel

    with own_page() as page:
        page.projector = projector
        panel = CluesPanel()
        figure = panel.figure
        stacked = [band for band in figure._bands if len(band.axes) > 1]
        assert stacked and all(band.label_strip is not None for band in stacked)
        band_keys, strip_keys = set(), set()
        cycles = panel.controls["cycles"]
        for place in [*positions(cycles), *reversed(positions(cycles))]:
            send_value(cycles, place)
            fast = _fast(panel)
            differing = int(np.any(fast != _from_scratch(figure), axis=2).sum())
            assert differing < 60, f"{differing} pixels differ at cycles={place}"
            for band in stacked:
                key = figure._static_key()[band.number]
                band_keys.add((band.number, key))
                strip_keys.add((band.number, _strip_key(key)))
    # Fewer strips than band pictures: strips were pasted, not drawn again.
    assert len(strip_keys) < len(band_keys)


@pytest.mark.parametrize("projector", [False, True], ids=["standard", "projector"])
def test_a_chart_whose_floor_moves_pastes_its_x_labels_at_a_time_axis_seen_before(
        projector, monkeypatch):
    # Lesson 02's share chart: its floor follows the smallest share, so after the
    # starting share moves, each number of cycles is a new picture of that chart. Its x
    # labels depend on the cycles alone: at a number of cycles shown before they are
    # pasted, its x axis is not drawn at all, and the picture is what a redraw shows.
    from matplotlib.axis import XAxis

    from helpers.panels.resistance import ResistancePanel

    drawn_x_axes = []
    real_draw = XAxis.draw
    monkeypatch.setattr(XAxis, "draw", lambda axis, *a, **k: (
        drawn_x_axes.append(axis), real_draw(axis, *a, **k))[1])
    with own_page() as page:
        page.projector = projector
        panel = ResistancePanel()
        figure = panel.figure
        share_band = figure._bands[-1]
        assert share_band.axes == (1,) and share_band.x_strip is not None
        cycles, start_share = panel.controls["cycles"], panel.controls["resistant_share"]
        for share in (positions(start_share)[0], positions(start_share)[-1]):
            send_value(start_share, share)
            for place in positions(cycles)[:3]:
                drawn_x_axes.clear()
                send_value(cycles, place)  # the panel draws its new picture
                drawn_by_the_move = list(drawn_x_axes)
                key = figure._static_key()[share_band.number]
                fast = _fast(panel)
                differing = int(np.any(fast != _from_scratch(figure), axis=2).sum())
                assert differing < 60, f"{differing} pixels differ at cycles={place}"
                if share != positions(start_share)[0]:  # this time axis was shown before
                    assert figure.axes[1].xaxis not in drawn_by_the_move
        assert _x_strip_key(key) in share_band.x_strips


def test_the_png_holds_exactly_the_canvas_pixels() -> None:
    # The PNG is written by our own few lines (see _png_from_rgba): decoded by Pillow,
    # it must give back every pixel of the canvas, at the canvas's size.
    from helpers.panels.response import ResponsePanel

    with own_page():
        figure = ResponsePanel().figure
    png = figure.png_bytes()
    canvas = figure._canvas
    width, height = canvas.get_width_height(physical=True)
    decoded = Image.open(io.BytesIO(png))
    assert decoded.format == "PNG" and decoded.size == (width, height)
    assert np.array_equal(np.asarray(decoded.convert("RGBA")), np.asarray(canvas.buffer_rgba()))


def test_the_png_writer_refuses_a_wrong_size() -> None:
    from helpers.plots.live_figure import _png_from_rgba

    with pytest.raises(ValueError, match="rgba must hold"):
        _png_from_rgba(bytes(4 * 6), 2, 2)


#: Moves per learner: enough that the first learner draws bands beyond its first picture.
MOVES_SHARED = 20


@pytest.mark.parametrize("name", ["LogKillPanel", "ResponsePanel"])
def test_pictures_shared_between_kernels_match_a_redraw(name, tmp_path, monkeypatch) -> None:
    # Two panels stand for two learners' kernels of one server: the second makes the
    # same moves, reads the bands the first drew from the shared folder instead of
    # drawing them, and still shows exactly what a redraw from scratch shows.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from helpers.plots.live_figure import SHARED_PICTURES_ENV

    monkeypatch.setenv(SHARED_PICTURES_ENV, str(tmp_path))
    (panel_class,) = [cls for cls in panel_classes() if cls.__name__ == name]
    draws = []
    real_draw = FigureCanvasAgg.draw
    monkeypatch.setattr(FigureCanvasAgg, "draw",
                        lambda canvas, *a, **k: (draws.append(1), real_draw(canvas, *a, **k))[1])
    counts = []
    for _learner in range(2):
        rng = random.Random("the same moves")
        draws.clear()
        with own_page():
            panel = panel_class()
            worst = 0
            for _move in range(MOVES_SHARED):
                control = rng.choice(sorted(panel.controls))
                send_value(panel.controls[control], rng.choice(positions(panel.controls[control])))
                fast = _fast(panel)
                draws_before = len(draws)
                differing = int(np.any(fast != _from_scratch(panel.figure), axis=2).sum())
                del draws[draws_before:]  # the reference's own draw is not the panel's
                worst = max(worst, differing)
        counts.append(len(draws))
        assert worst < 60, f"learner {_learner + 1}: {worst} pixels differ"
    assert any(tmp_path.glob("*.rgba"))
    # The second learner drew only its first picture (which also keeps the legends and
    # titles it pastes), and nothing of what the first learner drew after that.
    assert counts[1] == 1 < counts[0], counts


def test_a_chart_above_the_time_axis_draws_only_its_time_lines_when_time_changes(
        monkeypatch):
    # Lesson 01's cells chart sits above the chart with the time axis. Its picture but
    # for its vertical grid lines, x tick marks and spines does not change with the time
    # axis: that underlay is drawn once, then pasted, and only those lines drawn over it.
    # Each picture must still be what a redraw from scratch shows. (In the projector
    # theme the two charts sit too close for a band each: one band, drawn whole.)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from helpers.panels.log_kill import LogKillPanel

    with own_page():
        panel = LogKillPanel()
        figure = panel.figure
        upper = figure._bands[0]
        assert upper.x_free
        cells_axes = figure.axes[0]
        real_draw = type(cells_axes).draw
        drawn = {"panel": 0, "reference": 0}
        counting = ["panel"]

        def draw(renderer: Any) -> Any:
            drawn[counting[0]] += cells_axes.get_visible()
            return real_draw(cells_axes, renderer)

        monkeypatch.setattr(cells_axes, "draw", draw)
        canvas_draws = {"panel": 0, "reference": 0}
        real_canvas_draw = FigureCanvasAgg.draw

        def canvas_draw(canvas: Any, *args: Any, **kwargs: Any) -> Any:
            canvas_draws[counting[0]] += 1
            return real_canvas_draw(canvas, *args, **kwargs)

        monkeypatch.setattr(FigureCanvasAgg, "draw", canvas_draw)
        time_axes, size_axes = set(), set()
        for place in [*positions(panel.controls["cycles"]), 3, 9]:
            send_value(panel.controls["cycles"], place)
            fast = _fast(panel)
            counting[0] = "reference"
            differing = int(np.any(fast != _from_scratch(figure), axis=2).sum())
            counting[0] = "panel"
            assert differing < 60, f"{differing} pixels differ at cycles={place}"
            time_axes.add(cells_axes.get_xlim())
            size_axes.add(figure.axes[1].get_ylim())
    assert len(time_axes) >= 10  # the time axis did change, move after move
    assert len(upper.underlays) == 1  # the cells axis is fixed: one underlay for them all
    assert drawn["reference"] >= 10  # (the count works)
    assert drawn["panel"] == 0  # the panel never drew the cells chart itself
    # The size chart below shows the time axis's labels: it too is drawn only for a size
    # axis not seen before, never for a time axis alone. (The first size axis seen was
    # drawn when the panel opened.)
    assert canvas_draws["panel"] <= len(size_axes) - 1 < len(time_axes)


def test_a_chart_is_x_free_only_when_nothing_but_its_time_lines_follow_the_time_axis():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from helpers.plots.live_figure import _x_free

    def stack():
        figure = Figure(figsize=(4, 4), dpi=80)
        canvas = FigureCanvasAgg(figure)
        upper, lower = figure.subplots(2, 1, sharex=True)
        upper.set_title("A title", loc="left")
        upper.axhspan(1.0, 2.0, zorder=1.4)  # a band across: placed across in axes units
        return upper, lower, canvas.get_renderer()

    upper, lower, renderer = stack()
    assert _x_free(upper, [], renderer, x_strip=False)
    # The chart with the time axis: only when its labels sit in a strip of their own.
    assert not _x_free(lower, [], renderer, x_strip=False)
    assert _x_free(lower, [], renderer, x_strip=True)
    upper, lower, renderer = stack()
    line = upper.axvline(3.0)  # placed at a day: moves with the time axis
    assert not _x_free(upper, [], renderer, x_strip=False)
    assert _x_free(upper, [line], renderer, x_strip=False)  # unless drawn with the data
    upper, lower, renderer = stack()
    upper.text(0.5, 0.5, "a note", transform=upper.transAxes, zorder=3)  # above the grid
    assert not _x_free(upper, [], renderer, x_strip=False)
    upper, lower, renderer = stack()
    upper.spines["bottom"].set_bounds(0.2, 0.6)  # a spine between data values
    assert not _x_free(upper, [], renderer, x_strip=False)
