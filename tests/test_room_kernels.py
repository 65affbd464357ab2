"""A closing lesson kernel steps aside for the kernels still in use (room/kernels.py)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets.config import Config, Configurable

from room import kernels
from room.kernels import CLOSING_NICENESS, YieldingKernelManager, step_aside

APP_CONFIG = Path(__file__).resolve().parents[1] / "app" / "voila.py"


def _sleeper() -> subprocess.Popen:
    # A session of its own, as jupyter_client starts a kernel.
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"],
                            start_new_session=True)


def test_step_aside_lowers_the_process_and_its_session():
    process = _sleeper()
    try:
        assert os.getpriority(os.PRIO_PROCESS, process.pid) == 0
        assert step_aside(process.pid) is True
        assert os.getpriority(os.PRIO_PROCESS, process.pid) == CLOSING_NICENESS
        autogroup = Path(f"/proc/{process.pid}/autogroup")
        if autogroup.exists():  # Linux built with autogroup scheduling
            assert autogroup.read_text().split()[-1] == str(CLOSING_NICENESS)
    finally:
        process.kill()
        process.wait()


def test_step_aside_of_a_process_gone_says_so():
    process = _sleeper()
    process.kill()
    process.wait()
    assert step_aside(process.pid) is False


@pytest.mark.parametrize("pid, error, says", [
    (0, ValueError, "pid must be a process id of 1 or more, got 0"),
    (-3, ValueError, "got -3"),
    (True, TypeError, "pid must be an int, got bool"),
    ("123", TypeError, "got str"),
    (12.0, TypeError, "got float"),
])
def test_step_aside_refuses_what_is_not_a_process_id(pid, error, says):
    with pytest.raises(error, match=says):
        step_aside(pid)


def test_a_closing_kernel_steps_aside_and_a_restarting_one_does_not(monkeypatch):
    asked: list[int] = []

    def recording_step_aside(pid: int) -> bool:
        asked.append(pid)
        return step_aside(pid)

    monkeypatch.setattr(kernels, "step_aside", recording_step_aside)

    async def visit() -> tuple[int, int]:
        manager = YieldingKernelManager(kernel_name="python3")
        await manager.start_kernel()
        first = manager.provisioner.pid
        await manager.restart_kernel(now=True)
        second = manager.provisioner.pid
        assert asked == []  # a restarted kernel is still in use
        await manager.shutdown_kernel()
        assert not await manager.is_alive()
        return first, second

    # A thread of its own: an earlier test in the same run may leave an event loop
    # running in this one, and asyncio.run refuses to start beside it.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        first, second = pool.submit(asyncio.run, visit()).result(timeout=120)
    assert first != second
    assert asked == [second]


def test_voila_uses_the_yielding_kernel_manager_from_the_app_config(tmp_path):
    """The setting reaches the kernel manager class Voila builds (a subclass made by its
    factory), so a wrong section name in app/voila.py fails here."""
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    config = Config()
    exec(compile(APP_CONFIG.read_text(), str(APP_CONFIG), "exec"),
         {"get_config": lambda: config, "__file__": str(APP_CONFIG)})

    class VoilaApp(Configurable):  # what the pre-heating manager reads of its parent
        root_dir = str(tmp_path)
        notebook_path = None

    for preheat in (False, True):
        voila_class = voila_kernel_manager_factory(AsyncMappingKernelManager, preheat, 0)
        manager = voila_class(parent=VoilaApp(config=config))
        assert manager.kernel_manager_factory().__class__ is YieldingKernelManager
