"""Lesson 08: the chance of no resistant cell against size, and resistant counts by chance.

Left: two curves against tumour size (cells, log scale, 1 to 1e12): the chance of no
resistant cell with one drug (solid) and of no cell resisting both of two drugs (dashed),
dots where the tumour is found, a square for the share of simulated tumours with none,
and a dotted line at 1e9 cells (about 1 cm, said on its tick). Right: bars for the share
of simulated tumours in each range of resistant cells, beside diamonds for the shares a
formula expects.
The axes never change, so every update draws only the data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator, PercentFormatter

from ..checks import MAX_MAGNITUDE, Record, WrongTypeError, check_instance, check_number
from .cell_course import cells_tick_label
from .live_figure import LiveFigure
from .style import BLACK, BLUE, GREY, SKY_BLUE, VERMILLION

__all__ = ["ChanceData", "ChanceFigure", "range_tick_label", "size_tick_label"]

#: The size axis: 1 cell to 1e12 cells.
SIZE_LIMITS_CELLS = (1.0, 1e12)
#: The 1 cm reference: about 1e9 cells.
ONE_CM_CELLS = 1e9
#: Share axes run to 100% (a little room above, so a full bar or a dot at 100% shows whole).
SHARE_TICKS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
SHARE_TOP = 1.04


def size_tick_label(value: float, _position=None) -> str:
    """Size-axis labels in words, with the 1 cm mark: 1e9 -> '1 billion\n(about 1 cm)'."""
    label = cells_tick_label(value)
    return f"{label}\n(about 1 cm)" if value == ONE_CM_CELLS else label


@dataclass(frozen=True)
class ChanceData(Record):
    """What the figure draws.

    Attributes:
        curve_sizes_cells: sizes (cells) of the curves' points.
        one_drug, two_drugs: chances (0 to 1) at those sizes.
        detection_cells: the size marked with dots.
        one_at_detection, two_at_detection: the curves' chances there.
        simulated_share_without: share (0 to 1) of simulated tumours with none.
        bin_edges: the ranges of counts (lower edges; the last upper edge may be inf).
        simulated_shares: share of the simulated tumours in each range.
        formula_shares: the expected shares per range, or None (not drawn).
        tumours: how many tumours were simulated (said in the right chart's title).
    """

    curve_sizes_cells: np.ndarray
    one_drug: np.ndarray
    two_drugs: np.ndarray
    detection_cells: float
    one_at_detection: float
    two_at_detection: float
    simulated_share_without: float
    bin_edges: tuple[float, ...] = field(metadata={"infinite_ok": True})
    simulated_shares: np.ndarray
    formula_shares: np.ndarray | None
    tumours: int


def _checked_edges(bin_edges: object) -> tuple[float, ...]:
    """At least two rising numbers from 0 to 1e15; the last may be inf (an open range)."""
    allowed = (f"at least 2 rising numbers from 0 to {MAX_MAGNITUDE:g} "
               f"(the last may be inf)")
    if not isinstance(bin_edges, tuple | list) or len(bin_edges) < 2:
        raise WrongTypeError(f"bin_edges must be {allowed}; got {bin_edges!r:.80}")
    last = len(bin_edges) - 1
    edges = tuple(math.inf if index == last and edge == math.inf
                  else check_number(f"bin_edges[{index}]", edge, 0.0, MAX_MAGNITUDE)
                  for index, edge in enumerate(bin_edges))
    for index in range(1, len(edges)):
        if edges[index] <= edges[index - 1]:
            raise ValueError(f"bin_edges must be {allowed}; got {edges[index]:g} after "
                             f"{edges[index - 1]:g} at bin_edges[{index}]")
    return edges


def range_tick_label(low: float, high: float) -> str:
    """A bar's label: (0, 1) -> '0'; (10, 100) -> '10–99'; (1e4, inf) -> '10,000\\nor more'."""
    low = check_number("low", low, 0.0, MAX_MAGNITUDE)
    if high != math.inf:  # the last range is open: "10,000 or more"
        high = check_number("high", high, low, MAX_MAGNITUDE)
    if high == low + 1:
        return f"{low:,.0f}"
    if math.isinf(high):
        return f"{low:,.0f}\nor more"
    return f"{low:,.0f}–\n{high - 1:,.0f}" if low >= 100 else f"{low:,.0f}–{high - 1:,.0f}"


class ChanceFigure(LiveFigure[ChanceData]):
    """Left: chance of no resistant cell against size. Right: resistant counts, by chance.

    Args:
        bin_edges: the ranges of counts the bars stand for (fixed for the figure).
        theme: "standard" or "projector".
    """

    height_in = 4.6

    def __init__(self, bin_edges: tuple[float, ...], theme: str = "standard") -> None:
        self.bin_edges = _checked_edges(bin_edges)
        super().__init__(theme)

    def build(self, figure: Figure) -> list[Axes]:
        chance_ax, counts_ax = figure.subplots(1, 2, width_ratios=(1.15, 1.0))
        width = self.theme.line_width_pt

        chance_ax.set_xscale("log")
        chance_ax.set_xlim(*SIZE_LIMITS_CELLS)
        chance_ax.set_ylim(0, SHARE_TOP)
        chance_ax.yaxis.set_major_locator(FixedLocator(SHARE_TICKS))
        chance_ax.xaxis.set_major_locator(FixedLocator([10.0**k for k in range(0, 13, 3)]))
        chance_ax.xaxis.set_major_formatter(FuncFormatter(size_tick_label))
        chance_ax.xaxis.set_minor_locator(NullLocator())
        chance_ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        chance_ax.set_xlabel("Tumour size (cells, log scale)")
        chance_ax.set_ylabel("Chance of no resistant cell")
        chance_ax.set_title("Bigger tumours: less chance of none", loc="left")
        chance_ax.axvline(ONE_CM_CELLS, color=GREY, linestyle=":", linewidth=width * 0.7)
        (self.one_line,) = chance_ax.plot([], [], color=VERMILLION, linestyle="-",
                                          linewidth=width, label="One drug")
        (self.two_line,) = chance_ax.plot([], [], color=BLUE, linestyle="--", linewidth=width,
                                          label="Two drugs: no cell resists both")
        (self.dots,) = chance_ax.plot([], [], linestyle="none", marker="o", color=BLACK,
                                      markersize=7, label="Size when found")
        (self.square,) = chance_ax.plot([], [], linestyle="none", marker="s", markersize=9,
                                        markerfacecolor="none", markeredgecolor=BLACK,
                                        markeredgewidth=1.5,
                                        label="Share with none (simulated)")
        for artist in (self.one_line, self.two_line, self.dots, self.square):
            self.dynamic(artist)

        edges = self.bin_edges
        positions = np.arange(len(edges) - 1)
        bars = counts_ax.bar(positions, np.zeros(positions.size), width=0.75, color=SKY_BLUE,
                             edgecolor=BLACK, linewidth=0.8, label="Simulated tumours")
        self.bars = [self.dynamic(patch) for patch in bars.patches]
        (self.formula,) = counts_ax.plot([], [], color=BLACK, marker="D", markersize=6,
                                         linestyle="-", linewidth=width * 0.6,
                                         label="Luria-Delbruck formula")
        self.dynamic(self.formula)
        counts_ax.set_xticks(positions, [range_tick_label(lo, hi)
                                         for lo, hi in zip(edges[:-1], edges[1:], strict=True)])
        counts_ax.set_xlim(-0.6, positions[-1] + 0.6)
        # Six two-line labels side by side: a little smaller, so they never touch.
        counts_ax.tick_params(axis="x", labelsize=self.theme.font_size_pt * 0.8)
        counts_ax.set_ylim(0, SHARE_TOP)
        counts_ax.yaxis.set_major_locator(FixedLocator(SHARE_TICKS))
        counts_ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        counts_ax.set_xlabel("Resistant cells in a tumour")
        counts_ax.set_ylabel("Share of the tumours")
        # The title names how many tumours the bars stand for (it changes with them).
        self.counts_title = self.dynamic(counts_ax.set_title("", loc="left"))
        counts_ax.grid(axis="x", visible=False)
        # One legend below both charts: inside either it would cover a curve or a bar.
        figure.legend(loc="outside lower center", ncol=3, columnspacing=1.2,
                      handlelength=2.0)
        return [chance_ax, counts_ax]

    def update(self, data: ChanceData) -> None:
        """Curves, dots and square on the left; bar heights and formula on the right."""
        check_instance("data", data, ChanceData)
        self.one_line.set_data(data.curve_sizes_cells, data.one_drug)
        self.two_line.set_data(data.curve_sizes_cells, data.two_drugs)
        self.dots.set_data([data.detection_cells, data.detection_cells],
                           [data.one_at_detection, data.two_at_detection])
        self.square.set_data([data.detection_cells], [data.simulated_share_without])
        self.counts_title.set_text(f"Resistant cells in {data.tumours:,} tumours")
        for patch, share in zip(self.bars, data.simulated_shares, strict=True):
            patch.set_height(float(share))
        if data.formula_shares is None:
            self.formula.set_data([], [])
        else:
            self.formula.set_data(np.arange(len(data.formula_shares)), data.formula_shares)
