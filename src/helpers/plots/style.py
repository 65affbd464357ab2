"""One look for every figure: colour-blind-safe colours, line styles, themes.

Colours are the Okabe-Ito palette (Okabe and Ito, 2008), chosen to stay
distinguishable under the common colour-vision deficiencies. Each role also
has its own line style, so a figure still reads in greyscale or for someone
who sees no colour at all.

Two themes: "standard" for a screen at arm's length, and "projector" for a
workshop room (larger text, thicker lines, pure black on white).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..checks import Record, check_instance

if TYPE_CHECKING:  # only for annotations: older matplotlib has no matplotlib.typing
    from matplotlib.typing import RcKeyType

__all__ = ["BAND_ZORDER", "PALETTE", "ROLES", "Role", "Theme", "THEMES", "theme_named",
           "rc_for"]

# Okabe-Ito colours used by the series (yellow #F0E442 is left out: it is
# too light on a white background for lines).
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#6E6E6E"  # for reference lines and bands only, never to tell data apart
#: Stacking order of a shaded band across a chart ("too small to see"): under the grid
#: lines (1.5, as matplotlib stacks them) and the data. Why under: the grid lines then
#: read the same inside the band and out, and the vertical ones of a chart above the
#: time axis are drawn over the rest of its picture anyway (see ``live_figure``).
BAND_ZORDER = 1.4

PALETTE: tuple[str, ...] = (BLACK, ORANGE, SKY_BLUE, BLUISH_GREEN, BLUE, VERMILLION,
                            REDDISH_PURPLE)


@dataclass(frozen=True)
class Role:
    """How one kind of line looks: colour, line style, marker and legend label."""

    color: str
    linestyle: str | tuple[int, tuple[int, ...]]  # a name, or (offset, on-off dash lengths)
    label: str
    marker: str | None = None


# One role per quantity the series plots, so the same thing looks the same
# in every lesson.
ROLES: dict[str, Role] = {
    "total": Role(BLACK, "-", "All cancer cells"),
    "sensitive": Role(BLUE, "--", "Drug-sensitive cells"),
    "resistant": Role(VERMILLION, "-.", "Drug-resistant cells"),
    "planned": Role(SKY_BLUE, ":", "As planned"),
    "delivered": Role(BLACK, "-", "As given"),
    "untreated": Role(GREY, ":", "No treatment"),
    "diameter": Role(BLUISH_GREEN, "-", "Diameter"),
    "share": Role(REDDISH_PURPLE, "-", "Share resistant"),
    "marker": Role(ORANGE, "-", "Blood marker"),
    "lesion_a": Role(BLUE, "-", "Lesion A"),
    "lesion_b": Role(VERMILLION, "--", "Lesion B"),
    "lesion_c": Role(BLUISH_GREEN, "-.", "Lesion C"),
    "lesion_d": Role(REDDISH_PURPLE, ":", "Lesion D"),
    "lesion_e": Role(ORANGE, (0, (5, 1, 1, 1, 1, 1)), "Lesion E"),
    # Lessons 03 and 04 (scans and response).
    "scan_day": Role(GREY, ":", "Scan day"),
    "sum_of_diameters": Role(BLACK, "-", "Sum of measured diameters", marker="o"),
}


@dataclass(frozen=True)
class Theme(Record):
    """Sizes for a viewing situation. Sizes in points, figure size in inches."""

    name: str
    font_size_pt: float
    line_width_pt: float
    figure_width_in: float
    dpi: float
    grid_alpha: float
    band_alpha: float


THEMES: dict[str, Theme] = {
    "standard": Theme("standard", 10.0, 1.8, 8.0, 80.0, 0.3, 0.15),
    "projector": Theme("projector", 14.0, 3.2, 10.5, 90.0, 0.5, 0.25),
}


def theme_named(name: str) -> Theme:
    if name not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(map(repr, THEMES))}; got {name!r}")
    return THEMES[name]


def rc_for(theme: Theme) -> dict[RcKeyType, Any]:
    """Matplotlib settings for ``theme``; used inside ``matplotlib.rc_context``."""
    check_instance("theme", theme, Theme)
    return {
        "font.size": theme.font_size_pt,
        "axes.titlesize": theme.font_size_pt * 1.1,
        "axes.labelsize": theme.font_size_pt,
        "legend.fontsize": theme.font_size_pt * 0.9,
        "xtick.labelsize": theme.font_size_pt * 0.9,
        "ytick.labelsize": theme.font_size_pt * 0.9,
        "lines.linewidth": theme.line_width_pt,
        "axes.grid": True,
        "grid.alpha": theme.grid_alpha,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": BLACK,
        "text.color": BLACK,
        "axes.labelcolor": BLACK,
        "xtick.color": BLACK,
        "ytick.color": BLACK,
        "legend.frameon": False,
        "svg.fonttype": "none",
    }
