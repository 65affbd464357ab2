"""States and figure data records check what they hold (helpers.checks.Record).

Each case builds a real state (or data record), swaps one field for a bad value with
``dataclasses.replace`` (which runs the check again) and expects a refusal that names
the field. The good states themselves must pass: every preset of every lesson.
"""

from __future__ import annotations

import dataclasses
import importlib
import math

import numpy as np
import pytest

from helpers.lessons import cell_size, chance, growth, resistance, response
from helpers.lessons.repeat_readings import RepeatValues, state_from_readings
from helpers.plots.spheres import SpheresData
from helpers.quizzes.progress import QuestionProgress, QuizScore
from helpers.words import cell_size as cell_size_words
from helpers.words import resistance as resistance_words

LESSONS = ["cell_size", "chance", "clues", "dose_intensity", "growth", "log_kill",
           "plan_change", "repeat_readings", "resistance", "response", "scans",
           "worry_sort"]


@pytest.mark.parametrize("name", LESSONS)
def test_every_preset_and_the_start_build_a_state_that_passes_its_own_check(name):
    module = importlib.import_module(f"helpers.lessons.{name}")
    values_type = next(v for k, v in vars(module).items()
                       if k.endswith("Values") and isinstance(v, type)
                       and v.__module__ == module.__name__)
    for values in [values_type(), *(p.values for p in getattr(module, "PRESETS", {}).values())]:
        state = module.compute(values)
        # Rebuilding runs __post_init__ again on the same fields: it must still pass.
        assert dataclasses.replace(state) is not state


@pytest.fixture(scope="module")
def resistance_state():
    return resistance.compute(resistance.ResistanceValues())


@pytest.mark.parametrize(("field", "bad", "error"), [
    ("nadir_cells", math.nan, ValueError),
    ("nadir_cells", math.inf, ValueError),
    ("nadir_cells", -1.0, ValueError),        # cells cannot be negative
    ("nadir_cells", 1e300, ValueError),
    ("nadir_cells", "5", TypeError),
    ("nadir_cells", True, TypeError),
    ("horizon_days", 10**12, ValueError),
    ("horizon_days", 2.5, ValueError),
    ("values", "x", TypeError),
    ("faded_day", math.nan, ValueError),
    ("restaging_days", (0, 21, "x"), TypeError),
    ("restaging_diameters_mm", (10.0, math.nan), ValueError),
    ("scan_band_cells", (1.0,), ValueError),  # a pair, not one number
])
def test_a_state_refuses_a_bad_field_naming_it(resistance_state, field, bad, error):
    with pytest.raises(error, match=field):
        dataclasses.replace(resistance_state, **{field: bad})


@pytest.mark.parametrize("bad", [math.nan, math.inf, -1e300, 2.0, -0.1])
def test_a_share_array_holds_shares_only(resistance_state, bad):
    share = resistance_state.resistant_share.copy()
    share[3] = bad
    with pytest.raises(ValueError, match=r"resistant_share must hold numbers from 0 to 1"):
        dataclasses.replace(resistance_state, resistant_share=share)


def test_an_array_field_must_be_an_array(resistance_state):
    with pytest.raises(TypeError, match="days must be a numpy array"):
        dataclasses.replace(resistance_state, days=list(resistance_state.days))


def test_nan_marks_an_unseen_lesion_only_where_the_field_allows_it():
    state = response.compute(response.ResponseValues(patient="New lesions (hidden seeds)"))
    assert np.isnan(state.measured_mm).any()  # a lesion not yet seen on a scan
    measured = state.measured_mm.copy()
    measured[0, 0] = math.inf
    with pytest.raises(ValueError, match="measured_mm"):
        dataclasses.replace(state, measured_mm=measured)


def test_the_open_last_range_may_run_to_infinity_but_not_down_to_it():
    state = chance.compute(chance.ChanceValues())
    assert state.bin_edges[-1] == math.inf
    with pytest.raises(ValueError, match=r"bin_edges\[0\]"):
        dataclasses.replace(state, bin_edges=(-math.inf, *state.bin_edges[1:]))


@pytest.mark.parametrize("value", [math.inf, -math.inf])
def test_a_control_value_is_never_infinite(value):
    # inf - option is inf, and inf <= 1e-9 * inf: it used to match every option.
    with pytest.raises(ValueError, match="killed_percent"):
        cell_size.CellSizeValues(killed_percent=value)
    with pytest.raises(ValueError, match="months_shown"):
        growth.GrowthValues(months_shown=value)


def test_compute_and_words_name_a_wrong_argument():
    with pytest.raises(TypeError, match="values must be a CellSizeValues"):
        cell_size.compute("x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="state must be a CellSizeState"):
        cell_size_words.caption(growth.compute(growth.GrowthValues()))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="share"):
        resistance_words.share_in_words(math.nan)
    with pytest.raises(ValueError, match="cycle_length_days"):
        resistance_words.cycles_control_label(10**12)


def test_readings_are_refused_by_their_own_name():
    with pytest.raises(ValueError, match="readings"):
        state_from_readings(RepeatValues(), np.array([[20.0, 1e300]]))
    with pytest.raises(TypeError, match="readings"):
        state_from_readings(RepeatValues(), [[20.0, 21.0]])  # type: ignore[arg-type]


def test_figure_data_and_quiz_records_check_their_fields():
    with pytest.raises(ValueError, match="start_diameter_mm"):
        SpheresData(math.nan, 10.0, 0.5)
    with pytest.raises(TypeError, match="checked"):
        QuestionProgress(checked="no")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="picked"):
        QuestionProgress(picked=10**12)
    with pytest.raises(ValueError, match="total"):
        QuizScore(0, 0, 10**12)
