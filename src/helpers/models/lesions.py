"""A patient with several lesions: tumour deposits in different places.

Governing equations, for lesion j seeded on day s_j::

    N_j(t) = 0 for t < s_j;  N_j(s_j) = seed cells
    dN_j/dt as in ``clones`` (its own clones and crowding), doses from day 0
    D_j(t): dead cells not yet cleared (``clearance``: each dose's kill, halving
            every h days)
    d_j(t) = 10 mm x (6 (N_j(t) + D_j(t)) / (pi rho))^(1/3)   (rho cells per cm3)
    N_j(t_l+) = s_l N_j(t_l-), per clone, on the day t_l of a local treatment of lesion j

Units: time in days (day 0 is the first dose's day, the baseline), cells as
counts, diameters in mm.

The model, in words:

- Each *lesion* (a tumour deposit in one place, e.g. the liver or a lung) has
  its own mix of clones (see ``clones``): some sites hold more drug-resistant
  cells than others, so they answer the same drug differently.
- Each lesion starts on its *seeding day*, either from a few cells (cells
  shed by another tumour) or at a given size (a lesion already there at
  baseline). A seeding day may fall before day 0: cells shed before the first
  dose keep growing, unseen, until they are big enough for a scan.
- Before day 0 a lesion grows untreated. From day 0 every lesion gets the
  same doses on the same days (one schedule: the drug reaches every site).
  A lesion seeded after day 0 meets only the doses given after its seeding.
- A lesion's size is the diameter of a sphere holding its live cells and
  the dead cells the body has not yet cleared (``clearance``, ``size``): a
  dose kills at once, but the lesion shrinks over the following weeks.
- A *local treatment* acts on one lesion only: radiation kills a share of
  every clone of that lesion (drug resistance does not protect a cell from
  it), and the dead cells clear as after a dose; surgery takes the whole
  lesion out, live and dead cells, at once.

Left out: how cells travel and settle (most shed cells die; here one seed is
simply one lesion), differences in drug delivery between sites, lymph
nodes, lesion shape, scar tissue that never clears, a course of radiation
spread over weeks (here one kill on one day), cells left behind by surgery.
See docs/model.md.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..checks import (
    DAY_RANGE,
    MAX_CELLS_ANYWHERE,
    check_array,
    check_choice,
    check_fields,
    check_instance,
    check_int,
    check_items,
    check_number,
    check_sequence,
)
from . import clones as _clones
from .clearance import DEFAULT_CLEARANCE_HALF_LIFE_DAYS, check_clearance_half_life, dead_cells
from .clones import MAX_HORIZON_DAYS, MAX_LOG_KILL, Clone, simulate
from .growth import GROWTH_LAWS, doubling_time_days_to_rate_per_day
from .size import DEFAULT_CELLS_PER_CM3, cells_to_diameter_mm, diameter_mm_to_cells
from .treatment import Schedule

__all__ = [
    "Lesion",
    "LocalTreatment",
    "LOCAL_TREATMENT_KINDS",
    "Patient",
    "PatientCourse",
    "make_lesion",
    "simulate_patient",
    "MAX_LESIONS",
    "EARLIEST_SEEDING_DAY",
]

MAX_LESIONS = 5
EARLIEST_SEEDING_DAY = -MAX_HORIZON_DAYS
# More cells than this (a sphere over a metre across) means the parameters
# make no sense for a person: say so instead of computing nonsense.
MAX_LESION_CELLS = 1e15
# The widest sphere any allowed count and packing makes (mm): a bound for records.
_MAX_DIAMETER_MM = 1e8


@dataclass(frozen=True)
class Lesion:
    """One tumour deposit.

    Attributes:
        name: a short label ("A", "Liver"); distinct within a patient.
        clones: the clone mix; each clone's ``initial_cells`` is its count on
            the seeding day (not on day 0).
        seeding_day: day the deposit starts (negative = before the first dose).
        site: where it is, in plain words ("liver"); may be empty.
        law: growth law of this site ("exponential", "logistic", "gompertz").
        carrying_capacity_cells: the most cells this site holds.
    """

    name: str
    clones: tuple[Clone, ...]
    seeding_day: int = 0
    site: str = ""
    law: str = "exponential"
    carrying_capacity_cells: float = 1e12

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"name must be a non-empty string; got {self.name!r}")
        clones = check_items("clones", self.clones, Clone, minimum=1)
        names = [c.name for c in clones]
        if len(set(names)) != len(names):
            raise ValueError(f"clones must have distinct names; got {names}")
        seeding = check_number("seeding_day", self.seeding_day, minimum=EARLIEST_SEEDING_DAY,
                               maximum=MAX_HORIZON_DAYS)
        if seeding != int(seeding):
            raise ValueError(f"seeding_day must be a whole number of days; got {seeding:g}")
        if not isinstance(self.site, str):
            raise ValueError(f"site must be a string; got {self.site!r}")
        check_choice("law", self.law, GROWTH_LAWS)
        capacity = check_number("carrying_capacity_cells", self.carrying_capacity_cells,
                                minimum=10.0, maximum=1e15)
        if self.law != "exponential" and self.start_cells > capacity:
            raise ValueError(f"the clones' initial cells must total at most "
                             f"carrying_capacity_cells={capacity:g}; got {self.start_cells:g}")
        object.__setattr__(self, "clones", clones)
        object.__setattr__(self, "seeding_day", int(seeding))
        object.__setattr__(self, "carrying_capacity_cells", capacity)

    @property
    def start_cells(self) -> float:
        """Cells on the seeding day (all clones)."""
        return float(sum(c.initial_cells for c in self.clones))

    @property
    def label(self) -> str:
        """'Lesion A (liver)' or 'Lesion A'."""
        return f"Lesion {self.name}" + (f" ({self.site})" if self.site else "")


def make_lesion(
    name: str,
    *,
    seeding_day: int = 0,
    start_cells: float | None = None,
    start_diameter_mm: float | None = None,
    doubling_time_days: float = 60.0,
    log_kill_per_dose: float = 1.0,
    resistant_fraction: float = 0.0,
    resistant_doubling_time_days: float | None = None,
    resistant_log_kill_per_dose: float = 0.0,
    site: str = "",
    law: str = "exponential",
    carrying_capacity_cells: float = 1e12,
    cells_per_cm3: float = DEFAULT_CELLS_PER_CM3,
) -> Lesion:
    """A lesion of drug-sensitive cells, and optionally resistant ones.

    Give exactly one of ``start_cells`` (e.g. 10: a few shed cells) or
    ``start_diameter_mm`` (e.g. 25: a lesion already seen) for its size on
    ``seeding_day``. ``resistant_fraction`` of those cells are resistant; they
    double every ``resistant_doubling_time_days`` (default: as the sensitive
    cells) and lose ``resistant_log_kill_per_dose`` logs per dose.
    """
    if start_cells is not None:
        check_number("start_cells", start_cells, minimum=1.0, maximum=1e13)
    if start_diameter_mm is not None:
        check_number("start_diameter_mm", start_diameter_mm, minimum=0.1, maximum=300.0)
    if (start_cells is None) == (start_diameter_mm is None):
        raise ValueError("give exactly one of start_cells or start_diameter_mm; got "
                         f"start_cells={start_cells!r}, start_diameter_mm={start_diameter_mm!r}")
    if start_cells is not None:
        cells = check_number("start_cells", start_cells, minimum=1.0, maximum=1e13)
    else:
        diameter = check_number("start_diameter_mm", start_diameter_mm, minimum=0.1,
                                maximum=300.0)
        cells = float(diameter_mm_to_cells(diameter, cells_per_cm3))
    share = check_number("resistant_fraction", resistant_fraction, minimum=0.0, maximum=1.0)
    rate = _rate("doubling_time_days", doubling_time_days)
    resistant_rate = (rate if resistant_doubling_time_days is None
                      else _rate("resistant_doubling_time_days", resistant_doubling_time_days))
    check_number("resistant_log_kill_per_dose", resistant_log_kill_per_dose, minimum=0.0,
                 maximum=MAX_LOG_KILL)
    clones = []
    if share < 1.0:
        clones.append(Clone("sensitive", cells * (1.0 - share), rate,
                            log_kill_per_dose=log_kill_per_dose))
    if share > 0.0:
        clones.append(Clone("resistant", cells * share, resistant_rate,
                            log_kill_per_dose=resistant_log_kill_per_dose, resistant=True))
    return Lesion(name, tuple(clones), seeding_day=seeding_day, site=site, law=law,
                  carrying_capacity_cells=carrying_capacity_cells)


def _rate(name: str, doubling_time_days: object) -> float:
    """The growth rate of a doubling time, checked under the name the caller used:
    from the fastest a clone may grow (``clones.MAX_GROWTH_RATE_PER_DAY``) to 1e6 days."""
    fastest = math.log(2.0) / _clones.MAX_GROWTH_RATE_PER_DAY
    days = check_number(name, doubling_time_days, minimum=math.ceil(fastest * 1000) / 1000,
                        maximum=1e6)
    return doubling_time_days_to_rate_per_day(days)


#: What a local treatment can be: "radiation" kills a share of a lesion's cells,
#: "surgery" takes the whole lesion out.
LOCAL_TREATMENT_KINDS: tuple[str, ...] = ("radiation", "surgery")


@dataclass(frozen=True)
class LocalTreatment:
    """Radiation or surgery aimed at one lesion (the drugs reach every lesion).

    Attributes:
        lesion: the name of the lesion treated.
        day: the day it acts (0 or later), after any dose that day. A course of
            radiation (often daily over 1 to 6 weeks) is taken as one kill on this day.
        kind: "radiation" kills ``log_kill`` powers of ten of every clone of the
            lesion, drug-resistant or not; the dead cells clear as after a dose.
            "surgery" takes out every cell of the lesion, live and dead, at once.
        log_kill: for radiation, powers of ten killed (above 0, at most 12: 3 leaves
            1 cell in 1,000); for surgery it must be None.
    """

    lesion: str
    day: int
    kind: str = "radiation"
    log_kill: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.lesion, str) or not self.lesion.strip():
            raise ValueError(f"lesion must be a lesion's name; got {self.lesion!r}")
        object.__setattr__(self, "day", check_int("day", self.day, minimum=0,
                                                  maximum=MAX_HORIZON_DAYS))
        check_choice("kind", self.kind, LOCAL_TREATMENT_KINDS)
        if self.kind == "surgery":
            if self.log_kill is not None:
                raise ValueError("log_kill must be None for surgery (it takes every cell "
                                 f"out); got {self.log_kill!r}")
        else:
            kill = check_number("log_kill", self.log_kill, minimum=0.0, maximum=MAX_LOG_KILL,
                                min_inclusive=False)
            object.__setattr__(self, "log_kill", kill)

    @property
    def fraction_left(self) -> float:
        """Share of the lesion's live cells left: 10^-log_kill, or 0 after surgery."""
        if self.log_kill is None:
            return 0.0
        return 10.0 ** (-self.log_kill)


