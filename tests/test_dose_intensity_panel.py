"""Lesson 05 panel, driven in-process: delays and dose cuts against the plan.

The numbers and sentences are tested in test_lessons_dose_intensity.py and
test_words_dose_intensity.py; here, that the panel wires them to the picture.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.lessons.choices import DOUBLING_TIME_CHOICES_DAYS, FRACTION_KILLED_CHOICES
from helpers.panels.dose_intensity import DoseIntensityPanel
from helpers.scenarios.treatment import TREATMENT_SCENARIOS


@pytest.fixture(scope="module")
def panel():
    return DoseIntensityPanel()


def ydata(panel, role):
    return np.asarray(panel.figure.lines[role].get_ydata(), float)


def xdata(panel, role):
    return np.asarray(panel.figure.lines[role].get_xdata(), float)


def test_controls_start_where_the_values_do(panel):
    panel.reset()
    assert panel.values == {"fraction_killed_per_dose": 0.9, "doubling_time_days": 21,
                            "cycle_length_days": 21, "changed_cycle": 3, "delay_days": 0,
                            "delays_repeat": False, "dose_cut_percent": 0}
    assert [label for label, _ in panel.controls["changed_cycle"].options] == [
        "cycle 2", "cycle 3", "cycle 4", "cycle 5", "cycle 6"]
    assert [label for label, _ in panel.controls["cycle_length_days"].options] == [
        "14 days", "21 days", "28 days"]
    assert panel.controls["dose_cut_percent"].step == 5
    assert panel.controls["delay_days"].max == 28


def test_caption_gives_relative_dose_intensity_by_hand(panel):
    panel.reset()
    panel.set(changed_cycle=3, delay_days=7, dose_cut_percent=20)
    # Given: 1 + 1 + 4 * 0.8 = 5.2 full doses over 126 + 7 = 133 days.
    # RDI = (5.2 / 133) / (6 / 126) = 655.2 / 798 = 0.821 -> "82%".
    caption = panel.caption_text
    assert "Relative dose intensity: 82% of the plan" in caption
    assert ("6 doses, the last 4 at 80% of a full dose: 5.2 full doses' worth of the 6 "
            "planned") in caption
    assert "over 133 days instead of 126" in caption


def test_as_planned_reads_100_percent(panel):
    panel.reset()
    assert "Relative dose intensity: 100% of the plan" in panel.caption_text
    assert "Everything went as planned" in panel.caption_text
    np.testing.assert_allclose(ydata(panel, "planned"), ydata(panel, "delivered"))


def test_regrowth_during_a_pause_is_drawn_and_shaded(panel):
    panel.reset()
    panel.set(changed_cycle=3, delay_days=14)
    days, given = xdata(panel, "delivered"), ydata(panel, "delivered")
    # Dose 3 was due on day 42 and is given on day 56: no dose from day 21 to day 55.
    in_pause = (days >= 42) & (days <= 55)
    assert np.all(np.diff(given[in_pause]) > 0)
    # The plan's line drops on day 42 (its third dose); the given line does not.
    planned_days, planned = xdata(panel, "planned"), ydata(panel, "planned")
    on_42 = np.nonzero(planned_days == 42)[0]
    assert on_42.size == 2 and planned[on_42[1]] == pytest.approx(planned[on_42[0]] / 10)
    assert np.count_nonzero(days == 42) == 1 and np.count_nonzero(days == 56) == 2
    stripe = panel.figure.pauses[0]
    assert stripe.get_visible() and stripe.get_x() == 42 and stripe.get_width() == 14
    assert not panel.figure.pauses[1].get_visible()
    assert "During the 14-day pause before cycle 3" in panel.caption_text


def test_each_line_runs_to_the_end_of_its_own_course(panel):
    panel.reset()
    panel.set(changed_cycle=2, delay_days=7, delays_repeat=True)
    # Plan ends on day 126; the given course, delayed 5 x 7 days, on day 161.
    assert xdata(panel, "delivered")[-1] == 161
    assert xdata(panel, "planned")[-1] == 126
    assert np.all(np.isfinite(ydata(panel, "planned")))
    assert "the first of 5 pauses (7 days each)" in panel.caption_text
    # Same full doses, more days between them: the given course ends higher by
    # 2^(35 / 21) = 3.2 (growth over the 35 extra days, close to exponential here).
    assert "3.2 times as many" in panel.caption_text


def test_dose_cuts_shrink_the_dose_markers(panel):
    panel.reset()
    panel.set(changed_cycle=4, dose_cut_percent=50)
    sizes = panel.figure.doses.get_sizes()
    assert len(sizes) == 6
    assert sizes[3] == pytest.approx(sizes[0] / 2) and sizes[5] == pytest.approx(sizes[0] / 2)
    planned_days = panel.figure.planned_doses.get_offsets()[:, 0]
    np.testing.assert_array_equal(planned_days, [0, 21, 42, 63, 84, 105])


def test_plan_that_clears_every_cell_is_said_plainly(panel):
    panel.reset()
    # 99.9% kill, doubling 21 days: per cycle 1e-3 * 2, so six doses leave
    # 1e10 * (1e-3)^6 * 2^5 = 3e-7 cells: none. Half doses from cycle 2 kill only
    # 1.5 logs each and leave some.
    panel.set(fraction_killed_per_dose=0.999, changed_cycle=2, dose_cut_percent=50)
    assert "the plan leaves no cancer cells in this model" in panel.caption_text


def test_treatment_paused_preset_reproduces_the_scenario(panel):
    assert "Treatment paused" in DoseIntensityPanel.interaction.presets
    panel.load_example("Treatment paused")
    scenario = TREATMENT_SCENARIOS["Treatment paused"]
    np.testing.assert_allclose(panel.state.given_cells, scenario.run().total_cells,
                               rtol=1e-12)
    np.testing.assert_allclose(ydata(panel, "delivered"), scenario.run().total_cells)
    assert "Relative dose intensity: 75% of the plan" in panel.caption_text
    panel.reset()


@pytest.mark.parametrize("name", list(DoseIntensityPanel.interaction.presets))
def test_every_preset_loads(panel, name):
    panel.load_example(name)
    assert panel.error is None and "Relative dose intensity" in panel.caption_text
    panel.reset()


def test_figure_has_alt_text(panel):
    panel.reset()
    assert 'alt="Chart of cancer cells on a log scale over 126 days' in panel.figure_view.value


_PANEL: list[DoseIntensityPanel] = []


@settings(max_examples=15)
@given(
    kill=st.sampled_from(FRACTION_KILLED_CHOICES),
    doubling=st.sampled_from(DOUBLING_TIME_CHOICES_DAYS),
    cycle_length=st.sampled_from((14, 21, 28)),
    changed=st.integers(2, 6),
    delay=st.integers(0, 28),
    repeats=st.booleans(),
    cut=st.sampled_from(range(0, 55, 5)),
)
def test_no_control_position_breaks_the_panel(kill, doubling, cycle_length, changed, delay,
                                              repeats, cut):
    if not _PANEL:
        _PANEL.append(DoseIntensityPanel())
    panel = _PANEL[0]
    panel.set(fraction_killed_per_dose=kill, doubling_time_days=doubling,
              cycle_length_days=cycle_length, changed_cycle=changed, delay_days=delay,
              delays_repeat=repeats, dose_cut_percent=cut)
    assert panel.error is None
    for role in ("planned", "delivered"):
        values = ydata(panel, role)
        shown = values[np.isfinite(values)]
        assert shown.size and np.all(shown >= 1.0)
    rdi = panel.state.relative_dose_intensity
    assert 0 < rdi <= 1.0
    assert "nan" not in panel.caption_text.lower()


def test_time_axis_ends_on_the_day_the_caption_ends(panel):
    panel.reset()
    # Six 21-day cycles as planned: the course ends on day 126, and so does the axis.
    assert panel.figure.axes[0].get_xlim()[1] == 126
    assert panel.figure.axes[0].get_xlim()[0] <= 0
    assert "(day 126)" in panel.caption_text
    panel.set(delay_days=7)
    assert panel.figure.axes[0].get_xlim()[1] == 133
    # Five 7-day delays: 126 + 35 = 161.
    panel.set(changed_cycle=2, delays_repeat=True)
    assert panel.figure.axes[0].get_xlim()[1] == 161
    assert "day 161 as given" in panel.caption_text
    panel.reset()
