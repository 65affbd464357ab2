"""The one home of the input checks every layer uses (models up to panels).

Each check raises a ``ValueError`` that names the parameter, the value given and
the range allowed, so a learner who types a bad number sees what to fix; a value
of the wrong type ("no" for a flag, a string for a record) raises
``WrongTypeError``, which is a ``TypeError`` and also a ``ValueError``.

This module depends only on the standard library and numpy and imports nothing
of helpers, so the lowest layer and the plots (which may not import model code)
can both use it (tests/test_layers.py).

Two parts:

- argument checks: ``check_number``, ``check_int``, ``check_fraction``,
  ``check_choice``, ``check_sequence``, ``check_flag``, ``check_instance``,
  ``check_items``, ``check_array``, ``check_fields``;
- ``Record``: a base for frozen dataclasses (states, figure data, quiz records)
  that checks every field from its annotation when it is made (see
  ``check_record`` below for what each annotation asks).

What a record's annotations ask (one look per field, worked out once per class,
plus ``np.isfinite`` on float arrays):

- ``float``: a real number (not a bool, not a string) within the field's range;
- ``int``: a whole number (not a bool) within the range, and never past 1e9;
- ``bool``, ``str``, a class: an instance of it;
- ``np.ndarray``: an array of numbers within the range (no NaN, no inf);
- ``tuple[X, ...]``, ``tuple[X, Y]``, ``Sequence[X]``, ``Mapping[str, X]``,
  ``X | None``, ``Literal[...]``: each part so.

A field's range: ``field(metadata={"minimum": ..., "maximum": ...})`` if given;
else 0 to 1 for a share (``share`` in its name), 0 up for cells (``cells`` in its
name), and +-``MAX_MAGNITUDE`` (1e15) for the rest: far past any quantity the
lessons hold, so only a bug or an overflow gets there. A field whose floats may be
infinite on purpose (a last range "and above") says so with
``field(metadata={"infinite_ok": True})``; an array that marks a missing reading
with NaN, with ``field(metadata={"nan_ok": True})``.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import math
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Real
from typing import Any, Literal, Protocol, TypeGuard, TypeVar, Union, get_args, get_origin

import numpy as np

T = TypeVar("T")
_Check = Callable[[str, object], None]

__all__ = [
    "MAX_CELLS_ANYWHERE",
    "DAY_RANGE",
    "MAX_ITEMS",
    "MAX_MAGNITUDE",
    "WrongTypeError",
    "check_number",
    "check_fraction",
    "check_int",
    "check_choice",
    "check_sequence",
    "check_flag",
    "check_instance",
    "check_items",
    "check_array",
    "check_fields",
    "check_array_numbers",
    "check_record",
    "Record",
]

# -- argument checks ----------------------------------------------------------------

class WrongTypeError(TypeError, ValueError):
    """A value of the wrong type ("no" for a flag, a string for a record).

    A ``TypeError``, and also a ``ValueError`` so that code (and panels) that
    catch bad input as ``ValueError`` keep working."""



#: No count of cells anywhere in the series goes above this: the solvers hold a
#: lesion at 1e18 cells at most (``growth.MAX_CELLS``), and a patient has at most
#: five lesions (``lesions.MAX_LESIONS``). Beyond it numbers only overflow.
MAX_CELLS_ANYWHERE = 1e19
#: Days from the first dose that any time grid may hold: a century either way.
DAY_RANGE = (-36500.0, 36500.0)
#: The most items one array or list argument may hold (keeps time and memory small).
MAX_ITEMS = 1_000_000


class _RealNumber(Protocol):
    """What the checks do with a real number (int, float, numpy scalar, Fraction)."""

    def __float__(self) -> float: ...

    def __int__(self) -> int: ...


# Exact types that need no ABC look-up (NaN fails the range test, so it falls through).
_FAST_REALS = (float, int, np.float64, np.int64)
_FAST_WHOLES = (int, np.int64)


def _is_real(value: object) -> TypeGuard[_RealNumber]:
    if type(value) in _FAST_REALS:  # the common case, without the ABC look-up
        return True
    # bool is an int subclass; True as "3 cycles" is a mistake, not a number.
    return isinstance(value, Real) and not isinstance(value, bool)


def check_number(
    name: str,
    value: object,
    minimum: float | None = None,
    maximum: float | None = None,
    *,
    min_inclusive: bool = True,
    max_inclusive: bool = True,
) -> float:
    """Return ``value`` as a finite float inside the range, or raise ``ValueError``
    (``WrongTypeError``, also a ``TypeError``, when it is not a number at all)."""
    if not _is_real(value):
        allowed = _interval(minimum, maximum, min_inclusive, max_inclusive)
        raise WrongTypeError(
            f"{name} must be a finite number in {allowed}; got {_shown(value)} "
            f"of type {type(value).__name__}"
        )
    number = float(value)
    too_low = minimum is not None and (
        number < minimum or (not min_inclusive and number == minimum))
    too_high = maximum is not None and (
        number > maximum or (not max_inclusive and number == maximum)
    )
    if math.isfinite(number) and not (too_low or too_high):
        return number
    # (The words are made only for a refusal: most calls pass, and checks run often.)
    allowed = _interval(minimum, maximum, min_inclusive, max_inclusive)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number in {allowed}; got {number!r}")
    raise ValueError(f"{name} must be in {allowed}; got {number:g}")


def _interval(minimum: float | None, maximum: float | None, min_inclusive: bool,
              max_inclusive: bool) -> str:
    """The allowed range in words: ``[0, 1]``, ``(0, inf)``."""
    low = "-inf" if minimum is None else f"{minimum:g}"
    high = "inf" if maximum is None else f"{maximum:g}"
    return (f"{'[' if min_inclusive and minimum is not None else '('}{low}, "
            f"{high}{']' if max_inclusive and maximum is not None else ')'}")


def check_fraction(name: str, value: object) -> float:
    """A fraction from 0 to 1 inclusive."""
    return check_number(name, value, minimum=0.0, maximum=1.0)


def check_int(name: str, value: object, *, minimum: int | None = None,
              maximum: int | None = None) -> int:
    """Return ``value`` as an int inside the range, or raise ``ValueError``."""
    whole = _is_real(value) and math.isfinite(float(value)) and float(value) == int(value)
    number = int(value) if whole else 0  # type: ignore[call-overload]
    if whole and not ((minimum is not None and number < minimum)
                      or (maximum is not None and number > maximum)):
        return number
    low = "-inf" if minimum is None else str(minimum)
    high = "inf" if maximum is None else str(maximum)
    allowed = f"whole numbers from {low} to {high}"
    if not whole:
        raise ValueError(f"{name} must be one of the {allowed}; got {value!r}")
    raise ValueError(f"{name} must be one of the {allowed}; got {number}")


def check_choice(name: str, value: object, choices: Sequence[str]) -> str:
    """One of a fixed set of words."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")
    return str(value)


