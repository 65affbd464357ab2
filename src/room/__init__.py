"""Room mode: the app (Voila) served to a workshop room on the local network.

``python3 run.py room`` runs ``python -m room``: a small Tornado gate listens on every
network interface, asks for the room's passcode, and passes what a passcoded browser asks
for (pages, assets, kernel websockets) to Voila, which listens on this computer only.

Modules, one concern each:
    passcode  the passcode (make, check) and the address a learner types
    seats     how many lesson kernels each learner and the room may hold
    pages     the passcode page and the "room is full" page (HTML)
    gate      the Tornado application: cookie, caps, proxy for HTTP and websockets
    __main__  the command: start Voila, start the gate, print address, passcode, QR code
    kernels   a closing kernel steps aside for the ones in use
    warm_kernels  lesson kernels forked from a warm parent that has done the imports
"""

import signal
import subprocess

#: Set in Voila's environment when room mode pre-heats kernels (``--warm``); read by
#: app/voila.py, which then leaves out its prelaunch hook (Voila refuses both together).
PREHEAT_ENV = "CHEMO_VOILA_PREHEAT"


def stop_process(process: subprocess.Popen, grace_s: float) -> None:
    """Ask ``process`` to stop (SIGTERM, so it can close what it started), wait up to
    ``grace_s`` seconds, then kill it. A process already ended is left as it is."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)
