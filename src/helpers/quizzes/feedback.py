"""What the quiz says: feedback on a question and a lesson's score, as pure functions.

``feedback_html(question, progress)`` is everything shown under a question at one moment,
built from the question's data and the learner's ``QuestionProgress``:

- a verdict on the choice just checked (gone as soon as another choice is picked);
- after a first wrong answer, the question's hint, until the answer is known;
- once the answer is known (found, asked for, or after a second wrong answer), the right
  answer and its explanation.

``score_sentence(score)`` says how many checks were answered right on the first try.
The buttons' labels live here too, so the widget (``panels.quiz``) builds no words.
The question texts are escaped here; the only markup added is <p> and <b>.
"""

from __future__ import annotations

import html

from ..checks import check_instance
from ..plain_words import plural
from .progress import QuestionProgress, QuizScore
from .questions import Question

__all__ = [
    "CHECK_LABEL",
    "SHOW_ANSWER_LABEL",
    "RIGHT",
    "WRONG",
    "PICK_FIRST",
    "TRY_AGAIN",
    "HINT_LABEL",
    "ANSWER_LABEL",
    "feedback_html",
    "score_sentence",
]

CHECK_LABEL = "Check my answer"
SHOW_ANSWER_LABEL = "Show the answer"
RIGHT = "Yes, that's right."
WRONG = "Not quite."
PICK_FIRST = "Pick an answer first."
TRY_AGAIN = f"Read the hint, then try another answer, or press “{SHOW_ANSWER_LABEL}”."
HINT_LABEL = "Hint:"
ANSWER_LABEL = "The right answer:"


def _p(text: str) -> str:
    return f"<p>{text}</p>"


def feedback_html(question: Question, progress: QuestionProgress) -> str:
    """What the learner sees under ``question`` now: <p> paragraphs, or "" for nothing.

    Follows the choice picked now: a verdict is given only on a choice that was checked
    since it was picked, so nothing said about an earlier choice stays on screen.
    """
    check_instance("question", question, Question)
    check_instance("progress", progress, QuestionProgress)
    if progress.picked is not None and progress.picked >= len(question.choices):
        raise ValueError(f"progress.picked must be a choice of the question, from 0 to "
                         f"{len(question.choices) - 1}; got {progress.picked}")
    parts: list[str] = []
    picked = progress.picked
    if picked is None and progress.asked_to_pick:
        parts.append(_p(PICK_FIRST))
    checked_right = False
    if picked is not None and progress.checked:
        choice = question.choices[picked]
        checked_right = choice.correct
        if choice.correct:
            parts.append(_p(f"<b>{RIGHT}</b> {html.escape(choice.feedback)}"))
        elif progress.answer_known:
            # The answer is on screen anyway, so this choice's own reason can be told.
            parts.append(_p(f"<b>{WRONG}</b> {html.escape(choice.feedback)}"))
        else:
            # A wrong choice's feedback often names the right answer: hold it back.
            parts.append(_p(f"<b>{WRONG}</b> {html.escape(TRY_AGAIN)}"))
    if progress.hint_given and not progress.answer_known:
        parts.append(_p(f"<b>{HINT_LABEL}</b> {html.escape(question.hint)}"))
    if progress.answer_known and not checked_right:
        right = question.correct_choice
        parts.append(_p(f"<b>{ANSWER_LABEL}</b> “{html.escape(right.text)}”. "
                        f"{html.escape(right.feedback)}"))
    return "".join(parts)


def score_sentence(score: QuizScore) -> str:
    """How many of a lesson's checks were answered right on the first try, in plain words.

    "Right" means the first answer checked was right: a check answered right after a hint,
    or after the answer was shown, does not count.
    """
    check_instance("score", score, QuizScore)
    right, tried, total = score.right_first_try, score.tried, score.total
    checks = plural(total, "check").removeprefix(f"{total} ")
    if tried == 0:
        where = "the check" if total == 1 else f"any of the {total} checks"
        return (f"You have not answered {where} yet. A check counts as right here when your "
                "first answer to it is right.")
    if right == total:
        said = "the check" if total == 1 else f"all {total} checks"
        return f"You have answered {said} right on the first try."
    sentence = f"You have answered {right} of {total} {checks} right on the first try."
    if tried < total:
        sentence += f" You have {plural(total - tried, 'check')} still to answer."
    return sentence
