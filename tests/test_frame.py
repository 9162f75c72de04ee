"""Issue #17: estimate_frame is `salarycli batch` for a data frame."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pandas
import pyarrow
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import salarycli
from salarycli import batch
from salarycli.errors import BadInput
from salarycli.session import Session

ROLES = ["Civil Engineer", "Nobody", "Software Developers", "RN II", "Senior SWE", "", "Actors"]
ROLES += ["Data Engineer", "Analyst"]  # answered with alternatives
YEARS = ["4", "0", "2.9", "7+", "3-5", "2-4", "abc", "", "70", "71"]
PLACES = ["", "Texas", "Austin, TX", "CA", "Narnia", "Remote", "94301"]


def batch_records(frame: pandas.DataFrame) -> list[dict[str, Any]]:
    """What `salarycli batch --format jsonl` writes for the frame written as csv."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.astype(object).where(frame.notna(), "").itertuples(index=False))
    out = io.StringIO()
    settings_ = batch.Settings(output_format="jsonl")
    batch.run(io.BytesIO(text.getvalue().encode()), out, io.StringIO(), settings_, Session())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def frame_records(frame: pandas.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """The estimate fields of each row, as plain values (missing as None)."""
    rows = frame[columns].astype(object).where(frame[columns].notna(), None)
    return [dict(zip(columns, row, strict=True)) for row in rows.itertuples(index=False)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(ROLES), st.sampled_from(YEARS), st.sampled_from(PLACES)),
        min_size=1,
        max_size=12,
    )
)
def test_estimate_frame_equals_batch(rows: list[tuple[str, str, str]]) -> None:
    frame = pandas.DataFrame(
        {
            "id": [f"R{n}" for n in range(len(rows))],
            "role": [r for r, _, _ in rows],
            "years": [y for _, y, _ in rows],
            "location": [p for _, _, p in rows],
        }
    )
    found = salarycli.estimate_frame(frame)
    expected = batch_records(frame)
    assert list(found.columns) == list(expected[0])  # the same fields, in the same order
    estimate_columns = list(found.columns)[4:]
    plain = [{name: record[name] for name in estimate_columns} for record in expected]
    for record in plain:  # a frame holds alternatives as the JSON text batch writes in csv
        if record["estimate_alternatives"] is not None:
            record["estimate_alternatives"] = json.dumps(
                record["estimate_alternatives"], ensure_ascii=False
            )
    assert frame_records(found, estimate_columns) == plain
    assert list(found["id"]) == list(frame["id"])  # one row out per row in, in order


def test_every_field_has_its_type_whatever_a_partition_holds() -> None:
    """Dask and Spark need one schema: a field empty in a partition keeps its type."""
    empty = salarycli.estimate_frame(pandas.DataFrame({"role": ["Nobody"], "years": ["3"]}))
    full = salarycli.estimate_frame(pandas.DataFrame({"role": ["Data Analyst"], "years": ["3"]}))
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    assert (str(full.dtypes["estimate_salary"]), str(full.dtypes["estimate_multiplier"])) == (
        "Int64",
        "Float64",
    )
    assert full["estimate_alternatives"][0].startswith(
        '[{"role": "Financial Specialists, All Other"'
    )


def test_numbers_and_missing_cells_read_as_batch_reads_them() -> None:
    frame = pandas.DataFrame(
        {"role": ["Civil Engineer", "Civil Engineer", None], "years": [4, None, 3]}
    )
    found = salarycli.estimate_frame(frame)
    assert list(
        found["estimate_salary"].astype(object).where(found["estimate_salary"].notna(), None)
    ) == [
        84112,
        None,
        None,
    ]
    assert list(
        found["estimate_error"].astype(object).where(found["estimate_error"].notna(), None)
    ) == [
        None,
        "give years or level (or a seniority word in the title)",
        "the role is empty",
    ]


def test_arrow_tables_and_batches_come_back_as_they_went_in() -> None:
    table = pyarrow.table({"role": ["Civil Engineer"], "years": ["4"]})
    found = salarycli.estimate_frame(table)
    assert isinstance(found, pyarrow.Table) and found.column("estimate_salary").to_pylist() == [
        84112
    ]
    one = salarycli.estimate_frame(table.to_batches()[0])
    assert isinstance(one, pyarrow.RecordBatch) and one.num_rows == 1


def test_a_frame_without_the_role_column_is_refused() -> None:
    with pytest.raises(BadInput, match="the frame has no role column 'title'"):
        salarycli.estimate_frame(pandas.DataFrame({"x": [1]}), role="title")


def test_each_distinct_question_is_answered_once() -> None:
    frame = pandas.DataFrame({"role": ["Civil Engineer"] * 1000, "years": ["4"] * 1000})
    session = Session()
    asked = []
    original = session.answer

    def counted(*args: Any) -> Any:
        asked.append(args)
        return original(*args)

    session.answer = counted  # type: ignore[method-assign]
    from salarycli.frame import estimate_frame

    found = estimate_frame(frame, session=session)
    assert len(found) == 1000 and len(asked) == 1


def rows_for(count: int, seed: int) -> pandas.DataFrame:
    import random

    chooser = random.Random(seed)
    roles = ["Civil Engineer", "Software Developers", "Registered Nurses", "Nobody", "SWE II"]
    return pandas.DataFrame(
        {
            "id": [f"E{n:07d}" for n in range(count)],
            "role": [chooser.choice(roles) for _ in range(count)],
            "years": [str(chooser.randint(0, 30)) for _ in range(count)],
            "location": [
                chooser.choice(["TX", "Austin, TX", "", "Seattle", "Narnia"]) for _ in range(count)
            ],
        }
    )


def test_dask_on_a_local_cluster_of_two_workers_equals_batch(tmp_path: Any) -> None:
    """README's recipe: map_partitions(salarycli.estimate_frame) over a Parquet dataset of 8
    files on two worker processes gives, row for row, what `salarycli batch` gives. (The
    4M-row run is benchmarks/scale.py's.)"""
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    frame = rows_for(40_000, 17)
    folder = tmp_path / "postings"
    folder.mkdir()
    for part in range(8):
        frame.iloc[part * 5_000 : (part + 1) * 5_000].to_parquet(folder / f"part-{part}.parquet")
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        postings = dd.read_parquet(str(folder))
        meta = salarycli.estimate_frame(frame.head(50)).iloc[:0]
        found = postings.map_partitions(salarycli.estimate_frame, meta=meta).compute()
    assert postings.npartitions == 8
    expected = batch_records(frame)
    columns = list(expected[0])
    assert list(found.columns) == columns
    for record in expected:
        if record["estimate_alternatives"] is not None:
            record["estimate_alternatives"] = json.dumps(
                record["estimate_alternatives"], ensure_ascii=False
            )
    assert frame_records(found.reset_index(drop=True), columns) == expected
