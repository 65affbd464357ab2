"""Lesson 01, log kill: the caption, the alt text and the controls' option labels."""

from __future__ import annotations

import math

from ..checks import check_instance, check_number
from ..lessons.log_kill import LOG_KILL_CHOICES, LogKillState
from ..models.size import cells_to_diameter_mm
from ..plain_words import (
    cells_in_words,
    change_from_start,
    days_in_words,
    days_label,
    percent,
    plural,
)

__all__ = ["caption", "alt_text", "log_kill_label", "cycle_length_label", "start_cells_label"]

_TRENDS = {
    "grows": ("<b>Growth between doses outpaces the kill</b>: the cells regrow more than each "
              "dose removes, so the tumour grows during treatment."),
    "shrinks": ("Each dose removes more than the cells regrow before the next one, so the "
                "tumour shrinks cycle by cycle."),
    "steady": "Regrowth between doses about matches the kill: the size holds steady.",
}


def log_kill_label(log_kill_per_dose: float) -> str:
    """The share one dose kills, with whole logs named: 0 -> '0% (no effect)';
    log10(2) -> '50%'; 1 -> '90% (1 log)'; 3 -> '99.9% (3 logs)'."""
    log_kill_per_dose = check_number("log_kill_per_dose", log_kill_per_dose, minimum=0,
                                     maximum=max(LOG_KILL_CHOICES))
    share = percent(1.0 - 10.0 ** -log_kill_per_dose)
    if log_kill_per_dose == 0:
        return f"{share} (no effect)"
    whole = round(log_kill_per_dose)
    if math.isclose(log_kill_per_dose, whole, abs_tol=1e-9):
        return f"{share} ({plural(whole, 'log')})"
    return share


#: The slider's label for a cycle length: 21 -> '21 days'.
cycle_length_label = days_label


def start_cells_label(cells: float) -> str:
    """The slider's label for a starting size: 1e9 -> '12 mm across'.

    Short, so a slider's readout box shows it whole; the chart's cell axis shows the
    count (1 billion cells at 12 mm).
    """
    cells = check_number("cells", cells, minimum=0)
    return f"{cells_to_diameter_mm(cells):.0f} mm across"


def _chart_end(state: LogKillState) -> str:
    """What the chart shows on its last day, after the course: regrowth, or still none."""
    after = days_in_words(state.days_after_course)
    end = f"day {state.horizon_days}, the end of the chart"
    if state.gone_day is not None:
        return (f"None grow back in the {after} after the course: on {end}, there are still "
                f"none; the dead cells not yet cleared measure {state.chart_end_mm:.1f} mm "
                "across.")
    count = f"{cells_in_words(state.chart_end_cells)} cells"
    if state.regrew_past_start:
        return (f"With no more doses the cells grow back: by {end}, {after} after the last "
                f"cycle, there are {count}, <b>more than at the start</b> "
                f"({state.chart_end_mm:.1f} mm across).")
    return (f"By {end}, {after} after the last cycle, there are {count}, "
            f"{change_from_start(state.chart_end_change)} "
            f"({state.chart_end_mm:.1f} mm across).")


def _lag(state: LogKillState) -> str:
    """Why the size lags the cells (said only when a dose kills and clearance takes time)."""
    if state.values.log_kill_per_dose == 0 or state.clearance_half_life_days == 0:
        return ""
    return (" The size lags behind the cells: killed cells stay in the tumour until the body "
            f"clears them, half of them every {days_in_words(state.clearance_half_life_days)}.")


def caption(state: LogKillState) -> str:
    """Where the course leaves the tumour, what the chart's last day shows, and the trend.

    The words run to the chart's last day (``state.horizon_days``), one cycle past the
    course, so regrowth after the last cycle is said when it happens.
    """
    check_instance("state", state, LogKillState)
    cycles = plural(state.values.cycles, "cycle")
    if state.gone_day is not None:
        course = (f"After {cycles} no cancer cells are left (all gone by day "
                  f"{state.gone_day}). In this model that is a cure; in real life, doctors "
                  "cannot count single cells, so they watch with follow-up visits.")
    else:
        course = (f"After {cycles} (day {state.end_day}) the tumour holds "
                  f"{cells_in_words(state.end_cells)} cells, "
                  f"{change_from_start(state.cell_change)}; it measures "
                  f"{state.end_mm:.1f} mm across ({state.start_mm:.1f} mm at the start).")
    return f"{course} {_chart_end(state)}{_lag(state)} {_TRENDS[state.trend]}"


def alt_text(state: LogKillState) -> str:
    """The saw-tooth of live cells above, the measured size and the live cells' size below."""
    check_instance("state", state, LogKillState)
    values = state.values
    return (
        f"Two charts over {state.horizon_days} days. Top: live cancer cells on a log scale. "
        f"{plural(values.cycles, 'dose')}, one every {values.cycle_length_days} days, each killing "
        f"{log_kill_label(values.log_kill_per_dose)} of the cells, give a saw-tooth line: a "
        "drop at each dose, a climb between doses. It starts at "
        f"{cells_in_words(state.start_cells)} cells, is at "
        f"{cells_in_words(state.end_cells)} on day {state.end_day} when the course ends, and "
        f"at {cells_in_words(state.chart_end_cells)} on day {state.horizon_days}. A dotted "
        f"line shows the untreated tumour reaching {cells_in_words(state.untreated_end_cells)} "
        "cells. A grey band marks the smallest size a scan can show. Bottom: the size across "
        "in millimetres. A solid line is the measured size (live cells and dead cells not "
        f"yet cleared), from {state.start_mm:.1f} mm to {state.end_mm:.1f} mm on day "
        f"{state.end_day} and {state.chart_end_mm:.1f} mm on day {state.horizon_days}; a "
        "dashed line is the size of the live cells alone, which drops at each dose."
    )
