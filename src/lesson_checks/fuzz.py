"""Drive every lesson panel with random control sequences and count what goes wrong.

Each panel (every ``LessonPanel`` subclass in ``helpers.panels``, found by walking the
package, so a new lesson is included as soon as it lands) is driven the way the browser
drives it: every action is a comm-like message handed to the widget's own
``_handle_msg`` (a slider's new ``value``, a menu's new ``index``, a button's ``click``,
the page's projector switch). So validation, observers and the panel's update run
exactly as they do in a lesson, and an exception an observer raises is swallowed and
logged by ipywidgets, as in the browser: the logs are captured and counted.

After each action the run checks, and counts per panel (one count per state and kind):

- ``exception``: an exception raised, or logged by a widget (observer tracebacks);
- ``refused``: the panel says "The model cannot show this combination" for positions
  its controls offer;
- ``warning``: any Python warning (numpy overflow, matplotlib, ...);
- ``non_finite``: an infinite plotted value (NaN is a deliberate gap in a line), a NaN
  marker or bar, or a non-finite number in the state;
- ``negative``: a value at or below zero on a log axis, or a negative count or size
  (cells, mm, share) in the state;
- ``outside_axes``: a plotted point, bar, marker or label outside its axes' limits
  (so hidden or clipped);
- ``caption``: the caption disagrees with the plotted numbers (a day it names that the
  chart does not show; cells "about N" that the total line does not reach at that day;
  the resistant share it names against the share line's end);
- ``history``: after a random sequence, a fresh panel set to the same control values
  shows a different picture, caption, alt text, state, axis limits or ticks.

What it leaves out: the JavaScript side of the widgets (the browser tests drive that),
and whether a caption's words are good teaching (only its numbers are checked).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import inspect
import logging
import math
import pkgutil
import random
import re
import time
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets
import numpy as np
from ipywidgets.widgets.widget import _instances as widget_registry
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.patches import Patch
from matplotlib.text import Annotation, Text

import helpers.panels
from helpers.panels import base as panel_base
from helpers.panels.base import LessonPanel
from helpers.panels.presentation import Presentation

__all__ = ["CATEGORIES", "PanelReport", "panel_classes", "fuzz_panel", "figure_findings",
           "caption_findings", "history_findings", "own_page", "fresh_panel", "send_value", "click",
           "amount_in_words"]

CATEGORIES = ("exception", "refused", "warning", "non_finite", "negative", "outside_axes",
              "caption", "history")

#: Relative room for rounding when a caption's number is read against the plotted one:
#: captions give two significant figures (at most 5% off), "1 in N" a whole N.
CAPTION_TOLERANCE = 0.06

_EXAMPLES_KEPT = 3  # findings of each kind kept, with their details, per panel


# -- the panels ----------------------------------------------------------------------

def panel_classes() -> list[type[LessonPanel[Any, Any, Any]]]:
    """Every LessonPanel subclass defined in a module of ``helpers.panels``."""
    found = []
    for info in pkgutil.iter_modules(helpers.panels.__path__):
        module = importlib.import_module(f"helpers.panels.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, LessonPanel) and cls is not LessonPanel \
                    and cls.__module__ == module.__name__ and not inspect.isabstract(cls):
                found.append(cls)
    return sorted(found, key=lambda cls: cls.__name__)


@contextlib.contextmanager
def own_page(projector: bool = False) -> Iterator[Presentation]:
    """A page of its own (its own projector switch, starting at ``projector``) for
    panels made inside the block.

    Every panel made in a process follows the one module-level page; switching that
    would rebuild every panel ever made, so each run gets its own.
    """
    held = panel_base.presentation
    page = Presentation()
    page.projector = projector
    panel_base.presentation = page
    try:
        yield page
    finally:
        panel_base.presentation = held


# -- the browser's messages -------------------------------------------------------------

def _message(state: dict[str, Any] | None = None, *,
             custom: dict[str, Any] | None = None) -> dict[str, Any]:
    """A comm message as the front end sends it (an update of state, or a custom event)."""
    if custom is not None:
        data: dict[str, Any] = {"method": "custom", "content": custom}
    else:
        data = {"method": "update", "state": state, "buffer_paths": []}
    return {"content": {"data": data}, "buffers": []}


def _options(control: widgets.Widget) -> list[Any] | None:
    options = getattr(control, "options", None)
    if options is None:
        return None
    return [option[1] if isinstance(option, tuple) else option for option in options]


def positions(control: widgets.Widget) -> list[Any]:
    """Every position the browser can send for ``control``: each option, each step."""
    options = _options(control)
    if options is not None:
        return list(range(len(options)))  # the browser sends the option's index
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return [False, True]
    if hasattr(control, "min") and hasattr(control, "max"):
        step = getattr(control, "step", None) or 1
        count = int(round((control.max - control.min) / step)) + 1
        integer = isinstance(control.value, int) and isinstance(step, int)
        return [int(control.min + k * step) if integer
                else float(round(control.min + k * step, 12)) for k in range(count)]
    return [control.value]


def send_value(control: widgets.Widget, position: Any) -> None:
    """Move ``control`` to ``position`` (an index for a menu or a selection slider) by
    the message the browser sends."""
    key = "index" if _options(control) is not None else "value"
    control._handle_msg(_message({key: position}))


def click(button: widgets.Button) -> None:
    """Click ``button`` as the browser does."""
    button._handle_msg(_message(custom={"event": "click"}))


class _LogCatcher(logging.Handler):
    """Keeps the warnings and errors the widgets log (ipywidgets logs observer and
    callback exceptions instead of raising them when no IPython shell is running)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


