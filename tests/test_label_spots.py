"""Label placement (plots.label_spots) and its use in lesson 04's response figure.

The geometry is worked by hand on small boxes and segments; the figure tests check that
the marker axis label stays inside the picture and that category labels keep off the lines.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers.plots.label_spots import free_spot, label_spot, segment_crosses_box
from helpers.plots.response_course import ResponseCourseData, ResponseCourseFigure

BOX = (0.0, 2.0, 0.0, 1.0)  # x 0..2, y 0..1


@pytest.mark.parametrize(("segment", "crosses"), [
    ((-1.0, 0.5, 3.0, 0.5), True),      # straight through
    ((-1.0, 1.5, 3.0, 1.5), False),     # passes above
    ((1.0, -1.0, 1.0, 2.0), True),      # vertical, through
    ((2.5, -1.0, 2.5, 2.0), False),     # vertical, to the right
    ((-1.0, -1.0, 3.0, 3.0), True),     # diagonal through a corner region
    ((-1.0, 0.0, 0.0, 3.0), False),     # diagonal, misses the left edge (x < 0 until y = 3)
    ((0.5, 0.5, 0.6, 0.6), True),       # wholly inside
    ((-1.0, 1.0, 3.0, 1.0), True),      # along the top edge: edges count
])
def test_segment_crosses_box_by_hand(segment, crosses):
    assert segment_crosses_box(segment, BOX) is crosses


def test_free_spot_skips_crossed_and_outside_boxes():
    inside = (0.0, 10.0, 0.0, 10.0)
    line = [(0.0, 5.0, 10.0, 5.0)]
    crossed, outside, free = (1, 2, 4.5, 5.5), (1, 2, 9.5, 10.5), (1, 2, 6, 7)
    assert free_spot([crossed, outside, free], line, inside) == 2
    assert free_spot([crossed, outside], line, inside) is None


def test_label_spot_above_below_raised_and_crowded():
    inside = (0.0, 100.0, 0.0, 100.0)
    # Nothing near: just above the point (50 + gap 2).
    assert label_spot((10, 20), 50.0, 5.0, 2.0, [], inside) == (52.0, "bottom", False)
    # A line at 54 crosses the spot above (52..57); below (43..48) is free: anchor its top.
    line = [(0.0, 54.0, 100.0, 54.0)]
    assert label_spot((10, 20), 50.0, 5.0, 2.0, line, inside) == (48.0, "top", False)
    # Lines at 54 and 45: above and below crossed; raised just above 54 (56, 4 higher
    # than the first spot, within 1.5 heights).
    lines = [(0.0, 54.0, 100.0, 54.0), (0.0, 45.0, 100.0, 45.0)]
    assert label_spot((10, 20), 50.0, 5.0, 2.0, lines, inside) == (56.0, "bottom", False)
    # The same, but only a raise of up to 0.5 heights allowed: crowded, above, marked.
    assert label_spot((10, 20), 50.0, 5.0, 2.0, lines, inside, most_raise=0.5) == \
        (52.0, "bottom", True)
    # Padding: a line at 51.5 misses the bare spot above (52..57) but not a padded one;
    # below is free.
    assert label_spot((10, 20), 50.0, 5.0, 2.0, [(0.0, 51.5, 100.0, 51.5)], inside,
                      pad=(0.0, 1.0)) == (48.0, "top", False)
    # A raised spot judges a sloping line by its height over the label's width only:
    # rising 0 -> 100 over x 0..100, it is at most 20 over x 10..20. A 6-high label:
    # above (14..20) crossed by the slope, below (4..10) by the line at 10; raised to
    # 20 + 2 = 22, 8 above the first spot (within 1.5 x 6 = 9).
    slope = [(0.0, 0.0, 100.0, 100.0), (0.0, 10.0, 100.0, 10.0)]
    y, vertical, crowded = label_spot((10, 20), 12.0, 6.0, 2.0, slope, inside)
    assert (vertical, crowded) == ("bottom", False) and y == pytest.approx(22.0)


def _data(marker_top: float, sums: list[float], progression: list[float],
          partial_mm: float) -> ResponseCourseData:
    days = np.arange(0, 127, dtype=float)
    scans = [0, 63, 126][: len(sums)]
    return ResponseCourseData(
        days=days, true_mm=np.vstack([np.full(days.size, 30.0), np.full(days.size, 20.0)]),
        scan_days=scans, measured_mm=np.array([[30.0] * len(sums), [20.0] * len(sums)]),
        sums_mm=sums, categories=["Baseline", "SD", "SD"][: len(sums)],
        partial_response_mm=partial_mm, progression_mm=progression, dose_days=[0, 21, 42],
        detection_limit_mm=5.0, marker_days=days,
        marker_true=np.linspace(marker_top, marker_top / 2, days.size),
        marker_test_days=scans, marker_tests=np.full(len(sums), marker_top),
        x_max_days=126, highest=(35.0, 70.0, marker_top))


@pytest.mark.parametrize("theme", ["standard", "projector"])
def test_marker_axis_label_stays_inside_the_picture(theme):
    figure = ResponseCourseFigure(2, theme=theme)
    figure.update(_data(1100.0, [50.0, 48.0, 47.0], [60.0, 57.6, 56.4], 35.0))
    figure.png_bytes()
    renderer = figure._canvas.get_renderer()
    # Four-digit ticks ("1500"): the two-line label still starts inside the figure,
    # in line with the other axes' labels.
    labels = [ax.yaxis.label.get_window_extent(renderer) for ax in figure.axes]
    assert all(box.x0 >= 0 for box in labels)
    assert max(b.x1 for b in labels) - min(b.x1 for b in labels) < 2


@pytest.mark.parametrize("theme", ["standard", "projector"])
def test_a_category_label_moves_off_the_progression_line(theme):
    # The day-63 sum is 48 mm and the progression line just above it (50 mm): the spot
    # above the dot is crossed, the spot below (above the 35 mm partial-response line) is
    # free, so the label hangs below its dot, on no background.
    figure = ResponseCourseFigure(2, theme=theme)
    figure.update(_data(200.0, [50.0, 48.0], [60.0, 50.0], 20.0))
    label = figure.category_labels[1]
    assert label.get_text() == "SD"
    assert label.get_verticalalignment() == "top"
    assert label.get_position()[1] < 48.0
    assert label.get_bbox_patch() is None
