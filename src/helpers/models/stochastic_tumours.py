"""Many tumours grown from one cell by chance, some cells turning resistant on the way.

Governing equation (a two-type linear birth-death process): in a short time dt, each cell
independently, with rates per cell per day::

    P(sensitive cell -> 2 sensitive cells)              = b_s (1 - alpha) dt
    P(sensitive cell -> 1 sensitive + 1 resistant cell) = b_s alpha dt
    P(sensitive cell dies)                              = d_s dt
    P(resistant cell -> 2 resistant cells)              = b_r dt
    P(resistant cell dies)                              = d_r dt

alpha is the mutation rate: the chance that a division of a sensitive cell gives a
resistant daughter. Each tumour starts as one sensitive cell and is stopped when it first
holds N cells (the size at detection). A tumour that dies out by chance (possible when
cells die) is started again, so every tumour reaches N: the sample is of tumours that grew.

What it gives: for each tumour, its resistant and sensitive cells at N, and how many
mutations happened. With no cell death and equal rates, the share of tumours with no
resistant cell follows Goldie and Coldman (``resistance_chance``) and the resistant
counts follow Luria and Delbruck (``fluctuation``); the tests check both.

Two methods:

- ``"exact"``: event by event (the jump chain of Gillespie's method). The next event is
  picked with chance proportional to its rate; the clock is not needed because the run
  stops at a size, not a time. Exact, but its work grows with N (about N events per
  tumour): practical up to about 1e5 cells.
- ``"fast"`` (the default): exactly as above up to ``exact_up_to_cells`` cells (256),
  then in time steps of ``step_growth`` / (the fastest birth rate) days. In a step the
  sensitive and resistant cells change by the exact birth-death law for that time (each
  cell leaves a zero-inflated geometric number of cells, Kendall 1948; with 1,000 or more
  cells the normal law with the same mean and variance). The mutations are a Poisson
  number, mean alpha b_s times the integral of the sensitive cells, over windows centred
  on the step boundaries (the cells taken as growing exponentially within a window); the
  new resistant cells join at the boundary and grow for the whole step, which on average
  is their age at the step's end (the midpoint rule). The last step is shortened so that the
  expected size is N. It works across all tumours at once (numpy arrays), so 10,000
  tumours reach 1e9 cells in about a second.

Seeded: the same ``seed`` (an int or a numpy Generator) gives the same tumours.

Left out: space and crowding (growth stays exponential, no carrying capacity), cells
changing back, more than one kind of resistance, the clock time to reach N, and any
treatment. Counts are whole cells.

Sources: Luria SE, Delbruck M. Genetics 1943;28:491-511. Kendall DG. Ann Math Stat
1948;19:1-15 (the birth-death law). Gillespie DT. J Phys Chem 1977;81:2340-2361.
Goldie JH, Coldman AJ. Cancer Treat Rep 1979;63:1727-1733.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..checks import (
    check_array,
    check_choice,
    check_fields,
    check_instance,
    check_int,
    check_number,
)

__all__ = [
    "CellRates",
    "TumourSample",
    "grow_tumours",
    "METHODS",
    "MAX_TUMOURS",
    "MAX_CELLS",
    "MAX_EXACT_CELLS",
]

METHODS = ("fast", "exact")
MAX_TUMOURS = 1_000_000
MAX_CELLS = 1e12
#: The exact method's largest N: about N events per tumour, one numpy pass each.
MAX_EXACT_CELLS = 1_000_000
MAX_RATE_PER_DAY = 10.0
#: Deaths per birth for sensitive cells: above this a tumour barely grows.
MAX_DEATH_TO_BIRTH_RATIO = 0.9
#: From this many cells on, a step's change is drawn from the normal law (same mean and
#: variance as the exact law): a sum of 1,000 or more independent cells' offspring.
NORMAL_FROM_CELLS = 1_000.0


@dataclass(frozen=True)
class CellRates:
    """Birth and death rates per cell per day, and the mutation rate per division.

    Attributes:
        mutation_rate_per_division: alpha, chance (0 to 0.01) that a sensitive cell's
            division gives a resistant daughter.
        sensitive_birth_per_day, sensitive_death_per_day: b_s (0 to 10], d_s (0 to 0.9 b_s).
        resistant_birth_per_day, resistant_death_per_day: b_r, d_r (0 to 10); None means
            "as for sensitive cells".
    """

    mutation_rate_per_division: float
    sensitive_birth_per_day: float = 1.0
    sensitive_death_per_day: float = 0.0
    resistant_birth_per_day: float | None = None
    resistant_death_per_day: float | None = None

    def __post_init__(self) -> None:
        alpha = check_number("mutation_rate_per_division", self.mutation_rate_per_division,
                             minimum=0.0, maximum=1e-2)
        b_s = check_number("sensitive_birth_per_day", self.sensitive_birth_per_day,
                           minimum=0.0, maximum=MAX_RATE_PER_DAY, min_inclusive=False)
        d_s = check_number("sensitive_death_per_day", self.sensitive_death_per_day,
                           minimum=0.0, maximum=MAX_DEATH_TO_BIRTH_RATIO * b_s)
        b_r = b_s if self.resistant_birth_per_day is None else check_number(
            "resistant_birth_per_day", self.resistant_birth_per_day, minimum=0.0,
            maximum=MAX_RATE_PER_DAY)
        d_r = d_s if self.resistant_death_per_day is None else check_number(
            "resistant_death_per_day", self.resistant_death_per_day, minimum=0.0,
            maximum=MAX_RATE_PER_DAY)
        for name, value in (("mutation_rate_per_division", alpha),
                            ("sensitive_birth_per_day", b_s), ("sensitive_death_per_day", d_s),
                            ("resistant_birth_per_day", b_r), ("resistant_death_per_day", d_r)):
            object.__setattr__(self, name, value)

    @property
    def b_s(self) -> float:
        return float(self.sensitive_birth_per_day)

    @property
    def d_s(self) -> float:
        return float(self.sensitive_death_per_day)

    @property
    def b_r(self) -> float:
        return float(self.resistant_birth_per_day)  # type: ignore[arg-type]

    @property
    def d_r(self) -> float:
        return float(self.resistant_death_per_day)  # type: ignore[arg-type]

    @property
    def alpha(self) -> float:
        return float(self.mutation_rate_per_division)


@dataclass(frozen=True, eq=False)
class TumourSample:
    """The tumours when each first held N cells (one entry per tumour, read-only arrays).

    Attributes:
        resistant_cells, sensitive_cells: whole cells (int64).
        mutations: mutations to resistance that happened during growth (int64).
        final_cells: N, the size at which each tumour was stopped.
        rates: the rates used. method: "fast" or "exact".
    """

    resistant_cells: np.ndarray
    sensitive_cells: np.ndarray
    mutations: np.ndarray
    final_cells: float
    rates: CellRates
    method: str

    def __post_init__(self) -> None:
        check_fields(self, [("final_cells", 2.0, 1e12)], records=[("rates", CellRates)])
        check_choice("method", self.method, ("fast", "exact"))
        for name in ("resistant_cells", "sensitive_cells", "mutations"):
            values = check_array(name, getattr(self, name), minimum=0.0, maximum=1e12)
            if np.any(values != np.round(values)):
                raise ValueError(f"{name} must hold whole numbers; got {values!r}")
            if values.shape != np.shape(self.resistant_cells):
                raise ValueError(f"{name} must hold one count per tumour "
                                 f"({np.size(self.resistant_cells)}); got {values.size}")
            counts = values.astype(np.int64)
            counts.flags.writeable = False
            object.__setattr__(self, name, counts)

    @property
    def tumours(self) -> int:
        return int(self.resistant_cells.size)

    @property
    def total_cells(self) -> np.ndarray:
        return self.resistant_cells + self.sensitive_cells

    @property
    def share_without_resistant_cells(self) -> float:
        """Share of the tumours holding no resistant cell (0 to 1)."""
        return float(np.count_nonzero(self.resistant_cells == 0) / self.tumours)


def _generator(seed: object) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(check_int("seed", seed, minimum=0, maximum=2**32 - 1))


# -- the exact method: one event at a time, every tumour at once ----------------------


def _jump_chain(rng: np.random.Generator, rates: CellRates, tumours: int,
                stop_cells: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sensitive, resistant and mutation counts of ``tumours`` tumours grown from one
    sensitive cell, event by event, each stopped when it first holds ``stop_cells``.

    Each pass gives every unfinished tumour its next event. The events' chances are
    their rates over the tumour's total rate; a uniform number u in [0, total) picks one
    by where it falls: [mutating division | plain division | sensitive death |
    resistant division | resistant death].
    """
    b_s, d_s, b_r, d_r, alpha = rates.b_s, rates.d_s, rates.b_r, rates.d_r, rates.alpha
    # Whole numbers kept as floats (exact below 2^53): no conversions in the loop.
    sensitive = np.ones(tumours)
    resistant = np.zeros(tumours)
    mutations = np.zeros(tumours)
    if stop_cells <= 1:
        return sensitive, resistant, mutations
    if d_s == 0.0 and d_r == 0.0 and b_r == b_s:
        # Pure birth at one rate: every event is a division, picked uniformly among the
        # n cells, so all tumours hold n cells after n - 1 events and stop together.
        s, m = sensitive, mutations
        for n in range(1, stop_cells):
            u = rng.random(tumours) * n  # which cell divides: sensitive if u < s
            mutating = u < alpha * s
            s += (u < s) & ~mutating
            m += mutating
        return s, stop_cells - s, m
    # Event number 0..4 -> change in sensitive, resistant and mutation counts.
    d_sensitive = np.array([0.0, 1.0, -1.0, 0.0, 0.0])
    d_resistant = np.array([1.0, 0.0, 0.0, 1.0, -1.0])
    ids = np.arange(tumours)
    s, r, m = sensitive.copy(), resistant.copy(), mutations.copy()
    turnover = d_s > 0 or d_r > 0
    while ids.size:
        edge1 = (b_s * alpha) * s
        edge2 = b_s * s
        edge3 = (b_s + d_s) * s
        edge4 = edge3 + b_r * r
        total = edge4 + d_r * r
        u = rng.random(ids.size) * total
        event = ((u >= edge1).astype(np.intp) + (u >= edge2) + (u >= edge3) + (u >= edge4))
        s += d_sensitive[event]
        r += d_resistant[event]
        m += event == 0
        if turnover:
            gone = (s + r) == 0
            if gone.any():  # died out by chance: start that tumour again
                s[gone], m[gone] = 1.0, 0.0
        done = (s + r) >= stop_cells
        if done.any():
            sensitive[ids[done]], resistant[ids[done]], mutations[ids[done]] = \
                s[done], r[done], m[done]
            keep = ~done
            ids, s, r, m = ids[keep], s[keep], r[keep], m[keep]
    return sensitive, resistant, mutations


