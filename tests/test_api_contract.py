"""Every public callable of helpers refuses bad input with a clear error.

One test per callable found by walking the package (tests/api_contract.py has
the engine and the example registries), so a new function is covered without
touching this file. Select a layer with ``-k``: ``-k models``, ``-k clinic``.
Below them: the reproducers from issue 15, one test each.
"""

from __future__ import annotations

import pytest

import api_contract

TARGETS = api_contract.walk_cached()


def test_the_walk_finds_the_whole_api():
    ids = {t.id for t in TARGETS}
    # A few callables every layer is known to have: the walk must reach them.
    for known in ("models.clearance.measured_cells", "clinic.scans.Swelling.extra_fraction",
                  "plain_words.percent", "scenarios.imaging.observe",
                  "models.clones.SimulationResult"):
        assert known in ids
    assert len(ids) == len(TARGETS), "two callables share an id"


def test_every_registered_example_names_a_real_parameter():
    # A stale entry (renamed parameter) would silently stop covering anything.
    ids = {t.id: t for t in TARGETS}
    for key in api_contract.EXAMPLES_FOR:
        owner, _, name = key.rpartition(".")
        assert owner in ids, f"EXAMPLES_FOR[{key!r}]: no callable {owner!r}"
        names = {p.name for p in api_contract._parameters(ids[owner])}
        assert name in names, f"EXAMPLES_FOR[{key!r}]: {owner} has no parameter {name!r}"


def test_every_designed_value_names_a_real_parameter():
    # The list of values taken on purpose stays short and points at real parameters.
    ids = {t.id: t for t in TARGETS}
    for key, labels in api_contract.DESIGNED_VALUES.items():
        owner, _, name = key.rpartition(".")
        assert owner in ids, f"DESIGNED_VALUES[{key!r}]: no callable {owner!r}"
        names = {p.name for p in api_contract._parameters(ids[owner])}
        assert name in names, f"DESIGNED_VALUES[{key!r}]: {owner} has no parameter {name!r}"
        assert set(labels) <= {"inf", "one item inf", "one item nan"}, key


def test_designed_values_come_from_the_field_metadata_only():
    ids = {t.id: t for t in TARGETS}
    chance = ids["lessons.chance.ChanceState"]
    # bin_edges says infinite_ok: +inf is spared, NaN is still attacked.
    assert api_contract.designed_values(chance, "bin_edges") == ("inf", "one item inf")
    # measured_mm says nan_ok ("lesion not seen"): NaN is spared, inf is still attacked.
    response = ids["lessons.response.ResponseState"]
    assert api_contract.designed_values(response, "measured_mm") == ("nan", "one item nan")
    # A field without that metadata is attacked with everything.
    assert api_contract.designed_values(chance, "values") == ()


@pytest.mark.parametrize("target", TARGETS, ids=[t.id for t in TARGETS])
def test_bad_input_is_refused_clearly(target):
    try:
        problems = api_contract.check(target)
    except api_contract.NoExample as why:
        pytest.fail(f"no way to build a valid call of {target.id}: {why}")
    assert not problems, f"{target.id}:\n  " + "\n  ".join(problems)


# -- the reproducers of issue 15 (lower layers), one each -----------------------------------

import math  # noqa: E402

import numpy as np  # noqa: E402

from helpers.clinic.response import categorize  # noqa: E402
from helpers.clinic.scans import ScanPlan, Swelling, reading_factors  # noqa: E402
from helpers.models.growth import crowding_factor  # noqa: E402
from helpers.models.lesions import make_lesion  # noqa: E402
from helpers.models.markers import measure_marker  # noqa: E402
from helpers.models.size import cells_to_diameter_mm  # noqa: E402
from helpers.scenarios.imaging import observe  # noqa: E402
from helpers.scenarios.treatment import diameter_mm_of  # noqa: E402


def _rng():
    return np.random.default_rng(0)


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"log_sd": math.nan}, r"log_sd must be .*\[0, 0\.5\]; got nan"),
    ({"clip": -1}, r"clip must be in \[0, 1\]; got -1"),
    ({"size": 10**9}, r"size must be one of the whole numbers from 0 to 1000000; got 1000000000"),
    ({"size": (100_000, 100_000)}, r"size must ask for at most 1,000,000 readings"),
])
def test_reading_factors_checks_its_arguments(kwargs, words):
    arguments = {"rng": _rng(), "size": 10, **kwargs}
    with pytest.raises(ValueError, match=words):
        reading_factors(**arguments)


def test_crowding_factor_refuses_nan():
    with pytest.raises(ValueError, match="total_cells.*nan"):
        crowding_factor(math.nan, "logistic", 1e12)


def test_swelling_refuses_nan_days():
    with pytest.raises(ValueError, match=r"days_since_first_dose must .*; got nan"):
        Swelling().extra_fraction(math.nan)