# -- what a figure draws ------------------------------------------------------------------

def _as_float(values: Any) -> np.ndarray:
    array: np.ndarray = np.ma.filled(np.ma.asarray(values, dtype=float), np.nan)
    return np.asarray(array, dtype=float)


def _transform_kind(ax: Axes, transform: Any) -> str | None:
    """'xy' for data coordinates, 'x' or 'y' for a blended transform, else None."""
    if transform is ax.transData:
        return "xy"
    if transform is ax.get_xaxis_transform():
        return "x"
    if transform is ax.get_yaxis_transform():
        return "y"
    return None


def _outside(values: np.ndarray, limits: tuple[float, float], log: bool) -> np.ndarray:
    low, high = sorted(limits)
    if log:
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(values)
        span = math.log10(high) - math.log10(low)
        slack = 1e-6 * span
        return (logs < math.log10(low) - slack) | (logs > math.log10(high) + slack)
    slack = 1e-6 * (high - low)
    return (values < low - slack) | (values > high + slack)


def _points_findings(ax: Axes, what: str, kind: str, x: np.ndarray, y: np.ndarray,
                     nan_is_gap: bool) -> list[tuple[str, str]]:
    """Check points (x, y) drawn on ``ax``; ``kind`` says which coordinates are data."""
    found = []
    columns = [("x", x, ax.get_xlim(), ax.get_xscale() == "log")] if "x" in kind else []
    if "y" in kind:
        columns.append(("y", y, ax.get_ylim(), ax.get_yscale() == "log"))
    for name, values, limits, log in columns:
        if values.size == 0:
            continue
        if np.isinf(values).any() or (not nan_is_gap and np.isnan(values).any()):
            found.append(("non_finite", f"{what}: {name} holds inf or NaN"))
        finite = values[np.isfinite(values)]
        if log and (finite <= 0).any():
            found.append(("negative", f"{what}: {name} = {finite[finite <= 0][:3]} on a log axis"))
            finite = finite[finite > 0]
        out = finite[_outside(finite, limits, log)]
        if out.size:
            where = ax.get_ylabel() or ax.get_title()
            found.append(("outside_axes", f"{what}: {name} = {out[:3]} outside "
                          f"{tuple(float(v) for v in limits)} ({where!r})"))
    return found


def figure_findings(figure: Any) -> list[tuple[str, str]]:
    """(kind, detail) for what ``figure`` (a LiveFigure) draws wrongly: non-finite or
    non-positive values on log axes, and points, markers, bars and labels outside
    their axes (which matplotlib clips or hides)."""
    found: list[tuple[str, str]] = []
    for index, ax in enumerate(figure.axes):
        if not ax.get_visible():
            continue
        name = f"axes {index}"
        for line in ax.get_lines():
            kind = _transform_kind(ax, line.get_transform())
            if not line.get_visible() or kind is None:
                continue
            x, y = _as_float(line.get_xdata()), _as_float(line.get_ydata())
            found += _points_findings(ax, f"{name} line {line.get_label()!r}", kind, x, y,
                                      nan_is_gap=True)
        for collection in ax.collections:
            found += _collection_findings(ax, f"{name} {type(collection).__name__} "
                                          f"{collection.get_label()!r}", collection)
        for patch in ax.patches:
            found += _patch_findings(ax, f"{name} patch {patch.get_label()!r}", patch)
        for text in ax.texts:
            found += _text_findings(ax, f"{name} text {text.get_text()!r}", text)
    return found


