"""Text drawn once per string and font, then blended in: glyph masks kept for Agg.

Why: matplotlib's Agg renderer shapes a string and renders every glyph through
FreeType each time it draws it, 1 to 2 ms for a short label here. A chart's labels
come back all the time (the same tick labels at new limits, the same "27% smaller"
over a moved dot), yet a label's pixels depend only on its string, its font, its
angle and where it falls inside a pixel.

So each text is drawn with its anchor on a whole pixel (at most half a pixel from
where matplotlib would put it: nothing a reader can see). Its pixels are then a
function of string, font and angle alone: its *mask* (how much of each pixel the
glyphs cover, 0 to 255) is drawn once, off screen, with matplotlib's own
``draw_text``, kept, and blended onto the canvas in the text's colour each time
after, with the text's own clip box. Blending a mask once gives the same pixels as
blending its glyphs one by one (covering twice composes the same way).

Used by ``LiveFigure`` for every text of its figure (tick labels, legends, labels),
so a redraw from scratch on the same canvas draws text exactly as a fast render does.

A text's *layout* is kept too. Before drawing, matplotlib works out each text's box
and line places again (``Text._get_layout``: a font lookup, font tables read, the
string measured), about a fifth of drawing a chart's axes from scratch. That layout is
relative to the text's anchor and depends only on the string, font, angle, alignment,
line spacing and dpi, so on a marked renderer it is worked out once per such text and
reused. Any other renderer (another figure of the process, a saved PDF) lays text out
as matplotlib always does.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from ..checks import check_instance
from ._kept import recall

__all__ = ["LAYOUTS_KEPT", "MASKS_KEPT", "keep_text_masks"]

#: Masks kept (most recently used), shared by every figure of this process. A mask
#: is the size of its text (a few hundred bytes to a few kB), so this is at most a
#: few MB; a lesson's figures draw a few hundred distinct texts.
MASKS_KEPT = 4096

# key -> (mask rows top down, left offset, top offset from the anchor), or None for
# a text that covers no pixel (an empty or blank string).
_MASKS: OrderedDict[tuple, tuple[np.ndarray, int, int] | None] = OrderedDict()

_MARKED = "_chemo_text_masks"

#: Layouts kept (most recently used), shared by every figure of this process: one per
#: string, font, angle and alignment, each a few small tuples.
LAYOUTS_KEPT = 4096

# key -> (box, lines, descent) as ``Text._get_layout`` returns them.
_LAYOUTS: OrderedDict[tuple, tuple[Bbox, list, float]] = OrderedDict()

# (Private to matplotlib, as is the layout's cache key below: guarded by the tests, which
# compare every kept layout with this one.)
_laid_out_by_matplotlib = Text._get_layout  # type: ignore[attr-defined]


def _kept_layout(text: Text, renderer: Any) -> tuple[Bbox, list, float]:
    """``Text._get_layout``, worked out once per text look on a marked renderer."""
    if not getattr(renderer, _MARKED, False) or text.get_wrap():
        # (A wrapped text's lines depend on where it sits in the figure.)
        return _laid_out_by_matplotlib(text, renderer)
    figure: Any = text.get_figure(root=True)
    key = (text.get_text(), _font_key(text.get_fontproperties()), float(text.get_rotation()),
           text.get_rotation_mode(), text.get_horizontalalignment(),
           text.get_verticalalignment(), getattr(text, "_multialignment", None),
           getattr(text, "_linespacing", None), text.get_usetex(), text.get_parse_math(),
           float(figure.dpi))
    box, lines, descent = recall(_LAYOUTS, key, LAYOUTS_KEPT,
                                 lambda: _laid_out_by_matplotlib(text, renderer))
    # Callers may change the box they get (a Bbox is mutable): each gets its own.
    return Bbox(box.get_points().copy()), list(lines), descent


def keep_text_masks(renderer: RendererAgg) -> None:
    """Make ``renderer`` draw text from kept masks; does nothing the second time.

    TeX text (``usetex``) is drawn as usual: its pixels come from another program.
    """
    check_instance("renderer", renderer, RendererAgg)
    if getattr(renderer, _MARKED, False):
        return
    # For every Text, but it keeps layouts only on a marked renderer (see above).
    Text._get_layout = _kept_layout  # type: ignore[attr-defined]
    original = renderer.draw_text

    def draw_text(gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                  ismath: Any = False, mtext: Any = None) -> None:
        if ismath == "TeX" or not (math.isfinite(x) and math.isfinite(y)):
            original(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            return
        kept = recall(_MASKS, _key(renderer, gc, s, prop, angle, ismath, mtext), MASKS_KEPT,
                      lambda: _draw_mask(renderer, gc, s, prop, angle, ismath, mtext))
        if kept is None:
            return
        mask, left, top = kept
        # Agg's text image call takes the mask's left column and its bottom row
        # (rows counted down from the top, as ``y`` is here).
        renderer._renderer.draw_text_image(
            mask, round(x) + left, round(y) + top + mask.shape[0], 0, gc)

    renderer.draw_text = draw_text  # type: ignore[method-assign]  # this renderer only
    setattr(renderer, _MARKED, True)


def _key(renderer: Any, gc: Any, s: str, prop: Any, angle: float, ismath: Any,
         mtext: Any) -> tuple:
    """What a text's pixels depend on, but for its colour and clip (applied when blended)."""
    font = _font_key(prop)
    shaping: tuple = ()
    if mtext is not None:
        features = getattr(mtext, "get_fontfeatures", None)
        language = getattr(mtext, "get_language", None)
        shaping = (tuple(features() or ()) if features else (),
                   language() if language else None)
    return (s, font, float(angle), bool(ismath), bool(gc.get_antialiased()),
            float(renderer.dpi), shaping)


