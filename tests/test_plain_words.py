"""Numbers in plain words, checked against how a person would say them."""

import pytest

from helpers.plain_words import cells_in_words, days_in_words, one_in, percent, signed_percent


@pytest.mark.parametrize("cells, words", [
    (0.4, "no cells left"),
    (7, "7"),
    (1234, "about 1,200"),
    (2.1e8, "about 210 million"),
    (9.96e8, "about 1 billion"),  # rounds up into the next word, not "1000 million"
    (3.4e12, "about 3.4 trillion"),
])
def test_cells_in_words(cells, words):
    assert cells_in_words(cells) == words


@pytest.mark.parametrize("fraction, words", [
    (0.25, "1 in 4"), (1e-7, "1 in 10,000,000"), (0.5, "1 in 2"), (0.0, "none"), (1.0, "all"),
])
def test_one_in(fraction, words):
    assert one_in(fraction) == words


def test_percent_keeps_the_nines():
    assert percent(0.999) == "99.9%"
    assert percent(0.9999) == "99.99%"
    assert percent(0.25) == "25%"
    assert signed_percent(-0.3) == "30% smaller"
    assert signed_percent(0.001) == "about the same"


def test_days_in_words():
    assert days_in_words(12) == "12 days"
    assert days_in_words(70) == "10 weeks"
    assert days_in_words(1100) == "about 3 years"


@pytest.mark.parametrize("call", [lambda: cells_in_words(-1), lambda: cells_in_words(float("nan")),
                                  lambda: one_in(1.5)])
def test_bad_numbers_are_refused(call):
    with pytest.raises(ValueError):
        call()