def _collection_findings(ax: Axes, what: str, collection: Collection) -> list[tuple[str, str]]:
    if not collection.get_visible():
        return []
    found = []
    offsets = _as_float(collection.get_offsets()).reshape(-1, 2)
    kind = _transform_kind(ax, collection.get_offset_transform())
    if offsets.size and kind is not None and len(collection.get_paths()) <= 1:
        # Markers (a scatter): each offset is one point.
        found += _points_findings(ax, what, kind, offsets[:, 0], offsets[:, 1],
                                  nan_is_gap=False)
        return found
    kind = _transform_kind(ax, collection.get_transform())
    if kind is None:
        return found
    for path in collection.get_paths():
        vertices = _as_float(path.vertices).reshape(-1, 2)
        found += _points_findings(ax, what, kind, vertices[:, 0], vertices[:, 1],
                                  nan_is_gap=True)
    return found


def _patch_findings(ax: Axes, what: str, patch: Patch) -> list[tuple[str, str]]:
    kind = _transform_kind(ax, patch.get_data_transform())
    if not patch.get_visible() or kind is None:
        return []
    corners = _as_float(patch.get_patch_transform().transform(patch.get_path().vertices))
    corners = corners.reshape(-1, 2)
    return _points_findings(ax, what, kind, corners[:, 0], corners[:, 1], nan_is_gap=False)


def _text_findings(ax: Axes, what: str, text: Text) -> list[tuple[str, str]]:
    if not text.get_visible() or not text.get_text().strip():
        return []
    found = []
    if isinstance(text, Annotation):
        if text.xycoords == "data":
            x, y = text.xy
            found += _points_findings(ax, f"{what} (points at)", "xy", _as_float([x]),
                                      _as_float([y]), nan_is_gap=False)
        return found
    kind = _transform_kind(ax, text.get_transform())
    if kind is not None:
        x, y = text.get_position()
        found += _points_findings(ax, what, kind, _as_float([x]), _as_float([y]),
                                  nan_is_gap=False)
    return found


# -- the state -------------------------------------------------------------------------

# A state field whose name says it is a count or a size: never negative.
_NOT_NEGATIVE = re.compile(r"cells|_mm$|_mm_|diameter|share|count|days$")


def state_findings(state: Any) -> list[tuple[str, str]]:
    """Non-finite numbers, and negative counts and sizes, in a state's fields."""
    found: list[tuple[str, str]] = []
    if state is None or not dataclasses.is_dataclass(state):
        return found
    for item in dataclasses.fields(state):
        value = getattr(state, item.name)
        if isinstance(value, bool) or dataclasses.is_dataclass(value):
            continue
        if isinstance(value, int | float | np.ndarray) and not isinstance(value, str):
            try:
                array = np.asarray(value, dtype=float)
            except (TypeError, ValueError):
                continue
            if np.isinf(array).any():
                found.append(("non_finite", f"state.{item.name} holds inf"))
            finite = array[np.isfinite(array)]
            if _NOT_NEGATIVE.search(item.name) and "change" not in item.name \
                    and (finite < 0).any():
                found.append(("negative", f"state.{item.name} holds {finite[finite < 0][:3]}"))
    return found


# -- captions against the picture ------------------------------------------------------------

_AMOUNT = r"(\d[\d,]*(?:\.\d+)?(?: (?:million|billion|trillion))?)"
_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


def amount_in_words(text: str) -> float:
    """'640,000' -> 640000.0; '2.1 billion' -> 2.1e9 (the inverse of ``plain_words``)."""
    number, _, word = text.partition(" ")
    return float(number.replace(",", "")) * (_SCALE[word] if word else 1.0)


