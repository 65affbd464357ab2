"""Lesson 07, when the plan changes: the caption, the alt text and the control labels.

Every sentence is read off the state: the scans' readings and categories, the day of
the change, each lesion's size and the cells of each kind. Nothing here gives advice:
the team decides, and the captions say what the model shows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..checks import check_choice, check_fraction, check_instance
from ..lessons.plan_change import DETECTION_LIMIT_MM, KINDS, STUBBORN_LESION, PlanChangeState
from ..plain_words import cells_in_words, mm_in_words, one_in, percent, plural

__all__ = [
    "caption",
    "alt_text",
    "plan_label",
    "local_treatment_label",
    "drug_b_kill_label",
    "resists_both_label",
    "kind_label",
    "TREATMENT_ROW_LABELS",
    "GHOST_LABEL",
]

#: The rows of the chart's treatment strip, top down.
TREATMENT_ROW_LABELS: tuple[str, ...] = ("Drug A", "Drug B",
                                         f"Radiation or\nsurgery to {STUBBORN_LESION}")

#: The legend label of lesion C's size had the plan not changed.
GHOST_LABEL = f"Lesion {STUBBORN_LESION} if the plan\nhad not changed"

_PLAN_LABELS = {
    "stay": "Stay on drug A",
    "switch": "Drug A; switch to drug B if scans show growth",
    "both": "Drugs A and B together from the start",
}
_LOCAL_LABELS = {
    "none": "None",
    "radiation": f"Radiation to lesion {STUBBORN_LESION}",
    "surgery": f"Surgery to take out lesion {STUBBORN_LESION}",
}
_KIND_LABELS = {
    "sensitive": "Killed by both drugs",
    "resists A": "Resist drug A\n(drug B can kill them)",
    "resists both": "Resist both drugs",
}
_KIND_WORDS = {
    "sensitive": "cells that both drugs kill",
    "resists A": "cells that resist drug A",
    "resists both": "cells that resist both drugs",
}


# -- control and legend labels ------------------------------------------------------------


def plan_label(plan: str) -> str:
    """The drug-plan menu's words: 'stay' -> 'Stay on drug A'."""
    check_choice("plan", plan, tuple(_PLAN_LABELS))
    return _PLAN_LABELS[plan]


def local_treatment_label(kind: str) -> str:
    """The local-treatment menu's words: 'radiation' -> 'Radiation to lesion C'."""
    check_choice("kind", kind, tuple(_LOCAL_LABELS))
    return _LOCAL_LABELS[kind]


def drug_b_kill_label(fraction: float) -> str:
    """Drug B's kill on its menu: 0.9 -> '90%'; 0 -> '0%: drug B does not work on them'."""
    fraction = check_fraction("fraction", fraction)
    if fraction == 0:
        return "0%: drug B does not work on them"
    return percent(fraction)


def resists_both_label(share: float) -> str:
    """A share on its slider: 0 -> 'none'; 1e-5 -> '1 in 100,000'."""
    share = check_fraction("share", share)
    return one_in(share)


def kind_label(kind: str) -> str:
    """A kind of cell in the chart's legend ('Resist both drugs')."""
    check_choice("kind", kind, tuple(_KIND_LABELS))
    return _KIND_LABELS[kind]


# -- pieces ----------------------------------------------------------------------------


