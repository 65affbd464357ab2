"""Lesson 03, scans are snapshots: seeds shed before treatment appear later.

A patient has a liver tumour (lesion A) and two deposits that began as a few
shed cells: lesion B in a lung (seeded 200 days before the first dose) and
lesion C in a bone (seeded on ``lesion_c_seeding_day``). Scans are taken on
day 0 (baseline) and every ``scan_interval_weeks`` weeks, and show only
lesions at least ``detection_limit_mm`` across. The state says, for each
lesion, when it was seeded, how big it was at baseline, and when a scan first
showed it.

Units: days (day 0 = the first dose), millimetres, cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..checks import Record, check_instance
from ..clinic.scans import ScanPlan, ScanReading, first_scan_showing, take_scans
from ..models.growth import doublings_to_reach, rate_per_day_to_doubling_time_days
from ..models.lesions import Lesion, Patient, PatientCourse, make_lesion, simulate_patient
from ..models.size import diameter_mm_to_cells
from ..scenarios.imaging import HIDDEN_SEEDS
from .presets import Preset, check_whole

__all__ = ["DETECTION_LIMIT_RANGE_MM", "SCAN_INTERVAL_RANGE_WEEKS",
           "LESION_C_SEEDING_DAY_RANGE", "LESION_C_SEEDING_DAY_STEP", "HORIZON_DAYS",
           "SEED_CELLS", "SEEDED_SMALL_BELOW_CELLS", "SCAN_NOISE_SEED", "DAYS_SHOWN",
           "LESION_LABELS", "Verdict", "ScansValues", "LesionFacts", "ScansState",
           "scans_patient", "compute", "PRESETS"]

#: Smallest lesion a scan shows, as the control offers it (whole mm, inclusive).
DETECTION_LIMIT_RANGE_MM: tuple[int, int] = (1, 20)
#: Weeks between scans, as the control offers it (whole weeks, inclusive).
SCAN_INTERVAL_RANGE_WEEKS: tuple[int, int] = (3, 12)
#: Lesion C's seeding day, as the control offers it (days; minus = before the first dose).
LESION_C_SEEDING_DAY_RANGE: tuple[int, int] = (-300, 120)
#: The seeding-day control moves in steps of this many days.
LESION_C_SEEDING_DAY_STEP = 10

#: Days followed: six 21-day cycles (18 weeks), then 18 weeks of follow-up (36 weeks).
HORIZON_DAYS = 252
#: A deposit starts as a few shed cells.
SEED_CELLS = 10.0
#: A lesion that started below this many cells (about 1.2 mm) began as shed cells, so its
#: seeding day is a moment worth marking; lesion A started already at a visible size.
SEEDED_SMALL_BELOW_CELLS = 1e6
#: Seed of the scan reading noise: the same controls always give the same readings.
SCAN_NOISE_SEED = 7
#: Days the timeline shows (fixed, so moves keep the axes): 400 days before to day 260.
DAYS_SHOWN: tuple[float, float] = (-400.0, 260.0)

# Lesion C: like lesion B (resistant cells, logistic growth, room for 3e10 cells) but a
# little slower, doubling every 15 days rather than 12.
_LESION_C_DOUBLING_TIME_DAYS = 15.0
_LESION_C_CAPACITY_CELLS = 3e10

Verdict = Literal["seeded_before_treatment", "seeded_after_first_dose", "no_new_lesion"]
"""The answer to "Did the chemo make it spread?":

- ``seeded_before_treatment``: a lesion showed up after baseline, and every one that did
  was seeded before the first dose;
