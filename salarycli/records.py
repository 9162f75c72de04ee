"""The plain records salarycli computes with: levels, roles, sources and estimates.

These are frozen dataclasses, not pydantic models, on purpose: every estimate builds them, and
importing pydantic costs more than the whole estimate (see benchmarks/RESULTS.md). The pydantic
schema in models.py validates the same fields wherever data enters salarycli.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Level:
    """One rung of the experience ladder: completed years min_years..max_years (None: open)."""

    level: str
    min_years: int
    max_years: int | None
    multiplier: Decimal

    @property
    def years_label(self) -> str:
        """The seed's way of writing the range: "0-2", "20+"."""
        if self.max_years is None:
            return f"{self.min_years}+"
        return f"{self.min_years}-{self.max_years}"


@dataclass(frozen=True, slots=True)
class Source:
    """Where figures come from; `label` is what an estimate's `source` field shows."""

    id: str
    label: str
    publisher: str
    title: str
    release: str | None = None
    published: str | None = None
    retrieved: str | None = None
    url: str | None = None
    via: str | None = None
    license: str | None = None
    notes: str | None = None
    checksums: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Role:
    """A role salarycli can estimate.

    `role` is the name shown (the seed's name for featured roles, else the BLS title), `title`
    the official SOC title. Wages are BLS OEWS annual figures in whole dollars; None means BLS
    published no figure. `base_salary` is what the level multipliers scale; `source` is the label
    of its Source.
    """

    role: str
    soc: str | None
    title: str
    group: str | None
    base_salary: int | None
    currency: str
    source: str
    featured: bool = False
    reference_soc: str | None = None
    employment: int | None = None
    annual_mean: int | None = None
    p10: int | None = None
    p25: int | None = None
    p50: int | None = None
    p75: int | None = None
    p90: int | None = None
    missing_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything one estimate needs: the roles, the level ladder and the sources by id."""

    roles: tuple[Role, ...]
    levels: tuple[Level, ...]
    sources: dict[str, Source]


@dataclass(frozen=True, slots=True)
class Estimate:
    """One salary estimate: base_salary x multiplier, rounded once, half up."""

    role: str
    soc: str | None
    level: str
    years: float | None
    multiplier: Decimal
    base_salary: int
    salary: int
    currency: str
    source: str
    level_years: str  # the level's range of years, as the seed writes it: "3-5"
