"""Lesson 06's practice data: the common worries, and the signs that need a call right away.

``WORRIES`` is the source article's "common worry" table, one row per worry, in the
article's order: the worry, what the article says in its two columns (may it be a
treatment side effect? may it point to cancer growth?), in plain words, and the sort
this lesson teaches (one of ``SORTS``). Why each sort is right is said in
``words.worry_sort``.

``CALL_NOW_SIGNS`` are the article's eight signs that need a call to the cancer team
right away, not a wait for the next routine visit.

Sources: the source article's table and its "When to call" list; National Cancer
Institute, *Chemotherapy to Treat Cancer*; American Cancer Society, *Chemotherapy*.
For education, not medical advice.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SORTS", "SIDE_EFFECT", "GROWTH", "DEPENDS", "Worry", "WORRIES", "CALL_NOW_SIGNS"]

SIDE_EFFECT = "often a treatment side effect"
GROWTH = "may point to growth"
DEPENDS = "depends"
#: The three piles a learner sorts the worries into, in the order offered.
SORTS: tuple[str, ...] = (SIDE_EFFECT, GROWTH, DEPENDS)

#: The eight signs that need a call to the cancer team right away.
CALL_NOW_SIGNS: tuple[str, ...] = (
    "chest pain",
    "new shortness of breath",
    "confusion",
    "uncontrolled vomiting",
    "fever",
    "heavy bleeding",
    "new weakness",
    "pain that suddenly spikes",
)


@dataclass(frozen=True)
class Worry:
    """One row of the common-worry table.

    Attributes:
        name: the worry, as a patient might say it.
        as_side_effect: the article's answer to "may it be a treatment side effect?".
        as_growth: the article's answer to "may it point to cancer growth?".
        sort: the pile this lesson sorts it into (one of ``SORTS``).
        also_fair: other piles that are a fair reading of the article, though not its
            clearest answer (the feedback says why the lesson prefers ``sort``).
        call_now: it is also (in its new or sudden form) one of ``CALL_NOW_SIGNS``.
    """

    name: str
    as_side_effect: str
    as_growth: str
    sort: str
    also_fair: tuple[str, ...] = ()
    call_now: bool = False

    def __post_init__(self) -> None:
        for field in ("name", "as_side_effect", "as_growth"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{field} must be a non-empty string; got {value!r}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {list(SORTS)}; got {self.sort!r}")
        if not isinstance(self.also_fair, tuple) or any(
                pile not in SORTS or pile == self.sort for pile in self.also_fair):
            raise ValueError(f"also_fair must be a tuple of piles from {list(SORTS)} other "
                             f"than sort ({self.sort!r}); got {self.also_fair!r}")
        if not isinstance(self.call_now, bool):
            raise ValueError(f"call_now must be True or False; got {self.call_now!r}")


WORRIES: tuple[Worry, ...] = (
    Worry("Tiredness", "Yes, often",
          "Yes, if it is new, severe, and comes with other red flags", SIDE_EFFECT,
          also_fair=(DEPENDS,)),
    Worry("Nausea or poor appetite", "Yes, often",
          "Sometimes, depending on where the cancer is and what the scans show", SIDE_EFFECT,
          also_fair=(DEPENDS,)),
    Worry("A new lump", "No", "Yes: it needs a prompt review", GROWTH),
    Worry("Worsening pain in one area", "Sometimes",
          "Yes, if it keeps building or limits movement", DEPENDS, also_fair=(GROWTH,)),
    Worry("Fever", "Less often",
          "It could be an infection, which can be urgent during chemotherapy", DEPENDS,
          call_now=True),
    Worry("Shortness of breath", "Sometimes",
          "Yes, or a blood clot: both need a fast review", GROWTH, also_fair=(DEPENDS,),
          call_now=True),
)
