"""Lesson 00 and 01 panels: a control change moves the figure and the caption."""

import numpy as np
import pytest

from helpers.models import cells_to_diameter_mm
from helpers.panels.cell_size import CellSizePanel
from helpers.panels.growth_demo import GrowthPanel
from helpers.panels.log_kill import LogKillPanel


def test_more_kill_lowers_the_line_and_changes_the_caption():
    panel = LogKillPanel()
    panel.set(kill=1.0)
    weak_line = panel.figure.lines["total"].get_ydata().copy()
    weak_caption = panel.caption_text
    panel.set(kill=3.0)
    strong_line = panel.figure.lines["total"].get_ydata()
    # After the first dose (sample 1) the 3-log line sits 100x below the 1-log line.
    assert strong_line[1] == pytest.approx(weak_line[1] / 100)
    assert panel.caption_text != weak_caption


def test_caption_numbers_match_the_model():
    panel = LogKillPanel()
    panel.set(kill=2.0, doubling_time_days=7.0, cycle_length_days=21, cycles=2,
              start_cells=1e9)
    # 1e9 -> 1e7 at day 0; x8 by day 21 = 8e7 -> 8e5; day 42 (end) = 8e5 x 8 = 6.4e6
    assert "about 6.4 million cells" in panel.caption_text
    assert "After 2 cycles (day 42)" in panel.caption_text
    assert "shrinks cycle by cycle" in panel.caption_text


def test_fast_growth_is_called_out():
    panel = LogKillPanel()
    panel.load_example("Growth outpaces the kill")
    assert "outpaces the kill" in panel.caption_text
    total = panel.figure.lines["total"].get_ydata()
    assert total[-1] > total[0]


def test_cure_preset_reaches_zero_cells():
    panel = LogKillPanel()
    panel.load_example("Very sensitive cancer (aim: cure)")
    assert panel.state["result"].total_cells[-1] == 0
    assert "no cancer cells are left" in panel.caption_text


def test_more_cycles_lengthen_the_time_axis():
    panel = LogKillPanel()
    panel.set(cycles=2)
    short = panel.figure.axes[0].get_xlim()[1]
    panel.set(cycles=8)
    assert panel.figure.axes[0].get_xlim()[1] > short


def test_cell_size_half_killed_is_about_a_fifth_smaller():
    panel = CellSizePanel()
    panel.set(killed=0.5, start_cells=1e9)
    assert "21% smaller" in panel.caption_text  # 1 - 0.5^(1/3) = 0.206
    assert panel.figure.after.get_radius() == pytest.approx(0.5 ** (1 / 3))
    panel.set(killed=0.99)
    assert panel.figure.after.get_radius() == pytest.approx(0.01 ** (1 / 3))
    assert "78% smaller" in panel.caption_text  # 1 - 0.01^(1/3) = 0.785


def test_growth_panel_follows_doubling_time():
    panel = GrowthPanel()
    panel.set(doubling_time_days=30, law="exponential", months=6)
    line = panel.figure.lines["total"].get_ydata()
    days = panel.figure.lines["total"].get_xdata()
    # one doubling per 30 days
    assert line[np.searchsorted(days, 30)] == pytest.approx(2 * line[0], rel=1e-9)
    diameter = panel.figure.diameter_line.get_ydata()
    assert diameter[0] == pytest.approx(cells_to_diameter_mm(1e9))
    panel.set(doubling_time_days=2, months=24)
    assert "chart stops at 1 trillion" in panel.caption_text
    assert np.max(panel.figure.lines["total"].get_ydata()) <= 1e12


def test_untreated_chart_has_no_dose_or_nadir_in_its_legend():
    legend = GrowthPanel().figure.axes[0].get_legend()
    labels = [text.get_text() for text in legend.get_texts()]
    assert labels == ["All cancer cells"]
