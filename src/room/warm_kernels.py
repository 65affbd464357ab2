"""Lesson kernels forked from a warm parent: a lesson starts without waiting for imports.

Why: on a 2-core machine, a fresh Python kernel spends about 0.8 s starting up and
another 0.8 s importing numpy, matplotlib and ipywidgets before a lesson's first line
runs. That is most of the wait for a lesson's first picture, and most of the time
``benchmarks/series_run.py`` measures. The imports are the same for every lesson.

So, per server, one "warm parent" process imports them once and then waits. For each
kernel the server asks for, the parent forks: the child is a new process with memory of
its own, which starts the kernel exactly as ``python -m ipykernel_launcher -f <file>``
would, in the folder and environment the server chose; only the imports are done
already. Memory the child never writes stays shared with the parent, so a room of
kernels also takes less memory.

What it leaves out, on purpose:

- Only libraries are imported in advance, never the series' own ``helpers``: a kernel
  restarted after an edit to ``helpers`` must see the edit. The parent only writes the
  bytecode of ``helpers`` (``room.bytecode``), so that kernels need not compile it.
- Settings the preloaded libraries read when they are imported come from the server's
  environment as it was when the parent started, not from the kernel's (matplotlib's
  ``MPLBACKEND`` is set to the inline backend first, as ipykernel does).
- The exit code of a forked kernel is not known to the server (the kernel is the warm
  parent's child, not the server's); it is reported as 0.
- Unix only (``os.fork``). Elsewhere, when the kernel command is not
  ``python [options] -m ipykernel_launcher ...`` run by the server's own Python, or when
  the warm parent cannot start, a kernel starts the usual way (``LocalProvisioner``).

The server side is ``WarmForkProvisioner``, registered as jupyter_client's kernel
provisioner ``warm-fork`` (pyproject.toml) and made the default in app/voila.py and
app/lab_config.py. The parent side runs as ``python -m room.warm_kernels <socket>``.
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import importlib
import json
import logging
import os
import runpy
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from room import stop_process
from room.bytecode import compile_series_code

#: The provisioner's name (its entry point in pyproject.toml).
PROVISIONER_NAME = "warm-fork"

#: The warm parent runs as ``python -m PARENT_MODULE <socket>``. A forked kernel keeps
#: its parent's command line (what ``ps`` shows), so a kernel is told by having this
#: parent (``lesson_browser.processes.is_kernel``).
PARENT_MODULE = "room.warm_kernels"

#: Imported once by the warm parent. Libraries only (see the module docstring).
PRELOADED = (
    "numpy",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
    "ipywidgets",
    "anywidget",
    "isal.isal_zlib",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",
)

#: Loaded as IPython extensions in each forked kernel. ipywidgets registers its comm
#: targets (the page's way to ask for the widgets) when it is imported inside a running
#: kernel; the warm parent imports it before there is one, so each kernel loads it as an
#: extension, which registers them.
KERNEL_EXTENSIONS = ("ipywidgets",)

#: The one kernel module started this way: the one ``PRELOADED`` prepares.
KERNEL_MODULE = "ipykernel_launcher"

#: What ipykernel sets ``MPLBACKEND`` to when it is unset (``IPKernelApp.init_gui_pylab``).
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"

#: Seconds to wait for a warm parent's imports; a slow shared machine needs a few.
PARENT_START_TIMEOUT_S = 60.0

#: Seconds between the warm parent's checks that its server is still there.
SERVER_CHECK_S = 1.0

_log = logging.getLogger(__name__)


# -- the warm parent (runs in its own process) --------------------------------------------

def serve(socket_path: str) -> None:
    """Import ``PRELOADED``, then fork a kernel for each request on ``socket_path``.

    A request is one line of JSON: ``{"module": ..., "args": [...], "env": {...},
    "cwd": ...}``; the reply is one line, ``{"pid": <the kernel's process id>}``. Returns
    when the process that started the parent is gone.
    """
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    # pydevd (ipykernel's debugger) warns once at import that frozen modules may hide
    # breakpoints; a kernel started the usual way imports it after its output is
    # redirected, so the warning is not seen there either.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    before = dict(os.environ)
    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except ImportError:  # not installed: a kernel that needs it fails the usual way
            pass
    # What the imports put in the environment (pydevd sets PYDEVD_USE_FRAME_EVAL): a
    # kernel that imported them itself would have it too.
    set_by_imports = {key: value for key, value in os.environ.items()
                      if before.get(key) != value}
    compile_series_code()  # (False: a module its kernels compile, as without it)
    # fork() copies only the calling thread: a thread started by an import would be
    # missing in every kernel, holding whatever lock it held. Refuse rather than risk it.
    if threading.active_count() != 1:
        raise SystemExit(f"room.warm_kernels: imports started {threading.active_count() - 1}"
                         " thread(s); kernels will start the usual way")
    # Keep the collector off the imported objects, so that collections in the kernels
    # do not write to (and so copy) the pages they share with this parent.
    gc.freeze()
    # Kernels that end are reaped by the system: no zombies wait for this parent.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    server_pid = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    # Bound and listening under a temporary name, then renamed: the socket's path
    # appears only once requests can be taken.
    staging = f"{socket_path}.starting"
    listener.bind(staging)
    listener.listen(64)
    os.replace(staging, socket_path)
    listener.settimeout(SERVER_CHECK_S)
    while os.getppid() == server_pid:
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            continue
        connection.settimeout(10.0)
        try:
            with connection.makefile("rb") as stream:
                request = json.loads(stream.readline())
        except (OSError, ValueError):
            connection.close()
            continue
        pid = os.fork()
        if pid == 0:
            listener.close()
            connection.close()
            _become_kernel(request, set_by_imports)  # never returns
        try:
            connection.sendall(json.dumps({"pid": pid}).encode() + b"\n")
        except OSError:
            pass
        connection.close()


def _become_kernel(request: dict[str, Any], set_by_imports: dict[str, str]) -> None:
    """In the forked child: run the kernel module as ``python -m`` would, then exit."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel waits for its own children
    os.setsid()  # a session of its own, as jupyter_client starts a kernel
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for key, value in set_by_imports.items():
        os.environ.setdefault(key, value)
    # ipykernel's parent poller: the kernel ends when this parent is gone. ipykernel
    # reads JPY_PARENT_PID when it is imported (here, long ago), so it is passed
    # as an option too.
    parent = str(os.getppid())
    os.environ["JPY_PARENT_PID"] = parent
    sys.path[0] = os.getcwd()  # as ``python -m`` puts the current folder first
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None:
        numpy_random.seed()  # the global generator was seeded once, in the parent
    sys.argv = [request["module"], *request["args"], f"--IPKernelApp.parent_handle={parent}",
                *(f"--ext={name}" for name in KERNEL_EXTENSIONS)]
    runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    raise SystemExit(0)


# -- the server side ------------------------------------------------------------------------

def split_kernel_command(cmd: list[str]) -> tuple[tuple[str, ...], str, list[str]] | None:
    """Split ``[python, *options, "-m", "ipykernel_launcher", *args]`` into its three parts.

    Returns None for any other form (a script path, ``-c``, another module or program):
    such a kernel starts the usual way.
    """
    if "-m" not in cmd:
        return None
    at = cmd.index("-m")
    if at == 0 or at + 1 >= len(cmd):
        return None
    options = cmd[1:at]
    if cmd[at + 1] != KERNEL_MODULE:
        return None
    # (No "-m" among them: ``at`` is the first.)
    if any(not option.startswith("-") or option == "-c" for option in options):
        return None
    return tuple(cmd[:at]), cmd[at + 1], list(cmd[at + 2:])


class WarmParent:
    """A warm parent process, from the server's side: start it, ask it for kernels."""

    def __init__(self, interpreter: tuple[str, ...]) -> None:
        # mkdtemp's folder is this user's alone (mode 700): no one else on a shared
        # machine can reach the socket and ask for a kernel.
        self.folder = Path(tempfile.mkdtemp(prefix="chemo-warm-"))
        self.socket_path = self.folder / "parent.sock"
        self.process = subprocess.Popen(
            [*interpreter, "-m", PARENT_MODULE, str(self.socket_path)],
            stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + PARENT_START_TIMEOUT_S
        while not self.socket_path.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError("the warm parent did not start")
            time.sleep(0.02)

    def alive(self) -> bool:
        return self.process.poll() is None

    def fork(self, module: str, args: list[str], env: dict[str, str], cwd: str) -> int:
        """A new kernel process running ``module`` with ``args``; returns its process id."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(30.0)
            connection.connect(str(self.socket_path))
            request = {"module": module, "args": args, "env": env, "cwd": cwd}
            connection.sendall(json.dumps(request).encode() + b"\n")
            with connection.makefile("rb") as stream:
                reply = json.loads(stream.readline())
        return int(reply["pid"])

    def close(self) -> None:
        stop_process(self.process, grace_s=5)
        shutil.rmtree(self.folder, ignore_errors=True)


_parents: dict[tuple[str, ...], WarmParent] = {}
_failed: set[tuple[str, ...]] = set()
_parents_lock = threading.Lock()


def warm_parent(interpreter: tuple[str, ...]) -> WarmParent:
    """This server's warm parent for ``interpreter``, started on first use, and again
    if it has ended. Raises RuntimeError when it cannot start; after that, at once
    (each kernel then starts the usual way, without a slow failed start each time)."""
    with _parents_lock:
        if interpreter in _failed:
            raise RuntimeError("the warm parent could not start earlier")
        parent = _parents.get(interpreter)
        if parent is None or not parent.alive():
            try:
                parent = _parents[interpreter] = WarmParent(interpreter)
            except RuntimeError:
                _failed.add(interpreter)
                raise
        return parent


@atexit.register
def close_warm_parents() -> None:
    """Stop every warm parent of this server (their kernels end with them)."""
    with _parents_lock:
        for parent in _parents.values():
            parent.close()
        _parents.clear()


class ForkedKernelProcess:
    """The parts of ``subprocess.Popen`` jupyter_client uses, for a process not our child.

    Whether it still runs is read from a pidfd where Linux has one (immune to the
    process id being reused), else by signal 0.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        pidfd_open = getattr(os, "pidfd_open", None)
        try:
            self._pidfd: int | None = pidfd_open(pid) if pidfd_open else None
        except OSError:
            self._pidfd = None

    def poll(self) -> int | None:
        if self.returncode is None and not self._running():
            self.returncode = 0  # not ours to read (see the module docstring)
            if self._pidfd is not None:
                os.close(self._pidfd)
                self._pidfd = None
        return self.returncode

    def _running(self) -> bool:
        if self._pidfd is not None:
            ended, _, _ = select.select([self._pidfd], [], [], 0)
            return not ended
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0.0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class WarmForkProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, with kernels forked from a warm parent."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        parts = split_kernel_command(cmd)
        if parts is None or not hasattr(os, "fork"):
            return await super().launch_kernel(cmd, **kwargs)
        interpreter, module, args = parts
        if interpreter[0] != sys.executable:
            # Another Python (another environment): its libraries are not these.
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            # Starting a parent takes its imports' time: off the server's event loop.
            parent = await asyncio.to_thread(warm_parent, interpreter)
            pid = await asyncio.to_thread(parent.fork, module, args, env, cwd)
        except (OSError, RuntimeError, ValueError, KeyError) as error:
            _log.warning("Warm parent unavailable (%s); starting the kernel the usual way",
                         error)
            return await super().launch_kernel(cmd, **kwargs)
        # Duck-typed: LocalProvisioner uses only the Popen parts ForkedKernelProcess has.
        self.process = ForkedKernelProcess(pid)  # type: ignore[assignment]
        self.pid = pid
        self.pgid = pid  # the kernel's own session, so its own process group
        self.cwd = cwd
        return self.connection_info


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m room.warm_kernels <socket path>")
    serve(sys.argv[1])
