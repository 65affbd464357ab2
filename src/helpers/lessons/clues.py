"""Lesson 06, growth or a rough patch: several clues about one person on one time axis.

The learner picks what is really going on underneath (a story from
``scenarios.clues``: side effects only, growth, an infection, or growth and an
infection), how hard each dose hits, how many cycles to show, and a re-draw of the
day-to-day ups and downs. ``compute`` makes the clues the team would have:

- a **symptom diary** (0 to 10 each day) and the **temperature** (``models.clues``);
- **white cells**: the body's level each day, and blood tests before each dose, at
  the expected low point 10 days after each dose, and on the first day of a fever;
- a **tumour marker**: the level in the blood, and a test before each dose and on the
  chart's last day (``models.markers``);
- **scans**: the tumour's width at the start and every 9 weeks (``clinic.scans``
  noise; ``clinic.response`` categories).

It then reads the clues the way the lesson teaches, each reading a plain number the
caption can say: does the diary rise after each dose and settle before the next
(the side-effect pattern)? Does the quiet week before each dose climb from cycle to
cycle (the growth pattern)? Is there a fever? Did the marker rise, did the scans grow?
From these, ``growth_clues`` and ``suggests`` say what the clues *together* point to.
That is never a diagnosis: the words say the team decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

from ..checks import Record, check_instance
from ..clinic.response import categorize_sums
from ..clinic.scans import ScanPlan, reading_factors
from ..models.clearance import measured_cells
from ..models.clones import simulate
from ..models.clues import (
    SCORE_MAX,
    Body,
    blood_tests,
    diary_scores,
    temperatures,
    white_cells,
)
from ..models.markers import MarkerModel, marker_levels, measure_marker
from ..models.size import cells_to_diameter_mm
from ..models.treatment import Schedule
from ..scenarios.clues import DOSE_HITS, STORIES
from ..scenarios.teaching_values import CARRYING_CAPACITY_CELLS, CYCLE_LENGTH_DAYS, GROWTH_LAW
from .presets import Preset, check_offered, check_whole, read_only

__all__ = [
    "SCORE_MAX", "CYCLE_LENGTH_DAYS", "STORY_CHOICES", "SIDE_EFFECT_CHOICES", "CYCLES_RANGE",
    "DRAW_RANGE", "SCAN_INTERVAL_WEEKS", "NADIR_CHECK_DAY", "FEVER_C", "LOW_WHITE_CELLS",
    "BUMP_NOTED", "CLIMB_NOTED", "MARKER_CHANGE_NOTED", "MARKER", "BODY",
    "CluesValues", "CycleDiary", "Fever", "WhiteCells", "MarkerCourse", "Scans",
    "CluesState", "compute", "PRESETS",
]

#: What is really going on underneath (the menu), in order.
STORY_CHOICES: tuple[str, ...] = tuple(STORIES)
#: How hard each dose hits (the slider's positions, in order).
SIDE_EFFECT_CHOICES: tuple[str, ...] = tuple(DOSE_HITS)
#: Cycles shown (21 days each): at least 3, so a scan after the start is on the chart.
CYCLES_RANGE: tuple[int, int] = (3, 8)
#: Re-draw the day-to-day ups and downs: each position is one seed of the noise.
DRAW_RANGE: tuple[int, int] = (0, 20)
#: Weeks between scans (every 3 cycles of 21 days: restaging every 2 to 3 cycles is common).
SCAN_INTERVAL_WEEKS = 9
#: A white-cell test this many days after each dose, when the count is expected to be lowest.
NADIR_CHECK_DAY = 10
#: A temperature of 38.0 degrees C or more counts as a fever. (Cancer centres use 38.0 to
#: 38.3; during chemotherapy any fever needs a call to the team right away.)
FEVER_C = 38.0
#: White cells (neutrophils) below this many billion per litre count as low: infections
#: are harder to fight.
LOW_WHITE_CELLS = 1.0
#: A cycle "rises after the dose" when its highest diary score in the week after the
#: dose is at least this many points above its quiet week before the next dose.
BUMP_NOTED = 2
#: The diary "climbs" when the quiet week of the last cycle is at least this many
#: points above that of the first.
CLIMB_NOTED = 2
#: The marker "rose" (or "fell") when its last test is at least this share above (below)
#: its first.
MARKER_CHANGE_NOTED = 0.25
#: The marker: 10 units/mL per billion cancer cells (100 at the start), half-life 10 days.
MARKER = MarkerModel(half_life_days=10.0, units_per_billion_cells=10.0, noise_cv=0.1)
#: The person (resting diary score, normal temperature and white cells, noise).
BODY = Body()

_DAYS_AFTER_DOSE_SEEN = 7  # the diary's "week after the dose"
_QUIET_DAYS = 7  # the diary's "quiet week" before the next dose


@dataclass(frozen=True)
class CluesValues:
    """The controls: the story underneath, how hard each dose hits, cycles shown, and the
    re-draw of the day-to-day ups and downs."""

    story: str = "Side effects only"
    side_effects: str = "moderate"
    cycles: int = 6
    draw: int = 0

    def __post_init__(self) -> None:
        check_offered("story", self.story, STORY_CHOICES)
        check_offered("side_effects", self.side_effects, SIDE_EFFECT_CHOICES)
        object.__setattr__(self, "cycles", check_whole("cycles", self.cycles, CYCLES_RANGE))
        object.__setattr__(self, "draw", check_whole("draw", self.draw, DRAW_RANGE))


@dataclass(frozen=True)
class CycleDiary(Record):
    """One cycle of the diary.

    Attributes:
        cycle: its number (1 = the first).
        dose_day: the day of its dose.
        peak: the highest score in the week after the dose (0 to 10).
        peak_day: the first day that score was reached.
        quiet: the middle (median) score of the quiet week before the next dose, or before
            the chart's end for the last cycle.
    """

    cycle: int
    dose_day: int
    peak: int
    peak_day: int
    quiet: float

    @property
    def rises_after_dose(self) -> bool:
        """The score rose after the dose and settled again (see ``BUMP_NOTED``)."""
        return self.peak - self.quiet >= BUMP_NOTED


@dataclass(frozen=True)
class Fever(Record):
    """The days with a temperature of ``FEVER_C`` or more.

    Attributes:
        first_day, last_day: the first and last such day.
        highest_c: the highest temperature (degrees C).
        cycle: the cycle the fever started in; ``days_after_dose``: how long after its dose.
        white_cells: the white-cell test on ``first_day`` (billions per litre).
    """

    first_day: int
    last_day: int
    highest_c: float
    cycle: int
    days_after_dose: int
    white_cells: float


@dataclass(frozen=True)
class WhiteCells(Record):
    """What the white-cell tests showed (billions per litre).

    Attributes:
        lowest: the lowest test; ``lowest_day``: its day.
        lowest_before_dose: the lowest test taken before a dose after the first (the count
            the team checks before giving a dose), or None with one dose only.
    """

    lowest: float
    lowest_day: int
    lowest_before_dose: float | None

    @property
    def low(self) -> bool:
        return self.lowest < LOW_WHITE_CELLS


@dataclass(frozen=True)
class MarkerCourse(Record):
    """The marker's first and last tests (units/mL) and their days."""

    first: float
    last: float
    first_day: int
    last_day: int

    @property
    def change(self) -> float:
        """From the first test to the last, as a fraction (0.5 = half as much again)."""
        return self.last / self.first - 1.0

    @property
    def trend(self) -> Literal["rose", "fell", "steady"]:
        if self.change >= MARKER_CHANGE_NOTED:
            return "rose"
        if self.change <= -MARKER_CHANGE_NOTED:
            return "fell"
        return "steady"


