"""Lesson 07's model additions: a second drug, and local treatment of one lesion.

Every expected number is worked out by hand in the comments. Clones that do not grow
(rate 0) keep the arithmetic to powers of ten.
"""

import math

import numpy as np
import pytest

from helpers.models.clones import Clone, simulate
from helpers.models.growth import doubling_time_days_to_rate_per_day
from helpers.models.lesions import Lesion, LocalTreatment, Patient, simulate_patient
from helpers.models.treatment import DEFAULT_DRUG, Schedule

WEEKLY_DOUBLING = doubling_time_days_to_rate_per_day(7)


def _sphere_mm(cells: float) -> float:
    """Diameter (mm) of a ball of ``cells`` at 1e9 cells per cm3, worked from the formula."""
    return 10.0 * (6.0 * cells / 1e9 / math.pi) ** (1.0 / 3.0)


# -- the schedule names its drugs -------------------------------------------------------


def test_every_cycle_gives_drug_a_unless_the_schedule_says_otherwise():
    plain = Schedule(21, 3)
    assert DEFAULT_DRUG == "A"
    assert plain.drugs == (("A",), ("A",), ("A",))
    assert plain.drug_names == ("A",)
    assert plain == Schedule(21, 3, drugs=(("A",),) * 3)


def test_a_switch_and_a_combination_are_written_per_cycle():
    switch = Schedule(21, 4, drugs=("A", "A", "B", "B"))  # a lone name is a tuple of one
    assert switch.drugs == (("A",), ("A",), ("B",), ("B",))
    assert switch.drug_names == ("A", "B")
    both = Schedule(21, 2, drugs=(("A", "B"), ("A", "B")))
    assert both.drug_names == ("A", "B")
    # The drugs survive the copies the lessons make.
    assert switch.as_planned().drugs == switch.drugs
    assert switch.with_changes(delays_days=(0, 7, 0, 0)).drugs == switch.drugs
    assert switch.with_changes(drugs=("B",) * 4).drug_names == ("B",)
    # Drugs do not change dose intensity: it counts doses per week, whatever the drug.
    assert switch.relative_dose_intensity == 1.0


@pytest.mark.parametrize("drugs, message", [
    (("A", "B"), r"drugs must have exactly 3 items \(one per cycle\); got 2"),
    (("A", (), "B"), r"drugs\[1\] must name 1 to 4 drugs; got \(\)"),
    (("A", ("B", "B"), "A"), r"drugs\[1\] must not name a drug twice; got \('B', 'B'\)"),
    (("A", ("B", 7), "A"), r"drugs\[1\] must hold non-empty drug names; got \('B', 7\)"),
    (("A", " ", "A"), r"drugs\[1\] must hold non-empty drug names"),
    (("A", ("A", "B", "C", "D", "E"), "A"), r"drugs\[1\] must name 1 to 4 drugs"),
    ("ABA", r"drugs must be a list or tuple; got 'ABA'"),
])
def test_bad_drugs_are_refused_with_the_field_and_value(drugs, message):
    with pytest.raises(ValueError, match=message):
        Schedule(21, 3, drugs=drugs)


# -- each clone's kill by each drug ------------------------------------------------------


def test_a_clone_has_its_own_kill_for_each_drug():
    resists_a = Clone("resists A", 1e6, 0.0, 0.0, log_kill_by_drug={"B": 2.0})
    assert resists_a.log_kill_of("A") == 0.0
    assert resists_a.log_kill_of("B") == 2.0
    assert resists_a.log_kill_of("C") == 0.0  # a drug not named kills none of it
    plain = Clone("plain", 1e6, 0.0, 1.5)
    assert plain.log_kill_of("A") == 1.5 and plain.log_kill_of("B") == 0.0
    # The clone keeps its own copy: changing the caller's dict changes nothing.
    kills = {"B": 1.0}
    clone = Clone("c", 1.0, 0.0, log_kill_by_drug=kills)
    kills["B"] = 5.0
    assert clone.log_kill_of("B") == 1.0
    assert hash(clone) == hash(Clone("c", 1.0, 0.0, log_kill_by_drug={"B": 3.0}))
    assert clone != Clone("c", 1.0, 0.0, log_kill_by_drug={"B": 3.0})


