"""PDFs from the kit's HTML pages through headless Chromium's own print (Playwright).

No PDF is written by hand: Chromium lays the page out with its print style sheet
(``@page`` A4, see ``layout``) and prints it, as a browser's "Save as PDF" does. The PDFs
are tagged, so a screen reader finds the headings and each picture's alt text.
Chromium is Debian's /usr/bin/chromium, launched offline (lesson_browser.chromium).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

__all__ = ["page_count", "print_pdfs"]


def print_pdfs(pages: Sequence[Path], browser=None) -> list[Path]:
    """Print each HTML file in ``pages`` to a PDF beside it (same name, .pdf); return them.

    ``browser``: a Playwright Chromium already running (the browser tests' own); by default
    one is started and closed here.
    """
    if browser is not None:
        return _print_with(browser, pages)
    from playwright.sync_api import sync_playwright

    from lesson_browser.chromium import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            return _print_with(browser, pages)
        finally:
            browser.close()


def _print_with(browser, pages: Sequence[Path]) -> list[Path]:
    written = []
    page = browser.new_page()
    try:
        for html_path in pages:
            pdf_path = html_path.with_suffix(".pdf")
            page.goto(html_path.resolve().as_uri(), wait_until="load")
            page.pdf(path=str(pdf_path), print_background=True,
                     prefer_css_page_size=True, tagged=True)
            written.append(pdf_path)
    finally:
        page.close()
    return written


def page_count(pdf_path: Path) -> int:
    """How many pages the PDF at ``pdf_path`` has (its page objects, as Chromium writes them)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf_path.read_bytes()))
