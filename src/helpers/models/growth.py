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

from ._checks import check_choice, check_number

__all__ = [
    "GROWTH_LAWS",
    "GrowthLaw",
    "doubling_time_days_to_rate_per_day",
    "rate_per_day_to_doubling_time_days",
    "crowding_factor",
    "grow",
    "doublings_to_reach",
]

GrowthLaw = Literal["exponential", "logistic", "gompertz"]
GROWTH_LAWS: tuple[str, ...] = ("exponential", "logistic", "gompertz")
_LN2 = math.log(2.0)


def doubling_time_days_to_rate_per_day(doubling_time_days: float) -> float:
    """Per-day growth rate for a doubling time: rate = ln 2 / doubling time."""
    days = check_number("doubling_time_days", doubling_time_days, minimum=0.0,
                        min_inclusive=False, maximum=1e6)
    return _LN2 / days


def rate_per_day_to_doubling_time_days(rate_per_day: float) -> float:
    """Doubling time in days for a positive per-day rate: ln 2 / rate."""
    rate = check_number("rate_per_day", rate_per_day, minimum=0.0, min_inclusive=False,
                        maximum=100.0)
    return _LN2 / rate


def crowding_factor(total_cells, law: str, carrying_capacity_cells: float):
    """The factor (0 to 1) that slows growth as ``total_cells`` nears the capacity.

    Accepts a number or an array of totals. Totals above the capacity give 0
    (no growth; the model does not let crowding kill cells).
    """
    check_choice("law", law, GROWTH_LAWS)
    capacity = check_number("carrying_capacity_cells", carrying_capacity_cells,
                            minimum=1.0, min_inclusive=False)
    total = np.asarray(total_cells, dtype=float)
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

    - exponential: N0 e^(r t)
    - logistic:    K / (1 + (K / N0 - 1) e^(-r t))
    - Gompertz:    K exp(ln(N0 / K) e^(-r t / ln K))
    """
    n0 = check_number("initial_cells", initial_cells, minimum=0.0)
    rate = check_number("growth_rate_per_day", growth_rate_per_day, minimum=0.0, maximum=100.0)
    check_choice("law", law, GROWTH_LAWS)
    capacity = check_number("carrying_capacity_cells", carrying_capacity_cells,
                            minimum=1.0, min_inclusive=False)
    if law != "exponential" and n0 > capacity:
        raise ValueError(f"initial_cells must be in [0, carrying_capacity_cells={capacity:g}]; "
                         f"got {n0:g}")
    t = np.asarray(days, dtype=float)
    if not np.all(np.isfinite(t)) or np.any(t < 0):
        raise ValueError("days must hold finite numbers in [0, inf)")
    if n0 == 0.0:
        cells = np.zeros_like(t)
    elif law == "exponential":
        cells = n0 * np.exp(rate * t)
    elif law == "logistic":
        cells = capacity / (1.0 + (capacity / n0 - 1.0) * np.exp(-rate * t))
    else:
        cells = capacity * np.exp(math.log(n0 / capacity) * np.exp(-rate * t / math.log(capacity)))
    return float(cells) if cells.ndim == 0 else cells


def doublings_to_reach(cells: float, from_cells: float = 1.0) -> float:
    """How many doublings take ``from_cells`` to ``cells`` (log2 of the ratio).

    About 30 doublings take one cell to about 1e9 cells, roughly 1 cm3.
    """
    target = check_number("cells", cells, minimum=1.0)
    start = check_number("from_cells", from_cells, minimum=1.0, maximum=target)
    return math.log2(target / start)
