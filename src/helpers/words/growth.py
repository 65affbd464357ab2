"""Lesson 00, untreated growth: the caption, the alt text and the growth-law labels."""

from __future__ import annotations

from ..lessons.growth import GrowthState
from ..plain_words import cells_in_words, days_in_words, plural

__all__ = ["caption", "alt_text", "growth_law_label"]

_LAW_LABELS = {
    "exponential": "Keeps doubling at the same pace",
    "logistic": "Slows as the space fills up (logistic)",
    "gompertz": "Slows early and steadily (Gompertz)",
}


def growth_law_label(law: str) -> str:
    """The menu's label for a growth law: 'gompertz' -> 'Slows early and steadily (Gompertz)'."""
    if law not in _LAW_LABELS:
        raise ValueError(f"law must be one of {list(_LAW_LABELS)}; got {law!r}")
    return _LAW_LABELS[law]


def caption(state: GrowthState) -> str:
    """Where the tumour starts and ends, and how long it took to get this big from one cell."""
    values = state.values
    doubling = values.doubling_time_days
    if values.growth_law == "exponential":
        pace = f"Doubling every {doubling} days"
        law_note = ""
        if state.capped:
            top = cells_in_words(state.capacity_cells).removeprefix("about ")
            law_note = (f" The chart stops at {top} cells (about "
                        f"{state.capacity_mm / 10:.0f} cm across): real tumours slow down "
                        "well before that.")
    else:
        pace = (f"Starting from a doubling time of {doubling} days when it was tiny, "
                "and slowing as it grows")
        law_note = ""
    return (
        f"{pace}, a tumour of {cells_in_words(state.start_cells)} cells "
        f"({state.start_mm:.0f} mm across) becomes {cells_in_words(state.end_cells)} cells "
        f"({state.end_mm:.0f} mm) in {plural(values.months_shown, 'month')}.{law_note} "
        f"Growing from one cell to this starting size takes about "
        f"{state.doublings_from_one_cell} doublings: at a steady {doubling}-day doubling time, "
        f"{days_in_words(state.days_from_one_cell)}."
    )


def alt_text(state: GrowthState) -> str:
    """The two charts: cells on a log scale above, diameter in mm below."""
    return (
        f"Two charts over {state.days_shown} days with no treatment. Top: cancer cells on a "
        f"log scale, rising from {cells_in_words(state.start_cells)} to "
        f"{cells_in_words(state.end_cells)}. Bottom: diameter in millimetres, from "
        f"{state.start_mm:.0f} to {state.end_mm:.0f} mm."
    )
