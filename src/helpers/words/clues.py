"""Lesson 06, growth or a rough patch: the caption and the alt text of the clue timeline.

What each clue shows is worked out in ``lessons.clues``; here it is only said, clue by
clue, then what the clues suggest *together*. The words never name a cause as fact:
the clues "suggest", the cancer "may be" growing, and the care team decides.
"""

from __future__ import annotations

from ..checks import check_instance, check_int
from ..clinic.response import CATEGORY_NAMES
from ..lessons.clues import (
    FEVER_C,
    CluesState,
    CycleDiary,
    Fever,
    MarkerCourse,
    Scans,
    WhiteCells,
)
from ..plain_words import days_label, plural, signed_percent

__all__ = ["caption", "alt_text", "together", "scan_labels", "cycles_control_label",
           "TEAM_DECIDES", "FEVER_CALL"]


def cycles_control_label(cycle_length_days: int) -> str:
    """The cycles slider's label, short enough for one line in projector mode:
    21 -> 'Cycles (21 days each)'."""
    cycle_length_days = check_int("cycle_length_days", cycle_length_days, minimum=1,
                                  maximum=365)
    return f"Cycles ({days_label(cycle_length_days)} each)"

#: The last words of every caption: the clues point, the team decides.
TEAM_DECIDES = ("Only the care team can decide what is going on, with an exam and tests; "
                "this picture cannot diagnose anyone.")
#: Said whenever the chart shows a fever.
FEVER_CALL = "A fever during chemotherapy needs a call to the cancer team right away."

_CLUE_NAMES = {"diary": "the diary's climb", "marker": "the rising marker",
               "scans": "the larger scans"}


def _score(value: float) -> str:
    """A diary score as a whole number: 2.5 -> '3' (halves round up, as people read them)."""
    return f"{int(value + 0.5)}"


def _cycles_of(count: int, total: int) -> str:
    """'every one of the 6 doses', '4 of the 6 doses', 'the only dose'."""
    if total == 1:
        return "the dose"
    if count == total:
        return f"every one of the {total} doses"
    return f"{count} of the {total} doses"


def _diary(state: CluesState) -> str:
    diary: tuple[CycleDiary, ...] = state.diary
    first, last = diary[0], diary[-1]
    rising = state.cycles_rising
    top = max(cycle.peak for cycle in diary)
    if state.climbs:
        text = (f"<b>Diary:</b> in the quiet week at the end of each cycle, the score went "
                f"from about {_score(first.quiet)} (cycle 1) to about {_score(last.quiet)} "
                f"(cycle {last.cycle}) out of 10: a climb from cycle to cycle that does not "
                "keep time with the doses.")
        if state.follows_doses:
            text += (f" On top of it, the score still rose after {_cycles_of(rising, len(diary))}"
                     ": side effects.")
        return text
    quiet_low = min(cycle.quiet for cycle in diary)
    quiet_high = max(cycle.quiet for cycle in diary)
    quiet = (f"about {_score(quiet_low)}" if _score(quiet_low) == _score(quiet_high)
             else f"about {_score(quiet_low)} to {_score(quiet_high)}")
    if state.follows_doses:
        return (f"<b>Diary:</b> after {_cycles_of(rising, len(diary))}, the score rose (up to "
                f"{top} out of 10) and settled again by the quiet week at the end of the cycle "
                f"({quiet}). No climb from cycle to cycle: this rise and fall keeps time with "
                "the doses, the pattern of side effects.")
    return (f"<b>Diary:</b> no clear rise after most doses, and no climb from cycle to cycle "
            f"(the quiet weeks stay at {quiet} out of 10; the highest score is {top}).")


def _temperature(fever: Fever | None) -> str:
    if fever is None:
        return f"<b>Temperature:</b> no fever: it stayed below {FEVER_C:.1f} \u00b0C."
    when = (f"on day {fever.first_day}" if fever.first_day == fever.last_day
            else f"from day {fever.first_day} to day {fever.last_day}")
    return (f"<b>Temperature:</b> a fever (up to {fever.highest_c:.1f} \u00b0C) {when}, "
            f"{plural(fever.days_after_dose, 'day')} after the dose of cycle {fever.cycle}, "
            f"when a blood test showed white cells at {fever.white_cells:.1f} billion per litre.")


