"""app/lab_config.py: JupyterLab gets a lesson with this computer's kernel description,
and the file keeps the stored one.

JupyterLab writes the running kernel's kernelspec and language_info into a notebook
when the kernel starts, and marks the notebook changed if they differ. The browser
test (tests/browser/test_lab_mode.py) opens every lesson and checks it is not marked;
these tests check the pieces without a browser.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


# One worker thread for every call on a manager: ``asyncio.run`` refuses to start where
# a loop already runs in this thread (the browser tests' session-wide Playwright leaves
# one when the suite runs in one go), and the manager's SQLite file index may only be
# used from the thread that made it.
_WORKER = concurrent.futures.ThreadPoolExecutor(max_workers=1)


def _run(coroutine):
    """Run a coroutine to its end on a fresh event loop in the worker thread."""
    return _WORKER.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def lab_config():
    spec = importlib.util.spec_from_file_location("lab_config", ROOT / "app" / "lab_config.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def manager(lab_config, tmp_path):
    for lesson in LESSONS:
        shutil.copy(lesson, tmp_path / lesson.name)
    return _WORKER.submit(lab_config.LessonContentsManager, root_dir=str(tmp_path)).result()


def test_every_lesson_is_stored_with_the_series_kernel_description(lab_config):
    for lesson in LESSONS:
        metadata = json.loads(lesson.read_text())["metadata"]
        assert metadata["kernelspec"] == lab_config.STORED_KERNELSPEC, lesson.name
        assert metadata["language_info"] == lab_config.STORED_LANGUAGE_INFO, lesson.name


def test_the_description_given_is_what_the_kernel_itself_reports(lab_config):
    # JupyterLab copies the kernel's own kernel_info reply into the notebook: ask one.
    from jupyter_client.manager import start_new_kernel

    kernel_manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.kernel_info(reply=True, timeout=60)
    finally:
        client.stop_channels()
        kernel_manager.shutdown_kernel(now=True)
    local = lab_config.local_kernel_description()
    assert local["language_info"] == reply["content"]["language_info"]
    assert local["kernelspec"]["name"] == "python3"
    assert local["kernelspec"]["display_name"] == kernel_manager.kernel_spec.display_name


def test_a_lesson_is_handed_out_with_this_computer_s_description(lab_config, manager):
    local = lab_config.local_kernel_description()
    for lesson in LESSONS:
        model = _run(manager.get(lesson.name))
        metadata = model["content"]["metadata"]
        assert metadata["kernelspec"] == local["kernelspec"]
        assert metadata["language_info"] == local["language_info"]
        # Only the metadata: the cells are the stored ones.
        stored = json.loads(lesson.read_text())
        assert len(model["content"]["cells"]) == len(stored["cells"])


def test_saving_puts_the_stored_description_back(lab_config, manager, tmp_path):
    lesson = LESSONS[0]
    model = _run(manager.get(lesson.name))
    model["content"]["cells"][0]["source"] = "# Changed by a learner"
    _run(manager.save({"type": "notebook", "format": "json",
                              "content": model["content"]}, lesson.name))
    saved = json.loads((tmp_path / lesson.name).read_text())
    assert saved["metadata"]["kernelspec"] == lab_config.STORED_KERNELSPEC
    assert saved["metadata"]["language_info"] == lab_config.STORED_LANGUAGE_INFO
    assert "".join(saved["cells"][0]["source"]) == "# Changed by a learner"


def test_other_notebooks_are_left_as_they_are(lab_config, manager, tmp_path):
    other = json.loads(LESSONS[0].read_text())
    other["metadata"] = {"kernelspec": {"name": "ir", "display_name": "R", "language": "R"},
                         "language_info": {"name": "R"}}
    (tmp_path / "other.ipynb").write_text(json.dumps(other))
    model = _run(manager.get("other.ipynb"))
    assert model["content"]["metadata"] == other["metadata"]
    _run(manager.save({"type": "notebook", "format": "json",
                              "content": model["content"]}, "other.ipynb"))
    assert json.loads((tmp_path / "other.ipynb").read_text())["metadata"] == other["metadata"]
