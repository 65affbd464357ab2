"""Lesson 06, growth or a rough patch: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the clue or the part
of the lesson to look at; ``key_answer`` is the facilitator guide's answer key.
"""

from __future__ import annotations

from .questions import Choice, Question

__all__ = ["QUESTIONS"]

QUESTIONS: tuple[Question, ...] = (
    Question(
        "A patient feels worn out and off her food for four or five days after each infusion, "
        "then picks up before the next one. This has been the same for three cycles. What "
        "pattern is this most like?",
        (
            Choice("A side effect that keeps time with the infusions", True,
                   "It comes after each dose and eases before the next, the same each cycle: "
                   "the usual pattern of side effects. Chemo can make people feel awful even "
                   "when it is working. Keep writing it down and mention it at the next "
                   "visit."),
            Choice("The cancer growing", False,
                   "Growth tends to bring a change that builds week after week and does not "
                   "follow the infusion days. This one comes and goes with each dose."),
            Choice("An emergency that needs a call right now", False,
                   "None of the signs that need a call right away is described. Feeling "
                   "rough after each dose, then better, is common during chemotherapy."),
        ),
        key_answer="a side effect that keeps time with the infusions",
        hint="Look at when it starts and when it eases. In the clue timeline, compare the "
             "example 'A rough patch' with 'Growth': which one rises and falls with the "
             "triangles?",
    ),
    Question(
        "Which of these means calling the cancer team right away, instead of waiting for the "
        "next visit?",
        (
            Choice("A fever during chemotherapy", True,
                   "Fever is one of the eight signs to call about right away. During "
                   "chemotherapy it could be an infection, which can be urgent because the "
                   "white cells may be low."),
            Choice("Tiredness for a few days after each infusion", False,
                   "Tiredness that comes and goes with the doses is a common side effect. "
                   "Write it down and bring it to the next visit."),
            Choice("Poor appetite in the week after an infusion", False,
                   "This is often a side effect. Write it down; call sooner only if it gets "
                   "worse or a warning sign comes with it."),
        ),
        key_answer="a fever during chemotherapy",
        hint="Go back to the list of eight signs under 'When to call the cancer team right "
             "away'. Which of these choices is on it?",
    ),
    Question(
        "A patient's diary shows hip pain that started in cycle 2, does not follow the "
        "infusion days, and is a little worse every week. What is the best next step?",
        (
            Choice("Wait: pain is often a side effect", False,
                   "Some pain is a side effect, but pain in one area that keeps building week "
                   "after week and does not follow the doses is a pattern the team wants to "
                   "hear about soon."),
            Choice("Tell the patient the cancer has spread", False,
                   "Nobody can tell that from a diary. It is a clue, not a diagnosis: the "
                   "team decides, with an exam, tests and sometimes a scan."),
            Choice("Pass it on to the team soon, with the diary", True,
                   "Pain that keeps building, and a change that does not fit the expected "
                   "side effects, are patterns that make the team look harder. If the pain "
                   "suddenly spikes, call right away."),
        ),
        key_answer="pass it on to the team soon, with the diary",
        hint="Three things in the diary matter: when it started, whether it follows the "
             "infusions, and which way it goes week to week. Try it in the 'Write down the "
             "pattern' box and read the note.",
    ),
    Question(
        "Why do doctors look at several clues over time (symptoms, exam, blood work, scans) "
        "instead of one?",
        (
            Choice("Because one clue alone can mislead", True,
                   "Chemo can make people feel awful while it works, markers are clues and "
                   "not verdicts, and an early scan can be muddied by swelling or dead cells. "
                   "How the clues line up over time is clearer than any one of them."),
            Choice("Because scans are never useful", False,
                   "Scans matter a lot; a planned scan compared with earlier ones often gives "
                   "the clearest answer. But one scan, or one clue, can mislead."),
            Choice("Because a tumour marker always gives the answer", False,
                   "A tumour marker helps in some cancers, but it lags, can surge, and is "
                   "never a verdict on its own."),
        ),
        key_answer="one clue alone can mislead",
        hint="Pick 'Feeling awful, cancer held back' in the clue timeline. What does the diary "
             "say on its own, and what do the marker and the scans say?",
    ),
)
