"""The gate: a Tornado application in front of Voila that only passcoded browsers get through.

Every path, static assets and websockets included, needs the room cookie; without it a
browser gets the passcode page (GET) or 403 (anything else). The cookie is signed with a
secret made fresh each run, holds one random learner id per browser, and is HttpOnly and
SameSite=Lax. Behind the gate, Voila listens on 127.0.0.1 only.

Kernels: asking for a lesson page (``/voila/render/...``) starts a kernel in Voila. The
gate counts them (``seats.Seats``): over the cap it answers 503 with a "please wait"
page instead of starting one. It learns each kernel's id from the page Voila streams
back, lets only that learner's browser reach it, and notices it is gone when the page
asks Voila to shut it down or Voila's API no longer knows it (culled when idle).
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import time
import urllib.parse
from collections import defaultdict, deque
from dataclasses import dataclass, field

from tornado import httpclient, httputil, web, websocket
from tornado.ioloop import PeriodicCallback

from .pages import full_page, passcode_page
from .passcode import check_passcode
from .seats import Seats

__all__ = ["COOKIE", "GUESSES_PER_MINUTE", "Room", "make_app"]

COOKIE = "chemo_room_learner"
# Wrong passcodes one address may try in a minute: 10 a minute makes a million
# passcodes take about 70 days to try.
GUESSES_PER_MINUTE = 10
# A kernel id in the lesson page Voila streams: its page config holds "kernelId": "<uuid>".
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
RENDER = re.compile(r"^/voila/render/")
# Paths that name one kernel: only the learner whose page started it may use them.
KERNEL_PATH = re.compile(
    r"^/(?:api/kernels|voila/api/shutdown|voila/query)/([0-9a-f-]{36})(?:/|$)")
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host",
              # The gate reads lesson pages for kernel ids: ask Voila for plain text.
              "accept-encoding",
              # Voila sees requests from the gate (127.0.0.1), not from the learner's
              # address: its own same-origin checks would refuse them, so the gate
              # checks Origin itself (``_same_origin``) and does not pass it on.
              "origin", "referer"}
# Seconds between asking Voila which kernels still exist.
KERNEL_CHECK_S = 3.0


@dataclass
class Room:
    """What the gate needs to know: the passcode, where Voila is, and the caps."""

    passcode: str
    upstream_port: int
    seats: Seats
    # Lesson pages Voila may be starting at once; the others wait their turn, first come
    # first served. Why: starting a lesson is about 1.2 CPU-seconds of imports and cells;
    # thirty started together share the processors and all finish late, while a queue
    # as wide as the processors finishes the first learners early and the last no later.
    starts_at_once: int = field(default_factory=lambda: os.cpu_count() or 2)
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))
    wrong_tries: defaultdict[str, deque[float]] = field(
        default_factory=lambda: defaultdict(deque))

    def __post_init__(self) -> None:
        if not 1 <= self.starts_at_once <= 64:
            raise ValueError("starts_at_once must be 1 to 64 lesson pages; "
                             f"got {self.starts_at_once}")
        self.starting = asyncio.Semaphore(self.starts_at_once)

    @property
    def upstream(self) -> str:
        return f"127.0.0.1:{self.upstream_port}"


class _Learner(web.RequestHandler):
    """The room cookie: which learner this browser is, if it has the passcode."""

    def initialize(self, room: Room) -> None:
        self.room = room

    def learner(self) -> str | None:
        value = self.get_signed_cookie(COOKIE, max_age_days=1)
        return value.decode() if value else None

    def _same_origin(self) -> bool:
        origin = self.request.headers.get("Origin")
        if not origin:
            return True
        return urllib.parse.urlparse(origin).netloc == self.request.host

    def _kernel_allowed(self, learner: str) -> bool:
        """A path naming a kernel is only for the learner whose page started it."""
        match = KERNEL_PATH.match(self.request.path)
        return match is None or self.room.seats.owner(match.group(1)) == learner

    def _refuse(self) -> None:
        """Anyone without the passcode: the passcode page, or 403 for anything but a GET."""
        is_page_get = (self.request.method == "GET"
                       and "upgrade" not in self.request.headers.get("Connection", "").lower())
        if is_page_get:
            next_path = urllib.parse.quote(self.request.uri or "/", safe="")
            self.redirect(f"/room/passcode?next={next_path}")
        else:
            raise web.HTTPError(403)


class PasscodeHandler(_Learner):
    """The passcode page (GET) and its form (POST)."""

    def check_xsrf_cookie(self) -> None:
        """No XSRF token: the form only sets the learner's own cookie."""

    def _next(self) -> str:
        wanted = self.get_argument("next", "/")
        # Only a path on this server: never send a learner to another site.
        # ("/\\host" is read as "//host" by browsers.)
        return wanted if wanted.startswith("/") and wanted[1:2] not in ("/", "\\") else "/"

    def get(self) -> None:
        if self.learner():
            self.redirect(self._next())
            return
        self.finish(passcode_page(self._next()))

    def post(self) -> None:
        if not self._same_origin():
            raise web.HTTPError(403)
        tries = self.room.wrong_tries[self.request.remote_ip or "?"]
        now = time.monotonic()
        while tries and now - tries[0] > 60:
            tries.popleft()
        if len(tries) >= GUESSES_PER_MINUTE:
            self.set_status(429)
            self.finish(passcode_page(self._next(),
                                      "Too many tries. Wait a minute, then try again."))
            return
        if not check_passcode(self.get_body_argument("passcode", ""), self.room.passcode):
            tries.append(now)
            self.set_status(403)
            self.finish(passcode_page(self._next(),
                                      "That is not the room passcode. Please try again."))
            return
        self.set_signed_cookie(COOKIE, secrets.token_urlsafe(12), expires_days=1,
                               httponly=True, samesite="Lax")
        if not self.get_cookie("_xsrf"):
            # Voila's lesson page proves itself with this cookie when it asks for its
            # kernel to be shut down on leaving (a double-submit token: any value works).
            self.set_cookie("_xsrf", secrets.token_hex(16), samesite="Lax")
        self.redirect(self._next())


