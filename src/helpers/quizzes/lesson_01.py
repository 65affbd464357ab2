"""Lesson 01, what chemotherapy is meant to do: the checks for understanding.

Each choice's feedback says why it is right or wrong; ``key_answer`` is the
facilitator guide's answer key for the question.
"""

from __future__ import annotations

from .questions import Choice, Question

__all__ = ["QUESTIONS"]

QUESTIONS: tuple[Question, ...] = (
    Question(
        "A dose kills 90% of the cancer cells. The tumour has 1,000 million cells. How many are "
        "left?",
        (
            Choice("900 million", False,
                   "That is how many were killed. 90% killed leaves 10%: 100 million."),
            Choice("100 million", True,
                   "90% killed leaves 10% of 1,000 million, which is 100 million."),
            Choice("None: one dose is enough", False,
                   "Each dose removes a share, never every cell at once. 100 million are left."),
        ),
        key_answer="100 million left",
    ),
    Question(
        "Between two doses the cancer cells grow back more than the dose killed. What happens?",
        (
            Choice("The tumour still shrinks, just more slowly", False,
                   "If regrowth is larger than the kill, each cycle ends bigger than it started."),
            Choice("The tumour grows during treatment", True,
                   "Right: fast-growing cancer can outpace the drug. The team then looks at "
                   "other options."),
            Choice("This proves the chemo spread the cancer", False,
                   "No: the drug is still killing cells. The cancer is growing faster than it is "
                   "being killed."),
        ),
        key_answer="the tumour grows during treatment",
    ),
    Question(
        "After two cycles, a patient's scan shows the tumour about 20% narrower. Roughly what "
        "share of its cells may be gone?",
        (
            Choice("About 20%", False,
                   "Width follows the cube root of the cell count: 20% narrower is about half "
                   "the cells gone (0.8 x 0.8 x 0.8 = 0.51)."),
            Choice("About half", True,
                   "0.8 x 0.8 x 0.8 = 0.51, so about half the cells are gone. A modest change on "
                   "a scan can mean a lot of cells killed."),
            Choice("Almost all of them", False,
                   "Almost all cells gone would make the tumour far narrower than 20%."),
        ),
        key_answer="about half of the cells gone",
    ),
)
