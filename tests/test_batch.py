"""Issue #4: `salarycli batch` and `estimate -`: one output record per input record, in order."""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from salarycli import batch
from salarycli.batch.answers import Answers
from salarycli.cli import app
from salarycli.session import Session
from tests.conftest import run, start_batch, stop_a_running_batch

SCRIPT = str(Path(sys.executable).parent / "salarycli")
ESTIMATE_FIELDS = (
    "role,soc,level,years,multiplier,base_salary,salary,currency,source,level_years,location,"
    "location_type,location_basis,location_factor,p25,p75,market_soc,note,matched_by,query,alternatives,at_least,percentile,confidence,level_low,level_high,error"
)


def estimate_fields() -> list[str]:
    """The estimate fields' names in batch's output, whatever the input's columns."""
    return ["estimate_" + field for field in ESTIMATE_FIELDS.split(",")]


def feed(data: str | bytes, *args: str) -> Result:
    """salarycli batch in-process, with `data` on stdin."""
    return CliRunner().invoke(app, ["batch", *args], input=data, catch_exceptions=False)


def rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


MIXED = (
    "role,years,team\n"
    "Civil Engineer,4,infra\n"
    "Nobody,3,x\n"
    '"Software Developers",12,"a, b"\n'
    "\n"
    "Machine Learning Engineer,abc,ml\n"
    "civil engineers,2.9,infra\n"
    "Actors,5,stage\n"
)


def test_mixed_records_one_output_each_in_order() -> None:
    result = feed(MIXED)
    assert result.exit_code == 1
    out = rows(result.stdout)
    # every input column passes through, in place and unchanged; then the estimate fields
    assert list(out[0]) == ["role", "years", "team", *estimate_fields()]
    assert [
        (
            r["role"],
            r["years"],
            r["team"],
            r["estimate_role"],
            r["estimate_salary"],
            r["estimate_error"],
        )
        for r in out
    ] == [
        ("Civil Engineer", "4", "infra", "Civil Engineer", "84112", ""),
        ("Nobody", "3", "x", "", "", "unknown role 'Nobody' (salarycli roles lists them)"),
        ("Software Developers", "12", "a, b", "Software Developers", "167660", ""),
        (
            "Machine Learning Engineer",
            "abc",
            "ml",
            "",
            "",
            "the years column ('years') must be a number from 0 to 70, got 'abc'",
        ),
        ("civil engineers", "2.9", "infra", "Civil Engineer", "76033", ""),
        ("Actors", "5", "stage", "", "", out[5]["estimate_error"]),
    ]
    assert out[5]["estimate_error"].startswith("BLS publishes only hourly wages for SOC 27-2011")
    # a failed record: the input as typed, `query` the role as typed, no estimate fields
    assert [r["estimate_query"] for r in out] == [
        "Civil Engineer",
        "Nobody",
        "Software Developers",
        "Machine Learning Engineer",
        "civil engineers",
        "Actors",
    ]
    assert {name: out[1][name] for name in estimate_fields()} == {
        **dict.fromkeys(estimate_fields(), ""),
        "estimate_query": "Nobody",
        "estimate_error": "unknown role 'Nobody' (salarycli roles lists them)",
    }
    assert result.stderr.splitlines() == [
        "salarycli: line 3: unknown role 'Nobody' (salarycli roles lists them)",
        "salarycli: line 6: the years column ('years') must be a number from 0 to 70, got 'abc'",
        f"salarycli: line 8: {out[5]['estimate_error']}",
        "salarycli: 3 estimated, 3 failed: 1 unknown role, 1 the years column must be a number "
        "from 0 to 70, 1 BLS publishes only hourly wages",
    ]


def test_all_good_is_exit_0_with_a_summary() -> None:
    result = feed("role,years\nCivil Engineer,4\n")
    assert (result.exit_code, result.stderr) == (0, "salarycli: 1 estimated, 0 failed\n")


