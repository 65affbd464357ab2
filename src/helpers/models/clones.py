"""Clones of cancer cells that grow, compete and are killed by each dose.

Governing equations, for clone i with N = sum of all clones::

    dN_i/dt = r_i (1 - c_i) f(N) N_i          between doses (f: crowding, see growth)
    N_i(t_d+) = N_i(t_d-) * 10^(-L_i * q_d)   on dose day t_d (log kill L_i, dose q_d)
    L_i = sum of L_i,g over the drugs g given that day   (several drugs at once)
    N_i(t_l+) = N_i(t_l-) * s_l               on a local-treatment day t_l (s_l left)

with Norton-Simon optionally scaling L_i by f(N), and a fraction mu of the
sensitive clones' births moved to the resistant clone (mutation).

Units: time in days, cells as counts (expected values, not whole cells),
rates per day, kill as "logs" (powers of ten) per full dose.

The model, in words:

- A tumour holds one or more *clones*: groups of cells that behave alike,
  for example drug-sensitive and drug-resistant cells.
- Between doses every clone grows at its own rate, slowed for all of them by
  a shared crowding factor (see ``growth``): clones compete for one space.
  A resistant clone may pay a *fitness cost*: it grows a little slower.
- On each dose day, each clone loses a fixed *fraction* of its cells, not a
  fixed number (Skipper's log-kill): a log kill of 2 leaves 1 cell in 100.
  A reduced dose gives a proportionally smaller log kill.
- Each clone has its own kill for each drug: a clone that resists drug A may
  still be killed by drug B. Drugs given on the same day act independently,
  so their log kills add (the shares left multiply): no synergy, no
  antagonism.
- A *local treatment* (radiation or surgery aimed at this one tumour) leaves
  the same share of every clone, whatever the drugs do to it.
- Optionally (Norton-Simon) the kill is scaled by the crowding factor too:
  fast-growing tumours respond more than crowded, slow ones.
- Optionally, sensitive cells turn resistant by mutation at a rate per
  division.
- After a dose, a clone left with fewer than one cell is taken as wiped out.

Left out: drug levels over time, cell-cycle phases, the immune system,
spread between sites, normal tissue, side effects, drugs that help or hinder
each other, cells that resist radiation. See docs/model.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..checks import (
    check_array,
    check_choice,
    check_flag,
    check_instance,
    check_int,
    check_number,
    check_sequence,
)
from .growth import GROWTH_LAWS, MAX_CELLS, _gompertz_cells, _logistic_cells
from .treatment import DEFAULT_DRUG, Schedule

__all__ = ["Clone", "SimulationResult", "simulate", "MAX_HORIZON_DAYS"]

MAX_HORIZON_DAYS = 3650
MAX_LOG_KILL = 12.0
MAX_GROWTH_RATE_PER_DAY = 5.0


@dataclass(frozen=True)
class Clone:
    """One group of cells that behave alike.

    Attributes:
        name: a short label, shown in legends ("sensitive", "resistant").
        initial_cells: cells on day 0 (0 or more).
        growth_rate_per_day: per-cell growth rate of an uncrowded tumour
            (ln 2 / doubling time), before any fitness cost.
        log_kill_per_dose: powers of ten killed by one full dose of drug "A", the
            schedule's default drug (0 = the drug does nothing; 1 = 90% killed;
            2 = 99% killed).
        fitness_cost_fraction: fraction (0 to <1) by which this clone's growth rate is
            lowered, the price some resistant cells pay.
        resistant: whether this clone counts as resistant in shares and
            captions, and receives cells that mutate.
        log_kill_by_drug: powers of ten killed by one full dose of each other drug,
            by name ({"B": 1.0}); a drug not named here kills none of this clone.
            Drug "A" is not named here: its kill is ``log_kill_per_dose``.
    """

    name: str
    initial_cells: float
    growth_rate_per_day: float
    log_kill_per_dose: float = 0.0
    fitness_cost_fraction: float = 0.0
    resistant: bool = False
    # Left out of the hash (a dict has none); equality still compares it.
    log_kill_by_drug: Mapping[str, float] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"name must be a non-empty string; got {self.name!r}")
        for attr, value in (
            ("initial_cells", check_number("initial_cells", self.initial_cells,
                                           minimum=0.0, maximum=1e15)),
            ("growth_rate_per_day", check_number("growth_rate_per_day", self.growth_rate_per_day,
                                                 minimum=0.0, maximum=MAX_GROWTH_RATE_PER_DAY)),
            ("log_kill_per_dose", check_number("log_kill_per_dose", self.log_kill_per_dose,
                                               minimum=0.0, maximum=MAX_LOG_KILL)),
            ("fitness_cost_fraction", check_number("fitness_cost_fraction",
                                                   self.fitness_cost_fraction, minimum=0.0,
                                                   maximum=1.0, max_inclusive=False)),
        ):
            object.__setattr__(self, attr, value)
        if not isinstance(self.resistant, bool):
            raise ValueError(f"resistant must be True or False; got {self.resistant!r}")
        if not isinstance(self.log_kill_by_drug, Mapping):
            raise ValueError("log_kill_by_drug must map drug names to log kills; got "
                             f"{self.log_kill_by_drug!r}")
        kills: dict[str, float] = {}
        for drug, kill in self.log_kill_by_drug.items():
            if not isinstance(drug, str) or not drug.strip() or drug == DEFAULT_DRUG:
                raise ValueError(f"log_kill_by_drug must name drugs other than "
                                 f"{DEFAULT_DRUG!r} (its kill is log_kill_per_dose); got "
                                 f"{drug!r}")
            kills[drug] = check_number(f"log_kill_by_drug[{drug!r}]", kill, minimum=0.0,
                                       maximum=MAX_LOG_KILL)
        # A copy: the caller's dict can change later without changing this clone.
        object.__setattr__(self, "log_kill_by_drug", kills)

    @property
    def effective_growth_rate_per_day(self) -> float:
        """Growth rate after the fitness cost."""
        return self.growth_rate_per_day * (1.0 - self.fitness_cost_fraction)

    @property
    def surviving_fraction_per_dose(self) -> float:
        """Fraction of this clone's cells left after one full dose: 10^-log_kill."""
        return 10.0 ** (-self.log_kill_per_dose)

    def log_kill_of(self, drug: str) -> float:
        """Powers of ten one full dose of ``drug`` kills (0 for a drug not named)."""
        if not isinstance(drug, str) or not drug.strip():
            raise ValueError(f"drug must be a non-empty drug name; got {drug!r}")
        if drug == DEFAULT_DRUG:
            return self.log_kill_per_dose
        return self.log_kill_by_drug.get(drug, 0.0)


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """Cells of each clone over time.

    ``days`` rises in steps of one day and holds each dose day (and each
    local-treatment day) twice: first the count just before the dose, then just
    after, so plots show the drop.
    ``cells`` has one row per clone and one column per entry of ``days``.
    """

    days: np.ndarray
    cells: np.ndarray
    clone_names: tuple[str, ...]
    resistant: tuple[bool, ...]
    schedule: Schedule
    horizon_days: int

    def __post_init__(self) -> None:
        horizon = check_int("horizon_days", self.horizon_days, minimum=1,
                            maximum=MAX_HORIZON_DAYS)
        days = check_array("days", self.days, minimum=0.0, maximum=float(horizon), rising=True)
        cells = check_array("cells", self.cells, minimum=0.0, maximum=MAX_CELLS, ndim=2)
        check_instance("schedule", self.schedule, Schedule)
        names = check_sequence("clone_names", self.clone_names)
        if not all(isinstance(name, str) and name.strip() for name in names):
            raise ValueError(f"clone_names must hold non-empty names; got {names!r}")
        flags = tuple(check_flag(f"resistant[{i}]", flag)
                      for i, flag in enumerate(check_sequence("resistant", self.resistant,
                                                              length=len(names))))
        if cells.shape != (len(names), days.size):
            raise ValueError(f"cells must have one row per clone and one column per day: shape "
                             f"({len(names)}, {days.size}); got {cells.shape}")
        for name, value in (("days", days), ("cells", cells)):
            if value.flags.writeable:  # a read-only copy: the caller's array stays theirs
                value = value.copy()
                value.flags.writeable = False
            object.__setattr__(self, name, value)
        object.__setattr__(self, "clone_names", names)
        object.__setattr__(self, "resistant", flags)
        object.__setattr__(self, "horizon_days", horizon)

    @property
    def total_cells(self) -> np.ndarray:
        return self.cells.sum(axis=0)

    @property
    def resistant_cells(self) -> np.ndarray:
        mask = np.asarray(self.resistant, dtype=bool)
        return self.cells[mask].sum(axis=0)

    @property
    def resistant_share(self) -> np.ndarray:
        """Fraction of all cells that are resistant (0 where no cells are left)."""
        total = self.total_cells
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(total > 0, self.resistant_cells / np.where(total > 0, total, 1), 0.0)
        return share

    def cells_of(self, name: str) -> np.ndarray:
        """Cells over time of the clone called ``name``."""
        check_choice("name", name, self.clone_names)
        return self.cells[self.clone_names.index(name)]

    def index_at(self, day: float) -> int:
        """Index of the last sample on or before ``day`` (after any dose that day)."""
        check_number("day", day, minimum=0.0, maximum=float(self.horizon_days))
        return int(np.searchsorted(self.days, day, side="right") - 1)

    def total_at(self, day: float) -> float:
        """Total cells on ``day``, after that day's dose if there is one."""
        return float(self.total_cells[self.index_at(day)])

    @property
    def nadir_index(self) -> int:
        """Index of the lowest total (the first, if it repeats)."""
        return int(np.argmin(self.total_cells))

    @property
    def nadir_day(self) -> float:
        return float(self.days[self.nadir_index])

    @property
    def nadir_cells(self) -> float:
        return float(self.total_cells[self.nadir_index])


