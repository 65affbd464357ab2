"""Load every lesson many times in app mode (Voila) and report what happened.

Not part of the default test run. Run it with the project's environment:

    .venv/bin/python benchmarks/app_load_stress.py            # 50 loads a lesson
    .venv/bin/python benchmarks/app_load_stress.py --loads 5  # a quick look

It starts Voila exactly as ``python3 run.py app`` does (on a free loopback
port), opens each lesson in headless Chromium, waits until the page has shown
its cells and its widgets, then leaves the page the way a browser tab does
(which asks Voila to shut the lesson's kernel down). For each lesson it prints
the loads that finished, their median and worst time, the loads that did not
finish in time (with the loading text they were stuck on), and the kernels
still running afterwards. Exit status 1 if any load did not finish or a kernel
was left running.

Traffic goes to 127.0.0.1 only; the loop is bounded by --loads and --timeout.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from lesson_browser.chromium import launch_chromium
from lesson_browser.pages import voila_loading_text, wait_for_voila_page
from lesson_browser.paths import ARTIFACTS, add_lesson_options, chosen_lessons
from lesson_browser.servers import start_voila


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=50, help="loads per lesson (50)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds one load may take before it counts as hung (120)")
    parser.add_argument("--dwell", type=float, default=1.0,
                        help="seconds to stay on a loaded page before leaving (1)")
    parser.add_argument("voila_args", nargs="*", help="extra Voila flags, after --")
    add_lesson_options(parser)
    return parser.parse_args(argv)


def load_once(page, url: str, timeout_s: float) -> tuple[bool, float, str]:
    """Open one lesson; return (finished, seconds, what the page said if it did not)."""
    started = time.monotonic()
    try:
        page.goto(url, timeout=timeout_s * 1000, wait_until="commit")
        remaining = max(1.0, timeout_s - (time.monotonic() - started))
        wait_for_voila_page(page, timeout_ms=remaining * 1000)
        return True, time.monotonic() - started, ""
    except PlaywrightError as error:
        text = voila_loading_text(page) or str(error).splitlines()[0]
        return False, time.monotonic() - started, text


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    lessons = chosen_lessons(args)
    log = ARTIFACTS / "stress-voila.log"
    server = start_voila(args.notebook_dir, extra_args=args.voila_args, log_path=log)
    print(f"Voila at {server.base_url} (log: {log}); {args.loads} loads per lesson, "
          f"timeout {args.timeout:.0f} s per load.", flush=True)
    failed = False
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            context = browser.new_context()
            for lesson in lessons:
                url = f"{server.base_url}/voila/render/{lesson.name}"
                times, hung = [], []
                page = context.new_page()
                for i in range(args.loads):
                    finished, seconds, said = load_once(page, url, args.timeout)
                    if finished:
                        times.append(seconds)
                    else:
                        hung.append((i + 1, said))
                    # A reader looks for a moment, then leaves the page as a
                    # closing tab does: beforeunload runs, and Voila is asked to
                    # shut the kernel down.
                    page.wait_for_timeout(args.dwell * 1000)
                    page.goto("about:blank")
                page.close()
                left = server.wait_for_no_kernels(timeout_s=60)
                median = f"{statistics.median(times):.2f} s" if times else "-"
                worst = f"{max(times):.2f} s" if times else "-"
                print(f"{lesson.name}: {len(times)}/{args.loads} loads finished, "
                      f"median {median}, worst {worst}, kernels left {len(left)}",
                      flush=True)
                for number, said in hung:
                    print(f"    load {number} did not finish in {args.timeout:.0f} s: "
                          f"{said!r}", flush=True)
                failed |= bool(hung) or bool(left)
            context.close()
            browser.close()
    finally:
        survivors = server.stop()
        print(f"Kernels still running after Voila stopped: {len(survivors)}", flush=True)
        failed |= bool(survivors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
