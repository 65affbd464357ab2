"""plots.clue_timeline: the five charts draw what they are handed, on one time axis."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.plots.clue_timeline import MAX_SCANS, ClueTimelineData, ClueTimelineFigure


def _data(cycles=3, scans=(0, 63), labels=("first scan", "20% smaller")):
    days = np.arange(21 * cycles + 1, dtype=float)
    return ClueTimelineData(
        days=days, dose_days=list(range(0, 21 * cycles, 21)), scores=np.full(days.size, 2.0),
        score_max=10, temperature_c=np.full(days.size, 36.8), fever_c=38.0,
        white_line=np.full(days.size, 4.0), white_test_days=[0, 10],
        white_tests=np.array([4.0, 1.2]),
        low_white=1.0, marker_days=days, marker_line=np.full(days.size, 100.0),
        marker_test_days=[0, 21], marker_tests=np.array([100.0, 90.0]), scan_days=list(scans),
        scan_mm=[27.0, 21.6][: len(scans)], scan_labels=list(labels), x_max_days=21 * cycles,
        highest=(100.0, 27.0))


@pytest.fixture(scope="module")
def figure():
    return ClueTimelineFigure()


def test_one_dotted_stroke_per_dose_in_every_chart(figure):
    figure.update(_data(cycles=3))
    for line in figure.dose_lines:
        xs = np.asarray(line.get_xdata(), dtype=float)
        assert sorted(set(xs[np.isfinite(xs)].tolist())) == [0.0, 21.0, 42.0]
    assert list(figure.doses.get_xdata()) == [0, 21, 42]


def test_every_chart_shares_the_time_axis_and_ends_on_the_last_day(figure):
    figure.update(_data(cycles=4))
    for ax in figure.axes:
        low, high = ax.get_xlim()
        assert low < 0 < 84 < high <= 86


def test_the_levels_and_tops(figure):
    figure.update(_data())
    _, heat_ax, white_ax, marker_ax, scan_ax = figure.axes
    assert list(figure.fever_line.get_ydata()) == [38.0, 38.0]
    assert figure.low_band.get_height() == 1.0
    assert marker_ax.get_ylim()[1] >= 115.0  # 1.15 x the highest marker level, rounded up
    assert scan_ax.get_ylim()[1] >= 1.3 * 27.0


def test_scan_labels_sit_by_their_dots_and_spare_labels_are_empty(figure):
    figure.update(_data())
    texts = [label.get_text() for label in figure.scan_labels]
    assert texts[:2] == ["first scan", "20% smaller"] and texts[2:] == [""] * (MAX_SCANS - 2)
    assert figure.scan_labels[0].get_position()[0] == 0.0
    assert figure.scan_labels[1].get_position()[0] == 63.0
    # The last label, at the chart's end, ends at its dot so it stays on the chart.
    assert figure.scan_labels[1].get_horizontalalignment() == "right"


def test_it_renders_a_png(figure):
    figure.update(_data())
    assert figure.png_bytes().startswith(b"\x89PNG")
