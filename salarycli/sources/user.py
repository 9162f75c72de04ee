"""Users' own data: a folder (roles.csv, levels.csv, aliases.csv) or one .json or .toml file.

Every problem is found, not just the first, and reported as `FILE:LINE: field: message` (for
json and toml, `FILE:roles[3]: field: message`), so that a spreadsheet can be fixed from the
list. The files are only read: salarycli never changes, moves or writes them.
"""

from __future__ import annotations

import csv
import gc
import json
import re
import stat
import tomllib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
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
from salarycli.core.records import ROLE_FIELDS, WAGE_FIELDS, Dataset, Level, Role, Source, Wages
from salarycli.errors import InvalidData
from salarycli.resolve.amounts import MAX_SALARY, MIN_SALARY
from salarycli.resolve.text import shown
from salarycli.sources.bundled import load_bundled, load_currencies
from salarycli.sources.schema import check_percentiles

MAX_BYTES = 50 * 1024 * 1024
MAX_FIELD = 1 << 20  # characters in one csv field (1 MiB), as batch reads them
SOURCE = "user"
ROLES, LEVELS, ALIASES = "roles.csv", "levels.csv", "aliases.csv"
# The columns are a role's flat row, as `data export --what roles` writes them.
LEVEL_FIELDS = ("level", "min_years", "max_years", "multiplier", "level_years")
ALIAS_FIELDS = ("alias", "role", "source")
REQUIRED = {
    "roles": ("role", "base_salary"),
    "levels": ("level", "min_years", "multiplier"),
    "aliases": ("alias", "role"),
}
KNOWN = {"roles": ROLE_FIELDS, "levels": LEVEL_FIELDS, "aliases": ALIAS_FIELDS}
SOC = r"^\d{2}-\d{4}$"


@dataclass
class UserData:
    path: Path
    roles: list[Role]
    levels: list[Level] | None
    aliases: list[tuple[str, str]]
    warnings: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """What the user's data held, for `data info`."""
        return {
            "roles": len(self.roles),
            "levels": len(self.levels or ()),
            "aliases": len(self.aliases),
        }


def merged(user: UserData, only: bool = False) -> Dataset:
    """The bundled dataset with a user's on top: user roles extend the bundled ones and replace
    any of the same name (`only`: the user's roles alone); a user ladder replaces the bundled."""
    bundled = load_bundled()
    theirs = {" ".join(role.role.casefold().split()): role for role in user.roles}
    if only:
        roles = tuple(user.roles)
    else:
        kept = [theirs.pop(" ".join(r.role.casefold().split()), r) for r in bundled.roles]
        roles = tuple(kept) + tuple(theirs.values())
    label = f"your data ({user.path.name})"
    source = Source(id=SOURCE, label=label, publisher="you", title=str(user.path))
    return Dataset(
        roles=roles,
        levels=tuple(user.levels) if user.levels else bundled.levels,
        sources={**bundled.sources, SOURCE: source},
        aliases=tuple(user.aliases),
    )


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


class AliasRow(_Row):
    alias: Annotated[str, Field(min_length=1)]
    role: Annotated[str, Field(min_length=1)]


def read(path: Path) -> UserData:
    """Read and validate a user's dataset; InvalidData lists every problem."""
    # Hundreds of thousands of records that all stay alive make the cyclic collector rescan
    # them again and again (4 of 13 s for a 49 MB roles.csv, benchmarks/RESULTS.md): nothing
    # made here is a cycle, so it rests while a dataset is read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(path)
    finally:
        if collecting:
            gc.enable()