def check_sequence(name: str, value: object, *, length: int | None = None) -> tuple:
    """A list or tuple (not a string), optionally of an exact length."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ValueError(f"{name} must be a list or tuple; got {value!r}")
    items = tuple(value)
    if length is not None and len(items) != length:
        raise ValueError(f"{name} must have exactly {length} items (one per cycle); "
                         f"got {len(items)}")
    return items


def check_flag(name: str, value: object) -> bool:
    """True or False (numpy's too); anything else is a ``TypeError``: "no" is not False."""
    if not isinstance(value, bool | np.bool_):
        raise WrongTypeError(f"{name} must be True or False; got {value!r} "
                        f"of type {type(value).__name__}")
    return bool(value)


def check_instance(name: str, value: object, kind: type[T], *,
                   optional: bool = False) -> T:
    """A record of the right type (or None when ``optional``), else a ``TypeError``."""
    if value is None and optional:
        return value  # type: ignore[return-value]
    if not isinstance(value, kind):
        allowed = f"a {kind.__name__}" + (" or None" if optional else "")
        raise WrongTypeError(f"{name} must be {allowed}; got {value!r} "
                        f"of type {type(value).__name__}")
    return value


def check_items(name: str, value: object, kind: type[T], *, minimum: int = 0) -> tuple[T, ...]:
    """A list or tuple of records of one type, each checked, as a tuple."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise WrongTypeError(f"{name} must be a list or tuple of {kind.__name__}; "
                             f"got {value!r}")
    items = tuple(value)
    if len(items) < minimum:
        wanted = "a non-empty list" if minimum == 1 else f"a list of at least {minimum}"
        raise ValueError(f"{name} must be {wanted} of {kind.__name__}; got {value!r}")
    for index, item in enumerate(items):
        check_instance(f"{name}[{index}]", item, kind)
    return items


def check_array(name: str, value: object, *, minimum: float, maximum: float,
                ndim: int | None = 1, min_length: int = 1, rising: bool = False,
                nan_ok: bool = False) -> np.ndarray:
    """A float array of finite numbers in [minimum, maximum], or a ValueError that
    names the first bad item (``days[3] must be in [0, 36500]; got nan``).

    ``ndim`` None accepts any number of dimensions; ``rising`` asks for a 1-D
    array that never goes down (a value may repeat, as dose days do); ``nan_ok``
    lets NaN items through: the gaps a figure leaves where a line is not drawn."""
    allowed = f"[{minimum:g}, {maximum:g}]" + (" (or nan for a gap)" if nan_ok else "")
    if value is None or isinstance(value, str | bytes | bool | np.bool_):
        raise ValueError(f"{name} must be a list of numbers in {allowed}; got {value!r}")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a list of numbers in {allowed}; "
                         f"got {_shown(value)}") from None
    if np.asarray(value).dtype.kind == "b":
        raise ValueError(f"{name} must be a list of numbers, not True/False; got {_shown(value)}")
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D list of numbers; got {_shown(value)} "
                         f"of shape {array.shape}")
    if array.size == 0 and min_length == 1:
        raise ValueError(f"{name} must be a non-empty list of numbers in {allowed}; "
                         f"got {_shown(value)}")
    if array.size < min_length or array.size > MAX_ITEMS:
        raise ValueError(f"{name} must hold from {min_length} to {MAX_ITEMS:,} numbers; "
                         f"got {array.size}")
    bad = ~np.isfinite(array) | (array < minimum) | (array > maximum)
    if nan_ok:
        bad &= ~np.isnan(array)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        where = ", ".join(map(str, index))
        # repr, not :g: 1.0000000000000002e+18 must not read as the bound 1e+18.
        raise ValueError(f"{name}[{where}] must be a finite number in {allowed}; "
                         f"got {float(array[index])!r}")
    if rising:
        falls = np.flatnonzero(np.diff(array.ravel()) < 0)
        if falls.size:
            i = int(falls[0]) + 1
            raise ValueError(f"{name} must be in rising order (never going down); "
                             f"got {name}[{i}] = {array.flat[i]:g} after {array.flat[i - 1]:g}")
    return array


def check_fields(item: object, limits: Sequence[tuple[str, float, float]] = (), *,
                 whole: Sequence[tuple[str, int, int]] = (),
                 flags: Sequence[str] = (),
                 arrays: Sequence[tuple[str, float, float]] = (),
                 records: Sequence[tuple[str, type]] = (),
                 items: Sequence[tuple[str, type]] = (),
                 optional: Sequence[str] = ()) -> None:
    """Check the fields of a frozen dataclass and store the checked values back.

    ``limits``: (name, low, high) numbers (``check_number``); ``whole``: whole
    numbers (``check_int``); ``flags``: True/False; ``arrays``: (name, low, high)
    arrays of any shape, stored read-only; ``records``: (name, type) one record;
    ``items``: (name, type) a tuple of records. A field named in ``optional``
    may be None."""
    def given(name: str) -> bool:
        return not (getattr(item, name) is None and name in optional)

    def store(name: str, value: object) -> None:
        object.__setattr__(item, name, value)

    for name, low, high in limits:
        if given(name):
            store(name, check_number(name, getattr(item, name), minimum=low, maximum=high))
    for name, low_int, high_int in whole:
        if given(name):
            store(name, check_int(name, getattr(item, name), minimum=low_int, maximum=high_int))
    for name in flags:
        if given(name):
            store(name, check_flag(name, getattr(item, name)))
    for name, low, high in arrays:
        if given(name):
            store(name, _read_only(check_array(name, getattr(item, name), minimum=low,
                                               maximum=high, ndim=None)))
    for name, kind in records:
        if given(name):
            check_instance(name, getattr(item, name), kind)
    for name, kind in items:
        if given(name):
            store(name, check_items(name, getattr(item, name), kind))


def _read_only(array: np.ndarray) -> np.ndarray:
    if array.flags.writeable:  # a copy: the caller's own array stays writeable
        array = array.copy()
        array.flags.writeable = False
    return array


# -- records: checks read from a dataclass's annotations ------------------------------


def _shown(value: object) -> str:
    """A short repr for a message: a whole array or state would bury the point."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


#: The largest size any number in a record may have: far above every quantity the
#: lessons hold (the most cells are about 1e13; days, mm and percents far less), so a
#: value past it is a bug, not a result. Whole numbers (days, counts) stay below 1e9.
MAX_MAGNITUDE = 1e15
MAX_WHOLE = 10**9


@dataclass(frozen=True)
class _Limits:
    """What one field's numbers may be: [low, high]; +inf or NaN where the field
    says so (a last range "and above"; a missing reading)."""

    low: float = -MAX_MAGNITUDE
    high: float = MAX_MAGNITUDE
    infinite_ok: bool = False
    nan_ok: bool = False

    @property
    def allowed(self) -> str:
        extra = " (or inf)" if self.infinite_ok else ""
        extra += " (or nan where missing)" if self.nan_ok else ""
        return f"from {self.low:g} to {self.high:g}{extra}"

    def refuses(self, number: float) -> bool:
        if math.isnan(number):
            return not self.nan_ok
        if number == math.inf and self.infinite_ok:
            return False
        return not self.low <= number <= self.high


def _limits_for(name: str, metadata: Mapping[str, object]) -> _Limits:
    """A field's limits: its metadata's, else by its name (counts of cells and shares
    cannot be negative; a share is at most 1), else the wide default."""
    low, high = -MAX_MAGNITUDE, MAX_MAGNITUDE
    if "cells" in name:
        low = 0.0
    if "share" in name:
        low, high = 0.0, 1.0
    return _Limits(float(metadata.get("minimum", low)),  # type: ignore[arg-type]
                   float(metadata.get("maximum", high)),  # type: ignore[arg-type]
                   bool(metadata.get("infinite_ok", False)), bool(metadata.get("nan_ok", False)))


def _real(name: str, value: object, limits: _Limits) -> None:
    if type(value) in _FAST_REALS and limits.low <= value <= limits.high:  # type: ignore[operator]
        return  # the common case, without the slower checks below
    if isinstance(value, bool | np.bool_) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number {limits.allowed}; got {_shown(value)} "
                        f"of type {type(value).__name__}")
    if limits.refuses(float(value)):
        raise ValueError(f"{name} must be a number {limits.allowed}; got {float(value)!r}")


