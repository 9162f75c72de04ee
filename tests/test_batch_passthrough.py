"""Issue #14: batch keeps what the user typed. Every input column passes through unchanged, in
place, on good and failed rows; `query` is always the role as typed. Issue #27: the estimate
fields' names are the same whatever the input's header: "estimate_" before each (an input
column already named so, an earlier batch's output, gives way to this run's, with a warning)."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salarycli import batch
from salarycli.batch.answers import named, output_fields
from salarycli.session import Session
from tests.conftest import run

FIELDS = list(output_fields(False))
NAMES = ["estimate_" + field for field in FIELDS]


def rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_an_hr_export_keeps_every_column_on_good_and_failed_rows() -> None:
    text = (
        "Employee ID,Job Title,Years of Experience,Work Location,Salary\n"
        "E1,civil engineer,4,Texas,90000\n"
        "E2,Chief Vibes Officer,3,CA,1\n"
        "E3,Registered Nurse,5 yrs,Narnia,\n"
    )
    result = run("batch", input=text)
    assert result.exit_code == 1
    header, *body = rows(result.stdout)
    assert header == [
        "Employee ID",
        "Job Title",
        "Years of Experience",
        "Work Location",
        "Salary",
        *NAMES,
    ]
    assert [row[:5] for row in body] == [
        ["E1", "civil engineer", "4", "Texas", "90000"],
        ["E2", "Chief Vibes Officer", "3", "CA", "1"],
        ["E3", "Registered Nurse", "5 yrs", "Narnia", ""],
    ]
    estimates = [dict(zip(FIELDS, row[5:], strict=True)) for row in body]
    assert [(e["role"], e["salary"], e["location"], e["query"]) for e in estimates] == [
        ("Civil Engineer", "81132", "Texas", "civil engineer"),
        ("", "", "", "Chief Vibes Officer"),
        ("", "", "", "Registered Nurse"),
    ]
    assert estimates[2]["error"] == "unknown location 'Narnia' (salarycli locations lists them)"
    # a failed row's estimate fields are empty but for query and error
    assert {k: v for k, v in estimates[1].items() if v} == {
        "query": "Chief Vibes Officer",
        "error": estimates[1]["error"],
    }


def test_the_names_are_the_same_whatever_the_header() -> None:
    """The same fields, named alike, from a header with `role`, `Salary` and `location`, and
    from one with none of them; jq reads `.estimate_salary` from either."""
    assert named(("role", "salary", "error")) == {
        "role": "estimate_role",
        "salary": "estimate_salary",
        "error": "estimate_error",
    }
    plain = rows(run("batch", "-y", "4", input="title\nCivil Engineer\n").stdout)[0]
    crowded = "role,Salary,location,ERROR\nCivil Engineer,1,Texas,x\n"
    header = rows(run("batch", "-y", "4", input=crowded).stdout)[0]
    assert (plain[1:], header[4:]) == (NAMES, NAMES)


def test_an_earlier_batchs_output_read_again_gives_way_with_a_warning() -> None:
    """An input column named as an estimate field (in any case) is an earlier batch's output:
    it gives way to this run's, so that no output has two columns of one name, and stderr says
    so; the rows of such an input are read one by one (no line is written as it came)."""
    first = run("batch", "-y", "4", input="id,role\n7,Civil Engineer\n8,Nobody\n").stdout
    again = run("batch", "-y", "5", input=first)
    header, good, bad = rows(again.stdout)
    assert header == ["id", "role", *NAMES]
    assert (good[:3], good[2 + FIELDS.index("years")]) == (
        ["7", "Civil Engineer", "Civil Engineer"],
        "5",
    )
    assert (bad[:3], bad[-1]) == (
        ["8", "Nobody", ""],
        "unknown role 'Nobody' (salarycli roles lists them)",
    )
    assert again.stderr.splitlines() == [
        "salarycli: warning: the input already has 'estimate_role', 'estimate_soc', "
        "'estimate_level' and 24 more, named as batch's own output; this run's estimate takes "
        "their place",
        "salarycli: line 3: unknown role 'Nobody' (salarycli roles lists them)",
        "salarycli: 1 estimated, 1 failed: unknown role",
    ]
    one = run("batch", "-y", "4", input="role,Estimate_Salary \nCivil Engineer,1\n")
    assert rows(one.stdout)[0] == ["role", *NAMES]
    assert one.stderr.splitlines()[0] == (
        "salarycli: warning: the input already has 'Estimate_Salary ', named as batch's own "
        "output; this run's estimate takes its place"
    )


def test_jsonl_records_keep_their_keys_and_values_as_they_were() -> None:
    text = (
        '{"title": "Civil Engineer", "yoe": 4, "tags": ["x"], "location": null}\n'
        '{"title": "Nobody", "yoe": "3", "salary": 5}\n'
    )
    result = run("batch", "--input-format", "jsonl", input=text)
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert list(first)[:5] == ["title", "yoe", "tags", "location", "estimate_role"]
    assert (first["yoe"], first["tags"], first["location"]) == (4, ["x"], None)
    assert (first["estimate_location"], first["estimate_salary"]) == ("United States", 84112)
    assert (second["salary"], second["estimate_salary"], second["estimate_query"]) == (
        5,
        None,
        "Nobody",
    )
    # a later record with a key named as an estimate field: the estimate's value, a warning
    clash = '{"role": "Civil Engineer", "years": 4}\n{"role": "x", "years": 4, "ESTIMATE_SOC": 1}\n'
    result = run("batch", "--input-format", "jsonl", input=clash)
    later = json.loads(result.stdout.splitlines()[1])
    assert list(later) == ["role", "years", *NAMES]
    assert result.stderr.splitlines()[1] == (
        "salarycli: warning: line 2 already has 'ESTIMATE_SOC', named as batch's own output; "
        "this run's estimate takes its place"
    )


def test_csv_to_tsv_and_json_keep_the_cells() -> None:
    text = 'id,role,years\n"a\tb",Civil Engineer,4\n"c, d",Nobody,4\n'
    header, good, bad = rows(run("batch", "-f", "tsv", input=text).stdout, "\t")
    assert (good[:3], bad[:3]) == (["a\tb", "Civil Engineer", "4"], ["c, d", "Nobody", "4"])
    assert header[3] == "estimate_role"
    document = json.loads(run("batch", "-f", "json", input=text).stdout)
    assert [(r["id"], r["role"], r["years"], r["estimate_years"]) for r in document] == [
        ("a\tb", "Civil Engineer", "4", 4),
        ("c, d", "Nobody", "4", None),
    ]


def test_safe_csv_guards_the_input_cells_too() -> None:
    out = run("batch", "--safe-csv", "-y", "4", input="role,note\nCivil Engineer,=1+1\n").stdout
    assert rows(out)[1][:2] == ["Civil Engineer", "'=1+1"]


def test_lines_input_has_no_columns_of_its_own() -> None:
    header, row = rows(
        run("batch", "--input-format", "lines", "-y", "4", input="civil engineer\n").stdout, "\t"
    )
    assert header == NAMES
    assert (row[0], row[FIELDS.index("query")]) == ("Civil Engineer", "civil engineer")


def test_a_repeated_line_and_a_new_line_write_the_same_cells() -> None:
    """The known-line cache writes a line met again from memory, its cells included."""
    text = "id,role,years\n1,Civil Engineer,4\n1,Civil Engineer,4\n2,Nobody,4\n2,Nobody,4\n"
    out = rows(run("batch", input=text).stdout)
    assert out[1] == out[2] and out[3] == out[4]
    assert out[1][:4] == ["1", "Civil Engineer", "4", "Civil Engineer"]
    assert out[3][:4] == ["2", "Nobody", "4", ""]


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0\r"),
    max_size=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(cells, st.sampled_from(["Civil Engineer", "Nobody", "SWE", ""]), cells),
        max_size=8,
    ),
    st.booleans(),
)
def test_any_cells_pass_through_unchanged(records: list[tuple[str, str, str]], split: bool) -> None:
    """Whatever the cells hold (quotes, commas, line breaks, tabs), each output row begins with
    its input row's cells, as csv reads them, split by salarycli or by csv.reader."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([("id", "role", "years"), *records])
    data = buffer.getvalue().encode()
    expected = [list(row) for row in csv.reader(io.StringIO(buffer.getvalue()))][1:]
    expected = [row for row in expected if row != [] and row != [""]]  # blank lines are skipped
    written = io.StringIO()
    old, batch.SPLIT = batch.SPLIT, split
    try:
        batch.run(io.BytesIO(data), written, io.StringIO(), batch.Settings(), Session())
    finally:
        batch.SPLIT = old
    header, *out = rows(written.getvalue())
    assert header[:4] == ["id", "role", "years", "estimate_role"]
    assert [row[:3] for row in out] == [row + [""] * (3 - len(row)) for row in expected]
    assert [row[3 + FIELDS.index("query")] for row in out] == [
        row[1].strip() if len(row) > 1 else "" for row in expected
    ]


