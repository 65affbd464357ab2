"""A room of simulated learners against room mode (``python3 run.py room``), on loopback.

Not part of the test run. Run it with the project's environment:

    .venv/bin/python benchmarks/room_load.py                  # 30 learners, lesson 01
    .venv/bin/python benchmarks/room_load.py --learners 8     # a quick look
    .venv/bin/python benchmarks/room_load.py --arrive-over 60 # learners arrive over a minute
    .venv/bin/python benchmarks/room_load.py --by-move        # per move number, and bursts
    .venv/bin/python benchmarks/room_load.py -- --VoilaConfiguration.show_tracebacks=True

It starts the room exactly as ``python3 run.py room`` does (gate and Voila, bound to
127.0.0.1 only, on free ports). Each simulated learner does what a lesson page in a
browser does, through the gate:

1. types the passcode (gets the room cookie and the XSRF cookie);
2. asks for the lesson page, and reads all of it while Voila runs the lesson in a new
   kernel (the page carries the kernel's id);
3. opens the kernel websocket and asks for every widget's state, as Voila's widget
   manager does; "first figure" is when the figure's image has arrived;
4. moves a slider of the first panel a few times, with a pause between moves, sending
   the comm message a browser sends, and waits each time for the figure's new image
   ("control to figure");
5. leaves: closes the websocket and posts the shutdown a closing tab sends (with the
   ``_xsrf`` form field).

It prints time to first figure (median, 95th percentile, worst), control-to-figure
latency, the kernels and memory at the peak, failures (with why), and the kernels left
when every learner has gone. Exit status 1 on any failure or kernel left.
Bounded: at most 60 learners and 30 moves each, every wait has a timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import re
import statistics
import struct
import subprocess
import sys
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tornado import httpclient, websocket

from lesson_browser.paths import ARTIFACTS, ROOT, load_run_module
from lesson_browser.processes import cpu_s, descendants, is_kernel, pss_mb, rss_mb
from lesson_browser.servers import free_port

PASSCODE = "424242"
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
SLIDERS = {"IntSliderModel", "FloatSliderModel", "FloatLogSliderModel"}
MAX_LEARNERS, MAX_MOVES = 60, 30


@dataclass
class Learner:
    number: int
    kernel_id: str = ""
    first_figure_s: float | None = None
    #: When the first figure arrived (monotonic s), and each move's send time (same clock).
    first_figure_at: float | None = None
    moves_ms: list[float] = field(default_factory=list)
    moves_sent_at: list[float] = field(default_factory=list)
    failure: str = ""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30, help="learners (30; at most 60)")
    parser.add_argument("--lesson", default="01_what_chemo_is_meant_to_do.ipynb",
                        help="the lesson every learner opens ('mix': lessons 01-08 in turn)")
    parser.add_argument("--moves", type=int, default=8, help="slider moves each (8)")
    parser.add_argument("--think", type=float, default=1.5,
                        help="seconds between moves, on average (1.5)")
    parser.add_argument("--arrive-over", type=float, default=0.0,
                        help="seconds over which learners arrive, evenly (0: all at once)")
    parser.add_argument("--timeout", type=float, default=180.0,
                        help="seconds a page may take to show its first figure (180)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--by-move", action="store_true",
                        help="also print control-to-figure by move number, with how many "
                             "moves were waiting at once")
    parser.add_argument("room_args", nargs="*",
                        help="after --: more room options, then -- and Voila flags")
    args = parser.parse_args(argv)
    if not 1 <= args.learners <= MAX_LEARNERS:
        parser.error(f"--learners must be 1 to {MAX_LEARNERS}; got {args.learners}")
    if not 0 <= args.moves <= MAX_MOVES:
        parser.error(f"--moves must be 0 to {MAX_MOVES}; got {args.moves}")
    return args


# --- the room, and what it holds ------------------------------------------------------

def kernels_and_memory(room_pid: int) -> tuple[int, float, float]:
    """Kernels running under the room, and the memory (MB) of the room, Voila and every
    kernel together: resident, and proportional (memory that forked kernels share with
    their warm parent counted once)."""
    pids = [room_pid, *descendants(room_pid)]
    kernels = sum(1 for pid in pids if is_kernel(pid))
    return kernels, sum(rss_mb(pid) for pid in pids), sum(pss_mb(pid) for pid in pids)


def start_room(room_args: list[str], log_path: Path) -> tuple[subprocess.Popen, int, int]:
    """The room on free loopback ports; returns it, the gate's port and Voila's port."""
    run = load_run_module()
    port = free_port()
    gate_args, voila_args = room_args, []
    if "--" in room_args:
        split = room_args.index("--")
        gate_args, voila_args = room_args[:split], room_args[split + 1:]
    voila_port = free_port()
    command = run.room_command(
        Path(sys.executable),
        ["--bind", "127.0.0.1", "--port", str(port), "--passcode", PASSCODE,
         "--qr", str(ARTIFACTS / "room-qr.png"), *gate_args, "--", *voila_args],
        voila_port)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "w")  # noqa: SIM115 - lives as long as the room
    process = subprocess.Popen(command, cwd=ROOT, env=run.app_environment(), stdout=log,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while "Ctrl+C stops the room" not in log_path.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"The room did not start; see {log_path}")
        time.sleep(0.5)
    # Pre-heated kernels (room option --warm) start with the room and run the lesson
    # ahead: wait until the room's processes have used under 0.2 CPU-seconds in 5 s, so
    # learners meet a ready room.
    last = cpu_seconds(process.pid)
    while time.monotonic() < deadline + 600:
        time.sleep(5)
        now = cpu_seconds(process.pid)
        if now - last < 0.2:
            break
        last = now
    return process, port, voila_port


def cpu_seconds(room_pid: int) -> float:
    """CPU time used so far by the room, Voila and the kernels that are still running."""
    return sum(cpu_s(pid) for pid in [room_pid, *descendants(room_pid)])


async def still_running(voila_port: int, kernel_ids: list[str]) -> list[str]:
    """The learners' kernels Voila still has (asked on loopback, behind the gate)."""
    client = httpclient.AsyncHTTPClient()
    left = []
    for kernel_id in kernel_ids:
        response = await client.fetch(f"http://127.0.0.1:{voila_port}/api/kernels/{kernel_id}",
                                      raise_error=False)
        if response.code != 404:
            left.append(kernel_id)
    return left


