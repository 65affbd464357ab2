"""Lesson 03 panel: scans are snapshots; seeds shed before treatment appear later.

The learner sets the smallest lesion a scan shows, how often scans are taken
and when lesion C was seeded, and sees when each deposit was seeded and when a
scan first showed it.

For education, not medical advice.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import scans as lesson
from ..plots.lesion_timeline import LesionTimelineData, LesionTimelineFigure
from ..words import scans as words
from .base import Interaction, LessonPanel
from .controls import int_slider

__all__ = ["ScansPanel"]


class ScansPanel(LessonPanel[lesson.ScansValues, lesson.ScansState, LesionTimelineData]):
    """Detection limit and scan interval; a timeline of seeding and first sight."""

    title = "Scans are snapshots: when did each deposit start, and when was it seen?"
    interaction = Interaction(lesson.ScansValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "detection_limit_mm": int_slider("Smallest lesion a scan shows (mm)",
                                             lesson.DETECTION_LIMIT_RANGE_MM),
            "scan_interval_weeks": int_slider("Weeks between scans",
                                              lesson.SCAN_INTERVAL_RANGE_WEEKS),
            "lesion_c_seeding_day": int_slider(
                "Lesion C seeded on day (minus = before treatment)",
                lesson.LESION_C_SEEDING_DAY_RANGE, step=lesson.LESION_C_SEEDING_DAY_STEP),
        }

    def make_figure(self, theme: str) -> LesionTimelineFigure:
        return LesionTimelineFigure(lesson.LESION_LABELS, x_limits=lesson.DAYS_SHOWN,
                                    theme=theme)

    def figure_data(self, state: lesson.ScansState) -> LesionTimelineData:
        check_instance("state", state, lesson.ScansState)
        return LesionTimelineData(
            days=state.course.days, diameter_mm=state.course.diameter_mm,
            seeding_days=tuple(lesion.seeding_day for lesion in state.lesions),
            seeded_small=tuple(lesion.seeded_small for lesion in state.lesions),
            first_seen_days=tuple(lesion.first_seen_day for lesion in state.lesions),
            scan_days=state.scan_days, seen_days=state.seen_days, seen_mm=state.seen_mm,
            detection_limit_mm=state.detection_limit_mm, end_day=state.end_day,
        )
