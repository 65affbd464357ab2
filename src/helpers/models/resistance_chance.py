"""The chance that a tumour holds no resistant cell yet: Goldie and Coldman's formula.

Governing equation (Goldie and Coldman 1979), for a tumour grown from one cell to N cells
with mutation rate alpha per division::

    P(no resistant cell) = exp(-alpha (N - 1))

and for two drugs, with rates alpha_A and alpha_B (a cell resistant to both needs both
changes; it can get them one after the other)::

    P(no cell resistant to both) = exp(-[alpha_A alpha_B (N - 1) + alpha_A h(alpha_B, N)
                                         + alpha_B h(alpha_A, N)])
    h(a, N) = N a / (1 - a) * [ln(1 / (a + (1 - a)/N)) / (1 - a) - (1 - 1/N)]

which is about alpha_A alpha_B N (ln N - 1) per order while a N is small, and about
alpha_A alpha_B N (ln(1/a) - 1) when a N is large.

Why, in words: growing from 1 cell to N cells takes N - 1 divisions. Each division of a
sensitive cell has a small chance alpha of giving a resistant daughter, so the expected
number of such mutations is m = alpha (N - 1), and the chance that none happened is e^-m
(the Poisson chance of zero). Twice the cells means twice the chances: bigger tumours
more often already hold resistant cells, before any drug is given.

For two drugs: a cell resistant to drug A, born when the tumour held n cells, grows into a
clone of about N / n cells (a geometric number, mean N / n) by the time the tumour holds N.
The clone holds no cell also resistant to B with chance p / (p + a (1 - p)), p = n / N.
Adding those chances over the A-resistant clones (born at rate alpha_A per division) gives
alpha_A h(alpha_B, N); the same with A and B swapped, plus the rare division that gives
both changes at once (alpha_A alpha_B per division). Derived here from Goldie and
Coldman's assumptions; tests check it against simulated tumours.

With cell death (death rate d, birth rate b, the same for all cells) the tumour needs more
divisions to reach N cells, and some resistant clones die out by chance. Then m becomes
alpha (N - 1) * (-ln(1 - rho) / rho) with rho = d / b (1 when rho = 0): more turnover,
more divisions, more chances (compare Iwasa, Nowak and Michor 2006).

Units: cells are counts; mutation rates are chances per cell division (1e-6 = 1 in a
million); probabilities from 0 to 1.

Left out: resistant cells growing faster or slower than sensitive ones, partial
resistance, drugs that cause mutations, the immune system, and any treatment (this is
the tumour before the first dose).

Sources: Goldie JH, Coldman AJ. A mathematic model for relating the drug sensitivity of
tumors to their spontaneous mutation rate. Cancer Treat Rep 1979;63:1727-1733. Goldie JH,
Coldman AJ, Gudauskas GA. Rationale for the use of alternating non-cross-resistant
chemotherapy. Cancer Treat Rep 1982;66:439-449. Iwasa Y, Nowak MA, Michor F. Evolution of
resistance during clonal expansion. Genetics 2006;172:2557-2566.
"""

from __future__ import annotations

import numpy as np

from ..checks import check_number

__all__ = [
    "MAX_CELLS",
    "MAX_MUTATION_RATE",
    "MAX_DEATH_TO_BIRTH_RATIO",
    "expected_resistant_clones",
    "probability_no_resistant_cell",
    "probability_no_doubly_resistant_cell",
    "cells_for_probability",
]

MAX_CELLS = 1e15
MAX_MUTATION_RATE = 1e-2
#: Deaths per birth. Above about 0.9 a tumour barely grows (and the formulas assume it does).
MAX_DEATH_TO_BIRTH_RATIO = 0.9


def _check_cells(cells: object) -> np.ndarray:
    """Cells as a float array, every value from 1 to MAX_CELLS, or ValueError."""
    wrong = cells is None or isinstance(cells, str | bytes | bool | np.bool_)
    values = None if wrong else np.asarray(cells, dtype=float)
    if values is None or np.asarray(cells).dtype.kind not in "fiu":
        raise ValueError(f"cells must be a number or array of numbers in [1, {MAX_CELLS:g}]; "
                         f"got {cells!r}")
    bad = ~np.isfinite(values) | (values < 1.0) | (values > MAX_CELLS)
    if np.any(bad):
        raise ValueError(f"cells must be in [1, {MAX_CELLS:g}]; got {float(values[bad].flat[0]):g}")
    return values


