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

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import numpy as np

from ..models.clones import SimulationResult, simulate
from ..models.size import cells_to_diameter_mm, diameter_mm_to_cells
from ..models.treatment import Schedule
from ..plain_words import cells_in_words, one_in, percent
from ..plots.limits import snap_up
from ..plots.resistant_share import ResistantShareFigure
from ..scenarios.treatment import (
    CARRYING_CAPACITY_CELLS,
    CELLS_AT_START,
    CYCLE_LENGTH_DAYS,
    GROWTH_LAW,
    TREATMENT_SCENARIOS,
    TreatmentScenario,
    cycle_end_days,
    two_clone_tumour,
)
from .base import LessonPanel, labelled
from .treatment_controls import (
    DOUBLING_CHOICES_DAYS,
    KILL_CHOICES,
    SHARE_CHOICES,
    doubling_slider,
    kill_dropdown,
    nearest_choice,
    share_slider,
)

__all__ = ["ResistancePanel", "ResistanceState", "resistance_presets", "share_in_words",
           "faded_day", "SCAN_BAND_MM"]

#: A scan starts to show a tumour somewhere between these diameters (mm).
SCAN_BAND_MM = (5.0, 10.0)
MAX_CYCLES = 10
#: The time axis ends on a multiple of this many days (3 cycles), so most
#: moves keep the same axes and the cached background.
X_STEP_DAYS = 3 * CYCLE_LENGTH_DAYS


def faded_day(result: SimulationResult) -> float | None:
    """Day the response is seen to fade, or None.

    Read like restaging scans, at the end of each cycle (the day before the
    next dose): the diameter first falls to partial-response size (30% or
    more below the start), then, on a later cycle end before the last dose,
    is more than 20% and at least 5 mm above its lowest cycle-end value.
    """
    schedule = result.schedule
    ends = cycle_end_days(schedule)
    if len(ends) < 2:
        return None
    diameter = cells_to_diameter_mm(
        np.array([result.total_cells[result.index_at(day)] for day in ends]))
    baseline = float(cells_to_diameter_mm(result.total_cells[0]))
    lowest = int(np.argmin(diameter))
    if diameter[lowest] > 0.7 * baseline:
        return None
    for k in range(lowest + 1, len(ends)):
        grew = diameter[k] > 1.2 * diameter[lowest] and diameter[k] >= diameter[lowest] + 5.0
        if grew and ends[k] < schedule.dose_days[-1]:
            return float(ends[k])
    return None


def change_in_words(change: float) -> str:
    """-0.998 -> '99.8% fewer than at the start'; 5.9 -> 'about 6.9 times as many as ...'."""
    if change < 0:
        return f"{percent(-change)} fewer than at the start"
    if change < 1:
        return f"{percent(change)} more than at the start"
    ratio = change + 1.0
    times = f"{ratio:.1f}" if ratio < 10 else f"{ratio:,.0f}"
    return f"about {times} times as many as at the start"


def share_in_words(share: float) -> str:
    """A resistant share as a clause: '1 in 4 cells is resistant'."""
    if share <= 0:
        return "no resistant cells are left"
    if share >= 0.995:
        return "almost every cell is resistant"
    if share > 0.5:
        return f"{percent(share)} of the cells are resistant"
    return f"{one_in(share)} cells is resistant"


@dataclass(frozen=True)
class ResistanceState:
    """What one run of the panel computed."""

    result: SimulationResult
    diameter_mm: np.ndarray
    start_cells: float
    end_cells: float
    start_share: float
    end_share: float
    #: Cycle-end day the response is seen to fade (see ``faded_day``), or None.
    faded_day: float | None


def _scenario_values(scenario: TreatmentScenario) -> dict[str, Any]:
    """Control values that reproduce ``scenario`` (it must fit this panel)."""
    by_name = {c.name: c for c in scenario.clones}
    sensitive, resistant = by_name["sensitive"], by_name["resistant"]
    return {
        "resistant_share": nearest_choice(scenario.resistant_share_at_start, SHARE_CHOICES,
                                          name="resistant_share"),
        "kill": nearest_choice(1.0 - sensitive.surviving_fraction_per_dose, KILL_CHOICES,
                               name="kill"),
        "sensitive_doubling": int(nearest_choice(
            math.log(2) / sensitive.growth_rate_per_day, DOUBLING_CHOICES_DAYS,
            name="sensitive_doubling")),
        "resistant_doubling": int(nearest_choice(
            math.log(2) / resistant.growth_rate_per_day, DOUBLING_CHOICES_DAYS,
            name="resistant_doubling")),
        "fitness_cost": round(100 * resistant.fitness_cost),
        "cycles": scenario.schedule.cycles,
    }


def _fits(scenario: TreatmentScenario) -> bool:
    names = sorted(c.name for c in scenario.clones)
    schedule = scenario.schedule
    return (names == ["resistant", "sensitive"] and schedule == schedule.as_planned()
            and schedule.cycle_length_days == CYCLE_LENGTH_DAYS
            and scenario.horizon_days == schedule.end_day
            and math.isclose(scenario.baseline_cells, CELLS_AT_START)
            and scenario.law == GROWTH_LAW
            and scenario.carrying_capacity_cells == CARRYING_CAPACITY_CELLS)


