"""The API contract: every public callable of ``helpers`` refuses bad input clearly.

The engine behind ``tests/test_api_contract.py``. It walks the package with
``pkgutil`` (so a new module, function, class, dataclass or method is covered
the day it lands), builds one valid call for each, then swaps one parameter at
a time for a bad value and checks the answer:

- numbers: ``nan``, ``inf``, ``-inf``, a huge value and a huge negative value
  must raise ``ValueError`` naming the parameter, the value and the allowed
  range (every number needs a finite range: sizes, counts and horizons need
  an upper bound that keeps time and memory small);
- ``True``, ``"5"`` and ``None`` (unless the parameter is optional) where a
  number belongs must raise ``ValueError`` or ``TypeError`` naming the
  parameter;
- arrays and lists of numbers: the same bad numbers as one element;
- flags (``bool``): ``"no"``, ``nan`` and ``None`` must be refused the same way;
- records and states (dataclasses): the string ``"x"`` must be refused;
- lists of records: ``"x"`` as one item must be refused.

Every bad call runs with a memory cap and a time limit, so an unchecked size
fails the test instead of the machine.

A valid call is built mostly by itself: a parameter's default; else an
example from the registries below (by ``"<id>.<parameter>"``, by parameter
name, by annotation); else ``1.0`` for ``float``, ``1`` for ``int``; a class
is built from its registered example, from a function in its module that
returns it (``compute(XValues())`` gives an ``XState``), or from its own
constructor. When none works the test fails and says which example to add.

Values a parameter takes on purpose are not attacked, and only these (keep the
list short; each one is part of the parameter's documented meaning):

- a dataclass field whose metadata says ``infinite_ok`` (+inf as an open last
  range, "10,000 or more") is not attacked with +inf, and one whose metadata
  says ``nan_ok`` (NaN for "not seen" or "no reading") is not attacked with NaN
  (the same metadata ``helpers.checks.Record`` reads);
- a function parameter listed in ``DESIGNED_VALUES`` is not attacked with the
  values listed there: +inf as an open last range, or NaN items in a data array
  whose documented purpose is to skip the gaps a figure marks with NaN. Every
  other attack (-inf, huge values, wrong types) still runs on them.

``helpers.checks`` itself is not walked: its checks take any ``value`` on
purpose (refusing it clearly is their job) and are tested through every caller
and in tests/test_state_records.py.

Ids read ``<layer>.<module>.<name>[.<method>]`` (``models.clearance.measured_cells``,
``clinic.scans.Swelling.extra_fraction``), so ``pytest -k models`` picks a layer.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import math
import pkgutil
import re
import resource
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np

import helpers

# -- bad values -----------------------------------------------------------------------

HUGE_FLOAT = 1e300
# An int that no count, size, day or seed may reach: 10**12 items would not fit in memory.
HUGE_INT = 10**12
TIME_LIMIT_S = 5.0
MEMORY_HEADROOM_BYTES = 1 << 30

# -- example registries ---------------------------------------------------------------
# Keep these short: most parameters need nothing (a default, or by type 1.0, 1,
# False, or "A", which is also the name of the first example lesion).


def _days() -> np.ndarray:
    return np.arange(0.0, 85.0)


def _patient() -> Any:
    from helpers.models.lesions import Patient, make_lesion
    return Patient(lesions=(make_lesion("A", start_diameter_mm=20.0),
                            make_lesion("B", start_diameter_mm=3.0, seeding_day=-30)))


def _course() -> Any:
    from helpers.models.lesions import simulate_patient
    return simulate_patient(_patient(), 126)


def _scans() -> Any:
    from helpers.clinic.scans import ScanPlan, take_scans
    return take_scans(_course(), ScanPlan(interval_weeks=6))


def _clones() -> Any:
    from helpers.models.clones import Clone
    return (Clone("sensitive", 1e9, 0.02, log_kill_per_dose=1.0),
            Clone("resistant", 1e5, 0.02, resistant=True))


def _simulation() -> Any:
    from helpers.models.clones import simulate
    from helpers.models.treatment import Schedule
    return simulate(_clones(), Schedule(cycles=2), 60)


def _lesson_panel_of(data_class: str) -> Any:
    module, panel_class = _PANEL_OF_DATA[data_class]
    return instance_of(getattr(importlib.import_module(f"helpers.panels.{module}"),
                               panel_class))


def _figure_data(data_class: str) -> Any:
    """A figure's data record as its lesson panel makes it from the starting state."""
    panel = _lesson_panel_of(data_class)
    return panel.figure_data(panel.state)


