"""Lesson 05 panel: doses, delays and relative dose intensity.

Two runs of the same tumour on the same axes: the course as planned (six
full doses, one per cycle) and the course as given, with a delay before one
cycle (or before it and every later one) and a dose cut from that cycle on.
The caption gives the relative dose intensity (RDI): dose given per week
divided by dose planned per week.

For education, not medical advice: real dose changes are decided by the
care team for safety reasons, and how much a lower RDI matters depends on
the cancer and the treatment.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import choices
from ..lessons import dose_intensity as lesson
from ..plots.dose_course import DoseCourseData, DoseCourseFigure
from ..words import dose_intensity as words
from .base import Interaction, LessonPanel
from .controls import choice_slider, dropdown, int_slider

__all__ = ["DoseIntensityPanel"]


class DoseIntensityPanel(LessonPanel[lesson.DoseIntensityValues, lesson.DoseIntensityState,
                                     DoseCourseData]):
    """The plan against what was given: delays, dose cuts and dose intensity (lesson 05)."""

    title = "Doses, delays and dose intensity"
    interaction = Interaction(lesson.DoseIntensityValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "fraction_killed_per_dose": dropdown(
                "Cancer cells killed by each full dose",
                [(words.fraction_killed_label(f), f) for f in choices.FRACTION_KILLED_CHOICES]),
            "doubling_time_days": choice_slider(
                "Doubling time of the cancer cells",
                [(words.days_label(d), d) for d in choices.DOUBLING_TIME_CHOICES_DAYS]),
            "cycle_length_days": dropdown(
                "Planned days from dose to dose",
                [(words.days_label(d), d) for d in lesson.CYCLE_LENGTH_CHOICES_DAYS]),
            "changed_cycle": choice_slider(
                "First cycle that is changed",
                [(words.changed_cycle_label(k), k) for k in lesson.CHANGED_CYCLE_CHOICES]),
            "delay_days": int_slider("Delay before that cycle (days)", lesson.DELAY_RANGE_DAYS),
            "delays_repeat": dropdown(
                "Which cycles are delayed",
                [(words.delays_repeat_label(r), r) for r in lesson.DELAYS_REPEAT_CHOICES]),
            "dose_cut_percent": int_slider(
                "Dose cut from that cycle on (%)", lesson.DOSE_CUT_RANGE_PERCENT,
                step=lesson.DOSE_CUT_STEP_PERCENT),
        }

    def make_figure(self, theme: str) -> DoseCourseFigure:
        # The time axis ends on the chart's last day (the end of the course as given), the
        # day the caption's last sentence speaks of.
        return DoseCourseFigure(theme=theme)

    def figure_data(self, state: lesson.DoseIntensityState) -> DoseCourseData:
        check_instance("state", state, lesson.DoseIntensityState)
        # Each line runs to the end of its own course, on its own days.
        return DoseCourseData(
            days=state.given_days,
            cells_by_role={"planned": state.planned_cells, "delivered": state.given_cells},
            days_by_role={"planned": state.planned_days},
            dose_days=state.schedule.dose_days,
            dose_fractions=state.schedule.dose_fractions,
            planned_dose_days=state.planned_schedule.dose_days,
            pauses=state.pauses,
            x_max_days=state.schedule.end_day,
        )
