"""Lesson 02 words: caption, alt text and control labels, from states built directly.

Every expected sentence is worked out by hand in the comments: growth here is close
to exponential (1e10 cells in room for 1e12), a sphere of N cells is
(6 N / (1e9 pi))^(1/3) cm across, and plain_words rounds counts to two figures.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from helpers.lessons.choices import FRACTION_KILLED_CHOICES, RESISTANT_SHARE_CHOICES
from helpers.lessons.resistance import PRESETS, ResistanceValues, compute
from helpers.words.resistance import (
    alt_text,
    caption,
    cycles_control_label,
    days_label,
    fraction_killed_label,
    share_in_words,
    share_label,
)


def test_share_labels_run_from_one_in_ten_million_to_one_in_two():
    assert [share_label(s) for s in RESISTANT_SHARE_CHOICES] == [
        "1 in 10,000,000", "1 in 1,000,000", "1 in 100,000", "1 in 10,000", "1 in 1,000",
        "1 in 100", "1 in 10", "1 in 4", "1 in 2"]


def test_kill_choices_name_the_three_illustrative_sensitivity_levels():
    labels = " ".join(fraction_killed_label(f) for f in FRACTION_KILLED_CHOICES)
    for level in ("very sensitive", "moderately sensitive", "hardly sensitive"):
        assert level in labels
    assert labels.count("(illustration)") == 3
    assert [fraction_killed_label(f) for f in FRACTION_KILLED_CHOICES] == [
        "0%: the drug does nothing",
        "50%: a hardly sensitive cancer (illustration)",
        "70%",
        "90%: a moderately sensitive cancer (illustration)",
        "99%",
        "99.9%: a very sensitive cancer (illustration)",
    ]


def test_day_labels_are_singular_and_plural():
    assert days_label(1) == "1 day"
    assert days_label(21) == "21 days"
    assert cycles_control_label(21) == "Number of cycles (21 days each)"


def test_share_in_words():
    assert share_in_words(0.25) == "1 in 4 cells is resistant"
    assert share_in_words(0.0) == "no resistant cells are left"
    assert share_in_words(0.999) == "almost every cell (99.9%) is resistant"
    assert share_in_words(0.8) == "80% of the cells are resistant"
    # Edges: one half is still "1 in 2"; 99.5% and up is "almost every"; all is "every".
    assert share_in_words(0.5) == "1 in 2 cells is resistant"
    assert share_in_words(0.995) == "almost every cell (99.5%) is resistant"
    assert share_in_words(1.0) == "every cell is resistant"
    # A share no "1 in N" says well (0.3 is 1 in 3.3) is said in percent, with a plural verb.
    assert share_in_words(0.3) == "30% of the cells are resistant"
    assert share_in_words(0.4) == "40% of the cells are resistant"


def test_one_cycle_caption_by_hand():
    state = compute(ResistanceValues(resistant_share=1e-2, fraction_killed_per_dose=0.9,
                                     sensitive_doubling_time_days=21,
                                     resistant_doubling_time_days=21, fitness_cost_percent=0,
                                     cycles=1))
    # Sensitive 0.99e10 -> 90% killed -> 0.99e9 -> doubles -> 1.98e9; resistant 1e8 ->
    # 2e8. Total 2.18e9 ("about 2.2 billion"), 1 - 0.218 = 78% fewer; share
    # 2e8 / 2.18e9 = 1 / 10.9: "1 in 11". Diameters: 10 cm3 -> 26.7 mm at the start; live
    # cells 2.18 cm3 -> 16.1 mm, but the scan also counts 1/8 of the 0.891e10 killed (three
    # 7-day half-lives): 3.29e9 cells, (6 * 3.29 / pi)^(1/3) = 1.85 cm -> 18 mm.
    # Lowest just after the dose on day 0: 0.99e9 + 1e8 = 1.09e9, "about 1.1 billion".
    assert caption(state) == (
        "After 1 cycle (day 21) the tumour holds <b>about 2.2 billion cells, 78% fewer than "
        "at the start</b>; 1 in 11 cells is resistant (at the start, 1 in 100). A scan would "
        "measure it at about 18 mm across (it was 27 mm), counting dead cells not yet "
        "cleared. The lowest point was about 1.1 billion cells on day 0.")
    # Sensitive cells end at 1.98e9 ("about 2 billion"), resistant at 2e8; one dose.
    assert alt_text(state) == (
        "Two charts over 21 days with 1 dose, one every 21 days. Top, cancer cells on a log "
        "scale: all cells go from about 10 billion to about 2.2 billion, lowest about 1.1 "
        "billion on day 0; sensitive cells end at about 2 billion, resistant cells end at "
        "about 200 million. A grey band marks the size at which a scan starts to show the "
        "tumour. Bottom, the share of resistant cells goes from 1 in 100 to 1 in 11.")


def test_two_cycles_are_plural():
    state = compute(ResistanceValues(cycles=2))
    assert caption(state).startswith("After 2 cycles (day 42) the tumour holds")
    assert alt_text(state).startswith("Two charts over 42 days with 2 doses, one every 21 days.")


def test_a_tumour_that_grows_a_little_says_more():
    state = compute(ResistanceValues(fraction_killed_per_dose=0.5,
                                     sensitive_doubling_time_days=14,
                                     resistant_doubling_time_days=14, fitness_cost_percent=0,
                                     cycles=1))
    # Half of 1e10 killed: 5e9 (the lowest point, day 0). 21 days at doubling 14 days,
    # logistic in room for 1e12: 1e12 / (1 + 199 * 2^-1.5) = 1e12 / 71.36 = 1.40e10,
    # "about 14 billion", 40% more. Diameter (6 * 14.0 / pi)^(1/3) = 2.99 cm: 30 mm. The
    # scan also counts 1/8 of the 5e9 killed (three 7-day half-lives): 14.6e9 cells,
    # (6 * 14.6 / pi)^(1/3) = 3.03 cm, still "30 mm", so no word about dead cells.
    # The dose spares the 1e6 resistant cells: 1e6 in 5e9 is 1 in 5,000 after it, and
    # both clones then grow alike, so the share stays 1 in 5,000.
    assert caption(state) == (
        "After 1 cycle (day 21) the tumour holds <b>about 14 billion cells, 40% more than at "
        "the start</b>; 1 in 5,000 cells is resistant (at the start, 1 in 10,000). A scan "
        "would measure it at about 30 mm across (it was 27 mm). The lowest point was about 5 "
        "billion cells on day 0.")


def test_no_kill_grows_and_has_no_lowest_point():
    values = ResistanceValues(fraction_killed_per_dose=0.0, sensitive_doubling_time_days=21,
                              resistant_doubling_time_days=21, fitness_cost_percent=0,
                              cycles=1)
    # One doubling, logistic: 1e12 / (1 + 99 / 2) = 1.98e10, "about 20 billion"; that is
    # 98% more (under twice as many, so said in percent). (6 * 19.8 / pi)^(1/3) = 3.36 cm.
    # The lowest point is the start, so no sentence about it.
    text = caption(compute(values))
    assert "<b>about 20 billion cells, 98% more than at the start</b>" in text
    # No kill, no dead cells: the scan reads the live cells' size.
    assert "A scan would measure it at about 34 mm across (it was 27 mm)." in text
    assert "lowest point" not in text and "faded" not in text
    # Two doublings: 1e12 / (1 + 99 / 4) = 3.88e10, 3.88 times as many, to one decimal 3.9.
    text = caption(compute(dataclasses.replace(values, cycles=2)))
    assert "<b>about 39 billion cells, about 3.9 times as many as at the start</b>" in text
    assert "lowest point" not in text


def test_a_tumour_that_fills_its_room_says_a_whole_number_of_times():
    state = compute(ResistanceValues(fraction_killed_per_dose=0.0,
                                     sensitive_doubling_time_days=7,
                                     resistant_doubling_time_days=7, fitness_cost_percent=0,
                                     cycles=10))
    # 210 days at doubling 7 days is 2^30: the tumour fills the room of 1e12 cells,
    # 1e12 / 1e10 = 100 times as many; 1000 cm3 is (6000 / pi)^(1/3) = 12.4 cm across.
    assert caption(state).startswith(
        "After 10 cycles (day 210) the tumour holds <b>about 1 trillion cells, about 100 "
        "times as many as at the start</b>;")
    assert "A scan would measure it at about 124 mm across (it was 27 mm)." in caption(state)


def test_the_caption_says_the_response_faded_only_when_it_did():
    fades = compute(PRESETS["Response fades (acquired resistance)"].values)
    assert "By day 104, still on the same drug" in caption(fades)
    assert caption(fades).endswith("the response faded.")
    for name in ("Stable disease", "Aggressive biology", "Responding"):
        assert "faded" not in caption(compute(PRESETS[name].values))


def test_the_faded_sentence_by_hand():
    state = dataclasses.replace(compute(ResistanceValues()), nadir_cells=4.04e8,
                                nadir_day=21.0, faded_day=104.0)
    # 4.04e8 to two figures is 400 million.
    assert caption(state).endswith(
        " The lowest point was about 400 million cells on day 21. By day 104, still on the "
        "same drug, the tumour had clearly grown back from its low point: the response "
        "faded.")


def test_no_cells_left():
    # Not reachable with the controls (the resistant cells are never killed), so built
    # by hand: every cell gone by day 21.
    state = dataclasses.replace(
        compute(ResistanceValues(resistant_share=1e-2, cycles=1)),
        total_cells=np.array([1e10, 0.0, 0.0]), resistant_share=np.array([0.01, 0.0, 0.0]),
        nadir_cells=0.0, nadir_day=21.0)
    assert caption(state) == (
        "After 1 cycle (day 21) the tumour holds <b>no cancer cells</b> (at the start, 1 in "
        "100 were resistant). Every cancer cell was gone by day 21.")
    assert "go from about 10 billion to none, lowest none on day 21" in alt_text(state)
    assert "goes from 1 in 100 to nothing, as no cells are left." in alt_text(state)


def test_a_tiny_tumour_keeps_a_decimal_in_its_diameter():
    # 1 in 10 million resistant, 99.9% of the sensitive cells killed each dose, resistant
    # cells doubling every 90 days but 50% slower (every 180 days), 10 cycles (day 210):
    # the 1,000 resistant cells grow 2^(210 / 180) = 2.2 times and the sensitive ones die
    # out: about 2,200 cells, a sphere of 12.4 mm x (2.2e3 / 1e9)^(1/3) = 0.16 mm.
    state = compute(ResistanceValues(resistant_share=1e-7, fraction_killed_per_dose=0.999,
                                     sensitive_doubling_time_days=90,
                                     resistant_doubling_time_days=90, fitness_cost_percent=50,
                                     cycles=10))
    assert 1e3 < state.end_cells < 1e4
    # Dead cells left by day 210: the first dose's 0.999e10, 30 half-lives on, is
    # 1e10 / 2^30 = 9 cells; later doses killed far fewer. 2,209 cells: still 0.2 mm.
    assert "A scan would measure it at about 0.2 mm across (it was 27 mm)." in caption(state)
    assert "about 0 mm" not in caption(state)
