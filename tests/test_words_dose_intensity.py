"""Lesson 05 words: caption, alt text and control labels, from states built directly.

Worked by hand: each full dose of 90% leaves 0.1 of the cells and 21 days at a
doubling time of 21 days doubles them (growth is close to exponential this far
below the room for 1e12 cells), so a cycle multiplies the count by 0.2. A dose cut
to a fraction q of the full dose kills q times the logs.
"""

from __future__ import annotations

import dataclasses

from helpers.lessons.dose_intensity import DoseIntensityValues, compute
from helpers.words.dose_intensity import (
    alt_text,
    caption,
    changed_cycle_label,
    days_label,
    delays_repeat_label,
    doses_in_words,
    fraction_killed_label,
    pause_sentence,
)


def test_control_labels():
    assert changed_cycle_label(2) == "cycle 2"
    assert delays_repeat_label(False) == "only that cycle"
    assert delays_repeat_label(True) == "that cycle and every later one"
    assert days_label(14) == "14 days"
    assert fraction_killed_label(0.9) == "90%: a moderately sensitive cancer (illustration)"


def test_as_planned_by_hand():
    state = compute(DoseIntensityValues())
    # Six cycles: 1e10 * 0.2^6 = 6.4e5, "about 640,000".
    assert caption(state) == (
        "Relative dose intensity: <b>100% of the plan</b> (all 6 doses in full, given on "
        "schedule). Everything went as planned: at the end of the course (day 126) the "
        "tumour holds about 640,000 cancer cells.")
    assert alt_text(state) == (
        "Chart of cancer cells on a log scale over 126 days. Dotted line, the plan: 6 full "
        "doses 21 days apart, ending on day 126 at about 640,000 cells. Solid line, the course "
        "as given (all 6 doses in full), ending on day 126 at about 640,000 cells. Relative "
        "dose intensity 100%.")
    assert pause_sentence(state) == ""


def test_one_delay_and_a_cut_by_hand():
    state = compute(DoseIntensityValues(changed_cycle=3, delay_days=7, dose_cut_percent=20))
    # Given: 1 + 1 + 4 * 0.8 = 5.2 full doses over 126 + 7 = 133 days.
    # RDI = (5.2 / 133) / (6 / 126) = 655.2 / 798 = 0.821 -> "82%".
    # Pause: 4e8 on day 42 (two cycles of x 0.2), x 2^(7/21) = 1.26 -> 5.04e8 on day 49.
    # The given course: x 10^-0.8 = 0.158 per cut dose; 5.04e8 x 0.158 = 8.0e7 after dose
    # 3, then three cycles of x 2 x 0.158 = 0.317: 2.54e6 after dose 6, doubled by day
    # 133: 5.1e6. The plan: 6.4e5.
    text = caption(state)
    assert text.startswith(
        "Relative dose intensity: <b>82% of the plan</b> (6 doses, the last 4 at 80% of a "
        "full dose: 5.2 full doses' worth of the 6 planned, given over 133 days instead of "
        "126). During "
        "the 7-day pause before cycle 3, the cancer cells grew back from about 400 million to "
        "about 500 million. At the end of each course (day 126 as planned, day 133 as given) "
        "the plan leaves about 640,000 cancer cells; the course as given leaves about 5.1 "
        "million cells: ")
    assert text.endswith(" times as many.")
    assert "Shaded stripes mark 1 pause, where the solid line rises" in alt_text(state)
    assert "ending on day 133 at about 5.1 million cells" in alt_text(state)
    assert "the course as given (6 doses, the last 4 at 80% of a full dose: 5.2 full doses' worth" \
        in alt_text(state)
    assert alt_text(state).endswith("Relative dose intensity 82%.")


def test_repeated_delays_are_plural_and_compared_by_hand():
    state = compute(DoseIntensityValues(changed_cycle=2, delay_days=7, delays_repeat=True))
    # Five pauses of 7 days; the same six full doses over 126 + 35 = 161 days:
    # RDI 126 / 161 = 0.783 -> "78%". The 35 extra days of growth: 2^(35/21) = 3.17 -> 3.2.
    text = caption(state)
    assert ("<b>78% of the plan</b> (all 6 doses in full, given over 161 days instead of "
            "126)") in text
    assert " During the first of 5 pauses (7 days each), the cancer cells grew back" in text
    assert text.endswith(": 3.2 times as many.")
    assert "Shaded stripes mark 5 pauses," in alt_text(state)
    assert "over 161 days" in alt_text(state)


def test_a_cut_on_schedule_ends_on_the_same_day():
    state = compute(DoseIntensityValues(changed_cycle=2, dose_cut_percent=25))
    # 1 + 5 x 0.75 = 4.75 of 6, on time: 4.75 / 6 = 0.79 -> "79%". No pause.
    text = caption(state)
    assert text.startswith("Relative dose intensity: <b>79% of the plan</b> (6 doses, the "
                           "last 5 at 75% of a full dose: 4.75 full doses' worth of the 6 "
                           "planned, given on schedule). At the end of the course (day 126) ")
    assert "pause" not in text and "pause" not in alt_text(state)


def test_about_the_same_number():
    state = compute(DoseIntensityValues(fraction_killed_per_dose=0.5, changed_cycle=6,
                                        dose_cut_percent=5))
    # Only the last dose differs: 95% of 0.301 logs leaves 10^-0.286 = 0.518 instead of
    # 0.5, so 1.035 times as many: within 5% of the plan, "about the same number".
    assert caption(state).endswith(": about the same number.")


