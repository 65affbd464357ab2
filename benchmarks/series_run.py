"""How long the whole series takes to run headless, and the most memory a lesson's kernel uses.

Run:  .venv/bin/python benchmarks/series_run.py
      .venv/bin/python benchmarks/series_run.py --only 08 --repeats 3 --cells

Each lesson (``notebooks/NN_*.ipynb``) is executed top to bottom in a fresh kernel with
nbclient, from the notebooks folder as Jupyter runs it, and nothing is written back.
Kernels start as JupyterLab and app mode start them (app/lab_config.py, app/voila.py):
forked from a warm parent that has imported the libraries once (src/room/warm_kernels.py).
The parent's start is timed on a line of its own and counted in the total. With --usual,
each kernel starts from nothing instead (jupyter_client's own way), for comparison.
Printed per lesson: seconds to start the kernel, seconds to run its cells, the CPU
seconds the kernel process used (start-up included; steadier than wall time when others
share the machine), and the kernel's peak resident memory (the high-water mark ``VmHWM``
the Linux kernel keeps for the process, read just before it is shut down, so no peak is
missed between samples). At the end: the total seconds (kernel starts included), the
total kernel CPU seconds and the highest peak.
With --repeats, each lesson is run that many times and its fastest run is kept (and its
smallest CPU figure).
With --cells, each code cell's seconds (of that fastest run) are printed under its lesson.

Goal (issue 15): all nine lessons in 15 s or less, and 150 MB or less for every kernel.
Printed, never asserted: the machine may be shared and noisy. Bounded: each cell may
take at most --timeout seconds. Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from jupyter_client.provisioning import KernelProvisionerFactory
from nbclient import NotebookClient

from lesson_browser.paths import add_lesson_options, chosen_lessons
from lesson_browser.processes import cpu_s, memory_mb
from room.warm_kernels import PROVISIONER_NAME, warm_parent


@dataclass
class LessonRun:
    """One lesson executed in a fresh kernel.

    Attributes:
        start_s: wall seconds from asking for a kernel to the kernel being ready.
        cells_s: wall seconds to run every cell.
        peak_mb: the kernel's peak resident memory (MB, 10^6 bytes).
        cpu_s: CPU seconds (user + system) the kernel process used, start-up included.
            Less sensitive than wall time to other work on a shared machine.
        cells: each code cell's (wall seconds, first line).
    """

    start_s: float
    cells_s: float
    peak_mb: float
    cpu_s: float
    cells: list[tuple[float, str]] = field(default_factory=list)

    @property
    def total_s(self) -> float:
        return self.start_s + self.cells_s


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (MB, 10^6 bytes), from /proc."""
    peak = memory_mb(pid, "VmHWM")
    if peak is None:
        raise RuntimeError(f"no VmHWM for process {pid}")
    return peak


def run_lesson(path: Path, timeout_s: float) -> LessonRun:
    """Execute one lesson in a fresh kernel and time it."""
    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="python3")
    client = NotebookClient(notebook, km=manager, timeout=timeout_s,
                            resources={"metadata": {"path": str(path.parent)}})
    cells: list[tuple[float, str]] = []
    started = time.perf_counter()
    with client.setup_kernel():
        ready = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            cell_started = time.perf_counter()
            client.execute_cell(cell, index)
            if cell.cell_type == "code":
                first_line = next(iter(cell.source.splitlines()), "")
                cells.append((time.perf_counter() - cell_started, first_line))
        finished = time.perf_counter()
        pid = manager.provisioner.pid  # type: ignore[union-attr]
        peak = peak_rss_mb(pid)
        cpu = cpu_s(pid)
    return LessonRun(ready - started, finished - ready, peak, cpu, cells)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs per lesson; the fastest is kept (1)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds a cell may take (300)")
    parser.add_argument("--cells", action="store_true",
                        help="also print each code cell's seconds (of the fastest run)")
    parser.add_argument("--usual", action="store_true",
                        help="start each kernel from nothing, not forked from a warm parent")
    add_lesson_options(parser)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be 1 or more")
    lessons = chosen_lessons(args)

    print(f"{'lesson':<42}{'start s':>9}{'cells s':>9}{'total s':>9}{'CPU s':>8}{'peak MB':>9}",
          flush=True)
    total_s, total_cpu_s, highest_mb = 0.0, 0.0, 0.0
    parent_pid = None
    if not args.usual:
        KernelProvisionerFactory.instance(default_provisioner_name=PROVISIONER_NAME)
        started = time.perf_counter()
        # The command jupyter_client runs for this kernel, up to "-m".
        parent_pid = warm_parent((sys.executable,)).process.pid
        total_s += time.perf_counter() - started
        print(f"{'warm parent (imports, once)':<42}{total_s:>9.2f}{'':>9}{total_s:>9.2f}",
              flush=True)
    for lesson in lessons:
        runs = [run_lesson(lesson, args.timeout) for _ in range(args.repeats)]
        fastest = min(runs, key=lambda run: run.total_s)
        total_s += fastest.total_s
        total_cpu_s += min(run.cpu_s for run in runs)
        highest_mb = max(highest_mb, *(run.peak_mb for run in runs))
        print(f"{lesson.name[:41]:<42}{fastest.start_s:>9.2f}{fastest.cells_s:>9.2f}"
              f"{fastest.total_s:>9.2f}{fastest.cpu_s:>8.2f}{fastest.peak_mb:>9.1f}", flush=True)
        if args.cells:
            for seconds, first_line in fastest.cells:
                print(f"    {seconds:6.2f}  {first_line[:60]}", flush=True)
    if parent_pid is not None:
        total_cpu_s += cpu_s(parent_pid)
    print(f"All {len(lessons)} lessons: {total_s:.1f} s, kernels' CPU {total_cpu_s:.1f} s, "
          f"highest kernel peak {highest_mb:.0f} MB (goal: 15 s or less, 150 MB or less)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
