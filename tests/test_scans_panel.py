"""Lesson 03 panel driven in-process: controls change the figure and the caption."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.panels.scans import ScansPanel


@pytest.fixture(scope="module")
def panel():
    return ScansPanel()


def _xdata(line):
    return np.asarray(line.get_xdata(), dtype=float)


def test_default_shows_the_hidden_seed_appearing_after_the_first_dose(panel):
    panel.reset()
    assert panel.error is None
    fig = panel.figure
    # Lesion B's row: seeded (circle) on day -200, first seen (star) on a later scan.
    assert _xdata(fig.seed_marks[1]).tolist() == [-200]
    first = _xdata(fig.first_marks[1])
    assert first.size == 1 and first[0] > 0
    # Lesion A (a tumour already 12 mm at its start) gets no "seeded" circle.
    assert _xdata(fig.seed_marks[0]).size == 0
    text = panel.caption_text
    assert "Lesion B (lung) was seeded 200 days (29 weeks) before the first dose" in text
    assert "below the 5 mm a scan can show" in text
    assert "Did the chemo make it spread? Not in this picture" in text


def test_scan_interval_moves_the_scan_lines(panel):
    panel.set(scan_interval_weeks=9)
    scan_x = _xdata(panel.figure.scan_lines[0])
    assert sorted(set(scan_x[np.isfinite(scan_x)])) == [0, 63, 126, 189, 252]
    panel.set(scan_interval_weeks=4)
    scan_x = _xdata(panel.figure.scan_lines[0])
    assert sorted(set(scan_x[np.isfinite(scan_x)]))[:3] == [0, 28, 56]


def test_detection_limit_moves_the_band_and_can_reveal_the_seed_at_baseline(panel):
    panel.set(scan_interval_weeks=9, detection_limit_mm=5)
    assert panel.figure.band.get_height() == pytest.approx(5 - 0.01)
    # Lesion B is 1.3 mm across on day 0 (10 * 2^(200/12) cells): a 1 mm scan sees it.
    panel.set(detection_limit_mm=1)
    assert panel.figure.band.get_height() == pytest.approx(1 - 0.01)
    assert _xdata(panel.figure.first_marks[1]).tolist() == [0]
    assert "so it is not new" in panel.caption_text
    # With a 20 mm limit, B is first seen later than with 5 mm.
    panel.set(detection_limit_mm=5)
    at_5 = _xdata(panel.figure.first_marks[1])[0]
    panel.set(detection_limit_mm=20)
    at_20 = _xdata(panel.figure.first_marks[1])
    assert at_20.size == 0 or at_20[0] > at_5


def test_seeding_after_the_first_dose_is_a_what_if_that_stays_unseen(panel):
    panel.load_example("What if cells were shed after the first dose?")
    assert panel.error is None
    assert _xdata(panel.figure.seed_marks[2]).tolist() == [60]
    assert _xdata(panel.figure.first_marks[2]).size == 0
    text = panel.caption_text
    assert "after the first dose (a 'what if')" in text
    assert "still too small to see on the last scan" in text
    assert "doublings to reach 5 mm" in text


def test_every_preset_and_extreme_runs_without_error_or_nan(panel):
    for name in panel.presets:
        panel.load_example(name)
        assert panel.error is None, name
    for values in ({"detection_limit_mm": 1, "scan_interval_weeks": 3,
                    "lesion_c_seeding_day": -300},
                   {"detection_limit_mm": 20, "scan_interval_weeks": 12,
                    "lesion_c_seeding_day": 120}):
        panel.set(**values)
        assert panel.error is None
        for line in panel.figure.size_lines:
            y = np.asarray(line.get_ydata(), dtype=float)
            assert np.all(y[np.isfinite(y)] > 0)
        assert "alt=" in panel.figure_view.value