#: Which panel draws which figure data (the data records need arrays of matching shapes).
_PANEL_OF_DATA = {
    "SpheresData": ("cell_size", "CellSizePanel"),
    "ChanceData": ("chance", "ChancePanel"),
    "ClueTimelineData": ("clues", "CluesPanel"),
    "DoseCourseData": ("dose_intensity", "DoseIntensityPanel"),
    "CellCourseData": ("growth_demo", "GrowthPanel"),
    "PlanChangeData": ("plan_change", "PlanChangePanel"),
    "ScanReadingsData": ("repeat_readings", "RepeatReadingsPanel"),
    "ShareCourseData": ("resistance", "ResistancePanel"),
    "ResponseCourseData": ("response", "ResponsePanel"),
    "LesionTimelineData": ("scans", "ScansPanel"),
}


def _live_figure() -> Any:
    from helpers.plots.live_figure import LiveFigure
    return instance_of(LiveFigure)


def _lesson_panel() -> Any:
    from helpers.panels.base import LessonPanel
    return instance_of(LessonPanel)


def _first_question() -> Any:
    from helpers.quizzes import QUIZZES
    return QUIZZES["01"][0]


def _widget() -> Any:
    import ipywidgets
    return ipywidgets.IntSlider(value=1, min=0, max=2, description="Cycles")


#: Values a function parameter takes on purpose, not attacked (see the module's
#: docstring): "<id>.<parameter>" -> the labels of the attacks to skip.
DESIGNED_VALUES: dict[str, tuple[str, ...]] = {
    # The last range of counts is open: (10,000, inf) reads "10,000 or more".
    "words.chance.range_label.high": ("inf",),
    "plots.chance.range_tick_label.high": ("inf",),
    "plots.chance.ChanceFigure.bin_edges": ("one item inf",),
    # Log-axis limits skip the gaps (NaN) a figure leaves where a line is not drawn.
    "plots.limits.decade_limits.values": ("one item nan",),
    "plots.resistant_share.share_limits.share": ("one item nan",),
    "plots.cell_course.on_log_axis.cells": ("one item nan",),
}

