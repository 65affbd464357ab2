"""Simulated tumours against the analytic results, within bounds computed from the sample.

Every run is seeded, so each check gives the same answer every time. Bounds: a share is
compared with Z_LIMIT binomial standard errors; a distribution with a chi-square test
whose critical value is computed for its degrees of freedom at SIGNIFICANCE. A correct
model would fail any one check by luck with chance below 1 in 100,000 (before the seed
fixes it).
"""

import math

import numpy as np
import pytest

from helpers.models.fluctuation import (
    chi_square_critical_value,
    chi_square_statistic,
    luria_delbruck_pmf,
    maximum_likelihood_m,
    p0_estimate,
)
from helpers.models.resistance_chance import probability_no_resistant_cell
from helpers.models.stochastic_tumours import CellRates, TumourSample, grow_tumours

Z_LIMIT = 4.5
SIGNIFICANCE = 1e-5
# Bin edges for resistant counts: single counts first, then doubling.
EDGES = (0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128, 256, 512, 1024, 4096, 16384)


def _within_binomial_error(share: float, expected: float, tumours: int) -> bool:
    standard_error = math.sqrt(expected * (1 - expected) / tumours)
    return abs(share - expected) <= Z_LIMIT * standard_error


def _pooled(observed, expected, minimum=10.0):
    """Join neighbouring bins until each expects at least ``minimum`` tumours."""
    seen, wanted, carry_seen, carry_wanted = [], [], 0.0, 0.0
    for o, e in zip(observed, expected, strict=True):
        carry_seen, carry_wanted = carry_seen + o, carry_wanted + e
        if carry_wanted >= minimum:
            seen.append(carry_seen)
            wanted.append(carry_wanted)
            carry_seen = carry_wanted = 0.0
    seen[-1] += carry_seen
    wanted[-1] += carry_wanted
    return np.array(seen), np.array(wanted)


def _fits_luria_delbruck(sample: TumourSample, m: float) -> tuple[float, float]:
    """Chi-square statistic of the sample's resistant counts against Luria-Delbruck(m),
    and its critical value."""
    p = luria_delbruck_pmf(m, EDGES[-1])
    cumulative = np.concatenate([[0.0], np.cumsum(p)])
    counts = sample.resistant_cells
    observed = [np.count_nonzero((counts >= lo) & (counts < hi))
                for lo, hi in zip(EDGES[:-1], EDGES[1:], strict=True)]
    observed.append(np.count_nonzero(counts >= EDGES[-1]))
    expected = [(cumulative[hi] - cumulative[lo]) * sample.tumours
                for lo, hi in zip(EDGES[:-1], EDGES[1:], strict=True)]
    expected.append((1.0 - cumulative[EDGES[-1]]) * sample.tumours)
    seen, wanted = _pooled(observed, expected)
    return chi_square_statistic(seen, wanted), chi_square_critical_value(seen.size - 1,
                                                                        SIGNIFICANCE)


