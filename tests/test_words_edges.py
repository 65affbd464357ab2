"""Every sentence template of lessons 00, 01 (cells and size), 02 and 05 at its edges.

For each control at its ends (and every combination of ends where it is cheap), the
caption and alt text must be plain, grammatical and true of the numbers on screen:

- no "nan", "inf", "None", minus signs or broken counts ("1 cells", "2 day",
  "no cells left cancer cells");
- singular and plural agree with the number;
- each number in words is read back from the sentence and compared with the state it
  came from (a percent is the state's number rounded; "about 69 billion" is within the
  rounding of two figures);
- "only" and "a little" never describe a big change;
- the day a caption ends on is the chart's last day.

The readers below (``count_of``, ``days_of``) parse the words independently of
``plain_words``; they are themselves checked by hand at the bottom of this file.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from functools import cache

import pytest

from helpers.lessons import cell_size, dose_intensity, growth, resistance
from helpers.lessons.choices import (
    DOUBLING_TIME_CHOICES_DAYS,
    FRACTION_KILLED_CHOICES,
    RESISTANT_SHARE_CHOICES,
)
from helpers.words import cell_size as cell_size_words
from helpers.words import dose_intensity as dose_words
from helpers.words import growth as growth_words
from helpers.words import resistance as resistance_words

# -- readers and checks, independent of the code under test -------------------------

_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
_COUNT = r"(?:about )?[\d,]+(?:\.\d+)?(?: (?:million|billion|trillion))?"


def count_of(words: str) -> float:
    """'about 69 billion' -> 6.9e10; '640,000' -> 6.4e5; 'no cells left' -> 0."""
    if words.startswith("no "):
        return 0.0
    match = re.fullmatch(r"(?:about )?([\d,]+(?:\.\d+)?)(?: (million|billion|trillion))?",
                         words)
    assert match, f"not a count in words: {words!r}"
    return float(match.group(1).replace(",", "")) * _SCALE.get(match.group(2) or "", 1.0)


def close_in_two_figures(said: float, true: float) -> bool:
    """Said to two significant figures (or exactly, under ten)."""
    if true < 1:
        return said == 0
    if true < 10:
        return abs(said - true) <= 0.5
    return abs(said - true) <= 0.051 * true


_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def days_of(words: str) -> tuple[float, float]:
    """'about 2 and a half years' -> (913.1, 182.6): the days said, and the rounding step."""
    match = re.fullmatch(r"(?:about )?(\d+)( and a half)? (day|week|month|year)s?", words)
    assert match, f"not a time in words: {words!r}"
    unit = _UNIT_DAYS[match.group(3)]
    amount = int(match.group(1)) + (0.5 if match.group(2) else 0.0)
    step = unit / 2 if match.group(3) == "year" and amount < 10 else unit
    return amount * unit, step


_NOUNS = "cell|dose|cycle|day|month|pause|week|year"
_PROBLEMS = [
    (re.compile(r"\b(?:nan|NaN|inf|None)\b"), "a number that is not one"),
    (re.compile(r"(?<![\w-])-\s?\d"), "a minus sign"),
    (re.compile(rf"(?<![\d.,])1 (?:full |cancer )?(?:{_NOUNS})s\b"), "one, plural"),
    (re.compile(rf"(?<![\d.,])(?:0|[2-9]|\d\d+)(?:,\d{{3}})* (?:full |cancer )?(?:{_NOUNS})\b"),
     "more than one, singular"),
    (re.compile(r"no cells left (?:cancer )?cells|at no cells|to no cells"), "a broken count"),
    (re.compile(r"  |\s[.,;:)]|\(\s|\.\.|,,"), "spacing or punctuation"),
    (re.compile(r"\b(\w+) \1\b", re.IGNORECASE), "a doubled word"),
    (re.compile(r"(?<![\d.])0(?:\.0)? mm"), "a size of nothing for something that is there"),
]


def check_plain(text: str) -> str:
    """The text without tags, after the checks every sentence must pass."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert plain == plain.strip() and plain.endswith("."), plain
    assert plain.count("(") == plain.count(")"), plain
    for sentence in re.split(r"(?<=[.:;!?])\s+(?=[A-Z])", plain):
        assert sentence[0].isupper() or sentence[0].isdigit(), (sentence, plain)
    for pattern, what in _PROBLEMS:
        found = pattern.search(plain)
        assert not found, f"{what}: {found.group(0)!r} in {plain!r}"
    return plain


def percent_matches(said: str, true_percent: float) -> bool:
    """'21' or '99.9' said for ``true_percent``, rounded to the digits said."""
    decimals = len(said.split(".")[1]) if "." in said else 0
    return abs(float(said) - true_percent) <= 0.5 * 10.0**-decimals + 1e-9


