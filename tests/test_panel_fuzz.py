"""Every panel, driven by random control sequences through the widgets' messages, shows
nothing wrong; the pictures the fuzzer once found wrong stay fixed.

The engine is ``lesson_checks.fuzz`` (what it checks is listed there). The default run
tries a modest number of states per panel (``PANEL_FUZZ_STATES``, default below, seeded);
``benchmarks/fuzz_panels.py --states 10000`` runs the full check and prints the counts.
"""

from __future__ import annotations

import math
import os

import ipywidgets as widgets
import numpy as np
import pytest

from helpers.panels.resistance import ResistancePanel
from helpers.panels.response import ResponsePanel
from lesson_checks import fuzz

STATES = int(os.environ.get("PANEL_FUZZ_STATES", "20"))
PANELS = fuzz.panel_classes()


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_random_control_sequences_find_nothing_wrong(panel_class):
    report = fuzz.fuzz_panel(panel_class, STATES, seed=2026, sequence_length=10)
    assert report.states == STATES and report.sequences >= 2
    assert dict(report.counts) == {}, report.examples


def test_every_lesson_panel_is_driven():
    names = {cls.__name__ for cls in PANELS}
    assert {"GrowthPanel", "LogKillPanel", "ResistancePanel", "ResponsePanel",
            "ScansPanel"} <= names


# -- the pictures found wrong (issue 15), kept fixed -----------------------------------

RESISTANT_SHARE_FALLS = dict(resistant_share=1e-7, fraction_killed_per_dose=0.0,
                             sensitive_doubling_time_days=7, resistant_doubling_time_days=90,
                             fitness_cost_percent=50, cycles=10)


def test_a_falling_resistant_share_stays_on_its_axis():
    # With no kill and slow resistant cells, the share falls from 1 in 10 million to
    # about 1 in a billion: the axis must reach down to it, not cut the line off.
    with fuzz.own_page():
        panel = ResistancePanel()
        panel.set(**RESISTANT_SHARE_FALLS)
        share = panel.figure.share_line.get_ydata()
        low, high = panel.figure.share_ax.get_ylim()
        assert np.nanmin(share) < 1e-8  # the case is the one that fell below the old floor
        assert low <= np.nanmin(share) and np.nanmax(share) <= high
        # Still a power of ten, so every decade keeps its label.
        assert math.log10(low) == round(math.log10(low))
        assert fuzz.figure_findings(panel.figure) == []


HIDDEN_SEEDS_SURGE = dict(patient="New lesions (hidden seeds)", scan_interval_weeks=6,
                          swelling_peak_percent=100, reading=3, marker_half_life_days=3,
                          marker_surge_percent=50)


def test_every_blood_test_dot_is_inside_the_marker_axis():
    # This blood test read 416 units/mL while the axis stopped at 400.
    with fuzz.own_page():
        panel = ResponsePanel()
        panel.set(**HIDDEN_SEEDS_SURGE)
        assert panel.error is None
        marker_ax = panel.figure.axes[-1]
        top = marker_ax.get_ylim()[1]
        plotted = [np.asarray(line.get_ydata(), dtype=float) for line in marker_ax.get_lines()]
        highest = max(np.nanmax(values) for values in plotted if np.isfinite(values).any())
        assert highest > 400  # the reading that was clipped
        assert highest <= top
        assert fuzz.figure_findings(panel.figure) == []


def test_a_projector_round_trip_leaves_the_resistance_chart_as_a_fresh_one():
    with fuzz.own_page() as page:
        panel = ResistancePanel()
        panel.set(**RESISTANT_SHARE_FALLS)
        page.projector = True
        page.projector = False
        fresh = ResistancePanel()
        fresh.set(**RESISTANT_SHARE_FALLS)
        assert fuzz.history_findings(panel, fresh) == []


# -- the checker itself finds what it should ---------------------------------------------------

def test_a_control_message_moves_the_control_and_redraws():
    with fuzz.own_page():
        panel = ResistancePanel()
        before = panel.figure_view.value
        cycles = panel.controls["cycles"]
        fuzz.send_value(cycles, cycles.max)
        assert cycles.value == cycles.max and panel.state.values.cycles == cycles.max
        assert panel.figure_view.value != before
        share = panel.controls["resistant_share"]
        fuzz.send_value(share, 0)  # a selection slider is sent its index
        assert share.value == share.options[0][1]


