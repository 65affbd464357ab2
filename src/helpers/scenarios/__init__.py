"""Named teaching scenarios: one per row of the article's "What you may see" table.

Each scenario is a documented parameter set plus the pattern it claims to
show; tests run every scenario through the models and check that claim.

- ``treatment``: scenarios that need only cells and doses (lessons 02, 05).
- ``imaging``: scenarios that need lesions and scans (lessons 03, 04).

``SCENARIOS`` merges them by name; lessons load them by name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache


@cache
def _merged() -> dict[str, object]:
    # Imported on first use, not with the package: every lesson imports a small module
    # of this package (teaching_values, worries, ...), yet each needs at most one of the
    # imaging and treatment scenarios (lessons 00, 01 and 08 neither), and those bring in
    # the clinic and the lesion models (issue 15, item 7).
    from .imaging import IMAGING_SCENARIOS
    from .treatment import TREATMENT_SCENARIOS

    return {**TREATMENT_SCENARIOS, **IMAGING_SCENARIOS}


class _Scenarios(Mapping[str, object]):
    """Name -> scenario, over both kinds; the scenario modules load when first read."""

    def __getitem__(self, name: str) -> object:
        return _merged()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(_merged())

    def __len__(self) -> int:
        return len(_merged())

    def __repr__(self) -> str:
        return f"SCENARIOS({', '.join(map(repr, self))})"


#: Every named scenario, treatment and imaging, by name (read-only).
SCENARIOS: Mapping[str, object] = _Scenarios()


def scenario_named(name: str):
    """The scenario called ``name``; a clear ValueError lists the known names."""
    if name not in SCENARIOS:
        raise ValueError(f"scenario must be one of {sorted(SCENARIOS)}; got {name!r}")
    return SCENARIOS[name]


__all__ = ["SCENARIOS", "scenario_named"]