# -- lesson 00: growth ----------------------------------------------------------------

GROWTH_CASES = list(itertools.product(
    growth.DOUBLING_TIME_RANGE_DAYS + (30,), growth.GROWTH_LAW_CHOICES,
    growth.MONTHS_SHOWN_RANGE + (6,)))


@pytest.mark.parametrize("doubling, law, months", GROWTH_CASES)
def test_growth_words_at_the_edges(doubling, law, months):
    state = growth.compute(growth.GrowthValues(doubling_time_days=doubling, growth_law=law,
                                               months_shown=months))
    text = check_plain(growth_words.caption(state))
    alt = check_plain(growth_words.alt_text(state))
    # The end the caption reports is the chart's last day, with the months it stands for.
    end = re.search(r"by day (\d+) \((\d+) months?\)", text)
    assert end and int(end.group(1)) == state.days_shown == round(state.days[-1])
    assert int(end.group(2)) == months
    assert f"over {state.days_shown} days" in alt
    # The counts said are the state's.
    start = re.search(rf"a tumour of ({_COUNT}) cells", text)
    assert start and close_in_two_figures(count_of(start.group(1)), state.start_cells)
    becomes = re.search(rf"becomes ({_COUNT}) cells", text)
    if becomes:
        assert close_in_two_figures(count_of(becomes.group(1)), state.end_cells)
    else:
        gained = re.search(r"hardly changes .*?: it gains (\d+(?:\.\d+)?)% more cells", text)
        assert gained and percent_matches(gained.group(1),
                                          100 * (state.end_cells / state.start_cells - 1))
        assert count_of(start.group(1)) == pytest.approx(state.start_cells, rel=0.05)
    # The time from one cell, in the unit a person would use, within its rounding.
    said = re.search(r"doubling time, ((?:about )?\d+(?: and a half)? \w+)\.$", text)
    assert said
    days, step = days_of(said.group(1))
    assert abs(days - state.days_from_one_cell) <= step / 2 + 1e-9, (said.group(1), state)
    # The cap note only for steady doubling that reaches the cap, with the day it does.
    if state.capped:
        assert f"reached on day {state.capped_day}:" in text
        assert state.cells[state.capped_day] == state.capacity_cells
    else:
        assert "chart stops" not in text


# -- lesson 01: cells and size ----------------------------------------------------------

CELL_SIZE_CASES = list(itertools.product(cell_size.KILLED_PERCENT_CHOICES,
                                         cell_size.START_CELLS_CHOICES))


@pytest.mark.parametrize("killed, start", CELL_SIZE_CASES)
def test_cell_size_words_at_the_edges(killed, start):
    state = cell_size.compute(cell_size.CellSizeValues(killed_percent=killed,
                                                       start_cells=start))
    text = check_plain(cell_size_words.caption(state))
    alt = check_plain(cell_size_words.alt_text(state))
    shrink_percent = -100 * state.diameter_change
    said = re.findall(r"mm: (?:only )?(\d+(?:\.\d+)?)% smaller", text)
    said += re.findall(r"killed, (\d+(?:\.\d+)?)% smaller\.$", alt)
    assert len(said) == (1 if killed == 0 else 2), (text, alt)
    for percent_said in said:
        assert percent_matches(percent_said, shrink_percent), (percent_said, shrink_percent)
    assert f"{state.start_mm:.1f} mm" in text
    if killed == 0:
        assert "keeps all of its cells" in text and "smaller" not in text
        return
    said_killed = re.search(r"Killing (\d+(?:\.\d+)?)% of", text)
    assert said_killed and float(said_killed.group(1)) == killed
    left = re.search(rf"leaves ({_COUNT})\.", text)
    assert left and close_in_two_figures(count_of(left.group(1)), state.end_cells)
    # "Only" and "a little" for a shrink short of a partial response (30% smaller across),
    # never for a big one.
    small_words = "only" in text or "a little" in text
    assert small_words == (shrink_percent < 30), text
    assert ("partial response (30% or more" in text) == (shrink_percent >= 30)


def test_only_is_never_used_from_two_thirds_killed_on():
    # The case, and every larger kill: 66% killed is 30.2% smaller.
    for killed in (66, 75, 90, 99, 99.9):
        state = cell_size.compute(cell_size.CellSizeValues(killed_percent=killed))
        assert "only" not in cell_size_words.caption(state)
        assert "a little" not in cell_size_words.caption(state)


# -- lesson 05: doses, delays and dose intensity --------------------------------------

