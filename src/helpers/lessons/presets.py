"""A named example: control values and the story told when it is loaded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

import numpy as np

__all__ = ["Preset", "check_offered", "check_choice", "check_whole", "check_on_steps",
           "read_only"]

V = TypeVar("V")
T = TypeVar("T")


@dataclass(frozen=True)
class Preset(Generic[V]):
    """One entry of a panel's Example menu.

    Attributes:
        values: the control values it loads (a frozen ``...Values``).
        story: what it shows, in plain words (one to three sentences).
    """

    values: V
    story: str

    def __post_init__(self) -> None:
        if not isinstance(self.story, str) or not self.story.strip():
            raise ValueError(f"story must be a non-empty string; got {self.story!r}")


def check_offered(name: str, value: object, offered: Sequence[object]) -> object:
    """``value`` if a control offers it (numbers compared to 1e-9 relative), else ValueError.

    Returns the offered item itself, so 21.0 given for an offered 21 comes back as 21.
    """
    for option in offered:
        if isinstance(value, bool) or isinstance(option, bool):
            if value is option:
                return option
            continue
        if isinstance(option, int | float) and isinstance(value, int | float):
            if abs(option - value) <= 1e-9 * max(abs(float(value)), 1e-300):
                return option
        elif option == value:
            return option
    raise ValueError(f"{name} must be one of {list(offered)}; got {value!r}")


def check_choice(name: str, value: object, offered: Sequence[T]) -> T:
    """The offered item equal to ``value`` (numbers to 1e-9 relative), else ValueError
    naming ``name``, the options and the value."""
    # check_offered returns the item of ``offered`` itself.
    return cast(T, check_offered(name, value, offered))


def check_on_steps(name: str, value: object, bounds: tuple[float, float],
                   step: float) -> float:
    """``value`` if it is a number from ``bounds[0]`` to ``bounds[1]`` on a slider's steps
    (``low``, ``low + step``, ...; to 1e-9 of a step), else ValueError naming ``name``,
    the range, the step and the value."""
    low, high = bounds
    allowed = f"a number from {low:g} to {high:g} in steps of {step:g}"
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not low <= value <= high:
        raise ValueError(f"{name} must be {allowed}; got {value!r}")
    steps = (value - low) / step
    if abs(steps - round(steps)) > 1e-9:
        raise ValueError(f"{name} must be {allowed}; got {value!r}")
    return float(value)


def check_whole(name: str, value: object, bounds: tuple[int, int], step: int = 1) -> int:
    """``value`` as an int if it is a whole number from ``bounds[0]`` to ``bounds[1]``
    on the control's steps (``low``, ``low + step``, ...), else ValueError naming
    ``name``, the range and the value."""
    low, high = bounds
    steps = f" in steps of {step}" if step != 1 else ""
    allowed = f"a whole number from {low} to {high}{steps}"
    if (isinstance(value, bool) or not isinstance(value, int | float)
            or not float(value).is_integer()):
        raise ValueError(f"{name} must be {allowed}; got {value!r}")
    try:
        return int(check_on_steps(name, value, bounds, step))
    except ValueError:
        raise ValueError(f"{name} must be {allowed}; got {value!r}") from None


def read_only(values: object) -> np.ndarray:
    """``values`` as a float array that cannot be changed: a frozen state's arrays stay put."""
    array = np.array(values, dtype=float)
    array.flags.writeable = False
    return array
