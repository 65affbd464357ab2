"""The shared frame of every interactive panel.

A panel is: a row of buttons (examples to load, reset), the story of the
example loaded, the controls, the figure, and a live caption in plain words.
The flow is one way:

    controls -> values (lessons.X.Values) -> state (lessons.X.compute)
             -> figure data (figure_data) -> picture
             -> caption and alt text (words.X)

A subclass names its ``Interaction`` (values type, compute, words, presets),
its controls table and its figure, and maps a state to the figure's data.
It holds no model rule and builds no sentence of the lesson.

The example menu always says what the controls show: an example's name while the
controls hold its values, "Your own settings" once a control leaves them (and the
story says the example no longer describes the picture). Picking an example always
loads it, even the one last picked.

Presentation (standard or projector) is the page's, not the panel's: each panel
follows ``presentation.presentation`` (one switch per page).
"""

from __future__ import annotations

import dataclasses
import html
import math
import re
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

import ipywidgets as widgets

from ..checks import WrongTypeError
from ..lessons.presets import Preset
from ..plots._kept import recall
from ..plots.live_figure import LiveFigure
from .controls import control_values, needs_a_wide_row, spoken_positions
from .frontend import PanelFrontEnd
from .presentation import presentation
from .startup import freeze_imports

__all__ = ["Interaction", "LessonPanel"]

# The heavy imports (matplotlib, ipywidgets, numpy) are done: keep the garbage
# collector off their objects, so a full collection cannot stall a slider move.
freeze_imports()

V = TypeVar("V")
S = TypeVar("S")
D = TypeVar("D")

_CHOOSE = "Choose an example..."
#: The menu entry shown once the controls leave the example's values.
OWN_SETTINGS = "Your own settings"
#: States (with their caption and alt text) kept per panel, by the values they came
#: from, most recent last (see ``LessonPanel._outcome``). A state is at most a few
#: hundred kB of read-only arrays.
STATES_KEPT = 32


@dataclass(frozen=True)
class Interaction(Generic[V, S]):
    """What one panel shows, from the layers below: values, state, words, examples."""

    values_type: Callable[..., V]
    compute: Callable[[V], S]
    caption: Callable[[S], str]
    alt_text: Callable[[S], str]
    presets: Mapping[str, Preset[V]] = dataclasses.field(default_factory=dict)


