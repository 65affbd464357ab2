"""Lesson 06 activity: write down the pattern, and read it back as a nurse's note.

The learner fills in one symptom diary entry (which symptom, how bad, when it started,
its link to infusion days, the trend week to week, any warning signs); the note below
is rewritten at every change (``words.diary``). Nothing is saved or sent: the entry
lives in these controls only, and is gone when the page closes.
``show_diary()`` is what the notebook shows.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..lessons import diary as lesson
from ..words.diary import note_html
from .controls import dropdown

__all__ = ["SymptomDiary", "show_diary"]


def _numbers(bounds: tuple[int, int]) -> list[tuple[str, int]]:
    return [(str(n), n) for n in range(bounds[0], bounds[1] + 1)]


class SymptomDiary:
    """One diary entry and its note: ``widget`` is shown; ``state`` is the entry read."""

    def __init__(self) -> None:
        self.controls: dict[str, widgets.ValueWidget] = {
            "symptom": dropdown("What is the symptom?", lesson.SYMPTOMS),
            # Menus, not sliders: a select is named by its label for screen readers.
            "severity": dropdown("How bad at its worst (0 = none, 10 = the worst)",
                                 _numbers(lesson.SEVERITY_RANGE)),
            "cycle": dropdown("It started in cycle", _numbers(lesson.CYCLE_RANGE)),
            "start_day": dropdown("On day (0 = the infusion day)",
                                  _numbers(lesson.START_DAY_RANGE)),
            "link": dropdown("Is it tied to infusion days?", lesson.LINKS),
            "trend": dropdown("Week to week, is it", lesson.TRENDS),
        }
        self.signs = {sign: widgets.Checkbox(value=False, description=sign, indent=False,
                                             layout=widgets.Layout(width="auto"))
                      for sign in lesson.CALL_NOW_SIGNS}
        for name, control in self.controls.items():
            control.add_class(f"chemo-diary-{name}")
        for control in (*self.controls.values(), *self.signs.values()):
            control.observe(lambda _change: self.update(), names="value")
        heading = widgets.HTML("<p><b>Did any of these come with it?</b> (Tick all that "
                               "apply.)</p>")
        self.note = widgets.HTML()
        self.note.add_class("chemo-diary-note")
        self.clear_button = widgets.Button(description="Clear the diary",
                                           tooltip="Put every answer back to the start",
                                           layout=widgets.Layout(width="auto"))
        self.clear_button.on_click(lambda _button: self.clear())
        note_heading = widgets.HTML("<p><b>The note to pass on</b> (nothing here is saved "
                                    "or sent anywhere):</p>")
        self.widget = widgets.VBox([*self.controls.values(), heading, *self.signs.values(),
                                    note_heading, self.note, widgets.HBox([self.clear_button])])
        self.widget.add_class("chemo-diary")
        self.clear()

    def set(self, **answers: Any) -> None:
        """Fill in answers by field name (``signs``: a tuple of signs), as a learner would."""
        unknown = set(answers) - {*self.controls, "signs"}
        if unknown:
            raise ValueError(f"answer must be one of {sorted({*self.controls, 'signs'})}; "
                             f"got {sorted(unknown)}")
        signs = answers.pop("signs", None)
        if signs is not None:
            # Refuses anything but a tuple of known signs, naming the field.
            ticked = lesson.DiaryEntry(signs=signs).signs
            for sign, box in self.signs.items():
                box.value = sign in ticked
        for name, value in answers.items():
            self.controls[name].value = value

    def clear(self) -> None:
        """Every answer back to the start (the defaults of ``DiaryEntry``)."""
        start = lesson.DiaryEntry()
        self.set(**{name: getattr(start, name) for name in self.controls}, signs=())
        self.update()

    def update(self) -> None:
        entry = lesson.DiaryEntry(
            **{name: control.value for name, control in self.controls.items()},
            signs=tuple(sign for sign, box in self.signs.items() if box.value))
        self.state = lesson.compute(entry)
        self.note.value = (f"<div role='status' aria-live='polite'>{note_html(self.state)}"
                           "</div>")


def show_diary() -> widgets.VBox:
    """The symptom diary and its note, ready to show."""
    return SymptomDiary().widget
