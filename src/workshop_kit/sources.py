"""The lesson text, taken from the notebooks' markdown cells (nothing is retyped here).

Each lesson notebook follows the series format: a "# Lesson NN: Title" cell, a
"**Learning goals.**" list, "## The story", panels (code cells), "### Things to try" lists,
"## Check your understanding", "## Key take-aways" with the "**What you might say to a
patient:**" line, and "## Sources". ``read_lesson`` splits a notebook along those headings.
Lesson 00 has no story or take-aways under those names: its "## Who this is for" is read as
the story and "## The big picture, in four sentences" as its take-aways.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Block", "LessonText", "lesson_notebooks", "read_lesson"]

_LAB_ONLY = re.compile(r'<div class="chemo-lab-only">.*?</div>\s*', re.S)
# Words for the live page only (the projector switch), not for paper or a static page.
_SCREEN_ONLY = re.compile(r"^\*\*Showing this on a projector\?\*\*.*?(?:\n\s*\n|\Z)", re.S | re.M)
_TITLE = re.compile(r"^# Lesson (\d\d): (.+)$", re.M)
_PANEL = re.compile(r"from helpers\.panels\.(\w+) import (\w+)")
_QUIZ = re.compile(r'show_quiz\("(\d\d)"\)')
_ITEM = re.compile(r"^(?:\d+\.|[-*]) ", re.M)
_PATIENT = re.compile(r"^\*\*What you might say to a patient:\*\*.*?(?:\n\s*\n|\Z)", re.S | re.M)
_CLOSING = re.compile(r"\n*\*\*For education, not medical advice\.\*\*\s*\Z")


@dataclass(frozen=True)
class Block:
    """One piece of a lesson in notebook order.

    kind: "markdown" (text holds markdown), "panel" (text holds the panel module and
    class, as "resistance.ResistancePanel"), "quiz" (text holds the lesson number) or
    "activity" (another live widget, named by its module, as "worry_sort").
    """

    kind: str
    text: str


@dataclass(frozen=True)
class LessonText:
    """What a handout, a worksheet and a site page need from one lesson notebook."""

    number: str
    title: str
    slug: str
    time_needed: str
    goals: list[str]
    story: str
    take_aways: list[str]
    patient_line: str
    sources: str
    things_to_try: list[str]
    more: list[tuple[str, str]]
    panels: list[str]
    quiz: str | None
    blocks: list[Block] = field(default_factory=list)


def lesson_notebooks(notebook_dir: Path) -> list[Path]:
    """The lesson notebooks (NN_name.ipynb) in ``notebook_dir``, in lesson order."""
    return sorted(notebook_dir.glob("[0-9][0-9]_*.ipynb"))


def _clean(markdown: str) -> str:
    """Markdown without the JupyterLab-only box and the projector tip."""
    return _SCREEN_ONLY.sub("", _LAB_ONLY.sub("", markdown)).strip()


def _sections(markdown: str, level: int = 2) -> dict[str, str]:
    """Text under each heading of ``level`` (its sub-sections included), by its words."""
    found: dict[str, str] = {}
    parts = re.split(rf"^(#{{{level}}} .+)$", markdown, flags=re.M)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        name = heading.lstrip("#").strip()
        found[name] = (found.get(name, "") + "\n\n" + body).strip()
    return found


def _items(markdown: str) -> list[str]:
    """The items of the first list in ``markdown`` (continuation lines joined)."""
    items: list[str] = []
    in_list = False
    for line in markdown.splitlines():
        if _ITEM.match(line):
            items.append(_ITEM.sub("", line, count=1).strip())
            in_list = True
        elif in_list and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif in_list and not line.strip():
            continue
        elif in_list:
            break
    return items


def _list_after(markdown: str, lead: str) -> list[str]:
    """The list that follows the line starting with ``lead`` (bold included)."""
    at = markdown.find(lead)
    return _items(markdown[at + len(lead):]) if at >= 0 else []


def read_lesson(path: Path) -> LessonText:
    """Split lesson notebook ``path`` into the parts the kit prints.

    Raises ValueError naming the notebook when it has no "# Lesson NN: Title" heading.
    """
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    blocks: list[Block] = []
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            text = _clean(source)
            if text:
                blocks.append(Block("markdown", text))
        elif cell["cell_type"] == "code":
            quiz = _QUIZ.search(source)
            panel = _PANEL.search(source)
            if quiz:
                blocks.append(Block("quiz", quiz.group(1)))
            elif panel and panel.group(1) == "presentation":
                continue
            elif panel and panel.group(2).endswith("Panel"):
                blocks.append(Block("panel", f"{panel.group(1)}.{panel.group(2)}"))
            elif panel:
                blocks.append(Block("activity", panel.group(1)))
    markdown = "\n\n".join(b.text for b in blocks if b.kind == "markdown")
    title = _TITLE.search(markdown)
    if title is None:
        raise ValueError(f"notebook {path.name} must start with '# Lesson NN: Title'; "
                         "found no such heading")
    sections = _sections(markdown)
    time_needed = re.search(r"\*\*Time needed:\*\*\s*(.+)", markdown)
    story = sections.get("The story") or sections.get("Who this is for", "")
    ending = sections.get("Key take-aways", "")
    take_aways = _items(ending) or _items(sections.get("The big picture, in four sentences", ""))
    patient = _PATIENT.search(ending)
    parts = re.split(r"^### (.+)$", markdown, flags=re.M)
    to_try = [item for name, body in zip(parts[1::2], parts[2::2], strict=True)
              if name.startswith("Things to try") for item in _items(body)]
    if not to_try:
        to_try = _list_after(markdown, "Try it:")
    return LessonText(
        number=title.group(1),
        title=title.group(2).strip(),
        slug=path.stem,
        time_needed=time_needed.group(1).strip() if time_needed else "",
        goals=_list_after(markdown, "**Learning goals.**"),
        story=_story(story),
        take_aways=take_aways,
        patient_line=patient.group(0).strip() if patient else "",
        sources=_CLOSING.sub("", sections.get("Sources", "")).strip(),
        things_to_try=to_try,
        more=[(name, _clean_closing(sections[name])) for name in _read_only_sections(blocks)
              if name not in _NOT_MORE],
        panels=[b.text for b in blocks if b.kind == "panel"],
        quiz=next((b.text for b in blocks if b.kind == "quiz"), None),
        blocks=blocks,
    )


def _story(markdown: str) -> str:
    """The story, as the notebook tells it."""
    return markdown.strip()


def _clean_closing(markdown: str) -> str:
    return _CLOSING.sub("", markdown).strip()


# Sections printed in their own place, or that only make sense on the live page.
_NOT_MORE = {"The story", "Who this is for", "Key take-aways", "Sources",
             "Check your understanding", "How to use the pictures",
             "The big picture, in four sentences"}


def _read_only_sections(blocks: list[Block]) -> list[str]:
    """The "## " sections, in order, that hold no panel, quiz or other live part."""
    order: list[str] = []
    live: set[str] = set()
    current = ""
    for block in blocks:
        if block.kind == "markdown":
            for heading in re.findall(r"^## (.+)$", block.text, flags=re.M):
                current = heading.strip()
                order.append(current)
        elif current:
            live.add(current)
    return [name for name in order if name not in live]
