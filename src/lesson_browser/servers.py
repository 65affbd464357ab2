"""Voila and JupyterLab for the browser tests, and the kernels they run (standard library only).

Voila starts with exactly the flags ``python3 run.py app`` uses, JupyterLab with those of
``python3 run.py lab``, each on a free loopback port. Kernels are counted by looking at the
server's descendant processes in /proc.
"""

from __future__ import annotations

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

from room import stop_process

from .paths import ARTIFACTS, NOTEBOOKS, ROOT, load_run_module
from .processes import descendants, is_kernel

__all__ = [
    "READY_TIMEOUT_S",
    "Server",
    "free_port",
    "start_lab",
    "start_voila",
    "write_lab_settings",
]

# Generous: a shared two-core machine can be slow, and a lesson starts a kernel.
READY_TIMEOUT_S = 240


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
            pid for pid in descendants(self.process.pid) if is_kernel(pid)
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
        terminate(self.process)
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


def terminate(process: subprocess.Popen) -> None:
    """Ask ``process`` to stop (SIGTERM, so it can shut its kernels down), wait up to a
    minute, then kill it."""
    stop_process(process, grace_s=60)


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