def _join(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lesions(names: Sequence[str]) -> str:
    """'lesion C', 'lesions A and B'."""
    return ("lesion " if len(names) == 1 else "lesions ") + _join(names)


def _sum(mm: float) -> str:
    """A sum of readings: '35 mm', or '0 mm (no lesion big enough to see)'."""
    return "0 mm (no lesion big enough to see)" if mm == 0 else mm_in_words(mm)


def _first_plan(state: PlanChangeState) -> str:
    return "On drugs A and B together" if state.values.plan == "both" else "On drug A"


def _lesion_story(state: PlanChangeState, from_day: int, to_day: int) -> tuple[str, bool]:
    """What each lesion did between the scans on ``from_day`` and ``to_day``, grouped
    ('lesions A and B shrank out of sight, but lesion C grew from 20 mm to 35 mm'), and
    whether any lesion grew."""
    start = state.scan_mm[state.scan_index(from_day)]
    now = state.scan_mm[state.scan_index(to_day)]
    gone, shrank, grew = [], [], []
    for name, before, after in zip(state.lesion_names, start, now, strict=True):
        if after == 0 and before > 0:
            gone.append(name)
        elif after < before:
            shrank.append(f"lesion {name} shrank from {mm_in_words(before)} to "
                          f"{mm_in_words(after)}")
        elif after > before == 0:
            grew.append(f"lesion {name} grew back into sight ({mm_in_words(after)})")
        elif after > before:
            grew.append(f"lesion {name} grew from {mm_in_words(before)} to "
                        f"{mm_in_words(after)}")
    smaller = ([f"{_lesions(gone)} shrank out of sight"] if gone else []) + shrank
    if smaller and grew:
        return f"{_join(smaller)}, but {_join(grew)}", True
    return _join(smaller + grew), bool(grew)


def _opening(state: PlanChangeState) -> str:
    """What the scans showed on the plan as first given."""
    day = state.progression_day
    if day is None:
        return (f"{_first_plan(state)}, no scan in the {state.horizon_days} days read "
                f"progression: the sum of the lesions went from "
                f"{mm_in_words(state.scan_sums_mm[0])} on day 0 to "
                f"{_sum(state.scan_sums_mm[-1])} on day {state.horizon_days}.")
    index = state.scan_index(day)
    total, low = state.scan_sums_mm[index], state.smallest_sum_before(day)
    growth = (f"up {percent((total - low) / low)} from a low of {mm_in_words(low)}" if low > 0
              else "up from 0 mm")
    story, any_grew = _lesion_story(state, 0, day)
    if not any_grew:
        # Every lesion is smaller than at the start: the growth is from the low point.
        low_day = state.scan_days[state.scan_sums_mm[:index].index(low)]
        since, _ = _lesion_story(state, low_day, day)
        story = f"the lesions' sum fell to {_sum(low)} by day {low_day}, then {since}"
    return (f"{_first_plan(state)}, {story + ': ' if story else ''}the scan on day {day} read "
            f"<b>progression</b> (the lesions' sum, {mm_in_words(total)}, was {growth}).")


def _change(state: PlanChangeState) -> str:
    """What the team did on the day of the progression scan."""
    day = state.change_day
    if day is None:
        if state.progression_day is None:
            return ""
        if state.progression_day >= state.horizon_days:
            return " That is the last scan the chart shows."
        if state.values.plan == "both":
            return (" Both drugs were already in use, so this model has no other drug to "
                    "switch to; the team would review other options.")
        return " The plan did not change: drug A went on."
    acts = []
    if state.switched:
        acts.append("switched to drug B")
    kind = state.local_kind
    if kind == "radiation":
        acts.append(f"gave lesion {STUBBORN_LESION} a course of radiation")
    elif kind == "surgery":
        acts.append(f"took out lesion {STUBBORN_LESION} by surgery")
    if not state.switched:
        acts.append("kept " + ("both drugs" if state.values.plan == "both" else "drug A")
                    + " going")
    return f" On day {day} the team {_join(acts)}."


def _end_readings(state: PlanChangeState) -> str:
    """The last scan, lesion by lesion: 'lesion C measured 93 mm, and lesions A and B were
    too small to see'; 'no lesion was big enough to see'."""
    seen = [(name, mm) for name, mm in zip(state.lesion_names, state.scan_mm[-1], strict=True)
            if mm > 0]
    unseen = [name for name, mm in zip(state.lesion_names, state.scan_mm[-1], strict=True)
              if mm == 0]
    if not seen:
        return "no lesion was big enough to see"
    sizes = [f"lesion {seen[0][0]} measured {mm_in_words(seen[0][1])}"]
    sizes += [f"lesion {name} {mm_in_words(mm)}" for name, mm in seen[1:]]
    text = _join(sizes)
    if unseen:
        verb = "was" if len(unseen) == 1 else "were"
        text += f", and {_lesions(unseen)} {verb} too small to see"
    return text


def _afterwards(state: PlanChangeState) -> str:
    """How the plan in force at the end did, up to the chart's last day."""
    end_day = state.horizon_days
    ending = f" On day {end_day}, {_end_readings(state)}."
    if state.change_day is None:
        return ending if state.progression_day is not None else ""
    first = state.scan_index(state.change_day)
    at_change = state.scan_sums_mm[first]
    after = state.scan_sums_mm[first + 1:]
    low_at = first + 1 + int(np.argmin(after))
    low = state.scan_sums_mm[low_at]
    if low < at_change:
        text = (f" After the change the sum fell to {_sum(low)} on day "
                f"{state.scan_days[low_at]}")
    else:
        text = " After the change the sum did not fall"
    later = state.later_progression_day
    if later is not None:
        return text + f"; the scan on day {later} read progression again." + ending
    text += ", and no later scan read progression." + ending
    if state.scan_sums_mm[-1] < at_change:
        text += " <b>Growth on one plan was not the end of the choices.</b>"
    return text


def _underneath(state: PlanChangeState) -> str:
    """The cells that resist, which no scan counts."""
    resists_a = state.kind_cells("resists A")
    text = (f" Underneath, {_KIND_WORDS['resists A']} went from "
            f"{_count(resists_a[0])} to {_count(resists_a[-1])}")
    both = state.kind_cells("resists both")
    if state.values.resists_both_share == 0:
        return text + "; no cell resists both drugs."
    verb = "grew" if both[-1] > both[0] else "went"
    text += f", and {_KIND_WORDS['resists both']} {verb} from {_count(both[0])} to " \
            f"{_count(both[-1])}"
    if both[-1] > both[0] and state.scan_sums_mm[-1] == 0:
        return text + ", unseen: no lesion is big enough for a scan."
    return text + "."


def _count(cells: float) -> str:
    return "none" if cells < 1 else cells_in_words(cells)


def caption(state: PlanChangeState) -> str:
    """What the picture shows, from day 0 to the chart's last day."""
    check_instance("state", state, PlanChangeState)
    return _opening(state) + _change(state) + _afterwards(state) + _underneath(state)


# -- alt text -----------------------------------------------------------------------------


def _days_given(days: Sequence[int], what: str) -> str:
    if not days:
        return f"{what} never"
    if len(days) == 1:
        return f"{what} on day {days[0]}"
    return f"{what} at {plural(len(days), 'dose')} from day {days[0]} to day {days[-1]}"


def _path(state: PlanChangeState, row: int) -> str:
    """'lesion A (liver) goes from 25 mm to 3.9 mm', with its peak when it rose first."""
    sizes = state.diameter_mm[row]
    start, end = float(sizes[0]), float(sizes[-1])
    peak_at = int(np.argmax(sizes))
    peak = float(sizes[peak_at])
    label = state.lesion_labels[row].replace("Lesion", "lesion", 1)
    if peak > 1.01 * max(start, end):
        return (f"{label} goes from {mm_in_words(start)} up to {mm_in_words(peak)} on day "
                f"{state.days[peak_at]:.0f}, then to {mm_in_words(end)}")
    return f"{label} goes from {mm_in_words(start)} to {mm_in_words(end)}"


def _kind_path(state: PlanChangeState, kind: str) -> str:
    """'cells that resist drug A from about 1.3 billion to none'; 'cells that resist both
    drugs: none' when there never were any."""
    cells = state.kind_cells(kind)
    if cells.max() < 1:
        return f"{_KIND_WORDS[kind]}: none"
    return f"{_KIND_WORDS[kind]} from {_count(cells[0])} to {_count(cells[-1])}"


def alt_text(state: PlanChangeState) -> str:
    """The three charts in words, for screen readers."""
    check_instance("state", state, PlanChangeState)
    doses = state.dose_days_by_drug
    given = [_days_given(doses["A"], "drug A"), _days_given(doses["B"], "drug B")]
    if state.local_day is not None:
        given.append(f"{state.local_kind} to lesion {STUBBORN_LESION} on day {state.local_day}")
    sizes = "; ".join(_path(state, row) for row in range(len(state.lesion_names)))
    marks = ""
    if state.progression_day is not None:
        marks += (f" A dashed line marks the scan on day {state.progression_day} that read "
                  "progression.")
    if state.unchanged_stubborn_mm is not None:
        marks += (f" A grey dotted line shows lesion {STUBBORN_LESION} had the plan not "
                  f"changed: {mm_in_words(float(state.unchanged_stubborn_mm[-1]))} by day "
                  f"{state.horizon_days}.")
    kinds = "; ".join(_kind_path(state, kind) for kind in KINDS)
    return (
        f"Three charts over {state.horizon_days} days, one above the other. Top, when each "
        f"treatment was given: {_join(given)}. Middle, each lesion's size in mm, with a grey "
        f"band below {DETECTION_LIMIT_MM:g} mm, too small for a scan to see, and dotted lines on "
        "the scan days: "
        f"{sizes}.{marks} Bottom, cancer cells of each kind in all lesions together, on a "
        f"log scale: {kinds}."
    )
