"""Lesson 06 teaches every sign, pattern and question of the source article's practice half.

The article's words are copied here by hand (the article lives outside the repository), and
each must appear in the section of the notebook that teaches it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.scenarios.worries import CALL_NOW_SIGNS

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "06_growth_or_a_rough_patch.ipynb"

# "When To Call The Cancer Team Right Away": the eight signs.
ARTICLE_SIGNS = ["chest pain", "new shortness of breath", "confusion", "uncontrolled vomiting",
                 "fever", "heavy bleeding", "new weakness", "pain that suddenly spikes"]
# "Signs That Push The Team To Recheck The Plan".
ARTICLE_LOOK_HARDER = ["steady growth on repeat scans", "new lesion in a place that matters",
                       "liver", "lungs", "brain", "does not fit", "pain that climbs fast",
                       "new shortness of breath", "new weakness", "jaundice"]
# "Questions Worth Asking At The Next Visit": a phrase that carries each question.
ARTICLE_QUESTIONS = [
    ("clear progression", "another scan soon"),
    ("resistant to this", "timing be fooling the picture"),
    ("biopsy, a marker test or a mutation test", "change the next step"),
    ("other than chemotherapy", "fits this cancer better right now"),
    ("call before the next appointment",),
]
# "How Doctors Tell Growth From A Rough Patch": the side effects that do not by themselves
# mean spread, and the clues doctors line up.
ARTICLE_ROUGH_PATCH = ["feel awful even when it is working", "tiredness", "poor appetite",
                       "nausea", "nerve pain", "low blood counts", "weight loss", "symptoms",
                       "physical exam", "blood work", "tumour marker", "scans",
                       "line up over time", "planned schedule", "earlier ones",
                       "type of cancer", "its stage", "earlier treatments"]


def _sections() -> dict[str, str]:
    """Heading text -> the markdown under it, down to the next heading of the same or a
    higher level (so a ``##`` section holds its ``###`` parts)."""
    lines = "\n".join("".join(cell["source"]) for cell in
                      json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
                      if cell["cell_type"] == "markdown").splitlines()
    sections: dict[str, str] = {}
    for start, line in enumerate(lines):
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if not heading:
            continue
        level = len(heading.group(1))
        body = []
        for later in lines[start + 1:]:
            deeper = re.match(r"^(#+)\s", later)
            if deeper and len(deeper.group(1)) <= level:
                break
            body.append(later)
        sections.setdefault(heading.group(2), " ".join(body))
    return sections


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").lower().split())


SECTIONS = _sections()


def test_the_sections_are_there():
    for heading in ("The story", "Sort the common worries",
                    "Try the model: the clues on one time line",
                    "Signs that push the team to recheck the plan",
                    "When to call the cancer team right away", "Write down the pattern",
                    "Questions worth asking at the next visit", "Key take-aways", "Sources"):
        assert heading in SECTIONS, heading


@pytest.mark.parametrize("sign", ARTICLE_SIGNS)
def test_every_sign_that_needs_a_call_right_away(sign):
    assert sign in _flat(SECTIONS["When to call the cancer team right away"])
    assert sign in _flat(SECTIONS["Key take-aways"])
    assert sign in CALL_NOW_SIGNS  # the diary's tick boxes


def test_the_call_list_is_exactly_the_article_s_eight():
    assert sorted(CALL_NOW_SIGNS) == sorted(ARTICLE_SIGNS)
    text = SECTIONS["When to call the cancer team right away"]
    assert re.findall(r"\b(\d)\. ", text) == [str(n) for n in range(1, 9)]


def test_urgent_problems_can_come_from_the_cancer_the_treatment_or_an_infection():
    text = _flat(SECTIONS["When to call the cancer team right away"])
    assert "can come from the cancer, the treatment or an infection" in text
    assert "fast medical review" in text and "do not wait for the next routine visit" in text


@pytest.mark.parametrize("pattern", ARTICLE_LOOK_HARDER)
def test_every_pattern_that_makes_the_team_look_harder(pattern):
    assert pattern in _flat(SECTIONS["Signs that push the team to recheck the plan"])


@pytest.mark.parametrize("phrases", ARTICLE_QUESTIONS)
def test_every_question_worth_asking(phrases):
    text = _flat(SECTIONS["Questions worth asking at the next visit"])
    for phrase in phrases:
        assert phrase in text, phrase


def test_there_are_exactly_five_questions():
    text = SECTIONS["Questions worth asking at the next visit"]
    assert re.findall(r"\b(\d)\. ", text) == ["1", "2", "3", "4", "5"]
    assert text.count("?") == 5


@pytest.mark.parametrize("phrase", ARTICLE_ROUGH_PATCH)
def test_how_doctors_tell_growth_from_a_rough_patch(phrase):
    assert phrase in _flat(SECTIONS["The story"])


def test_symptoms_that_worsen_fast_could_be_growth_side_effects_or_infection():
    text = _flat(SECTIONS["The story"])
    assert "get worse fast" in text
    assert "the cancer growing, a side effect, or an infection" in text
    assert "blood tests, an exam, and sometimes a scan the same day" in text


def test_write_down_the_pattern_asks_the_article_s_three_questions():
    text = _flat(SECTIONS["Write down the pattern"])
    for question in ("when did the symptom start?", "is it tied to an infusion day?",
                     "is it getting worse each week?"):
        assert question in text
    assert "nothing you enter is saved or sent anywhere" in text


def test_the_notebook_shows_every_activity_and_the_quiz():
    code = "\n".join("".join(cell["source"]) for cell in
                     json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
                     if cell["cell_type"] == "code")
    for call in ("show_worry_sort()", "CluesPanel()", "show_diary()", 'show_quiz("06")'):
        assert call in code
    text = _flat(" ".join(SECTIONS.values()))
    assert "what you might say to a patient" in text
    assert "national cancer institute" in text and "american cancer society" in text
