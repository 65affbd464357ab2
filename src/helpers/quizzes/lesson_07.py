"""Lesson 07, when the plan changes: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the idea or the part
of the chart to look at; ``key_answer`` is the facilitator guide's answer key.
"""

from __future__ import annotations

from .questions import Choice, Question

__all__ = ["QUESTIONS"]

QUESTIONS: tuple[Question, ...] = (
    Question(
        "A scan shows that the cancer has grown during drug A (progression). What does the "
        "team usually do first?",
        (
            Choice("Stop every treatment at once", False,
                   "Growth during one round of treatment is not the end of treatment "
                   "choices. The team first works out why it grew, then decides."),
            Choice("Review the scans, the pathology report, the exact drugs, the dose "
                   "intensity and the cancer's molecular features", True,
                   "The next move is not guesswork. These show whether the growth is real, "
                   "why it may have happened, and what could fit better: another drug, a "
                   "targeted drug, immunotherapy, radiation or surgery, or a clinical trial."),
            Choice("Give drug A at twice the dose", False,
                   "Cells that resist drug A would still resist it, and the side effects "
                   "would grow. The team looks for the reason before any change."),
        ),
        key_answer="review the scans, pathology, exact drugs, dose intensity and molecular "
                   "features",
        hint="The source article lists what the team looks at again before it decides. "
             "Which answer is about learning more before acting?",
    ),
    Question(
        "In the example 'Switch to drug B at progression', why does lesion C shrink again "
        "after day 126?",
        (
            Choice("Drug B kills the cells that resist drug A", True,
                   "Lesion C grew because most of its cells resist drug A. Drug B works on "
                   "those cells, so they fall at each dose of drug B."),
            Choice("Drug B is just a stronger dose of drug A", False,
                   "More of drug A would still miss the cells that resist it. Load 'Drug B "
                   "misses the resistant cells' to see a switch that does not help."),
            Choice("The growth on drug A was a scan mistake", False,
                   "The scans were right: lesion C really grew on drug A. The bottom chart "
                   "shows the cells that resist drug A climbing until the switch."),
        ),
        key_answer="drug B kills the cells that resist drug A",
        hint="Look at the bottom chart of that example. Which kind of cell was climbing "
             "before day 126, and which line falls in steps after it?",
    ),
    Question(
        "Drug A keeps lesions A and B too small to see, but lesion C keeps growing. Besides "
        "changing the drug, what else might the team consider for lesion C?",
        (
            Choice("Nothing: one growing lesion means all treatment has failed", False,
                   "One stubborn spot is not the end of the choices. The article names "
                   "radiation or surgery for a stubborn site."),
            Choice("Radiation or surgery aimed at lesion C alone", True,
                   "A local treatment acts on one place, while the drug keeps the other "
                   "lesions in check. Try 'Radiation to the stubborn lesion'."),
            Choice("Waiting, because lesion C will soon shrink by itself", False,
                   "In the model lesion C keeps growing on drug A: its cells resist it. "
                   "Load 'Stay on drug A' and follow lesion C to day 252."),
        ),
        key_answer="radiation or surgery aimed at lesion C alone",
        hint="The drug reaches every lesion in the body. What kind of treatment could aim "
             "at just one place?",
    ),
    Question(
        "In the model, giving drugs A and B together from the start kept every scan from "
        "showing growth. Why might a team still not give every drug at once?",
        (
            Choice("Side effects add up, so both drugs together often need lower doses",
                   True,
                   "Combinations are common and are studied closely, but each drug brings "
                   "its own side effects. The model gives both in full and leaves this out."),
            Choice("Two drugs can never work better than one", False,
                   "They can: a cell must resist both to survive. Lesson 08 shows why that "
                   "is much rarer."),
            Choice("Drug B only works after drug A has failed", False,
                   "In the model drug B kills the same cells from day 0; load 'Both drugs "
                   "from the start' and look at the bottom chart."),
        ),
        key_answer="side effects add up, so doses are often lower",
        hint="Think about the person, not only the cancer cells. What else does each extra "
             "drug bring with it?",
    ),
)
