"""Lesson 00, untreated growth: the caption, the alt text and the growth-law labels."""

from __future__ import annotations

from ..checks import check_instance
from ..lessons.growth import GrowthState
from ..plain_words import cells_in_words, days_in_words, percent, plural

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


def _sizes_mm(start_mm: float, end_mm: float) -> tuple[str, str]:
    """Both diameters in whole mm, or to a tenth when they are within 2 mm of each
    other (12.4 and 12.8 mm would both round to "12 mm")."""
    digits = 1 if abs(end_mm - start_mm) < 2 else 0
    return f"{start_mm:.{digits}f} mm", f"{end_mm:.{digits}f} mm"


def _hardly_changes(state: GrowthState) -> bool:
    """True when the cell counts read the same in words at both ends of the chart."""
    return cells_in_words(state.start_cells) == cells_in_words(state.end_cells)


def caption(state: GrowthState) -> str:
    """Where the tumour starts, where it is on the chart's last day, and how long it took
    to get this big from one cell."""
    check_instance("state", state, GrowthState)
    values = state.values
    doubling = values.doubling_time_days
    law_note = ""
    if values.growth_law == "exponential":
        pace = f"Doubling every {plural(doubling, 'day')}"
        if state.capped:
            top = cells_in_words(state.capacity_cells).removeprefix("about ")
            reached = (f", reached on day {state.capped_day}"
                       if state.capped_day is not None else "")
            law_note = (f" The chart stops at {top} cells (about "
                        f"{state.capacity_mm / 10:.0f} cm across){reached}: real tumours "
                        "slow down well before that.")
    else:
        pace = (f"Starting from a doubling time of {plural(doubling, 'day')} when it was tiny, "
                "and slowing as it grows")
    # The chart's last day is the caption's end: the words cover what the chart shows.
    end = f"by day {state.days_shown} ({plural(values.months_shown, 'month')})"
    start_mm, end_mm = _sizes_mm(state.start_mm, state.end_mm)
    start_words = cells_in_words(state.start_cells)
    if _hardly_changes(state):
        gained = percent(state.end_cells / state.start_cells - 1.0)
        change = (f"a tumour of {start_words} cells ({start_mm} across) hardly changes "
                  f"{end}: it gains {gained} more cells and is {end_mm} across")
    else:
        change = (f"a tumour of {start_words} cells ({start_mm} across) becomes "
                  f"{cells_in_words(state.end_cells)} cells ({end_mm}) {end}")
    return (
        f"{pace}, {change}.{law_note} "
        f"Growing from one cell to this starting size takes about "
        f"{state.doublings_from_one_cell} doublings: at a steady {doubling}-day doubling time, "
        f"{days_in_words(state.days_from_one_cell)}."
    )


def alt_text(state: GrowthState) -> str:
    """The two charts: cells on a log scale above, diameter in mm below."""
    check_instance("state", state, GrowthState)
    start_mm, end_mm = _sizes_mm(state.start_mm, state.end_mm)
    if _hardly_changes(state):
        rise = f"rising only slightly and staying at {cells_in_words(state.end_cells)}"
    else:
        rise = (f"rising from {cells_in_words(state.start_cells)} to "
                f"{cells_in_words(state.end_cells)}")
    return (
        f"Two charts over {plural(state.days_shown, 'day')} with no treatment. Top: cancer "
        f"cells on a log scale, {rise}. Bottom: diameter in millimetres, from "
        f"{start_mm.removesuffix(' mm')} to {end_mm}."
    )