def _font_key(prop: Any) -> tuple:
    """Everything of a font's properties that chooses its glyphs and their size."""
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(),
            prop.get_weight(), prop.get_stretch(), prop.get_size_in_points(),
            prop.get_file(), prop.get_math_fontfamily())


def _draw_mask(renderer: Any, gc: Any, s: str, prop: Any, angle: float, ismath: Any,
               mtext: Any) -> tuple[np.ndarray, int, int] | None:
    """Draw the text in black on a clear scratch canvas, anchored on a whole pixel; its
    coverage is the scratch's alpha. Returns the trimmed mask and where it sits."""
    width, height, descent = renderer.get_text_width_height_descent(s, prop, ismath)
    # Room for glyphs reaching past their advance or line (italics, accents), and for
    # the line above or below the anchor.
    margin = int(math.ceil(height + descent)) + 8
    if angle % 360.0 == 0.0:  # most text: a strip, not a square (cheaper to scan)
        left_room, up_room = margin, margin
        columns_wide, rows_high = int(math.ceil(width)) + 2 * margin, 2 * margin
    else:  # room for the text at any angle around the anchor
        left_room = up_room = int(math.ceil(width)) + margin
        columns_wide = rows_high = 2 * left_room
    scratch = RendererAgg(columns_wide, rows_high, renderer.dpi)
    black = scratch.new_gc()
    black.set_foreground((0.0, 0.0, 0.0, 1.0))
    black.set_antialiased(gc.get_antialiased())
    scratch.draw_text(black, float(left_room), float(up_room), s, prop, angle, ismath=ismath,
                      mtext=mtext)
    black.restore()
    coverage = np.asarray(scratch.buffer_rgba())[..., 3]
    rows = np.flatnonzero(coverage.any(axis=1))
    columns = np.flatnonzero(coverage.any(axis=0))
    if rows.size == 0:
        return None
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    left, right = int(columns[0]), int(columns[-1]) + 1
    mask = np.ascontiguousarray(coverage[top:bottom, left:right])
    return mask, left - left_room, top - up_room
