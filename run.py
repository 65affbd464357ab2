#!/usr/bin/env python3
"""Set up and run the series with one command.

    python3 run.py lab              # open JupyterLab on the first lesson
    python3 run.py app              # the lessons as web pages (code hidden), on this computer
    python3 run.py app --port 9000  # the same on another port (8866 by default)
    python3 run.py room             # the app for a workshop room: local network, passcode
    python3 run.py room --passcode 246810  # the same with a passcode you choose
    python3 run.py test             # ruff, mypy, then every test (browser tests included)
    python3 run.py test --fast      # the same without the browser tests (no Chromium needed)
    python3 run.py answer-key       # rewrite the facilitator guide's answer keys
    python3 run.py kit              # build the workshop kit (handouts, worksheets, site) in kit/

Extra arguments after ``test`` (or ``test --fast``) go to pytest.

Every command creates (or reuses) a local virtual environment in ``.venv``
from ``pyproject.toml``. An environment that is already up to date is not
reinstalled: a stamp file records a hash of the files that define it.

Only the Python standard library is used here, so this works on a fresh
machine with Python 3.11 or newer.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".chemo-series-installed"
# The files whose content decides what the environment must hold.
DEFINING_FILES = ("pyproject.toml",)
EXTRAS = "test,app"
FIRST_LESSON = "notebooks/00_start_here.ipynb"
NOTEBOOKS = ROOT / "notebooks"
# Holds voila/templates/chemo: the app's landing page and lesson page template.
APP_DATA = ROOT / "app"
# JupyterLab's own settings for the series (lessons open without "unsaved changes").
LAB_CONFIG = APP_DATA / "lab_config.py"
APP_PORT = 8866
CHROMIUM = Path("/usr/bin/chromium")
# Browser tests: left out by ``test --fast`` (they need Chromium and take minutes).
BROWSER_TESTS = "tests/browser"
# Written by ``answer-key`` from src/helpers/quizzes.
FACILITATOR_GUIDE = "docs/facilitator-guide.md"


def _venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def _wanted_stamp() -> str:
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]}|{EXTRAS}".encode())
    for name in DEFINING_FILES:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_environment() -> Path:
    """Create or update ``.venv``; return its Python. Skips pip when up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py runs on any system Python
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    python = _venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _wanted_stamp()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return python
    print("Installing the series and its dependencies (first run only) ...", flush=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True
    )
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--editable", f".[{EXTRAS}]"],
        check=True,
        cwd=ROOT,
    )
    STAMP.write_text(wanted + "\n")
    return python


def lab_command(python: Path, root_dir: Path = ROOT) -> list[str]:
    """JupyterLab on the first lesson; shared with the browser tests."""
    command = [
        str(python), "-m", "jupyter", "lab",
        # Bound to this computer only; Jupyter's token authentication stays on.
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={root_dir}",
        # The address Jupyter prints (and the one a browser opens) goes straight
        # to lesson 00, so a copied link shows the first lesson, not an empty Lab.
        f"--LabApp.default_url=/lab/tree/{FIRST_LESSON}",
        # A lesson opens unmodified: see app/lab_config.py.
        f"--config={LAB_CONFIG}",
        str(root_dir / FIRST_LESSON),
    ]
    if os.name == "posix" and os.geteuid() == 0:
        # Containers and workshop VMs often run as root; Jupyter refuses without this.
        command.append("--allow-root")
    return command


def lab(python: Path, extra: list[str]) -> int:
    return subprocess.call([*lab_command(python), *extra], cwd=ROOT)


def app_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for one Voila server: the series' own template on its path, and
    a new folder for its kernels' shared pictures (so call it once per server)."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(APP_DATA), env.get("JUPYTER_PATH", "")) if p
    )
    # One folder per server where its kernels share the pictures of their charts
    # (helpers.plots.live_figure: the whole room makes the same moves, so one kernel's
    # drawing serves the others). It goes when this process ends.
    shared = tempfile.mkdtemp(prefix="chemo-pictures-")
    atexit.register(shutil.rmtree, shared, ignore_errors=True)
    env[SHARED_PICTURES_ENV] = shared
    return env


#: Read by helpers.plots.live_figure (run.py imports nothing from the package: it runs
#: before the environment exists); tests/test_run_script.py checks the two agree.
SHARED_PICTURES_ENV = "CHEMO_SHARED_PICTURES"


