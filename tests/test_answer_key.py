"""The facilitator guide's answer key is written from the quiz data, and must match it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from helpers.quizzes import QUIZZES
from helpers.quizzes.answer_key import GUIDE_PATH, WIDTH, main, render_answer_key, rewrite_guide

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "facilitator-guide.md"


def _guide() -> str:
    return GUIDE.read_bytes().decode("utf-8")


def _sections(text: str) -> dict[str, str]:
    """Lesson number -> the guide's text from its "### NN" heading to the next heading."""
    parts = re.split(r"^(?=#{1,3} )", text, flags=re.MULTILINE)
    return {m.group(1): part for part in parts if (m := re.match(r"### (\d\d) ", part))}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _with_key(lesson: str, index: int, key: str) -> dict:
    """A copy of the quiz data with one key answer changed."""
    quizzes = dict(QUIZZES)
    questions = list(quizzes[lesson])
    questions[index] = dataclasses.replace(questions[index], key_answer=key)
    quizzes[lesson] = tuple(questions)
    return quizzes


def test_the_guide_on_disk_matches_the_quiz_data():
    guide = _guide()
    assert rewrite_guide(guide) == guide, (
        "docs/facilitator-guide.md's answer key differs from src/helpers/quizzes: "
        "run `python3 run.py answer-key`")


def test_the_default_guide_is_this_repository_s():
    assert GUIDE_PATH == GUIDE


def test_a_lesson_key_reads_like_the_hand_written_one():
    # Lesson 01's three key answers, joined by "; ", wrapped at 96 columns: the first line is
    # "- **Answer key (checks):** " (27 characters) + 66 more = 93; "the" would make 97.
    assert render_answer_key(QUIZZES["01"]) == (
        "- **Answer key (checks):** 100 million left; the tumour grows during treatment; "
        "about half of\n"
        "  the cells gone.")


@pytest.mark.parametrize("lesson", list(QUIZZES))
def test_each_key_fits_the_guide_width_and_stays_in_its_bullet(lesson):
    first, *rest = render_answer_key(QUIZZES[lesson]).split("\n")
    assert first.startswith("- **Answer key (checks):** ")
    assert all(line.startswith("  ") and not line.startswith("   ") for line in rest)
    assert all(len(line) <= WIDTH for line in [first, *rest])


@pytest.mark.parametrize("lesson", list(QUIZZES))
def test_each_lessons_keys_are_under_its_own_heading(lesson):
    sections = _sections(_guide())
    key_line = re.search(r"^- \*\*Answer key \(checks\):\*\*.*?(?=^- |\Z)",
                         sections[lesson], flags=re.MULTILINE | re.DOTALL)
    assert key_line, f"lesson {lesson} has no answer key in the guide"
    keys = _flat(key_line.group(0))
    expected = "; ".join(q.key_answer for q in QUIZZES[lesson])
    assert keys == f"- **Answer key (checks):** {expected}."
    for question in QUIZZES[lesson]:
        assert question.key_answer in keys


def test_changing_one_key_answer_changes_the_guide_and_only_that_lesson():
    guide = _guide()
    changed = rewrite_guide(guide, _with_key("03", 1, "a speck, far below what CT shows"))
    assert changed != guide
    assert "far below what CT shows" in _flat(_sections(changed)["03"])
    before, after = _sections(guide), _sections(changed)
    assert [n for n in before if before[n] != after[n]] == ["03"]
    # The check above would fail on this guide: the data and the text now differ.
    assert rewrite_guide(changed) != changed


def test_a_longer_key_rewraps_its_whole_bullet():
    guide = _guide()
    long_key = ("partial response: 34 mm is (34 - 50) / 50 = -32% from baseline, past the line "
                "for a partial response")
    changed = rewrite_guide(guide, _with_key("04", 0, long_key))
    bullet = re.search(r"^- \*\*Answer key.*?(?=^- )", _sections(changed)["04"],
                       flags=re.MULTILINE | re.DOTALL)
    assert bullet
    # 2 + 25 ("**Answer key (checks):** ") + 100 + 24 + 61 = 212 characters: more than the
    # 96 + 94 two lines hold, so three lines, each within the width.
    lines = bullet.group(0).splitlines()
    assert len(lines) == 3 and all(len(line) <= WIDTH for line in lines)
    assert _flat(bullet.group(0)) == (
        f"- **Answer key (checks):** {long_key}; no, 17% is under 20%; weigh all the clues, "
        "the team may confirm with the next scan.")
    assert "(-32%)" not in bullet.group(0)  # the old first key is gone, not left behind


