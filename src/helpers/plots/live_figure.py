"""A figure built once and then updated in place, rendered to a PNG.

Why: a slider move should cost a data update and one draw, not a new figure
and a new layout. ``LiveFigure`` lays the figure out once (constrained
layout), then freezes the layout, so every later render only draws.

Figures are plain ``matplotlib.figure.Figure`` objects with an Agg canvas:
no pyplot, so nothing is shown or kept alive behind the panel's back.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import os
import struct
import zlib
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.spines import Spine
from matplotlib.text import Text
from matplotlib.ticker import NullFormatter
from matplotlib.transforms import Bbox

from ._kept import keep_newest, trim
from .style import ROLES, Theme, rc_for, theme_named
from .text_masks import keep_text_masks
from .tick_lines import draw_ticks_as_one

try:  # ISA-L's deflate: the same zlib stream, several times faster (see _png_from_rgba)
    from isal.isal_zlib import compress as _deflate
    from isal.isal_zlib import decompress as _inflate
except ImportError:  # pragma: no cover - without the optional speed-up
    from zlib import compress as _deflate
    from zlib import decompress as _inflate

__all__ = ["LiveFigure", "img_tag"]

#: The figure's data: a frozen dataclass of arrays and numbers, defined beside
#: each figure (plots know nothing of the model, only of what they draw).
D = TypeVar("D")
#: What may be marked steady (``LiveFigure.steady``).
SteadyArtist = TypeVar("SteadyArtist", Line2D, Rectangle)

#: Static pictures kept per band of the figure (see ``_Band``), one per set of axis
#: limits, most recent first. Why: a reader moves a slider back and forth, so limits
#: seen a moment ago come back, and drawing the axes costs several times a blitted
#: render. Together a band's pictures take at most this many figures' worth of memory
#: (one figure is an RGBA bitmap of about 1.1 MB standard, 2.4 MB projector).
BACKGROUNDS_KEPT = 8

#: Static pictures kept deflated per band, beyond the ``BACKGROUNDS_KEPT`` newest, one
#: per set of limits. Why: a slider with a dozen positions (the cycles) gives a chart a
#: dozen sets of limits, and a reader goes back and forth over them; inflating a kept
#: picture costs about a millisecond, drawing the chart again 10 to 20. Deflated, a
#: band's picture is 5 to 20 kB here (its flat colours compress well).
PACKED_KEPT = 48

#: Underlays kept per band (see ``_Band.x_free``), one per set of y limits and looks.
UNDERLAYS_KEPT = 4

#: Pictures kept per band of a figure parked by a theme switch (see ``set_theme``):
#: enough for the limits on screen when the switch came back, little memory meanwhile.
PARKED_KEPT = 2


@dataclass(eq=False)
class _Band:
    """A horizontal strip of the figure holding one row of axes and all they draw.

    Why bands: most slider moves change the limits of one chart of a stack and leave
    the others alone, so only that chart's strip is drawn again; the other strips are
    pasted back from ``kept``. ``axes`` are indices into ``LiveFigure.axes``.
    """

    number: int
    axes: tuple[int, ...]
    bbox: Bbox
    kept: OrderedDict[tuple, Any] = field(default_factory=OrderedDict)
    #: The band's pixels (rows top down, RGBA) deflated, by the same keys: more of them,
    #: slower to paste (see ``PACKED_KEPT``).
    packed: OrderedDict[tuple, bytes] = field(default_factory=OrderedDict)
    #: The strip left of the band's charts holding their y tick labels and y labels
    #: (pixels), and those strips kept by the charts' y limits (``_strip_key``). Why:
    #: when only the x limits change (a longer course), the y labels, the dearest text
    #: of a log axis and most of the text of a stack of charts, are pasted.
    label_strip: Bbox | None = None
    strips: OrderedDict[tuple, Any] = field(default_factory=OrderedDict)
    #: The strip below the band's charts holding their x tick labels and x labels
    #: (pixels), right of ``label_strip``, and those strips kept by the charts' x limits
    #: (``_x_strip_key``). Why: when the y limits change with the x limits seen before
    #: (a chart whose floor follows the data, at a number of cycles shown before), the
    #: x labels, a third of drawing such a chart again, are pasted.
    x_strip: Bbox | None = None
    x_strips: OrderedDict[tuple, Any] = field(default_factory=OrderedDict)
    #: The steady artists (``LiveFigure.steady``) of the band's charts: drawn with its
    #: static part, so their looks are part of its key.
    steady: tuple[Any, ...] = ()
    #: Whether the band's static part, but for its x grid lines and x tick marks, is the
    #: same at any x limits (``_x_free``): charts of a stack above the one showing the
    #: time axis. Such a band's picture is drawn as its *underlay* (all of it but those
    #: lines and marks and the spines), with the lines, marks and spines then drawn over
    #: it; the underlays are kept by the y limits and looks alone (``_underlay_key``).
    #: Nothing of the chart above the grid lines reaches into it, so the stacking is
    #: matplotlib's own (``_x_free``), and the picture the same. Why: a longer course
    #: changes every chart's x limits, and the charts above then only need their
    #: vertical grid lines and tick marks drawn again, over their underlay pasted back,
    #: not the whole chart (about a millisecond instead of five).
    x_free: bool = False
    underlays: OrderedDict[tuple, Any] = field(default_factory=OrderedDict)


@dataclass(frozen=True)
class _Sprite:
    """A legend, a chart title or an x axis label drawn once and pasted back, never
    drawn again.

    Only for one that no limit-dependent pixel touches: outside every plot area and
    clear of every axis's ticks and labels. Its pixels are then the same at any axis
    limits, and pasting them costs a copy instead of 5 to 20 ms of text layout.
    """

    artist: Any
    region: Any


class LiveFigure(ABC, Generic[D]):
    """Base class: subclasses add artists in ``build`` and change them in ``update``.

    ``update(data)`` takes one frozen data record (its type is the figure's
    type parameter ``D``) and changes the artists in place; ``png_bytes``
    then renders.

    Attributes:
        figure: the matplotlib Figure.
        axes: the list of Axes made by ``build``.
        theme: the Theme in use.
    """

    height_in: float = 4.5

    def __init__(self, theme: str = "standard") -> None:
        self.theme: Theme = theme_named(theme)
        self._rebuild()

    # Why blitting: drawing the axes, ticks and legend is most of a render
    # (100 to 250 ms here, mostly text layout), yet a slider move changes only the
    # data. The static part is drawn once per set of axis limits and kept as a
    # bitmap; each render pastes it back and draws only the artists marked dynamic.
    # The static part is kept per band (one row of axes, see ``_Band``), so a move
    # that changes one chart's limits draws only that chart; legends, titles and x
    # labels clear of every axis are pasted, not drawn (``_Sprite``); grid lines and
    # tick marks are one line per axis (``tick_lines``). Anything not marked dynamic
    # must therefore depend on its own axes' limits alone, or be marked steady (drawn
    # with the static part, whose kept pictures are keyed by its data too).

    # -- subclasses ----------------------------------------------------------
    @abstractmethod
    def build(self, figure: Figure) -> list[Axes]:
        """Make the axes and artists (once per theme); return the axes."""

    @abstractmethod
    def update(self, data: D) -> None:
        """Put ``data`` into the artists (no new artists, no layout)."""

    # -- shared machinery ----------------------------------------------------
    def _rebuild(self) -> None:
        with _theme_settings(self.theme):
            self._dynamic: list = []
            self._steady: list = []
            self._background: Any = None
            self._shown_keys: tuple | None = None
            # The theme fixes the figure's size in pixels, so it names the pictures too.
            self._shared = _shared_pictures(
                f"{type(self).__module__}.{type(self).__qualname__}|{self.theme.name}")
            # (Made here, under the theme's settings, which it reads for its paddings.)
            layout = ConstrainedLayoutEngine()
            figure = Figure(figsize=(self.theme.figure_width_in, self.height_in),
                            dpi=self.theme.dpi, layout=layout)
            # Kept typed as Agg (figure.canvas is typed as the base class): blitting and
            # buffer_rgba are Agg's.
            self._canvas = FigureCanvasAgg(figure)
            self.figure = figure
            self.axes = self.build(figure)
            # (After ``build``, which may size the figure: a new size is a new renderer.)
            keep_text_masks(self._canvas.get_renderer())
            # (A third of redrawing a chart's ticks, saved.)
            self._tick_lines = [draw_ticks_as_one(ax) for ax in self.axes]
            # Lay out once with the widest tick labels we expect, then freeze it. Only
            # laid out, not drawn: the first picture is drawn at the first data's limits
            # (``_draw_first``), seldom these, so drawing it now would be wasted.
            renderer = self._canvas.get_renderer()
            layout.execute(figure)  # what a draw does first
            figure.set_layout_engine("none")
            for ax in self.axes:
                # Puts the axis labels and titles where a draw would, at the final places.
                ax.get_tightbbox(renderer)
            _pin_axis_labels(self.axes)
            # The layout is final: plan the bands, and find the sprites (drawn later).
            self._bands = _plan_bands(self.axes, figure, renderer)
            for band in self._bands:
                charts = [self.axes[i] for i in band.axes]
                band.steady = tuple(a for a in self._steady if a.axes in charts)
                band.x_free = all(_x_free(ax, [*self._dynamic, *self._tick_lines], renderer,
                                          band.x_strip is not None) for ax in charts)
            _check_stacking(self._steady, self._dynamic)
            self._sprite_boxes = _free_boxes(self.axes, figure, renderer)
            self._sprites: list[_Sprite] | None = None  # captured by ``_draw_first``

    def set_theme(self, theme: str) -> None:
        """Switch theme: the figure of the new theme is built, or brought back.

        Why keep the old one: building a figure (a new layout) costs most of a second,
        and a facilitator switches the projector mode on and off during a workshop, for
        every panel of the lesson at once. The figure of the theme left is parked whole
        (figure, artists, bands, and anything a subclass keeps beside them), so bringing
        it back is exactly the figure as it was; the caller then updates it with the
        data of now. Parked pictures are trimmed to the newest ``PARKED_KEPT`` per band.
        """
        chosen = theme_named(theme)
        parked: dict[str, dict[str, Any]] = self.__dict__.setdefault("_parked", {})
        if chosen.name == self.theme.name:
            self._rebuild()
            return
        for band in self._bands:
            trim(band.kept, PARKED_KEPT)
            trim(band.strips, PARKED_KEPT)
            trim(band.packed, PARKED_KEPT)
            trim(band.underlays, PARKED_KEPT)
        parked[self.theme.name] = {key: value for key, value in self.__dict__.items()
                                   if key != "_parked"}
        back = parked.pop(chosen.name, None)
        if back is not None:
            self.__dict__.update(back)
        else:
            self.theme = chosen
            self._rebuild()

    def dynamic(self, artist: Any) -> Any:
        """Mark ``artist`` as changing with the data: drawn on every render."""
        artist.set_animated(True)
        self._dynamic.append(artist)
        return artist

    def steady(self, artist: SteadyArtist) -> SteadyArtist:
        """Mark ``artist`` as changing with the data, but seldom: drawn with the static
        part of its chart, not on every render.

        Why: each artist drawn on every render costs a fraction of a millisecond, and
        some change only when the limits do (a line on each dose day, which the number
        of cycles sets along with the time axis). A band's kept pictures are then keyed
        by the steady artists' data as well as by the limits, so a picture is pasted
        only where it shows the very same data. Only a line or a rectangle clipped to
        its chart (so it never reaches a pasted label strip or legend), whose style does
        not change after ``build``: only its data and visibility are in the key. It is
        drawn beneath the dynamic artists, so its zorder must not be above theirs.
        """
        if not isinstance(artist, Line2D | Rectangle):
            raise TypeError(f"artist must be a Line2D or a Rectangle; "
                            f"got {type(artist).__name__}")
        if not artist.get_clip_on():
            raise ValueError("artist must be clipped to its chart (clip_on=True); "
                             "got clip_on=False")
        bands = getattr(self, "_bands", ())
        if bands:  # marked after ``build``: checked now (else once ``build`` is done)
            _check_stacking([artist], self._dynamic)
        self._steady.append(artist)
        for band in bands:  # and keyed now
            if any(artist.axes is self.axes[i] for i in band.axes):
                band.steady += (artist,)
        return artist

    def _static_key(self) -> tuple:
        """Each band's key: the x and y limits of each of its axes, then the look of
        each of its steady artists."""
        return tuple((tuple((self.axes[i].get_xlim(), self.axes[i].get_ylim())
                            for i in band.axes),
                      tuple(_look(artist) for artist in band.steady))
                     for band in self._bands)

    def line(self, ax: Axes, role: str, **kwargs: Any) -> Any:
        """A line in the look of ``role`` (see style.ROLES)."""
        look = ROLES[role]
        options: dict[str, Any] = {"color": look.color, "linestyle": look.linestyle,
                                   "label": look.label, "linewidth": self.theme.line_width_pt}
        if look.marker:
            options["marker"] = look.marker
        options.update(kwargs)
        (artist,) = ax.plot([], [], **options)
        return self.dynamic(artist)

    def draw_static(self) -> None:
        """Put the static part for the current limits on the canvas (pasted where kept,
        else drawn and kept), without the data: to draw ahead what moves will need."""
        keys = self._static_key()
        if keys == self._shown_keys:
            self._canvas.restore_region(self._background)
        else:
            self._compose_background(keys)

    def draw(self) -> None:
        """Bring the canvas up to date, drawing again only the bands whose limits changed."""
        self.draw_static()
        # Same stacking order as a full draw would use. (The dynamic artists took the
        # theme's settings when ``build`` made them.)
        # What ``Axes.draw_artist`` does, with the renderer looked up once, not per artist.
        renderer = self._canvas.get_renderer()
        for artist in sorted(self._dynamic, key=lambda a: a.get_zorder()):
            artist.draw(renderer)

    def _compose_background(self, keys: tuple) -> None:
        """Put the static part for ``keys`` on the canvas: kept bands pasted, others drawn."""
        if self._sprites is None:
            with _theme_settings(self.theme):
                self._draw_first(keys)
            return
        canvas = self._canvas
        new = {band: key for band, key in zip(self._bands, keys, strict=True)
               if key not in band.kept}
        # Bands drawn before at these limits (kept deflated), or by another kernel of this
        # server, are read, not drawn.
        found = {band: self._stored_pixels(band, key) for band, key in new.items()}
        missing = [band for band in new if found[band] is None]
        # Bands whose underlay at these limits is kept: pasted, with only their x grid
        # lines, tick marks, spines and x labels put on over it (below); the others are
        # drawn.
        overlaid = [band for band in missing
                    if band.x_free and _underlay_key(new[band]) in band.underlays]
        missing = [band for band in missing if band not in overlaid]
        if missing:
            drawn = {i for band in missing for i in band.axes}
            pasted = [sprite.artist for sprite in self._shown_sprites()]
            hidden = [ax for i, ax in enumerate(self.axes) if i not in drawn and ax.get_visible()]
            # Bands whose y labels, or x labels, at these limits are kept: pasted, not
            # drawn.
            strips = [(band, _strip_key(new[band])) for band in missing
                      if band.label_strip is not None]
            reused = [(band, ylims) for band, ylims in strips if ylims in band.strips]
            # (An x-free band's x labels are put on over its underlay: see below.)
            x_strips = [(band, _x_strip_key(new[band])) for band in missing
                        if band.x_strip is not None and not band.x_free]
            x_reused = [(band, xlims) for band, xlims in x_strips if xlims in band.x_strips]
            unlabelled = [*(self.axes[i].yaxis for band, _ in reused for i in band.axes),
                          *(self.axes[i].xaxis for band, _ in x_reused for i in band.axes),
                          *(self.axes[i].xaxis for band in missing if band.x_free
                            for i in band.axes)]
            # (Drawing axes makes new ticks, which read the theme's settings.)
            with _theme_settings(self.theme), self._x_parts_left_out(missing), \
                    _hidden([*hidden, *pasted], unlabelled), \
                    _tick_labels_unmeasured([self.axes[i] for i in drawn]), \
                    _blank_axes_skipped([self.axes[i] for i in drawn]):
                canvas.draw()  # the figure, the missing bands' axes; no dynamic artist
            for band, ylims in strips:
                self._paste_or_keep(band.strips, ylims, band.label_strip)
            for band, xlims in x_strips:
                self._paste_or_keep(band.x_strips, xlims, band.x_strip)
        x_free = [(band, new[band]) for band in [*missing, *overlaid] if band.x_free]
        if x_free:
            with _theme_settings(self.theme):
                self._overlay_x_parts(x_free, first=False)
        if missing or x_free:
            # Last: over every band drawn or overlaid, pasted as they were first drawn.
            for sprite in self._shown_sprites():
                canvas.restore_region(sprite.region)
        for band, key in zip(self._bands, keys, strict=True):
            if band not in new:
                # Limits seen before: the band's static part is a function of them.
                canvas.restore_region(band.kept[key])
                band.kept.move_to_end(key)
                continue
            pixels = found[band]
            if pixels is not None:
                self._band_pixels(band)[...] = pixels
            else:
                self._store(band, key)
            _keep_band(band, key, canvas.copy_from_bbox(band.bbox))
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._shown_keys = keys

    def _shown_sprites(self) -> list[_Sprite]:
        """The sprites on show (pasted after a drawing; not drawn by it)."""
        return [sprite for sprite in self._sprites or [] if sprite.artist.get_visible()]

    def _paste_or_keep(self, kept: OrderedDict[tuple, Any], limits: tuple,
                       region: Bbox | None, most: int = BACKGROUNDS_KEPT) -> None:
        """Paste the picture (a label strip, an underlay) ``kept`` for ``limits``, or keep
        the one just drawn in ``region`` for them (the newest ``most``)."""
        if limits in kept:
            self._canvas.restore_region(kept[limits])
            kept.move_to_end(limits)
        else:
            keep_newest(kept, limits, self._canvas.copy_from_bbox(region), most)

    @contextmanager
    def _x_parts_left_out(self, bands: list[_Band]) -> Iterator[None]:
        """Within the block, the x-free ``bands`` draw their underlays: no x grid lines,
        x tick marks or spines. (Only then: any other drawing of the figure draws them.)"""
        charts = [i for band in bands if band.x_free for i in band.axes]
        spines = [spine for i in charts for spine in self.axes[i].spines.values()
                  if spine.get_visible()]
        try:
            for i in charts:
                self._tick_lines[i].x_parts_apart = True
            for spine in spines:
                spine.set_visible(False)
            yield
        finally:
            for i in charts:
                self._tick_lines[i].x_parts_apart = False
            for spine in spines:
                spine.set_visible(True)

    def _overlay_x_parts(self, bands: list[tuple[_Band, tuple]], first: bool) -> None:
        """For each x-free band at its key: keep the underlay just drawn, or paste the
        kept one; then draw over it the band's x grid lines and tick marks, its spines
        (as matplotlib stacks them: the spines on top), and its x labels (their strip
        pasted where kept, else drawn and kept). The x axis labels that are sprites are
        drawn only at the ``first`` drawing (when the sprites are taken from it); else
        the caller pastes them after. (Called under the theme's settings: new ticks read
        them.)"""
        renderer = self._canvas.get_renderer()
        sprites = [] if first else [sprite.artist for sprite in self._shown_sprites()]
        for band, key in bands:
            self._paste_or_keep(band.underlays, _underlay_key(key), band.bbox, UNDERLAYS_KEPT)
            charts = [self.axes[i] for i in band.axes]
            for i, ax in zip(band.axes, charts, strict=True):
                self._tick_lines[i].draw_x_parts(renderer)
                for spine in ax.spines.values():
                    if spine.get_visible():
                        spine.draw(renderer)
            if band.x_strip is None:
                continue
            limits = _x_strip_key(key)
            if limits not in band.x_strips:
                with _hidden(sprites, []), _tick_labels_unmeasured(charts):
                    for ax in charts:
                        if not _draws_nothing(ax.xaxis):  # (an upper chart's draws nothing)
                            ax.xaxis.draw(renderer)
            self._paste_or_keep(band.x_strips, limits, band.x_strip)

    def _draw_first(self, keys: tuple) -> None:
        """The figure's first static part, at ``keys``: all of it drawn (no dynamic
        artist), then the sprites, each band and its label strip kept from it."""
        canvas = self._canvas
        x_free = [(band, key) for band, key in zip(self._bands, keys, strict=True)
                  if band.x_free]
        with self._x_parts_left_out(self._bands), \
                _hidden([], [self.axes[i].xaxis for band, _ in x_free for i in band.axes]):
            canvas.draw()
        self._overlay_x_parts(x_free, first=True)
        self._sprites = [_Sprite(artist, canvas.copy_from_bbox(box))
                         for artist, box in self._sprite_boxes]
        for band, key in zip(self._bands, keys, strict=True):
            if band.label_strip is not None:
                self._paste_or_keep(band.strips, _strip_key(key), band.label_strip)
            if band.x_strip is not None and not band.x_free:
                self._paste_or_keep(band.x_strips, _x_strip_key(key), band.x_strip)
            self._store(band, key)
            _keep_band(band, key, canvas.copy_from_bbox(band.bbox))
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._shown_keys = keys

    def _stored_pixels(self, band: _Band, key: tuple) -> np.ndarray | None:
        """The band's pixels at ``key`` when kept deflated or shared by another kernel."""
        shape = self._band_pixels(band).shape
        packed = band.packed.get(key)
        if packed is not None:
            band.packed.move_to_end(key)
            return _unpack(packed, shape)
        if self._shared is not None:
            return self._shared.load(band.number, key, shape)
        return None

    def _store(self, band: _Band, key: tuple) -> None:
        """Share the band's pixels, just drawn at ``key``, with the server's other kernels
        (deflated; kept deflated here too, as the bytes are made anyway)."""
        if self._shared is None:
            return  # deflated only when it leaves the pictures ready to paste
        packed = _pack(self._band_pixels(band))
        keep_newest(band.packed, key, packed, PACKED_KEPT)
        self._shared.save(band.number, key, packed)

    def _band_pixels(self, band: _Band) -> np.ndarray:
        """The canvas's pixels under ``band`` (a writable view: rows top down, RGBA)."""
        pixels = np.asarray(self._canvas.buffer_rgba())
        height = pixels.shape[0]
        box = band.bbox
        return pixels[height - int(box.y1):height - int(box.y0), int(box.x0):int(box.x1)]

    def png_bytes(self) -> bytes:
        """Draw and return the figure as PNG bytes."""
        self.draw()
        width, height = self._canvas.get_width_height(physical=True)
        return _png_from_rgba(self._canvas.buffer_rgba(), int(width), int(height))

    def to_html(self, alt_text: str) -> str:
        """An <img> tag with the PNG inline and ``alt_text`` for screen readers."""
        return img_tag(self.png_bytes(), alt_text)


