"""Lesson 04, reading the response: the caption, the alt text, the scan table and its reasons.

The findings (which scan, which lesions, how much) are worked out in
``lessons.response``; here they are only said. The rule's numbers (30%, 20%,
5 mm) are read from ``clinic.response``, never typed.
"""

from __future__ import annotations

import html

from ..checks import check_instance
from ..clinic.response import (
    CATEGORY_NAMES,
    PARTIAL_RESPONSE_CHANGE,
    PROGRESSION_CHANGE,
    PROGRESSION_MIN_MM,
    Assessment,
)
from ..lessons.response import (
    ChartEnd,
    FirstScanLarger,
    MarkerCourse,
    MixedResponse,
    NewLesion,
    ResponseState,
)
from ..plain_words import percent, signed_percent

__all__ = ["caption", "alt_text", "reason", "scan_table_html", "PARTIAL_RESPONSE_WORDS",
           "PROGRESSION_RISE_WORDS", "PROGRESSION_MIN_WORDS", "PROGRESSION_WORDS"]


#: The rule's numbers in words, from their one home in ``clinic.response``: the
#: series says them only through these.
PARTIAL_RESPONSE_WORDS = percent(-PARTIAL_RESPONSE_CHANGE)  # "30%"
PROGRESSION_RISE_WORDS = percent(PROGRESSION_CHANGE)  # "20%"
PROGRESSION_MIN_WORDS = f"{PROGRESSION_MIN_MM:g} mm"  # "5 mm"
PROGRESSION_WORDS = f"{PROGRESSION_RISE_WORDS} and {PROGRESSION_MIN_WORDS}"


def _than(change: float, what: str) -> str:
    """0.25, 'baseline' -> '25% larger than baseline'; near 0 -> 'about the same as baseline'."""
    said = signed_percent(change)
    return f"about the same as {what}" if said == "about the same" else f"{said} than {what}"


def reason(assessment: Assessment) -> str:
    """Why one scan got its category, in one plain sentence."""
    check_instance("assessment", assessment, Assessment)
    category = assessment.category
    if category == "BL":
        return "Baseline: the sizes every later scan is compared with."
    if category == "NE":
        return "No lesion was measurable at baseline, so there is nothing to compare."
    if category == "PD" and assessment.new_lesions:
        return (f"New lesion seen ({', '.join(assessment.new_lesions)}): that alone counts "
                "as progression.")
    if category == "PD":
        change = assessment.change_from_smallest
        if change is None:
            # Every target had gone (smallest sum 0 mm): a percent of nothing means nothing.
            return (f"The sum grew from nothing to {assessment.sum_mm:.1f} mm "
                    f"({PROGRESSION_MIN_WORDS} or more counts as progression).")
        growth_mm = assessment.sum_mm - (assessment.smallest_before_mm or 0.0)
        return (f"The sum is {percent(change)} above the smallest so far and {growth_mm:.1f} mm "
                f"larger ({PROGRESSION_WORDS} or more).")
    if category == "CR":
        return "Every target lesion is gone and nothing new is seen."
    if category == "PR" and assessment.held:
        return ("A partial response was reached earlier; without progression the "
                "category stays partial response.")
    if category == "PR":
        below = percent(-(assessment.change_from_baseline or 0.0))
        return f"The sum is {below} below baseline ({PARTIAL_RESPONSE_WORDS} or more)."
    return (f"Neither {PARTIAL_RESPONSE_WORDS} smaller than baseline nor "
            f"{PROGRESSION_WORDS} above the smallest sum.")


def _mixed(found: MixedResponse) -> str:
    return (f"On the scan of day {found.day}, lesion {html.escape(found.smaller_lesion)} reads "
            f"{_than(found.smaller_change, 'at baseline')} but lesion "
            f"{html.escape(found.larger_lesion)} reads {signed_percent(found.larger_change)}: "
            "a <b>mixed response</b>. The sum calls it "
            f"{CATEGORY_NAMES[found.category].lower()}, so the team reviews each site.")


def _new_lesion(found: NewLesion) -> str:
    names = html.escape(", ".join(found.lesions))
    if len(found.lesions) == 1:
        return (f"A <b>new lesion</b> ({names}) shows on day {found.day}: by the rules that "
                "is progression, whatever the sum does.")
    return (f"<b>New lesions</b> ({names}) show on day {found.day}: by the rules that is "
            "progression, whatever the sum does.")


def _first_larger(found: FirstScanLarger) -> str:
    why = "treatment swelling" if found.cause == "swelling" else "measurement noise"
    text = (f"The first scan (day {found.day}) reads {_than(found.read_change, 'baseline')}, "
            f"yet the true size is {signed_percent(found.true_change)}: <b>{why}</b>.")
    if found.confirming is not None:
        day, change = found.confirming
        text += f" The confirming scan (day {day}) reads {_than(change, 'baseline')}."
    return text


