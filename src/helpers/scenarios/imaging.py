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

from ..checks import (
    DAY_RANGE,
    check_array,
    check_fields,
    check_instance,
    check_int,
)
from ..clinic.response import Assessment, assess
from ..clinic.scans import ScanPlan, ScanReading, Swelling, first_scan_showing, take_scans
from ..models.clones import MAX_HORIZON_DAYS
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

    def __post_init__(self) -> None:
        check_fields(self, records=[("course", PatientCourse)],
                     items=[("scans", ScanReading), ("assessments", Assessment)])
        days = tuple(check_int(f"marker_days[{i}]", day, minimum=int(DAY_RANGE[0]),
                               maximum=int(DAY_RANGE[1]))
                     for i, day in enumerate(check_array(
                         "marker_days", self.marker_days, minimum=DAY_RANGE[0],
                         maximum=DAY_RANGE[1], min_length=0)))
        object.__setattr__(self, "marker_days", days)
        for name, size in (("marker_true", self.course.days.size),
                           ("marker_readings", len(days))):
            values = check_array(name, getattr(self, name), minimum=0.0, maximum=_MAX_LEVEL,
                                 min_length=0)
            if values.size != size:
                raise ValueError(f"{name} must hold {size} levels; got {values.size}")
            values.flags.writeable = False
            object.__setattr__(self, name, values)

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
    check_instance("patient", patient, Patient)
    check_instance("plan", plan, ScanPlan)
    marker = MarkerModel() if marker is None else check_instance(
        "marker", marker, MarkerModel, optional=True)
    seed = check_int("marker_seed", marker_seed, minimum=0, maximum=2**32 - 1)
    if course is None:
        course = simulate_patient(patient, horizon_days)
    else:
        check_instance("course", course, PatientCourse, optional=True)
        check_int("horizon_days", horizon_days, minimum=1, maximum=MAX_HORIZON_DAYS)
    scans = take_scans(course, plan)
    first = patient.schedule.dose_days[0] if patient.schedule.cycles else None
    levels = marker_levels(course.days, course.total_cells, marker, first_dose_day=first)
    test_days = tuple(sorted({s.day for s in scans}
                             | {d for d in patient.schedule.dose_days
                                if d <= course.horizon_days}))
    readings = measure_marker(course.days, levels, test_days, marker,
                              seed=seed)
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

    def __post_init__(self) -> None:
        check_fields(self, whole=[("horizon_days", 1, MAX_HORIZON_DAYS)],
                     records=[("patient", Patient), ("scan_plan", ScanPlan),
                              ("marker", MarkerModel)])

    def run(self, **plan_changes) -> ImagingRun:
        """Run the scenario, optionally with scan plan fields changed (e.g. seed=3)."""
        plan = replace(self.scan_plan, **plan_changes) if plan_changes else self.scan_plan
        return observe(self.patient, plan, self.horizon_days, self.marker)


# The highest marker level a run may hold (as ``markers`` allows).
_MAX_LEVEL = 1e13

_SCHEDULE = Schedule(cycle_length_days=21, cycles=6)

