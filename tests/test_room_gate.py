"""Room mode's gate (src/room): nothing passes without the passcode; caps; the full page.

The gate runs in front of a stand-in for Voila (a few Tornado handlers that answer like
Voila's: a landing page, an asset, a lesson page that names its kernel, the kernel API,
the kernel websocket, the shutdown call). The stand-in counts what reaches it, so a test
can show a request without the passcode never got through.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import urllib.parse
import uuid
from pathlib import Path

import pytest
from tornado import httpclient, httpserver, testing, web, websocket

from room.gate import COOKIE, GUESSES_PER_MINUTE, Room, forget_gone_kernels, make_app
from room.pages import full_page
from room.passcode import (
    check_passcode,
    new_passcode,
    normalise_passcode,
    spoken,
    write_qr_png,
)
from room.seats import LEARNER_FULL, ROOM_FULL, Seats

PASSCODE = "314159"


class Upstream:
    """What reached the stand-in Voila, and which kernels it still has."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        self.kernels: set[str] = set()
        # When set, lesson pages wait for it after naming their kernel (a slow lesson).
        self.hold: asyncio.Event | None = None


def voila_stand_in(upstream: Upstream) -> web.Application:
    class Base(web.RequestHandler):
        def prepare(self) -> None:
            upstream.hits.append(self.request.path)

    class Landing(Base):
        def get(self) -> None:
            self.set_cookie("voila_a", "1")
            self.set_cookie("voila_b", "2")
            self.finish("<a href='/voila/render/01.ipynb'>Lesson 01</a>")

    class Asset(Base):
        def get(self) -> None:
            self.set_header("Content-Type", "application/javascript")
            self.finish("console.log('asset');")

    class Render(Base):
        async def get(self, name: str) -> None:
            kernel = str(uuid.uuid4())
            upstream.kernels.add(kernel)
            # The id early in a long page sent in one piece (as a pre-heated page is).
            self.write("<html><script>{\"kernelId\": \"" + kernel + "\"}</script>")
            self.write("<p>cell</p>" * 2000)
            await self.flush()
            if upstream.hold is not None:
                await upstream.hold.wait()
            self.finish(f"<p>{name} rendered</p></html>")

    class Kernel(Base):
        def get(self, kernel: str) -> None:
            if kernel not in upstream.kernels:
                raise web.HTTPError(404)
            self.finish({"id": kernel})

    class Shutdown(Base):
        def check_xsrf_cookie(self) -> None:
            pass

        def post(self, kernel: str) -> None:
            upstream.kernels.discard(kernel)
            self.set_status(204)

    class Channels(websocket.WebSocketHandler):
        def open(self, kernel: str) -> None:
            upstream.hits.append(self.request.path)

        def on_message(self, message):
            self.write_message(f"echo {message}")

    uid = r"([0-9a-f-]{36})"
    return web.Application([
        (r"/", Landing), (r"/voila/static/.*", Asset), (r"/voila/render/(.*)", Render),
        (rf"/api/kernels/{uid}", Kernel), (rf"/api/kernels/{uid}/channels", Channels),
        (rf"/voila/api/shutdown/{uid}", Shutdown),
    ])


