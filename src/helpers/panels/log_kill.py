"""Lesson 01 panel: each dose kills a fraction of the cells; they regrow between doses."""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import log_kill as lesson
from ..plots.cell_course import CellCourseData, CellCourseFigure
from ..words import log_kill as words
from .base import Interaction, LessonPanel
from .controls import choice_slider, float_slider, int_slider

__all__ = ["LogKillPanel"]

# Figure axis policy: the time axis ends on the chart's last day (one cycle after the
# course), so the picture ends where the caption's last sentence does. Only the cycle
# controls move it; the other controls keep the axes and the cached background.
# The cells axis is fixed (1 to 10 trillion): the same picture frame for every
# slider position makes "higher" and "lower" easy to compare.
CELLS_TOP = 1e13


class LogKillPanel(LessonPanel[lesson.LogKillValues, lesson.LogKillState, CellCourseData]):
    """Fractional (log) kill per dose and regrowth between doses, for one clone.

    Controls: cells killed by each dose, doubling time, days between doses,
    number of cycles, starting size. The figure shows live cells on a log scale
    (with the untreated course for comparison) and, below, the measured size in mm
    beside the size of the live cells alone.
    """

    title = "Log kill: each dose removes a share of the cells"
    interaction = Interaction(lesson.LogKillValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "log_kill_per_dose": choice_slider(
                "Cells killed by each dose",
                [(words.log_kill_label(k), k) for k in lesson.LOG_KILL_CHOICES]),
            "doubling_time_days": float_slider(
                "Doubling time between doses (days)", lesson.DOUBLING_TIME_RANGE_DAYS,
                step=lesson.DOUBLING_TIME_STEP_DAYS),
            "cycle_length_days": choice_slider(
                "Days between doses (cycle length)",
                [(words.cycle_length_label(d), d) for d in lesson.CYCLE_LENGTH_CHOICES_DAYS]),
            "cycles": int_slider("Number of cycles", lesson.CYCLES_RANGE),
            "start_cells": choice_slider(
                "Tumour size at the start",
                [(words.start_cells_label(c), c) for c in lesson.START_CELLS_CHOICES]),
        }

    def make_figure(self, theme: str) -> CellCourseFigure:
        return CellCourseFigure(("total", "untreated"), show_diameter=True, show_band=True,
                                cells_top=CELLS_TOP,
                                title="Live cancer cells: a drop at each dose, regrowth in "
                                      "between",
                                show_live_diameter=True, cells_label="Live cancer cells",
                                theme=theme)

    def figure_data(self, state: lesson.LogKillState) -> CellCourseData:
        check_instance("state", state, lesson.LogKillState)
        return CellCourseData(
            state.days, {"total": state.total_cells, "untreated": state.untreated_cells},
            dose_days=state.dose_days, nadir=(state.nadir_day, state.nadir_cells),
            diameter_mm=state.diameter_mm, live_diameter_mm=state.live_diameter_mm,
            band_cells=state.band_cells, x_max_days=state.days_shown[1],
        )
