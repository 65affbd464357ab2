"""Lesson 05, doses, delays and dose intensity: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the idea to use;
``key_answer`` is the facilitator guide's answer key for the question.
"""

from __future__ import annotations

from .questions import Choice, Question

__all__ = ["QUESTIONS"]

QUESTIONS: tuple[Question, ...] = (
    Question(
        "The plan is 6 full doses, one every 21 days (126 days). All 6 full doses are given, but "
        "three delays of 7 days stretch the course to 147 days. What is the relative dose "
        "intensity?",
        (
            Choice("100%: every dose was given", False,
                   "The doses were all given, but over more time. Per week, less was given: "
                   "126 / 147 = about 86%."),
            Choice("About 86%", True,
                   "The same doses over 147 days instead of 126, so 126 / 147 = 0.86."),
            Choice("About 50%", False,
                   "That would need half the doses, or twice the time. Here it is 126 / 147, "
                   "about 86%."),
        ),
        key_answer="about 86%",
        hint="Relative dose intensity compares the dose given per week with the dose planned "
             "per week. The doses are the same here, so only the time differs: compare the "
             "planned days with the days the course took.",
    ),
    Question(
        "Why might the team delay the next dose?",
        (
            Choice("Blood counts have not yet recovered from their low point (nadir)", True,
                   "Giving a dose while counts are low could be unsafe, for example because "
                   "infections are harder to fight."),
            Choice("The cancer is responding so well that the dose is not needed", False,
                   "A good response is a reason to carry on with the plan, not to delay it."),
            Choice("A later dose works better on the cancer", False,
                   "A delay gives the cancer more time to grow back. Delays are made for safety, "
                   "not to boost the drug."),
        ),
        key_answer="blood counts have not recovered from their nadir",
        hint="Think about why chemotherapy is given in cycles with a rest between doses: "
             "which healthy cells are hit too, and must recover before the next dose is safe?",
    ),
    Question(
        "What does the evidence say about lower dose intensity?",
        (
            Choice("It never makes any difference", False,
                   "In some settings, for example some breast cancers and lymphomas, lower dose "
                   "intensity has been linked to worse outcomes."),
            Choice("It is linked to worse outcomes in some settings; elsewhere the evidence is "
                   "mixed", True,
                   "That is why teams try to keep to the plan when it is safe, and why a delay "
                   "for safety is still often the right call."),
            Choice("It always means the treatment has failed", False,
                   "Delays and dose changes are common and often the safe choice. The team "
                   "weighs safety against keeping up the pressure on the cancer."),
        ),
        key_answer="linked to worse outcomes in some settings, mixed elsewhere",
        hint="Reread 'What is known' in the lesson's story, above the chart. Does it say "
             "the same thing about every kind of cancer?",
    ),
)
