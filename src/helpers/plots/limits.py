"""Axis limits that stay put, snapped to round values; and the one log-axis tick rule.

Why snapped: the live figures keep the static part of a figure (axes, ticks,
legend) as a cached bitmap for as long as the axis limits do not change. Limits
that snap to round steps survive most slider moves, so most moves skip a redraw.

Why every decade labelled: the lessons tell the reader that "each step up is ten
times more". Every log axis of the series therefore labels every power of ten,
never every other one (``label_every_decade``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ..checks import MAX_MAGNITUDE, check_array, check_instance, check_int, check_number

__all__ = ["snap_up", "nice_top", "decade_limits", "label_every_decade", "set_limits",
           "MAX_DECADES"]

#: The most powers of ten a log axis of the series spans (1 to 10 trillion cells is 13).
#: The locator is allowed a few more, so it never falls back to every other decade.
MAX_DECADES = 16


def snap_up(value: float, step: float, minimum: float) -> float:
    """Round ``value`` up to a multiple of ``step`` (at least ``minimum``) for stable axes.

    Every argument must be a finite number (a figure's highest value is finite:
    its data record refuses NaN and inf); ``step`` must be above 0."""
    value = check_number("value", value, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    step = check_number("step", step, 0.0, MAX_MAGNITUDE, min_inclusive=False)
    minimum = check_number("minimum", minimum, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    return float(max(minimum, step * np.ceil(value / step - 1e-9)))


def nice_top(value: float, minimum: float = 10.0) -> float:
    """The next 'round' axis top at or above ``value``: 10, 15, 20, 30, 40, 50, 60, 80, 100 ...

    ``value`` must be a finite number, ``minimum`` a finite number above 0."""
    value = check_number("value", value, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    minimum = check_number("minimum", minimum, 0.0, MAX_MAGNITUDE, min_inclusive=False)
    value = max(value, minimum)
    magnitude = 10 ** np.floor(np.log10(value))
    for factor in (1, 1.5, 2, 3, 4, 5, 6, 8, 10):
        if factor * magnitude >= value - 1e-9:
            return float(factor * magnitude)
    return float(10 * magnitude)  # pragma: no cover


def decade_limits(values: np.ndarray, floor: float = 1.0,
                  min_decades: int = 3) -> tuple[float, float]:
    """Log-axis limits snapped to powers of ten around the positive ``values``.

    NaN items in ``values`` are skipped on purpose: they are the gaps a figure
    leaves where a line is not drawn. Anything else must be a finite number."""
    values = check_array("values", values, minimum=-MAX_MAGNITUDE, maximum=MAX_MAGNITUDE,
                         ndim=None, min_length=0, nan_ok=True)
    floor = check_number("floor", floor, 0.0, MAX_MAGNITUDE, min_inclusive=False)
    min_decades = check_int("min_decades", min_decades, minimum=0, maximum=MAX_DECADES)
    positive = values[np.isfinite(values) & (values >= floor)]
    if positive.size == 0:
        return floor, floor * 10.0**min_decades
    low = 10.0 ** np.floor(np.log10(positive.min()))
    high = 10.0 ** np.ceil(np.log10(positive.max()) + 1e-9)
    if high / low < 10.0**min_decades:
        high = low * 10.0**min_decades
    return float(max(low, floor)), float(high)


def label_every_decade(axis: Axis, label: Callable[[float, object], str]) -> None:
    """Put a labelled tick on every power of ten of a log ``axis``, and no labels between.

    ``label(value, position)`` writes each tick's label in words ("1 million",
    "1 in 1,000"). Minor ticks (2, 3, ... 9 times a power of ten) keep
    matplotlib's default placement and stay unlabelled. The figures are laid out
    so that every decade's label fits without overlap (``tests/test_log_axes.py``).
    """
    axis.set_major_locator(LogLocator(base=10.0, subs=(1.0,), numticks=MAX_DECADES + 3))
    axis.set_major_formatter(FuncFormatter(label))
    axis.set_minor_formatter(NullFormatter())


def set_limits(ax: Axes, x: tuple[float, float] | None = None,
               y: tuple[float, float] | None = None) -> None:
    """Set ``ax``'s x and y limits (data units) where given, but only where they change.

    Why: a figure sets its limits on every move, and most moves leave them as they are;
    setting them still costs a fraction of a millisecond, more on charts sharing an axis
    (each is told). Unchanged limits leave the chart exactly as it was. Each pair is two
    different finite numbers (high below low turns the axis upside down).
    """
    check_instance("ax", ax, Axes)
    x, y = _limit_pair("x", x), _limit_pair("y", y)
    if x is not None and tuple(ax.get_xlim()) != x:
        ax.set_xlim(*x)
    if y is not None and tuple(ax.get_ylim()) != y:
        ax.set_ylim(*y)


def _limit_pair(name: str, pair: object) -> tuple[float, float] | None:
    if pair is None:
        return None
    if not isinstance(pair, tuple | list) or len(pair) != 2:
        raise ValueError(f"{name} must be a (low, high) pair of finite numbers, or None; "
                         f"got {pair!r}")
    low = check_number(f"{name}[0]", pair[0], -MAX_MAGNITUDE, MAX_MAGNITUDE)
    high = check_number(f"{name}[1]", pair[1], -MAX_MAGNITUDE, MAX_MAGNITUDE)
    if low == high:
        raise ValueError(f"{name} must be two different numbers (low, high); got {pair!r}")
    return low, high