class LessonPanel(ABC, Generic[V, S, D]):
    """Base class for the lesson panels.

    Subclasses set ``title`` and ``interaction`` and implement:
        make_controls() -> name -> control (see ``panels.controls``); names
            are the fields of the interaction's values type. Starting
            positions come from that type's defaults.
        make_figure(theme) -> the LiveFigure.
        figure_data(state) -> the figure's data record.
    and may override ``extra_views``/``show_extra`` for more output (a table).

    ``theme`` is the figure's theme at the start; the page's projector mode,
    when on, wins (see ``presentation``).
    """

    title: ClassVar[str] = ""
    interaction: ClassVar[Interaction[Any, Any]]
    #: Controls that set the figure's time axis (the number of cycles): each of their
    #: positions is drawn ahead when the panel opens (see ``_draw_ahead``).
    draw_ahead: ClassVar[tuple[str, ...]] = ()

    def __init__(self, theme: str = "standard") -> None:
        self.controls: dict[str, widgets.ValueWidget] = self.make_controls()
        start: dict[str, Any] = dataclasses.asdict(self.interaction.values_type())
        if set(start) != set(self.controls):
            raise ValueError(f"controls must match the values' fields {sorted(start)}; "
                             f"got {sorted(self.controls)}")
        for name, control in self.controls.items():
            control.value = start[name]
        unknown = [name for name in self.draw_ahead if name not in self.controls]
        if unknown:
            raise ValueError(f"draw_ahead must name controls of {sorted(self.controls)}; "
                             f"got {unknown}")
        self.defaults: dict[str, Any] = dict(start)
        if presentation.projector:
            theme = "projector"
        self.figure: LiveFigure[D] = self.make_figure(theme)
        self._holding = 0
        self._outcomes: OrderedDict[Any, tuple[S, str, str]] = OrderedDict()
        self.state: S | None = None
        self.error: str | None = None
        # The example whose values the controls were last set to (None: none yet).
        self.loaded_example: str | None = None

        self.example = widgets.Dropdown(
            options=[_CHOOSE, *self.presets, OWN_SETTINGS], value=_CHOOSE,
            description="Example:", layout=widgets.Layout(width="auto"),
        )
        self.reset_button = widgets.Button(description="Reset all controls",
                                           tooltip="Put every control back to where it started")
        self.story = widgets.HTML()
        self.story.add_class("chemo-story")
        self.figure_view = widgets.HTML()
        self.figure_view.add_class("chemo-figure")
        self.caption = widgets.HTML()
        self.caption.add_class("chemo-caption")

        sliders = []
        for name, control in self.controls.items():
            control.observe(self._on_change, names="value")
            # The front end finds each control by this class (names, spoken values).
            control.add_class(f"chemo-control-{name}")
            if needs_a_wide_row(control):
                control.add_class("chemo-wide")
            positions = spoken_positions(control)
            if positions is not None:
                first, step, texts = positions
                sliders.append({"control": f"chemo-control-{name}",
                                "label": control.description.rstrip(": "),
                                "min": first, "step": step, "texts": texts})
        self.front_end = PanelFrontEnd(sliders)
        self.example.observe(self._on_example, names="value")
        self.reset_button.on_click(lambda _button: self.reset())

        header = [widgets.HTML(f"<h4 style='margin:0.3em 0'>{html.escape(self.title)}</h4>")]
        buttons = widgets.HBox(
            [self.example, self.reset_button] if self.presets else [self.reset_button],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        buttons.add_class("chemo-buttons")
        controls = widgets.VBox(list(self.controls.values()))
        controls.add_class("chemo-controls")
        self.widget = widgets.VBox(
            [*(header if self.title else []), buttons, self.story, controls,
             self.figure_view, self.caption, *self.extra_views(), self.front_end],
        )
        self.widget.add_class("chemo-panel")
        if theme == "projector":
            self.widget.add_class("chemo-projector")
        presentation.subscribe(self._on_presentation)
        self._draw_ahead()
        self.update()

    def _draw_ahead(self) -> None:
        """Draw and keep the figure's axes for each position of the ``draw_ahead``
        controls (the others where they start). Why: each such position is a new time
        axis, whose drawing costs two to four times a move that pastes kept pictures;
        drawn while the lesson opens, a first move there pastes. The figure bounds what
        it keeps (``live_figure.BACKGROUNDS_KEPT``, ``PACKED_KEPT``)."""
        start = self.values
        for name in self.draw_ahead:
            for value in control_values(self.controls[name]):
                if value == start[name]:
                    continue
                try:
                    state, _caption, _alt = self._outcome({**start, name: value})
                except ValueError:
                    continue  # a combination the model refuses: never shown, not drawn
                self.figure.update(self.figure_data(state))
                self.figure.draw_static()

    def _outcome(self, values: Mapping[str, Any]) -> tuple[S, str, str]:
        """The state of the control ``values`` with its caption and alt text, reused when
        seen lately (``STATES_KEPT``); ``ValueError`` when the model refuses them. Why:
        a learner moves a control back and forth to compare, and all three are pure
        functions of the values (states are frozen, their arrays read-only)."""
        interaction = self.interaction
        chosen = interaction.values_type(**values)

        def work_out() -> tuple[S, str, str]:
            state = interaction.compute(chosen)
            return state, interaction.caption(state), interaction.alt_text(state)

        try:
            hash(chosen)
        except TypeError:  # values that cannot be a key: worked out each time
            return work_out()
        return recall(self._outcomes, chosen, STATES_KEPT, work_out)

    # -- to implement --------------------------------------------------------
    @abstractmethod
    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        """The controls table: field name -> control."""

    @abstractmethod
    def make_figure(self, theme: str) -> LiveFigure[D]:
        """The figure, built once per theme."""

    @abstractmethod
    def figure_data(self, state: S) -> D:
        """The state's arrays and numbers, in the figure's data record."""

    def extra_views(self) -> list[widgets.Widget]:
        """Widgets shown below the caption (none by default)."""
        return []

    def show_extra(self, state: S) -> None:
        """Fill the extra views from a new state (nothing by default; a state is still
        required, so a mistake shows here rather than in a panel that adds views)."""
        if not dataclasses.is_dataclass(state) or isinstance(state, type):
            raise WrongTypeError(f"state must be a lesson's state record; got {state!r:.80} "
                                 f"of type {type(state).__name__}")

    # -- behaviour -----------------------------------------------------------
    @property
    def presets(self) -> Mapping[str, Preset[Any]]:
        return self.interaction.presets

    @property
    def values(self) -> dict[str, Any]:
        """The controls' current positions, by field name."""
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
        self.loaded_example = None
        self.set(**self.defaults)

    def load_example(self, name: str) -> None:
        """Load the preset called ``name``, even if it is the one loaded last.

        (What picking it in the Example menu does.)
        """
        if name not in self.presets:
            raise ValueError(f"example must be one of {list(self.presets)}; got {name!r}")
        self.loaded_example = name
        self.set(**dataclasses.asdict(self.presets[name].values))

    @property
    def own_settings(self) -> bool:
        """True when the controls hold neither the start nor the example last loaded."""
        return self.example.value == OWN_SETTINGS

    def _matches(self, values: Mapping[str, Any]) -> bool:
        """Whether the controls hold ``values`` (decimals compared to a rounding error)."""
        for name, wanted in values.items():
            held = self.controls[name].value
            if isinstance(wanted, float) or isinstance(held, float):
                if not (isinstance(held, int | float) and isinstance(wanted, int | float)
                        and math.isclose(held, wanted, rel_tol=1e-9, abs_tol=1e-9)):
                    return False
            elif held != wanted:
                return False
        return True

    def _show_example(self) -> None:
        """Make the menu and the story say what the controls now hold."""
        name = self.loaded_example
        if name is not None and self._matches(dataclasses.asdict(self.presets[name].values)):
            entry = name
            story = f"<p><b>{html.escape(name)}:</b> {html.escape(self.presets[name].story)}</p>"
        elif name is not None:
            entry = OWN_SETTINGS
            story = ("<p role='status'><b>Your own settings.</b> You have changed the "
                     f"settings of the example \u201c{html.escape(name)}\u201d, so its story "
                     "no longer describes the picture. The caption under the picture "
                     "always does. Pick the example again to go back to it.</p>")
        else:
            entry = _CHOOSE if self._matches(self.defaults) else OWN_SETTINGS
            story = ""
        self._holding += 1
        try:
            self.example.value = entry
        finally:
            self._holding -= 1
        self.story.value = story

    def _on_example(self, change: Mapping[str, Any]) -> None:
        if self._holding:
            return
        if change["new"] in self.presets:
            self.load_example(change["new"])
        else:
            # "Choose an example..." or "Your own settings" loads nothing: the menu
            # goes back to saying what the controls hold.
            self._show_example()

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        if not self._holding:
            self.update()

    def _on_presentation(self, projector: bool) -> None:
        """The page switched mode: rebuild the figure in the new theme and redraw."""
        self.figure.set_theme("projector" if projector else "standard")
        if projector:
            self.widget.add_class("chemo-projector")
        else:
            self.widget.remove_class("chemo-projector")
        self.update()

    def update(self) -> None:
        """Recompute, redraw and re-caption from the current control values."""
        self._show_example()
        try:
            state, caption, alt = self._outcome(self.values)
            self.figure.update(self.figure_data(state))
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
        self.show_extra(state)

    @property
    def caption_text(self) -> str:
        """The caption as plain text (tags removed), for tests and notebooks."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.caption.value)).strip()

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a front end
        from IPython.display import display

        display(self.widget)
