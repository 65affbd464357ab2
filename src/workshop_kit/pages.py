"""The printed pieces of the kit, as HTML: handout, worksheet, answer key, checklist.

Every sentence of a lesson comes from its notebook (see ``sources``); every question and
answer from ``helpers.quizzes``; every caption and alt text from ``helpers.words`` (through
``figures``). Only the headings and instructions of the sheets are written here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from helpers.quizzes import Question

from .figures import PanelFigures
from .layout import NOT_ADVICE, SERIES_TITLE, escape, figure_html, page
from .markdown import inline_html, to_html
from .sources import LessonText

__all__ = ["HANDOUT_EXAMPLES", "answer_key_html", "checklist_html", "handout_html",
           "worksheet_html"]

#: Named examples per panel on a handout (the first ones of its menu); the site has all.
HANDOUT_EXAMPLES = 2


def _heading(lesson: LessonText, what: str) -> str:
    return (f"<p class='kicker'>{escape(SERIES_TITLE)} &middot; {escape(what)}</p>\n"
            f"<h1>Lesson {lesson.number}: {escape(lesson.title)}</h1>")


def _list(items: Sequence[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{inline_html(i)}</li>" for i in items) + f"</{tag}>"


def handout_html(lesson: LessonText, figures: Sequence[PanelFigures],
                 figure_href: str = "../figures/", lessons_href: str = "../lessons/") -> str:
    """A lesson's handout: goals, story, figures at named examples, take-aways, sources."""
    parts = [_heading(lesson, "Handout"), NOT_ADVICE]
    if lesson.time_needed:
        parts.append(f"<p><b>Time needed:</b> {escape(lesson.time_needed)}</p>")
    parts += ["<h2>Learning goals</h2><p>After this lesson you can:</p>", _list(lesson.goals)]
    parts += ["<h2>The story</h2>", _demote(to_html(lesson.story, lessons_href))]
    parts.append("<h2>The pictures, at named examples</h2>")
    for panel in figures:
        parts.append(f"<h3>{escape(panel.title)}</h3>")
        parts += [figure_html(e, figure_href + e.file_name)
                  for e in panel.examples[:HANDOUT_EXAMPLES]]
    for name, body in lesson.more:
        parts += [f"<h2>{escape(name)}</h2>", _demote(to_html(body, lessons_href))]
    parts += ["<h2>Key take-aways</h2>", _list(lesson.take_aways)]
    if lesson.patient_line:
        parts.append(f"<div class='patient'>{to_html(lesson.patient_line)}</div>")
    parts += ["<h2>Sources</h2>", to_html(lesson.sources, lessons_href), NOT_ADVICE]
    return page(f"Lesson {lesson.number} handout: {lesson.title}", "\n".join(parts))


def _demote(html: str) -> str:
    """Headings inside a section one level down (## in a notebook is h2 on the sheet too)."""
    return re.sub(r"<(/?)h([2-5])>", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}>", html)


def _write_space(lines: int) -> str:
    return (f"<div class='write' style='height:{lines * 1.9 + 0.3:.1f}em' "
            "aria-hidden='true'></div>")


def worksheet_html(lesson: LessonText, questions: Sequence[Question]) -> str:
    """A lesson's worksheet for pairs: things to try and the checks, with space to write.

    Holds no answer: no feedback, no hint and no key answer.
    """
    parts = [_heading(lesson, "Worksheet"),
             "<p>Names: ______________________________ &nbsp; Date: ______________</p>",
             "<p>Work in pairs with the lesson open (or its handout). Write what you see "
             "and what you think. There is no score.</p>"]
    if lesson.things_to_try:
        parts.append("<h2>Things to try</h2><ol>")
        parts += [f"<li class='question'>{inline_html(item)}{_write_space(3)}</li>"
                  for item in lesson.things_to_try]
        parts.append("</ol>")
    if questions:
        parts.append("<h2>Check your understanding</h2><p>Tick one answer, then say why in "
                     "a sentence.</p><ol>")
        for question in questions:
            choices = "".join(f"<li>{escape(c.text)}</li>" for c in question.choices)
            parts.append(f"<li class='question'><p>{escape(question.prompt)}</p>"
                         f"<ul class='choices'>{choices}</ul><p class='muted'>Why?</p>"
                         f"{_write_space(2)}</li>")
        parts.append("</ol>")
    parts.append(NOT_ADVICE)
    return page(f"Lesson {lesson.number} worksheet: {lesson.title}", "\n".join(parts))