#: Examples for one parameter of one callable: "<id>.<parameter>".
EXAMPLES_FOR: dict[str, Callable[[], object]] = {
    "lessons.plan_change.PlanChangeState.scan_index.day": lambda: 42,
    "lessons.plan_change.PlanChangeState.smallest_sum_before.day": lambda: 42,
    "lessons.presets.Preset.values": lambda: _build("helpers.lessons.cell_size",
                                                    "CellSizeValues"),
    "lessons.presets.check_offered.name": lambda: "value",
    "lessons.presets.check_offered.value": lambda: 21,
    "lessons.presets.check_offered.offered": lambda: (7, 21),
    "lessons.presets.check_choice.name": lambda: "value",
    "lessons.presets.check_choice.value": lambda: 21,
    "lessons.presets.check_choice.offered": lambda: (7, 21),
    "lessons.presets.check_on_steps.name": lambda: "value",
    "lessons.presets.check_on_steps.value": lambda: 2.5,
    "lessons.presets.check_on_steps.bounds": lambda: (0.0, 10.0),
    "lessons.presets.check_on_steps.step": lambda: 0.5,
    "lessons.presets.check_whole.name": lambda: "value",
    "lessons.presets.check_whole.value": lambda: 3,
    "lessons.presets.check_whole.bounds": lambda: (0, 10),
    "lessons.presets.read_only.values": lambda: (1.0, 2.0),
    "lessons.repeat_readings.state_from_readings.readings":
        lambda: np.array([[20.0, 21.0], [19.0, 22.0]]),
    "lessons.response.FirstScanLarger.cause": lambda: "noise",
    "lessons.response.FirstScanLarger.confirming": lambda: (84, 0.05),
    "words.chance.range_label.high": lambda: 10.0,
    "plots.chance.range_tick_label.high": lambda: 10.0,
    "plots.scan_readings.ScanReadingsFigure.partial_response_percent": lambda: -30.0,
    "plots.chance.ChanceFigure.bin_edges": lambda: _attribute("helpers.lessons.chance",
                                                              "COUNT_BIN_EDGES"),
    "plots.cell_course.on_log_axis.cells": lambda: np.geomspace(1e9, 1e-2, 12),
    "plots.limits.decade_limits.values": lambda: np.geomspace(1e9, 1e3, 7),
    "plots.resistant_share.share_limits.share": lambda: np.geomspace(1e-6, 0.5, 7),
    "plots.scan_readings.stack_dots.values": lambda: np.array([-12.0, 3.0, 4.0, 25.0]),
    "plots.limits.label_every_decade.axis": lambda: _live_figure().axes[0].yaxis,
    "plots.live_figure.LiveFigure.dynamic.artist": lambda: _live_figure().axes[0].plot([], [])[0],
    "plots.live_figure.LiveFigure.steady.artist": lambda: _live_figure().axes[0].plot(
        [], [], zorder=0)[0],
    "plots.live_figure.LiveFigure.line.ax": lambda: _live_figure().axes[0],
    "plots.tick_lines.draw_ticks_as_one.ax": lambda: _live_figure().axes[0],
    "plots.limits.set_limits.ax": lambda: _live_figure().axes[0],
    "plots.limits.set_limits.x": lambda: (0.0, 10.0),
    "plots.limits.set_limits.y": lambda: (1.0, 100.0),
    "plots.text_masks.keep_text_masks.renderer": lambda: _live_figure()._canvas.get_renderer(),
    "plots.live_figure.LiveFigure.line.role": lambda: _first_key("helpers.plots.style", "ROLES"),
    "plots.live_figure.LiveFigure.update.data": lambda: _figure_data(
        type(_live_figure()).__name__.replace("Figure", "Data")),
    "panels.worry_sort.WorrySort.pick.pile": lambda: _first_key("helpers.lessons.worry_sort",
                                                               "SORTS"),
    "panels.controls.dropdown.options": lambda: (("Every 3 weeks", 21), ("Every 2 weeks", 14)),
    "panels.controls.choice_slider.options": lambda: (("Low", 1), ("High", 2)),
    "panels.controls.labelled.widget": _widget,
    "panels.frontend.PanelFrontEnd.sliders": lambda: [],
    "panels.base.LessonPanel.figure_data.state": lambda: _lesson_panel().state,
    "panels.base.LessonPanel.show_extra.state": lambda: _lesson_panel().state,
    "plots.limits.label_every_decade.label": lambda: _attribute("helpers.plots.cell_course",
                                                                "cells_tick_label"),
    "panels.presentation.Presentation.subscribe.listener": lambda: (lambda on: None),
    "models.lesions.make_lesion.start_diameter_mm": lambda: 20.0,
    "models.lesions.LocalTreatment.log_kill": lambda: 2.0,
    "models.clones.SimulationResult.cells_of.name": lambda: "sensitive",
    "models.treatment.Schedule.dose_fractions": lambda: (1.0, 0.8, 1.0, 1.0, 1.0, 1.0),
    "models.treatment.Schedule.delays_days": lambda: (0, 7, 0, 0, 0, 0),
    "models.fluctuation.chi_square_statistic.observed": lambda: (5.0, 3.0, 2.0),
    "models.fluctuation.chi_square_statistic.expected": lambda: (4.0, 4.0, 2.0),
    "models.fluctuation.chi_square_critical_value.significance": lambda: 0.05,
    "models.resistance_chance.cells_for_probability.probability": lambda: 0.5,
    "models.resistance_chance.cells_for_probability.mutation_rate_per_division": lambda: 1e-8,
    "scenarios.clues.story_named.name": lambda: _first_key("helpers.scenarios.clues", "STORIES"),
    "scenarios.scenario_named.name": lambda: _first_key("helpers.scenarios", "SCENARIOS"),
    "scenarios.plan_change.drugs_per_cycle.plan": lambda: "stay",
    "scenarios.imaging.ImagingRun.marker_on.day": lambda: 21,
}

