"""What a learner has done with a check for understanding: the quiz's state, as data.

One ``QuestionProgress`` per question, replaced (never changed) on each step:

- ``pick(index)``: the learner picks a choice (or None). Whatever was said about the
  choice picked before no longer applies: its verdict goes.
- ``check(question)``: the learner presses "Check my answer". The first check of a
  picked choice decides whether the question counts as right on the first try. A wrong
  choice first earns a hint; a second, different wrong choice shows the answer.
- ``reveal()``: the learner asks to see the answer.

``QuizScore`` counts a lesson's questions answered right on the first try. The words
for all of this are in ``quizzes.feedback``; the widget is ``panels.quiz``.
Pure: frozen dataclasses, no widgets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..checks import Record, check_instance
from .questions import Question

__all__ = ["WRONG_TRIES_BEFORE_ANSWER", "QuestionProgress", "QuizScore"]

#: Different wrong choices a learner checks before the answer is shown without asking.
#: The first earns a hint; the second shows the answer, so no one is left stuck.
WRONG_TRIES_BEFORE_ANSWER = 2
#: The most choices a question may offer (the most any has is 4 or 5).
MAX_CHOICES = 26
#: The most questions a lesson's check may hold.
MAX_QUESTIONS = 100
_CHOICE_INDEX = {"minimum": 0, "maximum": MAX_CHOICES - 1}


@dataclass(frozen=True)
class QuestionProgress(Record):
    """One learner's progress on one question.

    Attributes:
        picked: the choice picked now (index from 0), or None when none is picked.
        checked: True once ``picked`` has been checked, until another choice is picked.
        asked_to_pick: True after "Check my answer" with nothing picked, until a pick.
        wrong_checked: the different wrong choices checked so far, in order.
        first_try_right: None until the first check of a picked choice (or until the
            answer is shown, which counts as not right on the first try); then whether
            that first check was right.
        solved: True once the right choice has been checked.
        revealed: True once the answer has been shown, on request or after
            ``WRONG_TRIES_BEFORE_ANSWER`` wrong choices.
    """

    picked: int | None = field(default=None, metadata=_CHOICE_INDEX)
    checked: bool = False
    asked_to_pick: bool = False
    wrong_checked: tuple[int, ...] = field(default=(), metadata=_CHOICE_INDEX)
    first_try_right: bool | None = None
    solved: bool = False
    revealed: bool = False

    @property
    def hint_given(self) -> bool:
        """True once a wrong choice has been checked (the hint has been shown)."""
        return bool(self.wrong_checked)

    @property
    def answer_known(self) -> bool:
        """True once the learner has found or been shown the right answer."""
        return self.solved or self.revealed

    @property
    def can_reveal(self) -> bool:
        """True while asking for the answer makes sense: after a hint, before the answer."""
        return self.hint_given and not self.answer_known

    def pick(self, question: Question, index: int | None) -> QuestionProgress:
        """The learner picks choice ``index`` of ``question`` (from 0), or None."""
        check_instance("question", question, Question)
        _check_index(question, index, allow_none=True)
        return dataclasses.replace(self, picked=index, checked=False, asked_to_pick=False)

    def check(self, question: Question) -> QuestionProgress:
        """The learner checks the picked choice of ``question``."""
        check_instance("question", question, Question)
        _check_index(question, self.picked, allow_none=True)
        if self.picked is None:
            return dataclasses.replace(self, asked_to_pick=True)
        right = self.picked == question.correct_index
        first = self.first_try_right if self.first_try_right is not None else right
        if right:
            return dataclasses.replace(self, checked=True, first_try_right=first, solved=True)
        wrong = self.wrong_checked
        if self.picked not in wrong:
            wrong = (*wrong, self.picked)
        return dataclasses.replace(
            self, checked=True, first_try_right=first, wrong_checked=wrong,
            revealed=self.revealed or len(wrong) >= WRONG_TRIES_BEFORE_ANSWER)

    def reveal(self) -> QuestionProgress:
        """The learner asks for the answer. Asked before any try, it counts as not right."""
        first = self.first_try_right if self.first_try_right is not None else False
        return dataclasses.replace(self, revealed=True, first_try_right=first)


def _check_index(question: Question, index: object, *, allow_none: bool) -> None:
    count = len(question.choices)
    if index is None and allow_none:
        return
    # bool is an int in Python, but True is no choice number.
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
        raise ValueError(f"index must be a whole number from 0 to {count - 1} or None; "
                         f"got {index!r}")


@dataclass(frozen=True)
class QuizScore:
    """How a lesson's checks stand.

    Attributes:
        right_first_try: questions whose first checked answer was right.
        tried: questions answered at least once (or whose answer was shown).
        total: questions in the lesson.
    """

    right_first_try: int
    tried: int
    total: int

    def __post_init__(self) -> None:
        for name in ("right_first_try", "tried", "total"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number, 0 or more; got {value!r}")
            if value > MAX_QUESTIONS:
                raise ValueError(f"{name} must be at most {MAX_QUESTIONS} (the most questions "
                                 f"a lesson's check holds); got {value!r}")
        if self.total < 1:
            raise ValueError(f"total must be at least 1; got {self.total}")
        if self.tried > self.total:
            raise ValueError(f"tried must be from 0 to total ({self.total}); got {self.tried}")
        if self.right_first_try > self.tried:
            raise ValueError(f"right_first_try must be from 0 to tried ({self.tried}); "
                             f"got {self.right_first_try}")

    @classmethod
    def of(cls, progress: Iterable[QuestionProgress]) -> QuizScore:
        """The score of a lesson whose questions stand at ``progress`` (one per question)."""
        items = list(progress)
        return cls(right_first_try=sum(p.first_try_right is True for p in items),
                   tried=sum(p.first_try_right is not None for p in items),
                   total=len(items))
