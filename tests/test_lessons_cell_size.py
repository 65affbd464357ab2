"""Lesson 01, cells and size: the state layer (values in, frozen state out)."""

import dataclasses

import pytest

from helpers.lessons.cell_size import PRESETS, CellSizeValues, compute


def test_defaults_are_the_controls_starting_positions():
    assert dataclasses.asdict(CellSizeValues()) == {"killed_percent": 50, "start_cells": 1e9}


@pytest.mark.parametrize(("field", "bad"), [
    ("killed_percent", 60), ("killed_percent", -10), ("killed_percent", 100),
    ("start_cells", 5e8), ("start_cells", float("nan")),
])
def test_values_refuse_what_no_control_offers(field, bad):
    with pytest.raises(ValueError, match=f"{field} must be one of"):
        CellSizeValues(**{field: bad})


def test_state_follows_the_cube_root():
    # 66% killed leaves 0.34 of 1e10 cells = 3.4e9; the diameter scales by
    # 0.34^(1/3) = 0.698, i.e. about 30% smaller (the partial-response size).
    state = compute(CellSizeValues(killed_percent=66, start_cells=1e10))
    assert state.end_cells == pytest.approx(3.4e9)
    assert state.diameter_change == pytest.approx(0.34 ** (1 / 3) - 1)
    assert state.end_mm / state.start_mm == pytest.approx(0.34 ** (1 / 3))
    assert state.killed_fraction == pytest.approx(0.66)


def test_state_is_frozen():
    state = compute(CellSizeValues())
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.end_cells = 1.0  # type: ignore[misc]


def test_every_preset_computes():
    for preset in PRESETS.values():
        assert compute(preset.values).end_mm < compute(preset.values).start_mm
