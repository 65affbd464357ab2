"""Lesson 03, scans are snapshots: the caption and alt text.

The caption tells each deposit that began as shed cells (when it was seeded,
its size at baseline, when a scan first showed it), then answers "Did the
chemo make it spread?" from the state's verdict.
"""

from __future__ import annotations

from ..checks import check_instance, check_int
from ..lessons.scans import LesionFacts, ScansState
from ..plain_words import days_in_words, mm_in_words, plural

__all__ = ["caption", "alt_text", "span_in_words"]

_QUESTION = "<b>Did the chemo make it spread?</b>"
_CAUGHT_UP = ("every lesion that showed up after treatment began was seeded before the first "
              "dose and grew, unseen, all along. The scan only caught up with it.")
_STILL_HIDDEN = ("The deposits that were seeded before treatment are either seen from the "
                 "start or still hidden: a scan only shows what has grown big enough.")
# The source article's hedge, kept whenever the picture shows cells shed during treatment.
_HEDGE = ("The model does not say what shed the cells. Researchers study rare lab findings "
          "about how some treatments affect the area around a tumour; that is not the same "
          "as chemotherapy usually making cancer spread.")


def _labels(lesions: list[LesionFacts]) -> str:
    names = [lesion.label for lesion in lesions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _answer(state: ScansState) -> str:
    """The answer to "Did the chemo make it spread?", true of every lesion in the picture.

    A 'what if' lesion (seeded after the first dose) changes the answer: if a scan shows
    it, the picture does hold a deposit that began during treatment; if none does, the
    lesions the scans showed still began before it.
    """
    what_if = [lesion for lesion in state.seeded_small_lesions if lesion.seeding_day > 0]
    hidden = [lesion for lesion in what_if if lesion.first_seen_day is None]
    seen = [lesion for lesion in what_if if lesion.first_seen_day is not None]
    unseen = (f" {_labels(hidden)}, shed after the first dose in this 'what if', shows on no "
              f"scan here. {_HEDGE}" if hidden else "")
    if state.verdict == "seeded_after_first_dose":
        shown = "; ".join(
            f"{lesion.label} started from cells shed {span_in_words(lesion.seeding_day)} after "
            f"the first dose and first shows on the scan of day {lesion.first_seen_day}, "
            f"{span_in_words(lesion.first_seen_day - lesion.seeding_day)} after it started"
            for lesion in seen if lesion.first_seen_day is not None
        ) or "a lesion that started after the first dose shows up"
        return f"{_QUESTION} In this 'what if', {shown}.{unseen or ' ' + _HEDGE}"
    if state.verdict == "seeded_before_treatment":
        if hidden:
            return f"{_QUESTION} Not as far as these scans show: {_CAUGHT_UP}{unseen}"
        return f"{_QUESTION} Not in this picture: {_CAUGHT_UP}"
    return f"{_QUESTION} No new lesion appears on these scans. {_STILL_HIDDEN}{unseen}"


def span_in_words(days: int) -> str:
    """A stretch of days, never signed: 200 -> '200 days (29 weeks)'; 40 -> '40 days'.

    The weeks, months or years follow in brackets only when they say it differently.
    """
    days = check_int("days", days, minimum=0, maximum=36_500)
    count, words = plural(days, "day"), days_in_words(days)
    return count if words == count else f"{count} ({words})"


def _week(day: int) -> str:
    return f"week {day / 7:.0f}"


def _when_seeded(seeding_day: int) -> str:
    if seeding_day < 0:
        return f"seeded {span_in_words(-seeding_day)} before the first dose"
    if seeding_day == 0:
        return "seeded on the day of the first dose"
    return f"seeded {span_in_words(seeding_day)} after the first dose (a 'what if')"


def _still_hidden(state: ScansState, lesion: LesionFacts, limit: str) -> str:
    """A lesion no scan showed: its size on the last scan and where the chart's lines end."""
    end_day = round(state.end_day)
    if state.last_scan_day >= end_day:
        return (f"It is still too small to see on the last scan (day {state.last_scan_day}, "
                f"where the lines end: {mm_in_words(lesion.last_scan_true_mm)}).")
    text = (f"It is still too small to see on the last scan (day {state.last_scan_day}: "
            f"{mm_in_words(lesion.last_scan_true_mm)}). By day {end_day}, where the lines "
            f"end, it is {mm_in_words(lesion.end_true_mm)} across")
    if lesion.end_true_mm >= state.detection_limit_mm:
        return text + f": big enough for a scan that shows {limit}, but no scan has looked yet."
    return text + f", still below {limit}."


def _lesion_sentences(state: ScansState, lesion: LesionFacts) -> str:
    limit = f"{state.detection_limit_mm:.0f} mm"
    text = f"<b>{lesion.label}</b> was {_when_seeded(lesion.seeding_day)}. "
    if lesion.seen_at_baseline:
        return text + (f"It was already {mm_in_words(lesion.baseline_mm)} across at baseline, "
                       f"big enough for a scan that shows {limit}, so it is not new.")
    if lesion.seeding_day <= 0:
        text += (f"On the baseline scan it was {mm_in_words(lesion.baseline_mm)} across, "
                 f"below the {limit} a scan can show. ")
    if lesion.first_seen_day is not None and lesion.first_seen_mm is not None:
        return text + (f"It first showed on the scan of day {lesion.first_seen_day} "
                       f"({_week(lesion.first_seen_day)}), measuring "
                       f"{mm_in_words(lesion.first_seen_mm)}: a \u2018new lesion\u2019.")
    text += _still_hidden(state, lesion, limit)
    if (lesion.seeding_day > 0 and lesion.doublings_to_limit is not None
            and lesion.days_to_limit is not None):
        text += (f" From {lesion.start_cells:.0f} cells it needs about "
                 f"{lesion.doublings_to_limit:.0f} doublings to reach {limit}: at least "
                 f"{days_in_words(lesion.days_to_limit)} at its pace.")
    return text


def caption(state: ScansState) -> str:
    """Each shed-cell deposit's story, then the answer to "Did the chemo make it spread?"."""
    check_instance("state", state, ScansState)
    sentences = [_lesion_sentences(state, lesion) for lesion in state.seeded_small_lesions]
    return " ".join([*sentences, _answer(state)])


def _starts(seeding_day: int) -> str:
    if seeding_day < 0:
        return f"starts {plural(-seeding_day, 'day')} before the first dose"
    if seeding_day > 0:
        return f"starts {plural(seeding_day, 'day')} after the first dose"
    return "starts on the day of the first dose"


def alt_text(state: ScansState) -> str:
    """What the two charts show: sizes against the scan limit, and the seen/unseen timeline."""
    check_instance("state", state, ScansState)
    parts = []
    for lesion in state.lesions:
        first = lesion.first_seen_day
        seen = f"first seen on day {first}" if first is not None else "never seen"
        parts.append(f"{lesion.label}: {_starts(lesion.seeding_day)}, {seen}")
    first_shown, last_shown = state.days_shown
    days = ", ".join(str(day) for day in state.scan_days)
    return (f"Two charts sharing a time axis from {-first_shown:.0f} days before the first dose "
            f"(day 0) to day {last_shown:.0f}. Top: the true size of each lesion (live cells "
            "and dead cells not yet cleared) on a log scale, up to day "
            f"{state.end_day:.0f}, with a shaded band below {state.detection_limit_mm:.0f} mm "
            "that a scan cannot show and circles where a scan saw a lesion. Bottom: one row "
            "per lesion, dotted while it is there but unseen, solid once seen. "
            f"Scans on days {days}. " + "; ".join(parts) + ".")