def _check_clones(clones: Sequence[Clone]) -> tuple[Clone, ...]:
    items = check_sequence("clones", clones)
    if not items:
        raise ValueError("clones must hold at least 1 Clone; got an empty list")
    for i, clone in enumerate(items):
        if not isinstance(clone, Clone):
            raise ValueError(f"clones[{i}] must be a Clone; got {clone!r}")
    names = [c.name for c in items]
    if len(set(names)) != len(names):
        raise ValueError(f"clones must have distinct names; got {names}")
    return items


def _uncrowded_days(total: float, mean_rate: float, dt: float, law: str, capacity: float,
                    log_capacity: float) -> float:
    """Days of uncrowded growth that ``dt`` days of crowded growth are worth.

    Written with a clock tau that runs at the crowding factor's pace
    (d tau / dt = f(N)), every clone grows as N_i e^(r_i tau): the clones only
    share tau. For one clone of rate r (here the clones' mean rate) the law's
    closed form gives tau over the step exactly:

    - logistic: tau = dt - ln(1 + x (e^(r dt) - 1)) / r, with x = N / K;
    - Gompertz: tau = ln(K / N) (1 - e^(-r dt / ln K)) / r (below one cell the
      crowding factor is 1, so tau runs with the clock until the count reaches 1).

    Both lie between 0 and dt f(N), so a step never grows more than a step
    with the crowding frozen at its start value.
    """
    if law == "exponential" or mean_rate <= 0.0:
        return dt
    if law == "logistic":
        share = total / capacity
        if share >= 1.0:
            return 0.0
        tau = dt - math.log1p(share * math.expm1(mean_rate * dt)) / mean_rate
    else:
        if total >= capacity:
            return 0.0
        # Below one cell the factor is 1: uncrowded growth until the count reaches 1.
        to_one_cell = math.log(1.0 / total) / mean_rate if total < 1.0 else 0.0
        if to_one_cell >= dt:
            return dt
        start = max(total, 1.0)
        tau = to_one_cell + math.log(capacity / start) \
            * -math.expm1(-mean_rate * (dt - to_one_cell) / log_capacity) / mean_rate
    return min(max(tau, 0.0), dt)


