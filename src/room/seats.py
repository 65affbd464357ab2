"""How many lesson kernels the room and each learner may hold.

Every open lesson page holds one kernel (a Python process of about 100-130 MB that runs
the lesson). A kernel counts from the moment its page is asked for (``reserve``), is
tied to its learner once Voila names it (``bind``), and stops counting when it is gone
(``release``: the page was left, the kernel was culled, or the page never started one).
Pure bookkeeping: no clock, no network.
"""

from __future__ import annotations

from collections import Counter

__all__ = ["LEARNER_FULL", "ROOM_FULL", "Seats"]

ROOM_FULL = "room-full"
LEARNER_FULL = "learner-full"


class Seats:
    """Kernel counts per learner and for the whole room, with their caps.

    ``per_room``: most kernels at once on this computer (1 to 500).
    ``per_learner``: most kernels one browser may hold at once (1 to 20): a learner
    with two lessons open in two tabs holds two.
    """

    def __init__(self, per_room: int, per_learner: int) -> None:
        if not 1 <= per_room <= 500:
            raise ValueError(f"per_room must be 1 to 500 kernels; got {per_room}")
        if not 1 <= per_learner <= 20:
            raise ValueError(f"per_learner must be 1 to 20 kernels; got {per_learner}")
        self.per_room = per_room
        self.per_learner = per_learner
        self._kernels: dict[str, str] = {}  # kernel id -> learner id
        self._pending: Counter[str] = Counter()  # learner id -> pages asked, no kernel yet

    def total(self) -> int:
        """Kernels held or being started, in the whole room."""
        return len(self._kernels) + sum(self._pending.values())

    def held_by(self, learner: str) -> int:
        """Kernels held or being started by ``learner``."""
        return self._pending[learner] + sum(1 for who in self._kernels.values()
                                            if who == learner)

    def kernel_ids(self) -> list[str]:
        return list(self._kernels)

    def owner(self, kernel_id: str) -> str | None:
        """The learner whose page started ``kernel_id`` (None: not a kernel of this room)."""
        return self._kernels.get(kernel_id)

    def reserve(self, learner: str) -> str | None:
        """Take a seat for a new lesson page; None when taken, else why not
        (``ROOM_FULL`` or ``LEARNER_FULL``)."""
        if self.held_by(learner) >= self.per_learner:
            return LEARNER_FULL
        if self.total() >= self.per_room:
            return ROOM_FULL
        self._pending[learner] += 1
        return None

    def bind(self, learner: str, kernel_id: str) -> None:
        """The page ``learner`` reserved now has its kernel, ``kernel_id``."""
        self._drop_pending(learner)
        self._kernels[kernel_id] = learner

    def cancel(self, learner: str) -> None:
        """The page ``learner`` reserved ended without a kernel."""
        self._drop_pending(learner)

    def release(self, kernel_id: str) -> None:
        """The kernel is gone (page left, culled); unknown ids are ignored."""
        self._kernels.pop(kernel_id, None)

    def _drop_pending(self, learner: str) -> None:
        if self._pending[learner] <= 0:
            raise ValueError(f"learner {learner!r} has no page being started")
        self._pending[learner] -= 1
        if not self._pending[learner]:
            del self._pending[learner]