def _pack(pixels: Any) -> bytes:
    """A band's pixels (an array or a kept picture: rows top down, RGBA), deflated."""
    return _deflate(np.ascontiguousarray(pixels).tobytes(), 1)


def _unpack(packed: bytes, shape: tuple[int, ...]) -> np.ndarray | None:
    """The pixels ``_pack`` deflated (read-only, of ``shape``: rows, columns, 4), or None
    when the bytes do not hold that many."""
    data = _inflate(packed)
    if len(data) != math.prod(shape):
        return None
    return np.frombuffer(data, dtype=np.uint8).reshape(shape)


def _keep_band(band: _Band, key: tuple, picture: Any) -> None:
    """Keep ``picture`` ready to paste as the band's newest. The oldest past
    ``BACKGROUNDS_KEPT`` is deflated and kept in ``band.packed``. (Why only then:
    deflating costs as much as several pastes, and most pictures are not needed again.)"""
    for old_key, old in keep_newest(band.kept, key, picture, BACKGROUNDS_KEPT):
        if old_key not in band.packed:
            keep_newest(band.packed, old_key, _pack(old), PACKED_KEPT)


def _png_from_rgba(rgba: Any, width: int, height: int) -> bytes:
    """A PNG image of ``height`` rows of ``width`` RGBA pixels (8 bits each, row by row).

    Why our own writer: Pillow's picks a filter for every row and wants RGB, which cost
    about 9 ms a frame here, the largest part of a blitted render. A PNG is only the
    rows (each led by filter 0, "none") deflated, with a header and checksums; a chart's
    flat colours compress about as well unfiltered. ``deflate`` is ISA-L's when the
    ``isal`` package is installed (several times faster than zlib), else zlib's.
    """
    pixels = np.frombuffer(rgba, dtype=np.uint8)
    if pixels.size != width * height * 4:
        raise ValueError(f"rgba must hold width * height * 4 = {width * height * 4} bytes; "
                         f"got {pixels.size}")
    rows = np.empty((height, width * 4 + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "none" before each row
    rows[:, 1:] = pixels.reshape(height, width * 4)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"".join((_PNG_SIGNATURE, _chunk(b"IHDR", header),
                     _chunk(b"IDAT", _deflate(rows.data, 1)), _chunk(b"IEND", b"")))


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return b"".join((struct.pack(">I", len(data)), kind, data,
                     struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)) & 0xFFFFFFFF)))


