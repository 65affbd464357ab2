"""Lesson 01, log kill: the caption, the alt text and the controls' option labels."""

from __future__ import annotations

import math

from ..lessons.log_kill import LogKillState
from ..models.size import cells_to_diameter_mm
from ..plain_words import (
    cells_in_words,
    cells_label,
    change_from_start,
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
    """The share one dose kills, with whole logs named: 0 -> '0% (the drug does nothing)';
    log10(2) -> '50%'; 1 -> '90% (1 log)'; 3 -> '99.9% (3 logs)'."""
    share = percent(1.0 - 10.0 ** -log_kill_per_dose)
    if log_kill_per_dose == 0:
        return f"{share} (the drug does nothing)"
    whole = round(log_kill_per_dose)
    if math.isclose(log_kill_per_dose, whole, abs_tol=1e-9):
        return f"{share} ({plural(whole, 'log')})"
    return share


#: The slider's label for a cycle length: 21 -> '21 days'.
cycle_length_label = days_label


def start_cells_label(cells: float) -> str:
    """The slider's label for a starting size: 1e9 -> 'about 12 mm (1 billion cells)'."""
    return f"about {cells_to_diameter_mm(cells):.0f} mm ({cells_label(cells)} cells)"


def caption(state: LogKillState) -> str:
    """Where the course leaves the tumour, and which way each cycle takes it."""
    cycles = plural(state.values.cycles, "cycle")
    if state.gone_day is not None:
        size = (f"After {cycles} no cancer cells are left (all gone by day {state.gone_day}). "
                "In this model that is a cure; in real life, doctors cannot count single "
                "cells, so they watch with follow-up visits.")
    else:
        size = (f"After {cycles} (day {state.end_day}) the tumour holds "
                f"{cells_in_words(state.end_cells)} cells, "
                f"{change_from_start(state.cell_change)}. Its diameter went from "
                f"{state.start_mm:.1f} mm to {state.end_mm:.1f} mm.")
    return f"{size} {_TRENDS[state.trend]}"


def alt_text(state: LogKillState) -> str:
    """The saw-tooth of cells above, the diameter below."""
    values = state.values
    return (
        f"Two charts over {state.horizon_days} days. Top: cancer cells on a log scale. "
        f"{plural(values.cycles, 'dose')}, one every {values.cycle_length_days} days, each killing "
        f"{log_kill_label(values.log_kill_per_dose)} of the cells, give a saw-tooth line: a "
        "drop at each dose, a climb between doses. It starts at "
        f"{cells_in_words(state.start_cells)} cells and is at "
        f"{cells_in_words(state.end_cells)} on day {state.end_day}. A dotted line shows the "
        f"untreated tumour reaching {cells_in_words(state.untreated_end_cells)} cells. A grey "
        "band marks the smallest size a scan can show. Bottom: the diameter in millimetres, "
        f"from {state.start_mm:.1f} to {state.end_mm:.1f} mm."
    )
