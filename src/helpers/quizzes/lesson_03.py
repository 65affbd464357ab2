"""Lesson 03, scans are snapshots: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the idea or the part
of the chart to look at; ``key_answer`` is the facilitator guide's answer key.
"""

from __future__ import annotations

from ..clinic.scans import CT_SMALLEST_VISIBLE_MM
from .questions import Choice, Question

__all__ = ["QUESTIONS"]

# The band of the smallest lesion a CT shows, said once from its home in clinic.scans.
_CT_BAND = f"about {CT_SMALLEST_VISIBLE_MM[0]:g} to {CT_SMALLEST_VISIBLE_MM[1]:g} mm"

QUESTIONS: tuple[Question, ...] = (
    Question(
        "Nine weeks into chemotherapy, a scan shows a new 8 mm spot in the lung. The baseline "
        "scan showed nothing there. In this lesson's model, what is the most likely story?",
        (
            Choice("The chemo carried cancer cells to the lung", False,
                   "Chemotherapy's job is to kill or slow cancer cells, not to spread them. A "
                   "spot of 8 mm holds tens to hundreds of millions of cells; at the growth speeds "
                   "in this lesson, growing that big from a few cells takes far longer than nine "
                   "weeks."),
            Choice("The deposit was already there but too small to see at baseline", True,
                   "Cells shed before treatment can grow unseen until they pass the size a "
                   "scan can show. The team still takes it seriously: it may mean the drugs are "
                   "not controlling that deposit."),
            Choice("The scan is wrong: new spots never mean anything", False,
                   "A new spot always needs review. It can mean progression, or disease that was "
                   "too small to see earlier; the team confirms on imaging and reviews the plan."),
        ),
        key_answer="it was already there but too small to see",
        hint="Think about how long a spot takes to grow from a few cells to 8 mm, and what "
             "a scan can see along the way. On the timeline, compare lesion B's dot (the day "
             "it was seeded) with its star (the day a scan first showed it).",
    ),
    Question(
        "A deposit holds about 1 million cancer cells. Why can a CT scan not show it?",
        (
            Choice("It is only about 1 mm across, below what a scan can show", True,
                   "At about a billion cells per cubic centimetre, a million cells make a ball "
                   f"about 1.2 mm across. CT usually needs {_CT_BAND}."),
            Choice("Chemotherapy hides cancer cells from scans", False,
                   "Scans show size and shape; a small deposit is hidden only because it is "
                   "small."),
            Choice("A million cells is already big: the scan should show it", False,
                   "A million sounds like a lot, but it is a speck. A 5 mm spot holds about 65 "
                   "million cells."),
        ),
        key_answer="about 1 mm across, below what CT shows",
        hint="Work out its size. About a billion cells fill one cubic centimetre (a ball "
             "about 12 mm across), and a million is a thousandth of that. Then compare with "
             "the top chart's grey band: spots inside it are too small for a scan.",
    ),
    Question(
        "The team decides to scan every 3 weeks instead of every 9. What changes for a hidden "
        "deposit?",
        (
            Choice("It starts growing later", False,
                   "How often we look does not change when a deposit started or how fast it "
                   "grows."),
            Choice("It may be seen a little sooner, but its story is the same", True,
                   "More frequent snapshots catch it earlier after it passes the size limit, "
                   "but it was growing before either way."),
            Choice("It can never be missed", False,
                   "A deposit smaller than the scan's limit is missed however often we scan."),
        ),
        key_answer="it may be seen a little sooner, but its story is the same",
        hint="Scanning more often changes when we look, not what the deposit does. Load the "
             "example 'Scans every 3 weeks' and compare lesion B's dot and star with the "
             "first example.",
    ),
)