@dataclass(frozen=True)
class Scans(Record):
    """The scans: their days, the tumour's width each read (mm), its change from the first
    scan (fractions) and each scan's category code (``clinic.response``)."""

    days: tuple[int, ...]
    width_mm: tuple[float, ...]
    changes: tuple[float, ...]
    categories: tuple[str, ...]

    @property
    def last_change(self) -> float:
        return self.changes[-1]

    @property
    def grew(self) -> bool:
        """The last scan reads progression by the teaching rule of lesson 04."""
        return self.categories[-1] == "PD"


@dataclass(frozen=True, eq=False)
class CluesState(Record):
    """The clues, ready to draw, and what they show, ready to tell.

    Attributes:
        values: the control values.
        days: the chart's days, 0 (the first dose) to ``horizon_days``.
        dose_days: the days a dose was given.
        scores: the diary, one whole number 0 to 10 per day.
        temperature_c: the temperature each day (degrees C).
        white_line: the white cells each day (billions per litre), as the body has them.
        white_test_days, white_tests: the white-cell blood tests.
        marker_days, marker_line: the marker's level in the blood (units/mL).
        marker_test_days, marker_tests: the marker's blood tests.
        scans: the scans.
        diary: one ``CycleDiary`` per cycle.
        fever: the fever, or None.
        white: what the white-cell tests showed.
        marker: the marker's first and last tests.
        growth_clues: which clues point to growth, in the order "diary", "marker", "scans".
        highest: the most the marker and scan charts must show (units/mL, mm).
    """

    values: CluesValues
    days: np.ndarray
    dose_days: tuple[int, ...]
    scores: np.ndarray
    temperature_c: np.ndarray
    white_line: np.ndarray
    white_test_days: tuple[int, ...]
    white_tests: np.ndarray
    marker_days: np.ndarray
    marker_line: np.ndarray
    marker_test_days: tuple[int, ...]
    marker_tests: np.ndarray
    scans: Scans
    diary: tuple[CycleDiary, ...]
    fever: Fever | None
    white: WhiteCells
    marker: MarkerCourse
    growth_clues: tuple[str, ...]
    highest: tuple[float, float]

    @property
    def horizon_days(self) -> int:
        return int(self.days[-1])

    @property
    def days_shown(self) -> tuple[int, int]:
        """The chart's first and last day: the span the words must describe."""
        return 0, self.horizon_days

    @property
    def cycles_rising(self) -> int:
        """How many cycles rose after the dose and settled (the side-effect pattern)."""
        return sum(cycle.rises_after_dose for cycle in self.diary)

    @property
    def follows_doses(self) -> bool:
        """At least half of the cycles show the side-effect pattern."""
        return 2 * self.cycles_rising >= len(self.diary)

    @property
    def climb_points(self) -> float:
        """The quiet week's score, last cycle minus first (diary points)."""
        return self.diary[-1].quiet - self.diary[0].quiet

    @property
    def climbs(self) -> bool:
        return self.climb_points >= CLIMB_NOTED

    @property
    def suggests(self) -> tuple[str, ...]:
        """What the clues together point to: "side effects", "growth" (two or more growth
        clues), "one growth clue" (exactly one), "infection" (a fever)."""
        found = []
        if self.follows_doses:
            found.append("side effects")
        if len(self.growth_clues) >= 2:
            found.append("growth")
        elif len(self.growth_clues) == 1:
            found.append("one growth clue")
        if self.fever is not None:
            found.append("infection")
        return tuple(found)