def _whole(name: str, value: object, limits: _Limits) -> None:
    low, high = max(limits.low, -MAX_WHOLE), min(limits.high, MAX_WHOLE)
    if type(value) in _FAST_WHOLES and low <= value <= high:  # type: ignore[operator]
        return  # the common case, without the slower checks below
    allowed = f"a whole number from {low:g} to {high:g}"
    if isinstance(value, bool | np.bool_) or not isinstance(value, Real):
        raise TypeError(f"{name} must be {allowed}; got {_shown(value)} "
                        f"of type {type(value).__name__}")
    number = float(value)
    if not (math.isfinite(number) and number.is_integer() and low <= number <= high):
        raise ValueError(f"{name} must be {allowed}; got {number!r}")


def _array(name: str, value: object, limits: _Limits) -> None:
    if not isinstance(value, np.ndarray):
        raise TypeError(f"{name} must be a numpy array of numbers {limits.allowed}; "
                        f"got {_shown(value)} of type {type(value).__name__}")
    kind = value.dtype.kind
    if kind in "iuf":
        # The common case in two quick passes (a NaN makes min or max NaN: not in range).
        if value.size == 0 or (limits.low <= value.min() and value.max() <= limits.high):
            return
        flat = value.ravel().astype(float)
        bad = ~((flat >= limits.low) & (flat <= limits.high))
        if limits.nan_ok:
            bad &= ~np.isnan(flat)
        if limits.infinite_ok:
            bad &= flat != math.inf
        if bad.any():
            index = int(np.argmax(bad))
            raise ValueError(f"{name} must hold numbers {limits.allowed}; got "
                             f"{float(flat[index])!r} at flat index {index}")
    elif kind != "b":
        raise TypeError(f"{name} must be an array of numbers; got dtype {value.dtype}")


