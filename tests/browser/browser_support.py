"""Shared by the browser tests and benchmarks/app_load_stress.py.

Starts Voila (with exactly the flags ``python3 run.py app`` uses) and JupyterLab
on free loopback ports, drives Debian's Chromium through Playwright, and counts
the kernels a server has running by looking at its child processes.

Nothing here contacts anything but 127.0.0.1.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
LESSON_GLOB = "[0-9][0-9]_*.ipynb"
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
# Generous: a shared two-core machine can be slow, and a lesson starts a kernel.
READY_TIMEOUT_S = 240
PAGE_TIMEOUT_MS = 240_000


def load_run_module():
    """Import the repository's run.py (stdlib only) to share its Voila command."""
    spec = importlib.util.spec_from_file_location("chemo_run", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def lesson_paths(notebook_dir: Path = NOTEBOOKS) -> list[Path]:
    return sorted(notebook_dir.glob(LESSON_GLOB))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_local_url(url: str) -> bool:
    """True for the page's own server and for in-page data; False for the internet."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@dataclass
class Server:
    """A Jupyter server (Voila or JupyterLab) that this process started."""

    name: str
    process: subprocess.Popen
    base_url: str
    log_path: Path
    token: str = ""
    _log_file: object = field(default=None, repr=False)

    def kernel_pids(self) -> list[int]:
        """Kernels (ipykernel processes) this server has running now."""
        return [
            pid for pid in _descendants(self.process.pid) if "ipykernel" in _cmdline(pid)
        ]

    def wait_for_no_kernels(self, timeout_s: float = 90) -> list[int]:
        """Wait until no kernel is left; return the ones still there at the end."""
        deadline = time.monotonic() + timeout_s
        while True:
            left = self.kernel_pids()
            if not left or time.monotonic() > deadline:
                return left
            time.sleep(0.5)

    def api(self, path: str, method: str = "GET"):
        """Call the server's REST API (JupyterLab only; needs the token)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def close_sessions(self) -> None:
        """Close every notebook session, which shuts its kernel down (JupyterLab only)."""
        for session in self.api("/api/sessions"):
            self.api(f"/api/sessions/{session['id']}", method="DELETE")

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> list[int]:
        """Stop the server and everything it started; return kernels that outlived it."""
        kernels_before = self.kernel_pids()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        survivors = [pid for pid in kernels_before if Path(f"/proc/{pid}").exists()]
        # Never leave a kernel behind, even when the server failed to stop it.
        for pid in survivors:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self._log_file is not None:
            self._log_file.close()
        return survivors


def _start(name: str, command: Sequence[str], env: dict, base_url: str, ready_path: str,
           log_path: Path, token: str = "") -> Server:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_file = open(log_path, "w")  # noqa: SIM115 - closed in Server.stop
    process = subprocess.Popen(
        list(command), cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    server = Server(name, process, base_url, log_path, token, log_file)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while True:
        if process.poll() is not None:
            server.stop()
            raise RuntimeError(f"{name} exited early:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(base_url + ready_path, timeout=5) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"{name} did not answer in {READY_TIMEOUT_S} s:\n"
                               f"{server.log_tail()}")
        time.sleep(0.5)


def start_voila(notebook_dir: Path = NOTEBOOKS, *, extra_args: Sequence[str] = (),
                log_path: Path | None = None) -> Server:
    """Voila with the app's own flags (from run.py), on a free loopback port."""
    run = load_run_module()
    port = free_port()
    command = run.voila_command(Path(sys.executable), port, open_browser=False,
                                notebook_dir=notebook_dir)
    # Tests want to see what went wrong in a cell, not the learner-facing notice.
    command += ["--VoilaConfiguration.show_tracebacks=True", *extra_args]
    env = run.app_environment()
    return _start("voila", command, env, f"http://127.0.0.1:{port}", "/",
                  log_path or ARTIFACTS / "voila.log")


def start_lab(root_dir: Path, settings_dir: Path, *, log_path: Path | None = None) -> Server:
    """JupyterLab with ``python3 run.py lab``'s flags, on a free loopback port.

    A known token (so tests can log in) and autosave off come on top.
    """
    run = load_run_module()
    port = free_port()
    token = secrets.token_hex(16)
    write_lab_settings(settings_dir)
    command = [
        *run.lab_command(Path(sys.executable), root_dir),
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        f"--IdentityProvider.token={token}",
        f"--LabApp.user_settings_dir={settings_dir / 'user-settings'}",
        f"--LabApp.workspaces_dir={settings_dir / 'workspaces'}",
        "--LabApp.news_url=",
        "--LabServerApp.extra_labextensions_path=[]",
    ]
    env = dict(os.environ)
    return _start("jupyterlab", command, env, f"http://127.0.0.1:{port}",
                  f"/api/status?token={token}", log_path or ARTIFACTS / "jupyterlab.log",
                  token)


def write_lab_settings(settings_dir: Path) -> None:
    """User settings for a test JupyterLab: no autosave, no news, no update checks."""
    base = settings_dir / "user-settings" / "@jupyterlab"
    files = {
        "docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
        # Every cell in the page (not only those scrolled into view), for the checks.
        "notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "apputils-extension/notification.jupyterlab-settings": {
            "checkForUpdates": False, "fetchNews": "false", "doNotDisturbMode": True,
        },
    }
    for rel, content in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content))


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)