def test_results_equal_estimate_for_every_row_of_a_sample(data) -> None:  # type: ignore[no-untyped-def]
    """Each batch record is exactly what `estimate --format json` says for the same question."""

    questions = [
        ("Machine Learning Engineer", "4", ""),
        ("Civil Engineer", "8", "CA"),
        ("Software Developers", "0", "San Jose"),
        ("17-2051", "25.5", "Elizabethtown"),
        ("Registered Nurses", "11", "TX"),
        ("Chief Executives", "70", "Houston"),
        (data.roles[400].role, "3", ""),
        (data.roles[800].role, "19.99", "NY"),
    ]
    text = "role,years,location\n" + "".join(f'"{r}",{y},"{p}"\n' for r, y, p in questions)
    produced = [json.loads(line) for line in feed(text, "-f", "jsonl").stdout.splitlines()]
    for (role, years, place), record in zip(questions, produced, strict=True):
        args = ["estimate", role, "-y", years, "-f", "json"] + (["-L", place] if place else [])
        expected = json.loads(run(*args).stdout)
        own = {"role": role, "years": years, "location": place}  # as typed, then the estimate
        renamed = {"estimate_" + k: v for k, v in expected.items()}
        assert record == {**own, **renamed, "estimate_error": None}
        assert list(record) == [*own, *renamed, "estimate_error"]


@pytest.mark.parametrize(
    ("args", "data", "delimiter"),
    [
        (["--input-format", "tsv"], "role\tyears\nCivil Engineer\t4\n", "\t"),
        (["--input-format", "csv", "-f", "tsv"], "role,years\nCivil Engineer,4\n", "\t"),
        (["--input-format", "lines", "-y", "4"], "Civil Engineer\n\n", "\t"),
        (["--input-format", "lines", "-y", "4", "-f", "csv"], "  Civil Engineer  \n", ","),
    ],
)
def test_input_and_output_formats(args: list[str], data: str, delimiter: str) -> None:
    result = feed(data, *args)
    assert result.exit_code == 0
    (record,) = rows(result.stdout, delimiter)
    assert (record["estimate_role"], record["estimate_level"], record["estimate_salary"]) == (
        "Civil Engineer",
        "Mid Level",
        "84112",
    )


