"""The facilitator guide's answer key, written from the quiz data.

docs/facilitator-guide.md has, under each lesson's "### NN ..." heading, one bullet

    - **Answer key (checks):** 100 million left; the tumour grows during treatment; about half of
      the cells gone.

made of the lesson's ``Question.key_answer`` texts in order, joined by "; ", wrapped at 96
columns like the rest of the guide. ``render_answer_key`` and ``rewrite_guide`` are pure
(text in, text out); only ``main`` reads and writes the file:

    python -m helpers.quizzes.answer_key --write docs/facilitator-guide.md
    python -m helpers.quizzes.answer_key --check docs/facilitator-guide.md   # exit 1 if stale

With no path the guide in this source tree is used; with neither option the keys are printed.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..checks import check_items
from . import QUIZZES, quiz_for
from .questions import Question

__all__ = ["GUIDE_PATH", "LABEL", "WIDTH", "render_answer_key", "rewrite_guide", "main"]

# src/helpers/quizzes/answer_key.py -> the repository's docs folder.
GUIDE_PATH = Path(__file__).resolve().parents[3] / "docs" / "facilitator-guide.md"
LABEL = "**Answer key (checks):**"
WIDTH = 96  # the guide's line width (columns)

_KEY_BULLET = f"- {LABEL}"
_LESSON_HEADING = re.compile(r"#{1,6} (\d\d) ")


def render_answer_key(questions: Sequence[Question]) -> str:
    """The answer-key bullet for one lesson's questions: markdown lines, no final newline.

    The key answers are joined by "; " and end with a full stop; continuation lines are
    indented 2 spaces so they stay inside the bullet.
    """
    questions = check_items("questions", questions, Question, minimum=1)
    text = f"{LABEL} " + "; ".join(q.key_answer for q in questions) + "."
    # No breaks inside words or at hyphens: "(-32%)" must stay whole.
    lines = textwrap.wrap(text, WIDTH, initial_indent="- ", subsequent_indent="  ",
                          break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines)


def rewrite_guide(guide: str,
                  quizzes: Mapping[str, Sequence[Question]] = QUIZZES) -> str:
    """``guide`` with each lesson's answer-key bullet written from ``quizzes``.

    The bullet (its first line and its 2-space continuation lines) under the heading
    "### NN ..." is replaced for each lesson NN of ``quizzes``; every other byte stays as it
    was. Raises ValueError when a lesson has no answer-key bullet, has two, or a bullet sits
    under a heading with no quiz.
    """
    lines = guide.splitlines(keepends=True)
    out: list[str] = []
    lesson: str | None = None
    written: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.startswith("#"):
            heading = _LESSON_HEADING.match(line)
            lesson = heading.group(1) if heading else None
        if not line.startswith(_KEY_BULLET):
            out.append(line)
            continue
        if lesson is None or lesson not in quizzes:
            raise ValueError(f"the guide has an answer-key line under a heading with no quiz "
                             f"(lesson {lesson!r}): {line.strip()!r}")
        if lesson in written:
            raise ValueError(f"the guide has two answer-key lines for lesson {lesson!r}")
        # The bullet goes on while lines are indented text (its wrapped continuation).
        while index < len(lines) and lines[index].startswith("  ") and lines[index].strip():
            index += 1
        ending = "\r\n" if line.endswith("\r\n") else "\n"
        out.append(render_answer_key(quizzes[lesson]).replace("\n", ending) + ending)
        written.add(lesson)
    missing = [key for key in quizzes if key not in written]
    if missing:
        raise ValueError(f"the guide has no answer-key line ({_KEY_BULLET} ...) under the "
                         f"heading of lesson(s) {', '.join(missing)}")
    return "".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Print, write (``--write``) or check (``--check``) the guide's answer key.

    Returns the exit status: 0 when done or up to date, 1 when ``--check`` finds the guide
    differs from the quizzes, 2 when the guide cannot be read or has no place for a key.
    """
    parser = argparse.ArgumentParser(
        prog="python -m helpers.quizzes.answer_key",
        description="Write the facilitator guide's answer key from src/helpers/quizzes.")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", metavar="GUIDE", nargs="?", const=GUIDE_PATH, type=Path,
                        help="rewrite the answer-key lines of GUIDE (default: %(const)s)")
    action.add_argument("--check", metavar="GUIDE", nargs="?", const=GUIDE_PATH, type=Path,
                        help="exit 1 if GUIDE's answer key differs from the quizzes")
    args = parser.parse_args(argv)
    path: Path | None = args.write or args.check
    if path is None:
        for lesson in QUIZZES:
            print(f"Lesson {lesson}\n{render_answer_key(quiz_for(lesson))}\n")
        return 0
    try:
        old = path.read_bytes().decode("utf-8")
        new = rewrite_guide(old)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 2
    if args.check:
        if new == old:
            print(f"{path}: the answer key matches the quizzes.")
            return 0
        diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                    f"{path} (on disk)", f"{path} (from the quizzes)")
        sys.stderr.writelines(diff)
        print(f"{path}: the answer key differs from src/helpers/quizzes. To update it, run\n"
              f"  python -m helpers.quizzes.answer_key --write {path}", file=sys.stderr)
        return 1
    if new == old:
        print(f"{path}: the answer key is already up to date.")
    else:
        path.write_bytes(new.encode("utf-8"))
        print(f"{path}: answer key rewritten from the quizzes.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