# Mixed response. Lesion A (liver, 28 mm): drug-sensitive cells doubling
# every 40 days, 0.5 logs (68%) killed per dose: per cycle its cells change by
# 2^(21/40) x 10^-0.5 = 0.46, its diameter by 0.46^(1/3) = 0.77, so over
# 9 weeks (3 cycles) its live cells make 28 mm -> 12.7 mm; with the killed cells
# not yet cleared (half-life 7 days, models.clearance) it measures 13.7 mm.
# Lesion B (lung, 22 mm): 95% resistant cells doubling every 45 days that the
# drug does not touch: per 9 weeks its diameter grows by 2^(63/45/3) = 1.38,
# 22 mm -> 30.4 mm (29.9 mm: its 5% sensitive cells die off). The sum barely
# moves at first (50 -> 43.6 mm, -13%: stable disease) while B grows.
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
# every 60 days, 0.25 logs killed per dose, so per cycle live cells change by
# 2^(21/60) x 10^-0.25 = 0.717 and their diameter by 0.895. Treatment-related
# swelling peaks at +80% on day 35 and is gone by day 70. On the 6-week scan
# (day 42) the live cells are 0.717^2 = 0.514 of baseline; with the killed cells
# not yet cleared (an eighth of day 21's kill, a 64th of day 0's: 0.046) the
# true size is (0.514 + 0.046)^(1/3) = 0.82 of baseline, but the swelling adds
# 0.8 x (1 - 7/35) = 64%: it reads 0.82 x 1.64 = 1.35, larger (it even looks
# like progression). On the confirming scan (day 84) the swelling is gone: live
# 0.717^4 = 0.264, dead 0.024, true size (0.288)^(1/3) = 0.66 of baseline.
EARLY_SWELLING = ImagingScenario(
    name="Early swelling (confusing first scan)",
    claim=("The first scan reads larger for treatment-related reasons; the confirming scan "
           "shows shrinkage."),
    story=("Six weeks in, the scan reads larger, yet the cancer cells are fewer: the "
           "treatment has made the lesions swell (inflammation, fluid, dying tissue). The "
           "blood marker keeps falling. Six weeks later, with the swelling gone, the "
           "confirming scan shows the lesions smaller than at baseline. Swelling like this "
           "is best known with immunotherapy, where it is called pseudoprogression; with "
           "chemotherapy it is uncommon. It is one reason teams confirm a surprising scan."),
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

# Responding. Two lesions of drug-sensitive cells doubling every 40 days, 0.45 logs
# (65%) killed per dose: per cycle the cells change by 2^(21/40) x 10^-0.45 = 0.51 and
# the live diameter by 0.51^(1/3) = 0.80, so by the 9-week scan (3 cycles) the live
# diameter is 0.80^3 = 0.51 of baseline. Dead cells clear with a lag, so the measured
# size is a little larger than that (about 46% smaller with a 7-day clearance
# half-life, about 36% with 14 days): a partial response on the first follow-up scan
# either way, and about 70% smaller by day 126.
RESPONDING = ImagingScenario(
    name="Responding (every lesion shrinks)",
    claim=("Every lesion shrinks on every follow-up scan, and the response category reaches "
           "partial response."),
    story=("Both lesions are mostly drug-sensitive cells. Each dose kills about 2 in 3 of "
           "their cancer cells, more than grow back before the next dose, so both lesions "
           "shrink from scan to scan: a partial response on the first scan at 9 weeks. The "
           "blood marker falls too. The team usually keeps the plan if side effects are "
           "manageable."),
    patient=Patient(
        lesions=(
            make_lesion("A", site="liver", seeding_day=0, start_diameter_mm=40.0,
                        doubling_time_days=40.0, log_kill_per_dose=0.45),
            make_lesion("B", site="lung", seeding_day=0, start_diameter_mm=28.0,
                        doubling_time_days=40.0, log_kill_per_dose=0.45),
        ),
        schedule=_SCHEDULE,
    ),
    scan_plan=ScanPlan(interval_weeks=9, detection_limit_mm=5.0, seed=9),
    horizon_days=126,
)

# Stable disease. Sensitive cells double every 21 days and 0.32 logs (52%) are killed
# per dose: per cycle they change by 2 x 10^-0.32 = 0.96, nearly a balance. 1 cell in
# 100 is resistant, doubling every 30 days untouched: x 2^(126/30) = 18 by day 126. The
# total then changes by 0.99 x 0.96^6 + 0.01 x 18 = 0.94 of baseline, the diameter by
# 0.94^(1/3) = 0.98: the measured sum stays far inside -30% / +20% on every scan,
# while the resistant share rises from 1 in 100 to about 1 in 5.
STABLE_DISEASE = ImagingScenario(
    name="Stable disease (little change)",
    claim=("The measured sum stays within -30% / +20% of baseline on every scan, while the "
           "resistant share rises underneath."),
    story=("Each dose kills about half of the cancer cells, and in the 3 weeks before the "
           "next dose about as many grow back, so the lesions stay about the same size: "
           "stable disease. That can be a good result: the team keeps treating and keeps "
           "scanning. Underneath, a few resistant cells (1 in 100 at the start) grow "
           "slowly; by the end about 1 in 5 cells resists, one reason the scans continue."),
    patient=Patient(
        lesions=(
            make_lesion("A", site="liver", seeding_day=0, start_diameter_mm=32.0,
                        doubling_time_days=21.0, log_kill_per_dose=0.32,
                        resistant_fraction=0.01, resistant_doubling_time_days=30.0),
            make_lesion("B", site="lymph node", seeding_day=0, start_diameter_mm=24.0,
                        doubling_time_days=21.0, log_kill_per_dose=0.32,
                        resistant_fraction=0.01, resistant_doubling_time_days=30.0),
        ),
        schedule=_SCHEDULE,
    ),
    scan_plan=ScanPlan(interval_weeks=9, detection_limit_mm=5.0, seed=7),
    horizon_days=126,
)

# Early benefit before scans change. Cells doubling every 35 days, 0.35 logs (55%)
# killed per dose: per cycle the cells change by 2^(21/35) x 10^-0.35 = 0.68 and the
# live diameter by 0.68^(1/3) = 0.88. By the 6-week scan (2 cycles) 1 - 0.68^2 = 54% of
# the cells are gone and the blood marker, which follows the live cells, has about
# halved; but the live diameter is only 1 - 0.88^2 = 23% smaller, and dead cells not yet
# cleared keep the measured size larger still (about 20% smaller): stable disease. By
# the 12-week scan the diameter is about 38% smaller: partial response.
EARLY_BENEFIT = ImagingScenario(
    name="Early benefit (marker falls first)",
    claim=("The burden and the blood marker fall by about half well before the diameter "
           "change reaches partial response."),
    story=("Each dose kills about half of the cancer cells. By the first scan at 6 weeks, "
           "about half the cancer cells are gone and the blood marker has about halved, yet "
           "the scan reads only about a fifth smaller: stable disease. A diameter follows "
           "the cube root of the number of cells, and dead cells take weeks to clear, so "
           "scans lag. Symptoms can ease in this time too. The next scan shows a partial "
           "response."),
    patient=Patient(
        lesions=(
            make_lesion("A", site="liver", seeding_day=0, start_diameter_mm=34.0,
                        doubling_time_days=35.0, log_kill_per_dose=0.35),
            make_lesion("B", site="liver", seeding_day=0, start_diameter_mm=26.0,
                        doubling_time_days=35.0, log_kill_per_dose=0.35),
        ),
        schedule=_SCHEDULE,
    ),
    scan_plan=ScanPlan(interval_weeks=6, detection_limit_mm=5.0, seed=10),
    horizon_days=126,
)

# In the order of the source article's "What you may see" table.
IMAGING_SCENARIOS: dict[str, ImagingScenario] = {
    s.name: s for s in (RESPONDING, STABLE_DISEASE, MIXED_RESPONSE, HIDDEN_SEEDS,
                        EARLY_BENEFIT, EARLY_SWELLING)
}
