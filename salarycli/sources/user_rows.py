"""The rows of a user's dataset, validated: each field checked, every problem kept as
`FILE:LINE: field: message`, and the records built (Role, Level, aliases).

A row is a dict of fields (json, toml) or the cells of a csv line (CsvRows). An ordinary csv
row of roles is built directly; any other goes through the pydantic model of its kind, whose
messages say what is wrong. Reading the files (where, which format, limits) is user.py's.
"""

from __future__ import annotations

import csv
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from salarycli.core import ladder
from salarycli.core.ladder_fit import spans, whole
from salarycli.core.records import WAGE_FIELDS, Level, Role, Wages
from salarycli.resolve.amounts import MAX_SALARY, MIN_SALARY
from salarycli.resolve.text import shown
from salarycli.sources.bundled import load_bundled, load_currencies
from salarycli.sources.schema import check_percentiles

MAX_FIELD = 1 << 20  # characters in one csv field (1 MiB), as batch reads them
SOC = r"^\d{2}-\d{4}$"


def _money(value: Any) -> Decimal | None:
    """A yearly amount as written: a number from 1 to 100,000,000 (README, "Limits")."""
    if value is None:
        return None
    text = str(value).strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {shown(text)}") from None
    if amount.is_nan():
        raise ValueError(f"not a number: {shown(text)}")
    if not (amount.is_finite() and MIN_SALARY <= amount <= MAX_SALARY):
        raise ValueError(f"must be from 1 to 100,000,000, not {shown(text)}")
    return amount


