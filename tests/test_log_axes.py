"""Every log axis labels every power of ten, in words, with no labels touching.

The lessons say of each log axis "each step up is ten times more". So, read
from the rendered figure (after a draw, as the learner sees it): every labelled
tick is exactly ten times the one below it, each label says its own value in
words, and no two labels overlap, in both themes. Checked for the default state
of each panel with a log axis (lessons 00, 01, 02, 05, 07) and for the control
positions that stretch the axes the most.
"""

from __future__ import annotations

import math
import re

import pytest

from helpers.panels.dose_intensity import DoseIntensityPanel
from helpers.panels.growth_demo import GrowthPanel
from helpers.panels.log_kill import LogKillPanel
from helpers.panels.plan_change import PlanChangePanel
from helpers.panels.resistance import ResistancePanel

THEMES = ("standard", "projector")

# (panel, control settings): the defaults, then the settings that reach furthest down
# or up (the most decades on the cells axis, the smallest resistant share).
CASES = [
    (GrowthPanel, {}),
    (GrowthPanel, {"doubling_time_days": 2, "months_shown": 24}),
    (LogKillPanel, {}),
    (LogKillPanel, {"log_kill_per_dose": 4.0, "start_cells": 1e10}),
    (ResistancePanel, {}),
    (ResistancePanel, {"resistant_share": 1e-7, "fraction_killed_per_dose": 0.999,
                       "cycles": 10}),
    # The share falls below 1 in 100 million: the axis follows it down (issue 15).
    (ResistancePanel, {"resistant_share": 1e-7, "fraction_killed_per_dose": 0.0,
                       "sensitive_doubling_time_days": 7, "resistant_doubling_time_days": 90,
                       "fitness_cost_percent": 50, "cycles": 10}),
    (DoseIntensityPanel, {}),
    (DoseIntensityPanel, {"fraction_killed_per_dose": 0.999, "doubling_time_days": 90}),
    (PlanChangePanel, {}),
    (PlanChangePanel, {"plan": "both", "resists_both_share": 1e-3}),
]

_SCALES = {"": 1.0, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def value_of_label(text: str) -> float:
    """Read a tick label back as a number, independently of the code that wrote it:
    '10,000' -> 1e4; '100 million' -> 1e8; '1 in 1,000' -> 1e-3; 'all' -> 1."""
    if text == "all":
        return 1.0
    share = re.fullmatch(r"1 in (.+)", text)
    if share:
        return 1.0 / value_of_label(share.group(1))
    match = re.fullmatch(r"([\d,]+)(?: (million|billion|trillion))?", text)
    assert match, f"tick label {text!r} is not a number in words"
    return float(match.group(1).replace(",", "")) * _SCALES[match.group(2) or ""]


def labelled_ticks(figure):
    """For each log axis after a draw: [(value, label text, window box)], bottom up."""
    figure.png_bytes()
    renderer = figure.figure.canvas.get_renderer()
    found = []
    for ax in figure.axes:
        if ax.get_yscale() != "log":
            continue
        low, high = sorted(ax.get_ylim())
        ticks = [(label.get_position()[1], label.get_text(), label.get_window_extent(renderer))
                 for label in ax.get_yticklabels()
                 if label.get_visible() and label.get_text()
                 and low * (1 - 1e-9) <= label.get_position()[1] <= high * (1 + 1e-9)]
        found.append((ax, sorted(ticks, key=lambda tick: tick[0])))
    return found


def _id(case):
    panel, settings = case
    return f"{panel.__name__}-{'default' if not settings else 'extreme'}"


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_every_decade_is_labelled_in_words_without_overlap(case, theme):
    panel_type, settings = case
    panel = panel_type(theme)
    if settings:
        panel.set(**settings)
    assert panel.error is None
    axes = labelled_ticks(panel.figure)
    assert axes, "the panel should have a log axis"
    for ax, ticks in axes:
        values = [value for value, _, _ in ticks]
        assert len(values) >= 3, f"too few labelled ticks on {ax.get_ylabel()!r}: {values}"
        # Each labelled tick is ten times the one below it: no decade skipped.
        for lower, upper in zip(values, values[1:], strict=False):
            assert math.isclose(upper / lower, 10.0, rel_tol=1e-9), values
        # The labels reach both ends of the axis (the axis ends on powers of ten).
        low, high = sorted(ax.get_ylim())
        assert math.isclose(values[0], low, rel_tol=1e-9)
        assert math.isclose(values[-1], high, rel_tol=1e-9)
        # Each label says its own value in words.
        for value, text, _ in ticks:
            assert math.isclose(value_of_label(text), value, rel_tol=1e-9), (text, value)
        # No label touches the next one (at least a pixel of white between).
        boxes = [box for _, _, box in ticks]
        for below, above in zip(boxes, boxes[1:], strict=False):
            assert above.y0 - below.y1 >= 1.0, [text for _, text, _ in ticks]


def test_the_label_reader_reads_what_it_should():
    # The reader above is itself checked by hand.
    assert value_of_label("1") == 1
    assert value_of_label("100,000") == 1e5
    assert value_of_label("10 trillion") == 1e13
    assert value_of_label("1 in 100 million") == pytest.approx(1e-8)
    with pytest.raises(AssertionError):
        value_of_label("1e+06")
