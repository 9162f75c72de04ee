"""The pure estimator: a role, a level ladder and years (or a level) in, Estimates out.

No I/O, no typer, no rich, no pydantic. Money is whole dollars: base_salary x multiplier is
computed with Decimal and rounded once, half up (108,670 x 0.75 = 81,502.5 -> 81,503).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from salarycli.errors import BadInput, MissingFigure
from salarycli.records import Estimate, Level, Role

MAX_YEARS = 70


def level_for_years(levels: Sequence[Level], years: float) -> Level:
    """The level whose range holds `years` completed years: 2.9 is still 0-2, 3 is 3-5."""
    if not 0 <= years <= MAX_YEARS:  # also false for nan
        raise BadInput(f"years must be a number from 0 to {MAX_YEARS}, got {years}")
    found = levels[0]
    for level in levels:
        if years >= level.min_years:
            found = level
    return found


def salary(base_salary: int, multiplier: Decimal) -> int:
    """base_salary x multiplier in whole dollars, rounded once, half up."""
    return int((Decimal(base_salary) * multiplier).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def estimate(role: Role, level: Level, years: float | None = None) -> Estimate:
    """The estimate for one role at one level; `years` is recorded as given (None: not given)."""
    if role.base_salary is None:
        raise MissingFigure(role.missing_reason or f"{role.role} has no base salary")
    return Estimate(
        role=role.role,
        soc=role.soc,
        level=level.level,
        years=years,
        multiplier=level.multiplier,
        base_salary=role.base_salary,
        salary=salary(role.base_salary, level.multiplier),
        currency=role.currency,
        source=role.source,
        level_years=level.years_label,
    )


def estimate_years(role: Role, levels: Sequence[Level], years: float) -> Estimate:
    """The estimate for a role after `years` completed years of experience."""
    return estimate(role, level_for_years(levels, years), years)


def ladder(role: Role, levels: Sequence[Level]) -> list[Estimate]:
    """The role's estimate at every level, lowest first (the seed's table)."""
    return [estimate(role, level) for level in levels]


def ranked(estimates: Sequence[Estimate]) -> list[tuple[Estimate, int]]:
    """Estimates sorted high to low, each with its difference to the top one (0 or negative)."""
    ordered = sorted(estimates, key=lambda item: (-item.salary, item.role))
    top = ordered[0].salary if ordered else 0
    return [(item, item.salary - top) for item in ordered]
