"""The series' colours stay apart under the common colour-vision deficiencies.

How it is checked: each colour of ``helpers.plots.style.PALETTE`` is put
through the Machado, Oliveira and Fernandes (2009) simulation of protanopia,
deuteranopia and tritanopia (severity 1.0, applied to linear RGB), converted
to CIELAB (D65), and every pair is compared with the CIE76 colour difference
(Delta E, the straight distance in Lab). About 2.3 is a just-noticeable
difference; the series asks for at least MIN_PAIR_DELTA_E between any two of
its colours, for every deficiency, and at least MIN_BACKGROUND_DELTA_E between
each colour and the white page, so lines stay visible.

The check is shown to be able to fail: matplotlib's default red and green
(a well-known confusion pair) fall far below the threshold under deuteranopia.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from helpers.plots.style import PALETTE

# Machado et al. (2009), Table 1 at severity 1.0; rows map linear RGB to linear RGB.
MACHADO_2009 = {
    "protanopia": np.array([
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]),
    "deuteranopia": np.array([
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]),
    "tritanopia": np.array([
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ]),
}
VISIONS = {"typical": np.eye(3), **MACHADO_2009}

MIN_PAIR_DELTA_E = 15.0
MIN_BACKGROUND_DELTA_E = 30.0
WHITE = "#FFFFFF"

# Linear sRGB to CIE XYZ (D65).
_RGB_TO_XYZ = np.array([
    [0.4124564, 0.3575761, 0.1804375],
    [0.2126729, 0.7151522, 0.0721750],
    [0.0193339, 0.1191920, 0.9503041],
])
_WHITE_XYZ = _RGB_TO_XYZ @ np.ones(3)


def _linear_rgb(hex_colour: str) -> np.ndarray:
    text = hex_colour.lstrip("#")
    assert len(text) == 6, f"expected #RRGGBB, got {hex_colour!r}"
    srgb = np.array([int(text[i:i + 2], 16) for i in (0, 2, 4)]) / 255.0
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    xyz = (_RGB_TO_XYZ @ linear_rgb) / _WHITE_XYZ
    delta = 6 / 29
    f = np.where(xyz > delta**3, np.cbrt(xyz), xyz / (3 * delta**2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_as(hex_colour: str, vision: str) -> np.ndarray:
    """CIELAB of ``hex_colour`` as seen with ``vision`` (simulated)."""
    simulated = np.clip(VISIONS[vision] @ _linear_rgb(hex_colour), 0.0, 1.0)
    return _lab(simulated)


def delta_e(a: str, b: str, vision: str) -> float:
    return float(np.linalg.norm(seen_as(a, vision) - seen_as(b, vision)))


def closest_pair(colours, vision: str) -> tuple[float, str, str]:
    return min((delta_e(a, b, vision), a, b) for a, b in itertools.combinations(colours, 2))


def test_palette_is_a_set_of_distinct_hex_colours():
    assert len(PALETTE) >= 5
    assert len({c.upper() for c in PALETTE}) == len(PALETTE)
    for colour in PALETTE:
        _linear_rgb(colour)  # raises on anything but #RRGGBB


@pytest.mark.parametrize("vision", list(VISIONS))
def test_every_pair_of_colours_stays_apart(vision):
    distance, a, b = closest_pair(PALETTE, vision)
    assert distance >= MIN_PAIR_DELTA_E, (
        f"with {vision}, {a} and {b} are only Delta E {distance:.1f} apart "
        f"(need {MIN_PAIR_DELTA_E})")


@pytest.mark.parametrize("vision", list(VISIONS))
def test_every_colour_stands_out_from_the_white_page(vision):
    for colour in PALETTE:
        distance = delta_e(colour, WHITE, vision)
        assert distance >= MIN_BACKGROUND_DELTA_E, (
            f"with {vision}, {colour} is only Delta E {distance:.1f} from white")


def test_simulation_keeps_white_and_grey_neutral():
    # Each Machado matrix maps white to white (rows sum to 1), so greys stay grey.
    for vision, matrix in MACHADO_2009.items():
        assert np.allclose(matrix.sum(axis=1), 1.0, atol=1e-3), vision
        assert delta_e("#FFFFFF", "#FFFFFF", vision) == pytest.approx(0.0, abs=1e-9)
        assert np.allclose(seen_as("#777777", vision), seen_as("#777777", "typical"),
                           atol=0.5), vision


def test_the_check_catches_a_known_confusion_pair():
    red, green = "#D62728", "#2CA02C"  # matplotlib's default red and green
    assert delta_e(red, green, "typical") > 3 * MIN_PAIR_DELTA_E
    assert delta_e(red, green, "deuteranopia") < MIN_PAIR_DELTA_E
    assert delta_e("#FF7F0E", green, "protanopia") < MIN_PAIR_DELTA_E
