"""Issue #14: `data export --what wages` gives BLS's state and metro tables with area codes
and names, read back by DuckDB with the same figures as `market`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run


def test_wages_read_back_by_duckdb_as_market_shows_them(tmp_path: Path) -> None:
    exported = run("data", "export", "--what", "wages")
    assert exported.exit_code == 0
    path = tmp_path / "wages.csv"
    path.write_text(exported.stdout)
    table = f"read_csv('{path}', header=true, all_varchar=true, quote='\"')"
    assert duckdb.sql(f"SELECT count(*) FROM {table}").fetchall() == [(222_344,)]
    row = duckdb.sql(
        f"SELECT area, area_type, employment, annual_mean, p10, p90, hourly_mean, h90 FROM {table} "
        "WHERE area_code = '0600000' AND soc = '15-1252'"
    ).fetchall()
    assert row == [
        ("California", "state", "284390", "186770", "105060", "272670", "89.8", "131.09")
    ]
    market = json.loads(run("market", "Software Developers", "-L", "CA", "-f", "json").stdout)
    shown = {record["statistic"]: record for record in market}
    assert (shown["mean"]["salary"], shown["p10"]["salary"], shown["p90"]["salary"]) == (
        186770,
        105060,
        272670,
    )
    assert (shown["mean"]["hourly"], shown["p90"]["hourly"]) == (89.8, 131.09)
    capped = duckdb.sql(  # Anesthesiologists in Grand Rapids: p90 at least $239,200
        f"SELECT p75, p90, top_coded, at_least, h90 FROM {table} "
        "WHERE area_code = '0024340' AND soc = '29-1211'"
    ).fetchall()
    assert capped == [("384800", None, "p90", "239200", None)]


def test_wages_as_jsonl_stream() -> None:
    result = run("data", "export", "--what", "wages", "-f", "jsonl")
    first = json.loads(result.stdout.split("\n", 1)[0])
    assert (first["area_code"], first["soc"], first["annual_mean"], first["hourly_mean"]) == (
        "0100000",
        "11-1011",
        201200,
        96.73,
    )


def test_wages_as_parquet_read_by_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "wages.parquet"
    result = run("data", "export", "--what", "wages", "--parquet", str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"salarycli: 222,344 rows written to {path}\n"
    row = duckdb.sql(
        f"SELECT area, annual_mean, p10, hourly_mean, h90 FROM '{path}' "
        "WHERE area_code = '0600000' AND soc = '15-1252'"
    ).fetchall()
    assert row == [("California", 186770, 105060, 89.8, 131.09)]


def test_parquet_needs_pyarrow_and_no_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "levels.parquet")
    both = run("data", "export", "--what", "levels", "--parquet", path, "-f", "csv")
    assert (both.exit_code, both.stderr) == (
        2,
        "salarycli: error: give --format or --parquet, not both\n",
    )
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    missing = run("data", "export", "--what", "levels", "--parquet", path)
    assert (missing.exit_code, missing.stdout, missing.stderr) == (
        2,
        "",
        "salarycli: error: Parquet needs pyarrow, which is not installed: pip install "
        "'salarycli[parquet]'\n",
    )


@pytest.mark.parametrize("what", ["wages", "titles", "place-index"])
def test_a_table_too_large_to_read_is_refused_at_once(what: str) -> None:
    # issue #27: drawing 55,000-222,000 rows took over 20 s; more than 5,000 rows is refused
    result = run("data", "export", "--what", what, "-f", "table")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "salarycli: error: more than 5,000 rows are too many for a table: give --format csv, "
        "tsv, jsonl or json, and a pager or a query tool (| less -S, DuckDB)\n"
    )
    assert run("data", "export", "--what", "roles", "-f", "table").exit_code == 0