#: Examples by parameter name, for any callable.
EXAMPLES_BY_NAME: dict[str, Callable[[], object]] = {
    "days": _days,
    "live_cells": lambda: np.geomspace(1e9, 1e7, 85),
    "cancer_cells": lambda: np.geomspace(1e9, 1e7, 85),
    "burden_cells": lambda: np.geomspace(1e9, 1e7, 85),
    "levels": lambda: np.linspace(100.0, 20.0, 85),
    "levels_on_test_days": lambda: np.array([100.0, 60.0, 30.0]),
    "test_days": lambda: (0, 21, 42),
    "dose_days": lambda: (0, 21, 42),
    "counts": lambda: (0, 1, 0, 3, 0, 12, 1, 0),
    "cells": lambda: 1e9,
    "sums_mm": lambda: (50.0, 40.0, 30.0, 33.0),
    "mutation_rate_per_division": lambda: 1e-8,
    "rng": lambda: np.random.default_rng(0),
    "size": lambda: 10,
    "scans": _scans,
    "clones": _clones,
    "horizon_days": lambda: 126,
    "total_cells": lambda: 1e9,
    "diameter_mm": lambda: 20.0,
    "volume_cm3": lambda: 4.0,
    "rate_a_per_division": lambda: 1e-8,
    "rate_b_per_division": lambda: 1e-8,
    "final_cells": lambda: 1e4,
    "law": lambda: "logistic",
    "clearance_half_life_days": lambda: 7.0,
    "carrying_capacity_cells": lambda: 1e12,
    "fraction_killed": lambda: 0.9,
    "fraction_killed_by_b": lambda: 0.9,
    "resists_both_share": lambda: 1e-5,
}

#: Examples by annotation text, for records a constructor alone cannot make well.
EXAMPLES_BY_TYPE: dict[str, Callable[[], object]] = {
    "Scans": lambda: _call("helpers.lessons.clues", "compute",
                           _build("helpers.lessons.clues", "CluesValues")).scans,
    "Question": _first_question,
    # The figure its panel made: sized for the data that panel makes (rows, lesions).
    "PlanChangeFigure": lambda: _lesson_panel_of("PlanChangeData").figure,
    "Interaction": lambda: _attribute("helpers.panels.cell_size", "CellSizePanel").interaction,
    "Sequence[Question]": lambda: _attribute("helpers.quizzes", "QUIZZES")["01"],
    "np.ndarray": lambda: np.linspace(1.0, 10.0, 5),
    "bytes": lambda: b"\x89PNG\r\n\x1a\n",
    "Box": lambda: (0.0, 1.0, 0.0, 1.0),
    "Segment": lambda: (0.0, 2.0, 2.0, 2.0),
    "Sequence[Box]": lambda: ((0.0, 1.0, 0.0, 1.0), (0.0, 1.0, 1.0, 2.0)),
    "Sequence[Segment]": lambda: ((0.0, 0.5, 2.0, 0.5),),
    **{name: (lambda name=name: _figure_data(name)) for name in _PANEL_OF_DATA},
    "Patient": _patient,
    "PatientCourse": _course,
    "SimulationResult": _simulation,
    "ScanReading": lambda: _scans()[1],
    "Sequence[ScanReading]": _scans,
    "Clone": lambda: _clones()[0],
    "Sequence[Clone]": _clones,
    "np.random.Generator": lambda: np.random.default_rng(0),
}


def _first_key(module: str, name: str) -> object:
    return next(iter(getattr(importlib.import_module(module), name)))


def _attribute(module: str, name: str) -> Any:
    return getattr(importlib.import_module(module), name)


def _build(module: str, name: str) -> Any:
    return _attribute(module, name)()


def _call(module: str, name: str, *args: object) -> Any:
    return _attribute(module, name)(*args)


