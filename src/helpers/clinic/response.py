"""Response categories: a teaching version of RECIST 1.1.

Units: mm; changes as fractions (-0.3 = 30% smaller).

RECIST (Response Evaluation Criteria in Solid Tumours) is the rule book
trials use to sort scan results into categories (Eisenhauer EA et al., "New
response evaluation criteria in solid tumours: revised RECIST guideline
(version 1.1)", Eur J Cancer 2009;45(2):228-247). The teaching version here:

- The *target lesions* are the lesions seen on the baseline scan. Their
  diameters are added up: the *sum*. A target no longer seen counts 0 mm.
- **Complete response**: every target lesion is gone, and no new lesion.
- **Partial response**: the sum is 30% or more below the baseline sum.
- **Progression**: the sum is 20% or more above the smallest sum so far
  (baseline included) *and* at least 5 mm larger than it, or any new lesion
  is seen.
- **Stable disease**: none of these.
- Once a partial response has been reached, later scans stay "partial
  response" unless progression criteria are met.

Comparisons use a small tolerance: 100 x (25.2 - 21) / 21 is
19.999999999999996 in floating point, and must count as 20%.

Real assessment has more rules: at most 5 target lesions (2 per organ), a
minimum size of 10 mm for a target, lymph nodes measured across their short
axis, non-target lesions, confirmation of responses in some trials,
"unequivocal" progression of non-target disease, and (for immunotherapy)
separate rules. This is a teaching model, not a tool to read real scans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..checks import (
    DAY_RANGE,
    check_choice,
    check_fields,
    check_flag,
    check_items,
    check_number,
    check_sequence,
)
from .scans import ScanReading

__all__ = [
    "CATEGORY_NAMES",
    "PARTIAL_RESPONSE_CHANGE",
    "PROGRESSION_CHANGE",
    "PROGRESSION_MIN_MM",
    "TOLERANCE",
    "MAX_SUM_MM",
    "Assessment",
    "is_partial_response",
    "is_progression",
    "partial_response_level_mm",
    "progression_level_mm",
    "categorize",
    "categorize_sums",
    "first_faded_index",
    "assess",
]

PARTIAL_RESPONSE_CHANGE = -0.30  # sum 30% or more below the baseline sum
PROGRESSION_CHANGE = 0.20  # sum 20% or more above the smallest sum so far ...
PROGRESSION_MIN_MM = 5.0  # ... and at least 5 mm larger than it
# Tolerance on fractions (1e-9 = 0.0000001 percentage points) and on mm.
TOLERANCE = 1e-9
#: The largest sum of target lesions (mm) the rule is asked about: ten lesions of
#: 1 m would be far past any real case; beyond it numbers stop meaning anything.
MAX_SUM_MM = 10_000.0
# A change (a fraction of a sum) can be large when the earlier sum was tiny.
_MAX_CHANGE = 1e6

CATEGORY_NAMES: dict[str, str] = {
    "BL": "Baseline",
    "CR": "Complete response",
    "PR": "Partial response",
    "SD": "Stable disease",
    "PD": "Progression",
    "NE": "Not assessable",
}


def _at_least(value: float, threshold: float) -> bool:
    return value >= threshold - TOLERANCE


def _at_most(value: float, threshold: float) -> bool:
    return value <= threshold + TOLERANCE


# -- the rule: its only home. Lessons and figures ask these functions. ---------
# The boundary is inclusive everywhere: exactly 30% smaller is a partial
# response; exactly 20% *and* exactly 5 mm larger is progression (RECIST 1.1
# says "at least").


def is_partial_response(sum_mm: float, baseline_sum_mm: float) -> bool:
    """True when ``sum_mm`` is 30% or more below ``baseline_sum_mm`` (mm, > 0)."""
    total = check_number("sum_mm", sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    baseline = check_number("baseline_sum_mm", baseline_sum_mm, minimum=0.0,
                            maximum=MAX_SUM_MM, min_inclusive=False)
    return _at_most((total - baseline) / baseline, PARTIAL_RESPONSE_CHANGE)


def is_progression(sum_mm: float, smallest_sum_mm: float, *,
                   min_growth_mm: float = PROGRESSION_MIN_MM) -> bool:
    """True when ``sum_mm`` is 20% or more above ``smallest_sum_mm`` and 5 mm or more larger.

    From a smallest sum of 0 mm, any growth of at least ``min_growth_mm`` counts
    (any growth is "20% or more" of nothing). New lesions are judged apart
    (see ``categorize``).
    """
    total = check_number("sum_mm", sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    smallest = check_number("smallest_sum_mm", smallest_sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    min_growth = check_number("min_growth_mm", min_growth_mm, minimum=0.0, maximum=100.0)
    growth_mm = total - smallest
    if smallest > TOLERANCE:
        grew_enough = _at_least(growth_mm / smallest, PROGRESSION_CHANGE)
    else:
        grew_enough = growth_mm > TOLERANCE
    return grew_enough and _at_least(growth_mm, min_growth)


def partial_response_level_mm(baseline_sum_mm: float) -> float:
    """The sum (mm) at and below which a scan reads partial response: 70% of baseline."""
    baseline = check_number("baseline_sum_mm", baseline_sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    return baseline * (1.0 + PARTIAL_RESPONSE_CHANGE)


def progression_level_mm(smallest_sum_mm: float) -> float:
    """The sum (mm) at and above which a scan reads progression: 20% and 5 mm above the smallest."""
    smallest = check_number("smallest_sum_mm", smallest_sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    return max(smallest * (1.0 + PROGRESSION_CHANGE), smallest + PROGRESSION_MIN_MM)


def categorize(sum_mm: float, baseline_sum_mm: float, smallest_sum_mm: float, *,
               new_lesion: bool = False, had_response: bool = False,
               min_growth_mm: float = PROGRESSION_MIN_MM) -> str:
    """The category code ("CR", "PR", "SD", "PD" or "NE") of one follow-up scan.

    Args:
        sum_mm: sum of the target lesions' diameters on this scan.
        baseline_sum_mm: the sum on the baseline scan.
        smallest_sum_mm: the smallest sum on any earlier scan (baseline included).
        new_lesion: a lesion not seen at baseline is seen now.
        had_response: an earlier scan was a partial or complete response.
        min_growth_mm: the absolute growth progression also needs (5 mm).

    With no target lesions at baseline (sum 0), only a new lesion can be
    judged ("PD"); otherwise the scan is "NE" (not assessable).
    """
    total = check_number("sum_mm", sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    baseline = check_number("baseline_sum_mm", baseline_sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    smallest = check_number("smallest_sum_mm", smallest_sum_mm, minimum=0.0, maximum=MAX_SUM_MM)
    min_growth = check_number("min_growth_mm", min_growth_mm, minimum=0.0, maximum=100.0)
    if smallest > baseline + TOLERANCE:
        raise ValueError(f"smallest_sum_mm must be at most baseline_sum_mm={baseline:g}; "
                         f"got {smallest:g}")
    check_flag("new_lesion", new_lesion)
    check_flag("had_response", had_response)
    if new_lesion:
        return "PD"
    if baseline <= TOLERANCE:
        return "NE"
    if is_progression(total, smallest, min_growth_mm=min_growth):
        return "PD"
    if total <= TOLERANCE:
        return "CR"
    if had_response or is_partial_response(total, baseline):
        return "PR"
    return "SD"


def _walk(sums_mm: Sequence[float], new_lesions: Sequence[bool]):
    """Yield (category, smallest sum before this scan, held) for each follow-up scan.

    ``held`` is True where the scan reads partial response only because an
    earlier scan did (RECIST's "a partial response persists" reading).
    """
    baseline = sums_mm[0]
    smallest = baseline
    had_response = False
    for total, new in zip(sums_mm[1:], new_lesions[1:], strict=True):
        category = categorize(total, baseline, smallest, new_lesion=bool(new),
                              had_response=had_response)
        held = (category == "PR" and had_response and baseline > 0
                and not is_partial_response(total, baseline))
        yield category, smallest, held
        # After progression the "partial response persists" rule no longer applies.
        had_response = category != "PD" and (had_response or category in ("PR", "CR"))
        smallest = min(smallest, total)


def _check_sums(sums_mm: Sequence[float]) -> tuple[float, ...]:
    items = check_sequence("sums_mm", sums_mm)
    if not items:
        raise ValueError("sums_mm must hold at least 1 sum (the baseline); got none")
    return tuple(check_number(f"sums_mm[{i}]", v, minimum=0.0, maximum=MAX_SUM_MM)
                 for i, v in enumerate(items))


def categorize_sums(sums_mm: Sequence[float]) -> tuple[str, ...]:
    """Category codes of a series of sums (mm); the first is the baseline ("BL").

    The same walk ``assess`` makes over scans, for a series with no new
    lesions: lesson 02 reads its restaging scans with it.
    """
    sums = _check_sums(sums_mm)
    return ("BL", *(c for c, _, _ in _walk(sums, (False,) * len(sums))))


def first_faded_index(sums_mm: Sequence[float]) -> int | None:
    """Index of the first scan that reads progression after a response, or None.

    "The response faded": an earlier scan read partial (or complete) response,
    and this one reads progression by the same rule as every other scan.
    """
    responded = False
    for index, category in enumerate(categorize_sums(sums_mm)):
        if category in ("PR", "CR"):
            responded = True
        elif category == "PD" and responded:
            return index
    return None


@dataclass(frozen=True)
class Assessment:
    """One scan, read against the earlier ones.

    Attributes:
        day: scan day.
        measured_mm: target lesion name -> measured diameter (0 if not seen).
        sum_mm: sum of the target lesions.
        change_from_baseline: (sum - baseline sum) / baseline sum, or None.
        smallest_before_mm: smallest sum on an earlier scan (None at baseline).
        change_from_smallest: (sum - smallest) / smallest, or None when
            there is no earlier scan or the smallest is 0.
        new_lesions: names of lesions seen now but not at baseline.
        category: a code of ``CATEGORY_NAMES``.
        held: True when the scan reads partial response only because an
            earlier scan did (it is not itself 30% below baseline).

    Why, in plain words, is the words layer's job (``words.response``).
    """

    day: int
    measured_mm: tuple[tuple[str, float], ...]
    sum_mm: float
    change_from_baseline: float | None
    smallest_before_mm: float | None
    change_from_smallest: float | None
    new_lesions: tuple[str, ...]
    category: str
    held: bool = False

    def __post_init__(self) -> None:
        check_fields(
            self,
            [("sum_mm", 0.0, MAX_SUM_MM), ("change_from_baseline", -1.0, _MAX_CHANGE),
             ("smallest_before_mm", 0.0, MAX_SUM_MM), ("change_from_smallest", -1.0, _MAX_CHANGE)],
            whole=[("day", int(DAY_RANGE[0]), int(DAY_RANGE[1]))],
            flags=["held"],
            optional=["change_from_baseline", "smallest_before_mm", "change_from_smallest"])
        pairs = check_sequence("measured_mm", self.measured_mm)
        object.__setattr__(self, "measured_mm", tuple(
            (str(name), check_number(f"measured_mm[{name!r}]", mm, minimum=0.0,
                                     maximum=MAX_SUM_MM)) for name, mm in pairs))
        object.__setattr__(self, "new_lesions",
                           tuple(check_sequence("new_lesions", self.new_lesions)))
        check_choice("category", self.category, tuple(CATEGORY_NAMES))

    @property
    def category_name(self) -> str:
        return CATEGORY_NAMES[self.category]


def assess(scans: Sequence[ScanReading]) -> tuple[Assessment, ...]:
    """Categorise a series of scans; the first one is the baseline."""
    scans = check_items("scans", scans, ScanReading, minimum=1)
    targets = scans[0].visible_names
    measured = [tuple((name, scan.measured(name) or 0.0) for name in targets) for scan in scans]
    sums = [float(sum(mm for _, mm in m)) for m in measured]
    new = [tuple(name for name in scan.visible_names if name not in targets) for scan in scans]
    baseline_sum = sums[0]
    out = [Assessment(day=scans[0].day, measured_mm=measured[0], sum_mm=baseline_sum,
                      change_from_baseline=None, smallest_before_mm=None,
                      change_from_smallest=None, new_lesions=(), category="BL")]
    walk = _walk(sums, [bool(n) for n in new])
    for k, (category, smallest, held) in enumerate(walk, start=1):
        total = sums[k]
        change_base = (total - baseline_sum) / baseline_sum if baseline_sum > 0 else None
        change_small = (total - smallest) / smallest if smallest > 0 else None
        out.append(Assessment(
            day=scans[k].day, measured_mm=measured[k], sum_mm=total,
            change_from_baseline=change_base, smallest_before_mm=smallest,
            change_from_smallest=change_small, new_lesions=new[k], category=category,
            held=held))
    return tuple(out)
