"""Run README's Spark recipe on a local Spark and check it against `salarycli batch`.

    pip install pyspark          # and a Java runtime (17 here: Debian's openjdk-17-jre)
    python scripts/spark_check.py [--rows N]

Writes N generated postings (default 200,000) as Parquet, prices them with
`mapInPandas(salarycli.estimate_frame)` on local[2], and requires every row to equal what
`salarycli batch` writes for the same rows (encoded as batch encodes csv). Not part of CI: it
needs pyspark (about 320 MB) and a JVM; benchmarks/RESULTS.md records its runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import batch_lines, encoded, postings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    options = parser.parse_args()
    from pyspark.sql import SparkSession

    import salarycli

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        frame = postings(options.rows, 5_000, seed=19)
        frame.to_parquet(work / "postings.parquet")  # type: ignore[attr-defined]
        frame.to_csv(work / "postings.csv", index=False)  # type: ignore[attr-defined]
        expected = batch_lines(work / "postings.csv")
        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        data = spark.read.parquet(str(work / "postings.parquet"))
        sample = salarycli.estimate_frame(data.limit(100).toPandas())
        schema = spark.createDataFrame(sample).schema

        def priced(batches):  # type: ignore[no-untyped-def]
            for batch in batches:
                yield salarycli.estimate_frame(batch)

        start = time.perf_counter()
        out = work / "priced"
        data.mapInPandas(priced, schema=schema).write.parquet(str(out))
        seconds = time.perf_counter() - start
        import pandas

        found = pandas.read_parquet(out).sort_values("id").reset_index(drop=True)
        spark.stop()
    same = encoded(found) == expected
    print(
        f"Spark local[2], {options.rows:,} rows: {options.rows / seconds:,.0f} rows/s, "
        f"equal to batch row for row: {same}"
    )
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