def img_tag(png: bytes, alt_text: str) -> str:
    encoded = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt_text)}" '
            f'style="max-width:100%;height:auto;display:block">')


@contextmanager
def _theme_settings(theme: Theme) -> Iterator[None]:
    """Within the block, matplotlib's settings are ``theme``'s (``style.rc_for``); after
    it, those settings are as they were.

    Why not ``matplotlib.rc_context``: it copies and then checks again every one of
    matplotlib's 300-odd settings, about half a millisecond, on every move that draws.
    Only the theme's own settings are set here, and only they are put back (drawing
    changes no setting).
    """
    settings = rc_for(theme)
    params = matplotlib.rcParams
    before = {key: params[key] for key in settings}
    try:
        params.update(settings)
        yield
    finally:
        params.update(before)


@contextmanager
def _hidden(artists: list[Any], label_axes: list[Any]) -> Iterator[None]:
    """Within the block, ``artists`` are not drawn, and the y axes in ``label_axes`` draw
    their ticks and grid but no tick labels (major or minor) and no axis label."""
    formatters = [(axis.get_major_formatter(), axis.get_minor_formatter())
                  for axis in label_axes]
    labels_shown = [axis.label.get_visible() for axis in label_axes]
    try:
        for artist in artists:
            artist.set_visible(False)
        for axis in label_axes:
            # An empty label is not laid out. (The minor labels of a log axis too: they
            # sit in the strip pasted over them.)
            axis.set_major_formatter(NullFormatter())
            axis.set_minor_formatter(NullFormatter())
            axis.label.set_visible(False)
        yield
    finally:
        for artist in artists:
            artist.set_visible(True)
        for axis, (major, minor), shown in zip(label_axes, formatters, labels_shown,
                                               strict=True):
            axis.set_major_formatter(major)
            axis.set_minor_formatter(minor)
            axis.label.set_visible(shown)


