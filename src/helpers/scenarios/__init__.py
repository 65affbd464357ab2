"""Named teaching scenarios: one per row of the article's "What you may see" table.

Each scenario is a documented parameter set plus the pattern it claims to
show; tests run every scenario through the models and check that claim.

- ``treatment``: scenarios that need only cells and doses (lessons 02, 05).
- ``imaging``: scenarios that need lesions and scans (lessons 03, 04).

``SCENARIOS`` merges them by name; lessons load them by name.
"""

from __future__ import annotations

from .imaging import IMAGING_SCENARIOS
from .treatment import TREATMENT_SCENARIOS

SCENARIOS: dict[str, object] = {**TREATMENT_SCENARIOS, **IMAGING_SCENARIOS}


def scenario_named(name: str):
    """The scenario called ``name``; a clear ValueError lists the known names."""
    if name not in SCENARIOS:
        raise ValueError(f"scenario must be one of {sorted(SCENARIOS)}; got {name!r}")
    return SCENARIOS[name]


__all__ = ["SCENARIOS", "scenario_named"]
