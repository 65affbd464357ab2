"""How many resistant cells a tumour holds by chance: the Luria-Delbruck distribution.

Governing equation (Lea-Coulson form of the Luria-Delbruck distribution, computed by the
Ma-Sandri-Sarkar recursion), for m, the expected number of mutations to resistance::

    p_0 = exp(-m)
    p_n = (m / n) * sum_{i=0}^{n-1} p_i / (n - i + 1)        n = 1, 2, ...

p_n is the chance that a tumour (or a bacterial culture) holds exactly n resistant cells.
Its generating function is exp(m (1/z - 1) ln(1 - z)), so by hand
p_1 = (m/2) e^-m, p_2 = (m/6 + m^2/8) e^-m, p_3 = (m/12 + m^2/12 + m^3/48) e^-m.
The tail is heavy: n (n + 1) p_n tends to m, and P(more than n) is about m / n (Kemp 1994),
which is why a few tumours hold very many resistant cells ("jackpots").

The model behind it, in words: cells divide; each division of a sensitive cell makes a
resistant daughter with a small chance (the mutation rate), so mutations happen at random
times; a resistant cell's offspring are all resistant and grow at the same rate, so a
mutation early in growth leaves a large resistant clone and a late one a small clone.
m = mutation rate x the number of divisions, about mutation rate x (N - 1) for N cells.

Tools here, as in fluctuation-analysis software (rSalvador, FALCOR):

- ``luria_delbruck_pmf(m, max_count)`` and ``luria_delbruck_log_pmf``: p_0 ... p_max_count;
- ``p0_estimate(counts)``: m from the share of tumours with no resistant cell,
  m = -ln(share of zeros) (Luria and Delbruck 1943);
- ``maximum_likelihood_m(counts)``: the m that makes the observed counts most likely
  (Brent's method on log m; Ma, Sandri and Sarkar 1992);
- ``chi_square_statistic`` and ``chi_square_critical_value``: a goodness-of-fit check of
  observed counts against the distribution, with the chi-square quantile computed here
  (regularised incomplete gamma function, no SciPy).

Units: m and counts are numbers of mutations and cells (no units).

Left out: cells that die (it changes the distribution; see ``stochastic_tumours``),
resistant cells growing at a different rate, cells plated or sampled only in part, and
cells changing back. The distribution is the limit for large tumours; a real tumour of N
cells cannot hold more than N resistant cells.

Sources: Luria SE, Delbruck M. Genetics 1943;28:491-511. Lea DE, Coulson CA. J Genet
1949;49:264-285. Ma WT, Sandri GvH, Sarkar S. J Appl Probab 1992;29:255-267. Kemp AW.
J Appl Probab 1994;31:822-828. Zheng Q. Math Biosci 2005;196:198-214 (rSalvador).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np

from ..checks import check_array, check_int, check_number

__all__ = [
    "MAX_EXACT_M",
    "MAX_COUNT",
    "luria_delbruck_pmf",
    "luria_delbruck_log_pmf",
    "check_counts",
    "p0_estimate",
    "log_likelihood",
    "maximum_likelihood_m",
    "chi_square_cdf",
    "chi_square_critical_value",
    "chi_square_statistic",
]

#: Largest m the recursion takes: its scaled terms q_n = p_n e^m stay below e^500 (1e217),
#: far from overflow. Beyond it p_0 = e^-m is below 1e-217 anyway.
MAX_EXACT_M = 500.0
#: Largest count the recursion goes to (its work grows as the count squared: 10,000 takes
#: a few tens of milliseconds, 100,000 a few seconds).
MAX_COUNT = 100_000
# Brent's method searches m from here to MAX_EXACT_M (on a log scale).
_SMALLEST_M = 1e-6


def _check_m(m: object) -> float:
    return check_number("m", m, minimum=0.0, maximum=MAX_EXACT_M)


@functools.lru_cache(maxsize=64)
def _scaled_terms(m: float, max_count: int) -> np.ndarray:
    """q_n = p_n e^m for n = 0..max_count (read-only).

    Why scaled: the recursion is linear in p, so it can start from q_0 = 1 instead of
    e^-m. Every term is positive and is built from sums of positive numbers, so there is
    no cancellation, and q_n <= e^m cannot overflow for m <= MAX_EXACT_M. Working with q
    keeps tiny probabilities (p_0 = e^-500) exact in their logarithms.
    """
    q = np.zeros(max_count + 1)
    q[0] = 1.0
    # 1/(max_count + 1), ..., 1/3, 1/2: its last n entries are 1/(n + 1) ... 1/2, the
    # weights of q_0 ... q_{n-1} (contiguous, so the dot product runs at full speed).
    weights = 1.0 / np.arange(max_count + 1, 1, -1, dtype=float)
    for n in range(1, max_count + 1):
        q[n] = (m / n) * float(np.dot(q[:n], weights[max_count - n:]))
    q.flags.writeable = False
    return q


def luria_delbruck_log_pmf(m: float, max_count: int) -> np.ndarray:
    """Natural logarithms of p_0 ... p_max_count of the Luria-Delbruck distribution.

    Args:
        m: expected number of mutations (0 to ``MAX_EXACT_M`` = 500).
        max_count: the largest count wanted (0 to ``MAX_COUNT`` = 100,000).

    Returns:
        A float array of length max_count + 1 (-inf where p_n = 0, which happens only
        for m = 0 and n > 0).
    """
    m_value = _check_m(m)
    top = check_int("max_count", max_count, minimum=0, maximum=MAX_COUNT)
    if m_value == 0.0:
        out = np.full(top + 1, -np.inf)
        out[0] = 0.0
        return out
    with np.errstate(divide="ignore"):
        return np.log(_scaled_terms(m_value, top)) - m_value


def luria_delbruck_pmf(m: float, max_count: int) -> np.ndarray:
    """p_0 ... p_max_count: the chance of exactly n resistant cells, n = 0..max_count.

    The sum is below 1: the missing part is the chance of more than max_count cells
    (about m / max_count). See ``luria_delbruck_log_pmf`` for the arguments.
    """
    return np.exp(luria_delbruck_log_pmf(m, max_count))


# -- estimating m from observed counts -------------------------------------------------


def check_counts(counts: object) -> np.ndarray:
    """Observed resistant counts as an int array, or ValueError naming what is wrong."""
    if isinstance(counts, str | bytes) or not isinstance(counts, Sequence | np.ndarray):
        raise ValueError(f"counts must be a list or array of whole numbers; got {counts!r}")
    values = np.asarray(counts)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"counts must be a non-empty flat list of whole numbers; "
                         f"got shape {values.shape}")
    if values.dtype == bool or not np.issubdtype(values.dtype, np.number):
        raise ValueError(f"counts must be whole numbers; got {values.dtype} values")
    wrong = ~np.isfinite(values) | (values != np.round(values)) | (values < 0) \
        | (values > MAX_COUNT)
    if np.any(wrong):
        raise ValueError(f"counts must be whole numbers from 0 to {MAX_COUNT:,}; "
                         f"got {values[wrong][0]:g}")
    return values.astype(np.int64)


def p0_estimate(counts: object) -> float:
    """m from the share of tumours with no resistant cell: m = -ln(zeros / tumours).

    The P0 method of Luria and Delbruck (1943). It needs at least one tumour with no
    resistant cell (else it is infinite: ValueError). All zeros gives m = 0.
    """
    values = check_counts(counts)
    zeros = int(np.count_nonzero(values == 0))
    if zeros == 0:
        raise ValueError(f"counts must hold at least one 0 for the P0 method; got none of "
                         f"{values.size} counts")
    return -math.log(zeros / values.size)


def log_likelihood(m: float, counts: object) -> float:
    """sum over the counts of ln p_count(m): how likely the counts are if m is the truth."""
    values = check_counts(counts)
    log_pmf = luria_delbruck_log_pmf(m, int(values.max()))
    return float(np.sum(log_pmf[values]))


def _brent_minimise(f, low: float, high: float, tolerance: float = 1e-10,
                    max_iterations: int = 200) -> float:
    """Brent's method (golden section plus parabolic steps) for a minimum in [low, high].

    Written out here (after Brent 1973, as in Numerical Recipes' ``brent``) to keep
    SciPy out of the dependencies.
    """
    golden = 0.3819660112501051  # (3 - sqrt 5) / 2
    a, b = low, high
    x = w = v = a + golden * (b - a)
    fx = fw = fv = f(x)
    d = e = 0.0
    for _ in range(max_iterations):
        middle = 0.5 * (a + b)
        tol1 = tolerance * abs(x) + 1e-12
        tol2 = 2.0 * tol1
        if abs(x - middle) <= tol2 - 0.5 * (b - a):
            return x
        use_golden = True
        if abs(e) > tol1:
            # Try a parabola through x, w and v.
            r = (x - w) * (fx - fv)
            q = (x - v) * (fx - fw)
            p = (x - v) * q - (x - w) * r
            q = 2.0 * (q - r)
            if q > 0.0:
                p = -p
            q = abs(q)
            if abs(p) < abs(0.5 * q * e) and q * (a - x) < p < q * (b - x):
                e, d = d, p / q
                u = x + d
                if u - a < tol2 or b - u < tol2:
                    d = tol1 if middle >= x else -tol1
                use_golden = False
        if use_golden:
            e = (b - x) if x < middle else (a - x)
            d = golden * e
        u = x + (d if abs(d) >= tol1 else (tol1 if d > 0 else -tol1))
        fu = f(u)
        if fu <= fx:
            if u < x:
                b = x
            else:
                a = x
            v, w, x = w, x, u
            fv, fw, fx = fw, fx, fu
        else:
            if u < x:
                a = u
            else:
                b = u
            if fu <= fw or w == x:
                v, w = w, u
                fv, fw = fw, fu
            elif fu <= fv or v == x or v == w:
                v, fv = u, fu
    return x


def maximum_likelihood_m(counts: object) -> float:
    """The maximum-likelihood estimate of m from observed resistant counts.

    Maximises sum ln p_count(m) with Brent's method on ln m, m from 1e-6 to 500. All
    zeros gives 0 (the likelihood e^(-m k) is largest at m = 0). Counts go up to
    ``MAX_COUNT``; the work grows as the largest count squared.
    """
    values = check_counts(counts)
    top = int(values.max())
    if top == 0:
        return 0.0
    tally = np.bincount(values)
    seen = np.flatnonzero(tally)

    def minus_log_likelihood(log_m: float) -> float:
        log_pmf = luria_delbruck_log_pmf(math.exp(log_m), top)
        return -float(np.dot(tally[seen], log_pmf[seen]))

    best = _brent_minimise(minus_log_likelihood, math.log(_SMALLEST_M),
                           math.log(MAX_EXACT_M))
    return math.exp(best)


# -- goodness of fit -------------------------------------------------------------------


def _lower_regularised_gamma(a: float, x: float) -> float:
    """P(a, x) = gamma(a, x) / Gamma(a): series below a + 1, continued fraction above."""
    if x <= 0.0:
        return 0.0
    log_prefix = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1.0:
        term = total = 1.0 / a
        k = a
        for _ in range(10_000):
            k += 1.0
            term *= x / k
            total += term
            if abs(term) < abs(total) * 1e-16:
                break
        return min(1.0, total * math.exp(log_prefix))
    # Lentz's continued fraction for the upper part Q(a, x).
    tiny = 1e-300
    b = x + 1.0 - a
    c = 1.0 / tiny
    d = 1.0 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-16:
            break
    return max(0.0, 1.0 - math.exp(log_prefix) * h)


def chi_square_cdf(x: float, degrees_of_freedom: int) -> float:
    """P(chi-square with ``degrees_of_freedom`` <= x)."""
    df = check_int("degrees_of_freedom", degrees_of_freedom, minimum=1, maximum=10_000)
    # Far past any critical value (those stay below about 11,000 for 10,000 degrees of
    # freedom); beyond it the chance is 1 to every digit a float holds.
    value = check_number("x", x, minimum=0.0, maximum=1e9)
    return _lower_regularised_gamma(df / 2.0, value / 2.0)


def chi_square_critical_value(degrees_of_freedom: int, significance: float) -> float:
    """The value a chi-square statistic exceeds with chance ``significance`` by luck alone.

    For example 3.841 for 1 degree of freedom at 0.05. Found by bisection on
    ``chi_square_cdf`` to a relative 1e-12.
    """
    df = check_int("degrees_of_freedom", degrees_of_freedom, minimum=1, maximum=10_000)
    level = check_number("significance", significance, minimum=1e-12, maximum=0.5)
    target = 1.0 - level
    low, high = 0.0, float(df)
    while chi_square_cdf(high, df) < target:
        high *= 2.0
    for _ in range(200):
        middle = 0.5 * (low + high)
        if chi_square_cdf(middle, df) < target:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * high:
            break
    return 0.5 * (low + high)


def chi_square_statistic(observed: object, expected: object) -> float:
    """sum (observed - expected)^2 / expected over the bins (expected all > 0)."""
    # Counts of tumours: at most MAX_COUNT in a bin, so the sum stays finite.
    seen = check_array("observed", observed, minimum=0.0, maximum=MAX_COUNT, min_length=2)
    wanted = check_array("expected", expected, minimum=0.0, maximum=MAX_COUNT, min_length=2)
    if seen.shape != wanted.shape:
        raise ValueError(f"observed and expected must be of one length; got "
                         f"{seen.size} and {wanted.size}")
    if np.any(wanted <= 0):
        raise ValueError(f"expected must hold numbers in (0, {MAX_COUNT:g}]; "
                         f"got {wanted.min():g}")
    return float(np.sum((seen - wanted) ** 2 / wanted))