# -- the fast method: time steps with the exact birth-death law -----------------------


def _birth_death_step(rng: np.random.Generator, cells: np.ndarray,
                      days: float | np.ndarray, birth: float, death: float) -> np.ndarray:
    """Cells after ``days`` (one number, or one per tumour) of a linear birth-death
    process started from ``cells``.

    Exact (Kendall 1948): each cell is gone with chance a, else has left a geometric
    number of cells with ratio c; so survivors J ~ Binomial(n, 1 - a) and the total is
    J + NegativeBinomial(J, 1 - c) (drawn as Poisson(Gamma(J, c / (1 - c)))). From
    ``NORMAL_FROM_CELLS`` cells on: the normal law with the same mean n e^(r t) and
    variance n (b + d) / (b - d) e^(r t) (e^(r t) - 1), rounded.
    """
    if birth == 0.0 and death == 0.0:
        return cells.copy()
    out = np.zeros_like(cells)
    t = days if np.ndim(days) == 0 else np.asarray(days)
    net = birth - death
    if abs(net) <= 1e-12 * max(birth, death):
        lost = gained = birth * t / (1.0 + birth * t)
        growth = 1.0 + 0.0 * t
        variance_per_cell = 2.0 * birth * t
    else:
        growth = np.exp(net * t)
        denominator = birth * growth - death
        lost = death * (growth - 1.0) / denominator
        gained = birth * (growth - 1.0) / denominator
        variance_per_cell = (birth + death) / net * growth * (growth - 1.0)
    per_tumour = np.ndim(t) > 0

    def pick(value, mask):
        return value[mask] if per_tumour else value

    large = cells >= NORMAL_FROM_CELLS
    small = ~large & (cells > 0)
    if small.any():
        n = cells[small]
        survivors = n if death == 0.0 else rng.binomial(
            n.astype(np.int64), 1.0 - pick(lost, small)).astype(float)
        c = pick(gained, small)
        out[small] = survivors + rng.poisson(rng.gamma(survivors, c / (1.0 - c)))
    if large.any():
        n = cells[large]
        spread = np.sqrt(n * pick(variance_per_cell, large))
        drawn = np.rint(n * pick(growth, large) + spread * rng.standard_normal(n.size))
        out[large] = np.maximum(drawn, 0.0)
    return out


