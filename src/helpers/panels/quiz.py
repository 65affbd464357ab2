"""The one quiz widget: shows a ``quizzes.Question`` and gives feedback on each choice.

``show_quiz("01")`` is what a notebook shows: every question of lesson 01, in order. The
questions themselves (prompts, choices, feedback) are data in ``helpers.quizzes``; they
were checked when built, so nothing here re-checks them.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..quizzes import Question, quiz_for

__all__ = ["QuestionView", "show_quiz"]


class QuestionView:
    """One question as radio buttons, a "Check my answer" button and a feedback line.

    ``widget`` is what is shown; ``answer(index)`` is what the button does.
    """

    def __init__(self, question: Question) -> None:
        self.question = question
        self.options = widgets.RadioButtons(
            options=[c.text for c in question.choices], value=None,
            layout=widgets.Layout(width="auto"), description="", style={"description_width": "0"}
        )
        self.check = widgets.Button(description="Check my answer")
        self.feedback = widgets.HTML()
        self.check.on_click(lambda _b: self.answer(self.options.index))
        self.widget = widgets.VBox([
            widgets.HTML(f"<p><b>{html.escape(question.prompt)}</b></p>"),
            self.options, self.check, self.feedback,
        ])
        self.widget.add_class("chemo-question")

    def answer(self, index: int | None) -> bool:
        """Show the feedback for choice ``index`` (from 0; None = nothing picked).

        Returns whether the choice was right.
        """
        choices = self.question.choices
        if index is None:
            self.feedback.value = "<p role='status'>Pick an answer first.</p>"
            return False
        # The index comes from the learner's click (or a caller), not from the data.
        if not isinstance(index, int) or not 0 <= index < len(choices):
            raise ValueError(f"index must be a whole number from 0 to {len(choices) - 1}; "
                             f"got {index!r}")
        choice = choices[index]
        verdict = "Yes, that's right." if choice.correct else "Not quite."
        self.feedback.value = (f"<p role='status'><b>{verdict}</b> "
                               f"{html.escape(choice.feedback)}</p>")
        return choice.correct


def show_quiz(lesson: str) -> widgets.VBox:
    """Every check for understanding of ``lesson`` ("01".."05"), in order, in one box."""
    views = [QuestionView(question) for question in quiz_for(lesson)]
    for view in views:
        # Each question used to be its own cell output; keep them apart on the page.
        view.widget.layout.margin = "0 0 1em 0"
    box = widgets.VBox([view.widget for view in views])
    box.add_class("chemo-quiz")
    return box