def _white(white: WhiteCells, state: CluesState) -> str:
    cycle = sum(day <= white.lowest_day for day in state.dose_days)
    after = white.lowest_day - state.dose_days[cycle - 1]
    text = (f"<b>White cells:</b> they dip after each dose. The lowest test read "
            f"{white.lowest:.1f} billion per litre, on day {white.lowest_day} "
            f"({plural(after, 'day')} after the dose of cycle {cycle})")
    text += ": low, so infections are harder to fight." if white.low else "."
    if white.lowest_before_dose is not None:
        text += (f" The tests before each later dose read {white.lowest_before_dose:.1f} "
                 "or more.")
    return text


def _marker(marker: MarkerCourse) -> str:
    numbers = (f"from {marker.first:.0f} to {marker.last:.0f} units/mL (tests on day "
               f"{marker.first_day} and day {marker.last_day})")
    if marker.trend == "steady":
        return f"<b>Marker:</b> little change, {numbers}."
    return f"<b>Marker:</b> it {marker.trend}, {numbers}."


def _scans(scans: Scans) -> str:
    readings = "; ".join(f"day {day}: {signed_percent(change)}"
                         for day, change in zip(scans.days[1:], scans.changes[1:], strict=True))
    category = CATEGORY_NAMES[scans.categories[-1]].lower()
    return (f"<b>Scans</b> (width of the tumour against the first scan, on day 0): {readings}. "
            f"By the teaching rule of lesson 04 the last scan reads {category}.")


def _than_first(change: float) -> str:
    """0.31 -> '31% larger than the first'; near 0 -> 'about the same as the first'."""
    said = signed_percent(change)
    return "about the same as the first" if said == "about the same" else f"{said} than the first"


def together(state: CluesState) -> str:
    """What the clues suggest together, and who decides."""
    check_instance("state", state, CluesState)
    found = state.suggests
    parts = []
    if "side effects" in found:
        parts.append("side effects that come and go with the doses")
    if "growth" in found:
        parts.append("possible growth of the cancer")
    if "one growth clue" in found:
        parts.append(f"one clue that points to growth ({_CLUE_NAMES[state.growth_clues[0]]}) "
                     "while the others do not")
    if "infection" in found:
        parts.append("a possible infection")
    if not parts:
        text = "<b>Together</b>, these clues show no clear pattern yet."
    else:
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        text = f"<b>Together</b>, these clues suggest {listed}."
    if "infection" in found:
        text += f" {FEVER_CALL}"
    if "growth" in found or "one growth clue" in found:
        text += (" Clues like these make the team look harder: an exam, blood tests, maybe an "
                 "earlier scan.")
    return f"{text} {TEAM_DECIDES}"


def caption(state: CluesState) -> str:
    """Each clue over the whole chart (day 0 to its last day), then what they suggest together."""
    check_instance("state", state, CluesState)
    return " ".join([
        _diary(state), _temperature(state.fever), _white(state.white, state),
        _marker(state.marker), _scans(state.scans), together(state),
    ])


def alt_text(state: CluesState) -> str:
    """What the five charts show, for screen readers."""
    check_instance("state", state, CluesState)
    start, end = state.days_shown
    doses = len(state.dose_days)
    diary = ("a climb from cycle to cycle" if state.climbs else
             "a rise after each dose that settles before the next" if state.follows_doses
             else "no clear pattern")
    fever = ("stays normal" if state.fever is None
             else f"shows a fever from day {state.fever.first_day}")
    return (f"Five charts share one time axis, day {start} to day {end}, with "
            f"{plural(doses, 'dose')} marked by triangles, one every 21 days. "
            f"1, symptom diary (0 to 10 each day): {diary}. "
            f"2, temperature: {fever}. "
            f"3, white cells: a dip after each dose, lowest test {state.white.lowest:.1f} "
            "billion per litre. "
            f"4, tumour marker: {state.marker.trend}, from {state.marker.first:.0f} to "
            f"{state.marker.last:.0f} units/mL. "
            f"5, scans: the tumour's width on {plural(len(state.scans.days), 'scan')}, the last "
            f"{_than_first(state.scans.last_change)}.")


def scan_labels(state: CluesState) -> tuple[str, ...]:
    """The words by each scan's dot on the chart: "first scan", then the change from it."""
    check_instance("state", state, CluesState)
    return ("first scan", *(signed_percent(change) for change in state.scans.changes[1:]))
