"""Lesson 02 panel: sensitive and resistant cells under repeated doses.

Two clones share one tumour. Each dose kills a fixed fraction of the
sensitive cells and none of the resistant ones; between doses both grow.
The drug does not make resistant cells: they were there from the start, and
it clears their competitors. The figure shows each clone on a log scale, the
size band where a scan starts to show the tumour, the lowest point (nadir),
and the share of resistant cells below.

For education, not medical advice.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import choices
from ..lessons import resistance as lesson
from ..plots.resistant_share import ResistantShareFigure, ShareCourseData
from ..words import resistance as words
from .base import Interaction, LessonPanel
from .controls import choice_slider, dropdown, int_slider

__all__ = ["ResistancePanel"]


class ResistancePanel(LessonPanel[lesson.ResistanceValues, lesson.ResistanceState,
                                  ShareCourseData]):
    """Sensitive and resistant cells: selection under repeated doses (lesson 02)."""

    title = "Sensitive and resistant cells"
    interaction = Interaction(lesson.ResistanceValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)
    # Its ten positions set the time axis: drawn ahead when the panel opens (measured in a
    # real kernel, the cycles' median fell from 33 to 36 ms to 26 to 29 ms).
    draw_ahead = ("cycles",)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        days = [(words.days_label(d), d) for d in choices.DOUBLING_TIME_CHOICES_DAYS]
        return {
            "resistant_share": choice_slider(
                "Resistant cells at the start",
                [(words.share_label(s), s) for s in choices.RESISTANT_SHARE_CHOICES]),
            "fraction_killed_per_dose": dropdown(
                "Sensitive cells killed by each dose",
                [(words.fraction_killed_label(f), f) for f in choices.FRACTION_KILLED_CHOICES]),
            "sensitive_doubling_time_days": choice_slider(
                "Doubling time of sensitive cells", days),
            "resistant_doubling_time_days": choice_slider(
                "Doubling time of resistant cells (before any cost)", days),
            "fitness_cost_percent": int_slider(
                "Fitness cost: resistant cells grow slower by (%)",
                lesson.FITNESS_COST_RANGE_PERCENT, step=lesson.FITNESS_COST_STEP_PERCENT),
            "cycles": int_slider(words.cycles_control_label(lesson.CYCLE_LENGTH_DAYS),
                                 lesson.CYCLES_RANGE),
        }

    def make_figure(self, theme: str) -> ResistantShareFigure:
        # The cells axis is fixed, up to the most cells the model allows: the same frame
        # at every setting makes "higher" and "lower" easy to compare, and keeps the
        # chart's kept picture as the other controls move.
        return ResistantShareFigure(cells_top=lesson.CARRYING_CAPACITY_CELLS, theme=theme)

    def figure_data(self, state: lesson.ResistanceState) -> ShareCourseData:
        check_instance("state", state, lesson.ResistanceState)
        return ShareCourseData(
            days=state.days,
            cells_by_role={"total": state.total_cells, "sensitive": state.sensitive_cells,
                           "resistant": state.resistant_cells},
            dose_days=state.dose_days,
            nadir=(state.nadir_day, state.nadir_cells),
            band_cells=state.scan_band_cells,
            x_max_days=state.horizon_days,
            share=state.resistant_share,
        )