# -- walking the package ---------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One public callable: a function, a class (its constructor) or a method."""

    id: str
    obj: Callable[..., Any]
    owner: type | None = None  # the class, for a method

    @property
    def layer(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def module(self) -> str:
        return (self.owner or self.obj).__module__


def _public(name: str) -> bool:
    return not name.startswith("_")


#: Modules not walked: the checks themselves (see the module's docstring).
NOT_WALKED = {"helpers.checks"}


def walk() -> list[Target]:
    """Every public function, class and method defined in a public module of helpers
    (exception classes aside: they carry a message, not input)."""
    targets: list[Target] = []
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        if not all(_public(part) for part in info.name.split(".")) \
                or info.name in NOT_WALKED:
            continue
        module = importlib.import_module(info.name)
        prefix = info.name.removeprefix("helpers.")
        for name, obj in sorted(vars(module).items()):
            if not _public(name) or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj):
                targets.append(Target(f"{prefix}.{name}", obj))
            elif inspect.isclass(obj) and not issubclass(obj, BaseException):
                targets.append(Target(f"{prefix}.{name}", obj))
                for method_name, method in sorted(vars(obj).items()):
                    if _public(method_name) and inspect.isfunction(method):
                        targets.append(Target(f"{prefix}.{name}.{method_name}", method, obj))
    return targets


# -- building a valid call ---------------------------------------------------------------


class NoExample(Exception):
    """No way to build a valid call; the message says which example to add."""


_INSTANCES: dict[type, object] = {}


def _annotation_text(annotation: object) -> str:
    if annotation is inspect.Parameter.empty:
        return ""
    if isinstance(annotation, str):
        return annotation.strip("'\"")
    return getattr(annotation, "__name__", str(annotation))


def _without_none(text: str) -> str:
    parts = [p.strip() for p in text.split("|") if p.strip() != "None"]
    return " | ".join(parts)


def _is_optional(param: inspect.Parameter) -> bool:
    text = _annotation_text(param.annotation)
    return param.default is None or "None" in [p.strip() for p in text.split("|")] \
        or text.startswith("Optional[")


def _resolve_class(text: str, namespace: dict[str, Any]) -> type | None:
    head, *rest = text.split(".")
    found: Any = namespace.get(head)
    for part in rest:  # "lesson.CellSizeState": a module imported under a short name
        found = getattr(found, part, None)
    if inspect.isclass(found):
        return found
    for target in walk_cached():
        if inspect.isclass(target.obj) and target.obj.__name__ == text and target.owner is None:
            return target.obj
    return None


_WALK: list[Target] = []


def walk_cached() -> list[Target]:
    if not _WALK:
        _WALK.extend(walk())
    return _WALK


def _namespace(target: Target) -> dict[str, Any]:
    return vars(sys.modules[target.module])


def _item_type(text: str) -> str | None:
    match = re.fullmatch(r"(?:Sequence|tuple|list)\[(\w+)(?:, \.\.\.)?\]", text)
    return match.group(1) if match else None


def example_of_type(text: str, namespace: dict[str, Any], depth: int = 0) -> object:
    """An example value for an annotation, or raise NoExample."""
    text = _without_none(text)
    if text in EXAMPLES_BY_TYPE:
        return EXAMPLES_BY_TYPE[text]()
    if text == "float":
        return 1.0
    if text == "int":
        return 1
    if text == "bool":
        return False
    if text == "str":
        return "A"
    if text.startswith("Literal["):
        return ast.literal_eval(text.removeprefix("Literal[").split(",")[0].rstrip("]"))
    item = _item_type(text)
    if item is not None:
        return (example_of_type(item, namespace, depth + 1),)
    fixed = re.fullmatch(r"tuple\[([\w., ]+)\]", text)
    if fixed:  # tuple[int, float]: one of each; numbers rise, so (low, high) pairs work
        parts = [part.strip() for part in fixed.group(1).split(",")]
        return tuple(example_of_type(part, namespace, depth + 1) if part not in ("int", "float")
                     else (i + 1 if part == "int" else float(i + 1))
                     for i, part in enumerate(parts))
    cls = _resolve_class(text, namespace)
    if cls is not None:
        return instance_of(cls, depth + 1)
    raise NoExample(f"no example for the annotation {text!r}")