def test_a_plan_that_clears_every_cell_is_said_plainly():
    # 99.9% kill, doubling 21 days: per cycle 1e-3 * 2, so six doses leave
    # 1e10 * (1e-3)^6 * 2^5 = 3e-7 cells: none. Half doses from cycle 2 kill only
    # 1.5 logs each (x 0.0316): 1e10 x 1e-3 x 2 = 2e7 on day 21, then five cycles of
    # x 0.0316 x 2 = 0.0632: 2e7 x 0.0632^5 = 20 on day 126.
    state = compute(DoseIntensityValues(fraction_killed_per_dose=0.999, changed_cycle=2,
                                        dose_cut_percent=50))
    assert caption(state).endswith(
        " At the end of the course (day 126) the plan leaves no cancer cells in this model; "
        "the course as given leaves about 20 cancer cells.")


def test_nothing_left_to_regrow():
    # 99.9% killed, doubling 90 days: x 1.2e-3 per cycle, under one cell after the 4th
    # dose, so the pause before cycle 6 finds none, and both courses end with none.
    state = compute(DoseIntensityValues(fraction_killed_per_dose=0.999, doubling_time_days=90,
                                        changed_cycle=6, delay_days=7))
    assert pause_sentence(state) == (
        " No cancer cells were left to regrow during the 7-day pause before cycle 6.")
    assert caption(state).endswith(
        " At the end of each course (day 126 as planned, day 133 as given) no cancer cells "
        "are left in this model.")


def test_pause_sentence_from_a_state_built_by_hand():
    state = dataclasses.replace(compute(DoseIntensityValues(changed_cycle=4, delay_days=1)),
                                first_pause_cells=(1.0, 2.0e6))
    # A 1-day pause before cycle 4; 1 cell and 2 million.
    assert pause_sentence(state) == (
        " During the 1-day pause before cycle 4, the cancer cells grew back from 1 to about "
        "2 million.")


def test_six_reduced_doses_are_never_said_as_fewer_doses():
    # The issue's case: a 20% cut from cycle 2 gives 1 + 5 x 0.8 = 5 full doses' worth,
    # but six doses were given. "5 of 6 full doses" would read as a dose left out.
    state = compute(DoseIntensityValues(changed_cycle=2, dose_cut_percent=20))
    text = caption(state)
    assert ("(6 doses, the last 5 at 80% of a full dose: 5 full doses' worth of the 6 planned, "
            "given on schedule)") in text
    assert "5 of 6" not in text
    # Only the last dose cut: "the last one".
    state = compute(DoseIntensityValues(changed_cycle=6, dose_cut_percent=50))
    assert "(6 doses, the last one at 50% of a full dose: 5.5 full doses' worth" in caption(state)


def test_doses_in_words_for_cuts_that_are_not_at_the_end():
    # Not reachable with the controls (a cut runs from its cycle to the end); built by hand.
    state = compute(DoseIntensityValues())
    schedule = dataclasses.replace(state.schedule, dose_fractions=(0.5, 1, 1, 1, 1, 1))
    assert doses_in_words(dataclasses.replace(state, schedule=schedule)) == (
        "6 doses, 1 of them at 50% of a full dose: 5.5 full doses' worth of the 6 planned")
    schedule = dataclasses.replace(state.schedule,
                                   dose_fractions=(0.5, 0.5, 0.5, 0.5, 0.5, 0.75))
    assert doses_in_words(dataclasses.replace(state, schedule=schedule)) == (
        "6 doses, all of them reduced: 3.25 full doses' worth of the 6 planned")


def test_a_plan_with_nothing_left_as_planned_says_so_without_a_broken_count():
    # 99.9% a dose, doubling 21 days, as planned: 1e10 x (1e-3)^6 x 2^5 = 3e-7: none.
    state = compute(DoseIntensityValues(fraction_killed_per_dose=0.999))
    assert caption(state).endswith(
        "Everything went as planned: by the end of the course (day 126) no cancer cells are "
        "left in this model.")
    assert "no cells left cancer" not in caption(state)
    assert "ending on day 126 with no cancer cells left" in alt_text(state)


def test_a_drug_that_kills_nothing_lets_cells_grow_not_grow_back():
    # 0% kill: nothing was killed, so nothing "grows back". Doubling 90 days, logistic in
    # room for 1e12: N(t) = 1e12 / (1 + 99 x 2^(-t/90)). A 28-day pause before cycle 2
    # (due day 21): N(21) = 1e12 / (1 + 99 x 0.851) = 1.17e10 ("about 12 billion");
    # N(49) = 1e12 / (1 + 99 x 0.686) = 1.45e10 ("about 15 billion").
    state = compute(DoseIntensityValues(fraction_killed_per_dose=0.0, doubling_time_days=90,
                                        changed_cycle=2, delay_days=28))
    sentence = pause_sentence(state)
    assert " grew from about 12 billion to about 15 billion." in sentence
    assert "back" not in sentence


def test_a_one_day_pause_between_equal_counts_hardly_changes():
    # A 1-day pause at a 90-day doubling: x 2^(1/90) = 1.008, the same in words.
    state = dataclasses.replace(compute(DoseIntensityValues(changed_cycle=4, delay_days=1,
                                                            delays_repeat=True)),
                                first_pause_cells=(1.70e5, 1.71e5))
    assert pause_sentence(state) == (
        " During the first of 3 pauses (1 day each), the cancer cells hardly changed: about "
        "170,000 at its start and at its end.")