def simulate(
    clones: Sequence[Clone],
    schedule: Schedule,
    horizon_days: int,
    *,
    law: str = "exponential",
    carrying_capacity_cells: float = 1e12,
    mutation_rate_per_division: float = 0.0,
    norton_simon: bool = False,
    steps_per_day: int = 4,
    local_treatments: Sequence[tuple[int, float]] = (),
) -> SimulationResult:
    """Run the clones through ``schedule`` for ``horizon_days`` days.

    Args:
        clones: one or more ``Clone``s (distinct names).
        schedule: the treatment; every dose must fall on or before the horizon.
        horizon_days: last day simulated (1 to 3650).
        law: "exponential", "logistic" or "gompertz" (see ``growth``).
        carrying_capacity_cells: the most cells the site holds (shared).
        mutation_rate_per_division: chance (0 to 1e-2) that a new cell of a
            sensitive clone is born resistant; those cells join the first
            resistant clone. Needs a clone with ``resistant=True`` if > 0.
        norton_simon: scale each dose's log kill by the crowding factor.
        steps_per_day: growth sub-steps per day (1 to 48); raised to the fastest
            clone's rate (rounded up) so no sub-step grows any clone by more than
            e-fold. Each sub-step solves the crowded law exactly for the clones'
            mean rate (see ``_uncrowded_days``), so one clone, or clones that grow
            alike, are exact at any step; other mixes converge as steps rise.
            The total never passes the carrying capacity (logistic, Gompertz) or
            ``MAX_CELLS`` (exponential: held there; docs/model.md).
        local_treatments: (day, fraction left) pairs: treatments aimed at this
            tumour alone (radiation, surgery) that leave that fraction (0 to 1) of
            every clone's cells on that day (0 to the horizon), after any dose.
            Norton-Simon does not scale them. A fraction of 1 changes nothing but
            still gives the day two samples (lesions use this to share one grid).

    Returns:
        A ``SimulationResult`` with at least daily samples.
    """
    items = _check_clones(clones)
    if not isinstance(schedule, Schedule):
        raise ValueError(f"schedule must be a Schedule; got {schedule!r}")
    horizon = check_int("horizon_days", horizon_days, minimum=1, maximum=MAX_HORIZON_DAYS)
    schedule.check_fits(horizon)
    check_choice("law", law, GROWTH_LAWS)
    capacity = check_number("carrying_capacity_cells", carrying_capacity_cells, minimum=10.0,
                            maximum=1e15)
    mutation = check_number("mutation_rate_per_division", mutation_rate_per_division,
                            minimum=0.0, maximum=1e-2)
    if not isinstance(norton_simon, bool):
        raise ValueError(f"norton_simon must be True or False; got {norton_simon!r}")
    steps = check_int("steps_per_day", steps_per_day, minimum=1, maximum=48)
    left_by_day: dict[int, float] = {}
    for i, pair in enumerate(check_sequence("local_treatments", local_treatments)):
        if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise ValueError(f"local_treatments[{i}] must be a (day, fraction left) pair; "
                             f"got {pair!r}")
        day = check_int(f"local_treatments[{i}] day", pair[0], minimum=0, maximum=horizon)
        left = check_number(f"local_treatments[{i}] fraction left", pair[1], minimum=0.0,
                            maximum=1.0)
        left_by_day[day] = left_by_day.get(day, 1.0) * left
    resistant = tuple(c.resistant for c in items)
    if mutation > 0 and not any(resistant):
        raise ValueError("mutation_rate_per_division > 0 needs a clone with resistant=True")
    start_total = sum(c.initial_cells for c in items)
    if law != "exponential" and start_total > capacity:
        raise ValueError(f"total initial cells must be in [0, carrying_capacity_cells="
                         f"{capacity:g}]; got {start_total:g}")
    if start_total > MAX_CELLS:
        raise ValueError(f"total initial cells must be in [0, {MAX_CELLS:g}]; "
                         f"got {start_total:g}")
    return _run(tuple(items), schedule, horizon, law, capacity, mutation, norton_simon, steps,
                tuple(sorted(left_by_day.items())))


