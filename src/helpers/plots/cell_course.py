"""Cells (log scale) and tumour diameter over time, with dose days marked.

Used by the lessons on log kill (01), resistant cells (02) and doses (05).
The figure knows nothing about the model: panels hand it arrays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..checks import MAX_MAGNITUDE, Record, check_array, check_flag, check_instance, check_number
from .limits import decade_limits, label_every_decade, nice_top, set_limits
from .live_figure import LiveFigure
from .style import BAND_ZORDER, GREY, ORANGE, rc_for

__all__ = ["CellCourseData", "CellCourseBase", "CellCourseFigure", "cells_tick_label",
           "on_log_axis"]

_BIG = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def cells_tick_label(value: float, _position=None) -> str:
    """Log-axis tick labels in words ("10,000", "1 million"): plainer than 10^4,
    and far cheaper to draw than mathtext."""
    value = check_number("value", value, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    if value < 1e6:
        return f"{value:,.0f}"
    for scale, word in _BIG:
        if value >= scale:
            return f"{value / scale:,.0f} {word}"
    return f"{value:g}"  # pragma: no cover


def on_log_axis(cells: np.ndarray) -> np.ndarray:
    """Cells ready for a log axis whose floor is one cell.

    Zero cannot sit on a log axis, so samples below one cell become gaps
    (NaN, which matplotlib leaves undrawn); the first sample of each run of
    "gone" is pinned to the floor, so the line visibly drops to the bottom.
    ``cells`` must be finite numbers, or NaN where the course already has a gap.
    """
    values = check_array("cells", cells, minimum=-MAX_MAGNITUDE, maximum=MAX_MAGNITUDE,
                         min_length=0, nan_ok=True)
    gone = values < 1.0
    plotted = np.where(gone, np.nan, values)
    drops = gone & np.concatenate([[False], ~gone[:-1]])
    plotted[drops] = 1.0
    return plotted


@dataclass(frozen=True)
class CellCourseData(Record):
    """What a cells-over-time chart draws.

    Attributes:
        days: the time axis (days), one entry per sample.
        cells_by_role: cells per sample for each line, by role name (see ``style.ROLES``).
        dose_days: days a dose was given (triangles on the top edge).
        nadir: (day, cells) of the lowest point, or None.
        diameter_mm: diameter per sample for the lower axes, or None. With a live-cell
            line shown, this is the measured size (live and dead cells not yet cleared).
        live_diameter_mm: the size of the live cells alone per sample (a dashed line on
            the lower axes), or None.
        band_cells: (low, high) cells of the "too small to see" band, or None.
        x_max_days: the last day the axis must show (snapped up by the figure).
    """

    days: np.ndarray
    # NaN leaves a gap: a line drawn on days of its own stands in as NaN here.
    cells_by_role: Mapping[str, np.ndarray] = field(default_factory=dict,
                                                    metadata={"nan_ok": True})
    dose_days: Sequence[float] = ()
    nadir: tuple[float, float] | None = None
    diameter_mm: np.ndarray | None = None
    band_cells: tuple[float, float] | None = None
    x_max_days: float | None = None
    live_diameter_mm: np.ndarray | None = None


CD = TypeVar("CD", bound=CellCourseData)


class CellCourseBase(LiveFigure[CD]):
    """Top: cells on a log scale. Bottom (optional): diameter in mm.

    Args:
        roles: which lines to draw on the cells axes, in legend order
            (names from ``style.ROLES``, e.g. "total", "sensitive").
        show_diameter: add the diameter-in-mm axes below.
        show_live_diameter: on those axes, draw the measured size (solid) and the size of
            the live cells alone (dashed), with a legend telling them apart.
        cells_label: the legend label of the "total" line (None: the role's own label).
        show_band: shade the "too small to see on a scan" band.
        x_label: the time axis label.
        treated: False for a chart with no treatment: the dose and nadir
            markers then stay out of the legend.
        title: the title over the cells axes (it also gives the dose markers on
            the top edge room to show whole).
        cells_top: a fixed top for the cells axis (a power of ten), or None to
            follow the data. A fixed axis makes slider positions easy to compare.
        theme: "standard" or "projector".
    """

    def __init__(self, roles: Sequence[str] = ("total",), *, show_diameter: bool = True,
                 show_band: bool = False, x_label: str = "Days since the first dose",
                 cells_top: float | None = None, title: str = "Cancer cells over time",
                 treated: bool = True,
                 show_live_diameter: bool = False, cells_label: str | None = None,
                 theme: str = "standard") -> None:
        for flag, value in (("show_diameter", show_diameter), ("show_band", show_band),
                            ("treated", treated), ("show_live_diameter", show_live_diameter)):
            check_flag(flag, value)
        if cells_top is not None:
            cells_top = check_number("cells_top", cells_top, 1.0, MAX_MAGNITUDE)
        self.show_live_diameter = show_live_diameter and show_diameter
        self.cells_label = cells_label
        self.treated = treated
        self.roles = tuple(roles)
        self.title = title
        self.cells_top = cells_top
        self.x_label = x_label
        self.show_diameter = show_diameter
        self.show_band = show_band
        self.height_in = 5.2 if show_diameter else 3.6
        super().__init__(theme)

    def build(self, figure: Figure) -> list[Axes]:
        if self.show_diameter:
            # Two thirds of the height for the cells: every power of ten is labelled,
            # up to 14 of them, and they must not touch in the projector theme.
            cells_ax, diameter_ax = figure.subplots(2, 1, sharex=True,
                                                    height_ratios=(2, 1))
        else:
            cells_ax, diameter_ax = figure.subplots(1, 1), None
        cells_ax.set_yscale("log")
        label_every_decade(cells_ax.yaxis, cells_tick_label)
        cells_ax.set_ylabel("Cancer cells\n(log scale)")
        cells_ax.set_title(self.title, loc="left", pad=20)
        cells_ax.set_xlim(0, 100)
        cells_ax.set_ylim(1, 1e12)
        self.lines = {role: self.line(cells_ax, role, **(
            {"label": self.cells_label} if role == "total" and self.cells_label else {}))
            for role in self.roles}
        self.band: Rectangle | None = None
        if self.show_band:
            # Steady (drawn with the chart's axes): it changes only with the lesson's data.
            self.band = self.steady(cells_ax.axhspan(
                1, 1, color=GREY, alpha=self.theme.band_alpha, linewidth=0,
                label="Smallest size a scan can show", zorder=BAND_ZORDER))
        self.doses = self.dynamic(cells_ax.scatter(
            [], [], marker="v", s=(4 * self.theme.line_width_pt) ** 2, color=ORANGE,
            edgecolor="black", linewidth=0.5, zorder=5, clip_on=False,
            label="Dose given" if self.treated else "_nolegend_"))
        (nadir,) = cells_ax.plot([], [], marker="o", markersize=9, linestyle="none",
                                 markerfacecolor="none", markeredgecolor="black",
                                 markeredgewidth=2,
                                 label="Lowest point (nadir)" if self.treated else "_nolegend_")
        self.nadir = self.dynamic(nadir)
        cells_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        axes = [cells_ax]
        self.diameter_line = None
        self.live_diameter_line = None
        if diameter_ax is not None:
            if self.show_live_diameter:
                self.diameter_line = self.line(diameter_ax, "diameter", label=(
                    "Measured size:\nlive + dead cells\nnot yet cleared"))
                # Same colour as the measured size, thinner and dashed: the part of it that
                # is still alive.
                self.live_diameter_line = self.line(
                    diameter_ax, "diameter", linestyle="--",
                    linewidth=0.7 * self.theme.line_width_pt, label="Live cells only")
                diameter_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0),
                                   borderaxespad=0)
                diameter_ax.set_ylabel("Size across (mm)")
            else:
                self.diameter_line = self.line(diameter_ax, "diameter")
                diameter_ax.set_ylabel("Diameter (mm)")
            diameter_ax.set_ylim(0, 20)
            axes.append(diameter_ax)
        axes[-1].set_xlabel(self.x_label)
        # Pin the theme's tick label size on the axes themselves: how many ticks an axis
        # gets depends on it, and it must not change with the settings of whoever draws.
        rc = rc_for(self.theme)
        for ax in axes:
            ax.tick_params(axis="x", labelsize=rc["xtick.labelsize"])
            ax.tick_params(axis="y", labelsize=rc["ytick.labelsize"])
        return axes

    def _draw_cells(self, data: CellCourseData) -> None:
        """Put new data into the existing artists (no new figure, no re-layout)."""
        days, cells_by_role, dose_days = data.days, data.cells_by_role, data.dose_days
        nadir, diameter_mm, band_cells = data.nadir, data.diameter_mm, data.band_cells
        cells_ax = self.axes[0]
        shown = []
        for role, artist in self.lines.items():
            values = cells_by_role.get(role)
            if values is None:
                artist.set_data([], [])
                continue
            plotted = on_log_axis(values)
            artist.set_data(days, plotted)
            shown.append(values)
        x_max = float(data.x_max_days if data.x_max_days is not None else days[-1])
        x_max = max(x_max, 1.0)
        # A treated course drops on day 0: start the axis a little before it, so the
        # drop is not hidden behind the left edge.
        set_limits(cells_ax, x=(-0.015 * x_max if self.treated else 0.0, x_max))
        # The bottom of the axis is always one cell (below it, a clone is gone);
        # the top snaps to a power of ten, so most moves keep the same axes.
        _, high = decade_limits(np.concatenate(shown) if shown else np.array([]))
        if band_cells is not None:
            high = max(high, band_cells[1] * 10)
        if self.cells_top is not None:
            high = self.cells_top
        low = 1.0
        set_limits(cells_ax, y=(low, high))
        top = high / 1.0
        self.doses.set_offsets(np.column_stack([dose_days, np.full(len(dose_days), top)])
                               if len(dose_days) else np.empty((0, 2)))
        if nadir is not None and nadir[1] >= 1.0:
            self.nadir.set_data([nadir[0]], [nadir[1]])
        else:
            self.nadir.set_data([], [])
        if self.band is not None:
            lower, upper = band_cells if band_cells is not None else (1.0, 1.0)
            self.band.set_y(lower)
            self.band.set_height(upper - lower)
        if self.live_diameter_line is not None:
            live = data.live_diameter_mm
            self.live_diameter_line.set_data(*((days, live) if live is not None else ([], [])))
        if self.diameter_line is not None and diameter_mm is not None:
            self.diameter_line.set_data(days, diameter_mm)
            top_mm = float(np.nanmax(diameter_mm)) if diameter_mm.size else 1.0
            # Snap to a few round tops so most slider moves keep the axes (and the
            # cached background) as they are.
            set_limits(self.axes[1], y=(0, nice_top(1.1 * top_mm, minimum=5.0)))


class CellCourseFigure(CellCourseBase[CellCourseData]):
    """Cells over time (log scale), optionally above the diameter in mm."""

    def update(self, data: CellCourseData) -> None:
        """Put new data into the existing artists (no new figure, no re-layout)."""
        check_instance("data", data, CellCourseData)
        self._draw_cells(data)
