"""``python -m room [options] -- <voila command>``: start Voila and the gate in front of it.

``python3 run.py room`` builds the Voila command (the app's own flags, on a free loopback
port) and runs this. It prints the address, the passcode and where the QR code is.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from . import PREHEAT_ENV, stop_process
from .gate import Room, make_app, start_kernel_checks
from .passcode import lan_address, new_passcode, normalise_passcode, spoken, write_qr_png
from .seats import Seats

# What one lesson kernel costs in memory, measured (issue 14): 100-130 MB; 150 MB with room.
KERNEL_MB = 150
VOILA_READY_S = 240


def default_room_cap() -> int:
    """Kernels this computer can hold: available memory less 1 GB, over 150 MB a kernel,
    kept from 4 to 60 (30 when the memory cannot be read)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                available_mb = int(line.split()[1]) // 1024
                return max(4, min(60, (available_mb - 1024) // KERNEL_MB))
    except OSError:
        pass
    return 30


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    if "--" not in argv:
        raise SystemExit("usage: python -m room [options] -- <voila command>")
    split = argv.index("--")
    parser = argparse.ArgumentParser(prog="python3 run.py room",
                                     description="Serve the lessons to a room, with a passcode.")
    parser.add_argument("--port", type=int, default=8866, help="port learners use (8866)")
    parser.add_argument("--passcode", default="",
                        help="the room passcode, 4 to 12 digits (default: 6 random digits)")
    parser.add_argument("--max-kernels", type=int, default=0,
                        help="most lesson pages open at once in the room "
                             "(default: what this computer's free memory holds, 4 to 60)")
    parser.add_argument("--per-learner", type=int, default=2,
                        help="most lesson pages one device may have open at once (2)")
    parser.add_argument("--starts-at-once", type=int, default=os.cpu_count() or 2,
                        help="lesson pages started at once, the rest queue "
                             "(default: this computer's processors)")
    parser.add_argument("--warm", type=int, default=0,
                        help="lesson pages of --warm-lesson kept started ahead, so a room "
                             "opening that lesson together gets it at once (0 to 60; 0)")
    parser.add_argument("--warm-lesson", default="01_what_chemo_is_meant_to_do.ipynb",
                        help="the lesson --warm starts ahead (lesson 01)")
    parser.add_argument("--qr", type=Path,
                        default=Path(tempfile.gettempdir()) / "chemo-room-qr.png",
                        help="where to write the QR code picture of the address")
    parser.add_argument("--bind", default="0.0.0.0",
                        help="address to listen on (0.0.0.0: every network interface)")
    args = parser.parse_args(argv[:split])
    voila = argv[split + 1:]
    if not 1 <= args.port <= 65535:
        parser.error(f"--port needs a number from 1 to 65535; got {args.port}")
    try:
        args.passcode = normalise_passcode(args.passcode) if args.passcode else new_passcode()
    except ValueError as problem:
        parser.error(str(problem))
    if args.max_kernels and not 1 <= args.max_kernels <= 500:
        parser.error(f"--max-kernels must be 1 to 500 lesson pages; got {args.max_kernels}")
    if not 1 <= args.per_learner <= 20:
        parser.error(f"--per-learner must be 1 to 20 lesson pages; got {args.per_learner}")
    if not 1 <= args.starts_at_once <= 64:
        parser.error(f"--starts-at-once must be 1 to 64; got {args.starts_at_once}")
    if not 0 <= args.warm <= 60:
        parser.error(f"--warm must be 0 to 60 lesson pages; got {args.warm}")
    voila = with_warm_lesson(voila, args.warm, args.warm_lesson)
    ports = [a.split("=", 1)[1] for a in voila if a.startswith("--Voila.port=")]
    if not ports or not ports[0].isdigit():
        parser.error("the Voila command must say --Voila.port=N")
    args.voila_port = int(ports[0])
    return args, voila


def with_warm_lesson(voila: list[str], count: int, lesson: str) -> list[str]:
    """The Voila command, with ``count`` pre-heated kernels for ``lesson`` (none for the
    other lessons) when ``count`` > 0.

    Voila (``preheat_kernel``) then runs the lesson in that many kernels ahead of time
    and hands each to the next learner who opens it, starting a replacement at once (so
    ``count`` stay ready: that much more memory). Voila refuses pre-heating beside a
    ``prelaunch_hook``, so Voila then runs with PREHEAT_ENV set, which tells app/voila.py
    to leave its hook (the XSRF cookie) out and keep the rest (the workshop kit's links):
    the gate sets that cookie itself when the passcode is typed.

    Replacements start a minute after a kernel is taken (Voila's ``fill_delay``), not at
    once: measured with benchmarks/room_load.py, 30 learners opening the lesson together
    with replacements starting after 1 s (Voila's default) had 54 kernels running at the
    peak and every slider waiting over 10 s for its figure; after 60 s, none failed. The
    cost: a learner who comes once the ready ones are gone waits up to that minute, so
    ``count`` should be the number of learners.
    """
    if count == 0:
        return voila
    pools = {"default": {"pool_size": 0}, lesson: {"pool_size": count}}
    return [*voila,
            "--VoilaConfiguration.preheat_kernel=True",
            f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}",
            "--VoilaKernelManager.fill_delay=60"]


def wait_for_voila(process: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + VOILA_READY_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("Voila stopped before it was ready (see above).")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise SystemExit(f"Voila did not answer within {VOILA_READY_S} s.")


def banner(args: argparse.Namespace, seats: Seats) -> str:
    everywhere = args.bind == "0.0.0.0"
    host = lan_address() if everywhere else args.bind
    url = f"http://{host}:{args.port}/"
    qr = write_qr_png(url, args.qr)
    where = ("ROOM MODE: the lessons are open to EVERY device on this computer's network "
             f"(all network interfaces, port {args.port}), for anyone with the passcode."
             if everywhere else f"Room mode on {args.bind} only (port {args.port}).")
    return "\n".join([
        "", where,
        f"  Address:   {url}",
        f"  Passcode:  {spoken(args.passcode)}",
        f"  QR code of the address (show it on the projector): {qr}",
        f"  Up to {seats.per_room} lesson pages open at once, {seats.per_learner} per device;"
        " a page closed without saying so (a crashed tab, a sleeping laptop) frees its"
        " place after 2 minutes.",
        *([f"  {args.warm_lesson} is being run ahead for {args.warm} learners "
           f"(ready in about {max(1, round(args.warm * 1.2 / (os.cpu_count() or 2)))} s "
           "on a quiet computer)."] if args.warm else []),
        "Use it on a trusted local network only (a workshop room), never on the internet.",
        "Ctrl+C stops the room.", "",
    ])


async def serve(args: argparse.Namespace, room: Room, sockets: list[socket.socket]) -> None:
    server = HTTPServer(make_app(room))
    server.add_sockets(sockets)
    checks = start_kernel_checks(room)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    print(banner(args, room.seats), flush=True)
    await stop.wait()
    checks.stop()
    server.stop()


def main(argv: list[str]) -> int:
    args, voila = parse_args(argv)
    # Pre-heated kernels take memory too.
    seats = Seats(args.max_kernels or max(4, default_room_cap() - args.warm), args.per_learner)
    # The learners' port is taken before Voila starts, so no kernel can pick it first.
    try:
        sockets = bind_sockets(args.port, address=args.bind)
    except OSError as problem:
        print(f"Port {args.port} is not free ({problem.strerror}); try --port 8867.",
              flush=True)
        return 1
    print("Starting the lessons (Voila) on this computer ...", flush=True)
    env = {**os.environ, PREHEAT_ENV: "1"} if args.warm else None
    process = subprocess.Popen(voila, stdin=subprocess.DEVNULL, env=env)
    try:
        wait_for_voila(process, args.voila_port)
        room = Room(args.passcode, args.voila_port, seats, args.starts_at_once)
        asyncio.run(serve(args, room, sockets))
    finally:
        # Voila shuts every lesson kernel down when asked to stop.
        stop_process(process, grace_s=60)
    print("The room is closed.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
