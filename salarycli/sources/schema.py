"""The pydantic schema of a dataset: what a valid Level, Role, Source and Dataset are.

Used where data enters salarycli (scripts/build_data.py, the test over the bundled files, and
users' own files), never on the path of an everyday estimate: importing pydantic alone costs
more than an estimate (benchmarks/RESULTS.md). Each model has the fields of its record in
records.py and is validated from one with `from_attributes`; a test keeps the two in step.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from salarycli.core import ladder, records

SOC_PATTERN = r"^\d{2}-\d{4}$"
Wage = Annotated[int, Field(gt=0)]
Count = Annotated[int, Field(ge=0)]
NonEmpty = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(from_attributes=True, frozen=True, extra="forbid", strict=True)


class Level(_Model):
    level: NonEmpty
    min_years: Count
    max_years: Count | None
    multiplier: Annotated[Decimal, Field(gt=0, allow_inf_nan=False)]
    percentile: Annotated[int, Field(ge=1, le=99)] | None = None
    span: tuple[float, float] | None = None

    @model_validator(mode="after")
    def _range(self) -> Level:
        if self.max_years is not None and self.max_years < self.min_years:
            raise ValueError(f"max_years {self.max_years} is below min_years {self.min_years}")
        return self


class Source(_Model):
    id: NonEmpty
    label: NonEmpty
    publisher: NonEmpty
    title: NonEmpty
    release: str | None
    published: str | None
    retrieved: str | None
    url: str | None
    via: str | None
    license: str | None
    notes: str | None
    checksums: dict[str, Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]]


class Wages(_Model):
    employment: Count | None
    annual_mean: Wage | None
    p10: Wage | None
    p25: Wage | None
    p50: Wage | None
    p75: Wage | None
    p90: Wage | None
    top_coded: tuple[str, ...] = ()  # published only as at least `at_least` (BLS top-coding)
    at_least: Wage | None = None
    # BLS's hourly figures as the build writes them: six ;-separated entries, each empty, "-"
    # or dollars and cents (data/README.md, "The hourly column")
    hourly: Annotated[str, Field(pattern=r"^$|^(-|\d{1,5}\.\d\d)?(;(-|\d{1,5}\.\d\d)?){5}$")] = ""

    @model_validator(mode="after")
    def _ordered(self) -> Wages:
        check_percentiles(self)
        return self


class Role(_Model):
    role: NonEmpty
    soc: Annotated[str, Field(pattern=SOC_PATTERN)] | None
    title: NonEmpty
    group: str | None
    base_salary: Wage | None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    source: NonEmpty
    featured: bool
    reference_soc: Annotated[str, Field(pattern=SOC_PATTERN)] | None
    wages: Wages | None
    missing_reason: str | None
    ranked: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Role:
        if self.base_salary is None and not self.missing_reason:
            raise ValueError("a role without base_salary needs a missing_reason")
        return self


class Place(_Model):
    code: NonEmpty
    name: NonEmpty
    kind: Annotated[str, Field(pattern=r"^(national|state|metro|city|zip|county|country)$")]
    state_code: Annotated[str, Field(pattern=r"^\d{2}$")] | None
    usps: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None
    cities: tuple[NonEmpty, ...]
    states: tuple[Annotated[str, Field(pattern=r"^[A-Z]{2}$")], ...]
    average_wage: Wage | None
    offset: Count
    length: Count
    located: bool = False
    within: Place | None = None
    note: NonEmpty | None = None
    city: NonEmpty | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Place:
        if (self.kind == "country") != (self.average_wage is not None):
            raise ValueError("a country, and only a country, has an average wage")
        if (self.kind == "state") != (self.usps is not None):
            raise ValueError("a state, and only a state, has a USPS code")
        return self


class Dataset(_Model):
    roles: tuple[Role, ...]
    levels: tuple[Level, ...]
    sources: dict[str, Source]
    aliases: tuple[tuple[NonEmpty, NonEmpty], ...]

    @model_validator(mode="after")
    def _whole(self) -> Dataset:
        _check_ladder(self.levels)
        _check_unique("role name", [role.role.casefold() for role in self.roles])
        _check_unique("SOC code", [role.soc for role in self.roles if role.soc])
        labels = {source.label for source in self.sources.values()}
        for role in self.roles:
            if role.source not in labels:
                raise ValueError(f"role {role.role!r} names unknown source {role.source!r}")
        for key, source in self.sources.items():
            if key != source.id:
                raise ValueError(f"source {source.id!r} is filed under {key!r}")
        return self


def check_percentiles(figures: Any) -> None:
    """ValueError when published percentiles (p10 ... p90, None where missing) decrease."""
    published = [(name, getattr(figures, name)) for name in ("p10", "p25", "p50", "p75", "p90")]
    present = [(name, value) for name, value in published if value is not None]
    for (low_name, low), (high_name, high) in itertools.pairwise(present):
        if high < low:
            raise ValueError(f"percentiles decrease: {low_name} {low} > {high_name} {high}")


def _check_ladder(levels: tuple[Level, ...]) -> None:
    """The ladder rule of core.ladder.check, every level but the last giving its max_years."""
    if not levels:
        raise ValueError("the level ladder is empty")
    rungs = [ladder.Rung(level.level, level.min_years, level.max_years) for level in levels]
    found, _ = ladder.check(rungs, [f"levels[{index}]" for index in range(len(rungs))], True)
    if found:
        raise ValueError("; ".join(f"levels[{p.at}].{p.field}: {p.message}" for p in found))


def _check_unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


def problems(dataset: records.Dataset) -> list[str]:
    """Every problem pydantic finds in a dataset, one readable line each (empty: valid)."""
    try:
        Dataset.model_validate(dataset)
    except ValidationError as error:
        return [_describe(item) for item in error.errors()]
    return []


def _describe(item: Any) -> str:
    location = ".".join(str(part) for part in item["loc"])
    message = re.sub(r"^Value error, ", "", item["msg"])
    return f"{location}: {message}" if location else message