class Browser:
    """One learner's browser: keeps its cookies, never follows redirects."""

    def __init__(self, port: int) -> None:
        self.base = f"127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    async def fetch(self, path: str, method: str = "GET", body: str | None = None,
                    headers: dict[str, str] | None = None) -> httpclient.HTTPResponse:
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                **(headers or {})}
        response = await httpclient.AsyncHTTPClient().fetch(
            f"http://{self.base}{path}", method=method, body=body, headers=sent,
            follow_redirects=False, raise_error=False)
        for header in response.headers.get_list("Set-Cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response

    async def type_passcode(self, passcode: str = PASSCODE) -> httpclient.HTTPResponse:
        return await self.fetch("/room/passcode", "POST",
                                urllib.parse.urlencode({"passcode": passcode, "next": "/"}))

    async def open_lesson(self) -> tuple[httpclient.HTTPResponse, str]:
        response = await self.fetch("/voila/render/01.ipynb")
        text = response.body.decode() if response.body else ""
        marker = '"kernelId": "'
        kernel = text.split(marker, 1)[1][:36] if marker in text else ""
        return response, kernel

    async def websocket(self, kernel: str) -> websocket.WebSocketClientConnection:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = httpclient.HTTPRequest(
            f"ws://{self.base}/api/kernels/{kernel}/channels", headers={"Cookie": cookie})
        return await websocket.websocket_connect(request)


def in_a_room(scenario, per_room: int = 10, per_learner: int = 2, starts_at_once: int = 2):
    """Run ``scenario(room, upstream, port)`` with the gate in front of the stand-in."""

    async def main():
        upstream = Upstream()
        voila_socket, voila_port = testing.bind_unused_port()
        voila = httpserver.HTTPServer(voila_stand_in(upstream))
        voila.add_sockets([voila_socket])
        room = Room(PASSCODE, voila_port, Seats(per_room, per_learner), starts_at_once)
        gate_socket, gate_port = testing.bind_unused_port()
        gate = httpserver.HTTPServer(make_app(room))
        gate.add_sockets([gate_socket])
        try:
            await scenario(room, upstream, gate_port)
        finally:
            gate.stop()
            voila.stop()

    # In a thread of its own: in a full test run, Playwright's browser fixture keeps an
    # event loop running in the main thread, where asyncio.run refuses to start.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, main()).result(timeout=120)


# --- without the passcode nothing passes ---------------------------------------------

@pytest.mark.parametrize("path", ["/", "/voila/static/voila.js", "/voila/render/01.ipynb",
                                  f"/api/kernels/{uuid.uuid4()}"])
def test_every_page_and_asset_without_the_passcode_is_the_passcode_page(path):
    async def scenario(room, upstream, port):
        browser = Browser(port)
        response = await browser.fetch(path)
        assert response.code == 302
        location = response.headers["Location"]
        assert location.startswith("/room/passcode?next=")
        assert urllib.parse.unquote(location.split("next=", 1)[1]) == path
        page = await browser.fetch(location)
        assert page.code == 200
        assert b"Room passcode" in page.body
        assert upstream.hits == []

    in_a_room(scenario)


def test_posts_and_websockets_without_the_passcode_are_refused_before_voila():
    async def scenario(room, upstream, port):
        browser = Browser(port)
        kernel = str(uuid.uuid4())
        upstream.kernels.add(kernel)
        response = await browser.fetch(f"/voila/api/shutdown/{kernel}", "POST", "x=1")
        assert response.code == 403
        with pytest.raises(httpclient.HTTPClientError) as refused:
            await browser.websocket(kernel)
        assert refused.value.code in (302, 403)
        assert upstream.hits == []
        assert kernel in upstream.kernels

    in_a_room(scenario)


def test_a_wrong_passcode_is_refused_and_gives_no_cookie():
    async def scenario(room, upstream, port):
        browser = Browser(port)
        response = await browser.type_passcode("271828")
        assert response.code == 403
        assert b"not the room passcode" in response.body
        assert COOKIE not in browser.cookies
        assert (await browser.fetch("/")).code == 302
        assert upstream.hits == []

    in_a_room(scenario)


def test_a_forged_or_tampered_cookie_is_refused():
    async def scenario(room, upstream, port):
        browser = Browser(port)
        await browser.type_passcode()
        good = browser.cookies[COOKIE]
        # Last character of the signature changed.
        browser.cookies[COOKIE] = good[:-2] + ("0" if good[-2] != "0" else "1") + good[-1]
        assert (await browser.fetch("/")).code == 302
        # A cookie signed with another secret (another run of the room).
        other = web.create_signed_value("f" * 64, COOKIE, "learner")
        browser.cookies[COOKIE] = other.decode()
        assert (await browser.fetch("/")).code == 302
        browser.cookies[COOKIE] = "learner"
        assert (await browser.fetch("/")).code == 302
        assert upstream.hits == []

    in_a_room(scenario)


@pytest.mark.parametrize(("wanted", "goes_to"), [
    ("/voila/render/01.ipynb", "/voila/render/01.ipynb"),
    ("//evil.example/", "/"), ("/\\evil.example/", "/"), ("https://evil.example/", "/"),
])
def test_after_the_passcode_the_browser_only_goes_to_a_page_of_the_room(wanted, goes_to):
    async def scenario(room, upstream, port):
        browser = Browser(port)
        response = await browser.fetch("/room/passcode", "POST", urllib.parse.urlencode(
            {"passcode": PASSCODE, "next": wanted}))
        assert response.code == 302
        assert response.headers["Location"] == goes_to

    in_a_room(scenario)


def test_guessing_is_slowed_down():
    async def scenario(room, upstream, port):
        browser = Browser(port)
        for _ in range(GUESSES_PER_MINUTE):
            assert (await browser.type_passcode("000000")).code == 403
        # Even the right passcode waits once the guesses are used up.
        response = await browser.type_passcode()
        assert response.code == 429
        assert COOKIE not in browser.cookies

    in_a_room(scenario)


# --- with the passcode ---------------------------------------------------------------

def test_the_right_passcode_opens_pages_assets_and_the_own_kernel_websocket():
    async def scenario(room, upstream, port):
        browser = Browser(port)
        response = await browser.type_passcode("314 159")
        assert response.code == 302 and response.headers["Location"] == "/"
        assert browser.cookies.get("_xsrf")
        landing = await browser.fetch("/")
        assert landing.code == 200 and b"Lesson 01" in landing.body
        # Headers pass once each, cookies each time.
        assert len(landing.headers.get_list("Server")) == 1
        assert len(landing.headers.get_list("Date")) == 1
        assert browser.cookies["voila_a"] == "1" and browser.cookies["voila_b"] == "2"
        asset = await browser.fetch("/voila/static/voila.js")
        assert asset.body == b"console.log('asset');"
        assert asset.headers["Content-Type"] == "application/javascript"
        page, kernel = await browser.open_lesson()
        assert page.code == 200 and kernel in upstream.kernels
        assert room.seats.owner(kernel) is not None
        socket = await browser.websocket(kernel)
        socket.write_message("hello")
        assert await socket.read_message() == "echo hello"
        socket.close()

    in_a_room(scenario)


def test_a_learner_cannot_reach_another_learners_kernel():
    async def scenario(room, upstream, port):
        ana, ben = Browser(port), Browser(port)
        await ana.type_passcode()
        await ben.type_passcode()
        _, kernel = await ana.open_lesson()
        with pytest.raises(httpclient.HTTPClientError) as refused:
            await ben.websocket(kernel)
        assert refused.value.code == 403
        response = await ben.fetch(f"/voila/api/shutdown/{kernel}", "POST", "x=1")
        assert response.code == 403
        assert kernel in upstream.kernels

    in_a_room(scenario)


def test_a_post_from_another_site_is_refused():
    async def scenario(room, upstream, port):
        browser = Browser(port)
        await browser.type_passcode()
        _, kernel = await browser.open_lesson()
        response = await browser.fetch(f"/voila/api/shutdown/{kernel}", "POST", "x=1",
                                       headers={"Origin": "http://elsewhere.example"})
        assert response.code == 403
        assert kernel in upstream.kernels

    in_a_room(scenario)


def test_many_slow_lesson_pages_do_not_hold_up_the_landing_page():
    async def scenario(room, upstream, port):
        upstream.hold = asyncio.Event()
        learners = [Browser(port) for _ in range(15)]
        for learner in learners:
            await learner.type_passcode()
        pages = [asyncio.ensure_future(learner.open_lesson()) for learner in learners]
        deadline = asyncio.get_running_loop().time() + 10
        while len(upstream.kernels) < 15 and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        # Fifteen lesson pages are streaming at once, all started in Voila...
        assert len(upstream.kernels) == 15
        # ... and the landing page still comes straight through.
        landing = await asyncio.wait_for(learners[0].fetch("/"), timeout=5)
        assert landing.code == 200
        upstream.hold.set()
        assert [page.code for page, _ in await asyncio.gather(*pages)] == [200] * 15

    in_a_room(scenario, per_room=20, starts_at_once=20)


def test_lesson_pages_start_a_few_at_a_time_first_come_first_served():
    async def scenario(room, upstream, port):
        upstream.hold = asyncio.Event()
        learners = [Browser(port) for _ in range(5)]
        for learner in learners:
            await learner.type_passcode()
        pages = []
        for learner in learners:
            pages.append(asyncio.ensure_future(learner.open_lesson()))
            await asyncio.sleep(0.05)  # arrive in order
        await asyncio.sleep(0.5)
        # Two start in Voila; three wait at the gate, holding their places in the room.
        assert len(upstream.kernels) == 2
        assert room.seats.total() == 5
        # The landing page does not wait behind them.
        assert (await asyncio.wait_for(learners[4].fetch("/"), timeout=5)).code == 200
        upstream.hold.set()
        finished = await asyncio.gather(*pages)
        assert [page.code for page, _ in finished] == [200] * 5
        assert len(upstream.kernels) == 5

    in_a_room(scenario, per_room=10, starts_at_once=2)


def test_the_start_queue_width_is_checked():
    with pytest.raises(ValueError, match="starts_at_once"):
        Room(PASSCODE, 1, Seats(5, 1), starts_at_once=0)


# --- caps and the full page ----------------------------------------------------------

def test_over_the_learner_cap_a_lesson_page_is_a_clear_503():
    async def scenario(room, upstream, port):
        browser = Browser(port)
        await browser.type_passcode()
        first, kernel = await browser.open_lesson()
        assert first.code == 200
        second, _ = await browser.open_lesson()
        assert second.code == 503
        assert b"Close a lesson tab" in second.body
        assert len(upstream.kernels) == 1
        # Leaving the first page frees the seat.
        left = await browser.fetch(f"/voila/api/shutdown/{kernel}", "POST", "x=1")
        assert left.code == 204
        again, _ = await browser.open_lesson()
        assert again.code == 200

    in_a_room(scenario, per_room=5, per_learner=1)


def test_a_full_room_says_so_and_frees_seats_when_kernels_are_gone():
    async def scenario(room, upstream, port):
        learners = [Browser(port) for _ in range(3)]
        for learner in learners:
            await learner.type_passcode()
        kernels = [(await learner.open_lesson())[1] for learner in learners[:2]]
        full, _ = await learners[2].open_lesson()
        assert full.code == 503
        assert full.headers["Retry-After"] == "60"
        assert "The room is full — please wait a minute and reload." in full.body.decode()
        assert len(upstream.kernels) == 2
        # Voila culls an idle kernel: the gate notices and the seat is free again.
        upstream.kernels.discard(kernels[0])
        await forget_gone_kernels(room)
        assert room.seats.total() == 1
        later, _ = await learners[2].open_lesson()
        assert later.code == 200

    in_a_room(scenario, per_room=2, per_learner=2)


def test_the_full_page_names_the_right_reason():
    assert "room is full" in full_page(ROOM_FULL)
    assert "room is full" not in full_page(LEARNER_FULL)


# --- seats and passcode, on their own ------------------------------------------------

def test_seats_count_pending_and_bound_kernels_per_learner_and_room():
    seats = Seats(per_room=3, per_learner=2)
    assert seats.reserve("a") is None
    assert seats.reserve("a") is None
    assert seats.reserve("a") == LEARNER_FULL
    assert seats.reserve("b") is None
    assert seats.reserve("c") == ROOM_FULL
    seats.bind("a", "k1")
    seats.cancel("a")  # a page that ended without a kernel
    assert seats.held_by("a") == 1 and seats.total() == 2
    seats.release("k1")
    seats.release("k1")  # twice is harmless
    assert seats.held_by("a") == 0 and seats.total() == 1
    with pytest.raises(ValueError, match="no page being started"):
        seats.cancel("a")


@pytest.mark.parametrize(("per_room", "per_learner", "named"),
                         [(0, 1, "per_room"), (501, 1, "per_room"), (5, 0, "per_learner"),
                          (5, 21, "per_learner")])
def test_seats_refuse_caps_out_of_range(per_room, per_learner, named):
    with pytest.raises(ValueError, match=named):
        Seats(per_room, per_learner)


def test_passcodes_are_six_digits_read_in_two_groups():
    codes = {new_passcode() for _ in range(50)}
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(codes) > 40  # random, not one fixed code
    assert spoken("048213") == "048 213"
    assert check_passcode(" 048-213", "048213")
    assert not check_passcode("048214", "048213")
    assert normalise_passcode("24 68 10") == "246810"


@pytest.mark.parametrize("typed", ["abc123", "123", "1234567890123", "１２３４５６"])
def test_a_chosen_passcode_must_be_4_to_12_plain_digits(typed):
    with pytest.raises(ValueError, match="4 to 12 digits"):
        normalise_passcode(typed)


def test_the_qr_code_is_a_png_picture(tmp_path):
    path = write_qr_png("http://192.168.1.20:8866/", tmp_path / "qr.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    # 12 pixels a module, a border of 4 modules each side, version 2 or more (25+ modules).
    assert width >= (25 + 8) * 12
    with pytest.raises(ValueError, match="scale"):
        write_qr_png("http://x/", tmp_path / "bad.png", scale=0)


# --- the command: run.py room and python -m room -------------------------------------

def test_run_py_room_puts_voila_on_loopback_behind_the_gate():
    from lesson_browser.paths import load_run_module

    run = load_run_module()
    assert run.COMMANDS["room"] is run.room
    command = run.room_command(Path("py"), ["--passcode", "246810", "--",
                                            "--MappingKernelManager.cull_interval=10"], 4321)
    split = command.index("--")
    assert command[:split] == ["py", "-m", "room", "--passcode", "246810"]
    voila = command[split + 1:]
    assert voila[:3] == ["py", "-m", "voila"]
    assert "--Voila.ip=127.0.0.1" in voila and "--Voila.port=4321" in voila
    # A Voila flag given again replaces the app's own (Voila exits on a repeated flag).
    culls = [a for a in voila if a.startswith("--MappingKernelManager.cull_interval=")]
    assert culls == ["--MappingKernelManager.cull_interval=10"]


@pytest.mark.parametrize(("argv", "says"), [
    (["--passcode", "12ab", "--", "voila", "--Voila.port=5"], "4 to 12 digits"),
    (["--", "voila"], "--Voila.port"),
    (["--port", "0", "--", "voila", "--Voila.port=5"], "1 to 65535"),
    (["--max-kernels", "501", "--", "voila", "--Voila.port=5"], "1 to 500"),
    (["--per-learner", "0", "--", "voila", "--Voila.port=5"], "1 to 20"),
    (["--starts-at-once", "0", "--", "voila", "--Voila.port=5"], "1 to 64"),
])
def test_python_m_room_refuses_bad_options(argv, says, capsys):
    from room.__main__ import parse_args

    with pytest.raises(SystemExit):
        parse_args(argv)
    assert says in capsys.readouterr().err


def test_python_m_room_reads_its_options_and_the_voila_port():
    from room.__main__ import parse_args

    args, voila = parse_args(["--passcode", "24 68 10", "--per-learner", "1", "--",
                              "voila", "--Voila.port=5123"])
    assert args.passcode == "246810" and args.per_learner == 1 and args.voila_port == 5123
    assert args.bind == "0.0.0.0"  # room mode is for the local network
    assert voila == ["voila", "--Voila.port=5123"]


def test_warm_lessons_preheat_only_the_named_lesson_and_keep_the_app_config():
    import json

    from room.__main__ import with_warm_lesson

    voila = ["voila", "--Voila.port=5", "--Voila.config_file_paths=/app"]
    assert with_warm_lesson(voila, 0, "01.ipynb") == voila
    warm = with_warm_lesson(voila, 12, "01.ipynb")
    # The app's config (the kit's links) stays; its hook is left out by PREHEAT_ENV.
    assert "--Voila.config_file_paths=/app" in warm
    assert "--VoilaConfiguration.preheat_kernel=True" in warm
    # Replacements wait a minute, not 1 s, so they do not slow the pages just opened.
    assert "--VoilaKernelManager.fill_delay=60" in warm
    pools = next(a for a in warm if a.startswith("--VoilaKernelManager.kernel_pools_config="))
    assert json.loads(pools.split("=", 1)[1]) == {"default": {"pool_size": 0},
                                                  "01.ipynb": {"pool_size": 12}}


def test_python_m_room_refuses_too_many_warm_pages(capsys):
    from room.__main__ import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--warm", "61", "--", "voila", "--Voila.port=5"])
    assert "0 to 60" in capsys.readouterr().err


@pytest.mark.parametrize("preheat", [False, True])
def test_app_config_leaves_its_hook_out_only_for_preheated_rooms(preheat, monkeypatch):
    """Voila refuses pre-heated kernels beside a prelaunch hook; the kit links stay."""
    from traitlets.config import Config

    from room import PREHEAT_ENV

    if preheat:
        monkeypatch.setenv(PREHEAT_ENV, "1")
    else:
        monkeypatch.delenv(PREHEAT_ENV, raising=False)
    config = Config()
    app_config = Path(__file__).resolve().parents[1] / "app" / "voila.py"
    exec(compile(app_config.read_text(), str(app_config), "exec"),
         {"get_config": lambda: config, "__file__": str(app_config)})
    assert ("prelaunch_hook" in config.VoilaConfiguration) is not preheat
    assert "chemo_kit" in config.Voila.tornado_settings["jinja_template_vars"]
