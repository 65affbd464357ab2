"""Keep the kernel's garbage collector off the objects its imports made.

Why: Python's full garbage collection walks every object that can hold others. Once
the series' imports are done, a lesson kernel holds about 90,000 of them (matplotlib,
numpy, ipywidgets, IPython), all alive until the kernel ends, and a full collection
took about 95 ms on a 2-core machine. It comes now and then in the middle of a slider
move, so a picture lagged by a tenth of a second for no reason a learner could see.
``gc.freeze`` takes every object alive at that moment out of the collector's sight;
a full collection then walks only what was made later (a lesson's panels: about
20,000 objects, 18 ms).

What it leaves out: an object alive at the freeze that later becomes garbage inside a
reference cycle is never freed. At import time those are modules and their tables,
which live as long as the kernel anyway. Panels are made after the freeze, so they
are freed as usual (``tests/test_startup.py`` checks both).
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_imports() -> bool:
    """Freeze the objects alive now, once per process; later calls do nothing.

    Returns True when this call froze them, False when it was done already. (Not a
    count: ``gc.get_freeze_count`` walks every frozen object, about 14 ms per call in a
    lesson kernel.)
    """
    global _frozen
    if _frozen:
        return False
    _frozen = True
    gc.freeze()
    return True
