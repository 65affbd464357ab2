"""Numbers in plain words for captions, alt text and feedback.

Pure string formatting: no model, no plotting. Examples::

    >>> cells_in_words(2.1e8)
    'about 210 million'
    >>> one_in(0.25)
    '1 in 4'
"""

from __future__ import annotations

import math

from .checks import MAX_CELLS_ANYWHERE, check_int, check_number

__all__ = [
    "cells_in_words",
    "cells_count",
    "mm_in_words",
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

# The largest numbers said in words: past them the series has no such counts,
# days or shares, and the words would be a wall of digits.
MAX_CELLS = MAX_CELLS_ANYWHERE
MAX_MM = 1e8
MAX_DAYS = 1e6
MAX_FRACTION = 1e6
MAX_RATIO = 1e18
MAX_COUNT = 1_000_000_000  # things counted one by one: doses, days, pairs, checks


def _two_significant(value: float) -> str:
    if value >= 100:
        return f"{round(value, -1):.0f}" if value < 1000 else f"{value:,.0f}"
    if value >= 10:
        return f"{value:.0f}"
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def cells_in_words(cells: float) -> str:
    """A cell count as a reader would say it: 'about 3 million', 'none left'."""
    cells = check_number("cells", cells, minimum=0.0, maximum=MAX_CELLS)
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


def cells_count(cells: float, noun: str = "cells") -> str:
    """A cell count with its noun, singular or plural: 'about 640,000 cells';
    1 -> '1 cell'; 0.3 -> 'no cells'; (5e6, 'cancer cells') -> 'about 5 million cancer cells'."""
    if not isinstance(noun, str) or not noun.endswith("s"):
        raise ValueError(f"noun must be a plural ending in 's'; got {noun!r}")
    cells = check_number("cells", cells, minimum=0.0, maximum=MAX_CELLS)
    if cells < 1:
        return f"no {noun}"
    words = cells_in_words(cells)
    return f"{words} {noun[:-1]}" if words == "1" else f"{words} {noun}"


def mm_in_words(value_mm: float) -> str:
    """A diameter: 12.3 -> '12 mm'; 1.26 -> '1.3 mm' (small sizes keep a decimal);
    0.03 -> 'under 0.1 mm' (never '0.0 mm' for something that is there)."""
    value_mm = check_number("value_mm", value_mm, minimum=0.0, maximum=MAX_MM)
    if value_mm >= 10:
        return f"{value_mm:.0f} mm"
    if value_mm == 0:
        return "0 mm"
    if value_mm < 0.05:
        return "under 0.1 mm"
    return f"{value_mm:.1f} mm"


def percent(fraction: float, digits: int = 0) -> str:
    """0.253 -> '25%'. Values very close to 0 or 1 keep enough digits to differ.

    A share just short of all (0.99999999) never rounds up to '100%': it keeps up
    to six nines and then says so ('over 99.999999%').
    """
    value = 100.0 * check_number("fraction", fraction, minimum=-MAX_FRACTION,
                                 maximum=MAX_FRACTION)
    digits = check_int("digits", digits, minimum=0, maximum=10)
    if digits == 0 and 0 < abs(value) < 1:
        return f"{value:.1g}%"
    if digits == 0 and 99 < abs(value) < 100:
        # 99.99% killed is not 100%: show as many nines as there are.
        nines = min(6, max(1, int(-math.log10(100 - abs(value))) + 1))
        text = f"{value:.{nines}f}".rstrip("0").rstrip(".")
        if abs(float(text)) >= 100:
            return f"over 99.{'9' * nines}%" if value > 0 else f"-{text}%"
        return f"{text}%"
    return f"{value:.{digits}f}%"


def signed_percent(fraction: float) -> str:
    """-0.3 -> '30% smaller'; 0.2 -> '20% larger'; near 0 -> 'about the same'."""
    fraction = check_number("fraction", fraction, minimum=-MAX_FRACTION, maximum=MAX_FRACTION)
    if abs(fraction) < 0.005:
        return "about the same"
    word = "larger" if fraction > 0 else "smaller"
    return f"{percent(abs(fraction))} {word}"


def one_in(fraction: float) -> str:
    """A share as '1 in N', N to two figures: 0.25 -> '1 in 4'; 0.0067 -> '1 in 150'.

    'none' and 'all' only for exactly none and all. Shares that no '1 in N' says
    well are said in percent: over one half (0.8 -> '80%'), and shares between
    whole N (0.4 is 1 in 2.5 -> '40%').
    """
    fraction = check_number("fraction", fraction, minimum=0.0, maximum=1.0)
    if fraction == 0:
        return "none"
    if fraction == 1:
        return "all"
    n = 1.0 / fraction
    if fraction > 0.5 or (n < 20 and abs(n - round(n)) > 0.05 * n):
        return percent(fraction)
    if n < 20:
        return f"1 in {n:.0f}"
    return f"1 in {float(f'{n:.2g}'):,.0f}"


def days_in_words(days: float) -> str:
    """A stretch of time in the unit a person would use.

    12 -> '12 days'; 70 -> '10 weeks'; 400 -> 'about 13 months'; 900 (2.46 years)
    -> 'about 2 and a half years'; 1100 -> 'about 3 years'. From two years on, to the
    nearest half year up to ten years, then to the nearest year.
    """
    days = check_number("days", days, minimum=0.0, maximum=MAX_DAYS)
    if days < 56:
        return plural(round(days), "day")
    if days < 365:
        return f"{days / 7:.0f} weeks"
    if days < 730:
        return f"about {days / 30.44:.0f} months"
    years = days / 365.25
    if years >= 10:
        return f"about {years:.0f} years"
    halves = round(2 * years)
    whole, half = divmod(halves, 2)
    return f"about {whole} and a half years" if half else f"about {whole} years"


def times_as_many(ratio: float) -> str:
    """A ratio of two counts: 1.02 -> 'about the same number'; 2.46 -> '2.5 times as many';
    2.0 -> '2 times as many'; 1234 -> '1,234 times as many'; 0.4 -> '60% fewer'.
    The one way the series says "N times as many"."""
    ratio = check_number("ratio", ratio, minimum=0.0, maximum=MAX_RATIO)
    if abs(ratio - 1.0) < 0.05:
        return "about the same number"
    if ratio < 1.0:
        # "0.4 times as many" is hard to picture: say how many fewer.
        return f"{percent(1.0 - ratio)} fewer"
    if ratio < 9.95:
        return f"{ratio:.1f}".removesuffix(".0") + " times as many"
    return f"{ratio:,.0f} times as many"


def change_from_start(change: float) -> str:
    """A relative change in a count, said against the start.

    -0.998 -> '99.8% fewer than at the start'; 0.4 -> '40% more than at the start';
    5.9 -> 'about 6.9 times as many as at the start'; 0.001 -> 'about as many as at the
    start'.
    """
    change = check_number("change", change, minimum=-1.0, maximum=MAX_RATIO)
    if abs(change) < 0.0005:
        # Rounds to 0.0%: no direction worth saying.
        return "about as many as at the start"
    if change < 0:
        return f"{percent(-change)} fewer than at the start"
    if change < 1:
        return f"{percent(change)} more than at the start"
    return f"about {times_as_many(change + 1.0)} as at the start"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """1, 'cycle' -> '1 cycle'; 3, 'cycle' -> '3 cycles'; 2, 'pair reads', 'pairs read'."""
    if isinstance(count, float):  # 2.0 cycles reads "2.0 cycles": ask for a whole number
        raise ValueError(f"count must be a whole number from 0 to {MAX_COUNT:,}; "
                         f"got {count!r}")
    count = check_int("count", count, minimum=0, maximum=MAX_COUNT)
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def days_label(days: int) -> str:
    """A number of days on a control: 1 -> '1 day'; 21 -> '21 days'."""
    return plural(check_int("days", days, minimum=0, maximum=int(MAX_DAYS)), "day")


def cells_label(cells: float) -> str:
    """A round cell count on a control, without "about": 1e9 -> '1 billion'."""
    return cells_in_words(cells).removeprefix("about ")