def test_an_exception_an_observer_swallows_is_counted(monkeypatch):
    # The panel is built fine; every later update fails inside the control's observer,
    # where ipywidgets logs the exception instead of raising it.
    working = ResistancePanel.figure_data
    calls = []

    def breaks_after_the_first(self, state):
        calls.append(state)
        if len(calls) > 1:
            raise RuntimeError("broken on purpose")
        return working(self, state)

    monkeypatch.setattr(ResistancePanel, "figure_data", breaks_after_the_first)
    monkeypatch.setattr(ResistancePanel, "draw_ahead", ())  # one call while it is built
    report = fuzz.fuzz_panel(ResistancePanel, 4, seed=1, sequence_length=4)
    assert report.counts["exception"] >= 3
    assert any("Exception in widget method" in text and "broken on purpose" in text
               for text in report.examples["exception"])


def test_points_outside_the_axes_and_on_log_axes_below_zero_are_found():
    with fuzz.own_page():
        panel = ResistancePanel()
        assert fuzz.figure_findings(panel.figure) == []
        panel.figure.share_ax.set_ylim(0.5, 1.0)  # cuts off the share line's start
        kinds = {kind for kind, _ in fuzz.figure_findings(panel.figure)}
        assert kinds == {"outside_axes"}
        panel.figure.share_line.set_ydata(np.full(len(panel.figure.share_line.get_xdata()),
                                                  -1.0))
        assert "negative" in {kind for kind, _ in fuzz.figure_findings(panel.figure)}
        panel.figure.share_line.set_ydata(np.full(len(panel.figure.share_line.get_xdata()),
                                                  np.inf))
        assert "non_finite" in {kind for kind, _ in fuzz.figure_findings(panel.figure)}


def test_a_caption_that_disagrees_with_the_lines_is_found():
    with fuzz.own_page():
        panel = ResistancePanel()
        assert fuzz.caption_findings(panel) == []
        end = int(panel.state.horizon_days)
        cells = panel.figure.lines["total"].get_ydata()[-1]
        # Hand-made captions: ten times the cells, a day past the chart, a wrong share.
        panel.caption.value = (f"<p>After 6 cycles (day {end}) the tumour holds about "
                               f"{10 * cells / 1e6:.0f} million cells</p>")
        assert [kind for kind, _ in fuzz.caption_findings(panel)] == ["caption"]
        panel.caption.value = f"<p>On day {end + 400} nothing.</p>"
        assert [kind for kind, _ in fuzz.caption_findings(panel)] == ["caption"]
        panel.caption.value = "<p>1 in 3 cells is resistant.</p>"
        assert [kind for kind, _ in fuzz.caption_findings(panel)] == ["caption"]


def test_a_history_dependent_picture_is_found():
    with fuzz.own_page():
        panel, fresh = ResistancePanel(), ResistancePanel()
        assert fuzz.history_findings(panel, fresh) == []
        panel.figure.share_ax.set_ylim(1e-3, 1.0)  # as if left over from earlier settings
        panel.figure.png_bytes()
        assert [kind for kind, _ in fuzz.history_findings(panel, fresh)] == ["history"]


def test_amounts_in_words_are_read_back():
    assert fuzz.amount_in_words("640,000") == 640_000
    assert fuzz.amount_in_words("2.1 billion") == pytest.approx(2.1e9)
    assert fuzz.amount_in_words("14 million") == 14e6
    assert fuzz.amount_in_words("1 trillion") == 1e12


def test_positions_cover_every_step_and_option():
    slider = widgets.IntSlider(min=0, max=50, step=5)
    assert fuzz.positions(slider) == list(range(0, 55, 5))
    halves = widgets.FloatSlider(min=2.0, max=4.0, step=0.5)
    assert fuzz.positions(halves) == [2.0, 2.5, 3.0, 3.5, 4.0]
    menu = widgets.Dropdown(options=[("a", 1), ("b", 2), ("c", 3)])
    assert fuzz.positions(menu) == [0, 1, 2]
