"""Lesson 00 panel: untreated growth, to practise sliders, examples and reset."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import numpy as np

from ..models import (
    cells_to_diameter_mm,
    doubling_time_days_to_rate_per_day,
    doublings_to_reach,
    grow,
)
from ..plain_words import cells_in_words, days_in_words
from ..plots.cell_course import CellCourseFigure
from .base import LessonPanel, labelled

__all__ = ["GrowthPanel", "LAW_OPTIONS"]

LAW_OPTIONS = (
    ("Keeps doubling at the same pace", "exponential"),
    ("Slows as the space fills up (logistic)", "logistic"),
    ("Slows early and steadily (Gompertz)", "gompertz"),
)
CAPACITY_CELLS = 1e12  # about 1 kg of tumour, roughly 12 cm across
START_CELLS = 1e9  # about 1 cm3, roughly 12 mm across


class GrowthPanel(LessonPanel):
    """How an untreated tumour grows: doubling time, growth law, months shown."""

    title = "Practice: how an untreated tumour grows"
    presets = {
        "Fast-growing cancer": (
            {"doubling_time_days": 7, "law": "exponential", "months": 2},
            "Some cancers double in days. In two months the cells multiply hundreds of times.",
        ),
        "Slow-growing cancer": (
            {"doubling_time_days": 150, "law": "exponential", "months": 12},
            "Many cancers double only every few months: a year brings a modest change.",
        ),
        "Crowding slows growth": (
            {"doubling_time_days": 10, "law": "gompertz", "months": 12},
            "As a tumour fills its space and outgrows its blood supply, its growth slows down.",
        ),
    }

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "doubling_time_days": labelled(widgets.IntSlider(
                value=30, min=2, max=200, description="Doubling time (days)")),
            "law": labelled(widgets.Dropdown(options=LAW_OPTIONS, value="exponential",
                                             description="How growth behaves")),
            "months": labelled(widgets.IntSlider(value=6, min=1, max=24,
                                                 description="Months to show")),
        }

    def make_figure(self, theme: str) -> CellCourseFigure:
        return CellCourseFigure(("total",), show_diameter=True,
                                x_label="Days from now (no treatment)",
                                title="An untreated tumour", cells_top=CAPACITY_CELLS,
                                treated=False,
                                theme=theme)

    def compute(self, values: Mapping[str, Any]) -> dict[str, Any]:
        days = np.arange(0, round(values["months"] * 30.44) + 1, dtype=float)
        rate = doubling_time_days_to_rate_per_day(values["doubling_time_days"])
        cells = grow(START_CELLS, days, growth_rate_per_day=rate, law=values["law"],
                     carrying_capacity_cells=CAPACITY_CELLS)
        # Steady doubling has no limit of its own; stop the chart where no real
        # tumour in one place gets to, rather than draw a metre-wide one.
        capped = bool(cells[-1] > CAPACITY_CELLS)
        return {"days": days, "cells": np.minimum(cells, CAPACITY_CELLS), "capped": capped}

    def show(self, state: dict[str, Any], values: Mapping[str, Any]) -> None:
        self.figure.update(state["days"], {"total": state["cells"]},
                           diameter_mm=cells_to_diameter_mm(state["cells"]))

    def describe(self, state: dict[str, Any], values: Mapping[str, Any]) -> str:
        cells = state["cells"]
        end = float(cells[-1])
        doubling = values["doubling_time_days"]
        from_one_cell = doublings_to_reach(START_CELLS) * doubling
        if values["law"] == "exponential":
            pace = f"Doubling every {doubling} days"
            law_note = (" The chart stops at 1 trillion cells (about 12 cm across): real "
                        "tumours slow down well before that." if state["capped"] else "")
        else:
            pace = (f"Starting from a doubling time of {doubling} days when it was tiny, "
                    "and slowing as it grows")
            law_note = ""
        return (
            f"{pace}, a tumour of {cells_in_words(cells[0])} cells "
            f"({cells_to_diameter_mm(cells[0]):.0f} mm across) becomes "
            f"{cells_in_words(end)} cells ({cells_to_diameter_mm(end):.0f} mm) in "
            f"{values['months']} month{'s' if values['months'] > 1 else ''}.{law_note} "
            f"Growing from one cell to this starting size takes about "
            f"{math.ceil(doublings_to_reach(START_CELLS))} doublings: at a steady "
            f"{doubling}-day doubling time, {days_in_words(from_one_cell)}."
        )

    def alt_text(self, state: dict[str, Any], values: Mapping[str, Any]) -> str:
        cells = state["cells"]
        return (
            f"Two charts over {len(cells) - 1} days with no treatment. Top: cancer cells on a "
            f"log scale, rising from {cells_in_words(cells[0])} to {cells_in_words(cells[-1])}"
            f". Bottom: diameter in millimetres, from {cells_to_diameter_mm(cells[0]):.0f} to "
            f"{cells_to_diameter_mm(cells[-1]):.0f} mm."
        )
