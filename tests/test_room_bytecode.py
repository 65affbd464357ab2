"""The series' own modules are compiled to bytecode once (room.bytecode), by the warm
parent too, never imported to do it, and never left stale."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import helpers
from room.bytecode import compile_series_code
from room.warm_kernels import WarmParent

HEADER_SIZE_AT = slice(12, 16)  # a .pyc header: magic, flags, source mtime, source size


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A package ``lesson_pkg`` on the path, with a subpackage; importing any of it fails."""
    root = tmp_path / "lesson_pkg"
    (root / "inner").mkdir(parents=True)
    for path in (root / "__init__.py", root / "inner" / "__init__.py",
                 root / "inner" / "model.py"):
        path.write_text("raise RuntimeError('imported')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    # Bytecode where importlib looks for it, whatever the environment says.
    monkeypatch.setattr(sys, "pycache_prefix", None)
    yield root
    sys.modules.pop("lesson_pkg", None)


def _bytecode(source: Path) -> Path:
    return Path(importlib.util.cache_from_source(str(source)))


def test_every_module_gets_bytecode_and_nothing_is_imported(package):
    sources = sorted(package.rglob("*.py"))
    assert not any(_bytecode(source).exists() for source in sources)
    assert compile_series_code(["lesson_pkg"]) is True
    assert all(_bytecode(source).exists() for source in sources)
    assert "lesson_pkg" not in sys.modules


def test_an_edited_module_gets_new_bytecode(package):
    model = package / "inner" / "model.py"
    compile_series_code(["lesson_pkg"])
    model.write_text("raise RuntimeError('imported, and edited since')\n")
    # Edited later than compiled (compileall, unlike import, compares time stamps only).
    edited_s = model.stat().st_mtime + 10
    os.utime(model, (edited_s, edited_s))
    compile_series_code(["lesson_pkg"])
    recorded_size = int.from_bytes(_bytecode(model).read_bytes()[HEADER_SIZE_AT], "little")
    assert recorded_size == model.stat().st_size


def test_a_module_that_cannot_be_compiled_is_reported_and_the_rest_still_are(package):
    broken = package / "inner" / "model.py"
    broken.write_text("def (\n")
    assert compile_series_code(["lesson_pkg"]) is False
    assert not _bytecode(broken).exists()
    assert _bytecode(package / "__init__.py").exists()


@pytest.mark.parametrize("name", ["no_such_package_here", "json.decoder"])
def test_a_name_that_is_not_an_installed_package_is_refused(name):
    with pytest.raises(ValueError, match=rf"packages must name installed packages; "
                                         rf"got '{name}'"):
        compile_series_code([name])


def test_the_warm_parent_writes_the_series_bytecode(tmp_path, monkeypatch):
    # Its bytecode goes to a folder of this test's (PYTHONPYCACHEPREFIX), so it is
    # seen to be written now, by the parent, whatever earlier runs left in src/. Imports
    # write none (PYTHONDONTWRITEBYTECODE): only what the parent compiles lands there.
    monkeypatch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    sources = list(Path(helpers.__file__).parent.rglob("*.py"))
    parent = WarmParent((sys.executable,))
    try:
        written = set(tmp_path.rglob("*.pyc"))
    finally:
        parent.close()
    tag = sys.implementation.cache_tag
    wanted = {tmp_path / source.parent.relative_to(source.anchor) / f"{source.stem}.{tag}.pyc"
              for source in sources}
    assert len(sources) > 50
    assert wanted <= written
