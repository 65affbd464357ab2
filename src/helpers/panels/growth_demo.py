"""Lesson 00 panel: untreated growth, to practise sliders, examples and reset."""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import growth as lesson
from ..plots.cell_course import CellCourseData, CellCourseFigure
from ..words import growth as words
from .base import Interaction, LessonPanel
from .controls import dropdown, int_slider

__all__ = ["GrowthPanel"]


class GrowthPanel(LessonPanel[lesson.GrowthValues, lesson.GrowthState, CellCourseData]):
    """How an untreated tumour grows: doubling time, growth law, months shown."""

    title = "Practice: how an untreated tumour grows"
    interaction = Interaction(lesson.GrowthValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "doubling_time_days": int_slider("Doubling time (days)",
                                             lesson.DOUBLING_TIME_RANGE_DAYS),
            "growth_law": dropdown(
                "How growth behaves",
                [(words.growth_law_label(law), law) for law in lesson.GROWTH_LAW_CHOICES]),
            "months_shown": int_slider("Months to show", lesson.MONTHS_SHOWN_RANGE),
        }

    def make_figure(self, theme: str) -> CellCourseFigure:
        # The cells axis tops out at the capacity: the chart stops where growth must.
        return CellCourseFigure(("total",), show_diameter=True,
                                x_label="Days from now (no treatment)",
                                title="An untreated tumour",
                                cells_top=lesson.CARRYING_CAPACITY_CELLS, treated=False,
                                theme=theme)

    def figure_data(self, state: lesson.GrowthState) -> CellCourseData:
        check_instance("state", state, lesson.GrowthState)
        return CellCourseData(state.days, {"total": state.cells},
                              diameter_mm=state.diameter_mm)
