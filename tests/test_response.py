"""Response categories (teaching RECIST 1.1): hand-worked boundary cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.clinic.response import assess, categorize
from helpers.clinic.scans import LesionReading, ScanReading


def test_float_dust_at_20_percent_still_counts():
    # 100 * (25.2 - 21) / 21 is 19.999999999999996 in floating point; it is 20%.
    assert 100 * (25.2 - 21) / 21 < 20
    assert categorize(25.2, 21, 21, min_growth_mm=0) == "PD"
    # With the 5 mm rule it is not progression: 25.2 - 21 = 4.2 mm < 5 mm.
    assert categorize(25.2, 21, 21) == "SD"


def test_progression_at_exactly_20_percent_and_more_than_5_mm():
    # Smallest 26.0, now 31.2: +5.2 mm, (31.2 - 26) / 26 = 0.19999999999999998 in floats.
    assert (31.2 - 26.0) / 26.0 < 0.2
    assert categorize(31.2, 30.0, 26.0) == "PD"
    # 31.1 mm: +19.6%: not progression (and -3.7% from baseline: stable).
    assert categorize(31.1, 30.0, 26.0) == "SD"


def test_5_mm_rule():
    # Smallest 10 mm: 14.9 mm is +49% but only 4.9 mm larger: stable; 15.0 is PD.
    assert categorize(14.9, 10.0, 10.0) == "SD"
    assert categorize(15.0, 10.0, 10.0) == "PD"


def test_partial_response_at_exactly_30_percent():
    # Baseline 46.0, now 32.2: (32.2 - 46) / 46 = -0.29999999999999993 in floats: 30%.
    assert (32.2 - 46.0) / 46.0 > -0.3
    assert categorize(32.2, 46.0, 46.0) == "PR"
    # 32.3 mm is 29.8% smaller: stable.
    assert categorize(32.3, 46.0, 46.0) == "SD"


def test_complete_response_new_lesion_and_not_assessable():
    assert categorize(0.0, 40.0, 20.0) == "CR"
    # A new lesion is progression even while the sum shrinks.
    assert categorize(10.0, 40.0, 20.0, new_lesion=True) == "PD"
    # Nothing to measure at baseline and nothing new: not assessable.
    assert categorize(0.0, 0.0, 0.0) == "NE"


def test_partial_response_persists_unless_progression():
    # Baseline 50, smallest 30 (a PR). Now 33: -34% -> PR anyway. Now 40: only -20%
    # from baseline, +33% but... 40 - 30 = 10 mm and +33%: progression.
    assert categorize(33.0, 50.0, 30.0, had_response=True) == "PR"
    assert categorize(40.0, 50.0, 30.0, had_response=True) == "PD"
    # Now 35.9: -28% from baseline (not 30%), +19.7% from 30: still PR, not SD.
    assert categorize(35.9, 50.0, 30.0, had_response=True) == "PR"
    assert categorize(35.9, 50.0, 30.0, had_response=False) == "SD"


def test_after_a_complete_response_reappearance_of_5_mm_is_progression():
    # Smallest 0 (all gone). A lesion back at 5 mm: +5 mm from nothing: PD.
    assert categorize(5.0, 40.0, 0.0, had_response=True) == "PD"
    assert categorize(4.0, 40.0, 0.0, had_response=True) == "PR"


def _scan(day, **measured):
    """A scan from name=mm (0 = not seen)."""
    return ScanReading(day=day, detection_limit_mm=5.0, lesions=tuple(
        LesionReading(name=n, measured_mm=mm, true_mm=mm, visible=mm > 0, new=False)
        for n, mm in measured.items()))


def test_assess_a_series_by_hand():
    scans = [
        _scan(0, A=30.0, B=20.0, C=0.0),    # baseline sum 50; C not seen
        _scan(63, A=20.0, B=14.0, C=0.0),   # 34: -32% -> PR
        _scan(126, A=18.0, B=20.0, C=0.0),  # 38: -24% from baseline, +11.8% from 34: PR held
        _scan(189, A=20.0, B=22.0, C=0.0),  # 42: +23.5% and +8 mm from 34 -> PD
        _scan(252, A=12.0, B=10.0, C=6.0),  # C is new -> PD
    ]
    result = assess(scans)
    assert [a.category for a in result] == ["BL", "PR", "PR", "PD", "PD"]
    assert [a.sum_mm for a in result] == [50, 34, 38, 42, 22]
    assert result[1].change_from_baseline == pytest.approx(-0.32)
    assert result[2].smallest_before_mm == 34
    assert result[2].change_from_smallest == pytest.approx(4 / 34)
    assert result[3].change_from_smallest == pytest.approx(8 / 34)
    assert result[4].new_lesions == ("C",)
    # The reasons in words (result[4], result[2]): tests/test_words_response.py.


def test_a_target_that_disappears_counts_zero():
    # Baseline 30 + 10 = 40. Then A 25 and B gone: sum 25, 25 / 40 - 1 = -37.5%: PR.
    result = assess([_scan(0, A=30.0, B=10.0), _scan(63, A=25.0, B=0.0)])
    assert result[1].sum_mm == 25 and result[1].measured_mm == (("A", 25.0), ("B", 0.0))
    assert result[1].change_from_baseline == pytest.approx(-0.375)
    assert result[1].category == "PR"


def test_bad_inputs_name_the_parameter():
    with pytest.raises(ValueError, match="smallest_sum_mm must be at most"):
        categorize(10, 20, 30)
    with pytest.raises(ValueError, match="sum_mm"):
        categorize(-1, 20, 10)
    with pytest.raises(ValueError, match="scans must be a non-empty list"):
        assess([])


@given(sums=st.lists(st.floats(0, 200), min_size=2, max_size=8))
def test_categories_follow_the_rules_for_any_series(sums):
    scans = [_scan(63 * i, A=s if s >= 5 else 0.0) for i, s in enumerate(sums)]
    result = assess(scans)
    baseline = result[0].sum_mm
    smallest = baseline
    for a in result[1:]:
        if baseline == 0:
            # No targets: only a lesion appearing (a new lesion) can be judged.
            assert a.category == ("PD" if a.new_lesions else "NE")
            continue
        if a.category == "PD":
            assert a.sum_mm - smallest >= 5 - 1e-9
        if a.category == "CR":
            assert a.sum_mm == 0
        if a.sum_mm <= 0.7 * baseline - 1e-6 and a.sum_mm - smallest < 5:
            assert a.category in ("PR", "CR")
        smallest = min(smallest, a.sum_mm)