@pytest.mark.parametrize("kills, message", [
    ({"A": 1.0}, r"log_kill_by_drug must name drugs other than 'A'.*got 'A'"),
    ({"": 1.0}, r"log_kill_by_drug must name drugs other than 'A'.*got ''"),
    ({"B": -1.0}, r"log_kill_by_drug\['B'\] must be in \[0, 12\]; got -1"),
    ({"B": 13}, r"log_kill_by_drug\['B'\] must be in \[0, 12\]; got 13"),
    ({"B": "lots"}, r"log_kill_by_drug\['B'\] must be a finite number"),
    ([("B", 1.0)], r"log_kill_by_drug must map drug names to log kills"),
])
def test_bad_kills_by_drug_are_refused(kills, message):
    with pytest.raises(ValueError, match=message):
        Clone("c", 1.0, 0.0, log_kill_by_drug=kills)


def test_log_kill_of_needs_a_drug_name():
    with pytest.raises(ValueError, match="drug must be a non-empty drug name; got 3"):
        Clone("c", 1.0, 0.0).log_kill_of(3)


def test_switching_to_drug_b_hits_the_cells_that_resist_drug_a():
    # No growth. Sensitive 1e9: 1 log by A, 1 log by B. Resists-A 1e6: 0 by A, 2 by B.
    # Doses on days 0 (A), 21 (A), 42 (B):
    #   day 0:  S 1e8, R 1e6;  day 21: S 1e7, R 1e6;  day 42: S 1e6, R 1e4.
    clones = [Clone("sensitive", 1e9, 0.0, 1.0, log_kill_by_drug={"B": 1.0}),
              Clone("resists A", 1e6, 0.0, 0.0, resistant=True, log_kill_by_drug={"B": 2.0})]
    result = simulate(clones, Schedule(21, 3, drugs=("A", "A", "B")), 50)
    sensitive, resists_a = result.cells_of("sensitive"), result.cells_of("resists A")
    for day, s, r in ((0, 1e8, 1e6), (21, 1e7, 1e6), (42, 1e6, 1e4), (50, 1e6, 1e4)):
        i = result.index_at(day)
        assert sensitive[i] == pytest.approx(s) and resists_a[i] == pytest.approx(r)


def test_two_drugs_on_one_day_add_their_log_kills():
    # 1e9 cells doubling weekly; A kills 1 log, B 1 log: both on day 0 leave 1e7.
    # Day 21 before the dose: 1e7 * 2^3 = 8e7; after both: 8e5.
    cells = [Clone("c", 1e9, WEEKLY_DOUBLING, 1.0, log_kill_by_drug={"B": 1.0})]
    result = simulate(cells, Schedule(21, 2, drugs=(("A", "B"),) * 2), 30)
    assert result.total_at(0) == pytest.approx(1e7)
    assert result.total_cells[result.index_at(20) + 1] == pytest.approx(8e7)
    assert result.total_at(21) == pytest.approx(8e5)
    # A half dose of the pair gives half of each: (1 + 2) / 2 = 1.5 logs.
    strong_b = [Clone("c", 1e9, 0.0, 1.0, log_kill_by_drug={"B": 2.0})]
    half = simulate(strong_b, Schedule(21, 1, dose_fractions=(0.5,), drugs=(("A", "B"),)), 5)
    assert half.total_at(0) == pytest.approx(1e9 * 10 ** -1.5)


def test_the_default_drug_gives_exactly_what_the_single_drug_model_gave():
    clones = [Clone("s", 1e9, WEEKLY_DOUBLING, 2.0), Clone("r", 1e3, WEEKLY_DOUBLING,
                                                           resistant=True)]
    plain = simulate(clones, Schedule(21, 3), 70, law="logistic")
    named = simulate(clones, Schedule(21, 3, drugs=("A", "A", "A")), 70, law="logistic")
    assert np.array_equal(plain.cells, named.cells) and np.array_equal(plain.days, named.days)
    # A drug the clones are not killed by changes nothing but the cells' path.
    other = simulate(clones, Schedule(21, 3, drugs=("B", "B", "B")), 70, law="logistic")
    untreated = simulate(clones, Schedule(21, 0), 70, law="logistic")
    assert other.total_cells[-1] == pytest.approx(untreated.total_cells[-1])


# -- a treatment aimed at one tumour -------------------------------------------------------


def test_a_local_treatment_leaves_the_same_share_of_every_clone():
    # No growth; on day 10, 1 in 1,000 of each clone is left, drug-resistant or not.
    clones = [Clone("s", 1e9, 0.0, 1.0), Clone("r", 1e7, 0.0, resistant=True)]
    result = simulate(clones, Schedule(21, 0), 20, local_treatments=[(10, 1e-3)])
    assert list(result.days).count(10) == 2  # before and after, like a dose day
    i = result.index_at(10)
    assert result.cells[:, i - 1] == pytest.approx([1e9, 1e7])
    assert result.cells[:, i] == pytest.approx([1e6, 1e4])