# --- Voila page helpers ------------------------------------------------------

# True once Voila has shown the executed cells and every output on the page has
# been filled in: widget outputs start as empty boxes (their cell-output script
# consumed) and get their widget a moment later.
VOILA_READY_JS = """() => {
  const cells = document.getElementById('rendered_cells');
  if (!cells || cells.style.display === 'none' || document.getElementById('loading')) {
    return false;
  }
  if (cells.querySelector('script[type="application/vnd.voila.cell-output+json"]')) {
    return false;
  }
  return [...cells.querySelectorAll('.jp-OutputArea-output')].every(
    out => out.childElementCount > 0 || out.textContent.trim() !== '');
}"""


def wait_for_voila_page(page, timeout_ms: int = PAGE_TIMEOUT_MS) -> None:
    page.wait_for_function(VOILA_READY_JS, timeout=timeout_ms, polling=250)


def voila_loading_text(page) -> str:
    try:
        return page.evaluate(
            "() => (document.getElementById('loading_text') || {}).textContent || ''")
    except Exception:  # noqa: BLE001 - the page may be gone
        return ""


# --- What a page did: console, errors, network ---------------------------------

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


# --- Checks shared by app mode and JupyterLab ------------------------------------

def expected_panel_count(lesson: Path) -> int:
    """How many lesson panels the notebook builds (``SomethingPanel(`` in code cells)."""
    import re

    notebook = json.loads(lesson.read_text())
    return sum(
        len(re.findall(r"\b\w+Panel\(", "".join(cell["source"])))
        for cell in notebook["cells"] if cell["cell_type"] == "code"
    )


PANELS_JS = """(root) => [...root.querySelectorAll('.chemo-panel')].map(panel => {
  const img = panel.querySelector('.chemo-figure img');
  const caption = panel.querySelector('.chemo-caption');
  return {
    alt: img ? (img.getAttribute('alt') || '').trim() : null,
    src: img ? img.getAttribute('src') || '' : null,
    caption: caption ? caption.innerText.trim() : null,
    sliders: panel.querySelectorAll('.noUi-handle').length,
  };
})"""


def panel_states(page, root_selector: str = "body") -> list[dict]:
    return page.locator(root_selector).evaluate(PANELS_JS)


def assert_panels_render(page, lesson: Path, root_selector: str = "body") -> list[dict]:
    expected = expected_panel_count(lesson)
    try:  # widgets appear a moment after the cells; wait generously for them
        page.wait_for_function(
            """([rootSel, n]) => document.querySelector(rootSel)
                 .querySelectorAll('.chemo-panel .chemo-figure img').length >= n""",
            arg=[root_selector, expected], timeout=PAGE_TIMEOUT_MS, polling=250)
    except PlaywrightTimeoutError:
        pass  # the assertion below says what is missing
    panels = panel_states(page, root_selector)
    assert len(panels) == expected, f"{lesson.name}: {len(panels)} panels shown, {expected} built"
    for number, panel in enumerate(panels, start=1):
        assert panel["src"] and panel["src"].startswith("data:image/png;base64,"), (
            f"{lesson.name} panel {number}: no figure image")
        assert panel["alt"], f"{lesson.name} panel {number}: figure has no alt text"
        assert panel["caption"], f"{lesson.name} panel {number}: empty caption"
    return panels


def move_slider_with_keyboard(page, panel_index: int, slider_index: int,
                              root_selector: str = "body",
                              figure_wait_ms: int = PAGE_TIMEOUT_MS) -> tuple[dict, dict]:
    """Focus one slider handle, press End (or Home if already at the end).

    Returns the panel's state before and after. Waits up to ``figure_wait_ms``
    for the figure to change (a slider may have no effect in some states, e.g.
    "which cycle is changed" while nothing is changed), then a little for the
    caption, which is written in the same update just after the figure.
    """
    panel = page.locator(root_selector).locator(".chemo-panel").nth(panel_index)
    handle = panel.locator(".noUi-handle").nth(slider_index)
    before = panel_states(page, root_selector)[panel_index]
    handle.scroll_into_view_if_needed()
    handle.focus()
    start = handle.get_attribute("aria-valuenow")
    handle.press("End")
    if handle.get_attribute("aria-valuenow") == start:
        handle.press("Home")
    assert handle.get_attribute("aria-valuenow") != start, "the slider did not move"
    for key, old, wait in (("src", before["src"], figure_wait_ms),
                           ("caption", before["caption"], 15_000)):
        try:
            page.wait_for_function(
                """([rootSel, i, key, old]) => {
                     const p = document.querySelector(rootSel)
                       .querySelectorAll('.chemo-panel')[i];
                     if (!p) return false;
                     const now = key === 'src'
                       ? (p.querySelector('.chemo-figure img') || {}).src
                       : (p.querySelector('.chemo-caption') || {}).innerText;
                     return now !== undefined && (key === 'src' ? now : now.trim()) !== old;
                   }""",
                arg=[root_selector, panel_index, key, old], timeout=wait, polling=200)
        except PlaywrightTimeoutError:
            pass
    after = panel_states(page, root_selector)[panel_index]
    return before, after


