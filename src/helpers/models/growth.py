"""Growth laws for a population of cancer cells between doses.

Governing equation::

    dN/dt = r f(N) N,   r = ln 2 / doubling time

with the crowding factor f(N) = 1 (exponential), 1 - N/K (logistic) or
ln(K/N) / ln K (Gompertz).

Units: time in days, rates per day, cells as counts.

Every law here is written as a per-cell rate times a *crowding factor*
between 0 and 1, so that ``growth_rate_per_day`` always means the rate of a
small, uncrowded tumour (the rate that sets its doubling time):

- exponential: crowding factor 1 (no limit: fine while a tumour is small);
- logistic:    1 - N / K (growth slows linearly as the space fills);
- Gompertz:    ln(K / N) / ln(K) (growth slows early and steadily, the
  classic fit to many solid tumours; equals 1 for a single cell).

``K`` is the carrying capacity in cells: the most the site can hold.

Left out: blood supply, spread, the immune system, dormancy, cell-cycle
phases. See docs/model.md.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np

from ..checks import check_array, check_choice, check_number

__all__ = [
    "GROWTH_LAWS",
    "GrowthLaw",
    "doubling_time_days_to_rate_per_day",
    "rate_per_day_to_doubling_time_days",
    "crowding_factor",
    "grow",
    "doublings_to_reach",
    "MAX_CELLS",
    "MAX_GROW_DAYS",
]

GrowthLaw = Literal["exponential", "logistic", "gompertz"]
GROWTH_LAWS: tuple[str, ...] = ("exponential", "logistic", "gompertz")
_LN2 = math.log(2.0)
#: The most cells any model here ever reports. Exponential growth has no limit of its
#: own: 1e9 cells doubling every 2 days for 10 years would be 1e558 cells, which a
#: computer cannot hold (it becomes "inf"). Real tumours stop far below 1e13 cells, and
#: the models take at most 1e15 cells to start with or as a capacity, so counts are held
#: at 1e18 (1,000 times more): a number that only keeps the arithmetic finite, never a
#: size a chart should show (docs/model.md, "Numbers that stay finite").
MAX_CELLS = 1e18
_LOG_MAX_CELLS = math.log(MAX_CELLS)
#: The longest time ``grow`` looks ahead: 100 years, in days.
MAX_GROW_DAYS = 36_500
#: Doubling times allowed (days): 0.01 days (15 minutes, far quicker than any human
#: cell) to 1e6 days, so the rate ln 2 / T stays within 0 to 100 per day.
_DOUBLING_TIME_RANGE_DAYS = (0.01, 1e6)


def doubling_time_days_to_rate_per_day(doubling_time_days: float) -> float:
    """Per-day growth rate for a doubling time: rate = ln 2 / doubling time."""
    days = check_number("doubling_time_days", doubling_time_days,
                        minimum=_DOUBLING_TIME_RANGE_DAYS[0], maximum=_DOUBLING_TIME_RANGE_DAYS[1])
    return _LN2 / days


def rate_per_day_to_doubling_time_days(rate_per_day: float) -> float:
    """Doubling time in days for a positive per-day rate: ln 2 / rate.

    The rate runs from ln 2 / 1e6 (a doubling time of 1e6 days) to 100 per day: a
    smaller rate would give a doubling time too long to hold as a number.
    """
    rate = check_number("rate_per_day", rate_per_day,
                        minimum=_LN2 / _DOUBLING_TIME_RANGE_DAYS[1], maximum=100.0)
    return _LN2 / rate


def crowding_factor(total_cells, law: str, carrying_capacity_cells: float):
    """The factor (0 to 1) that slows growth as ``total_cells`` nears the capacity.

    Accepts a number or an array of totals (0 to 1e18 cells). Totals above the
    capacity give 0 (no growth; the model does not let crowding kill cells).
    """
    check_choice("law", law, GROWTH_LAWS)
    capacity = check_number("carrying_capacity_cells", carrying_capacity_cells,
                            minimum=1.0, min_inclusive=False, maximum=MAX_CELLS)
    if isinstance(total_cells, np.ndarray | list | tuple):
        total = check_array("total_cells", total_cells, minimum=0.0, maximum=MAX_CELLS,
                            ndim=None, min_length=0)
    else:
        total = np.asarray(check_number("total_cells", total_cells, minimum=0.0,
                                        maximum=MAX_CELLS))
    if law == "exponential":
        factor = np.ones_like(total)
    elif law == "logistic":
        factor = 1.0 - total / capacity
    else:
        with np.errstate(divide="ignore"):
            factor = np.log(capacity / np.maximum(total, 1.0)) / math.log(capacity)
    factor = np.clip(factor, 0.0, 1.0)
    return float(factor) if factor.ndim == 0 else factor


def grow(
    initial_cells: float,
    days,
    *,
    growth_rate_per_day: float,
    law: str = "exponential",
    carrying_capacity_cells: float = 1e12,
):
    """Untreated cells at each time in ``days`` (closed-form solution of the law).

    - exponential: N0 e^(r t), held at ``MAX_CELLS`` (1e18) once it gets there
    - logistic:    K / (1 + (K / N0 - 1) e^(-r t))
    - Gompertz:    K exp(ln(N0 / K) e^(-r t / ln K))

    Ranges: ``initial_cells`` 0 to 1e18 (and at most K for the crowded laws), the rate
    0 to 100 per day, K from just over 1 to 1e18 cells, ``days`` 0 to 36,500 (100 years).
    Every result is finite and at most K (crowded laws) or 1e18 (exponential).
    """
    n0 = check_number("initial_cells", initial_cells, minimum=0.0, maximum=MAX_CELLS)
    rate = check_number("growth_rate_per_day", growth_rate_per_day, minimum=0.0, maximum=100.0)
    check_choice("law", law, GROWTH_LAWS)
    capacity = check_number("carrying_capacity_cells", carrying_capacity_cells,
                            minimum=1.0, min_inclusive=False, maximum=MAX_CELLS)
    if law != "exponential" and n0 > capacity:
        raise ValueError(f"initial_cells must be in [0, carrying_capacity_cells={capacity:g}]; "
                         f"got {n0:g}")
    if isinstance(days, np.ndarray | list | tuple):
        t = check_array("days", days, minimum=0.0, maximum=MAX_GROW_DAYS, ndim=None,
                        min_length=0)
    else:
        t = np.asarray(check_number("days", days, minimum=0.0, maximum=MAX_GROW_DAYS))
    growth_logs = rate * t  # natural logs of uncrowded growth
    if n0 == 0.0:
        cells = np.zeros_like(t)
    elif law == "exponential":
        # Held at MAX_CELLS: worked in logs past it, so nothing overflows.
        room = _LOG_MAX_CELLS - math.log(n0)
        logs = np.minimum(growth_logs, room)
        # e^x overflows past x = 709: beyond 700, multiply in logs instead.
        cells = np.where(logs <= 700.0, n0 * np.exp(np.minimum(logs, 700.0)),
                         np.exp(math.log(n0) + logs))
        cells = np.where(growth_logs >= room, MAX_CELLS, np.minimum(cells, MAX_CELLS))
    elif law == "logistic":
        cells = _logistic_cells(n0, growth_logs, capacity)
    else:
        cells = _gompertz_cells(n0, growth_logs, capacity)
    return float(cells) if cells.ndim == 0 else cells


def _logistic_cells(n0: float, growth_logs: np.ndarray, capacity: float) -> np.ndarray:
    """Logistic growth's closed form, unchecked (``grow`` and the clone solver check
    first): the cells from ``n0`` (above 0, at most ``capacity``) after uncrowded growth
    of ``growth_logs`` (rate x days, natural logs), never above the capacity."""
    # N = N0 / (x + (1 - x) e^(-r t)) with x = N0 / K: the denominator is at least x,
    # so N stays at most K however long the time (no inf * 0 for tiny N0).
    share = n0 / capacity
    if share > 0.0:
        cells = n0 / (share + (1.0 - share) * np.exp(-growth_logs))
    else:  # N0 / K too small for a float: the same formula, in logs
        log_n0 = math.log(n0)
        cells = np.exp(log_n0 - np.logaddexp(log_n0 - math.log(capacity), -growth_logs))
    return np.minimum(cells, capacity)


def _gompertz_cells(n0: float, growth_logs: np.ndarray, capacity: float) -> np.ndarray:
    """Gompertz growth's closed form, unchecked (as ``_logistic_cells``)."""
    # In logs throughout: N0 / K, or K times a tiny share, may underflow to 0.
    log_capacity = math.log(capacity)
    log_share = math.log(n0) - log_capacity
    cells = np.exp(log_capacity + log_share * np.exp(-growth_logs / log_capacity))
    return np.minimum(cells, capacity)


def doublings_to_reach(cells: float, from_cells: float = 1.0) -> float:
    """How many doublings take ``from_cells`` to ``cells`` (log2 of the ratio).

    About 30 doublings take one cell to about 1e9 cells, roughly 1 cm3.
    """
    target = check_number("cells", cells, minimum=1.0, maximum=MAX_CELLS)
    start = check_number("from_cells", from_cells, minimum=1.0, maximum=target)
    return math.log2(target / start)
