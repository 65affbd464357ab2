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

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from ..models.clones import SimulationResult, simulate
from ..models.treatment import Schedule
from ..plain_words import cells_in_words, percent
from ..plots.dose_course import DoseCourseFigure
from ..plots.limits import snap_up
from ..scenarios.treatment import (
    CARRYING_CAPACITY_CELLS,
    CELLS_AT_START,
    GROWTH_LAW,
    TREATMENT_SCENARIOS,
    TreatmentScenario,
    one_clone_tumour,
)
from .base import LessonPanel, labelled
from .treatment_controls import (
    DOUBLING_CHOICES_DAYS,
    KILL_CHOICES,
    doubling_slider,
    kill_dropdown,
    nearest_choice,
)

__all__ = ["DoseIntensityPanel", "DoseState", "dose_intensity_presets", "course_schedule",
           "CYCLES"]

#: The planned course: six cycles, a common length for a course of chemotherapy.
CYCLES = 6
CYCLE_LENGTH_CHOICES = (14, 21, 28)
MAX_DELAY_DAYS = 28
MAX_DOSE_CUT_PERCENT = 50
#: The time axis ends on a multiple of this many days, so most moves keep
#: the same axes and the cached background.
X_STEP_DAYS = 28


def course_schedule(*, cycle_length_days: int, changed_cycle: int, delay_days: int,
                    delay_repeats: bool, dose_cut_percent: int) -> Schedule:
    """The course as given: a delay before ``changed_cycle`` (and every later
    cycle if ``delay_repeats``) and a dose cut from ``changed_cycle`` on."""
    changed = int(nearest_choice(changed_cycle, range(2, CYCLES + 1), name="changed_cycle"))
    if not isinstance(delay_repeats, bool):
        raise ValueError(f"delay_repeats must be True or False; got {delay_repeats!r}")
    first = changed - 1  # index of the first changed cycle
    delays = tuple(delay_days if (k == first or (delay_repeats and k > first)) else 0
                   for k in range(CYCLES))
    cut = dose_cut_percent / 100.0
    doses = tuple(1.0 - cut if k >= first else 1.0 for k in range(CYCLES))
    return Schedule(cycle_length_days, CYCLES, dose_fractions=doses, delays_days=delays)


@dataclass(frozen=True)
class DoseState:
    """What one run of the panel computed."""

    given: SimulationResult
    planned: SimulationResult
    #: (day the dose was due, day it was given) for each delayed cycle.
    pauses: tuple[tuple[int, int], ...]
    #: Cycle number (1-based) of each pause.
    paused_cycles: tuple[int, ...]

    @property
    def schedule(self) -> Schedule:
        return self.given.schedule


def _pauses(schedule: Schedule) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    spans, cycles = [], []
    for k, (day, delay) in enumerate(zip(schedule.dose_days, schedule.delays_days,
                                         strict=True)):
        if delay > 0:
            spans.append((day - delay, day))
            cycles.append(k + 1)
    return tuple(spans), tuple(cycles)


def _scenario_values(scenario: TreatmentScenario) -> dict[str, Any] | None:
    """Control values that reproduce ``scenario``, or None if it does not fit."""
    if ([c.name for c in scenario.clones] != ["sensitive"] or scenario.law != GROWTH_LAW
            or scenario.carrying_capacity_cells != CARRYING_CAPACITY_CELLS
            or not math.isclose(scenario.baseline_cells, CELLS_AT_START)):
        return None
    schedule = scenario.schedule
    if schedule.cycles != CYCLES or schedule.cycle_length_days not in CYCLE_LENGTH_CHOICES:
        return None
    if scenario.horizon_days != schedule.end_day:
        return None
    changed = [k for k in range(CYCLES)
               if schedule.delays_days[k] > 0 or schedule.dose_fractions[k] < 1.0]
    if not changed or changed[0] == 0:
        return None
    first = changed[0]
    delay = schedule.delays_days[first] or max(schedule.delays_days)
    cut = round(100 * (1.0 - schedule.dose_fractions[first]))
    clone = scenario.clones[0]
    values = {
        "kill": nearest_choice(1.0 - clone.surviving_fraction_per_dose, KILL_CHOICES,
                               name="kill"),
        "doubling": int(nearest_choice(math.log(2) / clone.growth_rate_per_day,
                                       DOUBLING_CHOICES_DAYS, name="doubling")),
        "cycle_length": schedule.cycle_length_days,
        "changed_cycle": first + 1,
        "delay_days": delay,
        "delay_repeats": any(d > 0 for d in schedule.delays_days[first + 1:]),
        "dose_cut": cut,
    }
    rebuilt = course_schedule(cycle_length_days=values["cycle_length"],
                              changed_cycle=values["changed_cycle"],
                              delay_days=values["delay_days"],
                              delay_repeats=values["delay_repeats"],
                              dose_cut_percent=values["dose_cut"])
    if (rebuilt.delays_days != schedule.delays_days
            or any(not math.isclose(a, b) for a, b in zip(rebuilt.dose_fractions,
                                                          schedule.dose_fractions,
                                                          strict=True))
            or not 0 <= delay <= MAX_DELAY_DAYS or not 0 <= cut <= MAX_DOSE_CUT_PERCENT):
        return None
    return values