@contextmanager
def _blank_axes_skipped(axes: list[Axes]) -> Iterator[None]:
    """Within the block, an axis of ``axes`` that would draw nothing is not drawn at all.

    Why: our grid lines and tick marks are drawn by ``tick_lines``, so all an axis still
    draws is its tick labels, its label and its offset text ("1e6"). In a stack of
    charts sharing one time axis only the lowest shows its tick labels, and a y axis
    whose labels are pasted from its kept strip shows none (``_hidden``); yet matplotlib
    would still work out every tick's place, text and artists, about a third of drawing
    a chart again. Decided as the block starts, so within ``_hidden``.
    """
    skipped = []
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            if _draws_nothing(axis):
                axis.draw = _draw_nothing  # type: ignore[method-assign]
                skipped.append(axis)
    try:
        yield
    finally:
        for axis in skipped:
            del axis.draw  # the class's own method again


def _draw_nothing(renderer: Any) -> None:
    return None


def _draws_nothing(axis: Any) -> bool:
    """Whether drawing ``axis`` would put nothing on the canvas: its label and offset
    text are hidden or empty, and its tick labels (major and minor) are switched off or
    formatted as nothing. (Its grid lines and tick marks are ``tick_lines``'s.)"""
    if axis.label.get_visible() and axis.label.get_text():
        return False
    for formatter, ticks in ((axis.get_major_formatter(), axis.get_major_ticks(1)),
                             (axis.get_minor_formatter(), axis.get_minor_ticks(1))):
        if isinstance(formatter, NullFormatter):
            continue  # no tick labels, and no offset text either
        if axis.offsetText.get_visible():
            return False
        tick = ticks[0]
        if tick.label1.get_visible() or tick.label2.get_visible():
            return False
    return True


