"""Lesson 06's "write down the pattern": the entry, how soon to pass it on, the nurse's note,
and the widget (which keeps nothing outside the page)."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from helpers.lessons.diary import (
    CALL_NOW_SIGNS,
    FOLLOWS_INFUSIONS,
    NOT_LINKED,
    WORSE,
    DiaryEntry,
    compute,
)
from helpers.panels.diary import SymptomDiary, show_diary
from helpers.words.diary import WHAT_TO_DO, note_html, note_lines

SAME = "about the same each week"


def test_the_start_is_a_mild_symptom_for_the_next_visit():
    state = compute(DiaryEntry())
    assert state.urgency == "next visit" and state.reasons == ()
    assert note_lines(state) == (
        "Symptom: tiredness, 3 out of 10 at its worst.",
        "Started: day 2 after the cycle 1 infusion.",
        "Link to infusion days: not sure yet.",
        "Week to week: about the same each week.",
        "Warning signs: none.",
        "What to do: " + WHAT_TO_DO["next visit"],
    )


def test_a_side_effect_pattern_reads_back_like_a_nurse_s_note():
    entry = DiaryEntry(symptom="nausea or poor appetite", severity=5, cycle=2, start_day=1,
                       link=FOLLOWS_INFUSIONS, trend=SAME)
    assert note_lines(compute(entry))[:4] == (
        "Symptom: nausea or poor appetite, 5 out of 10 at its worst.",
        "Started: day 1 after the cycle 2 infusion.",
        "Link to infusion days: comes in the days after each infusion, then eases.",
        "Week to week: about the same each week.",
    )
    assert compute(entry).urgency == "next visit"


def test_worse_each_week_and_not_linked_is_for_the_team_soon():
    entry = DiaryEntry(symptom="pain in one area", cycle=3, start_day=0, link=NOT_LINKED,
                       trend=WORSE)
    state = compute(entry)
    assert state.urgency == "soon" and state.reasons == ("worse", "not linked")
    lines = note_lines(state)
    assert lines[1] == "Started: on the day of the cycle 3 infusion."
    assert lines[-1] == ("What to do: Tell the cancer team soon, before the next visit. (Why: it "
                         "is getting worse each week and it does not follow the infusion days.)")
    # Worse each week but tied to the infusions: still soon, for the one reason.
    assert compute(DiaryEntry(trend=WORSE, link=FOLLOWS_INFUSIONS)).reasons == ("worse",)


def test_a_new_lump_needs_a_prompt_review():
    state = compute(DiaryEntry(symptom="a new lump"))
    assert state.urgency == "soon" and state.reasons == ("lump",)
    assert "a new lump needs a prompt review" in note_lines(state)[-1]


def test_a_warning_sign_or_shortness_of_breath_means_call_now():
    signs = compute(DiaryEntry(signs=("new weakness", "fever")))
    assert signs.urgency == "call now" and signs.reasons == ("signs",)
    lines = note_lines(signs)
    # The signs in the list's order, whatever the order they were ticked in.
    assert lines[4] == "Warning signs: fever, new weakness."
    assert lines[5].startswith("What to do: Call the cancer team now; do not wait")
    breath = compute(DiaryEntry(symptom="shortness of breath", trend=WORSE))
    assert breath.urgency == "call now" and breath.reasons == ("breath",)


def test_there_are_eight_signs():
    assert CALL_NOW_SIGNS == ("chest pain", "new shortness of breath", "confusion",
                              "uncontrolled vomiting", "fever", "heavy bleeding",
                              "new weakness", "pain that suddenly spikes")


@pytest.mark.parametrize(("field", "value"), [
    ("symptom", "itch"), ("severity", 11), ("severity", -1), ("cycle", 0), ("cycle", 9),
    ("start_day", 28), ("start_day", 2.5), ("link", "sometimes"), ("trend", "worse"),
    ("signs", ("rash",)), ("signs", ["fever"]),
])
def test_a_bad_entry_is_refused_naming_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        DiaryEntry(**{field: value})


def test_compute_refuses_anything_but_an_entry():
    with pytest.raises(ValueError, match="entry"):
        compute({"symptom": "tiredness"})


def test_the_note_for_the_page_escapes_and_lists_every_line():
    page = note_html(compute(DiaryEntry()))
    assert page.count("<li>") == 6 and "<b>Symptom:</b> tiredness" in page


# -- the widget ---------------------------------------------------------------------------

def test_the_note_follows_every_answer():
    diary = SymptomDiary()
    assert "Warning signs:</b> none" in diary.note.value
    diary.set(symptom="pain in one area", trend=WORSE, link=NOT_LINKED)
    assert diary.state.urgency == "soon"
    assert "getting worse each week" in diary.note.value
    diary.signs["pain that suddenly spikes"].value = True  # as a learner ticks the box
    assert diary.state.urgency == "call now"
    assert "pain that suddenly spikes" in diary.note.value
    assert "role='status'" in diary.note.value
    diary.clear()
    assert diary.state.entry == DiaryEntry()


def test_the_diary_holds_its_entry_in_its_controls_only():
    diary = SymptomDiary()
    parts = list(_descendants(diary.widget))
    # No file upload, no output area that could keep a copy: the entry lives in the controls.
    assert not any(isinstance(w, widgets.FileUpload | widgets.Output) for w in parts)
    assert "nothing here is saved" in " ".join(w.value for w in parts
                                                if isinstance(w, widgets.HTML))
    assert "chemo-diary" in show_diary()._dom_classes


def test_bad_answers_are_refused():
    diary = SymptomDiary()
    with pytest.raises(ValueError, match="answer"):
        diary.set(mood="low")
    with pytest.raises(ValueError, match="signs"):
        diary.set(signs=("rash",))


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)