@dataclass(frozen=True)
class Patient:
    """Several lesions treated on one schedule.

    Attributes:
        lesions: 1 to 5 lesions with distinct names.
        schedule: the doses, shared by every lesion.
        cells_per_cm3: packing density used to turn cells into a diameter.
        clearance_half_life_days: days for half of the cells a dose killed to be
            cleared from the mass (0 to 365; 0 = at once). See ``clearance``.
        local_treatments: radiation or surgery to single lesions (default none);
            each names a lesion that is already there on its day.
    """

    lesions: tuple[Lesion, ...]
    schedule: Schedule = field(default_factory=Schedule)
    cells_per_cm3: float = DEFAULT_CELLS_PER_CM3
    clearance_half_life_days: float = DEFAULT_CLEARANCE_HALF_LIFE_DAYS
    local_treatments: tuple[LocalTreatment, ...] = ()

    def __post_init__(self) -> None:
        lesions = check_items("lesions", self.lesions, Lesion)
        if not 1 <= len(lesions) <= MAX_LESIONS:
            raise ValueError(f"lesions must hold 1 to {MAX_LESIONS} Lesions; got {len(lesions)}")
        names = [lesion.name for lesion in lesions]
        if len(set(names)) != len(names):
            raise ValueError(f"lesions must have distinct names; got {names}")
        check_instance("schedule", self.schedule, Schedule)
        density = check_number("cells_per_cm3", self.cells_per_cm3, minimum=1.0, maximum=1e12)
        half_life = check_clearance_half_life(self.clearance_half_life_days)
        local = check_items("local_treatments", self.local_treatments, LocalTreatment)
        seeding = {lesion.name: lesion.seeding_day for lesion in lesions}
        for i, treatment in enumerate(local):
            check_choice(f"local_treatments[{i}].lesion", treatment.lesion, names)
            seeded = seeding[treatment.lesion]
            if seeded > 0 and treatment.day <= seeded:
                raise ValueError(f"local_treatments[{i}].day must be after lesion "
                                 f"{treatment.lesion}'s seeding day {seeded}; "
                                 f"got {treatment.day}")
        object.__setattr__(self, "lesions", lesions)
        object.__setattr__(self, "cells_per_cm3", density)
        object.__setattr__(self, "clearance_half_life_days", half_life)
        object.__setattr__(self, "local_treatments", local)

    @property
    def lesion_names(self) -> tuple[str, ...]:
        return tuple(lesion.name for lesion in self.lesions)


