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
        "Relative dose intensity: <b>100% of the plan</b> (6 of 6 full doses, given on "
        "schedule). Everything went as planned: at the end of the course (day 126) the "
        "tumour holds about 640,000 cancer cells.")
    assert alt_text(state) == (
        "Chart of cancer cells on a log scale over 126 days. Dotted line, the plan: 6 full "
        "doses 21 days apart, ending on day 126 at about 640,000. Solid line, the course as "
        "given, ending on day 126 at about 640,000. Relative dose intensity 100%.")
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
        "Relative dose intensity: <b>82% of the plan</b> (5.2 of 6 full doses, given over "
        "133 days instead of 126). During the 7-day pause before cycle 3, the cancer cells "
        "grew back from about 400 million to about 500 million. At the end of each course "
        "(day 126 as planned, day 133 as given) the plan leaves about 640,000 cancer cells; "
        "the course as given leaves about 5.1 million: ")
    assert text.endswith(" times as many.")
    assert "Shaded stripes mark 1 pause, where the solid line rises" in alt_text(state)
    assert "ending on day 133 at about 5.1 million" in alt_text(state)
    assert alt_text(state).endswith("Relative dose intensity 82%.")


def test_repeated_delays_are_plural_and_compared_by_hand():
    state = compute(DoseIntensityValues(changed_cycle=2, delay_days=7, delays_repeat=True))
    # Five pauses of 7 days; the same six full doses over 126 + 35 = 161 days:
    # RDI 126 / 161 = 0.783 -> "78%". The 35 extra days of growth: 2^(35/21) = 3.17 -> 3.2.
    text = caption(state)
    assert "<b>78% of the plan</b> (6 of 6 full doses, given over 161 days instead of 126)" \
        in text
    assert " During the first of 5 pauses (7 days each), the cancer cells grew back" in text
    assert text.endswith(": 3.2 times as many.")
    assert "Shaded stripes mark 5 pauses," in alt_text(state)
    assert "over 161 days" in alt_text(state)


def test_a_cut_on_schedule_ends_on_the_same_day():
    state = compute(DoseIntensityValues(changed_cycle=2, dose_cut_percent=25))
    # 1 + 5 x 0.75 = 4.75 of 6, on time: 4.75 / 6 = 0.79 -> "79%". No pause.
    text = caption(state)
    assert text.startswith("Relative dose intensity: <b>79% of the plan</b> (4.75 of 6 full "
                           "doses, given on schedule). At the end of the course (day 126) ")
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
        "the course as given leaves about 20.")


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
