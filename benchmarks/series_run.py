"""How long the whole series takes to run headless, and the most memory a lesson's kernel uses.

Run:  .venv/bin/python benchmarks/series_run.py
      .venv/bin/python benchmarks/series_run.py --only 08 --repeats 3

Each lesson (``notebooks/NN_*.ipynb``) is executed top to bottom in a fresh kernel with
nbclient, from the notebooks folder as Jupyter runs it, and nothing is written back.
Printed per lesson: seconds to start the kernel, seconds to run its cells, and the
kernel's peak resident memory (the high-water mark ``VmHWM`` the Linux kernel keeps for
the process, read just before it is shut down, so no peak is missed between samples).
At the end: the total seconds (kernel starts included) and the highest peak.
With --repeats, each lesson is run that many times and its fastest run is kept.

Goal (issue 15): all nine lessons in 15 s or less, and 150 MB or less for every kernel.
Printed, never asserted: the machine may be shared and noisy. Bounded: each cell may
take at most --timeout seconds. Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from lesson_browser.paths import add_lesson_options, chosen_lessons


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (MB, 10^6 bytes), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no VmHWM for process {pid}")


def run_lesson(path: Path, timeout_s: float) -> tuple[float, float, float]:
    """Execute one lesson in a fresh kernel: (start s, cells s, peak MB)."""
    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="python3")
    client = NotebookClient(notebook, km=manager, timeout=timeout_s,
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    with client.setup_kernel():
        ready = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        finished = time.perf_counter()
        pid = manager.provisioner.pid  # type: ignore[union-attr]
        peak = peak_rss_mb(pid)
    return ready - started, finished - ready, peak


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs per lesson; the fastest is kept (1)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds a cell may take (300)")
    add_lesson_options(parser)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be 1 or more")
    lessons = chosen_lessons(args)

    print(f"{'lesson':<46}{'start s':>9}{'cells s':>9}{'total s':>9}{'peak MB':>9}",
          flush=True)
    total_s, highest_mb = 0.0, 0.0
    for lesson in lessons:
        runs = [run_lesson(lesson, args.timeout) for _ in range(args.repeats)]
        start_s, cells_s, peak_mb = min(runs, key=lambda run: run[0] + run[1])
        total_s += start_s + cells_s
        highest_mb = max(highest_mb, *(run[2] for run in runs))
        print(f"{lesson.name[:45]:<46}{start_s:>9.2f}{cells_s:>9.2f}"
              f"{start_s + cells_s:>9.2f}{peak_mb:>9.1f}", flush=True)
    print(f"All {len(lessons)} lessons: {total_s:.1f} s, highest kernel peak "
          f"{highest_mb:.0f} MB (goal: 15 s or less, 150 MB or less)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
