"""A check for understanding as data: a prompt, its choices, a hint and the facilitator's key.

Pure: plain frozen dataclasses, checked once when they are built, so the widget
that shows them (``panels.quiz``) and the answer-key generator (``quizzes.answer_key``)
can trust them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Choice", "Question"]


def _check_text(field: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field} must be a non-empty string; got {value!r}")


def _plain(text: str) -> str:
    """``text`` for comparing: lower case, runs of white space as one space."""
    return " ".join(text.lower().split())


def _says(text: str, words: str) -> bool:
    """Whether ``text`` holds ``words`` as whole words (case and spacing aside)."""
    return re.search(rf"(?<!\w){re.escape(_plain(words))}(?!\w)", _plain(text)) is not None


@dataclass(frozen=True)
class Choice:
    """One answer a learner can pick.

    Attributes:
        text: the answer as the learner reads it next to its radio button.
        correct: True for the one right answer of its question.
        feedback: why this answer is right or wrong. The widget puts its own verdict
            ("Yes, that's right." or "Not quite.") in front, so this text starts with the
            reason. For the right choice it is the question's explanation.
    """

    text: str
    correct: bool
    feedback: str

    def __post_init__(self) -> None:
        _check_text("text", self.text)
        if not isinstance(self.correct, bool):
            raise ValueError(f"correct must be True or False; got {self.correct!r}")
        _check_text("feedback", self.feedback)


@dataclass(frozen=True)
class Question:
    """A multiple-choice check with feedback on every choice and a hint.

    Attributes:
        prompt: the question, in plain words.
        choices: at least 2 choices, in the order shown; exactly 1 is correct.
        key_answer: the right answer in a few words, as the facilitator guide's
            answer key says it (for example "100 million left").
        hint: what a learner is shown after a first wrong answer, written for this
            question: it points to the idea, or to the part of the lesson's picture to
            look at, without giving the answer away. So it must differ from the
            explanation (the right choice's feedback) and from every other feedback,
            and must not contain the right choice's text or the key answer.
    """

    prompt: str
    choices: tuple[Choice, ...]
    key_answer: str
    hint: str

    def __post_init__(self) -> None:
        _check_text("prompt", self.prompt)
        # A list is accepted and stored as a tuple, so the question stays immutable.
        if isinstance(self.choices, list):
            object.__setattr__(self, "choices", tuple(self.choices))
        if not isinstance(self.choices, tuple):
            raise ValueError(f"choices must be a tuple of Choice items; got {self.choices!r}")
        for i, choice in enumerate(self.choices):
            if not isinstance(choice, Choice):
                raise ValueError(f"choices[{i}] must be a Choice; got {choice!r}")
        if len(self.choices) < 2:
            raise ValueError(f"choices must hold at least 2 Choice items; got {len(self.choices)}")
        correct = sum(c.correct for c in self.choices)
        if correct != 1:
            raise ValueError(f"choices must have exactly 1 correct Choice; got {correct}")
        _check_text("key_answer", self.key_answer)
        _check_text("hint", self.hint)
        hint = _plain(self.hint)
        for i, choice in enumerate(self.choices):
            if hint == _plain(choice.feedback):
                raise ValueError(f"hint must differ from the feedback of choices[{i}]; "
                                 f"got {self.hint!r}")
        right = self.correct_choice
        for what, text in (("the right choice's text", right.text),
                           ("the key answer", self.key_answer)):
            if _says(self.hint, text):
                raise ValueError(f"hint must not give the answer away: it contains {what} "
                                 f"{text!r}; got {self.hint!r}")

    @property
    def correct_index(self) -> int:
        """Position (from 0) of the correct choice."""
        return next(i for i, c in enumerate(self.choices) if c.correct)

    @property
    def correct_choice(self) -> Choice:
        """The one correct choice."""
        return self.choices[self.correct_index]
