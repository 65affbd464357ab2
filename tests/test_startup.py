"""The kernel's garbage collector is kept off import-time objects, not off panels
(helpers/panels/startup.py)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import weakref

from helpers.panels.startup import freeze_imports
from lesson_checks.fuzz import own_page


def test_importing_the_panels_freezes_what_the_imports_made():
    probe = ("import gc, json; before = gc.get_freeze_count(); "
             "import helpers.panels.base; from helpers.panels.startup import freeze_imports; "
             "print(json.dumps([before, gc.get_freeze_count(), freeze_imports(), "
             "len(gc.get_objects())]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    before, after, again, still_watched = json.loads(done.stdout.strip().splitlines()[-1])
    assert before == 0
    # matplotlib, numpy and ipywidgets alone make tens of thousands of objects.
    assert after > 20_000
    assert again is False  # once per process
    assert still_watched < after / 4  # the collector now walks only what came later


def _close(widget) -> None:
    for child in getattr(widget, "children", ()):
        _close(child)
    widget.close()


def test_a_panel_made_after_the_freeze_is_freed_when_dropped():
    from helpers.panels.clues import CluesPanel

    freeze_imports()  # done already by the import above; the panel comes after it
    with own_page():
        panel = CluesPanel()
        figure = weakref.ref(panel.figure.figure)
        widget = weakref.ref(panel.widget)
        _close(panel.widget)  # as a kernel does when its page closes the widgets
    del panel
    gc.collect()
    assert figure() is None and widget() is None
