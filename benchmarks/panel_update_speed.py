"""How long each lesson panel takes to react to a control, in this process.

Run:  .venv/bin/python benchmarks/panel_update_speed.py

For every panel in helpers.panels, it moves each control through a few
positions and prints the median and slowest milliseconds per move (model,
figure update, PNG render and caption). Printed, never asserted: machines
here are shared and noisy. ``widget_latency.py`` measures the full round
trip through a real kernel for lesson 01.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import statistics
import time

import helpers.panels
from helpers.panels.base import LessonPanel


def panel_classes() -> list[type[LessonPanel]]:
    found = []
    for info in pkgutil.iter_modules(helpers.panels.__path__):
        module = importlib.import_module(f"helpers.panels.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, LessonPanel) and cls is not LessonPanel
                    and cls.__module__ == module.__name__):
                found.append(cls)
    return found


def positions(control) -> list:
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        return values[:: max(1, len(values) // 5)]
    if hasattr(control, "min") and hasattr(control, "max"):
        step = (control.max - control.min) / 4
        values = [control.min + k * step for k in range(5)]
        return [type(control.value)(v) for v in values]
    return [control.value]


def main() -> None:
    print(f"{'panel':<24}{'control':<30}{'median ms':>10}{'max ms':>10}")
    for cls in panel_classes():
        panel = cls()
        panel.update()  # warm caches
        for name, control in panel.controls.items():
            times = []
            for value in positions(control) * 2:
                start = time.perf_counter()
                panel.set(**{name: value})
                times.append((time.perf_counter() - start) * 1000)
            print(f"{cls.__name__:<24}{name:<30}{statistics.median(times):>10.1f}"
                  f"{max(times):>10.1f}")
            panel.reset()


if __name__ == "__main__":
    main()
