"""run.py: the environment is reused when up to date; each command runs what it says."""

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("run_script", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv = tmp_path / ".venv"
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "STAMP", venv / ".stamp")
    python = module._venv_python()
    python.parent.mkdir(parents=True)
    python.write_text("")  # a stand-in interpreter: the venv "exists"
    return module


def test_up_to_date_environment_is_not_reinstalled(run, monkeypatch):
    run.STAMP.write_text(run._wanted_stamp() + "\n")
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a))
    run.ensure_environment()
    assert calls == []


def test_changed_pyproject_triggers_one_install_of_the_extras(run, monkeypatch):
    run.STAMP.write_text("an old stamp\n")
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda command, **k: calls.append(command))
    run.ensure_environment()
    installs = [c for c in calls if "--editable" in c]
    assert len(installs) == 1 and installs[0][-1] == f".[{run.EXTRAS}]"
    assert run.STAMP.read_text().strip() == run._wanted_stamp()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 run.py test" in readme
    assert "\npython3 run.py test" in ci


def test_lab_command_opens_lesson_00_on_this_computer_with_a_token(run):
    command = run.lab_command(Path("python"), ROOT)
    assert "--ServerApp.ip=127.0.0.1" in command
    assert (ROOT / run.FIRST_LESSON).is_file()
    assert f"--LabApp.default_url=/lab/tree/{run.FIRST_LESSON}" in command
    assert str(ROOT / run.FIRST_LESSON) in command
    # The lessons open unmodified (app/lab_config.py, tested in test_lab_config.py).
    assert f"--config={ROOT / 'app' / 'lab_config.py'}" in command
    assert (ROOT / "app" / "lab_config.py").is_file()
    # Token authentication left on: nothing blanks the token or the password.
    assert not any("token=" in part.lower() or "password" in part.lower()
                   for part in command)


@pytest.fixture
def calls(run, monkeypatch):
    """Commands run.py hands to subprocess.call (none is run); each "succeeds"."""
    made = []

    def fake_call(command, **kwargs):
        made.append(list(command))
        return 0

    monkeypatch.setattr(subprocess, "call", fake_call)
    return made


def _tools(calls):
    """The module each command runs with ``python -m``: ruff, mypy, pytest, ..."""
    return [command[command.index("-m") + 1] for command in calls]


def test_fast_tests_leave_out_the_browser_tests_and_chromium(run, calls, monkeypatch):
    def no_browser():
        raise AssertionError("--fast must not install Chromium or the hub proxy")

    monkeypatch.setattr(run, "ensure_browser", no_browser)
    monkeypatch.setattr(run, "ensure_hub_proxy", no_browser)
    assert run.test(Path("python"), ["--fast", "-k", "words"]) == 0
    assert _tools(calls) == ["ruff", "mypy", "pytest"]
    pytest_command = calls[-1]
    assert "--ignore=tests/browser" in pytest_command
    assert (ROOT / "tests" / "browser").is_dir()
    # The other arguments reach pytest, in order; --fast itself does not.
    assert pytest_command[-2:] == ["-k", "words"]
    assert "--fast" not in pytest_command


def test_plain_test_runs_ruff_mypy_then_every_test(run, calls, monkeypatch):
    looked = []
    monkeypatch.setattr(run, "ensure_browser", lambda: looked.append(True) or True)
    monkeypatch.setattr(run, "ensure_hub_proxy", lambda: looked.append("hub") or True)
    assert run.test(Path("python"), []) == 0
    assert looked == [True, "hub"]
    assert _tools(calls) == ["ruff", "mypy", "pytest"]
    assert calls[0][-2:] == ["check", "."]
    assert calls[1][-1] == "mypy"  # files come from pyproject's [tool.mypy]
    assert not any(arg.startswith("--ignore") for arg in calls[2])


def test_failing_mypy_stops_before_pytest(run, monkeypatch, capsys):
    made = []

    def fake_call(command, **kwargs):
        made.append(list(command))
        return 1 if "mypy" in command else 0

    monkeypatch.setattr(subprocess, "call", fake_call)
    assert run.test(Path("python"), ["--fast"]) == 1
    assert _tools(made) == ["ruff", "mypy"]
    assert "mypy found type errors" in capsys.readouterr().out


