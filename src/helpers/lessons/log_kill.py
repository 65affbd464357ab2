"""Lesson 01, log kill: each dose kills a share of the cells; they regrow between doses.

One clone of ``start_cells`` cells doubles every ``doubling_time_days`` days
while small (logistic growth towards ``CARRYING_CAPACITY_CELLS``) and loses
``log_kill_per_dose`` powers of ten at each of ``cycles`` doses, one every
``cycle_length_days`` days. The chart runs one cycle past the end of the
course, so the regrowth after it shows; the same tumour untreated is computed
for comparison, on the same time grid.

Cells are live cells. The measured size is that of the live cells plus the
dead cells the body has not yet cleared (``models.clearance``): a dose kills
at once, but the tumour shrinks over the following weeks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ..checks import Record, check_instance
from ..clinic.scans import CT_SMALLEST_VISIBLE_CELLS
from ..models.clearance import DEFAULT_CLEARANCE_HALF_LIFE_DAYS, measured_cells
from ..models.clones import Clone, simulate
from ..models.growth import doubling_time_days_to_rate_per_day, grow
from ..models.size import cells_to_diameter_mm
from ..models.treatment import Schedule
from ..scenarios.teaching_values import (
    CARRYING_CAPACITY_CELLS,
    CELLS_AT_START_SMALL,
    CYCLE_LENGTH_CHOICES_DAYS,
    CYCLE_LENGTH_DAYS,
    GROWTH_LAW,
    PLANNED_CYCLES,
)
from .presets import (
    Preset,
    check_choice,
    check_offered,
    check_on_steps,
    check_whole,
    read_only,
)

__all__ = ["LOG_KILL_CHOICES", "DOUBLING_TIME_RANGE_DAYS", "DOUBLING_TIME_STEP_DAYS",
           "CYCLE_LENGTH_CHOICES_DAYS", "CYCLES_RANGE", "START_CELLS_CHOICES",
           "STEADY_WITHIN_LOGS", "LogKillValues", "LogKillState", "compute", "PRESETS"]

#: Powers of ten killed by one dose that the control offers: none, half
#: (log10 2, about 0.3), 90%, 99%, 99.9% and 99.99%.
LOG_KILL_CHOICES: tuple[float, ...] = (0.0, math.log10(2.0), 1.0, 2.0, 3.0, 4.0)
#: Doubling times the slider offers (days, inclusive), in steps of ``DOUBLING_TIME_STEP_DAYS``.
DOUBLING_TIME_RANGE_DAYS: tuple[float, float] = (2.0, 60.0)
DOUBLING_TIME_STEP_DAYS = 0.5
#: Numbers of cycles the slider offers (inclusive).
CYCLES_RANGE: tuple[int, int] = (1, 12)
#: Tumour sizes at the start the control offers (cells): about 6, 12 and 27 mm across.
START_CELLS_CHOICES: tuple[float, ...] = (1e8, CELLS_AT_START_SMALL, 1e10)
#: A net change per cycle smaller than this (powers of ten, either way) counts as holding steady.
STEADY_WITHIN_LOGS = 0.005


@dataclass(frozen=True)
class LogKillValues:
    """The controls: log kill per dose, doubling time (days), cycle length (days),
    number of cycles, and cells at the start."""

    log_kill_per_dose: float = 1.0
    doubling_time_days: float = 7.0
    cycle_length_days: int = CYCLE_LENGTH_DAYS
    cycles: int = PLANNED_CYCLES
    start_cells: float = CELLS_AT_START_SMALL

    def __post_init__(self) -> None:
        check_offered("log_kill_per_dose", self.log_kill_per_dose, LOG_KILL_CHOICES)
        check_on_steps("doubling_time_days", self.doubling_time_days,
                       DOUBLING_TIME_RANGE_DAYS, DOUBLING_TIME_STEP_DAYS)
        # Whole numbers stored as int, so words say "day 42", not "day 42.0".
        object.__setattr__(self, "cycle_length_days",
                           check_choice("cycle_length_days", self.cycle_length_days,
                                        CYCLE_LENGTH_CHOICES_DAYS))
        object.__setattr__(self, "cycles", check_whole("cycles", self.cycles, CYCLES_RANGE))
        check_offered("start_cells", self.start_cells, START_CELLS_CHOICES)


@dataclass(frozen=True)
class LogKillState(Record):
    """The treated course and the untreated one, with what the words need.

    The chart shows day 0 to ``horizon_days``: the course (to ``end_day``) and one
    more cycle with no dose, so the regrowth after the last cycle shows.

    Attributes:
        values: the control values this state was computed from.
        days: the time grid (days); each dose day appears twice, before and after the
            dose. Its last day is the chart's last day, ``horizon_days``.
        total_cells: live cancer cells on the grid, treated (0 once fewer than one is left).
        untreated_cells: the same tumour with no treatment, on the same grid.
        diameter_mm: measured size (mm) of the treated tumour on the grid: a sphere of its
            live cells plus the dead cells not yet cleared.
        live_diameter_mm: the size (mm) the live cells alone would make, on the grid.
        clearance_half_life_days: days for half of the killed cells to be cleared.
        dose_days: the day of each dose.
        nadir_day, nadir_cells: the lowest point of the treated course (live cells).
        horizon_days: the chart's last day (one cycle past the end of the course).
        end_day: the day the last cycle ends.
        end_cells: live cells on ``end_day``.
        start_mm, end_mm: measured size (mm) at the start and on ``end_day``.
        chart_end_cells: live cells on ``horizon_days``, the chart's last day.
        chart_end_mm: measured size (mm) on ``horizon_days``.
        net_logs_per_cycle: powers of ten gained over one cycle while small: regrowth
            between doses minus the kill (above 0: the tumour grows during treatment).
        gone_day: the first day fewer than one cell is left, if none is left on ``end_day``;
            else None.
        band_cells: cells of a tumour at the edges of the smallest size a CT scan shows.
    """

    values: LogKillValues
    days: np.ndarray
    total_cells: np.ndarray
    untreated_cells: np.ndarray
    diameter_mm: np.ndarray
    live_diameter_mm: np.ndarray
    clearance_half_life_days: float
    dose_days: tuple[int, ...]
    nadir_day: float
    nadir_cells: float
    horizon_days: int
    end_day: int
    end_cells: float
    start_mm: float
    end_mm: float
    chart_end_cells: float
    chart_end_mm: float
    net_logs_per_cycle: float
    gone_day: int | None
    band_cells: tuple[float, float]

    @property
    def start_cells(self) -> float:
        """Cells on day 0, before the first dose."""
        return float(self.total_cells[0])

    @property
    def cell_change(self) -> float:
        """Change in cells from the start to ``end_day``, as a fraction (-0.9 = 90% fewer)."""
        return self.end_cells / self.start_cells - 1.0

    @property
    def untreated_end_cells(self) -> float:
        """Cells of the untreated tumour on the last day computed."""
        return float(self.untreated_cells[-1])

    @property
    def days_shown(self) -> tuple[int, int]:
        """The chart's first and last day (days): the span the words must describe."""
        return 0, self.horizon_days

    @property
    def days_after_course(self) -> int:
        """Days the chart runs past the end of the last cycle (no doses in them)."""
        return self.horizon_days - self.end_day

    @property
    def chart_end_change(self) -> float:
        """Change in live cells from the start to the chart's last day, as a fraction."""
        return self.chart_end_cells / self.start_cells - 1.0

    @property
    def regrew_past_start(self) -> bool:
        """Fewer cells than at the start when the course ended, more by the chart's end."""
        return self.end_cells < self.start_cells < self.chart_end_cells

    @property
    def trend(self) -> Literal["grows", "shrinks", "steady"]:
        """Which way each cycle takes the tumour while it is small."""
        if self.net_logs_per_cycle > STEADY_WITHIN_LOGS:
            return "grows"
        if self.net_logs_per_cycle < -STEADY_WITHIN_LOGS:
            return "shrinks"
        return "steady"