DOSE_CASES = list(itertools.product(
    (FRACTION_KILLED_CHOICES[0], 0.9, FRACTION_KILLED_CHOICES[-1]),
    (DOUBLING_TIME_CHOICES_DAYS[0], DOUBLING_TIME_CHOICES_DAYS[-1]),
    (dose_intensity.CYCLE_LENGTH_CHOICES_DAYS[0], dose_intensity.CYCLE_LENGTH_CHOICES_DAYS[-1]),
    (dose_intensity.CHANGED_CYCLE_CHOICES[0], dose_intensity.CHANGED_CYCLE_CHOICES[-1]),
    dose_intensity.DELAY_RANGE_DAYS,
    dose_intensity.DELAYS_REPEAT_CHOICES,
    dose_intensity.DOSE_CUT_RANGE_PERCENT,
)) + [
    # The smallest steps: a one-day delay, a 5% cut.
    (0.9, 21, 21, 3, 1, False, 5),
    (0.9, 21, 21, 2, 1, True, 5),
]


@cache
def _dose_state(case):
    kill, doubling, length, changed, delay, repeats, cut = case
    return dose_intensity.compute(dose_intensity.DoseIntensityValues(
        fraction_killed_per_dose=kill, doubling_time_days=doubling, cycle_length_days=length,
        changed_cycle=changed, delay_days=delay, delays_repeat=repeats,
        dose_cut_percent=cut))


@pytest.mark.parametrize("case", DOSE_CASES)
def test_dose_intensity_words_at_the_edges(case):
    state = _dose_state(case)
    schedule, plan = state.schedule, state.planned_schedule
    text = check_plain(dose_words.caption(state))
    alt = check_plain(dose_words.alt_text(state))
    rdi = re.search(r"Relative dose intensity: (\d+)% of the plan", text)
    assert rdi and percent_matches(rdi.group(1), 100 * state.relative_dose_intensity)
    # How many doses, how many cut, and to what: read back from the words.
    fractions = schedule.dose_fractions
    reduced = [f for f in fractions if f < 1]
    if not reduced:
        assert f"(all {len(fractions)} doses in full," in text
    else:
        said = re.search(r"\((\d+) doses, the last (one|\d+) at (\d+)% of a full dose: "
                         r"([\d.]+) full doses' worth of the (\d+) planned,", text)
        assert said, text
        assert int(said.group(1)) == len(fractions)
        assert (1 if said.group(2) == "one" else int(said.group(2))) == len(reduced)
        assert float(said.group(3)) == pytest.approx(100 * reduced[0])
        assert float(said.group(4)) == pytest.approx(schedule.delivered_total_dose)
        assert int(said.group(5)) == plan.cycles
        assert "5 of 6" not in text
    # The days reported are each line's last day on the chart.
    if state.as_planned:
        assert f"(day {schedule.end_day})" in text
    elif plan.end_day == schedule.end_day:
        assert f"At the end of the course (day {schedule.end_day})" in text
    else:
        assert (f"(day {plan.end_day} as planned, day {schedule.end_day} as given)") in text
    assert state.given_days[-1] == schedule.end_day
    assert state.planned_days[-1] == plan.end_day
    # Pauses: number and length agree with the schedule; "grew back" only after a kill.
    delays = [d for d in schedule.delays_days if d > 0]
    if not delays:
        assert "pause" not in text
    elif len(delays) == 1:
        assert f"the {delays[0]}-day pause before cycle {state.paused_cycles[0]}" in text
    else:
        day_word = "day" if delays[0] == 1 else "days"
        assert f"the first of {len(delays)} pauses ({delays[0]} {day_word} each)" in text
    if state.values.fraction_killed_per_dose == 0:
        assert "grew back" not in text
    # The comparison at the end is true of the two end counts.
    planned_end, given_end = state.course_end_cells
    ratio = re.search(r": (\d[\d,]*(?:\.\d)?) times as many\.$", text)
    if ratio:
        said = float(ratio.group(1).replace(",", ""))
        assert abs(said - given_end / planned_end) <= (0.05 if said < 10 else 0.5)
    if text.endswith("about the same number."):
        assert abs(given_end / planned_end - 1) < 0.05
    fewer = re.search(r": (\d+)% fewer\.$", text)
    if fewer:
        assert percent_matches(fewer.group(1), 100 * (1 - given_end / planned_end))
    # Counts said at the ends are the state's.
    for words, true in ((re.search(rf"plan leaves ({_COUNT}) cancer cells", text), planned_end),
                        (re.search(rf"as given leaves ({_COUNT}) (?:cancer )?cells?", text),
                         given_end)):
        if words:
            assert close_in_two_figures(count_of(words.group(1)), true)
    assert f"over {schedule.end_day} days" in alt


