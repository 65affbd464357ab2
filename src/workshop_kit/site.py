"""The series as a static site: a landing page, one page per lesson, the model notes.

Opens from the folder (file://) with no server and no kernel. A lesson page tells the
notebook's text in order; where the notebook has a live picture, the page shows it at
every named example; the checks for understanding keep their answers behind "Show the
answer". Activities that only work live (sorting worries, the diary) say so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from helpers.quizzes import Question

from .figures import PanelFigures
from .layout import NOT_ADVICE, SERIES_TITLE, escape, figure_html, page
from .markdown import to_html
from .sources import LessonText

__all__ = ["landing_html", "lesson_page_html", "model_page_html", "handout_name",
           "worksheet_name"]

_LIVE_ONLY = ("<p class='note'>This activity works only in the live lesson. To use it, "
              "open the series with <b>python3 run.py app</b> (or ask your facilitator).</p>")


def handout_name(number: str, suffix: str) -> str:
    """The handout's file name in the kit's handouts folder ("lesson-02.pdf")."""
    return f"lesson-{number}.{suffix}"


worksheet_name = handout_name


def _quiz_html(questions: Sequence[Question]) -> str:
    items = []
    for q in questions:
        choices = "".join(f"<li>{escape(c.text)}</li>" for c in q.choices)
        right = q.correct_choice
        items.append(
            f"<li class='question'><p>{escape(q.prompt)}</p><ul>{choices}</ul>"
            f"<details><summary>Show the answer</summary><p><b>{escape(right.text)}.</b> "
            f"{escape(right.feedback)}</p></details></li>")
    return "<ol>" + "".join(items) + "</ol>"


def lesson_page_html(lesson: LessonText, figures: Mapping[str, PanelFigures],
                     questions: Sequence[Question], has_pdfs: bool) -> str:
    """A lesson's page of the static site (in the kit's lessons folder)."""
    nav = ("<nav aria-label='Series'><p class='screen-only'><a href='../index.html'>All "
           "lessons</a>")
    if has_pdfs:
        nav += (f" &middot; <a href='../handouts/{handout_name(lesson.number, 'pdf')}'>"
                "Handout (PDF)</a> &middot; <a href='../worksheets/"
                f"{worksheet_name(lesson.number, 'pdf')}'>Worksheet (PDF)</a>")
    # The notebook's own "For education, not medical advice" note opens the page.
    parts = [nav + "</p></nav>"]
    for block in lesson.blocks:
        if block.kind == "markdown":
            parts.append(to_html(block.text))
        elif block.kind == "panel":
            panel = figures[block.text]
            parts.append(f"<p><b>{escape(panel.title)}</b>: the picture at each named "
                         "example.</p>")
            parts += [figure_html(e, "../figures/" + e.file_name) for e in panel.examples]
        elif block.kind == "quiz":
            parts.append(_quiz_html(questions))
        else:
            parts.append(_LIVE_ONLY)
    return page(f"Lesson {lesson.number}: {lesson.title}", "\n".join(parts))


def landing_html(lessons: Sequence[LessonText], has_pdfs: bool) -> str:
    """The site's first page: the lessons in order, with their handouts and worksheets."""
    rows = []
    for lesson in lessons:
        links = ""
        if has_pdfs:
            links = (f"<br><span class='muted'>To print: <a href='handouts/"
                     f"{handout_name(lesson.number, 'pdf')}'>handout (PDF)</a> &middot; "
                     f"<a href='worksheets/{worksheet_name(lesson.number, 'pdf')}'>worksheet "
                     "for pairs (PDF)</a></span>")
        rows.append(f"<li><a href='lessons/{lesson.slug}.html'>Lesson {lesson.number}: "
                    f"{escape(lesson.title)}</a>{links}</li>")
    body = (f"<h1>{escape(SERIES_TITLE)}</h1>"
            "<p>A series of short lessons for nurse educators, nurses, students and "
            "teachers. This copy is for reading at home or sharing: the pictures are shown "
            "at their named examples. To move the sliders yourself, open the live lessons "
            "with <b>python3 run.py app</b>.</p>" + NOT_ADVICE +
            "<h2>Lessons, in order</h2><ul class='lessons'>" + "".join(rows) + "</ul>"
            "<h2>For teachers</h2><ul><li><a href='model.html'>The models behind the "
            "series: teacher notes</a></li></ul>")
    return page(SERIES_TITLE, body)


def model_page_html(model_markdown: str) -> str:
    """docs/model.md as a page of the site."""
    nav = "<nav aria-label='Series'><p><a href='index.html'>All lessons</a></p></nav>"
    return page("The models behind the series: teacher notes",
                nav + to_html(model_markdown))