def test_jsonl_in_jsonl_out_keeps_other_keys() -> None:
    data = '{"id": 7, "Role": "Civil Engineer", "years": 4, "tags": ["a"]}\n\nnot json\n[1]\n{"role": "Civil Engineer", "level": "senior"}\n'
    result = feed(data, "--input-format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4 and result.exit_code == 1
    assert (lines[0]["id"], lines[0]["tags"], lines[0]["estimate_salary"], lines[0]["years"]) == (
        7,
        ["a"],
        84112,
        4,
    )
    assert lines[1]["estimate_error"].startswith("not valid JSON (Expecting value)")
    assert lines[2]["estimate_error"] == "not a JSON object"
    assert (lines[3]["level"], lines[3]["estimate_level"], lines[3]["estimate_salary"]) == (
        "senior",
        "Senior",
        126219,
    )
    assert (lines[0]["Role"], lines[0]["estimate_role"]) == ("Civil Engineer", "Civil Engineer")
    assert "salarycli: line 3: not valid JSON" in result.stderr


def test_json_output_is_one_array() -> None:
    result = feed("role,years\nCivil Engineer,4\nNobody,1\n", "-f", "json")
    document = json.loads(result.stdout)
    assert [(r["role"], r["estimate_salary"]) for r in document] == [
        ("Civil Engineer", 84112),
        ("Nobody", None),
    ]
    assert json.loads(feed("role,years\n", "-f", "json").stdout) == []


def test_bom_crlf_quoted_newlines_and_case_insensitive_columns() -> None:
    data = '\ufeffROLE,Years,Note\r\nCivil Engineer,4,"two\r\nlines"\r\n"Software Developers, ",1,x\r\n'.encode()
    result = feed(data)
    assert result.exit_code == 0
    written = io.StringIO(newline="")  # (CliRunner's stdout folds CRLF: read the bytes as written)
    batch.run(io.BytesIO(data), written, io.StringIO(), batch.Settings(), Session())
    out = rows(written.getvalue())
    assert [(r["ROLE"], r["Note"], r["estimate_role"], r["estimate_salary"]) for r in out] == [
        ("Civil Engineer", "two\r\nlines", "Civil Engineer", "84112"),
        ("Software Developers, ", "x", "Software Developers", "97627"),  # its 20th percentile
    ]


def test_defaults_fill_columns_the_input_lacks() -> None:
    out = rows(feed("role\nCivil Engineer\n", "--years", "8", "--location", "CA").stdout)
    assert (out[0]["estimate_salary"], out[0]["estimate_location"]) == ("127870", "California")
    # a level column present: --years does not apply, and an empty cell is a record error
    result = feed("role,level\nCivil Engineer,senior\nCivil Engineer,\n", "--years", "8")
    out = rows(result.stdout)
    assert (out[0]["level"], out[0]["estimate_level"], out[1]["estimate_error"]) == (
        "senior",
        "Senior",
        "give years or level (or a seniority word in the title)",
    )


def test_short_and_long_rows() -> None:
    result = feed("role,years,team\nCivil Engineer,4\nCivil Engineer,4,a,b\n")
    out = rows(result.stdout)
    assert (out[0]["estimate_salary"], out[0]["team"]) == ("84112", "")
    assert out[1]["estimate_error"] == "4 fields, but the header has 3"


@pytest.mark.parametrize(
    ("data", "args", "message"),
    [
        ("", [], "the input is empty: no header row"),
        ("\n\n", [], "the input is empty: no header row"),
        ("", ["--input-format", "lines", "-y", "3"], "the input is empty: no records"),
        (
            "name,years\nCivil Engineer,4\n",
            [],
            "the input has no role column (role, job title, title, position, occupation or job; "
            "or name it with --role-column) (its columns: name, years)",
        ),
        ("role\nx\n", ["-y", "nan"], "--years must be a number from 0 to 70, got 'nan'"),
        (
            "role\nx\n",
            ["-L", "CA", "-c", "DE", "-y", "1"],
            "give --location or --country, not both",
        ),
    ],
)
def test_usage_errors_exit_2_with_nothing_on_stdout(
    data: str, args: list[str], message: str
) -> None:
    result = feed(data, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"salarycli: error: {message}\n",
    )


def test_a_missing_file_is_exit_2() -> None:
    result = CliRunner().invoke(app, ["batch", "/nonexistent/x.csv"])
    assert (result.exit_code, result.stderr) == (
        2,
        "salarycli: error: cannot read '/nonexistent/x.csv': No such file or directory\n",
    )


def test_strict_stops_at_the_first_failure() -> None:
    result = feed("role,years\nCivil Engineer,4\nNobody,3\nCivil Engineer,5\n", "--strict")
    assert result.exit_code == 1
    assert [r["role"] for r in rows(result.stdout)] == ["Civil Engineer"]
    assert (
        result.stderr
        == "salarycli: error: line 3: unknown role 'Nobody' (salarycli roles lists them) (--strict: stopped)\n"
    )


def test_invalid_utf8_is_a_record_error_naming_the_line() -> None:
    result = feed(b"role,years\nCivil Engineer,4\nCivil \xff Engineer,4\nCivil Engineer,5\n")
    out = rows(result.stdout)
    assert [r["estimate_error"] for r in out] == ["", "line 3 is not valid UTF-8", ""]
    assert out[1]["role"] == "Civil \ufffd Engineer"
    assert "salarycli: line 3: line 3 is not valid UTF-8" in result.stderr


def test_a_malformed_line_is_a_record_error_and_the_rest_goes_on() -> None:
    # (a lone CR ends a line since issue #10, so the malformed line is text after a quote)
    result = feed('role,years\n"Civil" x,4,\n"Civil Engineer\n')
    out = rows(result.stdout)
    assert [r["estimate_error"] for r in out] == [
        "3 fields, but the header has 2",
        "give years or level (or a seniority word in the title)",
    ]
    assert result.stderr.splitlines()[0] == "salarycli: line 2: 3 fields, but the header has 2"


def test_safe_csv_defuses_formulas_only_when_asked() -> None:
    data = "role,years,cell\nCivil Engineer,4,=1+1\nCivil Engineer,4,@SUM(A1)\nCivil Engineer,4,-2\nCivil Engineer,4,ok\n"
    assert [r["cell"] for r in rows(feed(data).stdout)] == ["=1+1", "@SUM(A1)", "-2", "ok"]
    assert [r["cell"] for r in rows(feed(data, "--safe-csv").stdout)] == [
        "'=1+1",
        "'@SUM(A1)",
        "'-2",
        "ok",
    ]
    failed = rows(feed("role,years\n=HYPERLINK(1),4\n", "--safe-csv").stdout)
    assert failed[0]["role"] == "'=HYPERLINK(1)"


def test_jsonl_to_csv_keeps_the_first_records_columns_and_warns() -> None:
    data = '{"role": "Civil Engineer", "years": 4, "a": 1}\n{"role": "Civil Engineer", "years": 4, "b": 2}\n'
    result = feed(data, "--input-format", "jsonl", "-f", "csv")
    assert [r["a"] for r in rows(result.stdout)] == ["1", ""]
    assert result.stderr.splitlines()[0] == (
        "salarycli: warning: line 2 has fields the first record did not (b); csv output keeps "
        "the first record's columns (use --format jsonl to keep every field)"
    )


def test_estimate_dash_reads_roles_from_stdin() -> None:
    result = CliRunner().invoke(
        app, ["estimate", "-", "--years", "4", "--format", "json"], input="Civil Engineer\nNobody\n"
    )
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["salary"], second["error"]) == (
        84112,
        "unknown role 'Nobody' (salarycli roles lists them)",
    )
    assert result.exit_code == 1
    drawn = CliRunner().invoke(
        app, ["estimate", "-", "-y", "4", "-f", "table"], input="Civil Engineer\n"
    )
    assert drawn.exit_code == 0
    assert (
        "  Civil Engineer   Civil Engineer   Mid Level   $84,112   United States   n/a"
        in drawn.stdout
    )
    titles = CliRunner().invoke(
        app, ["estimate", "-", "-f", "csv"], input="Senior Civil Engineer\nCivil Engineer\n"
    )
    out = rows(titles.stdout)
    assert [(r["level"], r["salary"], r["error"]) for r in out] == [
        ("Senior", "126219", ""),
        ("", "", "give years or level (or a seniority word in the title)"),
    ]


