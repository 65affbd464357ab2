"""The Luria-Delbruck distribution and the estimates of m: hand-worked values, published
values (rSalvador's examples), the known tail, and chi-square table values."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models.fluctuation import (
    MAX_EXACT_M,
    chi_square_cdf,
    chi_square_critical_value,
    chi_square_statistic,
    log_likelihood,
    luria_delbruck_log_pmf,
    luria_delbruck_pmf,
    maximum_likelihood_m,
    p0_estimate,
)

# Demerec (1945), 30 cultures: rSalvador's example data set (Zheng 2005; pySalvador manual).
DEMEREC = [33, 18, 839, 47, 13, 126, 48, 80, 9, 71, 196, 66, 28, 17, 27, 37, 126, 33, 12, 44,
           28, 67, 730, 168, 44, 50, 583, 23, 17, 24]


@given(st.floats(min_value=1e-3, max_value=60.0))
def test_first_terms_match_the_generating_function_by_hand(m):
    # ln G(z) = m (1/z - 1) ln(1 - z) = -m + m (z/2 + z^2/6 + z^3/12 + ...), so
    # p0 = e^-m, p1 = (m/2) e^-m, p2 = (m/6 + m^2/8) e^-m,
    # p3 = (m/12 + m^2/12 + m^3/48) e^-m.
    p = luria_delbruck_pmf(m, 3)
    e = math.exp(-m)
    assert p == pytest.approx([e, m / 2 * e, (m / 6 + m**2 / 8) * e,
                               (m / 12 + m**2 / 12 + m**3 / 48) * e], rel=1e-12)


def test_no_mutations_means_no_resistant_cells():
    assert luria_delbruck_pmf(0.0, 4).tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]


@pytest.mark.parametrize("m", [0.5, 5.0, 50.0])
def test_stable_to_ten_thousand_cells_and_the_missing_tail_is_about_m_over_n(m):
    p = luria_delbruck_pmf(m, 10_000)
    assert np.all(np.isfinite(p)) and np.all(p > 0)
    assert p[0] == pytest.approx(math.exp(-m), rel=1e-14)
    # P(more than n) is about m / n for large n (Cairns et al. 1988; Kemp 1994), so the
    # sum up to 10,000 falls short of 1 by about m / 10,000.
    assert 1.0 - p.sum() == pytest.approx(m / 10_000, rel=0.1)


@pytest.mark.parametrize("m", [0.3, 1.0, 8.0, 50.0])
def test_kemps_bound_and_limit_on_the_tail(m):
    # Kemp (1994): n (n + 1) p_n < m (1 + 11 m / 30) for every n, and tends to m.
    p = luria_delbruck_pmf(m, 10_000)
    n = np.arange(1, 10_001)
    scaled = n * (n + 1) * p[1:]
    assert np.all(scaled < m * (1 + 11 * m / 30))
    if m <= 1.0:  # close to its limit by n = 10,000 when m is small
        assert scaled[-1] == pytest.approx(m, rel=0.02)


def test_largest_m_is_stable_in_logs():
    log_p = luria_delbruck_log_pmf(MAX_EXACT_M, 2_000)
    assert log_p[0] == pytest.approx(-MAX_EXACT_M, rel=1e-15)
    assert np.all(np.isfinite(log_p))


def test_maximum_likelihood_matches_rsalvador_on_demerecs_data():
    # newton.LD(demerec.data) = 10.843826994529076 (pySalvador user manual, Zheng 2020).
    assert maximum_likelihood_m(DEMEREC) == pytest.approx(10.843826994529076, rel=1e-6)


def test_maximum_likelihood_matches_rsalvador_on_a_small_experiment():
    # pySalvador manual: newtonLD([0,16,20,2,2,56,3,161,9]) = 2.7310734581090395.
    assert maximum_likelihood_m([0, 16, 20, 2, 2, 56, 3, 161, 9]) == pytest.approx(
        2.7310734581090395, rel=1e-6)


def test_log_likelihood_agrees_with_rsalvadors_likelihood_interval():
    # pySalvador's 95% likelihood-ratio interval for Demerec's data is [8.6505, 13.1948]:
    # at each end the log likelihood is 3.8415 / 2 below its peak (chi-square, 1 d.f.).
    peak = log_likelihood(10.843826994529076, DEMEREC)
    for end in (8.650538086656915, 13.194764931218975):
        assert 2 * (peak - log_likelihood(end, DEMEREC)) == pytest.approx(3.841459, abs=1e-4)


def test_the_estimate_is_the_peak_of_the_likelihood():
    counts = [0, 0, 1, 3, 0, 2, 14, 0, 1, 6, 0, 120]
    best = maximum_likelihood_m(counts)
    for nearby in (best * 0.98, best * 1.02):
        assert log_likelihood(nearby, counts) < log_likelihood(best, counts)


def test_p0_method_by_hand():
    # 3 of 6 tumours have no resistant cell: m = -ln(1/2) = ln 2.
    assert p0_estimate([0, 0, 0, 5, 7, 1]) == pytest.approx(math.log(2))
    assert p0_estimate([0, 0]) == 0.0


def test_all_zeros_estimate_zero_mutations():
    assert maximum_likelihood_m([0, 0, 0]) == 0.0


def test_p0_method_needs_a_zero():
    with pytest.raises(ValueError, match="counts must hold at least one 0"):
        p0_estimate([1, 2, 3])


@pytest.mark.parametrize(("df", "significance", "table"), [
    (1, 0.05, 3.841459), (10, 0.05, 18.307038), (10, 0.001, 29.588298), (30, 0.01, 50.892181),
    (2, 0.05, 5.991465)])
def test_chi_square_critical_values_match_the_tables(df, significance, table):
    assert chi_square_critical_value(df, significance) == pytest.approx(table, rel=1e-6)
    assert chi_square_cdf(table, df) == pytest.approx(1 - significance, abs=1e-7)


def test_chi_square_with_two_degrees_of_freedom_by_hand():
    # With 2 d.f. the distribution is exponential: P(X <= x) = 1 - e^(-x/2).
    for x in (0.1, 1.0, 7.0, 30.0):
        assert chi_square_cdf(x, 2) == pytest.approx(1 - math.exp(-x / 2), rel=1e-12)


def test_chi_square_statistic_by_hand():
    # (12 - 10)^2 / 10 + (8 - 10)^2 / 10 = 0.8
    assert chi_square_statistic([12, 8], [10, 10]) == pytest.approx(0.8)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: luria_delbruck_pmf(-1.0, 5), r"m must be in \[0, 500\]; got -1"),
    (lambda: luria_delbruck_pmf(501.0, 5), r"m must be in \[0, 500\]; got 501"),
    (lambda: luria_delbruck_pmf(1.0, -1), "max_count must be one of the whole numbers from 0"),
    (lambda: luria_delbruck_pmf(1.0, 100_001), "max_count .* got 100001"),
    (lambda: p0_estimate([0, -2]), r"counts must be whole numbers from 0 to 100,000; got -2"),
    (lambda: p0_estimate([0, 1.5]), "counts must be whole numbers .* got 1.5"),
    (lambda: p0_estimate([]), "counts must be a non-empty"),
    (lambda: p0_estimate("0 1 2"), "counts must be a list or array"),
    (lambda: maximum_likelihood_m([0, 200_000]), "got 200000"),
    (lambda: chi_square_critical_value(0, 0.05), "degrees_of_freedom"),
    (lambda: chi_square_critical_value(3, 0.9), r"significance must be in .*; got 0.9"),
    (lambda: chi_square_statistic([1, 2], [1, 0]), r"expected must hold numbers in \(0, .*got 0"),
])
def test_bad_input_is_refused_with_name_value_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()