_BASE = {"kill": 0.9, "doubling": 21, "cycle_length": 21, "changed_cycle": 3,
         "delay_days": 0, "delay_repeats": False, "dose_cut": 0}


def dose_intensity_presets() -> dict[str, tuple[dict[str, Any], str]]:
    """The panel's examples: the treatment scenarios that fit it, then a few more."""
    presets: dict[str, tuple[dict[str, Any], str]] = {}
    for name, scenario in TREATMENT_SCENARIOS.items():
        values = _scenario_values(scenario)
        if values is not None:
            presets[name] = (values, scenario.story)
    presets["Course as planned"] = (
        dict(_BASE),
        "Every dose on time and in full: the course as given is the plan, and the relative "
        "dose intensity is 100%.")
    presets["A week's delay before every cycle"] = (
        {**_BASE, "changed_cycle": 2, "delay_days": 7, "delay_repeats": True},
        "Blood counts are slow to recover after every dose, so each cycle from the second "
        "on starts a week late. Full doses, but spread over a longer time.")
    presets["Doses cut by a quarter"] = (
        {**_BASE, "changed_cycle": 2, "dose_cut": 25},
        "Side effects after the first dose lead the team to give 75% doses from cycle 2 "
        "on. Every dose is on time, but each one kills fewer cancer cells.")
    return presets


