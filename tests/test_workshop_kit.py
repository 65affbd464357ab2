"""The workshop kit (``python3 run.py kit``, src/workshop_kit), built once per session.

Built here without PDFs (no Chromium needed: tests/browser/test_kit_site.py prints them
and audits the site in the browser). The expected texts are read straight from the
notebooks, the quiz data and the words functions, not from the kit's own extraction.
"""

from __future__ import annotations

import dataclasses
import html
import importlib
import json
import re
from pathlib import Path

import jinja2
import pytest

from helpers.quizzes import QUIZZES
from workshop_kit.app_links import kit_files
from workshop_kit.build import build_kit

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
NUMBERS = [path.name[:2] for path in NOTEBOOKS]


@pytest.fixture(scope="session")
def kit(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kit") / "kit"
    report = build_kit(out, pdf=False)
    assert report.size_bytes > 0 and report.seconds > 0
    return out


def _cells(number: str) -> list[dict]:
    path = next(p for p in NOTEBOOKS if p.name.startswith(number))
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _markdown(number: str) -> str:
    return "\n\n".join("".join(c["source"]) for c in _cells(number)
                       if c["cell_type"] == "markdown")


def _plain(text: str) -> str:
    """Text as a reader sees it: no tags, no markdown emphasis, one space between words."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"\s+([.,;:!?)])", r"\1", text)
    return " ".join(text.split())


def _bullets_under(markdown: str, heading: str) -> list[str]:
    """The "- " bullets (or "1. " items) right under ``heading``, continuation lines joined."""
    body = markdown.split(heading, 1)[1]
    items: list[str] = []
    for line in body.splitlines()[1:]:
        item = re.match(r"^(?:- |\d+\. )(.*)", line)
        if item:
            items.append(item.group(1))
        elif items and line.startswith("  "):
            items[-1] += " " + line.strip()
        elif items:
            break
    return items


def _read(kit: Path, folder: str, number: str) -> str:
    return (kit / folder / f"lesson-{number}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("number", NUMBERS)
def test_handout_holds_title_take_aways_and_no_code(kit, number):
    handout = _read(kit, "handouts", number)
    markdown = _markdown(number)
    title = re.search(r"^# (Lesson \d\d: .+)$", markdown, re.M).group(1)
    assert _plain(title) in _plain(handout)
    heading = "## Key take-aways" if "## Key take-aways" in markdown else \
        "## The big picture, in four sentences"
    take_aways = _bullets_under(markdown, heading)
    assert len(take_aways) >= 3
    for take_away in take_aways:
        assert _plain(take_away) in _plain(handout), take_away
    assert "For education, not medical advice." in _plain(handout)
    for cell in _cells(number):
        if cell["cell_type"] == "code":
            for line in "".join(cell["source"]).splitlines():
                if line.strip():
                    assert line.strip() not in handout, f"code in the handout: {line!r}"


@pytest.mark.parametrize("number", [n for n in NUMBERS if n != "00"])
def test_handout_holds_the_patient_line(kit, number):
    line = re.search(r"\*\*What you might say to a patient:\*\* \*(.+?)\*\n\n",
                     _markdown(number), re.S).group(1)
    assert _plain(line) in _plain(_read(kit, "handouts", number))


def _first_panel(number: str):
    for cell in _cells(number):
        found = re.search(r"from helpers\.panels\.(\w+) import (\w+Panel)\b",
                          "".join(cell["source"]))
        if found:
            return getattr(importlib.import_module(f"helpers.panels.{found.group(1)}"),
                           found.group(2))
    raise AssertionError(f"lesson {number} has no panel")


@pytest.mark.parametrize("number", NUMBERS)
def test_handout_shows_a_named_example_with_its_caption_and_alt_text(kit, number):
    interaction = _first_panel(number).interaction
    name, preset = next(iter(interaction.presets.items()))
    state = interaction.compute(interaction.values_type(**dataclasses.asdict(preset.values)))
    handout = _read(kit, "handouts", number)
    figure = re.search(r"<figure>.*?</figure>", handout, re.S).group(0)
    assert interaction.caption(state) in figure
    assert html.escape(interaction.alt_text(state), quote=True) in figure
    assert name in html.unescape(figure)
    src = re.search(r"<img src='([^']+)'", figure).group(1)
    picture = (kit / "handouts" / src).resolve()
    assert picture.suffix == ".svg" and b"<svg" in picture.read_bytes()[:2000]  # vector


@pytest.mark.parametrize("number", NUMBERS)
def test_worksheet_asks_everything_and_answers_nothing(kit, number):
    sheet = _read(kit, "worksheets", number)
    markdown = _markdown(number)
    # Lessons list "### Things to try"; lesson 00 has one "Try it:" list instead.
    heading = "### Things to try" if "### Things to try" in markdown else "Try it:"
    to_try = [item for part in markdown.split(heading)[1:]
              for item in _bullets_under(heading + part, heading)]
    assert to_try, f"lesson {number} has nothing to try"
    for item in to_try:
        assert _plain(item) in _plain(sheet), item
    for question in QUIZZES.get(number, ()):
        assert html.escape(question.prompt, quote=True) in sheet
        for choice in question.choices:
            assert html.escape(choice.feedback, quote=True) not in sheet
            assert choice.feedback not in sheet
        assert question.hint not in sheet
    assert sheet.count("class='write'") == len(to_try) + len(QUIZZES.get(number, ()))


def test_answer_key_holds_every_correct_answer(kit):
    key = (kit / "answer-key.html").read_text(encoding="utf-8")
    for questions in QUIZZES.values():
        for question in questions:
            assert html.escape(question.correct_choice.text, quote=True) in key
            assert html.escape(question.key_answer, quote=True) in key


def test_checklist_has_set_up_timings_and_what_to_load(kit):
    checklist = _plain((kit / "facilitator-checklist.html").read_text(encoding="utf-8"))
    for words in ("Before the room", "python3 run.py app", "Timings", "0-5", "52-60",
                  "What to load on the projector", "Response fades (acquired resistance)"):
        assert words in checklist, words


def test_site_links_every_lesson_and_the_model_notes(kit):
    landing = (kit / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f"href='lessons/{path.stem}.html'" in landing
        page = (kit / "lessons" / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "<figure>" in page and "from helpers" not in page
    model = (kit / "model.html").read_text(encoding="utf-8")
    first_heading = re.search(r"^# (.+)$", (ROOT / "docs" / "model.md").read_text(), re.M)
    assert html.escape(first_heading.group(1), quote=False) in model


def test_site_refers_only_to_files_inside_the_kit(kit):
    for page in kit.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", text):
            if ref.startswith(("data:", "#")):
                continue
            assert "://" not in ref and not ref.startswith("/"), f"{page.name}: {ref}"
            if ref.endswith(".pdf"):  # printed only when the kit is built with PDFs
                continue
            target = (page.parent / ref.split("#")[0]).resolve()
            assert target.is_file() and kit.resolve() in target.parents, f"{page.name}: {ref}"


def test_site_checks_keep_their_answers_folded(kit):
    page = (kit / "lessons" / f"{NOTEBOOKS[2].stem}.html").read_text(encoding="utf-8")
    for question in QUIZZES["02"]:
        answer = html.escape(question.correct_choice.feedback, quote=True)
        assert re.search(r"<details><summary>Show the answer</summary>[^<]*<p>.*?"
                         + re.escape(answer), page)


def test_a_folder_that_is_not_a_kit_is_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ValueError, match="out_dir"):
        build_kit(tmp_path, pdf=False)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_kit_files_lists_only_built_printouts(tmp_path):
    assert kit_files(tmp_path, "02") == {}
    (tmp_path / "handouts").mkdir()
    (tmp_path / "handouts" / "lesson-02.pdf").write_bytes(b"%PDF")
    assert kit_files(tmp_path, "02") == {"handout": "chemo-kit/handouts/lesson-02.pdf"}


def _landing(**variables) -> str:
    folder = ROOT / "app" / "voila" / "templates" / "chemo"
    template = jinja2.Environment(loader=jinja2.FileSystemLoader(folder)).get_template(
        "tree.html")
    lesson = {"type": "notebook", "name": "02_sensitive_and_resistant_cells.ipynb",
              "path": "02_sensitive_and_resistant_cells.ipynb"}
    # Voila hands the folder's contents over as an iterator: it can be read only once.
    return template.render(contents={"content": iter([lesson])}, base_url="/", **variables)


def test_app_landing_links_printouts_once_the_kit_is_built():
    built = {"handout": "chemo-kit/handouts/lesson-02.pdf",
             "worksheet": "chemo-kit/worksheets/lesson-02.pdf"}
    page = _landing(chemo_kit=lambda lesson: built if lesson == "02" else {})
    lessons, printouts = page.split("</ol>")
    assert "chemo-kit" not in lessons  # the lesson list links lessons only
    assert 'href="/chemo-kit/handouts/lesson-02.pdf"' in printouts
    assert 'href="/chemo-kit/worksheets/lesson-02.pdf"' in printouts
    for unbuilt in (_landing(chemo_kit=lambda lesson: {}), _landing()):
        assert "chemo-kit" not in unbuilt and "Sensitive and resistant cells" in unbuilt


def test_printed_figures_use_only_the_colour_blind_safe_palette_and_greys(kit):
    from helpers.plots.style import PALETTE

    allowed = {colour.upper() for colour in PALETTE}
    pictures = sorted((kit / "figures").glob("*.svg"))
    assert len(pictures) >= len(NOTEBOOKS)
    for picture in pictures:
        colours = set(re.findall(r"(?:fill|stroke)[:=]\s*\"?\s*(#[0-9a-fA-F]{6})",
                                 picture.read_text(encoding="utf-8")))
        assert colours, picture.name
        for colour in {c.upper() for c in colours} - allowed:
            red, green, blue = colour[1:3], colour[3:5], colour[5:7]
            assert red == green == blue, f"{picture.name}: {colour} is not in the palette"
