"""The checks for understanding in the browser: named radio groups, hint first, a live score.

In app mode (Voila) lesson 01's quiz is used as a learner would: a wrong answer shows the
hint and offers "Show the answer" but does not give the answer; picking another choice
takes the verdict away; a second wrong answer shows the answer; the right answer is
praised; the score below the quiz follows. Each radio group is a "radiogroup" named by its
question, and each feedback area is a live region, in app mode and in JupyterLab (where
ipywidgets alone gives neither). Screenshots of the feedback states go to
test-artifacts/browser/quiz-*.png.
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from helpers.quizzes import QUIZZES
from lesson_browser.chromium import PageWatch
from lesson_browser.pages import serious_axe_violations, wait_for_voila_page
from lesson_browser.paths import NOTEBOOKS
from lesson_browser.servers import READY_TIMEOUT_S

LESSON = NOTEBOOKS / "01_what_chemo_is_meant_to_do.ipynb"
QUESTIONS = QUIZZES["01"]


def _assert_groups_are_named(page, root: str) -> None:
    """Every question's radio group is a radiogroup named by its prompt; feedback is live."""
    questions = page.locator(f"{root} .chemo-quiz .chemo-question")
    expect(questions).to_have_count(len(QUESTIONS))
    for i, question in enumerate(QUESTIONS):
        box = questions.nth(i)
        expect(box.locator(".widget-radio-box")).to_have_attribute("role", "radiogroup")
        group = page.get_by_role("radiogroup", name=question.prompt, exact=True)
        expect(group).to_have_count(1)
        # The group holds this question's choices, each a radio named by its text.
        for choice in question.choices:
            expect(group.get_by_role("radio", name=choice.text, exact=True)).to_have_count(1)
        feedback = box.locator(".chemo-quiz-feedback")
        expect(feedback).to_have_attribute("role", "status")
        expect(feedback).to_have_attribute("aria-live", "polite")


def _pick_and_check(box, choice_text: str) -> None:
    box.get_by_role("radio", name=choice_text, exact=True).check()
    box.get_by_role("button", name="Check my answer").click()


def test_quiz_in_app_mode(voila_server, page, artifacts):
    watch = PageWatch(page)
    page.goto(f"{voila_server.base_url}/voila/render/{LESSON.name}")
    wait_for_voila_page(page)
    _assert_groups_are_named(page, "#rendered_cells")

    questions = page.locator(".chemo-quiz .chemo-question")
    score = page.locator(".chemo-quiz .chemo-quiz-score")
    expect(score).to_contain_text("You have not answered any of the 3 checks yet.")

    # Question 1: wrong, wrong again (another choice), then right.
    first, box = QUESTIONS[0], questions.nth(0)
    feedback = box.locator(".chemo-quiz-feedback")
    wrong_a, wrong_b = [c.text for c in first.choices if not c.correct]
    right = first.correct_choice.text
    show_answer = box.get_by_role("button", name="Show the answer")
    expect(show_answer).to_be_hidden()
    box.scroll_into_view_if_needed()
    _pick_and_check(box, wrong_a)
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text(f"Hint: {first.hint}")
    expect(feedback).not_to_contain_text(right)
    expect(feedback).not_to_contain_text("The right answer")
    expect(show_answer).to_be_visible()
    box.screenshot(path=artifacts / "quiz-1-hint.png")

    box.get_by_role("radio", name=wrong_b, exact=True).check()
    expect(feedback).not_to_contain_text("Not quite.")
    expect(feedback).to_contain_text(f"Hint: {first.hint}")
    box.screenshot(path=artifacts / "quiz-2-choice-changed.png")

    box.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text(f"The right answer: “{right}”.")
    expect(feedback).not_to_contain_text("Hint:")
    box.screenshot(path=artifacts / "quiz-3-second-wrong.png")

    _pick_and_check(box, right)
    expect(feedback).to_contain_text(f"Yes, that's right. {first.correct_choice.feedback}")
    expect(score).to_contain_text("You have answered 0 of 3 checks right on the first try. "
                                  "You have 2 checks still to answer.")
    box.screenshot(path=artifacts / "quiz-4-right.png")

    # Question 2: right on the first try.
    _pick_and_check(questions.nth(1), QUESTIONS[1].correct_choice.text)
    expect(score).to_contain_text("You have answered 1 of 3 checks right on the first try. "
                                  "You have 1 check still to answer.")

    # Question 3: wrong, then "Show the answer" (pressed with the keyboard).
    third, box = QUESTIONS[2], questions.nth(2)
    box.scroll_into_view_if_needed()
    _pick_and_check(box, next(c.text for c in third.choices if not c.correct))
    box.get_by_role("button", name="Show the answer").focus()
    page.keyboard.press("Enter")
    expect(box.locator(".chemo-quiz-feedback")).to_contain_text(
        f"The right answer: “{third.correct_choice.text}”.")
    expect(score).to_have_text("You have answered 1 of 3 checks right on the first try.")
    page.locator(".chemo-quiz").screenshot(path=artifacts / "quiz-5-whole-quiz.png")

    assert serious_axe_violations(page) == []
    watch.leave()
    watch.assert_clean()


def _kernel_states(server) -> list[str]:
    return [s["kernel"]["execution_state"] for s in server.api("/api/sessions")]


def _wait_until(condition, what: str, timeout_s: float = READY_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.5)


def test_quiz_groups_are_named_in_jupyterlab(lab_server, page, artifacts):
    watch = PageWatch(page)
    notebook = ".jp-NotebookPanel .jp-Notebook"
    try:
        page.goto(f"{lab_server.base_url}/lab/tree/notebooks/{LESSON.name}"
                  f"?reset&token={lab_server.token}")
        page.wait_for_selector(f"{notebook} .jp-Cell")
        _wait_until(lambda: _kernel_states(lab_server) == ["idle"], "the kernel to start")
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        page.locator(f"{notebook} .chemo-quiz").wait_for(timeout=READY_TIMEOUT_S * 1000)
        _assert_groups_are_named(page, notebook)
        box = page.locator(f"{notebook} .chemo-question").first
        box.scroll_into_view_if_needed()
        _pick_and_check(box, next(c.text for c in QUESTIONS[0].choices if not c.correct))
        expect(box.locator(".chemo-quiz-feedback")).to_contain_text(
            f"Hint: {QUESTIONS[0].hint}")
        box.screenshot(path=artifacts / "quiz-lab-hint.png")
        watch.assert_clean()
    finally:
        lab_server.close_sessions()
    assert not lab_server.wait_for_no_kernels(timeout_s=60), "kernel left running"
