"""Build data/oews_growth.csv: each occupation's national mean wage in the OEWS May 2023 and
May 2024 releases, beside May 2025's in data/oews_national.csv (what `market` shows as growth).

    python scripts/build_growth.py                 # reads ../shared/data/oews-history
    python scripts/build_growth.py --source DIR

An occupation is comparable across releases when its SOC code is a detailed occupation
(O_GROUP "detailed") of the national cross-industry file in both earlier releases and has an
annual mean in May 2025; a mean BLS did not publish ("*") or top-coded ("#") is left empty.
The script checks both files' sha256 and writes the same bytes every run.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_common as common  # noqa: E402
from build_common import read_csv, sha256  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "oews-history"
FILES = {
    "national_M2023_dl.csv": "1d488834d4ea16e3e437b04294bd6f86f84f6573b84914b4a816862fc245eee6",
    "national_M2024_dl.xlsx": "accad8fea8ff8b70180c80a127a2b43f8fd9b819a058ca86024e14d33ab4f0ea",
}
HEADER = ["soc", "mean_2023", "mean_2024"]


def means(rows: list[dict[str, str]]) -> dict[str, str]:
    """SOC code -> annual mean (whole dollars, or "" when not published) of the detailed
    occupations of a national cross-industry file."""
    found = {}
    for row in rows:
        if row["O_GROUP"] != "detailed" or row.get("NAICS", "000000") != "000000":
            continue
        text = str(row["A_MEAN"] or "").replace(",", "").strip()
        found[row["OCC_CODE"]] = str(int(float(text))) if text.replace(".", "").isdigit() else ""
    return found


def read(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    for name, expected in FILES.items():
        if sha256((folder / name).read_bytes()) != expected:
            sys.exit(f"{name}: sha256 is not the recorded {expected}")
    text = (folder / "national_M2023_dl.csv").read_bytes().decode("utf-8-sig")
    may_2023 = means(list(csv.DictReader(io.StringIO(text))))
    import openpyxl  # build time only

    sheet = openpyxl.load_workbook(folder / "national_M2024_dl.xlsx", read_only=True).active
    values = list(sheet.values)
    names = [str(name) for name in values[0]]
    may_2024 = means(
        [
            dict(zip(names, ("" if v is None else str(v) for v in row), strict=False))
            for row in values[1:]
        ]
    )
    return may_2023, may_2024


def build(folder: Path, data: Path) -> list[list[str]]:
    may_2023, may_2024 = read(folder)
    current = {row["soc"] for row in read_csv(data / "oews_national.csv") if row["annual_mean"]}
    return [
        [soc, may_2023[soc], may_2024[soc]]
        for soc in sorted(current)
        if soc in may_2023 and soc in may_2024 and (may_2023[soc] or may_2024[soc])
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    options = parser.parse_args()
    rows = build(options.source, options.out)
    output = common.csv_bytes(HEADER, rows)
    (options.out / "oews_growth.csv").write_bytes(output)
    checksums = {f"oews-history:{name}": digest for name, digest in FILES.items()}
    checksums["data/oews_growth.csv"] = sha256(output)
    common.record_provenance(
        options.out,
        [
            {
                "id": "bls-oews-history",
                "label": "BLS OEWS May 2023 and May 2024 (national)",
                "publisher": "U.S. Bureau of Labor Statistics",
                "title": "Occupational Employment and Wage Statistics, national cross-industry "
                "estimates, May 2023 and May 2024",
                "release": "May 2023; May 2024",
                "published": None,
                "retrieved": None,
                "url": "https://www.bls.gov/oes/tables.htm",
                "via": "the project's shared/data/oews-history (national_M2023_dl.csv from "
                "Dpride5/WGU-Stuff, commit ec1b6e89d19227980325ab3853732e5def770778; "
                "national_M2024_dl.xlsx from jj-squared/AI_jobs_impact, commit "
                "33fd992d4a8d55ee3fb72a9c69f5a5816b0b8cf1)",
                "license": "Public domain (U.S. government work)",
                "notes": f"{len(rows)} detailed occupations with their national annual mean in "
                "each release (data/oews_growth.csv, scripts/build_growth.py): the growth "
                "`market` shows beside May 2025's mean.",
                "checksums": checksums,
            }
        ],
    )
    print(f"oews_growth.csv: {len(rows)} occupations, {len(output):,} bytes")


if __name__ == "__main__":
    main()