def test_a_million_questions_are_answered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Distinct questions are estimated once: 3,000 records asking 3 things make 3 estimates."""
    import salarycli.session as module

    calls = []
    real = module.estimate
    monkeypatch.setattr(module, "estimate", lambda *a: calls.append(a) or real(*a))
    data = "role,years\n" + "Civil Engineer,4\nCivil Engineer,5\nSoftware Developers,4\n" * 1000
    out = io.StringIO()
    summary = batch.run(io.BytesIO(data.encode()), out, io.StringIO(), batch.Settings(), Session())
    assert (summary.estimated, summary.failed, len(calls)) == (
        3000,
        0,
        2,
    )  # 4 and 5 years: one level
    assert out.getvalue().count("\n") == 3001


# --- what users run -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "big.csv"
    path.write_text("role,years\n" + "Civil Engineer,4\nSoftware Developers,9\n" * 50_000)
    return path


def test_head_closes_the_pipe_quietly(big_csv: Path) -> None:
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {SCRIPT} batch {big_csv} | head -n 3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr == ""


def test_the_first_record_comes_out_before_the_input_ends() -> None:
    process = start_batch()
    assert process.stdin and process.stdout
    header, first = process.stdout.readline(), process.stdout.readline()  # blocks if not streamed
    assert header.startswith("role,years,estimate_role,estimate_soc,") and first.startswith(
        "Civil Engineer,4,Civil Engineer,17-2051,Mid Level,4,"
    )
    process.stdin.write("Software Developers,3\n")
    process.stdin.close()
    assert process.stdout.readline().startswith("Software Developers,")
    assert process.wait(timeout=30) == 0


def test_ctrl_c_is_exit_130_with_one_line() -> None:
    assert stop_a_running_batch(signal.SIGINT) == (130, "salarycli: error: interrupted\n")


printable = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(printable, printable, printable), max_size=12))
def test_random_input_never_crashes_or_loses_a_record(records: list[tuple[str, str, str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([("role", "years", "other"), *records])  # CRLF: quotes a lone CR
    result = feed(buffer.getvalue())
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    out = list(csv.reader(io.StringIO(result.stdout)))
    assert len(out) - 1 == len(records)
    counted = re.match(r"salarycli: (\d+) estimated, (\d+) failed", result.stderr.splitlines()[-1])
    assert counted is not None and int(counted[1]) + int(counted[2]) == len(records)


def test_a_header_without_role_is_named_on_one_line_whatever_it_holds() -> None:

    result = run("batch", "--input-format", "csv", input="a\x0bb,c\n1,2\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "salarycli: error: the input has no role column (role, job title, title, position, "
        "occupation or job; or name it with --role-column) (its columns: 'a\\x0bb', c)\n"
    )
    many = ",".join(f"c{n}" for n in range(25))
    result = run("batch", "--input-format", "csv", input=many + "\n")
    assert result.stderr.endswith("c18, c19 and 5 more)\n")


# --- issue #15: lines split without csv.reader, and lines met again answered from memory ---

ROLES_TYPED = ["Civil Engineer", "Architects, Except Landscape and Naval", "Wizard", "nurse", ""]
CELLS = st.text(alphabet=st.sampled_from(list('ab ,"\t\r\n\x00é4-')), max_size=8)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.one_of(
            st.tuples(st.sampled_from(ROLES_TYPED), st.sampled_from(["4", "x", "", "7.5"])),
            st.tuples(CELLS, CELLS),
        ),
        max_size=12,
    ),
    delimiter=st.sampled_from([",", "\t"]),
    raw=st.booleans(),
)
def test_every_line_reads_as_csv_reader_reads_it(
    rows: list[tuple[str, str]], delimiter: str, raw: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the lines hold, batch answers them as it does when csv.reader reads every line
    and nothing is remembered: the same output, problems and summary. `raw` writes the cells
    unquoted (fields that split differently, stray quotes, CR and NUL in the middle)."""
    if raw:
        text = "role" + delimiter + "years\n" + "".join(delimiter.join(r) + "\n" for r in rows)
    else:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(
            [("role", "years"), *rows, *rows]  # each line twice: the second is remembered
        )
        text = buffer.getvalue()
    kind = ["--input-format", "tsv" if delimiter == "\t" else "csv"]
    fast = run("batch", *kind, input=text)
    with monkeypatch.context() as patch:
        patch.setattr(batch, "KNOWN_LINES", 0)
        patch.setattr(batch, "SPLIT", False)  # every line through csv.reader
        slow = run("batch", *kind, input=text)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


