"""Every lesson in JupyterLab, in Chromium: open it, run it as its first cell says, use it.

For each lesson: the notebook opens unmodified (no "unsaved changes" mark once its kernel
has started) and its first cell tells a JupyterLab user the one thing to do; done from the
keyboard as that cell says (Ctrl+Shift+C, "run all cells", Enter), every code cell runs
with no error output; each panel shows a figure with alt text and a caption; sliders moved
with the keyboard change the figure, and the caption follows; every slider handle has a
name and says the value on screen; axe-core finds no serious or critical problem in the
lesson; no request leaves this computer and the console shows no error. The kernel is
shut down afterwards. A screenshot of each lesson goes to test-artifacts/browser/.
(JupyterLab works on a copy of notebooks/.)
"""

from __future__ import annotations

import re

import pytest

from lesson_browser.chromium import PageWatch
from lesson_browser.lab import (
    NOTEBOOK,
    is_dirty,
    kernel_states,
    open_lesson,
    run_all_cells_with_keyboard,
    wait_until,
)
from lesson_browser.pages import (
    assert_panels_render,
    error_outputs,
    exercise_sliders,
    serious_axe_violations,
    slider_voice_problems,
    slider_voices,
)
from lesson_browser.paths import lesson_paths
from lesson_browser.servers import READY_TIMEOUT_S

LESSONS = lesson_paths()
LESSON_CONTENT = {"include": [f"{NOTEBOOK} .jp-MarkdownOutput", f"{NOTEBOOK} .jp-OutputArea"]}


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
        open_lesson(page, lab_server, lesson)
        # JupyterLab writes the kernel's description into the notebook once the kernel
        # has started; give it a moment, then the lesson must still be unmodified.
        page.wait_for_timeout(2000)
        assert not is_dirty(page), "the lesson shows unsaved changes on opening"
        first_cell = page.locator(f"{NOTEBOOK} .jp-Cell").first.inner_text()
        assert "Run > Run All Cells" in first_cell and "Ctrl+Shift+C" in first_cell
        page.screenshot(path=artifacts / f"lab-first-look-{lesson.stem}.png")

        run_all_cells_with_keyboard(page, lab_server)
        assert error_outputs(page) == []

        panels = assert_panels_render(page, lesson, NOTEBOOK)
        page.locator(f"{NOTEBOOK} .chemo-panel").first.scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"lab-{lesson.stem}.png")
        assert slider_voice_problems(slider_voices(page, NOTEBOOK)) == []
        assert exercise_sliders(page, panels, NOTEBOOK) == []
        # After every slider has moved, each still says what it shows.
        assert slider_voice_problems(slider_voices(page, NOTEBOOK)) == []
        # The lesson's own content: its text and what its code shows. JupyterLab's own
        # parts (its code editors, menus, side bars) are JupyterLab's to fix.
        assert serious_axe_violations(page, LESSON_CONTENT) == []
        watch.assert_clean()
    finally:
        lab_server.close_sessions()
    assert not lab_server.wait_for_no_kernels(timeout_s=60), "kernel left running"