def _poisson(rng: np.random.Generator, mean: np.ndarray) -> np.ndarray:
    """Poisson draws, fast when most means are tiny (most tumours get no mutation in a
    step): one uniform each, read through the Poisson distribution function (inverse
    transform) for means below 1; numpy's Poisson sampler above."""
    out = np.zeros(mean.size)
    big = mean >= 1.0
    if big.any():
        out[big] = rng.poisson(mean[big])
    small = np.flatnonzero(~big & (mean > 0))
    if small.size:
        lam = mean[small]
        u = rng.random(small.size)
        term = np.exp(-lam)
        cumulative = term.copy()
        left = np.flatnonzero(u >= cumulative)
        k = 0
        while left.size and k < 60:
            k += 1
            term[left] *= lam[left] / k
            cumulative[left] += term[left]
            out[small[left]] = k
            left = left[u[left] >= cumulative[left]]
    return out


def _last_step_days(sensitive: np.ndarray, resistant: np.ndarray, stop_cells: float,
                    step_days: float, r_s: float, r_r: float) -> np.ndarray:
    """Days t in [0, step_days] with expected cells s e^(r_s t) + r e^(r_r t) = N
    (bisection; the expected size is above N at step_days)."""
    low = np.zeros(sensitive.size)
    high = np.full(sensitive.size, step_days)
    for _ in range(50):
        middle = 0.5 * (low + high)
        below = sensitive * np.exp(r_s * middle) + resistant * np.exp(r_r * middle) < stop_cells
        low = np.where(below, middle, low)
        high = np.where(below, high, middle)
    return high


