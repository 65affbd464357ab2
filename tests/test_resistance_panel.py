"""Lesson 02 panel, driven in-process: controls change the figure and the caption.

The numbers and sentences are tested in test_lessons_resistance.py and
test_words_resistance.py; here, that the panel wires them to the picture.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.lessons.choices import (
    DOUBLING_TIME_CHOICES_DAYS,
    FRACTION_KILLED_CHOICES,
    RESISTANT_SHARE_CHOICES,
)
from helpers.models.size import diameter_mm_to_cells
from helpers.panels.resistance import ResistancePanel
from helpers.scenarios.treatment import TREATMENT_SCENARIOS


@pytest.fixture(scope="module")
def panel():
    return ResistancePanel()


def lines(panel):
    fig = panel.figure
    return {role: np.asarray(line.get_ydata(), float) for role, line in fig.lines.items()}


def test_share_control_runs_from_one_in_ten_million_to_one_in_two(panel):
    labels = [label for label, _ in panel.controls["resistant_share"].options]
    assert labels[0] == "1 in 10,000,000" and labels[-1] == "1 in 2"
    values = [value for _, value in panel.controls["resistant_share"].options]
    assert values == sorted(values) == list(RESISTANT_SHARE_CHOICES)


def test_controls_start_where_the_values_do(panel):
    panel.reset()
    assert panel.values == {"resistant_share": 1e-4, "fraction_killed_per_dose": 0.9,
                            "sensitive_doubling_time_days": 30,
                            "resistant_doubling_time_days": 30, "fitness_cost_percent": 10,
                            "cycles": 6}
    labels = [label for label, _ in panel.controls["fraction_killed_per_dose"].options]
    assert labels.count("90%: a moderately sensitive cancer (illustration)") == 1
    assert panel.controls["cycles"].description == "Number of cycles (21 days each)"
    assert panel.controls["fitness_cost_percent"].step == 5


def test_one_cycle_by_hand(panel):
    panel.reset()
    panel.set(resistant_share=1e-2, fraction_killed_per_dose=0.9,
              sensitive_doubling_time_days=21, resistant_doubling_time_days=21,
              fitness_cost_percent=0, cycles=1)
    # By hand (growth close to exponential at 1e10 of room for 1e12 cells):
    #   sensitive 0.99e10 -> dose kills 90% -> 0.99e9 -> doubles in 21 days -> 1.98e9
    #   resistant 1e8 -> untouched -> doubles -> 2e8;  total 2.18e9
    #   share 2e8 / 2.18e9 = 0.0917, "1 in 11"; change 1 - 0.218 = 78% fewer.
    data = lines(panel)
    assert panel.figure.lines["total"].get_xdata()[-1] == 21
    assert data["total"][-1] == pytest.approx(2.18e9, rel=0.02)
    assert data["resistant"][-1] == pytest.approx(2e8, rel=0.02)
    share = np.asarray(panel.figure.share_line.get_ydata(), float)
    assert share[-1] == pytest.approx(0.0917, rel=0.02)
    caption = panel.caption_text
    assert "After 1 cycle (day 21)" in caption
    assert "78% fewer than at the start" in caption
    assert "1 in 11 cells is resistant" in caption
    assert "at the start, 1 in 100" in caption
    # One cycle of 21 days: the axis ends on day 21, the day the caption names. It starts
    # a little before day 0, so the dose's drop on day 0 shows.
    low, high = panel.figure.axes[0].get_xlim()
    assert high == 21 and -2 < low < 0


def test_moving_a_control_changes_the_figure_and_caption(panel):
    panel.reset()
    panel.set(resistant_share=1e-7)
    few, caption_few = lines(panel)["resistant"][-1], panel.caption_text
    panel.set(resistant_share=0.5)
    assert lines(panel)["resistant"][-1] > 4e6 * few
    assert panel.caption_text != caption_few


def test_band_nadir_and_dose_marks(panel):
    panel.reset()
    fig = panel.figure
    # Scan band from a 5 mm sphere (6.5e7 cells) to a 10 mm one (5.2e8 cells).
    assert fig.band.get_y() == pytest.approx(diameter_mm_to_cells(5.0))
    assert fig.band.get_y() + fig.band.get_height() == pytest.approx(diameter_mm_to_cells(10))
    x, y = fig.nadir.get_data()
    assert x[0] == panel.state.nadir_day
    assert y[0] == pytest.approx(panel.state.nadir_cells)
    assert len(fig.doses.get_offsets()) == 6
    # The axis ends on the last day the caption names: 126, and 84 for 4 cycles.
    assert fig.axes[0].get_xlim()[1] == 126
    panel.set(cycles=4)
    assert fig.axes[0].get_xlim()[1] == 84
    assert "(day 84)" in panel.caption_text
    panel.reset()


@pytest.mark.parametrize("name", list(ResistancePanel.interaction.presets))
def test_presets_reproduce_the_named_scenarios(panel, name):
    panel.load_example(name)
    scenario = TREATMENT_SCENARIOS[name]
    np.testing.assert_allclose(panel.state.total_cells, scenario.run().total_cells,
                               rtol=1e-12)
    np.testing.assert_allclose(lines(panel)["total"][-1], scenario.run().total_cells[-1])
    assert scenario.story[:30] in panel.story.value
    panel.reset()


def test_caption_says_the_response_faded_only_when_it_did(panel):
    panel.load_example("Response fades (acquired resistance)")
    assert "the response faded" in panel.caption_text
    assert panel.state.faded_day == 104  # the day before the 6th dose (day 105)
    panel.load_example("Stable disease")
    assert "faded" not in panel.caption_text
    panel.load_example("Aggressive biology")
    assert "faded" not in panel.caption_text
    panel.reset()


def test_figure_has_alt_text(panel):
    panel.reset()
    assert 'alt="Two charts over 126 days with 6 doses' in panel.figure_view.value


@settings(max_examples=15)
@given(
    share=st.sampled_from(RESISTANT_SHARE_CHOICES),
    kill=st.sampled_from(FRACTION_KILLED_CHOICES),
    sensitive=st.sampled_from(DOUBLING_TIME_CHOICES_DAYS),
    resistant=st.sampled_from(DOUBLING_TIME_CHOICES_DAYS),
    cost=st.sampled_from(range(0, 55, 5)),
    cycles=st.integers(1, 10),
)
def test_no_control_position_breaks_the_panel(share, kill, sensitive, resistant, cost, cycles):
    panel = _shared_panel()
    panel.set(resistant_share=share, fraction_killed_per_dose=kill,
              sensitive_doubling_time_days=sensitive, resistant_doubling_time_days=resistant,
              fitness_cost_percent=cost, cycles=cycles)
    assert panel.error is None
    for values in lines(panel).values():
        finite = values[np.isfinite(values)]
        assert finite.size and np.all(finite >= 1.0)  # nothing negative, nothing below 1 cell
    share_line = np.asarray(panel.figure.share_line.get_ydata(), float)
    shown = share_line[np.isfinite(share_line)]
    assert np.all((shown > 0) & (shown <= 1))
    assert "cycle" in panel.caption_text and "nan" not in panel.caption_text.lower()


_PANEL: list[ResistancePanel] = []


def _shared_panel() -> ResistancePanel:
    if not _PANEL:
        _PANEL.append(ResistancePanel())
    return _PANEL[0]
