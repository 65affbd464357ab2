"""Lesson 08 panel: chance and resistance.

A tumour grows from one cell; each division has a small chance of giving a resistant
daughter. Left, the chance that a tumour holds no resistant cell against its size, for
one drug and for two; right, how many resistant cells many tumours grown by chance
hold, beside the Luria-Delbruck formula. The simulated tumours of each setting are kept,
so moving "Number of tumours" only shows more or fewer of the same tumours.

For education, not medical advice.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import chance as lesson
from ..plots.chance import ChanceData, ChanceFigure
from ..words import chance as words
from .base import Interaction, LessonPanel
from .controls import choice_slider

__all__ = ["ChancePanel"]


class ChancePanel(LessonPanel[lesson.ChanceValues, lesson.ChanceState, ChanceData]):
    """Chance and resistance: bigger tumours more often already hold resistant cells."""

    title = "Chance and resistance"
    interaction = Interaction(lesson.ChanceValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "mutation_rate_per_division": choice_slider(
                "Chance per division of a resistant daughter",
                [(words.rate_label(r), r) for r in lesson.MUTATION_RATE_CHOICES]),
            "detection_size_cells": choice_slider(
                "Cells when the tumour is found",
                [(words.size_label(c), c) for c in lesson.DETECTION_SIZE_CHOICES_CELLS]),
            "tumours": choice_slider(
                "Number of tumours grown by chance",
                [(words.tumours_label(n), n) for n in lesson.TUMOUR_COUNT_CHOICES]),
        }

    def make_figure(self, theme: str) -> ChanceFigure:
        return ChanceFigure(lesson.COUNT_BIN_EDGES, theme=theme)

    def figure_data(self, state: lesson.ChanceState) -> ChanceData:
        check_instance("state", state, lesson.ChanceState)
        return ChanceData(
            curve_sizes_cells=state.curve_sizes_cells,
            one_drug=state.no_resistant_one_drug,
            two_drugs=state.no_resistant_two_drugs,
            detection_cells=state.values.detection_size_cells,
            one_at_detection=state.none_one_drug,
            two_at_detection=state.none_two_drugs,
            simulated_share_without=state.simulated_share_without,
            bin_edges=state.bin_edges,
            simulated_shares=state.simulated_shares,
            formula_shares=state.formula_shares,
            tumours=state.tumours,
        )
