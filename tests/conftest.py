"""Shared test settings."""

from __future__ import annotations

import ipaddress
import os
import sys

import matplotlib
import pytest
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

# Property tests: a fixed, modest budget so the suite stays quick on 2 cores;
# derandomize keeps every run the same (seeded, reproducible).
settings.register_profile(
    "series", max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "series"))


# Offline guard: the series must work in a workshop room with no internet, so no
# test may reach another machine. Any connection from this process to an address
# that is not this computer's loopback is refused on the spot and remembered, and
# the run fails at the end even if the caller swallowed the error. (Kernels, Voila
# and Chromium run in other processes: `python3 run.py test` cuts their network
# with a network namespace where the machine allows it; see run.py offline_prefix.)
REACHED_OUT: list[str] = []


def _is_this_computer(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False  # a host name other than localhost
    return address.is_loopback or address.is_unspecified


def _offline_guard(event: str, args: tuple) -> None:
    if event != "socket.connect":
        return
    address = args[1]
    if isinstance(address, tuple) and not _is_this_computer(address[0]):
        REACHED_OUT.append(repr(address))
        raise PermissionError(f"the tests must not reach the network; tried {address!r}")


sys.addaudithook(_offline_guard)


def pytest_sessionfinish(session, exitstatus):
    if REACHED_OUT:
        print(f"\nThe tests tried to reach the network {len(REACHED_OUT)} time(s): "
              + ", ".join(sorted(set(REACHED_OUT))))
        session.exitstatus = 1


@pytest.fixture
def network_attempts() -> list[str]:
    """The offline guard's record of refused connections (for the guard's own test)."""
    return REACHED_OUT
