"""A lesson kernel that steps aside while it closes, so the kernels still in use stay quick.

When a room finishes a lesson together, up to 30 pages close within seconds, and each
closing page asks Voila to shut its kernel down. Each kernel then tears down its Python
process (about 100 MB of objects to free). Measured with ``benchmarks/room_load.py
--by-move -- --warm 30`` on a 2-core machine: the slowest moves of a visit (over a
second from control to figure) came as the first learners left, while the others were
still moving their sliders.

So, before a kernel is shut down for good, its process, and on Linux its scheduling
session too, get the lowest processor priority (nice 19). It still closes, but the
operating system runs it mostly when the kernels in use have nothing to do. A restart
keeps its priority as it was: a restarted kernel is still in use. With this, the same
benchmark's 95th percentile was 129 to 242 ms in eight runs of nine (688 ms in the
other, slowed as pages opened), against 753 ms the same day without it.

Used by app/voila.py for app and room mode. Linux and macOS only (``os.setpriority``);
elsewhere, and for a process already gone, the kernel simply closes as before.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

#: The lowest priority a process can have on Linux and macOS.
CLOSING_NICENESS = 19


def step_aside(pid: int) -> bool:
    """Give process ``pid`` the lowest processor priority (nice 19).

    Returns True when the priority was set; False when the process is gone, not ours,
    or the system has no ``os.setpriority``. Never raises for those: a kernel must be
    able to close whatever happens here.
    """
    if isinstance(pid, bool) or not isinstance(pid, int):
        raise TypeError(f"pid must be an int, got {type(pid).__name__} {pid!r}")
    if pid <= 0:
        raise ValueError(f"pid must be a process id of 1 or more, got {pid}")
    setpriority = getattr(os, "setpriority", None)
    if setpriority is None:
        return False
    try:
        setpriority(os.PRIO_PROCESS, pid, CLOSING_NICENESS)
    except (ProcessLookupError, PermissionError):
        return False
    # Linux with autogroup scheduling (the default on desktops and many servers) shares
    # the processor between sessions first, and a kernel runs in a session of its own:
    # there, the process's own priority counts only inside its session. The session's
    # priority is set here, where the system has it.
    try:
        Path(f"/proc/{pid}/autogroup").write_text(f"{CLOSING_NICENESS}\n")
    except OSError:
        pass
    return True


class YieldingKernelManager(ServerKernelManager):
    """Voila's kernel manager, with the kernel stepping aside before it closes."""

    async def shutdown_kernel(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        # jupyter_client's signature: shutdown_kernel(now=False, restart=False).
        restart = kwargs.get("restart", args[1] if len(args) > 1 else False)
        if not restart:
            pid = getattr(self.provisioner, "pid", None)
            if isinstance(pid, int) and pid > 0:
                step_aside(pid)
        await super().shutdown_kernel(*args, **kwargs)