class DoseIntensityPanel(LessonPanel):
    """The plan against what was given: delays, dose cuts and dose intensity (lesson 05)."""

    title = "Doses, delays and dose intensity"
    presets = dose_intensity_presets()

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "kill": kill_dropdown("Cancer cells killed by each full dose", _BASE["kill"]),
            "doubling": doubling_slider("Doubling time of the cancer cells", _BASE["doubling"]),
            "cycle_length": labelled(widgets.Dropdown(
                options=[(f"{d} days", d) for d in CYCLE_LENGTH_CHOICES],
                value=_BASE["cycle_length"], description="Planned days from dose to dose")),
            "changed_cycle": labelled(widgets.SelectionSlider(
                options=[(f"cycle {k}", k) for k in range(2, CYCLES + 1)],
                value=_BASE["changed_cycle"], description="First cycle that is changed")),
            "delay_days": labelled(widgets.IntSlider(
                value=_BASE["delay_days"], min=0, max=MAX_DELAY_DAYS, step=1,
                description="Delay before that cycle (days)")),
            "delay_repeats": labelled(widgets.Dropdown(
                options=[("only that cycle", False), ("that cycle and every later one", True)],
                value=_BASE["delay_repeats"], description="Which cycles are delayed")),
            "dose_cut": labelled(widgets.IntSlider(
                value=_BASE["dose_cut"], min=0, max=MAX_DOSE_CUT_PERCENT, step=5,
                description="Dose cut from that cycle on (%)")),
        }

    def make_figure(self, theme: str) -> DoseCourseFigure:
        return DoseCourseFigure(theme=theme)

    def compute(self, values: Mapping[str, Any]) -> DoseState:
        clones = one_clone_tumour(fraction_killed=values["kill"],
                                  doubling_days=values["doubling"])
        given = course_schedule(cycle_length_days=values["cycle_length"],
                                changed_cycle=values["changed_cycle"],
                                delay_days=values["delay_days"],
                                delay_repeats=values["delay_repeats"],
                                dose_cut_percent=values["dose_cut"])
        horizon = given.end_day
        options = {"law": GROWTH_LAW, "carrying_capacity_cells": CARRYING_CAPACITY_CELLS}
        spans, cycles = _pauses(given)
        return DoseState(
            given=simulate(clones, given, horizon, **options),
            planned=simulate(clones, given.as_planned(), given.as_planned().end_day,
                             **options),
            pauses=spans, paused_cycles=cycles,
        )

    def show(self, state: DoseState, values: Mapping[str, Any]) -> None:
        given, planned = state.given, state.planned
        # Each line runs to the end of its own course, on its own days.
        self.figure.update(
            given.days,
            {"planned": planned.total_cells, "delivered": given.total_cells},
            days_by_role={"planned": planned.days},
            dose_days=given.schedule.dose_days,
            dose_fractions=given.schedule.dose_fractions,
            planned_dose_days=planned.schedule.dose_days,
            pauses=state.pauses,
            x_max_days=snap_up(given.horizon_days, X_STEP_DAYS, X_STEP_DAYS),
        )

    # -- words -----------------------------------------------------------------
    def _pause_sentence(self, state: DoseState) -> str:
        if not state.pauses:
            return ""
        start, end = state.pauses[0]
        given = state.given
        before = float(given.total_cells[given.index_at(start)])
        # The count on the day the dose is finally given, just before that dose.
        after = float(given.total_cells[given.index_at(end) - 1])
        which = (f"the {end - start}-day pause before cycle {state.paused_cycles[0]}"
                 if len(state.pauses) == 1 else
                 f"the first of {len(state.pauses)} pauses ({end - start} days each)")
        if before < 1:
            return f" No cancer cells were left to regrow during {which}."
        return (f" During {which}, the cancer cells grew back from {cells_in_words(before)} "
                f"to {cells_in_words(after)}.")

    @staticmethod
    def course_end_cells(state: DoseState) -> tuple[float, float]:
        """Cells at the end of each course: (as planned, as given)."""
        return float(state.planned.total_cells[-1]), float(state.given.total_cells[-1])

    def describe(self, state: DoseState, values: Mapping[str, Any]) -> str:
        schedule = state.schedule
        rdi = schedule.relative_dose_intensity
        planned_days, given_days = schedule.planned_duration_days, schedule.delivered_duration_days
        timing = ("on schedule" if given_days == planned_days else
                  f"over {given_days} days instead of {planned_days}")
        text = (f"Relative dose intensity: <b>{percent(rdi)} of the plan</b> "
                f"({schedule.delivered_total_dose:g} of {schedule.planned_total_dose:g} full "
                f"doses, given {timing}).")
        text += self._pause_sentence(state)
        planned_end, given_end = self.course_end_cells(state)
        if schedule == schedule.as_planned():
            return text + (f" Everything went as planned: at the end of the course (day "
                           f"{schedule.end_day}) the tumour holds {cells_in_words(given_end)} "
                           "cancer cells.")
        if state.planned.schedule.end_day == schedule.end_day:
            days = f"day {schedule.end_day}"
            head = " At the end of the course"
        else:
            days = (f"day {state.planned.schedule.end_day} as planned, "
                    f"day {schedule.end_day} as given")
            head = " At the end of each course"
        if planned_end < 1 and given_end < 1:
            return text + f"{head} ({days}) no cancer cells are left in this model."
        if planned_end < 1:
            return text + (f"{head} ({days}) the plan leaves no cancer "
                           f"cells in this model; the course as given leaves "
                           f"{cells_in_words(given_end)}.")
        ratio = given_end / planned_end
        compare = ("about the same number" if abs(ratio - 1) < 0.05 else
                   f"{ratio:.1f} times as many" if ratio < 9.95 else
                   f"{ratio:,.0f} times as many")
        return text + (f"{head} ({days}) the plan leaves "
                       f"{cells_in_words(planned_end)} cancer cells; the course as given "
                       f"leaves {cells_in_words(given_end)}: {compare}.")

    def alt_text(self, state: DoseState, values: Mapping[str, Any]) -> str:
        schedule = state.schedule
        pauses = (f" Shaded stripes mark {len(state.pauses)} "
                  f"{'pause' if len(state.pauses) == 1 else 'pauses'}, where the solid line "
                  "rises while no dose is given." if state.pauses else "")
        return (
            f"Chart of cancer cells on a log scale over {state.given.horizon_days} days. "
            f"Dotted line, the plan: {CYCLES} full doses {schedule.cycle_length_days} days "
            f"apart, ending on day {state.planned.schedule.end_day} at "
            f"{cells_in_words(self.course_end_cells(state)[0])}. Solid line, the course as "
            f"given, ending on day {schedule.end_day} at "
            f"{cells_in_words(self.course_end_cells(state)[1])}.{pauses} Relative dose "
            f"intensity {percent(schedule.relative_dose_intensity)}."
        )
