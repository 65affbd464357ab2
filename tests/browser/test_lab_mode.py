"""Every lesson in JupyterLab, in Chromium: run all cells, then use the panels.

For each lesson: the notebook opens and its kernel starts; Run > Run All Cells
runs every code cell with no error output; each panel shows a figure with alt
text and a caption; sliders moved with the keyboard change the figure, and the
caption follows; no request leaves this computer and the console shows no
error. The kernel is shut down afterwards. A screenshot of each lesson goes to
test-artifacts/browser/. (JupyterLab works on a copy of notebooks/.)
"""

from __future__ import annotations

import re
import time

import pytest

from lesson_browser.chromium import PageWatch
from lesson_browser.pages import assert_panels_render, error_outputs, exercise_sliders
from lesson_browser.paths import lesson_paths
from lesson_browser.servers import READY_TIMEOUT_S

LESSONS = lesson_paths()
NOTEBOOK = ".jp-NotebookPanel .jp-Notebook"


def kernel_states(server) -> list[str]:
    return [s["kernel"]["execution_state"] for s in server.api("/api/sessions")]


def wait_until(condition, what: str, timeout_s: float = READY_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.5)


def test_printed_address_opens_lesson_00(lab_server, page):
    """The link JupyterLab prints (which a new user copies) shows lesson 00."""
    # Jupyter prints "?token=..." in place of a token it was given (as here).
    printed = re.findall(r"(http://127\.0\.0\.1:\d+/\S*)\?token=",
                         lab_server.log_path.read_text(errors="replace"))
    assert printed, "JupyterLab printed no address with a token"
    assert all(url.endswith("/lab/tree/notebooks/00_start_here.ipynb") for url in printed)
    watch = PageWatch(page)
    try:
        page.goto(f"{printed[-1]}?token={lab_server.token}")
        heading = page.locator(f"{NOTEBOOK} h1").first
        heading.wait_for(timeout=READY_TIMEOUT_S * 1000)
        assert heading.inner_text().startswith("Lesson 00: Start here")
        assert page.url.split("?")[0].endswith("/lab/tree/notebooks/00_start_here.ipynb")
        # Its kernel starts; shutting it down half-started would only test the race.
        wait_until(lambda: kernel_states(lab_server) == ["idle"], "the kernel to start")
        watch.assert_clean()
    finally:
        lab_server.close_sessions()


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_in_jupyterlab(lesson, lab_server, page, artifacts):
    watch = PageWatch(page)
    try:
        # "reset": a fresh workspace, so earlier tests' notebooks are not reopened.
        page.goto(f"{lab_server.base_url}/lab/tree/notebooks/{lesson.name}"
                  f"?reset&token={lab_server.token}")
        page.wait_for_selector(f"{NOTEBOOK} .jp-Cell")
        wait_until(lambda: kernel_states(lab_server) == ["idle"], "the kernel to start")

        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        prompts = page.locator(f"{NOTEBOOK} .jp-CodeCell .jp-InputPrompt")
        wait_until(
            lambda: all(re.fullmatch(r"\[\d+\]:", t.strip()) for t in prompts.all_inner_texts())
            and kernel_states(lab_server) == ["idle"],
            "every code cell to run")
        assert error_outputs(page) == []

        panels = assert_panels_render(page, lesson, NOTEBOOK)
        page.locator(f"{NOTEBOOK} .chemo-panel").first.scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"lab-{lesson.stem}.png")
        assert exercise_sliders(page, panels, NOTEBOOK) == []
        watch.assert_clean()
    finally:
        lab_server.close_sessions()
    assert not lab_server.wait_for_no_kernels(timeout_s=60), "kernel left running"