def _fast(rng: np.random.Generator, rates: CellRates, tumours: int, stop_cells: float,
          exact_up_to_cells: int, step_growth: float
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    first = int(min(exact_up_to_cells, stop_cells))
    s, r, m = _jump_chain(rng, rates, tumours, first)
    if first >= stop_cells:
        return s, r, m
    b_s, d_s, b_r, d_r, alpha = rates.b_s, rates.d_s, rates.b_r, rates.d_r, rates.alpha
    clean_birth = b_s * (1.0 - alpha)  # a mutating division leaves the sensitive count as is
    r_s, r_r = clean_birth - d_s, b_r - d_r
    step = step_growth / max(b_s, b_r)
    sensitive_out = np.zeros(tumours)
    resistant_out = np.zeros(tumours)
    mutations_out = np.zeros(tumours)
    ids = np.arange(tumours)
    restart = np.zeros(tumours, dtype=bool)
    # Mutations are counted over windows centred on the step boundaries: the window of
    # the step from t runs from half the previous step before t to half this step after,
    # and its new resistant cells join at t and grow for the whole step (the midpoint
    # rule). Within a window the sensitive cells are taken as growing exponentially
    # from their count at t; ``before`` is how far back each tumour's window reaches.
    before = np.zeros(ids.size)
    mutation_per_day = alpha * b_s

    def exposure(days_before: np.ndarray, days_after: float | np.ndarray) -> np.ndarray:
        """Integral of e^(r_s u) du from -days_before to days_after (cell-days per cell)."""
        return (np.exp(r_s * days_after) - np.exp(-r_s * days_before)) / r_s

    while ids.size:
        expected = s * math.exp(r_s * step) + r * math.exp(r_r * step)
        last = expected >= stop_cells
        days: float | np.ndarray = step
        if last.any():
            days = np.full(ids.size, step)
            days[last] = _last_step_days(s[last], r[last], stop_cells, step, r_s, r_r)
        new = _poisson(rng, mutation_per_day * s * exposure(before, 0.5 * np.asarray(days)))
        r = _birth_death_step(rng, r + new, days, b_r, d_r)
        s = _birth_death_step(rng, s, days, clean_birth, d_s)
        m = m + new
        before = np.broadcast_to(0.5 * np.asarray(days), s.shape)
        if last.any():
            # The second half of the last window, from N back half a step: its new cells
            # are on average a quarter step old.
            tail = _poisson(rng, mutation_per_day * s[last] * exposure(before[last], 0.0))
            r[last] += _birth_death_step(rng, tail, 0.5 * before[last], b_r, d_r)
            m[last] += tail
        gone = (s + r) == 0
        finished = last | gone
        if finished.any():
            done = last & ~gone
            sensitive_out[ids[done]] = s[done]
            resistant_out[ids[done]] = r[done]
            mutations_out[ids[done]] = m[done]
            restart[ids[gone]] = True
            keep = ~finished
            ids, s, r, m, before = ids[keep], s[keep], r[keep], m[keep], before[keep]
    if restart.any():
        # Died out after the exact phase (rare: chance (d/b)^1000): grow those again.
        again = _fast(rng, rates, int(restart.sum()), stop_cells, exact_up_to_cells,
                      step_growth)
        for out, redo in zip((sensitive_out, resistant_out, mutations_out), again,
                             strict=True):
            out[restart] = redo
    return sensitive_out, resistant_out, mutations_out


def grow_tumours(tumours: int, final_cells: float, rates: CellRates, *, seed: object = 0,
                 method: str = "fast", exact_up_to_cells: int = 256,
                 step_growth: float = 0.1) -> TumourSample:
    """Grow ``tumours`` tumours, each from one sensitive cell until it holds N cells.

    Args:
        tumours: how many (1 to 1,000,000).
        final_cells: N, the size at detection (2 to 1e12 cells; the exact method to 1e6).
        rates: a ``CellRates`` (mutation rate per division, birth and death rates).
        seed: a whole number (0 or more) or a numpy Generator; the same seed gives the
            same tumours.
        method: "fast" (default) or "exact" (see the module docstring).
        exact_up_to_cells: the fast method goes event by event up to this size (2 to
            1e6 cells).
        step_growth: the fast method's step, as births per cell per step (0.001 to 0.5):
            a smaller step is closer to exact and slower.

    Returns:
        A ``TumourSample``.
    """
    count = check_int("tumours", tumours, minimum=1, maximum=MAX_TUMOURS)
    choice = check_choice("method", method, METHODS)
    top = MAX_EXACT_CELLS if choice == "exact" else MAX_CELLS
    size = check_number("final_cells", final_cells, minimum=2.0, maximum=top)
    check_instance("rates", rates, CellRates)
    switch = check_int("exact_up_to_cells", exact_up_to_cells, minimum=2,
                       maximum=MAX_EXACT_CELLS)
    growth = check_number("step_growth", step_growth, minimum=1e-3, maximum=0.5)
    rng = _generator(seed)
    stop = math.ceil(size)
    if choice == "exact":
        s, r, m = _jump_chain(rng, rates, count, stop)
    else:
        s, r, m = _fast(rng, rates, count, float(stop), switch, growth)
    s, r, m = (array.astype(np.int64) for array in (s, r, m))
    for array in (s, r, m):
        array.flags.writeable = False
    return TumourSample(resistant_cells=r, sensitive_cells=s, mutations=m,
                        final_cells=float(stop), rates=rates, method=choice)
