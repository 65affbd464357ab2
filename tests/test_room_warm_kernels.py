"""Lesson kernels forked from a warm parent (room/warm_kernels.py)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.manager import KernelManager
from jupyter_client.provisioning import KernelProvisionerFactory
from traitlets.config import Config

from lesson_browser.processes import is_kernel, is_warm_parent, pss_mb, rss_mb, state
from room import warm_kernels
from room.warm_kernels import (
    PRELOADED,
    PROVISIONER_NAME,
    ForkedKernelProcess,
    WarmForkProvisioner,
    WarmParent,
    split_kernel_command,
    warm_parent,
)

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def _in_thread(work: Callable[[], Any]) -> Any:
    # jupyter_client's blocking calls run an event loop; an earlier test in the full run
    # may leave one running in this thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(work).result(timeout=180)


@pytest.fixture
def warm_fork() -> Iterator[None]:
    """Kernels of this test start through the warm-fork provisioner, as in app mode."""
    factory = KernelProvisionerFactory.instance()
    before = factory.default_provisioner_name
    factory.default_provisioner_name = PROVISIONER_NAME
    try:
        yield
    finally:
        factory.default_provisioner_name = before


def _run(client: Any, code: str) -> str:
    """Run ``code`` in the kernel; return what it printed (fails on an error)."""
    printed: list[str] = []

    def keep(message: dict) -> None:
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])

    reply = client.execute_interactive(code, output_hook=keep, timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(printed)


@contextlib.contextmanager
def _kernel(**start: Any) -> Iterator[tuple[KernelManager, Any]]:
    """A started kernel and a client ready to talk to it; shut down at the end."""
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(**start)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        yield manager, client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def _launched_the_usual_way(cmd: list[str], folder: Path) -> bool:
    """Launch ``cmd`` through the provisioner; whether it became our own child process."""
    provisioner = WarmForkProvisioner(kernel_id="k", kernel_spec=None, parent=None)
    provisioner.connection_info = {}
    _in_thread(lambda: asyncio.run(provisioner.launch_kernel(cmd, cwd=str(folder))))
    try:
        return isinstance(provisioner.process, subprocess.Popen)
    finally:
        provisioner.process.kill()
        provisioner.process.wait()


def _gone(pid: int, within_s: float) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        # A kernel reparented after its parent ended is a zombie until reaped.
        if state(pid) == "Z":
            return True
        time.sleep(0.1)
    return False


# -- the kernel command -------------------------------------------------------------------

@pytest.mark.parametrize("cmd, parts", [
    ([PYTHON, "-m", "ipykernel_launcher", "-f", "k.json"],
     ((PYTHON,), "ipykernel_launcher", ["-f", "k.json"])),
    ([PYTHON, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "k.json"],
     ((PYTHON, "-Xfrozen_modules=off"), "ipykernel_launcher", ["-f", "k.json"])),
])
def test_an_ipykernel_command_is_split_into_interpreter_module_and_arguments(cmd, parts):
    assert split_kernel_command(cmd) == parts


@pytest.mark.parametrize("cmd", [
    [PYTHON, "-m", "other_kernel", "-f", "k.json"],   # another module: not preloaded
    [PYTHON, "kernel.py", "-m", "ipykernel_launcher"],  # a script comes first
    [PYTHON, "-c", "pass", "-m", "ipykernel_launcher"],
    ["-m", "ipykernel_launcher"],                      # no interpreter
    [PYTHON, "-m"],
    ["/usr/bin/R", "--slave", "-e", "IRkernel::main()"],
])
def test_any_other_command_starts_the_usual_way(cmd):
    assert split_kernel_command(cmd) is None


# -- a kernel started through the provisioner ---------------------------------------------

def test_a_forked_kernel_is_a_fresh_kernel_where_and_as_the_server_asked(warm_fork, tmp_path):
    def visit() -> tuple[dict, int, int]:
        with _kernel(cwd=str(tmp_path), env={**os.environ, "CHEMO_PROBE": "42"}) as (
                manager, client):
            names = f"PRELOADED = {list(PRELOADED)!r}\n"
            seen = json.loads(_run(client, names + textwrap.dedent("""
                import json, os, subprocess, sys
                print(json.dumps({
                    "preloaded": [name in sys.modules for name in PRELOADED],
                    "helpers": "helpers" in sys.modules,
                    "comm_targets": sorted(get_ipython().kernel.comm_manager.targets),
                    "pid": os.getpid(), "ppid": os.getppid(), "sid": os.getsid(0),
                    "cwd": os.getcwd(), "probe": os.environ.get("CHEMO_PROBE"),
                    "parent_env": os.environ.get("JPY_PARENT_PID"),
                    "backend": os.environ.get("MPLBACKEND"),
                    "child": subprocess.run([sys.executable, "-c", "raise SystemExit(7)"]
                                            ).returncode,
                }))
            """)))
            return seen, manager.provisioner.pid, warm_parent((PYTHON,)).process.pid

    seen, pid, parent_pid = _in_thread(visit)
    assert seen["preloaded"] == [True] * len(PRELOADED)   # the imports were done ahead
    assert seen["helpers"] is False                        # the series' own code was not
    # What a page asks for the widgets through (registered by ipywidgets in a kernel).
    assert {"jupyter.widget", "jupyter.widget.control"} <= set(seen["comm_targets"])
    assert seen["pid"] == pid != os.getpid()
    assert seen["ppid"] == parent_pid                      # forked by the warm parent
    assert seen["sid"] == pid                              # in a session of its own
    assert seen["parent_env"] == str(parent_pid)
    assert Path(seen["cwd"]) == tmp_path
    assert seen["probe"] == "42"
    assert seen["backend"] == warm_kernels.INLINE_BACKEND
    assert seen["child"] == 7  # the kernel waits for processes of its own, and reads their end


# What a lesson's code can see of its kernel; the same whichever way the kernel started.
KERNEL_PROFILE = r"""
import faulthandler, gc, json, os, signal, sys, warnings
import matplotlib
ip = get_ipython()
print(json.dumps({
    "environment": sorted(os.environ),
    "path": sys.path,
    "backend": matplotlib.get_backend(),
    "signals": {s.name: str(signal.getsignal(s)) for s in (
        signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE, signal.SIGHUP)},
    "warning_filters": len(warnings.filters),
    "formats": sorted(k for k, f in ip.display_formatter.formatters.items() if f.enabled),
    "names": sorted(k for k in ip.user_ns if not k.startswith("_")),
    "main": sys.modules["__main__"].__name__,
    "gc": gc.get_threshold(),
    "streams": [type(sys.stdout).__name__, type(sys.stderr).__name__, str(sys.stdin)],
    "faulthandler": faulthandler.is_enabled(),
    "recursion": sys.getrecursionlimit(),
    "flags": str(sys.flags),
}))
"""


def test_a_forked_kernel_looks_to_a_lesson_like_one_started_the_usual_way(tmp_path):
    def profile(provisioner: str) -> dict:
        factory = KernelProvisionerFactory.instance()
        before = factory.default_provisioner_name
        factory.default_provisioner_name = provisioner
        try:
            with _kernel(cwd=str(tmp_path)) as (_manager, client):
                return json.loads(_run(client, KERNEL_PROFILE))
        finally:
            factory.default_provisioner_name = before

    usual = _in_thread(lambda: profile("local-provisioner"))
    forked = _in_thread(lambda: profile(PROVISIONER_NAME))
    assert {key: value for key, value in forked.items() if value != usual[key]} == {}


def test_forked_kernels_do_not_share_their_random_numbers(warm_fork):
    def draws() -> str:
        with _kernel() as (_manager, client):
            return _run(client, "import random, numpy\n"
                                "print(random.random(), numpy.random.random())")

    first, second = _in_thread(draws), _in_thread(draws)
    python_first, numpy_first = first.split()
    python_second, numpy_second = second.split()
    assert python_first != python_second
    assert numpy_first != numpy_second


def test_a_forked_kernel_can_be_interrupted_restarted_and_shut_down(warm_fork):
    def visit() -> tuple[str, int, int, bool, int | None]:
        manager = KernelManager(kernel_name="python3")
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            first = manager.provisioner.pid
            message_id = client.execute("import time; time.sleep(60)")
            time.sleep(1.0)
            manager.interrupt_kernel()
            reply = client.get_shell_msg(timeout=30)
            assert reply["parent_header"]["msg_id"] == message_id
            error = reply["content"].get("ename", "")
            manager.restart_kernel(now=True)
            client.wait_for_ready(timeout=60)
            second = manager.provisioner.pid
            assert _run(client, "print(6 * 7)") == "42\n"
        finally:
            client.stop_channels()
            manager.shutdown_kernel()
        return error, first, second, manager.is_alive(), manager.provisioner
    error, first, second, alive, provisioner = _in_thread(visit)
    assert error == "KeyboardInterrupt"
    assert second != first and _gone(first, 10)
    assert alive is False and _gone(second, 10)
    assert provisioner.has_process is False  # waited for, and let go


def test_a_kernel_of_another_form_starts_the_usual_way(tmp_path):
    assert _launched_the_usual_way([PYTHON, "-c", "import time; time.sleep(30)"], tmp_path)


def test_a_kernel_of_another_python_starts_the_usual_way(tmp_path):
    other = tmp_path / "python"  # another environment's Python (here: a link to this one)
    other.symlink_to(PYTHON)
    assert _launched_the_usual_way([str(other), "-m", "ipykernel_launcher", "--version"],
                                   tmp_path)
    # The same command with this Python is forked, not launched: the test can tell.
    assert not _launched_the_usual_way([PYTHON, "-m", "ipykernel_launcher", "--version"],
                                       tmp_path)


def test_a_warm_parent_that_failed_to_start_is_not_tried_again(monkeypatch):
    tries: list[tuple[str, ...]] = []

    class Failing:
        def __init__(self, interpreter: tuple[str, ...]) -> None:
            tries.append(interpreter)
            raise RuntimeError("the warm parent did not start")

    monkeypatch.setattr(warm_kernels, "WarmParent", Failing)
    monkeypatch.setattr(warm_kernels, "_parents", {})
    monkeypatch.setattr(warm_kernels, "_failed", set())
    for _ in range(3):
        with pytest.raises(RuntimeError):
            warm_parent(("/some/python",))
    assert tries == [("/some/python",)]


def test_when_the_warm_parent_cannot_start_the_kernel_starts_the_usual_way(
        warm_fork, monkeypatch):
    def broken(interpreter: tuple[str, ...]) -> WarmParent:
        raise RuntimeError("the warm parent did not start")

    monkeypatch.setattr(warm_kernels, "warm_parent", broken)

    def visit() -> tuple[Any, str]:
        with _kernel() as (manager, client):
            return manager.provisioner.process, _run(client, "print(6 * 7)")

    process, printed = _in_thread(visit)
    assert isinstance(process, subprocess.Popen)  # our own child: started the usual way
    assert printed == "42\n"


# -- lifetimes --------------------------------------------------------------------------------

def _forked_kernel(parent: WarmParent, folder: Path) -> int:
    from jupyter_client.connect import write_connection_file
    connection_file, _ = write_connection_file(str(folder / "kernel.json"))
    return parent.fork("ipykernel_launcher", ["-f", connection_file], dict(os.environ),
                       str(folder))


def test_kernels_end_with_their_warm_parent(tmp_path):
    parent = WarmParent((PYTHON,))
    pid = 0
    try:
        pid = _forked_kernel(parent, tmp_path)
        kernel = ForkedKernelProcess(pid)
        assert kernel.poll() is None
        # Told apart as the browser tests and benchmarks count kernels.
        assert is_kernel(pid) and is_warm_parent(parent.process.pid)
        assert not is_kernel(parent.process.pid) and not is_warm_parent(pid)
        # The kernel shares the parent's imported libraries: its share is less than all
        # it holds.
        assert 0 < pss_mb(pid) < rss_mb(pid)
        parent.process.send_signal(signal.SIGKILL)
        assert _gone(pid, 15)
        assert kernel.wait(timeout=5) == 0  # an exit code the server cannot read
    finally:
        parent.close()
        if pid and not _gone(pid, 0):  # never leave a kernel behind, even on failure
            os.kill(pid, signal.SIGKILL)
    assert not parent.folder.exists()


def test_a_warm_parent_ends_with_its_server(tmp_path):
    # A stand-in server: starts a warm parent, says its process id, then waits.
    server = subprocess.Popen([PYTHON, "-c", textwrap.dedent("""
        import sys, time
        from room.warm_kernels import warm_parent
        print(warm_parent((sys.executable,)).process.pid, flush=True)
        time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        parent_pid = int(server.stdout.readline())
        assert not _gone(parent_pid, 0.5)
        server.send_signal(signal.SIGKILL)  # no chance to close anything
        server.wait()
        assert _gone(parent_pid, 10)
    finally:
        server.kill()
        server.wait()


def test_a_forked_process_is_watched_though_it_is_not_our_child():
    # Started in a session of its own by a shell that exits at once: not our child.
    shell = subprocess.run(["sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!"],
                           capture_output=True, text=True, check=True)
    process = ForkedKernelProcess(int(shell.stdout))
    assert process.poll() is None
    with pytest.raises(subprocess.TimeoutExpired):
        process.wait(timeout=0.2)
    process.terminate()
    assert process.wait(timeout=10) == 0
    process.kill()  # a process already gone: nothing to do, no error


# -- where it is used -------------------------------------------------------------------------

def test_the_provisioner_name_is_registered_for_jupyter_client():
    entry = KernelProvisionerFactory.instance().provisioners[PROVISIONER_NAME]
    assert entry.load() is WarmForkProvisioner


@pytest.mark.parametrize("config_file", ["voila.py", "lab_config.py"])
def test_app_mode_and_jupyterlab_start_lesson_kernels_warm(config_file):
    path = ROOT / "app" / config_file
    config = Config()
    exec(compile(path.read_text(), str(path), "exec"),  # as traitlets loads it
         {"get_config": lambda: config, "__file__": str(path)})
    assert config.KernelProvisionerFactory.default_provisioner_name == PROVISIONER_NAME