@dataclass(frozen=True, eq=False)
class PatientCourse:
    """True cells and size of each lesion over time (what no scan sees exactly).

    ``days`` runs from ``start_day`` (the earliest seeding day, or 0) to the
    horizon. Before day 0 there is one sample a day; from day 0 on, each dose
    day appears twice (just before, then just after the dose), as in
    ``SimulationResult``. The arrays have one row per lesion; a lesion has 0
    cells before its seeding day.

    Attributes:
        cells: live cancer cells (what the drug and the blood marker act on).
        dead_cells: cells killed by a dose and not yet cleared from the mass.
        diameter_mm: the lesion's true size (mm): a sphere of its live cells plus
            its dead cells not yet cleared. This is what a scan measures.
        live_diameter_mm: the size (mm) the live cells alone would make.
        clearance_half_life_days: the half-life the dead cells were cleared with.
        clone_cells: live cells of each clone, by clone name: one row per lesion (0
            where a lesion has no clone of that name); the rows of all clones add up
            to ``cells``.
        local_treatments: the patient's local treatments (radiation, surgery).
    """

    days: np.ndarray
    cells: np.ndarray
    diameter_mm: np.ndarray
    lesion_names: tuple[str, ...]
    seeding_days: tuple[int, ...]
    schedule: Schedule
    horizon_days: int
    dead_cells: np.ndarray
    live_diameter_mm: np.ndarray
    clearance_half_life_days: float
    clone_cells: Mapping[str, np.ndarray] = field(default_factory=dict)
    local_treatments: tuple[LocalTreatment, ...] = ()

    def __post_init__(self) -> None:
        check_fields(
            self,
            whole=[("horizon_days", 1, MAX_HORIZON_DAYS)],
            arrays=[("cells", 0.0, MAX_CELLS_ANYWHERE), ("dead_cells", 0.0, MAX_CELLS_ANYWHERE),
                    ("diameter_mm", 0.0, _MAX_DIAMETER_MM),
                    ("live_diameter_mm", 0.0, _MAX_DIAMETER_MM)],
            records=[("schedule", Schedule)],
            items=[("local_treatments", LocalTreatment)])
        days = check_array("days", self.days, minimum=DAY_RANGE[0], maximum=DAY_RANGE[1],
                           rising=True)
        days.flags.writeable = False
        object.__setattr__(self, "days", days)
        names = tuple(check_sequence("lesion_names", self.lesion_names))
        object.__setattr__(self, "lesion_names", names)
        object.__setattr__(self, "seeding_days", tuple(
            check_int(f"seeding_days[{i}]", day, minimum=EARLIEST_SEEDING_DAY,
                      maximum=MAX_HORIZON_DAYS)
            for i, day in enumerate(check_sequence("seeding_days", self.seeding_days))))
        object.__setattr__(self, "clearance_half_life_days",
                           check_clearance_half_life(self.clearance_half_life_days))
        for name in ("cells", "dead_cells", "diameter_mm", "live_diameter_mm"):
            shape = np.shape(getattr(self, name))
            if shape != (len(names), days.size):
                raise ValueError(f"{name} must have one row per lesion and one column per "
                                 f"day {(len(names), days.size)}; got shape {shape}")

    @property
    def start_day(self) -> int:
        return int(self.days[0])

    @property
    def total_cells(self) -> np.ndarray:
        """All lesions together (the tumour burden)."""
        return self.cells.sum(axis=0)

    def row(self, name: str) -> int:
        check_choice("name", name, self.lesion_names)
        return self.lesion_names.index(name)

    def index_before_dose(self, day: float) -> int:
        """Index of the sample on ``day`` before any dose that day (a scan's view).

        ``day`` is rounded down to a whole day.
        """
        check_number("day", day, minimum=float(self.start_day), maximum=float(self.horizon_days))
        return int(np.searchsorted(self.days, np.floor(day), side="left"))

    def diameters_on(self, day: float) -> np.ndarray:
        """True diameter (mm) of every lesion on ``day``, before that day's dose."""
        return self.diameter_mm[:, self.index_before_dose(day)].copy()

    def cells_on(self, day: float) -> np.ndarray:
        """True cells of every lesion on ``day``, before that day's dose."""
        return self.cells[:, self.index_before_dose(day)].copy()

    def first_day_at_least(self, name: str, diameter_mm: float) -> float | None:
        """First day lesion ``name`` is truly ``diameter_mm`` or larger (None if never)."""
        limit = check_number("diameter_mm", diameter_mm, minimum=0.0, maximum=_MAX_DIAMETER_MM)
        row = self.row(name)
        hits = np.nonzero(self.diameter_mm[row] >= limit)[0]
        # Only once the lesion exists: a 0 mm limit is not met before its seeding day.
        hits = hits[self.cells[row, hits] + self.dead_cells[row, hits] > 0]
        return float(self.days[hits[0]]) if hits.size else None


