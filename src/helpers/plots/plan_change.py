"""Lesson 07: what was given, each lesion's size, and the cells of each kind, on one time axis.

Top, a treatment strip: one row per treatment (drug A, drug B, a local treatment), a
mark on each day it was given. Middle, each lesion's true size in mm, a grey band for
"too small for a scan to see", dotted lines on the scan days, a dashed line on the
day a scan read progression (the plan review), and, dotted grey, one lesion's size had
the plan not changed. Bottom, cells of each kind on a log scale.

The figure knows nothing about the model: the panel hands it a ``PlanChangeData``.
Every axis is fixed, so a control change redraws only the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MultipleLocator, NullLocator

from ..checks import Record, check_instance, check_number
from .cell_course import cells_tick_label, on_log_axis
from .lesion_timeline import vertical_lines
from .limits import label_every_decade
from .live_figure import LiveFigure
from .style import BAND_ZORDER, BLACK, GREY, ORANGE, REDDISH_PURPLE, ROLES, SKY_BLUE

__all__ = ["PlanChangeData", "PlanChangeFigure"]

_LESION_ROLES = ("lesion_a", "lesion_b", "lesion_c", "lesion_d", "lesion_e")
# One look per strip row: drug A as the series' dose triangle, drug B a square, a local
# treatment a star. Shapes differ as well as colours, for readers who see no colour.
_ROW_LOOKS = ((ORANGE, "v"), (SKY_BLUE, "s"), (REDDISH_PURPLE, "*"))
# Kinds of cell: the series' sensitive and resistant looks, then a third, dotted.
_KIND_LOOKS = ((ROLES["sensitive"].color, ROLES["sensitive"].linestyle),
               (ROLES["resistant"].color, ROLES["resistant"].linestyle),
               (REDDISH_PURPLE, ":"))
CELLS_LOW, CELLS_HIGH = 1.0, 1e12


@dataclass(frozen=True)
class PlanChangeData(Record):
    """What the figure draws.

    Attributes:
        days: the time axis (days since the first dose), one entry per sample.
        diameter_mm: each lesion's size (mm), one row per lesion.
        cells_by_kind: cells per sample for each kind, in the order of the kind labels.
        treatment_days: for each strip row, the days that treatment was given.
        scan_days: every scan day (days).
        review_day: the day a scan read progression (days), or None.
        ghost_days, ghost_mm: one lesion's size (mm) had the plan not changed, or None.
        detection_limit_mm: top of the "too small to see" band (mm).
    """

    days: np.ndarray
    diameter_mm: np.ndarray
    cells_by_kind: tuple[np.ndarray, ...]
    treatment_days: tuple[tuple[float, ...], ...]
    scan_days: tuple[float, ...]
    review_day: float | None
    ghost_days: np.ndarray | None
    ghost_mm: np.ndarray | None
    detection_limit_mm: float


class PlanChangeFigure(LiveFigure[PlanChangeData]):
    """Treatment strip (top), lesion sizes (middle), cells of each kind (bottom).

    Args:
        lesion_labels: one legend label per lesion (at most 5).
        row_labels: one label per treatment-strip row (at most 3).
        kind_labels: one legend label per kind of cell (at most 3).
        ghost_label: the legend label of the "had the plan not changed" line.
        x_max_days: the last day shown; x_step_days: days between labelled ticks.
        size_top_mm: the top of the size axis (mm).
        theme: "standard" or "projector".
    """

    height_in = 8.0

    def __init__(self, lesion_labels: Sequence[str], row_labels: Sequence[str],
                 kind_labels: Sequence[str], *, ghost_label: str, x_max_days: float,
                 x_step_days: float, size_top_mm: float = 100.0,
                 theme: str = "standard") -> None:
        for name, labels, most in (("lesion_labels", lesion_labels, len(_LESION_ROLES)),
                                   ("row_labels", row_labels, len(_ROW_LOOKS)),
                                   ("kind_labels", kind_labels, len(_KIND_LOOKS))):
            if not 1 <= len(labels) <= most:
                raise ValueError(f"{name} must hold 1 to {most} labels; got {len(labels)}")
        check_number("x_max_days", x_max_days, 0.0, 36_500)
        check_number("x_step_days", x_step_days, 0.0, 36_500)
        check_number("size_top_mm", size_top_mm, 0.0, 1e4)
        if not (x_max_days > 0 and x_step_days > 0 and size_top_mm > 0):
            raise ValueError("x_max_days, x_step_days and size_top_mm must be above 0; got "
                             f"{x_max_days!r}, {x_step_days!r}, {size_top_mm!r}")
        self.lesion_labels, self.row_labels = tuple(lesion_labels), tuple(row_labels)
        self.kind_labels, self.ghost_label = tuple(kind_labels), ghost_label
        self.x_max_days, self.x_step_days = float(x_max_days), float(x_step_days)
        self.size_top_mm = float(size_top_mm)
        super().__init__(theme)

    def build(self, figure: Figure) -> list[Axes]:
        strip_ax, size_ax, cells_ax = figure.subplots(3, 1, sharex=True,
                                                      height_ratios=(1.5, 2.6, 3.4))
        width = self.theme.line_width_pt
        x_max = self.x_max_days
        cells_ax.set_xlim(-0.015 * x_max, x_max)
        cells_ax.xaxis.set_major_locator(MultipleLocator(self.x_step_days))
        cells_ax.set_xlabel("Days since the first dose")

        # -- the treatment strip -------------------------------------------------------
        rows = len(self.row_labels)
        strip_ax.set_ylim(rows - 0.5, -0.5)
        strip_ax.set_yticks(range(rows), self.row_labels)
        strip_ax.yaxis.set_minor_locator(NullLocator())
        strip_ax.grid(axis="y", visible=False)
        strip_ax.set_title("What was given", loc="left")
        self.marks = []
        for row, (colour, marker) in enumerate(_ROW_LOOKS[:rows]):
            (mark,) = strip_ax.plot([], [], linestyle="none", marker=marker,
                                    markersize=4 * width + (4 if marker == "*" else 0),
                                    markerfacecolor=colour, markeredgecolor=BLACK,
                                    markeredgewidth=0.6, zorder=4)  # above the review line
            self.marks.append((row, self.dynamic(mark)))

        # -- lesion sizes ----------------------------------------------------------------
        size_ax.set_ylim(0, self.size_top_mm)
        size_ax.set_ylabel("Size across (mm)")
        size_ax.set_title("Each lesion's size", loc="left")
        # Steady (drawn with the chart's axes): the same on every move.
        self.band: Rectangle = self.steady(size_ax.axhspan(
            0, 1, color=GREY, alpha=self.theme.band_alpha, linewidth=0,
            label="Too small to see", zorder=BAND_ZORDER))
        self.size_lines = [self.line(size_ax, role, label=label)
                           for role, label in zip(_LESION_ROLES, self.lesion_labels,
                                                  strict=False)]
        (ghost,) = size_ax.plot([], [], color=GREY, linestyle=":", linewidth=width,
                                label=self.ghost_label)
        self.ghost = self.dynamic(ghost)
        size_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        # Scan days and the review: lines across the size and cells charts, named in the
        # cells chart's legend (each legend then fits beside its own chart).
        look = ROLES["scan_day"]
        self.scan_lines, self.review_lines = [], []
        for ax in (size_ax, cells_ax):
            # Steady, beneath the data: the scan plan is the same on every move.
            (scan,) = ax.plot([], [], color=look.color, linestyle=look.linestyle,
                              linewidth=max(1.0, 0.6 * width), transform=ax.get_xaxis_transform(),
                              label="Scan day" if ax is cells_ax else None, zorder=1.9)
            self.scan_lines.append(self.steady(scan))
        for ax in (strip_ax, size_ax, cells_ax):
            (review,) = ax.plot([], [], color=BLACK, linestyle="--",
                                linewidth=max(1.2, 0.8 * width),
                                transform=ax.get_xaxis_transform(),
                                label="Scan that read\nprogression" if ax is cells_ax else None)
            self.review_lines.append(self.dynamic(review))

        # -- cells of each kind ----------------------------------------------------------
        cells_ax.set_yscale("log")
        cells_ax.set_ylim(CELLS_LOW, CELLS_HIGH)
        label_every_decade(cells_ax.yaxis, cells_tick_label)
        cells_ax.set_ylabel("Cancer cells, all\nlesions (log scale)")
        cells_ax.set_title("Cancer cells of each kind", loc="left")
        self.kind_lines = []
        for (colour, style), label in zip(_KIND_LOOKS, self.kind_labels, strict=False):
            (line,) = cells_ax.plot([], [], color=colour, linestyle=style, linewidth=width,
                                    label=label)
            self.kind_lines.append(self.dynamic(line))
        # The kinds first, then the scan lines drawn across this chart.
        cells_ax.legend(handles=[*self.kind_lines, self.scan_lines[-1], self.review_lines[-1]],
                        loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        return [strip_ax, size_ax, cells_ax]

    def update(self, data: PlanChangeData) -> None:
        """Put new data into the artists (no new figure, fixed axes)."""
        check_instance("data", data, PlanChangeData)
        if len(data.treatment_days) != len(self.row_labels):
            raise ValueError(f"treatment_days must have one row per strip row "
                             f"({len(self.row_labels)}); got {len(data.treatment_days)}")
        for row, mark in self.marks:
            days = list(data.treatment_days[row])
            mark.set_data(days, [row] * len(days))
        for row, line in enumerate(self.size_lines):
            line.set_data(data.days, data.diameter_mm[row])
        self.band.set_height(data.detection_limit_mm)
        if data.ghost_days is not None and data.ghost_mm is not None:
            self.ghost.set_data(data.ghost_days, data.ghost_mm)
        else:
            self.ghost.set_data([], [])
        x, y = vertical_lines(data.scan_days)
        for line in self.scan_lines:
            line.set_data(x, y)
        x, y = vertical_lines([] if data.review_day is None else [data.review_day])
        for line in self.review_lines:
            line.set_data(x, y)
        for line, cells in zip(self.kind_lines, data.cells_by_kind, strict=False):
            line.set_data(data.days, on_log_axis(cells))