def resistance_presets() -> dict[str, tuple[dict[str, Any], str]]:
    """The panel's examples: every treatment scenario this panel can show, by name."""
    return {name: (_scenario_values(s), s.story)
            for name, s in TREATMENT_SCENARIOS.items() if _fits(s)}


class ResistancePanel(LessonPanel):
    """Sensitive and resistant cells: selection under repeated doses (lesson 02)."""

    title = "Sensitive and resistant cells"
    presets = resistance_presets()

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "resistant_share": share_slider("Resistant cells at the start", 1e-4),
            "kill": kill_dropdown("Sensitive cells killed by each dose", 0.9),
            "sensitive_doubling": doubling_slider("Doubling time of sensitive cells", 30),
            "resistant_doubling": doubling_slider(
                "Doubling time of resistant cells (before any cost)", 30),
            "fitness_cost": labelled(widgets.IntSlider(
                value=10, min=0, max=50, step=5,
                description="Fitness cost: resistant cells grow slower by (%)")),
            "cycles": labelled(widgets.IntSlider(
                value=6, min=1, max=MAX_CYCLES, step=1,
                description=f"Number of cycles ({CYCLE_LENGTH_DAYS} days each)")),
        }

    def make_figure(self, theme: str) -> ResistantShareFigure:
        return ResistantShareFigure(theme=theme)

    def compute(self, values: Mapping[str, Any]) -> ResistanceState:
        clones = two_clone_tumour(
            resistant_share=values["resistant_share"],
            fraction_killed=values["kill"],
            sensitive_doubling_days=values["sensitive_doubling"],
            resistant_doubling_days=values["resistant_doubling"],
            fitness_cost=values["fitness_cost"] / 100.0,
        )
        schedule = Schedule(CYCLE_LENGTH_DAYS, values["cycles"])
        result = simulate(clones, schedule, schedule.end_day, law=GROWTH_LAW,
                          carrying_capacity_cells=CARRYING_CAPACITY_CELLS)
        total = result.total_cells
        diameter = cells_to_diameter_mm(total)
        share = result.resistant_share
        return ResistanceState(
            result=result, diameter_mm=diameter, start_cells=float(total[0]),
            end_cells=float(total[-1]), start_share=float(share[0]),
            end_share=float(share[-1]),
            faded_day=faded_day(result),
        )

    def show(self, state: ResistanceState, values: Mapping[str, Any]) -> None:
        result = state.result
        self.figure.update(
            result.days,
            {"total": result.total_cells, "sensitive": result.cells_of("sensitive"),
             "resistant": result.cells_of("resistant")},
            dose_days=result.schedule.dose_days,
            nadir=(result.nadir_day, result.nadir_cells),
            band_cells=tuple(float(diameter_mm_to_cells(d)) for d in SCAN_BAND_MM),
            x_max_days=snap_up(result.horizon_days, X_STEP_DAYS, X_STEP_DAYS),
            share=result.resistant_share,
        )

    def describe(self, state: ResistanceState, values: Mapping[str, Any]) -> str:
        result = state.result
        cycles = values["cycles"]
        change = state.end_cells / state.start_cells - 1.0
        if state.end_cells < 1:
            amount = "no cancer cells left"
        else:
            amount = f"{cells_in_words(state.end_cells)} cells, {change_in_words(change)}"
        plural = "cycle" if cycles == 1 else "cycles"
        text = (f"After {cycles} {plural} (day {result.horizon_days}) the tumour holds "
                f"<b>{amount}</b>; {share_in_words(state.end_share)} "
                f"(at the start, {one_in(state.start_share)}).")
        if state.end_cells >= 1:
            text += (f" Diameter about {state.diameter_mm[-1]:.0f} mm "
                     f"(it was {state.diameter_mm[0]:.0f} mm).")
        if state.faded_day is not None:
            text += (f" The lowest point was {cells_in_words(result.nadir_cells)} cells on day "
                     f"{result.nadir_day:.0f}. By day {state.faded_day:.0f}, still on the same "
                     "drug, the tumour had clearly grown back from its low point: the response "
                     "faded.")
        elif result.nadir_cells < state.start_cells:
            text += (f" The lowest point was {cells_in_words(result.nadir_cells)} cells on day "
                     f"{result.nadir_day:.0f}.")
        return text

    def alt_text(self, state: ResistanceState, values: Mapping[str, Any]) -> str:
        result = state.result
        sensitive_end = float(result.cells_of("sensitive")[-1])
        resistant_end = float(result.cells_of("resistant")[-1])
        return (
            f"Two charts over {result.horizon_days} days with {values['cycles']} doses, one "
            f"every {CYCLE_LENGTH_DAYS} days. Top, cancer cells on a log scale: all cells go "
            f"from {cells_in_words(state.start_cells)} to {cells_in_words(state.end_cells)}, "
            f"lowest {cells_in_words(result.nadir_cells)} on day {result.nadir_day:.0f}; "
            f"sensitive cells end at {cells_in_words(sensitive_end)}, resistant cells at "
            f"{cells_in_words(resistant_end)}. A grey band marks the size at which a scan "
            "starts to show the tumour. Bottom, the share of resistant cells goes from "
            f"{one_in(state.start_share)} to {one_in(state.end_share)}."
        )