# Sentences that name the tumour's cells on a day: (day, cells) read from the caption.
_CELLS_ON_DAY = (
    re.compile(r"\(day (?P<day>\d+)\) the tumour holds about (?P<cells>" + _AMOUNT[1:-1] + ")"),
    re.compile(r"becomes about (?P<cells>" + _AMOUNT[1:-1] + r") cells \([^)]*\) by day "
               r"(?P<day>\d+)"),
    re.compile(r"by day (?P<day>\d+), the end of the chart,[^.]*? there are about "
               r"(?P<cells>" + _AMOUNT[1:-1] + ") cells"),
)
_SHARE = re.compile(r"(?:(?P<one>1 in [\d,]+)|(?P<pct>\d+(?:\.\d+)?)%|(?P<all>all)) of the "
                    r"cells (?:is|are) resistant|(?P<one2>1 in [\d,]+) cells is resistant")
_DAY = re.compile(r"\bday (\d+)\b")


def _line_value_at(line: Any, day: float) -> float | None:
    x, y = _as_float(line.get_xdata()), _as_float(line.get_ydata())
    hits = np.flatnonzero(np.isclose(x, day, rtol=0, atol=1e-6))
    if hits.size == 0:
        return None
    return float(y[hits[-1]])


def _close(claimed: float, plotted: float) -> bool:
    return math.isclose(claimed, plotted, rel_tol=CAPTION_TOLERANCE)


def caption_findings(panel: LessonPanel[Any, Any, Any]) -> list[tuple[str, str]]:
    """(kind, detail) where the caption's numbers disagree with what is plotted.

    Read for every panel: each "day N" the caption names lies on the chart's time axis
    and within the span its lines cover. Where the figure has a "total" cells line:
    "the tumour holds about N cells" on a day is that line's value that day. Where it
    has a resistant-share line: the share the caption names is the line's last value.
    """
    found: list[tuple[str, str]] = []
    text = panel.caption_text
    figure = panel.figure
    spans = []
    for ax in figure.axes:
        if ax.get_xscale() == "log":
            continue
        xs = [_as_float(line.get_xdata()) for line in ax.get_lines()
              if _transform_kind(ax, line.get_transform()) == "xy"]
        xs = [x[np.isfinite(x)] for x in xs]
        xs = [x for x in xs if x.size > 1]
        if xs:
            low, high = sorted(ax.get_xlim())
            spans.append((max(low, min(x.min() for x in xs)), min(high, max(x.max() for x in xs))))
    if spans:
        for match in _DAY.finditer(text):
            day = float(match.group(1))
            if not any(low - 1e-6 <= day <= high + 1e-6 for low, high in spans):
                found.append(("caption", f"names day {day:g}; the chart's lines span "
                              f"{[(float(a), float(b)) for a, b in spans]}"))
    lines = getattr(figure, "lines", None)
    total = lines.get("total") if isinstance(lines, dict) else None
    if total is not None:
        for pattern in _CELLS_ON_DAY:
            for match in pattern.finditer(text):
                day, cells = float(match.group("day")), amount_in_words(match.group("cells"))
                plotted = _line_value_at(total, day)
                if plotted is None or not _close(cells, plotted):
                    found.append(("caption", f"says about {cells:g} cells on day {day:g}; "
                                  f"the total line shows {plotted}"))
    share_line = getattr(figure, "share_line", None)
    if share_line is not None:
        share_match = _SHARE.search(text)
        y = _as_float(share_line.get_ydata())
        if share_match and y.size and np.isfinite(y[-1]):
            one = share_match.group("one") or share_match.group("one2")
            if one:
                claimed = 1.0 / float(one[5:].replace(",", ""))
            elif share_match.group("pct"):
                claimed = float(share_match.group("pct")) / 100.0
            else:
                claimed = 1.0
            if not math.isclose(claimed, float(y[-1]), rel_tol=CAPTION_TOLERANCE, abs_tol=0.006):
                found.append(("caption", f"says a share of {claimed:g} is resistant; "
                              f"the share line ends at {y[-1]:g}"))
    return found


# -- history ---------------------------------------------------------------------------------

