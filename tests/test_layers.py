"""The package's layers depend one way: panels/plots -> clinic/scenarios -> models.

Read from the source with ``ast``, so a forbidden import fails here before
anyone runs a notebook.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "helpers"
# Lower number = lower layer. A module may import its own layer or lower ones.
RANK = {"models": 0, "plain_words": 0, "clinic": 1, "scenarios": 1, "plots": 2, "panels": 3}
GUI_LIBRARIES = {"matplotlib", "ipywidgets", "IPython"}


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


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path):
    own = RANK[_layer(path)]
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "helpers" and len(name.split(".")) > 1:
            target = name.split(".")[1]
            if target in RANK:
                assert RANK[target] <= own, f"{path.name} imports {name} (a higher layer)"
        if own < RANK["plots"]:
            assert top not in GUI_LIBRARIES, f"{path.name} imports {name}: models stay GUI-free"
