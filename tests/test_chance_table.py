"""Lesson 08's stored table of its 20 settings holds exactly what the lesson would work out."""

import numpy as np
import pytest

from helpers.lessons import chance
from helpers.lessons.chance_table import worked_out


def test_the_stored_table_is_what_the_lesson_works_out_now():
    # A change to the model, the seed or the choices makes the table stale: write it again
    # with `python -m helpers.lessons.chance_table`.
    fresh = worked_out()
    with np.load(chance.TABLE_PATH) as stored:
        assert sorted(stored.files) == sorted(fresh)
        for name, values in fresh.items():
            assert np.array_equal(stored[name], values, equal_nan=True), name


def _state_without_table(values, monkeypatch, tmp_path):
    monkeypatch.setattr(chance, "TABLE_PATH", tmp_path / "missing.npz")
    chance._table.cache_clear()
    try:
        return chance.compute(values)
    finally:
        chance._table.cache_clear()


@pytest.mark.parametrize("values", [chance.ChanceValues(),
                                    chance.ChanceValues(1e-9, 1e6, 100),
                                    chance.ChanceValues(1e-6, 1e10, 300)])
def test_a_state_from_the_table_equals_one_worked_out(values, monkeypatch, tmp_path):
    chance._table.cache_clear()
    assert chance._table() is not None  # the table is there and made for these choices
    stored = chance.compute(values)
    fresh = _state_without_table(values, monkeypatch, tmp_path)
    assert stored.resistant_counts.dtype == fresh.resistant_counts.dtype == np.int64
    assert np.array_equal(stored.resistant_counts, fresh.resistant_counts)
    assert not stored.resistant_counts.flags.writeable
    if fresh.formula_shares is None:
        assert stored.formula_shares is None
    else:
        assert np.array_equal(stored.formula_shares, fresh.formula_shares)
    assert np.array_equal(stored.simulated_shares, fresh.simulated_shares)


def test_a_table_made_for_other_choices_is_not_used(monkeypatch, tmp_path):
    other = worked_out()
    other["mutation_rates"] = other["mutation_rates"] * 10
    path = tmp_path / "other.npz"
    np.savez_compressed(path, **other)
    monkeypatch.setattr(chance, "TABLE_PATH", path)
    chance._table.cache_clear()
    try:
        assert chance._table() is None
    finally:
        chance._table.cache_clear()