class HttpProxy(_Learner):
    """Everything else over HTTP, passed to Voila for a learner with the passcode."""

    SUPPORTED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

    def check_xsrf_cookie(self) -> None:
        """Voila checks its own XSRF cookie on what it is sent."""

    async def prepare(self) -> None:
        who = self.learner()
        if who is None:
            self._refuse()
            return
        if not self._same_origin() or not self._kernel_allowed(who):
            raise web.HTTPError(403)
        if self.request.headers.get("Upgrade", "").lower() == "websocket":
            raise web.HTTPError(400)  # websockets go through WebSocketProxy only
        await self._pass_on(who)

    async def _pass_on(self, who: str) -> None:
        seats = self.room.seats
        render = bool(RENDER.match(self.request.path)) and self.request.method == "GET"
        if render:
            refused = seats.reserve(who)
            if refused:
                self.set_status(503)
                self.set_header("Retry-After", "60")
                self.set_header("Cache-Control", "no-store")
                self.finish(full_page(refused))
                return
        state = {"status": 502, "reason": "", "headers": httputil.HTTPHeaders(),
                 "started": False, "kernel": None, "seen": ""}

        def on_header(line: str) -> None:
            line = line.rstrip("\r\n")
            if line.startswith("HTTP/"):
                parts = line.split(" ", 2)
                state["status"] = int(parts[1])
                state["reason"] = parts[2] if len(parts) > 2 else ""
                state["headers"] = httputil.HTTPHeaders()
            elif line:
                state["headers"].parse_line(line)

        def start() -> None:
            if state["started"]:
                return
            state["started"] = True
            self.set_status(state["status"], state["reason"] or None)
            self.clear_header("Content-Type")
            passed: set[str] = set()
            for name, value in state["headers"].get_all():
                if name.lower() in HOP_BY_HOP:
                    continue
                # Voila's own value replaces the gate's default (Server, Date); a header
                # Voila sends more than once (Set-Cookie) is passed on each time.
                if name.lower() in passed:
                    self.add_header(name, value)
                else:
                    passed.add(name.lower())
                    self.set_header(name, value)

        def on_chunk(chunk: bytes) -> None:
            start()
            if render and state["kernel"] is None:
                seen = state["seen"] + chunk.decode("utf-8", "replace")
                found = KERNEL_ID.search(seen)
                # Keep only a tail: enough for an id split across two chunks.
                state["seen"] = seen[-200:]
                if found:
                    state["kernel"] = found.group(1)
                    seats.bind(who, state["kernel"])
            self.write(chunk)
            self.flush()

        headers = httputil.HTTPHeaders()
        for name, value in self.request.headers.get_all():
            if name.lower() not in HOP_BY_HOP:
                headers.add(name, value)
        body = self.request.body if self.request.method in ("POST", "PUT", "PATCH") else None
        request = httpclient.HTTPRequest(
            f"http://{self.room.upstream}{self.request.uri}", method=self.request.method,
            headers=headers, body=body, header_callback=on_header,
            streaming_callback=on_chunk, follow_redirects=False, decompress_response=False,
            allow_nonstandard_methods=True,
            # A lesson page streams while its kernel runs every cell: give it time.
            connect_timeout=30, request_timeout=900)
        try:
            if render:
                async with self.room.starting:  # a lesson page streams until it has run
                    response = await httpclient.AsyncHTTPClient().fetch(request,
                                                                        raise_error=False)
            else:
                response = await httpclient.AsyncHTTPClient().fetch(request, raise_error=False)
            if response.code == 599 and not state["started"]:
                state["status"], state["headers"] = 502, httputil.HTTPHeaders()
        finally:
            if render and state["kernel"] is None:
                seats.cancel(who)
        start()
        shutdown = KERNEL_PATH.match(self.request.path)
        if shutdown and self.request.path.startswith("/voila/api/shutdown/") \
                and state["status"] < 300:
            seats.release(shutdown.group(1))
        self.finish()