#: matplotlib's (private) method of an axis that measures its tick labels as it draws.
_MEASURE = "_get_ticklabel_bboxes"


@contextmanager
def _tick_labels_unmeasured(axes: list[Axes]) -> Iterator[None]:
    """Within the block, drawing an axis of ``axes`` does not measure its tick labels.

    Why: matplotlib measures every tick label at each draw (about a fifth of drawing a
    chart here) for two uses only: to move the axis label clear of them, and to place
    the offset text ("1e6"). Our axis labels are pinned (``_pin_axis_labels``), so only
    an axis showing an offset text still measures. Only while drawing: measuring a
    chart's extent (``get_tightbbox``, used to plan the bands) needs the boxes.
    """
    patched = []
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            measure = getattr(axis, _MEASURE, None)
            if measure is None:  # another matplotlib: leave it as it is
                continue

            def boxes(ticks: Any, renderer: Any, axis: Any = axis, measure: Any = measure) -> Any:
                if axis.major.formatter.get_offset():
                    return measure(ticks, renderer)
                return [], []

            setattr(axis, _MEASURE, boxes)
            patched.append(axis)
    try:
        yield
    finally:
        for axis in patched:
            delattr(axis, _MEASURE)  # the class's own method again


#: The environment variable naming a folder where the kernels of one server share the
#: static pictures of their figures' bands (set by ``python3 run.py app`` and ``room``).
SHARED_PICTURES_ENV = "CHEMO_SHARED_PICTURES"


