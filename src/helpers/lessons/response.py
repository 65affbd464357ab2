"""Lesson 04, reading the response: each lesion, the sum, the category and a blood marker.

A named patient (``scenarios.imaging``) is scanned every ``scan_interval_weeks``
weeks; each scan reads each lesion through noise (and, if chosen, treatment
swelling); the scans are sorted into categories by the teaching rule
(``clinic.response``); a blood marker is tested on scan and dose days.

The state holds what the figure draws (the readings, the sums, the rule's
levels in mm, steady axis tops) and what the caption tells (the findings:
a mixed response, a new lesion, a first scan that reads larger than the
truth, what the marker did, the true sizes at the chart's end), each as plain
numbers and names.

A lesion's true size is that of its live cells plus the dead cells not yet
cleared (``models.clearance``): what a perfect scan would measure. The marker
follows the live cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

import numpy as np

from ..checks import Record, check_instance
from ..clinic.response import (
    Assessment,
    partial_response_level_mm,
    progression_level_mm,
)
from ..clinic.scans import REPEAT_CT_LOG_CLIP, Swelling
from ..models.lesions import PatientCourse, simulate_patient
from ..scenarios.imaging import IMAGING_SCENARIOS, ImagingRun, ImagingScenario, observe
from .presets import Preset, check_offered, check_whole

__all__ = [
    "PATIENTS", "MOST_LESIONS", "SCAN_INTERVAL_WEEKS_RANGE", "SWELLING_PEAK_PERCENT_RANGE",
    "SWELLING_PEAK_PERCENT_STEP", "READING_RANGE", "MARKER_HALF_LIFE_DAYS_RANGE",
    "MARKER_SURGE_PERCENT_RANGE", "MARKER_SURGE_PERCENT_STEP", "SWELLING_PEAK_DAY",
    "SWELLING_FADE_DAYS", "LESION_CHANGE_NOTED", "SWELLING_NOTED", "MARKER_FALL_NOTED",
    "ResponseValues", "MixedResponse", "NewLesion", "FirstScanLarger", "MarkerCourse",
    "ChartEnd", "ResponseState", "compute", "PRESETS",
]

#: The patients the menu offers (the lesson's imaging scenarios, by name).
PATIENTS: tuple[str, ...] = tuple(IMAGING_SCENARIOS)
#: The most lesions any offered patient has (the figure keeps a line for each).
MOST_LESIONS: int = max(len(s.patient.lesions) for s in IMAGING_SCENARIOS.values())
#: Weeks between scans the slider offers (whole weeks); restaging every 6 to 9 weeks is common.
SCAN_INTERVAL_WEEKS_RANGE: tuple[int, int] = (3, 12)
#: Extra size at the swelling's peak, percent of the true diameter, and the slider's step.
SWELLING_PEAK_PERCENT_RANGE: tuple[int, int] = (0, 100)
SWELLING_PEAK_PERCENT_STEP = 10
#: The re-read offset: added to the scenario's noise seed, so each position is one reading.
READING_RANGE: tuple[int, int] = (0, 20)
#: The marker's half-life in the blood (days).
MARKER_HALF_LIFE_DAYS_RANGE: tuple[int, int] = (2, 40)
#: Extra marker released after the first dose (percent of the level just before it).
MARKER_SURGE_PERCENT_RANGE: tuple[int, int] = (0, 200)
MARKER_SURGE_PERCENT_STEP = 25

#: Days from the first dose to the swelling's peak, and from the peak until it is gone.
SWELLING_PEAK_DAY = 35
SWELLING_FADE_DAYS = 35
#: A lesion "reads smaller" or "reads larger" than at baseline when it changed by more
#: than this fraction: a clear change, beyond most of the reading noise.
LESION_CHANGE_NOTED = 0.10
#: Swelling above this fraction on a scan day counts as the reason a scan read larger;
#: below it, the reading noise is the likelier reason.
SWELLING_NOTED = 0.05
#: A marker that fell by at least this fraction by the first follow-up scan, while that
#: scan did not yet read partial response, counts as "the marker fell first".
MARKER_FALL_NOTED = 0.40


@dataclass(frozen=True)
class ResponseValues:
    """The controls: the patient, scan spacing (weeks), swelling (%), the re-read offset,
    the marker's half-life (days) and its surge after the first dose (%)."""

    patient: str = "Mixed response"
    scan_interval_weeks: int = 9
    swelling_peak_percent: int = 0
    reading: int = 0
    marker_half_life_days: int = 10
    marker_surge_percent: int = 0

    def __post_init__(self) -> None:
        check_offered("patient", self.patient, PATIENTS)
        check_whole("scan_interval_weeks", self.scan_interval_weeks, SCAN_INTERVAL_WEEKS_RANGE)
        check_whole("swelling_peak_percent", self.swelling_peak_percent,
                    SWELLING_PEAK_PERCENT_RANGE, SWELLING_PEAK_PERCENT_STEP)
        check_whole("reading", self.reading, READING_RANGE)
        check_whole("marker_half_life_days", self.marker_half_life_days,
                    MARKER_HALF_LIFE_DAYS_RANGE)
        check_whole("marker_surge_percent", self.marker_surge_percent,
                    MARKER_SURGE_PERCENT_RANGE, MARKER_SURGE_PERCENT_STEP)


