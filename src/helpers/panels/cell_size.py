"""Lesson 01 panel: cells and size. Half the cells gone is only about a fifth off the diameter."""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import cell_size as lesson
from ..plots.spheres import SpheresData, SpheresFigure
from ..words import cell_size as words
from .base import Interaction, LessonPanel
from .controls import choice_slider

__all__ = ["CellSizePanel"]


class CellSizePanel(LessonPanel[lesson.CellSizeValues, lesson.CellSizeState, SpheresData]):
    """How the diameter of a ball of cells changes when a share of them dies."""

    title = "Cells and size: why scans change slowly"
    interaction = Interaction(lesson.CellSizeValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "killed_percent": choice_slider(
                "Cancer cells killed",
                [(words.killed_label(p), p) for p in lesson.KILLED_PERCENT_CHOICES]),
            "start_cells": choice_slider(
                "Cells at the start",
                [(words.start_cells_label(c), c) for c in lesson.START_CELLS_CHOICES]),
        }

    def make_figure(self, theme: str) -> SpheresFigure:
        return SpheresFigure(theme)

    def figure_data(self, state: lesson.CellSizeState) -> SpheresData:
        check_instance("state", state, lesson.CellSizeState)
        return SpheresData(state.start_mm, state.end_mm, state.killed_fraction,
                           response_line_percent=100 * state.partial_response_change)
