"""Lesson 04 panels driven in-process: table, figure data and captions follow the controls.

The states are tested in tests/test_lessons_response.py and
tests/test_lessons_repeat_readings.py, the words in tests/test_words_*.py.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers.panels.repeat_readings import RepeatReadingsPanel
from helpers.panels.response import ResponsePanel


@pytest.fixture(scope="module")
def panel():
    return ResponsePanel()


def _rows(table_html: str) -> list[str]:
    return re.findall(r"<tr><th scope='row'>.*?</tr>", table_html)


def test_table_is_an_accessible_table_with_one_row_per_scan(panel):
    panel.load_example("Mixed response")
    table = panel.table.value
    assert "<caption" in table and "<th scope='col'>" in table
    run = panel.state.run
    assert len(_rows(table)) == len(run.scans)
    # The sum column is the sum of the measured lesions, row by row.
    for scan, assessment in zip(run.scans, run.assessments, strict=True):
        measured = sum(scan.measured(n) or 0 for n in run.scans[0].visible_names)
        assert assessment.sum_mm == pytest.approx(measured)
    assert "Stable disease" in table and "Progression" in table


def test_mixed_response_caption_and_figure(panel):
    panel.load_example("Mixed response")
    text = panel.caption_text
    assert "mixed response" in text
    assert "The sum calls it stable disease" in text
    fig = panel.figure
    a_dots = np.asarray(fig.scan_dots[0].get_ydata(), dtype=float)
    b_dots = np.asarray(fig.scan_dots[1].get_ydata(), dtype=float)
    assert a_dots[1] < a_dots[0] and b_dots[1] > b_dots[0]  # A shrinks, B grows
    sums = np.asarray(fig.sum_line.get_ydata(), dtype=float)
    assert sums == pytest.approx([a.sum_mm for a in panel.state.assessments])
    # The partial-response line sits 30% below the baseline sum.
    assert fig.pr_line.get_ydata()[0] == pytest.approx(0.7 * sums[0])


def test_true_size_and_live_cells_are_two_lines_told_apart(panel):
    panel.load_example("Mixed response")
    fig, course = panel.figure, panel.state.course
    shown = course.days >= 0
    true_a = np.asarray(fig.true_lines[0].get_ydata(), dtype=float)
    live_a = np.asarray(fig.live_lines[0].get_ydata(), dtype=float)
    assert true_a == pytest.approx(course.diameter_mm[0, shown])
    assert live_a == pytest.approx(course.live_diameter_mm[0, shown])
    # Lesion A's true-size line starts at its baseline size and does not drop with the
    # first dose (it was 30% below its own baseline reading when size followed the live
    # cells); the live cells' line does.
    assert true_a[1] == pytest.approx(true_a[0])
    assert live_a[1] < 0.75 * live_a[0]
    labels = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert "Line: true size\n(live + dead cells)" in labels
    assert "Thin dots: live cells only" in labels


def test_hidden_seed_shows_as_new_in_the_table(panel):
    panel.load_example("New lesions (hidden seeds)")
    rows = _rows(panel.table.value)
    assert "not seen" in rows[0]  # B at baseline
    assert any("(new)" in row for row in rows[1:])
    assert "new lesion" in panel.caption_text
    labels = [t.get_text() for t in panel.figure.category_labels if t.get_visible()]
    assert labels[:3] == ["Baseline", "PR", "PD (new)"]


def test_early_swelling_then_confirming_scan(panel):
    panel.load_example("Early swelling (confusing first scan)")
    text = panel.caption_text
    assert "treatment swelling" in text
    assert "The confirming scan (day 84)" in text
    assert "the marker follows the living cancer cells" in text
    labels = [t.get_text() for t in panel.figure.category_labels if t.get_visible()]
    assert labels[:3] == ["Baseline", "PD", "PR"]
    # Turning the swelling off: the first scan no longer reads larger.
    panel.set(swelling_peak_percent=0)
    assert panel.state.assessments[1].sum_mm < panel.state.assessments[0].sum_mm
    assert "treatment swelling" not in panel.caption_text


def test_rereading_changes_the_measurements_but_not_the_truth(panel):
    panel.load_example("Mixed response")
    true_before = np.asarray(panel.figure.true_lines[0].get_ydata(), dtype=float).copy()
    dots_before = np.asarray(panel.figure.scan_dots[0].get_ydata(), dtype=float).copy()
    limits_before = [ax.get_ylim() for ax in panel.figure.axes]
    panel.set(reading=5)
    assert np.asarray(panel.figure.true_lines[0].get_ydata()) == pytest.approx(true_before,
                                                                              nan_ok=True)
    assert not np.allclose(panel.figure.scan_dots[0].get_ydata(), dots_before)
    # Axis tops come from the truth, so a re-read keeps them (and the cached background).
    assert [ax.get_ylim() for ax in panel.figure.axes] == limits_before


def test_marker_surge_shows_in_the_blood_tests(panel):
    panel.load_example("Marker surge at the start")
    run = panel.state.run
    assert run.marker_on(21) > run.marker_on(0)
    assert "surge" in panel.caption_text
    tests_x = np.asarray(panel.figure.marker_tests.get_xdata(), dtype=float)
    assert 21 in tests_x.tolist()


def test_half_life_changes_the_marker_line(panel):
    panel.load_example("Mixed response")
    fast = np.asarray(panel.figure.marker_line.get_ydata(), dtype=float).copy()
    panel.set(marker_half_life_days=40)
    slow = np.asarray(panel.figure.marker_line.get_ydata(), dtype=float)
    assert not np.allclose(fast, slow)


def test_extremes_run_without_error(panel):
    for name in panel.presets:
        panel.load_example(name)
        for values in ({"scan_interval_weeks": 3, "swelling_peak_percent": 100, "reading": 20,
                        "marker_half_life_days": 2, "marker_surge_percent": 200},
                       {"scan_interval_weeks": 12, "swelling_peak_percent": 0, "reading": 0,
                        "marker_half_life_days": 40, "marker_surge_percent": 0}):
            panel.set(**values)
            assert panel.error is None
            y = np.asarray(panel.figure.marker_tests.get_ydata(), dtype=float)
            assert np.all(np.isfinite(y)) and np.all(y >= 0)


def test_repeat_readings_panel():
    repeat = RepeatReadingsPanel()
    repeat.set(true_diameter_mm=20, pairs=100, reading=0)

    def dots_x(artists) -> np.ndarray:
        return np.concatenate([np.asarray(a.get_xdata(), dtype=float) for a in artists])

    x = dots_x(repeat.figure.percent_dots)
    assert x.size == 100 and dots_x(repeat.figure.mm_dots).size == 100
    state = repeat.state
    # The caption's count outside 10% is the count of dots outside 10%.
    differ = int(np.sum(np.abs(state.changes_percent) > 10 + 1e-9))
    assert f"yet {differ} of the 100 pairs" in repeat.caption_text
    assert np.all(np.abs(x) <= 35)
    repeat.set(pairs=10)
    assert dots_x(repeat.figure.percent_dots).size == 10
    repeat.set(reading=3)
    assert repeat.state.changes_percent.tolist() != state.changes_percent[:10].tolist()


def test_scan_table_sits_below_the_caption(panel):
    children = list(panel.widget.children)
    assert children.index(panel.table) == children.index(panel.caption) + 1


def test_progression_line_follows_the_states_levels(panel):
    panel.load_example("New lesions (hidden seeds)")
    state = panel.state
    steps = np.asarray(panel.figure.pd_line.get_ydata(), dtype=float)
    # One step per scan, the last held to the axis end.
    assert steps.tolist() == pytest.approx([*state.progression_mm, state.progression_mm[-1]])


def test_repeat_readings_lines_sit_at_the_rules_changes():
    repeat = RepeatReadingsPanel()
    ax = repeat.figure.axes[0]
    _, labels = ax.get_legend_handles_labels()
    assert "30% smaller (partial response)" in labels
    assert "20% larger (progression needs it)" in labels and "Within 10%" in labels
    positions = sorted(line.get_xdata()[0] for line in ax.get_lines()
                       if line.get_linestyle() in ("--", "-."))
    assert positions == pytest.approx([-30, 20])
    # The millimetre chart: the rule's 5 mm.
    mm_ax = repeat.figure.axes[1]
    _, labels = mm_ax.get_legend_handles_labels()
    assert "5 mm larger (progression needs it)" in labels
    assert [line.get_xdata()[0] for line in mm_ax.get_lines()
            if line.get_linestyle() == ":"] == pytest.approx([5])
