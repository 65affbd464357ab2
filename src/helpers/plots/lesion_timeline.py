"""Lesson 03: when each deposit was seeded, how it grew, and when a scan first saw it.

Top: each lesion's true diameter over time on a log scale (each step up is
ten times wider), the "too small to see" band below the detection limit,
and the readings of the scans that saw it. Bottom: a timeline, one row per
lesion: a dotted stretch while it was there but unseen, a solid stretch
once a scan had shown it, a circle on its seeding day and a star on the
first scan that showed it. Grey dotted lines mark scan days; the dashed line
marks the first dose (day 0).

The figure knows nothing about the model: the panel hands it a
``LesionTimelineData``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter, NullLocator

from ..checks import MAX_MAGNITUDE, Record, check_instance, check_number
from .live_figure import LiveFigure
from .style import BLACK, GREY, ROLES

__all__ = ["LesionTimelineData", "LesionTimelineFigure", "mm_tick_label", "vertical_lines"]

_LESION_ROLES = ("lesion_a", "lesion_b", "lesion_c", "lesion_d", "lesion_e")
MM_LOW, MM_HIGH = 0.01, 100.0


def mm_tick_label(value: float, _position=None) -> str:
    """0.01 -> '0.01 mm', 10 -> '1 cm', 100 -> '10 cm'."""
    value = check_number("value", value, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    if value >= 10:
        return f"{value / 10:g} cm"
    return f"{value:g} mm"


def vertical_lines(days: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """x, y data for one Line2D drawing a full-height line at each day (axes-y 0 to 1)."""
    if isinstance(days, str | bytes) or not isinstance(days, Sequence | np.ndarray):
        raise TypeError(f"days must be a list of days; got {days!r:.80}")
    for index, day in enumerate(days):
        check_number(f"days[{index}]", day, -36_500, 36_500)
    if len(days) == 0:
        return np.array([]), np.array([])
    x = np.repeat(np.asarray(days, dtype=float), 3)
    y = np.tile([0.0, 1.0, np.nan], len(days))
    return x, y


@dataclass(frozen=True)
class LesionTimelineData(Record):
    """What the timeline draws.

    Attributes:
        days: the time axis (days since the first dose), one entry per sample.
        diameter_mm: true diameters (mm), one row per lesion, one column per sample.
        seeding_days: each lesion's seeding day (days).
        seeded_small: whether each lesion started from a few cells (it gets a "seeded"
            circle) rather than at a visible size.
        first_seen_days: day of the first scan that showed each lesion (days), or None.
        scan_days: every scan day (days).
        seen_days, seen_mm: day (days) and measured size (mm) of every reading that saw a
            lesion.
        detection_limit_mm: top of the "too small" band (mm).
        end_day: the last day followed (days).
    """

    days: np.ndarray
    diameter_mm: np.ndarray
    seeding_days: tuple[float, ...]
    seeded_small: tuple[bool, ...]
    first_seen_days: tuple[float | None, ...]
    scan_days: tuple[float, ...]
    seen_days: tuple[float, ...]
    seen_mm: tuple[float, ...]
    detection_limit_mm: float
    end_day: float


class LesionTimelineFigure(LiveFigure[LesionTimelineData]):
    """True sizes (top) and a seeded/unseen/seen timeline (bottom) for fixed lesions.

    Args:
        labels: one legend label per lesion ("Lesion A (liver)"), at most 5.
        x_limits: the days shown (fixed, so the cached background survives).
        theme: "standard" or "projector".
    """

    height_in = 5.6

    def __init__(self, labels: Sequence[str], *, x_limits: tuple[float, float] = (-400, 260),
                 theme: str = "standard") -> None:
        if not 1 <= len(labels) <= len(_LESION_ROLES):
            raise ValueError(f"labels must hold 1 to {len(_LESION_ROLES)} lesion labels; "
                             f"got {len(labels)}")
        self.labels = tuple(labels)
        check_instance("x_limits", x_limits, tuple)
        if len(x_limits) != 2:
            raise ValueError(f"x_limits must be (first day, last day); got {x_limits!r}")
        first, last = (check_number(f"x_limits[{k}]", day, -36_500, 36_500)
                       for k, day in enumerate(x_limits))
        if first >= last:
            raise ValueError(f"x_limits must run from an earlier day to a later one; "
                             f"got {x_limits!r}")
        self.x_limits = (first, last)
        super().__init__(theme)

    def build(self, figure: Figure) -> list[Axes]:
        size_ax, time_ax = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
        n = len(self.labels)
        roles = _LESION_ROLES[:n]
        width = self.theme.line_width_pt

        size_ax.set_yscale("log")
        size_ax.set_ylim(MM_LOW, MM_HIGH)
        size_ax.yaxis.set_major_locator(FixedLocator([0.01, 0.1, 1, 10, 100]))
        size_ax.yaxis.set_major_formatter(FuncFormatter(mm_tick_label))
        size_ax.yaxis.set_minor_locator(NullLocator())
        size_ax.yaxis.set_minor_formatter(NullFormatter())
        size_ax.set_ylabel("True size across\n(log scale)")
        size_ax.set_xlim(*self.x_limits)
        self.band: Rectangle = self.dynamic(size_ax.axhspan(MM_LOW, 5.0, color=GREY,
                                                 alpha=self.theme.band_alpha, linewidth=0,
                                                 label="Too small for the scan"))
        self.size_lines = [self.line(size_ax, role, label=label)
                           for role, label in zip(roles, self.labels, strict=True)]
        (seen,) = size_ax.plot([], [], linestyle="none", marker="o", markersize=6,
                               markerfacecolor="white", markeredgecolor=BLACK,
                               markeredgewidth=1.5, label="Seen on a scan")
        self.seen = self.dynamic(seen)

        look = ROLES["scan_day"]
        for ax in (size_ax, time_ax):
            ax.axvline(0, color=BLACK, linestyle="--", linewidth=max(1.0, width * 0.7),
                       label="First dose (day 0)" if ax is size_ax else None)
        self.scan_lines = []
        for ax in (size_ax, time_ax):
            (line,) = ax.plot([], [], color=look.color, linestyle=look.linestyle,
                              linewidth=max(1.0, width * 0.6), transform=ax.get_xaxis_transform(),
                              label=look.label if ax is size_ax else None)
            self.scan_lines.append(self.dynamic(line))
        size_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)

        time_ax.set_ylim(n - 0.5, -0.5)
        time_ax.set_yticks(range(n), [label.replace(" (", "\n(") for label in self.labels])
        time_ax.grid(axis="y", visible=False)
        self.unseen_lines, self.seen_lines, self.seed_marks, self.first_marks = [], [], [], []
        for row, role in enumerate(roles):
            colour = ROLES[role].color
            (unseen,) = time_ax.plot([], [], color=colour, linestyle=":", linewidth=width,
                                     label="There, not yet seen" if row == 0 else None)
            (shown,) = time_ax.plot([], [], color=colour, linestyle="-", linewidth=width * 2.5,
                                    solid_capstyle="butt",
                                    label="Seen on scans" if row == 0 else None)
            (seed,) = time_ax.plot([], [], linestyle="none", marker="o", markersize=9,
                                   markerfacecolor=colour, markeredgecolor=BLACK,
                                   label="Seeded" if row == 0 else None)
            (first,) = time_ax.plot([], [], linestyle="none", marker="*", markersize=15,
                                    markerfacecolor=colour, markeredgecolor=BLACK,
                                    label="First seen" if row == 0 else None)
            self.unseen_lines.append(self.dynamic(unseen))
            self.seen_lines.append(self.dynamic(shown))
            self.seed_marks.append(self.dynamic(seed))
            self.first_marks.append(self.dynamic(first))
        # Legend entries in neutral black, so they describe the line kinds, not lesion A.
        handles = [time_ax.plot([], [], color=BLACK, linestyle=":", linewidth=width)[0],
                   time_ax.plot([], [], color=BLACK, linewidth=width * 2.5)[0],
                   time_ax.plot([], [], linestyle="none", marker="o", markersize=9,
                                markerfacecolor=GREY, markeredgecolor=BLACK)[0],
                   time_ax.plot([], [], linestyle="none", marker="*", markersize=15,
                                markerfacecolor=GREY, markeredgecolor=BLACK)[0]]
        time_ax.legend(handles, ["There, not yet seen", "Seen on scans", "Seeded",
                                 "First seen on a scan"],
                       loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        time_ax.set_xlabel("Days since the first dose (negative = before treatment)")
        return [size_ax, time_ax]

    def update(self, data: LesionTimelineData) -> None:
        """Put new data into the artists (no new figure, fixed axes)."""
        check_instance("data", data, LesionTimelineData)
        x0 = self.x_limits[0]
        end_day = data.end_day
        for row, line in enumerate(self.size_lines):
            values = data.diameter_mm[row]
            # Below the axis bottom (or not yet there) leave a gap rather than a NaN warning.
            line.set_data(data.days, np.where(values >= MM_LOW, values, np.nan))
        self.band.set_y(MM_LOW)
        self.band.set_height(max(data.detection_limit_mm, MM_LOW) - MM_LOW)
        self.seen.set_data(list(data.seen_days), list(data.seen_mm))
        x, y = vertical_lines(data.scan_days)
        for line in self.scan_lines:
            line.set_data(x, y)
        for row in range(len(self.labels)):
            seeding_day = float(data.seeding_days[row])
            start = max(seeding_day, x0)
            first = data.first_seen_days[row]
            hidden_end = end_day if first is None else float(first)
            if start < end_day:
                self.unseen_lines[row].set_data([start, max(start, hidden_end)], [row, row])
            else:
                self.unseen_lines[row].set_data([], [])
            if first is not None:
                self.seen_lines[row].set_data([first, end_day], [row, row])
                self.first_marks[row].set_data([first], [row])
            else:
                self.seen_lines[row].set_data([], [])
                self.first_marks[row].set_data([], [])
            if data.seeded_small[row] and x0 <= seeding_day <= end_day:
                self.seed_marks[row].set_data([seeding_day], [row])
            else:
                self.seed_marks[row].set_data([], [])
