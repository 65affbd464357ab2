"""Control factories: the look every lesson control shares, and what each slider says.

A panel's controls table calls these with a label and the options or range
its ``lessons`` module offers; the starting position is set by the panel
base from the values' defaults.

``continuous_update=False``: the figure follows when a slider is let go (or a
key pressed), which keeps slow laptops and Binder responsive.

Screen readers: a slider's handle is named after its label, and its value is
spoken as the learner would read it, with its unit ("21 days", "90% killed"),
not as the slider's internal number ("2", "6.999999999999999").
``spoken_positions`` gives those words; the panel's front end puts them on the
handles (see ``panels.frontend``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

import ipywidgets as widgets

from ..checks import MAX_MAGNITUDE, check_instance, check_number

__all__ = ["choice_slider", "control_values", "dropdown", "int_slider", "float_slider",
           "labelled", "needs_a_wide_row", "spoken_positions", "unit_in_label",
           "value_words"]

_WIDE = widgets.Layout(width="min(760px, 100%)")
_LABEL_STYLE = {"description_width": "360px"}

W = TypeVar("W", bound=widgets.ValueWidget)

# Units a label can name, with their singular: "(days)" -> "1 day", "21 days".
_UNITS = {"days": "day", "weeks": "week", "months": "month", "cycles": "cycle",
          "mm": "mm", "%": "%"}
# "Months to show", "Weeks between scans", "Number of cycles (21 days each)".
_LEADING_UNIT = re.compile(r"^(?:number of\s+)?(days|weeks|months|cycles)\b", re.IGNORECASE)
_TRAILING_UNIT = re.compile(r"\((days|weeks|months|mm|%)\)\s*:?\s*$", re.IGNORECASE)


def labelled(widget: W) -> W:
    """Give a control the series' label width and layout, and keep it calm."""
    widget.style = _LABEL_STYLE
    widget.layout = _WIDE
    if hasattr(widget, "continuous_update"):
        widget.continuous_update = False
    return widget


def unit_in_label(description: str) -> str:
    """The unit a slider's label names, or "" if none.

    A trailing "(days)", "(mm)" or "(%)", or a label that starts with the unit
    ("Months to show", "Number of cycles (21 days each)").
    """
    trailing = _TRAILING_UNIT.search(description)
    if trailing:
        return trailing.group(1).lower()
    leading = _LEADING_UNIT.match(description.strip())
    return leading.group(1).lower() if leading else ""


