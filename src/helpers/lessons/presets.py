"""A named example: control values and the story told when it is loaded."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

import numpy as np

from ..checks import MAX_MAGNITUDE, check_array_numbers, check_instance

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
        if not dataclasses.is_dataclass(self.values) or isinstance(self.values, type):
            raise TypeError(f"values must be a lesson's frozen values record (a "
                            f"dataclass); got {self.values!r:.80}")
        if not isinstance(self.story, str) or not self.story.strip():
            raise ValueError(f"story must be a non-empty string; got {self.story!r}")


def check_offered(name: str, value: object, offered: Sequence[object]) -> object:
    """``value`` if a control offers it (numbers compared to 1e-9 relative), else ValueError.

    Returns the offered item itself, so 21.0 given for an offered 21 comes back as 21.
    """
    _check_name_and_options(name, offered)
    for option in offered:
        if isinstance(value, bool) or isinstance(option, bool):
            if value is option:
                return option
            continue
        if isinstance(option, int | float) and isinstance(value, int | float):
            # inf - inf is nan and inf is within 1e-9 * inf of anything: no infinity
            # matches an option.
            if math.isfinite(value) \
                    and abs(option - value) <= 1e-9 * max(abs(float(value)), 1e-300):
                return option
        elif option == value:
            return option
    raise ValueError(f"{name} must be one of {list(offered)}; got {value!r}")


def _check_name_and_options(name: object, offered: object) -> None:
    """The checks' own arguments: a name to blame and a non-empty list of options."""
    check_instance("name", name, str)
    if isinstance(offered, str | bytes) or not isinstance(offered, Sequence) or not offered:
        raise TypeError(f"offered must be a non-empty list or tuple of options; "
                        f"got {offered!r:.80}")
    for index, option in enumerate(offered):
        if isinstance(option, float) and not _finite(option):
            raise ValueError(f"offered[{index}] must be a number from {-MAX_MAGNITUDE:g} to "
                             f"{MAX_MAGNITUDE:g} (or a word); got {option!r}")


def _check_bounds(bounds: tuple[float, float], step: float) -> tuple[float, float]:
    """A slider's (low, high), finite with low <= high, and a finite step above 0."""
    if not (isinstance(bounds, tuple) and len(bounds) == 2
            and all(_finite(bound) for bound in bounds) and bounds[0] <= bounds[1]):
        raise ValueError(f"bounds must be (low, high), two numbers from {-MAX_MAGNITUDE:g} to "
                         f"{MAX_MAGNITUDE:g} with low <= high; got {bounds!r:.80}")
    span = bounds[1] - bounds[0]
    if not (_finite(step) and 0 < step <= max(span, 1)):
        raise ValueError(f"step must be a number above 0, up to {max(span, 1):g} (the span "
                         f"of bounds); got {step!r:.80}")
    return bounds


def _finite(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and abs(value) <= MAX_MAGNITUDE)


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
    low, high = _check_bounds(bounds, step)
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
    low, high = _check_bounds(bounds, step)
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
    if values is None or isinstance(values, str | bytes):
        raise TypeError(f"values must be numbers or an array of them; got {values!r:.80}")
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise TypeError(f"values must be numbers or an array of them; got "
                        f"{values!r:.80} ({error})") from None
    check_array_numbers("values", array)
    array.flags.writeable = False
    return array
