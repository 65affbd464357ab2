"""Every lesson follows the series' format and is stored clean (no outputs)."""

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LESSONS = [nb for nb in NOTEBOOKS if not nb.name.startswith("00_")]
REQUIRED_IN_LESSONS = ("Time needed", "Learning goals", "## The story", "Things to notice",
                       "Things to try", "Check your understanding", "Key take-aways",
                       "## Sources")


def _cells(path):
    return json.loads(path.read_text())["cells"]


def test_lessons_exist_in_order():
    numbers = [int(nb.name[:2]) for nb in NOTEBOOKS]
    assert numbers[:2] == [0, 1] and numbers == sorted(set(numbers))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs_or_execution_counts(path):
    for cell in _cells(path):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, path.name
    metadata = json.loads(path.read_text())["metadata"]
    assert set(metadata) <= {"kernelspec", "language_info"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_says_it_is_education_not_medical_advice(path):
    text = "\n".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    assert "not medical advice" in text.lower()


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_has_every_part_of_the_format(path):
    text = "\n".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    missing = [part for part in REQUIRED_IN_LESSONS if part not in text]
    assert not missing, f"{path.name} lacks {missing}"
    code = "\n".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "code")
    assert "show_quiz(" in code, "checks for understanding need feedback widgets"
    assert "National Cancer Institute" in text or "American Cancer Society" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_cell_tells_a_jupyterlab_user_the_one_thing_to_do(path):
    first = "".join(_cells(path)[0]["source"])
    # Inside a block app mode hides (its template: .chemo-lab-only), since Voila runs
    # every lesson by itself.
    block = first.split('<div class="chemo-lab-only">', 1)[1].split("</div>", 1)[0]
    assert "Run > Run All Cells" in block and "Ctrl+Shift+C" in block
    # Near the top: before the learning goals.
    assert first.index("chemo-lab-only") < first.index("Learning goals")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_presentation_switch_is_shown_once_near_the_top(path):
    cells = _cells(path)
    shows = [i for i, cell in enumerate(cells)
             if cell["cell_type"] == "code" and "presentation_switch()" in "".join(cell["source"])]
    first_code = next(i for i, cell in enumerate(cells) if cell["cell_type"] == "code")
    assert shows == [1] and first_code == 1
    assert "Large text for a projector" in "".join(cells[0]["source"])