def voila_command(python: Path, port: int = APP_PORT, *, open_browser: bool = True,
                  notebook_dir: Path = NOTEBOOKS) -> list[str]:
    """Voila serving every lesson in ``notebook_dir``; shared with tests and benchmarks."""
    return [
        str(python), "-m", "voila", str(notebook_dir),
        "--Voila.ip=127.0.0.1",  # this computer only
        f"--Voila.port={port}",
        "--Voila.open_browser=" + str(open_browser),
        # The series' template: a landing page listing the lessons in order,
        # and lesson pages that fetch nothing from the internet.
        "--VoilaConfiguration.template=chemo",
        "--VoilaConfiguration.classic_tree=True",
        "--VoilaConfiguration.strip_sources=True",  # code hidden
        f"--Voila.config_file_paths={APP_DATA}",  # app/voila.py
        # A kernel whose page was closed without saying so (a crashed tab, a
        # sleeping laptop) is shut down after two idle minutes.
        "--MappingKernelManager.cull_idle_timeout=120",
        "--MappingKernelManager.cull_interval=30",
        "--MappingKernelManager.cull_connected=False",
        *kernel_transport(),
    ]


#: The longest path a local socket file may have (sockaddr_un.sun_path, less its end byte).
SOCKET_PATH_MAX = 107


def kernel_transport() -> list[str]:
    """Voila's kernels on local socket files where the system allows it, else on TCP.

    Why: a room starting 30 kernels at once picks free TCP ports that another process
    can take before the kernel binds them ("Address already in use"); the kernel is
    restarted without its pre-run lesson, and a learner waited two minutes for that page
    (benchmarks/room_load.py --warm 30). Socket files cannot clash. Voila keeps them in
    <temp>/voila_XXXXXXXX/kernel-<36-character id>-ipc-N, which must fit SOCKET_PATH_MAX
    (a long temporary folder, as on macOS, keeps TCP).
    """
    longest = len(tempfile.gettempdir()) + len("/voila_12345678/kernel--ipc-5") + 36
    if os.name != "posix" or longest > SOCKET_PATH_MAX:
        return []
    return ["--KernelManager.transport=ipc"]


def _take_port(extra: list[str]) -> tuple[int, list[str]]:
    """The port from ``--port N``, ``--port=N`` or ``--Voila.port=N`` in ``extra`` (else
    APP_PORT), and the rest.

    Raises ValueError when the port is missing or not a whole number from 1 to 65535.
    """
    port, rest, args = APP_PORT, [], iter(extra)
    for arg in args:
        if arg == "--port" or arg.startswith(("--port=", "--Voila.port=")):
            text = arg.partition("=")[2] if "=" in arg else next(args, "")
            if not text.isdigit() or not 1 <= int(text) <= 65535:
                raise ValueError(f"--port needs a number from 1 to 65535; got {text!r}")
            port = int(text)
        else:
            rest.append(arg)
    return port, rest


def _option_name(arg: str) -> str | None:
    """``--Voila.open_browser`` for ``--Voila.open_browser=False``; None for other arguments."""
    return arg.split("=", 1)[0] if arg.startswith("--") and "=" in arg else None


def with_options(command: list[str], extra: list[str]) -> list[str]:
    """``command`` then ``extra``, where an ``--Name=value`` in ``extra`` replaces the same
    option in ``command``: Voila (traitlets) exits when one option is given twice."""
    replaced = {_option_name(arg) for arg in extra} - {None}
    return [arg for arg in command if _option_name(arg) not in replaced] + extra


def app(python: Path, extra: list[str]) -> int:
    try:
        port, extra = _take_port(extra)
    except ValueError as problem:
        print(problem, flush=True)
        return 2
    print(f"Serving the lessons at http://127.0.0.1:{port}/ (Ctrl+C to stop).", flush=True)
    return subprocess.call(
        with_options(voila_command(python, port), extra), cwd=ROOT, env=app_environment()
    )


def _free_loopback_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def room_command(python: Path, extra: list[str], voila_port: int) -> list[str]:
    """The room gate (src/room) in front of Voila on ``voila_port`` (loopback only).

    ``extra``: the gate's options (``--port``, ``--passcode``, ``--max-kernels``,
    ``--per-learner``), then, after ``--``, extra Voila flags. Shared with the room tests
    and benchmarks/room_load.py.
    """
    split = extra.index("--") if "--" in extra else len(extra)
    gate, voila_extra = extra[:split], extra[split + 1:]
    voila = with_options(voila_command(python, voila_port, open_browser=False), voila_extra)
    return [str(python), "-m", "room", *gate, "--", *voila]


def room(python: Path, extra: list[str]) -> int:
    """The app for a workshop room: every device on the local network, with a passcode."""
    return subprocess.call(room_command(python, extra, _free_loopback_port()), cwd=ROOT,
                           env=app_environment())


def ensure_browser() -> bool:
    """Make sure Debian's Chromium is there for the browser tests."""
    if CHROMIUM.exists():
        return True
    if os.name == "posix" and os.geteuid() == 0:
        print("Installing Chromium for the browser tests (apt-get) ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for step in (["apt-get", "update", "-qq"],
                     ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                      "chromium"]):
            done = subprocess.run(step, env=env, stdout=subprocess.DEVNULL)
            if done.returncode != 0:
                print(f"'{' '.join(step)}' failed.", flush=True)
                return False
        return CHROMIUM.exists()
    print(
        f"The browser tests need Chromium at {CHROMIUM}, which is missing.\n"
        "Install it once, as an administrator:\n"
        "    sudo apt-get update && sudo apt-get install -y chromium\n"
        "then run this command again.",
        flush=True,
    )
    return False


