"""Numbers in plain words for captions, alt text and feedback.

Pure string formatting: no model, no plotting. Examples::

    >>> cells_in_words(2.1e8)
    'about 210 million'
    >>> one_in(0.25)
    '1 in 4'
"""

from __future__ import annotations

import math

__all__ = [
    "cells_in_words",
    "percent",
    "one_in",
    "days_in_words",
    "signed_percent",
    "times_as_many",
    "change_from_start",
    "plural",
    "days_label",
    "cells_label",
]

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _two_significant(value: float) -> str:
    if value >= 100:
        return f"{round(value, -1):.0f}" if value < 1000 else f"{value:,.0f}"
    if value >= 10:
        return f"{value:.0f}"
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def cells_in_words(cells: float) -> str:
    """A cell count as a reader would say it: 'about 3 million', 'none left'."""
    if not math.isfinite(cells) or cells < 0:
        raise ValueError(f"cells must be a finite number in [0, inf); got {cells!r}")
    if cells < 1:
        return "no cells left"
    # Round to two significant figures first, so 996 million reads "1 billion".
    rounded = float(f"{cells:.2g}")
    if rounded < 1e6:
        return f"about {rounded:,.0f}" if cells >= 10 else f"{cells:.0f}"
    for scale, word in _SCALES:
        if rounded >= scale:
            return f"about {_two_significant(rounded / scale)} {word}"
    raise AssertionError("unreachable")  # pragma: no cover


def percent(fraction: float, digits: int = 0) -> str:
    """0.253 -> '25%'. Values very close to 0 or 1 keep enough digits to differ."""
    value = 100.0 * fraction
    if digits == 0 and 0 < abs(value) < 1:
        return f"{value:.1g}%"
    if digits == 0 and 99 < abs(value) < 100:
        # 99.99% killed is not 100%: show as many nines as there are.
        nines = min(6, max(1, int(-math.log10(100 - abs(value))) + 1))
        text = f"{value:.{nines}f}".rstrip("0").rstrip(".")
        return f"{text}%"
    return f"{value:.{digits}f}%"


def signed_percent(fraction: float) -> str:
    """-0.3 -> '30% smaller'; 0.2 -> '20% larger'; near 0 -> 'about the same'."""
    if abs(fraction) < 0.005:
        return "about the same"
    word = "larger" if fraction > 0 else "smaller"
    return f"{percent(abs(fraction))} {word}"


def one_in(fraction: float) -> str:
    """A share as '1 in N' (rounded to a friendly N): 0.25 -> '1 in 4'."""
    if not math.isfinite(fraction) or fraction < 0 or fraction > 1:
        raise ValueError(f"fraction must be in [0, 1]; got {fraction!r}")
    if fraction == 0:
        return "none"
    if fraction >= 0.995:
        return "all"
    if fraction > 0.5:
        return f"{percent(fraction)}"
    n = 1.0 / fraction
    if n < 20:
        return f"1 in {n:.0f}"
    magnitude = 10 ** math.floor(math.log10(n))
    rounded = round(n / magnitude) * magnitude
    return f"1 in {rounded:,.0f}"


def days_in_words(days: float) -> str:
    """12 -> '12 days'; 70 -> '10 weeks'; 400 -> 'about 13 months'; 1100 -> 'about 3 years'."""
    if days < 1.5:
        return "1 day" if round(days) == 1 else f"{days:.0f} days"
    if days < 56:
        return f"{days:.0f} days"
    if days < 365:
        return f"{days / 7:.0f} weeks"
    if days < 730:
        return f"about {days / 30.44:.0f} months"
    return f"about {days / 365.25:.0f} years"


def times_as_many(ratio: float) -> str:
    """A ratio of two counts: 1.02 -> 'about the same number'; 2.46 -> '2.5 times as many';
    1234 -> '1,234 times as many'. The one way the series says "N times as many"."""
    if not math.isfinite(ratio) or ratio < 0:
        raise ValueError(f"ratio must be a finite number in [0, inf); got {ratio!r}")
    if abs(ratio - 1.0) < 0.05:
        return "about the same number"
    if ratio < 9.95:
        return f"{ratio:.1f} times as many"
    return f"{ratio:,.0f} times as many"


def change_from_start(change: float) -> str:
    """A relative change in a count, said against the start.

    -0.998 -> '99.8% fewer than at the start'; 0.4 -> '40% more than at the start';
    5.9 -> 'about 6.9 times as many as at the start'.
    """
    if not math.isfinite(change) or change < -1:
        raise ValueError(f"change must be a finite number in [-1, inf); got {change!r}")
    if change < 0:
        return f"{percent(-change)} fewer than at the start"
    if change < 1:
        return f"{percent(change)} more than at the start"
    return f"about {times_as_many(change + 1.0)} as at the start"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """1, 'cycle' -> '1 cycle'; 3, 'cycle' -> '3 cycles'; 2, 'pair reads', 'pairs read'."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def days_label(days: int) -> str:
    """A number of days on a control: 1 -> '1 day'; 21 -> '21 days'."""
    return plural(days, "day")


def cells_label(cells: float) -> str:
    """A round cell count on a control, without "about": 1e9 -> '1 billion'."""
    return cells_in_words(cells).removeprefix("about ")
