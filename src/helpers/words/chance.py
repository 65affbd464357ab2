"""Lesson 08, chance and resistance: the caption, the alt text and the control labels."""

from __future__ import annotations

import math

from ..checks import check_fraction, check_instance, check_int, check_number
from ..lessons.chance import MAX_TUMOURS, ChanceState
from ..plain_words import cells_in_words, cells_label, one_in, percent

__all__ = [
    "caption",
    "alt_text",
    "rate_label",
    "size_label",
    "tumours_label",
    "diameter_in_words",
    "chance_in_words",
    "share_in_words",
    "mutations_in_words",
    "range_label",
]


#: The largest numbers these words are asked to say: cells (and expected mutations, and
#: resistant cells counted) up to 1e15, about a tonne of tumour; a diameter up to 10 m.
MAX_CELLS = 1e15
MAX_MM = 1e4

# -- control labels --------------------------------------------------------------------


def rate_label(rate: float) -> str:
    """A mutation rate on its control (per division): 1e-8 -> '1 in 100 million'."""
    rate = check_number("rate", rate, minimum=0, maximum=1, min_inclusive=False)
    return f"1 in {cells_label(1.0 / rate)}"


def diameter_in_words(diameter_mm: float) -> str:
    """1.24 -> 'about 1 mm'; 5.76 -> 'about 6 mm'; 12.4 -> 'about 1.2 cm'."""
    diameter_mm = check_number("diameter_mm", diameter_mm, minimum=0, maximum=MAX_MM)
    if diameter_mm < 10:
        return f"about {diameter_mm:.0f} mm"
    return f"about {diameter_mm / 10:.1f} cm".replace(".0 cm", " cm")


def size_label(cells: float) -> str:
    """A size at detection on its control (in cells): 1e9 -> '1 billion'. Short, so the
    slider's readout shows it whole; the caption gives the diameter."""
    cells = check_number("cells", cells, minimum=0, maximum=MAX_CELLS)
    return cells_label(cells)


def tumours_label(tumours: int) -> str:
    """1000 -> '1,000 tumours'."""
    tumours = check_int("tumours", tumours, minimum=0, maximum=MAX_TUMOURS)
    return f"{tumours:,} tumours"


# -- numbers in words ------------------------------------------------------------------


def chance_in_words(chance: float) -> str:
    """A chance as a reader would say it.

    0.368 -> '37%'; 4.5e-5 -> 'about 1 in 20,000'; 1e-44 -> 'less than 1 in a million';
    0.99996 -> 'more than 99.99%'.
    """
    chance = check_fraction("chance", chance)
    if chance < 1e-6:
        return "less than 1 in a million"
    if chance < 0.01:
        return f"about {one_in(chance)}"
    if chance > 0.9999:
        return "more than 99.99%"
    if chance > 0.99:
        return f"{100 * chance:.2f}".rstrip("0").rstrip(".") + "%"
    return percent(chance)


def share_in_words(share: float) -> str:
    """A share of tumours in a range: 0 -> '0%'; 4e-44 -> 'under 0.1%'; 0.78 -> '78%'."""
    share = check_fraction("share", share)
    if share == 0:
        return "0%"
    if share < 0.001:
        return "under 0.1%"
    return percent(share)


def mutations_in_words(m: float) -> str:
    """Expected mutations: 10 -> 'about 10 mutations'; 1 -> 'about 1 mutation';
    0.1 -> 'on average 0.1 mutations (fewer than one)'."""
    m = check_number("m", m, minimum=0, maximum=MAX_CELLS)
    if m >= 0.95:
        rounded = float(f"{m:.2g}")
        count = f"{rounded:,.0f}" if rounded >= 10 else f"{rounded:g}"
        return f"about {count} mutation{'' if count == '1' else 's'}"
    return f"on average {m:.1g} mutations (fewer than one)"


def range_label(low: float, high: float) -> str:
    """A range of resistant cells: (0, 1) -> '0'; (10, 100) -> '10 to 99';
    (10000, inf) -> '10,000 or more'."""
    low = check_number("low", low, minimum=0, maximum=MAX_CELLS)
    if high != math.inf:  # the last range is open: "10,000 or more"
        high = check_number("high", high, minimum=low, maximum=MAX_CELLS, min_inclusive=False)
    if high == low + 1:
        return f"{low:,.0f}"
    if math.isinf(high):
        return f"{low:,.0f} or more"
    return f"{low:,.0f} to {high - 1:,.0f}"


