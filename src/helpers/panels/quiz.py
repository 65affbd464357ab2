"""The one quiz widget: shows a ``quizzes.Question``, gives a hint, then the answer.

``show_quiz("01")`` is what a notebook shows: every question of lesson 01, in order, and
below them the lesson's score (checks answered right on the first try), kept up to date.
The questions (prompts, choices, hints, feedback) are data in ``helpers.quizzes``; what
a learner has done is a ``quizzes.progress.QuestionProgress``; every word shown comes
from ``quizzes.feedback``. This module only wires them to widgets.

The quiz carries the class ``chemo-quiz`` (so page-wide styles, such as the projector
switch, reach it), and a small page script (a hidden anywidget) doing what ipywidgets
cannot do itself: it gives each group of radio buttons the role "radiogroup" and the
question as its name, and makes each feedback area a lasting live region, so a screen
reader hears the question and the feedback. The script runs in app mode (Voila) and in
JupyterLab alike.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import anywidget
import ipywidgets as widgets

from ..checks import check_instance
from ..quizzes import Question, quiz_for
from ..quizzes.feedback import CHECK_LABEL, SHOW_ANSWER_LABEL, feedback_html, score_sentence
from ..quizzes.progress import QuestionProgress, QuizScore

__all__ = ["QuestionView", "Quiz", "show_quiz"]

# ipywidgets draws RadioButtons as a plain div of labelled inputs: no group role, no
# name, and nothing in its Python API adds either. It also redraws an HTML widget's
# inside on each change, so a live region written into the feedback text is new each
# time, and screen readers may miss it. This script fixes both on the widgets' own
# lasting elements, for every quiz on the page, now and as cells are re-run. The style
# lets a long choice wrap onto a second line instead of running into the next one, sizes
# the radio circles with the text (so they grow with it in projector mode), and spaces
# wrapped feedback as text rather than as a row of controls (all kept
# less specific than the projector mode's rules in ``panels.presentation``, which win).
_QUIZ_CSS = """
.chemo-quiz .widget-radio-box label {
  height: auto; min-height: var(--jp-widgets-radio-item-height); line-height: 1.4;
}
.chemo-quiz .widget-radio-box input {
  font-size: inherit; width: 1em; height: 1em; margin-top: 0.2em;
}
.chemo-quiz .widget-html-content p { line-height: 1.45; margin: 0.4em 0; }
"""

_QUIZ_ESM = """
function render() {
  (function () {
    if (window.chemoQuizAccessibility) { window.chemoQuizAccessibility(); return; }
    var made = 0;
    function nameQuizzes() {
      document.querySelectorAll('.chemo-question').forEach(function (question) {
        var prompt = question.querySelector('.chemo-quiz-prompt');
        var group = question.querySelector('.chemo-quiz-choices .widget-radio-box');
        if (prompt && group && !group.hasAttribute('aria-labelledby')) {
          if (!prompt.id) { made += 1; prompt.id = 'chemo-quiz-prompt-' + made; }
          group.setAttribute('role', 'radiogroup');
          group.setAttribute('aria-labelledby', prompt.id);
        }
        var feedback = question.querySelector('.chemo-quiz-feedback');
        if (feedback && !feedback.hasAttribute('role')) {
          feedback.setAttribute('role', 'status');
          feedback.setAttribute('aria-live', 'polite');
        }
      });
    }
    window.chemoQuizAccessibility = nameQuizzes;
    new MutationObserver(nameQuizzes).observe(document.body, { childList: true, subtree: true });
    nameQuizzes();
  })();
}
export default { render };
"""


class _QuizSupport(anywidget.AnyWidget):
    """Invisible: brings the quiz's style and accessibility script to the page.

    An anywidget, not an ``Output`` with HTML: Output widgets can hang app mode's
    executor (tests/test_no_output_widgets.py), and an HTML widget runs no script.
    """

    _esm = _QUIZ_ESM
    _css = _QUIZ_CSS


def _page_support() -> widgets.Widget:
    """The quiz's invisible support widget (style and accessibility script)."""
    support = _QuizSupport(layout=widgets.Layout(display="none"))
    support.add_class("chemo-quiz-support")
    return support


