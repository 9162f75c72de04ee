"""Issue #10: nothing lost, nothing crashes. One test per numbered case of the issue (each
reproduced the bug before it was fixed), then the last-resort handler."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from salarycli.cli import app
from tests.conftest import drain, run, sh, stop_a_running_batch

SCRIPT = str(Path(sys.executable).parent / "salarycli")
FIELDS = 27  # the estimate fields and error


def feed(data: str | bytes, *args: str) -> Result:
    return CliRunner().invoke(app, ["batch", *args], input=data, catch_exceptions=False)


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def big_csv(path: Path, count: int, failing_every: int = 0) -> Path:
    with path.open("w") as stream:
        stream.write("role,years\n")
        for number in range(count):
            bad = failing_every and number % failing_every == 0
            stream.write(f"{'Nobody' if bad else 'Civil Engineer'},{number % 40}\n")
    return path


# --- data loss -----------------------------------------------------------------------------


@pytest.mark.parametrize("stdout_to", ["file", "pipe"])
def test_1_batch_with_stderr_at_a_terminal_writes_every_record_to_stdout(
    tmp_path: Path, stdout_to: str
) -> None:
    source = big_csv(tmp_path / "reqs.csv", 5000)
    leader, follower = pty.openpty()
    target = tmp_path / "estimates.csv"
    with target.open("w") as sink:
        process = subprocess.Popen(
            [SCRIPT, "batch", str(source)],
            stdout=sink if stdout_to == "file" else subprocess.PIPE,
            stderr=follower,
            text=True,
        )
        os.close(follower)
        piped = process.stdout.read() if process.stdout else ""
        terminal = drain(leader)
        assert process.wait(timeout=60) == 0
    os.close(leader)
    written = target.read_text() if stdout_to == "file" else piped
    assert len(rows(written)) == 5001
    assert b"Civil Engineer" not in terminal  # no record went to the terminal
    assert terminal.decode().rstrip().endswith("salarycli: 5000 estimated, 0 failed")


def test_2_a_long_quoted_field_with_newlines_is_one_record() -> None:
    data = 'id,role,years\n1,SWE,4\n2,"' + "A\n" * 70000 + '",4\n3,SWE,4\n'
    result = feed(data)
    out = rows(result.stdout)
    assert [row[0] for row in out] == ["id", "1", "2", "3"]
    assert out[2][-1] == "the role is longer than 200 characters"
    assert result.stderr.splitlines()[-1] == (
        "salarycli: 2 estimated, 1 failed: the role is longer than 200 characters"
    )


def test_2_a_field_over_the_limit_is_one_record_error_and_reading_goes_on() -> None:
    data = 'id,role,years\n1,SWE,4\n2,"' + "A\n" * 600_000 + '",4\n3,SWE,4\n'
    result = feed(data)
    out = rows(result.stdout)
    assert [row[0] for row in out] == ["id", "1", "", "3"]
    assert all(len(row) == 3 + FIELDS for row in out)  # id, role, years, then the estimate
    assert out[2][-1] == "a field longer than 1 MiB (1,048,576 characters)"
    assert "salarycli: line 3: a field longer than 1 MiB" in result.stderr


def test_3_a_closed_stderr_costs_no_stdout_record(tmp_path: Path) -> None:
    big_csv(tmp_path / "big.csv", 30000, failing_every=2)
    done = sh("salarycli batch big.csv 2>&1 >out.csv | head -n1", tmp_path)
    assert done.stdout.startswith("salarycli: line 2: unknown role 'Nobody'")
    assert len(rows((tmp_path / "out.csv").read_text())) == 30001


def test_4_jsonl_to_csv_every_row_has_the_headers_columns_in_order() -> None:
    data = '{"id":1,"role":"SWE","years":4}\n{"role":"SWE","years":5}\n{"years":5,"role":"SWE","id":3,"x":1}\n'
    out = rows(feed(data, "--input-format", "jsonl", "-f", "csv").stdout)
    assert out[0][:5] == ["id", "role", "years", "estimate_role", "estimate_soc"]
    assert [row[:3] for row in out] == [
        ["id", "role", "years"],
        ["1", "SWE", "4"],
        ["", "SWE", "5"],
        ["3", "SWE", "5"],
    ]
    assert {len(row) for row in out} == {3 + FIELDS}
    # multiplier, in its column: Mid Level's figure / the mean for Software Developers
    assert [row[7] for row in out[1:]] == ["0.752", "0.752", "0.752"]


def test_5_a_lone_cr_ends_a_line_and_no_record_is_merged() -> None:
    result = feed("id,role,years\n1,SWE,4\n2,SWE,4\r3,SWE,5\n4,SWE,4\n")
    assert [row[0] for row in rows(result.stdout)] == ["id", "1", "2", "3", "4"]
    assert result.stderr == "salarycli: 4 estimated, 0 failed\n"


def test_5_an_unparsable_row_keeps_the_headers_width() -> None:
    result = feed('id,role,years\n1,"SWE"x,4\n2,SWE,4\n')
    assert {len(row) for row in rows(result.stdout)} == {3 + FIELDS}


@pytest.mark.parametrize(
    ("args", "data"),
    [
        ([], "role,years\nSWE,3\nCivil Engineer\0,4\nSWE,3\n"),
        (["--input-format", "lines", "--years", "3"], "SWE\nCivil Engineer\0\nSWE\n"),
        (
            ["--input-format", "jsonl"],
            '{"role":"SWE","years":3}\n{"role":"SWE\\u0000","years":3}\n{"role":"SWE","years":3}\n',
        ),
    ],
)
def test_6_a_nul_in_a_role_is_one_record_error(args: list[str], data: str) -> None:
    result = feed(data, *args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "salarycli: 2 estimated, 1 failed: the role has a control character"
    )
    assert "the role has a control character (U+0000)" in result.stderr


def test_6_estimate_dash_and_argv_refuse_a_nul() -> None:
    lines = CliRunner().invoke(app, ["estimate", "-", "--years", "3"], input="SWE\nSW\0E\n")
    assert lines.stderr.splitlines()[-1] == (
        "salarycli: 1 estimated, 1 failed: the role has a control character"
    )
    result = run("estimate", "Civil\x01Engineer", "--years", "3")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "salarycli: error: the role has a control character (U+0001)\n"


# --- denial of service -----------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "/dev/null"])
def test_7_data_that_is_not_a_regular_file_is_refused(tmp_path: Path, target: str) -> None:
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
        target = str(tmp_path / "fifo.json")
        os.rename(tmp_path / "fifo", target)
    done = sh(f"timeout 20 salarycli --data {target} roles", tmp_path)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr.splitlines()[0].endswith(": not a regular file")


def test_7_a_link_to_a_regular_file_is_followed(tmp_path: Path) -> None:
    (tmp_path / "bands.json").write_text(
        '{"roles": [{"role": "Linked Engineer", "base_salary": 100000}]}'
    )
    (tmp_path / "link.json").symlink_to(tmp_path / "bands.json")
    result = run(
        "--data",
        str(tmp_path / "link.json"),
        "estimate",
        "Linked Engineer",
        "--level",
        "mid",
        "-f",
        "csv",
    )
    assert result.stdout.splitlines()[1].split(",")[6] == "90000"


def test_8_a_line_over_the_limit_is_a_record_error() -> None:
    result = feed("role,years\nSWE,3\n" + "x" * 2_000_000 + ",4\nSWE,3\n")
    out = rows(result.stdout)
    assert len(out) == 4 and out[2][-1] == "line 3 is longer than 1 MiB (1,048,576 characters)"
    assert result.stderr.splitlines()[-1] == (
        "salarycli: 2 estimated, 1 failed: a line longer than 1 MiB"
    )


def test_8_user_data_over_the_size_limit_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "roles.csv").write_text("role,base_salary\n" + "A,1\n" * 13_200_000)
    result = run("data", "validate", str(tmp_path))
    assert result.exit_code == 3
    size = (tmp_path / "roles.csv").stat().st_size
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path / 'roles.csv'}: {size:,} bytes; salarycli reads files up to 50 MB"
    )


# --- tracebacks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "code", "message"),
    [
        ("salarycli roles >&-", 1, "salarycli: error: cannot write the output: stdout is closed"),
        (
            "salarycli roles >/dev/full",
            1,
            "salarycli: error: cannot write the output: no space left on device",
        ),
        (
            "salarycli batch <&-",
            2,
            "salarycli: error: stdin is closed: give a file, or pipe records in",
        ),
    ],
)
def test_10_closed_or_full_streams(tmp_path: Path, command: str, code: int, message: str) -> None:
    done = sh(command, tmp_path)
    assert (done.returncode, done.stderr) == (code, message + "\n")


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (
            '{"role":"SWE","years":' + "1" * 5000 + "}",
            "not valid JSON (a number of more than 4,300 digits)",
        ),
        ('{"role":"\\ud800","years":3}', "not valid text: a lone surrogate (U+D800)"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON (nested too deeply)"),
    ],
)
def test_11_hostile_jsonl_is_a_record_error(line: str, error: str) -> None:
    result = feed(
        '{"role":"SWE","years":3}\n' + line + '\n{"role":"SWE","years":3}\n',
        "--input-format",
        "jsonl",
    )
    out = [json.loads(text) for text in result.stdout.splitlines()]
    assert [record["estimate_error"] for record in out] == [None, error, None]


def test_12_a_cr_only_header_and_a_long_header_field() -> None:
    assert feed("role,years\rSWE,4\r").stderr == "salarycli: 1 estimated, 0 failed\n"
    long = feed("role," + "x" * 140_000 + ",years\nSWE,1,3\n")
    assert long.stderr == "salarycli: 1 estimated, 0 failed\n"
    too_long = feed("role," + "x" * 2_000_000 + "\nSWE,1\n")
    assert (too_long.exit_code, too_long.stdout) == (2, "")
    assert (
        too_long.stderr
        == "salarycli: error: the header row is longer than 1 MiB (1,048,576 characters)\n"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            "role,base_salary\nA,1e400\n",
            "roles.csv:2: base_salary: must be from 1 to 100,000,000, not '1e400'",
        ),
        (
            "role,base_salary\nA,1e5000\n",
            "roles.csv:2: base_salary: must be from 1 to 100,000,000, not '1e5000'",
        ),
        (
            "role,base_salary\nA," + "9" * 5000 + "\n",
            "roles.csv:2: base_salary: must be from 1 to 100,000,000, not '99999999999999999999...' (5000 characters)",
        ),
        (
            'role,base_salary\nA,"' + "x" * 140_000 + '"\n',
            "roles.csv:2: base_salary: not a number: 'xxxxxxxxxxxxxxxxxxxx...' (140000 characters)",
        ),
    ],
)
def test_13_user_csv_values_out_of_range(tmp_path: Path, content: str, problem: str) -> None:
    (tmp_path / "roles.csv").write_text(content)
    result = run("data", "validate", str(tmp_path))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == f"{tmp_path}/{problem}"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "a.json",
            '{"roles": [{"role": "A", "base_salary": ' + "9" * 5000 + "}]}",
            "not valid json: a number of more than 4,300 digits",
        ),
        (
            "a.json",
            '{"roles": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "not valid json: nested too deeply",
        ),
        (
            "a.toml",
            "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
            "not valid toml: nested too deeply",
        ),
        ("a.toml", "a" + ".a" * 100_000 + " = 1\n", "not valid toml: nested too deeply"),
    ],
)
def test_13_user_json_and_toml_that_break_parsers(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    (tmp_path / name).write_text(content)
    result = run("data", "validate", str(tmp_path / name))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == f"{tmp_path / name}: {problem}"


def test_13_roles_csv_that_is_a_folder_and_proc_self_mem(tmp_path: Path) -> None:
    (tmp_path / "roles.csv").mkdir()
    result = run("data", "validate", str(tmp_path))
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'roles.csv'}: not a regular file"
    memory = run("data", "validate", "/proc/self/mem")
    assert memory.exit_code == 3 and "Traceback" not in memory.stderr


def test_13_an_unreadable_file_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "roles.csv").write_text("role,base_salary\nA,100000\n")
    (tmp_path / "roles.csv").chmod(0)
    if os.geteuid() == 0:  # root reads anything: the file system's answer to anyone else
        real_open = Path.open

        def refused(self: Path, *args: object, **kwargs: object) -> object:
            if self.name == "roles.csv":
                raise PermissionError(13, "Permission denied")
            return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(Path, "open", refused)
    result = run("data", "validate", str(tmp_path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines()[0] == f"{tmp_path}/roles.csv: cannot read: Permission denied"


@pytest.mark.parametrize(
    "salary", ["1" * 4301, "0." + "0" * 5000 + "1", "100000000000000000000000", "0", "100000001"]
)
def test_14_salaries_outside_the_range_are_usage_errors(salary: str) -> None:
    for args in (
        ["rank", "Civil Engineer", salary],
        ["relocate", "Civil Engineer", salary, "--from", "CA", "--to", "TX"],
    ):
        result = run(*args)
        assert (result.exit_code, result.stdout) == (2, "")
        shown = salary if len(salary) <= 20 else salary[:20] + f"...' ({len(salary)} characters)"
        assert result.stderr.startswith(
            "salarycli: error: a salary is from $1 to $100,000,000 a year (120000, 120,000 or 120k; an hourly wage as 65/hr), got '"
            + shown.rstrip("'")
        )


def test_14_the_range_ends_are_accepted() -> None:
    assert run("rank", "Civil Engineer", "1/yr", "-f", "json").exit_code == 0
    assert run("rank", "Civil Engineer", "100000000", "-f", "json").exit_code == 0


def test_15_ctrl_c_at_any_moment_is_exit_130_and_one_line() -> None:
    """From the moment salarycli's own code runs (salarycli.console takes Ctrl-C over first),
    through imports, set-up and the answer, to the exit. Before that moment Python itself is
    starting (and the launcher pip writes imports re): 50 ms leaves that behind here, or, on a
    loaded machine, the time Python takes to get that far right now, measured first."""
    reach = [sys.executable, "-c", "import re, salarycli.console"]
    floor = 0.050
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(reach, check=True)
        floor = max(floor, time.perf_counter() - start)
    outcomes = []
    for step in range(45):
        process = subprocess.Popen(
            [SCRIPT, "estimate", "Civil Engineer", "--years", "3", "-L", "CA"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(floor + step * 0.002)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        outcomes.append((process.returncode, err))
    # done before the signal (0); stopped (130, one line); or, once Python has put back its own
    # handling as it exits, ended by the signal itself with nothing said (-2)
    expected = {(0, ""), (130, "salarycli: error: interrupted\n"), (-signal.SIGINT, "")}
    assert [outcome for outcome in outcomes if outcome not in expected] == []
    # An estimate may now end before the signal every time: a batch waiting on stdin that
    # stays open is still running whenever the signal comes, so it must always be 130.
    waiting = []
    for step in range(15):
        process = subprocess.Popen(
            [SCRIPT, "batch", "--input-format", "lines", "-y", "3"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(floor + step * 0.004)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        waiting.append((process.returncode, err))
    assert set(waiting) == {(130, "salarycli: error: interrupted\n")}


def test_16_output_is_valid_in_an_ascii_encoding(tmp_path: Path) -> None:
    done = sh(
        "salarycli estimate 'Civil Enginéer' --years 3 -f json", tmp_path, PYTHONIOENCODING="ascii"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["query"] == "Civil Enginéer"
    assert "\\u00e9" in done.stdout
    table = sh(
        "salarycli estimate 'Civil Enginéer' --years 3 -f csv", tmp_path, PYTHONIOENCODING="ascii"
    )
    row = next(csv.reader(table.stdout.splitlines()[1:]))
    assert (table.returncode, row[-7], row[-6], row[-5]) == (0, "Civil Engin\\xe9er", "", "")


def test_16_invalid_utf8_in_argv_is_a_usage_error(tmp_path: Path) -> None:
    done = sh("salarycli estimate $'Civil Engineer\\xff' --years 3 -f json", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "salarycli: error: the role is not valid UTF-8 text\n"


# --- contract violations -------------------------------------------------------------------------


def test_17_with_stderr_closed_errors_never_reach_stdout(tmp_path: Path) -> None:
    done = sh("salarycli estimate Nope 2>&- | cat; echo ${PIPESTATUS[0]}", tmp_path)
    assert done.stdout == "1\n"


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        (
            {"roles.csv": "role,base_salary\nA,0.4\n"},
            "roles.csv:2: base_salary: must be from 1 to 100,000,000, not '0.4'",
        ),
        (
            {"roles.csv": "role,base_salary\nA,1e-400\n"},
            "roles.csv:2: base_salary: must be from 1 to 100,000,000, not '1e-400'",
        ),
        (
            {"roles.csv": 'role,base_salary\nA,100000\n"B,200000\nC,300000\n'},
            "roles.csv:3: not valid csv: a quote opened here is never closed",
        ),
        (
            {"roles.csv": "role,base_salary,soc\nA,100000,99-9999\n"},
            "roles.csv:2: soc: '99-9999' is not an occupation of BLS OEWS May 2025",
        ),
        (
            {"roles.csv": "role,base_salary,reference_soc\nA,100000,99-9999\n"},
            "roles.csv:2: reference_soc: '99-9999' is not an occupation of BLS OEWS May 2025",
        ),
        (
            {
                "roles.csv": "role,base_salary\nA,100000\n",
                "aliases.csv": "alias,role\nAy,Nobody Known\n",
            },
            "aliases.csv:2: role: 'Nobody Known' is not a role of your data or the bundled data",
        ),
    ],
)
def test_18_user_data_validation_gaps(tmp_path: Path, files: dict[str, str], problem: str) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = run("data", "validate", str(tmp_path))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == f"{tmp_path}/{problem}"


def test_19_no_arguments_is_help_and_exit_0() -> None:
    result = run()
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("Usage: salarycli")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["estimate", "Civil Engineer", "--years", "3", "-L", ""],
            "--location is empty: give a place, or leave the option out for the US",
        ),
        (
            ["estimate", "Civil Engineer", "--years", "3", "-c", " "],
            "--country is empty: give a country, or leave the option out for the US",
        ),
        (
            ["compare", "--years", "3", "-L", "CA", "-L", ""],
            "--location is empty: give a place, or leave the option out for the US",
        ),
        (
            ["relocate", "Civil Engineer", "100k", "--from", "", "--to", "TX"],
            "--from is empty: give a place",
        ),
    ],
)
def test_19_empty_places_are_usage_errors(args: list[str], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"salarycli: error: {message}\n",
    )


def test_19_sigterm_is_exit_143_and_one_line() -> None:
    assert stop_a_running_batch(signal.SIGTERM) == (143, "salarycli: error: terminated\n")


# --- the net ---------------------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    from salarycli.session import Session

    def broken(self: Session, text: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Session, "match", broken)
    monkeypatch.delenv("SALARYCLI_DEBUG", raising=False)
    result = run("estimate", "Civil Engineer", "--years", "3")
    assert (result.exit_code, result.stdout) == (70, "")
    assert result.stderr == (
        "salarycli: internal error: RuntimeError: boom (set SALARYCLI_DEBUG=1 for details)\n"
    )
    monkeypatch.setenv("SALARYCLI_DEBUG", "1")
    debug = run("estimate", "Civil Engineer", "--years", "3")
    assert (
        debug.exit_code == 70
        and "Traceback" in debug.stderr
        and "RuntimeError: boom" in debug.stderr
    )
