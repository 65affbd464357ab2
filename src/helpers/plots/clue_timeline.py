"""Lesson 06: several clues about one person on one time axis.

Five charts, one above the other, sharing the days since the first dose:

1. the symptom diary (0 to 10 each day), with a triangle on each dose day;
2. the temperature, with the fever line;
3. the white cells: the body's level (line) and blood tests (dots), with the low band;
4. the tumour marker: the level in the blood (line) and blood tests (squares);
5. the scans: the tumour's width on each scan (dots), each labelled with its change.

A dotted line runs down through all five charts on each dose day, so a learner can see
whether a clue keeps time with the doses. The figure knows nothing about the model:
the panel hands it a ``ClueTimelineData``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from ..checks import Record, check_instance
from .limits import nice_top, set_limits, snap_up
from .live_figure import LiveFigure
from .style import BLACK, BLUE, BLUISH_GREEN, GREY, ORANGE, REDDISH_PURPLE, VERMILLION

__all__ = ["ClueTimelineData", "ClueTimelineFigure", "MAX_SCANS"]

MAX_SCANS = 8  # scan labels kept ready for this many scans (more are not labelled)
_TEMPERATURE_C = (35.5, 40.0)  # the temperature chart's range (degrees C)
_WHITE_TOP = 6.0  # the white-cell chart's top (billions per litre)
# In the projector theme the figure is shorter (its text is larger, its charts flatter),
# so that the controls, the picture and the long caption fit on a 1024 x 768 screen
# without shrinking the picture below what keeps its text as large as the standard's.
_PROJECTOR_HEIGHT_IN = 5.2


@dataclass(frozen=True)
class ClueTimelineData(Record):
    """What the five charts draw.

    Attributes:
        days: the chart's days (days since the first dose).
        dose_days: the days a dose was given.
        scores: the diary score on each of ``days`` (0 to ``score_max``).
        score_max: the top of the diary scale.
        temperature_c: the temperature on each of ``days`` (degrees C).
        fever_c: the temperature at and above which it is a fever (a dashed line).
        white_line: the white cells on each of ``days`` (billions per litre).
        white_test_days, white_tests: the white-cell blood tests.
        low_white: below this the white cells are low (a shaded band).
        marker_days, marker_line: the marker's level (units/mL) over time.
        marker_test_days, marker_tests: the marker's blood tests.
        scan_days, scan_mm: each scan's day and the width it read (mm).
        scan_labels: the words written by each scan's dot ("first scan", "27% smaller").
        x_max_days: the chart's last day.
        highest: the most the marker and scan charts must show (units/mL, mm); the figure
            adds room and snaps each top to a round value.
    """

    days: np.ndarray
    dose_days: Sequence[float]
    scores: np.ndarray
    score_max: float
    temperature_c: np.ndarray
    fever_c: float
    white_line: np.ndarray
    white_test_days: Sequence[float]
    white_tests: np.ndarray
    low_white: float
    marker_days: np.ndarray
    marker_line: np.ndarray
    marker_test_days: Sequence[float]
    marker_tests: np.ndarray
    scan_days: Sequence[float]
    scan_mm: Sequence[float]
    scan_labels: Sequence[str]
    x_max_days: float
    highest: tuple[float, float]


def _dose_lines(dose_days: Sequence[float]) -> tuple[list[float], list[float]]:
    """One vertical stroke per dose day, from the bottom to the top of an axes (in axes
    height), as one line broken by NaN."""
    xs: list[float] = []
    ys: list[float] = []
    for day in dose_days:
        xs += [float(day), float(day), np.nan]
        ys += [0.0, 1.0, np.nan]
    return xs, ys


class ClueTimelineFigure(LiveFigure[ClueTimelineData]):
    """Diary, temperature, white cells, marker and scans, on one time axis."""

    height_in = 8.6

    def build(self, figure: Figure) -> list[Axes]:
        if self.theme.name == "projector":
            figure.set_size_inches(self.theme.figure_width_in, _PROJECTOR_HEIGHT_IN)
        axes = figure.subplots(5, 1, sharex=True, height_ratios=(3, 2, 2, 2, 2))
        diary_ax, heat_ax, white_ax, marker_ax, scan_ax = axes
        width = self.theme.line_width_pt
        outside = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0}
        diary_ax.set_title("One person's clues, day by day", loc="left", pad=14)

        (diary,) = diary_ax.plot([], [], color=BLUE, linewidth=width * 0.8, marker="o",
                                 markersize=3, label="Diary score")
        self.diary = self.dynamic(diary)
        (doses,) = diary_ax.plot([], [], linestyle="none", marker="v", markersize=8,
                                 color=ORANGE, markeredgecolor=BLACK, clip_on=False,
                                 transform=diary_ax.get_xaxis_transform(), label="Dose given")
        doses.set_in_layout(False)  # empty at layout time: it would sit at the figure origin
        self.doses = self.dynamic(doses)
        self.dose_lines = []
        for ax in axes:
            (line,) = ax.plot([], [], color=GREY, linestyle=":", linewidth=width * 0.6,
                              transform=ax.get_xaxis_transform(), zorder=1)
            line.set_in_layout(False)
            # Steady: the cycles set both the dose days and the time axis.
            self.dose_lines.append(self.steady(line))
        diary_ax.set_ylabel("Diary\n(0 to 10)")
        diary_ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # scores are whole numbers
        diary_ax.legend(**outside)

        (heat,) = heat_ax.plot([], [], color=VERMILLION, linewidth=width * 0.8,
                               label="Temperature")
        self.heat = self.dynamic(heat)
        # Beneath the temperature (drawn with the chart's static part, see ``steady``).
        (fever,) = heat_ax.plot([], [], color=BLACK, linestyle="--", linewidth=width * 0.6,
                                label="Fever line", zorder=1.5)
        self.fever_line = self.steady(fever)
        heat_ax.set_ylim(*_TEMPERATURE_C)
        heat_ax.set_yticks([36, 38, 40])  # 38: the fever line, labelled in either theme
        heat_ax.set_ylabel("Temperature\n(\u00b0C)")
        heat_ax.legend(**outside)

        # Across the whole width (x in axes units), from 0 up to the low level (data units).
        band = Rectangle((0.0, 0.0), 1.0, 1.0, transform=white_ax.get_yaxis_transform(),
                         facecolor=REDDISH_PURPLE, alpha=self.theme.band_alpha, linewidth=0,
                         label="Low")
        white_ax.add_patch(band)
        self.low_band = self.steady(band)
        (white,) = white_ax.plot([], [], color=BLUISH_GREEN, linewidth=width * 0.8,
                                 label="In the body")
        self.white = self.dynamic(white)
        (white_tests,) = white_ax.plot([], [], linestyle="none", marker="o", markersize=6,
                                       color=BLUISH_GREEN, markeredgecolor=BLACK,
                                       label="Blood test")
        self.white_tests = self.dynamic(white_tests)
        white_ax.set_ylim(0, _WHITE_TOP)
        white_ax.set_ylabel("White cells\n(billion/L)")
        white_ax.legend(**outside)

        (marker,) = marker_ax.plot([], [], color=ORANGE, linewidth=width * 0.8,
                                   label="In the blood")
        self.marker = self.dynamic(marker)
        (marker_tests,) = marker_ax.plot([], [], linestyle="none", marker="s", markersize=6,
                                         color=ORANGE, markeredgecolor=BLACK,
                                         label="Blood test")
        self.marker_tests = self.dynamic(marker_tests)
        # Laid out with the widest tick labels expected (4 digits, e.g. "1500").
        marker_ax.set_ylim(0, 1500)
        marker_ax.set_ylabel("Marker\n(units/mL)")
        marker_ax.legend(**outside)

        (scans,) = scan_ax.plot([], [], color=BLACK, linewidth=width * 0.6, marker="o",
                                markersize=8, markerfacecolor=GREY, markeredgecolor=BLACK,
                                label="Scan: tumour width")
        self.scans = self.dynamic(scans)
        self.scan_labels = [
            self.dynamic(scan_ax.text(0, 0, "", ha="center", va="bottom",
                                      fontsize=self.theme.font_size_pt * 0.85,
                                      fontweight="bold", clip_on=False, in_layout=False))
            for _ in range(MAX_SCANS)]
        scan_ax.set_ylim(0, 80)
        scan_ax.set_ylabel("Scan\n(width, mm)")
        scan_ax.set_xlabel("Days since the first dose")
        scan_ax.set_xlim(0, 126)
        scan_ax.legend(**outside)
        if self.theme.name == "projector":
            # The flatter charts are shorter than their two-line names: names read across.
            for ax in axes:
                ax.yaxis.label.set(rotation=0, horizontalalignment="right",
                                   verticalalignment="center")
        figure.align_ylabels(list(axes))
        return list(axes)

    def update(self, data: ClueTimelineData) -> None:
        """Put new data into the artists (no new artists, no layout)."""
        check_instance("data", data, ClueTimelineData)
        diary_ax, heat_ax, white_ax, marker_ax, scan_ax = self.axes
        x_max = float(data.x_max_days)
        # A little room either side, so the first and last points are not cut in half.
        # The charts share one time axis: set on one, it is set on all.
        set_limits(scan_ax, x=(-2.0, x_max + 2.0))
        xs, ys = _dose_lines(data.dose_days)
        for line in self.dose_lines:
            line.set_data(xs, ys)
        self.doses.set_data(list(data.dose_days), [1.0] * len(data.dose_days))

        set_limits(diary_ax, y=(0, data.score_max + 0.5))
        self.diary.set_data(data.days, data.scores)
        self.heat.set_data(data.days, data.temperature_c)
        self.fever_line.set_data([-2.0, x_max + 2.0], [data.fever_c, data.fever_c])
        self.low_band.set_height(float(data.low_white))
        self.white.set_data(data.days, data.white_line)
        self.white_tests.set_data(list(data.white_test_days), list(data.white_tests))

        marker_high, scan_high = data.highest
        set_limits(marker_ax, y=(0, nice_top(1.15 * marker_high)))
        self.marker.set_data(data.marker_days, data.marker_line)
        self.marker_tests.set_data(list(data.marker_test_days), list(data.marker_tests))

        scan_top = snap_up(1.3 * scan_high, 20, 40)
        set_limits(scan_ax, y=(0, scan_top))
        self.scans.set_data(list(data.scan_days), list(data.scan_mm))
        for k, label in enumerate(self.scan_labels):
            if k >= len(data.scan_days):
                label.set_text("")
                continue
            day, mm = float(data.scan_days[k]), float(data.scan_mm[k])
            label.set_text(data.scan_labels[k])
            # The first label starts at its dot, the last ends at it: both stay on the chart.
            label.set_horizontalalignment(
                "left" if k == 0 else "right" if day > x_max - 0.1 * x_max else "center")
            label.set_position((day, mm + 0.06 * scan_top))
