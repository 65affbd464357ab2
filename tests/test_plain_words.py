"""Numbers in plain words, checked against how a person would say them."""

import pytest

from helpers.plain_words import (
    cells_count,
    cells_in_words,
    change_from_start,
    days_in_words,
    mm_in_words,
    one_in,
    percent,
    plural,
    signed_percent,
    times_as_many,
)


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


@pytest.mark.parametrize("days, words", [
    (0, "0 days"), (1, "1 day"), (12, "12 days"), (55, "55 days"),
    (56, "8 weeks"),               # 56 / 7 = 8
    (70, "10 weeks"),
    (364, "52 weeks"),
    (400, "about 13 months"),      # 400 / 30.44 = 13.1
    (729, "about 24 months"),      # 729 / 30.44 = 23.9
    (730, "about 2 years"),        # 730 / 365.25 = 1.999
    (900, "about 2 and a half years"),  # the case: 2.46 years, not "about 2 years"
    (897, "about 2 and a half years"),  # lesson 00's default: 29.9 doublings x 30 days
    (1000, "about 2 and a half years"),  # 2.74 years -> 2.5 (nearest half)
    (1100, "about 3 years"),        # 3.01
    (3652, "about 10 years"),       # 9.999 -> 10
    (5979, "about 16 years"),       # 16.4: whole years from ten on
])
def test_days_in_words(days, words):
    assert days_in_words(days) == words


@pytest.mark.parametrize("call", [lambda: cells_in_words(-1), lambda: cells_in_words(float("nan")),
                                  lambda: one_in(1.5), lambda: one_in(float("nan")),
                                  lambda: percent(float("nan")), lambda: percent(float("inf")),
                                  lambda: signed_percent(float("nan")),
                                  lambda: days_in_words(-1), lambda: days_in_words(float("inf")),
                                  lambda: times_as_many(-0.1), lambda: times_as_many(float("nan")),
                                  lambda: change_from_start(-1.5), lambda: plural(-1, "cycle"),
                                  lambda: plural(1.5, "cycle"), lambda: mm_in_words(-0.1),
                                  lambda: cells_count(float("inf"))])
def test_bad_numbers_are_refused(call):
    with pytest.raises(ValueError):
        call()


def test_bad_numbers_name_the_parameter():
    with pytest.raises(ValueError, match="days"):
        days_in_words(-3)
    with pytest.raises(ValueError, match="fraction"):
        percent(float("nan"))
    with pytest.raises(ValueError, match="count"):
        plural(-1, "dose")


@pytest.mark.parametrize("fraction, words", [
    (1e-7, "1 in 10,000,000"),
    (1 / 150, "1 in 150"),        # two figures, not rounded to "1 in 200"
    (1 / 1234, "1 in 1,200"),
    (0.07, "1 in 14"),            # 1 / 0.07 = 14.3: close to a whole number
    (0.3, "30%"),                 # 1 / 0.3 = 3.33: no whole "1 in N" says it
    (0.4, "40%"),                 # not "1 in 2" (that is 50%)
    (0.6, "60%"),                 # over one half: percent
    (0.996, "99.6%"),             # not "all": some are not
    (0.9999, "99.99%"),
])
def test_one_in_says_only_what_is_true(fraction, words):
    assert one_in(fraction) == words


def test_percent_never_rounds_a_share_up_to_all_or_down_to_none():
    assert percent(0.99999999) == "99.999999%"
    assert percent(0.9999999999) == "over 99.999999%"   # not "100%"
    assert percent(0.004) == "0.4%"                      # not "0%"
    assert percent(1.0) == "100%" and percent(0.0) == "0%"


@pytest.mark.parametrize("ratio, words", [
    (1.02, "about the same number"), (0.97, "about the same number"),
    (2.0, "2 times as many"),     # not "2.0 times"
    (2.46, "2.5 times as many"), (9.96, "10 times as many"), (1234, "1,234 times as many"),
    (0.4, "60% fewer"),           # not "0.4 times as many"
])
def test_times_as_many(ratio, words):
    assert times_as_many(ratio) == words


@pytest.mark.parametrize("change, words", [
    (0.0, "about as many as at the start"),       # not "0% more"
    (-0.0004, "about as many as at the start"),
    (-0.003, "0.3% fewer than at the start"),
    (-0.998, "99.8% fewer than at the start"),
    (0.4, "40% more than at the start"),
    (1.0, "about 2 times as many as at the start"),
])
def test_change_from_start(change, words):
    assert change_from_start(change) == words


@pytest.mark.parametrize("count, words", [(0, "0 cycles"), (1, "1 cycle"), (2, "2 cycles")])
def test_plural(count, words):
    assert plural(count, "cycle") == words


@pytest.mark.parametrize("cells, words", [
    (0.3, "no cancer cells"), (1, "1 cancer cell"), (1.4, "1 cancer cell"),
    (2, "2 cancer cells"), (6.4e5, "about 640,000 cancer cells"),
])
def test_cells_count_agrees_in_number(cells, words):
    assert cells_count(cells, "cancer cells") == words


@pytest.mark.parametrize("value_mm, words", [
    (0, "0 mm"), (0.03, "under 0.1 mm"), (0.16, "0.2 mm"), (1.26, "1.3 mm"),
    (9.94, "9.9 mm"), (12.3, "12 mm"), (124.07, "124 mm"),
])
def test_mm_in_words(value_mm, words):
    assert mm_in_words(value_mm) == words
