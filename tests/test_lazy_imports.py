"""A lesson's kernel loads only what that lesson shows (issue 15, item 7: the series stays light).

Each check runs in a fresh interpreter, so modules other tests imported do not hide a
regression: asking for one lesson's quiz must not import the other lessons' quizzes, and
importing a small scenarios module must not import the imaging and treatment scenarios.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest


def _modules_after(code: str) -> set[str]:
    """The helpers modules loaded after running ``code`` in a fresh interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent("""
        import json, sys
        print(json.dumps(sorted(m for m in sys.modules if m.startswith("helpers"))))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("lesson", ["01", "05", "08"])
def test_one_quiz_loads_only_its_own_lesson_module(lesson):
    loaded = _modules_after(f"""
        from helpers.quizzes import quiz_for
        questions = quiz_for({lesson!r})
        assert questions, "a lesson's quiz has questions"
    """)
    quiz_modules = {m for m in loaded if m.startswith("helpers.quizzes.lesson_")}
    assert quiz_modules == {f"helpers.quizzes.lesson_{lesson}"}


def test_reading_quizzes_mapping_loads_each_lesson_when_asked():
    loaded = _modules_after("""
        from helpers.quizzes import QUIZZES
        assert list(QUIZZES) == ["01", "02", "03", "04", "05", "06", "07", "08"]
        QUIZZES["03"]
    """)
    quiz_modules = {m for m in loaded if m.startswith("helpers.quizzes.lesson_")}
    # Listing the lessons imports none of them; reading one imports that one.
    assert quiz_modules == {"helpers.quizzes.lesson_03"}


def test_a_small_scenarios_module_does_not_load_the_imaging_and_treatment_scenarios():
    loaded = _modules_after("import helpers.scenarios.teaching_values")
    assert "helpers.scenarios.imaging" not in loaded
    assert "helpers.scenarios.treatment" not in loaded
    assert "helpers.clinic.scans" not in loaded


def test_scenarios_mapping_still_holds_both_kinds():
    from helpers.scenarios import SCENARIOS, scenario_named
    from helpers.scenarios.imaging import IMAGING_SCENARIOS
    from helpers.scenarios.treatment import TREATMENT_SCENARIOS

    assert set(SCENARIOS) == set(TREATMENT_SCENARIOS) | set(IMAGING_SCENARIOS)
    assert len(SCENARIOS) == len(TREATMENT_SCENARIOS) + len(IMAGING_SCENARIOS)
    for name, scenario in {**TREATMENT_SCENARIOS, **IMAGING_SCENARIOS}.items():
        assert scenario_named(name) is scenario
    with pytest.raises(ValueError, match="scenario must be one of"):
        scenario_named("No such scenario")
    with pytest.raises(KeyError):
        SCENARIOS["No such scenario"]
