"""Lesson 01, what chemotherapy is meant to do: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the idea to use;
``key_answer`` is the facilitator guide's answer key for the question.
"""

from __future__ import annotations

from .questions import Choice, Question

__all__ = ["QUESTIONS"]

QUESTIONS: tuple[Question, ...] = (
    Question(
        "A dose kills 90% of the cancer cells. The tumour has 1,000 million cells. How many live "
        "cancer cells are left?",
        (
            Choice("900 million", False,
                   "That is how many were killed. 90% killed leaves 10%: 100 million."),
            Choice("100 million", True,
                   "90% killed leaves 10% of 1,000 million, which is 100 million."),
            Choice("None: one dose is enough", False,
                   "Each dose removes a share, never every cell at once. 100 million are left."),
        ),
        key_answer="100 million left",
        hint="The question asks how many are left alive, not how many were killed. If 90% "
             "are killed, what share survives? Take that share of 1,000 million.",
    ),
    Question(
        "Between two doses the cancer cells grow back more than the dose killed. What happens?",
        (
            Choice("The tumour still shrinks, just more slowly", False,
                   "If regrowth is larger than the kill, each cycle ends bigger than it started."),
            Choice("The tumour grows during treatment", True,
                   "Fast-growing cancer can outpace the drug: each cycle ends bigger than it "
                   "started. The team then looks at other options."),
            Choice("This proves the chemo spread the cancer", False,
                   "The drug is still killing cells; the cancer is growing back faster than it "
                   "is being killed. Doctors call this progression or treatment resistance, "
                   "not the chemo making the cancer spread."),
        ),
        key_answer="the tumour grows during treatment",
        hint="Follow one cycle in the top chart: the dose takes cells away, then the rest of "
             "the cycle adds cells back. Which is bigger here? Load the example 'Growth "
             "outpaces the kill' to see it.",
    ),
    Question(
        "After two cycles, a patient's scan shows the tumour about 20% narrower. Roughly what "
        "share of its cells may be gone?",
        (
            Choice("About 20%", False,
                   "Width follows the cube root of the cell count: 20% narrower is about half "
                   "the cells gone (0.8 x 0.8 x 0.8 = 0.51)."),
            Choice("About half", True,
                   "0.8 x 0.8 x 0.8 = 0.51, so the mass on the scan is about half what it was. "
                   "Dead cells take days to weeks to clear, so even more of the live cells may "
                   "already be gone. A modest change on a scan can mean a lot of cells killed."),
            Choice("Almost all of them", False,
                   "Almost all cells gone would, once the dead cells are cleared, make the "
                   "tumour far narrower than 20%."),
        ),
        key_answer="about half of the cells gone",
        hint="A tumour is roughly a ball, and a ball's width changes much more slowly than "
             "what it holds. 20% narrower means 0.8 of the width: multiply 0.8 by itself "
             "three times, or read the cells-and-size chart above.",
    ),
)
