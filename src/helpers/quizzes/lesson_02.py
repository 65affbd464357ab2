"""Lesson 02, sensitive and resistant cells: the checks for understanding.

Each choice's feedback says why it is right or wrong (the widget adds "Yes" or "Not
quite" in front); ``hint`` points a learner who answered wrong to the idea or the part
of the chart to look at; ``key_answer`` is the facilitator guide's answer key.
"""

from __future__ import annotations

from .questions import Choice, Question

__all__ = ["QUESTIONS"]

QUESTIONS: tuple[Question, ...] = (
    Question(
        "A tumour shrank well for three cycles and is now growing, on the same drug. In this "
        "model, what is the most likely reason?",
        (
            Choice("The drug turned sensitive cells into resistant ones", False,
                   "In this model the drug never makes a cell resistant. The resistant cells "
                   "were there from the start; the drug cleared away their competitors."),
            Choice("A small group of resistant cells, there from the start, has taken over", True,
                   "This is selection. Each dose removed sensitive cells, so the resistant "
                   "share rose until they made up most of the tumour. Doctors call this "
                   "acquired resistance."),
            Choice("The chemotherapy spread the cancer", False,
                   "The drug is still killing sensitive cells. The growth comes from cells it "
                   "cannot kill: that is resistance, not the chemo making the cancer spread. "
                   "The team would look at changing the plan."),
        ),
        key_answer="a small resistant group there from the start has taken over",
        hint="Load the example 'Response fades (acquired resistance)'. At each dose, which "
             "line drops and which keeps climbing? And were the dash-dot cells already there "
             "on day 0?",
    ),
    Question(
        "Scans have read 'stable disease' for four months. What could be happening underneath?",
        (
            Choice("Nothing: if the size is steady, the cells are not changing", False,
                   "The total can stay steady while its make-up changes. Look at the Stable "
                   "disease example: the resistant share rises from 1 in 100 to about 1 in 3."),
            Choice("Sensitive cells are being killed while resistant cells quietly grow", True,
                   "Kill and regrowth balance for the total, but the resistant share keeps "
                   "rising. That is one reason teams keep scanning during stable disease."),
            Choice("The drug has stopped working completely", False,
                   "Not in this case: every dose still kills a share of the sensitive cells. "
                   "Without it the tumour would grow."),
        ),
        key_answer="sensitive cells are being killed while resistant cells quietly grow",
        hint="A scan sees only the total. Load the example 'Stable disease' and read the "
             "bottom chart, the share of resistant cells: does it stay still while the total "
             "does?",
    ),
    Question(
        "Two tumours get the same drug. In one, 1 cell in 100 is resistant at the start; in the "
        "other, 1 in 10 million. Which response is likely to fade sooner?",
        (
            Choice("The one with 1 in 100 resistant cells", True,
                   "Its resistant group starts 100,000 times bigger, so it takes over much "
                   "sooner. Try both in the model."),
            Choice("The one with 1 in 10 million resistant cells", False,
                   "A tinier resistant group needs far longer to take over. Try both settings of "
                   "'Resistant cells at the start' and compare."),
            Choice("Both fade at the same time", False,
                   "The starting share matters a lot. Try both settings and compare the day the "
                   "total starts to climb."),
        ),
        key_answer="the tumour with 1 in 100 resistant cells fades sooner",
        hint="A response fades once the resistant cells have grown to make up most of the "
             "tumour. Which resistant group has further to grow? Try both settings of "
             "'Resistant cells at the start' and watch when the total climbs again.",
    ),
)