# What pydantic's str_strip_whitespace strips (Unicode White_Space): str.strip() alone also
# strips the separators \x1c-\x1f, and the fast path must read a cell as the schema does.
WHITE_SPACE = (
    " \t\n\x0b\x0c\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

Money = Annotated[Decimal | None, BeforeValidator(_money)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class RoleRow(_Row):
    role: Annotated[str, Field(min_length=1)]
    base_salary: Money  # the column is required; an empty cell lists a role that
    # cannot be estimated (as BLS's hourly-only occupations)
    currency: str = "USD"
    soc: Annotated[str, Field(pattern=SOC)] | None = None
    title: str | None = None
    group: str | None = None
    source: str | None = None
    featured: bool = False
    reference_soc: Annotated[str, Field(pattern=SOC)] | None = None
    employment: Annotated[int, Field(ge=0, le=1_000_000_000)] | None = None
    annual_mean: Money = None
    p10: Money = None
    p25: Money = None
    p50: Money = None
    p75: Money = None
    p90: Money = None

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        code = value.upper()
        if code not in load_currencies():
            raise ValueError(f"unknown currency code {value!r} (ISO 4217, like USD or EUR)")
        return code

    @model_validator(mode="after")
    def _ordered(self) -> RoleRow:
        check_percentiles(self)
        return self


class LevelRow(_Row):
    level: Annotated[str, Field(min_length=1)]
    min_years: Annotated[int, Field(ge=0)]
    max_years: Annotated[int, Field(ge=0)] | None = None
    multiplier: Annotated[Decimal, Field(gt=0, le=10, allow_inf_nan=False)]
    # the percentile of an occupation's distribution the level sits at, for roles that give
    # all five percentiles (p10 ... p90): as the bundled ladder does (core/ladder_fit.py)
    percentile: Annotated[int, Field(ge=1, le=99)] | None = None


class AliasRow(_Row):
    alias: Annotated[str, Field(min_length=1)]
    role: Annotated[str, Field(min_length=1)]


Rows = Iterable[tuple[str, dict[str, Any]]]  # (where, the row's fields), read once


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def lines_of(text: str) -> Iterator[str]:
    """The lines of `text` with their ends (LF, CRLF or CR), one at a time: csv reads a 50 MB
    file without a second copy of it."""
    if "\r" in text:
        for found in _LINE.finditer(text):
            yield found.group()
        return
    start, find = 0, text.find
    while True:
        end = find("\n", start) + 1
        if not end:
            if start < len(text):
                yield text[start:]
            return
        yield text[start:end]
        start = end


class CsvRows:
    """A csv file's rows after its header, read once: as (where, fields) like a json table,
    or as (line, cells) with `names` for a reader that knows the columns."""

    def __init__(
        self, file: Path, reader: Any, names: list[str], kind: str, problems: list[str]
    ) -> None:
        self.file, self.reader, self.names = file, reader, names
        self.kind, self.problems = kind, problems

    def cells(self) -> Iterator[tuple[int, list[str]]]:
        line, found = 1, False
        reader = self.reader
        try:
            for row in reader:
                start, line = line + 1, reader.line_num
                if not (row and row[0].strip()) and not any(cell.strip() for cell in row):
                    continue
                found = True
                yield start, row
        except csv.Error as error:
            self.problems.append(f"{self.file}:{line + 1}: not valid csv: {csv_reason(error)}")
            return
        if not found and self.kind == "roles":
            self.problems.append(f"{self.file}: no roles, only a header")

    def fields(self, row: list[str]) -> dict[str, Any]:
        return {name: value for name, value in zip(self.names, row, strict=False) if value.strip()}

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for line, row in self.cells():
            yield f"{self.file}:{line}", self.fields(row)


def csv_reason(error: csv.Error) -> str:
    reason = str(error)
    if "unexpected end of data" in reason:
        return "a quote opened here is never closed"
    if "field larger than field limit" in reason:
        return f"a field longer than {MAX_FIELD:,} characters"
    return reason


def check_targets(aliases: list[Any], roles: list[Role], problems: list[str]) -> None:
    """Each alias must name a role (by name, title or SOC code) of the user's or bundled data."""
    from salarycli.resolve.titles import normalise

    every = [*roles, *load_bundled().roles]
    names = {normalise(name) for role in every for name in (role.role, role.title)}
    codes = {role.soc for role in every if role.soc}
    for where, row in aliases:
        if row.role not in codes and normalise(row.role) not in names:
            problems.append(
                f"{where}: role: {row.role!r} is not a role of your data or the bundled data"
            )


def valid(rows: Rows, model: type[_Row], problems: list[str]) -> list[Any]:
    """The rows that validate; a problem line for each field that does not."""
    return [
        (where, row)
        for where, fields in rows
        if (row := _validated(where, fields, model, problems))
    ]


def _validated(
    where: str, fields: dict[str, Any], model: type[_Row], problems: list[str]
) -> Any | None:
    """One row as `model`, or None with a problem line for each field that is not valid."""
    if model is RoleRow and "base_salary" not in fields:
        fields = {**fields, "base_salary": None}
    try:
        return model.model_validate(fields)
    except ValidationError as error:
        problems += [f"{where}: {_problem(item)}" for item in error.errors()]
        return None


def _problem(item: Any) -> str:
    name = ".".join(str(part) for part in item["loc"]) or "row"
    value = item.get("input")
    kind = item["type"]
    if kind == "missing":
        return f"{name}: required, but empty"
    if kind in ("decimal_parsing", "int_parsing", "float_parsing", "decimal_type", "int_type"):
        return f"{name}: not a number: {value!r}"
    if kind in ("finite_number",):
        return f"{name}: must be a finite number, not {value!r}"
    if kind == "greater_than":
        return f"{name}: must be greater than 0, not {value}"
    if kind == "greater_than_equal":
        return f"{name}: must be 0 or more, not {value}"
    if kind == "string_pattern_mismatch":
        return f"{name}: {value!r} is not a SOC code like 17-2051"
    if kind == "string_too_short":
        return f"{name}: must not be empty"
    if kind.startswith("bool"):
        return f"{name}: not true or false: {value!r}"
    message = str(item["msg"]).removeprefix("Value error, ")
    return f"{name}: {message}"


def _short(where: str) -> str:
    """Another row of the same file, as a problem names it: "line 3", or "roles[2]"."""
    if where.startswith("line ") or ":" not in where:
        return where
    tail = where.rsplit(":", 1)[1]
    return f"line {tail}" if tail.isdigit() else tail


def _whole(amount: Decimal | None) -> int | None:
    return None if amount is None else int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def roles(rows: Rows, problems: list[str], path: Path) -> list[Role]:
    """The user's roles. An ordinary csv row (plain whole numbers in range, a known currency and
    SOC code, percentiles in order) is built directly; any other goes through RoleRow, whose
    messages say what is wrong. The direct way accepts only rows RoleRow accepts, and builds the
    same Role (tests/test_hostile.py holds the two together), so a 50 MB file stays fast."""
    roles: list[Role] = []
    first: dict[str, int] = {}  # a role's key -> its index in roles
    given_at: list[str] = []  # where each role was given ("line 3", "roles[2]"), when not csv
    lines = array("l")  # the line each role was given on, in a csv file
    occupations = frozenset(role.soc for role in load_bundled().roles if role.soc)
    source = f"your data ({path.name})"
    known = occupations | {None}

    def add(role: Role, where: str | tuple[Path, int]) -> None:
        key = " ".join(role.role.casefold().split())
        if key in first:
            index = first[key]
            line = f"line {lines[index]}" if lines else given_at[index]
            place = where if isinstance(where, str) else f"{where[0]}:{where[1]}"
            name = roles[index].role
            problems.append(f"{place}: role: {role.role!r} repeats {name!r} of {line}")
            return
        first[key] = len(roles)
        if isinstance(where, str):
            given_at.append(_short(where))
        else:
            lines.append(where[1])
        for name in ("soc", "reference_soc"):
            code = getattr(role, name)
            if code and code not in occupations:
                place = where if isinstance(where, str) else f"{where[0]}:{where[1]}"
                problems.append(
                    f"{place}: {name}: {code!r} is not an occupation of BLS OEWS May 2025"
                )
        roles.append(role)

    plain = None
    if isinstance(rows, CsvRows):
        plain = _plain_roles(rows.names, source, load_currencies(), occupations)
    if plain is not None and isinstance(rows, CsvRows):
        file = rows.file
        for line, cells in rows.cells():
            role = plain(cells)
            if role is None:
                row = _validated(f"{file}:{line}", rows.fields(cells), RoleRow, problems)
                if row is None:
                    continue
                role = _role_of(row, source)
            key = " ".join(role.role.casefold().split())
            if key not in first and role.soc in known and role.reference_soc in known:
                first[key] = len(roles)  # the common case, without a call: a new, plain role
                lines.append(line)
                roles.append(role)
            else:
                add(role, (file, line))
        return roles
    for where, fields in rows:
        row = _validated(where, fields, RoleRow, problems)
        if row is not None:
            add(_role_of(row, source), where)
    return roles


def _role_of(row: RoleRow, source: str) -> Role:
    """The Role a validated row describes."""
    base = _whole(row.base_salary)
    wages = Wages(
        row.employment,
        _whole(row.annual_mean),
        _whole(row.p10),
        _whole(row.p25),
        _whole(row.p50),
        _whole(row.p75),
        _whole(row.p90),
    )
    return Role(
        role=row.role,
        soc=row.soc,
        title=row.title or row.role,
        group=row.group,
        base_salary=base,
        currency=row.currency,
        source=row.source or source,
        featured=row.featured,
        reference_soc=row.reference_soc,
        wages=wages if any(getattr(wages, name) is not None for name in WAGE_FIELDS) else None,
        missing_reason=None if base else f"your data gives no base_salary for {row.role}",
        ranked=row.soc is not None and whole(wages),
    )


_PLAIN_AMOUNT = re.compile(r"[1-9]\d{0,8}\Z")  # whole dollars, 1 to 999,999,999
_PLAIN_COUNT = re.compile(r"(0|[1-9]\d{0,8})\Z")
_SOC_CODE = re.compile(SOC)
_PLAIN_COLUMNS = frozenset(
    ("role", "base_salary", "currency", "soc", "title", "group", "source", "reference_soc")
) | frozenset(WAGE_FIELDS)
_MONEY = ("base_salary", "annual_mean", "p10", "p25", "p50", "p75", "p90")


def _plain_roles(
    names: list[str], source: str, currencies: frozenset[str], occupations: frozenset[str]
) -> Callable[[list[str]], Role | None] | None:
    """For a csv header: a function from an ordinary row's cells to its Role (None: RoleRow
    must look at the row). None when the header has a column it does not handle."""
    columns = [name for name in names if name]
    if len(set(columns)) != len(columns) or not _PLAIN_COLUMNS.issuperset(columns):
        return None  # `featured`, a repeated or unknown column: the full validation
    at = {name: index for index, name in enumerate(names) if name}
    width = len(names)
    role_at = at["role"]
    money = [(_MONEY.index(name), at[name]) for name in _MONEY if name in at]
    optional = [
        at.get(name)
        for name in ("employment", "currency", "soc", "reference_soc", "title", "group", "source")
    ]
    amount, count, soc_code = _PLAIN_AMOUNT.match, _PLAIN_COUNT.match, _SOC_CODE.match
    shared: dict[str, str] = {}  # one string for a value many rows repeat ("USD", a group)
    nothing: tuple[int | None, ...] = (None,) * len(_MONEY)
    share = shared.setdefault

    def plain(cells: list[str]) -> Role | None:
        if len(cells) != width:
            return None
        role = cells[role_at].strip(WHITE_SPACE)
        if not role:
            return None
        values: list[int | None] = list(nothing)
        for slot, index in money:
            cell = cells[index].strip(WHITE_SPACE)
            if cell:
                if not amount(cell):
                    return None
                value = int(cell)
                if value > MAX_SALARY:
                    return None
                values[slot] = value
        base, mean, p10, p25, p50, p75, p90 = values
        points = [point for point in (p10, p25, p50, p75, p90) if point is not None]
        if len(points) > 1 and points != sorted(points):
            return None
        employment, currency, soc, reference, title, group, given = [
            (cells[index].strip(WHITE_SPACE) or None) if index is not None else None
            for index in optional
        ]
        if employment is not None and not count(employment):
            return None
        currency = (currency or "USD").upper()
        if currency not in currencies:
            return None
        if soc is not None and (not soc_code(soc) or soc not in occupations):
            return None
        if reference is not None and (not soc_code(reference) or reference not in occupations):
            return None
        wages = None
        if employment is not None or mean is not None or points:
            number = None if employment is None else int(employment)
            wages = Wages(number, mean, p10, p25, p50, p75, p90)
        return Role(
            role,
            soc and share(soc, soc),
            title or role,
            group and share(group, group),
            base,
            share(currency, currency),
            share(given, given) if given else source,
            False,
            reference and share(reference, reference),
            wages,
            None if base else f"your data gives no base_salary for {role}",
            ranked=soc is not None and whole(wages),
        )

    return plain


def levels(rows: Rows, problems: list[str]) -> list[Level]:
    """The ladder (core.ladder.check): each level from its min_years to the next one's."""
    given = valid(rows, LevelRow, problems)
    if not given:
        return []
    rungs = [ladder.Rung(row.level, row.min_years, row.max_years) for _, row in given]
    found, ends = ladder.check(rungs, [_short(where) for where, _ in given])
    problems += [f"{given[p.at][0]}: {p.field}: {p.message}" for p in found]
    ordered = sorted(range(len(given)), key=lambda index: given[index][1].min_years)
    return spans(
        [
            Level(rung.level, rung.min_years, ends[i], rung.multiplier, rung.percentile)
            for i, rung in ((i, given[i][1]) for i in ordered)
        ]
    )