def ensure_hub_proxy() -> bool:
    """Install JupyterHub's proxy (npm) for the hub test now: the tests never reach the network."""
    done = subprocess.run([sys.executable, str(ROOT / "deploy" / "hub_proxy.py")])
    if done.returncode != 0:
        print("Could not install JupyterHub's proxy (it needs Node.js and npm).", flush=True)
    return done.returncode == 0


def test(python: Path, extra: list[str]) -> int:
    """ruff, then mypy, then pytest; each stops the run if it fails.

    ``--fast`` leaves the browser tests out (and does not look for Chromium);
    every other argument goes to pytest.
    """
    fast = "--fast" in extra
    extra = [arg for arg in extra if arg != "--fast"]
    if not fast and not ensure_browser():
        return 1
    if not fast and not ensure_hub_proxy():
        return 1
    lint = subprocess.call([str(python), "-m", "ruff", "check", "."], cwd=ROOT)
    if lint != 0:
        print("ruff found problems (see above).", flush=True)
        return lint
    # What mypy checks is set in pyproject.toml ([tool.mypy] files).
    types = subprocess.call([str(python), "-m", "mypy"], cwd=ROOT)
    if types != 0:
        print("mypy found type errors (see above).", flush=True)
        return types
    skip = [f"--ignore={BROWSER_TESTS}"] if fast else []
    offline = offline_prefix(python)
    if offline:
        print("Running the tests offline: in a network namespace with only loopback up, "
              "so anything that reaches for the network fails.", flush=True)
    return subprocess.call([*offline, str(python), "-m", "pytest", *skip, *extra], cwd=ROOT)


def can_cut_network() -> bool:
    """True when this machine lets us run a command with the network cut (root, unshare)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    return probe.returncode == 0


def offline_prefix(python: Path) -> list[str]:
    """What to put before a command to run it offline, or [] where the machine cannot.

    The command then runs in a new network namespace (``unshare -n``) whose only
    interface is loopback, brought up by ``run.py _offline`` before it hands over:
    kernels, Voila, JupyterHub and Chromium still talk to each other on 127.0.0.1,
    and nothing can reach another machine. Set CHEMO_SERIES_ONLINE_TESTS=1 to opt out.
    """
    if os.environ.get("CHEMO_SERIES_ONLINE_TESTS") == "1" or not can_cut_network():
        return []
    return ["unshare", "-n", str(python), str(ROOT / "run.py"), OFFLINE_COMMAND]


def loopback_up() -> None:
    """Bring up ``lo`` in this network namespace (a new namespace starts with it down).

    Uses the SIOCGIFFLAGS/SIOCSIFFLAGS ioctls directly, so no iproute2 is needed.
    """
    import fcntl
    import socket
    import struct

    get_flags, set_flags, interface_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sh", b"lo", 0)
        flags = struct.unpack("16sh", fcntl.ioctl(sock, get_flags, request)[:18])[1]
        fcntl.ioctl(sock, set_flags, struct.pack("16sh", b"lo", flags | interface_up))


def run_offline(command: list[str]) -> int:
    """Inside ``unshare -n``: loopback up, then become ``command`` (never returns)."""
    loopback_up()
    os.environ["CHEMO_SERIES_OFFLINE"] = "1"
    os.execvp(command[0], command)
    return 1  # not reached; keeps the type checker honest


def answer_key(python: Path, extra: list[str]) -> int:
    """Rewrite the answer keys in the facilitator guide from src/helpers/quizzes."""
    return subprocess.call(
        [str(python), "-m", "helpers.quizzes.answer_key", "--write", FACILITATOR_GUIDE,
         *extra],
        cwd=ROOT,
    )


def kit(python: Path, extra: list[str]) -> int:
    """Build the workshop kit into kit/ (src/workshop_kit): handouts, worksheets, answer key,
    checklist and the series as a static site; PDFs printed by headless Chromium."""
    return subprocess.call([str(python), "-m", "workshop_kit.build", *extra], cwd=ROOT)


COMMANDS = {"lab": lab, "app": app, "room": room, "test": test, "answer-key": answer_key,
            "kit": kit}


# Used by ``offline_prefix``; not a command for people, so not in COMMANDS.
OFFLINE_COMMAND = "_offline"


def main(argv: list[str]) -> int:
    if argv[:1] == [OFFLINE_COMMAND]:
        return run_offline(argv[1:])
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    python = ensure_environment()
    # The series' own modules compiled once here, not in every lesson kernel, where
    # PYTHONDONTWRITEBYTECODE would have each compile them anew (see src/room/bytecode.py).
    subprocess.call([str(python), "-m", "room.bytecode"], cwd=ROOT)
    return COMMANDS[argv[0]](python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
