"""Every lesson panel, driven in-process: presets, reset, and every control position.

Panels are found by importing every module in helpers.panels, so a new lesson's
panel is covered as soon as it lands.
"""

import dataclasses
import html
import importlib
import inspect
import pkgutil
import re

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.layout_engine import ConstrainedLayoutEngine

import helpers.panels
from helpers.panels.base import LessonPanel


def _panel_classes():
    found = []
    for info in pkgutil.iter_modules(helpers.panels.__path__):
        module = importlib.import_module(f"helpers.panels.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, LessonPanel) and cls is not LessonPanel \
                    and cls.__module__ == module.__name__:
                found.append(cls)
    return found


PANELS = _panel_classes()
BAD_WORDS = re.compile(r"\bnan\b|\binf\b|-\d", re.IGNORECASE)


def _positions(control):
    """A handful of positions for a control: ends, middle, every option."""
    if isinstance(control, widgets.SelectionSlider | widgets.Dropdown | widgets.ToggleButtons
                  | widgets.RadioButtons | widgets.Select):
        return [value for _, value in control.options] if isinstance(control.options[0], tuple) \
            else list(control.options)
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return [True, False]
    if hasattr(control, "min") and hasattr(control, "max"):
        low, high = control.min, control.max
        # The middle a learner can reach: on the slider's step grid.
        step = getattr(control, "step", None) or 1
        middle = low + step * round((high - low) / 2 / step)
        if isinstance(control, widgets.IntSlider | widgets.BoundedIntText):
            middle = int(middle)
        return [low, middle, high]
    return [control.value]


def _assert_sane(panel):
    assert panel.error is None, panel.error
    text = panel.caption_text
    assert text and not BAD_WORDS.search(text.replace("—", " ")), text
    assert 'alt=""' not in panel.figure_view.value and "alt=" in panel.figure_view.value


def test_panels_were_found():
    names = {cls.__name__ for cls in PANELS}
    assert {"GrowthPanel", "LogKillPanel", "CellSizePanel"} <= names


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_every_control_position_gives_a_sane_figure_and_caption(panel_class):
    panel = panel_class()
    _assert_sane(panel)
    for name, control in panel.controls.items():
        for value in _positions(control):
            panel.set(**{name: value})
            _assert_sane(panel)
        panel.reset()


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_every_preset_loads_and_reset_restores_the_start(panel_class):
    panel = panel_class()
    start_caption, start_values = panel.caption_text, panel.values
    for name, preset in panel.presets.items():
        values = dataclasses.asdict(preset.values)
        panel.load_example(name)
        _assert_sane(panel)
        assert panel.values == pytest.approx(values)
        assert html.escape(preset.story[:20]) in panel.story.value
    panel.reset()
    assert panel.values == start_values and panel.caption_text == start_caption


@pytest.fixture
def page_mode(monkeypatch):
    """A page of its own: panels made in the test follow this presentation object.

    (Every panel made in this process follows the module's one object, and a widget
    is never freed: switching that one would rebuild them all.)
    """
    from helpers.panels import base
    from helpers.panels.presentation import Presentation

    page = Presentation()
    monkeypatch.setattr(base, "presentation", page)
    return page


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_the_page_switch_rebuilds_every_panel_with_larger_text(panel_class, page_mode):
    panels = [panel_class(), panel_class()]
    standard = panels[0].figure.theme.font_size_pt
    assert not page_mode.projector and "chemo-projector" not in panels[0].widget._dom_classes
    page_mode.projector = True  # what the switch in the browser does
    for panel in panels:
        assert panel.figure.theme.font_size_pt > standard
        assert "chemo-projector" in panel.widget._dom_classes
        _assert_sane(panel)
    # A panel made while the page is in projector mode starts in it.
    assert panel_class().figure.theme.font_size_pt > standard
    page_mode.projector = False
    for panel in panels:
        assert panel.figure.theme.font_size_pt == standard
        assert "chemo-projector" not in panel.widget._dom_classes
        _assert_sane(panel)


def test_panels_have_no_projector_checkbox_of_their_own():
    panel = PANELS[0]()
    assert not hasattr(panel, "projector")
    boxes = [w for w in _descendants(panel.widget) if isinstance(w, widgets.Checkbox)]
    assert boxes == []


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


# -- the example menu never describes settings the controls no longer hold ------------

PANELS_WITH_EXAMPLES = [cls for cls in PANELS if cls.interaction.presets]


def _another_position(control):
    """A position of ``control`` other than the one it holds."""
    return next(value for value in _positions(control) if value != control.value)


def test_some_panels_have_examples():
    assert len(PANELS_WITH_EXAMPLES) >= 3


@pytest.mark.parametrize("panel_class", PANELS_WITH_EXAMPLES, ids=lambda c: c.__name__)
def test_moving_a_control_after_an_example_says_the_settings_are_your_own(panel_class):
    from helpers.panels.base import OWN_SETTINGS

    panel = panel_class()
    for name, preset in panel.presets.items():
        for control_name, control in panel.controls.items():
            panel.example.value = name  # picked in the menu
            assert panel.example.value == name and not panel.own_settings
            assert html.escape(preset.story[:20]) in panel.story.value
            panel.set(**{control_name: _another_position(control)})
            assert panel.example.value == OWN_SETTINGS and panel.own_settings
            assert html.escape(preset.story[:20]) not in panel.story.value
            assert "no longer describes the picture" in panel.story.value
            assert html.escape(name) in panel.story.value


@pytest.mark.parametrize("panel_class", PANELS_WITH_EXAMPLES, ids=lambda c: c.__name__)
def test_picking_the_same_example_again_reloads_it(panel_class):
    panel = panel_class()
    name, preset = next(iter(panel.presets.items()))
    values = dataclasses.asdict(preset.values)
    panel.example.value = name
    control_name, control = next(iter(panel.controls.items()))
    panel.set(**{control_name: _another_position(control)})
    assert panel.values != pytest.approx(values)
    panel.example.value = name  # the same example, picked again from the menu
    assert panel.values == pytest.approx(values)
    assert panel.example.value == name
    assert html.escape(preset.story[:20]) in panel.story.value
    # load_example reloads too, even when the menu already shows that example.
    panel.set(**{control_name: _another_position(control)})
    panel.load_example(name)
    assert panel.values == pytest.approx(values)


@pytest.mark.parametrize("panel_class", PANELS_WITH_EXAMPLES, ids=lambda c: c.__name__)
def test_moving_back_to_the_example_s_values_shows_the_example_again(panel_class):
    panel = panel_class()
    name = next(iter(panel.presets))
    panel.load_example(name)
    control_name, control = next(iter(panel.controls.items()))
    held = control.value
    panel.set(**{control_name: _another_position(control)})
    panel.set(**{control_name: held})
    assert panel.example.value == name and not panel.own_settings


@pytest.mark.parametrize("panel_class", PANELS_WITH_EXAMPLES, ids=lambda c: c.__name__)
def test_the_menu_s_other_entries_load_nothing_and_keep_saying_the_truth(panel_class):
    from helpers.panels.base import OWN_SETTINGS

    panel = panel_class()
    start = panel.values
    assert panel.example.value == panel.example.options[0]  # "Choose an example..."
    panel.example.value = OWN_SETTINGS  # picked by hand while nothing was changed
    assert panel.values == start and panel.example.value == panel.example.options[0]
    control_name, control = next(iter(panel.controls.items()))
    panel.set(**{control_name: _another_position(control)})
    # No example was loaded: the settings are the learner's own; no story to correct.
    assert panel.example.value == OWN_SETTINGS and panel.story.value == ""
    panel.reset()
    assert panel.example.value == panel.example.options[0] and panel.values == start


@pytest.mark.parametrize("panel_class", PANELS_WITH_EXAMPLES, ids=lambda c: c.__name__)
def test_every_example_value_is_a_position_its_control_offers(panel_class):
    # Else the browser's control would round it and the menu would call the
    # example the learner's own settings.
    panel = panel_class()
    for name, preset in panel.presets.items():
        for field, value in dataclasses.asdict(preset.values).items():
            control = panel.controls[field]
            if hasattr(control, "options"):
                offered = [v for _, v in control.options] if isinstance(control.options[0], tuple) \
                    else list(control.options)
                assert value in offered, f"{name}: {field}={value!r} is not offered"
            else:
                steps = (value - control.min) / control.step
                assert control.min <= value <= control.max, f"{name}: {field}={value!r}"
                assert steps == pytest.approx(round(steps)), f"{name}: {field}={value!r} off-step"


# -- screen readers: every slider has a name and says its value with its unit -----------

@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_every_slider_has_a_name_and_words_for_each_position(panel_class):
    panel = panel_class()
    voices = {entry["control"]: entry for entry in panel.front_end.sliders}
    for name, control in panel.controls.items():
        if not isinstance(control, widgets.SelectionSlider | widgets.IntSlider
                          | widgets.FloatSlider):
            continue
        entry = voices.pop(f"chemo-control-{name}")
        assert f"chemo-control-{name}" in control._dom_classes
        assert entry["label"] == control.description.rstrip(": ") and entry["label"]
        texts = entry["texts"]
        assert all(text.strip() for text in texts)
        assert len(set(texts)) == len(texts), "two positions would sound the same"
        if isinstance(control, widgets.SelectionSlider):
            # Spoken as shown: the option's label, never its position number.
            assert texts == [label for label, _ in control.options]
            assert (entry["min"], entry["step"]) == (0, 1)
        else:
            assert entry["min"] == control.min and entry["step"] == control.step
            assert len(texts) == round((control.max - control.min) / control.step) + 1
            # The browser's position for the control's value gives the value's words.
            here = texts[round((control.value - entry["min"]) / entry["step"])]
            assert here.split()[0].rstrip("%").replace("\u2212", "-") == f"{control.value:g}"
    assert voices == {}, "front-end entries for controls that are not sliders"
def test_bad_control_name_is_refused():
    panel = PANELS[0]()
    with pytest.raises(ValueError, match="control"):
        panel.set(no_such_control=1)
    with pytest.raises(ValueError, match="example"):
        panel.load_example("no such example")


def test_renders_update_in_place_without_new_figures():
    import matplotlib.pyplot as plt

    from helpers.panels.log_kill import LogKillPanel

    panel = LogKillPanel()
    figure = panel.figure.figure
    before = plt.get_fignums()
    for value in (3, 10, 40):
        panel.set(doubling_time_days=value)
    assert panel.figure.figure is figure
    assert plt.get_fignums() == before
    # laid out once, then frozen: no layout engine runs on later draws
    assert not isinstance(figure.get_layout_engine(), ConstrainedLayoutEngine)
    assert np.isfinite(panel.figure.lines["total"].get_ydata()[0])


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_caption_and_alt_text_come_from_the_words_layer(panel_class):
    # The panel shows exactly what the words layer says of its state: no sentence
    # is built in panels.
    panel = panel_class()
    words = panel_class.interaction
    assert panel.caption_text == html.unescape(
        re.sub(r"<[^>]+>", "", words.caption(panel.state))).strip()
    assert f'alt="{html.escape(words.alt_text(panel.state))}"' in panel.figure_view.value


def test_panel_files_are_thin():
    from pathlib import Path

    folder = Path(helpers.panels.__file__).parent
    # presentation.py and frontend.py carry the page's JavaScript and CSS as text
    # (checked in the browser tests), not wiring.
    sizes = {p.name: len(p.read_text().splitlines()) for p in folder.glob("*.py")
             if p.name not in ("__init__.py", "presentation.py", "frontend.py")}
    # Raised from 1300 for lessons 06 and 07 (lesson 06 adds two activities, the worry
    # sort and the symptom diary, beside its panel); each file is still held to 160 below.
    # Raised to 1700 for the base's recent states and drawing ahead (issue 15's speed).
    assert sum(sizes.values()) <= 1700, sizes
    for name, lines in sizes.items():
        if name not in ("base.py", "controls.py", "quiz.py"):
            assert lines <= 160, f"{name} has {lines} lines; a panel is a table plus wiring"
