"""Lesson 04, repeat readings: the caption and alt text.

The counts are worked out in ``lessons.repeat_readings``; here they are only
said. The rule's numbers (20%, 5 mm) come from ``clinic.response`` (through
``words.response``). Each change is said in percent *and* in mm, because the
rule asks for both.
"""

from __future__ import annotations

from ..checks import check_instance, check_int, check_number
from ..lessons.repeat_readings import (
    AGREE_WITHIN_PERCENT,
    AXIS_LIMIT_MM,
    AXIS_LIMIT_PERCENT,
    MAX_PAIRS,
    PARTIAL_RESPONSE_PERCENT,
    PROGRESSION_PERCENT,
    RepeatState,
)
from ..plain_words import percent, plural
from .response import PROGRESSION_MIN_WORDS, PROGRESSION_RISE_WORDS

__all__ = ["caption", "alt_text", "change_words", "pairs_label"]


def pairs_label(pairs: int) -> str:
    """The pairs slider's readout, said with its unit: 100 -> '100 pairs'."""
    pairs = check_int("pairs", pairs, minimum=0, maximum=MAX_PAIRS)
    return plural(pairs, "pair")

_WITHIN = f"{AGREE_WITHIN_PERCENT:g}%"
_RISE, _MIN_MM = PROGRESSION_RISE_WORDS, PROGRESSION_MIN_WORDS


def change_words(change_percent: float, change_mm: float | None = None) -> str:
    """A change in percent, and in mm when given, one decimal each.

    -15.24, -3.04 -> '15.2% smaller (3.0 mm)'; 19.6 -> '19.6% larger' (one decimal,
    so 19.6 is not '20'); a change that rounds to 0.0% -> 'the same'.
    """
    # A size can fall by at most all of it (-100%); a rise has no such bound.
    change_percent = check_number("change_percent", change_percent, minimum=-100,
                                  maximum=1e6)
    if change_mm is not None:
        change_mm = check_number("change_mm", change_mm, minimum=-1e4, maximum=1e4)
    if round(abs(change_percent), 1) == 0:
        return "the same"
    word = "larger" if change_percent > 0 else "smaller"
    text = f"{percent(abs(change_percent) / 100, digits=1)} {word}"
    return text if change_mm is None else f"{text} ({abs(change_mm):.1f} mm)"


def _agreement(state: RepeatState) -> str:
    n, differ = state.pairs, state.differing_pairs
    agree = n - differ
    if n == 1:
        if differ == 0:
            return f"Nothing really changed, and the two readings agree within {_WITHIN}."
        return f"Nothing really changed, yet the two readings differ by more than {_WITHIN}."
    if differ == 0:
        return f"Nothing really changed, and all {n} pairs agree within {_WITHIN}."
    if agree == 0:
        return (f"Nothing really changed, yet every one of the {n} pairs differs by more "
                f"than {_WITHIN}.")
    share = percent(differ / n)
    verb = "differs" if differ == 1 else "differ"
    rest = "the other one agrees" if agree == 1 else f"the other {agree} agree"
    return (f"Nothing really changed, yet {differ} of the {n} pairs ({share}) {verb} by more "
            f"than {_WITHIN}; {rest} within {_WITHIN}.")


def _spread(state: RepeatState) -> str:
    low = change_words(state.smallest_change_percent, state.smallest_change_mm)
    if state.pairs == 1:
        return f"The second reading is {low}."
    high = change_words(state.largest_change_percent, state.largest_change_mm)
    if low == high:
        return f"Every second reading is {low}."
    if low == "the same":
        low = "no change"
    return f"The second readings range from {low} to {high}."


def _them(count: int) -> str:
    return "it" if count == 1 else "them"


def _rises(state: RepeatState) -> str:
    rises, mm_rises, both = state.large_rises, state.mm_rises, state.looks_like_progression
    held_mm, held_rise = state.held_by_min_mm, state.held_by_rise
    if rises == 0 and mm_rises == 0:
        return (f"No pair's second reading is {_RISE} or more larger, or {_MIN_MM} or more "
                "larger; try another set or more pairs.")
    parts = []
    if rises == 0:
        parts.append(f"No pair reads {_RISE} or more larger the second time.")
    else:
        text = (f"{plural(rises, 'pair reads', 'pairs read')} {_RISE} or more larger the "
                "second time")
        if held_mm == rises:
            grew = ("it grew by less than" if rises == 1
                    else "both grew by less than" if rises == 2
                    else "all of them grew by less than")
            parts.append(f"{text}; {grew} {_MIN_MM}, so the {_MIN_MM} rule keeps "
                         f"{_them(rises)} from counting as progression.")
        elif held_mm == 0:
            grew = ("it also grew by" if rises == 1
                    else "both also grew by" if rises == 2
                    else "all of them also grew by")
            parts.append(f"{text}; {grew} {_MIN_MM} or more.")
        else:
            rest = "the other one" if held_mm == 1 else f"the other {held_mm}"
            parts.append(f"{text}; {both} of them also grew by {_MIN_MM} or more, and the "
                         f"{_MIN_MM} rule keeps {rest} from counting as progression.")
    if held_rise:
        grew = plural(held_rise, "pair grew", "pairs grew")
        parts.append(f"{grew} by {_MIN_MM} or more but by less than {_RISE}, so the {_RISE} "
                     f"rule keeps {_them(held_rise)} from counting as progression.")
    if both:
        pairs = "one pair" if both == 1 else f"{both} pairs"
        parts.append(f"In {pairs}, noise alone would look like progression.")
    return " ".join(parts)


def caption(state: RepeatState) -> str:
    """How far apart same-day readings fall, in % and mm, and how often noise looks like growth."""
    check_instance("state", state, RepeatState)
    return (f"{plural(state.pairs, 'pair')} of same-day scans of one "
            f"{state.true_diameter_mm:.0f} mm lesion. {_agreement(state)} {_spread(state)} "
            f"{_rises(state)} That is why teams compare with earlier scans, look at the trend "
            "and confirm a surprising result before changing course.")


def alt_text(state: RepeatState) -> str:
    check_instance("state", state, RepeatState)
    highlighted = (f"{plural(state.looks_like_progression, 'pair')} past both lines (would "
                   f"look like progression), {state.held_by_min_mm} past {_RISE} only and "
                   f"{state.held_by_rise} past {_MIN_MM} only")
    return ("Two dot charts of the same pairs of same-day scans of a "
            f"{state.true_diameter_mm:.0f} mm lesion; each dot is one pair. Top: how much the "
            f"second reading differed from the first in percent, from -{AXIS_LIMIT_PERCENT:g}% "
            f"to +{AXIS_LIMIT_PERCENT:g}%, with a shaded band of plus or minus {_WITHIN}, a "
            f"dashed line at {PARTIAL_RESPONSE_PERCENT:+g}% (partial response) and a dash-dot "
            f"line at {PROGRESSION_PERCENT:+g}% (progression). Bottom: the same differences in "
            f"mm, from -{AXIS_LIMIT_MM:g} to +{AXIS_LIMIT_MM:g} mm, with a dotted line at "
            f"+{_MIN_MM}. Changes range from {state.smallest_change_percent:+.0f}% to "
            f"{state.largest_change_percent:+.0f}% (from {state.changes_mm.min():+.1f} to "
            f"{state.changes_mm.max():+.1f} mm). Coloured dots: {highlighted}.")