# -- lesson 02: sensitive and resistant cells -----------------------------------------

RESISTANCE_CASES = list(itertools.product(
    (RESISTANT_SHARE_CHOICES[0], RESISTANT_SHARE_CHOICES[-1]),
    (FRACTION_KILLED_CHOICES[0], FRACTION_KILLED_CHOICES[-1]),
    (DOUBLING_TIME_CHOICES_DAYS[0], DOUBLING_TIME_CHOICES_DAYS[-1]),
    (DOUBLING_TIME_CHOICES_DAYS[0], DOUBLING_TIME_CHOICES_DAYS[-1]),
    resistance.FITNESS_COST_RANGE_PERCENT,
    resistance.CYCLES_RANGE,
)) + [(1e-4, 0.9, 30, 30, 10, 6)]  # the defaults


@pytest.mark.parametrize("case", RESISTANCE_CASES)
def test_resistance_words_at_the_edges(case):
    share, kill, sensitive, resistant, cost, cycles = case
    state = resistance.compute(resistance.ResistanceValues(
        resistant_share=share, fraction_killed_per_dose=kill,
        sensitive_doubling_time_days=sensitive, resistant_doubling_time_days=resistant,
        fitness_cost_percent=cost, cycles=cycles))
    text = check_plain(resistance_words.caption(state))
    alt = check_plain(resistance_words.alt_text(state))
    # The day reported is the chart's last day (the end of the last cycle).
    cycle_word = "cycle" if cycles == 1 else "cycles"
    assert text.startswith(f"After {cycles} {cycle_word} (day {state.horizon_days})")
    assert state.days[-1] == state.horizon_days
    amount = re.search(rf"holds ({_COUNT}) cells, ", text)
    assert amount and close_in_two_figures(count_of(amount.group(1)), state.end_cells)
    change = state.end_cells / state.start_cells - 1
    fewer = re.search(r"cells, (\d+(?:\.\d+)?)% fewer than at the start", text)
    more = re.search(r"cells, (\d+(?:\.\d+)?)% more than at the start", text)
    if fewer:
        assert percent_matches(fewer.group(1), -100 * change)
    elif more:
        assert percent_matches(more.group(1), 100 * change)
    else:
        times = re.search(r"about ([\d,.]+) times as many as at the start", text)
        assert times and abs(float(times.group(1).replace(",", "")) - (change + 1)) <= 0.5
    # The share at the end, read back: "1 in N cells is resistant" within two figures.
    one_in = re.search(r"; 1 in ([\d,]+) cells is resistant", text)
    if one_in:
        n = float(one_in.group(1).replace(",", ""))
        assert abs(n * state.end_share - 1) <= 0.06 or (n < 20 and round(1 / state.end_share) == n)
    if "every cell is resistant" in text and "almost" not in text:
        assert state.end_share == 1.0
    diameter = re.search(r"(?:Diameter|measure it at) about (\d+(?:\.\d)?) mm", text)
    assert diameter and percent_matches(diameter.group(1), state.end_diameter_mm)
    assert f"over {state.horizon_days} days" in alt


# -- the readers above, checked by hand --------------------------------------------------

def test_the_readers_read_what_they_should():
    assert count_of("about 69 billion") == pytest.approx(6.9e10)
    assert count_of("640,000") == 6.4e5 and count_of("no cells left") == 0
    assert days_of("about 2 and a half years") == pytest.approx((913.125, 182.625))
    assert days_of("9 weeks") == (63.0, 7.0)
    assert days_of("1 day") == (1.0, 1.0)
    assert close_in_two_figures(6.9e10, 6.86e10) and not close_in_two_figures(7e10, 6.5e10)
    assert percent_matches("21", 20.6) and not percent_matches("21", 20.4)
    assert percent_matches("99.9", 99.94) and not percent_matches("99.9", 99.96)
    with pytest.raises(AssertionError):
        check_plain("Killing 50% leaves 1 cells.")
    with pytest.raises(AssertionError):
        check_plain("The tumour holds no cells left cancer cells.")
    with pytest.raises(AssertionError):
        check_plain("Growth of -3% over 2 day.")
    with pytest.raises(AssertionError):
        check_plain("A ratio of nan.")
    assert check_plain("After <b>1 cycle</b> (day 21) the tumour holds 2 cells.") == \
        "After 1 cycle (day 21) the tumour holds 2 cells."
    assert math.isclose(count_of("about 1.1 billion"), 1.1e9)
