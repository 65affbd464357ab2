"""Lesson 06, sort the common worries: the learner's picks in, a verdict for each out.

The learner puts each worry of the article's table (``scenarios.worries.WORRIES``) in
one of three piles (``SORTS``): "often a treatment side effect", "may point to growth"
or "depends". ``compute`` gives each pick a verdict against the lesson's sort:
"matches", "fair" (a fair reading, though not the clearest) or "not quite"; and counts
them. The words for each verdict are in ``words.worry_sort``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..checks import Record, check_instance
from ..scenarios.worries import SORTS, WORRIES, Worry
from .presets import check_offered

__all__ = ["SORTS", "WORRIES", "WorrySortValues", "SortedWorry", "WorrySortState", "compute"]

Verdict = Literal["not sorted", "matches", "fair", "not quite"]


@dataclass(frozen=True)
class WorrySortValues:
    """The learner's pile for each worry, in the order of ``WORRIES`` (None: not yet)."""

    picks: tuple[str | None, ...] = (None,) * len(WORRIES)

    def __post_init__(self) -> None:
        if not isinstance(self.picks, tuple) or len(self.picks) != len(WORRIES):
            raise ValueError(f"picks must be a tuple of {len(WORRIES)} piles (one per worry) "
                             f"or None; got {self.picks!r}")
        for index, pick in enumerate(self.picks):
            if pick is not None:
                check_offered(f"picks[{index}]", pick, SORTS)


@dataclass(frozen=True)
class SortedWorry(Record):
    """One worry and the learner's pick for it."""

    worry: Worry
    pick: str | None

    @property
    def verdict(self) -> Verdict:
        if self.pick is None:
            return "not sorted"
        if self.pick == self.worry.sort:
            return "matches"
        if self.pick in self.worry.also_fair:
            return "fair"
        return "not quite"


@dataclass(frozen=True)
class WorrySortState(Record):
    """Every worry with its pick and verdict, and the counts.

    Attributes:
        values: the picks.
        rows: one ``SortedWorry`` per worry, in the table's order.
    """

    values: WorrySortValues
    rows: tuple[SortedWorry, ...]

    @property
    def sorted_count(self) -> int:
        return sum(row.pick is not None for row in self.rows)

    @property
    def matched_count(self) -> int:
        return sum(row.verdict == "matches" for row in self.rows)

    @property
    def fair_count(self) -> int:
        return sum(row.verdict == "fair" for row in self.rows)

    @property
    def all_sorted(self) -> bool:
        return self.sorted_count == len(self.rows)


def compute(values: WorrySortValues) -> WorrySortState:
    """Each worry with the learner's pick and its verdict."""
    check_instance("values", values, WorrySortValues)
    return WorrySortState(values=values, rows=tuple(
        SortedWorry(worry, pick) for worry, pick in zip(WORRIES, values.picks, strict=True)))
