"""A chemotherapy schedule: cycles, doses, delays and dose intensity.

Governing equations::

    t_k = start + k L + sum(delays up to cycle k)      (dose day of cycle k)
    RDI = (sum q_k / (n L + sum delays)) / (n / (n L))  (relative dose intensity)
    D_k = the drugs given on day t_k                    (default {"A"} in every cycle)

for n cycles of L days and doses q_k (fractions of the full dose).

Units: days; doses as a fraction of the planned full dose (1.0 = full dose).

A course is ``cycles`` cycles of ``cycle_length_days``. Each cycle starts
with one dose on its first day. A delay before a cycle pushes that dose and
every later one back. A dose reduction gives that cycle less than the full
dose.

Relative dose intensity (RDI) is the dose delivered per week divided by the
dose planned per week. The course length is counted from the first dose to
the end of the last cycle, so both delays and reductions lower it.

Each cycle names the drugs given on its dose day: drug "A" alone unless
``drugs`` says otherwise, so a plan can switch from drug A to drug B at a
cycle (("A",), ("A",), ("B",), ...) or give both in every cycle
(("A", "B"), ...). Every drug of a cycle gets that cycle's dose fraction.
How much each drug kills is a property of the cells (``clones``).

Left out: drugs with their own timing within a cycle, infusions lasting
days, drug levels in the blood, dose by body surface area, the lower doses a
combination often needs because side effects add up. RDI counts cycles, not
drugs. See docs/model.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..checks import check_fraction, check_int, check_number, check_sequence

__all__ = ["Schedule", "no_treatment", "DEFAULT_DRUG", "MAX_DRUGS_PER_CYCLE"]

MAX_CYCLES = 52
MAX_CYCLE_LENGTH_DAYS = 84
MAX_DELAY_DAYS = 365
#: The drug every cycle gives unless a schedule names others (the series' one drug
#: before lesson 07; a clone's ``log_kill_per_dose`` is its kill by this drug).
DEFAULT_DRUG = "A"
#: The most drugs one cycle may give at once.
MAX_DRUGS_PER_CYCLE = 4
#: The longest horizon ``check_fits`` takes: 100 years, in days (the latest dose of any
#: schedule, 3650 + 51 x 84 + 52 x 365 = 26,914, fits well within it).
MAX_CHECKED_HORIZON_DAYS = 36_500


def _check_drugs(index: int, value: object) -> tuple[str, ...]:
    """One cycle's drugs as a tuple of distinct names; a single name may be given alone."""
    name = f"drugs[{index}]"
    names = (value,) if isinstance(value, str) else check_sequence(name, value)
    if not 1 <= len(names) <= MAX_DRUGS_PER_CYCLE:
        raise ValueError(f"{name} must name 1 to {MAX_DRUGS_PER_CYCLE} drugs; got {value!r}")
    for drug in names:
        if not isinstance(drug, str) or not drug.strip():
            raise ValueError(f"{name} must hold non-empty drug names; got {value!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"{name} must not name a drug twice; got {value!r}")
    return tuple(names)


@dataclass(frozen=True)
class Schedule:
    """A planned course of chemotherapy and what was actually given.

    Attributes:
        cycle_length_days: days from one planned dose to the next (14, 21 and
            28 are common).
        cycles: number of cycles planned (0 means no treatment).
        dose_fractions: dose given in each cycle as a fraction of the full
            dose, one per cycle; default all 1.0.
        delays_days: extra days waited before each cycle's dose, one per
            cycle; default all 0.
        start_day: day of the first planned dose (day 0 is the baseline).
        drugs: the drugs given in each cycle, one tuple of names per cycle (a lone name
            is taken as a tuple of one); default drug "A" alone in every cycle.
    """

    cycle_length_days: int = 21
    cycles: int = 6
    dose_fractions: tuple[float, ...] = field(default=())
    delays_days: tuple[int, ...] = field(default=())
    start_day: int = 0
    drugs: tuple[tuple[str, ...], ...] = field(default=())

    def __post_init__(self) -> None:
        length = check_int("cycle_length_days", self.cycle_length_days, minimum=1,
                           maximum=MAX_CYCLE_LENGTH_DAYS)
        cycles = check_int("cycles", self.cycles, minimum=0, maximum=MAX_CYCLES)
        start = check_int("start_day", self.start_day, minimum=0, maximum=3650)
        doses = self.dose_fractions or (1.0,) * cycles
        doses = check_sequence("dose_fractions", doses, length=cycles)
        doses = tuple(check_fraction(f"dose_fractions[{i}]", d) for i, d in enumerate(doses))
        delays = self.delays_days or (0,) * cycles
        delays = check_sequence("delays_days", delays, length=cycles)
        delays = tuple(check_int(f"delays_days[{i}]", d, minimum=0, maximum=MAX_DELAY_DAYS)
                       for i, d in enumerate(delays))
        drugs = self.drugs or ((DEFAULT_DRUG,),) * cycles
        drugs = check_sequence("drugs", drugs, length=cycles)
        drugs = tuple(_check_drugs(i, d) for i, d in enumerate(drugs))
        # Frozen dataclass: normalise through object.__setattr__ once, at birth.
        object.__setattr__(self, "cycle_length_days", length)
        object.__setattr__(self, "cycles", cycles)
        object.__setattr__(self, "start_day", start)
        object.__setattr__(self, "dose_fractions", doses)
        object.__setattr__(self, "delays_days", delays)
        object.__setattr__(self, "drugs", drugs)

    # --- the planned course -------------------------------------------------
    @property
    def planned_dose_days(self) -> tuple[int, ...]:
        """Day of each dose if nothing were delayed."""
        return tuple(self.start_day + k * self.cycle_length_days for k in range(self.cycles))

    @property
    def planned_total_dose(self) -> float:
        """Full doses planned (one per cycle)."""
        return float(self.cycles)

    @property
    def planned_duration_days(self) -> int:
        """Days from the first planned dose to the end of the last planned cycle."""
        return self.cycles * self.cycle_length_days

    # --- the delivered course -----------------------------------------------
    @property
    def dose_days(self) -> tuple[int, ...]:
        """Day each dose is actually given, after delays."""
        pushed = np.cumsum(self.delays_days, dtype=int) if self.cycles else np.array([], int)
        return tuple(int(p + d) for p, d in zip(self.planned_dose_days, pushed, strict=True))

    @property
    def delivered_total_dose(self) -> float:
        """Full-dose equivalents actually given."""
        return float(sum(self.dose_fractions))

    @property
    def delivered_duration_days(self) -> int:
        """Days from the planned first dose to the end of the last delivered cycle."""
        return self.planned_duration_days + sum(self.delays_days)

    @property
    def end_day(self) -> int:
        """Day the last cycle ends (the earliest horizon that fits the course)."""
        return self.start_day + self.delivered_duration_days

    @property
    def relative_dose_intensity(self) -> float:
        """Delivered dose per week / planned dose per week (1.0 = as planned).

        No treatment planned gives 1.0 by convention (nothing was missed).
        """
        if self.cycles == 0:
            return 1.0
        planned = self.planned_total_dose / self.planned_duration_days
        delivered = self.delivered_total_dose / self.delivered_duration_days
        return delivered / planned

    @property
    def drug_names(self) -> tuple[str, ...]:
        """Every drug the course gives, in the order first given."""
        return tuple(dict.fromkeys(drug for cycle in self.drugs for drug in cycle))

    def as_planned(self) -> Schedule:
        """The same course (the same drugs) with full doses and no delays."""
        return Schedule(self.cycle_length_days, self.cycles, start_day=self.start_day,
                        drugs=self.drugs)

    def with_changes(self, *, delays_days=None, dose_fractions=None, drugs=None) -> Schedule:
        """A copy with new delays, dose fractions and/or drugs."""
        return Schedule(
            self.cycle_length_days,
            self.cycles,
            dose_fractions=self.dose_fractions if dose_fractions is None else tuple(dose_fractions),
            delays_days=self.delays_days if delays_days is None else tuple(delays_days),
            start_day=self.start_day,
            drugs=self.drugs if drugs is None else tuple(drugs),
        )

    def check_fits(self, horizon_days: int) -> None:
        """Raise ``ValueError`` if a dose falls after ``horizon_days`` (0 to 36,500 days)."""
        horizon = check_number("horizon_days", horizon_days, minimum=0,
                               maximum=MAX_CHECKED_HORIZON_DAYS)
        if self.cycles and self.dose_days[-1] > horizon:
            raise ValueError(
                f"horizon_days must be at least {self.dose_days[-1]} (the last dose day) "
                f"for this schedule; got {horizon:g}"
            )


def no_treatment() -> Schedule:
    """A schedule with no doses (untreated growth)."""
    return Schedule(cycles=0)