def answer_key_html(lessons: Sequence[LessonText],
                    quizzes: Mapping[str, Sequence[Question]]) -> str:
    """The series' answer key, for the facilitator: each check's right answer and why."""
    parts = [f"<p class='kicker'>{escape(SERIES_TITLE)}</p>",
             "<h1>Answer key: checks for understanding</h1>",
             "<p>For the facilitator. The worksheets hold the same questions without the "
             "answers.</p>"]
    for lesson in lessons:
        questions = quizzes.get(lesson.number, ())
        if not questions:
            continue
        parts.append(f"<h2>Lesson {lesson.number}: {escape(lesson.title)}</h2><ol>")
        for q in questions:
            right = q.correct_choice
            parts.append(
                f"<li class='question'><p>{escape(q.prompt)}</p>"
                f"<p><b>Answer:</b> {escape(right.text)}. <span class='muted'>(In short: "
                f"{escape(q.key_answer)}.)</span></p><p><b>Why:</b> "
                f"{escape(right.feedback)}</p></li>")
        parts.append("</ol>")
    parts.append(NOT_ADVICE)
    return page("Answer key: checks for understanding", "\n".join(parts))


def _guide_section(guide: str, heading: str) -> str:
    parts = re.split(r"^(#{2,3} .+)$", guide, flags=re.M)
    for head, body in zip(parts[1::2], parts[2::2], strict=True):
        if head.lstrip("#").strip().startswith(heading):
            return body.strip()
    return ""


def _guide_runs(guide: str) -> list[tuple[str, str]]:
    """Each lesson's "**Run:**" bullet in the guide: what to load on the projector."""
    runs = []
    for match in re.finditer(r"^### (\d\d) ([^(\n]+)", guide, flags=re.M):
        body = guide[match.end():].split("\n### ", 1)[0]
        run = re.search(r"^- \*\*Run:\*\* (.+?)(?=^- |\Z)", body, flags=re.M | re.S)
        if run:
            runs.append((f"{match.group(1)} {match.group(2).strip()}",
                         " ".join(run.group(1).split())))
    return runs


_SETUP = (
    "On the computer you will present from, run <b>python3 run.py app</b> the day before "
    "(the first run sets up; after that nothing needs the internet).",
    "Open every lesson you will show once, so it starts quickly in the room.",
    "Tick <b>Large text for a projector</b> near the top of any lesson; check the picture "
    "and its caption fit the screen.",
    "Print one handout per person and one worksheet per pair for each lesson you teach "
    "(kit folders <b>handouts</b> and <b>worksheets</b>). Keep the answer key for yourself.",
    "Have the eight warning signs of lesson 06 ready to read aloud.",
    "Say at the start: <b>for education, not medical advice</b>. Questions about a "
    "person's own care go to their cancer team.",
)


def checklist_html(guide_markdown: str) -> str:
    """One page for the room: set-up, the 60-minute timings, what to load on the projector.

    The timings and the examples to load come from docs/facilitator-guide.md.
    """
    timings = _guide_section(guide_markdown, "A 60-minute workshop")
    table = timings.split("\n\n")[0]
    runs = "".join(f"<li><b>{escape(name)}:</b> {inline_html(text)}</li>"
                   for name, text in _guide_runs(guide_markdown))
    setup = "".join(f"<li>{item}</li>" for item in _SETUP)
    body = (f"<p class='kicker'>{escape(SERIES_TITLE)}</p>"
            "<h1>Facilitator checklist</h1>"
            f"<h2>Before the room</h2><ul class='choices'>{setup}</ul>"
            f"<h2>Timings: a 60-minute workshop</h2>{to_html(table)}"
            f"<h2>What to load on the projector</h2><ul class='choices'>{runs}</ul>"
            "<p class='muted'>The full plan, prompts and common misconceptions: "
            "docs/facilitator-guide.md. For education, not medical advice.</p>")
    css = ("@media print { body { font-size: 8.6pt; line-height: 1.3; } "
           "h1 { font-size: 15pt; } h2 { font-size: 11pt; margin-top: 0.7em; } "
           "table { font-size: 8.2pt; } }")
    return page("Facilitator checklist", body, css)