def _producers(cls: type) -> Iterator[Target]:
    """Functions in the class's module that return it (or a tuple of it)."""
    for target in walk_cached():
        if target.owner is None and inspect.isfunction(target.obj) \
                and target.module == cls.__module__:
            returns = _annotation_text(inspect.signature(target.obj).return_annotation)
            if returns in (cls.__name__, f"tuple[{cls.__name__}, ...]"):
                yield target


def _module_instance(cls: type) -> object | None:
    """An instance the class's own module already holds (a named case, a preset)."""
    for name, value in vars(sys.modules[cls.__module__]).items():
        if not name.isupper():
            continue
        items = value.values() if isinstance(value, dict) else \
            value if isinstance(value, tuple | list) else (value,)
        for item in items:
            if type(item) is cls:
                return item
    return None


def instance_of(cls: type, depth: int = 0) -> object:
    """A valid instance of a class: registered, produced by its module, or constructed."""
    if cls in _INSTANCES:
        return _INSTANCES[cls]
    if inspect.isabstract(cls):  # an abstract base: use its first concrete subclass
        for target in walk_cached():
            if inspect.isclass(target.obj) and issubclass(target.obj, cls) \
                    and not inspect.isabstract(target.obj):
                return instance_of(target.obj, depth + 1)
        raise NoExample(f"{cls.__name__} is abstract and has no concrete subclass")
    if depth > 8:
        raise NoExample(f"examples for {cls.__name__} nest too deeply")
    if cls.__name__ in EXAMPLES_BY_TYPE:
        value = EXAMPLES_BY_TYPE[cls.__name__]()
    elif (found := _module_instance(cls)) is not None:
        value = found
    else:
        value = None
        reasons = []
        for producer in _producers(cls):
            try:
                result = producer.obj(**valid_kwargs(producer, depth + 1))
            except Exception as error:  # noqa: BLE001 - try the next way
                reasons.append(f"{producer.id}: {type(error).__name__}: {error}")
                continue
            value = result[0] if isinstance(result, tuple) else result
            break
        if value is None:
            own = Target(f"{cls.__module__.removeprefix('helpers.')}.{cls.__qualname__}", cls)
            try:
                value = cls(**valid_kwargs(own, depth + 1))
            except NoExample:
                raise
            except Exception as error:  # noqa: BLE001 - reported below
                reasons.append(f"{cls.__name__}(...): {type(error).__name__}: {error}")
                raise NoExample(f"cannot build a {cls.__name__}: {'; '.join(reasons)}; "
                                f"add it to EXAMPLES_BY_TYPE in tests/api_contract.py") from None
    _INSTANCES[cls] = value
    return value


def _parameters(target: Target) -> list[inspect.Parameter]:
    params = list(inspect.signature(target.obj).parameters.values())
    if target.owner is not None:
        params = params[1:]  # self
    return [p for p in params
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and _public(p.name)]


def example_of(target: Target, param: inspect.Parameter, depth: int = 0) -> object:
    """A valid value for one parameter, or raise NoExample naming what to add."""
    key = f"{target.id}.{param.name}"
    if key in EXAMPLES_FOR:
        return EXAMPLES_FOR[key]()
    if param.default is not inspect.Parameter.empty:
        return param.default
    text = _annotation_text(param.annotation)
    if param.name in EXAMPLES_BY_NAME:
        value = EXAMPLES_BY_NAME[param.name]()
        # "days" is a list of days for one function and one number for another.
        if isinstance(value, np.ndarray) and text.startswith("tuple["):
            kind = int if text.startswith("tuple[int") else float
            return tuple(kind(v) for v in value)
        if _is_number(value) or _without_none(text) not in ("float", "int"):
            return value
    try:
        return example_of_type(text, _namespace(target), depth)
    except NoExample as why:
        raise NoExample(
            f"{target.id}: no valid value for parameter {param.name!r} ({why}). Add an "
            f"example to tests/api_contract.py: EXAMPLES_FOR[{key!r}], "
            f"EXAMPLES_BY_NAME[{param.name!r}] or EXAMPLES_BY_TYPE[{text!r}]") from None