@pytest.mark.parametrize("flag", ["no", math.nan, None, 1])
def test_categorize_refuses_a_flag_that_is_not_true_or_false(flag):
    with pytest.raises(TypeError, match="new_lesion must be True or False"):
        categorize(40, 50, 45, new_lesion=flag)
    with pytest.raises(TypeError, match="had_response must be True or False"):
        categorize(40, 50, 45, had_response=flag)


def test_categorize_still_takes_numpy_flags():
    assert categorize(40, 50, 45, new_lesion=np.bool_(True)) == "PD"


def test_make_lesion_blames_the_resistant_doubling_time():
    with pytest.raises(ValueError, match=r"^resistant_doubling_time_days must be .*; got 0$"):
        make_lesion("A", start_cells=10, resistant_fraction=0.1, resistant_doubling_time_days=0)


def test_make_lesion_blames_the_resistant_log_kill():
    with pytest.raises(ValueError, match=r"^resistant_log_kill_per_dose must be"):
        make_lesion("A", start_cells=10, resistant_fraction=0.1,
                    resistant_log_kill_per_dose=math.inf)


def test_measure_marker_blames_levels():
    days = np.arange(0.0, 10.0)
    levels = np.full(10, 5.0)
    levels[3] = math.nan
    with pytest.raises(ValueError, match=r"^levels\[3\] must be .*; got nan"):
        measure_marker(days, levels, (0, 5))


def test_observe_blames_the_marker():
    patient = api_contract.EXAMPLES_BY_TYPE["Patient"]()
    with pytest.raises(TypeError, match=r"^marker must be a MarkerModel or None; got 'x'"):
        observe(patient, ScanPlan(), 126, marker="x")


@pytest.mark.parametrize("cells", ["5", True])
def test_cells_to_diameter_refuses_strings_and_flags(cells):
    with pytest.raises((TypeError, ValueError), match="cells"):
        cells_to_diameter_mm(cells)


def test_diameter_mm_of_refuses_what_is_not_a_result():
    with pytest.raises(TypeError, match=r"^result must be a SimulationResult; got 'x'"):
        diameter_mm_of("x")


# Records built by the model that once checked nothing: each refuses a bad field now.
@pytest.mark.parametrize(("target_id", "field", "bad"), [
    ("clinic.response.Assessment", "sum_mm", math.nan),
    ("clinic.response.Assessment", "held", "no"),
    ("clinic.scans.LesionReading", "measured_mm", -1.0),
    ("clinic.scans.LesionReading", "visible", None),
    ("clinic.scans.ScanReading", "day", 1.5),
    ("models.lesions.PatientCourse", "horizon_days", 10**9),
    ("models.stochastic_tumours.TumourSample", "final_cells", math.inf),
    ("scenarios.imaging.ImagingRun", "course", "x"),
    ("scenarios.imaging.ImagingScenario", "horizon_days", math.nan),
    ("scenarios.clues.ClueStory", "infection", "no"),
    ("scenarios.plan_change.LesionSetUp", "diameter_mm", math.nan),
    ("scenarios.treatment.SensitivityLevel", "fraction_killed_per_dose", 2.0),
    ("models.clones.SimulationResult", "horizon_days", math.nan),
])
def test_result_records_validate_what_they_hold(target_id, field, bad):
    target = next(t for t in TARGETS if t.id == target_id)
    fields = api_contract.valid_kwargs(target)
    target.obj(**fields)  # the valid record is accepted
    with pytest.raises((TypeError, ValueError), match=field):
        target.obj(**{**fields, field: bad})


def test_the_engine_catches_a_helper_that_checks_nothing():
    # The checker itself: a function with no checks must fail the contract.
    def careless(days_shown: float = 30.0) -> float:
        return days_shown * 2

    careless.__module__ = "helpers.plain_words"  # as if it lived in the package
    problems = api_contract.check(api_contract.Target("plain_words.careless", careless))
    assert any("accepted silently" in p for p in problems)
    assert any(p.startswith("days_shown=nan") for p in problems)


def test_the_engine_says_which_example_to_add():
    def needs_an_example(mystery: object) -> None:
        raise AssertionError("never called")

    needs_an_example.__module__ = "helpers.plain_words"
    with pytest.raises(api_contract.NoExample, match=r"EXAMPLES_FOR\['plain_words.needs"):
        api_contract.check(api_contract.Target("plain_words.needs_an_example",
                                               needs_an_example))


def test_the_memory_cap_stops_a_huge_allocation():
    problem = api_contract.judge(
        "size", api_contract.Bad("huge", 10**10, ("1e10",), False),
        lambda: np.ones(10**10))
    assert problem is not None and "ran out of memory" in problem
