"""What a server this process started is running, read from Linux's /proc.

Shared by the browser tests (leftover kernels and servers) and the benchmarks (kernels
and memory at the peak). Each function answers for a process that is gone as if it
held nothing, since processes come and go while they are read.
"""

from __future__ import annotations

import os
from pathlib import Path

from room.warm_kernels import PARENT_MODULE


def children(pid: int) -> list[int]:
    """The processes ``pid`` started directly (over all its threads)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``, depth first."""
    out, todo = [], [pid]
    while todo:
        for child in children(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def cmdline(pid: int) -> str:
    """The command line of ``pid``, arguments joined by spaces; "" when it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name (the state first); [] when
    the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def state(pid: int) -> str:
    """The process's state letter ("R", "S", "Z" for a zombie, ...); "" when it is gone."""
    fields = _stat(pid)
    return fields[0] if fields else ""


def parent(pid: int) -> int:
    """The process id of ``pid``'s parent; 0 when it is gone."""
    fields = _stat(pid)
    return int(fields[1]) if fields else 0


def _runs_warm_parent_code(pid: int) -> bool:
    return f"-m {PARENT_MODULE} " in cmdline(pid)


def is_warm_parent(pid: int) -> bool:
    """Whether ``pid`` is a server's warm parent, which forks its kernels
    (room/warm_kernels.py)."""
    return _runs_warm_parent_code(pid) and not _runs_warm_parent_code(parent(pid))


def is_kernel(pid: int) -> bool:
    """Whether ``pid`` is a lesson kernel: started as ipykernel, or forked by a warm
    parent (a forked kernel keeps its parent's command line)."""
    return "ipykernel" in cmdline(pid) or (
        _runs_warm_parent_code(pid) and _runs_warm_parent_code(parent(pid)))


def memory_mb(pid: int, field: str, table: str = "status") -> float | None:
    """The ``field`` line ("VmRSS", "VmHWM", "Pss", ...) of /proc/<pid>/<table>, a size in
    kB, as MB (10^6 bytes); None when the process is gone or the table has no such line."""
    try:
        lines = Path(f"/proc/{pid}/{table}").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024 / 1e6
    return None


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (10^6 bytes); 0 when it is gone."""
    return memory_mb(pid, "VmRSS") or 0.0


def cpu_s(pid: int) -> float:
    """CPU time (user + system) a process has used so far, in seconds; 0 when it is gone."""
    fields = _stat(pid)
    if not fields:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pss_mb(pid: int) -> float:
    """Proportional memory of one process in MB (10^6 bytes): each page it shares with
    others (a forked kernel with its warm parent) counted as its share only. 0 when it
    is gone; its resident memory where Linux gives no rollup."""
    proportional = memory_mb(pid, "Pss", "smaps_rollup")
    return rss_mb(pid) if proportional is None else proportional
