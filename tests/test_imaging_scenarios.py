"""Each imaging scenario, run through the models, really shows its pattern."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.scenarios import SCENARIOS, scenario_named
from helpers.scenarios.imaging import IMAGING_SCENARIOS

# The pattern must not hang on one lucky draw of the reading noise: each test
# runs the preset's own seed and a range of others.
SEEDS = range(25)


def test_the_presets_exist_by_their_curriculum_names():
    # Responding, Stable disease and Early benefit carry a short note after the
    # curriculum's name: the bare names are lesson 02's and 05's treatment scenarios.
    assert set(IMAGING_SCENARIOS) == {
        "Responding (every lesion shrinks)", "Stable disease (little change)",
        "Mixed response", "New lesions (hidden seeds)", "Early benefit (marker falls first)",
        "Early swelling (confusing first scan)"}
    for name in IMAGING_SCENARIOS:
        assert scenario_named(name) is IMAGING_SCENARIOS[name]
        assert SCENARIOS[name].claim and SCENARIOS[name].story


@pytest.mark.parametrize("seed", SEEDS)
def test_mixed_response_one_lesion_shrinks_while_another_grows(seed):
    run = IMAGING_SCENARIOS["Mixed response"].run(seed=seed)
    base = run.scans[0]
    mixed_scans = []
    for scan in run.scans[1:]:
        shrank = [n for n in base.visible_names
                  if (scan.measured(n) or 0.0) < base.measured(n)]
        grew = [n for n in base.visible_names
                if (scan.measured(n) or 0.0) > base.measured(n)]
        if shrank and grew:
            mixed_scans.append(scan.day)
    # On the first follow-up scan already, A shrinks and B grows (measured).
    assert run.scans[1].day in mixed_scans
    first = run.scans[1]
    assert first.measured("A") < base.measured("A")
    assert first.measured("B") > base.measured("B")
    # Underneath, the truth agrees: A's cells fell, B's rose.
    assert run.course.cells_on(63)[0] < run.course.cells_on(0)[0]
    assert run.course.cells_on(63)[1] > run.course.cells_on(0)[1]


def test_mixed_response_sum_hides_the_growing_lesion_at_first():
    # Preset seed: the first follow-up is "stable disease" although B grows.
    run = IMAGING_SCENARIOS["Mixed response"].run()
    assert run.assessments[1].category == "SD"
    assert run.scans[1].measured("B") > run.scans[0].measured("B")


@pytest.mark.parametrize("seed", SEEDS)
def test_hidden_seed_was_seeded_before_day_0_unseen_at_baseline_seen_later(seed):
    scenario = IMAGING_SCENARIOS["New lesions (hidden seeds)"]
    run = scenario.run(seed=seed)
    seeded = dict(zip(run.course.lesion_names, run.course.seeding_days, strict=True))
    hidden = [name for name, day in seeded.items() if day < 0
              and name not in run.scans[0].visible_names]
    assert hidden == ["B"]
    assert seeded["B"] < 0
    assert run.course.cells_on(0)[1] > 0  # there, growing, at baseline
    later = run.first_visible_day("B")
    assert later is not None and later > 0
    scan = next(s for s in run.scans if s.day == later)
    assert "B" in scan.new_lesions
    assert run.assessments[run.scan_days.index(later)].category == "PD"


@pytest.mark.parametrize("seed", SEEDS)
def test_early_swelling_first_scan_larger_confirming_scan_smaller(seed):
    run = IMAGING_SCENARIOS["Early swelling (confusing first scan)"].run(seed=seed)
    base, first, confirm = run.assessments[:3]
    base_scan, first_scan, confirm_scan = run.scans[:3]
    # The first scan reads larger than baseline ...
    assert first.sum_mm > base.sum_mm
    # ... for treatment-related reasons: swelling is present and the true size fell.
    assert first_scan.swelling_fraction > 0
    true_base = sum(r.true_mm for r in base_scan.lesions)
    true_first = sum(r.true_mm for r in first_scan.lesions)
    assert true_first < true_base
    # The confirming scan, with the swelling gone, shows shrinkage.
    assert confirm_scan.swelling_fraction == 0
    assert confirm.sum_mm < base.sum_mm


def test_early_swelling_first_scan_looks_like_progression_with_the_preset_seed():
    run = IMAGING_SCENARIOS["Early swelling (confusing first scan)"].run()
    assert [a.category for a in run.assessments[:3]] == ["BL", "PD", "PR"]
    # The blood marker keeps falling through the confusing scan.
    assert run.marker_on(42) < run.marker_on(0)
    assert np.all(np.diff(run.marker_true[run.course.days <= 84]) <= 1e-9)


def test_every_row_of_the_scenario_table_is_a_named_preset():
    from helpers.scenarios import SCENARIOS

    table_rows = {
        "Responding", "Stable disease", "Mixed response", "New lesions (hidden seeds)",
        "Early benefit before scans change", "Treatment paused",
        "Response fades (acquired resistance)", "Aggressive biology",
        "Early swelling (confusing first scan)",
    }
    assert table_rows <= set(SCENARIOS)
