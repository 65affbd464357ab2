"""The newest few of something, by key: what the figures and panels keep from one move
to the next.

Band pictures (``live_figure``), text masks and layouts (``text_masks``), tick places
(``tick_lines``) and a panel's recent states (``panels.base``) are each kept in an
``OrderedDict``, newest last, up to a fixed count: this is the one home of that rule.
Private to the plots and panels: callers pass their own keys and counts, which are not
a learner's input.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

V = TypeVar("V")


def keep_newest(kept: OrderedDict[Any, V], key: Hashable, value: V,
                count: int) -> list[tuple[Any, V]]:
    """Keep ``value`` under ``key`` as the newest; forget the oldest past ``count``.
    Returns what was forgotten, oldest first."""
    kept[key] = value
    kept.move_to_end(key)
    return trim(kept, count)


def trim(kept: OrderedDict[Any, V], count: int) -> list[tuple[Any, V]]:
    """Forget the oldest items of ``kept`` past the newest ``count``; returns them,
    oldest first."""
    forgotten = []
    while len(kept) > count:
        forgotten.append(kept.popitem(last=False))
    return forgotten


def recall(kept: OrderedDict[Any, V], key: Hashable, count: int, make: Callable[[], V]) -> V:
    """``kept[key]``, now the newest; made with ``make()`` and kept when missing (a
    made value may be None: that is kept too)."""
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    value = make()
    keep_newest(kept, key, value, count)
    return value
