"""BEA's Regional Price Parities as bundled (data/bea_rpp.csv, built by
scripts/build_prices.py): one row per area, the latest year of each BEA table."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from salarycli.core.prices import Parity

FILE = "bea_rpp.csv"
SOURCE = "bea-rpp"  # its id in provenance.json


def read_parities(folder: Path) -> dict[str, Parity]:
    """BEA area code -> its price levels."""
    with (folder / FILE).open(encoding="utf-8", newline="") as stream:
        return {
            row["code"]: Parity(
                code=row["code"],
                kind=row["kind"],
                name=row["name"],
                year=int(row["year"]),
                all_items=Decimal(row["all_items"]),
                goods=Decimal(row["goods"]),
                housing=Decimal(row["housing"]),
                utilities=Decimal(row["utilities"]),
                other=Decimal(row["other"]),
            )
            for row in csv.DictReader(stream)
        }