def test_a_local_treatment_on_a_dose_day_follows_the_dose():
    # Dose (1 log of s) and radiation (2 logs of all) on day 0: s 1e9 -> 1e6, r 1e7 -> 1e5.
    # Norton-Simon scales the drug's kill only: in a logistic tumour of 2e11 + 1e7 cells,
    # room 1e12, the factor is 1 - 0.20001 = 0.79999, so s loses 0.79999 + 2 logs and r 2.
    clones = [Clone("s", 1e9, 0.0, 1.0), Clone("r", 1e7, 0.0, resistant=True)]
    result = simulate(clones, Schedule(21, 1), 5, local_treatments=[(0, 1e-2)])
    assert result.cells[:, result.index_at(0)] == pytest.approx([1e6, 1e5])
    crowded = [Clone("s", 2e11, 0.0, 1.0), Clone("r", 1e7, 0.0, resistant=True)]
    scaled = simulate(crowded, Schedule(21, 1), 5, law="logistic", norton_simon=True,
                      local_treatments=[(0, 1e-2)])
    assert scaled.cells[:, scaled.index_at(0)] == pytest.approx(
        [2e11 * 10 ** -(0.79999 + 2), 1e5])


def test_surgery_leaves_nothing_and_a_fraction_of_one_changes_nothing():
    clones = [Clone("s", 1e9, WEEKLY_DOUBLING, 0.0)]
    gone = simulate(clones, Schedule(21, 0), 20, local_treatments=[(5, 0.0)])
    assert gone.total_at(5) == 0.0 and gone.total_at(20) == 0.0
    kept = simulate(clones, Schedule(21, 0), 20, local_treatments=[(5, 1.0)])
    assert kept.total_at(20) == pytest.approx(1e9 * 2 ** (20 / 7))


@pytest.mark.parametrize("treatments, message", [
    ([(30, 0.5)], r"local_treatments\[0\] day must be one of the whole numbers from 0 to 20"),
    ([(-1, 0.5)], r"local_treatments\[0\] day must be one of the whole numbers from 0 to 20"),
    ([(5, 1.5)], r"local_treatments\[0\] fraction left must be in \[0, 1\]; got 1.5"),
    ([(5,)], r"local_treatments\[0\] must be a \(day, fraction left\) pair; got \(5,\)"),
    ("soon", r"local_treatments must be a list or tuple; got 'soon'"),
])
def test_bad_local_treatments_are_refused(treatments, message):
    with pytest.raises(ValueError, match=message):
        simulate([Clone("s", 1e9, 0.0)], Schedule(21, 0), 20, local_treatments=treatments)


# -- lesions: radiation or surgery to one lesion, the others untouched -----------------------


def _lesion(name: str, cells: float = 1e9, seeding_day: int = 0) -> Lesion:
    return Lesion(name, (Clone("s", cells, 0.0, 1.0, log_kill_by_drug={"B": 2.0}),
                         Clone("r", cells / 1e3, 0.0, resistant=True,
                               log_kill_by_drug={"B": 2.0})),
                  seeding_day=seeding_day)


def test_radiation_to_one_lesion_kills_there_and_clears_like_a_dose():
    # No drug. Lesion B (1e9 + 1e6 cells) gets 3 logs on day 10: 1.001e6 left; the
    # 1.0000e9 killed stay as dead cells, halving every 7 days. Lesion A is untouched.
    patient = Patient((_lesion("A"), _lesion("B")), Schedule(21, 0),
                      local_treatments=(LocalTreatment("B", 10, "radiation", 3.0),))
    course = simulate_patient(patient, 30)
    i = int(np.searchsorted(course.days, 10, side="right")) - 1  # just after day 10's kill
    total = 1e9 + 1e6
    assert course.cells[:, i - 1] == pytest.approx([total, total])
    assert course.cells[:, i] == pytest.approx([total, total * 1e-3])
    killed = total * (1 - 1e-3)
    assert course.dead_cells[1, i] == pytest.approx(killed)
    # The lesion measures the same just after (live + dead), then shrinks as dead cells go.
    assert course.diameter_mm[1, i] == pytest.approx(_sphere_mm(total))
    day17 = int(np.searchsorted(course.days, 17))
    assert course.diameter_mm[1, day17] == pytest.approx(_sphere_mm(total * 1e-3 + killed / 2))
    assert course.diameter_mm[0, day17] == pytest.approx(_sphere_mm(total))
    # Both kinds of cell lost the same share: radiation ignores drug resistance.
    assert course.clone_cells["s"][1, i] == pytest.approx(1e6)
    assert course.clone_cells["r"][1, i] == pytest.approx(1e3)
    assert course.local_treatments == patient.local_treatments


