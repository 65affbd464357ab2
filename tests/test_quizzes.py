"""The checks for understanding: the data (helpers.quizzes) and the one widget showing it."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from helpers.clinic.response import is_partial_response, is_progression
from helpers.clinic.scans import CT_SMALLEST_VISIBLE_MM
from helpers.models.size import cells_to_diameter_mm, diameter_mm_to_cells
from helpers.panels.quiz import QuestionView, show_quiz
from helpers.quizzes import QUIZZES, Choice, Question, quiz_for

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ["01", "02", "03", "04", "05"]
ALL_QUESTIONS = [(lesson, number, question) for lesson in LESSONS
                 for number, question in enumerate(QUIZZES[lesson], start=1)]
IDS = [f"{lesson}-q{number}" for lesson, number, _ in ALL_QUESTIONS]


def _question(**changes) -> Question:
    """A small valid question, with some fields changed."""
    fields = dict(prompt="Two plus two?",
                  choices=(Choice("Four", True, "2 + 2 = 4."),
                           Choice("Five", False, "One too many: 2 + 2 = 4.")),
                  key_answer="four")
    fields.update(changes)
    return Question(**fields)


# -- the data -------------------------------------------------------------------------------


def test_every_lesson_has_a_quiz_and_nothing_else_does():
    assert list(QUIZZES) == LESSONS
    lesson_notebooks = sorted(p.name[:2] for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
                              if not p.name.startswith("00_"))
    assert lesson_notebooks == LESSONS


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_lesson_has_at_least_three_questions(lesson):
    assert len(quiz_for(lesson)) >= 3
    assert quiz_for(lesson) is QUIZZES[lesson]


@pytest.mark.parametrize(("lesson", "number", "question"), ALL_QUESTIONS, ids=IDS)
def test_each_question_has_one_right_choice_and_feedback_on_every_choice(lesson, number,
                                                                          question):
    assert sum(c.correct for c in question.choices) == 1
    assert question.correct_choice.correct
    assert len(question.choices) >= 2
    for choice in question.choices:
        assert choice.text.strip() and choice.feedback.strip()
    # No two choices read the same, or the learner could not tell them apart.
    assert len({c.text for c in question.choices}) == len(question.choices)
    assert question.prompt.strip() and question.key_answer.strip()


_STOP_WORDS = {"the", "a", "an", "of", "is", "it", "to", "and", "in", "on", "its", "their",
               "has", "have", "not", "yet", "what", "was", "but", "at", "by", "be", "are",
               "from", "there", "with", "been", "this", "that", "all", "one", "any"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP_WORDS}


def _names_the_right_choice(question: Question) -> bool:
    """The key answer shares more words with the right choice than with any wrong one."""
    key = _words(question.key_answer)
    shared = [len(key & _words(c.text)) for c in question.choices]
    right = shared[question.correct_index]
    return right > max(s for i, s in enumerate(shared) if i != question.correct_index)


@pytest.mark.parametrize(("lesson", "number", "question"), ALL_QUESTIONS, ids=IDS)
def test_the_key_answer_names_the_right_choice(lesson, number, question):
    assert _names_the_right_choice(question), (question.key_answer, question.correct_choice)


def test_the_key_answer_check_can_fail():
    # Lesson 01, question 1: "900 million" is the wrong choice (that many were killed).
    wrong = dataclasses.replace(QUIZZES["01"][0], key_answer="900 million")
    assert not _names_the_right_choice(wrong)


# -- the stories' numbers agree with the model and the rule ---------------------------------


def test_lesson_01_numbers():
    first, _, third = QUIZZES["01"]
    # 90% killed of 1,000 million leaves 10%: 0.1 x 1e9 = 1e8 = 100 million.
    assert (1 - 0.9) * 1e9 == pytest.approx(1e8)
    assert first.correct_choice.text == "100 million"
    # 20% narrower: 0.8 ** 3 = 0.512 of the cells left, so about half gone.
    assert 0.8 ** 3 == pytest.approx(0.512)
    assert "0.8 x 0.8 x 0.8 = 0.51" in third.correct_choice.feedback
    assert third.correct_choice.text == "About half"


def test_lesson_03_numbers():
    first, second, _ = QUIZZES["03"]
    # 1 million cells at 1e9 per cm3: 1e-3 cm3; d = (6V/pi)^(1/3) = 0.124 cm = 1.24 mm.
    assert cells_to_diameter_mm(1e6) == pytest.approx(1.24, abs=0.01)
    assert "about 1.2 mm across" in second.correct_choice.feedback
    # A 5 mm ball: pi/6 x 0.5^3 cm3 = 0.0654 cm3, so about 65 million cells.
    assert diameter_mm_to_cells(5.0) == pytest.approx(65e6, rel=0.01)
    assert "65 million" in second.choices[2].feedback
    # An 8 mm spot: pi/6 x 0.8^3 = 0.268 cm3: "hundreds of millions" of cells.
    assert 1e8 < diameter_mm_to_cells(8.0) < 1e9
    assert "8 mm holds hundreds of millions" in first.choices[0].feedback
    low, high = CT_SMALLEST_VISIBLE_MM
    assert f"CT usually needs about {low:g} to {high:g} mm." in second.correct_choice.feedback
    assert second.correct_choice.feedback.endswith("CT usually needs about 5 to 10 mm.")


def test_lesson_04_numbers_follow_the_response_rule():
    first, second, _ = QUIZZES["04"]
    # 50 -> 34 mm: (34 - 50) / 50 = -0.32, at least 30% below baseline: partial response.
    assert is_partial_response(34.0, 50.0)
    assert round(100 * (34 - 50) / 50) == -32
    assert first.correct_choice.text == "Partial response"
    # Smallest 30 -> 35 mm: 5 mm but only (35 - 30) / 30 = 16.7%: not progression.
    assert not is_progression(35.0, 30.0)
    assert round(100 * (35 - 30) / 30) == 17
    assert second.correct_choice.text == "No: 17% is under the 20% needed"
    assert "(35 - 30) / 30 = 17%, under 20%: not progression." in second.choices[0].feedback


def test_lesson_05_numbers():
    first, _, _ = QUIZZES["05"]
    # 6 doses x 21 days = 126 days planned; 3 delays x 7 days: 147 days; 126 / 147 = 0.857.
    assert 6 * 21 == 126 and 126 + 3 * 7 == 147
    assert round(100 * 126 / 147) == 86
    assert first.correct_choice.text == "About 86%"


# -- bad data is refused, naming the field --------------------------------------------------


@pytest.mark.parametrize(("changes", "field"), [
    ({"prompt": ""}, "prompt"),
    ({"prompt": "   "}, "prompt"),
    ({"prompt": None}, "prompt"),
    ({"choices": (Choice("Four", True, "Yes."),)}, "choices"),
    ({"choices": ()}, "choices"),
    ({"choices": "Four"}, "choices"),
    ({"choices": (Choice("Four", True, "Yes."), "Five")}, r"choices\[1\]"),
    ({"choices": (Choice("Four", False, "No."), Choice("Five", False, "No."))},
     "exactly 1 correct"),
    ({"choices": (Choice("Four", True, "Yes."), Choice("4", True, "Yes."))},
     "exactly 1 correct"),
    ({"key_answer": ""}, "key_answer"),
], ids=["empty prompt", "blank prompt", "no prompt", "one choice", "no choices",
        "choices a string", "not a Choice", "none correct", "two correct", "empty key"])
def test_a_bad_question_is_refused(changes, field):
    with pytest.raises(ValueError, match=field):
        _question(**changes)


@pytest.mark.parametrize(("args", "field"), [
    (("", True, "Yes."), "text"),
    (("Four", "yes", "Yes."), "correct"),
    (("Four", 1, "Yes."), "correct"),
    (("Four", True, ""), "feedback"),
])
def test_a_bad_choice_is_refused(args, field):
    with pytest.raises(ValueError, match=f"^{field} must"):
        Choice(*args)


def test_a_question_is_frozen_and_keeps_its_choices_as_a_tuple():
    question = _question(choices=[Choice("Four", True, "Yes."), Choice("Five", False, "No.")])
    assert isinstance(question.choices, tuple)
    assert question.correct_index == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        question.prompt = "changed"


def test_an_unknown_lesson_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match=r"lesson must be one of '01', '02', '03', '04', '05'; "
                                         r"got '06'"):
        quiz_for("06")
    with pytest.raises(ValueError, match="lesson"):
        quiz_for(1)


# -- the widget -----------------------------------------------------------------------------


def test_the_widget_looks_as_before():
    question = _question(prompt="Is 1 < 2?")
    view = QuestionView(question)
    prompt, options, check, feedback = view.widget.children
    assert prompt.value == "<p><b>Is 1 &lt; 2?</b></p>"
    assert isinstance(options, widgets.RadioButtons)
    assert list(options.options) == ["Four", "Five"] and options.value is None
    assert isinstance(check, widgets.Button) and check.description == "Check my answer"
    assert feedback.value == ""
    assert "chemo-question" in view.widget._dom_classes


def test_the_widget_says_yes_to_the_right_choice_and_why():
    view = QuestionView(_question())
    assert view.answer(0) is True
    assert view.feedback.value == "<p role='status'><b>Yes, that's right.</b> 2 + 2 = 4.</p>"


def test_the_widget_says_not_quite_to_a_wrong_choice_and_why():
    view = QuestionView(_question())
    assert view.answer(1) is False
    assert view.feedback.value == ("<p role='status'><b>Not quite.</b> "
                                   "One too many: 2 + 2 = 4.</p>")


def test_the_widget_asks_for_an_answer_when_none_is_picked():
    view = QuestionView(_question())
    assert view.answer(None) is False
    assert view.feedback.value == "<p role='status'>Pick an answer first.</p>"


def test_the_button_checks_the_picked_choice():
    view = QuestionView(_question())
    view.check.click()
    assert "Pick an answer first." in view.feedback.value
    view.options.index = 1
    view.check.click()
    assert "<b>Not quite.</b>" in view.feedback.value
    view.options.index = 0
    view.check.click()
    assert "<b>Yes, that's right.</b>" in view.feedback.value


def test_feedback_is_escaped():
    question = _question(choices=(Choice("Four", True, "4 < 5 & 4 > 3."),
                                  Choice("Five", False, "No.")))
    view = QuestionView(question)
    view.answer(0)
    assert "4 &lt; 5 &amp; 4 &gt; 3." in view.feedback.value


@pytest.mark.parametrize("index", [-1, 2, 0.5])
def test_an_index_outside_the_choices_is_refused(index):
    with pytest.raises(ValueError, match="index must be a whole number from 0 to 1"):
        QuestionView(_question()).answer(index)


@pytest.mark.parametrize("lesson", LESSONS)
def test_show_quiz_shows_every_question_of_the_lesson_in_order(lesson):
    box = show_quiz(lesson)
    assert isinstance(box, widgets.VBox)
    questions = QUIZZES[lesson]
    assert len(box.children) == len(questions)
    for shown, question in zip(box.children, questions, strict=True):
        prompt, options, check, feedback = shown.children
        assert prompt.value == f"<p><b>{html.escape(question.prompt)}</b></p>"
        assert list(options.options) == [c.text for c in question.choices]
        # Each question in the box answers for itself.
        options.index = question.correct_index
        check.click()
        assert "Yes, that's right." in feedback.value
        wrong = (question.correct_index + 1) % len(question.choices)
        options.index = wrong
        check.click()
        assert "Not quite." in feedback.value


def test_show_quiz_refuses_an_unknown_lesson():
    with pytest.raises(ValueError, match="lesson must be one of"):
        show_quiz("00")


# -- the notebooks show the quiz from the data ----------------------------------------------


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_notebook_shows_its_own_quiz_after_the_heading(lesson):
    (path,) = (ROOT / "notebooks").glob(f"{lesson}_*.ipynb")
    cells = json.loads(path.read_text())["cells"]
    sources = ["".join(c["source"]) for c in cells]
    code = [s for c, s in zip(cells, sources, strict=True) if c["cell_type"] == "code"]
    quiz_cells = [s for s in code if "show_quiz(" in s]
    assert quiz_cells == [f'from helpers.panels.quiz import show_quiz\n\nshow_quiz("{lesson}")']
    where = sources.index(quiz_cells[0])
    assert sources[where - 1] == "## Check your understanding"
    # The questions live in helpers.quizzes only: no notebook writes them out again.
    assert not any("Choice(" in s or "Question(" in s for s in code)
