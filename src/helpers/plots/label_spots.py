"""Where to put a short label next to a point so that no line runs through it.

Pure geometry in data units (no matplotlib): a label is a box, lines are
straight segments. ``free_spot`` picks the first candidate box that stays
inside the axes and that no segment crosses. ``label_spot`` tries, in order:
just above the point, just below it, and just above the lines that cross
the first spot (when that is not far); when all are taken, the label goes
above the point on a background of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..checks import MAX_MAGNITUDE, WrongTypeError, check_number

__all__ = ["Box", "Segment", "segment_crosses_box", "free_spot", "label_spot"]

#: (x_min, x_max, y_min, y_max)
Box = tuple[float, float, float, float]
#: (x0, y0, x1, y1)
Segment = tuple[float, float, float, float]


def _numbers(name: str, value: object, count: int) -> tuple[float, ...]:
    """``count`` finite numbers (data units, within +-1e15), else an error naming ``name``."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence) \
            or len(value) != count:
        raise WrongTypeError(f"{name} must be {count} numbers from {-MAX_MAGNITUDE:g} to "
                             f"{MAX_MAGNITUDE:g}; got {value!r:.80}")
    # Why the quick pass: a figure checks a few thousand numbers a render, and plain
    # finite floats in range are almost always what it gets; anything else goes through
    # check_number for the error that names it.
    if all(type(item) in _PLAIN_NUMBERS and -MAX_MAGNITUDE <= item <= MAX_MAGNITUDE
           for item in value):
        return tuple(float(item) for item in value)
    return tuple(check_number(f"{name}[{index}]", item, -MAX_MAGNITUDE, MAX_MAGNITUDE)
                 for index, item in enumerate(value))


#: Number types taken without a closer look (bool is not among them; NaN and infinities
#: fail the range test, as every comparison with NaN is false).
_PLAIN_NUMBERS = frozenset({float, int, np.float64, np.float32, np.int64, np.int32})


def _checked_all(name: str, value: object) -> list[tuple[float, ...]]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise WrongTypeError(f"{name} must be a list of boxes or segments (4 numbers each); "
                             f"got {value!r:.80}")
    return [_numbers(f"{name}[{index}]", item, 4) for index, item in enumerate(value)]


def segment_crosses_box(segment: Segment, box: Box) -> bool:
    """True when any part of ``segment`` lies inside ``box`` (edges included).

    Liang-Barsky clipping: walk the segment as p(t) = p0 + t (p1 - p0), t in
    [0, 1], and narrow t to the part inside each pair of box edges.
    """
    return _crosses(_numbers("segment", segment, 4),  # type: ignore[arg-type]
                    _numbers("box", box, 4))  # type: ignore[arg-type]


def _crosses(segment: Segment, box: Box) -> bool:
    x0, y0, x1, y1 = segment
    x_min, x_max, y_min, y_max = box
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - x_min), (dx, x_max - x0), (-dy, y0 - y_min), (dy, y_max - y0)):
        if p == 0:
            if q < 0:  # parallel to this edge and outside it
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def free_spot(candidates: Sequence[Box], segments: Sequence[Segment],
              inside: Box) -> int | None:
    """Index of the first candidate box within ``inside`` that no segment crosses, or None."""
    return _free_spot(_checked_all("candidates", candidates),  # type: ignore[arg-type]
                      _checked_all("segments", segments),  # type: ignore[arg-type]
                      _numbers("inside", inside, 4))  # type: ignore[arg-type]


def _free_spot(candidates: Sequence[Box], segments: Sequence[Segment],
               inside: Box) -> int | None:
    x_lo, x_hi, y_lo, y_hi = inside
    for index, box in enumerate(candidates):
        x_min, x_max, y_min, y_max = box
        if x_min < x_lo or x_max > x_hi or y_min < y_lo or y_max > y_hi:
            continue
        if not any(_crosses(s, box) for s in segments):
            return index
    return None


def _highest_within(segment: Segment, x_lo: float, x_hi: float) -> float:
    """The highest y of ``segment`` between x_lo and x_hi (its ends, if vertical)."""
    x0, y0, x1, y1 = segment
    if x0 == x1:
        return max(y0, y1)

    def at(x: float) -> float:
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0)

    lo, hi = max(min(x0, x1), x_lo), min(max(x0, x1), x_hi)
    return max(at(lo), at(hi)) if lo <= hi else max(y0, y1)


def _padded(box: Box, pad_x: float, pad_y: float) -> Box:
    return (box[0] - pad_x, box[1] + pad_x, box[2] - pad_y, box[3] + pad_y)


def label_spot(x_range: tuple[float, float], y: float, height: float, gap: float,
               segments: Sequence[Segment], inside: Box, *, pad: tuple[float, float] = (0, 0),
               most_raise: float = 1.5) -> tuple[float, str, bool]:
    """Where a label of ``height`` over ``x_range`` goes, for a point at height ``y``.

    Returns (y of the label's anchor, its vertical alignment "bottom" or "top",
    True when it needs a background because every spot is crossed). A spot
    counts as crossed when a segment comes within ``pad`` (x, y) of it (a
    line's own width, a little air). The raised spot is used only when it is
    at most ``most_raise`` label heights above the first spot. All are finite
    numbers in data units; ``height``, ``pad`` and ``most_raise`` are not negative.
    """
    left, right = _numbers("x_range", x_range, 2)
    y = check_number("y", y, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    height = check_number("height", height, 0.0, MAX_MAGNITUDE)
    gap = check_number("gap", gap, -MAX_MAGNITUDE, MAX_MAGNITUDE)
    segments = _checked_all("segments", segments)  # type: ignore[assignment]
    inside = _numbers("inside", inside, 4)  # type: ignore[assignment]
    pad_x, pad_y = _numbers("pad", pad, 2)
    if pad_x < 0 or pad_y < 0:
        raise ValueError(f"pad must be two numbers from 0 to {MAX_MAGNITUDE:g}; got {pad!r}")
    most_raise = check_number("most_raise", most_raise, 0.0, MAX_MAGNITUDE)
    above = (left, right, y + gap, y + gap + height)
    below = (left, right, y - gap - height, y - gap)
    candidates = [above, below]
    crossing = [s for s in segments if _crosses(s, _padded(above, pad_x, pad_y))]
    if crossing:
        bottom = max(_highest_within(s, left - pad_x, right + pad_x) for s in crossing) + gap
        if bottom - above[2] <= most_raise * height:
            candidates.append((left, right, bottom, bottom + height))
    x_lo, x_hi, y_lo, y_hi = inside
    # Padding must not push a spot out of the axes: check the axes on the bare box.
    padded = [_padded(box, pad_x, pad_y) for box in candidates]
    for box, wide in zip(candidates, padded, strict=True):
        if box[0] < x_lo or box[1] > x_hi or box[2] < y_lo or box[3] > y_hi:
            continue
        if _free_spot([wide], segments, (-float("inf"), float("inf"), -float("inf"),
                                         float("inf"))) == 0:
            return (box[3], "top", False) if box is below else (box[2], "bottom", False)
    return above[2], "bottom", True
