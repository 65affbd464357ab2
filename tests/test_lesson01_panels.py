"""Lesson 00 and 01 panels: a control change moves the figure and the caption.

The states and words behind these panels are tested on their own in
tests/test_lessons_{growth,log_kill}.py and tests/test_words_{growth,log_kill,cell_size}.py.
"""

import math

import numpy as np
import pytest

from helpers.models import cells_to_diameter_mm
from helpers.panels.cell_size import CellSizePanel
from helpers.panels.growth_demo import GrowthPanel
from helpers.panels.log_kill import LogKillPanel


def test_more_kill_lowers_the_line_and_changes_the_caption():
    panel = LogKillPanel()
    panel.set(log_kill_per_dose=1.0)
    weak_line = panel.figure.lines["total"].get_ydata().copy()
    weak_caption = panel.caption_text
    panel.set(log_kill_per_dose=3.0)
    strong_line = panel.figure.lines["total"].get_ydata()
    # After the first dose (sample 1) the 3-log line sits 100x below the 1-log line.
    assert strong_line[1] == pytest.approx(weak_line[1] / 100)
    assert panel.caption_text != weak_caption


def test_caption_numbers_match_the_model():
    panel = LogKillPanel()
    panel.set(log_kill_per_dose=2.0, doubling_time_days=7.0, cycle_length_days=21, cycles=2,
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
    assert panel.state.total_cells[-1] == 0
    assert "no cancer cells are left" in panel.caption_text


def test_more_cycles_lengthen_the_time_axis():
    panel = LogKillPanel()
    panel.set(cycles=2)
    short = panel.figure.axes[0].get_xlim()[1]
    panel.set(cycles=8)
    assert panel.figure.axes[0].get_xlim()[1] > short


def test_log_kill_time_axis_ends_where_the_caption_does():
    panel = LogKillPanel()
    # 2 cycles of 21 days and one more to see regrowth: the chart ends on day 63, and
    # the caption's last day is that day.
    panel.set(cycles=2, cycle_length_days=21)
    assert panel.figure.axes[0].get_xlim()[1] == 63
    assert "by day 63, the end of the chart" in panel.caption_text
    # 6 cycles of 28 days, one more: 7 x 28 = 196.
    panel.set(cycles=6, cycle_length_days=28)
    assert panel.figure.axes[0].get_xlim()[1] == 196
    assert "day 196, the end of the chart" in panel.caption_text
    # The day-0 drop shows: the axis starts a little before day 0.
    assert panel.figure.axes[0].get_xlim()[0] < 0


def test_log_kill_lower_chart_tells_measured_size_from_live_cells():
    panel = LogKillPanel()
    ax = panel.figure.axes[1]
    _, labels = ax.get_legend_handles_labels()
    assert labels == ["Measured size:\nlive + dead cells\nnot yet cleared", "Live cells only"]
    measured = panel.figure.diameter_line.get_ydata()
    live = panel.figure.live_diameter_line.get_ydata()
    assert np.array_equal(measured, panel.state.diameter_mm)
    assert np.array_equal(live, panel.state.live_diameter_mm)
    # Right after the first dose (sample 1) the measured size has not moved; the live
    # cells' size has: 0.1^(1/3) = 0.46 of it.
    assert measured[1] == pytest.approx(measured[0])
    assert live[1] == pytest.approx(0.1 ** (1 / 3) * live[0], rel=1e-6)


def test_log_kill_controls_offer_the_lesson_options_with_their_labels():
    panel = LogKillPanel()
    kill = panel.controls["log_kill_per_dose"]
    assert [label for label, _ in kill.options] == [
        "0% (no effect)", "50%", "90% (1 log)", "99% (2 logs)",
        "99.9% (3 logs)", "99.99% (4 logs)"]
    assert kill.options[1][1] == pytest.approx(math.log10(2))
    assert [value for _, value in panel.controls["cycle_length_days"].options] == [14, 21, 28]
    assert [label for label, _ in panel.controls["start_cells"].options] == [
        "6 mm across", "12 mm across", "27 mm across"]
    assert panel.values == {"log_kill_per_dose": 1.0, "doubling_time_days": 7.0,
                            "cycle_length_days": 21, "cycles": 6, "start_cells": 1e9}


def test_cell_size_half_killed_is_about_a_fifth_smaller():
    panel = CellSizePanel()
    panel.set(killed_percent=50, start_cells=1e9)
    assert "21% smaller" in panel.caption_text  # 1 - 0.5^(1/3) = 0.206
    assert panel.figure.after.get_radius() == pytest.approx(0.5 ** (1 / 3))
    panel.set(killed_percent=99)
    assert panel.figure.after.get_radius() == pytest.approx(0.01 ** (1 / 3))
    assert "78% smaller" in panel.caption_text  # 1 - 0.01^(1/3) = 0.785


def test_cell_size_curve_shows_the_partial_response_line_the_caption_names():
    panel = CellSizePanel()
    panel.set(killed_percent=50, start_cells=1e9)
    # The dashed line sits at -30% (a 30% smaller diameter), across the whole curve.
    assert list(panel.figure.response_line.get_ydata()) == [-30, -30]
    assert list(panel.figure.response_line.get_xdata()) == [0, 100]
    # Half killed: the dot (-20.6%) sits above the line, and the caption says "short of".
    assert panel.figure.point.get_ydata()[0] > -30
    assert "short of the 30%" in panel.caption_text
    # 99% killed: the dot (-78.5%) is below the line, and the caption says it is past it.
    panel.set(killed_percent=99)
    assert panel.figure.point.get_ydata()[0] < -30
    assert "enough for a scan report to call it a partial response" in panel.caption_text


def test_growth_panel_follows_doubling_time():
    panel = GrowthPanel()
    panel.set(doubling_time_days=30, growth_law="exponential", months_shown=6)
    line = panel.figure.lines["total"].get_ydata()
    days = panel.figure.lines["total"].get_xdata()
    # one doubling per 30 days
    assert line[np.searchsorted(days, 30)] == pytest.approx(2 * line[0], rel=1e-9)
    diameter = panel.figure.diameter_line.get_ydata()
    assert diameter[0] == pytest.approx(cells_to_diameter_mm(1e9))
    panel.set(doubling_time_days=2, months_shown=24)
    assert "chart stops at 1 trillion" in panel.caption_text
    assert np.max(panel.figure.lines["total"].get_ydata()) <= 1e12


def test_growth_panel_controls_offer_the_laws_in_menu_order():
    panel = GrowthPanel()
    assert list(panel.controls["growth_law"].options) == [
        ("Keeps doubling at the same pace", "exponential"),
        ("Slows as the space fills up (logistic)", "logistic"),
        ("Slows early and steadily (Gompertz)", "gompertz")]
    assert panel.values == {"doubling_time_days": 30, "growth_law": "exponential",
                            "months_shown": 6}


def test_untreated_chart_has_no_dose_or_nadir_in_its_legend():
    legend = GrowthPanel().figure.axes[0].get_legend()
    labels = [text.get_text() for text in legend.get_texts()]
    assert labels == ["All cancer cells"]
