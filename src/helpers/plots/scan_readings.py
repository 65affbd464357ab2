"""Lesson 04: the same lesion scanned twice on one day, many times over.

Each dot is one pair of same-day scans of one lesion. Top: how much larger or
smaller the second reading was than the first, in percent, stacked in 2% bins
(a dot histogram; bins from 0 to 2%, 2 to 4% and so on). Bottom: the same
pairs in millimetres, stacked in 1 mm bins. The shaded band is where two
readings agree (e.g. +/-10%); lines mark the change of a partial response
(e.g. -30%) and the two parts of progression (e.g. +20% on top, +5 mm below).
Those positions are handed in (the rule lives in ``clinic.response``).

A dot's colour and shape say which parts of the progression rule its pair
passes: neither, only the percent, only the millimetres, or both. The same
pair has the same look in both charts, so a learner can find it in each.

Both x axes are fixed (e.g. -35% to +35%, -20 to +20 mm): wider than readings
in the model ever differ, so the cached background always survives.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..checks import MAX_MAGNITUDE, Record, check_array, check_instance, check_number
from .limits import snap_up
from .live_figure import LiveFigure
from .style import BLACK, BLUE, BLUISH_GREEN, GREY, ORANGE, SKY_BLUE, VERMILLION

__all__ = ["ScanReadingsData", "ScanReadingsFigure", "stack_dots", "BIN_PERCENT", "BIN_MM"]

BIN_PERCENT = 2.0
BIN_MM = 1.0


@dataclass(frozen=True)
class ScanReadingsData(Record):
    """One entry per pair of readings.

    Attributes:
        changes_percent: second reading compared with the first (percent; +12.5 = larger).
        changes_mm: second reading minus the first (mm).
        past_rise: True where the pair passes the percent part of the progression rule.
        past_min_mm: True where the pair passes the millimetre part of it.
    """

    changes_percent: np.ndarray
    changes_mm: np.ndarray
    past_rise: np.ndarray
    past_min_mm: np.ndarray


def stack_dots(values: np.ndarray, bin_width: float = BIN_PERCENT,
               rank: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """x (bin centre) and y (1, 2, 3 ... within the bin) of each value, in input order.

    Bins run from one multiple of ``bin_width`` to the next (e.g. 18 to 20%,
    20 to 22%), so lines at multiples of it fall on bin edges: a dot right of
    the +20% line really is 20% or more. Within a bin, dots of lower ``rank``
    stack first (so rarer, coloured dots sit on top), then in input order.
    ``values`` and ``rank`` are finite numbers (one rank per value); ``bin_width`` > 0.
    """
    values = check_array("values", values, minimum=-MAX_MAGNITUDE, maximum=MAX_MAGNITUDE,
                         min_length=0)
    bin_width = check_number("bin_width", bin_width, 0.0, MAX_MAGNITUDE, min_inclusive=False)
    if rank is not None:
        rank = check_array("rank", rank, minimum=-MAX_MAGNITUDE, maximum=MAX_MAGNITUDE,
                           min_length=0)
        if rank.size != values.size:
            raise ValueError(f"rank must hold one number per value ({values.size}); "
                             f"got {rank.size}")
    if values.size == 0:
        return np.array([]), np.array([])
    bins = np.floor(values / bin_width + 1e-9).astype(int)
    ranks = np.zeros(values.size) if rank is None else np.asarray(rank, dtype=float)
    order = np.lexsort((np.arange(values.size), ranks, bins))
    sorted_bins = bins[order]
    heights = np.empty(values.size)
    start = 0
    for i in range(1, values.size + 1):
        if i == values.size or sorted_bins[i] != sorted_bins[start]:
            heights[order[start:i]] = np.arange(1, i - start + 1)
            start = i
    return (bins + 0.5) * bin_width, heights


# The four kinds of pair, by which parts of the progression rule they pass:
# (past the percent, past the mm) -> marker, face colour, size factor, legend label.
_KINDS = (
    ((False, False), "o", GREY, 1.0, "One pair of readings"),
    ((True, False), "D", ORANGE, 1.0, "{rise} or more, under {mm}"),
    ((False, True), "s", BLUISH_GREEN, 1.0, "{mm} or more, under {rise}"),
    ((True, True), "^", VERMILLION, 1.3, "{rise} and {mm}: reads as progression"),
)


class ScanReadingsFigure(LiveFigure[ScanReadingsData]):
    """Two dot histograms of the changes between two same-day readings: percent and mm.

    Args:
        partial_response_percent: where the partial-response line sits (percent, < 0).
        progression_percent: where the progression line sits (percent, > 0).
        progression_min_mm: where the millimetre line of progression sits (mm, > 0).
        agree_within_percent: half the width of the shaded "agree" band (percent).
        axis_limit_percent: the percent axis runs from minus to plus this.
        axis_limit_mm: the millimetre axis runs from minus to plus this.
        theme: "standard" or "projector".
    """

    height_in = 4.8

    def __init__(self, *, partial_response_percent: float, progression_percent: float,
                 progression_min_mm: float, agree_within_percent: float,
                 axis_limit_percent: float, axis_limit_mm: float,
                 theme: str = "standard") -> None:
        for name, value, low, high in (
                ("partial_response_percent", partial_response_percent, -100, 0),
                ("progression_percent", progression_percent, 0, 1000),
                ("progression_min_mm", progression_min_mm, 0, 1000),
                ("agree_within_percent", agree_within_percent, 0, 1000),
                ("axis_limit_percent", axis_limit_percent, 0, 1000),
                ("axis_limit_mm", axis_limit_mm, 0, 1000)):
            check_number(name, value, low, high)
        self.partial_response_percent = partial_response_percent
        self.progression_percent = progression_percent
        self.progression_min_mm = progression_min_mm
        self.agree_within_percent = agree_within_percent
        self.x_limits = (-axis_limit_percent, axis_limit_percent)
        self.mm_limits = (-axis_limit_mm, axis_limit_mm)
        super().__init__(theme)

    def _dots(self, ax: Axes, legend: bool) -> list:
        size = 6 if self.theme.name == "standard" else 8
        rise, mm = f"{self.progression_percent:g}%", f"{self.progression_min_mm:g} mm"
        artists = []
        for _, marker, colour, factor, label in _KINDS:
            (dots,) = ax.plot([], [], linestyle="none", marker=marker, markersize=size * factor,
                              color=BLACK, markerfacecolor=colour, markeredgewidth=0.8,
                              label=label.format(rise=rise, mm=mm) if legend else "_nolegend_")
            artists.append(self.dynamic(dots))
        return artists

    def build(self, figure: Figure) -> list[Axes]:
        percent_ax, mm_ax = figure.subplots(2, 1)
        width = self.theme.line_width_pt * 0.8
        for ax in (percent_ax, mm_ax):
            # Lay out with the widest tick labels expected (up to 3 digits), then
            # whole numbers only.
            ax.set_ylim(0, 100)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
            ax.set_ylabel("Pairs of\nreadings")
        percent_ax.set_xlim(*self.x_limits)
        within = self.agree_within_percent
        percent_ax.axvspan(-within, within, color=SKY_BLUE,
                           alpha=self.theme.band_alpha * 1.5, linewidth=0,
                           label=f"Within {within:g}%")
        percent_ax.axvline(0, color=GREY, linewidth=1.0)
        response = self.partial_response_percent
        percent_ax.axvline(response, color=BLUE, linestyle="--", linewidth=width,
                           label=f"{abs(response):g}% smaller (partial response)")
        growth = self.progression_percent
        percent_ax.axvline(growth, color=VERMILLION, linestyle="-.", linewidth=width,
                           label=f"{growth:g}% larger (progression needs it)")
        self.percent_dots = self._dots(percent_ax, legend=False)
        percent_ax.set_xlabel("Second reading compared with the first (%)")
        percent_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)

        mm_ax.set_xlim(*self.mm_limits)
        mm_ax.axvline(0, color=GREY, linewidth=1.0)
        mm_ax.axvline(self.progression_min_mm, color=VERMILLION, linestyle=":",
                      linewidth=width * 1.2,
                      label=f"{self.progression_min_mm:g} mm larger (progression needs it)")
        self.mm_dots = self._dots(mm_ax, legend=True)
        mm_ax.set_xlabel("Second reading minus the first (mm), the same pairs")
        mm_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        return [percent_ax, mm_ax]

    def update(self, data: ScanReadingsData) -> None:
        """Show one dot per pair in each chart; each y axis snaps to steps of 10 pairs."""
        check_instance("data", data, ScanReadingsData)
        past_rise = np.asarray(data.past_rise, dtype=bool)
        past_mm = np.asarray(data.past_min_mm, dtype=bool)
        rank = past_rise * 1 + past_mm * 2  # rarer kinds stack on top
        charts = ((self.axes[0], self.percent_dots, data.changes_percent, self.x_limits,
                   BIN_PERCENT),
                  (self.axes[1], self.mm_dots, data.changes_mm, self.mm_limits, BIN_MM))
        for ax, artists, values, limits, width in charts:
            x, y = stack_dots(np.clip(np.asarray(values, dtype=float), *limits), width, rank)
            for artist, ((rise, mm), *_rest) in zip(artists, _KINDS, strict=True):
                kind = (past_rise == rise) & (past_mm == mm)
                artist.set_data(x[kind], y[kind])
            # Steps of 10: most moves keep the axes, and so the cached background.
            ax.set_ylim(0, snap_up((y.max() if y.size else 0) + 1, 10, 10))