@dataclass(frozen=True)
class MixedResponse(Record):
    """The first follow-up scan on which one baseline lesion reads smaller and another larger.

    Changes are fractions of the lesion's baseline reading (-0.5 = half the size across).
    ``category`` is that scan's category code (``clinic.response.CATEGORY_NAMES``).
    """

    day: int
    smaller_lesion: str
    smaller_change: float
    larger_lesion: str
    larger_change: float
    category: str


@dataclass(frozen=True)
class NewLesion(Record):
    """The first follow-up scan that shows a lesion not seen at baseline."""

    day: int
    lesions: tuple[str, ...]


@dataclass(frozen=True)
class FirstScanLarger(Record):
    """The first follow-up scan reads a larger sum while the true size fell.

    Attributes:
        day: that scan's day.
        read_change: the measured sum's change from baseline (fraction; > 0).
        true_change: the true sum's change over the same lesions (fraction; < 0).
        cause: "swelling" (treatment swelling on that day) or "noise" (reading noise).
        confirming: (day, read change from baseline) of the next scan, or None.
    """

    day: int
    read_change: float
    true_change: float
    cause: Literal["swelling", "noise"]
    confirming: tuple[int, float] | None


@dataclass(frozen=True)
class MarkerCourse(Record):
    """What the blood tests showed (units/mL).

    Attributes:
        first, last: the first and last test readings.
        first_day, last_day: the first and last tests' days.
        surge_day: the second test's day when it read higher than the first while the
            first follow-up scan read a smaller sum (a surge from dying cells), else None.
        fell_day: the first follow-up scan's day when the marker had fallen by at least
            ``MARKER_FALL_NOTED`` by then while that scan did not read partial response
            (the marker follows the live cells; the scan lags), else None.
        fell_change: the marker's change by ``fell_day`` (a fraction, negative), or None.
        fell_category: that scan's category code, or None.
        fell_cause: why that scan lagged: "swelling" (treatment swelling on that day) or
            "clearance" (dead cells not yet cleared, and reading noise), or None.
    """

    first: float
    last: float
    first_day: int
    last_day: int
    surge_day: int | None = None
    fell_day: int | None = None
    fell_change: float | None = None
    fell_category: str | None = None
    fell_cause: Literal["swelling", "clearance"] | None = None

    @property
    def fell(self) -> bool:
        return self.last < self.first


@dataclass(frozen=True)
class ChartEnd(Record):
    """The lesions' true sizes (live and dead cells not yet cleared) at the chart's ends.

    Attributes:
        day: the chart's last day.
        start_sum_mm: the true sizes of all lesions added up on day 0, before the dose (mm).
        end_sum_mm: the same on ``day`` (mm).
        last_scan_day: the day of the last scan, on or before ``day``.
    """

    day: int
    start_sum_mm: float
    end_sum_mm: float
    last_scan_day: int

    @property
    def change(self) -> float:
        """Change of the true sum from day 0 to ``day``, as a fraction (-0.3 = 30% smaller)."""
        return self.end_sum_mm / self.start_sum_mm - 1.0