#: Runs kept (most recent). Why: a reader moves a slider back and forth, and a lesson
#: asks for the same runs again (an example, a comparison line); a run is a few kB.
RUNS_KEPT = 256


@lru_cache(maxsize=RUNS_KEPT)
def _run(items: tuple[Clone, ...], schedule: Schedule, horizon: int, law: str, capacity: float,
         mutation: float, norton_simon: bool, steps: int,
         local_left: tuple[tuple[int, float], ...]) -> SimulationResult:
    """``simulate``'s work, on checked values (all hashable, so a run is kept; the result
    is read-only, so sharing it is safe)."""
    left_by_day = dict(local_left)
    resistant = tuple(c.resistant for c in items)
    # Why plain floats and lists here: a tumour has a handful of clones, and numpy's
    # cost per call (about a microsecond) on arrays that short made the day loop most of
    # a slider move. Python's own arithmetic on a few floats is several times faster.
    rates = [float(c.effective_growth_rate_per_day) for c in items]
    # One clone, or clones that all grow alike, follow the law's closed form exactly, as
    # do clones growing without crowding: worked out a stretch at a time (below). Mutation
    # moves cells between clones each sub-step.
    alike = mutation == 0.0 and all(rate == rates[0] for rate in rates)
    exact = law == "exponential" and mutation == 0.0
    # Otherwise no sub-step may grow a clone more than e-fold (rate x step <= 1): this
    # keeps the total within the capacity even when the clones' rates differ
    # (docs/model.md, "Numbers that stay finite").
    steps = max(steps, math.ceil(max(rates)))
    dt = 1.0 / steps
    order = range(len(items))
    # Each clone's kill (logs per full dose) by each drug the schedule gives.
    kill_by_drug = {drug: [c.log_kill_of(drug) for c in items] for drug in schedule.drug_names}
    target = resistant.index(True) if any(resistant) else -1
    log_capacity = math.log(capacity)

    def factor(total: float) -> float:
        # Scalar version of growth.crowding_factor, inlined: it runs on every dose day.
        if law == "exponential":
            return 1.0
        if law == "logistic":
            return min(max(1.0 - total / capacity, 0.0), 1.0)
        return min(max(math.log(capacity / max(total, 1.0)) / log_capacity, 0.0), 1.0)

    # Logs killed in each clone on each dose day: the drugs given add up.
    kill_on_day: dict[int, list[float]] = {}
    for day, dose, drugs in zip(schedule.dose_days, schedule.dose_fractions, schedule.drugs,
                                strict=True):
        before = kill_on_day.get(day, [0.0] * len(items))
        kill_on_day[day] = [before[i] + dose * sum((kill_by_drug[drug][i] for drug in drugs), 0.0)
                            for i in order]
    event_days = set(kill_on_day) | set(left_by_day)

    day_growth = [math.exp(rate) for rate in rates]  # one day of uncrowded growth
    limit = MAX_CELLS if law == "exponential" else capacity
    cells = [float(c.initial_cells) for c in items]

    def after_event(day: int, cells: list[float]) -> list[float]:
        # The day's doses, then its local treatments.
        day_kill = kill_on_day.get(day)
        if day_kill is not None:
            scale = factor(sum(cells)) if norton_simon else 1.0
            cells = [n * 10.0 ** (-k * scale) for n, k in zip(cells, day_kill, strict=True)]
        left = left_by_day.get(day, 1.0)
        # Fewer than one cell left: that clone is gone.
        return [n * left if n * left >= 1.0 else 0.0 for n in cells]

    def alike_stretch(cells: list[float], elapsed_days: np.ndarray) -> np.ndarray:
        # Clones that grow alike keep their shares of a total that follows the law's
        # closed form.
        total = sum(cells)
        if total <= 0.0:
            return np.zeros((len(cells), elapsed_days.size))
        totals = _alike_totals(total, rates[0], elapsed_days, law, capacity)
        return (np.array(cells, dtype=float) / total)[:, None] * totals

    def exponential_stretch(cells: list[float], elapsed_days: np.ndarray) -> np.ndarray:
        # Each clone grows e^(r t); worked in logs, so a stretch that would reach the
        # ceiling is seen before anything overflows, and is stepped day by day instead.
        held = np.array(cells, dtype=float)
        with np.errstate(divide="ignore"):  # a clone that is gone: log 0 = -inf, stays 0
            logs = np.log(held)[:, None] + np.outer(rates, elapsed_days)
        if logs.max() < math.log(MAX_CELLS / len(cells)):
            # Times its growth, not e^(log), so a clone that does not grow keeps its count
            # exactly. (The cap only keeps a clone that is gone from 0 * inf.)
            return held[:, None] * np.exp(np.minimum(np.outer(rates, elapsed_days), 700.0))
        out = np.empty((len(cells), elapsed_days.size))
        for column in range(elapsed_days.size):
            cells = [n * g for n, g in zip(cells, day_growth, strict=True)]
            total = sum(cells)
            if total > MAX_CELLS:  # held at the ceiling; shares stay as they were
                cells = [min(n * (MAX_CELLS / total), MAX_CELLS) for n in cells]
            out[:, column] = cells
        return out

    if exact or alike:
        # One closed form from one event day to the next: worked out a stretch at a time.
        days, out = _course_by_stretches(cells, horizon, sorted(event_days), after_event,
                                         exponential_stretch if exact else alike_stretch)
        return SimulationResult(days=days, cells=out, clone_names=tuple(c.name for c in items),
                                resistant=resistant, schedule=schedule, horizon_days=horizon)

    sample_days: list[int] = []
    samples: list[list[float]] = []
    for day in range(horizon + 1):
        if day > 0:
            for _ in range(steps):
                total = sum(cells)
                if total <= 0.0:
                    break
                mean_rate = sum(r * n for r, n in zip(rates, cells, strict=True)) / total
                tau = _uncrowded_days(total, mean_rate, dt, law, capacity, log_capacity)
                grown = [n * math.exp(r * tau) for n, r in zip(cells, rates, strict=True)]
                if mutation > 0.0:
                    moved = [0.0 if resistant[i] else mutation * max(grown[i] - cells[i], 0.0)
                             for i in order]
                    grown = [g - m for g, m in zip(grown, moved, strict=True)]
                    grown[target] += sum(moved)
                cells = grown
                total = sum(cells)
                # Floating dust only: the step itself never passes the limit.
                if total > limit:
                    cells = [min(n * (limit / total), limit) for n in cells]
        if day in event_days:
            sample_days.append(day)
            samples.append(cells)
            cells = after_event(day, cells)
        sample_days.append(day)
        samples.append(cells)

    days = np.array(sample_days, dtype=float)
    out = np.array(samples, dtype=float).T.copy()  # clones x samples (at least 2 days)
    days.flags.writeable = False
    out.flags.writeable = False
    return SimulationResult(days=days, cells=out, clone_names=tuple(c.name for c in items),
                            resistant=resistant, schedule=schedule, horizon_days=horizon)


