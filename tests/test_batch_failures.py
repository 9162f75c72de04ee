"""Issue #27: batch's failures: one line each, the first 20 of a cause, a count of the rest, a
summary by cause, -q, and --errors FILE with every failed record, none lost."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from salarycli.batch.failures import SHOWN, Failures, cause
from tests.conftest import SCRIPT, drain, run

UNKNOWN = "unknown role '{}' (salarycli roles lists them)"


def _bad_roles(count: int) -> str:
    return "".join(f"Qzx{n},3,CA\n" for n in range(count))


def test_after_twenty_of_a_cause_only_a_count_and_a_summary_by_cause() -> None:
    text = "role,years,location\n" + _bad_roles(25) + "Civil Engineer,3,Narnia\nNurse,3,CA\n"
    result = run("batch", input=text)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:SHOWN] == [
        f"salarycli: line {n + 2}: {UNKNOWN.format(f'Qzx{n}')}" for n in range(20)
    ]
    assert lines[SHOWN:] == [
        "salarycli: line 27: unknown location 'Narnia' (salarycli locations lists them)",
        "salarycli: 5 more: unknown role",
        "salarycli: 1 estimated, 26 failed: 25 unknown role, 1 unknown location",
    ]
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 1 + 27  # every record out


def test_quiet_says_nothing_when_all_is_well_and_the_summary_when_not() -> None:
    good = run("batch", "-q", input="role,years\nCivil Engineer,3\n")
    assert (good.exit_code, good.stderr) == (0, "")
    assert good.stdout.startswith("role,years,estimate_role,")
    bad = run("batch", "--quiet", input="role,years\n" + "Qzx,3\n" * 30 + "Nurse,4\n")
    assert (bad.exit_code, bad.stderr) == (1, "salarycli: 1 estimated, 30 failed: unknown role\n")


def test_errors_file_holds_every_failed_record_to_fix_and_run_again(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        'id,role,years,location\n1,Civil Engineer,3,CA\n2,Qzx,3,CA\n3,Nurse,abc,TX\n'
        '4,"Nurse, ""RN""",3,Narnia\n5,Nurse,3,TX,extra\n6,Nurse,4,TX\n'
    )  # fmt: skip
    errors = tmp_path / "failed.csv"
    result = run("batch", str(source), "-q", "--errors", str(errors))
    assert result.exit_code == 1
    assert list(csv.reader(errors.open(newline=""))) == [
        ["id", "role", "years", "location", "input_line", "error"],
        ["2", "Qzx", "3", "CA", "3", UNKNOWN.format("Qzx")],
        ["3", "Nurse", "abc", "TX", "4", "the years column ('years') must be a number from 0 to 70, got 'abc'"],
        ["4", 'Nurse, "RN"', "3", "Narnia", "5", "unknown location 'Narnia' (salarycli locations lists them)"],
        ["5", "Nurse", "3", "TX", "6", "5 fields, but the header has 4"],
    ]  # fmt: skip
    again = run("batch", str(errors), "-q")  # the file reads back in: fix it and run again
    assert again.exit_code == 1
    assert again.stderr == (
        "salarycli: 1 estimated, 3 failed: 1 unknown role, 1 the years column must be a number "
        "from 0 to 70, 1 unknown location\n"
    )


def test_errors_file_for_jsonl_and_lines_input(tmp_path: Path) -> None:
    errors = tmp_path / "failed.jsonl"
    text = (
        '{"role": "Nurse", "years": 3, "id": 7}\n{"role": "Qzx", "years": 3, "id": 8}\n'
        '{"role": "Qzy", "years": 3, "error": "mine"}\n'
    )
    result = run("batch", "--input-format", "jsonl", "--errors", str(errors), input=text)
    assert result.exit_code == 1
    assert [json.loads(line) for line in errors.read_text().splitlines()] == [
        {"role": "Qzx", "years": 3, "id": 8, "input_line": 2, "error": UNKNOWN.format("Qzx")},
        {  # a record's own "error" is kept: the reason takes another name
            "role": "Qzy",
            "years": 3,
            "error": "mine",
            "input_line": 3,
            "salarycli_error": UNKNOWN.format("Qzy"),
        },
    ]
    listed = tmp_path / "failed.csv"
    lines = run(
        "batch", "--input-format", "lines", "-y", "3", "--errors", str(listed), input="Nurse\nQzx\n"
    )
    assert lines.exit_code == 1
    assert listed.read_text() == f"role,input_line,error\nQzx,2,{UNKNOWN.format('Qzx')}\n"


def test_errors_file_with_no_failures_is_a_header_and_never_the_input(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("role,years\nNurse,3\n")
    errors = tmp_path / "failed.csv"
    assert run("batch", str(source), "--errors", str(errors)).exit_code == 0
    assert errors.read_text() == "role,years,input_line,error\n"
    same = run("batch", str(source), "--errors", str(source))
    assert (same.exit_code, same.stdout) == (2, "")
    assert (
        same.stderr
        == f"salarycli: error: --errors {str(source)!r} is the input file: give another\n"
    )
    assert source.read_text() == "role,years\nNurse,3\n"
    nowhere = run("batch", str(source), "--errors", str(tmp_path / "no" / "such.csv"))
    assert (nowhere.exit_code, nowhere.stdout) == (2, "")
    assert nowhere.stderr.startswith("salarycli: error: cannot write --errors ")


def test_error_lines_are_never_wrapped_beside_the_progress_bar(tmp_path: Path) -> None:
    """At a 60-column terminal with the bar showing (stdout a file), each failure's line
    reaches the terminal whole: no line end inside it."""
    import pty
    import struct
    import termios
    from fcntl import ioctl

    long_role = "Xqzv Plok Wemb Grun Tazo Quib Fesh Lorv Mipt Zeck Vorp"
    rows = "".join(
        f"{long_role} {n},3,CA\n" if n % 4000 == 0 else "Civil Engineer,3,CA\n"
        for n in range(40_000)
    )
    source = tmp_path / "big.csv"
    source.write_text("role,years,location\n" + rows)
    leader, follower = pty.openpty()
    ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    env = {**os.environ, "COLUMNS": "60", "TERM": "xterm"}
    with (tmp_path / "out.csv").open("wb") as written:
        process = subprocess.Popen(
            [SCRIPT, "batch", str(source)], stdin=subprocess.DEVNULL, stdout=written,
            stderr=follower, env=env,
        )  # fmt: skip
        os.close(follower)
        shown = drain(leader).decode(errors="replace")
        os.close(leader)
        assert process.wait(timeout=120) == 1
    said = [line for line in shown.replace("\r", "\n").split("\n") if "salarycli: line" in line]
    assert len(said) == 10
    for line in said:
        assert line.strip().endswith("(salarycli roles lists them)")
    assert "salarycli: 39990 estimated, 10 failed: unknown role" in shown


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=60))
def test_failures_count_every_record_and_show_at_most_twenty_of_a_cause(
    errors: list[str],
) -> None:
    failures = Failures()
    failures.start(["role"])
    for number, error in enumerate(errors, start=2):
        failures.add(number, error, [("role", "x")])
    shown = failures.take()
    assert len(shown) <= len(errors) and all("\n" not in line for line in shown)
    assert sum(failures.counts.values()) == len(errors)
    for kind, count in failures.counts.items():
        assert kind.strip()  # a cause is never empty
        printed = [e for e in errors if cause(" ".join(e.splitlines())) == kind]
        assert len(printed) == count
    more = sum(int(line.split()[1].replace(",", "")) for line in failures.rest())
    assert len(shown) + more == len(errors)