def test_a_line_met_again_is_answered_from_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second and later copies of a line cost one lookup: the answers are asked once per
    distinct line, a refused line is refused again with its own line number, and the output is
    the same as with nothing remembered."""
    text = (
        "role,years\n"
        + "Civil Engineer,4\n" * 3
        + '"Architects, Except Landscape and Naval",9\n' * 3
        + "Wizard,4\n" * 2
    )
    asked: list[tuple[str | None, ...]] = []
    real = Answers.pieces
    monkeypatch.setattr(Answers, "pieces", lambda self, q: asked.append(q) or real(self, q))
    result = run("batch", input=text)
    assert asked == [
        ("Civil Engineer", "4", None, None, None),
        ("Architects, Except Landscape and Naval", "9", None, None, None),
        ("Wizard", "4", None, None, None),
    ]
    refusal = "unknown role 'Wizard' (salarycli roles lists them)"
    assert result.exit_code == 1
    assert result.stderr == (
        f"salarycli: line 8: {refusal}\nsalarycli: line 9: {refusal}\n"
        "salarycli: 6 estimated, 2 failed: unknown role\n"
    )
    monkeypatch.setattr(batch, "KNOWN_LINES", 0)
    again = run("batch", input=text)
    assert (again.stdout, again.stderr) == (result.stdout, result.stderr)


# --- issue #14: headers as HR systems export them ---------------------------------------------


def test_hr_export_headers_are_understood() -> None:
    text = "Employee ID,Job Title,Years of Experience,Work Location\n7,Civil Engineer,7+,CA\n8,Nurse,5 yrs,TX\n"
    result = run("batch", "-f", "csv", input=text)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [
        (
            r["Employee ID"],
            r["estimate_role"],
            r["estimate_years"],
            r["estimate_location"],
            r["estimate_salary"],
        )
        for r in rows
    ] == [
        ("7", "Civil Engineer", "7", "California", "127870"),
        ("8", "Registered Nurses", "5", "Texas", "82530"),  # as estimate nurse -y 5 -L TX
    ]


def test_column_options_name_any_column() -> None:
    text = "Posting,Seniority Years,Office\nCivil Engineer,4,CA\n"
    result = run("batch", "--role-column", "posting", "--years-column", "SENIORITY YEARS",
                 "--location-column", "Office", "-f", "csv", input=text)  # fmt: skip
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert (
        result.exit_code,
        row["estimate_role"],
        row["estimate_years"],
        row["estimate_location"],
    ) == (
        0,
        "Civil Engineer",
        "4",
        "California",
    )
    missing = run("batch", "--role-column", "nope", input=text)
    assert (missing.exit_code, missing.stderr) == (
        2,
        "salarycli: error: no column named 'nope' (its columns: Posting, Seniority Years, Office)\n",
    )


def test_a_bad_years_cell_names_its_column() -> None:
    result = run("batch", input="role,Experience\nCivil Engineer,2-4\nCivil Engineer,lots\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "salarycli: line 2: the years column ('Experience') takes one number, got '2-4': 2 "
        "years is Entry Level and 4 years Mid Level; give the years you mean (3, the middle, "
        "is one)",
        "salarycli: line 3: the years column ('Experience') must be a number from 0 to 70, got 'lots'",
    ]


def test_a_failed_record_keeps_what_was_typed_as_its_query() -> None:
    result = run("batch", "-f", "jsonl", input="role,years\nWizard,3\nCivil Engineer,4\n")
    failed, good = (json.loads(line) for line in result.stdout.splitlines())
    assert (failed["role"], failed["estimate_query"], failed["estimate_error"]) == (
        "Wizard",
        "Wizard",
        "unknown role 'Wizard' (salarycli roles lists them)",
    )
    assert (good["role"], good["estimate_query"]) == ("Civil Engineer", "Civil Engineer")


def test_estimate_dash_at_a_terminal_is_a_table() -> None:
    """Issue #14: like every command, a table at a terminal (stdin a pipe, stdout a pty)."""
    import os
    import pty

    from tests.conftest import SCRIPT, drain

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "xterm"}
    process = subprocess.Popen(
        [SCRIPT, "estimate", "-", "-y", "4"], stdin=subprocess.PIPE, stdout=follower,
        stderr=follower, env=env,
    )  # fmt: skip
    os.close(follower)
    assert process.stdin is not None
    process.stdin.write(b"Civil Engineer\nWizard\n")
    process.stdin.close()
    shown = drain(leader).decode().replace("\r\n", "\n")
    os.close(leader)
    assert process.wait(timeout=60) == 1
    assert "  Civil Engineer   Civil Engineer   Mid Level   $84,112   United States" in shown
    assert "unknown role 'Wizard' (salarycli roles lists them)" in shown
    assert shown.rstrip().endswith("salarycli: 1 estimated, 1 failed: unknown role")