- ``seeded_after_first_dose``: a lesion seeded after the first dose showed up (a 'what if');
- ``no_new_lesion``: no deposit that began as shed cells showed up after baseline.
"""


@dataclass(frozen=True)
class ScansValues:
    """The controls.

    Attributes:
        detection_limit_mm: smallest lesion a scan shows (mm, 1 to 20).
        scan_interval_weeks: weeks between scans after the baseline (3 to 12).
        lesion_c_seeding_day: day lesion C starts from a few cells (-300 to 120, steps
            of 10; minus = before the first dose).
    """

    detection_limit_mm: int = 5
    scan_interval_weeks: int = 9
    lesion_c_seeding_day: int = -120

    def __post_init__(self) -> None:
        object.__setattr__(self, "detection_limit_mm", check_whole(
            "detection_limit_mm", self.detection_limit_mm, DETECTION_LIMIT_RANGE_MM))
        object.__setattr__(self, "scan_interval_weeks", check_whole(
            "scan_interval_weeks", self.scan_interval_weeks, SCAN_INTERVAL_RANGE_WEEKS))
        object.__setattr__(self, "lesion_c_seeding_day", check_whole(
            "lesion_c_seeding_day", self.lesion_c_seeding_day, LESION_C_SEEDING_DAY_RANGE,
            LESION_C_SEEDING_DAY_STEP))


def scans_patient(lesion_c_seeding_day: int) -> Patient:
    """Lesions A and B of the 'New lesions (hidden seeds)' scenario, plus lesion C.

    Lesion C (bone): ``SEED_CELLS`` cells seeded on ``lesion_c_seeding_day``, resistant
    cells doubling every 15 days, at most 3e10 cells (logistic).
    """
    lesion_c_seeding_day = check_whole("lesion_c_seeding_day", lesion_c_seeding_day,
                                       LESION_C_SEEDING_DAY_RANGE)
    a, b = HIDDEN_SEEDS.patient.lesions
    c = make_lesion("C", site="bone", seeding_day=lesion_c_seeding_day, start_cells=SEED_CELLS,
                    doubling_time_days=_LESION_C_DOUBLING_TIME_DAYS, resistant_fraction=1.0,
                    resistant_log_kill_per_dose=0.0, law="logistic",
                    carrying_capacity_cells=_LESION_C_CAPACITY_CELLS)
    return Patient((a, b, c), HIDDEN_SEEDS.patient.schedule)


#: One legend label per lesion ("Lesion A (liver)"), in row order.
LESION_LABELS: tuple[str, ...] = tuple(
    lesion.label for lesion in scans_patient(ScansValues().lesion_c_seeding_day).lesions)


@lru_cache(maxsize=64)
def _course(lesion_c_seeding_day: int) -> tuple[Patient, PatientCourse]:
    # Only lesion C's seeding day changes the biology; limit and interval moves
    # reuse the course (the logistic lesions take most of a move's time).
    patient = scans_patient(lesion_c_seeding_day)
    return patient, simulate_patient(patient, HORIZON_DAYS)


@dataclass(frozen=True)
class LesionFacts(Record):
    """One lesion, as the caption and the timeline tell it.

    Attributes:
        name: the lesion's short name ("B").
        label: its label ("Lesion B (lung)").
        seeding_day: day it started (minus = before the first dose).
        seeded_small: it began as shed cells (below ``SEEDED_SMALL_BELOW_CELLS``), not at a
            visible size.
        start_cells: cells on its seeding day.
        baseline_mm: true diameter on the baseline scan (mm; 0 if not yet seeded).
        first_seen_day: day of the first scan that showed it, or None.
        first_seen_mm: what that scan measured (mm), or None.
        seen_at_baseline: the baseline scan already showed it.
        last_scan_true_mm: true diameter on the last scan (mm).
        end_true_mm: true diameter on the last day followed, where the chart's lines end
            (mm).
        cells_at_limit: cells in a sphere as wide as the detection limit.
        doublings_to_limit: doublings from ``start_cells`` to ``cells_at_limit``, or None
            if it started at least that big.
        days_to_limit: the least time those doublings take, at its fastest clone's pace
            without crowding or treatment (days), or None as above.
    """

    name: str
    label: str
    seeding_day: int
    seeded_small: bool
    start_cells: float
    baseline_mm: float
    first_seen_day: int | None
    first_seen_mm: float | None
    seen_at_baseline: bool
    last_scan_true_mm: float
    end_true_mm: float
    cells_at_limit: float
    doublings_to_limit: float | None
    days_to_limit: float | None


@dataclass(frozen=True, eq=False)
class ScansState(Record):
    """The true course, the scans, and what they show of each lesion.

    Attributes:
        values: the control values this state was computed from.
        patient: the lesions and the schedule.
        course: the true course (days; diameters in mm, one row per lesion).
        scans: every scan's readings, baseline first.
        lesions: per-lesion facts, in row order.
        scan_days: the day of every scan (days), baseline first.
        seen_days, seen_mm: day (days) and measured size (mm) of every reading that saw a
            lesion, in scan order.
        detection_limit_mm: smallest lesion a scan shows (mm).
        end_day: the last day followed (days): where the chart's lines end.
        days_shown: first and last day of the timeline's axis (days); a little room is
            left after ``end_day``, so the marks on the last scan show whole.
        verdict: the answer to "Did the chemo make it spread?" (see ``Verdict``).
    """

    values: ScansValues
    patient: Patient
    course: PatientCourse
    scans: tuple[ScanReading, ...]
    lesions: tuple[LesionFacts, ...]
    scan_days: tuple[int, ...]
    seen_days: tuple[int, ...]
    seen_mm: tuple[float, ...]
    detection_limit_mm: float
    end_day: float
    days_shown: tuple[float, float]
    verdict: Verdict

    @property
    def baseline_day(self) -> int:
        return self.scan_days[0]

    @property
    def last_scan_day(self) -> int:
        return self.scan_days[-1]

    @property
    def seeded_small_lesions(self) -> tuple[LesionFacts, ...]:
        """The lesions that began as shed cells (the caption tells these)."""
        return tuple(lesion for lesion in self.lesions if lesion.seeded_small)


def _lesion_facts(lesion: Lesion, scans: tuple[ScanReading, ...], limit_mm: float,
                  cells_per_cm3: float, course: PatientCourse) -> LesionFacts:
    first = first_scan_showing(scans, lesion.name)
    start = lesion.start_cells
    cells_at_limit = float(diameter_mm_to_cells(limit_mm, cells_per_cm3))
    doublings: float | None = None
    days: float | None = None
    if start <= cells_at_limit:
        doublings = doublings_to_reach(cells_at_limit, from_cells=start)
        # The fastest clone sets the least time; crowding and doses only slow it further.
        rate = max(clone.effective_growth_rate_per_day for clone in lesion.clones)
        days = doublings * rate_per_day_to_doubling_time_days(rate)
    return LesionFacts(
        name=lesion.name, label=lesion.label, seeding_day=lesion.seeding_day,
        seeded_small=start < SEEDED_SMALL_BELOW_CELLS, start_cells=start,
        baseline_mm=scans[0].reading(lesion.name).true_mm,
        first_seen_day=first.day if first is not None else None,
        first_seen_mm=first.reading(lesion.name).measured_mm if first is not None else None,
        seen_at_baseline=first is not None and first.day == scans[0].day,
        last_scan_true_mm=scans[-1].reading(lesion.name).true_mm,
        end_true_mm=float(course.diameter_mm[course.row(lesion.name), -1]),
        cells_at_limit=cells_at_limit, doublings_to_limit=doublings, days_to_limit=days,
    )


def _verdict(lesions: tuple[LesionFacts, ...], baseline_day: int) -> Verdict:
    appeared = [lesion for lesion in lesions if lesion.seeded_small
                and lesion.first_seen_day is not None and lesion.first_seen_day != baseline_day]
    if any(lesion.seeding_day > 0 for lesion in appeared):
        return "seeded_after_first_dose"
    return "seeded_before_treatment" if appeared else "no_new_lesion"


def compute(values: ScansValues) -> ScansState:
    """The course (cached by lesion C's seeding day), the scans and each lesion's facts."""
    check_instance("values", values, ScansValues)
    patient, course = _course(values.lesion_c_seeding_day)
    plan = ScanPlan(interval_weeks=values.scan_interval_weeks,
                    detection_limit_mm=float(values.detection_limit_mm), seed=SCAN_NOISE_SEED)
    scans = take_scans(course, plan)
    lesions = tuple(_lesion_facts(lesion, scans, plan.detection_limit_mm, patient.cells_per_cm3,
                                  course)
                    for lesion in patient.lesions)
    seen = [(scan.day, reading.measured_mm) for scan in scans for reading in scan.visible]
    return ScansState(
        values=values, patient=patient, course=course, scans=scans, lesions=lesions,
        scan_days=tuple(scan.day for scan in scans),
        seen_days=tuple(day for day, _ in seen), seen_mm=tuple(mm for _, mm in seen),
        detection_limit_mm=plan.detection_limit_mm, end_day=float(course.horizon_days),
        days_shown=DAYS_SHOWN, verdict=_verdict(lesions, scans[0].day),
    )


PRESETS: dict[str, Preset[ScansValues]] = {
    "New lesions (hidden seeds)": Preset(
        ScansValues(detection_limit_mm=5, scan_interval_weeks=9, lesion_c_seeding_day=-120),
        HIDDEN_SEEDS.story),
    "A much sharper scanner (1 mm)": Preset(
        ScansValues(detection_limit_mm=1, scan_interval_weeks=9, lesion_c_seeding_day=-120),
        "If a scan could show deposits as small as 1 mm, the baseline scan would already "
        "show lesion B. It would never have been called new: it was there before the "
        "first dose."),
    "Scans every 3 weeks": Preset(
        ScansValues(detection_limit_mm=5, scan_interval_weeks=3, lesion_c_seeding_day=-120),
        "More frequent scans see lesion B a little sooner, but it still first shows up "
        "during treatment: how often we look does not change when it started."),
    "What if cells were shed after the first dose?": Preset(
        ScansValues(detection_limit_mm=5, scan_interval_weeks=9, lesion_c_seeding_day=60),
        "A 'what if': lesion C starts from a few cells two months into treatment. Growing "
        "to a size a scan can show takes it far longer than the time followed here, so no "
        "scan shows it. The lesion that does appear, B, was growing before the first "
        "dose."),
}