def _marker(marker: MarkerCourse) -> str:
    first, last = f"{marker.first:.0f}", f"{marker.last:.0f}"
    tests = f"(tests on day {marker.first_day} and day {marker.last_day})"
    if first == last:
        text = f"The blood marker stayed at about {first} units/mL {tests}."
    else:
        trend = "fell" if marker.fell else "rose"
        text = f"The blood marker {trend} from {first} to {last} units/mL {tests}."
    if marker.surge_day is not None:
        text += (f" Its test on day {marker.surge_day} rose while the next scan shrank: a "
                 "surge from dying cells.")
    elif marker.fell_day is not None and marker.fell_change is not None:
        scan = CATEGORY_NAMES[marker.fell_category or "SD"].lower()
        why = ("not the swelling" if marker.fell_cause == "swelling" else
               "and the scan still counts dead cells the body has not cleared yet")
        text += (f" By the scan on day {marker.fell_day} it had already fallen by "
                 f"{percent(-marker.fell_change)}, while that scan still read {scan}: "
                 f"the marker follows the living cancer cells, {why}.")
    return text + " A marker is a clue, never a verdict on its own."


def _chart_end(end: ChartEnd) -> str:
    """The true sizes on the chart's last day, after the last scan if it came earlier."""
    total = (f"the lesions' true sizes add up to {end.end_sum_mm:.0f} mm, "
             f"{_than(end.change, f'on day 0 ({end.start_sum_mm:.0f} mm)')}.")
    if end.last_scan_day < end.day:
        return (f"The last scan is on day {end.last_scan_day}; by day {end.day}, where the "
                f"lines end, {total}")
    return f"On day {end.day}, the last scan and where the lines end, {total}"


def caption(state: ResponseState) -> str:
    """The patterns on these scans, the categories scan by scan, the true sizes at the
    chart's end (its last day, ``state.days_shown[1]``), and the marker."""
    check_instance("state", state, ResponseState)
    parts = []
    if state.mixed is not None:
        parts.append(_mixed(state.mixed))
    if state.new_lesion is not None:
        parts.append(_new_lesion(state.new_lesion))
    if state.first_larger is not None:
        parts.append(_first_larger(state.first_larger))
    follow_ups = state.assessments[1:]
    if follow_ups:
        sequence = ", ".join(CATEGORY_NAMES[a.category].lower() for a in follow_ups)
        parts.append(f"Categories, scan by scan: {sequence}.")
    else:
        parts.append("Only the baseline scan falls within this course: nothing to compare yet.")
    parts.append(_chart_end(state.end))
    parts.append(_marker(state.marker))
    return " ".join(parts)


def alt_text(state: ResponseState) -> str:
    check_instance("state", state, ResponseState)
    sums = ", ".join(f"day {a.day}: {a.sum_mm:.0f} mm ({CATEGORY_NAMES[a.category]})"
                     for a in state.assessments)
    end = state.end
    return (f"Three charts sharing a time axis from day 0 (the first dose) to day {end.day}. "
            "Top: each lesion's true size as a line (its live cells and the dead cells not "
            "yet cleared), the size of its live cells alone as a thin dotted line, and its "
            "scan readings as dots; dose days marked with triangles. On day "
            f"{end.day} the true sizes add up to {end.end_sum_mm:.0f} mm "
            f"({end.start_sum_mm:.0f} mm on day 0). Middle: the sum of measured diameters on "
            "each scan with the partial-response line "
            f"({PARTIAL_RESPONSE_WORDS} below baseline) and the progression line "
            f"({PROGRESSION_WORDS} above the smallest sum): {sums}. "
            "Bottom: the blood marker's true level and blood tests on scan and dose days.")


def _table_change(change: float | None) -> str:
    """A change for a table cell: 0.123 -> '+12%'; None -> a dash."""
    if change is None:
        return "\u2014"
    return f"{100 * change:+.0f}%"


def scan_table_html(state: ResponseState) -> str:
    """The scan table as an accessible HTML <table> with a <caption>."""
    check_instance("state", state, ResponseState)
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
            f"<td>{a.sum_mm:.1f}</td><td>{_table_change(a.change_from_baseline)}</td>"
            f"<td>{_table_change(a.change_from_smallest)}</td>"
            f"<td><b>{html.escape(a.category_name)}</b></td>"
            f"<td>{html.escape(reason(a))}</td></tr>")
    caption_text = ("Scan table: what each scan measured (lesions seen at baseline are added "
                    "up; a lesion not seen counts 0 mm), the sum, its change from baseline and "
                    "from the smallest sum before that scan, and the category by the teaching "
                    "rules.")
    return (
        "<table class='chemo-scan-table' style='border-collapse:collapse;font-size:0.95em'>"
        f"<caption style='caption-side:top;text-align:left'>{html.escape(caption_text)}"
        "</caption>"
        f"<thead><tr><th scope='col'>Scan</th>{head}<th scope='col'>Sum (mm)</th>"
        "<th scope='col'>Change from baseline</th>"
        "<th scope='col'>Change from smallest so far</th><th scope='col'>Category</th>"
        "<th scope='col'>Why</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        "<style>.chemo-scan-table th,.chemo-scan-table td{border:1px solid #888;"
        "padding:0.25em 0.5em;text-align:left;vertical-align:top}</style>")
