"""Build the workshop kit: ``python -m workshop_kit.build [--out kit] [--no-pdf]``.

    kit/
      index.html, lessons/NN_name.html, model.html   the static site (opens from the folder)
      figures/*.svg                                  every panel at every named example
      handouts/lesson-NN.html and .pdf               one per lesson
      worksheets/lesson-NN.html and .pdf             one per lesson, no answers
      answer-key.html and .pdf                       the checks' answers, for the facilitator
      facilitator-checklist.html and .pdf            one page for the room

Offline: nothing is fetched. The build time and the kit's size are printed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from helpers.quizzes import QUIZZES
from lesson_browser.chromium import CHROMIUM

from .figures import PanelFigures, render_panel
from .pages import answer_key_html, checklist_html, handout_html, worksheet_html
from .site import handout_name, landing_html, lesson_page_html, model_page_html, worksheet_name
from .sources import LessonText, lesson_notebooks, read_lesson

__all__ = ["KitReport", "build_kit", "main"]

# src/workshop_kit/build.py -> the repository.
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "kit"
# Left in a folder the kit built, so a rebuild may empty it and nothing else is emptied.
MARKER = ".chemo-workshop-kit"


@dataclass(frozen=True)
class KitReport:
    """What a build made: the folder, its files, its size in bytes and the seconds taken."""

    out_dir: Path
    files: list[Path]
    size_bytes: int
    seconds: float


def _prepare(out_dir: Path) -> None:
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / MARKER).exists():
            raise ValueError(f"out_dir must be empty or a kit built before; {out_dir} holds "
                             "other files")
        shutil.rmtree(out_dir)
    for folder in ("figures", "handouts", "worksheets", "lessons"):
        (out_dir / folder).mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text("Built by python3 run.py kit; safe to delete.\n")


def _figures(lessons: Sequence[LessonText], figure_dir: Path) -> dict[str, PanelFigures]:
    """Every panel of the series at every named example, drawn on up to 2 cores."""
    refs = list(dict.fromkeys(ref for lesson in lessons for ref in lesson.panels))
    workers = max(1, min(2, os.cpu_count() or 1, len(refs)))
    if workers == 1:
        return {ref: render_panel(ref, figure_dir) for ref in refs}
    with ProcessPoolExecutor(workers) as pool:
        drawn = pool.map(render_panel, refs, [figure_dir] * len(refs))
        return dict(zip(refs, drawn, strict=True))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def build_kit(out_dir: Path = DEFAULT_OUT, notebook_dir: Path = ROOT / "notebooks",
              docs_dir: Path = ROOT / "docs", pdf: bool = True,
              browser=None) -> KitReport:
    """Build the whole kit into ``out_dir`` (emptied first if it holds an older kit).

    ``pdf``: print the PDFs (headless Chromium); ``browser``: a running Playwright
    Chromium to print with (by default one is started for the build).
    """
    start = time.perf_counter()
    if pdf and browser is None and not Path(CHROMIUM).exists():
        raise ValueError(f"pdf=True needs Chromium at {CHROMIUM}, which is missing; install "
                         "it (sudo apt-get install chromium) or build with --no-pdf")
    _prepare(out_dir)
    lessons = [read_lesson(path) for path in lesson_notebooks(notebook_dir)]
    if not lessons:
        raise ValueError(f"notebook_dir must hold lesson notebooks (NN_name.ipynb); "
                         f"{notebook_dir} has none")
    figures = _figures(lessons, out_dir / "figures")
    printed: list[Path] = []
    for lesson in lessons:
        questions = QUIZZES.get(lesson.number, ())
        panels = [figures[ref] for ref in lesson.panels]
        printed.append(_write(out_dir / "handouts" / handout_name(lesson.number, "html"),
                              handout_html(lesson, panels)))
        printed.append(_write(out_dir / "worksheets" / worksheet_name(lesson.number, "html"),
                              worksheet_html(lesson, questions)))
        _write(out_dir / "lessons" / f"{lesson.slug}.html",
               lesson_page_html(lesson, figures, questions, has_pdfs=pdf))
    printed.append(_write(out_dir / "answer-key.html", answer_key_html(lessons, QUIZZES)))
    guide = (docs_dir / "facilitator-guide.md").read_text(encoding="utf-8")
    printed.append(_write(out_dir / "facilitator-checklist.html", checklist_html(guide)))
    _write(out_dir / "index.html", landing_html(lessons, has_pdfs=pdf))
    _write(out_dir / "model.html",
           model_page_html((docs_dir / "model.md").read_text(encoding="utf-8")))
    if pdf:
        from .pdf import print_pdfs

        print_pdfs(printed, browser)
    files = sorted(p for p in out_dir.rglob("*") if p.is_file())
    return KitReport(out_dir, files, sum(p.stat().st_size for p in files),
                     time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 run.py kit",
                                     description="Build the workshop kit (offline).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder to build into (default: %(default)s)")
    parser.add_argument("--no-pdf", action="store_true",
                        help="HTML only: skip printing the PDFs (no Chromium needed)")
    args = parser.parse_args(argv)
    try:
        report = build_kit(args.out, pdf=not args.no_pdf)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    pdfs = sum(1 for p in report.files if p.suffix == ".pdf")
    print(f"Workshop kit built in {report.out_dir}: {len(report.files)} files "
          f"({pdfs} PDFs), {report.size_bytes / 1e6:.1f} MB, in {report.seconds:.1f} s.")
    print(f"Open {report.out_dir / 'index.html'} in a browser for the series as a site.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
