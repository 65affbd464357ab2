"""Lesson 01 panel: cells and size. Half the cells gone is only about a fifth off the diameter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from ..models import cells_to_diameter_mm, diameter_change_for_cell_change
from ..plain_words import cells_in_words, percent
from ..plots.spheres import SpheresFigure
from .base import LessonPanel, labelled

__all__ = ["CellSizePanel", "KILLED_OPTIONS"]

KILLED_OPTIONS: tuple[tuple[str, float], ...] = tuple(
    (f"{p:g}%", p / 100) for p in (0, 10, 25, 50, 66, 75, 90, 99, 99.9)
)


class CellSizePanel(LessonPanel):
    """How the diameter of a ball of cells changes when a share of them dies."""

    title = "Cells and size: why scans change slowly"
    presets = {
        "Half the cells gone": ({"killed": 0.5, "start_cells": 1e9},
                                "Half of the cells die, yet the diameter falls by only about "
                                "a fifth."),
        "What a 30% smaller diameter takes": (
            {"killed": 0.66, "start_cells": 1e9},
            "Scans call a tumour 30% smaller across a 'partial response'. That needs about "
            "two thirds of its cells gone."),
        "99% gone": ({"killed": 0.99, "start_cells": 1e9},
                     "Even with 99 of every 100 cells gone, the tumour is still about a fifth "
                     "of its width."),
    }

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "killed": labelled(widgets.SelectionSlider(
                options=KILLED_OPTIONS, value=0.5, description="Cancer cells killed")),
            "start_cells": labelled(widgets.SelectionSlider(
                options=[("100 million", 1e8), ("1 billion", 1e9), ("10 billion", 1e10)],
                value=1e9, description="Cells at the start")),
        }

    def make_figure(self, theme: str) -> SpheresFigure:
        return SpheresFigure(theme)

    def compute(self, values: Mapping[str, Any]) -> dict[str, float]:
        start = values["start_cells"]
        left = start * (1.0 - values["killed"])
        return {
            "start_cells": start,
            "end_cells": left,
            "start_mm": cells_to_diameter_mm(start),
            "end_mm": cells_to_diameter_mm(left),
            "diameter_change": diameter_change_for_cell_change(1.0 - values["killed"]),
        }

    def show(self, state: dict[str, float], values: Mapping[str, Any]) -> None:
        self.figure.update(state["start_mm"], state["end_mm"], values["killed"])

    def describe(self, state: dict[str, float], values: Mapping[str, Any]) -> str:
        if values["killed"] == 0:
            return (f"No cells killed: the tumour keeps its {cells_in_words(state['start_cells'])}"
                    f" cells and its {state['start_mm']:.1f} mm diameter.")
        return (
            f"Killing {percent(values['killed'])} of {cells_in_words(state['start_cells'])} "
            f"cells leaves {cells_in_words(state['end_cells'])}. The diameter goes from "
            f"{state['start_mm']:.1f} mm to {state['end_mm']:.1f} mm: only "
            f"{percent(-state['diameter_change'])} smaller. Size across follows the cube root "
            "of the number of cells, so a scan can look only a little better while many cells "
            "have died."
        )

    def alt_text(self, state: dict[str, float], values: Mapping[str, Any]) -> str:
        return (
            f"Left: a dashed circle {state['start_mm']:.1f} mm across (before) and a filled "
            f"circle {state['end_mm']:.1f} mm across (after), drawn to scale. Right: a curve "
            "of diameter change against the share of cells killed; it stays shallow until "
            "most cells are gone. A dot marks "
            f"{percent(values['killed'])} killed, {percent(-state['diameter_change'])} smaller."
        )
