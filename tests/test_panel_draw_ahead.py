"""What a panel does ahead and keeps, for speed: drawing the time axes of its
``draw_ahead`` controls when it opens, and reusing a state seen a moment ago. Neither
may change what the learner sees."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.panels import base
from helpers.panels.clues import CluesPanel
from helpers.panels.controls import choice_slider, control_values, dropdown, float_slider
from helpers.panels.resistance import ResistancePanel
from lesson_checks.fuzz import own_page, panel_classes


def _full_draws(monkeypatch) -> list[int]:
    """Counts every drawing of a whole figure (what a kept picture saves)."""
    drawn: list[int] = []
    real = FigureCanvasAgg.draw

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        drawn.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(FigureCanvasAgg, "draw", counted)
    return drawn


@pytest.mark.parametrize("panel_class", [c for c in panel_classes() if c.draw_ahead],
                         ids=lambda cls: cls.__name__)
def test_a_first_move_of_a_drawn_ahead_control_draws_no_axes(panel_class, monkeypatch):
    with own_page():
        panel = panel_class()
        drawn = _full_draws(monkeypatch)
        for name in panel_class.draw_ahead:
            for value in control_values(panel.controls[name]):
                panel.controls[name].value = value
                assert panel.error is None
        assert drawn == []


def test_without_drawing_ahead_the_same_moves_draw_the_axes(monkeypatch):
    # The counter above can fail: a new time axis is drawn when nothing was drawn ahead.
    monkeypatch.setattr(CluesPanel, "draw_ahead", ())
    with own_page():
        panel = CluesPanel()
        drawn = _full_draws(monkeypatch)
        panel.controls["cycles"].value = panel.controls["cycles"].value + 1
        assert drawn


def test_drawing_ahead_leaves_the_panel_as_it_opens(monkeypatch):
    with own_page():
        ahead = CluesPanel()
        monkeypatch.setattr(CluesPanel, "draw_ahead", ())
        plain = CluesPanel()
    assert ahead.values == plain.values
    assert ahead.caption.value == plain.caption.value
    assert ahead.figure_view.value == plain.figure_view.value


def test_draw_ahead_must_name_controls_of_the_panel(monkeypatch):
    monkeypatch.setattr(CluesPanel, "draw_ahead", ("weeks",))
    with own_page(), pytest.raises(ValueError, match=r"draw_ahead must name controls of "
                                                     r"\['cycles', 'draw', .*got \['weeks'\]"):
        CluesPanel()


def test_a_state_seen_lately_is_reused_and_the_same_as_a_fresh_one():
    with own_page():
        panel = ResistancePanel()
        start = panel.state
        cycles = panel.controls["cycles"]
        cycles.value = cycles.value + 1
        cycles.value = cycles.value - 1
        assert panel.state is start  # taken again, not worked out again
        fresh = ResistancePanel()
        fresh.set(**panel.values)
        assert panel.state is not fresh.state
    assert fresh.caption.value == panel.caption.value
    assert fresh.figure_view.value == panel.figure_view.value


def test_kept_states_are_bounded(monkeypatch):
    monkeypatch.setattr(base, "STATES_KEPT", 3)
    with own_page():
        panel = ResistancePanel()
        cycles = panel.controls["cycles"]
        for value in control_values(cycles):
            cycles.value = value
        assert len(panel._outcomes) == 3


def test_a_refused_combination_is_said_each_time_and_not_kept(monkeypatch):
    with own_page():
        panel = ResistancePanel()
        kept = len(panel._outcomes)

        def refuses(values: Any) -> Any:
            raise ValueError("not this one")

        monkeypatch.setattr(panel, "interaction", base.Interaction(
            panel.interaction.values_type, refuses, panel.interaction.caption,
            panel.interaction.alt_text, panel.interaction.presets))
        panel.controls["fitness_cost_percent"].value = 20
        assert panel.error == "not this one"
        assert len(panel._outcomes) == kept


def test_control_values_lists_every_position_in_order():
    assert control_values(widgets.IntSlider(value=3, min=2, max=8, step=3)) == [2, 5, 8]
    assert control_values(float_slider("Share (%)", (0.0, 1.0), 0.25)) == \
        [0.0, 0.25, 0.5, 0.75, 1.0]
    assert control_values(choice_slider("Level", [("low", 1), ("high", 2)])) == [1, 2]
    assert control_values(dropdown("Plan", [("Keep", "keep"), ("Switch", "switch")])) == \
        ["keep", "switch"]
    assert control_values(widgets.Checkbox()) == [False, True]
    with pytest.raises(TypeError, match="control must be a menu, a slider or a tick box; "
                                        "got Text"):
        control_values(widgets.Text())