def _course_by_stretches(
        cells: list[float], horizon: int, events: list[int],
        after_event: Callable[[int, list[float]], list[float]],
        stretch: Callable[[list[float], np.ndarray], np.ndarray],
) -> tuple[np.ndarray, np.ndarray]:
    """``_run``'s samples (days; clones x samples, read-only), each stretch between
    ``events`` (days) worked out at once: ``stretch(cells, elapsed_days)`` gives each
    clone's cells after each of the elapsed days. The same samples as ``_run``'s
    day-by-day loop: one a day, and two on an event day (before and after it).

    Why: the loop costs a few microseconds of Python a day, milliseconds a run, on every
    slider move. Where the clones' growth has a closed form (they grow alike, or without
    crowding), the stretch is that closed form, the one each day's step would take, so
    the two ways agree to rounding.
    """
    day_chunks: list[np.ndarray] = []
    cell_chunks: list[np.ndarray] = []

    def sample(day: int, now: list[float]) -> None:
        day_chunks.append(np.array([day], dtype=float))
        cell_chunks.append(np.array(now, dtype=float)[:, None])

    if events and events[0] == 0:
        sample(0, cells)
        cells = after_event(0, cells)
    sample(0, cells)
    start = 0
    for stop in [*(day for day in events if 0 < day <= horizon), horizon]:
        if stop > start:
            day_chunks.append(np.arange(start + 1.0, stop + 1.0))
            cell_chunks.append(stretch(cells, np.arange(1.0, stop - start + 1.0)))
            cells = [float(n) for n in cell_chunks[-1][:, -1]]
            if stop in events:
                cells = after_event(stop, cells)
                sample(stop, cells)
        start = stop
    days = np.concatenate(day_chunks)
    out = np.concatenate(cell_chunks, axis=1)
    days.flags.writeable = False
    out.flags.writeable = False
    return days, out


