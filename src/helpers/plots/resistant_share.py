"""Cells of each clone (log scale) above the share of resistant cells (lesson 02).

A ``CellCourseFigure`` (total, sensitive and resistant cells, the scan
detection band, dose days, the nadir) with a second axes below it: the
resistant share over time, on a log scale labelled "1 in 1,000" ... "all",
so a share that grows tenfold each cycle climbs in even steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator

from ..checks import MAX_MAGNITUDE, check_array, check_instance, check_number
from .cell_course import CellCourseBase, CellCourseData, cells_tick_label
from .limits import label_every_decade, set_limits
from .style import rc_for

__all__ = ["ShareCourseData", "ResistantShareFigure", "share_tick_label", "share_limits"]

#: The lowest the axis can reach (1 in 10 billion). The axis follows the data down to it:
#: with no kill and slow resistant cells the share falls below its start (about 1 in a
#: billion at the slowest settings), and a line below a fixed floor would be cut off.
#: A share below this floor leaves a gap (no settings of the lessons reach it).
SHARE_FLOOR = 1e-10
#: The axis's floor with no share to show (1 in 100 million).
_EMPTY_FLOOR = 1e-8


def share_tick_label(value: float, _position=None) -> str:
    """1e-3 -> '1 in 1,000'; 1e-7 -> '1 in 10 million'; 1 -> 'all'."""
    # Ticks off the axis come here too (10, 100 ...): any finite number is a fair ask.
    value = check_number("value", value, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    if value >= 0.999:
        return "all"
    if value <= 0:
        return ""
    return f"1 in {cells_tick_label(round(1.0 / value))}"


def share_limits(share: np.ndarray) -> tuple[float, float]:
    """Log-axis limits for a share: a power of ten below the smallest share, up to 1.

    NaN items in ``share`` are skipped on purpose (gaps where no line is drawn);
    anything else must be a number from 0 to 1."""
    share = check_array("share", share, minimum=0.0, maximum=1.0, ndim=None, min_length=0,
                        nan_ok=True)
    positive = share[np.isfinite(share) & (share > 0)]
    if positive.size == 0:
        return _EMPTY_FLOOR, 1.0
    low = 10.0 ** np.floor(np.log10(positive.min()) - 1e-9)
    low = min(max(low, SHARE_FLOOR), 1e-2)
    return float(low), 1.0


@dataclass(frozen=True)
class ShareCourseData(CellCourseData):
    """A cells chart's data, plus the resistant share (0 to 1) per sample, or None."""

    share: np.ndarray | None = None


class ResistantShareFigure(CellCourseBase[ShareCourseData]):
    """Top: cells of each clone; bottom: the share of cells that are resistant.

    Args:
        roles: lines on the cells axes (default total, sensitive, resistant).
        show_band: shade the band where a scan starts to show the tumour.
        cells_top: a fixed top for the cells axis (a power of ten), or None to follow
            the data.
        theme: "standard" or "projector".
    """

    def __init__(self, roles: Sequence[str] = ("total", "sensitive", "resistant"), *,
                 show_band: bool = True, cells_top: float | None = None,
                 theme: str = "standard") -> None:
        super().__init__(roles, show_diameter=False, show_band=show_band, cells_top=cells_top,
                         theme=theme)

    def build(self, figure: Figure) -> list[Axes]:
        # CellCourseFigure sizes the figure for one axes; this one needs room for two.
        self.height_in = 5.6
        figure.set_size_inches(self.theme.figure_width_in, self.height_in)
        (cells_ax,) = super().build(figure)
        grid = figure.add_gridspec(2, 1, height_ratios=(3, 2))
        cells_ax.set_subplotspec(grid[0])
        share_ax = figure.add_subplot(grid[1], sharex=cells_ax)
        # A title gives the dose markers on the top edge room to show whole.
        cells_ax.set_title("Cancer cells of each kind", loc="left", pad=20)
        cells_ax.set_xlabel("")
        cells_ax.tick_params(labelbottom=False)
        share_ax.set_yscale("log")
        share_ax.set_ylim(_EMPTY_FLOOR, 1.0)
        label_every_decade(share_ax.yaxis, share_tick_label)
        share_ax.yaxis.set_minor_locator(NullLocator())
        share_ax.set_ylabel("Share of cells\nthat resist (log)")
        share_ax.set_xlabel("Days since the first dose")
        # As on the cells axes: the theme's tick label size, pinned (see CellCourseBase).
        share_ax.tick_params(labelsize=rc_for(self.theme)["ytick.labelsize"])
        self.share_line = self.line(share_ax, "share")
        self.share_ax = share_ax
        return [cells_ax, share_ax]

    def update(self, data: ShareCourseData) -> None:
        """As the cells chart, plus the resistant share (0 to 1) below."""
        check_instance("data", data, ShareCourseData)
        self._draw_cells(data)
        days, share = data.days, data.share
        if share is None:
            self.share_line.set_data([], [])
            return
        values = np.asarray(share, dtype=float)
        # A share of 0 (no resistant cells, or no cells at all) has no place on a
        # log axis, nor one below the axis's floor: leave a gap.
        low, high = share_limits(values)
        self.share_line.set_data(days, np.where(values >= low, values, np.nan))
        set_limits(self.share_ax, y=(low, high))
