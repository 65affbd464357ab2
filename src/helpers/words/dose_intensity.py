"""Lesson 05, doses, delays and dose intensity: the caption, the alt text and the
labels of the lesson's own controls (the shared ones are in ``words.resistance``)."""

from __future__ import annotations

from ..checks import check_instance, check_int
from ..lessons.dose_intensity import DoseIntensityState
from ..plain_words import cells_count, cells_in_words, percent, plural, times_as_many
from .resistance import days_label, fraction_killed_label

__all__ = [
    "caption",
    "alt_text",
    "pause_sentence",
    "doses_in_words",
    "changed_cycle_label",
    "delays_repeat_label",
    "days_label",
    "fraction_killed_label",
]


def changed_cycle_label(cycle: int) -> str:
    """The first changed cycle on its control: 3 -> 'cycle 3'."""
    cycle = check_int("cycle", cycle, minimum=1, maximum=100)
    return f"cycle {cycle}"


def delays_repeat_label(delays_repeat: bool) -> str:
    """Which cycles a delay comes before, on its control."""
    check_instance("delays_repeat", delays_repeat, bool)
    return "that cycle and every later one" if delays_repeat else "only that cycle"


def doses_in_words(state: DoseIntensityState) -> str:
    """The doses as given, counted: 'all 6 doses in full'; '6 doses, the last 4 at 80% of a
    full dose: 5.2 full doses' worth of the 6 planned'."""
    check_instance("state", state, DoseIntensityState)
    schedule = state.schedule
    fractions = schedule.dose_fractions
    count = len(fractions)
    reduced = [k for k, fraction in enumerate(fractions) if fraction < 1.0]
    if not reduced:
        return f"all {plural(count, 'dose')} in full" if count != 1 else "the one dose in full"
    if reduced == list(range(count - len(reduced), count)):
        which = "the last one" if len(reduced) == 1 else f"the last {len(reduced)}"
    else:
        which = f"{len(reduced)} of them"
    sizes = {fractions[k] for k in reduced}
    cut = f"at {percent(sizes.pop())} of a full dose" if len(sizes) == 1 else "reduced"
    which = "all of them" if len(reduced) == count else which
    return (f"{plural(count, 'dose')}, {which} {cut}: {schedule.delivered_total_dose:g} full "
            f"doses' worth of the {schedule.planned_total_dose:g} planned")


def _cells_at_end(cells: float) -> str:
    """'at about 640,000 cells', or 'with no cancer cells left'."""
    return "with no cancer cells left" if cells < 1 else f"at {cells_count(cells)}"


def pause_sentence(state: DoseIntensityState) -> str:
    """' During the 7-day pause before cycle 3, the cancer cells grew back from ... to ...'
    (with a leading space), or '' without a pause."""
    check_instance("state", state, DoseIntensityState)
    if not state.pauses or state.first_pause_cells is None:
        return ""
    start, end = state.pauses[0]
    before, after = state.first_pause_cells
    which = (f"the {end - start}-day pause before cycle {state.paused_cycles[0]}"
             if len(state.pauses) == 1 else
             f"the first of {len(state.pauses)} pauses ({plural(end - start, 'day')} each)")
    if before < 1:
        return f" No cancer cells were left to regrow during {which}."
    before_words, after_words = cells_in_words(before), cells_in_words(after)
    if before_words == after_words:
        return (f" During {which}, the cancer cells hardly changed: {before_words} at its "
                "start and at its end.")
    # "Back" only after a dose that killed some: a drug that kills none leaves nothing
    # to grow back.
    back = " back" if state.values.fraction_killed_per_dose > 0 else ""
    return f" During {which}, the cancer cells grew{back} from {before_words} to {after_words}."


def caption(state: DoseIntensityState) -> str:
    """The dose intensity, the first pause, and each course's end (the chart's last day)."""
    check_instance("state", state, DoseIntensityState)
    schedule, plan = state.schedule, state.planned_schedule
    planned_days, given_days = schedule.planned_duration_days, schedule.delivered_duration_days
    timing = ("on schedule" if given_days == planned_days else
              f"over {given_days} days instead of {planned_days}")
    text = (f"Relative dose intensity: <b>{percent(state.relative_dose_intensity)} of the "
            f"plan</b> ({doses_in_words(state)}, given {timing}).")
    text += pause_sentence(state)
    planned_end, given_end = state.course_end_cells
    if state.as_planned:
        if given_end < 1:
            return text + (f" Everything went as planned: by the end of the course (day "
                           f"{schedule.end_day}) no cancer cells are left in this model.")
        return text + (f" Everything went as planned: at the end of the course (day "
                       f"{schedule.end_day}) the tumour holds "
                       f"{cells_count(given_end, 'cancer cells')}.")
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
                       f"course as given leaves {cells_count(given_end, 'cancer cells')}.")
    if given_end < 1:
        return text + (f"{head} ({days}) the plan leaves "
                       f"{cells_count(planned_end, 'cancer cells')}; the course as given "
                       "leaves none in this model.")
    compare = times_as_many(given_end / planned_end)
    return text + (f"{head} ({days}) the plan leaves {cells_count(planned_end, 'cancer cells')}; "
                   f"the course as given leaves {cells_count(given_end)}: {compare}.")


def alt_text(state: DoseIntensityState) -> str:
    check_instance("state", state, DoseIntensityState)
    schedule, plan = state.schedule, state.planned_schedule
    planned_end, given_end = state.course_end_cells
    count = len(state.pauses)
    pauses = (f" Shaded stripes mark {plural(count, 'pause')}, where the solid line rises "
              "while no dose is given." if count else "")
    return (
        f"Chart of cancer cells on a log scale over {schedule.end_day} days. Dotted line, "
        f"the plan: {plural(plan.cycles, 'full dose')} {schedule.cycle_length_days} days "
        f"apart, ending on day {plan.end_day} {_cells_at_end(planned_end)}. Solid line, the "
        f"course as given ({doses_in_words(state)}), ending on day {schedule.end_day} "
        f"{_cells_at_end(given_end)}.{pauses} Relative dose intensity "
        f"{percent(schedule.relative_dose_intensity)}."
    )