class QuestionView:
    """One question: its prompt, radio buttons, "Check my answer", "Show the answer"
    (offered after a first wrong answer) and the feedback.

    ``widget`` is what is shown; ``progress`` is what the learner has done so far.
    ``on_change`` (if given) is called after every change of ``progress``.
    """

    def __init__(self, question: Question,
                 on_change: Callable[[], None] | None = None) -> None:
        self.question = check_instance("question", question, Question)
        self.progress = QuestionProgress()
        self._on_change = on_change
        self.prompt = widgets.HTML(f"<p><b>{html.escape(question.prompt)}</b></p>")
        self.prompt.add_class("chemo-quiz-prompt")
        self.options = widgets.RadioButtons(
            options=[c.text for c in question.choices], value=None,
            layout=widgets.Layout(width="auto"), description="", style={"description_width": "0"}
        )
        self.options.add_class("chemo-quiz-choices")
        # Buttons as wide as their words, so larger text (projector mode) is not cut off.
        self.check = widgets.Button(description=CHECK_LABEL,
                                    layout=widgets.Layout(width="auto"))
        self.show_answer = widgets.Button(description=SHOW_ANSWER_LABEL,
                                          layout=widgets.Layout(width="auto", display="none"))
        self.feedback = widgets.HTML()
        self.feedback.add_class("chemo-quiz-feedback")
        self.options.observe(self._on_pick, names="index")
        self.check.on_click(lambda _button: self._step(self.progress.check(self.question)))
        self.show_answer.on_click(lambda _button: self.reveal())
        buttons = widgets.HBox([self.check, self.show_answer],
                               layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([self.prompt, self.options, buttons, self.feedback])
        self.widget.add_class("chemo-question")
        self._show()

    def answer(self, index: int | None) -> bool:
        """Pick choice ``index`` (from 0; None = nothing) and check it, as a learner would.

        Returns whether the choice was right.
        """
        # Refused before the radio buttons are touched, naming the range.
        self.progress.pick(self.question, index)
        self.options.index = index
        self._step(self.progress.check(self.question))
        return index is not None and self.question.choices[index].correct

    def reveal(self) -> None:
        """Show the right answer and its explanation."""
        self._step(self.progress.reveal())

    def _on_pick(self, change: dict) -> None:
        self._step(self.progress.pick(self.question, change["new"]))

    def _step(self, progress: QuestionProgress) -> None:
        self.progress = progress
        self._show()
        if self._on_change is not None:
            self._on_change()

    def _show(self) -> None:
        self.feedback.value = feedback_html(self.question, self.progress)
        # Offered once a hint has been given, and then kept, so the keyboard focus on it
        # is not lost when it is pressed.
        self.show_answer.layout.display = None if self.progress.hint_given else "none"


class Quiz:
    """Every check of one lesson, in order, and the lesson's score below them.

    ``widget`` is what is shown; ``score`` is the score now.
    """

    def __init__(self, lesson: str) -> None:
        self.views = [QuestionView(question, on_change=self._show_score)
                      for question in quiz_for(lesson)]
        for view in self.views:
            # Each question used to be its own cell output; keep them apart on the page.
            view.widget.layout.margin = "0 0 1em 0"
        self.score_view = widgets.HTML()
        self.score_view.add_class("chemo-quiz-score")
        self.widget = widgets.VBox([*(view.widget for view in self.views), self.score_view,
                                    _page_support()])
        self.widget.add_class("chemo-quiz")
        self._show_score()

    @property
    def score(self) -> QuizScore:
        return QuizScore.of(view.progress for view in self.views)

    def _show_score(self) -> None:
        self.score_view.value = f"<p><b>{html.escape(score_sentence(self.score))}</b></p>"


def show_quiz(lesson: str) -> widgets.VBox:
    """Every check for understanding of ``lesson`` ("01".."05") and its score, in one box."""
    return Quiz(lesson).widget
