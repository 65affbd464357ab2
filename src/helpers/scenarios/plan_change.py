"""Lesson 07's teaching patient: three lesions, two drugs, and one stubborn spot.

The patient has three lesions (``models.lesions``). Each holds three kinds of cell
(``models.clones``), with a kill for each drug:

| kind            | drug A kills per dose          | drug B kills per dose          |
|-----------------|--------------------------------|--------------------------------|
| "sensitive"     | ``DRUG_A_FRACTION_KILLED``     | the lesson's drug B setting    |
| "resists A"     | none                           | the lesson's drug B setting    |
| "resists both"  | none                           | none                           |

Lesions A and B hold very few cells that resist drug A; lesion C, the *stubborn*
lesion, holds many (``LESIONS``). So on drug A alone lesions A and B shrink while
lesion C, after a dip, grows: the scan reads progression and the team reviews the plan.

Every number here is a **teaching value**: plausible for a person (lesions of 15 to
25 mm, cells doubling every month, a dose every 3 weeks, scans every 6 weeks), chosen
so each choice's pattern is easy to see. None describes a real cancer, drug or person.
Growth is exponential: the lesions stay far below any crowding here (at most about
4e11 cells in one lesion if nothing changes). For education, not medical advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks import check_choice, check_fields, check_int, check_number
from ..clinic.scans import CT_SMALLEST_VISIBLE_MM, ScanPlan
from ..models.clones import Clone
from ..models.growth import doubling_time_days_to_rate_per_day
from ..models.lesions import Lesion
from ..models.size import diameter_mm_to_cells
from ..models.treatment import DEFAULT_DRUG, Schedule
from .teaching_values import CYCLE_LENGTH_DAYS
from .treatment import log_kill_for_fraction

__all__ = [
    "DRUG_A",
    "DRUG_B",
    "KINDS",
    "PLANS",
    "CYCLES",
    "CYCLE_LENGTH_DAYS",
    "HORIZON_DAYS",
    "DOUBLING_TIME_DAYS",
    "DRUG_A_FRACTION_KILLED",
    "RADIATION_LOG_KILL",
    "SCAN_PLAN",
    "STUBBORN_LESION",
    "LesionSetUp",
    "LESIONS",
    "plan_change_lesions",
    "drugs_per_cycle",
]

DRUG_A = DEFAULT_DRUG
DRUG_B = "B"
#: The three kinds of cell, by clone name: killed by both drugs, by drug B only, by neither.
KINDS: tuple[str, ...] = ("sensitive", "resists A", "resists both")
#: The drug plans: drug A all along; drug A, then drug B from the review on; both together.
PLANS: tuple[str, ...] = ("stay", "switch", "both")

#: Cycles shown (12 x 21 days = 252 days, about 8 months), one dose on each cycle's first day.
CYCLES = 12
HORIZON_DAYS = CYCLES * CYCLE_LENGTH_DAYS
#: Every kind of cell doubles in about a month while small (no fitness cost).
DOUBLING_TIME_DAYS = 30
#: Drug A kills 9 in 10 of the cells that do not resist it at each dose (1 log).
DRUG_A_FRACTION_KILLED = 0.9
#: A course of radiation to one lesion leaves about 1 cell in 100,000 of it (5 logs),
#: whatever the drugs do to those cells. A teaching value: courses differ widely, and a
#: full course can kill far more; see docs/model.md.
RADIATION_LOG_KILL = 5.0
#: Restaging: a baseline scan on day 0, then every 6 weeks (every 2 cycles), read on the
#: morning of a dose day, before the dose. No reading noise here (lesson 04 has it): the
#: readings are the true sizes, and a lesion under 5 mm is not seen.
SCAN_PLAN = ScanPlan(interval_weeks=6, detection_limit_mm=CT_SMALLEST_VISIBLE_MM[0],
                     log_sd=0.0)
#: The lesion that holds many cells resisting drug A: the one local treatment aims at.
STUBBORN_LESION = "C"


@dataclass(frozen=True)
class LesionSetUp:
    """One lesion at baseline: name, site, size (mm) and share of cells resisting drug A."""

    name: str
    site: str
    diameter_mm: float
    resists_a_share: float

    def __post_init__(self) -> None:
        check_fields(self, [("diameter_mm", 0.1, 300.0), ("resists_a_share", 0.0, 1.0)])


LESIONS: tuple[LesionSetUp, ...] = (
    LesionSetUp("A", "liver", 25.0, 1e-6),
    LesionSetUp("B", "lung", 15.0, 1e-5),
    LesionSetUp(STUBBORN_LESION, "lung", 20.0, 0.3),
)


def plan_change_lesions(fraction_killed_by_b: float,
                        resists_both_share: float) -> tuple[Lesion, ...]:
    """The three lesions, with drug B killing ``fraction_killed_by_b`` (0 to 0.999) of the
    cells it works on and ``resists_both_share`` (0 to 0.01) of each lesion's cells
    resisting both drugs."""
    kill_b = log_kill_for_fraction(check_number("fraction_killed_by_b", fraction_killed_by_b,
                                                minimum=0.0, maximum=0.999))
    both = check_number("resists_both_share", resists_both_share, minimum=0.0, maximum=0.01)
    rate = doubling_time_days_to_rate_per_day(DOUBLING_TIME_DAYS)
    kill_a = log_kill_for_fraction(DRUG_A_FRACTION_KILLED)
    lesions = []
    for set_up in LESIONS:
        cells = float(diameter_mm_to_cells(set_up.diameter_mm))
        resists_a = set_up.resists_a_share
        clones = (
            Clone(KINDS[0], cells * (1.0 - resists_a - both), rate, kill_a,
                  log_kill_by_drug={DRUG_B: kill_b}),
            Clone(KINDS[1], cells * resists_a, rate, 0.0, resistant=True,
                  log_kill_by_drug={DRUG_B: kill_b}),
            Clone(KINDS[2], cells * both, rate, 0.0, resistant=True),
        )
        lesions.append(Lesion(set_up.name, clones, site=set_up.site))
    return tuple(lesions)


def drugs_per_cycle(plan: str, change_cycle: int | None = None) -> Schedule:
    """The schedule of ``plan``: "stay" (drug A), "both" (A and B at every dose), or
    "switch" (drug A, then drug B from cycle ``change_cycle`` on, counted from 0; None:
    no switch)."""
    check_choice("plan", plan, PLANS)
    if change_cycle is not None:
        check_int("change_cycle", change_cycle, minimum=0, maximum=CYCLES - 1)
    if plan == "both":
        drugs: tuple[tuple[str, ...], ...] = ((DRUG_A, DRUG_B),) * CYCLES
    elif plan == "switch" and change_cycle is not None:
        drugs = ((DRUG_A,),) * change_cycle + ((DRUG_B,),) * (CYCLES - change_cycle)
    else:
        drugs = ((DRUG_A,),) * CYCLES
    return Schedule(CYCLE_LENGTH_DAYS, CYCLES, drugs=drugs)
