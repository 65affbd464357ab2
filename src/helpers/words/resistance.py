"""Lesson 02, sensitive and resistant cells: the caption, the alt text and the
labels of the treatment controls (shared with lesson 05)."""

from __future__ import annotations

from ..checks import check_fraction, check_instance, check_int
from ..lessons.choices import sensitivity_level_name
from ..lessons.resistance import ResistanceState
from ..plain_words import (
    cells_count,
    cells_in_words,
    change_from_start,
    days_label,
    mm_in_words,
    one_in,
    percent,
    plural,
)

__all__ = [
    "caption",
    "alt_text",
    "share_in_words",
    "share_label",
    "fraction_killed_label",
    "days_label",
    "cycles_control_label",
]


# -- control labels (lessons 02 and 05) -----------------------------------------


def share_label(share: float) -> str:
    """A resistant share on its control: 1e-7 -> '1 in 10,000,000'; 0.25 -> '1 in 4'."""
    share = check_fraction("share", share)
    return one_in(share)


def fraction_killed_label(fraction: float) -> str:
    """A kill per dose on its control, naming the illustrative sensitivity levels.

    0.9 -> '90%: a moderately sensitive cancer (illustration)'; 0 -> '0%: the drug
    does nothing'; 0.7 -> '70%'.
    """
    fraction = check_fraction("fraction", fraction)
    level = sensitivity_level_name(fraction)
    if level is not None:
        return f"{percent(fraction)}: a {level} cancer (illustration)"
    if fraction == 0:
        return "0%: the drug does nothing"
    return percent(fraction)


def cycles_control_label(cycle_length_days: int) -> str:
    """The cycles control's label: 'Number of cycles (21 days each)'."""
    cycle_length_days = check_int("cycle_length_days", cycle_length_days, minimum=1,
                                  maximum=365)
    return f"Number of cycles ({days_label(cycle_length_days)} each)"


# -- the caption and alt text ----------------------------------------------------


def share_in_words(share: float) -> str:
    """A resistant share as a clause: 0.25 -> '1 in 4 cells is resistant'; 0.3 -> '30% of
    the cells are resistant'; 0.999 -> 'almost every cell (99.9%) is resistant'; 1 ->
    'every cell is resistant'."""
    share = check_fraction("share", share)
    if share <= 0:
        return "no resistant cells are left"
    if share >= 1:
        return "every cell is resistant"
    if share >= 0.995:
        return f"almost every cell ({percent(share)}) is resistant"
    said = one_in(share)
    if said.startswith("1 in "):
        return f"{said} cells is resistant"
    return f"{said} of the cells are resistant"


def caption(state: ResistanceState) -> str:
    check_instance("state", state, ResistanceState)
    cycles = state.values.cycles
    # The caption's day is the chart's last day: the end of the last cycle, after the
    # regrowth that follows the last dose.
    if state.end_cells < 1:
        text = (f"After {plural(cycles, 'cycle')} (day {state.horizon_days}) the tumour holds "
                f"<b>no cancer cells</b> (at the start, {one_in(state.start_share)} were "
                "resistant).")
    else:
        change = state.end_cells / state.start_cells - 1.0
        amount = f"{cells_count(state.end_cells)}, {change_from_start(change)}"
        text = (f"After {plural(cycles, 'cycle')} (day {state.horizon_days}) the tumour holds "
                f"<b>{amount}</b>; {share_in_words(state.end_share)} "
                f"(at the start, {one_in(state.start_share)}).")
        measured = mm_in_words(state.end_diameter_mm)
        text += (f" A scan would measure it at about {measured} across (it was "
                 f"{mm_in_words(state.start_diameter_mm)})")
        # Say why the scan reads more than the live cells only when the words differ.
        text += (", counting dead cells not yet cleared." if
                 measured != mm_in_words(state.end_live_diameter_mm) else ".")
    if state.nadir_cells < 1:
        # Only a state built by hand gets here: 1 in 10 million of 10 billion cells is
        # 1,000 resistant cells, and no dose touches them.
        lowest = f" Every cancer cell was gone by day {state.nadir_day:.0f}."
    else:
        lowest = (f" The lowest point was {cells_count(state.nadir_cells)} on day "
                  f"{state.nadir_day:.0f}.")
    if state.faded_day is not None:
        text += (f"{lowest} By day {state.faded_day:.0f}, still on the same drug, the tumour "
                 "had clearly grown back from its low point: the response faded.")
    elif state.nadir_cells < state.start_cells:
        text += lowest
    return text


def alt_text(state: ResistanceState) -> str:
    check_instance("state", state, ResistanceState)
    cycles = state.values.cycles
    end_share = (one_in(state.end_share) if state.end_cells >= 1 else
                 "nothing, as no cells are left")
    return (
        f"Two charts over {state.horizon_days} days with {plural(cycles, 'dose')}, one "
        f"every {state.cycle_length_days} days. Top, cancer cells on a log scale: all cells "
        f"go from {_count(state.start_cells)} to {_count(state.end_cells)}, "
        f"lowest {_count(state.nadir_cells)} on day {state.nadir_day:.0f}; "
        f"{_ends('sensitive', state.sensitive_end_cells)}, "
        f"{_ends('resistant', state.resistant_end_cells)}. A grey band marks the size "
        "at which a scan starts to show the tumour. Bottom, the share of resistant cells "
        f"goes from {one_in(state.start_share)} to {end_share}."
    )


def _count(cells: float) -> str:
    """A count in the alt text: 'about 10 billion', or 'none' (never 'no cells left')."""
    return "none" if cells < 1 else cells_in_words(cells)


def _ends(kind: str, cells: float) -> str:
    """'sensitive cells end at about 2 billion', or 'no sensitive cells are left'."""
    return f"no {kind} cells are left" if cells < 1 else f"{kind} cells end at {_count(cells)}"
