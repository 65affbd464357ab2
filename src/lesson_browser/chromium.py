"""Debian's Chromium driven through Playwright, and a record of what a page did.

No browser is downloaded: Playwright launches /usr/bin/chromium (``python3 run.py test``
installs it, as root, or says how).
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "PageWatch", "is_local_url", "launch_chromium"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_chromium(playwright):
    """Headless Chromium from ``playwright`` (a started ``sync_playwright()``)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)


def is_local_url(url: str) -> bool:
    """True for the page's own server and for in-page data; False for the internet."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


class PageWatch:
    """Records a page's console errors, uncaught errors, failed and non-local requests."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.requests: list[str] = []
        self.bad_responses: list[str] = []
        self.left = False
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_failed)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} @ {message.location.get('url', '')}")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.bad_responses.append(f"{response.status} {response.url}")

    def leave(self) -> None:
        """Leave the page as closing its tab does (its beforeunload handlers run)."""
        self.left = True
        self.page.goto("about:blank")

    def _on_failed(self, request) -> None:
        # Loads cut short by leaving the page, and the kernel shutdown beacon sent
        # while leaving, are not faults.
        if self.left or "/voila/api/shutdown/" in request.url:
            return
        self.bad_responses.append(f"failed {request.url}: {request.failure}")

    def non_local_requests(self) -> list[str]:
        return sorted({url for url in self.requests if not is_local_url(url)})

    def assert_clean(self) -> None:
        problems = []
        if self.non_local_requests():
            problems.append(f"requests off this computer: {self.non_local_requests()}")
        if self.console_errors:
            problems.append(f"console errors: {self.console_errors}")
        if self.page_errors:
            problems.append(f"uncaught page errors: {self.page_errors}")
        if self.bad_responses:
            problems.append(f"failed requests: {self.bad_responses}")
        assert not problems, "\n".join(problems)
