"""Two tumours drawn to scale, before and after, beside the cube-root curve.

Shows why killing half the cells takes only about a fifth off the diameter, and
where the curve crosses the line a scan report calls a partial response.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from ..checks import Record, check_instance
from .live_figure import LiveFigure
from .style import BLUE, BLUISH_GREEN, GREY, VERMILLION

__all__ = ["SpheresData", "SpheresFigure"]


@dataclass(frozen=True)
class SpheresData(Record):
    """Diameters before and after (mm), the share of cells killed (0 to 1), and the
    change in diameter (percent, e.g. -30) drawn as a dashed line across the curve, or
    None for no line."""

    start_diameter_mm: float
    end_diameter_mm: float
    killed_fraction: float
    response_line_percent: float | None = None


class SpheresFigure(LiveFigure[SpheresData]):
    """Left: before and after circles to scale. Right: % diameter change vs % cells killed."""

    height_in = 3.4

    def build(self, figure: Figure) -> list[Axes]:
        circles_ax, curve_ax = figure.subplots(1, 2, width_ratios=(1.1, 1.0))
        circles_ax.set_aspect("equal")
        circles_ax.set_xlim(-1.1, 3.3)
        circles_ax.set_ylim(-1.25, 1.25)
        circles_ax.axis("off")
        circles_ax.set_title("Drawn to scale")
        self.before = self.dynamic(circles_ax.add_patch(
            Circle((0, 0), 1.0, facecolor="none", edgecolor=GREY, linestyle="--",
                   linewidth=self.theme.line_width_pt)))
        self.after = self.dynamic(circles_ax.add_patch(
            Circle((2.2, 0), 1.0, facecolor=BLUISH_GREEN, alpha=0.6, edgecolor="black",
                   linewidth=self.theme.line_width_pt)))
        self.before_label = self.dynamic(circles_ax.text(0, -1.2, "", ha="center", va="top"))
        self.after_label = self.dynamic(circles_ax.text(2.2, -1.2, "", ha="center", va="top"))

        killed = np.linspace(0, 99.9, 400)
        curve_ax.plot(killed, 100 * ((1 - killed / 100) ** (1 / 3) - 1), color=BLUE,
                      linewidth=self.theme.line_width_pt)
        curve_ax.set_xlim(0, 100)
        curve_ax.set_ylim(-100, 0)
        curve_ax.set_xlabel("Cancer cells killed (%)")
        curve_ax.set_ylabel("Change in diameter (%)")
        (line,) = curve_ax.plot([], [], color=VERMILLION, linestyle="--",
                                linewidth=0.7 * self.theme.line_width_pt)
        self.response_line = self.dynamic(line)
        self.response_label = self.dynamic(curve_ax.text(
            2, 0, "", color=VERMILLION, ha="left", va="top",
            fontsize=self.theme.font_size_pt * 0.85))
        (point,) = curve_ax.plot([], [], marker="o", markersize=10, color="black",
                                 linestyle="none")
        self.point = self.dynamic(point)
        return [circles_ax, curve_ax]

    def update(self, data: SpheresData) -> None:
        """Draw both circles (radius relative to the start) and mark the curve."""
        check_instance("data", data, SpheresData)
        start_diameter_mm, end_diameter_mm = data.start_diameter_mm, data.end_diameter_mm
        killed_fraction = data.killed_fraction
        ratio = end_diameter_mm / start_diameter_mm if start_diameter_mm > 0 else 0.0
        self.after.set_radius(max(ratio, 0.0))
        self.before_label.set_text(f"Before\n{start_diameter_mm:.1f} mm")
        self.after_label.set_text(f"After\n{end_diameter_mm:.1f} mm")
        self.point.set_data([100 * killed_fraction], [100 * (ratio - 1)])
        level = data.response_line_percent
        if level is None:
            self.response_line.set_data([], [])
            self.response_label.set_text("")
        else:
            self.response_line.set_data([0, 100], [level, level])
            # Below the line, on the left: the curve stays above it until most cells are gone.
            self.response_label.set_position((2, level - 2))
            self.response_label.set_text(f"Partial response: {abs(level):.0f}% smaller")
