"""Lesson 02, sensitive and resistant cells: selection under repeated doses.

Two clones share one tumour of ``CELLS_AT_START`` cells. Each dose kills
``fraction_killed_per_dose`` of the sensitive cells and none of the resistant
ones; between doses both grow (logistic, shared room), the resistant ones
``fitness_cost_percent`` slower. The drug does not make resistant cells: they
were there from the start, and it clears their competitors.

The team reads restaging scans at the end of each cycle (the day before the
next dose) with the clinic's response rule (``clinic.response``): "the
response faded" is the first scan that reads progression after a partial
response, before the last dose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..checks import Record, check_instance, check_number, check_sequence
from ..clinic.response import MAX_SUM_MM, categorize_sums, first_faded_index
from ..clinic.scans import CT_SMALLEST_VISIBLE_CELLS
from ..models.clearance import measured_cells
from ..models.clones import SimulationResult, simulate
from ..models.growth import rate_per_day_to_doubling_time_days
from ..models.size import cells_to_diameter_mm
from ..models.treatment import Schedule
from ..scenarios.treatment import (
    CARRYING_CAPACITY_CELLS,
    CYCLE_LENGTH_DAYS,
    GROWTH_LAW,
    TREATMENT_SCENARIOS,
    TreatmentScenario,
    cycle_end_days,
    two_clone_tumour,
)
from .choices import (
    DOUBLING_TIME_CHOICES_DAYS,
    FRACTION_KILLED_CHOICES,
    RESISTANT_SHARE_CHOICES,
)
from .presets import Preset, check_choice, check_whole

__all__ = [
    "CYCLE_LENGTH_DAYS",
    "CYCLES_RANGE",
    "FITNESS_COST_RANGE_PERCENT",
    "FITNESS_COST_STEP_PERCENT",
    "ResistanceValues",
    "ResistanceState",
    "compute",
    "restaging_series",
    "restaging_categories",
    "faded_day",
    "SHOWN_ELSEWHERE",
    "PRESETS",
]

#: Cycles the control offers (each ``CYCLE_LENGTH_DAYS`` long).
CYCLES_RANGE: tuple[int, int] = (1, 10)
#: How much slower resistant cells grow (percent), and the control's step.
FITNESS_COST_RANGE_PERCENT: tuple[int, int] = (0, 50)
FITNESS_COST_STEP_PERCENT = 5


@dataclass(frozen=True)
class ResistanceValues:
    """The controls.

    Attributes:
        resistant_share: share of the cells resistant on day 0 (1e-4 = 1 in 10,000).
        fraction_killed_per_dose: fraction of sensitive cells one dose kills (0 to 0.999).
        sensitive_doubling_time_days, resistant_doubling_time_days: doubling time of
            each clone (days), before any fitness cost.
        fitness_cost_percent: how much slower resistant cells grow (percent).
        cycles: doses given, one every ``CYCLE_LENGTH_DAYS`` days.
    """

    resistant_share: float = 1e-4
    fraction_killed_per_dose: float = 0.9
    sensitive_doubling_time_days: int = 30
    resistant_doubling_time_days: int = 30
    fitness_cost_percent: int = 10
    cycles: int = 6

    def __post_init__(self) -> None:
        checked = {
            "resistant_share": check_choice("resistant_share", self.resistant_share,
                                            RESISTANT_SHARE_CHOICES),
            "fraction_killed_per_dose": check_choice(
                "fraction_killed_per_dose", self.fraction_killed_per_dose,
                FRACTION_KILLED_CHOICES),
            "sensitive_doubling_time_days": check_choice(
                "sensitive_doubling_time_days", self.sensitive_doubling_time_days,
                DOUBLING_TIME_CHOICES_DAYS),
            "resistant_doubling_time_days": check_choice(
                "resistant_doubling_time_days", self.resistant_doubling_time_days,
                DOUBLING_TIME_CHOICES_DAYS),
            "fitness_cost_percent": check_whole(
                "fitness_cost_percent", self.fitness_cost_percent, FITNESS_COST_RANGE_PERCENT,
                FITNESS_COST_STEP_PERCENT),
            "cycles": check_whole("cycles", self.cycles, CYCLES_RANGE),
        }
        # Frozen: store the offered items themselves (21.0 given -> 21 kept).
        for name, value in checked.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True, eq=False)
class ResistanceState(Record):
    """One run of the two clones, and what the restaging scans read.

    Attributes:
        values: the control values this state was computed from.
        cycle_length_days: days from one dose to the next.
        horizon_days: the last day shown (the end of the last cycle).
        days: the time axis (days); each dose day appears twice (before, after).
        total_cells, sensitive_cells, resistant_cells: cells per sample.
        resistant_share: share of the cells that are resistant (0 to 1) per sample.
        dose_days: the days a dose is given.
        nadir_day, nadir_cells: day and cells of the lowest total.
        scan_band_cells: cells of a sphere at each end of the CT band (5 and 10 mm).
        restaging_days: day 0 (baseline, before the dose), then each cycle end.
        restaging_diameters_mm: the diameter (mm) on each of those days.
        restaging_categories: their response categories ("BL", "PR", "SD", "PD", ...).
        faded_day: the cycle-end day the response is seen to fade, or None.
    """

    values: ResistanceValues
    cycle_length_days: int
    horizon_days: int
    days: np.ndarray
    total_cells: np.ndarray
    sensitive_cells: np.ndarray
    resistant_cells: np.ndarray
    resistant_share: np.ndarray
    dose_days: tuple[int, ...]
    nadir_day: float
    nadir_cells: float
    scan_band_cells: tuple[float, float]
    restaging_days: tuple[int, ...]
    restaging_diameters_mm: tuple[float, ...]
    restaging_categories: tuple[str, ...]
    faded_day: float | None

    @property
    def start_cells(self) -> float:
        return float(self.total_cells[0])

    @property
    def end_cells(self) -> float:
        return float(self.total_cells[-1])

    @property
    def start_share(self) -> float:
        return float(self.resistant_share[0])

    @property
    def end_share(self) -> float:
        return float(self.resistant_share[-1])

    @property
    def sensitive_end_cells(self) -> float:
        return float(self.sensitive_cells[-1])

    @property
    def resistant_end_cells(self) -> float:
        return float(self.resistant_cells[-1])

    @property
    def start_diameter_mm(self) -> float:
        return float(cells_to_diameter_mm(self.start_cells))

    @property
    def end_diameter_mm(self) -> float:
        """The size the last restaging scan reads (the chart's last day): live cells plus
        dead cells not yet cleared."""
        return self.restaging_diameters_mm[-1]

    @property
    def end_live_diameter_mm(self) -> float:
        """The size of the live cells alone on the chart's last day (mm)."""
        return float(cells_to_diameter_mm(self.end_cells))


#: The most scans a series may hold: a course has one per cycle (ten at most), and a
#: longer list would only cost time.
MAX_SCANS = 1_000
#: Days from the first dose a scan may be on, either way: a hundred years.
MAX_DAYS = 36_500


def _series(name: str, values: object, low: float, high: float) -> tuple[float, ...]:
    """``values`` as a tuple of 1 to ``MAX_SCANS`` finite numbers from ``low`` to
    ``high``, else ValueError naming ``name`` (and the item)."""
    items = check_sequence(name, values)
    if not 1 <= len(items) <= MAX_SCANS:
        raise ValueError(f"{name} must hold 1 to {MAX_SCANS:,} items; got {len(items):,}")
    return tuple(check_number(f"{name}[{index}]", item, minimum=low, maximum=high)
                 for index, item in enumerate(items))


def restaging_series(result: SimulationResult) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """Restaging scan days and diameters (mm) of a run.

    The baseline is day 0 before that day's dose; then the end of each cycle
    (``scenarios.treatment.cycle_end_days``: the day before the next dose, then
    the last day), when the saw-tooth dip of the dose has grown back. The size
    a scan reads counts the dead cells not yet cleared (``models.clearance``, at its
    default half-life), so it lags the kill.
    """
    check_instance("result", result, SimulationResult)
    ends = cycle_end_days(result.schedule)
    # A scan measures live cells plus dead cells not yet cleared (models.clearance).
    total = measured_cells(result.days, result.total_cells)
    cells = [float(total[0])] + [float(total[result.index_at(day)]) for day in ends]
    diameters = tuple(float(d) for d in cells_to_diameter_mm(np.array(cells)))
    return (0, *ends), diameters


def restaging_categories(diameters_mm: Sequence[float]) -> tuple[str, ...]:
    """Response categories of a series of diameters (mm); the first is the baseline.

    One sphere holds every cell, so its diameter is the sum the clinic's rule
    reads (``clinic.response.categorize_sums``, the same rule as lesson 04).
    """
    return categorize_sums(_series("diameters_mm", diameters_mm, 0.0, MAX_SUM_MM))


def faded_day(scan_days: Sequence[float], diameters_mm: Sequence[float],
              last_dose_day: float) -> float | None:
    """The day of the first scan that reads progression after a response, or None.

    Only a scan before ``last_dose_day`` counts: the tumour regrew "while the
    same drug was still being given".
    """
    scan_days = _series("scan_days", scan_days, -MAX_DAYS, MAX_DAYS)
    diameters_mm = _series("diameters_mm", diameters_mm, 0.0, MAX_SUM_MM)
    last_dose_day = check_number("last_dose_day", last_dose_day, minimum=-MAX_DAYS,
                                 maximum=MAX_DAYS)
    if len(scan_days) != len(diameters_mm):
        raise ValueError(f"scan_days must have one day per diameter; got {len(scan_days)} "
                         f"days for {len(diameters_mm)} diameters")
    index = first_faded_index(diameters_mm)
    if index is None or scan_days[index] >= last_dose_day:
        return None
    return float(scan_days[index])


def compute(values: ResistanceValues) -> ResistanceState:
    """Run the two clones through ``values.cycles`` doses and read the restaging scans."""
    check_instance("values", values, ResistanceValues)
    clones = two_clone_tumour(
        resistant_share=values.resistant_share,
        fraction_killed=values.fraction_killed_per_dose,
        sensitive_doubling_time_days=values.sensitive_doubling_time_days,
        resistant_doubling_time_days=values.resistant_doubling_time_days,
        fitness_cost_fraction=values.fitness_cost_percent / 100.0,
    )
    schedule = Schedule(CYCLE_LENGTH_DAYS, values.cycles)
    result = simulate(clones, schedule, schedule.end_day, law=GROWTH_LAW,
                      carrying_capacity_cells=CARRYING_CAPACITY_CELLS)
    scan_days, diameters = restaging_series(result)
    return ResistanceState(
        values=values, cycle_length_days=CYCLE_LENGTH_DAYS, horizon_days=result.horizon_days,
        days=result.days, total_cells=result.total_cells,
        sensitive_cells=result.cells_of("sensitive"),
        resistant_cells=result.cells_of("resistant"),
        resistant_share=result.resistant_share, dose_days=schedule.dose_days,
        nadir_day=result.nadir_day, nadir_cells=result.nadir_cells,
        scan_band_cells=CT_SMALLEST_VISIBLE_CELLS,
        restaging_days=scan_days, restaging_diameters_mm=diameters,
        restaging_categories=restaging_categories(diameters),
        faded_day=faded_day(scan_days, diameters, schedule.dose_days[-1]),
    )


# -- examples: every treatment scenario this lesson can show -------------------


def _fits(scenario: TreatmentScenario) -> bool:
    """True when ``scenario`` is a two-clone course this lesson's controls can rebuild."""
    names = sorted(c.name for c in scenario.clones)
    schedule = scenario.schedule
    return (names == ["resistant", "sensitive"] and scenario.on_teaching_tumour
            and schedule == schedule.as_planned()
            and schedule.cycle_length_days == CYCLE_LENGTH_DAYS)


def _scenario_values(scenario: TreatmentScenario) -> ResistanceValues:
    """Control values that rebuild ``scenario`` (it must fit; ValueError if a value
    is not on a control)."""
    by_name = {c.name: c for c in scenario.clones}
    sensitive, resistant = by_name["sensitive"], by_name["resistant"]
    sensitive_days, resistant_days = (
        check_choice(f"{name}_doubling_time_days",
                     rate_per_day_to_doubling_time_days(clone.growth_rate_per_day),
                     DOUBLING_TIME_CHOICES_DAYS)
        for name, clone in (("sensitive", sensitive), ("resistant", resistant)))
    return ResistanceValues(
        resistant_share=scenario.resistant_share_at_start,
        fraction_killed_per_dose=1.0 - sensitive.surviving_fraction_per_dose,
        sensitive_doubling_time_days=sensitive_days,
        resistant_doubling_time_days=resistant_days,
        fitness_cost_percent=round(100 * resistant.fitness_cost_fraction),
        cycles=scenario.schedule.cycles,
    )


#: Scenarios this lesson's chart cannot show, though its controls could rebuild them.
#: "Early benefit before scans change" is about scans lagging the cells: this chart has
#: no scans, diameter or marker, so lesson 04 shows it ("Early benefit (marker falls
#: first)": the marker halves while the scan still reads stable disease).
SHOWN_ELSEWHERE: tuple[str, ...] = ("Early benefit before scans change",)

PRESETS: dict[str, Preset[ResistanceValues]] = {
    name: Preset(_scenario_values(scenario), scenario.story)
    for name, scenario in TREATMENT_SCENARIOS.items()
    if _fits(scenario) and name not in SHOWN_ELSEWHERE
}
