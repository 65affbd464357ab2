"""One presentation switch per page, in Chromium: app mode (Voila) and JupyterLab.

The switch "Large text for a projector" is shown once near the top of each lesson. Ticked,
it enlarges every kind of text on the page (control labels, slider readouts, menus,
captions, quiz answers, markdown text) and rebuilds every figure in its projector theme;
the browser remembers it across a reload and from one lesson to the next. In projector
mode each panel's controls, picture and caption fit together on a 1024 x 768 screen.
Screenshots of every lesson in both modes at 1024 x 768 go to test-artifacts/browser/.
"""

from __future__ import annotations

import re

import pytest

from lesson_browser.chromium import PageWatch
from lesson_browser.lab import NOTEBOOK, open_lesson, run_all_cells_with_keyboard
from lesson_browser.pages import (
    PAGE_TIMEOUT_MS,
    font_sizes_px,
    panel_fits,
    wait_for_presentation,
    wait_for_voila_page,
)
from lesson_browser.paths import lesson_paths

LESSONS = lesson_paths()
SCREEN = {"width": 1024, "height": 768}
STORAGE_KEY = "chemo-series-presentation"
# Projector text must be clearly larger: at least this many times the standard size.
LARGER = 1.3


def _lesson(prefix: str):
    (found,) = [lesson for lesson in LESSONS if lesson.name.startswith(prefix)]
    return found


@pytest.fixture
def screen(chromium_browser):
    """A fresh browser (its own localStorage) with a 1024 x 768 window."""
    context = chromium_browser.new_context(viewport=SCREEN)
    tab = context.new_page()
    tab.set_default_timeout(PAGE_TIMEOUT_MS)
    yield tab
    for open_tab in context.pages:  # a test may have opened others
        open_tab.goto("about:blank")  # let the page shut its kernel down
    context.close()


def _open_in_app(page, server, lesson) -> None:
    page.goto(f"{server.base_url}/voila/render/{lesson.name}")
    wait_for_voila_page(page)


def _assert_larger(on: dict, off: dict) -> None:
    for kind, standard in off.items():
        assert standard and on[kind], f"no {kind} on the page to measure"
        assert on[kind] >= LARGER * standard, f"{kind}: {on[kind]} px vs {standard} px"


def _fit_problems(page, lesson, root: str = "body") -> list[str]:
    """Panels whose controls, picture and caption do not fit on the screen together."""
    problems = []
    for number, panel in enumerate(panel_fits(page, root), start=1):
        where = f"{lesson.name} panel {number}"
        if panel["height"] > SCREEN["height"]:
            problems.append(f"{where}: {panel['height']:.0f} px tall")
        if panel["left"] < 0 or panel["right"] > SCREEN["width"]:
            problems.append(f"{where}: from {panel['left']:.0f} to {panel['right']:.0f} px")
        # Shrunk to fit, but never so far that its text is smaller than the standard's.
        if panel["picture_scale"] < 0.59:
            problems.append(f"{where}: picture shrunk to {panel['picture_scale']:.2f}")
    return problems


def _screenshot_each_panel(page, stem, root: str = "body") -> None:
    """One screenshot per panel, scrolled so that its example menu is at the top."""
    count = page.locator(f"{root} .chemo-panel").count()
    for number in range(count):
        page.locator(f"{root} .chemo-panel .chemo-buttons").nth(number).evaluate(
            "e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
        page.screenshot(path=f"{stem}-panel{number + 1}.png")


def test_one_switch_enlarges_the_page_and_is_remembered_in_app_mode(voila_server, screen,
                                                                     artifacts):
    page, first = screen, _lesson("01")
    watch = PageWatch(page)
    _open_in_app(page, voila_server, first)
    wait_for_presentation(page, False)
    # One switch for the page; no panel has a box of its own.
    assert page.locator(".chemo-presentation-switch input").count() == 1
    assert page.locator(".chemo-panel input[type=checkbox]").count() == 0
    off = font_sizes_px(page)
    _screenshot_each_panel(page, artifacts / f"app-1024-standard-{first.stem}")

    page.locator(".chemo-presentation-switch input").check()
    wait_for_presentation(page, True)
    _assert_larger(font_sizes_px(page), off)
    assert page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')") == "projector"

    # Remembered across a reload: the page, and the kernel (figures rebuilt).
    page.reload()
    wait_for_voila_page(page)
    wait_for_presentation(page, True)
    _assert_larger(font_sizes_px(page), off)

    # ... and from one lesson to the next: every lesson opens in projector mode and fits.
    too_big = []
    for lesson in [first, *(other for other in LESSONS if other != first)]:
        if lesson != first:
            _open_in_app(page, voila_server, lesson)
            wait_for_presentation(page, True)
        _screenshot_each_panel(page, artifacts / f"app-1024-projector-{lesson.stem}")
        too_big += _fit_problems(page, lesson)
    assert too_big == [], "\n".join(too_big)

    # Unticked: standard again, and remembered as such.
    page.locator(".chemo-presentation-switch input").uncheck()
    wait_for_presentation(page, False)
    _open_in_app(page, voila_server, first)
    wait_for_presentation(page, False)
    now = font_sizes_px(page)
    assert now == pytest.approx(off), "standard text is back to its size"
    watch.leave()
    watch.assert_clean()


def test_one_switch_enlarges_the_page_and_is_remembered_in_jupyterlab(lab_server, screen,
                                                                      artifacts):
    page, first, second = screen, _lesson("01"), _lesson("02")
    watch = PageWatch(page)
    try:
        open_lesson(page, lab_server, first)
        run_all_cells_with_keyboard(page, lab_server)
        wait_for_presentation(page, False, NOTEBOOK)
        off = font_sizes_px(page, NOTEBOOK)
        menu = page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$"))
        menu_px = menu.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        page.locator(".chemo-presentation-switch input").check()
        wait_for_presentation(page, True, NOTEBOOK)
        _assert_larger(font_sizes_px(page, NOTEBOOK), off)
        # JupyterLab's own menus stay as they were: the lesson grows, not the program.
        assert menu.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") == menu_px
        _screenshot_each_panel(page, artifacts / f"lab-1024-projector-{first.stem}", NOTEBOOK)

        watch.assert_clean()

        # Opened again, then another lesson, each in a new tab (a reload would lose the
        # unsaved outputs): both come back in projector mode once run.
        for lesson in (first, second):
            lab_server.close_sessions()
            page.close(run_before_unload=False)
            page = screen.context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            watch = PageWatch(page)
            open_lesson(page, lab_server, lesson)
            run_all_cells_with_keyboard(page, lab_server)
            wait_for_presentation(page, True, NOTEBOOK)
            _assert_larger(font_sizes_px(page, NOTEBOOK), off)
            watch.assert_clean()
        _screenshot_each_panel(page, artifacts / f"lab-1024-projector-{second.stem}", NOTEBOOK)
    finally:
        lab_server.close_sessions()
    assert not lab_server.wait_for_no_kernels(timeout_s=60), "kernel left running"
