"""Lesson 06, sort the common worries: the feedback on each pick and the tally.

``WHY`` gives, for each worry of the article's table, the article's reasoning in plain
words: a worry tips toward growth when it is new, when it is severe, when it keeps
building, or when it comes with other red flags. ``feedback(row)`` puts a verdict in
front of it and, for the worries that can be urgent, the call-now advice.
"""

from __future__ import annotations

import html

from ..checks import check_instance
from ..lessons.worry_sort import SortedWorry, WorrySortState
from ..plain_words import plural

__all__ = ["WHY", "VERDICTS", "CALL_NOW", "feedback", "tally", "PICK_PROMPT"]

#: What the menu of a worry not yet sorted says.
PICK_PROMPT = "Choose a pile..."

#: The article's reasoning, worry by worry (keys: ``Worry.name``).
WHY: dict[str, str] = {
    "Tiredness": (
        "Tiredness is one of the most common side effects of chemotherapy, and it often "
        "comes and goes with the doses. It may point to growth when it is new, severe, "
        "and comes with other red flags."),
    "Nausea or poor appetite": (
        "Feeling sick or not wanting to eat is often a side effect, worst in the days after "
        "a dose. Sometimes it comes from the cancer itself, depending on where the cancer "
        "is and what the scans show."),
    "A new lump": (
        "Chemotherapy does not cause new lumps. A new lump may point to growth and needs a "
        "prompt review by the team."),
    "Worsening pain in one area": (
        "Some pain can be a side effect (nerve pain, for example). Pain in one area that "
        "keeps building, or that limits movement, may point to growth. It depends on the "
        "pattern, so write it down. Pain that suddenly spikes needs a call right away."),
    "Fever": (
        "Fever is less often a side effect. During chemotherapy it could be an infection, "
        "which can be urgent, because treatment can leave fewer white cells to fight it."),
    "Shortness of breath": (
        "It is sometimes a side effect, but it may point to growth, or to a blood clot. "
        "Both need a fast review."),
}

#: The verdict said in front of the reasoning.
VERDICTS: dict[str, str] = {
    "matches": "Matches the article.",
    "fair": "Fair, though the article points more to another pile.",
    "not quite": "Not quite.",
}

#: Added for a worry that is also one of the signs that need a call right away.
CALL_NOW = "Call the cancer team right away: do not wait for the next visit."


def feedback(row: SortedWorry) -> str:
    """HTML feedback for one pick: the verdict, the lesson's pile, the article's reasoning.

    Empty while the worry is not sorted.
    """
    check_instance("row", row, SortedWorry)
    if row.verdict == "not sorted":
        return ""
    worry = row.worry
    text = f"<b>{VERDICTS[row.verdict]}</b>"
    if row.verdict != "matches":
        text += f" The lesson's pile: <i>{html.escape(worry.sort)}</i>."
    text += (f" The article: a side effect? <i>{html.escape(worry.as_side_effect)}</i>. "
             f"A sign of growth? <i>{html.escape(worry.as_growth)}</i>. "
             f"{html.escape(WHY[worry.name])}")
    if worry.call_now:
        text += f" <b>{CALL_NOW}</b>"
    return text


def tally(state: WorrySortState) -> str:
    """How far the learner has got, and the lesson of the table once every worry is sorted."""
    check_instance("state", state, WorrySortState)
    total = len(state.rows)
    if state.sorted_count == 0:
        return f"Sort each of the {total} worries into a pile; feedback appears as you go."
    text = (f"You have sorted {state.sorted_count} of {total} worries: "
            f"{plural(state.matched_count, 'matches', 'match')} the article")
    if state.fair_count:
        text += f", {state.fair_count} fair"
    text += "."
    if state.all_sorted:
        text += (" The pattern: a worry tips toward growth when it is new, severe, keeps "
                 "building, or comes with other red flags. Fever and new shortness of breath "
                 "need a call right away, whatever the cause.")
    return text