def test_answer_key_writes_the_facilitator_guide(run, calls, monkeypatch):
    monkeypatch.setattr(run, "ensure_environment", lambda: Path("venv-python"))
    assert run.main(["answer-key"]) == 0
    assert calls[1:] == [["venv-python", "-m", "helpers.quizzes.answer_key",
                          "--write", "docs/facilitator-guide.md"]]
    assert (ROOT / "docs" / "facilitator-guide.md").is_file()


@pytest.mark.parametrize("command", ["lab", "app", "room", "test", "answer-key", "kit"])
def test_every_command_first_compiles_the_series_code_and_goes_on_if_it_cannot(
        run, monkeypatch, command):
    made = []

    def fake_call(command, **kwargs):
        made.append(list(command))
        return 1 if made[-1][-1] == "room.bytecode" else 0  # a module it could not write

    monkeypatch.setattr(subprocess, "call", fake_call)
    monkeypatch.setattr(run, "ensure_environment", lambda: Path("venv-python"))
    reached = []
    monkeypatch.setitem(run.COMMANDS, command, lambda python, extra: reached.append(extra) or 0)
    assert run.main([command, "--x"]) == 0
    assert made == [["venv-python", "-m", "room.bytecode"]]
    assert reached == [["--x"]]


def _is_port_option(arg: str) -> bool:
    """A port option (``--port``, ``--Voila.port=``), not one that merely contains the
    letters (``--KernelManager.transport=``)."""
    return re.match(r"--(\w+\.)?port\b", arg) is not None


@pytest.mark.parametrize("flags", [["--port", "9000"], ["--port=9000"]])
def test_app_port_sets_the_one_port_flag_and_the_printed_address(run, calls, capsys, flags):
    assert run.app(Path("python"), [*flags, "--debug"]) == 0
    (command,) = calls
    ports = [arg for arg in command if _is_port_option(arg)]
    assert ports == ["--Voila.port=9000"]
    assert "--debug" in command  # other flags still reach Voila
    assert "http://127.0.0.1:9000/" in capsys.readouterr().out


def test_app_options_replace_the_same_option_instead_of_repeating_it(run, calls, capsys):
    # Voila exits on an option given twice ("open_browser only accepts one value").
    assert run.app(Path("python"), ["--Voila.open_browser=False", "--Voila.port=9100"]) == 0
    assert "http://127.0.0.1:9100/" in capsys.readouterr().out
    (command,) = calls
    assert [a for a in command if a.startswith("--Voila.open_browser")] == [
        "--Voila.open_browser=False"]
    assert [a for a in command if _is_port_option(a)] == ["--Voila.port=9100"]
    # Everything else run.py sets is still there, once.
    assert command.count("--VoilaConfiguration.template=chemo") == 1
    assert command.count("--Voila.ip=127.0.0.1") == 1


def test_app_without_port_uses_the_default(run, calls, capsys):
    assert run.app(Path("python"), []) == 0
    assert [arg for arg in calls[0] if _is_port_option(arg)] == [f"--Voila.port={run.APP_PORT}"]
    assert f"http://127.0.0.1:{run.APP_PORT}/" in capsys.readouterr().out


@pytest.mark.parametrize("flags", [["--port"], ["--port", "web"], ["--port=0"]])
def test_app_refuses_a_bad_port_without_starting_voila(run, calls, capsys, flags):
    assert run.app(Path("python"), flags) == 2
    assert calls == []
    assert "--port needs a number" in capsys.readouterr().out



