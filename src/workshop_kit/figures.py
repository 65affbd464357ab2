"""Each panel's figure at its named examples, drawn to SVG files without any widget.

The panel class is used only for what it already knows: its interaction (values type,
compute, caption, alt text, presets), ``make_figure`` and ``figure_data``. No control,
widget or kernel is made: the class is instantiated without running its ``__init__``.
SVG keeps the print sharp at any size (vector); text is stored as outlines, so no font is
fetched. The colours and line styles are the series' colour-blind-safe ones (plots.style).
"""

from __future__ import annotations

import dataclasses
import importlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import matplotlib

__all__ = ["Example", "PanelFigures", "render_panel"]


@dataclass(frozen=True)
class Example:
    """One figure: a panel at one named example."""

    name: str
    story: str
    caption_html: str
    alt_text: str
    file_name: str
    extra_html: str = ""


@dataclass(frozen=True)
class PanelFigures:
    """A panel's title and its figures, one per named example, in the menu's order."""

    title: str
    examples: list[Example]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _svg(figure) -> bytes:
    """The figure as SVG. Its data artists are drawn on every render of the live panel
    (marked animated, see plots.live_figure), which a plain save would skip."""
    for artist in figure._dynamic:
        artist.set_animated(False)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "chemo-kit"}):
        figure.figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def render_panel(panel_ref: str, out_dir: Path) -> PanelFigures:
    """Draw panel ``panel_ref`` ("module.ClassName" in helpers.panels) at every example
    into ``out_dir``; return their words. Raises ValueError when the panel has no examples.
    """
    module_name, class_name = panel_ref.split(".")
    module = importlib.import_module(f"helpers.panels.{module_name}")
    panel_class = getattr(module, class_name)
    interaction = panel_class.interaction
    if not interaction.presets:
        raise ValueError(f"panel {panel_ref} must have named examples; it has none")
    panel = object.__new__(panel_class)  # no widgets: only make_figure and figure_data
    words = importlib.import_module(interaction.caption.__module__)
    table = getattr(words, "scan_table_html", None)
    out_dir.mkdir(parents=True, exist_ok=True)
    examples = []
    # One figure per panel, updated per example, as the live panel does on a preset pick.
    figure = panel.make_figure("standard")
    for name, preset in interaction.presets.items():
        values = interaction.values_type(**dataclasses.asdict(preset.values))
        state = interaction.compute(values)
        figure.update(panel.figure_data(state))
        file_name = f"{module_name}-{_slug(name)}.svg"
        (out_dir / file_name).write_bytes(_svg(figure))
        examples.append(Example(name, preset.story, interaction.caption(state),
                                interaction.alt_text(state), file_name,
                                table(state) if table else ""))
    return PanelFigures(panel_class.title or class_name, examples)
