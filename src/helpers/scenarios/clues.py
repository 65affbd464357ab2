"""Lesson 06's patient: the stories that can lie under the clues, and how hard a dose hits.

One person has a course of chemotherapy, one dose every 21 days. What is really
going on underneath is one of four **stories**:

- *Side effects only*: the cancer is held back (it shrinks slowly); the person feels
  rough in the days after each dose.
- *Growth*: the same side effects, but most of the cancer cells resist the drug, so
  the cancer grows through the course.
- *Infection*: side effects only, plus an infection that starts when the white cells
  are at their lowest in cycle 3 (``INFECTION_CYCLE``).
- *Growth and an infection*: both at once.

The clues (``lessons.clues``) come from these through ``models.clues`` (diary,
temperature, white cells), ``models.clones`` (cancer cells), ``models.markers`` and
the scan noise of ``clinic.scans``.

The numbers are **illustrative**: a tumour of about 10 billion cells (27 mm
across), doubling times of about 5 weeks, and side-effect sizes chosen so each
pattern is easy to see. They describe no particular cancer, drug or person.
``tests/test_clues.py`` checks the claim of each story (``what_it_shows``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks import check_fields, check_instance
from ..models.clones import Clone
from ..models.clues import Infection, SideEffects
from .teaching_values import CYCLE_LENGTH_DAYS
from .treatment import two_clone_tumour

__all__ = ["ClueStory", "STORIES", "DOSE_HITS", "INFECTION_CYCLE", "story_named"]

#: The cycle in which the infection starts (on the day its white cells are lowest).
INFECTION_CYCLE = 3

#: How hard each dose hits: the diary bump and the white-cell dip. The white cells
#: fall to about 2.0, 1.2 and 0.6 billion per litre (from 4.0).
DOSE_HITS: dict[str, SideEffects] = {
    "mild": SideEffects(symptom_points=2.0, nadir_depth=0.5),
    "moderate": SideEffects(symptom_points=3.0, nadir_depth=0.7),
    "severe": SideEffects(symptom_points=6.0, nadir_depth=0.85),
}

_HELD_BACK = two_clone_tumour(resistant_share=1e-4, fraction_killed=0.5,
                              sensitive_doubling_time_days=40.0,
                              resistant_doubling_time_days=40.0)
_GROWING = two_clone_tumour(resistant_share=0.6, fraction_killed=0.5,
                            sensitive_doubling_time_days=35.0,
                            resistant_doubling_time_days=35.0)


@dataclass(frozen=True)
class ClueStory:
    """What is really going on under the clues.

    Attributes:
        clones: the cancer's cells (sensitive and resistant groups).
        infection: whether an infection starts in cycle ``INFECTION_CYCLE``.
        what_it_shows: the pattern the clues show, checked by the tests.
    """

    clones: tuple[Clone, ...]
    infection: bool
    what_it_shows: str

    def __post_init__(self) -> None:
        check_fields(self, flags=["infection"], items=[("clones", Clone)])

    def infection_for(self, effects: SideEffects) -> Infection | None:
        """The infection, starting on the white cells' low point in cycle 3, or None."""
        check_instance("effects", effects, SideEffects)
        if not self.infection:
            return None
        onset = (INFECTION_CYCLE - 1) * CYCLE_LENGTH_DAYS + round(effects.nadir_day)
        return Infection(onset_day=onset)


STORIES: dict[str, ClueStory] = {
    "Side effects only": ClueStory(
        _HELD_BACK, False,
        "The diary rises after each dose and settles before the next; no climb from cycle "
        "to cycle, no fever; the marker falls and the scans read smaller."),
    "Growth": ClueStory(
        _GROWING, False,
        "The same bumps after each dose, on a floor that climbs cycle after cycle; the "
        "marker rises and the scans read larger; no fever."),
    "Infection": ClueStory(
        _HELD_BACK, True,
        "Side effects only, plus a fever and a sudden rise in the diary at the white cells' "
        "low point in cycle 3; the marker falls and the scans read smaller."),
    "Growth and an infection": ClueStory(
        _GROWING, True,
        "A climbing floor, a rising marker and larger scans, and a fever at the white "
        "cells' low point in cycle 3."),
}


def story_named(name: str) -> ClueStory:
    """The story called ``name``; a ValueError lists the known ones."""
    if name not in STORIES:
        raise ValueError(f"story must be one of {list(STORIES)}; got {name!r}")
    return STORIES[name]
