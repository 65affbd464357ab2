"""How fast the stochastic engine grows many tumours, against the exact method and plain Python.

Run:  .venv/bin/python benchmarks/stochastic_tumours.py [--runs 5]

Prints, never asserts (machines here are shared and noisy):

1. the fast method: 10,000 tumours, each from one cell to 1e9 cells, at mutation rates
   of 1e-7, 1e-6 and 1e-5 per division: the median wall-clock time of several runs
   (goal: 1 s or less on a 2-core machine; it runs on one core), its CPU time (what an
   idle core would take when others share the machine) and the peak memory (goal: 500 MB
   or less), measured with tracemalloc (numpy reports its arrays to it) in a run of its
   own;
2. the exact method (event by event, numpy across tumours) at a size it can still reach
   (10,000 tumours to 10,000 cells), and the fast method at that size;
3. a plain Python loop (the exact method, one tumour and one event at a time) on 200
   tumours to 10,000 cells, scaled to 10,000 tumours;
4. the ratios. The exact method's work grows with N (one event per cell gained), so its
   time at 1e9 cells is the measured time scaled by 1e9 / 1e4: an estimate, marked "~".
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from helpers.models.stochastic_tumours import CellRates, grow_tumours  # noqa: E402

TUMOURS = 10_000
BIG_CELLS = 1e9
SMALL_CELLS = 10_000
PYTHON_TUMOURS = 200
RATES = (1e-7, 1e-6, 1e-5)


def median_seconds(run, runs: int) -> float:
    """Median wall-clock seconds of ``runs`` calls (the CPU seconds are kept in CPU_SECONDS:
    on a busy shared machine they show what an idle core would take)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU_SECONDS.append(statistics.median(cpu))
    return statistics.median(times)


CPU_SECONDS: list[float] = []


def peak_megabytes(run) -> float:
    tracemalloc.start()
    try:
        run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def plain_python(tumours: int, cells: int, alpha: float, seed: int = 0) -> list[int]:
    """The exact method written as plain loops: no death, equal rates (what the fast
    method's benchmark runs), one random number per event."""
    rng = random.Random(seed)
    resistant_counts = []
    for _ in range(tumours):
        sensitive = 1
        for n in range(1, cells):
            u = rng.random() * n
            if u < sensitive and u >= alpha * sensitive:
                sensitive += 1
        resistant_counts.append(cells - sensitive)
    return resistant_counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median)")
    runs = parser.parse_args().runs
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} cores; load average {load:.1f} (other work slows every figure)")
    print(f"Fast method: {TUMOURS:,} tumours, each from 1 cell to {BIG_CELLS:.0e} cells; "
          f"median of {runs} runs")
    fast_big = {}
    for alpha in RATES:
        rates = CellRates(alpha)

        def run(rates=rates):
            return grow_tumours(TUMOURS, BIG_CELLS, rates, seed=1)

        run()  # warm up (imports, caches)
        fast_big[alpha] = median_seconds(run, runs)
        megabytes = peak_megabytes(run)
        verdict = "within" if fast_big[alpha] <= 1.0 and megabytes <= 500 else "OUTSIDE"
        print(f"  mutation rate {alpha:.0e}/division: {fast_big[alpha]:.3f} s "
              f"(CPU {CPU_SECONDS[-1]:.3f} s), peak {megabytes:.0f} MB  ({verdict} the goal "
              "of 1 s and 500 MB)")

    alpha = 1e-6
    rates = CellRates(alpha)
    exact_small = median_seconds(
        lambda: grow_tumours(TUMOURS, SMALL_CELLS, rates, seed=2, method="exact"),
        max(1, runs // 2))
    fast_small = median_seconds(lambda: grow_tumours(TUMOURS, SMALL_CELLS, rates, seed=2),
                                runs)
    python_small = median_seconds(lambda: plain_python(PYTHON_TUMOURS, SMALL_CELLS, alpha),
                                  1) * TUMOURS / PYTHON_TUMOURS
    scale = BIG_CELLS / SMALL_CELLS
    print(f"At {SMALL_CELLS:,} cells, {TUMOURS:,} tumours, mutation rate {alpha:.0e}:")
    print(f"  exact method (event by event, numpy):  {exact_small:8.3f} s")
    print(f"  fast method:                           {fast_small:8.3f} s")
    print(f"  plain Python loop ({PYTHON_TUMOURS} tumours, x{TUMOURS // PYTHON_TUMOURS}): "
          f"{python_small:8.3f} s")
    print(f"  ratios: exact / fast = {exact_small / fast_small:.1f}; "
          f"plain Python / exact = {python_small / exact_small:.1f}; "
          f"plain Python / fast = {python_small / fast_small:.1f}")
    print(f"At {BIG_CELLS:.0e} cells (exact and Python scaled by N: x{scale:,.0f}):")
    fast_1e9 = fast_big[alpha]
    print(f"  fast method: {fast_1e9:.3f} s;  exact: ~{exact_small * scale:,.0f} s "
          f"(~{exact_small * scale / 3600:,.0f} hours);  plain Python: "
          f"~{python_small * scale:,.0f} s (~{python_small * scale / 86400:,.0f} days)")
    print(f"  ratios: exact / fast ~ {exact_small * scale / fast_1e9:,.0f}; "
          f"plain Python / fast ~ {python_small * scale / fast_1e9:,.0f}")
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Largest resident memory of this whole process: {max_rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
