"""docs/source-map.md: every point of the source article has a home, and every home exists.

The map is a markdown table, one row per teaching point: prose paragraphs (P1..P20, split
into P3a, P3b ... where a paragraph makes several points), the list of reasons (R1..R6),
the "What you may see" table (S1..S8), the common-worry table (W1..W6), the questions worth
asking (Q1..Q5) and the references (X1..X3). Each row names where it is taught, as
``NN › Heading``: lesson NN's notebook must exist and hold a markdown heading with exactly
that text.

The article itself lives outside the repository; its shape is counted here by hand from it:
20 prose paragraphs (headings and the reference list aside), 6 reasons, 8 + 6 table rows,
5 questions, 3 references.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAP = ROOT / "docs" / "source-map.md"
NOTEBOOKS = ROOT / "notebooks"

ARTICLE_PARAGRAPHS = 20
ARTICLE_LISTS = {"R": 6, "S": 8, "W": 6, "Q": 5, "X": 3}

_ROW = re.compile(r"^\|\s*([A-Z]\d+[a-z]?)\s*\|(.*)\|\s*$")
_HOME = re.compile(r"^(\d\d) › (.+)$")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def read_map(text: str) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Point id -> (article section, what it teaches, homes) from the map's table rows."""
    points: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for line in text.splitlines():
        row = _ROW.match(line)
        if not row:
            continue
        cells = [cell.strip() for cell in row.group(2).split("|")]
        assert len(cells) == 3, f"{row.group(1)}: expected 4 columns, got {line!r}"
        section, point, homes = cells
        assert row.group(1) not in points, f"{row.group(1)} is listed twice"
        points[row.group(1)] = (section, point,
                                tuple(h.strip() for h in homes.split(";") if h.strip()))
    return points


@cache
def the_map() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    return read_map(MAP.read_text(encoding="utf-8"))


@cache
def headings(lesson: str, notebooks: Path = NOTEBOOKS) -> frozenset[str]:
    """The markdown headings of lesson ``lesson``'s notebook in ``notebooks``."""
    found = sorted(notebooks.glob(f"{lesson}_*.ipynb"))
    assert len(found) == 1, f"lesson {lesson}: expected one notebook, found {found}"
    cells = json.loads(found[0].read_text(encoding="utf-8"))["cells"]
    return frozenset(
        match.group(1)
        for cell in cells if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).splitlines()
        if (match := _HEADING.match(line)))


def test_the_map_lists_every_point_of_the_article():
    ids = set(the_map())
    paragraphs = {int(re.match(r"P(\d+)", i).group(1)) for i in ids if i.startswith("P")}
    assert paragraphs == set(range(1, ARTICLE_PARAGRAPHS + 1))
    for letter, count in ARTICLE_LISTS.items():
        assert {i for i in ids if i.startswith(letter)} == \
            {f"{letter}{n}" for n in range(1, count + 1)}, letter
    # A split paragraph runs a, b, c ... without gaps.
    for number in paragraphs:
        parts = sorted(i[len(f"P{number}"):] for i in ids
                       if re.fullmatch(rf"P{number}[a-z]?", i))
        if parts != [""]:
            assert parts == [chr(ord("a") + k) for k in range(len(parts))], (number, parts)


@pytest.mark.parametrize("point", sorted(the_map()))
def test_every_point_has_a_home_that_exists(point):
    section, said, homes = the_map()[point]
    assert section and said, f"{point} says nothing"
    assert homes, f"{point} has no home"
    for home in homes:
        match = _HOME.match(home)
        assert match, f"{point}: {home!r} is not 'NN › Heading'"
        lesson, heading = match.groups()
        known = sorted(headings(lesson))
        assert heading in known, f"{point}: lesson {lesson} has no heading {heading!r}: {known}"


def test_lesson_06_teaches_the_practice_half_of_the_article():
    sixes = {point for point, (_, _, homes) in the_map().items()
             if any(home.startswith("06 ›") for home in homes)}
    expected = {"S6", "P11", "P13", "P14a", "P14b", "P14c", "P14d", "W1", "W2", "W3", "W4",
                "W5", "W6", "Q1", "Q2", "Q3", "Q4", "Q5", "P18a", "P18b", "P19"}
    assert expected <= sixes


# -- the checker itself ---------------------------------------------------------------------

def test_the_reader_catches_a_missing_home_and_a_bad_row():
    good = "| P1 | Opening | A point. | 01 › The story |"
    assert read_map(good) == {"P1": ("Opening", "A point.", ("01 › The story",))}
    assert read_map("| P2 | Opening | A point. |  |")["P2"][2] == ()
    with pytest.raises(AssertionError, match="columns"):
        read_map("| P3 | Opening | A point. |")
    with pytest.raises(AssertionError, match="twice"):
        read_map(good + "\n" + good)


def test_a_heading_that_disappears_is_caught(tmp_path):
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {},
                           "source": ["# Lesson 99: Test\n", "\n", "## The story\n"]},
                          {"cell_type": "code", "metadata": {}, "source": ["# not a heading"]}]}
    (tmp_path / "99_test.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    assert headings("99", tmp_path) == {"Lesson 99: Test", "The story"}
    with pytest.raises(AssertionError, match="one notebook"):
        headings("98", tmp_path)