def _treated_grid(schedule: Schedule, horizon: int, extra_days: tuple[int, ...] = ()
                  ) -> np.ndarray:
    """Days 0..horizon with each dose day (and each of ``extra_days``) twice (the grid
    ``simulate`` uses)."""
    dose_days = sorted(set(schedule.dose_days) | set(extra_days))
    return np.sort(np.concatenate([np.arange(horizon + 1, dtype=float),
                                   np.asarray(dose_days, dtype=float)]), kind="stable")


def _schedule_after(schedule: Schedule, day: int) -> Schedule:
    """The doses of ``schedule`` given after ``day``, with day numbers shifted by ``-day``."""
    kept = [(d, f) for d, f in zip(schedule.dose_days, schedule.dose_fractions, strict=True)
            if d > day]
    if not kept:
        return Schedule(schedule.cycle_length_days, 0)
    days = [d - day for d, _ in kept]
    gaps = [0] + [b - a - schedule.cycle_length_days for a, b in zip(days, days[1:], strict=False)]
    drugs = schedule.drugs[len(schedule.drugs) - len(kept):]  # the last cycles' drugs
    # Delays are never negative: doses only move later, so gaps stay >= 0.
    return Schedule(schedule.cycle_length_days, len(kept),
                    dose_fractions=tuple(f for _, f in kept), delays_days=tuple(gaps),
                    start_day=days[0], drugs=drugs)