def _read(path: Path) -> UserData:
    try:
        tables, problems, warnings = _tables(path)
    except OSError as error:  # a folder that cannot be listed, a path that cannot be reached
        raise InvalidData(path, [f"{path}: cannot read: {error.strerror or error}"]) from None
    roles: list[Role] = []
    levels: list[Level] | None = None
    aliases: list[tuple[str, str]] = []
    if "roles" in tables:
        roles = _roles(tables["roles"], problems, path)
    elif not problems:
        problems.append(f"{path}: no roles (a folder needs roles.csv; a file a 'roles' table)")
    if "levels" in tables:
        levels = _levels(tables["levels"], problems)
    if "aliases" in tables:
        valid = _valid(tables["aliases"], AliasRow, problems)
        aliases = [(row.alias, row.role) for _, row in valid]
        _check_targets(valid, roles, problems)
    if problems:
        raise InvalidData(path, problems)
    return UserData(path, roles, levels, aliases, warnings)


Rows = Iterable[tuple[str, dict[str, Any]]]  # (where, the row's fields), read once


def _check_targets(aliases: list[Any], roles: list[Role], problems: list[str]) -> None:
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


def _tables(path: Path) -> tuple[dict[str, Rows], list[str], list[str]]:
    """The tables found at `path`, each a list of (location, fields), with problems and
    warnings met while reading them."""
    problems: list[str] = []
    warnings: list[str] = []
    tables: dict[str, Rows] = {}
    if path.is_dir():
        for kind, name in (("roles", ROLES), ("levels", LEVELS), ("aliases", ALIASES)):
            file = path / name
            if file.exists() or file.is_symlink():
                text = _text(file, problems)
                if text is not None:
                    rows = _csv(file, text, kind, problems, warnings)
                    if rows is not None:
                        tables[kind] = rows
        return tables, problems, warnings
    if not path.exists():
        problems.append(f"{path}: no such file or folder")
        return tables, problems, warnings
    suffix = path.suffix.lower()
    text = _text(path, problems)
    if text is None:
        return tables, problems, warnings
    if suffix not in (".json", ".toml"):
        problems.append(f"{path}: give a folder of csv files, or a .json or .toml file")
        return tables, problems, warnings
    if suffix == ".toml" and _too_deep(text):
        problems.append(f"{path}: not valid toml: nested too deeply")
        return tables, problems, warnings
    try:
        document = json.loads(text) if suffix == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        line = getattr(error, "lineno", None) or _toml_line(str(error))
        problems.append(f"{path}:{line}: not valid {suffix[1:]}: {error}")
        return tables, problems, warnings
    except ValueError as error:  # an integer of more digits than Python converts
        reason = "a number of more than 4,300 digits" if "digits" in str(error) else str(error)
        problems.append(f"{path}: not valid {suffix[1:]}: {reason}")
        return tables, problems, warnings
    except RecursionError:
        problems.append(f"{path}: not valid {suffix[1:]}: nested too deeply")
        return tables, problems, warnings
    if not isinstance(document, dict):
        problems.append(f"{path}: expected tables 'roles' (and 'levels', 'aliases')")
        return tables, problems, warnings
    for kind in ("roles", "levels", "aliases"):
        if kind not in document:
            continue
        items = document[kind]
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            problems.append(f"{path}:{kind}: expected a list of tables")
            continue
        if not items:
            problems.append(f"{path}:{kind}: empty")
            continue
        for key in sorted({key for item in items for key in item} - set(KNOWN[kind])):
            warnings.append(f"{path}:{kind}: {key}: unknown field, ignored (warning)")
        tables[kind] = [(f"{path}:{kind}[{i}]", item) for i, item in enumerate(items)]
    for key in sorted(set(document) - {"roles", "levels", "aliases"}):
        warnings.append(f"{path}: {key}: unknown table, ignored (warning)")
    return tables, problems, warnings


def _too_deep(text: str, limit: int = 64) -> bool:
    """Whether a toml key or table name has more than `limit` dotted parts: tomllib takes time
    quadratic in them (a 100,000-part key would never end), and no dataset needs so many."""
    for line in text.splitlines():
        key = line.split("=", 1)[0] if "=" in line else line
        if key.count(".") > limit:
            return True
    return False


