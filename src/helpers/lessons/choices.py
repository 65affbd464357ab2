"""Option tables shared by lessons 02 and 05: what the treatment controls offer.

Every control offers a fixed list of values (or whole numbers in steps), so
every position is one the model can run and every named scenario lands
exactly on a position. The labels the controls show are made in ``words``
(``words.resistance``): only the values live here.
"""

from __future__ import annotations

from ..checks import check_fraction
from ..scenarios.treatment import SENSITIVITY_LEVELS

__all__ = [
    "RESISTANT_SHARE_CHOICES",
    "FRACTION_KILLED_CHOICES",
    "DOUBLING_TIME_CHOICES_DAYS",
    "sensitivity_level_name",
]

#: Share of the cells resistant at the start: 1 in 10 million to 1 in 2.
RESISTANT_SHARE_CHOICES: tuple[float, ...] = (
    1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 0.25, 0.5)

#: Fraction of the drug-sensitive cells one full dose kills (0 to 0.999). Three of
#: them are the illustrative sensitivity levels of ``scenarios.treatment``.
FRACTION_KILLED_CHOICES: tuple[float, ...] = (0.0, 0.5, 0.7, 0.9, 0.99, 0.999)

#: Doubling times offered (days): from very fast to slow.
DOUBLING_TIME_CHOICES_DAYS: tuple[int, ...] = (7, 10, 14, 21, 30, 45, 60, 90)


def sensitivity_level_name(fraction_killed_per_dose: float) -> str | None:
    """The illustrative sensitivity level that kills this fraction per dose, or None.

    0.9 -> 'moderately sensitive'; 0.7 -> None.
    """
    fraction_killed_per_dose = check_fraction("fraction_killed_per_dose",
                                              fraction_killed_per_dose)
    for level in SENSITIVITY_LEVELS.values():
        if level.fraction_killed_per_dose == fraction_killed_per_dose:
            return level.name
    return None
