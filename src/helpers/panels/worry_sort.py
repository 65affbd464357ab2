"""Lesson 06 activity: sort the common worries into piles, with feedback as you go.

One menu per worry of the article's table; picking a pile shows, under the menu, the
verdict and the article's reasoning (``words.worry_sort``), and the tally below counts
the picks. Nothing is stored anywhere but the page. ``show_worry_sort()`` is what the
notebook shows.

Menus are labelled selects, reached with Tab and changed with the arrow keys; each
feedback line is a polite live region, so a screen reader hears it.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..lessons.worry_sort import SORTS, WORRIES, WorrySortValues, compute
from ..words.worry_sort import PICK_PROMPT, feedback, tally
from .controls import dropdown

__all__ = ["WorrySort", "show_worry_sort"]

_NOT_YET = ""  # the menu's value while a worry is not sorted


def _live(text: str) -> str:
    return f"<p role='status' aria-live='polite'>{text}</p>" if text else ""


class WorrySort:
    """The sorting activity: ``widget`` is what is shown; ``state`` the picks' verdicts."""

    def __init__(self) -> None:
        options = [(PICK_PROMPT, _NOT_YET), *((pile, pile) for pile in SORTS)]
        self.menus = [dropdown(worry.name, options) for worry in WORRIES]
        self.feedback = [widgets.HTML() for _ in WORRIES]
        rows = []
        for menu, said in zip(self.menus, self.feedback, strict=True):
            menu.observe(lambda _change: self.update(), names="value")
            said.add_class("chemo-worry-feedback")
            rows.append(widgets.VBox([menu, said]))
        self.tally = widgets.HTML()
        self.tally.add_class("chemo-worry-tally")
        self.reset_button = widgets.Button(description="Start again",
                                           tooltip="Clear every pick",
                                           layout=widgets.Layout(width="auto"))
        self.reset_button.on_click(lambda _button: self.reset())
        # In a row of its own, so the button keeps the width of its words.
        self.widget = widgets.VBox([*rows, self.tally, widgets.HBox([self.reset_button])])
        self.widget.add_class("chemo-worry-sort")
        self.update()

    def pick(self, index: int, pile: str | None) -> None:
        """Put worry ``index`` (from 0) in ``pile`` (None: take it out), as a learner would."""
        if isinstance(index, bool) or not isinstance(index, int) \
                or not 0 <= index < len(self.menus):
            raise ValueError(f"index must be a whole number from 0 to {len(self.menus) - 1}; "
                             f"got {index!r}")
        if pile is not None and pile not in SORTS:
            raise ValueError(f"pile must be one of {list(SORTS)} or None; got {pile!r}")
        self.menus[index].value = _NOT_YET if pile is None else pile

    def reset(self) -> None:
        for menu in self.menus:
            menu.value = _NOT_YET

    def update(self) -> None:
        picks = tuple(menu.value or None for menu in self.menus)
        self.state = compute(WorrySortValues(picks))
        for row, said in zip(self.state.rows, self.feedback, strict=True):
            said.value = _live(feedback(row))
        self.tally.value = _live(f"<b>{html.escape(tally(self.state))}</b>")


def show_worry_sort() -> widgets.VBox:
    """The sorting activity, ready to show."""
    return WorrySort().widget