def _cells_count(count: float) -> str:
    """0 -> 'no resistant cells'; 1 -> '1 resistant cell'; 36.5 -> '37 resistant cells'."""
    whole = round(count)
    if whole == 0:
        return "no resistant cells"
    return f"{whole:,} resistant cell{'' if whole == 1 else 's'}"


# -- the caption and alt text ----------------------------------------------------------


def caption(state: ChanceState) -> str:
    check_instance("state", state, ChanceState)
    values = state.values
    size = cells_label(values.detection_size_cells)
    rate = cells_label(1 / values.mutation_rate_per_division)
    text = (
        f"A tumour of {size} cells ({diameter_in_words(state.diameter_mm)} across) took "
        f"about as many cell divisions to grow. At 1 in {rate} per division it expects "
        f"{mutations_in_words(state.expected_mutations)} to resistance, so the chance that "
        f"it holds <b>no resistant cell</b> is <b>{chance_in_words(state.none_one_drug)}</b> "
        f"(found at ten times the size: {chance_in_words(state.none_one_drug_ten_times)}). "
        f"Against <b>two drugs</b> (a cell must resist both), the chance that no cell "
        f"resists both is <b>{chance_in_words(state.none_two_drugs)}</b>."
    )
    n, without = state.tumours, state.tumours_without
    if without == 0:
        grown = f" All {n:,} tumours grown by chance hold resistant cells"
    elif without == n:
        grown = f" None of the {n:,} tumours grown by chance holds a resistant cell"
    else:
        grown = (f" Of {n:,} tumours grown by chance, {without:,} "
                 f"({percent(state.simulated_share_without)}) "
                 f"{'holds' if without == 1 else 'hold'} no resistant cell")
    text += f"{grown}; the formula expects {chance_in_words(state.none_one_drug)} with none."
    if state.largest_count > 0:
        text += f" The middle tumour holds {_cells_count(state.median_count)}, the largest "
        if state.largest_count > 10 * max(state.median_count, 1.0):
            text += (f"{state.largest_count:,}: a mutation early in growth leaves a large "
                     "resistant group (a 'jackpot').")
        else:
            text += f"{state.largest_count:,}."
    if state.formula_shares is None:
        text += (" More than 500 mutations are expected: too many for the Luria-Delbruck "
                 "formula here, so the bars show the simulated tumours only.")
    return text


def _half_chance(state: ChanceState) -> str:
    return (f"with one drug it falls to 1 in 2 at about "
            f"{cells_in_words(state.even_chance_cells).removeprefix('about ')} cells")


def alt_text(state: ChanceState) -> str:
    check_instance("state", state, ChanceState)
    values = state.values
    bins = list(zip(state.bin_edges[:-1], state.bin_edges[1:], strict=True))
    bars = "; ".join(f"{range_label(low, high)}: {share_in_words(share)}"
                     for (low, high), share in zip(bins, state.simulated_shares, strict=True))
    if state.formula_shares is None:
        formula = "The Luria-Delbruck formula's shares are not drawn (too many mutations)."
    else:
        expected = "; ".join(f"{range_label(low, high)}: {share_in_words(share)}"
                             for (low, high), share in zip(bins, state.formula_shares,
                                                           strict=True))
        formula = f"Diamonds show the shares the Luria-Delbruck formula expects: {expected}."
    size = cells_label(values.detection_size_cells)
    return (
        "Two charts. Left: the chance that a tumour holds no resistant cell, from 0 to "
        "100%, against its size from 1 cell to 1 trillion cells on a log scale, at "
        f"{rate_label(values.mutation_rate_per_division)} per division. The chance starts "
        "at 100%; "
        f"{_half_chance(state)}; the two-drug curve (no cell resisting both) stays higher. "
        f"Dots mark the size at detection, {size} cells: one drug "
        f"{chance_in_words(state.none_one_drug)}, two drugs "
        f"{chance_in_words(state.none_two_drugs)}; a square marks the share of simulated "
        f"tumours with none, {percent(state.simulated_share_without)}. A dotted line marks "
        f"1 billion cells, about 1 cm. Right, titled resistant cells in {state.tumours:,} "
        f"tumours: bars for the share of the simulated tumours by their number of resistant "
        f"cells: {bars}. {formula}"
    )
