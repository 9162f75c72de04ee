"""Issue #9: the shape. A data source is one class and one registration; every command writes
through one output path whose columns are fixed by the first record; views render into a
StringIO; a session holds its own state, in bounded caches."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salarycli import sources
from salarycli.core import memo
from salarycli.core.records import Place, Source, Wages
from salarycli.errors import UnknownRole
from salarycli.present import views
from salarycli.present.render import Format, Writer, render
from salarycli.session import Session
from salarycli.sources.bundled import load_bundled
from tests.conftest import run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# --- a new data source: one class, one registration ---------------------------------------------


class Counties:
    """A stand-in for a county wage survey: one county with a Civil Engineer mean, one without."""

    kinds: tuple[str, ...] = ("county",)

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def places(self) -> list[Place]:
        return [
            Place(code="C1", name="Test County, CA", kind="county", state_code="06"),
            Place(code="C2", name="Empty County, CA", kind="county", state_code="06"),
        ]

    def wages(self, place: Place, soc: str) -> Wages | None:
        if place.code == "C1" and soc == "17-2051":
            return Wages(1200, 200000, None, None, None, None, None)
        return None


@pytest.fixture
def county_source(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    label = Source(id="test-counties", label="Test county survey", publisher="t", title="t")
    monkeypatch.setitem(load_bundled().sources, "test-counties", label)
    monkeypatch.setitem(sources.REGISTRY, "test-counties", Counties)
    sources.registered.cache_clear()
    sources.load_places.cache_clear()
    yield
    monkeypatch.undo()
    sources.registered.cache_clear()
    sources.load_places.cache_clear()


def test_a_registered_source_is_found_priced_and_credited(county_source: None) -> None:
    result = run(
        "estimate", "Civil Engineer", "--years", "8", "-L", "Test County, CA", "-f", "json"
    )
    record = json.loads(result.stdout)
    assert (result.exit_code, record["location"], record["location_basis"]) == (
        0,
        "Test County, CA",
        "county",
    )
    # Experienced (multiplier 1.00) x 108,670 x 200,000 / 108,670
    assert (record["salary"], record["location_factor"]) == (200000, 1.840434)
    assert record["source"] == "BLS OEWS May 2025; Test county survey"
    listed = run("locations", "test county", "-f", "csv")
    assert listed.stdout.splitlines()[1] == '"Test County, CA",county,C1,,,,,USD'


def test_a_registered_source_falls_back_to_the_state_its_place_is_in(county_source: None) -> None:
    result = run(
        "estimate", "Civil Engineer", "--years", "8", "-L", "Empty County, CA", "-f", "json"
    )
    record = json.loads(result.stdout)
    assert (record["location_basis"], record["salary"]) == ("state", 127870)  # California's p55
    assert record["note"] == (
        "BLS published no annual mean wage for SOC 17-2051 in Empty County, CA; "
        "using California (state)"
    )


# --- views into a StringIO ---------------------------------------------------------------------


def test_the_estimate_view_renders_into_a_stringio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    session = Session()
    answer = session.ask("Civil Engineer", session.level("8", None), "CA", None)
    records, view = views.estimate(answer, explain=False)
    out = io.StringIO()
    render(records, Format.table, out, view)
    assert out.getvalue().splitlines()[0] == (
        "Civil Engineer with 8 years in California: $127,870 at Experienced, the 55th percentile "
        "of pay for Civil Engineers; mean there $124,540 ($108,670 x 1.1460)"
    )
    assert [line.rstrip() for line in out.getvalue().splitlines()[2:]] == [
        "  Level         Years   Multiplier     Salary   Civil Engineers market p25-p75",
        " ──────────────────────────────────────────────────────────────────────────────",
        "  Experienced   6-10          1.03   $127,870                 $96,590-$149,350",
        "",
        "Location: California, state figures for SOC 17-2051, factor 1.1460",
        "Experienced spans $114,727-$136,999 here: halfway to the levels either side",
        "Confidence: high, by BLS's relative standard errors of the figures it rests on (high: "
        "mean wage within 5% and employment within 10%; medium: 10% and 25%)",
        "Source: BLS OEWS May 2025",
    ]


def test_the_ladder_view_is_every_level() -> None:
    session = Session()
    records, view = views.estimate(session.ask("Civil Engineer", None, None, None), False)
    assert [(r["level"], r["salary"]) for r in records] == [
        ("Entry Level", 76033),
        ("Mid Level", 84112),
        ("Experienced", 106608),
        ("Senior", 126219),
        ("Veteran", 160984),
    ]
    assert view.title == (
        "Civil Engineer: each level a percentile of pay for Civil Engineers; mean $108,670"
    )
    assert view.caption.splitlines()[0] == (
        "Civil Engineers market, 25th-75th percentile: $79,930-$129,680"
    )
    assert view.caption.splitlines()[1].startswith("Confidence: high, by BLS's")


# --- the one output path -----------------------------------------------------------------------


def test_csv_columns_are_the_first_records_never_a_later_ones_keys() -> None:
    out = io.StringIO()
    render([{"a": 1, "b": "x,y"}, {"b": 3, "c": 4}, {"a": None}], Format.csv, out)
    assert out.getvalue() == 'a,b\n1,"x,y"\n,3\n,\n'


def test_records_are_written_as_they_come() -> None:
    out = io.StringIO()
    writer = Writer(Format.jsonl, out)
    writer.write({"a": 1})
    writer.flush()
    assert out.getvalue() == '{"a": 1}\n'  # before the stream ends
    writer.write({"a": 2})
    writer.close()
    assert out.getvalue() == '{"a": 1}\n{"a": 2}\n'


# floats are left out: plain() writes a whole float as an int on purpose (4.0 -> 4)
values = st.one_of(st.none(), st.integers(), st.text(), st.booleans())
records = st.lists(
    st.dictionaries(st.text(min_size=1, max_size=8), values, min_size=1, max_size=5), max_size=6
)


@given(records)
def test_streamed_json_is_what_json_dumps_writes(rows: list[dict[str, object]]) -> None:
    out = io.StringIO()
    render(rows, Format.json, out)
    assert out.getvalue() == json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    compact = io.StringIO()
    writer = Writer(Format.json, compact, compact=True)
    for row in rows:
        writer.write(row)
    writer.close()
    assert json.loads(compact.getvalue()) == rows


@given(st.dictionaries(st.text(min_size=1, max_size=8), values, min_size=1, max_size=6), st.data())
def test_a_record_around_one_field_is_the_record(
    row: dict[str, object], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(sorted(row)))
    for fmt in (Format.csv, Format.tsv, Format.jsonl):
        writer = Writer(fmt, io.StringIO(), fields=list(row))
        before, after = writer.around(row, name)
        assert before + writer.value(row[name]) + after == writer.text(row)


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (
            ["estimate", "Civil Engineer", "-y", "3", "-f", "xml"],
            "'table', 'json', 'jsonl', 'csv', 'tsv'",
        ),
        (["batch", "-f", "table"], "'csv', 'tsv', 'jsonl', 'json'"),
        (["data", "export", "-f", "xml"], "'table', 'json', 'jsonl', 'csv', 'tsv'"),
    ],
)
def test_each_command_offers_its_formats_of_the_one_enum(args: list[str], choices: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert f"is not one of {choices}" in result.stderr


def test_data_export_and_info_write_through_the_output_path() -> None:
    exported = run("data", "export", "--what", "levels", "-f", "jsonl").stdout.splitlines()
    assert (
        exported[0]
        == '{"level": "Entry Level", "min_years": 0, "max_years": 2, "multiplier": 0.75, "percentile": 20}'
    )
    info = json.loads(run("data", "info", "-f", "json").stdout)
    assert info["counts"] == {
        "roles": 831,
        "levels": 5,
        "places": 612,
        "aliases": 1539,
        "titles": 55409,
    }


# --- explicit state ----------------------------------------------------------------------------


def test_sessions_do_not_share_data() -> None:
    theirs = Session(path=str(EXAMPLES / "company-bands"))
    assert theirs.estimate("Platform Engineer", years="4").salary == 165000  # its own ladder
    with pytest.raises(UnknownRole):
        Session().estimate("PE", years="4")  # their alias; in the bundled data, no title
    assert theirs.estimate("Platform Engineer", years="4").salary == 165000


def test_session_caches_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "CACHE_LIMIT", 5)
    session = Session()
    socs = [role.soc for role in session.data.roles if role.soc][:40]
    for soc in socs:
        session.match(soc)
        session.place(None, None)
    assert 0 < len(session._match_of) <= 5
