"""Goldie-Coldman: the chance of no resistant cell, by hand and against simulated tumours."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models.resistance_chance import (
    cells_for_probability,
    expected_resistant_clones,
    probability_no_doubly_resistant_cell,
    probability_no_resistant_cell,
)

# Deviations larger than this many binomial standard errors fail a simulation test. The
# chance that a correct model fails one such check by luck is below 1 in 100,000.
Z_LIMIT = 4.5


def test_one_cell_has_never_divided():
    assert probability_no_resistant_cell(1, 1e-3) == 1.0
    assert probability_no_doubly_resistant_cell(1, 1e-3, 1e-3) == 1.0


def test_goldie_coldman_by_hand():
    # alpha = 1e-6 and N = 1,000,001: alpha (N - 1) = 1, so P = e^-1.
    assert probability_no_resistant_cell(1_000_001, 1e-6) == pytest.approx(math.exp(-1))
    # 1 cm (1e9 cells) at 1 in 10 million per division: e^-100, about 4e-44.
    assert probability_no_resistant_cell(1e9, 1e-7) == pytest.approx(math.exp(-99.9999999))


def test_arrays_in_arrays_out_and_bigger_tumours_are_less_often_free():
    cells = np.logspace(0, 12, 25)
    p = probability_no_resistant_cell(cells, 1e-7)
    assert isinstance(p, np.ndarray) and p.shape == cells.shape
    assert p[0] == 1.0 and np.all(np.diff(p) <= 0)
    # Strictly falling until it is too small for a float (e^-100000 is 0.0).
    positive = p[p > 0]
    assert np.all(np.diff(positive) < 0) and positive.size >= 15


def test_cell_death_means_more_divisions_and_more_chances():
    # rho = 1/2 deaths per birth: m is multiplied by -ln(1/2) / (1/2) = 2 ln 2.
    assert expected_resistant_clones(1e6 + 1, 1e-6, 0.5) == pytest.approx(2 * math.log(2))
    assert expected_resistant_clones(1e6 + 1, 1e-6, 1e-12) == pytest.approx(1.0)
    assert probability_no_resistant_cell(1e6 + 1, 1e-6, 0.5) == pytest.approx(0.25)


def test_two_drugs_by_hand():
    # a = b = 1e-6, N = 1e9: a N = 1000, a + (1 - a)/N = 1.000999e-6.
    # h = N a / (1 - a) * (ln(1 / 1.000999e-6) / (1 - a) - (1 - 1e-9))
    #   = 1000.001 * (13.814511 - 0.999999) = 12814.53
    # exponent = a b (N - 1) + 2 a h = 0.001 + 0.0256291 = 0.0266291; P = 0.973722.
    assert probability_no_doubly_resistant_cell(1e9, 1e-6, 1e-6) == pytest.approx(
        math.exp(-0.0266291), rel=2e-6)


@given(st.floats(1e2, 1e12), st.floats(1e-9, 1e-4), st.floats(1e-9, 1e-4))
def test_two_drugs_are_always_likelier_to_have_no_fully_resistant_cell(cells, a, b):
    both = probability_no_doubly_resistant_cell(cells, a, b)
    assert both == pytest.approx(probability_no_doubly_resistant_cell(cells, b, a), rel=1e-9)
    assert both >= probability_no_resistant_cell(cells, a)
    assert both >= probability_no_resistant_cell(cells, b)


def test_second_drug_that_cannot_be_resisted_leaves_no_fully_resistant_cell():
    assert probability_no_doubly_resistant_cell(1e12, 1e-4, 0.0) == 1.0


def test_two_drug_exponent_grows_as_n_log_n_while_a_n_is_small():
    # h(a, N) is about a N (ln N - 1) when a N << 1, so the exponent is about
    # a b N (1 + 2 (ln N - 1)).
    n, a = 1e6, 1e-9
    expected = a * a * n * (1 + 2 * (math.log(n) - 1))
    exponent = -math.log(probability_no_doubly_resistant_cell(n, a, a))
    assert exponent == pytest.approx(expected, rel=1e-3)


def test_size_for_a_given_chance_is_the_inverse():
    n = cells_for_probability(0.5, 1e-6)
    assert n == pytest.approx(1 + math.log(2) * 1e6)
    assert probability_no_resistant_cell(n, 1e-6) == pytest.approx(0.5)


def _two_drug_tumours(tumours, cells, a, b, rng):
    """Exact growth without death: each division picks a cell at random; its daughter
    gains resistance to A (chance a) and to B (chance b) on top of its parent's."""
    s, ra, rb, rab = (np.zeros(tumours) for _ in range(4))
    s += 1
    for n in range(1, cells):
        u = rng.random(tumours) * n
        on_a = (u >= s) & (u < s + ra)
        on_b = (u >= s + ra) & (u < s + ra + rb)
        on_ab = u >= s + ra + rb
        gets_a = on_a | on_ab | (rng.random(tumours) < a)
        gets_b = on_b | on_ab | (rng.random(tumours) < b)
        s += ~gets_a & ~gets_b
        ra += gets_a & ~gets_b
        rb += gets_b & ~gets_a
        rab += gets_a & gets_b
    return rab


def test_two_drug_formula_against_simulated_tumours():
    # Small rates, as the formula assumes (it drops terms of order (a + b) ln N).
    tumours, cells, a, b = 8000, 3000, 1e-3, 3e-3
    share = float(np.mean(_two_drug_tumours(tumours, cells, a, b,
                                            np.random.default_rng(2024)) == 0))
    expected = probability_no_doubly_resistant_cell(cells, a, b)
    standard_error = math.sqrt(expected * (1 - expected) / tumours)
    assert abs(share - expected) < Z_LIMIT * standard_error


@pytest.mark.parametrize(("call", "message"), [
    (lambda: probability_no_resistant_cell(0.5, 1e-6), r"cells must be in \[1, 1e\+15\]; got 0.5"),
    (lambda: probability_no_resistant_cell([10, np.nan], 1e-6), "cells must be in .*got nan"),
    (lambda: probability_no_resistant_cell("big", 1e-6), "cells must be a number"),
    (lambda: probability_no_resistant_cell(10, 0.5),
     r"mutation_rate_per_division must be in \[0, 0.01\]; got 0.5"),
    (lambda: probability_no_resistant_cell(10, 1e-6, 0.95),
     r"death_to_birth_ratio must be in \[0, 0.9\]; got 0.95"),
    (lambda: probability_no_doubly_resistant_cell(10, -1e-6, 1e-6), "rate_a_per_division"),
    (lambda: probability_no_doubly_resistant_cell(10, 1e-6, 1.0), "rate_b_per_division"),
    (lambda: cells_for_probability(1.0, 1e-6), r"probability must be in \(0, 1\); got 1"),
    (lambda: cells_for_probability(0.5, 0.0), "mutation_rate_per_division must be in"),
])
def test_bad_input_is_refused_with_name_value_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()
