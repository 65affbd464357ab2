"""Lesson 04 panel: reading the response from measurements.

A patient with several lesions, scanned on a schedule. The figure shows each
lesion (true size, the size of its live cells alone, and scan readings), the
sum of diameters with the partial-response and progression lines, and a blood
marker. A scan table lists each lesion's measurement, the sum, the change from
baseline and from the smallest sum so far, and the category.

The categories are a teaching version of RECIST 1.1 (see clinic/response.py);
real assessment has more rules. For education, not medical advice.
(The repeat-readings panel is in ``panels.repeat_readings``.)
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import response as lesson
from ..plots.response_course import ResponseCourseData, ResponseCourseFigure
from ..words import response as words
from .base import Interaction, LessonPanel
from .controls import dropdown, int_slider

__all__ = ["ResponsePanel"]


class ResponsePanel(LessonPanel[lesson.ResponseValues, lesson.ResponseState,
                                ResponseCourseData]):
    """A multi-lesion patient: scans, the sum, categories, a marker, and a scan table."""

    title = "Reading the response: each lesion, the sum, the category"
    interaction = Interaction(lesson.ResponseValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "patient": dropdown("Patient", lesson.PATIENTS),
            "scan_interval_weeks": int_slider("Weeks between scans",
                                              lesson.SCAN_INTERVAL_WEEKS_RANGE),
            "swelling_peak_percent": int_slider("Treatment swelling at its peak (%)",
                                                lesson.SWELLING_PEAK_PERCENT_RANGE,
                                                lesson.SWELLING_PEAK_PERCENT_STEP),
            "reading": int_slider("Re-read the scans (try another reading)",
                                  lesson.READING_RANGE),
            "marker_half_life_days": int_slider("Marker half-life (days)",
                                                lesson.MARKER_HALF_LIFE_DAYS_RANGE),
            "marker_surge_percent": int_slider("Marker surge after the first dose (%)",
                                               lesson.MARKER_SURGE_PERCENT_RANGE,
                                               lesson.MARKER_SURGE_PERCENT_STEP),
        }

    def extra_views(self) -> list[widgets.Widget]:
        # The scan table, below the caption.
        self.table = widgets.HTML()
        self.table.add_class("chemo-table")
        return [self.table]

    def show_extra(self, state: lesson.ResponseState) -> None:
        self.table.value = words.scan_table_html(state)

    def make_figure(self, theme: str) -> ResponseCourseFigure:
        return ResponseCourseFigure(lesson.MOST_LESIONS, theme=theme)

    def figure_data(self, state: lesson.ResponseState) -> ResponseCourseData:
        check_instance("state", state, lesson.ResponseState)
        run, course = state.run, state.course
        return ResponseCourseData(
            days=course.days, true_mm=course.diameter_mm, live_mm=course.live_diameter_mm,
            scan_days=run.scan_days, measured_mm=state.measured_mm,
            sums_mm=[a.sum_mm for a in state.assessments],
            categories=state.category_labels,
            partial_response_mm=state.partial_response_mm,
            progression_mm=state.progression_mm,
            dose_days=state.dose_days, detection_limit_mm=state.detection_limit_mm,
            marker_days=course.days, marker_true=run.marker_true,
            marker_test_days=run.marker_days, marker_tests=run.marker_readings,
            x_max_days=course.horizon_days, highest=state.highest,
        )
