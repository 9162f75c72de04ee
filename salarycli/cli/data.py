"""`salarycli data`: what data is loaded; check or export datasets."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from salarycli import datasets
from salarycli.cli.examples import epilog
from salarycli.cli.options import FormatOption, format_option
from salarycli.cli.show import output, say, show, writing
from salarycli.errors import BadInput
from salarycli.present import data_views
from salarycli.present.render import EXPORT_FORMATS, Format, Writer, plain
from salarycli.present.table import Column, View
from salarycli.session import Session

app = typer.Typer(
    cls=TyperGroup,
    no_args_is_help=True,
    help="What data is loaded; check or export datasets.",
    epilog=epilog("data"),
)


class DataTable(StrEnum):
    roles = "roles"
    levels = "levels"
    places = "places"
    wages = "wages"
    titles = "titles"
    place_index = "place-index"
    model = "model"


# The estimator as tables (examples/estimate.sql joins them): --what model writes each
MODEL = (
    DataTable.roles,
    DataTable.levels,
    DataTable.wages,
    DataTable.titles,
    DataTable.place_index,
)


@app.command("validate", epilog=epilog("data validate"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(metavar="PATH", help="A folder of csv files, or a .json or .toml file."),
    ],
) -> None:
    """Check a dataset and say "ok" or list every problem (exit 3). Nothing else runs."""
    found = datasets.checked(Path(path))
    session: Session = ctx.obj
    session.warnings = found.warnings
    levels = len(found.levels) if found.levels else 0
    with writing():
        output().write(f"ok: {len(found.roles)} roles, {levels} levels\n")


@app.command("info", epilog=epilog("data info"))
def info(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """What is loaded: the sources, their dates and checksums, and how many of everything."""
    session: Session = ctx.obj
    data = session.data
    counts = {
        "roles": len(data.roles),
        "levels": len(data.levels),
        "places": len(datasets.places()),
        "aliases": len(session.aliases()),
        "titles": len(session.role_index().table()),
    }
    as_json = fmt is Format.json
    records, view = data_views.data_info(
        data, counts, session.path, session.only, session.user_counts, as_json
    )
    show(records, view, fmt, single=as_json)


INDEX = ("key", "kind", "name", "area_code", "state_code")


@app.command("export", epilog=epilog("data export"))
def export(
    ctx: typer.Context,
    what: Annotated[
        DataTable,
        typer.Option(
            "--what",
            "-w",
            help="Which table: wages is BLS's state and metro figures (area codes and names, "
            "annual and hourly), to join in DuckDB or pandas; titles the title index, "
            "place-index every name a US place answers to; model all five (roles, levels, "
            "wages, titles, place-index) into a folder: the estimator as tables, "
            "examples/estimate.sql.",
            case_sensitive=False,
        ),
    ] = DataTable.roles,
    fmt: Annotated[Format | None, format_option(EXPORT_FORMATS, "Default: csv.")] = None,
    parquet: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Write the table to FILE as Parquet (DuckDB, Polars and Spark read it "
            "fastest; with --what model, a folder); needs pyarrow: pip install "
            "'salarycli\\[parquet]'.",
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            metavar="DIR",
            help="With --what model: the folder to write its tables to, as csv.",
        ),
    ] = None,
) -> None:
    """The loaded data as a tidy table, for DuckDB, pandas or a spreadsheet; an exported roles
    csv reads back in as --data."""
    session: Session = ctx.obj
    if what is DataTable.model:
        _export_model(session, out, parquet, fmt)
        return
    if out is not None:
        raise BadInput("--out DIR is for --what model: give --parquet FILE, or redirect stdout")
    records, view = _table(what, session)
    if parquet is not None:
        if fmt is not None:
            raise BadInput("give --format or --parquet, not both")
        rows = write_parquet(records, parquet)
        say(f"salarycli: {rows:,} rows written to {parquet}")
        return
    show(records, view, fmt or Format.csv)


def _table(what: DataTable, session: Session) -> tuple[Iterable[dict[str, Any]], View]:
    """One exported table's records (the wages streamed, not held) and its view."""
    if what is DataTable.wages:  # 222,000 rows: streamed, not held
        view = View([Column(name, name) for name in data_views.WAGE_EXPORT_FIELDS])
        return data_views.wage_records(datasets.wage_rows()), view
    if what in (DataTable.titles, DataTable.place_index):
        name = "titles.csv" if what is DataTable.titles else "us_places.csv"
        table = datasets.bundled_rows(name)
        records = (
            data_views.title_records(table)
            if what is DataTable.titles
            else data_views.place_index_records(datasets.places(), table)
        )
        fields = ("title", "role", "others", "basis") if what is DataTable.titles else INDEX
        return records, View([Column(field, field) for field in fields])
    return data_views.export(what.value, session.data, datasets.places())


def _export_model(
    session: Session, out: str | None, parquet: str | None, fmt: Format | None
) -> None:
    """--what model: each table of MODEL into a folder, as csv (--out DIR) or Parquet
    (--parquet DIR), named as examples/estimate.sql names them."""
    import os

    if fmt is not None or (out is None) == (parquet is None):
        raise BadInput("--what model writes a folder: give --out DIR (csv) or --parquet DIR")
    folder = out or parquet or ""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise BadInput(f"cannot write {folder!r}: {error.strerror}") from None
    for what in MODEL:
        records, _ = _table(what, session)
        name = os.path.join(folder, what.value.replace("-", "_"))
        if parquet is not None:
            write_parquet(records, name + ".parquet")
            continue
        try:
            with open(name + ".csv", "w", encoding="utf-8", newline="") as stream:
                writer = Writer(Format.csv, stream)  # every field, as stdout gets them
                for record in records:
                    writer.write(record)
                writer.close()
        except OSError as error:
            raise BadInput(f"cannot write {name + '.csv'!r}: {error.strerror}") from None
    kind = "Parquet" if parquet is not None else "csv"
    say(f"salarycli: {len(MODEL)} tables written to {folder} as {kind}")


def write_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    """`records` as a Parquet file at `path` (values as the machine formats write them); the
    number of rows. pyarrow is an optional extra, imported only here."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise BadInput(
            "Parquet needs pyarrow, which is not installed: pip install 'salarycli[parquet]'"
        ) from None
    rows = [{key: plain(value) for key, value in record.items()} for record in records]
    try:
        pq.write_table(pa.Table.from_pylist(rows), path)
    except OSError as error:
        raise BadInput(f"cannot write {path!r}: {error}") from None
    return len(rows)
