"""Lesson 06, write down the pattern: one symptom diary entry, and how soon to pass it on.

The source article: if a worry is less urgent, write down the pattern. When did the
symptom start? Is it tied to an infusion day? Is it getting worse each week? That
detail helps the team sort side effects from changes in the disease.

``DiaryEntry`` is what the learner fills in (checked, frozen); ``compute`` reads it the
way the lesson teaches: a warning sign (``CALL_NOW_SIGNS``) or shortness of breath means
calling the team now; a new lump, or a symptom getting worse each week, means telling
the team soon; otherwise the diary goes to the next visit. The note a nurse would pass
on is written by ``words.diary``. Nothing is stored: the entry lives in the page only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..checks import Record, check_instance
from ..scenarios.worries import CALL_NOW_SIGNS
from .presets import check_offered, check_whole

__all__ = ["SYMPTOMS", "LINKS", "TRENDS", "CALL_NOW_SIGNS", "SEVERITY_RANGE", "CYCLE_RANGE",
           "START_DAY_RANGE", "FOLLOWS_INFUSIONS", "NOT_LINKED", "WORSE", "DiaryEntry",
           "DiaryState", "compute"]

#: The symptoms the diary offers, in the menu's order.
SYMPTOMS: tuple[str, ...] = ("tiredness", "nausea or poor appetite", "pain in one area",
                             "a new lump", "shortness of breath", "something else")
FOLLOWS_INFUSIONS = "comes in the days after each infusion, then eases"
NOT_LINKED = "does not follow the infusion days"
#: Is it tied to an infusion day?
LINKS: tuple[str, ...] = (FOLLOWS_INFUSIONS, NOT_LINKED, "not sure yet")
WORSE = "getting worse each week"
#: Is it getting worse each week?
TRENDS: tuple[str, ...] = ("getting better each week", "about the same each week", WORSE)
#: How bad at its worst: 0 (none) to 10 (the worst imaginable).
SEVERITY_RANGE: tuple[int, int] = (0, 10)
#: The cycle in which the symptom started.
CYCLE_RANGE: tuple[int, int] = (1, 8)
#: The day it started, counted from that cycle's infusion (day 0); cycles last 14 to 28 days.
START_DAY_RANGE: tuple[int, int] = (0, 27)

Urgency = Literal["call now", "soon", "next visit"]


@dataclass(frozen=True)
class DiaryEntry:
    """What the learner writes down.

    Attributes:
        symptom: one of ``SYMPTOMS``.
        severity: how bad at its worst, 0 to 10.
        cycle: the cycle it started in (1 to 8).
        start_day: the day it started, counted from that cycle's infusion (0 to 27).
        link: is it tied to infusion days? One of ``LINKS``.
        trend: week to week, one of ``TRENDS``.
        signs: any of the ``CALL_NOW_SIGNS`` that came with it, in that list's order.
    """

    symptom: str = "tiredness"
    severity: int = 3
    cycle: int = 1
    start_day: int = 2
    link: str = "not sure yet"
    trend: str = "about the same each week"
    signs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_offered("symptom", self.symptom, SYMPTOMS)
        object.__setattr__(self, "severity",
                           check_whole("severity", self.severity, SEVERITY_RANGE))
        object.__setattr__(self, "cycle", check_whole("cycle", self.cycle, CYCLE_RANGE))
        object.__setattr__(self, "start_day",
                           check_whole("start_day", self.start_day, START_DAY_RANGE))
        check_offered("link", self.link, LINKS)
        check_offered("trend", self.trend, TRENDS)
        if not isinstance(self.signs, tuple) or any(s not in CALL_NOW_SIGNS for s in self.signs):
            raise ValueError(f"signs must be a tuple of signs from {list(CALL_NOW_SIGNS)}; "
                             f"got {self.signs!r}")
        # One order for the note, whatever order the boxes were ticked in.
        object.__setattr__(self, "signs",
                           tuple(s for s in CALL_NOW_SIGNS if s in self.signs))


@dataclass(frozen=True)
class DiaryState(Record):
    """The entry, how soon to pass it on, and why.

    Attributes:
        entry: what was written down.
        urgency: "call now", "soon" or "next visit".
        reasons: why, as keys the words say: "signs", "breath", "lump", "worse",
            "not linked" (only with "worse"). Empty for "next visit".
    """

    entry: DiaryEntry
    urgency: Urgency
    reasons: tuple[str, ...]


def compute(entry: DiaryEntry) -> DiaryState:
    """How soon the team should hear of this entry, and why."""
    check_instance("entry", entry, DiaryEntry)
    now = [reason for reason, found in (("signs", bool(entry.signs)),
                                        ("breath", entry.symptom == "shortness of breath"))
           if found]
    if now:
        return DiaryState(entry, "call now", tuple(now))
    soon = []
    if entry.symptom == "a new lump":
        soon.append("lump")
    if entry.trend == WORSE:
        soon.append("worse")
        if entry.link == NOT_LINKED:
            soon.append("not linked")
    return DiaryState(entry, "soon" if soon else "next visit", tuple(soon))
