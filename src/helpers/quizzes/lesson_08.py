"""Lesson 08, chance and resistance: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the idea or the part
of the chart to look at; ``key_answer`` is the facilitator guide's answer key.
"""

from __future__ import annotations

from .questions import Choice, Question

__all__ = ["QUESTIONS"]

QUESTIONS: tuple[Question, ...] = (
    Question(
        "Two tumours of the same cancer are found, one at 100 million cells and one at 10 "
        "billion cells. Before any drug is given, which is more likely to hold resistant "
        "cells already?",
        (
            Choice("The one with 10 billion cells", True,
                   "Every cell division is another chance for a resistant cell to appear. "
                   "100 times more cells means about 100 times more divisions, so far more "
                   "chances."),
            Choice("The one with 100 million cells", False,
                   "A smaller tumour has had fewer divisions, so fewer chances for a "
                   "resistant cell to appear."),
            Choice("Both are equally likely: resistance is pure luck", False,
                   "Chance decides when a resistant cell appears, but more divisions mean "
                   "more chances. Size matters."),
        ),
        key_answer="the bigger tumour (10 billion cells)",
        hint="Pick one mutation rate, then move 'Cells when the tumour is found' from left "
             "to right. Watch the dot on the solid curve.",
    ),
    Question(
        "Why do teams often give two or more drugs that work in different ways?",
        (
            Choice("Because one drug never kills any cancer cells", False,
                   "Many single drugs kill most cancer cells. The problem is the few cells "
                   "that resist that one drug."),
            Choice("Because a cell that resists one drug is still likely to be killed by "
                   "the other", True,
                   "To survive both, a cell needs two rare changes. That is far less likely "
                   "than one, so the dashed two-drug curve stays high at sizes where the "
                   "one-drug curve has fallen to zero."),
            Choice("Because two drugs stop cells from changing at all", False,
                   "Drugs do not stop chance changes. They make it much less likely that "
                   "any cell survives both."),
        ),
        key_answer="a cell that resists one drug is still likely killed by the other",
        hint="Compare the solid and the dashed curve at 1 billion cells (about 1 cm). What "
             "must a cell have to survive two drugs?",
    ),
    Question(
        "Tumours of the same size and type can hold very different numbers of resistant "
        "cells: most hold a few, some hold thousands. Why?",
        (
            Choice("The tumours with thousands were treated with the wrong drug", False,
                   "These tumours have had no drug at all in the model. The difference is "
                   "only chance."),
            Choice("A mutation that happens early has many divisions left to copy itself",
                   True,
                   "A resistant cell made early passes resistance to all its offspring, so "
                   "it leaves a big group (a 'jackpot'). One made late leaves only a few "
                   "cells. Luria and Delbruck used this pattern in 1943."),
            Choice("Big tumours make resistant cells on purpose", False,
                   "Cells do not change on purpose. Each division has the same small chance "
                   "of a resistant daughter; the timing is luck."),
        ),
        key_answer="an early mutation has many divisions left to copy itself (a jackpot)",
        hint="Load 'As likely as not' and read the right-hand chart and the caption: how "
             "many resistant cells does the largest tumour hold, and when did its change "
             "happen?",
    ),
    Question(
        "A patient asks: 'Should we wait and see before starting chemotherapy?' In this "
        "model, what does waiting do?",
        (
            Choice("Nothing: the chance of resistant cells stays the same", False,
                   "The tumour keeps dividing while we wait, and every division is a "
                   "chance for a resistant cell."),
            Choice("It lowers the chance of resistance, because the cells settle down",
                   False,
                   "In this model cells keep dividing at the same pace; waiting gives more "
                   "divisions, not fewer."),
            Choice("The tumour grows, and a bigger tumour is more likely to hold resistant "
                   "cells", True,
                   "This is one reason treatment is not put off without a good reason. Real "
                   "decisions weigh many other things: talk with the care team."),
        ),
        key_answer="the tumour grows and is more likely to hold resistant cells",
        hint="Load 'Found at about 1 cm', then 'Found later, ten times bigger'. Compare the "
             "chance of no resistant cell in the two captions.",
    ),
)
