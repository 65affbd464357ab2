"""The workshop kit in Chromium: its PDFs are printed, and its static site stays offline.

The kit is built once (with PDFs, printed by headless Chromium) into a temporary folder.
Each page of the static site is opened from that folder (file://, no server, no kernel):
every request it makes must be a file inside the kit (or in-page data), every picture
must load, no console error, and axe-core must find no serious or critical problem.
Screenshots of a printed handout and worksheet go to test-artifacts/browser/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lesson_browser.chromium import PageWatch
from lesson_browser.pages import serious_axe_violations
from lesson_browser.paths import lesson_paths
from workshop_kit.build import build_kit
from workshop_kit.pdf import page_count

LESSONS = lesson_paths()
SITE_PAGES = ["index.html", "model.html", *(f"lessons/{p.stem}.html" for p in LESSONS)]


@pytest.fixture(scope="session")
def printed_kit(tmp_path_factory, chromium_browser) -> Path:
    out = tmp_path_factory.mktemp("printed-kit") / "kit"
    build_kit(out, pdf=True, browser=chromium_browser)
    return out


def test_every_printout_is_a_pdf_and_the_checklist_is_one_page(printed_kit):
    for lesson in LESSONS:
        for folder in ("handouts", "worksheets"):
            pdf = printed_kit / folder / f"lesson-{lesson.name[:2]}.pdf"
            assert pdf.read_bytes()[:5] == b"%PDF-" and page_count(pdf) >= 1, pdf
    assert page_count(printed_kit / "answer-key.pdf") >= 1
    assert page_count(printed_kit / "facilitator-checklist.pdf") == 1


def _inside(url: str, kit: Path) -> bool:
    return url.startswith(("data:", "about:")) or url.startswith(kit.resolve().as_uri() + "/")


@pytest.mark.parametrize("name", SITE_PAGES)
def test_site_page_stays_in_the_kit_and_passes_axe(printed_kit, chromium_browser, name):
    page = chromium_browser.new_page()
    try:
        watch = PageWatch(page)
        page.goto((printed_kit / name).as_uri(), wait_until="load")
        outside = sorted({url for url in watch.requests if not _inside(url, printed_kit)})
        assert not outside, f"{name} asked for files outside the kit: {outside}"
        assert not watch.console_errors and not watch.page_errors, watch.console_errors
        broken = page.evaluate(
            "[...document.images].filter(i => !i.complete || !i.naturalWidth).map(i => i.src)")
        assert not broken, f"pictures that did not load on {name}: {broken}"
        assert serious_axe_violations(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("folder", ["handouts", "worksheets"])
def test_printed_look_is_saved_for_review(printed_kit, chromium_browser, artifacts, folder):
    page = chromium_browser.new_page(viewport={"width": 794, "height": 1123})  # A4, 96 dpi
    try:
        page.emulate_media(media="print")
        page.goto((printed_kit / folder / "lesson-02.html").as_uri(), wait_until="load")
        assert page.evaluate("[...document.images].every(i => i.naturalWidth > 0)")
        page.screenshot(path=str(artifacts / f"kit-{folder}-02-print.png"), full_page=True)
    finally:
        page.close()
