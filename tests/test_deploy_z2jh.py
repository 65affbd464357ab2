"""deploy/: the Kubernetes (Zero to JupyterHub) configuration and each learner's server settings.

Helm and a cluster are not available here, so the configuration is checked the way the chart's
own tooling checks values: deep-merged over the chart's default values.yaml, then validated
against the chart's published JSON schema (both copied unchanged into
deploy/z2jh/chart-reference, chart appVersion 5.5.0). A misspelt key fails that validation
(the schema forbids unknown keys in most sections); a test below proves it does.

Also: the resource figures in the configuration follow from the measured per-learner figures
written in it, and each learner's server settings (deploy/singleuser) say what
``python3 run.py app`` says.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from lesson_browser.paths import ROOT, load_run_module

Z2JH_REFERENCE = ROOT / "deploy" / "z2jh" / "chart-reference"
CONFIG = ROOT / "deploy" / "z2jh" / "config.yaml"
SINGLEUSER_CONFIG = ROOT / "deploy" / "singleuser" / "jupyter_server_config.py"


def deep_merge(base: dict, override: dict) -> dict:
    """``override`` over ``base`` as Helm merges values: mappings merge key by key, anything
    else (lists included) is replaced. Neither argument is changed."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _load(path: Path):
    return yaml.safe_load(path.read_text())


@pytest.fixture(scope="module")
def chart():
    if not (Z2JH_REFERENCE / "values.schema.yaml").exists():
        pytest.fail(f"the chart's schema is missing from {Z2JH_REFERENCE} (see its README)")
    return _load(Z2JH_REFERENCE / "values.yaml"), _load(Z2JH_REFERENCE / "values.schema.yaml")


@pytest.fixture(scope="module")
def config() -> dict:
    return _load(CONFIG)


def validation_errors(chart, override: dict) -> list[str]:
    defaults, schema = chart
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(deep_merge(defaults, override))]


# --- the merge itself, on hand-made values -------------------------------------------------

def test_deep_merge_merges_mappings_and_replaces_lists():
    base = {"a": {"b": 1, "c": [1, 2]}, "d": 4}
    override = {"a": {"c": [9], "e": 5}}
    assert deep_merge(base, override) == {"a": {"b": 1, "c": [9], "e": 5}, "d": 4}
    assert base == {"a": {"b": 1, "c": [1, 2]}, "d": 4}  # unchanged


# --- the chart's schema --------------------------------------------------------------------

def test_the_chart_defaults_alone_are_valid(chart):
    assert validation_errors(chart, {}) == []


def test_the_course_configuration_is_valid_for_the_chart(chart, config):
    assert validation_errors(chart, config) == []


@pytest.mark.parametrize("path, misspelt", [
    (("singleuser",), "defaultURL"),  # defaultUrl
    (("singleuser", "memory"), "guarentee"),  # guarantee
    (("cull",), "timout"),  # timeout
    ((), "singelUser"),  # singleuser, at the top
])
def test_a_misspelt_key_fails_validation(chart, config, path, misspelt):
    broken = copy.deepcopy(config)
    section = broken
    for key in path:
        section = section.setdefault(key, {})
    section[misspelt] = section.get(misspelt, "1")
    errors = validation_errors(chart, broken)
    assert any(misspelt in error for error in errors), errors


def test_a_wrong_type_fails_validation(chart, config):
    broken = copy.deepcopy(config)
    broken["cull"]["timeout"] = "half an hour"
    assert validation_errors(chart, broken)


# --- what the configuration says -----------------------------------------------------------

def _bytes(quantity) -> float:
    """A Kubernetes memory quantity ("512M", "1Gi", 1e9) in bytes."""
    units = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    match = re.fullmatch(r"([0-9.]+)([KMG]i?)?", str(quantity))
    assert match, f"not a memory quantity: {quantity!r}"
    return float(match.group(1)) * units[match.group(2) or ""]


def test_every_learner_opens_the_lessons_in_app_mode(config):
    single = config["singleuser"]
    assert single["defaultUrl"] == "/voila/tree"
    assert config["hub"]["config"]["KubeSpawner"]["notebook_dir"] == "/srv/chemo-series/notebooks"
    assert single["image"]["name"] and single["image"]["tag"]


def test_resources_follow_the_measured_per_learner_figures(config):
    """The arithmetic written in config.yaml, redone from its own stated figures."""
    figures = config["custom"]["perLearnerFigures"]
    single = config["singleuser"]
    server_mb, kernel_mb = figures["serverMemoryMB"], figures["kernelMemoryMBMax"]
    lessons_open = figures["lessonsOpenAtOnceMax"]
    # Guarantee: the server and one open lesson; limit: the server and every lesson allowed.
    assert _bytes(single["memory"]["guarantee"]) >= (server_mb + kernel_mb) * 1e6
    assert _bytes(single["memory"]["limit"]) >= (server_mb + lessons_open * kernel_mb) * 1e6
    assert _bytes(single["memory"]["limit"]) > _bytes(single["memory"]["guarantee"])
    # A whole class opening a lesson together, each learner with their guaranteed share of
    # a core, waits load CPU-seconds / guarantee, whatever the class size.
    wait_s = figures["lessonLoadCpuSeconds"] / single["cpu"]["guarantee"]
    assert wait_s <= figures["classOpensLessonGoalSeconds"]
    assert single["cpu"]["limit"] >= 1  # one learner alone is no slower than on a laptop core