def exercise_sliders(page, panels: list[dict], root_selector: str) -> list[str]:
    """Move every slider of every panel with the keyboard; return what went wrong.

    A slider that leaves the figure as it was gets a second go after all the
    others have moved (its effect may depend on them). Every slider must change
    the figure in one of the two goes, and in every panel the caption must
    follow at least one slider.
    """
    problems, retry, caption_moved = [], [], [False] * len(panels)
    for p, panel in enumerate(panels):
        if panel["sliders"] == 0:
            problems.append(f"panel {p + 1} has no slider")
        for s in range(panel["sliders"]):
            before, after = move_slider_with_keyboard(page, p, s, root_selector, 20_000)
            if after["src"] == before["src"]:
                retry.append((p, s))
            caption_moved[p] |= after["caption"] != before["caption"]
            if not after["alt"]:
                problems.append(f"panel {p + 1} slider {s + 1}: alt text lost")
    for p, s in retry:
        before, after = move_slider_with_keyboard(page, p, s, root_selector, 60_000)
        if after["src"] == before["src"]:
            problems.append(f"panel {p + 1} slider {s + 1}: the figure never changed")
        caption_moved[p] |= after["caption"] != before["caption"]
    problems += [f"panel {p + 1}: no slider changed the caption"
                 for p, moved in enumerate(caption_moved) if not moved]
    return problems


def full_page_screenshot(page, path: Path) -> None:
    """Screenshot of the whole lesson (Voila and JupyterLab scroll inside an element)."""
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight,
             ...[...document.querySelectorAll('#rendered_cells, .jp-WindowedPanel-outer')]
                .map(el => el.scrollHeight + el.getBoundingClientRect().top))""")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 16000)})
    page.wait_for_timeout(500)  # let the page lay itself out at the new size
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)


def error_outputs(page) -> list[str]:
    """Text of error or warning outputs (stderr, tracebacks) on the page."""
    return page.locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).all_inner_texts()


def serious_axe_violations(page) -> list[str]:
    """axe-core (bundled with axe-playwright-python, no CDN) serious/critical findings."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in ("serious", "critical"):
            targets = [node.get("target") for node in violation.get("nodes", [])][:5]
            found.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) "
                         f"at {targets}")
    return found


# Focusable controls inside the lesson; the test tabs through them all.
CONTROLS_SELECTOR = (
    ".noUi-handle, select, button, input:not([type=hidden]), textarea, a[href], "
    "[contenteditable=true]"
)


def keyboard_walk(page, root_selector: str, max_presses: int | None = None) -> dict:
    """Press Tab through the page; report controls never reached and ones without
    a visible focus change (a screenshot of the control, focused vs. not)."""
    count = page.evaluate(
        """([rootSel, sel]) => {
             const controls = [...document.querySelector(rootSel).querySelectorAll(sel)]
               .filter(el => el.offsetParent !== null && !el.disabled);
             controls.forEach((el, i) => el.setAttribute('data-kbd-id', String(i)));
             return controls.length;
           }""",
        [root_selector, CONTROLS_SELECTOR])
    reached, no_visible_focus = set(), []
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                  "window.scrollTo(0, 0); }")
    page.locator("body").focus()
    for _ in range(max_presses or count * 3 + 30):
        page.keyboard.press("Tab")
        ident = page.evaluate(
            "() => document.activeElement && document.activeElement.getAttribute('data-kbd-id')")
        if ident is None or ident in reached:
            if len(reached) == count:
                break
            continue
        reached.add(ident)
        element = page.locator(f'[data-kbd-id="{ident}"]')
        box = element.bounding_box()
        if not box or box["width"] == 0:
            continue
        clip = {"x": max(box["x"] - 6, 0), "y": max(box["y"] - 6, 0),
                "width": box["width"] + 12, "height": box["height"] + 12}
        focused = page.screenshot(clip=clip, animations="disabled", caret="hide")
        page.evaluate("() => document.activeElement.blur()")
        unfocused = page.screenshot(clip=clip, animations="disabled", caret="hide")
        if focused == unfocused:
            no_visible_focus.append(page.evaluate(
                "(id) => { const el = document.querySelector(`[data-kbd-id=\"${id}\"]`);"
                " return el.tagName + '.' + el.className + ' ' + "
                "(el.getAttribute('aria-label') || el.innerText || '').slice(0, 40); }", ident))
    unreached = page.evaluate(
        """([rootSel, ids]) => [...document.querySelector(rootSel)
             .querySelectorAll('[data-kbd-id]')]
             .filter(el => !ids.includes(el.getAttribute('data-kbd-id')))
             .map(el => el.tagName + '.' + el.className)""",
        [root_selector, sorted(reached)])
    return {"count": count, "unreached": unreached, "no_visible_focus": no_visible_focus}
