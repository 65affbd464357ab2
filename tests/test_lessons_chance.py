"""Lesson 08's state: the controls, the chances, the simulated tumours and each example's
claim, checked against hand-worked values."""

import dataclasses
import math

import numpy as np
import pytest

from helpers.lessons.chance import (
    COUNT_BIN_EDGES,
    DETECTION_SIZE_CHOICES_CELLS,
    MUTATION_RATE_CHOICES,
    PRESETS,
    TUMOUR_COUNT_CHOICES,
    ChanceValues,
    compute,
)

Z_LIMIT = 4.5


def test_defaults_are_the_one_centimetre_example():
    assert ChanceValues() == PRESETS["Found at about 1 cm"].values


def test_default_state_by_hand():
    state = compute(ChanceValues())
    # 1e9 cells at 1e-8 per division: m = 1e-8 * (1e9 - 1) = 10 (to 1e-8).
    assert state.expected_mutations == pytest.approx(10.0)
    assert state.none_one_drug == pytest.approx(math.exp(-10))
    assert state.none_one_drug_ten_times == pytest.approx(math.exp(-100), rel=1e-6)
    # Half chance at N = 1 + ln 2 / 1e-8 = 69.3 million cells.
    assert state.even_chance_cells == pytest.approx(1 + math.log(2) * 1e8)
    # A ball of 1 cm3 (1e9 cells per cm3) is (6 / pi)^(1/3) = 1.2407 cm across.
    assert state.diameter_mm == pytest.approx(12.407, abs=1e-3)
    assert state.tumours == 1000


def test_more_tumours_are_more_of_the_same_tumours():
    few = compute(ChanceValues(1e-8, 1e8, 100))
    many = compute(ChanceValues(1e-8, 1e8, 1000))
    assert np.array_equal(few.resistant_counts, many.resistant_counts[:100])


def test_shares_add_up_and_the_formula_is_drawn_only_when_it_can_be():
    for rate in MUTATION_RATE_CHOICES:
        for cells in DETECTION_SIZE_CHOICES_CELLS:
            state = compute(ChanceValues(rate, cells, 100))
            assert state.simulated_shares.sum() == pytest.approx(1.0)
            assert len(state.simulated_shares) == len(COUNT_BIN_EDGES) - 1
            if state.expected_mutations > 500:
                assert state.formula_shares is None
            else:
                assert state.formula_shares is not None
                assert state.formula_shares.sum() == pytest.approx(1.0)
                # The first range is "no resistant cell": e^-m.
                assert state.formula_shares[0] == pytest.approx(state.none_one_drug)
            assert np.all(state.no_resistant_two_drugs >= state.no_resistant_one_drug)


def _agrees_with_formula(state):
    p = state.none_one_drug
    error = math.sqrt(max(p * (1 - p), 1e-12) / state.tumours)
    return abs(state.simulated_share_without - p) <= Z_LIMIT * error + 1e-12


def test_example_small_tumour_and_rare_change():
    state = compute(PRESETS["A small tumour and a rare change"].values)
    # m = 1e-9 * (1e8 - 1) = 0.1; e^-0.1 = 0.905: "about 9 tumours in 10".
    assert state.expected_mutations == pytest.approx(0.1)
    assert state.none_one_drug == pytest.approx(0.905, abs=1e-3)
    assert _agrees_with_formula(state)
    assert 5.5 < state.diameter_mm < 6.5  # "about 6 mm"


def test_example_as_likely_as_not_shows_jackpots():
    state = compute(PRESETS["As likely as not"].values)
    assert state.expected_mutations == pytest.approx(1.0)  # about 1 mutation
    assert state.none_one_drug == pytest.approx(math.exp(-1))  # about 1 in 3
    assert _agrees_with_formula(state)
    counts = state.resistant_counts
    assert np.median(counts) <= 9  # most hold a few
    hundreds = np.count_nonzero(counts >= 100) / counts.size
    assert 0.005 < hundreds < 0.05  # a few hold hundreds (the formula: 1%)


def test_example_found_at_one_centimetre():
    state = compute(PRESETS["Found at about 1 cm"].values)
    # e^-10 of 1,000 tumours is 0.05 expected with none: "almost every tumour".
    assert state.none_one_drug < 1e-4 and state.tumours_without <= 2
    assert state.none_two_drugs > 0.9999
    assert 9.5 < state.diameter_mm < 15  # about 1 cm


def test_example_found_later_holds_more_resistant_cells():
    later = compute(PRESETS["Found later, ten times bigger"].values)
    sooner = compute(PRESETS["Found at about 1 cm"].values)
    assert later.tumours_without == 0 and later.none_one_drug < 1e-40
    assert later.median_count > 10 * sooner.median_count
    assert 25 < later.diameter_mm < 28  # about 2.7 cm


@pytest.mark.parametrize(("field", "value", "message"), [
    ("mutation_rate_per_division", 1e-5, r"mutation_rate_per_division must be one of .*got 1e-05"),
    ("detection_size_cells", 5e8, r"detection_size_cells must be one of .*got 500000000.0"),
    ("tumours", 50, r"tumours must be one of \[100, 300, 1000\]; got 50"),
])
def test_values_no_control_offers_are_refused(field, value, message):
    with pytest.raises(ValueError, match=message):
        dataclasses.replace(ChanceValues(), **{field: value})


def test_controls_offer_what_the_lesson_says():
    assert MUTATION_RATE_CHOICES == (1e-9, 1e-8, 1e-7, 1e-6)
    assert TUMOUR_COUNT_CHOICES == (100, 300, 1000)
    assert 1e9 in DETECTION_SIZE_CHOICES_CELLS