@dataclass(frozen=True, eq=False)
class ResponseState(Record):
    """One patient's course, scans, categories and marker, ready to draw and to tell.

    Attributes:
        values: the control values this state was computed from.
        scenario: the patient's scenario (lesion names and sites).
        run: the course, scans, assessments and blood tests (``scenarios.imaging``).
        swelling: the treatment swelling used, or None.
        measured_mm: one row per lesion, one column per scan: what the scan measured (mm),
            NaN where it did not see the lesion.
        category_labels: the category of each scan as the figure writes it
            ("Baseline", "PR", "PD (new)" ...).
        partial_response_mm: the sum at and below which a scan reads partial response.
        progression_mm: after each scan, the sum at and above which the next scan
            reads progression (from the smallest sum up to and including that scan).
        highest: the most each chart must show over any re-reading (size mm, sum mm,
            marker units/mL), from the noise-free truth, so re-reading keeps the axes.
        mixed, new_lesion, first_larger: the findings, or None where not seen.
        marker: what the blood tests showed.
        end: the lesions' true sizes on the chart's last day.
    """

    values: ResponseValues
    scenario: ImagingScenario
    run: ImagingRun
    swelling: Swelling | None
    measured_mm: np.ndarray = field(metadata={"nan_ok": True})
    category_labels: tuple[str, ...]
    partial_response_mm: float
    progression_mm: tuple[float, ...]
    highest: tuple[float, float, float]
    mixed: MixedResponse | None
    new_lesion: NewLesion | None
    first_larger: FirstScanLarger | None
    marker: MarkerCourse
    end: ChartEnd

    @property
    def days_shown(self) -> tuple[int, int]:
        """The chart's first and last day (days): the span the words must describe."""
        return 0, self.run.course.horizon_days

    @property
    def assessments(self) -> tuple[Assessment, ...]:
        return self.run.assessments

    @property
    def course(self) -> PatientCourse:
        return self.run.course

    @property
    def detection_limit_mm(self) -> float:
        return self.run.scans[0].detection_limit_mm

    @property
    def dose_days(self) -> tuple[int, ...]:
        return tuple(self.run.course.schedule.dose_days)


@lru_cache(maxsize=8)
def _course(name: str) -> PatientCourse:
    # The biology depends only on the patient; scan and marker controls reuse it.
    scenario = IMAGING_SCENARIOS[name]
    return simulate_patient(scenario.patient, scenario.horizon_days)


def _highest(run: ImagingRun, swelling: Swelling | None) -> tuple[float, float, float]:
    """The most each chart can need, from the noise-free truth (mm, mm, units/mL).

    A reading is at most exp(clip) above the truth times the swelling; the
    progression level is highest from the baseline sum.
    """
    course = run.course
    after = course.days >= 0
    noise = float(np.exp(REPEAT_CT_LOG_CLIP))
    first_dose = course.schedule.dose_days[0] if course.schedule.cycles else 0

    def swell(day: float) -> float:
        return 1.0 + (swelling.extra_fraction(day - first_dose) if swelling else 0.0)

    swollen = course.diameter_mm[:, after] * np.array([swell(d) for d in course.days[after]])
    # Over every day, not only scan days, so changing the scan interval keeps the axes.
    upper = noise * swollen.sum(axis=0)
    highest_sum = max(float(upper.max()), progression_level_mm(float(upper[0])))
    return (noise * float(swollen.max()), highest_sum, float(run.marker_true[after].max()))


def _measured(run: ImagingRun) -> np.ndarray:
    return np.array([[np.nan if (mm := scan.measured(name)) is None else mm
                      for scan in run.scans] for name in run.course.lesion_names],
                    dtype=float)


def _label(assessment: Assessment) -> str:
    if assessment.category == "BL":
        return "Baseline"
    if assessment.category == "PD" and assessment.new_lesions:
        return "PD (new)"
    return assessment.category


def _mixed(run: ImagingRun) -> MixedResponse | None:
    base = run.scans[0]
    for scan, assessment in zip(run.scans[1:], run.assessments[1:], strict=True):
        changes = {name: (scan.measured(name) or 0.0) / base.reading(name).measured_mm - 1
                   for name in base.visible_names}
        smaller = [n for n, c in changes.items() if c < -LESION_CHANGE_NOTED]
        larger = [n for n, c in changes.items() if c > LESION_CHANGE_NOTED]
        if smaller and larger:
            return MixedResponse(day=scan.day, smaller_lesion=smaller[0],
                                 smaller_change=changes[smaller[0]], larger_lesion=larger[0],
                                 larger_change=changes[larger[0]],
                                 category=assessment.category)
    return None


def _new_lesion(run: ImagingRun) -> NewLesion | None:
    for scan in run.scans[1:]:
        if scan.new_lesions:
            return NewLesion(day=scan.day, lesions=scan.new_lesions)
    return None


def _first_larger(run: ImagingRun) -> FirstScanLarger | None:
    scans, assessments = run.scans, run.assessments
    if len(scans) < 2:
        return None
    base, first = scans[0], scans[1]
    true0 = sum(r.true_mm for r in base.lesions if r.name in base.visible_names)
    true1 = sum(r.true_mm for r in first.lesions if r.name in base.visible_names)
    if not (assessments[1].sum_mm > assessments[0].sum_mm and true1 < true0):
        return None
    confirming = None
    if len(assessments) >= 3:
        confirming = (scans[2].day, assessments[2].change_from_baseline or 0.0)
    return FirstScanLarger(
        day=first.day, read_change=assessments[1].change_from_baseline or 0.0,
        true_change=true1 / true0 - 1,
        cause="swelling" if first.swelling_fraction > SWELLING_NOTED else "noise",
        confirming=confirming)


