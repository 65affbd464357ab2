"""Lesson 08, chance and resistance: how often a tumour already holds resistant cells.

A tumour grows from one cell to its size at detection. Each division of a sensitive cell
has a small chance (the mutation rate) of giving a resistant daughter. The state holds:

- the Goldie-Coldman chance that a tumour holds no resistant cell, against its size, for
  one drug and for two drugs (a cell must resist both; the same rate for each), and its
  value at the size at detection and at ten times that size (found later);
- many simulated tumours grown by chance to that size (``models.stochastic_tumours``,
  no cell death, the same growth for all cells): how many resistant cells each holds,
  counted in ranges of ten (0, 1-9, 10-99, ...), beside the shares the Luria-Delbruck
  formula expects (drawn when at most ``MAX_FORMULA_MUTATIONS`` mutations are expected).

The simulation of ``MAX_TUMOURS`` tumours is kept for each mutation rate and size, so
moving the "number of tumours" control only shows more or fewer of the same tumours.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..checks import Record, check_instance, check_number
from ..models.fluctuation import MAX_EXACT_M, luria_delbruck_pmf
from ..models.resistance_chance import (
    cells_for_probability,
    expected_resistant_clones,
    probability_no_doubly_resistant_cell,
    probability_no_resistant_cell,
)
from ..models.size import cells_to_diameter_mm
from ..models.stochastic_tumours import CellRates, grow_tumours
from .presets import Preset, check_choice, read_only

__all__ = [
    "MUTATION_RATE_CHOICES",
    "DETECTION_SIZE_CHOICES_CELLS",
    "TUMOUR_COUNT_CHOICES",
    "MAX_TUMOURS",
    "COUNT_BIN_EDGES",
    "MAX_FORMULA_MUTATIONS",
    "LESSON_STEP_GROWTH",
    "CURVE_SIZES_CELLS",
    "ChanceValues",
    "ChanceState",
    "compute",
    "detection_diameter_mm",
    "PRESETS",
]

#: Chance per division that a sensitive cell's daughter is resistant (teaching values:
#: real rates differ by drug and by cancer, and are hard to measure).
MUTATION_RATE_CHOICES: tuple[float, ...] = (1e-9, 1e-8, 1e-7, 1e-6)
#: Sizes at detection (cells). About 1e9 cells make a 1 cm tumour.
DETECTION_SIZE_CHOICES_CELLS: tuple[float, ...] = (1e6, 1e7, 1e8, 1e9, 1e10)
#: How many simulated tumours are shown.
TUMOUR_COUNT_CHOICES: tuple[int, ...] = (100, 300, 1000)
MAX_TUMOURS = max(TUMOUR_COUNT_CHOICES)
#: Ranges of resistant cells counted: 0 | 1-9 | 10-99 | 100-999 | 1,000-9,999 | 10,000+.
COUNT_BIN_EDGES: tuple[float, ...] = (0, 1, 10, 100, 1_000, 10_000, np.inf)
#: The formula's shares are exact here (the distribution is summed up to 9,999 cells and
#: the rest is its complement); the recursion takes at most MAX_EXACT_M mutations.
MAX_FORMULA_MUTATIONS = MAX_EXACT_M
#: The size axis of the curves: 1 cell to a trillion (about 1 kg of tumour).
CURVE_SIZES_CELLS = read_only(np.logspace(0, 12, 241))
# One seed per setting, so each setting always shows the same tumours.
_SEED = 8
#: The simulation's step (births per cell per step) in this lesson.
LESSON_STEP_GROWTH = 0.25


def detection_diameter_mm(cells: float) -> float:
    """Diameter (mm) of a ball of ``cells`` cells (1e9 cells per cm3)."""
    cells = check_number("cells", cells, minimum=0, maximum=1e15)
    return float(cells_to_diameter_mm(cells))


@dataclass(frozen=True)
class ChanceValues:
    """The controls.

    Attributes:
        mutation_rate_per_division: chance that a sensitive cell's division gives a
            resistant daughter (1e-9 to 1e-6; 1e-8 = 1 in 100 million).
        detection_size_cells: cells when the tumour is found (1e6 to 1e10).
        tumours: how many simulated tumours are shown (100, 300 or 1,000).
    """

    mutation_rate_per_division: float = 1e-8
    detection_size_cells: float = 1e9
    tumours: int = 1000

    def __post_init__(self) -> None:
        checked = {
            "mutation_rate_per_division": check_choice(
                "mutation_rate_per_division", self.mutation_rate_per_division,
                MUTATION_RATE_CHOICES),
            "detection_size_cells": check_choice(
                "detection_size_cells", self.detection_size_cells,
                DETECTION_SIZE_CHOICES_CELLS),
            "tumours": check_choice("tumours", self.tumours, TUMOUR_COUNT_CHOICES),
        }
        for name, value in checked.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True, eq=False)
class ChanceState(Record):
    """Everything the lesson's figure and words need.

    Attributes:
        values: the control values.
        curve_sizes_cells: sizes (cells) for the curves, 1 to 1e12.
        no_resistant_one_drug: chance (0 to 1) of no resistant cell, per size.
        no_resistant_two_drugs: chance of no cell resistant to both drugs, per size.
        expected_mutations: m = mutation rate x (N - 1) at the size at detection.
        none_one_drug, none_two_drugs: those chances at the size at detection.
        none_one_drug_ten_times: the one-drug chance at ten times the size.
        even_chance_cells: the size at which the one-drug chance is 1 in 2.
        diameter_mm: the tumour's diameter at detection.
        resistant_counts: resistant cells in each simulated tumour (int64).
        simulated_share_without: share of the simulated tumours with none.
        bin_edges: ranges of resistant cells (``COUNT_BIN_EDGES``).
        simulated_shares: share of the simulated tumours in each range.
        formula_shares: the shares the Luria-Delbruck formula expects, or None when more
            than ``MAX_FORMULA_MUTATIONS`` mutations are expected.
    """

    values: ChanceValues
    curve_sizes_cells: np.ndarray
    no_resistant_one_drug: np.ndarray
    no_resistant_two_drugs: np.ndarray
    expected_mutations: float
    none_one_drug: float
    none_two_drugs: float
    none_one_drug_ten_times: float
    even_chance_cells: float
    diameter_mm: float
    resistant_counts: np.ndarray
    simulated_share_without: float
    bin_edges: tuple[float, ...] = field(metadata={"infinite_ok": True})
    simulated_shares: np.ndarray
    formula_shares: np.ndarray | None

    @property
    def tumours(self) -> int:
        return int(self.resistant_counts.size)

    @property
    def tumours_without(self) -> int:
        return int(np.count_nonzero(self.resistant_counts == 0))

    @property
    def median_count(self) -> float:
        return float(np.median(self.resistant_counts))

    @property
    def largest_count(self) -> int:
        return int(self.resistant_counts.max())


@functools.lru_cache(maxsize=32)
def _simulated_counts(mutation_rate: float, cells: float) -> np.ndarray:
    """Resistant cells in ``MAX_TUMOURS`` tumours grown to ``cells`` (cached per setting)."""
    # Coarser steps than the engine's default (a quarter of a division per cell per
    # step) halve the time of a first visit; the ranges of ten hide the difference, and
    # tests check these steps still follow Luria-Delbruck.
    sample = grow_tumours(MAX_TUMOURS, cells, CellRates(mutation_rate), seed=_SEED,
                          step_growth=LESSON_STEP_GROWTH)
    return sample.resistant_cells


@functools.lru_cache(maxsize=32)
def _formula_shares(m: float) -> np.ndarray | None:
    """Luria-Delbruck shares in each range of ``COUNT_BIN_EDGES`` (None if m is too big)."""
    if m > MAX_FORMULA_MUTATIONS:
        return None
    top = int(COUNT_BIN_EDGES[-2]) - 1  # 9,999: the last range is the rest
    cumulative = np.concatenate([[0.0], np.cumsum(luria_delbruck_pmf(m, top))])
    below = [cumulative[int(edge)] for edge in COUNT_BIN_EDGES[1:-1]]
    bounds = np.array([0.0, *below, 1.0])
    return read_only(np.diff(bounds))


#: The lesson's 20 settings worked out ahead (``python -m helpers.lessons.chance_table``
#: writes it; tests/test_chance_table.py recomputes every number). Why: a first visit to
#: a setting cost about 50 ms (1,000 tumours simulated, 10,000 terms summed), a read
#: costs nothing. Without the file, each setting is worked out on its first visit.
TABLE_PATH = Path(__file__).with_name("chance_table.npz")


@functools.cache
def _table() -> dict[str, np.ndarray] | None:
    """The stored settings, or None when the file is missing or was made for other choices."""
    try:
        with np.load(TABLE_PATH) as stored:
            table = {name: stored[name] for name in stored.files}
    except (OSError, ValueError):
        return None
    empty = np.empty(0)
    same_choices = (
        np.array_equal(table.get("mutation_rates", empty), MUTATION_RATE_CHOICES)
        and np.array_equal(table.get("detection_sizes_cells", empty),
                           DETECTION_SIZE_CHOICES_CELLS)
        and table.get("counts", empty).shape
        == (len(MUTATION_RATE_CHOICES), len(DETECTION_SIZE_CHOICES_CELLS), MAX_TUMOURS))
    return table if same_choices else None


def _setting(alpha: float, cells: float) -> tuple[np.ndarray, np.ndarray | None]:
    """The simulated tumours' resistant cells and the formula's shares, for one setting."""
    table = _table()
    if table is not None and alpha in MUTATION_RATE_CHOICES \
            and cells in DETECTION_SIZE_CHOICES_CELLS:
        row = MUTATION_RATE_CHOICES.index(alpha), DETECTION_SIZE_CHOICES_CELLS.index(cells)
        counts = table["counts"][row].astype(np.int64)  # a copy, then frozen
        counts.flags.writeable = False
        shares = table["formula_shares"][row]
        return counts, None if np.isnan(shares).all() else read_only(shares)
    return _worked_out(alpha, cells)


def _worked_out(alpha: float, cells: float) -> tuple[np.ndarray, np.ndarray | None]:
    """One setting worked out now (what the stored table holds): the simulated tumours'
    resistant cells and the formula's shares (None where the formula is not drawn)."""
    return _simulated_counts(alpha, cells), _formula_shares(
        float(expected_resistant_clones(cells, alpha)))