def check_array_numbers(name: str, value: object) -> None:
    """``value`` must be a numpy array of numbers within +-``MAX_MAGNITUDE`` (no NaN or
    inf), else ``ValueError`` naming ``name``, the first bad number and the range."""
    _array(name, value, _Limits())


def _instance(kind: type) -> _Check:
    def check(name: str, value: object) -> None:
        check_instance(name, value, kind)
    return check


def _checker(hint: object, limits: _Limits) -> _Check | None:
    """The check an annotation asks for, or None when it asks nothing we can check."""
    if hint is float:
        return lambda name, value: _real(name, value, limits)
    if hint is int:
        return lambda name, value: _whole(name, value, limits)
    if hint is bool:
        return _instance(bool)
    if hint is np.ndarray:
        return lambda name, value: _array(name, value, limits)
    if hint is type(None):
        return lambda name, value: _none(name, value)
    origin = get_origin(hint)
    args = get_args(hint)
    if origin is Literal:
        return lambda name, value: _literal(name, value, args)
    if origin in (Union, types.UnionType):
        return _union([_checker(arg, limits) for arg in args], type(None) in args)
    if origin is tuple:
        return _tuple(args, limits)
    if origin is collections.abc.Sequence and args:
        return _sequence(_checker(args[0], limits))
    if origin is collections.abc.Mapping and len(args) == 2:
        return _mapping(_checker(args[1], limits))
    if origin is not None and isinstance(origin, type):
        return _instance(origin)
    if isinstance(hint, type) and hint is not object:
        return _instance(hint)
    return None  # Any, TypeVars and the like: nothing to hold it to