def test_app_port_really_serves_the_lessons_on_that_port(run, tmp_path):
    """``python3 run.py app --port N``, for real: Voila starts and answers on port N.

    (The environment step is skipped: ``app`` is called with this Python. Another
    Voila flag is given too: each must reach Voila once, or it exits.)
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    script = ("import importlib.util, sys; from pathlib import Path; "
              f"spec = importlib.util.spec_from_file_location('run', {str(ROOT / 'run.py')!r}); "
              "run = importlib.util.module_from_spec(spec); spec.loader.exec_module(run); "
              "sys.exit(run.app(Path(sys.executable), "
              f"['--port', '{port}', '--Voila.open_browser=False']))")
    log = tmp_path / "app.log"
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, page = time.monotonic() + 120, ""
        while not page and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    page = answer.read().decode()
            except OSError:
                time.sleep(0.5)
        assert server.poll() is None, log.read_text()[-3000:]
        assert "Lessons, in order" in page and "00_start_here.ipynb" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
    assert f"Serving the lessons at http://127.0.0.1:{port}/" in log.read_text()


def test_tests_can_opt_out_of_the_network_cut(run, monkeypatch):
    monkeypatch.setattr(run, "can_cut_network", lambda: True)
    monkeypatch.setenv("CHEMO_SERIES_ONLINE_TESTS", "1")
    assert run.offline_prefix(Path("python")) == []
    monkeypatch.delenv("CHEMO_SERIES_ONLINE_TESTS")
    prefix = run.offline_prefix(Path("python"))
    assert prefix[:2] == ["unshare", "-n"] and prefix[-1] == run.OFFLINE_COMMAND
    monkeypatch.setattr(run, "can_cut_network", lambda: False)
    assert run.offline_prefix(Path("python")) == []


def test_the_test_command_runs_pytest_behind_the_network_cut(run, calls, monkeypatch):
    monkeypatch.setattr(run, "ensure_browser", lambda: True)
    monkeypatch.setattr(run, "ensure_hub_proxy", lambda: True)
    monkeypatch.setattr(run, "offline_prefix", lambda python: ["cut", "--net"])
    assert run.test(Path("python"), []) == 0
    ruff, mypy, pytest_command = calls
    assert pytest_command[:2] == ["cut", "--net"]
    assert ruff[0] == "python" and mypy[0] == "python"  # linting needs no cut


# Run inside the cut: loopback answers, another machine cannot be reached or named.
OFFLINE_PROBE = r"""
import os, socket
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen()
socket.create_connection(server.getsockname(), timeout=5).close()
for attempt in (lambda: socket.create_connection(("192.0.2.1", 80), timeout=5),
                lambda: socket.getaddrinfo("pypi.org", 443)):
    try:
        attempt()
    except OSError:
        continue
    raise SystemExit("reached outside")
print("offline", os.environ["CHEMO_SERIES_OFFLINE"])
"""


def test_the_network_cut_leaves_only_loopback(run):
    prefix = run.offline_prefix(Path(sys.executable))
    if not run.can_cut_network():
        # Not root, or no unshare: the tests run as they are, and say nothing false.
        assert prefix == []
        return
    done = subprocess.run([*prefix, sys.executable, "-c", OFFLINE_PROBE],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "offline 1"


def test_the_offline_guard_refuses_a_connection_to_another_machine(network_attempts):
    with pytest.raises(PermissionError, match="must not reach the network"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    # Remembered, so the run fails at the end even if a library swallowed the error;
    # taken back out here because this one was on purpose.
    assert "('192.0.2.1', 80)" in network_attempts
    network_attempts.remove("('192.0.2.1', 80)")
    with socket.create_server(("127.0.0.1", 0)) as server:
        socket.create_connection(server.getsockname(), timeout=1).close()
    assert network_attempts == []


@pytest.mark.skipif(os.name != "posix", reason="socket files are a POSIX feature")
def test_voila_kernels_use_socket_files_when_their_paths_fit(run, monkeypatch):
    # Socket files cannot clash the way free TCP ports can when a room starts 30 kernels
    # at once; a path longer than the system allows would stop every kernel, so a long
    # temporary folder (as on macOS) keeps TCP.
    monkeypatch.setattr(run.tempfile, "gettempdir", lambda: "/tmp")
    assert "--KernelManager.transport=ipc" in run.voila_command(Path("python"))
    longest = "/tmp/voila_12345678/kernel-" + "x" * 36 + "-ipc-5"
    assert len(longest) <= run.SOCKET_PATH_MAX
    monkeypatch.setattr(run.tempfile, "gettempdir",
                        lambda: "/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T")
    assert run.kernel_transport() == []
    assert not any("transport" in arg for arg in run.voila_command(Path("python")))


def test_each_server_gets_its_own_folder_of_shared_pictures(run):
    # The kernels of one server share their charts' pictures through this folder
    # (helpers.plots.live_figure); a new server starts with an empty one, so no
    # picture drawn by older code is ever read.
    from helpers.plots.live_figure import SHARED_PICTURES_ENV

    assert run.SHARED_PICTURES_ENV == SHARED_PICTURES_ENV
    first, second = run.app_environment({}), run.app_environment({})
    folders = [Path(env[SHARED_PICTURES_ENV]) for env in (first, second)]
    assert folders[0] != folders[1]
    assert all(folder.is_dir() and not any(folder.iterdir()) for folder in folders)
