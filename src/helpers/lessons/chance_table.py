"""Write lesson 08's table of its 20 settings: ``python -m helpers.lessons.chance_table``.

For each mutation rate and size at detection the lesson offers, the table holds the
resistant cells in each of ``MAX_TUMOURS`` simulated tumours (the same seeded run the
lesson does) and the Luria-Delbruck formula's shares (NaN where the formula is not
drawn). ``chance`` reads it instead of working a setting out on its first visit; run
this again after changing the model, the seed or the choices (tests/test_chance_table.py
fails until then).
"""

from __future__ import annotations

import numpy as np

from . import chance

__all__ = ["worked_out"]


def worked_out() -> dict[str, np.ndarray]:
    """Every setting worked out now, as the arrays the table file holds."""
    rates, sizes = chance.MUTATION_RATE_CHOICES, chance.DETECTION_SIZE_CHOICES_CELLS
    bins = len(chance.COUNT_BIN_EDGES) - 1
    counts = np.zeros((len(rates), len(sizes), chance.MAX_TUMOURS), dtype=np.int64)
    shares = np.full((len(rates), len(sizes), bins), np.nan)
    for i, rate in enumerate(rates):
        for j, cells in enumerate(sizes):
            counts[i, j], formula = chance._worked_out(rate, cells)
            if formula is not None:
                shares[i, j] = formula
    return {"mutation_rates": np.array(rates), "detection_sizes_cells": np.array(sizes),
            "counts": counts, "formula_shares": shares}


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    np.savez_compressed(chance.TABLE_PATH, **worked_out())  # type: ignore[arg-type]
    print(f"wrote {chance.TABLE_PATH}")
