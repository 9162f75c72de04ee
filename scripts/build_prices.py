"""Build data/bea_rpp.csv: BEA's Regional Price Parities, the latest year of each table.

    python scripts/build_prices.py                # reads ../shared/data/prices/bea-rpp
    python scripts/build_prices.py --source DIR   # a folder holding the same three files

From three public-domain BEA tables (../shared/data/SOURCES-places.md gives their provenance):
- MARPP, by metropolitan statistical area, 2008-2024 (released February 19, 2026): the US, the
  US nonmetropolitan portion and 387 MSAs, whose codes are the CBSA codes OEWS metro areas use;
- PARPP, the metropolitan and nonmetropolitan portion of each state, 2008-2024, same release:
  for a place outside every MSA (OEWS's nonmetropolitan areas, and towns outside every metro);
- SARPP, by state, 2008-2023 (last updated February 20, 2025): the state as a whole. No state
  table with 2024 was to be had, and a state's figure is not computed from its portions.

Rows: `code` (BEA GeoFIPS: 00000 the US, SS000 a state, SS998/SS999 a state's metro and
nonmetro portion, 00999 the US nonmetro portion, a CBSA code for an MSA), `kind` (nation,
state, metro, state-metro, state-nonmetro, nation-nonmetro), `name` (BEA's), `year`, then the
index for all items, goods, housing, utilities and other services (US = 100), as BEA writes
them (three decimals). A portion BEA gives as 0.000 (DC has no nonmetro area) is left out. The
script checks each input's sha256 and writes the same bytes every run.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_common as common  # noqa: E402
from build_common import sha256  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "prices" / "bea-rpp"
FILES = {
    "MARPP_MSA_2008_2024.csv": "c712b4d744bd8cac81dc0d80bf566cb66b86e45277f5c4279f4a9fe5817315b6",
    "PARPP_PORT_2008_2024.csv": "70eab1aeebe47e4edf48ef3f55bb3271d8b6726561d8ea3660de250f47d215ae",
    "SARPP_STATE_2008_2023.csv": "3de509211dae73dc0523e8cdaf80e55c0acfba071503de9efbb878a5aa3cda7a",
}
HEADER = ["code", "kind", "name", "year", "all_items", "goods", "housing", "utilities", "other"]
# LineCode -> column, per table (SARPP's lines 1-4 are real income and PCE, 10 the deflator)
LINES = {
    "MARPP": {"1": "all_items", "2": "goods", "3": "housing", "4": "utilities", "5": "other"},
    "PARPP": {"1": "all_items", "2": "goods", "3": "housing", "4": "utilities", "5": "other"},
    "SARPP": {"5": "all_items", "6": "goods", "7": "housing", "8": "utilities", "9": "other"},
}
OUTPUT = "bea_rpp.csv"


def kind_of(code: str, table: str) -> str:
    if code == "00000":
        return "nation"
    if code == "00999":
        return "nation-nonmetro"
    if table == "SARPP":
        return "state"
    if table == "PARPP":
        return "state-metro" if code.endswith("998") else "state-nonmetro"
    return "metro"


def read_table(path: Path, table: str) -> dict[str, list[str]]:
    """code -> [code, kind, name, year, five indexes] for the table's latest year."""
    with path.open(encoding="ascii", newline="") as stream:
        rows = list(csv.reader(stream))
    header = rows[0]
    year = header[-1]
    found: dict[str, list[str]] = {}
    for row in rows[1:]:
        if len(row) != len(header):  # BEA's footer lines
            continue
        code = row[0].strip().strip('"')
        column = LINES[table].get(row[4].strip())
        if column is None:
            continue
        value = row[-1].strip()
        name = row[1].strip().rstrip(" *")
        entry = found.setdefault(code, [code, kind_of(code, table), name, year, "", "", "", "", ""])
        entry[HEADER.index(column)] = value
    if table == "PARPP":  # the US row is MARPP's; a portion of 0.000 does not exist (DC)
        found.pop("00000", None)
        found = {code: row for code, row in found.items() if row[4] != "0.000"}
    return found


def build(source: Path) -> list[list[str]]:
    for name, digest in FILES.items():
        actual = sha256((source / name).read_bytes())
        if actual != digest:
            raise SystemExit(f"{name}: sha256 {actual}, expected {digest}")
    rows: dict[str, list[str]] = {}
    for name in FILES:
        table = name[:5]
        for code, row in read_table(source / name, table).items():
            rows.setdefault(code, row)  # the US from MARPP (2024), not SARPP (2023)
    return [rows[code] for code in sorted(rows)]


def provenance_entry(output: bytes) -> dict[str, object]:
    return {
        "id": "bea-rpp",
        "label": "BEA Regional Price Parities: MSAs and state portions 2024, states 2023",
        "publisher": "U.S. Bureau of Economic Analysis",
        "title": "Regional Price Parities by MSA (MARPP) and by portion (PARPP), 2008-2024; by "
        "state (SARPP), 2008-2023",
        "release": "MARPP and PARPP: February 19, 2026 (new statistics for 2024); SARPP: last "
        "updated February 20, 2025",
        "published": "2026-02-19",
        "retrieved": None,
        "url": "https://www.bea.gov/data/prices-inflation/regional-price-parities-state-and-metro-area",
        "via": "shared/data/prices/bea-rpp (../shared/data/SOURCES-places.md)",
        "license": "Public domain (U.S. government work)",
        "notes": "Price levels, all items and four groups, US = 100: the latest year of each "
        "table (metros and state portions 2024, states 2023). salarycli divides a salary by "
        "the all-items index / 100 to show it in national-average dollars.",
        "checksums": {
            **{f"bea-rpp/{n}": d for n, d in FILES.items()},
            f"data/{OUTPUT}": sha256(output),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the bea-rpp folder")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="the data folder")
    options = parser.parse_args()
    rows = build(options.source)
    output = common.csv_bytes(HEADER, rows)
    (options.out / OUTPUT).write_bytes(output)
    common.record_provenance(options.out, [provenance_entry(output)])
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[row[1]] = kinds.get(row[1], 0) + 1
    print(f"{OUTPUT}: {len(rows)} rows, {len(output):,} bytes; {kinds}")


if __name__ == "__main__":
    main()
