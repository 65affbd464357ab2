"""Lesson 03 panel: scans are snapshots; seeds shed before treatment appear later.

A patient has a liver tumour (lesion A) and two deposits that began as a few
shed cells: lesion B in a lung (seeded 200 days before the first dose) and
lesion C in a bone (seeding day set by a control). The learner sets the
smallest size a scan can show and how often scans are taken, and sees when
each deposit was seeded and when a scan first showed it.

For education, not medical advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ipywidgets as widgets
import numpy as np

from ..clinic.scans import ScanPlan, ScanReading, take_scans
from ..models.lesions import Patient, PatientCourse, make_lesion, simulate_patient
from ..plain_words import days_in_words
from ..plots.lesion_timeline import LesionTimelineFigure
from ..scenarios.imaging import HIDDEN_SEEDS
from .base import LessonPanel, labelled

__all__ = ["ScansPanel", "ScansState", "scans_patient", "HORIZON_DAYS", "SEED_CELLS"]

HORIZON_DAYS = 252  # 36 weeks: six 21-day cycles, then 21 weeks of follow-up
SEED_CELLS = 10.0  # a deposit starts as a few shed cells
SCAN_NOISE_SEED = 7
X_LIMITS = (-400.0, 260.0)


def scans_patient(c_seeding_day: int) -> Patient:
    """Lesions A and B of the 'New lesions (hidden seeds)' scenario, plus lesion C.

    Lesion C (bone): 10 cells seeded on ``c_seeding_day``, resistant cells
    doubling every 15 days, at most 3e10 cells (logistic), like lesion B but
    a little slower.
    """
    a, b = HIDDEN_SEEDS.patient.lesions
    c = make_lesion("C", site="bone", seeding_day=c_seeding_day, start_cells=SEED_CELLS,
                    doubling_time_days=15.0, resistant_fraction=1.0,
                    resistant_log_kill_per_dose=0.0, law="logistic",
                    carrying_capacity_cells=3e10)
    return Patient((a, b, c), HIDDEN_SEEDS.patient.schedule)


@dataclass(frozen=True, eq=False)
class ScansState:
    """What the panel computed: the true course, the scans, and per-lesion facts."""

    patient: Patient
    course: PatientCourse
    scans: tuple[ScanReading, ...]
    first_seen: tuple[int | None, ...]
    limit_mm: float

    def baseline_mm(self, row: int) -> float:
        return self.scans[0].lesions[row].true_mm


def _week(day: float) -> str:
    return f"week {day / 7:.0f}"


def _span(days: int) -> str:
    """200 -> '200 days (29 weeks)'; 40 -> '40 days'. Never a minus sign in captions."""
    words = days_in_words(days)
    return f"{days} days" + (f" ({words})" if not words.endswith(" days") else "")


def _mm(value: float) -> str:
    """12.3 -> '12 mm'; 1.26 -> '1.3 mm': small sizes keep a decimal."""
    return f"{value:.0f} mm" if value >= 10 else f"{value:.1f} mm"


@lru_cache(maxsize=64)
def _course(c_seeding_day: int) -> tuple[Patient, PatientCourse]:
    # Only lesion C's seeding day changes the biology; limit and interval moves
    # reuse the course (the logistic lesions take most of a move's time).
    patient = scans_patient(c_seeding_day)
    return patient, simulate_patient(patient, HORIZON_DAYS)


class ScansPanel(LessonPanel):
    """Detection limit and scan interval; a timeline of seeding and first sight."""

    title = "Scans are snapshots: when did each deposit start, and when was it seen?"
    presets = {
        "New lesions (hidden seeds)": (
            {"detection_limit_mm": 5, "interval_weeks": 9, "c_seeding_day": -120},
            HIDDEN_SEEDS.story,
        ),
        "A much sharper scanner (1 mm)": (
            {"detection_limit_mm": 1, "interval_weeks": 9, "c_seeding_day": -120},
            "If a scan could show deposits as small as 1 mm, the baseline scan would already "
            "show lesion B. It would never have been called new: it was there before the "
            "first dose.",
        ),
        "Scans every 3 weeks": (
            {"detection_limit_mm": 5, "interval_weeks": 3, "c_seeding_day": -120},
            "More frequent scans see lesion B a little sooner, but it still first shows up "
            "during treatment: how often we look does not change when it started.",
        ),
        "What if cells were shed after the first dose?": (
            {"detection_limit_mm": 5, "interval_weeks": 9, "c_seeding_day": 60},
            "A 'what if': lesion C starts from a few cells two months into treatment. Growing "
            "to a size a scan can show takes it far longer than the time followed here.",
        ),
    }

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "detection_limit_mm": labelled(widgets.IntSlider(
                value=5, min=1, max=20, step=1,
                description="Smallest lesion a scan shows (mm)")),
            "interval_weeks": labelled(widgets.IntSlider(
                value=9, min=3, max=12, step=1, description="Weeks between scans")),
            "c_seeding_day": labelled(widgets.IntSlider(
                value=-120, min=-300, max=120, step=10,
                description="Lesion C seeded on day (minus = before treatment)")),
        }

    def make_figure(self, theme: str) -> LesionTimelineFigure:
        labels = [lesion.label for lesion in scans_patient(-120).lesions]
        return LesionTimelineFigure(labels, x_limits=X_LIMITS, theme=theme)

    # -- model ----------------------------------------------------------------
    def compute(self, values: Mapping[str, Any]) -> ScansState:
        patient, course = _course(int(values["c_seeding_day"]))
        plan = ScanPlan(interval_weeks=int(values["interval_weeks"]),
                        detection_limit_mm=float(values["detection_limit_mm"]),
                        seed=SCAN_NOISE_SEED)
        scans = take_scans(course, plan)
        first_seen = []
        for name in course.lesion_names:
            seen = [s.day for s in scans if name in s.visible_names]
            first_seen.append(seen[0] if seen else None)
        return ScansState(patient=patient, course=course, scans=scans,
                          first_seen=tuple(first_seen), limit_mm=plan.detection_limit_mm)

    def show(self, state: ScansState, values: Mapping[str, Any]) -> None:
        course = state.course
        seen_days, seen_mm = [], []
        for scan in state.scans:
            for r in scan.visible:
                seen_days.append(scan.day)
                seen_mm.append(r.measured_mm)
        self.figure.update(
            course.days, course.diameter_mm,
            seeding_days=course.seeding_days,
            seeded_small=[lesion.start_cells < 1e6 for lesion in state.patient.lesions],
            first_seen_days=state.first_seen,
            scan_days=[s.day for s in state.scans],
            seen_points=(seen_days, seen_mm),
            detection_limit_mm=state.limit_mm,
            end_day=float(course.horizon_days),
        )

    # -- words ----------------------------------------------------------------
    def _lesion_sentence(self, state: ScansState, row: int) -> str:
        lesion = state.patient.lesions[row]
        seed = lesion.seeding_day
        first = state.first_seen[row]
        limit = state.limit_mm
        when = (f"seeded {_span(-seed)} before the first dose" if seed < 0 else
                "seeded on the day of the first dose" if seed == 0 else
                f"seeded {_span(seed)} after the first dose (a 'what if')")
        text = f"<b>{lesion.label}</b> was {when}. "
        if first == state.scans[0].day:
            return text + (f"It was already {_mm(state.baseline_mm(row))} across at baseline, "
                           f"big enough for a scan that shows {limit:.0f} mm, so it is not new.")
        if seed <= 0:
            text += (f"On the baseline scan it was {_mm(state.baseline_mm(row))} across, "
                     f"below the {limit:.0f} mm a scan can show. ")
        if first is not None:
            mm = next(s for s in state.scans if s.day == first).reading(lesion.name).measured_mm
            return text + (f"It first showed on the scan of day {first} ({_week(first)}), "
                           f"measuring {_mm(mm)}: a \u2018new lesion\u2019.")
        last = state.scans[-1]
        text += (f"It is still too small to see on the last scan (day {last.day}: "
                 f"{_mm(last.reading(lesion.name).true_mm)}).")
        if seed > 0:
            cells_at_limit = state.patient.cells_per_cm3 * np.pi / 6 * (limit / 10) ** 3
            doublings = np.log2(cells_at_limit / lesion.start_cells)
            rate = max(c.effective_growth_rate_per_day for c in lesion.clones)
            days = doublings * np.log(2) / rate
            text += (f" From {lesion.start_cells:.0f} cells it needs about {doublings:.0f} "
                     f"doublings to reach {limit:.0f} mm: at least {days_in_words(days)} at "
                     "its pace.")
        return text

    def describe(self, state: ScansState, values: Mapping[str, Any]) -> str:
        rows = [row for row, lesion in enumerate(state.patient.lesions)
                if lesion.start_cells < 1e6]
        sentences = [self._lesion_sentence(state, row) for row in rows]
        appeared = [row for row in rows if state.first_seen[row] not in (None, 0)]
        late = [row for row in appeared if state.patient.lesions[row].seeding_day > 0]
        if appeared and not late:
            verdict = ("<b>Did the chemo make it spread?</b> Not in this picture: every lesion "
                       "that showed up after treatment began was seeded before the first dose "
                       "and grew, unseen, all along. The scan only caught up with it.")
        elif late:
            verdict = ("<b>Did the chemo make it spread?</b> In this 'what if', a lesion that "
                       "started after the first dose is seen; look how long it took to grow "
                       "big enough.")
        else:
            verdict = ("<b>Did the chemo make it spread?</b> No new lesion appears on these "
                       "scans. The deposits that were seeded before treatment are either seen "
                       "from the start or still hidden: a scan only shows what has grown big "
                       "enough.")
        return " ".join(sentences) + " " + verdict

    def alt_text(self, state: ScansState, values: Mapping[str, Any]) -> str:
        parts = []
        for row, lesion in enumerate(state.patient.lesions):
            first = state.first_seen[row]
            seen = f"first seen on day {first}" if first is not None else "never seen"
            seed = lesion.seeding_day
            start = (f"starts {-seed} days before the first dose" if seed < 0 else
                     f"starts {seed} days after the first dose" if seed > 0 else
                     "starts on the day of the first dose")
            parts.append(f"{lesion.label}: {start}, {seen}")
        days = ", ".join(str(s.day) for s in state.scans)
        return ("Two charts sharing a time axis from 400 days before the first dose (day 0) "
                "to day 260. Top: the true size of each lesion on a log scale, with a shaded "
                f"band below {state.limit_mm:.0f} mm that a scan cannot show and circles "
                "where a scan saw a lesion. Bottom: one row per lesion, dotted while it is "
                f"there but unseen, solid once seen. Scans on days {days}. "
                + "; ".join(parts) + ".")
