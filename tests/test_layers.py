"""The package's layers depend one way, bottom up:

    checks -> models, plain_words -> clinic -> scenarios -> lessons (state)
    -> words, quizzes -> plots -> panels

``helpers.checks`` (the one home of the input checks and the ``Record`` base)
sits under every layer: each may import it, and it imports nothing of helpers.

Read from the source with ``ast``, so a forbidden import fails here before
anyone runs a notebook. Besides the ranks:

- everything below plots is pure: no matplotlib, ipywidgets or IPython;
- plots draw arrays: they import only the standard library, numpy,
  matplotlib (and PIL, its image library; isal, a faster deflate for the PNG),
  other plots modules and checks;
- panels only wire: they import no model, clinic or scenario module and no
  numpy, so domain rules and numbers cannot creep into them.
"""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "helpers"
# Lower number = lower layer. A module may import its own layer or lower ones.
RANK = {"checks": -1, "models": 0, "plain_words": 0, "clinic": 1, "scenarios": 2, "lessons": 3,
        "words": 4, "quizzes": 4, "plots": 5, "panels": 6}
GUI_LIBRARIES = {"matplotlib", "ipywidgets", "IPython"}
PLOT_LIBRARIES = {"numpy", "matplotlib", "PIL", "isal"}
PANEL_FORBIDDEN = {"models", "clinic", "scenarios"}


def _layer(path: Path) -> str:
    part = path.relative_to(PACKAGE).parts[0]
    return part.removesuffix(".py")


def _imports(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            else:
                yield node.module or ""


MODULES = [p for p in PACKAGE.rglob("*.py") if _layer(p) in RANK]


def test_every_module_belongs_to_a_layer():
    strays = [p for p in PACKAGE.rglob("*.py")
              if _layer(p) not in RANK and p.name != "__init__.py"]
    assert not strays, f"modules outside the known layers: {strays}"


def test_every_layer_is_a_folder_but_plain_words():
    for layer in RANK:
        if layer not in ("plain_words", "checks"):
            assert (PACKAGE / layer).is_dir(), f"{layer} should be a folder"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path):
    layer = _layer(path)
    own = RANK[layer]
    for name in _imports(path):
        parts = name.split(".")
        top = parts[0]
        target = parts[1] if top == "helpers" and len(parts) > 1 else None
        if target in RANK:
            assert RANK[target] <= own, f"{path.name} imports {name} (a higher layer)"
        if own < RANK["plots"]:
            assert top not in GUI_LIBRARIES, f"{path.name} imports {name}: stay GUI-free"
        if layer == "plots":
            allowed = top in sys.stdlib_module_names or top in PLOT_LIBRARIES \
                or target in ("plots", "checks") or top == "__future__"
            assert allowed, f"{path.name} imports {name}: plots draw arrays only"
        if layer == "panels":
            assert target not in PANEL_FORBIDDEN and top != "numpy", \
                f"{path.name} imports {name}: panels only wire state, words and plots"


def test_checks_imports_nothing_of_helpers():
    # The bottom of every layer: the standard library and numpy only.
    path = PACKAGE / "checks.py"
    for name in _imports(path):
        top = name.split(".")[0]
        assert top in sys.stdlib_module_names or top in ("numpy", "__future__"), \
            f"checks.py imports {name}: it must stand on the standard library and numpy"


def test_the_rules_catch_an_upward_import(tmp_path):
    # The checker itself: a plots module importing the models must be caught.
    fake = PACKAGE / "plots" / "_layer_probe.py"
    fake.write_text("from ..models import grow\n")
    try:
        with pytest.raises(AssertionError, match="plots draw arrays only|higher layer"):
            test_imports_point_down(fake)
    finally:
        fake.unlink()