def compute(values: LogKillValues) -> LogKillState:
    """Simulate the course (and the untreated tumour) for ``values``."""
    check_instance("values", values, LogKillValues)
    schedule = Schedule(cycle_length_days=values.cycle_length_days, cycles=values.cycles)
    horizon = schedule.end_day + values.cycle_length_days  # one more cycle to see regrowth
    rate = doubling_time_days_to_rate_per_day(values.doubling_time_days)
    result = simulate([Clone("cancer", values.start_cells, rate, values.log_kill_per_dose)],
                      schedule, horizon, law=GROWTH_LAW,
                      carrying_capacity_cells=CARRYING_CAPACITY_CELLS)
    total = result.total_cells
    measured = measured_cells(result.days, total, DEFAULT_CLEARANCE_HALF_LIFE_DAYS)
    diameter = cells_to_diameter_mm(measured)
    untreated_days = np.arange(horizon + 1, dtype=float)
    untreated = grow(values.start_cells, untreated_days, growth_rate_per_day=rate,
                     law=GROWTH_LAW, carrying_capacity_cells=CARRYING_CAPACITY_CELLS)
    end_day = schedule.end_day
    end_cells = result.total_at(end_day)
    end_index = result.index_at(end_day)
    gone_day = None
    if end_cells < 1.0:
        gone_day = next(int(day) for day, cells in zip(result.days, total, strict=True)
                        if cells < 1.0)
    # Net change over one cycle, in powers of ten: growth between doses minus the kill.
    growth_logs = rate * values.cycle_length_days / math.log(10.0)
    return LogKillState(
        values=values,
        days=read_only(result.days),
        total_cells=read_only(total),
        # The untreated line is put on the treated grid (dose days twice), so both
        # lines share one time axis.
        untreated_cells=read_only(np.interp(result.days, untreated_days, untreated)),
        diameter_mm=read_only(diameter),
        live_diameter_mm=read_only(cells_to_diameter_mm(total)),
        clearance_half_life_days=DEFAULT_CLEARANCE_HALF_LIFE_DAYS,
        dose_days=tuple(int(day) for day in result.schedule.dose_days),
        nadir_day=result.nadir_day, nadir_cells=result.nadir_cells,
        horizon_days=result.horizon_days, end_day=end_day, end_cells=end_cells,
        start_mm=float(diameter[0]), end_mm=float(diameter[end_index]),
        chart_end_cells=float(total[-1]), chart_end_mm=float(diameter[-1]),
        net_logs_per_cycle=growth_logs - values.log_kill_per_dose,
        gone_day=gone_day,
        band_cells=CT_SMALLEST_VISIBLE_CELLS,
    )