def compute(values: ChanceValues) -> ChanceState:
    """The chances against size, and the simulated tumours at the size at detection."""
    check_instance("values", values, ChanceValues)
    alpha, cells = values.mutation_rate_per_division, values.detection_size_cells
    all_counts, formula_shares = _setting(alpha, cells)
    counts = all_counts[: values.tumours]
    shares = np.histogram(counts, bins=np.array(COUNT_BIN_EDGES))[0] / counts.size
    m = float(expected_resistant_clones(cells, alpha))
    return ChanceState(
        values=values,
        curve_sizes_cells=CURVE_SIZES_CELLS,
        no_resistant_one_drug=read_only(probability_no_resistant_cell(CURVE_SIZES_CELLS, alpha)),
        no_resistant_two_drugs=read_only(
            probability_no_doubly_resistant_cell(CURVE_SIZES_CELLS, alpha, alpha)),
        expected_mutations=m,
        none_one_drug=float(probability_no_resistant_cell(cells, alpha)),
        none_two_drugs=float(probability_no_doubly_resistant_cell(cells, alpha, alpha)),
        none_one_drug_ten_times=float(probability_no_resistant_cell(10 * cells, alpha)),
        even_chance_cells=cells_for_probability(0.5, alpha),
        diameter_mm=detection_diameter_mm(cells),
        resistant_counts=counts,
        simulated_share_without=float(np.count_nonzero(counts == 0) / counts.size),
        bin_edges=COUNT_BIN_EDGES,
        simulated_shares=read_only(shares),
        formula_shares=formula_shares,
    )


PRESETS: dict[str, Preset[ChanceValues]] = {
    "A small tumour and a rare change": Preset(
        ChanceValues(1e-9, 1e8, 1000),
        "100 million cells (about 6 mm) and 1 chance in a billion per division. About 1 "
        "mutation in 10 is expected, so about 9 tumours in 10 hold no resistant cell yet."),
    "As likely as not": Preset(
        ChanceValues(1e-8, 1e8, 1000),
        "About 1 mutation is expected. About 1 tumour in 3 holds no resistant cell and most "
        "hold a few, but a few hold hundreds: their mutation came early (a 'jackpot')."),
    "Found at about 1 cm": Preset(
        ChanceValues(1e-8, 1e9, 1000),
        "A billion cells, about 1 cm across. About 10 mutations are expected, so almost "
        "every tumour already holds resistant cells before any drug. Against two drugs, "
        "almost none holds a cell that resists both."),
    "Found later, ten times bigger": Preset(
        ChanceValues(1e-8, 1e10, 1000),
        "The same cancer found at 10 billion cells (about 2.7 cm). Every tumour holds "
        "resistant cells, and many more of them than at 1 cm: one reason treatment is "
        "not put off."),
}
