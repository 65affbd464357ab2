"""Slider readouts are short enough to be read whole (lessons 00, 01, 02, 05 and 07).

A slider shows its value in a readout box beside the track. ipywidgets caps that box
at ``--jp-widgets-inline-width-short`` (300 px / 2 - 2 px = 148 px) and hides what does
not fit ("about 12 mm (1 billion" was seen). At the widgets' 13 px font an average
character of these labels takes about 7.5 px, so 148 px holds about 19; the limit
below leaves room for the larger text of the projector mode.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from helpers.panels.cell_size import CellSizePanel
from helpers.panels.dose_intensity import DoseIntensityPanel
from helpers.panels.growth_demo import GrowthPanel
from helpers.panels.log_kill import LogKillPanel
from helpers.panels.plan_change import PlanChangePanel
from helpers.panels.resistance import ResistancePanel

READOUT_MAX_CHARACTERS = 16


@pytest.mark.parametrize("panel_type", [GrowthPanel, CellSizePanel, LogKillPanel,
                                        ResistancePanel, DoseIntensityPanel, PlanChangePanel],
                         ids=lambda t: t.__name__)
def test_every_slider_readout_fits(panel_type):
    panel = panel_type()
    readouts = []
    for control in panel.controls.values():
        if isinstance(control, widgets.SelectionSlider):
            readouts += [label for label, _ in control.options]
        elif isinstance(control, widgets.IntSlider | widgets.FloatSlider):
            readouts += [f"{control.min}", f"{control.max}"]
    assert readouts
    too_long = [label for label in readouts if len(label) > READOUT_MAX_CHARACTERS]
    assert not too_long, too_long


def test_the_label_the_issue_saw_cut_off_would_fail_here():
    # The check above can fail: the cut-off readout of the issue is too long for it.
    assert len("about 12 mm (1 billion cells)") > READOUT_MAX_CHARACTERS