PRESETS: dict[str, Preset[LogKillValues]] = {
    "Very sensitive cancer (aim: cure)": Preset(
        LogKillValues(log_kill_per_dose=4.0, doubling_time_days=10, cycle_length_days=21,
                      cycles=6, start_cells=1e9),
        "Each dose wipes out 99.99% of the cells and they regrow slowly, so after a few "
        "cycles fewer than one cell is left. In this model that is a cure."),
    "Control: growth held back": Preset(
        LogKillValues(log_kill_per_dose=1.0, doubling_time_days=6.5, cycle_length_days=21,
                      cycles=6, start_cells=1e9),
        "Each dose kills 90%, and the cells make up nearly all of that in the three weeks "
        "between doses. The tumour stays close to its size while, untreated, it would "
        "have grown enormously: the aim is control. When the doses stop, it grows again."),
    "Shrink before surgery": Preset(
        LogKillValues(log_kill_per_dose=1.0, doubling_time_days=14, cycle_length_days=21,
                      cycles=4, start_cells=1e10),
        "A large tumour shrinks over four cycles, enough to make an operation easier, "
        "but cells are still there: surgery removes the rest."),
    "Growth outpaces the kill": Preset(
        LogKillValues(log_kill_per_dose=math.log10(2.0), doubling_time_days=10,
                      cycle_length_days=21, cycles=6, start_cells=1e9),
        "Each dose kills half the cells, but they double every ten days. Between doses "
        "they more than make up the loss, so the tumour grows during treatment."),
}
