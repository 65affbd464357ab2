"""The shared frame of every interactive panel.

A panel is: a row of buttons (examples to load, reset, large text), the
controls, the figure, and a live caption in plain words. Subclasses say
which controls there are, what the model computes from them, how the figure
shows it and how to say it in words; this class wires the rest.

Every control change runs one ``update``: compute, update the figure's
artists in place, render, and rewrite the caption and the alt text.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from ..plots.live_figure import LiveFigure

__all__ = ["LessonPanel", "labelled"]

_CHOOSE = "Choose an example..."
_WIDE = widgets.Layout(width="min(760px, 100%)")
_LABEL_STYLE = {"description_width": "360px"}


def labelled(widget: widgets.ValueWidget) -> widgets.ValueWidget:
    """Give a control the series' label width and layout, and keep it calm.

    ``continuous_update=False``: the figure follows when a slider is let go
    (or a key pressed), which keeps slow laptops and Binder responsive.
    """
    widget.style = _LABEL_STYLE
    widget.layout = _WIDE
    if hasattr(widget, "continuous_update"):
        widget.continuous_update = False
    return widget


class LessonPanel:
    """Base class for the lesson panels.

    Subclasses implement:
        make_controls() -> dict of name -> ipywidgets control (labelled).
        make_figure(theme) -> a LiveFigure.
        compute(values) -> any model state.
        show(state, values): put the state into ``self.figure``.
        describe(state, values) -> caption text (plain words, may hold <b>).
        alt_text(state, values) -> what the figure shows, for screen readers.
    and may set ``presets``: name -> (control values, a one-line story).
    """

    presets: Mapping[str, tuple[Mapping[str, Any], str]] = {}
    title: str = ""

    def __init__(self, theme: str = "standard") -> None:
        self.controls: dict[str, widgets.ValueWidget] = self.make_controls()
        self.defaults = {name: control.value for name, control in self.controls.items()}
        self.figure: LiveFigure = self.make_figure(theme)
        self._holding = 0
        self.state: Any = None
        self.error: str | None = None

        self.example = widgets.Dropdown(
            options=[_CHOOSE, *self.presets], value=_CHOOSE, description="Example:",
            layout=widgets.Layout(width="auto"),
        )
        self.reset_button = widgets.Button(description="Reset all controls",
                                           tooltip="Put every control back to where it started")
        self.projector = widgets.Checkbox(value=(theme == "projector"),
                                          description="Large text (projector)", indent=False,
                                          layout=widgets.Layout(width="auto"))
        self.story = widgets.HTML()
        self.figure_view = widgets.HTML()
        self.figure_view.add_class("chemo-figure")
        self.caption = widgets.HTML()
        self.caption.add_class("chemo-caption")

        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.example.observe(self._on_example, names="value")
        self.reset_button.on_click(lambda _button: self.reset())
        self.projector.observe(self._on_projector, names="value")

        header = [widgets.HTML(f"<h4 style='margin:0.3em 0'>{html.escape(self.title)}</h4>")]
        buttons = widgets.HBox(
            [self.example, self.reset_button, self.projector] if self.presets
            else [self.reset_button, self.projector],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        self.widget = widgets.VBox(
            [*(header if self.title else []), buttons, self.story,
             widgets.VBox(list(self.controls.values())), self.figure_view, self.caption],
        )
        self.widget.add_class("chemo-panel")
        self.update()

    # -- to implement --------------------------------------------------------
    def make_controls(self) -> dict[str, widgets.ValueWidget]:  # pragma: no cover
        raise NotImplementedError

    def make_figure(self, theme: str) -> LiveFigure:  # pragma: no cover
        raise NotImplementedError

    def compute(self, values: Mapping[str, Any]) -> Any:  # pragma: no cover
        raise NotImplementedError

    def show(self, state: Any, values: Mapping[str, Any]) -> None:  # pragma: no cover
        raise NotImplementedError

    def describe(self, state: Any, values: Mapping[str, Any]) -> str:  # pragma: no cover
        raise NotImplementedError

    def alt_text(self, state: Any, values: Mapping[str, Any]) -> str:  # pragma: no cover
        raise NotImplementedError

    # -- behaviour -----------------------------------------------------------
    @property
    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Set several controls at once, then update once (for presets and tests)."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"control must be one of {sorted(self.controls)}; "
                             f"got {sorted(unknown)}")
        self._holding += 1
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding -= 1
        self.update()

    def reset(self) -> None:
        """Every control back to its starting value; the example menu cleared."""
        self._holding += 1
        try:
            self.example.value = _CHOOSE
        finally:
            self._holding -= 1
        self.story.value = ""
        self.set(**self.defaults)

    def load_example(self, name: str) -> None:
        """Load the preset called ``name`` (as the Example menu does)."""
        if name not in self.presets:
            raise ValueError(f"example must be one of {list(self.presets)}; got {name!r}")
        self.example.value = name

    def _on_example(self, change) -> None:
        if self._holding or change["new"] == _CHOOSE:
            return
        values, story = self.presets[change["new"]]
        self.story.value = f"<p><b>{html.escape(change['new'])}:</b> {story}</p>"
        self.set(**values)

    def _on_change(self, _change) -> None:
        if not self._holding:
            self.update()

    def _on_projector(self, change) -> None:
        self.figure.set_theme("projector" if change["new"] else "standard")
        self.widget.remove_class("chemo-projector") if not change["new"] else \
            self.widget.add_class("chemo-projector")
        self.update()

    def update(self) -> None:
        """Recompute, redraw and re-caption from the current control values."""
        values = self.values
        try:
            state = self.compute(values)
            self.show(state, values)
            caption = self.describe(state, values)
            alt = self.alt_text(state, values)
        except ValueError as problem:
            # A control combination the model cannot handle: say so, keep the old figure.
            self.error = str(problem)
            self.caption.value = (
                "<p role='status' aria-live='polite'><b>The model cannot show this "
                f"combination:</b> {html.escape(str(problem))}</p>")
            return
        self.error = None
        self.state = state
        self.figure_view.value = self.figure.to_html(alt)
        self.caption.value = f"<p role='status' aria-live='polite'>{caption}</p>"

    @property
    def caption_text(self) -> str:
        """The caption as plain text (tags removed), for tests and notebooks."""
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self.caption.value)).strip()

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a front end
        from IPython.display import display

        display(self.widget)