@lru_cache(maxsize=16)
def _cancer(story: str, cycles: int):
    """The cancer cells under the story (they do not depend on side effects or the draw)."""
    schedule = Schedule(CYCLE_LENGTH_DAYS, cycles)
    return schedule, simulate(STORIES[story].clones, schedule, cycles * CYCLE_LENGTH_DAYS,
                              law=GROWTH_LAW, carrying_capacity_cells=CARRYING_CAPACITY_CELLS)


def _before_dose(grid: np.ndarray, series: np.ndarray, days) -> np.ndarray:
    """``series`` on each of ``days``, before that day's dose (the first sample of the day)."""
    return series[np.searchsorted(grid, np.asarray(days, dtype=float), side="left")]


def _diary(days: np.ndarray, scores: np.ndarray, dose_days: tuple[int, ...],
           horizon: int) -> tuple[CycleDiary, ...]:
    cycles = []
    ends = (*dose_days[1:], horizon + 1)
    for number, (dose, end) in enumerate(zip(dose_days, ends, strict=True), start=1):
        week = scores[dose + 1: dose + 1 + _DAYS_AFTER_DOSE_SEEN]
        quiet = scores[max(end - _QUIET_DAYS, dose + 1): end]
        top = int(week.max())
        cycles.append(CycleDiary(cycle=number, dose_day=dose, peak=top,
                                 peak_day=dose + 1 + int(np.argmax(week)),
                                 quiet=float(np.median(quiet))))
    return tuple(cycles)


def _fever(days: np.ndarray, temperature: np.ndarray, dose_days: tuple[int, ...],
           white_test_days: tuple[int, ...], white_tests: np.ndarray) -> Fever | None:
    hot = np.flatnonzero(temperature >= FEVER_C - 1e-9)
    if hot.size == 0:
        return None
    first, last = int(days[hot[0]]), int(days[hot[-1]])
    cycle = int(np.searchsorted(dose_days, first, side="right"))
    return Fever(first_day=first, last_day=last, highest_c=float(temperature[hot].max()),
                 cycle=cycle, days_after_dose=first - dose_days[cycle - 1],
                 white_cells=float(white_tests[white_test_days.index(first)]))


def _white_test_days(dose_days: tuple[int, ...], horizon: int,
                     temperature: np.ndarray) -> tuple[int, ...]:
    planned = {day for dose in dose_days for day in (dose, dose + NADIR_CHECK_DAY)
               if day <= horizon}
    hot = np.flatnonzero(temperature >= FEVER_C - 1e-9)
    if hot.size:
        planned.add(int(hot[0]))  # the team checks the blood on the day a fever starts
    return tuple(sorted(planned))


