"""Every lesson in app mode (Voila, as `python3 run.py app` serves it), in Chromium.

For each lesson: the page loads with no request off this computer and no
console error; every cell ran (Voila stops at the first failing cell, so all
cells must be on the page) with no error output; each panel shows a figure
with alt text and a caption; every slider moved with the keyboard changes the
figure and the caption, and its handle has a name and says the value on screen
(with its unit); axe-core finds no serious or critical problem; every control is
reached with Tab and shows a visible focus. Leaving the page shuts its kernel
down. The HTML served loads no script or stylesheet from off this computer (the
template drops the CDN loaders of MathJax and Mermaid). A screenshot of each
lesson goes to test-artifacts/browser/.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from lesson_browser.chromium import PageWatch, is_local_url
from lesson_browser.pages import (
    assert_panels_render,
    error_outputs,
    exercise_sliders,
    full_page_screenshot,
    keyboard_walk,
    serious_axe_violations,
    slider_voice_problems,
    slider_voices,
    wait_for_voila_page,
)
from lesson_browser.paths import LESSON_GLOB, NOTEBOOKS, lesson_paths

LESSONS = lesson_paths()


class _ScriptsAndLinks(HTMLParser):
    """Collects every web address in <script> and <link> tags: their src/href, and
    addresses written inside inline scripts (an ``import`` from a CDN)."""

    URL = re.compile(r"""https?://[^\s'"`)<>]+""")

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "link"):
            self.urls += [value for name, value in attrs
                          if name in ("src", "href") and value and "//" in value]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.urls += self.URL.findall(data)


def off_computer_addresses(html: str) -> list[str]:
    parser = _ScriptsAndLinks()
    parser.feed(html)
    return sorted({url for url in parser.urls if not is_local_url(url)})


def test_the_address_check_sees_a_cdn_loader():
    page = ("<link href='http://127.0.0.1:8866/x.css' rel='stylesheet'>"
            "<script type='module'>import mermaid from 'https://cdn.example.org/m.mjs';</script>"
            "<script src='https://cdn.example.org/mathjax.js'></script><p>https://ok.org</p>")
    assert off_computer_addresses(page) == ["https://cdn.example.org/m.mjs",
                                            "https://cdn.example.org/mathjax.js"]


def test_there_are_lessons_to_test():
    assert LESSONS, f"no lessons matching {LESSON_GLOB} in {NOTEBOOKS}"


def test_landing_page_lists_every_lesson_in_order(voila_server, page, artifacts):
    watch = PageWatch(page)
    served = page.goto(voila_server.base_url + "/")
    assert off_computer_addresses(served.text()) == []
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
    served = page.goto(f"{voila_server.base_url}/voila/render/{lesson.name}")
    wait_for_voila_page(page)
    assert off_computer_addresses(served.text()) == []

    # Every cell ran: Voila stops rendering at the first cell that fails.
    cells = len(json.loads(lesson.read_text())["cells"])
    shown = page.locator("#rendered_cells [cell-index]").count()
    assert shown == cells, f"{shown} of {cells} cells reached the page"
    assert error_outputs(page) == []
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, "code is shown"

    panels = assert_panels_render(page, lesson, "#rendered_cells")
    full_page_screenshot(page, artifacts / f"app-{lesson.stem}.png")
    assert slider_voice_problems(slider_voices(page, "#rendered_cells")) == []
    assert exercise_sliders(page, panels, "#rendered_cells") == []
    # After every slider has moved, each still says what it shows.
    assert slider_voice_problems(slider_voices(page, "#rendered_cells")) == []

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