def _surviving_clones_per_cell_gained(death_to_birth_ratio: float) -> float:
    """-ln(1 - rho) / rho: resistant clones alive at the end per cell the tumour gained,
    per unit mutation rate (1 without death: one division per cell gained)."""
    rho = death_to_birth_ratio
    if rho == 0.0:
        return 1.0
    return float(-np.log1p(-rho) / rho)


def expected_resistant_clones(cells: object, mutation_rate_per_division: float,
                              death_to_birth_ratio: float = 0.0) -> np.ndarray | float:
    """m: the expected number of resistant clones alive when the tumour holds N cells.

    m = alpha (N - 1) without cell death, when it is also the expected number of
    mutations (the m of the Luria-Delbruck distribution). With rho deaths per birth it is
    alpha (N - 1) * -ln(1 - rho) / rho: more divisions, but some clones die out.

    Args:
        cells: N, one number or an array (1 to 1e15).
        mutation_rate_per_division: alpha, chance per division (0 to 0.01).
        death_to_birth_ratio: rho = death rate / birth rate (0 to 0.9).
    """
    n = _check_cells(cells)
    alpha = check_number("mutation_rate_per_division", mutation_rate_per_division,
                         minimum=0.0, maximum=MAX_MUTATION_RATE)
    rho = check_number("death_to_birth_ratio", death_to_birth_ratio, minimum=0.0,
                       maximum=MAX_DEATH_TO_BIRTH_RATIO)
    m = alpha * (n - 1.0) * _surviving_clones_per_cell_gained(rho)
    return float(m) if m.ndim == 0 else m


def probability_no_resistant_cell(cells: object, mutation_rate_per_division: float,
                                  death_to_birth_ratio: float = 0.0) -> np.ndarray | float:
    """Goldie-Coldman: the chance that a tumour of N cells holds no resistant cell.

    exp(-alpha (N - 1)) without cell death (see ``expected_resistant_clones`` for death). One
    number or an array, like ``cells``.
    """
    m = expected_resistant_clones(cells, mutation_rate_per_division, death_to_birth_ratio)
    return np.exp(-m) if isinstance(m, np.ndarray) else float(np.exp(-m))


def _clones_holding_second_change(n: np.ndarray, a: float) -> np.ndarray:
    """h(a, N): per unit first-mutation rate, the expected number of singly resistant
    clones that hold a cell with the second change by the time the tumour has N cells."""
    if a == 0.0:
        return np.zeros_like(n)
    c = 1.0 - a
    inner = np.log(1.0 / (a + c / n)) / c - (1.0 - 1.0 / n)
    return n * a / c * inner


def probability_no_doubly_resistant_cell(cells: object, rate_a_per_division: float,
                                         rate_b_per_division: float) -> np.ndarray | float:
    """The chance that a tumour of N cells holds no cell resistant to both of two drugs.

    Two separate changes (rates alpha_A and alpha_B per division, no cell death), got in
    either order or both at one division; see the module docstring for the formula.
    One number or an array, like ``cells``.
    """
    n = _check_cells(cells)
    a = check_number("rate_a_per_division", rate_a_per_division, minimum=0.0,
                     maximum=MAX_MUTATION_RATE)
    b = check_number("rate_b_per_division", rate_b_per_division, minimum=0.0,
                     maximum=MAX_MUTATION_RATE)
    exponent = (a * b * (n - 1.0) + a * _clones_holding_second_change(n, b)
                + b * _clones_holding_second_change(n, a))
    p = np.exp(-exponent)
    return float(p) if p.ndim == 0 else p


def cells_for_probability(probability: float, mutation_rate_per_division: float) -> float:
    """The tumour size N at which P(no resistant cell) has fallen to ``probability``.

    N = 1 + ln(1 / probability) / alpha (no cell death). For example the size at which
    a tumour is as likely as not to hold a resistant cell: about 0.69 / alpha.
    """
    p = check_number("probability", probability, minimum=0.0, maximum=1.0,
                     min_inclusive=False, max_inclusive=False)
    alpha = check_number("mutation_rate_per_division", mutation_rate_per_division,
                         minimum=0.0, maximum=MAX_MUTATION_RATE, min_inclusive=False)
    return 1.0 + float(np.log(1.0 / p)) / alpha