def test_quoted_lines_whether_written_as_they_came_or_rewritten() -> None:
    """A quoted line the writer would write as it is goes out as it came; one quoted otherwise
    goes out with the same cells, quoted as csv.writer quotes them; each is the same when met
    again (from memory) as the first time."""
    text = (
        'id,role,years\n"a,b",Civil Engineer,4\n"a,b",Civil Engineer,4\n'
        '"1","Civil Engineer","4"\n"1","Civil Engineer","4"\n'
        '"x\r\ny",Civil Engineer,4\r\n"x\r\ny",Civil Engineer,4\r\n'
    )
    written = io.StringIO(newline="")
    batch.run(io.BytesIO(text.encode()), written, io.StringIO(), batch.Settings(), Session())
    lines = written.getvalue().split("\n")
    assert lines[1] == lines[2] and lines[1].startswith('"a,b",Civil Engineer,4,Civil Engineer,')
    assert lines[3] == lines[4] and lines[3].startswith("1,Civil Engineer,4,Civil Engineer,")
    out = rows(written.getvalue())
    assert [row[:4] for row in out[5:]] == [["x\r\ny", "Civil Engineer", "4", "Civil Engineer"]] * 2


def test_twice_knows_a_line_met_before() -> None:
    from salarycli.batch.lines import Twice

    twice = Twice()
    assert [twice.again(line) for line in ("a", "b", "a", "a", "c", "b")] == [
        False,
        False,
        True,
        True,
        False,
        True,
    ]
    twice.count = Twice.FULL  # full: emptied before the next line is marked
    assert (twice.again("d"), twice.again("a"), twice.again("d")) == (False, False, True)


def test_rows_that_never_repeat_are_answered_alike_past_the_trial() -> None:
    """Past TRIAL distinct lines, none met again, lines are remembered only when met twice:
    every row's output is the same as when it is the only row."""
    roles = ["Civil Engineer", "Nobody", "Registered Nurses", '"Actors, x"']
    body = [f"E{n},{roles[n % 4]},{n % 30}" for n in range(batch.TRIAL + 600)]
    body += body[-300:]  # met twice, once past the trial
    text = "id,role,years\n" + "\n".join(body) + "\n"
    written = io.StringIO()
    batch.run(io.BytesIO(text.encode()), written, io.StringIO(), batch.Settings(), Session())
    out = written.getvalue().splitlines()
    assert len(out) == len(body) + 1
    for index in (0, 1, 2, 3, batch.TRIAL + 5, len(body) - 1):
        alone = io.StringIO()
        one = "id,role,years\n" + body[index] + "\n"
        batch.run(io.BytesIO(one.encode()), alone, io.StringIO(), batch.Settings(), Session())
        assert out[index + 1] == alone.getvalue().splitlines()[1]
    assert out[-300:] == out[-600:-300]
