"""The series' own modules compiled to bytecode once, not again in every kernel.

Why: a lesson kernel imports ``helpers`` itself (the warm parent never imports it, so a
kernel restarted after an edit sees the edit). Python runs a module from its bytecode
file (``__pycache__/<module>.cpython-3XX.pyc``) when that file is there and matches the
source; otherwise it compiles the source, and keeps the result only where it may write
it. Where ``PYTHONDONTWRITEBYTECODE`` is set (many container images set it, and so do
the machines this series is built on), nothing is kept, and every kernel compiles the
modules its lesson imports again: 0.1 to 0.2 s of CPU per lesson, about 1.5 s over
the nine lessons of ``benchmarks/series_run.py``.

So the warm parent (``room.warm_kernels``) and ``run.py`` write the bytecode once, as pip
does for the libraries it installs. Python still checks each bytecode file against its
source's time stamp and size before using it, so an edited module is never run stale:
it is compiled again here, or in memory on import until then.

What it leaves out: libraries (pip compiled them when it installed them), and folders
that cannot be written (their modules are compiled on import, as before).
"""

from __future__ import annotations

import compileall
import importlib.util
import sys
from collections.abc import Iterable

#: The series' own packages that lesson kernels import.
SERIES_PACKAGES = ("helpers",)


def compile_series_code(packages: Iterable[str] = SERIES_PACKAGES) -> bool:
    """Write the bytecode of every module of ``packages`` that has none or whose source
    changed since; modules already up to date are only looked at (a few milliseconds).

    The packages are found, never imported. Returns True when every module has up-to-date
    bytecode, False when one could not be written (an unwritable folder, a syntax
    error): that module is then compiled on import, as it would be without this.
    Raises ``ValueError`` for a name that is not an installed package.
    """
    done = True
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.submodule_search_locations is None:
            raise ValueError(f"packages must name installed packages; got {name!r}")
        for folder in spec.submodule_search_locations:
            # quiet=2: nothing printed, not even errors (see the return value).
            done = compileall.compile_dir(folder, quiet=2) and done
    return done


if __name__ == "__main__":  # python -m room.bytecode (run.py)
    sys.exit(0 if compile_series_code() else 1)
