"""Every lesson in app mode (Voila, as `python3 run.py app` serves it), in Chromium.

For each lesson: the page loads with no request off this computer and no
console error; every cell ran (Voila stops at the first failing cell, so all
cells must be on the page) with no error output; each panel shows a figure
with alt text and a caption; every slider moved with the keyboard changes the
figure and the caption; axe-core finds no serious or critical problem; every
control is reached with Tab and shows a visible focus. Leaving the page shuts
its kernel down. A screenshot of each lesson goes to test-artifacts/browser/.
"""

from __future__ import annotations

import json

import pytest

from lesson_browser.chromium import PageWatch
from lesson_browser.pages import (
    assert_panels_render,
    error_outputs,
    exercise_sliders,
    full_page_screenshot,
    keyboard_walk,
    serious_axe_violations,
    wait_for_voila_page,
)
from lesson_browser.paths import LESSON_GLOB, NOTEBOOKS, lesson_paths

LESSONS = lesson_paths()


def test_there_are_lessons_to_test():
    assert LESSONS, f"no lessons matching {LESSON_GLOB} in {NOTEBOOKS}"


def test_landing_page_lists_every_lesson_in_order(voila_server, page, artifacts):
    watch = PageWatch(page)
    page.goto(voila_server.base_url + "/")
    links = page.locator("ol.lessons a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert [h.rsplit("/", 1)[-1] for h in hrefs] == [p.name for p in LESSONS]
    titles = links.all_inner_texts()
    assert all(t.strip() for t in titles)
    page.screenshot(path=artifacts / "app-landing.png", full_page=True)
    assert serious_axe_violations(page) == []
    walk = keyboard_walk(page, "main")
    assert walk["unreached"] == [] and walk["no_visible_focus"] == [], walk
    # A learner opens the first lesson from the list.
    links.first.click()
    wait_for_voila_page(page)
    assert "/voila/render/" in page.url
    watch.leave()
    watch.assert_clean()


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_in_app_mode(lesson, voila_server, page, artifacts):
    watch = PageWatch(page)
    page.goto(f"{voila_server.base_url}/voila/render/{lesson.name}")
    wait_for_voila_page(page)

    # Every cell ran: Voila stops rendering at the first cell that fails.
    cells = len(json.loads(lesson.read_text())["cells"])
    shown = page.locator("#rendered_cells [cell-index]").count()
    assert shown == cells, f"{shown} of {cells} cells reached the page"
    assert error_outputs(page) == []
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, "code is shown"

    panels = assert_panels_render(page, lesson, "#rendered_cells")
    full_page_screenshot(page, artifacts / f"app-{lesson.stem}.png")
    assert exercise_sliders(page, panels, "#rendered_cells") == []

    assert serious_axe_violations(page) == []
    walk = keyboard_walk(page, "#rendered_cells")
    assert walk["count"] > 0
    assert walk["unreached"] == [], f"not reachable with Tab: {walk['unreached']}"
    assert walk["no_visible_focus"] == [], f"no visible focus: {walk['no_visible_focus']}"

    assert voila_server.kernel_pids(), "no kernel behind the lesson page"
    watch.leave()
    left = voila_server.wait_for_no_kernels(timeout_s=60)
    assert not left, f"kernel still running a minute after the page was left: {left}"
    watch.assert_clean()
