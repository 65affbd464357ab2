"""How long each lesson panel takes to react to a control, in this process.

Run:  .venv/bin/python benchmarks/panel_update_speed.py

For every panel in helpers.panels, it moves each control through a few
positions it offers, then loads each example, and prints the median and
slowest milliseconds per move (values, state, figure update, PNG render,
caption and alt text). A move the model refused (the panel then shows "The
model cannot show this combination") is counted in the last column, since
it skips the drawing. Printed, never asserted: machines here are shared and
noisy. ``control_latency.py`` measures the full round trip through a real
kernel for lesson 01.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import statistics
import time
from typing import Any

import helpers.panels
from helpers.panels.base import LessonPanel

# Positions tried per slider (its two ends and three between).
SLIDER_POSITIONS = 5


def panel_classes() -> list[type[LessonPanel]]:
    """Every concrete LessonPanel defined in a helpers.panels module, in module order.

    A module that fails to import is reported and left out.
    """
    found = []
    for info in pkgutil.iter_modules(helpers.panels.__path__):
        try:
            module = importlib.import_module(f"helpers.panels.{info.name}")
        except ImportError as problem:
            # Say so and time the rest: one broken panel should not hide the others' figures.
            print(f"helpers.panels.{info.name} not timed: it does not import ({problem})")
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, LessonPanel) and not inspect.isabstract(cls)
                    and cls.__module__ == module.__name__):
                found.append(cls)
    return found


def positions(control: Any) -> list[Any]:
    """A few values the control offers: about five options, or five points on a slider's grid.

    Slider points are whole steps from its minimum, as the slider itself can only be set
    to those (the values types refuse anything else).
    """
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        return values[:: max(1, len(values) // 5)]
    if hasattr(control, "min") and hasattr(control, "max"):
        step = getattr(control, "step", None) or 1
        steps = round((control.max - control.min) / step)
        last = SLIDER_POSITIONS - 1
        picks = sorted({round(k * steps / last) for k in range(SLIDER_POSITIONS)})
        return [type(control.value)(control.min + n * step) for n in picks]
    return [control.value]


def timed(panel: LessonPanel, settings: list[dict[str, Any]]) -> tuple[list[float], int]:
    """Milliseconds per ``panel.set(**values)``, and how many of them the model refused."""
    times, refused = [], 0
    for values in settings:
        start = time.perf_counter()
        panel.set(**values)
        times.append((time.perf_counter() - start) * 1000)
        refused += panel.error is not None
    return times, refused


def report(panel_name: str, what: str, times: list[float], refused: int) -> None:
    print(f"{panel_name:<24}{what:<34}{statistics.median(times):>10.1f}"
          f"{max(times):>10.1f}{refused:>9}")


def main() -> None:
    print(f"{'panel':<24}{'control or example':<34}{'median ms':>10}{'max ms':>10}"
          f"{'refused':>9}")
    for cls in panel_classes():
        panel = cls()
        panel.update()  # warm caches
        for name, control in panel.controls.items():
            report(cls.__name__, name,
                   *timed(panel, [{name: value} for value in positions(control) * 2]))
            panel.reset()
        for example, preset in panel.presets.items():
            # Twice each, from the starting positions, as a reader picking it from the menu.
            times: list[float] = []
            refused = 0
            for _ in range(2):
                panel.reset()
                more, refused_now = timed(panel, [dataclasses.asdict(preset.values)])
                times += more
                refused += refused_now
            report(cls.__name__, f"example: {example}"[:33], times, refused)
        panel.reset()


if __name__ == "__main__":
    main()
