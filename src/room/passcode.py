"""The room's passcode and the address learners type.

The passcode is six digits, read aloud in two groups ("482 915"). Six digits give a
million choices; the gate slows guessing down (see ``gate.GUESSES_PER_MINUTE``), so a
passcode cannot be found by trying them all during a workshop.
"""

from __future__ import annotations

import hmac
import secrets
import socket
from pathlib import Path

__all__ = ["PASSCODE_DIGITS", "check_passcode", "lan_address", "new_passcode",
           "normalise_passcode", "spoken", "write_qr_png"]

PASSCODE_DIGITS = 6


def new_passcode() -> str:
    """A fresh random passcode of ``PASSCODE_DIGITS`` digits (leading zeros allowed)."""
    return f"{secrets.randbelow(10 ** PASSCODE_DIGITS):0{PASSCODE_DIGITS}d}"


def normalise_passcode(text: str) -> str:
    """The passcode as typed, without spaces or dashes ("482 915" -> "482915").

    Raises ValueError when ``text`` (after that) is not 4 to 12 digits: a passcode
    chosen with ``--passcode`` must be digits a learner can type on a phone keypad.
    """
    digits = "".join(ch for ch in text if ch not in " -")
    if not (digits.isdigit() and digits.isascii() and 4 <= len(digits) <= 12):
        raise ValueError(f"passcode must be 4 to 12 digits (spaces allowed); got {text!r}")
    return digits


def check_passcode(typed: str, passcode: str) -> bool:
    """True when ``typed`` is the passcode (spaces and dashes ignored), in constant time."""
    digits = "".join(ch for ch in typed if ch not in " -")
    return hmac.compare_digest(digits.encode(), passcode.encode())


def spoken(passcode: str) -> str:
    """The passcode in groups of three, as a facilitator reads it out ("482 915")."""
    return " ".join(passcode[i:i + 3] for i in range(0, len(passcode), 3))


def lan_address() -> str:
    """This computer's address on the local network, or 127.0.0.1 when it has none.

    Connecting a UDP socket only picks the outgoing interface; no packet is sent, so
    this works (and stays silent) with no internet.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def write_qr_png(url: str, path: Path, scale: int = 12) -> Path:
    """A QR code of ``url`` as a PNG at ``path`` (for the projector); returns ``path``.

    ``scale`` is pixels per QR module (1 to 50): 12 gives a code about 400 px wide,
    readable by a phone across a room.
    """
    if not 1 <= scale <= 50:
        raise ValueError(f"scale must be 1 to 50 pixels per module; got {scale}")
    import segno  # only room mode needs it (the app extra)

    path.parent.mkdir(parents=True, exist_ok=True)
    segno.make(url, error="m").save(str(path), scale=scale, border=4)
    return path