def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a_array, b_array = np.asarray(a), np.asarray(b)
        if a_array.shape != b_array.shape:
            return False
        if a_array.dtype.kind in "fc" or b_array.dtype.kind in "fc":
            return bool(np.array_equal(a_array, b_array, equal_nan=True))
        return bool(np.array_equal(a_array, b_array))
    if dataclasses.is_dataclass(a) and dataclasses.is_dataclass(b) \
            and not isinstance(a, type) and not isinstance(b, type):
        return type(a) is type(b) and all(
            _same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def _axes_record(figure: Any) -> list[tuple[Any, ...]]:
    """What a reader sees of each axes: limits, scales, and each tick's place and label."""
    record = []
    for ax in figure.axes:
        ticks = []
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            low, high = sorted(limits)
            shown = [(round(float(label.get_position()[axis is ax.yaxis]), 9), label.get_text())
                     for label in axis.get_ticklabels()
                     if label.get_visible()
                     and low - 1e-9 * abs(low) <= label.get_position()[axis is ax.yaxis]
                     <= high + 1e-9 * abs(high)]
            ticks.append(tuple(shown))
        record.append((ax.get_xscale(), ax.get_yscale(), tuple(map(float, ax.get_xlim())),
                       tuple(map(float, ax.get_ylim())), *ticks))
    return record


def history_findings(panel: LessonPanel[Any, Any, Any],
                     fresh: LessonPanel[Any, Any, Any]) -> list[tuple[str, str]]:
    """Differences between ``panel`` (after a history) and ``fresh`` (the same values)."""
    found = []
    checks: tuple[tuple[str, Any, Any], ...] = (
        ("error", panel.error, fresh.error),
        ("caption", panel.caption.value, fresh.caption.value),
        ("state", panel.state, fresh.state),
        ("axes and ticks", _axes_record(panel.figure), _axes_record(fresh.figure)),
        ("picture and alt text", panel.figure_view.value, fresh.figure_view.value),
        ("theme", panel.figure.theme, fresh.figure.theme),
    )
    for what, held, new in checks:
        if not _same(held, new):
            detail = ""
            if what == "axes and ticks":
                detail = "; ".join(f"axes {i}: {a} != {b}" for i, (a, b)
                                   in enumerate(zip(held, new, strict=False)) if a != b)[:400]
            found.append(("history", f"{what} differs from a fresh panel at "
                          f"{panel.values} {detail}"))
    return found


@contextlib.contextmanager
def fresh_panel(panel_class: type[LessonPanel[Any, Any, Any]],
                projector: bool) -> Iterator[LessonPanel[Any, Any, Any]]:
    """A new panel in the given mode, on a page of its own, closed after the block.

    Its own page, so the run's projector switches do not rebuild it too; closed, so a
    long run does not keep every history check's widgets and pictures alive (they
    would make each switch and each state slower and slower).
    """
    before = set(widget_registry)
    with own_page(projector):
        fresh = panel_class()
    try:
        yield fresh
    finally:
        fresh.figure.figure.clear()
        for key in [key for key in widget_registry if key not in before]:
            widget = widget_registry.get(key)
            if widget is not None:
                widget.close()


# -- the run ---------------------------------------------------------------------------------

@dataclass
class PanelReport:
    """What one panel's run found."""

    panel: str
    states: int = 0
    sequences: int = 0
    seconds: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, detail: str, step: str) -> None:
        self.counts[kind] += 1
        kept = self.examples.setdefault(kind, [])
        if len(kept) < _EXAMPLES_KEPT:
            kept.append(f"{detail} [after {step}]")

    @property
    def findings(self) -> int:
        return sum(self.counts.values())


def _actions(panel: LessonPanel[Any, Any, Any]) -> list[tuple[str, float]]:
    """(action kind, weight): mostly control moves; examples, reset and the page switch."""
    actions = [("control", 0.78), ("reset", 0.04), ("projector", 0.06)]
    if panel.presets:
        actions += [("example", 0.10), ("menu other", 0.02)]
    return actions


def _act(panel: LessonPanel[Any, Any, Any], page: Presentation, rng: random.Random) -> str:
    """Do one random action through the widgets' messages; say what it was."""
    kinds, weights = zip(*_actions(panel), strict=True)
    kind = rng.choices(kinds, weights)[0]
    if kind == "control":
        name = rng.choice(sorted(panel.controls))
        control = panel.controls[name]
        places = positions(control)
        # The ends of each range a third of the time: extremes are where things break.
        place = rng.choice([places[0], places[-1]]) if rng.random() < 0.33 else rng.choice(places)
        send_value(control, place)
        return f"{name} -> {place!r}"
    if kind == "reset":
        click(panel.reset_button)
        return "reset"
    if kind == "projector":
        page.switch()._handle_msg(_message({"projector": not page.projector}))
        return f"projector -> {page.projector}"
    entries = list(panel.example.options)
    if kind == "example":
        chosen = rng.randrange(1, 1 + len(panel.presets))
    else:
        chosen = rng.choice([0, len(entries) - 1])
    send_value(panel.example, chosen)
    return f"menu -> {entries[chosen]!r}"


