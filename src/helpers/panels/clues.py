"""Lesson 06 panel: growth or a rough patch? Several clues on one time axis.

The learner picks what is really going on underneath (hidden from the team in real
life), how hard each dose hits, how many cycles to show, and a re-draw of the
day-to-day ups and downs. The figure lines up the diary, temperature, white cells,
marker and scans; the caption says what the clues suggest together, and that the care
team decides. For education, not medical advice.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import clues as lesson
from ..plots.clue_timeline import ClueTimelineData, ClueTimelineFigure
from ..words import clues as words
from .base import Interaction, LessonPanel
from .controls import choice_slider, dropdown, int_slider

__all__ = ["CluesPanel"]


class CluesPanel(LessonPanel[lesson.CluesValues, lesson.CluesState, ClueTimelineData]):
    """One person's clues over several cycles: side effects, growth, infection, or both."""

    title = "Growth or a rough patch? The clues on one time axis"
    interaction = Interaction(lesson.CluesValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)
    # Its six positions set the time axis of all five charts, whose other limits seldom
    # change: drawn ahead when the panel opens, a first move there pastes.
    draw_ahead = ("cycles",)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            # Labels short enough for one line each at projector size, so the controls,
            # the tall figure and the caption fit on one 1024 x 768 screen together.
            "story": dropdown("What is really going on", lesson.STORY_CHOICES),
            "side_effects": choice_slider("How hard a dose hits",
                                          [(level, level) for level in
                                           lesson.SIDE_EFFECT_CHOICES]),
            "cycles": int_slider(words.cycles_control_label(lesson.CYCLE_LENGTH_DAYS),
                                 lesson.CYCLES_RANGE, unit="cycles"),
            "draw": int_slider("New ups and downs", lesson.DRAW_RANGE),
        }

    def make_figure(self, theme: str) -> ClueTimelineFigure:
        return ClueTimelineFigure(theme=theme)

    def figure_data(self, state: lesson.CluesState) -> ClueTimelineData:
        check_instance("state", state, lesson.CluesState)
        scans = state.scans
        return ClueTimelineData(
            days=state.days, dose_days=state.dose_days, scores=state.scores,
            score_max=lesson.SCORE_MAX, temperature_c=state.temperature_c,
            fever_c=lesson.FEVER_C, white_line=state.white_line,
            white_test_days=state.white_test_days, white_tests=state.white_tests,
            low_white=lesson.LOW_WHITE_CELLS, marker_days=state.marker_days,
            marker_line=state.marker_line, marker_test_days=state.marker_test_days,
            marker_tests=state.marker_tests, scan_days=scans.days, scan_mm=scans.width_mm,
            scan_labels=words.scan_labels(state), x_max_days=state.horizon_days,
            highest=state.highest,
        )