def compute(values: CluesValues) -> CluesState:
    """The clues of one person over ``values.cycles`` cycles, and what they show."""
    check_instance("values", values, CluesValues)
    story = STORIES[values.story]
    effects = DOSE_HITS[values.side_effects]
    infection = story.infection_for(effects)
    horizon = values.cycles * CYCLE_LENGTH_DAYS
    schedule, cancer = _cancer(values.story, values.cycles)
    dose_days = tuple(int(d) for d in schedule.dose_days)
    days = np.arange(horizon + 1)
    live = cancer.total_cells
    seed = int(values.draw)

    scores = diary_scores(days, dose_days, _before_dose(cancer.days, live, days), effects,
                          BODY, infection, seed=seed)
    temperature = temperatures(days, BODY, infection, seed=seed)
    white_line = white_cells(days, dose_days, effects, BODY.normal_white_cells)
    white_days = _white_test_days(dose_days, horizon, temperature)
    white_tests = blood_tests(white_line[list(white_days)], seed=seed)

    marker_line = marker_levels(cancer.days, live, MARKER)
    marker_days = tuple(sorted({*dose_days, horizon}))
    marker_tests = measure_marker(cancer.days, marker_line, marker_days, MARKER, seed=seed)

    plan = ScanPlan(interval_weeks=SCAN_INTERVAL_WEEKS, seed=seed)
    scan_days = plan.scan_days(horizon)
    # A scan sees live cells and dead cells not yet cleared; it is taken before that day's dose.
    true_mm = cells_to_diameter_mm(_before_dose(cancer.days, measured_cells(cancer.days, live),
                                                scan_days))
    read_mm = np.round(true_mm * reading_factors(np.random.default_rng(seed), len(scan_days)),
                       1)
    scans = Scans(days=tuple(scan_days), width_mm=tuple(float(mm) for mm in read_mm),
                  changes=tuple(float(mm / read_mm[0] - 1.0) for mm in read_mm),
                  categories=categorize_sums([float(mm) for mm in read_mm]))

    diary = _diary(days, scores, dose_days, horizon)
    fever = _fever(days, temperature, dose_days, white_days, white_tests)
    before = [t for day, t in zip(white_days, white_tests, strict=True)
              if day in dose_days[1:]]
    lowest = int(np.argmin(white_tests))
    white = WhiteCells(lowest=float(white_tests[lowest]), lowest_day=white_days[lowest],
                       lowest_before_dose=float(min(before)) if before else None)
    marker = MarkerCourse(first=float(marker_tests[0]), last=float(marker_tests[-1]),
                          first_day=marker_days[0], last_day=marker_days[-1])
    clues = []
    if diary[-1].quiet - diary[0].quiet >= CLIMB_NOTED:
        clues.append("diary")
    if marker.trend == "rose":
        clues.append("marker")
    if scans.grew:
        clues.append("scans")
    highest = (max(float(marker_line.max()), float(marker_tests.max())),
               float(read_mm.max()))
    return CluesState(
        values=values, days=read_only(days), dose_days=dose_days, scores=read_only(scores),
        temperature_c=read_only(temperature), white_line=read_only(white_line),
        white_test_days=white_days, white_tests=read_only(white_tests),
        marker_days=read_only(cancer.days), marker_line=read_only(marker_line),
        marker_test_days=marker_days, marker_tests=read_only(marker_tests), scans=scans,
        diary=diary, fever=fever, white=white, marker=marker, growth_clues=tuple(clues),
        highest=highest)


PRESETS: dict[str, Preset[CluesValues]] = {
    "A rough patch (side effects only)": Preset(
        CluesValues(),
        "Each dose brings a few rough days, then the person picks up before the next dose. "
        "The white cells dip and recover. The marker falls and the scans read smaller."),
    "Feeling awful, cancer held back": Preset(
        CluesValues(side_effects="severe"),
        "Harder side effects: the diary climbs high after each dose and the white cells fall "
        "low. Yet there is no climb from cycle to cycle, and the marker and scans say the "
        "cancer is held back. Feeling awful does not by itself mean the cancer is growing."),
    "Growth (a climb week after week)": Preset(
        CluesValues(story="Growth"),
        "The same bumps after each dose, but the quiet days before each dose get worse cycle "
        "after cycle. The marker rises and the scans read larger: the clues line up."),
    "Infection at the low point": Preset(
        CluesValues(story="Infection"),
        "Side effects only, until a fever starts in cycle 3, when the white cells are at "
        "their lowest. A fever during chemotherapy needs a call to the team right away."),
    "Growth and an infection": Preset(
        CluesValues(story="Growth and an infection"),
        "Two things at once: a climb from cycle to cycle with a rising marker and larger "
        "scans, and a fever in cycle 3. Urgent problems can come from the cancer, the "
        "treatment or an infection."),
    "Growth, early on (3 cycles)": Preset(
        CluesValues(story="Growth", cycles=3),
        "The same growing cancer after only 3 cycles. The diary's climb is still small, so "
        "the marker and the first follow-up scan carry more of the story. Early on, the "
        "pattern is harder to see."),
}
