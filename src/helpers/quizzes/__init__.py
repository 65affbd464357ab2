"""Checks for understanding as data: one module per lesson, shown by one widget.

- ``Choice`` and ``Question`` (frozen, checked when built: a non-empty prompt, at
  least 2 choices, exactly 1 correct, a short ``key_answer`` for the guide, and a
  ``hint`` that does not give the answer away);
- ``lesson_NN.QUESTIONS``: lesson NN's questions, in the order the notebook shows them;
- ``QUIZZES``: lesson number ("01".."05") -> its questions; ``quiz_for(lesson)``;
- ``progress``: what a learner has done with a question (``QuestionProgress``: pick,
  check, reveal) and a lesson's score (``QuizScore``: right on the first try);
- ``feedback``: the words for both, as pure functions;
- ``answer_key``: the facilitator guide's answer key, written from the same data.

The notebook shows a lesson's quiz with ``panels.quiz.show_quiz("NN")``.
Pure: no ipywidgets, no matplotlib.
"""

from __future__ import annotations

from . import (
    lesson_01,
    lesson_02,
    lesson_03,
    lesson_04,
    lesson_05,
    lesson_06,
    lesson_07,
    lesson_08,
)
from .questions import Choice, Question

__all__ = ["Choice", "Question", "QUIZZES", "quiz_for"]

QUIZZES: dict[str, tuple[Question, ...]] = {
    "01": lesson_01.QUESTIONS,
    "02": lesson_02.QUESTIONS,
    "03": lesson_03.QUESTIONS,
    "04": lesson_04.QUESTIONS,
    "05": lesson_05.QUESTIONS,
    "06": lesson_06.QUESTIONS,
    "07": lesson_07.QUESTIONS,
    "08": lesson_08.QUESTIONS,
}


def quiz_for(lesson: str) -> tuple[Question, ...]:
    """The questions of ``lesson`` ("01".."05"), in the order the notebook shows them."""
    if not isinstance(lesson, str) or lesson not in QUIZZES:
        known = ", ".join(repr(key) for key in QUIZZES)
        raise ValueError(f"lesson must be one of {known}; got {lesson!r}")
    return QUIZZES[lesson]