def _untreated(lesion: Lesion, days: int) -> np.ndarray:
    """Cells of each clone on each of ``days + 1`` days from seeding, untreated.

    Runs ``simulate`` with no doses, so clones share their site's crowding
    exactly as they do later (for exponential growth this equals the closed
    form N0 e^(r t) of ``growth.grow``).
    """
    result = simulate(lesion.clones, Schedule(cycles=0), days, law=lesion.law,
                      carrying_capacity_cells=lesion.carrying_capacity_cells)
    return result.cells


def _with_cells(lesion: Lesion, cells: np.ndarray) -> tuple[Clone, ...]:
    return tuple(dataclasses.replace(c, initial_cells=float(n))
                 for c, n in zip(lesion.clones, cells, strict=True))


def simulate_patient(patient: Patient, horizon_days: int) -> PatientCourse:
    """Each lesion's true cells and diameter from its seeding to ``horizon_days``.

    A lesion seeded before day 0 grows untreated up to day 0; from there
    ``simulate`` applies the shared schedule. A lesion seeded after day 0 is
    simulated from its seeding day with the doses still to come. The cells
    each dose kills stay in the lesion's size until cleared, at the patient's
    ``clearance_half_life_days``. A local treatment acts on its lesion alone,
    on its day, after any dose that day (every local-treatment day must be on
    or before ``horizon_days``).
    """
    if not isinstance(patient, Patient):
        raise ValueError(f"patient must be a Patient; got {patient!r}")
    horizon = int(check_number("horizon_days", horizon_days, minimum=1,
                               maximum=MAX_HORIZON_DAYS))
    if horizon != horizon_days:
        raise ValueError(f"horizon_days must be a whole number of days; got {horizon_days!r}")
    schedule = patient.schedule
    schedule.check_fits(horizon)
    for i, treatment in enumerate(patient.local_treatments):
        if treatment.day > horizon:
            raise ValueError(f"local_treatments[{i}].day must be at most horizon_days="
                             f"{horizon}; got {treatment.day}")
    start = min(0, min(lesion.seeding_day for lesion in patient.lesions))
    pre_days = np.arange(start, 0, dtype=float)
    local_days = tuple(sorted({t.day for t in patient.local_treatments}))
    grid = _treated_grid(schedule, horizon, local_days)
    days = np.concatenate([pre_days, grid])
    cells = np.zeros((len(patient.lesions), days.size))
    clone_names = list(dict.fromkeys(c.name for lesion in patient.lesions for c in lesion.clones))
    clone_cells = {name: np.zeros_like(cells) for name in clone_names}
    n_pre = pre_days.size

    for row, lesion in enumerate(patient.lesions):
        # Every lesion gets every local-treatment day (fraction left 1 if it is not the
        # one treated), so all lesions share one time grid.
        events = [(day, 1.0) for day in local_days]
        for treatment in patient.local_treatments:
            if treatment.lesion == lesion.name:
                events = [(day, left * treatment.fraction_left if day == treatment.day else left)
                          for day, left in events]
        seed = lesion.seeding_day
        if seed <= 0:
            day0 = lesion.clones
            if seed < 0:
                before = _untreated(lesion, -seed)  # clones x (-seed + 1) daily samples
                first = n_pre - (-seed)
                cells[row, first:n_pre] = before[:, :-1].sum(axis=0)
                for clone, counts in zip(lesion.clones, before, strict=True):
                    clone_cells[clone.name][row, first:n_pre] = counts[:-1]
                if not before[:, -1].sum() <= MAX_LESION_CELLS:
                    raise ValueError(
                        f"Lesion {lesion.name} grows past {MAX_LESION_CELLS:g} cells before "
                        "day 0; choose slower growth or a later seeding_day")
                day0 = _with_cells(lesion, before[:, -1])
            result = simulate(day0, schedule, horizon, law=lesion.law,
                              carrying_capacity_cells=lesion.carrying_capacity_cells,
                              local_treatments=events)
            cells[row, n_pre:] = result.total_cells
            for clone, counts in zip(lesion.clones, result.cells, strict=True):
                clone_cells[clone.name][row, n_pre:] = counts
        elif seed < horizon:
            later = _schedule_after(schedule, seed)
            result = simulate(lesion.clones, later, horizon - seed, law=lesion.law,
                              carrying_capacity_cells=lesion.carrying_capacity_cells,
                              local_treatments=[(day - seed, left) for day, left in events
                                                if day > seed])
            # On the treated grid, keep samples after the seeding day, plus the last
            # sample of the seeding day itself (after any dose that day: the seed
            # arrives after it).
            keep = grid > seed
            keep[np.searchsorted(grid, seed, side="right") - 1] = True
            cells[row, n_pre:][keep] = result.total_cells
            for clone, counts in zip(lesion.clones, result.cells, strict=True):
                clone_cells[clone.name][row, n_pre:][keep] = counts
        # seed >= horizon: the lesion does not exist yet within the horizon.

        too_big = ~np.isfinite(cells[row]) | (cells[row] > MAX_LESION_CELLS)
        if too_big.any():
            day = days[np.argmax(too_big)]
            raise ValueError(
                f"Lesion {lesion.name} grows past {MAX_LESION_CELLS:g} cells by day {day:g}; "
                "choose slower growth, a later seeding_day, a shorter horizon_days or a "
                "logistic or gompertz law")

    cells.flags.writeable = False
    dead = dead_cells(days, cells, patient.clearance_half_life_days)
    surgeries = [t for t in patient.local_treatments if t.kind == "surgery"]
    if surgeries:
        # Surgery takes the dead cells out with the live ones: none are left to clear.
        dead = dead.copy()
        for treatment in surgeries:
            after = int(np.searchsorted(days, treatment.day, side="right")) - 1
            dead[patient.lesion_names.index(treatment.lesion), after:] = 0.0
    diameter = np.asarray(cells_to_diameter_mm(cells + dead, patient.cells_per_cm3))
    live_diameter = np.asarray(cells_to_diameter_mm(cells, patient.cells_per_cm3))
    for array in (diameter, live_diameter, days, dead, *clone_cells.values()):
        array.flags.writeable = False
    return PatientCourse(
        days=days,
        cells=cells,
        diameter_mm=diameter,
        lesion_names=patient.lesion_names,
        seeding_days=tuple(lesion.seeding_day for lesion in patient.lesions),
        schedule=schedule,
        horizon_days=horizon,
        dead_cells=dead,
        live_diameter_mm=live_diameter,
        clearance_half_life_days=patient.clearance_half_life_days,
        clone_cells=clone_cells,
        local_treatments=patient.local_treatments,
    )
