"""A check for understanding as data: a prompt, its choices and the facilitator's key.

Pure: plain frozen dataclasses, checked once when they are built, so the widget
that shows them (``panels.quiz``) and the answer-key generator (``quizzes.answer_key``)
can trust them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Choice", "Question"]


def _check_text(field: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field} must be a non-empty string; got {value!r}")


@dataclass(frozen=True)
class Choice:
    """One answer a learner can pick.

    Attributes:
        text: the answer as the learner reads it next to its radio button.
        correct: True for the one right answer of its question.
        feedback: what the learner is told after checking this answer.
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
    """A multiple-choice check with feedback on every choice.

    Attributes:
        prompt: the question, in plain words.
        choices: at least 2 choices, in the order shown; exactly 1 is correct.
        key_answer: the right answer in a few words, as the facilitator guide's
            answer key says it (for example "100 million left").
    """

    prompt: str
    choices: tuple[Choice, ...]
    key_answer: str

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

    @property
    def correct_index(self) -> int:
        """Position (from 0) of the correct choice."""
        return next(i for i, c in enumerate(self.choices) if c.correct)

    @property
    def correct_choice(self) -> Choice:
        """The one correct choice."""
        return self.choices[self.correct_index]