def _check_state(panel: LessonPanel[Any, Any, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if panel.error is not None:
        found.append(("refused", f"{panel.error} at {panel.values}"))
    found += figure_findings(panel.figure)
    found += state_findings(panel.state)
    found += caption_findings(panel)
    return found


def fuzz_panel(panel_class: type[LessonPanel[Any, Any, Any]], states: int, seed: int = 0,
               sequence_length: int = 30) -> PanelReport:
    """Drive a new ``panel_class`` through ``states`` random actions (in sequences of
    ``sequence_length``, each ending with the history check) and count the findings."""
    if states < 1:
        raise ValueError(f"states must be a whole number of at least 1; got {states!r}")
    if sequence_length < 1:
        raise ValueError(f"sequence_length must be at least 1; got {sequence_length!r}")
    rng = random.Random(f"{seed}:{panel_class.__name__}")
    report = PanelReport(panel_class.__name__)
    started = time.perf_counter()
    catcher = _LogCatcher()
    with own_page() as page, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        panel = panel_class()
        loggers = {id(w.log): w.log for w in (*panel.controls.values(), panel.example,
                                             panel.reset_button, page.switch())}
        for logger in loggers.values():
            logger.addHandler(catcher)
        try:
            done_in_sequence = 0
            while report.states < states:
                step = "start"
                caught.clear()
                catcher.records.clear()
                found: list[tuple[str, str]] = []
                try:
                    step = _act(panel, page, rng)
                    found += _check_state(panel)
                except Exception as error:  # noqa: BLE001 - counted, not hidden
                    found.append(("exception", f"{type(error).__name__}: {error}"))
                for record in catcher.records:
                    found.append(("exception", record.getMessage()[:300]))
                for warning in caught:
                    found.append(("warning", f"{warning.category.__name__}: {warning.message} "
                                  f"({warning.filename}:{warning.lineno})"))
                report.states += 1
                done_in_sequence += 1
                if done_in_sequence >= sequence_length or report.states == states:
                    done_in_sequence = 0
                    report.sequences += 1
                    caught.clear()
                    try:
                        with fresh_panel(panel_class, page.projector) as fresh:
                            fresh.set(**panel.values)
                            found += history_findings(panel, fresh)
                    except Exception as error:  # noqa: BLE001
                        found.append(("exception", f"fresh panel: {type(error).__name__}: "
                                      f"{error}"))
                    for warning in caught:
                        found.append(("warning", f"{warning.category.__name__}: "
                                      f"{warning.message}"))
                for kind in sorted({kind for kind, _ in found}):
                    report.add(kind, next(d for k, d in found if k == kind), step)
        finally:
            for logger in loggers.values():
                logger.removeHandler(catcher)
    report.seconds = time.perf_counter() - started
    return report


def fuzz_all(states: int, seed: int = 0, names: Sequence[str] = (),
             progress: Any = None) -> list[PanelReport]:
    """``fuzz_panel`` for every panel (or those whose class name is in ``names``)."""
    chosen = [cls for cls in panel_classes() if not names or cls.__name__ in names]
    unknown = set(names) - {cls.__name__ for cls in panel_classes()}
    if unknown:
        known = [cls.__name__ for cls in panel_classes()]
        raise ValueError(f"names must be panel class names {known}; got {sorted(unknown)}")
    reports = []
    for cls in chosen:
        report = fuzz_panel(cls, states, seed)
        if progress is not None:
            progress(report)
        reports.append(report)
    return reports


def counts_table(reports: Sequence[PanelReport]) -> str:
    """The counts per panel and kind, as a plain text table."""
    short = {"exception": "exc", "refused": "refused", "warning": "warn",
             "non_finite": "nonfin", "negative": "neg", "outside_axes": "outside",
             "caption": "caption", "history": "history"}
    head = f"{'panel':<22}{'states':>7}{'seqs':>6}" + "".join(
        f"{short[c]:>9}" for c in CATEGORIES) + f"{'ms/state':>10}"
    rows = [head, "-" * len(head)]
    for report in reports:
        rows.append(f"{report.panel:<22}{report.states:>7}{report.sequences:>6}" + "".join(
            f"{report.counts.get(c, 0):>9}" for c in CATEGORIES)
            + f"{1000 * report.seconds / max(report.states, 1):>10.1f}")
    return "\n".join(rows)
