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


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_projector_mode_rebuilds_with_larger_text(panel_class):
    panel = panel_class()
    standard = panel.figure.theme.font_size_pt
    panel.projector.value = True
    assert panel.figure.theme.font_size_pt > standard
    assert "chemo-projector" in panel.widget._dom_classes
    _assert_sane(panel)


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
    sizes = {p.name: len(p.read_text().splitlines()) for p in folder.glob("*.py")
             if p.name != "__init__.py"}
    assert sum(sizes.values()) <= 1300, sizes
    for name, lines in sizes.items():
        if name not in ("base.py", "controls.py", "quiz.py"):
            assert lines <= 160, f"{name} has {lines} lines; a panel is a table plus wiring"
