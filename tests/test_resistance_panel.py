"""Lesson 02 panel, driven in-process: controls change the figure and the caption."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.models.size import diameter_mm_to_cells
from helpers.panels.resistance import ResistancePanel, faded_day, share_in_words
from helpers.panels.treatment_controls import (
    DOUBLING_CHOICES_DAYS,
    KILL_CHOICES,
    SHARE_CHOICES,
)
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
    values = [value for _, value in SHARE_CHOICES]
    assert values == sorted(values)


def test_kill_choices_name_the_three_illustrative_sensitivity_levels():
    labels = " ".join(label for label, _ in KILL_CHOICES)
    for level in ("very sensitive", "moderately sensitive", "hardly sensitive"):
        assert level in labels
    assert labels.count("(illustration)") == 3


def test_one_cycle_by_hand(panel):
    panel.reset()
    panel.set(resistant_share=1e-2, kill=0.9, sensitive_doubling=21, resistant_doubling=21,
              fitness_cost=0, cycles=1)
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


def test_more_resistant_cells_at_the_start_leave_more_at_the_end(panel):
    panel.reset()
    panel.set(resistant_share=1e-7)
    few = lines(panel)["resistant"][-1]
    caption_few = panel.caption_text
    panel.set(resistant_share=0.5)
    many = lines(panel)["resistant"][-1]
    # 0.5 / 1e-7 = 5 million times as many at the start. Same growth afterwards would
    # keep that ratio; with half the cells resistant the tumour stays bigger, the shared
    # crowding slows every clone a little, so the ratio can only come out a bit lower.
    assert 4e6 < many / few <= 5e6 * (1 + 1e-9)
    assert panel.caption_text != caption_few


def test_fitness_cost_slows_the_resistant_cells(panel):
    panel.reset()
    panel.set(fitness_cost=0)
    free = lines(panel)["resistant"][-1]
    panel.set(fitness_cost=50)
    costly = lines(panel)["resistant"][-1]
    # Over 126 days at doubling 30 days: 2^(126/30) = 18.4 fold vs 2^(0.5 * 126/30) = 4.3.
    assert free / costly == pytest.approx(2 ** (0.5 * 126 / 30), rel=0.02)


def test_no_kill_means_no_fall(panel):
    panel.reset()
    panel.set(kill=0.0)
    total = lines(panel)["total"]
    assert np.all(np.diff(total[np.isfinite(total)]) >= 0)
    assert "times as many as at the start" in panel.caption_text


def test_band_nadir_and_dose_marks(panel):
    panel.reset()
    fig = panel.figure
    # Scan band from a 5 mm sphere (6.5e7 cells) to a 10 mm one (5.2e8 cells).
    assert fig.band.get_y() == pytest.approx(diameter_mm_to_cells(5.0))
    assert fig.band.get_y() + fig.band.get_height() == pytest.approx(diameter_mm_to_cells(10))
    x, y = fig.nadir.get_data()
    assert x[0] == panel.state.result.nadir_day
    assert y[0] == pytest.approx(panel.state.result.nadir_cells)
    assert len(fig.doses.get_offsets()) == 6


@pytest.mark.parametrize("name", list(ResistancePanel.presets))
def test_presets_reproduce_the_named_scenarios(panel, name):
    panel.load_example(name)
    scenario = TREATMENT_SCENARIOS[name]
    np.testing.assert_allclose(panel.state.result.total_cells, scenario.run().total_cells,
                               rtol=1e-12)
    assert scenario.story[:30] in panel.story.value
    panel.reset()


def test_every_two_clone_scenario_is_a_preset():
    assert set(ResistancePanel.presets) == {
        "Responding", "Stable disease", "Response fades (acquired resistance)",
        "Aggressive biology", "Early benefit before scans change"}


def test_caption_says_the_response_faded_only_when_it_did(panel):
    panel.load_example("Response fades (acquired resistance)")
    assert "the response faded" in panel.caption_text
    assert panel.state.faded_day == 104  # the day before the 6th dose (day 105)
    panel.load_example("Stable disease")
    assert "faded" not in panel.caption_text
    panel.load_example("Aggressive biology")
    assert "faded" not in panel.caption_text
    panel.reset()


def test_faded_day_needs_a_response_first():
    stable = TREATMENT_SCENARIOS["Stable disease"].run()
    assert faded_day(stable) is None


def test_share_in_words():
    assert share_in_words(0.25) == "1 in 4 cells is resistant"
    assert share_in_words(0.0) == "no resistant cells are left"
    assert share_in_words(0.999) == "almost every cell is resistant"
    assert share_in_words(0.8) == "80% of the cells are resistant"


def test_figure_has_alt_text(panel):
    panel.reset()
    assert 'alt="Two charts over 126 days with 6 doses' in panel.figure_view.value


@settings(max_examples=15)
@given(
    share=st.sampled_from([v for _, v in SHARE_CHOICES]),
    kill=st.sampled_from([v for _, v in KILL_CHOICES]),
    sensitive=st.sampled_from(DOUBLING_CHOICES_DAYS),
    resistant=st.sampled_from(DOUBLING_CHOICES_DAYS),
    cost=st.sampled_from(range(0, 55, 5)),
    cycles=st.integers(1, 10),
)
def test_no_control_position_breaks_the_panel(share, kill, sensitive, resistant, cost, cycles):
    panel = _shared_panel()
    panel.set(resistant_share=share, kill=kill, sensitive_doubling=sensitive,
              resistant_doubling=resistant, fitness_cost=cost, cycles=cycles)
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
