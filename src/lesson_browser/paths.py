"""Where the repository, the lessons and the test artifacts are (standard library only)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

__all__ = ["ARTIFACTS", "LESSON_GLOB", "NOTEBOOKS", "ROOT", "lesson_paths", "load_run_module"]


def _find_root() -> Path:
    """The repository checkout holding this package (src/lesson_browser -> two levels up).

    Searched upwards rather than assumed, so a moved package still finds its checkout;
    the package is only useful installed in editable mode from the repository.
    """
    for folder in Path(__file__).resolve().parents:
        if (folder / "run.py").is_file() and (folder / "notebooks").is_dir():
            return folder
    raise RuntimeError(
        f"lesson_browser ({Path(__file__).resolve().parent}) is not inside the repository "
        "checkout (no run.py and notebooks/ above it); install it with `pip install -e .`."
    )


ROOT = _find_root()
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
LESSON_GLOB = "[0-9][0-9]_*.ipynb"


def load_run_module() -> ModuleType:
    """Import the repository's run.py (stdlib only) to share its Voila and Lab commands."""
    spec = importlib.util.spec_from_file_location("chemo_run", ROOT / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lesson_paths(notebook_dir: Path = NOTEBOOKS) -> list[Path]:
    """The lesson notebooks (``NN_name.ipynb``) in ``notebook_dir``, in lesson order."""
    return sorted(notebook_dir.glob(LESSON_GLOB))