def _marker(run: ImagingRun) -> MarkerCourse:
    readings, assessments = run.marker_readings, run.assessments
    first = MarkerCourse(first=float(readings[0]), last=float(readings[-1]),
                         first_day=run.marker_days[0], last_day=run.marker_days[-1])
    if len(readings) < 2 or len(assessments) < 2:
        return first
    scan_shrank = assessments[1].sum_mm < assessments[0].sum_mm
    if readings[1] > readings[0] and scan_shrank:
        return replace(first, surge_day=run.marker_days[1])
    scan = run.scans[1]
    change = float(run.marker_on(scan.day)) / float(readings[0]) - 1
    if change <= -MARKER_FALL_NOTED and assessments[1].category not in ("PR", "CR"):
        cause: Literal["swelling", "clearance"] = (
            "swelling" if scan.swelling_fraction > SWELLING_NOTED else "clearance")
        return replace(first, fell_day=scan.day, fell_change=change,
                       fell_category=assessments[1].category, fell_cause=cause)
    return first


def _chart_end(run: ImagingRun) -> ChartEnd:
    course = run.course
    return ChartEnd(day=course.horizon_days,
                    start_sum_mm=float(course.diameters_on(0).sum()),
                    end_sum_mm=float(course.diameter_mm[:, -1].sum()),
                    last_scan_day=run.scans[-1].day)


def compute(values: ResponseValues) -> ResponseState:
    """Scan and test the chosen patient, sort the scans into categories, find the patterns."""
    check_instance("values", values, ResponseValues)
    scenario = IMAGING_SCENARIOS[values.patient]
    peak = int(values.swelling_peak_percent)
    swelling = (Swelling(peak / 100, SWELLING_PEAK_DAY, SWELLING_FADE_DAYS)
                if peak > 0 else None)
    plan = replace(scenario.scan_plan, interval_weeks=int(values.scan_interval_weeks),
                   swelling=swelling, seed=scenario.scan_plan.seed + int(values.reading))
    marker = replace(scenario.marker, half_life_days=float(values.marker_half_life_days),
                     surge_fraction=int(values.marker_surge_percent) / 100)
    run = observe(scenario.patient, plan, scenario.horizon_days, marker,
                  marker_seed=int(values.reading), course=_course(values.patient))
    sums = [a.sum_mm for a in run.assessments]
    smallest = np.minimum.accumulate(sums)
    return ResponseState(
        values=values, scenario=scenario, run=run, swelling=swelling,
        measured_mm=_measured(run),
        category_labels=tuple(_label(a) for a in run.assessments),
        partial_response_mm=partial_response_level_mm(sums[0]),
        progression_mm=tuple(progression_level_mm(float(s)) for s in smallest),
        highest=_highest(run, swelling),
        mixed=_mixed(run), new_lesion=_new_lesion(run), first_larger=_first_larger(run),
        marker=_marker(run), end=_chart_end(run),
    )


def _planned(patient: str) -> ResponseValues:
    """A patient as its scenario plans it (scan interval, swelling); other controls at start."""
    scenario = IMAGING_SCENARIOS[patient]
    swelling = scenario.scan_plan.swelling
    return ResponseValues(
        patient=patient, scan_interval_weeks=scenario.scan_plan.interval_weeks,
        swelling_peak_percent=int(round(100 * swelling.peak_fraction)) if swelling else 0)


def _as_planned(patient: str) -> Preset[ResponseValues]:
    return Preset(_planned(patient), IMAGING_SCENARIOS[patient].story)


PRESETS: dict[str, Preset[ResponseValues]] = {
    "Responding (every lesion shrinks)": _as_planned("Responding (every lesion shrinks)"),
    "Stable disease (little change)": _as_planned("Stable disease (little change)"),
    "Mixed response": _as_planned("Mixed response"),
    "New lesions (hidden seeds)": _as_planned("New lesions (hidden seeds)"),
    "Early benefit (marker falls first)": _as_planned("Early benefit (marker falls first)"),
    "Early swelling (confusing first scan)": _as_planned(
        "Early swelling (confusing first scan)"),
    "Marker surge at the start": Preset(
        replace(_planned("Early swelling (confusing first scan)"), swelling_peak_percent=0,
                marker_surge_percent=150, marker_half_life_days=14),
        "The same slowly responding lesions, now without swelling, but dying cells spill "
        "marker into the blood after the first dose. The first blood test after it can "
        "read higher while the scans show shrinkage: a clue, not a verdict."),
}
