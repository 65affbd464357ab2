"""A planned course against the course as given, on the same axes (lesson 05).

A ``CellCourseFigure`` with the roles "planned" and "delivered", plus:

- hollow triangles on the planned dose days, filled ones on the days the
  doses were given (a smaller triangle for a reduced dose);
- a shaded stripe over each pause (from the day a dose was due to the day it
  was given), so the regrowth during the pause is easy to find.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..checks import check_instance
from .cell_course import CellCourseBase, CellCourseData
from .style import SKY_BLUE, VERMILLION

__all__ = ["DoseCourseData", "DoseCourseFigure"]

#: Pause stripes made up front; a course with more pauses shows only these many.
MAX_PAUSES = 12


@dataclass(frozen=True)
class DoseCourseData(CellCourseData):
    """A cells chart's data, plus the plan and the pauses.

    Attributes:
        dose_fractions: each given dose as a fraction of the full dose.
        planned_dose_days: the plan's dose days (hollow triangles).
        pauses: (day the dose was due, day it was given) for each delay.
        days_by_role: own time axes for lines sampled on other days than ``days``.
    """

    dose_fractions: Sequence[float] | None = None
    planned_dose_days: Sequence[float] = ()
    pauses: Sequence[tuple[float, float]] = ()
    days_by_role: Mapping[str, np.ndarray] | None = None


class DoseCourseFigure(CellCourseBase[DoseCourseData]):
    """Cells as planned and as given, with dose days and pauses marked.

    Args:
        theme: "standard" or "projector".
    """

    def __init__(self, *, theme: str = "standard") -> None:
        super().__init__(("planned", "delivered"), show_diameter=False, show_band=False,
                         theme=theme)

    def build(self, figure: Figure) -> list[Axes]:
        self.height_in = 4.6 if self.theme.name == "standard" else 5.2
        figure.set_size_inches(self.theme.figure_width_in, self.height_in)
        (cells_ax,) = super().build(figure)
        cells_ax.set_title("Cancer cells: the plan and what was given", loc="left", pad=20)
        self.lines["planned"].set_zorder(3)  # dotted, drawn over the solid line it follows
        marker_size = (4 * self.theme.line_width_pt) ** 2
        self.marker_size = marker_size
        self.doses.set_label("Dose given (smaller if reduced)")
        self.planned_doses = self.dynamic(cells_ax.scatter(
            [], [], marker="v", s=marker_size * 1.6, facecolor="none", edgecolor=SKY_BLUE,
            linewidth=1.5, zorder=4, label="Dose day in the plan", clip_on=False))
        self.pauses = []
        for k in range(MAX_PAUSES):
            stripe = Rectangle((0, 0), 0, 1, transform=cells_ax.get_xaxis_transform(),
                               facecolor=VERMILLION, alpha=self.theme.band_alpha, linewidth=0,
                               label="Pause (dose delayed)" if k == 0 else "_nolegend_")
            cells_ax.add_patch(stripe)
            self.pauses.append(self.dynamic(stripe))
        # This figure does not mark the nadir: lesson 05 keeps that word for blood counts.
        handles = [*self.lines.values(), self.doses, self.planned_doses, self.pauses[0]]
        # Below the chart, in columns: the labels are long, and the chart keeps its width
        # (most of all with the projector's large text).
        cells_ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2),
                        ncols=3 if self.theme.name == "standard" else 2, borderaxespad=0)
        return [cells_ax]

    def update(self, data: DoseCourseData) -> None:
        """As the cells chart, plus the plan's dose days, each dose's size (fraction
        of the full dose), the pauses as (start day, end day), and lines sampled on
        days of their own (the plan's dose days differ from the given ones)."""
        check_instance("data", data, DoseCourseData)
        days, cells_by_role, dose_days = data.days, data.cells_by_role, data.dose_days
        dose_fractions, planned_dose_days, pauses = (data.dose_fractions,
                                                     data.planned_dose_days, data.pauses)
        own_days = dict(data.days_by_role or {})
        for role, role_days in own_days.items():
            if len(role_days) != len(cells_by_role[role]):
                raise ValueError(f"days_by_role[{role!r}] must have one day per value; got "
                                 f"{len(role_days)} days for {len(cells_by_role[role])} values")
        # The cells chart pairs every line with ``days``; give it matching stand-ins for
        # the lines with days of their own, then set their real data.
        stand_in = {role: np.full(len(days), np.nan) if role in own_days else values
                    for role, values in cells_by_role.items()}
        self._draw_cells(dataclasses.replace(data, cells_by_role=stand_in, nadir=None))
        for role, role_days in own_days.items():
            values = np.asarray(cells_by_role[role], dtype=float)
            self.lines[role].set_data(role_days, np.where(values >= 1.0, values, np.nan))
        top = self.axes[0].get_ylim()[1]
        if dose_fractions is not None and len(dose_fractions) == len(dose_days):
            # Area in proportion to the dose, never vanishing.
            sizes = self.marker_size * np.clip(np.asarray(dose_fractions, float), 0.15, 1.0)
            self.doses.set_sizes(sizes)
        else:
            self.doses.set_sizes([self.marker_size])
        self.planned_doses.set_offsets(
            np.column_stack([planned_dose_days, np.full(len(planned_dose_days), top)])
            if len(planned_dose_days) else np.empty((0, 2)))
        for k, stripe in enumerate(self.pauses):
            if k < len(pauses):
                start, end = pauses[k]
                stripe.set_x(start)
                stripe.set_width(max(end - start, 0.0))
                stripe.set_visible(True)
            else:
                stripe.set_width(0.0)
                stripe.set_visible(False)
