"""Shared test settings."""

from __future__ import annotations

import os

import matplotlib
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

# Property tests: a fixed, modest budget so the suite stays quick on 2 cores;
# derandomize keeps every run the same (seeded, reproducible).
settings.register_profile(
    "series", max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "series"))
