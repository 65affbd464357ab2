"""Lesson 05, doses, delays and dose intensity: the caption, the alt text and the
labels of the lesson's own controls (the shared ones are in ``words.resistance``)."""

from __future__ import annotations

from ..lessons.dose_intensity import DoseIntensityState
from ..plain_words import cells_in_words, percent, plural, times_as_many
from .resistance import days_label, fraction_killed_label

__all__ = [
    "caption",
    "alt_text",
    "pause_sentence",
    "changed_cycle_label",
    "delays_repeat_label",
    "days_label",
    "fraction_killed_label",
]


def changed_cycle_label(cycle: int) -> str:
    """The first changed cycle on its control: 3 -> 'cycle 3'."""
    return f"cycle {cycle}"


def delays_repeat_label(delays_repeat: bool) -> str:
    """Which cycles a delay comes before, on its control."""
    return "that cycle and every later one" if delays_repeat else "only that cycle"


def pause_sentence(state: DoseIntensityState) -> str:
    """' During the 7-day pause before cycle 3, the cancer cells grew back from ... to ...'
    (with a leading space), or '' without a pause."""
    if not state.pauses or state.first_pause_cells is None:
        return ""
    start, end = state.pauses[0]
    before, after = state.first_pause_cells
    which = (f"the {end - start}-day pause before cycle {state.paused_cycles[0]}"
             if len(state.pauses) == 1 else
             f"the first of {len(state.pauses)} pauses ({end - start} days each)")
    if before < 1:
        return f" No cancer cells were left to regrow during {which}."
    return (f" During {which}, the cancer cells grew back from {cells_in_words(before)} "
            f"to {cells_in_words(after)}.")


def caption(state: DoseIntensityState) -> str:
    schedule, plan = state.schedule, state.planned_schedule
    planned_days, given_days = schedule.planned_duration_days, schedule.delivered_duration_days
    timing = ("on schedule" if given_days == planned_days else
              f"over {given_days} days instead of {planned_days}")
    text = (f"Relative dose intensity: <b>{percent(state.relative_dose_intensity)} of the "
            f"plan</b> ({schedule.delivered_total_dose:g} of {schedule.planned_total_dose:g} "
            f"full doses, given {timing}).")
    text += pause_sentence(state)
    planned_end, given_end = state.course_end_cells
    if state.as_planned:
        return text + (f" Everything went as planned: at the end of the course (day "
                       f"{schedule.end_day}) the tumour holds {cells_in_words(given_end)} "
                       "cancer cells.")
    if plan.end_day == schedule.end_day:
        days = f"day {schedule.end_day}"
        head = " At the end of the course"
    else:
        days = f"day {plan.end_day} as planned, day {schedule.end_day} as given"
        head = " At the end of each course"
    if planned_end < 1 and given_end < 1:
        return text + f"{head} ({days}) no cancer cells are left in this model."
    if planned_end < 1:
        return text + (f"{head} ({days}) the plan leaves no cancer cells in this model; the "
                       f"course as given leaves {cells_in_words(given_end)}.")
    compare = times_as_many(given_end / planned_end)
    return text + (f"{head} ({days}) the plan leaves {cells_in_words(planned_end)} cancer "
                   f"cells; the course as given leaves {cells_in_words(given_end)}: "
                   f"{compare}.")


def alt_text(state: DoseIntensityState) -> str:
    schedule, plan = state.schedule, state.planned_schedule
    planned_end, given_end = state.course_end_cells
    count = len(state.pauses)
    pauses = (f" Shaded stripes mark {plural(count, 'pause')}, where the solid line rises "
              "while no dose is given." if count else "")
    return (
        f"Chart of cancer cells on a log scale over {schedule.end_day} days. Dotted line, "
        f"the plan: {plan.cycles} full doses {schedule.cycle_length_days} days apart, "
        f"ending on day {plan.end_day} at {cells_in_words(planned_end)}. Solid line, the "
        f"course as given, ending on day {schedule.end_day} at "
        f"{cells_in_words(given_end)}.{pauses} Relative dose intensity "
        f"{percent(schedule.relative_dose_intensity)}."
    )
