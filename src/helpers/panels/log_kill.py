"""Lesson 01 panel: each dose kills a fraction of the cells; they regrow between doses."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import numpy as np

from ..models import (
    Clone,
    Schedule,
    cells_to_diameter_mm,
    diameter_mm_to_cells,
    doubling_time_days_to_rate_per_day,
    grow,
    simulate,
)
from ..models.clones import SimulationResult
from ..plain_words import cells_in_words, percent
from ..plots.cell_course import CellCourseFigure
from ..plots.limits import snap_up
from .base import LessonPanel, labelled

__all__ = ["LogKillPanel", "KILL_OPTIONS", "START_SIZE_OPTIONS"]

# (label, log kill per dose): a "log" is a power of ten.
KILL_OPTIONS: tuple[tuple[str, float], ...] = (
    ("0% (the drug does nothing)", 0.0),
    ("50%", math.log10(2.0)),
    ("90% (1 log)", 1.0),
    ("99% (2 logs)", 2.0),
    ("99.9% (3 logs)", 3.0),
    ("99.99% (4 logs)", 4.0),
)
# (label, starting cells)
START_SIZE_OPTIONS: tuple[tuple[str, float], ...] = (
    ("about 6 mm (100 million cells)", 1e8),
    ("about 12 mm (1 billion cells)", 1e9),
    ("about 27 mm (10 billion cells)", 1e10),
)
# Crowding caps growth near a trillion cells (about 12 cm across), so no
# slider position draws an impossibly large tumour. Below about 1e11 cells the
# logistic law is within 10% of plain exponential growth.
CAPACITY_CELLS = 1e12
LAW = "logistic"
QUARTER_DAYS = 91
# The smallest lesion a CT scan usually shows: about 5 to 10 mm (curriculum model notes).
SCAN_LIMIT_MM = (5.0, 10.0)


class LogKillPanel(LessonPanel):
    """Fractional (log) kill per dose and regrowth between doses, for one clone.

    Controls: cells killed by each dose, doubling time, days between doses,
    number of cycles, starting size. The figure shows cells on a log scale
    (with the untreated course for comparison) and the diameter in mm.
    """

    title = "Log kill: each dose removes a share of the cells"
    presets = {
        "Very sensitive cancer (aim: cure)": (
            {"kill": 4.0, "doubling_time_days": 10, "cycle_length_days": 21, "cycles": 6,
             "start_cells": 1e9},
            "Each dose wipes out 99.99% of the cells and they regrow slowly, so after a few "
            "cycles fewer than one cell is left. In this model that is a cure.",
        ),
        "Control: growth held back": (
            {"kill": 1.0, "doubling_time_days": 6.5, "cycle_length_days": 21, "cycles": 6,
             "start_cells": 1e9},
            "Each dose kills 90%, and the cells make up nearly all of that in the three weeks "
            "between doses. The tumour stays close to its size while, untreated, it would "
            "have grown enormously: the aim is control.",
        ),
        "Shrink before surgery": (
            {"kill": 1.0, "doubling_time_days": 14, "cycle_length_days": 21, "cycles": 4,
             "start_cells": 1e10},
            "A large tumour shrinks over four cycles, enough to make an operation easier, "
            "but cells are still there: surgery removes the rest.",
        ),
        "Growth outpaces the kill": (
            {"kill": math.log10(2.0), "doubling_time_days": 10, "cycle_length_days": 21,
             "cycles": 6,
             "start_cells": 1e9},
            "Each dose kills half the cells, but they double every ten days. Between doses "
            "they more than make up the loss, so the tumour grows during treatment.",
        ),
    }

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "kill": labelled(widgets.SelectionSlider(
                options=KILL_OPTIONS, value=1.0, description="Cells killed by each dose")),
            "doubling_time_days": labelled(widgets.FloatSlider(
                value=7.0, min=2.0, max=60.0, step=0.5, readout_format=".1f",
                description="Doubling time between doses (days)")),
            "cycle_length_days": labelled(widgets.SelectionSlider(
                options=[("14 days", 14), ("21 days", 21), ("28 days", 28)], value=21,
                description="Days between doses (cycle length)")),
            "cycles": labelled(widgets.IntSlider(
                value=6, min=1, max=12, description="Number of cycles")),
            "start_cells": labelled(widgets.SelectionSlider(
                options=START_SIZE_OPTIONS, value=1e9, description="Tumour size at the start")),
        }

    def make_figure(self, theme: str) -> CellCourseFigure:
        # The cells axis is fixed (1 to 10 trillion): the same picture frame for every
        # slider position makes "higher" and "lower" easy to compare.
        return CellCourseFigure(("total", "untreated"), show_diameter=True, show_band=True,
                                cells_top=1e13, title="Cancer cells: a drop at each dose, "
                                "regrowth in between", theme=theme)

    # -- model ----------------------------------------------------------------
    def compute(self, values: Mapping[str, Any]) -> dict[str, Any]:
        schedule = Schedule(cycle_length_days=values["cycle_length_days"],
                            cycles=values["cycles"])
        horizon = schedule.end_day + values["cycle_length_days"]  # one more cycle to see regrowth
        rate = doubling_time_days_to_rate_per_day(values["doubling_time_days"])
        treated = simulate([Clone("cancer", values["start_cells"], rate, values["kill"])],
                           schedule, horizon, law=LAW, carrying_capacity_cells=CAPACITY_CELLS)
        untreated_days = np.arange(horizon + 1, dtype=float)
        untreated = grow(values["start_cells"], untreated_days, growth_rate_per_day=rate,
                         law=LAW, carrying_capacity_cells=CAPACITY_CELLS)
        return {"result": treated, "untreated_days": untreated_days, "untreated": untreated,
                "rate": rate}

    def show(self, state: dict[str, Any], values: Mapping[str, Any]) -> None:
        result: SimulationResult = state["result"]
        total = result.total_cells
        # The untreated line is drawn on the treated time grid (dose days doubled).
        untreated = np.interp(result.days, state["untreated_days"], state["untreated"])
        self.figure.update(
            result.days, {"total": total, "untreated": untreated},
            dose_days=result.schedule.dose_days,
            nadir=(result.nadir_day, result.nadir_cells),
            diameter_mm=cells_to_diameter_mm(total),
            band_cells=(diameter_mm_to_cells(SCAN_LIMIT_MM[0]),
                        diameter_mm_to_cells(SCAN_LIMIT_MM[1])),
            # Snap the time axis to whole quarters (13 weeks), so most changes to the
            # course keep the same axes and the cached background.
            x_max_days=snap_up(result.horizon_days, QUARTER_DAYS, QUARTER_DAYS),
        )

    # -- words ----------------------------------------------------------------
    @staticmethod
    def _end_of_course(result: SimulationResult) -> tuple[int, float]:
        end_day = result.schedule.end_day
        return end_day, result.total_at(end_day)

    def describe(self, state: dict[str, Any], values: Mapping[str, Any]) -> str:
        result: SimulationResult = state["result"]
        start = float(result.total_cells[0])
        end_day, end = self._end_of_course(result)
        cycles = values["cycles"]
        start_mm = cells_to_diameter_mm(start)
        end_mm = cells_to_diameter_mm(end)
        # Net change over one cycle, in powers of ten: growth between doses minus the kill.
        growth_logs = state["rate"] * values["cycle_length_days"] / math.log(10.0)
        net_logs = growth_logs - values["kill"]
        cycle_word = "cycle" if cycles == 1 else "cycles"
        if end < 1.0:
            gone_day = next(int(d) for d, c in zip(result.days, result.total_cells, strict=True)
                            if c < 1.0)
            size = (f"After {cycles} {cycle_word} no cancer cells are left (all gone by day "
                    f"{gone_day}). In this model that is a cure; in real life, doctors cannot "
                    "count single cells, so they watch with follow-up visits.")
        else:
            change = end / start - 1.0
            if change < 0:
                how = f"{percent(-change)} fewer than at the start"
            elif change < 1:
                how = f"{percent(change)} more than at the start"
            else:
                how = f"about {end / start:,.0f} times as many as at the start"
            size = (f"After {cycles} {cycle_word} (day {end_day}) the tumour holds "
                    f"{cells_in_words(end)} cells, {how}. Its diameter went from "
                    f"{start_mm:.1f} mm to {end_mm:.1f} mm.")
        if net_logs > 0.005:
            trend = ("<b>Growth between doses outpaces the kill</b>: the cells regrow more "
                     "than each dose removes, so the tumour grows during treatment.")
        elif net_logs < -0.005:
            trend = ("Each dose removes more than the cells regrow before the next one, "
                     "so the tumour shrinks cycle by cycle.")
        else:
            trend = "Regrowth between doses about matches the kill: the size holds steady."
        return f"{size} {trend}"

    def alt_text(self, state: dict[str, Any], values: Mapping[str, Any]) -> str:
        result: SimulationResult = state["result"]
        end_day, end = self._end_of_course(result)
        kill_label = dict((v, k) for k, v in KILL_OPTIONS).get(values["kill"],
                                                               f"{values['kill']:g} logs")
        return (
            f"Two charts over {result.horizon_days} days. Top: cancer cells on a log scale. "
            f"{values['cycles']} doses, one every {values['cycle_length_days']} days, each "
            f"killing {kill_label} of the cells, give a saw-tooth line: a drop at each dose, a "
            f"climb between doses. It starts at {cells_in_words(result.total_cells[0])} cells "
            f"and is at {cells_in_words(end)} on day {end_day}. A dotted line shows the "
            f"untreated tumour reaching {cells_in_words(state['untreated'][-1])} cells. A grey "
            "band marks the smallest size a scan can show. Bottom: the diameter in "
            f"millimetres, from {cells_to_diameter_mm(result.total_cells[0]):.1f} to "
            f"{cells_to_diameter_mm(end):.1f} mm."
        )