def _two_sample_chi_square(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Chi-square test that two equal-sized samples of counts come from one distribution."""
    edges = np.array([*EDGES, np.inf])
    first = np.histogram(a, edges)[0].astype(float)
    second = np.histogram(b, edges)[0].astype(float)
    seen_a, seen_b = _pooled(first, second)  # pools on the second; fine for equal sizes
    keep = (seen_a + seen_b) > 0
    statistic = float(np.sum((seen_a[keep] - seen_b[keep]) ** 2 / (seen_a[keep] + seen_b[keep])))
    return statistic, chi_square_critical_value(int(keep.sum()) - 1, SIGNIFICANCE)


def test_the_same_seed_gives_the_same_tumours():
    rates = CellRates(1e-4, sensitive_death_per_day=0.3)
    for method in ("fast", "exact"):
        one = grow_tumours(300, 5000, rates, seed=7, method=method)
        two = grow_tumours(300, 5000, rates, seed=7, method=method)
        other = grow_tumours(300, 5000, rates, seed=8, method=method)
        assert np.array_equal(one.resistant_cells, two.resistant_cells)
        assert np.array_equal(one.mutations, two.mutations)
        assert not np.array_equal(one.resistant_cells, other.resistant_cells)
    generator = np.random.default_rng(3)
    assert grow_tumours(5, 100, rates, seed=generator).tumours == 5


def test_exact_method_stops_every_tumour_at_n_cells():
    sample = grow_tumours(500, 777, CellRates(1e-3, 1.0, 0.4, 1.2, 0.5), method="exact")
    assert np.all(sample.total_cells == 777)
    assert sample.method == "exact" and sample.final_cells == 777.0
    assert not sample.resistant_cells.flags.writeable


def test_no_mutation_no_resistant_cells():
    sample = grow_tumours(200, 1e7, CellRates(0.0))
    assert np.all(sample.resistant_cells == 0) and np.all(sample.mutations == 0)
    assert sample.share_without_resistant_cells == 1.0


def test_exact_share_without_resistant_cells_is_goldie_coldman():
    # Without death every one of the N - 1 divisions is a chance to mutate:
    # P = (1 - alpha)^(N - 1), which is exp(-alpha (N - 1)) to within alpha^2 N.
    tumours, cells, alpha = 6000, 2000, 5e-4
    sample = grow_tumours(tumours, cells, CellRates(alpha), seed=11, method="exact")
    expected = (1 - alpha) ** (cells - 1)
    assert expected == pytest.approx(probability_no_resistant_cell(cells, alpha), rel=1e-3)
    assert _within_binomial_error(sample.share_without_resistant_cells, expected, tumours)
    # Mutations per tumour: binomial(N - 1, alpha), mean alpha (N - 1).
    mean_error = math.sqrt(alpha * (cells - 1) / tumours)
    assert abs(sample.mutations.mean() - alpha * (cells - 1)) < Z_LIMIT * mean_error


@pytest.mark.parametrize(("cells", "alpha"), [(1e6, 1e-6), (1e9, 1.2e-9)])
def test_fast_share_without_resistant_cells_is_goldie_coldman(cells, alpha):
    tumours = 10_000
    sample = grow_tumours(tumours, cells, CellRates(alpha), seed=12)
    expected = probability_no_resistant_cell(cells, alpha)
    assert _within_binomial_error(sample.share_without_resistant_cells, expected, tumours)
    # The fast method stops at the step whose expected size is N: within 0.5% of N.
    assert np.all(np.abs(sample.total_cells / cells - 1) < 5e-3)


def test_share_without_resistant_cells_with_cell_death():
    # Half as many deaths as births: m = alpha (N - 1) * 2 ln 2 (more divisions, and
    # some resistant clones die out).
    tumours, cells, alpha = 8000, 1e5, 5e-6
    sample = grow_tumours(tumours, cells, CellRates(alpha, 1.0, 0.5), seed=13)
    expected = probability_no_resistant_cell(cells, alpha, death_to_birth_ratio=0.5)
    assert _within_binomial_error(sample.share_without_resistant_cells, expected, tumours)


@pytest.mark.parametrize(("cells", "alpha", "seed"), [(1e6, 2e-6, 21), (1e5, 3e-5, 22)])
def test_fast_resistant_counts_follow_luria_delbruck(cells, alpha, seed):
    sample = grow_tumours(20_000, cells, CellRates(alpha), seed=seed)
    statistic, critical = _fits_luria_delbruck(sample, alpha * (cells - 1))
    assert statistic < critical


def test_exact_resistant_counts_follow_luria_delbruck():
    # At 4,000 cells Luria-Delbruck (a limit for large tumours) is already close.
    sample = grow_tumours(6000, 4000, CellRates(5e-4), seed=23, method="exact")
    statistic, critical = _fits_luria_delbruck(sample, 5e-4 * 3999)
    assert statistic < critical


def test_fast_method_reaches_a_billion_cells_and_matches_luria_delbruck():
    sample = grow_tumours(10_000, 1e9, CellRates(1e-7), seed=24)
    statistic, critical = _fits_luria_delbruck(sample, 1e-7 * (1e9 - 1))
    assert statistic < critical


def test_the_lessons_coarser_steps_still_follow_luria_delbruck():
    from helpers.lessons.chance import LESSON_STEP_GROWTH

    sample = grow_tumours(20_000, 1e8, CellRates(1e-8), seed=25,
                          step_growth=LESSON_STEP_GROWTH)
    statistic, critical = _fits_luria_delbruck(sample, 1e-8 * (1e8 - 1))
    assert statistic < critical
    expected = probability_no_resistant_cell(1e8, 1e-8)
    assert _within_binomial_error(sample.share_without_resistant_cells, expected, 20_000)


@pytest.mark.parametrize("rates", [
    CellRates(3e-4, 1.0, 0.5),                 # cells die; the same rates for both kinds
    CellRates(3e-4, 1.0, 0.0, 1.5, 0.2),       # resistant cells grow faster
    CellRates(3e-4, 1.0, 0.3, 0.8, 0.6),       # resistant cells pay a cost
], ids=["death", "resistant-faster", "resistant-slower"])
def test_fast_and_exact_methods_agree(rates):
    exact = grow_tumours(5000, 3000, rates, seed=31, method="exact")
    fast = grow_tumours(5000, 3000, rates, seed=32, exact_up_to_cells=100)
    statistic, critical = _two_sample_chi_square(exact.resistant_cells, fast.resistant_cells)
    assert statistic < critical
    difference = exact.share_without_resistant_cells - fast.share_without_resistant_cells
    pooled = (exact.share_without_resistant_cells + fast.share_without_resistant_cells) / 2
    assert abs(difference) < Z_LIMIT * math.sqrt(2 * pooled * (1 - pooled) / 5000)


def test_estimates_recover_the_mutations_behind_simulated_tumours():
    # m = 2 expected mutations; 1,500 tumours. The p0 method's standard error is
    # sqrt((1 - p0) / (n p0)) = sqrt((1 - e^-2) / (1500 e^-2)) = 0.0704; the maximum-
    # likelihood estimate is more precise than that. (This seed's largest count is
    # 3,239: the likelihood's work grows as its square.)
    tumours = 1500
    sample = grow_tumours(tumours, 1e6, CellRates(2e-6), seed=41)
    m = 2e-6 * (1e6 - 1)
    error = math.sqrt((1 - math.exp(-m)) / (tumours * math.exp(-m)))
    assert abs(p0_estimate(sample.resistant_cells) - m) < Z_LIMIT * error
    assert abs(maximum_likelihood_m(sample.resistant_cells) - m) < Z_LIMIT * error


@pytest.mark.parametrize(("call", "message"), [
    (lambda: grow_tumours(0, 100, CellRates(1e-6)), "tumours must be one of the whole numbers"),
    (lambda: grow_tumours(10, 1, CellRates(1e-6)), r"final_cells must be in \[2, 1e\+12\]; got 1"),
    (lambda: grow_tumours(10, 1e7, CellRates(1e-6), method="exact"),
     r"final_cells must be in \[2, 1e\+06\]; got 1e\+07"),
    (lambda: grow_tumours(10, 100, CellRates(1e-6), method="gillespie"), "method must be one of"),
    (lambda: grow_tumours(10, 100, 1e-6), "rates must be a CellRates"),
    (lambda: grow_tumours(10, 100, CellRates(1e-6), seed=-1), "seed must be one of"),
    (lambda: grow_tumours(10, 100, CellRates(1e-6), step_growth=2.0),
     r"step_growth must be in \[0.001, 0.5\]; got 2"),
    (lambda: CellRates(0.02), r"mutation_rate_per_division must be in \[0, 0.01\]; got 0.02"),
    (lambda: CellRates(1e-6, 0.0), r"sensitive_birth_per_day must be in \(0, 10\]; got 0"),
    (lambda: CellRates(1e-6, 1.0, 0.95), r"sensitive_death_per_day must be in \[0, 0.9\]"),
    (lambda: CellRates(1e-6, 1.0, 0.0, -1.0), "resistant_birth_per_day must be in"),
    (lambda: CellRates(1e-6, 1.0, 0.0, 1.0, 11.0), "resistant_death_per_day must be in"),
])
def test_bad_input_is_refused_with_name_value_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()
