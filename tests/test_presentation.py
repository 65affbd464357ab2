"""The page's one presentation switch (kernel side) and what sliders say to screen readers.

The browser side (localStorage, CSS, fit on a 1024 x 768 screen) is checked in
tests/browser/test_projector_mode.py.
"""

from __future__ import annotations

import gc

import ipywidgets as widgets
import pytest

from helpers.panels.controls import (
    choice_slider,
    dropdown,
    float_slider,
    int_slider,
    spoken_positions,
    unit_in_label,
    value_words,
)
from helpers.panels.presentation import (
    PRESENTATION_CSS,
    Presentation,
    presentation,
    presentation_switch,
)


@pytest.fixture
def mode():
    return Presentation()


def test_listeners_hear_each_change_once_and_not_at_subscription(mode):
    heard = []
    mode.subscribe(heard.append)
    assert heard == [] and mode.projector is False and mode.theme == "standard"
    mode.projector = True
    mode.projector = True  # no change, nothing to hear
    assert heard == [True] and mode.theme == "projector"
    mode.projector = False
    assert heard == [True, False]


def test_a_bound_method_is_held_weakly(mode):
    heard = []

    class Listener:
        def on_change(self, projector):
            heard.append(projector)

    keep, drop = Listener(), Listener()
    mode.subscribe(keep.on_change)
    mode.subscribe(drop.on_change)
    mode.projector = True
    assert heard == [True, True]
    del drop
    gc.collect()
    mode.projector = False
    assert heard == [True, True, False]
    assert len(mode._listeners) == 1


@pytest.mark.parametrize("bad", [1, "yes", None])
def test_projector_must_be_true_or_false(mode, bad):
    with pytest.raises(ValueError, match=f"projector must be True or False; got {bad!r}"):
        mode.projector = bad


def test_subscribe_refuses_what_cannot_be_called(mode):
    with pytest.raises(ValueError, match="listener must be callable"):
        mode.subscribe("not a function")


def test_the_switch_and_the_kernel_agree_both_ways(mode):
    switch = mode.switch()
    assert mode.switch() is switch, "one switch per page"
    switch.projector = True  # the learner ticked the box (or the browser remembered it)
    assert mode.projector is True
    mode.projector = False  # Python's side wins over a stale box
    assert switch.projector is False


def test_presentation_switch_shows_the_page_s_one_switch():
    assert presentation_switch() is presentation_switch() is presentation.switch()


@pytest.mark.parametrize("selector", [
    ".chemo-projector .chemo-quiz", ".chemo-projector .chemo-caption",
    ".chemo-projector .chemo-table", ".chemo-projector .jp-RenderedHTMLCommon",
    ".chemo-projector .widget-label", ".chemo-projector .chemo-figure img",
])
def test_projector_css_reaches_every_kind_of_text(selector):
    # The other helper's quiz widgets need only the class chemo-quiz to grow.
    assert selector in PRESENTATION_CSS


# -- what a slider says ---------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit", "decimals", "said"), [
    (1, "days", 0, "1 day"),
    (21, "days", 0, "21 days"),
    (1, "weeks", 0, "1 week"),
    (24, "months", 0, "24 months"),
    (6, "cycles", 0, "6 cycles"),
    (5, "mm", 0, "5 mm"),
    (30, "%", 0, "30%"),
    (7.5, "days", 1, "7.5 days"),
    (7.0, "days", 1, "7 days"),
    # The slider's own number for 7 after steps of 0.1: said as 7, not 6.999999999999999.
    (6.999999999999999, "days", 1, "7 days"),
    (-30, "", 0, "\u221230"),
    (-1, "days", 0, "\u22121 day"),
    (0, "", 0, "0"),
    (-0.04, "", 1, "0"),
])
def test_value_words(value, unit, decimals, said):
    assert value_words(value, unit, decimals) == said


def test_value_words_refuses_unknown_units_and_decimals():
    with pytest.raises(ValueError, match="unit must be one of .* got 'parsecs'"):
        value_words(3, "parsecs")
    with pytest.raises(ValueError, match="decimals must be a whole number from 0 to 6; got 9"):
        value_words(3, "days", 9)
    with pytest.raises(ValueError, match="unit must be one of .* got 'hours'"):
        int_slider("Time", (0, 3), unit="hours")


@pytest.mark.parametrize(("label", "unit"), [
    ("Doubling time (days)", "days"),
    ("Dose cut from that cycle on (%)", "%"),
    ("True size of the lesion (mm)", "mm"),
    ("Months to show", "months"),
    ("Weeks between scans", "weeks"),
    ("Number of cycles (21 days each)", "cycles"),
    ("Re-read the scans (try another reading)", ""),
    ("Lesion C seeded on day (minus = before treatment)", ""),
])
def test_unit_in_label(label, unit):
    assert unit_in_label(label) == unit


def test_spoken_positions_of_each_kind_of_control():
    choice = choice_slider("Cells killed", [("50% killed", 0.5), ("90% killed", 0.9)])
    assert spoken_positions(choice) == (0.0, 1.0, ["50% killed", "90% killed"])
    days = float_slider("Doubling time (days)", (2.0, 3.0), 0.5)
    assert spoken_positions(days) == (2.0, 0.5, ["2 days", "2.5 days", "3 days"])
    weeks = int_slider("Scan every", (1, 3), unit="weeks")
    assert spoken_positions(weeks) == (1.0, 1.0, ["1 week", "2 weeks", "3 weeks"])
    assert spoken_positions(dropdown("Patient", ["A", "B"])) is None
    assert spoken_positions(widgets.Checkbox()) is None