class _SharedPictures:
    """Band pictures shared by every kernel of one server, as files in one folder.

    Why: in a workshop the whole room makes the same moves ("set the cycles to 8"), so
    one kernel's drawing of a chart at some limits serves every other kernel: a file
    read costs about a millisecond, a chart drawn again tens. The folder lives as long
    as the server that made it (so the code that drew a picture is the code reading
    it); a file is written whole under a temporary name and then renamed, so a reader
    never sees half of one. A picture is the band's RGBA pixels, deflated.
    """

    def __init__(self, folder: Path, figure_name: str) -> None:
        """``figure_name`` names the figure class and its theme (which fixes its size)."""
        self.folder = folder
        self.figure_name = figure_name

    def _path(self, band: int, key: tuple) -> Path:
        name = f"{self.figure_name}|{band}|{key!r}"
        return self.folder / (hashlib.sha256(name.encode()).hexdigest()[:40] + ".rgba")

    def load(self, band: int, key: tuple, shape: tuple[int, ...]) -> np.ndarray | None:
        """The band's pixels (of ``shape``: rows, columns, 4), or None when no kernel of
        this server has drawn them."""
        try:
            return _unpack(self._path(band, key).read_bytes(), shape)
        except Exception:  # noqa: BLE001 - none yet, or a damaged file: draw it
            return None

    def save(self, band: int, key: tuple, packed: bytes) -> None:
        """Share the band's pixels, deflated (``packed``)."""
        path = self._path(band, key)
        if path.exists():
            return
        temporary = path.with_suffix(f".{os.getpid()}.part")
        try:
            temporary.write_bytes(packed)
            os.replace(temporary, path)
        except OSError:  # a full or vanished folder: the picture is only not shared
            temporary.unlink(missing_ok=True)


def _shared_pictures(figure_name: str) -> _SharedPictures | None:
    folder = os.environ.get(SHARED_PICTURES_ENV)
    if not folder or not Path(folder).is_dir():
        return None
    return _SharedPictures(Path(folder), figure_name)


def _pin_axis_labels(axes: list[Axes]) -> None:
    """Keep every axis label where the layout put it, whatever the limits later.

    Why: matplotlib moves an axis label clear of its tick labels at each draw, and lines
    up the y labels of stacked charts by the widest tick labels of them all. So one
    chart's limits would move another chart's label, and a band could not be kept on
    its own. The layout was made with the widest tick labels expected, so the labels'
    places then are safe at any limits (and the labels no longer jiggle as a slider moves).
    """
    for ax in axes:
        # Titles too stay where the layout put them. (matplotlib would place them again
        # above the x axis at every draw, measuring every y tick label to do so; our
        # x axes are at the foot of their charts, so the place never changes.) This is
        # the flag that ``set_title(y=...)`` sets to False.
        if hasattr(ax, "_autotitlepos"):
            ax._autotitlepos = False
        box = ax.bbox
        x_axes, y_pixels = ax.xaxis.label.get_position()
        ax.xaxis.set_label_coords(x_axes, (y_pixels - box.y0) / box.height)
        x_pixels, y_axes = ax.yaxis.label.get_position()
        ax.yaxis.set_label_coords((x_pixels - box.x0) / box.width, y_axes)


