"""Lesson 04: the same lesion scanned twice on one day, many times over.

Each dot is one pair of same-day scans of one lesion: how much larger or
smaller the second reading was than the first. Dots are stacked in 2% bins
(a dot histogram; bins from 0 to 2%, 2 to 4% and so on). The shaded band is
where two readings agree (e.g. +/-10%); two lines mark the changes of a partial
response and of progression. Those positions are handed in (the rule lives in
``clinic.response``).

The x axis is fixed (e.g. -35% to +35%): wider than readings in the model ever
differ, so the cached background always survives.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .limits import snap_up
from .live_figure import LiveFigure
from .style import BLACK, BLUE, GREY, SKY_BLUE, VERMILLION

__all__ = ["ScanReadingsData", "ScanReadingsFigure", "stack_dots", "BIN_PERCENT"]

BIN_PERCENT = 2.0


@dataclass(frozen=True)
class ScanReadingsData:
    """One change per pair of readings: second compared with first, percent (+12.5 = larger)."""

    changes_percent: np.ndarray


def stack_dots(changes_percent: np.ndarray, bin_percent: float = BIN_PERCENT
               ) -> tuple[np.ndarray, np.ndarray]:
    """x (bin centre) and y (1, 2, 3 ... within the bin) for a dot histogram.

    Bins run from one multiple of ``bin_percent`` to the next (e.g. 18 to 20%,
    20 to 22%), so the 10%, 20% and 30% lines fall on bin edges: a dot right of
    the +20% line really is 20% or more.
    """
    values = np.asarray(changes_percent, dtype=float)
    if values.size == 0:
        return np.array([]), np.array([])
    bins = np.floor(values / bin_percent + 1e-9).astype(int)
    order = np.argsort(bins, kind="stable")
    sorted_bins = bins[order]
    heights = np.empty(values.size)
    start = 0
    for i in range(1, values.size + 1):
        if i == values.size or sorted_bins[i] != sorted_bins[start]:
            heights[start:i] = np.arange(1, i - start + 1)
            start = i
    return (sorted_bins + 0.5) * bin_percent, heights


class ScanReadingsFigure(LiveFigure[ScanReadingsData]):
    """A dot histogram of changes between two same-day readings.

    Args:
        partial_response_percent: where the partial-response line sits (percent, < 0).
        progression_percent: where the progression line sits (percent, > 0).
        agree_within_percent: half the width of the shaded "agree" band (percent).
        axis_limit_percent: the x axis runs from minus to plus this (percent).
        theme: "standard" or "projector".
    """

    height_in = 3.4

    def __init__(self, *, partial_response_percent: float, progression_percent: float,
                 agree_within_percent: float, axis_limit_percent: float,
                 theme: str = "standard") -> None:
        self.partial_response_percent = partial_response_percent
        self.progression_percent = progression_percent
        self.agree_within_percent = agree_within_percent
        self.x_limits = (-axis_limit_percent, axis_limit_percent)
        super().__init__(theme)

    def build(self, figure: Figure) -> list[Axes]:
        ax = figure.subplots(1, 1)
        ax.set_xlim(*self.x_limits)
        # Lay out with the widest tick labels expected (up to 3 digits), then
        # whole numbers only.
        ax.set_ylim(0, 100)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        within = self.agree_within_percent
        ax.axvspan(-within, within, color=SKY_BLUE, alpha=self.theme.band_alpha * 1.5,
                   linewidth=0, label=f"Within {within:g}%")
        ax.axvline(0, color=GREY, linewidth=1.0)
        response = self.partial_response_percent
        ax.axvline(response, color=BLUE, linestyle="--",
                   linewidth=self.theme.line_width_pt * 0.8,
                   label=f"{abs(response):g}% smaller (partial response)")
        growth = self.progression_percent
        ax.axvline(growth, color=VERMILLION, linestyle="-.",
                   linewidth=self.theme.line_width_pt * 0.8,
                   label=f"{growth:g}% larger (progression)")
        size = 6 if self.theme.name == "standard" else 8
        (dots,) = ax.plot([], [], linestyle="none", marker="o", markersize=size,
                          color=BLACK, markerfacecolor=GREY, label="One pair of readings")
        self.dots = self.dynamic(dots)
        ax.set_xlabel("Second reading compared with the first, same lesion, same day (%)")
        ax.set_ylabel("Pairs of\nreadings")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        return [ax]

    def update(self, data: ScanReadingsData) -> None:
        """Show one dot per pair; the y axis snaps to steps of 5 pairs."""
        x, y = stack_dots(np.clip(data.changes_percent, *self.x_limits))
        self.dots.set_data(x, y)
        self.axes[0].set_ylim(0, snap_up((y.max() if y.size else 0) + 1, 5, 10))
