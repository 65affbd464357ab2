"""Lesson 00 words: the caption and alt text, against sentences worked out by hand.

Sizes by hand: 1e9 cells = 1 cm3, a sphere (6/pi)^(1/3) cm = 12.407 mm across;
the diameter goes with the cube root of the cells. From one cell to 1e9 cells
takes log2(1e9) = 29.9 doublings (said "about 30").
"""

import numpy as np
import pytest

from helpers.lessons.growth import GrowthState, GrowthValues, compute
from helpers.words.growth import alt_text, caption, growth_law_label


def test_default_caption_and_alt_text():
    state = compute(GrowthValues())
    # 183 days at a 30-day doubling: 1e9 x 2^6.1 = 6.86e10 -> "about 69 billion";
    # 12.407 x 2^(6.1/3) = 50.8 mm -> "51 mm". 29.9 doublings x 30 days = 897 days
    # -> 897 / 365.25 = 2.46 years, to the nearest half year "about 2 and a half years".
    # The chart's last day is day 183 (6 x 30.44 = 182.6).
    assert caption(state) == (
        "Doubling every 30 days, a tumour of about 1 billion cells (12 mm across) becomes "
        "about 69 billion cells (51 mm) by day 183 (6 months). Growing from one cell to this "
        "starting size takes about 30 doublings: at a steady 30-day doubling time, about 2 "
        "and a half years.")
    assert alt_text(state) == (
        "Two charts over 183 days with no treatment. Top: cancer cells on a log scale, rising "
        "from about 1 billion to about 69 billion. Bottom: diameter in millimetres, from 12 to "
        "51 mm.")


def test_fast_growth_in_two_months():
    state = compute(GrowthValues(doubling_time_days=7, months_shown=2))
    # 61 days / 7 = 8.71 doublings: 2^8.71 = 420 -> "about 420 billion";
    # 12.407 x 420^(1/3) = 12.407 x 7.49 = 92.9 mm -> "93 mm".
    # 29.9 x 7 = 209 days -> 209 / 7 = 29.9 weeks -> "30 weeks".
    assert caption(state) == (
        "Doubling every 7 days, a tumour of about 1 billion cells (12 mm across) becomes "
        "about 420 billion cells (93 mm) by day 61 (2 months). Growing from one cell to this "
        "starting size takes about 30 doublings: at a steady 7-day doubling time, 30 weeks.")


def test_steady_doubling_past_the_capacity_says_where_the_chart_stops():
    # The fastest doubling (2 days) over the shortest time (1 month, 30 days): 2^15 times,
    # past 1e12, so the chart stops at 1e12 cells = 1000 cm3, 124.07 mm ("about 12 cm").
    # One month, singular. 29.9 x 2 = 59.8 days -> 8.5 weeks -> "9 weeks".
    # 1e9 x 2^(t/2) reaches 1e12 at t = 2 log2(1000) = 19.9: day 20 is the first whole day.
    state = compute(GrowthValues(doubling_time_days=2, months_shown=1))
    assert caption(state) == (
        "Doubling every 2 days, a tumour of about 1 billion cells (12 mm across) becomes "
        "about 1 trillion cells (124 mm) by day 30 (1 month). The chart stops at 1 trillion "
        "cells (about 12 cm across), reached on day 20: real tumours slow down well before "
        "that. Growing from one "
        "cell to this starting size takes about 30 doublings: at a steady 2-day doubling "
        "time, 9 weeks.")
    assert "over 30 days" in alt_text(state)
    assert "to about 1 trillion" in alt_text(state)


