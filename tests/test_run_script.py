"""run.py: an up-to-date environment is reused without calling pip."""

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("run_script", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv = tmp_path / ".venv"
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "STAMP", venv / ".stamp")
    python = module._venv_python()
    python.parent.mkdir(parents=True)
    python.write_text("")  # a stand-in interpreter: the venv "exists"
    return module


def test_up_to_date_environment_is_not_reinstalled(run, monkeypatch):
    run.STAMP.write_text(run._wanted_stamp() + "\n")
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a))
    run.ensure_environment()
    assert calls == []


def test_changed_pyproject_triggers_one_install_of_the_extras(run, monkeypatch):
    run.STAMP.write_text("an old stamp\n")
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda command, **k: calls.append(command))
    run.ensure_environment()
    installs = [c for c in calls if "--editable" in c]
    assert len(installs) == 1 and installs[0][-1] == f".[{run.EXTRAS}]"
    assert run.STAMP.read_text().strip() == run._wanted_stamp()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 run.py test" in readme
    assert "\npython3 run.py test" in ci


def test_lab_command_opens_lesson_00_on_this_computer_with_a_token(run):
    command = run.lab_command(Path("python"), ROOT)
    assert "--ServerApp.ip=127.0.0.1" in command
    assert (ROOT / run.FIRST_LESSON).is_file()
    assert f"--LabApp.default_url=/lab/tree/{run.FIRST_LESSON}" in command
    assert str(ROOT / run.FIRST_LESSON) in command
    # Token authentication left on: nothing blanks the token or the password.
    assert not any("token=" in part.lower() or "password" in part.lower()
                   for part in command)
