"""Lesson 06, write down the pattern: the diary entry read back as a nurse's note.

``note_lines(state)`` gives the note, one line per item, in the order a nurse passes
it on: the symptom and how bad, when it started, its link to infusion days, the trend
week to week, any warning signs, and what to do. ``note_html`` is the same note for the
page. Plain words; no diagnosis: the note says what was seen and how soon to tell the
team, never what the cause is.
"""

from __future__ import annotations

import html

from ..checks import check_instance
from ..lessons.diary import DiaryState

__all__ = ["note_lines", "note_html", "WHAT_TO_DO"]

#: The last line, by urgency.
WHAT_TO_DO: dict[str, str] = {
    "call now": "Call the cancer team now; do not wait for the next visit.",
    "soon": "Tell the cancer team soon, before the next visit.",
    "next visit": ("Keep the diary going and bring it to the next visit. Call sooner if it "
                   "gets worse or a warning sign appears."),
}

_WHY: dict[str, str] = {
    "signs": "a warning sign came with it",
    "breath": "shortness of breath needs a fast review",
    "lump": "a new lump needs a prompt review",
    "worse": "it is getting worse each week",
    "not linked": "it does not follow the infusion days",
}


def _started(day: int, cycle: int) -> str:
    if day == 0:
        return f"on the day of the cycle {cycle} infusion"
    return f"day {day} after the cycle {cycle} infusion"


def note_lines(state: DiaryState) -> tuple[str, ...]:
    """The note, one plain-text line per item."""
    check_instance("state", state, DiaryState)
    entry = state.entry
    signs = ", ".join(entry.signs) if entry.signs else "none"
    action = WHAT_TO_DO[state.urgency]
    if state.reasons:
        why = " and ".join(_WHY[reason] for reason in state.reasons)
        action = f"{action} (Why: {why}.)"
    return (
        f"Symptom: {entry.symptom}, {entry.severity} out of 10 at its worst.",
        f"Started: {_started(entry.start_day, entry.cycle)}.",
        f"Link to infusion days: {entry.link}.",
        f"Week to week: {entry.trend}.",
        f"Warning signs: {signs}.",
        f"What to do: {action}",
    )


def note_html(state: DiaryState) -> str:
    """The note for the page: each line a list item, the labels in bold."""
    check_instance("state", state, DiaryState)
    items = []
    for line in note_lines(state):
        label, _, rest = line.partition(": ")
        items.append(f"<li><b>{html.escape(label)}:</b> {html.escape(rest)}</li>")
    return "<ul class='chemo-diary-note'>" + "".join(items) + "</ul>"
