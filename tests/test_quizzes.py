"""The checks for understanding: the data (helpers.quizzes), what a learner has done
(quizzes.progress), the words (quizzes.feedback) and the one widget showing them."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path

import anywidget
import ipywidgets as widgets
import pytest

from helpers.clinic.response import is_partial_response, is_progression
from helpers.clinic.scans import CT_SMALLEST_VISIBLE_MM
from helpers.models.size import cells_to_diameter_mm, diameter_mm_to_cells
from helpers.panels.quiz import QuestionView, Quiz, show_quiz
from helpers.quizzes import QUIZZES, Choice, Question, quiz_for
from helpers.quizzes.feedback import (
    ANSWER_LABEL,
    HINT_LABEL,
    PICK_FIRST,
    RIGHT,
    SHOW_ANSWER_LABEL,
    WRONG,
    feedback_html,
    score_sentence,
)
from helpers.quizzes.progress import WRONG_TRIES_BEFORE_ANSWER, QuestionProgress, QuizScore

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ["01", "02", "03", "04", "05", "06", "07", "08"]
ALL_QUESTIONS = [(lesson, number, question) for lesson in LESSONS
                 for number, question in enumerate(QUIZZES[lesson], start=1)]
IDS = [f"{lesson}-q{number}" for lesson, number, _ in ALL_QUESTIONS]


def _question(**changes) -> Question:
    """A small valid question, with some fields changed."""
    fields = dict(prompt="Two plus two?",
                  choices=(Choice("Four", True, "2 + 2 = 4."),
                           Choice("Five", False, "One too many: 2 + 2 = 4.")),
                  key_answer="four",
                  hint="Count two fingers, then two more.")
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


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.mark.parametrize(("lesson", "number", "question"), ALL_QUESTIONS, ids=IDS)
def test_each_hint_is_its_own_and_does_not_give_the_answer_away(lesson, number, question):
    hint = _plain(question.hint)
    assert len(question.hint.split()) >= 8, "a hint says where to look, in a sentence or two"
    assert hint != _plain(question.correct_choice.feedback)
    assert all(hint != _plain(c.feedback) for c in question.choices)
    assert _plain(question.correct_choice.text) not in hint
    assert _plain(question.key_answer) not in hint


def test_no_two_questions_share_a_hint():
    hints = [_plain(q.hint) for _, _, q in ALL_QUESTIONS]
    assert len(set(hints)) == len(hints)


@pytest.mark.parametrize(("lesson", "number", "question"), ALL_QUESTIONS, ids=IDS)
def test_feedback_gives_the_reason_not_a_second_verdict(lesson, number, question):
    # The widget puts "Yes, that's right." or "Not quite." in front of the feedback.
    for choice in question.choices:
        first = choice.feedback.split()[0].strip(".,:;").lower()
        assert first not in {"yes", "right", "no", "correct", "wrong"}, choice.feedback


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
    # An 8 mm spot: pi/6 x 0.8^3 = 0.268 cm3: "hundreds of millions" of cells at 1e9 per
    # cm3, "tens of millions" at the 1e8 per cm3 some sources give (docs/model.md).
    assert 1e8 < diameter_mm_to_cells(8.0) < 1e9
    assert 1e7 < diameter_mm_to_cells(8.0) / 10 < 1e8
    assert "8 mm holds tens to hundreds of millions" in first.choices[0].feedback
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
    ({"hint": ""}, "hint must be a non-empty string"),
    ({"hint": None}, "hint must be a non-empty string"),
    ({"hint": "2 + 2 = 4."}, r"hint must differ from the feedback of choices\[0\]"),
    ({"hint": "  ONE TOO many:  2 + 2 = 4. "},
     r"hint must differ from the feedback of choices\[1\]"),
    ({"hint": "It is four, of course."}, "hint must not give the answer away: it contains the "
                                         "right choice's text 'Four'"),
    ({"hint": "Think: 2 + 2 = 4 or 5?", "key_answer": "2 + 2 = 4 or 5"},
     "hint must not give the answer away: it contains the key answer"),
    ({"hint": "Count TO\nFOUR."}, "hint must not give the answer away: it contains the "
                                  "right choice's text"),
], ids=["empty prompt", "blank prompt", "no prompt", "one choice", "no choices",
        "choices a string", "not a Choice", "none correct", "two correct", "empty key",
        "empty hint", "no hint", "hint = explanation", "hint = a wrong choice's feedback",
        "hint holds the right choice", "hint holds the key answer",
        "hint holds the right choice in capitals"])
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


def test_a_hint_may_use_the_answer_s_letters_inside_other_words():
    # "Four" inside "fourteen" gives nothing away; only the whole words count.
    assert _question(hint="Think of fourteen, then halve it twice.").hint


def test_a_question_is_frozen_and_keeps_its_choices_as_a_tuple():
    question = _question(choices=[Choice("Four", True, "Yes."), Choice("Five", False, "No.")])
    assert isinstance(question.choices, tuple)
    assert question.correct_index == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        question.prompt = "changed"


def test_an_unknown_lesson_is_refused_with_the_known_ones():
    known = ", ".join(f"'{lesson}'" for lesson in LESSONS)
    with pytest.raises(ValueError, match=rf"lesson must be one of {known}; got '00'"):
        quiz_for("00")
    with pytest.raises(ValueError, match="lesson"):
        quiz_for(1)


# -- what a learner has done: the progress on one question ---------------------------------


def _walk(question: Question, *steps) -> QuestionProgress:
    """Progress after steps: an int or None picks that choice, "check" and "reveal" press."""
    progress = QuestionProgress()
    for step in steps:
        if step == "check":
            progress = progress.check(question)
        elif step == "reveal":
            progress = progress.reveal()
        else:
            progress = progress.pick(question, step)
    return progress


THREE = _question(choices=(Choice("Four", True, "2 + 2 = 4."),
                           Choice("Five", False, "One too many: 2 + 2 = 4."),
                           Choice("Three", False, "One too few: 2 + 2 = 4.")))


def test_a_new_question_has_nothing_to_say():
    progress = QuestionProgress()
    assert progress.picked is None and progress.first_try_right is None
    assert not progress.hint_given and not progress.answer_known and not progress.can_reveal
    assert feedback_html(THREE, progress) == ""


def test_a_first_wrong_answer_earns_a_hint_not_the_answer():
    progress = _walk(THREE, 1, "check")
    assert progress.first_try_right is False
    assert progress.hint_given and progress.can_reveal and not progress.answer_known
    assert progress.wrong_checked == (1,)


def test_checking_the_same_wrong_answer_again_is_not_a_second_try():
    progress = _walk(THREE, 1, "check", "check", 0, 1, "check")
    assert progress.wrong_checked == (1,) and not progress.revealed


def test_a_second_different_wrong_answer_shows_the_answer():
    assert WRONG_TRIES_BEFORE_ANSWER == 2
    progress = _walk(THREE, 1, "check", 2, "check")
    assert progress.wrong_checked == (1, 2)
    assert progress.revealed and progress.answer_known and not progress.can_reveal
    assert not progress.solved and progress.first_try_right is False


def test_the_right_answer_first_counts_as_right_first_try():
    progress = _walk(THREE, 0, "check")
    assert progress.solved and progress.first_try_right is True and not progress.hint_given
    # Trying a wrong one afterwards does not undo the first try.
    assert _walk(THREE, 0, "check", 1, "check").first_try_right is True


def test_right_after_a_hint_is_solved_but_not_right_first_try():
    progress = _walk(THREE, 2, "check", 0, "check")
    assert progress.solved and progress.first_try_right is False


def test_asking_for_the_answer_before_trying_counts_as_not_right():
    progress = _walk(THREE, "reveal", 0, "check")
    assert progress.revealed and progress.solved and progress.first_try_right is False


def test_picking_forgets_the_check_and_the_nudge_but_not_the_tries():
    progress = _walk(THREE, None, "check")
    assert progress.asked_to_pick and progress.first_try_right is None
    progress = _walk(THREE, None, "check", 1, "check", 2)
    assert progress.picked == 2 and not progress.checked and not progress.asked_to_pick
    assert progress.wrong_checked == (1,) and progress.first_try_right is False


@pytest.mark.parametrize("index", [-1, 3, 0.5, True, "0"])
def test_a_pick_outside_the_choices_is_refused(index):
    with pytest.raises(ValueError, match=rf"index must be a whole number from 0 to 2 or None; "
                                         rf"got {re.escape(repr(index))}"):
        QuestionProgress().pick(THREE, index)


def test_progress_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        QuestionProgress().picked = 1


# -- the words: feedback follows the choice on screen ---------------------------------------


def test_a_wrong_answer_says_not_quite_and_gives_the_hint_only():
    text = feedback_html(THREE, _walk(THREE, 1, "check"))
    assert f"<b>{WRONG}</b>" in text and f"<b>{HINT_LABEL}</b> {THREE.hint}" in text
    assert SHOW_ANSWER_LABEL in text  # it says how to get the answer
    # Neither the answer nor this choice's reason (which names the answer) is told yet.
    assert "Four" not in text and "2 + 2 = 4" not in text and ANSWER_LABEL not in text


def test_picking_another_choice_drops_the_verdict_and_keeps_the_hint():
    text = feedback_html(THREE, _walk(THREE, 1, "check", 2))
    assert WRONG not in text and RIGHT not in text
    assert text == f"<p><b>{HINT_LABEL}</b> {THREE.hint}</p>"


def test_a_second_wrong_answer_gives_its_reason_and_the_right_answer():
    text = feedback_html(THREE, _walk(THREE, 1, "check", 2, "check"))
    assert text == (f"<p><b>{WRONG}</b> One too few: 2 + 2 = 4.</p>"
                    f"<p><b>{ANSWER_LABEL}</b> “Four”. 2 + 2 = 4.</p>")
    assert HINT_LABEL not in text


def test_the_right_answer_is_praised_and_explained_once():
    for steps in [(0, "check"), (1, "check", 0, "check"), (1, "check", 2, "check", 0, "check")]:
        assert feedback_html(THREE, _walk(THREE, *steps)) == f"<p><b>{RIGHT}</b> 2 + 2 = 4.</p>"


def test_show_the_answer_gives_the_answer_and_explanation():
    text = feedback_html(THREE, _walk(THREE, 1, "check", "reveal"))
    # The verdict on the checked choice stays (the choice has not changed), now with why.
    assert text == (f"<p><b>{WRONG}</b> One too many: 2 + 2 = 4.</p>"
                    f"<p><b>{ANSWER_LABEL}</b> “Four”. 2 + 2 = 4.</p>")


def test_nothing_picked_asks_for_a_pick_until_one_is_made():
    assert feedback_html(THREE, _walk(THREE, "check")) == f"<p>{PICK_FIRST}</p>"
    assert feedback_html(THREE, _walk(THREE, "check", 1)) == ""


def test_feedback_words_are_escaped():
    question = _question(choices=(Choice("4 < 5", True, "4 < 5 & 4 > 3."),
                                  Choice("Five", False, "No <b>."),),
                         hint="Compare <them>.")
    assert "4 &lt; 5 &amp; 4 &gt; 3." in feedback_html(question, _walk(question, 0, "check"))
    hinted = feedback_html(question, _walk(question, 1, "check"))
    assert "Compare &lt;them&gt;." in hinted
    shown = feedback_html(question, _walk(question, 1, "check", "reveal"))
    assert "No &lt;b&gt;." in shown and "“4 &lt; 5”" in shown


# -- the score: right on the first try --------------------------------------------------------


@pytest.mark.parametrize(("right", "tried", "total", "expected"), [
    (0, 0, 3, "You have not answered any of the 3 checks yet. A check counts as right here "
              "when your first answer to it is right."),
    (0, 0, 1, "You have not answered the check yet. A check counts as right here when your "
              "first answer to it is right."),
    (0, 1, 3, "You have answered 0 of 3 checks right on the first try. You have 2 checks "
              "still to answer."),
    (1, 2, 3, "You have answered 1 of 3 checks right on the first try. You have 1 check "
              "still to answer."),
    (2, 3, 3, "You have answered 2 of 3 checks right on the first try."),
    (3, 3, 3, "You have answered all 3 checks right on the first try."),
    (0, 1, 1, "You have answered 0 of 1 check right on the first try."),
    (1, 1, 1, "You have answered the check right on the first try."),
    (2, 2, 4, "You have answered 2 of 4 checks right on the first try. You have 2 checks "
              "still to answer."),
])
def test_the_score_in_words(right, tried, total, expected):
    assert score_sentence(QuizScore(right, tried, total)) == expected


@pytest.mark.parametrize(("args", "message"), [
    ((0, 0, 0), "total must be at least 1; got 0"),
    ((-1, 0, 3), "right_first_try must be a whole number, 0 or more; got -1"),
    ((0, 4, 3), r"tried must be from 0 to total \(3\); got 4"),
    ((2, 1, 3), r"right_first_try must be from 0 to tried \(1\); got 2"),
    ((0, 1.5, 3), "tried must be a whole number, 0 or more; got 1.5"),
    ((True, 1, 3), "right_first_try must be a whole number, 0 or more; got True"),
])
def test_an_impossible_score_is_refused(args, message):
    with pytest.raises(ValueError, match=message):
        QuizScore(*args)


def test_the_score_counts_first_tries_only():
    progress = [_walk(THREE, 0, "check"),                # right first: counts
                _walk(THREE, 1, "check", 0, "check"),    # right after a hint: tried only
                _walk(THREE, "reveal"),                  # answer asked for: tried only
                _walk(THREE, 2),                         # picked, never checked: not tried
                QuestionProgress()]
    assert QuizScore.of(progress) == QuizScore(right_first_try=1, tried=3, total=5)


# -- the widget -----------------------------------------------------------------------------


def _view(question: Question = THREE) -> QuestionView:
    return QuestionView(question)


def _shown(button: widgets.Button) -> bool:
    return button.layout.display != "none"


def test_the_widget_shows_the_prompt_choices_buttons_and_an_empty_feedback():
    view = _view(_question(prompt="Is 1 < 2?"))
    prompt, options, buttons, feedback = view.widget.children
    assert prompt.value == "<p><b>Is 1 &lt; 2?</b></p>"
    assert isinstance(options, widgets.RadioButtons)
    assert list(options.options) == ["Four", "Five"] and options.value is None
    check, show_answer = buttons.children
    assert check.description == "Check my answer" and _shown(check)
    assert show_answer.description == "Show the answer" and not _shown(show_answer)
    assert feedback.value == ""
    # The classes the page script and page-wide styles look for.
    assert "chemo-question" in view.widget._dom_classes
    assert "chemo-quiz-prompt" in prompt._dom_classes
    assert "chemo-quiz-choices" in options._dom_classes
    assert "chemo-quiz-feedback" in feedback._dom_classes


def test_select_wrong_shows_a_hint_and_offers_the_answer():
    view = _view()
    view.options.index = 1
    view.check.click()
    assert HINT_LABEL in view.feedback.value and THREE.hint in view.feedback.value
    assert "Four" not in view.feedback.value and ANSWER_LABEL not in view.feedback.value
    assert _shown(view.show_answer)


def test_select_wrong_again_shows_the_answer():
    view = _view()
    view.options.index = 1
    view.check.click()
    view.options.index = 2
    view.check.click()
    assert "One too few" in view.feedback.value
    assert f"<b>{ANSWER_LABEL}</b> “Four”. 2 + 2 = 4." in view.feedback.value
    assert HINT_LABEL not in view.feedback.value


def test_select_right_praises_and_explains():
    view = _view()
    assert view.answer(0) is True
    assert view.feedback.value == f"<p><b>{RIGHT}</b> 2 + 2 = 4.</p>"
    assert not _shown(view.show_answer)


def test_changing_the_choice_replaces_the_feedback():
    view = _view()
    view.options.index = 1
    view.check.click()
    assert WRONG in view.feedback.value
    view.options.index = 2  # a new pick, not yet checked: the verdict on "Five" goes
    assert view.feedback.value == f"<p><b>{HINT_LABEL}</b> {THREE.hint}</p>"
    view.check.click()
    assert ANSWER_LABEL in view.feedback.value
    view.options.index = 0
    assert WRONG not in view.feedback.value and "One too few" not in view.feedback.value
    view.check.click()
    assert view.feedback.value == f"<p><b>{RIGHT}</b> 2 + 2 = 4.</p>"
    # Once the answer is known, moving off it shows the answer, never the stale praise.
    view.options.index = 1
    assert RIGHT not in view.feedback.value
    assert view.feedback.value == f"<p><b>{ANSWER_LABEL}</b> “Four”. 2 + 2 = 4.</p>"


def test_the_show_the_answer_button_shows_it_and_stays_for_the_keyboard():
    view = _view()
    view.answer(2)
    view.show_answer.click()
    assert f"<b>{ANSWER_LABEL}</b> “Four”." in view.feedback.value
    assert "One too few" in view.feedback.value  # the checked choice's reason, now safe to say
    assert _shown(view.show_answer)  # kept, so the focus on it is not lost
    assert view.progress.revealed and view.progress.first_try_right is False


def test_the_check_button_with_nothing_picked_asks_for_a_pick():
    view = _view()
    view.check.click()
    assert view.feedback.value == f"<p>{PICK_FIRST}</p>"
    assert view.answer(None) is False
    assert view.progress.first_try_right is None


@pytest.mark.parametrize("index", [-1, 3, 0.5])
def test_an_index_outside_the_choices_is_refused(index):
    view = _view()
    with pytest.raises(ValueError, match="index must be a whole number from 0 to 2"):
        view.answer(index)
    assert view.options.index is None and view.feedback.value == ""


def test_the_score_counts_and_updates_live():
    quiz = Quiz("01")
    score = quiz.score_view
    assert score.value == ("<p><b>You have not answered any of the 3 checks yet. A check "
                           "counts as right here when your first answer to it is right.</b></p>")
    first, second, third = quiz.views
    first.answer(first.question.correct_index)
    assert "answered 1 of 3 checks right on the first try" in score.value
    assert "2 checks still to answer" in score.value
    wrong = (second.question.correct_index + 1) % len(second.question.choices)
    second.answer(wrong)
    second.answer(second.question.correct_index)  # right, but not on the first try
    assert "answered 1 of 3 checks right on the first try" in score.value
    assert "1 check still to answer" in score.value
    third.answer(third.question.correct_index)
    assert score.value == "<p><b>You have answered 2 of 3 checks right on the first try.</b></p>"
    assert quiz.score == QuizScore(2, 3, 3)


@pytest.mark.parametrize("lesson", LESSONS)
def test_show_quiz_shows_every_question_then_the_score(lesson):
    box = show_quiz(lesson)
    assert isinstance(box, widgets.VBox) and "chemo-quiz" in box._dom_classes
    questions = QUIZZES[lesson]
    *shown, score, support = box.children
    assert len(shown) == len(questions)
    assert "chemo-quiz-score" in score._dom_classes and "0 of" not in score.value
    assert f"any of the {len(questions)} checks" in score.value
    for view, question in zip(shown, questions, strict=True):
        prompt, options, buttons, feedback = view.children
        check, _show_answer = buttons.children
        assert prompt.value == f"<p><b>{html.escape(question.prompt)}</b></p>"
        assert list(options.options) == [c.text for c in question.choices]
        # Each question in the box answers for itself: wrong first gives the hint only.
        wrong = (question.correct_index + 1) % len(question.choices)
        options.index = wrong
        check.click()
        assert html.escape(question.hint) in feedback.value
        assert html.escape(question.correct_choice.text) not in feedback.value
        options.index = question.correct_index
        check.click()
        assert RIGHT in feedback.value
        assert html.escape(question.correct_choice.feedback) in feedback.value
    assert f"answered 0 of {len(questions)} checks right on the first try." in score.value


def test_the_quiz_brings_its_page_script():
    *_, support = show_quiz("01").children
    # A hidden anywidget, never an Output widget (those can hang app mode).
    assert isinstance(support, anywidget.AnyWidget) and support.layout.display == "none"
    assert not isinstance(support, widgets.Output)
    page = support._esm
    # Names each radio group after its question and makes the feedback a live region.
    for needed in ["role', 'radiogroup'", "aria-labelledby", ".chemo-quiz-prompt",
                   ".chemo-quiz-choices .widget-radio-box", ".chemo-quiz-feedback",
                   "aria-live', 'polite'", "MutationObserver"]:
        assert needed in page, needed


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
