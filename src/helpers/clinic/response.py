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

from ..models._checks import check_number
from .scans import ScanReading

__all__ = [
    "CATEGORY_NAMES",
    "PARTIAL_RESPONSE_CHANGE",
    "PROGRESSION_CHANGE",
    "PROGRESSION_MIN_MM",
    "TOLERANCE",
    "Assessment",
    "categorize",
    "assess",
]

PARTIAL_RESPONSE_CHANGE = -0.30  # sum 30% or more below the baseline sum
PROGRESSION_CHANGE = 0.20  # sum 20% or more above the smallest sum so far ...
PROGRESSION_MIN_MM = 5.0  # ... and at least 5 mm larger than it
# Tolerance on fractions (1e-9 = 0.0000001 percentage points) and on mm.
TOLERANCE = 1e-9

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
    total = check_number("sum_mm", sum_mm, minimum=0.0)
    baseline = check_number("baseline_sum_mm", baseline_sum_mm, minimum=0.0)
    smallest = check_number("smallest_sum_mm", smallest_sum_mm, minimum=0.0)
    min_growth = check_number("min_growth_mm", min_growth_mm, minimum=0.0, maximum=100.0)
    if smallest > baseline + TOLERANCE:
        raise ValueError(f"smallest_sum_mm must be at most baseline_sum_mm={baseline:g}; "
                         f"got {smallest:g}")
    if new_lesion:
        return "PD"
    if baseline <= TOLERANCE:
        return "NE"
    growth_mm = total - smallest
    if smallest > TOLERANCE:
        grew_enough = _at_least(growth_mm / smallest, PROGRESSION_CHANGE)
    else:
        grew_enough = growth_mm > TOLERANCE  # from 0 mm, any growth is "20% or more"
    if grew_enough and _at_least(growth_mm, min_growth):
        return "PD"
    if total <= TOLERANCE:
        return "CR"
    if had_response or _at_most((total - baseline) / baseline, PARTIAL_RESPONSE_CHANGE):
        return "PR"
    return "SD"


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
        reason: why, in plain words.
    """

    day: int
    measured_mm: tuple[tuple[str, float], ...]
    sum_mm: float
    change_from_baseline: float | None
    smallest_before_mm: float | None
    change_from_smallest: float | None
    new_lesions: tuple[str, ...]
    category: str
    reason: str

    @property
    def category_name(self) -> str:
        return CATEGORY_NAMES[self.category]


def _reason(category: str, change_base: float | None, change_small: float | None,
            growth_mm: float | None, new: tuple[str, ...], held: bool) -> str:
    if category == "BL":
        return "Baseline: the sizes every later scan is compared with."
    if category == "NE":
        return "No lesion was measurable at baseline, so there is nothing to compare."
    if category == "PD" and new:
        return f"New lesion seen ({', '.join(new)}): that alone counts as progression."
    if category == "PD":
        pct = f"{100 * change_small:.0f}%" if change_small is not None else "from nothing"
        return (f"The sum is {pct} above the smallest so far and {growth_mm:.1f} mm larger "
                "(20% and 5 mm or more).")
    if category == "CR":
        return "Every target lesion is gone and nothing new is seen."
    if category == "PR" and held:
        return ("A partial response was reached earlier; without progression the "
                "category stays partial response.")
    if category == "PR":
        return f"The sum is {100 * -change_base:.0f}% below baseline (30% or more)."
    return "Neither 30% smaller than baseline nor 20% and 5 mm above the smallest sum."


def assess(scans: Sequence[ScanReading]) -> tuple[Assessment, ...]:
    """Categorise a series of scans; the first one is the baseline."""
    if isinstance(scans, str) or not isinstance(scans, Sequence) or not scans:
        raise ValueError(f"scans must be a non-empty list of ScanReading; got {scans!r}")
    for i, scan in enumerate(scans):
        if not isinstance(scan, ScanReading):
            raise ValueError(f"scans[{i}] must be a ScanReading; got {scan!r}")
    baseline_scan = scans[0]
    targets = baseline_scan.visible_names

    def sum_of(scan: ScanReading) -> tuple[tuple[tuple[str, float], ...], float]:
        measured = tuple((name, scan.measured(name) or 0.0) for name in targets)
        return measured, float(sum(mm for _, mm in measured))

    measured, baseline_sum = sum_of(baseline_scan)
    out = [Assessment(day=baseline_scan.day, measured_mm=measured, sum_mm=baseline_sum,
                      change_from_baseline=None, smallest_before_mm=None,
                      change_from_smallest=None, new_lesions=(), category="BL",
                      reason=_reason("BL", None, None, None, (), False))]
    smallest = baseline_sum
    had_response = False
    for scan in scans[1:]:
        measured, total = sum_of(scan)
        new = tuple(name for name in scan.visible_names if name not in targets)
        category = categorize(total, baseline_sum, smallest, new_lesion=bool(new),
                              had_response=had_response)
        change_base = (total - baseline_sum) / baseline_sum if baseline_sum > 0 else None
        change_small = (total - smallest) / smallest if smallest > 0 else None
        held = (category == "PR" and had_response and change_base is not None
                and not _at_most(change_base, PARTIAL_RESPONSE_CHANGE))
        out.append(Assessment(
            day=scan.day, measured_mm=measured, sum_mm=total,
            change_from_baseline=change_base, smallest_before_mm=smallest,
            change_from_smallest=change_small, new_lesions=new, category=category,
            reason=_reason(category, change_base, change_small, total - smallest, new, held)))
        # After progression the "partial response persists" rule no longer applies.
        had_response = category != "PD" and (had_response or category in ("PR", "CR"))
        smallest = min(smallest, total)
    return tuple(out)