def test_jsonl_keys_as_hr_systems_write_them() -> None:
    text = (
        '{"job_title": "Civil Engineer", "yoe": 4, "id": 7}\n{"Role": "nurse", "years": "5 yrs"}\n'
    )
    result = run("batch", "--input-format", "jsonl", "-f", "jsonl", input=text)
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert list(first)[:5] == ["job_title", "yoe", "id", "estimate_role", "estimate_soc"]
    assert (
        first["id"],
        first["estimate_role"],
        first["estimate_years"],
        first["estimate_salary"],
    ) == (
        7,
        "Civil Engineer",
        4,
        84112,
    )
    # a later record with other keys: the estimate's names are the same
    assert list(second)[:3] == ["Role", "years", "estimate_role"]
    assert (second["Role"], second["years"]) == ("nurse", "5 yrs")
    assert (second["estimate_role"], second["estimate_years"], second["estimate_salary"]) == (
        "Registered Nurses",
        5,
        83774,
    )


def _batch_at_a_terminal(tmp_path: Path, stdout: str) -> tuple[str, str]:
    """`salarycli batch FILE` with stderr a pseudo-terminal and stdout the terminal too, a
    file or a pipe: (what the terminal shows, what stdout got when it was not the terminal)."""
    import os
    import pty

    from tests.conftest import SCRIPT, drain

    rows = "".join(f"E{n},Civil Engineer,{n % 30},CA\n" for n in range(40_000))
    source = tmp_path / "postings.csv"
    source.write_text("id,role,years,location\n" + rows)
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    target = tmp_path / "out.csv"
    with target.open("wb") as written:
        out = {"terminal": follower, "file": written, "pipe": subprocess.PIPE}[stdout]
        process = subprocess.Popen(
            [SCRIPT, "batch", str(source), "-f", "csv"], stdin=subprocess.DEVNULL, stdout=out,
            stderr=follower, env=env,
        )  # fmt: skip
        os.close(follower)
        piped = process.stdout.read().decode() if process.stdout else ""
        shown = drain(leader).decode(errors="replace").replace("\r\n", "\n")
        os.close(leader)
        assert process.wait(timeout=120) == 0
    got = piped or target.read_text()
    return shown, got


@pytest.mark.parametrize("stdout", ["terminal", "file", "pipe"])
def test_records_and_the_progress_bar_never_share_a_line(tmp_path: Path, stdout: str) -> None:
    """Issue #27: at a terminal the records themselves show progress (no bar); to a file or a
    pipe the bar is on the terminal alone and every record reaches stdout whole."""
    shown, got = _batch_at_a_terminal(tmp_path, stdout)
    lines = shown.split("\n")
    assert not [line for line in lines if "estimating" in line and "Civil Engineer" in line]
    records = [line for line in (lines if stdout == "terminal" else got.splitlines())]
    whole = [line for line in records if line.startswith("E")]
    assert len(whole) == 40_000
    assert all(line.count(",") == whole[0].count(",") for line in whole)
    assert shown.rstrip().endswith("salarycli: 40000 estimated, 0 failed")
