"""Chart and caption cover the same time (lessons 00, 02 and 05).

The day a caption reports as its end is read from the caption; the chart's last
day is read from the figure (the last day of its lines, after the regrowth that
follows the last dose). They must be the same day, for the default state and for
the control positions that make the chart shortest and longest.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers.panels.dose_intensity import DoseIntensityPanel
from helpers.panels.growth_demo import GrowthPanel
from helpers.panels.resistance import ResistancePanel


def last_day_of(line) -> float:
    """The last day of a line's data (a line that falls below one cell leaves a gap on the
    log axis, but its days run on to the end of the chart)."""
    days = np.asarray(line.get_xdata(), float)
    assert days.size and np.all(np.diff(days) >= 0)
    return float(days[-1])


@pytest.fixture(scope="module")
def growth_panel():
    return GrowthPanel()


@pytest.mark.parametrize("settings", [
    {}, {"months_shown": 1}, {"months_shown": 24}, {"doubling_time_days": 2, "months_shown": 24},
    {"growth_law": "gompertz", "doubling_time_days": 200, "months_shown": 1},
])
def test_growth_caption_ends_on_the_charts_last_day(growth_panel, settings):
    growth_panel.reset()
    growth_panel.set(**settings)
    said = re.search(r"by day (\d+) \(", growth_panel.caption_text)
    assert said, growth_panel.caption_text
    chart_end = last_day_of(growth_panel.figure.lines["total"])
    assert int(said.group(1)) == chart_end
    # The untreated chart's time axis ends there too.
    assert growth_panel.figure.axes[0].get_xlim()[1] == chart_end


@pytest.fixture(scope="module")
def resistance_panel():
    return ResistancePanel()


@pytest.mark.parametrize("settings", [
    {}, {"cycles": 1}, {"cycles": 4}, {"cycles": 10},
    {"resistant_share": 0.5, "fraction_killed_per_dose": 0.999, "cycles": 10},
])
def test_resistance_caption_ends_on_the_charts_last_day(resistance_panel, settings):
    resistance_panel.reset()
    resistance_panel.set(**settings)
    said = re.match(r"After \d+ cycles? \(day (\d+)\)", resistance_panel.caption_text)
    assert said, resistance_panel.caption_text
    figure = resistance_panel.figure
    # Every line, the share below included, ends on the caption's day.
    for line in [*figure.lines.values(), figure.share_line]:
        assert last_day_of(line) == int(said.group(1))


@pytest.fixture(scope="module")
def dose_panel():
    return DoseIntensityPanel()


@pytest.mark.parametrize("settings", [
    {},
    {"delay_days": 7},
    {"changed_cycle": 2, "delay_days": 28, "delays_repeat": True},
    {"cycle_length_days": 14, "dose_cut_percent": 50},
    {"fraction_killed_per_dose": 0.999, "changed_cycle": 6, "delay_days": 28},
])
def test_dose_caption_ends_on_each_lines_last_day(dose_panel, settings):
    dose_panel.reset()
    dose_panel.set(**settings)
    text = dose_panel.caption_text
    figure = dose_panel.figure
    given_end = last_day_of(figure.lines["delivered"])
    planned_end = last_day_of(figure.lines["planned"])
    both = re.search(r"\(day (\d+) as planned, day (\d+) as given\)", text)
    if both:
        assert (int(both.group(1)), int(both.group(2))) == (planned_end, given_end)
        assert planned_end < given_end
    else:
        one = re.search(r"end of the course \(day (\d+)\)", text)
        assert one, text
        assert int(one.group(1)) == given_end == planned_end
    # The time axis ends on the chart's last day: nothing is drawn past the caption's end,
    # and no empty stretch follows it.
    assert figure.axes[0].get_xlim()[1] == given_end
