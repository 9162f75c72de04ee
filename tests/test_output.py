"""The one renderer, rendered into StringIO and compared as exact text."""

from __future__ import annotations

import io
from decimal import Decimal

from salarycli.present.render import Format, default_format, format_value, render
from salarycli.present.table import Column, Pivot, View

RECORDS = [
    {
        "role": "Civil Engineer",
        "soc": "17-2051",
        "multiplier": Decimal("0.9"),
        "years": 4.0,
        "salary": 97803,
        "currency": "USD",
    },
    {
        "role": "Writer, Poet",
        "soc": None,
        "multiplier": Decimal("1"),
        "years": 2.5,
        "salary": None,
        "currency": "USD",
    },
]
VIEW = View(
    (
        Column("role", "Role"),
        Column("multiplier", "Multiplier", "multiplier"),
        Column("salary", "Salary", "money"),
    ),
    title="Two roles",
    caption="Source: test",
)


def rendered(fmt: Format, records: list[dict[str, object]] = RECORDS, **kwargs: object) -> str:
    stream = io.StringIO()
    render(records, fmt, stream, VIEW, **kwargs)  # type: ignore[arg-type]
    return stream.getvalue()


def test_csv_is_tidy_with_bare_numbers_and_empty_missing() -> None:
    assert rendered(Format.csv) == (
        "role,soc,multiplier,years,salary,currency\n"
        "Civil Engineer,17-2051,0.9,4,97803,USD\n"
        '"Writer, Poet",,1,2.5,,USD\n'
    )


def test_tsv() -> None:
    assert rendered(Format.tsv) == (
        "role\tsoc\tmultiplier\tyears\tsalary\tcurrency\n"
        "Civil Engineer\t17-2051\t0.9\t4\t97803\tUSD\n"
        "Writer, Poet\t\t1\t2.5\t\tUSD\n"
    )


def test_json_is_an_array_and_single_is_one_object() -> None:
    assert rendered(Format.json, RECORDS[:1]) == (
        '[\n  {\n    "role": "Civil Engineer",\n    "soc": "17-2051",\n    "multiplier": 0.9,\n'
        '    "years": 4,\n    "salary": 97803,\n    "currency": "USD"\n  }\n]\n'
    )
    assert rendered(Format.json, RECORDS[1:], single=True) == (
        '{\n  "role": "Writer, Poet",\n  "soc": null,\n  "multiplier": 1,\n  "years": 2.5,\n'
        '  "salary": null,\n  "currency": "USD"\n}\n'
    )


def test_empty_records() -> None:
    assert rendered(Format.csv, []) == ""
    assert rendered(Format.json, []) == "[]\n"


def test_table_formats_money_and_shows_missing() -> None:
    lines = [line.rstrip() for line in rendered(Format.table).splitlines()]
    assert lines == [
        "Two roles",
        "",
        "  Role             Multiplier    Salary",
        " ───────────────────────────────────────",
        "  Civil Engineer         0.90   $97,803",
        "  Writer, Poet           1.00       n/a",
        "",
        "Source: test",
    ]


def test_table_pivot() -> None:
    tidy = [
        {"role": r, "level": lv, "salary": s, "currency": "USD"}
        for r, lv, s in [("A", "Low", 1000), ("A", "High", 2000), ("B", "Low", 1500)]
    ]
    stream = io.StringIO()
    render(
        tidy,
        Format.table,
        stream,
        View((Column("role", "Role"),), pivot=Pivot(("role",), "level", "salary")),
    )
    assert [line.rstrip() for line in stream.getvalue().splitlines()] == [
        "",
        "  Role      Low     High",
        " ────────────────────────",
        "  A      $1,000   $2,000",
        "  B      $1,500      n/a",
        "",
    ]


def test_format_value() -> None:
    assert format_value(142495, "money") == "$142,495"
    assert format_value(-25513, "signed_money") == "-$25,513"
    assert format_value(0, "signed_money") == "$0"
    assert format_value(100, "signed_money") == "+$100"
    assert format_value(5000, "money", "EUR") == "5,000 EUR"
    assert format_value(Decimal("1.1"), "multiplier") == "1.10"
    assert format_value(None, "money") == "n/a"
    assert format_value(4.0, "number") == "4"


def test_default_format_is_tsv_off_a_terminal() -> None:
    assert default_format(io.StringIO()) is Format.tsv