def test_idle_servers_and_kernels_are_culled(config):
    cull = config["cull"]
    assert cull["enabled"] is True
    assert 0 < cull["every"] <= cull["timeout"] <= 3600
    text = SINGLEUSER_CONFIG.read_text()
    assert "c.MappingKernelManager.cull_idle_timeout = 120" in text


# --- each learner's server says what `run.py app` says -------------------------------------

def _flag_values(command: list[str], prefixes: tuple[str, ...]) -> dict[str, str]:
    return dict(arg[2:].split("=", 1) for arg in command
                if arg.startswith(tuple(f"--{p}." for p in prefixes)))


def _config_values(text: str) -> dict[str, str]:
    found = re.findall(r"^c\.(\w+\.\w+) = (.+)$", text, flags=re.MULTILINE)
    return {key: value.strip().strip('"') for key, value in found}


def test_learner_servers_use_the_same_app_settings_as_run_py():
    run = load_run_module()
    command = run.voila_command(Path("python"), 8866)
    wanted = _flag_values(command, ("VoilaConfiguration", "MappingKernelManager"))
    assert wanted, "run.py's Voila command has no template or kernel settings?"
    have = _config_values(SINGLEUSER_CONFIG.read_text())
    for key, value in wanted.items():
        assert key in have, f"deploy/singleuser lacks {key} (run.py sets {value})"
        assert have[key].lower() == value.lower(), f"{key}: {have[key]} here, {value} in run.py"


# --- the container image recipe (no container engine here: checked as text) ----------------

DOCKERFILE = ROOT / "deploy" / "Dockerfile"
IMAGE_ROOT = "/srv/chemo-series"


def _dockerfile_instructions() -> list[tuple[str, str]]:
    # Comment lines go first (Docker drops them even inside a continued line), then
    # continued lines are joined.
    lines = [raw for raw in DOCKERFILE.read_text().splitlines()
             if not raw.strip().startswith("#")]
    text = re.sub(r"\\\n", " ", "\n".join(lines))
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1])
            for line in (raw.strip() for raw in text.splitlines()) if line]


def test_the_image_base_is_pinned_to_an_exact_release():
    bases = [arg for op, arg in _dockerfile_instructions() if op == "FROM"]
    assert len(bases) == 1
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", bases[0])


def test_the_image_copies_files_that_exist_and_points_jupyter_at_them():
    instructions = _dockerfile_instructions()
    for op, arg in instructions:
        if op == "COPY":
            *sources, _target = [a for a in arg.split() if not a.startswith("--")]
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: no such file in the repo"
    env = " ".join(arg for op, arg in instructions if op == "ENV")
    for name in ("JUPYTER_CONFIG_PATH", "JUPYTER_PATH"):
        match = re.search(rf"{name}=(\S+)", env)
        assert match, f"the image does not set {name}"
        inside = Path(match.group(1)).relative_to(IMAGE_ROOT)
        assert (ROOT / inside).is_dir(), f"{name} points at {inside}, missing from the repo"
    assert (ROOT / "deploy" / "singleuser" / "jupyter_server_config.py").exists()


def test_the_image_and_the_tests_use_the_same_jupyterhub_line():
    import tomllib

    test_extra = tomllib.loads((ROOT / "pyproject.toml").read_text())[
        "project"]["optional-dependencies"]["test"]
    wanted = [r for r in test_extra if r.startswith("jupyterhub")]
    assert wanted and f'"{wanted[0]}"' in DOCKERFILE.read_text()


# --- The Littlest JupyterHub route says what the Kubernetes route says ------------------------

TLJH_SETTINGS = ROOT / "deploy" / "tljh" / "chemo_series.py"
TLJH_INSTALL = ROOT / "deploy" / "tljh" / "install.sh"


def test_tljh_settings_open_the_same_page_and_folders_as_the_image(config, monkeypatch):
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.delenv("CHEMO_SERIES_DIR", raising=False)
    loaded = PyFileConfigLoader(TLJH_SETTINGS.name, str(TLJH_SETTINGS.parent)).load_config()
    spawner = loaded.Spawner
    assert spawner.default_url == config["singleuser"]["defaultUrl"]
    assert spawner.notebook_dir == config["hub"]["config"]["KubeSpawner"]["notebook_dir"]
    environment = spawner.environment.get_value({})
    env = " ".join(arg for op, arg in _dockerfile_instructions() if op == "ENV")
    for name, value in environment.items():
        assert f"{name}={value}" in env, f"{name}: {value} here, not what the image sets"


def _tljh_settings_from_install_script() -> dict[str, str]:
    return dict(re.findall(r"^tljh-config set (\S+) (\S+)$", TLJH_INSTALL.read_text(),
                           flags=re.MULTILINE))


def test_tljh_install_sets_the_kubernetes_limits_and_culling(config):
    import subprocess

    assert subprocess.run(["bash", "-n", str(TLJH_INSTALL)]).returncode == 0
    settings = _tljh_settings_from_install_script()
    single, cull = config["singleuser"], config["cull"]
    assert settings == {
        "limits.memory": str(single["memory"]["limit"]),
        "limits.cpu": str(single["cpu"]["limit"]),
        "services.cull.timeout": str(cull["timeout"]),
        "services.cull.every": str(cull["every"]),
        "services.cull.max_age": str(cull["maxAge"]),
    }
