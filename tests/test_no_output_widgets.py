"""Lessons draw with HTML widgets, never with ``interact`` or ``Output`` widgets.

Why: in app mode (Voila 0.5) a toy notebook whose second cell used ``interact``
(which prints its plot into an ``Output`` widget) stuck at "Executing 1 of 2"
in 1 to 4 of every 10 to 40 loads on this kind of machine
(benchmarks/app_load_stress.py --notebook-dir on such a notebook). The stuck
kernel had run the cell and was idle; Voila's executor (nbclient) was still
waiting for the reply. While a cell runs, nbclient mirrors what is printed into
an Output widget by sending messages back to the kernel on the same channel it
is waiting on; notebooks without Output widgets never did this and never
stuck (the series: 300 of 300 loads). So the panels show figures as
``<img>`` in an ``ipywidgets.HTML``, and this test keeps it that way.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RISKY = re.compile(r"\b(interact|interactive|interact_manual|Output)\s*\(")


def _sources():
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        for number, cell in enumerate(json.loads(notebook.read_text())["cells"]):
            if cell["cell_type"] == "code":
                yield f"{notebook.name} cell {number}", "".join(cell["source"])
    for module in sorted((ROOT / "src" / "helpers").rglob("*.py")):
        yield str(module.relative_to(ROOT)), module.read_text()


def test_no_lesson_or_helper_uses_interact_or_output_widgets():
    found = [f"{where}: {match.group(0)}" for where, text in _sources()
             for match in RISKY.finditer(text)]
    assert found == []


def test_the_check_sees_what_it_looks_for():
    assert RISKY.search("w = widgets.Output()")
    assert RISKY.search("@interact(n=(1, 10))")
    assert not RISKY.search("figure_view = widgets.HTML()")
