"""Lesson 07's panel and figure: what is drawn is the state, over the span the caption tells."""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers.lessons.plan_change import HORIZON_DAYS, PRESETS
from helpers.panels.plan_change import PlanChangePanel
from helpers.plots.plan_change import PlanChangeData, PlanChangeFigure


@pytest.fixture(scope="module")
def panel():
    return PlanChangePanel()


@pytest.mark.parametrize("example", list(PRESETS))
def test_the_chart_and_the_caption_end_on_the_same_day(panel, example):
    panel.load_example(example)
    said = [int(day) for day in re.findall(r"[Oo]n day (\d+)", panel.caption_text)]
    assert max(said) == HORIZON_DAYS, panel.caption_text
    figure = panel.figure
    for line in [*figure.size_lines, *figure.kind_lines]:
        assert float(np.asarray(line.get_xdata())[-1]) == HORIZON_DAYS
    assert figure.axes[-1].get_xlim()[1] == HORIZON_DAYS


@pytest.mark.parametrize("example", list(PRESETS))
def test_the_figure_draws_the_state(panel, example):
    panel.load_example(example)
    state, figure = panel.state, panel.figure
    rows = {row: list(mark.get_xdata()) for row, mark in figure.marks}
    assert rows[0] == list(state.dose_days_by_drug["A"])
    assert rows[1] == list(state.dose_days_by_drug["B"])
    assert rows[2] == ([] if state.local_day is None else [state.local_day])
    review = [x for x in figure.review_lines[1].get_xdata() if np.isfinite(x)]
    assert set(review) == ({state.progression_day} if state.progression_day else set())
    ghost = figure.ghost.get_ydata()
    assert (len(ghost) > 0) == (state.change_day is not None)
    c_line = np.asarray(figure.size_lines[2].get_ydata(), float)
    assert np.array_equal(c_line, state.diameter_mm[2])


def test_bad_figure_input_is_refused():
    with pytest.raises(ValueError, match="lesion_labels must hold 1 to 5 labels; got 0"):
        PlanChangeFigure([], ["A"], ["k"], ghost_label="g", x_max_days=10, x_step_days=5)
    with pytest.raises(ValueError, match="x_max_days, x_step_days and size_top_mm must be "
                                         "above 0"):
        PlanChangeFigure(["L"], ["A"], ["k"], ghost_label="g", x_max_days=0, x_step_days=5)
    figure = PlanChangeFigure(["L"], ["A", "B"], ["k"], ghost_label="g", x_max_days=10,
                              x_step_days=5)
    data = PlanChangeData(days=np.arange(11.0), diameter_mm=np.ones((1, 11)),
                          cells_by_kind=(np.ones(11),), treatment_days=((0.0,),),
                          scan_days=(0.0,), review_day=None, ghost_days=None, ghost_mm=None,
                          detection_limit_mm=5.0)
    with pytest.raises(ValueError, match=r"treatment_days must have one row per strip row "
                                         r"\(2\); got 1"):
        figure.update(data)
