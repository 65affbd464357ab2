"""Named treatment scenarios: cells and doses only, no scans (lessons 02 and 05).

Each ``TreatmentScenario`` is a documented parameter set plus the one
pattern it claims to show (``what_it_shows``). ``tests/test_treatment_scenarios.py``
runs every scenario through the models and checks that claim.

The numbers are **illustrative**: chosen inside ranges that are plausible for
a human tumour (about 10 billion cells, a sphere about 27 mm across;
doubling times of 2 to 4 weeks; one dose every 21 days), and tuned so each
pattern is easy to see. They do not describe any particular cancer, drug or
person. For education, not medical advice.

Also here: three illustrative *sensitivity levels* (how much of a sensitive
clone one dose kills), to show that cancers differ in how well chemotherapy
works on them. The source article says only that "some cancers respond
better to chemo than others"; the levels are illustrations, not
measurements of named cancers.

Shared model choices for every scenario (see docs/model.md):

- logistic growth with room for 1e12 cells (about 1 kg of tumour), so at
  these sizes growth is close to exponential and the doubling times mean
  what they say;
- the diameter is that of one sphere holding every cell
  (``cells_to_diameter_mm(total)``, 1e9 cells per cm3);
- restaging scans every 2 cycles, on the day before the next dose, and on
  the day the course ends.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..checks import (
    check_choice,
    check_fields,
    check_instance,
    check_int,
    check_items,
    check_number,
)
from ..models.clones import Clone, SimulationResult, simulate
from ..models.growth import GROWTH_LAWS, doubling_time_days_to_rate_per_day
from ..models.size import cells_to_diameter_mm
from ..models.treatment import Schedule
from .teaching_values import (
    CARRYING_CAPACITY_CELLS,
    CELLS_AT_START,
    CYCLE_LENGTH_DAYS,
    GROWTH_LAW,
)

__all__ = [
    "CELLS_AT_START",
    "CYCLE_LENGTH_DAYS",
    "CARRYING_CAPACITY_CELLS",
    "GROWTH_LAW",
    "SensitivityLevel",
    "SENSITIVITY_LEVELS",
    "SENSITIVITY_NOTE",
    "TreatmentScenario",
    "TREATMENT_SCENARIOS",
    "two_clone_tumour",
    "one_clone_tumour",
    "log_kill_for_fraction",
    "diameter_mm_of",
    "cycle_end_days",
]



def log_kill_for_fraction(fraction_killed: float) -> float:
    """Logs killed by a dose that kills ``fraction_killed`` (0.9 -> 1 log, 0.99 -> 2)."""
    killed = check_number("fraction_killed", fraction_killed, minimum=0.0, maximum=1.0,
                          max_inclusive=False)
    return -math.log10(1.0 - killed)


# --- cancer type: illustrative sensitivity levels ---------------------------


@dataclass(frozen=True)
class SensitivityLevel:
    """How much of the drug-sensitive cells one full dose kills (an illustration).

    Attributes:
        name: "very sensitive", "moderately sensitive" or "hardly sensitive".
        fraction_killed_per_dose: fraction of sensitive cells one dose kills.
        description: one plain sentence for captions and lessons.
    """

    name: str
    fraction_killed_per_dose: float
    description: str

    def __post_init__(self) -> None:
        check_fields(self, [("fraction_killed_per_dose", 0.0, 1.0)])

    @property
    def log_kill_per_dose(self) -> float:
        """Powers of ten killed per dose: 0.999 -> 3, 0.9 -> 1, 0.5 -> about 0.3."""
        return log_kill_for_fraction(self.fraction_killed_per_dose)


SENSITIVITY_LEVELS: dict[str, SensitivityLevel] = {
    "very sensitive": SensitivityLevel(
        "very sensitive", 0.999,
        "Each dose kills 999 of every 1,000 sensitive cells (3 logs)."),
    "moderately sensitive": SensitivityLevel(
        "moderately sensitive", 0.9,
        "Each dose kills 9 of every 10 sensitive cells (1 log)."),
    "hardly sensitive": SensitivityLevel(
        "hardly sensitive", 0.5,
        "Each dose kills half of the sensitive cells (about 0.3 log)."),
}

SENSITIVITY_NOTE = (
    "These three levels are illustrations, not measurements of any named cancer. "
    "Some cancers respond better to chemotherapy than others; how well one drug plan "
    "works also depends on the person and the drugs."
)


# --- building tumours --------------------------------------------------------


def two_clone_tumour(
    *,
    resistant_share: float,
    fraction_killed: float,
    sensitive_doubling_time_days: float,
    resistant_doubling_time_days: float,
    fitness_cost_fraction: float = 0.0,
    cells: float = CELLS_AT_START,
) -> tuple[Clone, Clone]:
    """A drug-sensitive and a drug-resistant clone (the resistant one is not killed).

    Args:
        resistant_share: fraction of the cells that are resistant on day 0
            (0 to 1; 1e-7 is 1 in 10 million).
        fraction_killed: fraction of *sensitive* cells one full dose kills
            (0 to below 1).
        sensitive_doubling_time_days, resistant_doubling_time_days: doubling time of
            each clone while small (days), before any fitness cost.
        fitness_cost_fraction: fraction (0 to below 1) by which resistant cells grow
            slower than their doubling time says.
        cells: all cells on day 0.
    """
    share = check_number("resistant_share", resistant_share, minimum=0.0, maximum=1.0)
    total = check_number("cells", cells, minimum=1.0, maximum=1e15)
    sensitive = Clone(
        "sensitive", total * (1.0 - share),
        doubling_time_days_to_rate_per_day(
            check_number("sensitive_doubling_time_days", sensitive_doubling_time_days,
                         minimum=0.5, maximum=3650)),
        log_kill_per_dose=log_kill_for_fraction(fraction_killed),
    )
    resistant = Clone(
        "resistant", total * share,
        doubling_time_days_to_rate_per_day(
            check_number("resistant_doubling_time_days", resistant_doubling_time_days,
                         minimum=0.5, maximum=3650)),
        log_kill_per_dose=0.0, fitness_cost_fraction=fitness_cost_fraction, resistant=True,
    )
    return sensitive, resistant


def one_clone_tumour(*, fraction_killed: float, doubling_time_days: float,
                     cells: float = CELLS_AT_START) -> tuple[Clone]:
    """A tumour of drug-sensitive cells only (used for the dose lesson)."""
    total = check_number("cells", cells, minimum=1.0, maximum=1e15)
    return (Clone(
        "sensitive", total,
        doubling_time_days_to_rate_per_day(
            check_number("doubling_time_days", doubling_time_days, minimum=0.5, maximum=3650)),
        log_kill_per_dose=log_kill_for_fraction(fraction_killed),
    ),)


def diameter_mm_of(result: SimulationResult) -> np.ndarray:
    """Diameter (mm) of one sphere holding all the cells, at every sample."""
    return cells_to_diameter_mm(check_instance("result", result, SimulationResult).total_cells)


def cycle_end_days(schedule: Schedule) -> tuple[int, ...]:
    """The last day of each cycle as given: the day before each later dose, then the end.

    These are the days a restaging scan would be done (just before the next
    dose), so they skip the saw-tooth dip right after each dose.
    """
    if not isinstance(schedule, Schedule):
        raise ValueError(f"schedule must be a Schedule; got {schedule!r}")
    if schedule.cycles == 0:
        return ()
    return tuple(day - 1 for day in schedule.dose_days[1:]) + (schedule.end_day,)


# --- the scenarios ----------------------------------------------------------


@dataclass(frozen=True)
class TreatmentScenario:
    """A named, documented parameter set and the pattern it shows.

    Attributes:
        name: the name lessons use (for example "Stable disease").
        what_it_shows: the claim, in one sentence; a test checks it.
        story: the same in plain words for learners.
        clones: the clones on day 0 (see ``two_clone_tumour``).
        schedule: the course as given (delays and dose cuts included).
        horizon_days: last day simulated.
        law: growth law ("logistic" by default; see ``models.growth``).
        carrying_capacity_cells: the most cells the site can hold.
        restaging_every_cycles: cycles between restaging scans.
        parameters_note: why these numbers (all illustrative).
    """

    name: str
    what_it_shows: str
    story: str
    clones: tuple[Clone, ...]
    schedule: Schedule
    horizon_days: int
    law: str = GROWTH_LAW
    carrying_capacity_cells: float = CARRYING_CAPACITY_CELLS
    restaging_every_cycles: int = 2
    parameters_note: str = ""

    def __post_init__(self) -> None:
        for attr in ("name", "what_it_shows", "story"):
            value = getattr(self, attr)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{attr} must be a non-empty string; got {value!r}")
        object.__setattr__(self, "clones", check_items("clones", self.clones, Clone, minimum=1))
        check_instance("schedule", self.schedule, Schedule)
        horizon = check_int("horizon_days", self.horizon_days, minimum=1, maximum=3650)
        self.schedule.check_fits(horizon)
        object.__setattr__(self, "horizon_days", horizon)
        check_choice("law", self.law, GROWTH_LAWS)
        check_number("carrying_capacity_cells", self.carrying_capacity_cells, minimum=10.0,
                     maximum=1e15)
        check_int("restaging_every_cycles", self.restaging_every_cycles, minimum=1,
                  maximum=52)

    # -- running -------------------------------------------------------------
    def run(self) -> SimulationResult:
        """The course as given, run through ``models.simulate``."""
        return self._run(self.schedule)

    def run_as_planned(self) -> SimulationResult:
        """The same tumour under the plan (full doses, no delays), same horizon."""
        return self._run(self.schedule.as_planned())

    def _run(self, schedule: Schedule) -> SimulationResult:
        return simulate(self.clones, schedule, self.horizon_days, law=self.law,
                        carrying_capacity_cells=self.carrying_capacity_cells)

    # -- what the team would look at ----------------------------------------
    @property
    def baseline_cells(self) -> float:
        return float(sum(c.initial_cells for c in self.clones))

    @property
    def restaging_days(self) -> tuple[int, ...]:
        """Scan days: the day before every n-th next dose, and the day the course ends."""
        ends = cycle_end_days(self.schedule)
        every = self.restaging_every_cycles
        return tuple(day for day in ends[every - 1::every] if day <= self.horizon_days)

    @property
    def on_teaching_tumour(self) -> bool:
        """True when it runs on the lessons' shared tumour and is followed to the end of
        its course: ``CELLS_AT_START`` cells, ``GROWTH_LAW`` up to
        ``CARRYING_CAPACITY_CELLS``, horizon on the last cycle's end. The lessons' panels
        can rebuild only such scenarios from their controls."""
        return (math.isclose(self.baseline_cells, CELLS_AT_START) and self.law == GROWTH_LAW
                and self.carrying_capacity_cells == CARRYING_CAPACITY_CELLS
                and self.horizon_days == self.schedule.end_day)

    @property
    def resistant_share_at_start(self) -> float:
        total = self.baseline_cells
        resistant = sum(c.initial_cells for c in self.clones if c.resistant)
        return resistant / total if total > 0 else 0.0


def _schedule(cycles: int, *, delays_days: Sequence[int] = (),
              dose_fractions: Sequence[float] = ()) -> Schedule:
    return Schedule(CYCLE_LENGTH_DAYS, cycles, dose_fractions=tuple(dose_fractions),
                    delays_days=tuple(delays_days))


def _scenario(name: str, what: str, story: str, clones, schedule: Schedule,
              note: str) -> TreatmentScenario:
    return TreatmentScenario(name=name, what_it_shows=what, story=story, clones=tuple(clones),
                             schedule=schedule, horizon_days=schedule.end_day,
                             parameters_note=note)


_SIX_CYCLES = _schedule(6)

TREATMENT_SCENARIOS: dict[str, TreatmentScenario] = {
    s.name: s
    for s in (
        _scenario(
            "Responding",
            "Nearly every cell is sensitive, so each cycle kills more cells than grow back "
            "and the diameter ends at least 30% below baseline (partial-response size).",
            "The drug kills 7 of every 10 cancer cells at each dose. The cells that are "
            "left grow back a little between doses, but never as many as were killed, so "
            "the tumour shrinks cycle after cycle.",
            two_clone_tumour(resistant_share=1e-7, fraction_killed=0.7,
                             sensitive_doubling_time_days=30, resistant_doubling_time_days=30,
                             fitness_cost_fraction=0.10),
            _SIX_CYCLES,
            "1 resistant cell in 10 million; 70% of sensitive cells killed per dose; "
            "doubling time 30 days for both clones; resistant cells grow 10% slower; "
            "6 cycles of 21 days.",
        ),
        _scenario(
            "Stable disease",
            "Kill and regrowth balance, so the diameter stays within -30% / +20% of "
            "baseline on every restaging scan while the resistant share rises underneath.",
            "Each dose kills half of the sensitive cells, and they double back in about the "
            "21 days before the next dose, so the tumour's size barely changes. Underneath, "
            "the resistant cells keep growing: at the start 1 cell in 100 is resistant, by "
            "the end nearly 1 in 3.",
            two_clone_tumour(resistant_share=1e-2, fraction_killed=0.5,
                             sensitive_doubling_time_days=21, resistant_doubling_time_days=21,
                             fitness_cost_fraction=0.10),
            _SIX_CYCLES,
            "1 resistant cell in 100; 50% of sensitive cells killed per dose (a hardly "
            "sensitive cancer, illustration); doubling time 21 days for both clones; "
            "resistant cells grow 10% slower; 6 cycles of 21 days.",
        ),
        _scenario(
            "Response fades (acquired resistance)",
            "The tumour shrinks to a low point (nadir), then regrows to a diameter more than "
            "20% above that low point while the same drug is still being given.",
            "At first the drug clears most of the sensitive cells and the tumour shrinks "
            "fast. The resistant cells, 1 in 100 at the start, are not touched. Once they "
            "make up most of the tumour, it grows again, even though the doses continue: "
            "the response fades.",
            two_clone_tumour(resistant_share=1e-2, fraction_killed=0.9,
                             sensitive_doubling_time_days=21, resistant_doubling_time_days=21,
                             fitness_cost_fraction=0.0),
            _SIX_CYCLES,
            "1 resistant cell in 100; 90% of sensitive cells killed per dose (a moderately "
            "sensitive cancer, illustration); doubling time 21 days for both clones; "
            "no fitness cost (some resistance costs the cells little); 6 cycles of 21 days.",
        ),
        _scenario(
            "Aggressive biology",
            "Growth between cycles outpaces the kill, so the total at every restaging scan "
            "is above baseline from the first scan on.",
            "These cancer cells double every 2 weeks. Each dose kills half of them, but in "
            "the 3 weeks before the next dose they grow back almost three times over, so "
            "the tumour grows despite treatment.",
            two_clone_tumour(resistant_share=1e-7, fraction_killed=0.5,
                             sensitive_doubling_time_days=14, resistant_doubling_time_days=14,
                             fitness_cost_fraction=0.10),
            _SIX_CYCLES,
            "1 resistant cell in 10 million; 50% of sensitive cells killed per dose; "
            "doubling time 14 days for both clones (fast); resistant cells grow 10% "
            "slower; 6 cycles of 21 days.",
        ),
        _scenario(
            "Treatment paused",
            "A 14-day pause before cycle 3 lets the tumour regrow, and a 25% dose cut from "
            "cycle 3 on brings relative dose intensity below the plan.",
            "After two full doses, low blood counts force a 2-week pause, and the next "
            "doses are cut by a quarter. The cancer cells grow back during the pause, and "
            "each smaller dose kills fewer of them.",
            one_clone_tumour(fraction_killed=0.9, doubling_time_days=21),
            _schedule(6, delays_days=(0, 0, 14, 0, 0, 0),
                      dose_fractions=(1.0, 1.0, 0.75, 0.75, 0.75, 0.75)),
            "Sensitive cells only; 90% killed per full dose; doubling time 21 days; a "
            "14-day delay before cycle 3; doses cut to 75% from cycle 3 on; 6 cycles of "
            "21 days. Relative dose intensity 75%.",
        ),
        _scenario(
            "Early benefit before scans change",
            "The number of cancer cells falls by more than half before the diameter has "
            "fallen by 30%.",
            "Each dose kills half of the cancer cells. Because the diameter follows the "
            "cube root of the number of cells, half the cells gone shrinks the diameter by "
            "only about a fifth. Symptoms can ease while the scans still say 'stable'.",
            two_clone_tumour(resistant_share=1e-7, fraction_killed=0.5,
                             sensitive_doubling_time_days=30, resistant_doubling_time_days=30,
                             fitness_cost_fraction=0.10),
            _SIX_CYCLES,
            "1 resistant cell in 10 million; 50% of sensitive cells killed per dose; "
            "doubling time 30 days for both clones; resistant cells grow 10% slower; "
            "6 cycles of 21 days.",
        ),
    )
}
