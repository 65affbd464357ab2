"""A lesson in JupyterLab, driven as a learner would: open it, then run it from the keyboard.

The first cell of every lesson tells a JupyterLab user the one thing to do: Run > Run All
Cells, or with the keyboard Ctrl+Shift+C (the command palette), "run all cells", Enter.
``run_all_cells_with_keyboard`` does exactly that.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from .servers import READY_TIMEOUT_S, Server

__all__ = ["NOTEBOOK", "is_dirty", "kernel_states", "open_lesson", "run_all_cells_with_keyboard",
           "wait_until"]

NOTEBOOK = ".jp-NotebookPanel .jp-Notebook"


def kernel_states(server: Server) -> list[str]:
    return [s["kernel"]["execution_state"] for s in server.api("/api/sessions")]


def wait_until(condition, what: str, timeout_s: float = READY_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.5)


def open_lesson(page, server: Server, lesson: Path) -> None:
    """Open ``lesson`` (in the server's notebooks/ folder) alone, and wait for its kernel."""
    # "reset": a fresh workspace, so earlier tests' notebooks are not reopened.
    page.goto(f"{server.base_url}/lab/tree/notebooks/{lesson.name}"
              f"?reset&token={server.token}")
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell")
    wait_until(lambda: kernel_states(server) == ["idle"], "the kernel to start")


def is_dirty(page) -> bool:
    """Whether JupyterLab marks the open notebook as having unsaved changes."""
    return page.evaluate(
        "() => document.querySelectorAll('.lm-TabBar-tab.jp-mod-dirty').length > 0")


def run_all_cells_with_keyboard(page, server: Server) -> None:
    """Ctrl+Shift+C, type "run all cells", Enter; wait until every code cell has run."""
    page.locator(NOTEBOOK).first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+Shift+C")
    page.keyboard.type("run all cells")
    active = page.locator(".lm-CommandPalette-item.lm-mod-active")
    active.wait_for()
    assert active.inner_text().strip().startswith("Run All Cells"), active.inner_text()
    page.keyboard.press("Enter")
    prompts = page.locator(f"{NOTEBOOK} .jp-CodeCell .jp-InputPrompt")
    wait_until(
        lambda: all(re.fullmatch(r"\[\d+\]:", t.strip()) for t in prompts.all_inner_texts())
        and kernel_states(server) == ["idle"],
        "every code cell to run")
