"""Controls shared by the resistance (02) and dose-intensity (05) panels.

Every control offers a fixed list of values, so every position is one the
model can run and every named scenario lands exactly on a position.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..plain_words import percent
from ..scenarios.treatment import SENSITIVITY_LEVELS
from .base import labelled

__all__ = [
    "SHARE_CHOICES",
    "KILL_CHOICES",
    "DOUBLING_CHOICES_DAYS",
    "share_slider",
    "kill_dropdown",
    "doubling_slider",
    "nearest_choice",
]

#: Resistant share at the start, "1 in 10,000,000" to "1 in 2".
SHARE_CHOICES: tuple[tuple[str, float], ...] = (
    ("1 in 10,000,000", 1e-7),
    ("1 in 1,000,000", 1e-6),
    ("1 in 100,000", 1e-5),
    ("1 in 10,000", 1e-4),
    ("1 in 1,000", 1e-3),
    ("1 in 100", 1e-2),
    ("1 in 10", 1e-1),
    ("1 in 4", 0.25),
    ("1 in 2", 0.5),
)


def _kill_label(fraction: float) -> str:
    for level in SENSITIVITY_LEVELS.values():
        if level.fraction_killed_per_dose == fraction:
            return f"{percent(fraction)}: a {level.name} cancer (illustration)"
    if fraction == 0:
        return "0%: the drug does nothing"
    return percent(fraction)


#: Fraction of sensitive cells one full dose kills; three carry the
#: illustrative sensitivity levels' names.
KILL_CHOICES: tuple[tuple[str, float], ...] = tuple(
    (_kill_label(f), f) for f in (0.0, 0.5, 0.7, 0.9, 0.99, 0.999)
)

#: Doubling times offered (days): from very fast to slow.
DOUBLING_CHOICES_DAYS: tuple[int, ...] = (7, 10, 14, 21, 30, 45, 60, 90)


def share_slider(description: str, value: float = 1e-4) -> widgets.SelectionSlider:
    return labelled(widgets.SelectionSlider(options=SHARE_CHOICES, value=value,
                                            description=description))


def kill_dropdown(description: str, value: float = 0.9) -> widgets.Dropdown:
    return labelled(widgets.Dropdown(options=KILL_CHOICES, value=value,
                                     description=description))


def doubling_slider(description: str, value: int = 30) -> widgets.SelectionSlider:
    return labelled(widgets.SelectionSlider(
        options=[(f"{d} days", d) for d in DOUBLING_CHOICES_DAYS], value=value,
        description=description))


def nearest_choice(value: float, choices, *, name: str) -> float:
    """The offered value equal to ``value`` (to 1e-9 relative), or ValueError."""
    for choice in choices:
        option = choice[1] if isinstance(choice, tuple) else choice
        if abs(option - value) <= 1e-9 * max(abs(value), 1e-300):
            return option
    raise ValueError(f"{name} must be one of the offered values "
                     f"{[c[1] if isinstance(c, tuple) else c for c in choices]}; got {value!r}")
