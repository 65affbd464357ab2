"""Lesson 04: each lesion, the sum that decides the category, and a blood marker.

Top: each lesion's true size (solid line: live cells and dead cells not yet
cleared), the size of its live cells alone (thin dotted line, when handed
in) and what each scan measured (dots).
Middle: the sum of measured diameters on each scan, with the partial-response
line and the progression line (levels in mm, handed in: the rule lives in
``clinic.response``), and the category written above each scan.
Bottom: the blood marker's true level (line) and blood tests (dots).

The figure knows nothing about the model: the panel hands it a ``ResponseCourseData``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..checks import Record, check_instance, check_int
from .label_spots import Segment, label_spot
from .limits import nice_top, set_limits, snap_up
from .live_figure import LiveFigure
from .style import BLACK, BLUE, GREY, ORANGE, ROLES, VERMILLION

__all__ = ["ResponseCourseData", "ResponseCourseFigure", "MAX_SCANS"]

_LESION_ROLES = ("lesion_a", "lesion_b", "lesion_c", "lesion_d", "lesion_e")
MAX_SCANS = 24  # category labels kept ready for this many scans (more are not labelled)


@dataclass(frozen=True)
class ResponseCourseData(Record):
    """What the three charts draw.

    Attributes:
        days: the time axis of the true sizes (days since the first dose).
        true_mm: true size (mm), one row per lesion, one column per day.
        scan_days: the day of each scan.
        measured_mm: what each scan measured (mm), one row per lesion, one column
            per scan, NaN where the scan did not see the lesion.
        sums_mm: the sum of measured diameters on each scan.
        categories: the label written above each scan ("Baseline", "PR" ...).
        partial_response_mm: the partial-response level (mm): one line across.
        progression_mm: after each scan, the progression level (mm) the next scan
            is compared with: a line in steps.
        dose_days: days a dose was given (triangles on the top edge).
        detection_limit_mm: the smallest diameter a scan shows (a dotted line).
        marker_days, marker_true: the marker's true level (units/mL) over time.
        marker_test_days, marker_tests: the blood tests.
        x_max_days: the last day the time axis must show (the figure snaps it up).
        highest: the most the size, sum and marker charts must show (mm, mm,
            units/mL); the figure adds room and snaps each top to a round value,
            so data that stays under these keeps the axes (and the cached background).
        live_mm: the size (mm) of each lesion's live cells alone, like ``true_mm``, or
            None to leave the dotted lines out.
    """

    days: np.ndarray
    true_mm: np.ndarray
    scan_days: Sequence[float]
    measured_mm: np.ndarray = field(metadata={"nan_ok": True})
    sums_mm: Sequence[float]
    categories: Sequence[str]
    partial_response_mm: float
    progression_mm: Sequence[float]
    dose_days: Sequence[float]
    detection_limit_mm: float
    marker_days: np.ndarray
    marker_true: np.ndarray
    marker_test_days: Sequence[float]
    marker_tests: np.ndarray
    x_max_days: float
    highest: tuple[float, float, float]
    live_mm: np.ndarray | None = None


def _drawn_max(*series: object) -> float:
    """The largest finite value among ``series`` (0 when there is none)."""
    values = np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in series])
    finite = values[np.isfinite(values)]
    return float(finite.max()) if finite.size else 0.0


class ResponseCourseFigure(LiveFigure[ResponseCourseData]):
    """Lesion sizes, the sum with its category lines, and a blood marker.

    Args:
        n_lesions: how many lesions to draw (1 to 5; legend "Lesion A", ...).
        theme: "standard" or "projector".
    """

    height_in = 7.0

    def __init__(self, n_lesions: int = 2, *, theme: str = "standard") -> None:
        self.n_lesions = check_int("n_lesions", n_lesions, minimum=1,
                                   maximum=len(_LESION_ROLES))
        super().__init__(theme)

    def build(self, figure: Figure) -> list[Axes]:
        size_ax, sum_ax, marker_ax = figure.subplots(3, 1, sharex=True,
                                                     height_ratios=(3, 3, 2))
        width = self.theme.line_width_pt
        # A title gives the dose markers on the top edge room to show whole.
        size_ax.set_title("Each lesion: true size and scan readings", loc="left", pad=14)
        roles = _LESION_ROLES[: self.n_lesions]
        self.true_lines = [self.line(size_ax, role, linewidth=width * 0.8, alpha=0.8)
                           for role in roles]
        # The live cells alone: thin, dotted, in the lesion's colour, under the true size.
        self.live_lines = [self.line(size_ax, role, linewidth=width * 0.5, linestyle=":",
                                     zorder=1.9)
                           for role in roles]
        self.scan_dots = []
        for role in roles:
            (dots,) = size_ax.plot([], [], linestyle="none", marker="o", markersize=7,
                                   color=ROLES[role].color, markeredgecolor=BLACK)
            self.scan_dots.append(self.dynamic(dots))
        self.limit_line = self.dynamic(size_ax.axhline(0.0, color=GREY, linestyle=":",
                                                       linewidth=width * 0.7))
        (doses,) = size_ax.plot([], [], linestyle="none", marker="v", markersize=8,
                                color=ORANGE, markeredgecolor=BLACK, clip_on=False,
                                transform=size_ax.get_xaxis_transform())
        doses.set_in_layout(False)  # empty at layout time: it would sit at the figure origin
        self.doses = self.dynamic(doses)
        # Legend: one colour entry per lesion, then what lines and dots mean.
        handles = [size_ax.plot([], [], color=ROLES[role].color,
                                linestyle=ROLES[role].linestyle, linewidth=width)[0]
                   for role in roles]
        labels = [ROLES[role].label for role in roles]
        handles += [size_ax.plot([], [], color=BLACK, linewidth=width * 0.8)[0],
                    size_ax.plot([], [], color=BLACK, linewidth=width * 0.5,
                                 linestyle=":")[0],
                    size_ax.plot([], [], linestyle="none", marker="o", markersize=7,
                                 color=GREY, markeredgecolor=BLACK)[0],
                    size_ax.plot([], [], color=GREY, linestyle=":", linewidth=width * 0.7)[0],
                    size_ax.plot([], [], linestyle="none", marker="v", markersize=8,
                                 color=ORANGE, markeredgecolor=BLACK)[0]]
        labels += ["Line: true size\n(live + dead cells)", "Thin dots: live cells only",
                   "Dot: scan reading", "Smallest a scan shows", "Dose given"]
        size_ax.set_ylabel("Diameter (mm)")
        size_ax.set_ylim(0, 40)
        size_ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                       borderaxespad=0)

        self.sum_line = self.line(sum_ax, "sum_of_diameters")
        (pr,) = sum_ax.plot([], [], color=BLUE, linestyle="--", linewidth=width * 0.8,
                            label="Partial response line")
        (pd,) = sum_ax.plot([], [], color=VERMILLION, linestyle="-.", linewidth=width * 0.8,
                            drawstyle="steps-post",
                            label="Progression line")
        self.pr_line = self.dynamic(pr)
        self.pd_line = self.dynamic(pd)
        self.category_labels = [
            self.dynamic(sum_ax.text(0, 0, "", ha="center", va="bottom", fontweight="bold",
                                     fontsize=self.theme.font_size_pt * 0.85, clip_on=True,
                                     in_layout=False))
            for _ in range(MAX_SCANS)]
        sum_ax.set_ylabel("Sum of\ndiameters (mm)")
        sum_ax.set_ylim(0, 80)
        sum_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)

        self.marker_line = self.line(marker_ax, "marker", label="True level")
        (tests,) = marker_ax.plot([], [], linestyle="none", marker="s", markersize=6,
                                  color=ORANGE, markeredgecolor=BLACK, label="Blood test")
        self.marker_tests = self.dynamic(tests)
        marker_ax.set_ylabel("Marker\n(units/mL)")
        # Lay out with the widest tick labels expected (4 digits, e.g. "1500"), so a
        # high marker's ticks never push the axis label off the figure's edge.
        marker_ax.set_ylim(0, 1500)
        marker_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        marker_ax.set_xlabel("Days since the first dose")
        marker_ax.set_xlim(0, 126)
        # The three axis labels in one column, whatever each axis's tick labels.
        figure.align_ylabels([size_ax, sum_ax, marker_ax])
        return [size_ax, sum_ax, marker_ax]

    def update(self, data: ResponseCourseData) -> None:
        """Put new data into the artists (no new artists, no layout)."""
        check_instance("data", data, ResponseCourseData)
        size_ax, sum_ax, marker_ax = self.axes
        days, true_mm, measured_mm = data.days, data.true_mm, data.measured_mm
        shown = days >= 0
        for row in range(self.n_lesions):
            values = true_mm[row] if row < len(true_mm) else np.full(days.size, np.nan)
            self.true_lines[row].set_data(days[shown], np.where(values[shown] > 0,
                                                                values[shown], np.nan))
            live = (data.live_mm[row] if data.live_mm is not None and row < len(data.live_mm)
                    else None)
            if live is None:
                self.live_lines[row].set_data([], [])
            else:
                self.live_lines[row].set_data(days[shown], np.where(live[shown] > 0,
                                                                    live[shown], np.nan))
            dots = measured_mm[row] if row < len(measured_mm) else np.array([])
            self.scan_dots[row].set_data(np.asarray(data.scan_days)[: dots.size], dots)
        self.limit_line.set_ydata([data.detection_limit_mm, data.detection_limit_mm])
        self.doses.set_data(list(data.dose_days), [1.0] * len(data.dose_days))
        # A little room after the last day, snapped to 3 weeks, so end labels fit.
        x_max = snap_up(data.x_max_days + 10, 21, 63)
        # The charts share one time axis: set on one, it is set on all.
        set_limits(self.axes[-1], x=(0, x_max))
        size_high, sum_high, marker_high = data.highest
        # The planned tops hold every reading the model expects; a reading beyond them
        # (a blood test's noise has no upper bound) still raises its axis: never clip a dot.
        size_high = max(size_high, _drawn_max(data.true_mm[:, shown], data.measured_mm))
        sum_high = max(sum_high, _drawn_max(data.sums_mm, data.progression_mm))
        marker_high = max(marker_high, _drawn_max(data.marker_tests) / 1.3)
        # Room above the highest value for the category labels, snapped to round tops.
        set_limits(size_ax, y=(0, snap_up(1.05 * size_high, 10, 20)))
        sum_top = snap_up(1.15 * sum_high, 20, 40)
        set_limits(sum_ax, y=(0, sum_top))
        set_limits(marker_ax, y=(0, nice_top(1.3 * marker_high)))

        sums = np.asarray(data.sums_mm, dtype=float)
        scans = np.asarray(data.scan_days, dtype=float)
        self.sum_line.set_data(scans, sums)
        level = data.partial_response_mm
        self.pr_line.set_data([0, x_max], [level, level])
        steps = np.asarray(data.progression_mm, dtype=float)
        # From each scan on, the line shows the level the next scan is compared with.
        self.pd_line.set_data(np.append(scans, x_max) if steps.size else [],
                              np.append(steps, steps[-1]) if steps.size else [])
        self._place_category_labels(data, scans, sums, steps, x_max, sum_top)

        marker_days = data.marker_days
        marker_shown = marker_days >= 0
        self.marker_line.set_data(marker_days[marker_shown], data.marker_true[marker_shown])
        self.marker_tests.set_data(list(data.marker_test_days), list(data.marker_tests))

    def _place_category_labels(self, data: ResponseCourseData, scans: np.ndarray,
                               sums: np.ndarray, steps: np.ndarray, x_max: float,
                               sum_top: float) -> None:
        """Write each scan's category above its dot, below it, or just above the lines
        that run through (``label_spots.label_spot``).

        The lines a label must not sit on: the partial-response line, the
        progression steps (flat parts and the jumps at each scan) and the sum.
        When every spot is crossed, the label goes above on a white background.
        """
        sum_ax = self.axes[1]
        level = data.partial_response_mm
        segments: list[Segment] = [(0.0, level, x_max, level)]
        ends = np.append(scans[1:], x_max)
        for j, step in enumerate(steps):
            segments.append((float(scans[j]), float(step), float(ends[j]), float(step)))
            if j:
                segments.append((float(scans[j]), float(steps[j - 1]), float(scans[j]),
                                 float(step)))
        segments += [(float(scans[j]), float(sums[j]), float(scans[j + 1]), float(sums[j + 1]))
                     for j in range(sums.size - 1)]
        renderer = self._canvas.get_renderer()
        # Data units per pixel, from the frozen layout.
        x_scale = x_max / sum_ax.bbox.width
        y_scale = sum_top / sum_ax.bbox.height
        gap = 0.03 * sum_top
        # Keep clear of a line's own half width and a little air (pixels).
        air_px = self.theme.line_width_pt * self.theme.dpi / 72 / 2 + 2
        for k, label in enumerate(self.category_labels):
            label.set_visible(k < sums.size)
            if k >= sums.size:
                label.set_text("")
                continue
            label.set_text(data.categories[k])
            near_end = scans[k] > x_max - 0.04 * x_max
            align = "left" if k == 0 else "right" if near_end else "center"
            label.set_horizontalalignment(align)
            extent = label.get_window_extent(renderer)
            width, height = extent.width * x_scale, extent.height * y_scale
            left = {"left": scans[k], "right": scans[k] - width,
                    "center": scans[k] - width / 2}[align]
            y, vertical, crowded = label_spot(
                (left, left + width), float(sums[k]), height, gap, segments,
                (0.0, x_max, 0.0, sum_top), pad=(air_px * x_scale, air_px * y_scale))
            label.set_verticalalignment(vertical)
            label.set_position((scans[k], y))
            label.set_bbox({"facecolor": "white", "edgecolor": "none", "alpha": 0.85,
                            "pad": 1.0} if crowded else None)
