"""Beyond one process: batch, estimate_frame and Dask, rows a second, in one run.

    python benchmarks/scale.py [--rows N] [--frame-rows N] [--distinct N] [--only sql]

1. `salarycli batch` of a csv of --frame-rows rows (start-up included);
2. salarycli.estimate_frame on the same rows, already in memory as a pandas DataFrame: the
   first partition a process sees (its answers not yet remembered), then the next;
3. Dask: --rows rows (default 4,000,000) in 8 Parquet files, map_partitions(estimate_frame)
   on a LocalCluster of 1 and of 2 worker processes (one thread each), computed into memory;
   each output is checked row for row against `salarycli batch` of the same rows (the whole
   set, encoded as batch encodes csv).
4. examples/estimate.sql in DuckDB over --sql-rows postings (default 10,000,000) asking
   --distinct questions drawn from the title index, the tables read from `data export` csv.
The rows ask --distinct distinct questions (role, years, place), drawn at random, as postings
repeat a few thousand titles. `--only sql` runs the last part alone.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ["TX", "CA", "Austin, TX", "Seattle", "", "New York, NY", "60601", "Remote"]


def postings(rows: int, distinct: int, seed: int = 17) -> object:
    import numpy
    import pandas

    from salarycli.sources.bundled import load_bundled

    chooser = random.Random(seed)
    roles = [role.role for role in load_bundled().roles]
    questions = [
        (chooser.choice(roles), str(chooser.randint(0, 35)), chooser.choice(PLACES))
        for _ in range(distinct)
    ]
    picks = numpy.random.default_rng(seed).integers(0, distinct, rows)
    table = pandas.DataFrame(questions, columns=["role", "years", "location"]).iloc[picks]
    table.insert(0, "id", [f"P{n:08d}" for n in range(rows)])
    return table.reset_index(drop=True)


def encoded(frame: object) -> list[str]:
    """Each row as salarycli batch writes it in csv (the check's common form)."""
    from salarycli.present.render import Format, Writer

    writer = Writer(Format.csv, io.StringIO())
    values = frame.astype(object).where(frame.notna(), None)  # type: ignore[attr-defined]
    return [writer.cells(row) for row in values.itertuples(index=False)]


def batch_lines(path: Path) -> list[str]:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "salarycli"), "batch", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [*csv_lines(done.stdout)][1:]


def csv_lines(text: str) -> Iterator[str]:
    from salarycli.present.render import Format, Writer

    writer = Writer(Format.csv, io.StringIO())
    for row in csv.reader(io.StringIO(text)):
        yield writer.cells(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4_000_000)
    parser.add_argument("--frame-rows", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=5_000)
    parser.add_argument("--sql-rows", type=int, default=10_000_000)
    parser.add_argument("--only", choices=["sql"])
    options = parser.parse_args()
    if options.only == "sql":
        sql_rate(options.sql_rows, options.distinct)
        return
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    import salarycli

    print(f"# {os.cpu_count()} cores; {options.distinct:,} distinct questions")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        frame = postings(options.frame_rows, options.distinct)
        path = work / "frame.csv"
        frame.to_csv(path, index=False)  # type: ignore[attr-defined]
        start = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).parent / "salarycli"), "batch", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        seconds = time.perf_counter() - start
        rate = options.frame_rows / seconds
        print(f"batch, {options.frame_rows:,} csv rows          {rate:12,.0f} rows/s")
        for label in ("first partition", "next partition"):
            start = time.perf_counter()
            salarycli.estimate_frame(frame)
            seconds = time.perf_counter() - start
            print(f"estimate_frame, {label:16} {options.frame_rows / seconds:12,.0f} rows/s")

        big = postings(options.rows, options.distinct, seed=18)
        parts = work / "postings"
        parts.mkdir()
        step = options.rows // 8
        for part in range(8):
            big.iloc[part * step : (part + 1) * step].to_parquet(parts / f"part-{part}.parquet")  # type: ignore[attr-defined]
        big_csv = work / "postings.csv"
        big.to_csv(big_csv, index=False)  # type: ignore[attr-defined]
        expected = batch_lines(big_csv)
        meta = salarycli.estimate_frame(big.head(100)).iloc[:0]  # type: ignore[attr-defined]
        for workers in (1, 2):
            with (
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                ) as cluster,
                Client(cluster),  # type: ignore[no-untyped-call]
            ):
                start = time.perf_counter()
                found = (
                    dd.read_parquet(str(parts))
                    .map_partitions(salarycli.estimate_frame, meta=meta)
                    .compute()
                )
                seconds = time.perf_counter() - start
            same = encoded(found) == expected
            print(
                f"Dask, {workers} worker{'s' if workers > 1 else ' '}, {options.rows:,} rows   "
                f"{options.rows / seconds:12,.0f} rows/s  (equal to batch, row for row: {same})"
            )
            del found
    sql_rate(options.sql_rows, options.distinct)


def sql_rate(rows: int, distinct: int) -> None:
    import duckdb

    salarycli = str(Path(sys.executable).parent / "salarycli")
    db = duckdb.connect()
    with tempfile.TemporaryDirectory() as folder:
        for name in ("roles", "levels", "wages", "titles", "place-index"):
            path = Path(folder) / f"{name}.csv"
            with path.open("w") as stream:
                subprocess.run(
                    [salarycli, "data", "export", "--what", name], stdout=stream, check=True
                )
            table = name.replace("-", "_")
            db.execute(
                f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', all_varchar = true, "
                "quote = '\"')"
            )
    with (ROOT / "data" / "titles.csv").open(newline="") as stream:
        titles = [row["title"] for row in csv.DictReader(stream)]
    chooser = random.Random(3)
    places = ["", "TX", "Austin, TX", "94301", "Seattle-Tacoma-Bellevue, WA"]
    db.execute("CREATE TABLE q(i INTEGER, title VARCHAR, years VARCHAR, location VARCHAR)")
    db.executemany(
        "INSERT INTO q VALUES (?, ?, ?, ?)",
        [
            (n, chooser.choice(titles), str(chooser.randint(0, 40)), chooser.choice(places))
            for n in range(distinct)
        ],
    )
    db.execute(
        f"CREATE TABLE postings AS SELECT r.range AS id, q.title, q.years, q.location "
        f"FROM range({rows}) r JOIN q ON q.i = r.range % {distinct}"
    )
    query = (ROOT / "examples" / "estimate.sql").read_text().rstrip().rstrip(";")
    start = time.perf_counter()
    count, priced = db.execute(f"SELECT count(*), count(salary) FROM ({query})").fetchone()  # type: ignore[misc]
    seconds = time.perf_counter() - start
    print(
        f"SQL (DuckDB), {count:,} postings     {count / seconds:12,.0f} rows/s  ({priced:,} priced)"
    )


if __name__ == "__main__":
    main()
