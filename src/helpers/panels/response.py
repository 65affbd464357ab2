"""Lesson 04 panels: reading the response from measurements.

- ``ResponsePanel``: a patient with several lesions, scanned on a schedule.
  The figure shows each lesion (true size and scan readings), the sum of
  diameters with the partial-response and progression lines, and a blood
  marker. A scan table lists each lesion's measurement, the sum, the change
  from baseline and from the smallest sum so far, and the category.
- ``RepeatReadingsPanel``: the same lesion scanned twice on the same day,
  many times over: how far apart two readings can be with no real change.

The categories are a teaching version of RECIST 1.1 (see clinic/response.py);
real assessment has more rules. For education, not medical advice.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import ipywidgets as widgets
import numpy as np

from ..clinic.response import CATEGORY_NAMES, Assessment
from ..clinic.scans import REPEAT_CT_LOG_CLIP, Swelling, repeat_readings
from ..models.lesions import PatientCourse, simulate_patient
from ..plain_words import percent, signed_percent
from ..plots.limits import nice_top, snap_up
from ..plots.response_course import ResponseCourseFigure
from ..plots.scan_readings import ScanReadingsFigure
from ..scenarios.imaging import IMAGING_SCENARIOS, ImagingRun, ImagingScenario, observe
from .base import LessonPanel, labelled

__all__ = ["ResponsePanel", "ResponseState", "RepeatReadingsPanel", "RepeatState",
           "scan_table_html"]

SWELLING_PEAK_DAY = 35
SWELLING_FADE_DAYS = 35


@lru_cache(maxsize=8)
def _course(name: str) -> PatientCourse:
    # The biology depends only on the patient; scan and marker controls reuse it.
    scenario = IMAGING_SCENARIOS[name]
    return simulate_patient(scenario.patient, scenario.horizon_days)


def _axis_tops(run: ImagingRun, swelling: Swelling | None) -> tuple[float, float, float]:
    """Y-axis tops from the noise-free truth, so re-reading the scans keeps the axes.

    A reading is at most exp(clip) above the truth times the swelling, and the
    progression line is at most 20% (or 5 mm) above the baseline sum.
    """
    course = run.course
    after = course.days >= 0
    noise = float(np.exp(REPEAT_CT_LOG_CLIP))
    first_dose = course.schedule.dose_days[0] if course.schedule.cycles else 0

    def swell(day: float) -> float:
        return 1.0 + (swelling.extra_fraction(day - first_dose) if swelling else 0.0)

    swollen = course.diameter_mm[:, after] * np.array([swell(d) for d in course.days[after]])
    size_top = snap_up(1.05 * noise * float(swollen.max()), 10, 20)
    # Over every day, not only scan days, so changing the scan interval keeps the axes.
    upper = noise * swollen.sum(axis=0)
    highest = max(float(upper.max()), 1.2 * float(upper[0]), float(upper[0]) + 5.0)
    sum_top = snap_up(1.15 * highest, 20, 40)
    marker_top = nice_top(1.3 * float(run.marker_true[after].max()))
    return size_top, sum_top, marker_top


def _preset(name: str, scenario: ImagingScenario, story: str, **changes: Any):
    swelling = scenario.scan_plan.swelling
    values = {"patient": name, "interval_weeks": scenario.scan_plan.interval_weeks,
              "swelling_pct": int(round(100 * swelling.peak_fraction)) if swelling else 0,
              "reading": 0, "half_life_days": 10, "surge_pct": 0}
    values.update(changes)
    return values, story


@dataclass(frozen=True, eq=False)
class ResponseState:
    """The scenario chosen and what the model showed for the current controls."""

    scenario: ImagingScenario
    run: ImagingRun
    swelling: Swelling | None = None

    @property
    def assessments(self) -> tuple[Assessment, ...]:
        return self.run.assessments


def _fmt_change(change: float | None) -> str:
    if change is None:
        return "\u2014"
    return f"{100 * change:+.0f}%"


def scan_table_html(state: ResponseState) -> str:
    """The scan table as an accessible HTML <table> with a <caption>."""
    run = state.run
    lesions = state.scenario.patient.lesions
    head = "".join(
        f"<th scope='col'>Lesion {html.escape(lesion.name)}"
        f"{', ' + html.escape(lesion.site) if lesion.site else ''} (mm)</th>"
        for lesion in lesions)
    rows = []
    for scan, a in zip(run.scans, run.assessments, strict=True):
        cells = []
        for lesion in lesions:
            r = scan.reading(lesion.name)
            if r.visible:
                text = f"{r.measured_mm:.1f}"
                if r.new:
                    text += " <b>(new)</b>"
            else:
                text = "not seen"
            cells.append(f"<td>{text}</td>")
        rows.append(
            f"<tr><th scope='row'>Day {scan.day} (week {scan.day // 7})</th>{''.join(cells)}"
            f"<td>{a.sum_mm:.1f}</td><td>{_fmt_change(a.change_from_baseline)}</td>"
            f"<td>{_fmt_change(a.change_from_smallest)}</td>"
            f"<td><b>{html.escape(a.category_name)}</b></td>"
            f"<td>{html.escape(a.reason)}</td></tr>")
    caption = ("Scan table: what each scan measured (lesions seen at baseline are added up; "
               "a lesion not seen counts 0 mm), the sum, its change from baseline and from the "
               "smallest sum before that scan, and the category by the teaching rules.")
    return (
        "<table class='chemo-scan-table' style='border-collapse:collapse;font-size:0.95em'>"
        f"<caption style='caption-side:top;text-align:left'>{html.escape(caption)}</caption>"
        f"<thead><tr><th scope='col'>Scan</th>{head}<th scope='col'>Sum (mm)</th>"
        "<th scope='col'>Change from baseline</th>"
        "<th scope='col'>Change from smallest so far</th><th scope='col'>Category</th>"
        "<th scope='col'>Why</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        "<style>.chemo-scan-table th,.chemo-scan-table td{border:1px solid #888;"
        "padding:0.25em 0.5em;text-align:left;vertical-align:top}</style>")


class ResponsePanel(LessonPanel):
    """A multi-lesion patient: scans, the sum, categories, a marker, and a scan table."""

    title = "Reading the response: each lesion, the sum, the category"
    presets = {
        "Mixed response": _preset(
            "Mixed response", IMAGING_SCENARIOS["Mixed response"],
            IMAGING_SCENARIOS["Mixed response"].story),
        "New lesions (hidden seeds)": _preset(
            "New lesions (hidden seeds)", IMAGING_SCENARIOS["New lesions (hidden seeds)"],
            IMAGING_SCENARIOS["New lesions (hidden seeds)"].story),
        "Early swelling (confusing first scan)": _preset(
            "Early swelling (confusing first scan)",
            IMAGING_SCENARIOS["Early swelling (confusing first scan)"],
            IMAGING_SCENARIOS["Early swelling (confusing first scan)"].story),
        "Marker surge at the start": _preset(
            "Early swelling (confusing first scan)",
            IMAGING_SCENARIOS["Early swelling (confusing first scan)"],
            "The same slowly responding lesions, now without swelling, but dying cells spill "
            "marker into the blood after the first dose. The first blood test after it can "
            "read higher while the scans show shrinkage: a clue, not a verdict.",
            swelling_pct=0, surge_pct=150, half_life_days=14),
    }

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        # The scan table sits below the caption; made here so show() can fill it.
        self.table = widgets.HTML()
        self.table.add_class("chemo-table")
        return {
            "patient": labelled(widgets.Dropdown(
                options=list(IMAGING_SCENARIOS), value="Mixed response",
                description="Patient")),
            "interval_weeks": labelled(widgets.IntSlider(
                value=9, min=3, max=12, description="Weeks between scans")),
            "swelling_pct": labelled(widgets.IntSlider(
                value=0, min=0, max=100, step=10,
                description="Treatment swelling at its peak (%)")),
            "reading": labelled(widgets.IntSlider(
                value=0, min=0, max=20,
                description="Re-read the scans (try another reading)")),
            "half_life_days": labelled(widgets.IntSlider(
                value=10, min=2, max=40, description="Marker half-life (days)")),
            "surge_pct": labelled(widgets.IntSlider(
                value=0, min=0, max=200, step=25,
                description="Marker surge after the first dose (%)")),
        }

    def __init__(self, theme: str = "standard") -> None:
        super().__init__(theme)
        self.widget.children = (*self.widget.children, self.table)

    def make_figure(self, theme: str) -> ResponseCourseFigure:
        most = max(len(s.patient.lesions) for s in IMAGING_SCENARIOS.values())
        return ResponseCourseFigure(most, theme=theme)

    # -- model ----------------------------------------------------------------
    def compute(self, values: Mapping[str, Any]) -> ResponseState:
        scenario = IMAGING_SCENARIOS[values["patient"]]
        swelling_pct = int(values["swelling_pct"])
        swelling = (Swelling(swelling_pct / 100, SWELLING_PEAK_DAY, SWELLING_FADE_DAYS)
                    if swelling_pct > 0 else None)
        plan = replace(scenario.scan_plan, interval_weeks=int(values["interval_weeks"]),
                       swelling=swelling, seed=scenario.scan_plan.seed + int(values["reading"]))
        marker = replace(scenario.marker, half_life_days=float(values["half_life_days"]),
                         surge_fraction=int(values["surge_pct"]) / 100)
        run = observe(scenario.patient, plan, scenario.horizon_days, marker,
                      marker_seed=int(values["reading"]), course=_course(values["patient"]))
        return ResponseState(scenario=scenario, run=run, swelling=swelling)

    def show(self, state: ResponseState, values: Mapping[str, Any]) -> None:
        run = state.run
        course = run.course
        measured = np.array([[scan.measured(name) if scan.measured(name) is not None
                              else np.nan for scan in run.scans]
                             for name in course.lesion_names], dtype=float)
        self.figure.update(
            course.days, course.diameter_mm,
            scan_days=run.scan_days, measured_mm=measured,
            sums_mm=[a.sum_mm for a in run.assessments],
            categories=["Baseline" if a.category == "BL" else
                        "PD (new)" if a.category == "PD" and a.new_lesions else a.category
                        for a in run.assessments],
            dose_days=course.schedule.dose_days,
            detection_limit_mm=run.scans[0].detection_limit_mm,
            marker_days=course.days, marker_true=run.marker_true,
            marker_test_days=run.marker_days, marker_tests=run.marker_readings,
            x_max_days=course.horizon_days, tops=_axis_tops(run, state.swelling),
        )
        self.table.value = scan_table_html(state)

    # -- words ----------------------------------------------------------------
    def describe(self, state: ResponseState, values: Mapping[str, Any]) -> str:
        run = state.run
        scans, assessments = run.scans, run.assessments
        base = scans[0]
        parts = []
        # Mixed response: on one scan, one baseline lesion smaller, another larger.
        for scan in scans[1:]:
            changes = {n: (scan.measured(n) or 0.0) / base.measured(n) - 1
                       for n in base.visible_names}
            smaller = [n for n, c in changes.items() if c < -0.1]
            larger = [n for n, c in changes.items() if c > 0.1]
            if smaller and larger:
                a = next(x for x in assessments if x.day == scan.day)
                parts.append(
                    f"On the scan of day {scan.day}, lesion {smaller[0]} reads "
                    f"{signed_percent(changes[smaller[0]])} than at baseline but lesion "
                    f"{larger[0]} reads {signed_percent(changes[larger[0]])}: a "
                    f"<b>mixed response</b>. The sum calls it "
                    f"{a.category_name.lower()}, so the team reviews each site.")
                break
        # New lesions.
        for scan in scans[1:]:
            if scan.new_lesions:
                names = ", ".join(scan.new_lesions)
                parts.append(f"A <b>new lesion</b> ({names}) shows on day {scan.day}: by the "
                             "rules that is progression, whatever the sum does.")
                break
        # Early swelling: the first follow-up reads larger while the true size fell.
        if len(scans) >= 2:
            first = scans[1]
            true0 = sum(r.true_mm for r in base.lesions if r.name in base.visible_names)
            true1 = sum(r.true_mm for r in first.lesions if r.name in base.visible_names)
            if assessments[1].sum_mm > assessments[0].sum_mm and true1 < true0:
                why = ("treatment swelling" if first.swelling_fraction > 0.05
                       else "measurement noise")
                text = (f"The first scan (day {first.day}) reads "
                        f"{signed_percent(assessments[1].change_from_baseline or 0)} than "
                        f"baseline, yet the true size is {signed_percent(true1 / true0 - 1)}: "
                        f"<b>{why}</b>.")
                if len(assessments) >= 3:
                    text += (f" The confirming scan (day {scans[2].day}) reads "
                             f"{signed_percent(assessments[2].change_from_baseline or 0)} than "
                             "baseline.")
                parts.append(text)
        sequence = ", ".join(CATEGORY_NAMES[a.category].lower() for a in assessments[1:])
        parts.append(f"Categories, scan by scan: {sequence}.")
        m = run.marker_readings
        trend = "fell" if m[-1] < m[0] else "rose"
        text = (f"The blood marker {trend} from {m[0]:.0f} to {m[-1]:.0f} units/mL "
                f"(tests on day 0 and day {run.marker_days[-1]}).")
        if len(m) >= 2 and len(assessments) >= 2:
            scan_shrank = assessments[1].sum_mm < assessments[0].sum_mm
            if m[1] > m[0] and scan_shrank:
                text += (f" Its test on day {run.marker_days[1]} rose while the next scan "
                         "shrank: a surge from dying cells.")
            elif run.marker_on(scans[1].day) < m[0] and not scan_shrank:
                text += (f" On day {scans[1].day} it had fallen while the scan read larger: the "
                         "marker follows the cancer cells, not the swelling.")
        parts.append(text + " A marker is a clue, never a verdict on its own.")
        return " ".join(parts)

    def alt_text(self, state: ResponseState, values: Mapping[str, Any]) -> str:
        run = state.run
        sums = ", ".join(f"day {a.day}: {a.sum_mm:.0f} mm ({CATEGORY_NAMES[a.category]})"
                         for a in run.assessments)
        return ("Three charts sharing a time axis in days since the first dose. Top: each "
                "lesion's true diameter as a line and its scan readings as dots; dose days "
                "marked with triangles. Middle: the sum of measured diameters on each scan "
                "with the partial-response line (30% below baseline) and the progression line "
                f"(20% and 5 mm above the smallest sum): {sums}. Bottom: the blood marker's "
                "true level and blood tests on scan and dose days.")


@dataclass(frozen=True, eq=False)
class RepeatState:
    """Pairs of same-day readings of one lesion and their changes in percent."""

    true_mm: float
    readings: np.ndarray  # pairs x 2
    changes: np.ndarray  # percent, one per pair

    @property
    def within_10(self) -> float:
        return float(np.mean(np.abs(self.changes) <= 10.0 + 1e-9))

    @property
    def looks_like_progression(self) -> int:
        """Pairs where the second reading is 20% and 5 mm or more above the first."""
        first, second = self.readings[:, 0], self.readings[:, 1]
        return int(np.sum((second >= 1.2 * first - 1e-9) & (second - first >= 5.0 - 1e-9)))


def _change_words(change_percent: float) -> str:
    """-15.24 -> '15.2% smaller'; 19.6 -> '19.6% larger' (one decimal, so 19.6 is not '20')."""
    word = "larger" if change_percent >= 0 else "smaller"
    return f"{abs(change_percent):.1f}% {word}"


class RepeatReadingsPanel(LessonPanel):
    """The same lesion scanned twice on one day: how far apart two readings can be."""

    title = "One lesion, scanned twice on the same day, many times over"
    presets = {
        "A 20 mm lesion, 100 pairs": (
            {"true_mm": 20, "pairs": 100, "reading": 0},
            "Nothing changes between the two scans, yet the readings differ: most pairs by "
            "less than 10%, a few by 20% or more.",
        ),
        "A small lesion (10 mm)": (
            {"true_mm": 10, "pairs": 100, "reading": 0},
            "For a 10 mm lesion, a 20% rise is only 2 mm. The rule that progression also needs "
            "5 mm keeps noise like this from being called growth.",
        ),
        "A large lesion (50 mm)": (
            {"true_mm": 50, "pairs": 100, "reading": 0},
            "For a 50 mm lesion, 5 mm is only 10%, so the 5 mm rule protects less: the 20% "
            "rule does the work.",
        ),
    }

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {
            "true_mm": labelled(widgets.IntSlider(
                value=20, min=5, max=60, description="True size of the lesion (mm)")),
            "pairs": labelled(widgets.IntSlider(
                value=50, min=10, max=200, step=10, description="Pairs of same-day scans")),
            "reading": labelled(widgets.IntSlider(
                value=0, min=0, max=20, description="Another set of readings")),
        }

    def make_figure(self, theme: str) -> ScanReadingsFigure:
        return ScanReadingsFigure(theme)

    def compute(self, values: Mapping[str, Any]) -> RepeatState:
        pairs = int(values["pairs"])
        readings = repeat_readings(float(values["true_mm"]), 2 * pairs,
                                   seed=int(values["reading"])).reshape(pairs, 2)
        changes = 100.0 * (readings[:, 1] / readings[:, 0] - 1.0)
        return RepeatState(true_mm=float(values["true_mm"]), readings=readings,
                           changes=changes)

    def show(self, state: RepeatState, values: Mapping[str, Any]) -> None:
        self.figure.update(state.changes)

    def describe(self, state: RepeatState, values: Mapping[str, Any]) -> str:
        n = state.changes.size
        within = int(round(state.within_10 * n))
        big_rise = int(np.sum(state.changes >= 20.0 - 1e-9))
        both = state.looks_like_progression
        low, high = state.changes.min(), state.changes.max()
        text = (f"{n} pairs of same-day scans of one {state.true_mm:.0f} mm lesion. Nothing "
                f"really changed, yet only {within} pairs ({percent(within / n)}) agree "
                f"within 10%. The biggest differences are {_change_words(low)} and "
                f"{_change_words(high)}. ")
        if big_rise == 0:
            text += ("In this set no pair reads 20% or more larger the second time; try "
                     "another set or more pairs. ")
        else:
            pairs = "1 pair reads" if big_rise == 1 else f"{big_rise} pairs read"
            text += f"{pairs} 20% or more larger the second time"
            if both == 0:
                text += ("; none of them grew by 5 mm, so the 5 mm rule keeps them from "
                         "counting as progression. ")
            else:
                text += (f"; {both} of them also grew by 5 mm or more: noise alone would "
                         "look like progression. ")
        text += ("That is why teams compare with earlier scans, look at the trend and "
                 "confirm a surprising result before changing course.")
        return text

    def alt_text(self, state: RepeatState, values: Mapping[str, Any]) -> str:
        return ("A dot chart: each dot is one pair of same-day scans of a "
                f"{state.true_mm:.0f} mm lesion, placed at how much the second reading "
                "differed from the first, from -35% to +35%. Most dots sit inside the "
                "shaded band of plus or minus 10%; a dashed line marks -30% (partial "
                f"response) and a dash-dot line +20% (progression). Changes range from "
                f"{state.changes.min():+.0f}% to {state.changes.max():+.0f}%.")
