"""Drive every lesson panel with random control sequences; print what went wrong, per panel.

Run (the full check, at least 10,000 states per panel):

    .venv/bin/python benchmarks/fuzz_panels.py --states 10000

Options: ``--seed N`` (default 0: the same run every time), ``--panel NAME`` (repeatable:
only those panel classes, e.g. ``--panel ResistancePanel``), ``--sequence N`` (actions
between history checks, default 30), ``--quiet`` (no details of the findings).

Every action goes through the widgets' own message path, as from the browser: a
slider's new value, a menu's new index, a click on "Reset", the page's projector
switch (``lesson_checks.fuzz``). A third of the control moves go to the ends of a
range. For each panel it prints, per kind of finding, how many states showed it
(exception, refused, warning, non-finite, negative, outside the axes, caption against
the plot, history), and the first few findings of each kind with the action before them.
Exit status 1 if anything was found, else 0.

A state costs about 30 to 130 ms here (a redraw when the axis limits change, the checks,
and every 30th state a fresh panel for the history check), so 10,000 states take 5 to
22 minutes a panel; all 11 panels took 113 minutes of processor time, 59 minutes on two
cores. Run it per panel (``--panel``) in parallel where cores allow, e.g. two processes,
each given half of the panels.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from lesson_checks import fuzz


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--states", type=int, default=10_000,
                        help="random states per panel (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--panel", action="append", default=[],
                        help="a panel class name to run (repeatable; default all)")
    parser.add_argument("--sequence", type=int, default=30,
                        help="actions between history checks (default 30)")
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args(argv)
    if args.states < 1:
        parser.error(f"--states must be at least 1; got {args.states}")

    def progress(report: fuzz.PanelReport) -> None:
        print(fuzz.counts_table([report]).splitlines()[-1], flush=True)
        if not args.quiet:
            for kind, examples in report.examples.items():
                for example in examples:
                    print(f"    {kind}: {example[:500]}", flush=True)

    load = os.getloadavg()
    print(f"fuzz_panels: {args.states} states per panel, seed {args.seed}; "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", flush=True)
    started = time.perf_counter()
    reports = []
    for cls in fuzz.panel_classes():
        if args.panel and cls.__name__ not in args.panel:
            continue
        report = fuzz.fuzz_panel(cls, args.states, args.seed, args.sequence)
        progress(report)
        reports.append(report)
    if args.panel and len(reports) != len(set(args.panel)):
        names = [cls.__name__ for cls in fuzz.panel_classes()]
        parser.error(f"--panel must name panel classes {names}; got {args.panel}")
    print()
    print(fuzz.counts_table(reports))
    total = sum(report.findings for report in reports)
    print(f"\n{sum(r.states for r in reports)} states in {time.perf_counter() - started:.0f} s; "
          f"{total} findings; load average now {os.getloadavg()[0]:.2f}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