def _toml_line(message: str) -> str:
    marker = "(at line "
    return message.split(marker, 1)[1].split(",", 1)[0] if marker in message else "1"


def _text(file: Path, problems: list[str]) -> str | None:
    """The file's text, when it is a regular file (links followed) of at most 50 MB of UTF-8.

    What is read is capped, not only what stat says: a device, a fifo or a file in /proc may
    say 0 bytes and never end."""
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            problems.append(f"{file}: not a regular file")
            return None
        if info.st_size > MAX_BYTES:
            problems.append(f"{file}: {info.st_size:,} bytes; salarycli reads files up to 50 MB")
            return None
        with file.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        problems.append(f"{file}: cannot read: {error.strerror or error}")
        return None
    if len(data) > MAX_BYTES:
        problems.append(f"{file}: larger than 50 MB; salarycli reads files up to 50 MB")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(f"{file}:{line}: encoding: not UTF-8 text (byte {error.start})")
        return None


def _csv(file: Path, text: str, kind: str, problems: list[str], warnings: list[str]) -> Rows | None:
    """The rows of a csv file, read strictly: a quote never closed, or text after a closing
    quote, is a problem of its line (where a lenient reader would swallow the rows after it).
    The header is read now; the rows as they are used, so that a large file is never held
    twice."""
    csv.field_size_limit(MAX_FIELD + 1)
    reader = csv.reader(_lines(text), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        problems.append(f"{file}:1: not valid csv: {_csv_reason(error)}")
        return None
    if header is None or not any(cell.strip() for cell in header):
        problems.append(f"{file}: empty file")
        return None
    names = [cell.strip().casefold() for cell in header]
    missing = [column for column in REQUIRED[kind] if column not in names]
    for column in missing:
        problems.append(f"{file}:1: {column}: required column is missing")
    for name in names:
        if name and name not in KNOWN[kind]:
            shown_name = name if len(name) <= 40 else shown(name)
            warnings.append(f"{file}:1: {shown_name}: unknown column, ignored (warning)")
    if missing:
        return None
    return CsvRows(file, reader, names, kind, problems)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
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
            self.problems.append(f"{self.file}:{line + 1}: not valid csv: {_csv_reason(error)}")
            return
        if not found and self.kind == "roles":
            self.problems.append(f"{self.file}: no roles, only a header")

    def fields(self, row: list[str]) -> dict[str, Any]:
        return {name: value for name, value in zip(self.names, row, strict=False) if value.strip()}

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for line, row in self.cells():
            yield f"{self.file}:{line}", self.fields(row)


def _csv_reason(error: csv.Error) -> str:
    reason = str(error)
    if "unexpected end of data" in reason:
        return "a quote opened here is never closed"
    if "field larger than field limit" in reason:
        return f"a field longer than {MAX_FIELD:,} characters"
    return reason


def _valid(rows: Rows, model: type[_Row], problems: list[str]) -> list[Any]:
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


def _roles(rows: Rows, problems: list[str], path: Path) -> list[Role]:
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
        role = cells[role_at].strip()
        if not role:
            return None
        values: list[int | None] = list(nothing)
        for slot, index in money:
            cell = cells[index].strip()
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
            (cells[index].strip() or None) if index is not None else None for index in optional
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
        )

    return plain


def _levels(rows: Rows, problems: list[str]) -> list[Level]:
    """The ladder (core.ladder.check): each level from its min_years to the next one's."""
    valid = _valid(rows, LevelRow, problems)
    if not valid:
        return []
    rungs = [ladder.Rung(row.level, row.min_years, row.max_years) for _, row in valid]
    found, ends = ladder.check(rungs, [_short(where) for where, _ in valid])
    problems += [f"{valid[p.at][0]}: {p.field}: {p.message}" for p in found]
    ordered = sorted(range(len(valid)), key=lambda index: valid[index][1].min_years)
    return [
        Level(valid[i][1].level, valid[i][1].min_years, ends[i], valid[i][1].multiplier)
        for i in ordered
    ]