def test_surgery_takes_the_lesion_out_at_once():
    # A dose of drug A on day 0 (1 log of s) leaves 1e8 + 1e6 live cells in lesion B and
    # 9e8 dead ones, 9e8 * 2^(-10/7) of them still there on day 10. Surgery on day 10
    # takes out the live and the dead cells alike: 0 mm from then on.
    patient = Patient((_lesion("A"), _lesion("B")), Schedule(21, 1),
                      local_treatments=(LocalTreatment("B", 10, "surgery"),))
    course = simulate_patient(patient, 30)
    i = int(np.searchsorted(course.days, 10, side="right")) - 1
    assert course.diameter_mm[1, i - 1] == pytest.approx(
        _sphere_mm(1.01e8 + 9e8 * 2 ** (-10 / 7)))
    assert np.all(course.cells[1, i:] == 0) and np.all(course.dead_cells[1, i:] == 0)
    assert np.all(course.diameter_mm[1, i:] == 0)
    # Lesion A still clears its own dead cells: 0.9e9 killed on day 0, 1/4 left by day 14.
    day14 = int(np.searchsorted(course.days, 14))
    assert course.dead_cells[0, day14] == pytest.approx(0.9e9 / 4)


def test_clone_cells_add_up_to_the_lesion_cells_and_a_late_lesion_meets_later_drugs():
    # Drug A on days 0 and 21, drug B on day 42. Lesion L is seeded on day 30 with
    # 1e6 + 1e3 cells and meets only the B dose: 2 logs of both, 1e4 + 10 left.
    schedule = Schedule(21, 3, drugs=("A", "A", "B"))
    patient = Patient((_lesion("A"), _lesion("L", 1e6, seeding_day=30)), schedule,
                      local_treatments=(LocalTreatment("L", 45, "radiation", 1.0),))
    course = simulate_patient(patient, 50)
    summed = sum(course.clone_cells.values())
    assert np.allclose(summed, course.cells)
    late = course.row("L")
    assert course.cells_on(29)[late] == 0.0
    assert course.cells_on(42)[late] == pytest.approx(1e6 + 1e3)  # before the B dose
    after_b = int(np.searchsorted(course.days, 42, side="right")) - 1
    assert course.cells[late, after_b] == pytest.approx(1e4 + 10)
    # Radiation on day 45 (1 log) leaves 1e3 + 1.
    assert course.cells[late, -1] == pytest.approx(1e3 + 1)


@pytest.mark.parametrize("make, message", [
    (lambda: LocalTreatment("B", 10, "radiation"),
     r"log_kill must be a finite number in \(0, 12\]; got None"),
    (lambda: LocalTreatment("B", 10, "radiation", 0.0), r"log_kill must be in \(0, 12\]; got 0"),
    (lambda: LocalTreatment("B", 10, "surgery", 3.0),
     r"log_kill must be None for surgery \(it takes every cell out\); got 3.0"),
    (lambda: LocalTreatment("B", 10, "chemo", 3.0), r"kind must be one of 'radiation', "
                                                    r"'surgery'; got 'chemo'"),
    (lambda: LocalTreatment("B", -2, "surgery"), r"day must be one of the whole numbers "
                                                 r"from 0 to 3650; got -2"),
    (lambda: LocalTreatment("", 3, "surgery"), r"lesion must be a lesion's name; got ''"),
    (lambda: Patient((_lesion("A"),), local_treatments=(LocalTreatment("Z", 3, "surgery"),)),
     r"local_treatments\[0\].lesion must be one of 'A'; got 'Z'"),
    (lambda: Patient((_lesion("A", seeding_day=20),),
                     local_treatments=(LocalTreatment("A", 20, "surgery"),)),
     r"local_treatments\[0\].day must be after lesion A's seeding day 20; got 20"),
    (lambda: simulate_patient(Patient((_lesion("A"),), Schedule(21, 1),
                                      local_treatments=(LocalTreatment("A", 40, "surgery"),)),
                              30),
     r"local_treatments\[0\].day must be at most horizon_days=30; got 40"),
])
def test_bad_local_treatments_name_the_field_the_value_and_the_range(make, message):
    with pytest.raises(ValueError, match=message):
        make()