def test_slowest_gompertz_growth_over_the_longest_time():
    # Gompertz by hand: K exp(ln(N0/K) exp(-r t / ln K)), K = 1e12, N0 = 1e9,
    # r = ln 2 / 200 = 0.0034657, t = 731: r t / ln K = 2.5335 / 27.631 = 0.09169,
    # exp(-0.09169) = 0.91239, ln(1e-3) x 0.91239 = -6.3026, 1e12 x exp(-6.3026) = 1.83e9
    # -> "about 1.8 billion"; 12.407 x 1.83^(1/3) = 15.2 mm -> "15 mm".
    # 29.9 x 200 = 5979 days = 16.4 years -> "about 16 years".
    state = compute(GrowthValues(doubling_time_days=200, growth_law="gompertz",
                                 months_shown=24))
    assert caption(state) == (
        "Starting from a doubling time of 200 days when it was tiny, and slowing as it grows, "
        "a tumour of about 1 billion cells (12 mm across) becomes about 1.8 billion cells "
        "(15 mm) by day 731 (24 months). Growing from one cell to this starting size takes "
        "about 30 "
        "doublings: at a steady 200-day doubling time, about 16 years.")
    assert alt_text(state) == (
        "Two charts over 731 days with no treatment. Top: cancer cells on a log scale, rising "
        "from about 1 billion to about 1.8 billion. Bottom: diameter in millimetres, from 12 "
        "to 15 mm.")


def _state(law="exponential", months=1, capped=False, capacity=1e12, capacity_mm=124.07,
           capped_day=None, last_day=30.0):
    return GrowthState(
        values=GrowthValues(doubling_time_days=10, growth_law=law, months_shown=months),
        days=np.array([0.0, last_day]), cells=np.array([1e9, 3e9]),
        diameter_mm=np.array([12.4, 17.9]), capped=capped, capacity_cells=capacity,
        capacity_mm=capacity_mm, doublings_from_one_cell=30, days_from_one_cell=299.0,
        capped_day=capped_day)


def test_words_built_from_a_state_directly():
    # 3e9 -> "about 3 billion"; 17.9 mm -> "18 mm"; 299 days / 7 = 42.7 -> "43 weeks".
    assert caption(_state(law="logistic")) == (
        "Starting from a doubling time of 10 days when it was tiny, and slowing as it grows, "
        "a tumour of about 1 billion cells (12 mm across) becomes about 3 billion cells "
        "(18 mm) by day 30 (1 month). Growing from one cell to this starting size takes about "
        "30 doublings: at a steady 10-day doubling time, 43 weeks.")
    assert "by day 365 (12 months)." in caption(_state(months=12, last_day=365.0))


def test_the_cap_note_follows_the_state_and_only_for_steady_doubling():
    # A 1e11 cap, 57.6 mm across -> "100 billion", "about 6 cm".
    note = "The chart stops at 100 billion cells (about 6 cm across)"
    assert note + ": real" in caption(_state(capped=True, capacity=1e11, capacity_mm=57.6))
    assert note + ", reached on day 12: real" in caption(
        _state(capped=True, capacity=1e11, capacity_mm=57.6, capped_day=12))
    assert "chart stops" not in caption(_state(capped=False))
    # A slowing law has its own limit, so no note even if the state were capped.
    assert "chart stops" not in caption(_state(law="gompertz", capped=True))


@pytest.mark.parametrize("law, label", [
    ("exponential", "Keeps doubling at the same pace"),
    ("logistic", "Slows as the space fills up (logistic)"),
    ("gompertz", "Slows early and steadily (Gompertz)"),
])
def test_growth_law_labels(law, label):
    assert growth_law_label(law) == label


def test_unknown_growth_law_label_is_refused():
    with pytest.raises(ValueError, match="law"):
        growth_law_label("linear")


def test_a_change_too_small_to_say_in_counts_is_said_as_hardly_changing():
    # Gompertz at a 200-day doubling for one month: 1e9 -> 1.026e9 (both "about 1
    # billion"). Said as "hardly changes", with the gain in percent (2.6% -> "3%") and the
    # diameters to a tenth: 12.407 mm and 12.407 x 1.026^(1/3) = 12.51 mm.
    state = compute(GrowthValues(doubling_time_days=200, growth_law="gompertz",
                                 months_shown=1))
    assert state.end_cells == pytest.approx(1.026e9, rel=1e-3)
    assert caption(state).startswith(
        "Starting from a doubling time of 200 days when it was tiny, and slowing as it grows, "
        "a tumour of about 1 billion cells (12.4 mm across) hardly changes by day 30 (1 "
        "month): it gains 3% more cells and is 12.5 mm across.")
    assert "rising only slightly and staying at about 1 billion" in alt_text(state)
    assert alt_text(state).endswith("from 12.4 to 12.5 mm.")
    assert "becomes about 1 billion" not in caption(state)
