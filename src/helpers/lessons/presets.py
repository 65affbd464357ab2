"""A named example: control values and the story told when it is loaded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Preset", "check_offered"]

V = TypeVar("V")


@dataclass(frozen=True)
class Preset(Generic[V]):
    """One entry of a panel's Example menu.

    Attributes:
        values: the control values it loads (a frozen ``...Values``).
        story: what it shows, in plain words (one to three sentences).
    """

    values: V
    story: str

    def __post_init__(self) -> None:
        if not isinstance(self.story, str) or not self.story.strip():
            raise ValueError(f"story must be a non-empty string; got {self.story!r}")


def check_offered(name: str, value: object, offered: Sequence[object]) -> object:
    """``value`` if a control offers it (numbers compared to 1e-9 relative), else ValueError.

    Returns the offered item itself, so 21.0 given for an offered 21 comes back as 21.
    """
    for option in offered:
        if isinstance(value, bool) or isinstance(option, bool):
            if value is option:
                return option
            continue
        if isinstance(option, int | float) and isinstance(value, int | float):
            if abs(option - value) <= 1e-9 * max(abs(float(value)), 1e-300):
                return option
        elif option == value:
            return option
    raise ValueError(f"{name} must be one of {list(offered)}; got {value!r}")
