"""Lesson 04, repeat readings: the caption and alt text.

The counts are worked out in ``lessons.repeat_readings``; here they are only
said. The rule's numbers (20%, 5 mm) come from ``clinic.response``.
"""

from __future__ import annotations

from ..lessons.repeat_readings import (
    AGREE_WITHIN_PERCENT,
    AXIS_LIMIT_PERCENT,
    PARTIAL_RESPONSE_PERCENT,
    PROGRESSION_PERCENT,
    RepeatState,
)
from ..plain_words import percent, plural
from .response import PROGRESSION_MIN_WORDS, PROGRESSION_RISE_WORDS

__all__ = ["caption", "alt_text", "change_words"]

_WITHIN = f"{AGREE_WITHIN_PERCENT:g}%"
_RISE, _MIN_MM = PROGRESSION_RISE_WORDS, PROGRESSION_MIN_WORDS


def change_words(change_percent: float) -> str:
    """-15.24 -> '15.2% smaller'; 19.6 -> '19.6% larger' (one decimal, so 19.6 is not '20')."""
    word = "larger" if change_percent >= 0 else "smaller"
    return f"{percent(abs(change_percent) / 100, digits=1)} {word}"


def _agreement(state: RepeatState) -> str:
    n, agree = state.pairs, state.agreeing_pairs
    if agree == n == 1:
        return f"Nothing really changed, and the two readings agree within {_WITHIN}."
    if agree == n:
        return f"Nothing really changed, and all {plural(n, 'pair')} agree within {_WITHIN}."
    if agree == 0:
        return f"Nothing really changed, yet no pair agrees within {_WITHIN}."
    return (f"Nothing really changed, yet only {plural(agree, 'pair')} "
            f"({percent(state.agreeing_fraction)}) agree{'s' if agree == 1 else ''} "
            f"within {_WITHIN}.")


def _spread(state: RepeatState) -> str:
    low, high = state.smallest_change_percent, state.largest_change_percent
    if state.pairs == 1:
        return f"The second reading is {change_words(low)}."
    return f"The biggest differences are {change_words(low)} and {change_words(high)}."


def _rises(state: RepeatState) -> str:
    rises, both = state.large_rises, state.looks_like_progression
    if rises == 0:
        return (f"In this set no pair reads {_RISE} or more larger the second time; try "
                "another set or more pairs.")
    text = (f"{plural(rises, 'pair reads', 'pairs read')} {_RISE} or more larger the "
            "second time")
    if both == 0 and rises == 1:
        return (text + f"; it did not grow by {_MIN_MM}, so the {_MIN_MM} rule keeps it from "
                "counting as progression.")
    if both == 0:
        return (text + f"; none of them grew by {_MIN_MM}, so the {_MIN_MM} rule keeps them "
                "from counting as progression.")
    if rises == 1:
        return (text + f"; it also grew by {_MIN_MM} or more: noise alone would look like "
                "progression.")
    return (text + f"; {both} of them also grew by {_MIN_MM} or more: noise alone would look "
            "like progression.")


def caption(state: RepeatState) -> str:
    """How far apart same-day readings fall, and how often noise alone looks like growth."""
    return (f"{plural(state.pairs, 'pair')} of same-day scans of one "
            f"{state.true_diameter_mm:.0f} mm lesion. {_agreement(state)} {_spread(state)} "
            f"{_rises(state)} That is why teams compare with earlier scans, look at the trend "
            "and confirm a surprising result before changing course.")


def alt_text(state: RepeatState) -> str:
    return ("A dot chart: each dot is one pair of same-day scans of a "
            f"{state.true_diameter_mm:.0f} mm lesion, placed at how much the second reading "
            f"differed from the first, from -{AXIS_LIMIT_PERCENT:g}% to "
            f"+{AXIS_LIMIT_PERCENT:g}%. Most dots sit inside the shaded band of plus or minus "
            f"{_WITHIN}; a dashed line marks {PARTIAL_RESPONSE_PERCENT:+g}% (partial response) "
            f"and a dash-dot line {PROGRESSION_PERCENT:+g}% (progression). Changes range from "
            f"{state.smallest_change_percent:+.0f}% to {state.largest_change_percent:+.0f}%.")
