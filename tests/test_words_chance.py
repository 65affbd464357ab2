"""Lesson 08 words: labels, numbers in words, caption and alt text, worked out by hand."""

import dataclasses
import itertools
import re

import numpy as np
import pytest

from helpers.lessons.chance import (
    DETECTION_SIZE_CHOICES_CELLS,
    MUTATION_RATE_CHOICES,
    PRESETS,
    TUMOUR_COUNT_CHOICES,
    ChanceValues,
    compute,
)
from helpers.words.chance import (
    alt_text,
    caption,
    chance_in_words,
    diameter_in_words,
    mutations_in_words,
    range_label,
    rate_label,
    share_in_words,
    size_label,
    tumours_label,
)


def _plain(html_text):
    return re.sub(r"<[^>]+>", "", html_text)


def test_control_labels_are_short_enough_to_show_whole():
    assert [rate_label(r) for r in MUTATION_RATE_CHOICES] == [
        "1 in 1 billion", "1 in 100 million", "1 in 10 million", "1 in 1 million"]
    assert [size_label(c) for c in DETECTION_SIZE_CHOICES_CELLS] == [
        "1 million", "10 million", "100 million", "1 billion", "10 billion"]
    # A slider's readout box holds about 16 characters (see test_control_labels_fit).
    labels = [*map(rate_label, MUTATION_RATE_CHOICES), *map(size_label,
              DETECTION_SIZE_CHOICES_CELLS), *map(tumours_label, TUMOUR_COUNT_CHOICES)]
    assert max(len(label) for label in labels) <= 16


def test_diameters_in_words():
    # Balls of 1e6 ... 1e10 cells at 1e9 per cm3: 1.24, 2.67, 5.76, 12.4, 26.7 mm.
    assert [diameter_in_words(compute(ChanceValues(1e-8, c, 100)).diameter_mm)
            for c in DETECTION_SIZE_CHOICES_CELLS] == [
        "about 1 mm", "about 3 mm", "about 6 mm", "about 1.2 cm", "about 2.7 cm"]


@pytest.mark.parametrize(("chance", "words"), [
    (0.3679, "37%"), (0.999, "99.9%"), (0.9999964, "more than 99.99%"),
    (4.54e-5, "about 1 in 22,000"), (3.7e-44, "less than 1 in a million"),
    (0.0, "less than 1 in a million"),
])
def test_chances_in_words(chance, words):
    assert chance_in_words(chance) == words


def test_chance_must_be_a_probability():
    with pytest.raises(ValueError, match=r"chance must be in \[0, 1\]; got 1.5"):
        chance_in_words(1.5)


def test_mutations_and_ranges_and_shares_in_words():
    assert mutations_in_words(10.0) == "about 10 mutations"
    assert mutations_in_words(1.0) == "about 1 mutation"
    assert mutations_in_words(9999.99) == "about 10,000 mutations"
    assert mutations_in_words(0.1) == "on average 0.1 mutations (fewer than one)"
    assert range_label(0, 1) == "0"
    assert range_label(10, 100) == "10 to 99"
    assert range_label(10_000, np.inf) == "10,000 or more"
    assert share_in_words(0.0) == "0%" and share_in_words(1e-44) == "under 0.1%"
    assert share_in_words(0.781) == "78%"


def test_caption_of_the_one_centimetre_example_by_hand():
    state = compute(PRESETS["Found at about 1 cm"].values)
    text = _plain(caption(state))
    # m = 10: chance e^-10 = 1 / 22,026; at 10e9 cells e^-100; two drugs
    # exp(-(1e-16 (1e9 - 1) + 2e-8 h)) with h = 1e9 * 1e-8 * (ln(1 / (1e-8 + 1e-9)) - 1)
    # = 10 * 17.32 = 173: exponent 3.5e-6, so more than 99.99%.
    assert "A tumour of 1 billion cells (about 1.2 cm across)" in text
    assert "expects about 10 mutations to resistance" in text
    assert "no resistant cell is about 1 in 22,000" in text
    assert "found at ten times the size: less than 1 in a million" in text
    assert "no cell resists both is more than 99.99%" in text
    if state.tumours_without == 0:
        assert "All 1,000 tumours grown by chance hold resistant cells" in text
    else:  # e^-10 per tumour: at most one or two of 1,000
        assert f"Of 1,000 tumours grown by chance, {state.tumours_without} (0." in text
    median = round(state.median_count)
    assert f"The middle tumour holds {median:,} resistant cells" in text
    assert f"the largest {state.largest_count:,}" in text


def test_caption_when_some_or_none_hold_resistant_cells():
    state = compute(PRESETS["As likely as not"].values)
    text = _plain(caption(state))
    without = state.tumours_without
    assert f"Of 1,000 tumours grown by chance, {without:,} ({round(100 * without / 1000)}%) " \
           "hold no resistant cell; the formula expects 37% with none" in text
    one = dataclasses.replace(state, resistant_counts=np.array([0] + [5] * 99),
                              simulated_share_without=0.01)
    assert "Of 100 tumours grown by chance, 1 (1%) holds no resistant cell" in caption(one)
    clean = dataclasses.replace(state, resistant_counts=np.zeros(100, dtype=np.int64),
                                simulated_share_without=1.0)
    text = _plain(caption(clean))
    assert "None of the 100 tumours grown by chance holds a resistant cell" in text
    assert "middle tumour" not in text  # no numbers of resistant cells to speak of


def test_caption_says_when_the_formula_is_not_drawn():
    state = compute(ChanceValues(1e-6, 1e10, 100))  # m = 10,000 expected mutations
    assert state.formula_shares is None
    assert "too many for the Luria-Delbruck formula" in caption(state)
    assert "formula's shares are not drawn" in alt_text(state)
    drawn = compute(ChanceValues(1e-8, 1e8, 100))
    assert "formula" in caption(drawn) and "too many" not in caption(drawn)


def test_alt_text_lists_every_range_and_the_marked_chances():
    state = compute(PRESETS["As likely as not"].values)
    text = alt_text(state)
    for label in ("0:", "1 to 9:", "10 to 99:", "100 to 999:", "1,000 to 9,999:",
                  "10,000 or more:"):
        assert text.count(label) == 2  # once for the bars, once for the formula
    assert "at 1 in 100 million per division" in text
    assert "falls to 1 in 2 at about 69 million cells" in text  # 1 + ln 2 / 1e-8
    assert "one drug 37%" in text and "resistant cells in 1,000 tumours" in text


def test_words_are_sane_at_every_control_position():
    for rate, cells, count in itertools.product(MUTATION_RATE_CHOICES,
                                                DETECTION_SIZE_CHOICES_CELLS,
                                                TUMOUR_COUNT_CHOICES):
        state = compute(ChanceValues(rate, cells, count))
        for text in (_plain(caption(state)), alt_text(state)):
            assert not re.search(r"\bnan\b|\binf\b|e-\d|e\+\d", text), text
        assert chance_in_words(state.none_one_drug) in caption(state)
        assert f"{count:,} " in caption(state)
