"""Lesson 07 panel: when the plan changes.

A patient with three lesions gets drug A. Lesions A and B shrink; lesion C, full of
cells that resist drug A, grows, and a scan reads progression. The learner picks what
the team does then: stay on drug A, switch to drug B, give both drugs from the start,
and/or treat lesion C alone with radiation or surgery. The figure shows what was given,
each lesion's size and the cells of each kind underneath.

For education, not medical advice.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check_instance
from ..lessons import plan_change as lesson
from ..plots.plan_change import PlanChangeData, PlanChangeFigure
from ..words import plan_change as words
from .base import Interaction, LessonPanel
from .controls import choice_slider, dropdown

__all__ = ["PlanChangePanel"]


class PlanChangePanel(LessonPanel[lesson.PlanChangeValues, lesson.PlanChangeState,
                                  PlanChangeData]):
    """What the team can do after scans show growth (lesson 07)."""

    title = "When the plan changes"
    interaction = Interaction(lesson.PlanChangeValues, lesson.compute, words.caption,
                              words.alt_text, lesson.PRESETS)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "plan": dropdown("Drug plan",
                             [(words.plan_label(p), p) for p in lesson.PLAN_CHOICES]),
            "local_treatment": dropdown(
                "Lesion C also gets",
                [(words.local_treatment_label(k), k) for k in lesson.LOCAL_TREATMENT_CHOICES]),
            "fraction_killed_by_b": dropdown(
                "Drug B kills per dose",
                [(words.drug_b_kill_label(f), f) for f in lesson.DRUG_B_KILL_CHOICES]),
            "resists_both_share": choice_slider(
                "Resist both drugs",
                [(words.resists_both_label(s), s) for s in lesson.RESISTS_BOTH_CHOICES]),
        }

    def make_figure(self, theme: str) -> PlanChangeFigure:
        return PlanChangeFigure(
            lesson.LESION_LABELS, words.TREATMENT_ROW_LABELS,
            [words.kind_label(kind) for kind in lesson.KINDS],
            ghost_label=words.GHOST_LABEL, x_max_days=lesson.HORIZON_DAYS,
            x_step_days=lesson.SCAN_INTERVAL_DAYS, theme=theme)

    def figure_data(self, state: lesson.PlanChangeState) -> PlanChangeData:
        check_instance("state", state, lesson.PlanChangeState)
        doses = state.dose_days_by_drug
        local = () if state.local_day is None else (state.local_day,)
        return PlanChangeData(
            days=state.days,
            diameter_mm=state.diameter_mm,
            cells_by_kind=tuple(state.kind_cells(kind) for kind in lesson.KINDS),
            treatment_days=(doses["A"], doses["B"], local),
            scan_days=state.scan_days,
            review_day=state.progression_day,
            ghost_days=state.unchanged_days,
            ghost_mm=state.unchanged_stubborn_mm,
            detection_limit_mm=lesson.DETECTION_LIMIT_MM,
        )
