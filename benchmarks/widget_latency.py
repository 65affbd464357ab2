"""How long from a slider move to the lesson 01 figure redrawn, inside a real kernel.

Run:  .venv/bin/python benchmarks/widget_latency.py [--moves 60]

It starts a Jupyter kernel, builds the lesson 01 panel there, and plays the
front end: it sends the same comm message a browser sends when a slider is
let go, then waits on the kernel's output channel for the figure's new image.
That round trip covers the model, the render and the widget messages.

For comparison it does the same with the pattern many ipywidgets tutorials
use (``interact`` with a function that draws a new pyplot figure each time,
shown through an Output widget), with the same data, figure size and dpi.

It prints the median and 95th-percentile milliseconds of each, and the
ratio. Aim: median 50 ms or less, at least 5 times faster than the baseline.
No assertion: machines here are shared, so read the figures, do not gate on them.
"""

from __future__ import annotations

import argparse
import queue
import statistics
import time

from jupyter_client.manager import start_new_kernel

SETUP = r"""
import ipywidgets as widgets
import matplotlib
matplotlib.use("module://matplotlib_inline.backend_inline")
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display
from helpers.clinic.scans import CT_SMALLEST_VISIBLE_CELLS
from helpers.lessons import log_kill as lesson
from helpers.models import cells_to_diameter_mm, diameter_mm_to_cells
from helpers.panels.log_kill import LogKillPanel
from helpers.plots.style import THEMES

panel = LogKillPanel()
display(panel.widget)
ours = (panel.controls["doubling_time_days"].model_id, panel.figure_view.model_id)

theme = THEMES["standard"]

def draw_new_figure(doubling_time_days):
    # The tutorial way: a brand-new figure, laid out and rendered on every move.
    values = dict(panel.values, doubling_time_days=doubling_time_days)
    state = lesson.compute(lesson.LogKillValues(**values))
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, height_ratios=(3, 2),
                                      figsize=(theme.figure_width_in, 5.2), dpi=theme.dpi,
                                      layout="constrained")
    top.set_yscale("log")
    top.plot(state.days, np.where(state.total_cells >= 1, state.total_cells, np.nan),
             "k-", label="All cancer cells")
    top.plot(state.days, state.untreated_cells, ":", color="grey", label="No treatment")
    top.axhspan(*CT_SMALLEST_VISIBLE_CELLS,
                color="grey", alpha=0.15, label="Smallest size a scan can show")
    top.scatter(state.dose_days, [top.get_ylim()[1]] * len(state.dose_days),
                marker="v", label="Dose given")
    top.set_ylabel("Cancer cells\n(log scale)")
    top.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    bottom.plot(state.days, cells_to_diameter_mm(state.total_cells))
    bottom.set_ylabel("Diameter (mm)")
    bottom.set_xlabel("Days since the first dose")
    plt.show()

baseline_slider = widgets.FloatSlider(value=7.0, min=2.0, max=60.0, step=0.5,
                                      continuous_update=False)
baseline = widgets.interactive(draw_new_figure, doubling_time_days=baseline_slider)
display(baseline)
theirs = (baseline_slider.model_id, baseline.children[-1].model_id)
print(ours[0], ours[1], theirs[0], theirs[1])
"""


def _send_move(client, comm_id: str, value: float) -> None:
    content = {"comm_id": comm_id,
               "data": {"method": "update", "state": {"value": value}, "buffer_paths": []}}
    message = client.session.msg("comm_msg", content)
    client.shell_channel.send(message)


def _wait_for(client, predicate, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the kernel did not redraw in time")
        try:
            message = client.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if predicate(message):
            return


def _figure_updated(figure_id: str):
    def predicate(message) -> bool:
        content = message["content"]
        return (message["msg_type"] == "comm_msg" and content.get("comm_id") == figure_id
                and "value" in content.get("data", {}).get("state", {}))
    return predicate


def _image_displayed(message) -> bool:
    return (message["msg_type"] == "display_data"
            and "image/png" in message["content"].get("data", {}))


def _drain(client) -> None:
    while True:
        try:
            client.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            return


def measure(client, slider_id: str, done, moves: int) -> list[float]:
    times_ms = []
    values = [2.0 + (i * 7.5) % 58 for i in range(moves)]  # spread over the slider, repeatable
    for value in values:
        _drain(client)
        start = time.perf_counter()
        _send_move(client, slider_id, value)
        _wait_for(client, done)
        times_ms.append((time.perf_counter() - start) * 1000)
    return times_ms


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=60, help="slider moves per method")
    args = parser.parse_args()

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.execute_interactive(SETUP, timeout=120, output_hook=lambda m: _keep(m))
        assert reply["content"]["status"] == "ok", reply["content"]
        our_slider, our_figure, their_slider, _their_output = _PRINTED[-1].split()
        # warm-up moves (first renders build caches and fonts)
        measure(client, our_slider, _figure_updated(our_figure), 3)
        measure(client, their_slider, _image_displayed, 3)
        ours = measure(client, our_slider, _figure_updated(our_figure), args.moves)
        theirs = measure(client, their_slider, _image_displayed, args.moves)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)

    print(f"Lesson 01 panel, {args.moves} slider moves each, in a real kernel")
    print(f"{'method':<44}{'median ms':>10}{'p95 ms':>10}")
    for name, times in (("panel (figure reused, blitted PNG)", ours),
                        ("interact tutorial (new figure each move)", theirs)):
        print(f"{name:<44}{statistics.median(times):>10.1f}{percentile(times, 0.95):>10.1f}")
    print(f"speed-up (median): {statistics.median(theirs) / statistics.median(ours):.1f}x; "
          "aim: median <= 50 ms and >= 5x")


_PRINTED: list[str] = []


def _keep(message) -> None:
    if message["msg_type"] == "stream":
        _PRINTED.append(message["content"]["text"].strip())


if __name__ == "__main__":
    main()
