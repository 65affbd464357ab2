"""Where the repository, the lessons and the test artifacts are (standard library only)."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from types import ModuleType

__all__ = ["ARTIFACTS", "LESSON_GLOB", "NOTEBOOKS", "ROOT", "add_lesson_options",
           "chosen_lessons", "lesson_paths", "load_run_module"]


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


def add_lesson_options(parser: argparse.ArgumentParser) -> None:
    """``--only`` and ``--notebook-dir``, as every benchmark over the lessons takes them."""
    parser.add_argument("--only", default="", help="only lessons whose file name has this")
    parser.add_argument("--notebook-dir", type=Path, default=NOTEBOOKS,
                        help="folder of lessons (default: notebooks/)")


def chosen_lessons(args: argparse.Namespace) -> list[Path]:
    """The lessons ``add_lesson_options`` picked; exits with a message when there are none."""
    lessons = [p for p in lesson_paths(args.notebook_dir) if args.only in p.name]
    if not lessons:
        raise SystemExit(f"No lessons ({LESSON_GLOB}) matching {args.only!r} in "
                         f"{args.notebook_dir}.")
    return lessons
