"""Room mode (``python3 run.py room``) in Chromium: the passcode page, then the lessons.

The room starts as run.py starts it (gate and Voila), but bound to 127.0.0.1 with a
known passcode. A learner's browser first sees only the passcode page; a wrong
passcode is refused with a message; the right one opens the list of lessons, and a
lesson shows its figures, which follow a slider moved with the keyboard. Leaving the
lesson shuts its kernel down, through the gate.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from lesson_browser.chromium import PageWatch
from lesson_browser.pages import (
    assert_panels_render,
    move_slider_with_keyboard,
    serious_axe_violations,
    wait_for_voila_page,
)
from lesson_browser.paths import NOTEBOOKS, ROOT, load_run_module
from lesson_browser.servers import Server, free_port

PASSCODE = "135790"
LESSON = NOTEBOOKS / "01_what_chemo_is_meant_to_do.ipynb"


@pytest.fixture(scope="module")
def room_server(artifacts):
    run = load_run_module()
    port = free_port()
    command = run.room_command(
        Path(sys.executable),
        ["--bind", "127.0.0.1", "--port", str(port), "--passcode", PASSCODE,
         "--qr", str(artifacts / "room-qr.png")],
        free_port())
    log_path = artifacts / "room.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed by Server.stop
    process = subprocess.Popen(command, cwd=ROOT, env=run.app_environment(), stdout=log,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Server("room", process, f"http://127.0.0.1:{port}", log_path, "", log)
    deadline = time.monotonic() + 240
    while "Ctrl+C stops the room" not in server.log_tail(100_000):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"the room did not start:\n{server.log_tail()}")
        time.sleep(0.5)
    yield server
    left = server.wait_for_no_kernels(timeout_s=90)
    survivors = server.stop()
    assert not left, f"the room still had {len(left)} kernel(s) after every page was left"
    assert not survivors, f"kernels outlived the room: {survivors}"


def test_the_room_prints_address_passcode_and_qr_code(room_server, artifacts):
    said = room_server.log_tail(100_000)
    assert f"Address:   {room_server.base_url}/" in said
    assert "Passcode:  135 790" in said
    assert (artifacts / "room-qr.png").read_bytes()[:4] == b"\x89PNG"


def test_without_the_passcode_a_lesson_address_shows_the_passcode_page(room_server, page):
    page.goto(f"{room_server.base_url}/voila/render/{LESSON.name}")
    assert "/room/passcode" in page.url
    assert page.get_by_label("Room passcode").is_visible()
    assert page.locator("#rendered_cells").count() == 0
    assert not room_server.kernel_pids(), "a kernel started without the passcode"


def test_passcode_then_landing_page_then_a_lesson_with_a_working_figure(
        room_server, page, artifacts):
    watch = PageWatch(page)
    page.goto(room_server.base_url + "/")
    assert "/room/passcode" in page.url
    assert serious_axe_violations(page) == []
    page.screenshot(path=artifacts / "room-passcode.png")

    page.get_by_label("Room passcode").fill("111 111")
    page.get_by_role("button", name="Open the lessons").click()
    assert "not the room passcode" in page.get_by_role("alert").inner_text()
    assert page.locator("ol.lessons a").count() == 0
    page.screenshot(path=artifacts / "room-wrong-passcode.png")

    page.get_by_label("Room passcode").fill(PASSCODE[:3] + " " + PASSCODE[3:])
    page.get_by_role("button", name="Open the lessons").click()
    links = page.locator("ol.lessons a")
    links.first.wait_for()
    names = [href.rsplit("/", 1)[-1] for href in
             (links.nth(i).get_attribute("href") for i in range(links.count()))]
    assert LESSON.name in names
    page.screenshot(path=artifacts / "room-landing.png", full_page=True)

    links.nth(names.index(LESSON.name)).click()
    wait_for_voila_page(page)
    assert_panels_render(page, LESSON, "#rendered_cells")
    before, after = move_slider_with_keyboard(page, 0, 0, "#rendered_cells", 60_000)
    assert after["src"] != before["src"], "the figure did not follow the slider"
    assert after["caption"], "the caption went empty"
    page.screenshot(path=artifacts / "room-lesson.png")
    assert len(room_server.kernel_pids()) == 1

    watch.leave()
    left = room_server.wait_for_no_kernels(timeout_s=60)
    assert not left, f"the lesson's kernel outlived the page: {left}"
    # The failed first passcode is the one refusal expected on this page.
    assert [r for r in watch.bad_responses if "/room/passcode" not in r] == []
    assert watch.non_local_requests() == []
