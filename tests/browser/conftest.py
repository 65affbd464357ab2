"""Servers and a browser for the browser tests.

One Voila (app mode, as ``python3 run.py app`` runs it) and one JupyterLab are
started per test session on free loopback ports, and stopped at the end; the
teardown fails if any kernel outlived its page or its server. JupyterLab works
on a copy of notebooks/ so nothing it does can write to the stored lessons.
Screenshots and server logs go to test-artifacts/browser/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from lesson_browser.chromium import CHROMIUM, launch_chromium
from lesson_browser.pages import PAGE_TIMEOUT_MS
from lesson_browser.paths import ARTIFACTS, NOTEBOOKS
from lesson_browser.servers import start_lab, start_voila


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium_browser(artifacts):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}; `python3 run.py test` installs it "
                    "(as root) or says how.")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def voila_server(artifacts):
    server = start_voila(log_path=artifacts / "voila.log")
    yield server
    left = server.wait_for_no_kernels(timeout_s=90)
    survivors = server.stop()
    assert not left, f"Voila still had {len(left)} kernel(s) after every page was left"
    assert not survivors, f"kernels outlived Voila: {survivors}"


@pytest.fixture(scope="session")
def lab_server(artifacts, tmp_path_factory):
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(NOTEBOOKS, root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    server = start_lab(root, tmp_path_factory.mktemp("lab-settings"),
                       log_path=artifacts / "jupyterlab.log")
    yield server
    server.close_sessions()
    left = server.wait_for_no_kernels(timeout_s=90)
    survivors = server.stop()
    assert not left, f"JupyterLab still had {len(left)} kernel(s) at the end"
    assert not survivors, f"kernels outlived JupyterLab: {survivors}"


@pytest.fixture
def page(chromium_browser):
    """A fresh browser tab (1280 x 900) for one test, shared by both modes' tests."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(PAGE_TIMEOUT_MS)
    yield tab
    tab.goto("about:blank")  # even after a failure: let the page shut its kernel down
    context.close()