def _plan_bands(axes: list[Axes], figure: Figure, renderer: Any) -> list[_Band]:
    """Split the figure into horizontal bands, one per row of axes, top to bottom.

    Axes whose footprints (plot area, ticks, labels, legend) overlap in height share a
    band (side by side, or twins). Each boundary lies midway between the rows, on a
    whole pixel, and the bands tile the figure, so figure-level artists (a figure
    legend, a title) belong to the band they sit in.
    """
    bottoms: list[float] = []  # per row, top to bottom (pixels from the figure's foot)
    tops: list[float] = []
    members: list[list[int]] = []
    spans = []
    for index, ax in enumerate(axes):
        tight = ax.get_tightbbox(renderer)
        box = ax.bbox if tight is None else Bbox.union([tight, ax.bbox])
        # A y tick label at either end of the axis reaches half its height past it, at
        # limits to come as well as at the layout's: the row must hold that too.
        reach = _end_label_reach(ax, renderer)
        spans.append((min(float(box.y0), float(ax.bbox.y0) - reach),
                      max(float(box.y1), float(ax.bbox.y1) + reach), index))
    for bottom, top, index in sorted(spans, key=lambda span: -span[1]):
        if members and top >= bottoms[-1]:  # overlaps the row above: same row
            bottoms[-1] = min(bottoms[-1], bottom)
            members[-1].append(index)
        else:
            bottoms.append(bottom)
            tops.append(top)
            members.append([index])
    width, height = float(figure.bbox.width), float(figure.bbox.height)
    cuts = [height, *(float(round((bottoms[n] + tops[n + 1]) / 2))
                      for n in range(len(members) - 1)), 0.0]
    bands = [_Band(n, tuple(sorted(row)), Bbox.from_extents(0.0, cuts[n + 1], width, cuts[n]))
             for n, row in enumerate(members)]
    for band in bands:
        charts = [axes[i] for i in band.axes]
        band.label_strip = _label_strip(charts, band.bbox, renderer)
        band.x_strip = _x_label_strip(charts, band.bbox, band.label_strip, renderer)
    return bands


def _strip_key(band_key: tuple) -> tuple:
    """What a band's label strip depends on: its charts' y limits, out of the band's key.
    (Its steady artists are clipped to the charts, so they never reach the strip.)"""
    limits, _looks = band_key
    return tuple(ylim for _xlim, ylim in limits)


def _underlay_key(band_key: tuple) -> tuple:
    """What an x-free band's underlay depends on: its charts' y limits and its steady
    artists' looks, out of the band's key (see ``_Band.x_free``)."""
    limits, looks = band_key
    return tuple(ylim for _xlim, ylim in limits), looks


def _x_free(ax: Axes, own: list[Any], renderer: Any, x_strip: bool) -> bool:
    """Whether ``ax`` may draw its x grid lines, x tick marks and spines over the rest
    of its static part, and that rest is the same at any x limits.

    That is: it shows no x tick labels, x label or offset text, or shows them only in
    its band's x label strip (``x_strip``: they are then put on after); every artist it
    holds (but ``own``: the dynamic ones, and its grid lines and tick marks) is placed
    across in its own box, not in data (a legend, a title, a band across the chart), or
    is a spine of the chart's whole width or height; and none of them that reaches into
    the chart is stacked above its grid lines, so drawing the lines, marks and spines
    last stacks them as matplotlib does.
    """
    if not (x_strip or _draws_nothing(ax.xaxis)):
        return False
    x_parts_at = ax.xaxis.get_zorder()
    for child in ax.get_children():
        if child in own or isinstance(child, Axis) or not child.get_visible():
            continue
        if isinstance(child, Spine):
            if child.get_bounds() is not None:  # a spine drawn between data values
                return False
            continue
        try:
            x_in_data, _y_in_data = child.get_transform().contains_branch_seperately(
                ax.transData)
        except ValueError:  # a transform matplotlib cannot split: taken as x-dependent
            return False
        if x_in_data:
            return False
        if child.get_zorder() > x_parts_at and child.get_window_extent(renderer).overlaps(
                ax.bbox):
            return False
    return True


def _x_strip_key(band_key: tuple) -> tuple:
    """What a band's x label strip depends on: its charts' x limits, out of its key."""
    limits, _looks = band_key
    return tuple(xlim for xlim, _ylim in limits)


def _check_stacking(steady: list[Any], dynamic: list[Any]) -> None:
    """A steady artist is drawn with the static part, beneath every dynamic artist: one
    above a dynamic artist of its chart (higher zorder) would be drawn in the wrong order."""
    for artist in steady:
        below = [other.get_zorder() for other in dynamic if other.axes is artist.axes]
        if below and artist.get_zorder() > min(below):
            raise ValueError(f"a steady artist's zorder must be at most {min(below)} (the "
                             f"lowest of the dynamic artists of its chart); "
                             f"got {artist.get_zorder()}")


def _look(artist: Line2D | Rectangle) -> tuple:
    """What a steady artist shows, as a key: whether it is visible, and its data (a
    line's points as a digest of their bytes; a rectangle's corner and size)."""
    if isinstance(artist, Line2D):
        return (artist.get_visible(), *(_digest(values) for values in artist.get_data()))
    return (artist.get_visible(), *artist.get_xy(), artist.get_width(), artist.get_height())


def _digest(values: Any) -> tuple[tuple[int, ...], bytes]:
    data = np.asarray(values, dtype=float)
    return data.shape, hashlib.blake2b(data.tobytes(), digest_size=16).digest()


def _across(boxes: list[Bbox]) -> Bbox:
    """The horizontal strip, the figure's whole width and more, that ``boxes`` span in height."""
    union = Bbox.union(boxes)
    return Bbox.from_extents(-1e9, union.y0, 1e9, union.y1)


def _shown(texts: Iterable[Text]) -> list[Text]:
    """The ``texts`` a draw puts on the canvas: visible, and not empty."""
    return [text for text in texts if text.get_visible() and text.get_text()]


def _end_label_reach(ax: Axes, renderer: Any) -> float:
    """How far (pixels) a y tick label centred on either end of ``ax``'s y axis reaches
    past it: half the tallest tick label's height, and a pixel of anti-aliasing."""
    labels = _shown(label for tick in ax.yaxis.get_major_ticks()
                    for label in (tick.label1, tick.label2))
    if not (ax.get_visible() and ax.yaxis.get_visible()) or not labels:
        return 0.0
    return max(label.get_window_extent(renderer).height for label in labels) / 2.0 + 1.0