def value_words(value: float, unit: str = "", decimals: int = 0) -> str:
    """A number with its unit, as said aloud: "1 day", "21 days", "30%", "7.5 days",
    "\u2212120" (a true minus sign, as the slider shows it).

    ``decimals`` is the most shown; a whole number is shown without ".0".
    """
    if unit and unit not in _UNITS:
        raise ValueError(f"unit must be one of {sorted(_UNITS)} or ''; got {unit!r}")
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 6:
        raise ValueError(f"decimals must be a whole number from 0 to 6; got {decimals!r}")
    value = check_number("value", value, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    number = f"{value:.{decimals}f}"
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    if number in ("-0", ""):
        number = "0"
    # The minus sign the slider's readout shows (and screen readers say "minus").
    number = number.replace("-", "\u2212")
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    one = number in ("1", "\u22121")
    return f"{number} {_UNITS[unit] if one else unit}"


def _decimals(readout_format: str) -> int:
    found = re.search(r"\.(\d+)f", readout_format)
    return int(found.group(1)) if found else 0


def spoken_positions(control: widgets.ValueWidget) -> tuple[float, float, list[str]] | None:
    """For a slider: its first position, its step and the words for each position.

    The browser's slider counts positions from the first: a SelectionSlider 0, 1, 2...
    (the option's label is said), a number slider min, min + step, ... (the number is
    said with the unit of the control, see ``unit_in_label``). None for other controls.
    """
    if isinstance(control, widgets.SelectionSlider):
        return 0.0, 1.0, [str(label) for label in control._options_labels]
    if isinstance(control, widgets.IntSlider | widgets.FloatSlider):
        unit = getattr(control, "chemo_unit", None)
        if unit is None:
            unit = unit_in_label(control.description)
        low, step = control.min, control.step
        count = int(round((control.max - low) / step)) + 1
        decimals = 0 if isinstance(control, widgets.IntSlider) \
            else _decimals(control.readout_format)
        return float(low), float(step), [value_words(low + i * step, unit, decimals)
                                         for i in range(count)]
    return None


def control_values(control: widgets.ValueWidget) -> list[Any]:
    """Every value ``control`` can take, first to last: a menu's or choice slider's
    option values, a slider's positions from min to max by its step, a tick box's
    False and True. Only for these kinds of control (else a ``TypeError``)."""
    if isinstance(control, widgets.Dropdown | widgets.SelectionSlider):
        return list(control._options_values)
    if isinstance(control, widgets.IntSlider):
        return list(range(control.min, control.max + 1, control.step))
    if isinstance(control, widgets.FloatSlider):
        count = int(round((control.max - control.min) / control.step)) + 1
        return [control.min + i * control.step for i in range(count)]
    if isinstance(control, widgets.Checkbox):
        return [False, True]
    raise TypeError(f"control must be a menu, a slider or a tick box; "
                    f"got {type(control).__name__}")


# Longer than this (characters), a readout or a menu needs a whole row of its own in
# the projector's two columns of controls, or it is cut off.
_LONGEST_SHORT_READOUT = 12
_LONGEST_SHORT_MENU = 18


def needs_a_wide_row(control: widgets.ValueWidget) -> bool:
    """Whether ``control`` shows words too long for half a row (projector layout)."""
    if isinstance(control, widgets.SelectionSlider):
        return max(len(str(label)) for label in control._options_labels) \
            > _LONGEST_SHORT_READOUT
    if isinstance(control, widgets.Dropdown):
        return max(len(str(label)) for label in control._options_labels) > _LONGEST_SHORT_MENU
    return False


def choice_slider(description: str,
                  options: Sequence[tuple[str, Any]]) -> widgets.SelectionSlider:
    """A slider over labelled values, (label, value) pairs, in order.

    The labels are what a screen reader says for each position: give each its unit.
    """
    return labelled(widgets.SelectionSlider(options=list(options), description=description))


def dropdown(description: str, options: Sequence[tuple[str, Any]] | Sequence[str]
             ) -> widgets.Dropdown:
    """A menu of labelled values, or of plain names."""
    return labelled(widgets.Dropdown(options=list(options), description=description))


def int_slider(description: str, bounds: tuple[int, int], step: int = 1,
               unit: str | None = None) -> widgets.IntSlider:
    """A whole-number slider from ``bounds[0]`` to ``bounds[1]``.

    ``unit`` ("days", "weeks", "months", "cycles", "mm", "%" or "") is said after the
    value; by default it is read from the label (see ``unit_in_label``).
    """
    low, high = _checked_bounds(bounds, step, whole=True)
    slider = labelled(widgets.IntSlider(min=low, max=high, step=step, value=low,
                                        description=description))
    slider.chemo_unit = _checked_unit(unit, description)
    return slider


def float_slider(description: str, bounds: tuple[float, float], step: float,
                 readout_format: str = ".1f", unit: str | None = None) -> widgets.FloatSlider:
    """A slider over decimal numbers from ``bounds[0]`` to ``bounds[1]`` (``unit`` as
    for ``int_slider``)."""
    low, high = _checked_bounds(bounds, step, whole=False)
    slider = labelled(widgets.FloatSlider(min=low, max=high, step=step, value=low,
                                          readout_format=readout_format,
                                          description=description))
    slider.chemo_unit = _checked_unit(unit, description)
    return slider


def _checked_bounds(bounds: object, step: object, *, whole: bool) -> tuple[float, float]:
    """A slider's (low, high) and step: numbers (whole ones for a whole-number slider),
    low below high, the step above 0 and no wider than the range."""
    pair: tuple[object, ...] = check_instance("bounds", bounds, tuple)
    if len(pair) != 2:
        raise ValueError(f"bounds must be (low, high); got {bounds!r}")
    low, high = (check_number(f"bounds[{k}]", b, -1e9, 1e9) for k, b in enumerate(pair))
    if low >= high:
        raise ValueError(f"bounds must run from low to a higher high; got {bounds!r}")
    step_value = check_number("step", step, 0.0, high - low)
    if step_value <= 0 or (whole and not (low.is_integer() and high.is_integer()
                                          and step_value.is_integer())):
        kind = "whole numbers" if whole else "numbers"
        raise ValueError(f"step must be above 0 and at most {high - low:g}, and bounds and step "
                         f"{kind}; got bounds {bounds!r}, step {step!r}")
    return bounds  # type: ignore[return-value]


def _checked_unit(unit: str | None, description: str) -> str:
    if unit is None:
        return unit_in_label(description)
    if unit and unit not in _UNITS:
        raise ValueError(f"unit must be one of {sorted(_UNITS)} or ''; got {unit!r}")
    return unit
