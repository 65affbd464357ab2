"""Checks for understanding as data: one module per lesson, shown by one widget.

- ``Choice`` and ``Question`` (frozen, checked when built: a non-empty prompt, at
  least 2 choices, exactly 1 correct, a short ``key_answer`` for the guide, and a
  ``hint`` that does not give the answer away);
- ``lesson_NN.QUESTIONS``: lesson NN's questions, in the order the notebook shows them;
- ``QUIZZES``: lesson number ("01".."08") -> its questions; ``quiz_for(lesson)``. A
  lesson's module is imported when its questions are first asked for;
- ``progress``: what a learner has done with a question (``QuestionProgress``: pick,
  check, reveal) and a lesson's score (``QuizScore``: right on the first try);
- ``feedback``: the words for both, as pure functions;
- ``answer_key``: the facilitator guide's answer key, written from the same data.

The notebook shows a lesson's quiz with ``panels.quiz.show_quiz("NN")``.
Pure: no ipywidgets, no matplotlib.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from .questions import Choice, Question

__all__ = ["Choice", "Question", "QUIZZES", "LESSONS_WITH_A_QUIZ", "quiz_for"]

#: The lessons that have a quiz (module ``lesson_NN``), in order.
LESSONS_WITH_A_QUIZ: tuple[str, ...] = ("01", "02", "03", "04", "05", "06", "07", "08")


def quiz_for(lesson: str) -> tuple[Question, ...]:
    """The questions of ``lesson`` ("01".."08"), in the order the notebook shows them."""
    if not isinstance(lesson, str) or lesson not in LESSONS_WITH_A_QUIZ:
        known = ", ".join(repr(key) for key in LESSONS_WITH_A_QUIZ)
        raise ValueError(f"lesson must be one of {known}; got {lesson!r}")
    # Imported on first use: a notebook shows only its own quiz, and each quiz module
    # pulls in the words (and through them the lessons) its questions quote, so loading
    # all eight cost every lesson's kernel about 50 ms (issue 15, item 7).
    module = importlib.import_module(f"{__name__}.lesson_{lesson}")
    questions: tuple[Question, ...] = module.QUESTIONS
    return questions


class _Quizzes(Mapping[str, tuple[Question, ...]]):
    """Lesson number -> its questions; each lesson's module is imported when first read."""

    def __getitem__(self, lesson: str) -> tuple[Question, ...]:
        if lesson not in LESSONS_WITH_A_QUIZ:
            raise KeyError(lesson)
        return quiz_for(lesson)

    def __iter__(self) -> Iterator[str]:
        return iter(LESSONS_WITH_A_QUIZ)

    def __len__(self) -> int:
        return len(LESSONS_WITH_A_QUIZ)

    def __repr__(self) -> str:
        return f"QUIZZES({', '.join(LESSONS_WITH_A_QUIZ)})"


#: Lesson number ("01".."08") -> its questions (read-only).
QUIZZES: Mapping[str, tuple[Question, ...]] = _Quizzes()
