"""Checks for understanding: a question, choices, and feedback on each choice."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

__all__ = ["Choice", "Question"]


@dataclass(frozen=True)
class Choice:
    """One answer: its text, whether it is right, and what to tell the learner."""

    text: str
    correct: bool
    feedback: str


class Question:
    """A multiple-choice check with feedback for every choice.

    ``Question(prompt, [Choice(...), ...]).widget`` is what a notebook shows.
    """

    def __init__(self, prompt: str, choices: Sequence[Choice]) -> None:
        if not isinstance(prompt, str) or not prompt.strip():
            raise ValueError(f"prompt must be a non-empty string; got {prompt!r}")
        choices = tuple(choices)
        if len(choices) < 2 or not all(isinstance(c, Choice) for c in choices):
            raise ValueError(f"choices must hold at least 2 Choice items; got {len(choices)}")
        if sum(c.correct for c in choices) != 1:
            raise ValueError("choices must have exactly 1 correct Choice; got "
                             f"{sum(c.correct for c in choices)}")
        self.prompt = prompt
        self.choices = choices
        self.options = widgets.RadioButtons(
            options=[c.text for c in choices], value=None,
            layout=widgets.Layout(width="auto"), description="", style={"description_width": "0"}
        )
        self.check = widgets.Button(description="Check my answer")
        self.feedback = widgets.HTML()
        self.check.on_click(lambda _b: self.answer(self.options.index))
        self.widget = widgets.VBox([
            widgets.HTML(f"<p><b>{html.escape(prompt)}</b></p>"),
            self.options, self.check, self.feedback,
        ])
        self.widget.add_class("chemo-question")

    def answer(self, index: int | None) -> bool:
        """Show the feedback for choice ``index``; return whether it was right."""
        if index is None:
            self.feedback.value = "<p role='status'>Pick an answer first.</p>"
            return False
        if not isinstance(index, int) or not 0 <= index < len(self.choices):
            raise ValueError(f"index must be a whole number from 0 to {len(self.choices) - 1}; "
                             f"got {index!r}")
        choice = self.choices[index]
        verdict = "Yes, that's right." if choice.correct else "Not quite."
        self.feedback.value = (f"<p role='status'><b>{verdict}</b> "
                               f"{html.escape(choice.feedback)}</p>")
        return choice.correct

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a front end
        from IPython.display import display

        display(self.widget)