def _alike_totals(total: float, rate: float, elapsed_days: np.ndarray, law: str,
                  capacity: float) -> np.ndarray:
    """The cells of a tumour of ``total`` cells (above 0) after each of ``elapsed_days``,
    growing at ``rate`` per day under the crowded ``law`` ("logistic" or "gompertz")
    towards ``capacity``: the closed forms of ``_uncrowded_days`` (those of ``grow``, but
    for Gompertz below one cell), in forms that neither overflow nor pass the capacity."""
    if rate <= 0.0:
        return total * np.exp(rate * elapsed_days)  # no crowding (``_uncrowded_days``)
    if total >= capacity:
        return np.full_like(elapsed_days, total)
    if law == "logistic":
        return _logistic_cells(total, rate * elapsed_days, capacity)
    if total >= 1.0:
        return _gompertz_cells(total, rate * elapsed_days, capacity)
    # Below one cell the crowding factor is 1: uncrowded until the count reaches 1, then
    # Gompertz from 1. (In logs: a count that small times its growth could overflow.)
    log_capacity = math.log(capacity)
    to_one_cell = math.log(1.0 / total) / rate
    crowded = np.maximum(elapsed_days - to_one_cell, 0.0)
    logs = np.where(elapsed_days <= to_one_cell, math.log(total) + rate * elapsed_days,
                    -log_capacity * np.expm1(-rate * crowded / log_capacity))
    return np.minimum(np.exp(np.minimum(logs, log_capacity)), capacity)
