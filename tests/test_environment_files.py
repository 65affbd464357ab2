"""environment.yml (conda, Binder) and pyproject.toml (pip) must list the same packages."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _normalise(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    assert match, requirement
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(2).replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return dict(_normalise(r) for r in requirements)


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    found: dict[str, str] = {}
    for item in env["dependencies"]:
        if isinstance(item, dict):
            for pip_item in item.get("pip", []):
                if not pip_item.startswith(("-e", ".")):
                    name, spec = _normalise(pip_item)
                    found[name] = spec
        else:
            name, spec = _normalise(item.replace("=", "==", 1) if re.search(r"[^<>=!]=[^=]", item)
                                    else item)
            if name not in {"python", "pip"}:
                found[name] = spec
    return found


def test_same_packages_and_versions_in_both_files():
    assert _environment_requirements() == _pyproject_requirements()


def test_environment_installs_the_repo_itself_and_pins_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_items = [p for item in env["dependencies"] if isinstance(item, dict)
                 for p in item.get("pip", [])]
    assert any(p.strip() in {"-e .", "."} for p in pip_items)
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert f"python{requires}" in [str(d).replace(" ", "") for d in env["dependencies"]]
