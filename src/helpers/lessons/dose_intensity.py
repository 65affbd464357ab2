"""Lesson 05, doses, delays and relative dose intensity.

Two runs of the same tumour (sensitive cells only): the course as planned
(``PLANNED_CYCLES`` full doses, one per cycle) and the course as given, with a
delay of ``delay_days`` before ``changed_cycle`` (or before it and every later
one, ``delays_repeat``) and a dose cut of ``dose_cut_percent`` from that cycle
on. The relative dose intensity (RDI) is the dose given per week divided by
the dose planned per week (``models.treatment.Schedule``).

Real dose changes are decided by the care team for safety reasons, and how
much a lower RDI matters depends on the cancer and the treatment.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from ..checks import Record, check_instance
from ..models.clones import SimulationResult, simulate
from ..models.growth import rate_per_day_to_doubling_time_days
from ..models.treatment import Schedule
from ..scenarios.teaching_values import CYCLE_LENGTH_CHOICES_DAYS, PLANNED_CYCLES
from ..scenarios.treatment import (
    CARRYING_CAPACITY_CELLS,
    GROWTH_LAW,
    TREATMENT_SCENARIOS,
    TreatmentScenario,
    one_clone_tumour,
)
from .choices import (
    DOUBLING_TIME_CHOICES_DAYS,
    FRACTION_KILLED_CHOICES,
)
from .presets import Preset, check_choice, check_whole

__all__ = [
    "CYCLES",
    "CYCLE_LENGTH_CHOICES_DAYS",
    "CHANGED_CYCLE_CHOICES",
    "DELAYS_REPEAT_CHOICES",
    "DELAY_RANGE_DAYS",
    "DOSE_CUT_RANGE_PERCENT",
    "DOSE_CUT_STEP_PERCENT",
    "DoseIntensityValues",
    "DoseIntensityState",
    "course_schedule",
    "pauses",
    "compute",
    "PRESETS",
]

#: The planned course: six cycles, a common length for a course of chemotherapy.
CYCLES = PLANNED_CYCLES
#: The first changed cycle: any but the first (the first dose sets the plan going).
CHANGED_CYCLE_CHOICES: tuple[int, ...] = tuple(range(2, CYCLES + 1))
#: False: only the changed cycle is delayed; True: it and every later one.
DELAYS_REPEAT_CHOICES: tuple[bool, ...] = (False, True)
#: Days of delay before a changed cycle.
DELAY_RANGE_DAYS: tuple[int, int] = (0, 28)
#: Dose cut from the changed cycle on (percent of the full dose), and its step.
DOSE_CUT_RANGE_PERCENT: tuple[int, int] = (0, 50)
DOSE_CUT_STEP_PERCENT = 5


@dataclass(frozen=True)
class DoseIntensityValues:
    """The controls.

    Attributes:
        fraction_killed_per_dose: fraction of the cancer cells one full dose kills.
        doubling_time_days: doubling time of the cancer cells (days).
        cycle_length_days: planned days from one dose to the next.
        changed_cycle: the first cycle (2 to 6) that is delayed and/or cut.
        delay_days: days of delay before that cycle.
        delays_repeat: True if every later cycle is delayed by as much too.
        dose_cut_percent: how much smaller each dose is from that cycle on (percent).
    """

    fraction_killed_per_dose: float = 0.9
    doubling_time_days: int = 21
    cycle_length_days: int = 21
    changed_cycle: int = 3
    delay_days: int = 0
    delays_repeat: bool = False
    dose_cut_percent: int = 0

    def __post_init__(self) -> None:
        checked = {
            "fraction_killed_per_dose": check_choice(
                "fraction_killed_per_dose", self.fraction_killed_per_dose,
                FRACTION_KILLED_CHOICES),
            "doubling_time_days": check_choice("doubling_time_days", self.doubling_time_days,
                                               DOUBLING_TIME_CHOICES_DAYS),
            "cycle_length_days": check_choice("cycle_length_days", self.cycle_length_days,
                                              CYCLE_LENGTH_CHOICES_DAYS),
            "changed_cycle": check_choice("changed_cycle", self.changed_cycle,
                                          CHANGED_CYCLE_CHOICES),
            "delay_days": check_whole("delay_days", self.delay_days, DELAY_RANGE_DAYS),
            "delays_repeat": check_choice("delays_repeat", self.delays_repeat,
                                          DELAYS_REPEAT_CHOICES),
            "dose_cut_percent": check_whole("dose_cut_percent", self.dose_cut_percent,
                                            DOSE_CUT_RANGE_PERCENT, DOSE_CUT_STEP_PERCENT),
        }
        # Frozen: store the offered items themselves (21.0 given -> 21 kept).
        for name, value in checked.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True, eq=False)
class DoseIntensityState(Record):
    """The plan and the course as given, run on the same tumour.

    Attributes:
        values: the control values this state was computed from.
        schedule, planned_schedule: the course as given, and as planned.
        given_days, given_cells: time axis (days) and cells of the course as given.
        planned_days, planned_cells: the same for the plan (its own days: its doses
            fall on other days).
        pauses: (day the dose was due, day it was given) for each delayed cycle.
        paused_cycles: the cycle number (1-based) of each pause.
        first_pause_cells: cells on the day the first delayed dose was due, and just
            before it was given; None without a pause.
        planned_end_cells, given_end_cells: cells at the end of each course.
    """

    values: DoseIntensityValues
    schedule: Schedule
    planned_schedule: Schedule
    given_days: np.ndarray
    given_cells: np.ndarray
    planned_days: np.ndarray
    planned_cells: np.ndarray
    pauses: tuple[tuple[int, int], ...]
    paused_cycles: tuple[int, ...]
    first_pause_cells: tuple[float, float] | None
    planned_end_cells: float
    given_end_cells: float

    @property
    def course_end_cells(self) -> tuple[float, float]:
        """Cells at the end of each course: (as planned, as given)."""
        return self.planned_end_cells, self.given_end_cells

    @property
    def as_planned(self) -> bool:
        """True when every dose was given on time and in full."""
        return self.schedule == self.planned_schedule

    @property
    def relative_dose_intensity(self) -> float:
        return self.schedule.relative_dose_intensity


def course_schedule(values: DoseIntensityValues) -> Schedule:
    """The course as given: a delay before ``changed_cycle`` (and every later cycle if
    ``delays_repeat``) and a dose cut from ``changed_cycle`` on."""
    check_instance("values", values, DoseIntensityValues)
    first = values.changed_cycle - 1  # index of the first changed cycle
    delays = tuple(values.delay_days if (k == first or (values.delays_repeat and k > first))
                   else 0 for k in range(CYCLES))
    cut = values.dose_cut_percent / 100.0
    doses = tuple(1.0 - cut if k >= first else 1.0 for k in range(CYCLES))
    return Schedule(values.cycle_length_days, CYCLES, dose_fractions=doses,
                    delays_days=delays)


def pauses(schedule: Schedule) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """Each pause as (day the dose was due, day it was given), and its cycle (1-based)."""
    check_instance("schedule", schedule, Schedule)
    spans, cycles = [], []
    for k, (day, delay) in enumerate(zip(schedule.dose_days, schedule.delays_days,
                                         strict=True)):
        if delay > 0:
            spans.append((day - delay, day))
            cycles.append(k + 1)
    return tuple(spans), tuple(cycles)


def _pause_cells(given: SimulationResult, start: int, end: int) -> tuple[float, float]:
    """Cells on the day a delayed dose was due, and on the day it was given, just
    before that dose (the sample before the post-dose one)."""
    before = float(given.total_cells[given.index_at(start)])
    after = float(given.total_cells[given.index_at(end) - 1])
    return before, after


def compute(values: DoseIntensityValues) -> DoseIntensityState:
    """Run the tumour through the plan and through the course as given."""
    check_instance("values", values, DoseIntensityValues)
    clones = one_clone_tumour(fraction_killed=values.fraction_killed_per_dose,
                              doubling_time_days=values.doubling_time_days)
    schedule = course_schedule(values)
    plan = schedule.as_planned()
    # Each course runs to its own end.
    given, planned = (simulate(clones, s, s.end_day, law=GROWTH_LAW,
                               carrying_capacity_cells=CARRYING_CAPACITY_CELLS)
                      for s in (schedule, plan))
    spans, cycles = pauses(schedule)
    return DoseIntensityState(
        values=values, schedule=schedule, planned_schedule=plan,
        given_days=given.days, given_cells=given.total_cells,
        planned_days=planned.days, planned_cells=planned.total_cells,
        pauses=spans, paused_cycles=cycles,
        first_pause_cells=_pause_cells(given, *spans[0]) if spans else None,
        planned_end_cells=float(planned.total_cells[-1]),
        given_end_cells=float(given.total_cells[-1]),
    )


# -- examples: the treatment scenarios that fit, then a few more ----------------


def _scenario_values(scenario: TreatmentScenario) -> DoseIntensityValues | None:
    """Control values that rebuild ``scenario``, or None if it does not fit."""
    schedule = scenario.schedule
    if ([c.name for c in scenario.clones] != ["sensitive"] or not scenario.on_teaching_tumour
            or schedule.cycles != CYCLES
            or schedule.cycle_length_days not in CYCLE_LENGTH_CHOICES_DAYS):
        return None
    changed = [k for k in range(CYCLES)
               if schedule.delays_days[k] > 0 or schedule.dose_fractions[k] < 1.0]
    if not changed or changed[0] == 0:
        return None
    first = changed[0]
    delay = schedule.delays_days[first] or max(schedule.delays_days)
    cut = round(100 * (1.0 - schedule.dose_fractions[first]))
    if not (DELAY_RANGE_DAYS[0] <= delay <= DELAY_RANGE_DAYS[1]
            and DOSE_CUT_RANGE_PERCENT[0] <= cut <= DOSE_CUT_RANGE_PERCENT[1]):
        return None
    clone = scenario.clones[0]
    values = DoseIntensityValues(
        fraction_killed_per_dose=1.0 - clone.surviving_fraction_per_dose,
        doubling_time_days=check_choice(
            "doubling_time_days", rate_per_day_to_doubling_time_days(clone.growth_rate_per_day),
            DOUBLING_TIME_CHOICES_DAYS),
        cycle_length_days=schedule.cycle_length_days,
        changed_cycle=first + 1,
        delay_days=delay,
        delays_repeat=any(d > 0 for d in schedule.delays_days[first + 1:]),
        dose_cut_percent=cut,
    )
    rebuilt = course_schedule(values)
    same = (rebuilt.delays_days == schedule.delays_days
            and all(math.isclose(a, b) for a, b in zip(rebuilt.dose_fractions,
                                                       schedule.dose_fractions, strict=True)))
    return values if same else None


_START = DoseIntensityValues()

PRESETS: dict[str, Preset[DoseIntensityValues]] = {
    name: Preset(values, scenario.story)
    for name, scenario in TREATMENT_SCENARIOS.items()
    if (values := _scenario_values(scenario)) is not None
}
PRESETS.update({
    "Course as planned": Preset(
        _START,
        "Every dose on time and in full: the course as given is the plan, and the relative "
        "dose intensity is 100%."),
    "A week's delay before every cycle": Preset(
        dataclasses.replace(_START, changed_cycle=2, delay_days=7, delays_repeat=True),
        "Blood counts are slow to recover after every dose, so each cycle from the second "
        "on starts a week late. Full doses, but spread over a longer time."),
    "Doses cut by a quarter": Preset(
        dataclasses.replace(_START, changed_cycle=2, dose_cut_percent=25),
        "Side effects after the first dose lead the team to give 75% doses from cycle 2 "
        "on. Every dose is on time, but each one kills fewer cancer cells."),
})