def _label_strip(charts: list[Axes], band: Bbox, renderer: Any) -> Bbox | None:
    """The strip of ``band`` left of its charts' y tick labels (pixels), or None.

    Only when every chart of the band has a visible y axis labelled on the left (a
    chart stacked over another shares a band with it when their labels come close).
    The strip ends one pixel right of the rightmost tick label (they are right-aligned,
    so that edge is the same at any limits) and stops short of every chart's tick
    marks, which are drawn with the chart; the x tick labels start further right.
    Everything in the strip then depends on the charts' y limits alone.
    """
    edges = []
    for ax in charts:
        axis = ax.yaxis
        # (Tick labels on the right are label2: not among get_ticklabels(), so no edges.)
        if not (ax.get_visible() and axis.get_visible()) \
                or axis.get_label_position() != "left":
            return None
        own = [label.get_window_extent(renderer).x1
               for label in _shown(axis.get_ticklabels())]
        if not own:  # no labels to measure: their edge at other limits is unknown
            return None
        edges += own
    right = float(math.ceil(max(edges))) + 1.0
    # Too close to a chart: its x labels could reach the strip.
    if right > min(ax.bbox.x0 for ax in charts) - 3.0:
        return None
    return Bbox.from_extents(0.0, band.y0, right, band.y1)


def _x_label_strip(charts: list[Axes], band: Bbox, label_strip: Bbox | None,
                   renderer: Any) -> Bbox | None:
    """The strip of ``band`` from its foot up to just above its charts' x tick labels,
    right of ``label_strip`` (pixels), or None.

    Only when the band has a y label strip (this one starts at its right edge, so the
    two never overlap), and every chart of the band that labels its x axis does so at
    the foot: tick labels (no top ones) and axis label inside the strip. Its top is one
    pixel above the tallest x tick label (matplotlib gives every one-line label of a
    font the same height, so that edge is the same at any limits), below every chart's
    tick marks, which are drawn with the chart; the y tick labels (a lowest one reaches
    below its chart) lie in the y strip. Everything in the strip then depends on the
    charts' x limits alone.
    """
    if label_strip is None:
        return None
    boxes = []
    lowest_marks = []
    for ax in charts:
        axis = ax.xaxis
        if not (ax.get_visible() and axis.get_visible()):
            continue
        texts = _shown([*axis.get_ticklabels(), axis.label, axis.offsetText])
        if not texts:
            continue  # an upper chart of a stack: its x axis shows nothing
        ticks = (*axis.get_major_ticks(1), *axis.get_minor_ticks(1))
        if any(tick.label2.get_visible() for tick in ticks):
            return None  # labels on top: drawn with the chart, not in the strip
        boxes += [text.get_window_extent(renderer) for text in texts]
        # Where the chart's tick marks end below it (a pixel more for anti-aliasing).
        lowest_marks += [ax.bbox.y0 - renderer.points_to_pixels(tick.get_tick_padding()) - 1.0
                         for tick in ticks]
    if not boxes:
        return None
    top = float(math.ceil(max(box.y1 for box in boxes))) + 1.0
    strip = Bbox.from_extents(label_strip.x1, band.y0, band.x1, top)
    inside = all(strip.x0 <= box.x0 and box.x1 <= strip.x1 and strip.y0 <= box.y0
                 for box in boxes)
    if not inside or top > min(lowest_marks):
        return None
    return strip


def _free_boxes(axes: list[Axes], figure: Figure, renderer: Any) -> list[tuple[Any, Bbox]]:
    """The legends, static chart titles and x axis labels no limit-dependent pixel
    touches, each with the box to keep (pixels).

    One qualifies when its box, two pixels wider all round, overlaps no plot area,
    no horizontal strip where an x axis draws its tick labels (and, but for an x axis
    label itself, its axis label), and no vertical strip where a y axis draws its tick
    labels and label. Anything else inside the box is then static at any limits. (A
    title is one of the axes' own texts: not added by ``ax.text``, not an axis label,
    and not marked dynamic, which a title that changes with the data is.) The strip of
    tick labels found now holds at any limits: matplotlib gives every one-line label of
    a font the same height and depth, whatever its characters.
    """
    areas = [ax.bbox for ax in axes]
    x_labels = [ax.xaxis.label for ax in axes if ax.xaxis.label.get_text()]
    # Per x axis: its label, the strip of its tick labels alone (what its own label must
    # keep clear of), and the strip of its tick labels and label (for everything else).
    across_x: list[tuple[Text, Bbox | None, Bbox]] = []
    down_y = []
    for ax in axes:
        ticks = [label.get_window_extent(renderer)
                 for label in _shown(ax.xaxis.get_ticklabels())]
        label = ax.xaxis.label
        with_label = [*ticks, *(text.get_window_extent(renderer) for text in _shown([label]))]
        if with_label:
            across_x.append((label, _across(ticks) if ticks else None, _across(with_label)))
        box = ax.yaxis.get_tightbbox(renderer)
        if box is not None:
            down_y.append(Bbox.from_extents(box.x0, -1e9, box.x1, 1e9))
    legends = [ax.get_legend() for ax in axes] + list(figure.legends)
    titles = [child for ax in axes for child in ax.get_children()
              if type(child) is Text and child not in ax.texts and child.get_text()
              and not child.get_animated()]
    free = []
    for artist in [*legends, *titles, *x_labels]:
        if artist is None or not artist.get_visible():
            continue
        zones = [*areas, *down_y]
        for label, ticks_only, strip in across_x:
            zone = ticks_only if artist is label else strip
            if zone is not None:
                zones.append(zone)
        box = artist.get_window_extent(renderer).padded(2.0)
        box = Bbox.from_extents(max(0.0, float(round(box.x0 - 0.5))),
                                max(0.0, float(round(box.y0 - 0.5))),
                                min(figure.bbox.width, float(round(box.x1 + 0.5))),
                                min(figure.bbox.height, float(round(box.y1 + 0.5))))
        if not any(box.overlaps(zone) for zone in zones):
            free.append((artist, box))
    return free