def valid_kwargs(target: Target, depth: int = 0) -> dict[str, object]:
    """Keyword arguments of one valid call of the target (a dataclass: its fields)."""
    if target.owner is None and dataclasses.is_dataclass(target.obj) and depth == 0:
        record = instance_of(target.obj)  # type: ignore[arg-type]
        return {f.name: getattr(record, f.name)
                for f in dataclasses.fields(target.obj) if f.init and _public(f.name)}
    return {p.name: example_of(target, p, depth) for p in _parameters(target)}


def bound(target: Target) -> Callable[..., Any]:
    """What to call: the function, the class, or the method on a valid instance."""
    if target.owner is None:
        if inspect.isclass(target.obj) and inspect.isabstract(target.obj):
            return type(instance_of(target.obj))  # build the concrete subclass instead
        return target.obj
    return getattr(instance_of(target.owner), target.obj.__name__)


# -- bad values for one parameter ------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """One bad value and what a correct refusal looks like."""

    label: str
    value: object
    shown: tuple[str, ...]  # ways a message may show the value
    wrong_type: bool  # TypeError allowed, no range needed


def _is_number(value: object) -> bool:
    return isinstance(value, Real | np.number) and not isinstance(value, bool | np.bool_)


def _is_number_array(value: object) -> bool:
    if isinstance(value, np.ndarray):
        return value.size > 0 and value.dtype.kind in "iuf"
    if isinstance(value, tuple | list) and value:
        return all(_is_number(v) for v in value)
    return False


def _numbers(huge: float) -> list[Bad]:
    shown_huge = ("1e+300", "1e300", str(int(HUGE_FLOAT))) if huge == HUGE_FLOAT else (
        str(HUGE_INT), f"{HUGE_INT:g}", f"{HUGE_INT:,}", "1e12", "1e+12", "1.0e+12")
    return [
        Bad("nan", math.nan, ("nan",), False),
        Bad("inf", math.inf, ("inf",), False),
        Bad("-inf", -math.inf, ("-inf",), False),
        Bad("huge", huge, shown_huge, False),
        Bad("huge negative", -huge, tuple(f"-{s}" for s in shown_huge), False),
    ]


def _wrong(label: str, value: object) -> Bad:
    return Bad(label, value, (repr(value), str(value), type(value).__name__), True)


def kind_of(param: inspect.Parameter, valid: object) -> str:
    """How to attack a parameter: number, numbers, flag, record, records or none."""
    text = _without_none(_annotation_text(param.annotation))
    if text == "bool" or isinstance(valid, bool | np.bool_):
        return "flag"
    if _is_number(valid):
        return "number"
    if _is_number_array(valid):
        return "numbers"
    if valid is None and re.fullmatch(r"float|int", text):
        return "number"
    if dataclasses.is_dataclass(valid) and not isinstance(valid, type):
        return "record"
    if isinstance(valid, tuple | list) and valid and all(
            dataclasses.is_dataclass(v) for v in valid):
        return "records"
    return "none"


def bad_values(param: inspect.Parameter, valid: object) -> list[Bad]:
    kind = kind_of(param, valid)
    optional = _is_optional(param)
    maybe_none = [] if optional else [_wrong("None", None)]
    if kind == "number":
        is_int = isinstance(valid, int | np.integer) and \
            "float" not in _annotation_text(param.annotation)
        return [*_numbers(HUGE_INT if is_int else HUGE_FLOAT),
                _wrong("True", True), _wrong("'5'", "5"), *maybe_none]
    if kind == "numbers":
        bads = []
        for bad in _numbers(HUGE_FLOAT):
            bads.append(Bad(f"one item {bad.label}", _with_last(valid, bad.value),
                            bad.shown, False))
        return [*bads, _wrong("'5'", "5"), *maybe_none]
    if kind == "flag":
        return [_wrong("'no'", "no"), _wrong("nan", math.nan), *maybe_none]
    if kind == "record":
        return [_wrong("'x'", "x"), *maybe_none]
    if kind == "records":
        item = _wrong("one item 'x'", "x")
        return [dataclasses.replace(item, value=(*tuple(valid)[:-1], "x")),  # type: ignore[arg-type]
                *maybe_none]
    return []


