"""Teaching scenarios that need lesions and scans (lessons 03 and 04).

Each scenario is a patient (lesions, schedule), a scan plan, a blood marker
and the claim it shows. ``scenario.run()`` puts it through the models:
true sizes (``models.lesions``), scans (``clinic.scans``), categories
(``clinic.response``) and the marker (``models.markers``). The tests in
tests/test_imaging_scenarios.py check each claim against that run.

All numbers are teaching values chosen to show one pattern clearly, not
data about any cancer. Schedules are 6 cycles of 21 days.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..clinic.response import Assessment, assess
from ..clinic.scans import ScanPlan, ScanReading, Swelling, first_scan_showing, take_scans
from ..models._checks import check_int
from ..models.lesions import Patient, PatientCourse, make_lesion, simulate_patient
from ..models.markers import MarkerModel, marker_levels, measure_marker
from ..models.treatment import Schedule

__all__ = ["ImagingScenario", "ImagingRun", "observe", "IMAGING_SCENARIOS"]


@dataclass(frozen=True, eq=False)
class ImagingRun:
    """Everything one patient's course shows: truth, scans, categories, marker.

    ``marker_true`` is on ``course.days``. ``marker_readings`` are blood tests
    on ``marker_days``: every scan day and every dose day (blood is usually
    checked before each cycle), taken before that day's dose.
    """

    course: PatientCourse
    scans: tuple[ScanReading, ...]
    assessments: tuple[Assessment, ...]
    marker_true: np.ndarray
    marker_days: tuple[int, ...]
    marker_readings: np.ndarray

    @property
    def scan_days(self) -> tuple[int, ...]:
        return tuple(scan.day for scan in self.scans)

    def marker_on(self, day: int) -> float:
        """The blood test reading of ``day`` (a scan or dose day)."""
        if day not in self.marker_days:
            raise ValueError(f"day must be one of the blood test days {self.marker_days}; "
                             f"got {day!r}")
        return float(self.marker_readings[self.marker_days.index(day)])

    def first_visible_day(self, name: str) -> int | None:
        """Day of the first scan that shows lesion ``name`` (None if none does)."""
        scan = first_scan_showing(self.scans, name)
        return None if scan is None else scan.day


def observe(patient: Patient, plan: ScanPlan, horizon_days: int,
            marker: MarkerModel | None = None, *, marker_seed: int = 0,
            course: PatientCourse | None = None) -> ImagingRun:
    """Simulate ``patient``, scan it by ``plan`` and take blood on scan and dose days.

    ``course`` may be given (the result of ``simulate_patient(patient,
    horizon_days)``) to skip simulating again, e.g. when only the scans change.
    """
    if not isinstance(plan, ScanPlan):
        raise ValueError(f"plan must be a ScanPlan; got {plan!r}")
    marker = MarkerModel() if marker is None else marker
    if course is None:
        course = simulate_patient(patient, horizon_days)
    elif not isinstance(course, PatientCourse):
        raise ValueError(f"course must be a PatientCourse or None; got {course!r}")
    scans = take_scans(course, plan)
    first = patient.schedule.dose_days[0] if patient.schedule.cycles else None
    levels = marker_levels(course.days, course.total_cells, marker, first_dose_day=first)
    test_days = tuple(sorted({s.day for s in scans}
                             | {d for d in patient.schedule.dose_days
                                if d <= course.horizon_days}))
    readings = measure_marker(course.days, levels, test_days, marker,
                              seed=check_int("marker_seed", marker_seed, minimum=0,
                                             maximum=2**32 - 1))
    return ImagingRun(course=course, scans=scans, assessments=assess(scans),
                      marker_true=levels, marker_days=test_days, marker_readings=readings)


@dataclass(frozen=True)
class ImagingScenario:
    """A named patient, scan plan and marker, with the pattern it shows.

    Attributes:
        name: the preset's name (as in the curriculum's scenario table).
        claim: the pattern the model must show (tests check it).
        story: the scenario in plain words, for the lesson.
        patient: lesions and schedule.
        scan_plan: scan days, detection limit, noise, swelling.
        horizon_days: last day followed.
        marker: the blood marker's behaviour.
    """

    name: str
    claim: str
    story: str
    patient: Patient
    scan_plan: ScanPlan
    horizon_days: int = 252
    marker: MarkerModel = field(default_factory=MarkerModel)

    def run(self, **plan_changes) -> ImagingRun:
        """Run the scenario, optionally with scan plan fields changed (e.g. seed=3)."""
        plan = replace(self.scan_plan, **plan_changes) if plan_changes else self.scan_plan
        return observe(self.patient, plan, self.horizon_days, self.marker)


_SCHEDULE = Schedule(cycle_length_days=21, cycles=6)

# Mixed response. Lesion A (liver, 28 mm): drug-sensitive cells doubling
# every 40 days, 0.5 logs (68%) killed per dose: per cycle its cells change by
# 2^(21/40) x 10^-0.5 = 0.46, its diameter by 0.46^(1/3) = 0.77, so over
# 9 weeks (3 cycles) 28 mm -> 12.8 mm. Lesion B (lung, 22 mm): 95% resistant
# cells doubling every 45 days that the drug does not touch: per 9 weeks its
# diameter grows by 2^(63/45/3) = 1.38, 22 mm -> 30.4 mm. The sum barely
# moves at first (50 -> 43 mm, -14%: stable disease) while B grows.
MIXED_RESPONSE = ImagingScenario(
    name="Mixed response",
    claim="At least one lesion shrinks while another grows on the same scans.",
    story=("Two lesions get the same drug on the same days. The liver lesion is mostly "
           "drug-sensitive cells and shrinks; the lung lesion is mostly resistant cells "
           "and grows. Sites can behave differently, so the team reviews each one."),
    patient=Patient(
        lesions=(
            make_lesion("A", site="liver", seeding_day=0, start_diameter_mm=28.0,
                        doubling_time_days=40.0, log_kill_per_dose=0.5),
            make_lesion("B", site="lung", seeding_day=0, start_diameter_mm=22.0,
                        doubling_time_days=40.0, log_kill_per_dose=0.7,
                        resistant_fraction=0.95, resistant_doubling_time_days=45.0,
                        resistant_log_kill_per_dose=0.0),
        ),
        schedule=_SCHEDULE,
    ),
    scan_plan=ScanPlan(interval_weeks=9, detection_limit_mm=5.0, seed=1),
    horizon_days=189,
)

# New lesions (hidden seeds). Lesion A (liver) has been growing for a year
# (12 mm on day -360, doubling every 90 days: 12 x 2^(360/270) = 30 mm on day
# 0) and responds: 0.4 logs killed per dose. Lesion B is 10 cells shed 200
# days before the first dose, from resistant cells doubling every 12 days
# that the drug does not touch; its site holds at most 3e10 cells (about
# 39 mm; logistic growth). On day 0 it holds about 10 x 2^(200/12) = 1e6
# cells, 1.3 mm across: too small for the baseline scan (5 mm). It reaches
# 5 mm (6.5e7 cells, 22.6 doublings from 10 cells: 271 days) on about day
# 71, so the day-126 scan shows it as a "new lesion".
HIDDEN_SEEDS = ImagingScenario(
    name="New lesions (hidden seeds)",
    claim=("A deposit seeded before the first dose is below the detection limit at "
           "baseline and crosses it on a later scan."),
    story=("Months before treatment, the liver tumour shed a few cells into a lung. They "
           "grew all along, but too small to see on the first scan. Eighteen weeks into "
           "treatment a scan shows them as a 'new lesion'. The chemo did not send them "
           "there: they were already growing before the first dose."),
    patient=Patient(
        lesions=(
            make_lesion("A", site="liver", seeding_day=-360, start_diameter_mm=12.0,
                        doubling_time_days=90.0, log_kill_per_dose=0.4),
            make_lesion("B", site="lung", seeding_day=-200, start_cells=10.0,
                        doubling_time_days=12.0, resistant_fraction=1.0,
                        resistant_log_kill_per_dose=0.0, law="logistic",
                        carrying_capacity_cells=3e10),
        ),
        schedule=_SCHEDULE,
    ),
    scan_plan=ScanPlan(interval_weeks=9, detection_limit_mm=5.0, seed=2),
)

# Early swelling (confusing first scan). Two lesions respond slowly: doubling
# every 60 days, 0.25 logs killed per dose, so per cycle cells change by
# 2^(21/60) x 10^-0.25 = 0.71 and the diameter by 0.89. Treatment-related
# swelling peaks at +80% on day 35 and is gone by day 70. On the 6-week scan
# (day 42) the true diameter is 0.89^2 = 0.80 of baseline but the swelling
# adds 0.8 x (1 - 7/35) = 64%: it reads 0.80 x 1.64 = 1.31, larger (it even
# looks like progression). On the confirming scan (day 84) the swelling is
# gone: 0.89^4 = 0.63 of baseline.
EARLY_SWELLING = ImagingScenario(
    name="Early swelling (confusing first scan)",
    claim=("The first scan reads larger for treatment-related reasons; the confirming scan "
           "shows shrinkage."),
    story=("Six weeks in, the scan reads larger, yet the cancer cells are fewer: the "
           "treatment has made the lesions swell (inflammation, fluid, dying tissue). The "
           "blood marker keeps falling. Six weeks later, with the swelling gone, the "
           "confirming scan shows the lesions smaller than at baseline."),
    patient=Patient(
        lesions=(
            make_lesion("A", site="liver", seeding_day=0, start_diameter_mm=30.0,
                        doubling_time_days=60.0, log_kill_per_dose=0.25),
            make_lesion("B", site="liver", seeding_day=0, start_diameter_mm=22.0,
                        doubling_time_days=60.0, log_kill_per_dose=0.25),
        ),
        schedule=_SCHEDULE,
    ),
    scan_plan=ScanPlan(interval_weeks=6, detection_limit_mm=5.0, seed=3,
                       swelling=Swelling(peak_fraction=0.8, peak_day=35, fade_days=35)),
    horizon_days=126,
)

IMAGING_SCENARIOS: dict[str, ImagingScenario] = {
    s.name: s for s in (MIXED_RESPONSE, HIDDEN_SEEDS, EARLY_SWELLING)
}
