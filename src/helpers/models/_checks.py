"""Input checks shared by every public helper.

Each check raises a ``ValueError`` that names the parameter, the value given
and the range allowed, so a learner who types a bad number sees what to fix.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Real
from typing import Protocol, TypeGuard

__all__ = [
    "check_number",
    "check_fraction",
    "check_int",
    "check_choice",
    "check_sequence",
]


class _RealNumber(Protocol):
    """What the checks do with a real number (int, float, numpy scalar, Fraction)."""

    def __float__(self) -> float: ...

    def __int__(self) -> int: ...


def _is_real(value: object) -> TypeGuard[_RealNumber]:
    # bool is an int subclass; True as "3 cycles" is a mistake, not a number.
    return isinstance(value, Real) and not isinstance(value, bool)


def check_number(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    min_inclusive: bool = True,
    max_inclusive: bool = True,
) -> float:
    """Return ``value`` as a finite float inside the range, or raise ``ValueError``."""
    low = "-inf" if minimum is None else f"{minimum:g}"
    high = "inf" if maximum is None else f"{maximum:g}"
    allowed = (
        f"{'[' if min_inclusive and minimum is not None else '('}{low}, "
        f"{high}{']' if max_inclusive and maximum is not None else ')'}"
    )
    if not _is_real(value):
        raise ValueError(
            f"{name} must be a finite number in {allowed}; got {value!r} "
            f"of type {type(value).__name__}"
        )
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number in {allowed}; got {number!r}")
    too_low = minimum is not None and (
        number < minimum or (not min_inclusive and number == minimum))
    too_high = maximum is not None and (
        number > maximum or (not max_inclusive and number == maximum)
    )
    if too_low or too_high:
        raise ValueError(f"{name} must be in {allowed}; got {number:g}")
    return number


def check_fraction(name: str, value: object) -> float:
    """A fraction from 0 to 1 inclusive."""
    return check_number(name, value, minimum=0.0, maximum=1.0)


def check_int(name: str, value: object, *, minimum: int | None = None,
              maximum: int | None = None) -> int:
    """Return ``value`` as an int inside the range, or raise ``ValueError``."""
    low = "-inf" if minimum is None else str(minimum)
    high = "inf" if maximum is None else str(maximum)
    allowed = f"whole numbers from {low} to {high}"
    if not (_is_real(value) and math.isfinite(float(value)) and float(value) == int(value)):
        raise ValueError(f"{name} must be one of the {allowed}; got {value!r}")
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ValueError(f"{name} must be one of the {allowed}; got {number}")
    return number


def check_choice(name: str, value: object, choices: Sequence[str]) -> str:
    """One of a fixed set of words."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")
    return str(value)


def check_sequence(name: str, value: object, *, length: int | None = None) -> tuple:
    """A list or tuple (not a string), optionally of an exact length."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ValueError(f"{name} must be a list or tuple; got {value!r}")
    items = tuple(value)
    if length is not None and len(items) != length:
        raise ValueError(f"{name} must have exactly {length} items (one per cycle); "
                         f"got {len(items)}")
    return items


def check_fields(item: object, limits: Sequence[tuple[str, float, float]]) -> None:
    """Check each named number field of a frozen dataclass against its [low, high] range
    (``check_number``) and store the checked float back."""
    for name, low, high in limits:
        object.__setattr__(item, name, check_number(name, getattr(item, name),
                                                    minimum=low, maximum=high))
