"""Lesson 04, reading the response: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the rule or the clue
to use; ``key_answer`` is the facilitator guide's answer key for the question.
"""

from __future__ import annotations

from ..words.response import (
    PARTIAL_RESPONSE_WORDS,
    PROGRESSION_MIN_WORDS,
    PROGRESSION_RISE_WORDS,
)
from .questions import Choice, Question

__all__ = ["QUESTIONS"]

# The rule's numbers in words come from words.response (their one home, made from
# clinic.response's constants).
# The stories' own numbers (50 and 34 mm; 30 and 35 mm) stay as written; tests check
# them against the rule.
_RESPONSE, _GROWTH, _MIN_GROWTH = (PARTIAL_RESPONSE_WORDS, PROGRESSION_RISE_WORDS,
                                   PROGRESSION_MIN_WORDS)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "At baseline the lesions add up to 50 mm. On the next scan they add up to 34 mm, and "
        "nothing new is seen. Which category is it, by this lesson's rules?",
        (
            Choice("Partial response", True,
                   f"(34 - 50) / 50 = -32%: {_RESPONSE} or more below baseline, so partial "
                   "response."),
            Choice("Stable disease", False,
                   f"Work it out: (34 - 50) / 50 = -32%. That is past the {_RESPONSE} line, so "
                   "partial response."),
            Choice("Complete response", False,
                   "Complete response means every lesion is gone. Here 34 mm is still measured."),
        ),
        key_answer="partial response (-32%)",
        hint="Work out the change from baseline as a share: (today's sum - baseline sum) / "
             "baseline sum. Then compare it with the rule's lines in the story above.",
    ),
    Question(
        "The smallest sum so far was 30 mm. Today's sum is 35 mm and there are no new lesions. Is "
        "that progression?",
        (
            Choice("Yes: it grew by 5 mm", False,
                   f"{_MIN_GROWTH} is needed, but so is {_GROWTH}. (35 - 30) / 30 = 17%, under "
                   f"{_GROWTH}: not progression."),
            Choice(f"No: 17% is under the {_GROWTH} needed", True,
                   f"Both parts are needed: {_GROWTH} or more above the smallest sum and at "
                   f"least {_MIN_GROWTH}. A change this small can also be partly measurement "
                   "noise."),
            Choice("Yes: any growth after shrinking is progression", False,
                   "Small ups and downs are expected, partly from measurement noise. The rule "
                   f"asks for {_GROWTH} and {_MIN_GROWTH} above the smallest sum."),
        ),
        key_answer=f"no, 17% is under {_GROWTH}",
        hint="The progression rule has two parts, and both must hold. Check each one against "
             "the smallest sum so far: how many millimetres more, and how much more as a "
             "share of 30 mm?",
    ),
    Question(
        "Six weeks into treatment, a scan reads 25% larger. The patient feels better and the "
        "blood marker is falling. What is the most sensible reading?",
        (
            Choice("The chemo has failed and spread the cancer", False,
                   "One scan can mislead. The same lesion measured twice on the same day can "
                   "differ by a fifth or more, and early in treatment dead cells, fluid or "
                   "swelling can muddy the picture. (A tumour that swells before it shrinks "
                   "is best known with immunotherapy, where it is called pseudoprogression; "
                   "it is uncommon with chemotherapy.) The falling marker and the patient "
                   "feeling better point the other way."),
            Choice("Ignore the scan and trust the marker", False,
                   "A marker is a clue, never a verdict on its own. The team weighs all the "
                   "clues."),
            Choice("Weigh all the clues; the team may confirm with the next scan", True,
                   "The team compares with earlier images, looks at symptoms, exam and blood "
                   "work, and a confirming scan often gives the clearest answer."),
        ),
        key_answer="weigh all the clues, the team may confirm with the next scan",
        hint="Count the clues in the question: one scan, how the patient feels, and the "
             "blood marker. Do they agree? Think about what the lesson said about trusting "
             "one scan, or one blood test, on its own.",
    ),
)
