"""Users' own data: a folder (roles.csv, levels.csv, aliases.csv) or one .json or .toml file.

Every problem is found, not just the first, and reported as `FILE:LINE: field: message` (for
json and toml, `FILE:roles[3]: field: message`), so that a spreadsheet can be fixed from the
list. The files are only read: salarycli never changes, moves or writes them.
"""

from __future__ import annotations

import csv
import gc
import json
import stat
import tomllib
from pathlib import Path

from salarycli.core.record import field, record
from salarycli.core.records import ROLE_FIELDS, Dataset, Level, Role, Source
from salarycli.errors import InvalidData
from salarycli.resolve.text import shown
from salarycli.sources import user_rows
from salarycli.sources.bundled import load_bundled
from salarycli.sources.user_rows import MAX_FIELD, AliasRow, CsvRows, Rows, csv_reason, lines_of

MAX_BYTES = 50 * 1024 * 1024
SOURCE = "user"
ROLES, LEVELS, ALIASES = "roles.csv", "levels.csv", "aliases.csv"
# The columns are a role's flat row, as `data export --what roles` writes them.
LEVEL_FIELDS = ("level", "min_years", "max_years", "multiplier", "percentile", "level_years")
ALIAS_FIELDS = ("alias", "role", "source")
REQUIRED = {
    "roles": ("role", "base_salary"),
    "levels": ("level", "min_years", "multiplier"),
    "aliases": ("alias", "role"),
}
KNOWN = {"roles": ROLE_FIELDS, "levels": LEVEL_FIELDS, "aliases": ALIAS_FIELDS}


@record(slots=False)
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
        roles = user_rows.roles(tables["roles"], problems, path)
    elif not problems:
        problems.append(f"{path}: no roles (a folder needs roles.csv; a file a 'roles' table)")
    if "levels" in tables:
        levels = user_rows.levels(tables["levels"], problems)
    if "aliases" in tables:
        valid = user_rows.valid(tables["aliases"], AliasRow, problems)
        aliases = [(row.alias, row.role) for _, row in valid]
        user_rows.check_targets(valid, roles, problems)
    if problems:
        raise InvalidData(path, problems)
    return UserData(path, roles, levels, aliases, warnings)


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
    reader = csv.reader(lines_of(text), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        problems.append(f"{file}:1: not valid csv: {csv_reason(error)}")
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