class WebSocketProxy(_Learner, websocket.WebSocketHandler):
    """Kernel websockets, passed to Voila for the learner whose page started the kernel."""

    upstream: websocket.WebSocketClientConnection | None = None

    async def prepare(self) -> None:
        who = self.learner()
        if who is None:
            self._refuse()
            return
        if not self._kernel_allowed(who):
            raise web.HTTPError(403)

    async def open(self, *args: str, **kwargs: str) -> None:
        headers = httputil.HTTPHeaders()
        if "Cookie" in self.request.headers:
            headers["Cookie"] = self.request.headers["Cookie"]
        request = httpclient.HTTPRequest(f"ws://{self.room.upstream}{self.request.uri}",
                                         headers=headers, connect_timeout=30)
        try:
            self.upstream = await websocket.websocket_connect(
                request, max_message_size=64 * 1024 * 1024)
        except (OSError, httpclient.HTTPClientError, websocket.WebSocketError):
            self.close(1011, "lesson kernel not reachable")
            return
        asyncio.ensure_future(self._pump_from_upstream(self.upstream))

    async def _pump_from_upstream(self, upstream: websocket.WebSocketClientConnection) -> None:
        while True:
            message = await upstream.read_message()
            if message is None:
                self.close()
                return
            try:
                await self.write_message(message, binary=isinstance(message, bytes))
            except websocket.WebSocketClosedError:
                upstream.close()
                return

    async def on_message(self, message: str | bytes) -> None:
        if self.upstream is not None:
            try:
                await self.upstream.write_message(message, binary=isinstance(message, bytes))
            except websocket.WebSocketClosedError:
                self.close()

    def on_close(self) -> None:
        if self.upstream is not None:
            self.upstream.close()


async def forget_gone_kernels(room: Room) -> None:
    """Release the seats of kernels Voila no longer has (shut down, culled, crashed)."""
    client = httpclient.AsyncHTTPClient()
    for kernel_id in room.seats.kernel_ids():
        response = await client.fetch(f"http://{room.upstream}/api/kernels/{kernel_id}",
                                      raise_error=False, request_timeout=10)
        if response.code == 404:
            room.seats.release(kernel_id)


def make_app(room: Room) -> web.Application:
    """The gate's Tornado application (call ``start_kernel_checks`` once it listens)."""
    # Tornado's client passes on 10 requests at a time by default and queues the rest: a
    # room of lesson pages streaming at once would queue the landing page and every asset
    # behind them. Allow every page the room may hold, with their assets, at once.
    httpclient.AsyncHTTPClient.configure(None, max_clients=room.seats.per_room * 4 + 50)
    kernel_socket = r"/api/kernels/[0-9a-f-]{36}/channels"
    return web.Application(
        [
            (r"/room/passcode", PasscodeHandler, {"room": room}),
            (kernel_socket, WebSocketProxy, {"room": room}),
            (r"/voila/query/[0-9a-f-]{36}", WebSocketProxy, {"room": room}),
            (r"/.*", HttpProxy, {"room": room}),
        ],
        cookie_secret=room.cookie_secret,
        websocket_max_message_size=64 * 1024 * 1024,
    )


def start_kernel_checks(room: Room) -> PeriodicCallback:
    """Every few seconds, free the seats of kernels that are gone."""
    checks = PeriodicCallback(lambda: forget_gone_kernels(room), KERNEL_CHECK_S * 1000)
    checks.start()
    return checks
