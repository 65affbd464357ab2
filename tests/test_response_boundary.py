"""The boundary agrees everywhere: lesson 02's restaging scans and lesson 04's scan
assessment read the same sums the same way, at and just inside each boundary.

The rule (clinic.response, inclusive): partial response at 30% or more below the
baseline sum; progression at 20% or more *and* 5 mm or more above the smallest sum so
far; after a partial response, scans stay "partial response" until progression.

Lesson 02 reads one sphere's diameter at each cycle end (``restaging_categories``,
``faded_day``); lesson 04 reads scans of lesions (``clinic.response.assess``). Here both
get the same hand-built sums: lesson 04 as scans of one visible lesion measuring the sum.
"""

from __future__ import annotations

import pytest

from helpers.clinic.response import assess
from helpers.clinic.scans import LesionReading, ScanReading
from helpers.lessons.resistance import faded_day, restaging_categories

# (name, sums in mm, the categories worked by hand)
CASES = [
    # 50 -> 25: 50% smaller, PR. 30 against the smallest 25: 5 mm and 5/25 = 20% larger,
    # both exactly at the line: progression.
    ("exactly +20% and +5 mm", (50, 25, 30), ("BL", "PR", "PD")),
    # 80 -> 42: 47.5% smaller, PR. 50.4 against 42: 8.4 mm, and 8.4/42 is 20% but comes
    # out 0.19999999999999996 in floating point: still progression.
    ("+20% by float dust, +8.4 mm", (80, 42, 50.4), ("BL", "PR", "PD")),
    # 40 -> 21: 47.5% smaller, PR. 25.2 against 21 is 20% (float dust again) but only
    # 4.2 mm: not progression, and the partial response holds.
    ("+20% by float dust, only +4.2 mm", (40, 21, 25.2), ("BL", "PR", "PR")),
    # 100 -> 50: PR. 60 against 50: exactly 20%, 10 mm: progression.
    ("exactly +20%, +10 mm", (100, 50, 60), ("BL", "PR", "PD")),
    # 100 -> 50: PR. 59.95 against 50: 19.9%, 9.95 mm: just short, PR holds.
    ("+19.9%, +9.95 mm", (100, 50, 59.95), ("BL", "PR", "PR")),
    # 30 -> 10: 67% smaller, PR. 15 against 10: exactly 5 mm, 50%: progression.
    ("exactly +5 mm, +50%", (30, 10, 15), ("BL", "PR", "PD")),
    # 30 -> 10: PR. 14.9 against 10: 4.9 mm, 49%: just short, PR holds.
    ("+4.9 mm, +49%", (30, 10, 14.9), ("BL", "PR", "PR")),
    # 50 -> 35: exactly 30% smaller: partial response.
    ("exactly -30%", (50, 35), ("BL", "PR")),
    # 60 -> 42: 18/60 = exactly 30% smaller: partial response.
    ("exactly -30%, 60 -> 42", (60, 42), ("BL", "PR")),
    # 50 -> 35.05: 29.9% smaller: stable.
    ("-29.9%", (50, 35.05), ("BL", "SD")),
    # 50 -> 48: 4% smaller, stable. 57.6 against 48: 9.6 mm and 20%: progression, but
    # with no response before it, nothing "faded".
    ("+20% with no response first", (50, 48, 57.6), ("BL", "SD", "PD")),
    # 50 -> 35 (exactly 30% smaller, PR) -> 30 (PR) -> 36: 6 mm and 20% above the
    # smallest 30, progression. Then 35 against 30: 5 mm but only 16.7%, not
    # progression; after a progression the earlier response no longer holds, but 35 is
    # exactly 30% below 50 itself: partial response.
    ("progression then back", (50, 35, 30, 36, 35), ("BL", "PR", "PR", "PD", "PR")),
]


def scans_of(sums: tuple[float, ...]) -> list[ScanReading]:
    """Lesson 04's input: one visible lesion measuring each sum, a scan every 21 days."""
    return [ScanReading(day=21 * k,
                        lesions=(LesionReading(name="A", measured_mm=float(total),
                                               true_mm=float(total), visible=True,
                                               new=False),),
                        detection_limit_mm=5.0)
            for k, total in enumerate(sums)]


def faded_index_of(categories: tuple[str, ...]) -> int | None:
    """The first progression after a response, read off a category list."""
    responded = False
    for index, category in enumerate(categories):
        if category in ("PR", "CR"):
            responded = True
        elif category == "PD" and responded:
            return index
    return None


@pytest.mark.parametrize(("name", "sums", "expected"), CASES, ids=[c[0] for c in CASES])
def test_lessons_02_and_04_read_the_same_categories(name, sums, expected):
    lesson_02 = restaging_categories(sums)
    lesson_04 = tuple(a.category for a in assess(scans_of(sums)))
    assert lesson_02 == lesson_04 == expected


@pytest.mark.parametrize(("name", "sums", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_faded_day_is_lesson_04s_first_progression_after_a_response(name, sums,
                                                                        expected):
    days = tuple(21 * k for k in range(len(sums)))
    index = faded_index_of(tuple(a.category for a in assess(scans_of(sums))))
    # The last dose long after every scan, so only the rule decides.
    day = faded_day(days, sums, last_dose_day=1000)
    assert day == (None if index is None else float(days[index]))
    assert (day is not None) == (name in {
        "exactly +20% and +5 mm", "+20% by float dust, +8.4 mm", "exactly +20%, +10 mm",
        "exactly +5 mm, +50%", "progression then back"})


def test_the_boundaries_themselves():
    # At exactly +20% and +5 mm: progression; at exactly -30%: partial response.
    assert restaging_categories((50, 25, 30))[-1] == "PD"
    assert restaging_categories((50, 35))[-1] == "PR"
    assert assess(scans_of((50, 25, 30)))[-1].category == "PD"
    assert assess(scans_of((50, 35)))[-1].category == "PR"
