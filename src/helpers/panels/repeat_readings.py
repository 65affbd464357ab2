"""Lesson 04 panel: the same lesion scanned twice on the same day, many times over.

How far apart two readings can be with no real change, in percent and in
millimetres, and how often noise alone would pass for growth.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import repeat_readings as lesson
from ..plots.scan_readings import ScanReadingsData, ScanReadingsFigure
from ..words import repeat_readings as words
from .base import Interaction, LessonPanel
from .controls import choice_slider, int_slider

__all__ = ["RepeatReadingsPanel"]


class RepeatReadingsPanel(LessonPanel[lesson.RepeatValues, lesson.RepeatState,
                                      ScanReadingsData]):
    """The same lesion scanned twice on one day: how far apart two readings can be."""

    title = "One lesion, scanned twice on the same day, many times over"
    interaction = Interaction(lesson.RepeatValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "true_diameter_mm": int_slider("True size of the lesion (mm)",
                                           lesson.TRUE_DIAMETER_MM_RANGE),
            # Offered as a list, so every position is a whole ten (as the values require).
            "pairs": choice_slider("Pairs of same-day scans",
                                   [(words.pairs_label(n), n) for n in lesson.PAIRS_CHOICES]),
            "reading": int_slider("Another set of readings", lesson.READING_RANGE),
        }

    def make_figure(self, theme: str) -> ScanReadingsFigure:
        return ScanReadingsFigure(partial_response_percent=lesson.PARTIAL_RESPONSE_PERCENT,
                                  progression_percent=lesson.PROGRESSION_PERCENT,
                                  progression_min_mm=lesson.PROGRESSION_MIN_MM,
                                  agree_within_percent=lesson.AGREE_WITHIN_PERCENT,
                                  axis_limit_percent=lesson.AXIS_LIMIT_PERCENT,
                                  axis_limit_mm=lesson.AXIS_LIMIT_MM, theme=theme)

    def figure_data(self, state: lesson.RepeatState) -> ScanReadingsData:
        check_instance("state", state, lesson.RepeatState)
        return ScanReadingsData(state.changes_percent, state.changes_mm, state.past_rise,
                                state.past_min_mm)
