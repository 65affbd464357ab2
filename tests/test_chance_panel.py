"""Lesson 08's panel: wiring, the kept simulation, and what the figure is given."""

import numpy as np

from helpers.lessons import chance as lesson
from helpers.panels.chance import ChancePanel


def test_the_panel_starts_at_the_lessons_defaults_and_draws_their_state():
    panel = ChancePanel()
    assert panel.error is None
    assert panel.values == {"mutation_rate_per_division": 1e-8, "detection_size_cells": 1e9,
                            "tumours": 1000}
    data = panel.figure_data(panel.state)
    assert data.tumours == 1000 and data.detection_cells == 1e9
    assert np.array_equal(data.simulated_shares, panel.state.simulated_shares)
    heights = [patch.get_height() for patch in panel.figure.bars]
    assert heights == list(panel.state.simulated_shares)


def test_fewer_tumours_reuse_the_kept_simulation():
    panel = ChancePanel()
    before = lesson._simulated_counts.cache_info()
    panel.set(tumours=100)
    panel.set(tumours=300)
    after = lesson._simulated_counts.cache_info()
    assert after.misses == before.misses  # no new simulation, only a slice
    assert "Resistant cells in 300 tumours" == panel.figure.counts_title.get_text()


def test_the_formula_line_goes_when_the_formula_cannot_be_drawn():
    panel = ChancePanel()
    assert len(panel.figure.formula.get_xdata()) == len(lesson.COUNT_BIN_EDGES) - 1
    panel.set(mutation_rate_per_division=1e-6, detection_size_cells=1e10)
    assert panel.error is None and len(panel.figure.formula.get_xdata()) == 0