def _with_last(valid: object, bad: float) -> object:
    if isinstance(valid, np.ndarray):
        changed = valid.astype(float).copy()
        changed.flat[-1] = bad
        return changed
    items = list(valid)  # type: ignore[call-overload]
    items[-1] = bad
    return type(valid)(items)  # type: ignore[call-arg]


def designed_values(target: Target, name: str) -> tuple[str, ...]:
    """Labels of the attacks a parameter takes on purpose (see the module's docstring)."""
    if target.owner is None and dataclasses.is_dataclass(target.obj):
        for item in dataclasses.fields(target.obj):
            if item.name == name:
                skipped: tuple[str, ...] = ()
                if item.metadata.get("infinite_ok"):
                    skipped += ("inf", "one item inf")
                if item.metadata.get("nan_ok"):
                    skipped += ("nan", "one item nan")
                return skipped
    return DESIGNED_VALUES.get(f"{target.id}.{name}", ())


# -- calling safely ------------------------------------------------------------------------


class TooSlow(Exception):
    pass


def _address_space() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


@contextmanager
def guarded() -> Iterator[None]:
    """A time limit and a memory cap for one call (Linux)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = _address_space() + MEMORY_HEADROOM_BYTES
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)

    def _alarm(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, _alarm)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        signal.signal(signal.SIGALRM, previous)


def _names(message: str, name: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", message) is not None


def _shows_range(message: str) -> bool:
    # House style: "<name> must be a number from 0 to 365; got nan". The part
    # before "got" says what is allowed, with at least one number in it.
    allowed = message.split("got")[0]
    return re.search(r"\d|inf", allowed) is not None


def judge(name: str, bad: Bad, call: Callable[[], object]) -> str | None:
    """None if the bad value is refused as it should be, else what went wrong."""
    try:
        with guarded():
            result = call()
    except TooSlow:
        return f"{name}={bad.label}: still running after {TIME_LIMIT_S:g} s (needs an upper bound)"
    except MemoryError:
        return f"{name}={bad.label}: ran out of memory (needs an upper bound)"
    except (ValueError, TypeError) as error:
        message = str(error)
        if isinstance(error, TypeError) and not bad.wrong_type:
            return f"{name}={bad.label}: TypeError for a bad number (want ValueError): {message}"
        problems = []
        if not _names(message, name):
            problems.append("does not name the parameter")
        if isinstance(error, ValueError):
            if not any(shown.lower() in message.lower() for shown in bad.shown):
                problems.append("does not show the value")
            if not bad.wrong_type and not _shows_range(message):
                problems.append("does not show the allowed range")
        if problems:
            return f"{name}={bad.label}: {type(error).__name__} {', '.join(problems)}: {message}"
        return None
    except Exception as error:  # noqa: BLE001 - the wrong kind of refusal
        return f"{name}={bad.label}: raised {type(error).__name__} instead: {error}"
    return f"{name}={bad.label}: accepted silently (returned {_short(result)})"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) < 80 else text[:77] + "..."


# -- the check --------------------------------------------------------------------------------


def check(target: Target) -> list[str]:
    """Every way the target falls short of the contract (empty when it keeps it)."""
    kwargs = valid_kwargs(target)  # NoExample propagates: the test says what to add
    params = {p.name: p for p in _parameters(target)}
    if target.owner is None and dataclasses.is_dataclass(target.obj):
        params = {name: p for name, p in params.items() if name in kwargs}
    attacks = {name: [bad for bad in bad_values(params[name], kwargs[name])
                      if bad.label not in designed_values(target, name)]
               for name in params}
    if not any(attacks.values()):
        return []  # nothing to attack: do not even call (some write files or show widgets)
    try:
        function = bound(target)
        with guarded():
            function(**kwargs)
    except Exception as error:  # noqa: BLE001 - reported as a broken example
        return [f"the valid example call failed ({type(error).__name__}: {error}); fix its "
                f"example in tests/api_contract.py"]
    problems = []
    for name, bads in attacks.items():
        for bad in bads:
            changed = {**kwargs, name: bad.value}
            problem = judge(name, bad, lambda changed=changed: function(**changed))
            if problem:
                problems.append(problem)
    return problems
