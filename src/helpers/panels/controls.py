"""Control factories: the look every lesson control shares.

A panel's controls table calls these with a label and the options or range
its ``lessons`` module offers; the starting position is set by the panel
base from the values' defaults.

``continuous_update=False``: the figure follows when a slider is let go (or a
key pressed), which keeps slow laptops and Binder responsive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import ipywidgets as widgets

__all__ = ["choice_slider", "dropdown", "int_slider", "float_slider", "labelled"]

_WIDE = widgets.Layout(width="min(760px, 100%)")
_LABEL_STYLE = {"description_width": "360px"}

W = TypeVar("W", bound=widgets.ValueWidget)


def labelled(widget: W) -> W:
    """Give a control the series' label width and layout, and keep it calm."""
    widget.style = _LABEL_STYLE
    widget.layout = _WIDE
    if hasattr(widget, "continuous_update"):
        widget.continuous_update = False
    return widget


def choice_slider(description: str,
                  options: Sequence[tuple[str, Any]]) -> widgets.SelectionSlider:
    """A slider over labelled values, (label, value) pairs, in order."""
    return labelled(widgets.SelectionSlider(options=list(options), description=description))


def dropdown(description: str, options: Sequence[tuple[str, Any]] | Sequence[str]
             ) -> widgets.Dropdown:
    """A menu of labelled values, or of plain names."""
    return labelled(widgets.Dropdown(options=list(options), description=description))


def int_slider(description: str, bounds: tuple[int, int], step: int = 1) -> widgets.IntSlider:
    """A whole-number slider from ``bounds[0]`` to ``bounds[1]``."""
    low, high = bounds
    return labelled(widgets.IntSlider(min=low, max=high, step=step, value=low,
                                      description=description))


def float_slider(description: str, bounds: tuple[float, float], step: float,
                 readout_format: str = ".1f") -> widgets.FloatSlider:
    """A slider over decimal numbers from ``bounds[0]`` to ``bounds[1]``."""
    low, high = bounds
    return labelled(widgets.FloatSlider(min=low, max=high, step=step, value=low,
                                        readout_format=readout_format,
                                        description=description))