# --- one learner --------------------------------------------------------------------

class Page:
    """One learner's browser: its cookies, the room's address, the kernel websocket."""

    def __init__(self, port: int) -> None:
        self.base = f"127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}
        self.http = httpclient.AsyncHTTPClient()
        self.socket: websocket.WebSocketClientConnection | None = None

    def _keep_cookies(self, response: httpclient.HTTPResponse) -> None:
        for header in response.headers.get_list("Set-Cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    def _cookie_header(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    async def fetch(self, path: str, **kwargs) -> httpclient.HTTPResponse:
        response = await self.http.fetch(
            f"http://{self.base}{path}", headers=self._cookie_header(), raise_error=False,
            follow_redirects=False, **kwargs)
        self._keep_cookies(response)
        return response

    async def type_passcode(self) -> None:
        response = await self.fetch("/room/passcode", method="POST",
                                    body=urllib.parse.urlencode({"passcode": PASSCODE}))
        if response.code != 302 or "chemo_room_learner" not in self.cookies:
            raise RuntimeError(f"passcode refused: HTTP {response.code}")

    async def open_lesson(self, lesson: str, timeout_s: float) -> str:
        """The lesson page, read to its end; returns the kernel id it names."""
        response = await self.fetch(f"/voila/render/{lesson}", request_timeout=timeout_s)
        body = response.body.decode("utf-8", "replace") if response.body else ""
        if response.code != 200:
            raise RuntimeError(f"lesson page: HTTP {response.code} {body[:200]!r}")
        if '"output_type": "error"' in body or '"output_type":"error"' in body:
            raise RuntimeError("a cell of the lesson failed")
        found = KERNEL_ID.search(body)
        if not found:
            kept = ARTIFACTS / "room-load-page-without-kernel.html"
            kept.write_text(body)
            raise RuntimeError(f"the lesson page names no kernel (page kept in {kept})")
        return found.group(1)

    async def connect(self, kernel_id: str) -> None:
        request = httpclient.HTTPRequest(
            f"ws://{self.base}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4()}",
            headers=self._cookie_header(), connect_timeout=60)
        self.socket = await websocket.websocket_connect(request,
                                                        max_message_size=64 * 1024 * 1024)

    def send(self, msg_type: str, content: dict, metadata: dict | None = None) -> None:
        assert self.socket is not None
        message = {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type,
                              "username": "learner", "session": uuid.uuid4().hex,
                              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                              "version": "5.3"},
                   "parent_header": {}, "metadata": metadata or {}, "content": content,
                   "buffers": [], "channel": "shell"}
        self.socket.write_message(json.dumps(message))

    async def next_comm_message(self, deadline: float) -> dict:
        assert self.socket is not None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            raw = await asyncio.wait_for(self.socket.read_message(), remaining)
            if raw is None:
                raise RuntimeError("the kernel websocket closed")
            message = json.loads(_message_part(raw) if isinstance(raw, bytes) else raw)
            if message.get("msg_type") == "comm_msg":
                return message["content"]

    async def widget_states(self, deadline: float) -> dict[str, dict]:
        """Every widget's state, asked for the way Voila's widget manager asks."""
        control = uuid.uuid4().hex
        self.send("comm_open", {"comm_id": control, "target_name": "jupyter.widget.control",
                                "data": {}}, metadata={"version": "1.0.0"})
        self.send("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
        while True:
            content = await self.next_comm_message(deadline)
            data = content.get("data", {})
            if content.get("comm_id") == control and data.get("method") == "update_states":
                return data["states"]

    async def leave(self, kernel_id: str) -> None:
        if self.socket is not None:
            self.socket.close()
        body = urllib.parse.urlencode({"_xsrf": self.cookies.get("_xsrf", "")})
        response = await self.fetch(f"/voila/api/shutdown/{kernel_id}", method="POST",
                                    body=body)
        if response.code >= 300:
            raise RuntimeError(f"leaving: shutdown answered HTTP {response.code}")


def _message_part(frame: bytes) -> bytes:
    """The JSON message of a binary kernel frame (a message with buffers): the frame
    starts with the number of parts and their offsets, 4-byte big-endian each."""
    (parts,) = struct.unpack("!I", frame[:4])
    offsets = struct.unpack(f"!{parts}I", frame[4:4 * (parts + 1)])
    end = offsets[1] if parts > 1 else len(frame)
    return frame[offsets[0]:end]


def first_panel(states: dict[str, dict]) -> tuple[list[str], str]:
    """The first panel's sliders and its figure (model ids)."""
    def has(model: str, css: str) -> bool:
        return any(c == css or c.startswith(css) for c in
                   states[model]["state"].get("_dom_classes", []))

    def children(model: str) -> list[str]:
        return [c.removeprefix("IPY_MODEL_") for c in states[model]["state"].get("children", [])]

    for model in states:
        if not has(model, "chemo-panel"):
            continue
        parts = children(model)
        figure = next((p for p in parts if has(p, "chemo-figure")), None)
        controls = next((p for p in parts if has(p, "chemo-controls")), None)
        if figure and controls:
            sliders = [c for c in children(controls)
                       if states[c]["state"].get("_model_name") in SLIDERS]
            if sliders:
                return sliders, figure
    raise RuntimeError("no panel with a slider and a figure on the page")


def new_position(state: dict, rng: random.Random) -> float:
    low, high = state["min"], state["max"]
    step = state.get("step") or (high - low) / 20
    positions = max(1, int(round((high - low) / step)))
    now = state["value"]
    for _ in range(20):
        value = low + step * rng.randint(0, positions)
        value = int(value) if state["_model_name"] == "IntSliderModel" else round(value, 9)
        if value != now and low <= value <= high:
            return value
    return high if now != high else low


async def learner_visit(learner: Learner, port: int, lesson: str, args: argparse.Namespace,
                        rng: random.Random) -> None:
    page = Page(port)
    kernel_id, stage = "", "typing the passcode"
    try:
        await page.type_passcode()
        started = time.monotonic()
        stage = "reading the lesson page"
        kernel_id = learner.kernel_id = await page.open_lesson(lesson, args.timeout)
        stage = "opening the kernel websocket"
        await page.connect(kernel_id)
        stage = "waiting for the widgets' states"
        states = await page.widget_states(started + args.timeout)
        sliders, figure = first_panel(states)
        if "<img" not in states[figure]["state"].get("value", ""):
            raise RuntimeError("the figure has no image")
        learner.first_figure_at = time.monotonic()
        learner.first_figure_s = learner.first_figure_at - started
        picture = states[figure]["state"]["value"]
        for move in range(args.moves):
            await asyncio.sleep(rng.uniform(0.5, 1.5) * args.think)
            slider = sliders[move % len(sliders)]
            value = new_position(states[slider]["state"], rng)
            states[slider]["state"]["value"] = value
            sent = time.monotonic()
            stage = f"waiting for the figure after move {move + 1}"
            page.send("comm_msg", {"comm_id": slider, "data": {
                "method": "update", "state": {"value": value}, "buffer_paths": []}})
            while True:
                content = await page.next_comm_message(sent + 10)
                data = content.get("data", {})
                new = data.get("state", {}).get("value")
                if content.get("comm_id") == figure and new is not None and new != picture:
                    picture = new
                    break
            learner.moves_ms.append((time.monotonic() - sent) * 1000)
            learner.moves_sent_at.append(sent)
    except TimeoutError:
        learner.failure = f"timed out {stage}"
    except Exception as problem:  # noqa: BLE001 - every failure is counted and shown
        learner.failure = f"{stage}: {type(problem).__name__}: {problem}"
    finally:
        if kernel_id:
            try:
                await page.leave(kernel_id)
            except Exception as problem:  # noqa: BLE001
                learner.failure = learner.failure or f"leaving: {problem}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def spread(values: list[float], unit: str, digits: int) -> str:
    if not values:
        return "-"
    return (f"median {statistics.median(values):.{digits}f} {unit}, "
            f"95th percentile {percentile(values, 0.95):.{digits}f} {unit}, "
            f"worst {max(values):.{digits}f} {unit}")


def by_move(learners: list[Learner]) -> str:
    """Control to figure per move number, and the moves waiting at once: how many
    learners' moves (this one included) were sent and not yet answered when it was sent.
    Why: a room's slow moves come in bursts, when many learners move together."""
    spans = [(at, at + ms / 1000) for x in learners
             for ms, at in zip(x.moves_ms, x.moves_sent_at, strict=True)]
    rows = ["  by move:  move  moves  median ms  95th pct ms  worst ms  waiting at once "
            "(median, most)"]
    for number in range(max((len(x.moves_ms) for x in learners), default=0)):
        times = [x.moves_ms[number] for x in learners if len(x.moves_ms) > number]
        waiting = [sum(1 for start, end in spans if start <= at < end)
                   for x in learners if len(x.moves_sent_at) > number
                   for at in [x.moves_sent_at[number]]]
        rows.append(f"            {number + 1:>4}  {len(times):>5}  "
                    f"{statistics.median(times):>9.0f}  {percentile(times, 0.95):>11.0f}  "
                    f"{max(times):>8.0f}  {statistics.median(waiting):>6.0f}, {max(waiting)}")
    return "\n".join(rows)


async def run_room(args: argparse.Namespace, process: subprocess.Popen, port: int,
                   voila_port: int) -> int:
    from lesson_browser.paths import lesson_paths

    lessons = ([p.name for p in lesson_paths() if not p.name.startswith("00")]
               if args.lesson == "mix" else [args.lesson])
    rng = random.Random(args.seed)
    learners = [Learner(i + 1) for i in range(args.learners)]
    peak = {"kernels": 0, "memory_mb": 0.0, "proportional_mb": 0.0}
    done = asyncio.Event()

    async def watch() -> None:
        while not done.is_set():
            kernels, memory, proportional = kernels_and_memory(process.pid)
            peak["kernels"] = max(peak["kernels"], kernels)
            peak["memory_mb"] = max(peak["memory_mb"], memory)
            peak["proportional_mb"] = max(peak["proportional_mb"], proportional)
            await asyncio.sleep(0.5)

    async def arrive(learner: Learner) -> None:
        gap = args.arrive_over / max(1, args.learners - 1) if args.learners > 1 else 0
        await asyncio.sleep(gap * (learner.number - 1))
        lesson = lessons[(learner.number - 1) % len(lessons)]
        await learner_visit(learner, port, lesson, args, random.Random(rng.random()))

    # Every learner's page at once (Tornado's client runs 10 requests at a time by default).
    httpclient.AsyncHTTPClient.configure(None, max_clients=4 * args.learners + 10)
    watcher = asyncio.ensure_future(watch())
    idle_kernels, idle_memory, _ = kernels_and_memory(process.pid)
    started = time.monotonic()
    await asyncio.gather(*(arrive(learner) for learner in learners))
    done.set()
    await watcher
    took = time.monotonic() - started
    ids = [x.kernel_id for x in learners if x.kernel_id]
    left_deadline = time.monotonic() + 30
    while True:
        left = await still_running(voila_port, ids)
        # Kernels whose page never named them (a page that failed) count too.
        extra = kernels_and_memory(process.pid)[0] - idle_kernels
        if (not left and extra <= 0) or time.monotonic() > left_deadline:
            break
        await asyncio.sleep(0.5)

    firsts = [x.first_figure_s for x in learners if x.first_figure_s is not None]
    moves = [ms for x in learners for ms in x.moves_ms]
    failed = [x for x in learners if x.failure]
    print(f"{args.learners} learners on {', '.join(lessons)}; arriving over "
          f"{args.arrive_over:.0f} s; {args.moves} moves each; all done in {took:.0f} s")
    print(f"Time to first figure:     {spread(firsts, 's', 1)}")
    print(f"Control to figure:        {spread(moves, 'ms', 0)} ({len(moves)} moves)")
    # Moves made while some pages were still loading compete with Voila and the new
    # kernels; the rest show the room once everyone is in.
    all_in = max((x.first_figure_at for x in learners if x.first_figure_at), default=None)
    if all_in is not None:
        late = [ms for x in learners for ms, at in zip(x.moves_ms, x.moves_sent_at,
                                                        strict=True) if at >= all_in]
        early = len(moves) - len(late)
        print(f"  once everyone was in:   {spread(late, 'ms', 0)} ({len(late)} moves; "
              f"{early} made while pages were still loading)")
    if args.by_move:
        print(by_move(learners))
    print(f"At the peak:              {peak['kernels']} kernels, "
          f"{peak['memory_mb']:.0f} MB resident, {peak['proportional_mb']:.0f} MB "
          f"proportional (room, Voila and kernels; idle before: "
          f"{idle_kernels} kernels, {idle_memory:.0f} MB)")
    print(f"Failed pages:             {len(failed)}")
    for learner in failed:
        print(f"    learner {learner.number}: {learner.failure}")
    print(f"Kernels left afterwards:  {max(len(left), extra)} (of the learners' kernels: "
          f"{len(left)} of {len(ids)}; kernels above the idle room: {max(extra, 0)})")
    return 1 if failed or left or extra > 0 else 0


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    log = ARTIFACTS / "room-load.log"
    process, port, voila_port = start_room(args.room_args, log)
    print(f"Room at http://127.0.0.1:{port}/ (log: {log})", flush=True)
    try:
        return asyncio.run(run_room(args, process, port, voila_port))
    finally:
        process.terminate()
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
