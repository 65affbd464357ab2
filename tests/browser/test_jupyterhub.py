"""A real JupyterHub on this computer: learners log in and each gets a lesson with a working figure.

What a course on a JupyterHub does, as far as one machine allows: JupyterHub (the PyPI
package, the version line the Kubernetes chart in deploy/z2jh runs) with its npm proxy,
configurable-http-proxy (installed beforehand by deploy/hub_proxy.py: nothing is fetched
here), the shared-password authenticator and the simple local spawner (every learner's server
runs as this computer's user: for tests only). The hub loads deploy/tljh/chemo_series.py, the
settings file of the Littlest JupyterHub route (lessons folder, landing page), and each
learner's server reads deploy/singleuser/jupyter_server_config.py, as the image does.

Three learners log in one after another on 127.0.0.1, each in their own browser session. Each
lands on the lesson list (app mode, Voila), opens a lesson, sees its figure with alt text and
caption, and moves a slider with the keyboard, which must redraw the figure. A wrong password
is refused. Afterwards: leaving the pages shuts their kernels down, the learners' servers are
stopped through the hub's REST API, the hub stops, and no process it started is left.

Measured on the way and printed (run with -s) and written to
test-artifacts/browser/jupyterhub-figures.json: per learner, the time from the login click to
the lesson list (the server starting), from opening the lesson to its first figure, and the
memory and CPU time of the learner's server and of its kernel.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lesson_browser.chromium import PageWatch
from lesson_browser.pages import (
    PAGE_TIMEOUT_MS,
    assert_panels_render,
    error_outputs,
    move_slider_with_keyboard,
    wait_for_voila_page,
)
from lesson_browser.paths import ARTIFACTS, NOTEBOOKS, ROOT
from lesson_browser.processes import (
    cmdline,
    cpu_s,
    descendants,
    is_kernel,
    is_warm_parent,
    rss_mb,
)
from lesson_browser.servers import READY_TIMEOUT_S, free_port, terminate

TLJH_SETTINGS = ROOT / "deploy" / "tljh" / "chemo_series.py"
# The landing page deploy/tljh/chemo_series.py and deploy/z2jh/config.yaml open.
DEFAULT_URL = "/voila/tree"
# Learner -> the lesson they open (one-panel lessons: the machine is shared and slow).
LEARNERS = {
    "ana": "02_sensitive_and_resistant_cells.ipynb",
    "ben": "03_scans_are_snapshots.ipynb",
    "chloe": "06_growth_or_a_rough_patch.ipynb",
}
SERVICE_NAME = "lesson-test"


def _load_hub_proxy_module():
    spec = importlib.util.spec_from_file_location("hub_proxy", ROOT / "deploy" / "hub_proxy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_hub_config(folder: Path, proxy: Path, password: str, service_token: str) -> dict:
    """A jupyterhub_config.py in ``folder`` for a hub on free loopback ports; returns its ports."""
    ports = {"public": free_port(), "api": free_port(), "hub": free_port()}
    args = ["--allow-root"] if os.name == "posix" and os.geteuid() == 0 else []
    settings = {
        "JupyterHub.ip": "127.0.0.1",
        "JupyterHub.port": ports["public"],
        "JupyterHub.hub_ip": "127.0.0.1",
        "JupyterHub.hub_port": ports["hub"],
        "JupyterHub.db_url": f"sqlite:///{folder / 'jupyterhub.sqlite'}",
        "JupyterHub.cookie_secret_file": str(folder / "jupyterhub_cookie_secret"),
        "JupyterHub.authenticator_class": "shared-password",
        "JupyterHub.spawner_class": "simple",
        "JupyterHub.services": [{"name": SERVICE_NAME, "api_token": service_token}],
        "JupyterHub.load_roles": [{
            "name": SERVICE_NAME, "services": [SERVICE_NAME],
            "scopes": ["list:users", "read:users", "read:servers", "admin:servers"],
        }],
        "ConfigurableHTTPProxy.command": [str(proxy)],
        "ConfigurableHTTPProxy.api_url": f"http://127.0.0.1:{ports['api']}",
        "ConfigurableHTTPProxy.pid_file": str(folder / "proxy.pid"),
        "SharedPasswordAuthenticator.user_password": password,
        # JupyterHub 5 admits no one unless told who may log in: here, anyone with the password.
        "Authenticator.allow_all": True,
        "SimpleLocalProcessSpawner.home_dir_template": str(folder / "homes" / "{username}"),
        "Spawner.cmd": [sys.executable, "-m", "jupyterhub.singleuser"],
        "Spawner.args": args,
        # A shared two-core machine can take well over the default 30 s to start a server.
        "Spawner.http_timeout": READY_TIMEOUT_S,
        "Spawner.start_timeout": READY_TIMEOUT_S,
    }
    lines = ["# Written by tests/browser/test_jupyterhub.py for one test run.", "c = get_config()"]
    lines += [f"c.{key} = {value!r}" for key, value in settings.items()]
    # The lessons' folder, the landing page and each learner's server settings: the file a
    # Littlest JupyterHub loads (with CHEMO_SERIES_DIR, set by the fixture, = this checkout).
    lines.append(f"load_subconfig({str(TLJH_SETTINGS)!r})")
    (folder / "jupyterhub_config.py").write_text("\n".join(lines) + "\n")
    return ports


@dataclass
class Hub:
    process: subprocess.Popen
    url: str
    folder: Path
    log_path: Path
    password: str
    service_token: str
    seen: set[int] = field(default_factory=set)

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}", method=method,
            headers={"Authorization": f"token {self.service_token}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body else None

    def processes(self) -> list[int]:
        """The hub's processes now (proxy, learners' servers, kernels); remembered for the end."""
        found = descendants(self.process.pid)
        self.seen.update(found)
        return found

    def kernels(self) -> list[int]:
        return [pid for pid in self.processes() if is_kernel(pid)]

    def learner_processes(self, name: str) -> tuple[int | None, list[int]]:
        """The learner's server process and its kernels."""
        for pid in self.processes():
            line = cmdline(pid)
            if "jupyterhub.singleuser" in line and _environ(pid).get("JUPYTERHUB_USER") == name:
                return pid, [k for k in descendants(pid) if is_kernel(k)]
        return None, []

    def log_tail(self, chars: int = 6000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def _environ(pid: int) -> dict[str, str]:
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return {}
    pairs = (item.decode(errors="replace").partition("=") for item in raw.split(b"\0") if item)
    return {key: value for key, _, value in pairs}


def _wait_until_ready(hub: Hub) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise RuntimeError(f"JupyterHub exited early:\n{hub.log_tail()}")
        try:
            with urllib.request.urlopen(f"{hub.url}/hub/api/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"JupyterHub did not answer in {READY_TIMEOUT_S} s:\n{hub.log_tail()}")


def _stop_hub(hub: Hub) -> list[str]:
    """Stop every learner's server (REST API), then the hub; return processes left behind."""
    hub.processes()
    for user in hub.api("/users"):
        if user.get("servers"):
            hub.api(f"/users/{user['name']}/server", method="DELETE")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(u.get("servers") for u in hub.api("/users")):
        time.sleep(0.5)
    hub.processes()
    terminate(hub.process)
    time.sleep(1)  # the proxy exits a moment after the hub tells it to
    left = [pid for pid in sorted(hub.seen) if Path(f"/proc/{pid}").exists()
            and cmdline(pid)]
    described = [f"{pid}: {cmdline(pid)[:120]}" for pid in left]
    for pid in left:  # never leave a process behind, even when the test fails
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return described


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    proxy = _load_hub_proxy_module().proxy_path()
    if not proxy.exists():
        pytest.fail(f"JupyterHub's proxy is not installed at {proxy}. Install it first (it "
                    "needs the npm registry): python3 deploy/hub_proxy.py")
    folder = tmp_path_factory.mktemp("jupyterhub")
    password, token = secrets.token_urlsafe(12), secrets.token_hex(32)
    ports = write_hub_config(folder, proxy, password, token)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "jupyterhub.log"
    with open(log_path, "w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(folder / "jupyterhub_config.py")],
            cwd=folder, env={**os.environ, "CHEMO_SERIES_DIR": str(ROOT)},
            stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        running = Hub(process, f"http://127.0.0.1:{ports['public']}", folder, log_path,
                      password, token)
        try:
            _wait_until_ready(running)
            yield running
        finally:
            left = _stop_hub(running)
    assert not left, f"processes outlived the hub: {left}"


def _log_in(page, hub: Hub, name: str, password: str) -> None:
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit")


def test_a_wrong_password_is_refused(hub, chromium_browser):
    context = chromium_browser.new_context()
    page = context.new_page()
    try:
        _log_in(page, hub, "mallory", hub.password + "x")
        page.wait_for_load_state()
        assert "/hub/login" in page.url
        assert "Invalid username or password" in page.content()
        assert not any(u["name"] == "mallory" and u.get("servers") for u in hub.api("/users"))
    finally:
        context.close()


def test_each_learner_gets_a_lesson_with_a_working_figure(hub, chromium_browser):
    figures, open_pages = {}, []
    try:
        for name, lesson in LEARNERS.items():
            context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            watch = PageWatch(page)
            open_pages.append((context, watch))

            started = time.monotonic()
            _log_in(page, hub, name, hub.password)
            # The hub starts the learner's server, then sends them to the lesson list.
            page.wait_for_url(f"**/user/{name}{DEFAULT_URL}*", timeout=PAGE_TIMEOUT_MS)
            link = page.locator(f'a[href="/user/{name}/voila/render/{lesson}"]')
            link.wait_for()
            server_s = time.monotonic() - started

            opened = time.monotonic()
            link.click()
            wait_for_voila_page(page)
            panels = assert_panels_render(page, NOTEBOOKS / lesson)
            first_figure_s = time.monotonic() - opened
            assert f"/user/{name}/voila/render/{lesson}" in page.url
            assert not error_outputs(page), f"{name}: {error_outputs(page)}"

            before, after = move_slider_with_keyboard(page, 0, 0)
            assert after["src"] != before["src"], f"{name}: the figure did not follow the slider"
            assert after["alt"], f"{name}: the figure lost its alt text"
            page.screenshot(path=ARTIFACTS / f"jupyterhub-{name}.png")

            server_pid, kernels = hub.learner_processes(name)
            assert server_pid is not None, f"{name}: no server process of theirs found"
            assert len(kernels) == 1, f"{name}: expected one kernel, found {kernels}"
            figures[name] = {
                "lesson": lesson, "panels": len(panels),
                "login_to_lesson_list_s": round(server_s, 1),
                "lesson_to_first_figure_s": round(first_figure_s, 1),
                "server_mb": round(rss_mb(server_pid), 1),
                "kernel_mb": round(sum(rss_mb(k) for k in kernels), 1),
                # Starting the server and showing the lesson list; then the lesson.
                "server_cpu_s": round(cpu_s(server_pid), 1),
                "kernel_cpu_s": round(sum(cpu_s(k) for k in kernels), 1),
            }
        # The same server also offers JupyterLab on the lessons (the other landing page a
        # site can choose): its page is served, and the lessons are in its file browser.
        first_name, first_lesson = next(iter(LEARNERS.items()))
        first_context = open_pages[0][0]
        lab_page = first_context.request.get(
            f"{hub.url}/user/{first_name}/lab/tree/{first_lesson}")
        assert lab_page.ok and re.search(r'"appName":\s*"JupyterLab"', lab_page.text())
        xsrf = next((cookie["value"] for cookie in first_context.cookies()
                     if cookie["name"] == "_xsrf"), "")
        listing = first_context.request.get(f"{hub.url}/user/{first_name}/api/contents/",
                                            headers={"X-XSRFToken": xsrf}).json()
        assert {lesson for lesson in LEARNERS.values()} <= {
            item["name"] for item in listing["content"]}
        # Each learner has their own server; none sees another's.
        assert len({hub.learner_processes(name)[0] for name in LEARNERS}) == len(LEARNERS)
        figures["all_learners_mb"] = round(sum(
            rss_mb(pid) for pid in hub.processes()
            if "jupyterhub.singleuser" in cmdline(pid) or is_kernel(pid)
            or is_warm_parent(pid)), 1)
        figures["load_average"] = os.getloadavg()
        for _context, watch in open_pages:
            # The hub's "starting your server" page follows the start through an event
            # stream, which the browser cuts when the hub sends the learner on: not a fault.
            watch.bad_responses = [bad for bad in watch.bad_responses
                                   if not ("/server/progress" in bad and "ERR_ABORTED" in bad)]
            watch.assert_clean()
    finally:
        for context, watch in open_pages:
            watch.leave()  # as closing the tab does: the page shuts its kernel down
            context.close()
        (ARTIFACTS / "jupyterhub-figures.json").write_text(json.dumps(figures, indent=1))
        print(json.dumps(figures, indent=1))

    deadline = time.monotonic() + 90
    while hub.kernels() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not hub.kernels(), "kernels were left running after every page was left"