SMALL_GUIDE = (
    "# Guide\n\n"
    "### 00 Start\n\n- **Aim:** start.\n\n"
    "### 01 One\n\n- **Aim:** one.\n- **Answer key (checks):** old; stale\n  wording.\n"
    "- **Common misconceptions:**\n  - a sub-bullet stays.\n\n"
    "### 02 Two\n\n- **Answer key (checks):** two.\n\n## After\n\nThe end.\n"
)


def _small_quizzes(**keys: str) -> dict:
    return {lesson: (dataclasses.replace(QUIZZES["01"][0], key_answer=key),)
            for lesson, key in keys.items()}


def test_rewrite_replaces_only_the_key_bullets():
    new = rewrite_guide(SMALL_GUIDE, _small_quizzes(**{"01": "new one", "02": "new two"}))
    assert new == SMALL_GUIDE.replace(
        "- **Answer key (checks):** old; stale\n  wording.\n",
        "- **Answer key (checks):** new one.\n").replace(
        "- **Answer key (checks):** two.\n", "- **Answer key (checks):** new two.\n")


def test_rewrite_keeps_windows_line_endings():
    crlf = SMALL_GUIDE.replace("\n", "\r\n")
    new = rewrite_guide(crlf, _small_quizzes(**{"01": "new one", "02": "new two"}))
    assert "\n" not in new.replace("\r\n", "")
    assert "- **Answer key (checks):** new one.\r\n- **Common misconceptions:**" in new


def test_rewrite_refuses_a_guide_without_a_place_for_a_lesson():
    with pytest.raises(ValueError, match="no answer-key line .* lesson.* 03"):
        rewrite_guide(SMALL_GUIDE, _small_quizzes(**{"01": "key one", "02": "key two",
                                                     "03": "key three"}))


def test_rewrite_refuses_a_key_under_a_heading_with_no_quiz():
    with pytest.raises(ValueError, match="heading with no quiz .*'02'"):
        rewrite_guide(SMALL_GUIDE, _small_quizzes(**{"01": "key one"}))


def test_rewrite_refuses_two_keys_for_one_lesson():
    doubled = SMALL_GUIDE.replace("### 02 Two", "### 01 Again")
    with pytest.raises(ValueError, match="two answer-key lines for lesson '01'"):
        rewrite_guide(doubled, _small_quizzes(**{"01": "key one"}))


# -- the command ----------------------------------------------------------------------------


def test_check_passes_on_the_guide_and_fails_on_a_stale_copy(tmp_path, capsys):
    copy = tmp_path / "guide.md"
    copy.write_bytes(GUIDE.read_bytes())
    assert main(["--check", str(copy)]) == 0
    stale = _guide().replace("about 86%;", "about 90%;")
    copy.write_bytes(stale.encode("utf-8"))
    capsys.readouterr()
    assert main(["--check", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "the answer key differs" in err and "-- **Answer key (checks):** about 90%" in err
    assert copy.read_bytes().decode("utf-8") == stale  # --check never writes


def test_write_fixes_a_stale_copy(tmp_path):
    copy = tmp_path / "guide.md"
    copy.write_bytes(_guide().replace("100 million left", "90 million left").encode("utf-8"))
    assert main(["--write", str(copy)]) == 0
    assert copy.read_bytes() == GUIDE.read_bytes()
    assert main(["--check", str(copy)]) == 0


def test_a_missing_guide_is_reported(tmp_path, capsys):
    assert main(["--check", str(tmp_path / "nowhere.md")]) == 2
    assert "nowhere.md" in capsys.readouterr().err


def test_with_no_option_the_keys_are_printed(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for lesson, questions in QUIZZES.items():
        assert f"Lesson {lesson}\n{render_answer_key(questions)}\n" in out
