"""Lesson 07, when the plan changes: what the team can do after scans show growth.

The teaching patient (``scenarios.plan_change``) has three lesions. On drug A alone,
lesions A and B shrink while lesion C, full of cells that resist drug A, grows; a
restaging scan reads progression (``clinic.response``, the same rule as lessons 02
and 04). On that scan's day the team changes the plan, if the learner's choices say
so: a switch to drug B (which kills the cells that resist drug A), and/or radiation
or surgery to lesion C. "Both drugs from the start" gives drugs A and B at every dose
from day 0.

After a change the team reads later scans against a new baseline: the scan on the
day of the change (a new plan, a new starting point).

Units: days (day 0 = the first dose), millimetres, cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..checks import Record, check_instance
from ..clinic.response import categorize_sums
from ..clinic.scans import ScanReading, take_scans
from ..models.lesions import Lesion, LocalTreatment, Patient, PatientCourse, simulate_patient
from ..scenarios.plan_change import (
    DRUG_A,
    DRUG_B,
    HORIZON_DAYS,
    KINDS,
    PLANS,
    RADIATION_LOG_KILL,
    SCAN_PLAN,
    STUBBORN_LESION,
    drugs_per_cycle,
    plan_change_lesions,
)
from .presets import Preset, check_choice, read_only

__all__ = [
    "PLAN_CHOICES",
    "LOCAL_TREATMENT_CHOICES",
    "DRUG_B_KILL_CHOICES",
    "RESISTS_BOTH_CHOICES",
    "KINDS",
    "HORIZON_DAYS",
    "STUBBORN_LESION",
    "DETECTION_LIMIT_MM",
    "SCAN_INTERVAL_DAYS",
    "LESION_LABELS",
    "PlanChangeValues",
    "PlanChangeState",
    "compute",
    "PRESETS",
]

#: The drug plans the control offers: drug A all along; a switch to drug B when a scan
#: reads progression; drugs A and B together from the first dose.
PLAN_CHOICES: tuple[str, ...] = PLANS
#: What lesion C gets when a scan reads progression.
LOCAL_TREATMENT_CHOICES: tuple[str, ...] = ("none", "radiation", "surgery")
#: Share of the cells it works on (all but those resisting both) drug B kills per dose.
DRUG_B_KILL_CHOICES: tuple[float, ...] = (0.0, 0.5, 0.9, 0.99)
#: Share of each lesion's cells that resist both drugs on day 0 (0: none).
RESISTS_BOTH_CHOICES: tuple[float, ...] = (0.0, 1e-7, 1e-5, 1e-3)
#: The smallest lesion the scans show (mm).
DETECTION_LIMIT_MM = SCAN_PLAN.detection_limit_mm
#: Days from one scan to the next.
SCAN_INTERVAL_DAYS = 7 * SCAN_PLAN.interval_weeks

#: One legend label per lesion, in row order ("Lesion A (liver)").
LESION_LABELS: tuple[str, ...] = tuple(
    lesion.label for lesion in plan_change_lesions(0.9, 0.0))


@dataclass(frozen=True)
class PlanChangeValues:
    """The controls.

    Attributes:
        plan: "stay" (drug A all along), "switch" (to drug B on the day a scan reads
            progression) or "both" (drugs A and B at every dose from day 0).
        local_treatment: what lesion C gets on the day a scan reads progression:
            "none", "radiation" or "surgery".
        fraction_killed_by_b: share of the cells drug B works on that one dose kills.
        resists_both_share: share of each lesion's cells that resist both drugs on day 0.
    """

    plan: str = "stay"
    local_treatment: str = "none"
    fraction_killed_by_b: float = 0.9
    resists_both_share: float = 1e-5

    def __post_init__(self) -> None:
        checked = {
            "plan": check_choice("plan", self.plan, PLAN_CHOICES),
            "local_treatment": check_choice("local_treatment", self.local_treatment,
                                            LOCAL_TREATMENT_CHOICES),
            "fraction_killed_by_b": check_choice("fraction_killed_by_b",
                                                 self.fraction_killed_by_b,
                                                 DRUG_B_KILL_CHOICES),
            "resists_both_share": check_choice("resists_both_share", self.resists_both_share,
                                               RESISTS_BOTH_CHOICES),
        }
        for name, value in checked.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True, eq=False)
class PlanChangeState(Record):
    """One run of the teaching patient under the chosen plan, and what the scans read.

    Attributes:
        values: the control values this state was computed from.
        horizon_days: the last day shown (the end of the last cycle).
        days: the time axis (days); dose and local-treatment days appear twice.
        lesion_names, lesion_labels: "A", "B", "C" and "Lesion A (liver)", ...
        diameter_mm: each lesion's true size (mm; live cells and dead cells not yet
            cleared), one row per lesion.
        cells_by_kind: live cells of each kind (``KINDS``), all lesions together.
        dose_days_by_drug: the days each drug was given ("A", "B").
        local_day: the day lesion C got radiation or surgery, or None.
        scan_days: the restaging scan days (day 0 is the baseline).
        scan_mm: each scan's reading of each lesion (mm; 0 if too small to see).
        scan_sums_mm: the sum of the target lesions on each scan.
        scan_categories: each scan's category ("BL", "PR", "SD", "PD", "CR"). Up to the
            day of a change, against the day-0 baseline; after it, against the scan of
            the change day (a new baseline).
        progression_day: the first scan that read progression on the plan as first given.
        change_day: the day the plan changed (the progression scan's day), or None.
        later_progression_day: after a change, the first scan that read progression
            against the new baseline, or None.
        unchanged_days, unchanged_stubborn_mm: lesion C's size had the plan not changed
            (None when it did not change).
    """

    values: PlanChangeValues
    horizon_days: int
    days: np.ndarray
    lesion_names: tuple[str, ...]
    lesion_labels: tuple[str, ...]
    diameter_mm: np.ndarray
    cells_by_kind: Mapping[str, np.ndarray]
    dose_days_by_drug: Mapping[str, tuple[int, ...]]
    local_day: int | None
    scan_days: tuple[int, ...]
    scan_mm: tuple[tuple[float, ...], ...]
    scan_sums_mm: tuple[float, ...]
    scan_categories: tuple[str, ...]
    progression_day: int | None
    change_day: int | None
    later_progression_day: int | None
    unchanged_days: np.ndarray | None
    unchanged_stubborn_mm: np.ndarray | None

    @property
    def switched(self) -> bool:
        """True when drug B replaced drug A during the course."""
        return self.change_day is not None and self.values.plan == "switch"

    @property
    def local_kind(self) -> str | None:
        """"radiation" or "surgery" if lesion C got one, else None."""
        return None if self.local_day is None else self.values.local_treatment

    def scan_index(self, day: int) -> int:
        """Position of the scan on ``day`` (ValueError if there is none)."""
        # True == 1 and False == 0: a flag is not a day.
        if isinstance(day, bool) or day not in self.scan_days:
            raise ValueError(f"day must be one of the scan days {list(self.scan_days)}; "
                             f"got {day!r}")
        return self.scan_days.index(day)

    def smallest_sum_before(self, day: int) -> float:
        """The smallest sum (mm) on the scans before ``day``, back to the baseline in force."""
        index = self.scan_index(day)
        start = 0
        if self.change_day is not None and day > self.change_day:
            start = self.scan_index(self.change_day)
        if index <= start:
            raise ValueError(f"day must be a scan day after the baseline in force (day "
                             f"{self.scan_days[start]}), one of {list(self.scan_days[start + 1:])}"
                             f"; got {day!r}")
        return min(self.scan_sums_mm[start:index])

    def diameters_at_end(self) -> np.ndarray:
        """Each lesion's true size (mm) on the last day shown."""
        return self.diameter_mm[:, -1].copy()

    def kind_cells(self, kind: str) -> np.ndarray:
        """Live cells of ``kind`` (all lesions) per sample."""
        check_choice("kind", kind, KINDS)
        return self.cells_by_kind[kind]


def _run(lesions: tuple[Lesion, ...], plan: str, change_cycle: int | None,
         local: tuple[LocalTreatment, ...]) -> tuple[PatientCourse, tuple[ScanReading, ...]]:
    patient = Patient(lesions, drugs_per_cycle(plan, change_cycle), local_treatments=local)
    course = simulate_patient(patient, HORIZON_DAYS)
    return course, take_scans(course, SCAN_PLAN)


def _sums_mm(scans: tuple[ScanReading, ...]) -> tuple[float, ...]:
    """Each scan's sum of the three lesions' readings (a lesion too small to see is 0 mm).

    All three lesions are seen on the day-0 baseline, so they are the targets throughout;
    one that shrinks out of sight and grows back counts as target growth.
    """
    return tuple(float(sum(scan.measured(r.name) or 0.0 for r in scan.lesions))
                 for scan in scans)


def _first_progression(days: tuple[int, ...], categories: tuple[str, ...]) -> int | None:
    return next((day for day, category in zip(days, categories, strict=True)
                 if category == "PD"), None)


def compute(values: PlanChangeValues) -> PlanChangeState:
    """Run the plan; if a scan reads progression, make the chosen change and run again."""
    check_instance("values", values, PlanChangeValues)
    lesions = plan_change_lesions(values.fraction_killed_by_b, values.resists_both_share)
    course, scans = _run(lesions, values.plan, None, ())
    scan_days = tuple(scan.day for scan in scans)
    categories = categorize_sums(_sums_mm(scans))
    progression_day = _first_progression(scan_days, categories)
    dose_days = course.schedule.dose_days
    wants_change = values.plan == "switch" or values.local_treatment != "none"
    change_day: int | None = None
    later_day: int | None = None
    unchanged: PatientCourse | None = None
    local_day: int | None = None
    if wants_change and progression_day is not None and progression_day in dose_days:
        # The scan is read on the morning of a dose day; the new plan starts that day.
        change_day = progression_day
        unchanged = course
        local: tuple[LocalTreatment, ...] = ()
        if values.local_treatment != "none":
            kill = RADIATION_LOG_KILL if values.local_treatment == "radiation" else None
            local = (LocalTreatment(STUBBORN_LESION, change_day, values.local_treatment, kill),)
            local_day = change_day
        course, scans = _run(lesions, values.plan, dose_days.index(change_day), local)
        first = scan_days.index(change_day)
        sums = _sums_mm(scans)
        # A new plan is judged from a new baseline: the scan of the change day.
        after = categorize_sums(sums[first:])[1:]
        categories = categorize_sums(sums[:first + 1]) + after
        later_day = _first_progression(scan_days[first + 1:], after)

    schedule = course.schedule
    by_drug = {drug: tuple(day for day, drugs in zip(schedule.dose_days, schedule.drugs,
                                                     strict=True) if drug in drugs)
               for drug in (DRUG_A, DRUG_B)}
    names = course.lesion_names
    stubborn = names.index(STUBBORN_LESION)
    return PlanChangeState(
        values=values,
        horizon_days=HORIZON_DAYS,
        days=course.days,
        lesion_names=names,
        lesion_labels=LESION_LABELS,
        diameter_mm=course.diameter_mm,
        cells_by_kind={kind: read_only(course.clone_cells[kind].sum(axis=0)) for kind in KINDS},
        dose_days_by_drug=by_drug,
        local_day=local_day,
        scan_days=scan_days,
        scan_mm=tuple(tuple(scan.measured(name) or 0.0 for name in names) for scan in scans),
        scan_sums_mm=_sums_mm(scans),
        scan_categories=categories,
        progression_day=progression_day,
        change_day=change_day,
        later_progression_day=later_day,
        unchanged_days=None if unchanged is None else unchanged.days,
        unchanged_stubborn_mm=None if unchanged is None else unchanged.diameter_mm[stubborn],
    )


# -- named examples: each story is checked against the model in tests -----------------

PRESETS: dict[str, Preset[PlanChangeValues]] = {
    "Stay on drug A": Preset(
        PlanChangeValues(),
        "Drug A is given every 3 weeks and nothing changes. Lesions A and B shrink, but "
        "lesion C, where many cells resist drug A, grows. The scan on day 126 shows "
        "growth (progression), yet drug A goes on, and lesion C keeps growing."),
    "Switch to drug B at progression": Preset(
        PlanChangeValues(plan="switch"),
        "The scan on day 126 shows growth. The team reviews the scans and the reports and "
        "switches to drug B, which kills the cells that resist drug A. Lesion C shrinks "
        "again: growth on one drug was not the end of the choices."),
    "Both drugs from the start": Preset(
        PlanChangeValues(plan="both"),
        "Drugs A and B are given together at every dose from day 0, so the cells that "
        "resist drug A are hit from the start, and no scan shows growth. In real life two "
        "drugs at once also add up side effects, so doses are often lower; this model "
        "gives both in full."),
    "Radiation to the stubborn lesion": Preset(
        PlanChangeValues(local_treatment="radiation"),
        "Drug A keeps lesions A and B small. When the scan on day 126 shows lesion C "
        "growing, lesion C gets a course of radiation while drug A goes on. Radiation "
        "kills cells whether or not they resist the drug, and lesion C shrinks over the "
        "next weeks."),
    "Drug B misses the resistant cells": Preset(
        PlanChangeValues(plan="switch", fraction_killed_by_b=0.0),
        "The team switches to drug B on day 126, but here drug B does not work on these "
        "cells at all, so lesion C keeps growing. A new drug helps only if it works on "
        "the cells that are growing."),
    "Some cells resist both drugs": Preset(
        PlanChangeValues(plan="switch", resists_both_share=1e-3),
        "Here 1 cell in 1,000 resists both drugs. After the switch on day 126 the lesions "
        "shrink at first, but those cells keep growing, and the scan on day 252 shows "
        "growth again. The team would then review the plan once more."),
}