def _none(name: str, value: object) -> None:
    if value is not None:
        raise TypeError(f"{name} must be None; got {_shown(value)}")


def _literal(name: str, value: object, allowed: tuple[object, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}; "
                         f"got {_shown(value)}")


def _union(checks: list[_Check | None], none_ok: bool) -> _Check | None:
    if any(check is None for check in checks):
        return None
    real_checks = [check for check in checks if check is not None]

    def check(name: str, value: object) -> None:
        if none_ok and value is None:
            return
        first: Exception | None = None
        for one in real_checks:
            try:
                one(name, value)
                return
            except (TypeError, ValueError) as error:
                first = first or error
        assert first is not None
        raise first
    return check


def _sequence(each: _Check | None) -> _Check:
    def check(name: str, value: object) -> None:
        if isinstance(value, str | bytes) or not isinstance(value, collections.abc.Sequence):
            raise TypeError(f"{name} must be a list or tuple; got {_shown(value)} "
                            f"of type {type(value).__name__}")
        if each is not None:
            for index, item in enumerate(value):
                each(f"{name}[{index}]", item)
    return check


def _mapping(each: _Check | None) -> _Check:
    def check(name: str, value: object) -> None:
        if not isinstance(value, collections.abc.Mapping):
            raise TypeError(f"{name} must be a mapping; got {_shown(value)} "
                            f"of type {type(value).__name__}")
        if each is not None:
            for key, item in value.items():
                each(f"{name}[{key!r}]", item)
    return check


def _tuple(args: tuple[Any, ...], limits: _Limits) -> _Check:
    if len(args) == 2 and args[1] is Ellipsis:
        each = _checker(args[0], limits)

        def check_all(name: str, value: object) -> None:
            check_instance(name, value, tuple)
            if each is not None:
                for index, item in enumerate(typing.cast(tuple, value)):
                    each(f"{name}[{index}]", item)
        return check_all
    parts = [_checker(arg, limits) for arg in args]

    def check_parts(name: str, value: object) -> None:
        check_instance(name, value, tuple)
        items = typing.cast(tuple, value)
        if args and len(items) != len(parts):
            raise ValueError(f"{name} must have {len(parts)} items; got {len(items)}")
        for index, (part, item) in enumerate(zip(parts, items, strict=False)):
            if part is not None:
                part(f"{name}[{index}]", item)
    return check_parts


_CHECKS: dict[type, tuple[tuple[str, _Check], ...]] = {}


def _checks_of(cls: type) -> tuple[tuple[str, _Check], ...]:
    found = _CHECKS.get(cls)
    if found is not None:
        return found
    module = sys.modules.get(cls.__module__)
    names = dict(vars(module)) if module is not None else {}
    checks = []
    for item in dataclasses.fields(cls):
        hint: object = item.type
        if isinstance(hint, str):
            try:
                hint = eval(hint, names)  # noqa: S307 - the class's own annotation
            except Exception:  # a name only imported for type checking: no check
                continue
        check = _checker(hint, _limits_for(item.name, item.metadata))
        if check is not None:
            checks.append((item.name, check))
    _CHECKS[cls] = tuple(checks)
    return _CHECKS[cls]


def check_record(record: object) -> None:
    """Check each field of a dataclass ``record`` against its annotation (see the
    module's docstring); ``TypeError`` or ``ValueError`` naming the field."""
    for name, check in _checks_of(type(record)):
        check(name, getattr(record, name))


class Record:
    """A base for frozen result records: a dataclass built on it checks its fields
    (``check_record``) when it is made."""

    def __post_init__(self) -> None:
        check_record(self)

