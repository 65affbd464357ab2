"""A figure built once and then updated in place, rendered to a PNG.

Why: a slider move should cost a data update and one draw, not a new figure
and a new layout. ``LiveFigure`` lays the figure out once (constrained
layout), then freezes the layout, so every later render only draws.

Figures are plain ``matplotlib.figure.Figure`` objects with an Agg canvas:
no pyplot, so nothing is shown or kept alive behind the panel's back.
"""

from __future__ import annotations

import base64
import html
import io
from abc import ABC, abstractmethod
from collections import OrderedDict
from typing import Any, Generic, TypeVar

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from .style import ROLES, Theme, rc_for, theme_named

__all__ = ["LiveFigure", "img_tag"]

#: The figure's data: a frozen dataclass of arrays and numbers, defined beside
#: each figure (plots know nothing of the model, only of what they draw).
D = TypeVar("D")

#: Static backgrounds kept per figure, one per set of axis limits, most recent first.
#: Why: a reader moves a slider back and forth, so limits seen a moment ago come back,
#: and a full draw costs several times a blitted one. Each is one RGBA bitmap of the
#: figure (about 1.4 MB standard, 2.4 MB projector), so a few, not many.
BACKGROUNDS_KEPT = 6


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
    # (about 50 ms here), yet a slider move changes only the data. The static
    # part is drawn once per set of axis limits and kept as a bitmap; each
    # render pastes it back and draws only the artists marked dynamic. The last
    # few bitmaps are kept (BACKGROUNDS_KEPT), so anything not marked dynamic must
    # depend on the axis limits alone.

    # -- subclasses ----------------------------------------------------------
    @abstractmethod
    def build(self, figure: Figure) -> list[Axes]:
        """Make the axes and artists (once per theme); return the axes."""

    @abstractmethod
    def update(self, data: D) -> None:
        """Put ``data`` into the artists (no new artists, no layout)."""

    # -- shared machinery ----------------------------------------------------
    def _rebuild(self) -> None:
        with matplotlib.rc_context(rc_for(self.theme)):
            self._dynamic: list = []
            self._background = None
            self._background_key: tuple | None = None
            self._backgrounds: OrderedDict[tuple, Any] = OrderedDict()
            figure = Figure(figsize=(self.theme.figure_width_in, self.height_in),
                            dpi=self.theme.dpi, layout="constrained")
            # Kept typed as Agg (figure.canvas is typed as the base class): blitting and
            # buffer_rgba are Agg's.
            self._canvas = FigureCanvasAgg(figure)
            self.figure = figure
            self.axes = self.build(figure)
            # Lay out once with the widest tick labels we expect, then freeze it.
            figure.canvas.draw()
            figure.set_layout_engine("none")

    def set_theme(self, theme: str) -> None:
        """Switch theme: the one time a figure is rebuilt."""
        self.theme = theme_named(theme)
        self._rebuild()

    def dynamic(self, artist: Any) -> Any:
        """Mark ``artist`` as changing with the data: drawn on every render."""
        artist.set_animated(True)
        self._dynamic.append(artist)
        return artist

    def _static_key(self) -> tuple:
        return tuple((ax.get_xlim(), ax.get_ylim()) for ax in self.axes)

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

    def draw(self) -> None:
        """Bring the canvas up to date, redrawing the static part only if it changed."""
        canvas = self._canvas
        key = self._static_key()
        with matplotlib.rc_context(rc_for(self.theme)):
            if key != self._background_key:
                background = self._backgrounds.get(key)
                if background is None:
                    canvas.draw()  # draws everything but the dynamic artists
                    background = canvas.copy_from_bbox(self.figure.bbox)
                    self._backgrounds[key] = background
                    if len(self._backgrounds) > BACKGROUNDS_KEPT:
                        self._backgrounds.popitem(last=False)
                else:
                    # Limits seen before: the static part is a function of the limits.
                    self._backgrounds.move_to_end(key)
                    canvas.restore_region(background)
                self._background = background
                self._background_key = key
            else:
                canvas.restore_region(self._background)
            # Same stacking order as a full draw would use.
            for artist in sorted(self._dynamic, key=lambda a: a.get_zorder()):
                artist.axes.draw_artist(artist)

    def png_bytes(self) -> bytes:
        """Draw and return the figure as PNG bytes."""
        self.draw()
        canvas = self._canvas
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        # Light compression: a slightly larger PNG is far cheaper than a slow slider.
        image.convert("RGB").save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def to_html(self, alt_text: str) -> str:
        """An <img> tag with the PNG inline and ``alt_text`` for screen readers."""
        return img_tag(self.png_bytes(), alt_text)


def img_tag(png: bytes, alt_text: str) -> str:
    encoded = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt_text)}" '
            f'style="max-width:100%;height:auto;display:block">')
