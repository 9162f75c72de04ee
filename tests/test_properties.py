"""Issue #10: property tests, one per input surface. Whatever comes in, salarycli answers with
its documented exit code, one line per problem, no traceback, and no record lost."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from salarycli.batch import lines as lines_module
from salarycli.cli import app
from salarycli.sources import user_rows as user
from salarycli.sources.bundled import load_bundled, load_currencies

FIELDS = 25
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def invoke(args: list[str], data: str | bytes | None = None) -> Result:
    return CliRunner().invoke(app, args, input=data, catch_exceptions=False)


def well_behaved(result: Result, codes: set[int]) -> None:
    """The contract for any input: a documented exit code, no traceback; on failure, nothing
    on stdout and one line per message on stderr."""
    assert result.exit_code in codes, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if result.exit_code not in (0, 1):  # 1 is also "some records failed" in batch
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        if result.exit_code == 3:  # bad data: each problem on its line, then the error
            assert lines[-1].startswith("salarycli: error: ")
        else:
            assert len(lines) == 1 and lines[0].startswith("salarycli: error: ")


# --- the line reader ---------------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=300), st.integers(min_value=1, max_value=9))
def test_lines_are_the_input_split_at_any_line_end_at_any_chunk_size(
    data: bytes, chunk: int
) -> None:
    expected_text = codecs.decode(data, "utf-8", "surrogateescape").removeprefix("\ufeff")
    expected = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", expected_text)
    original = lines_module.CHUNK
    lines_module.CHUNK = chunk
    try:
        found = lines_module.Lines(io.BytesIO(data), lambda: None)
        got = [line + found.end for line in found]  # each line, then the end it had
    finally:
        lines_module.CHUNK = original
    assert [line.rstrip("\r\n") for line in got] == [line.rstrip("\r\n") for line in expected]
    assert "".join(got) == "".join(expected) + (
        "\n" if expected and expected[-1][-1:] not in "\r\n" else ""
    )


# --- batch -------------------------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["csv", "tsv", "jsonl", "lines"]))
def test_random_bytes_into_batch(data: bytes, kind: str) -> None:
    result = invoke(["batch", "--input-format", kind, "--years", "3"], data)
    well_behaved(result, {0, 1, 2})
    if result.exit_code in (0, 1) and kind in ("csv", "tsv"):
        delimiter = "," if kind == "csv" else "\t"
        table = list(csv.reader(io.StringIO(result.stdout), delimiter=delimiter))
        assert len({len(row) for row in table}) == 1  # every row has the header's columns


text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=15
)
values = st.one_of(
    st.none(), st.integers(-10, 10**6), st.floats(allow_nan=False), text, st.booleans()
)
keys = st.sampled_from(["role", "years", "level", "location", "team", "id", "Role", "x"])


@SETTINGS
@given(st.lists(st.dictionaries(keys, values, max_size=5), min_size=1, max_size=10))
def test_random_jsonl_records_one_out_per_record_in(records: list[dict[str, object]]) -> None:
    data = "".join(json.dumps(record) + "\n" for record in records)
    for output in ("jsonl", "csv"):
        result = invoke(["batch", "--input-format", "jsonl", "-f", output, "--years", "3"], data)
        well_behaved(result, {0, 1})
        if output == "jsonl":
            out = [json.loads(line) for line in result.stdout.split("\n")[:-1]]
        else:
            out = list(csv.DictReader(io.StringIO(result.stdout)))
            widths = {len(row) for row in csv.reader(io.StringIO(result.stdout))}
            assert len(widths) == 1
        assert len(out) == len(records)
        counted = re.match(
            r"salarycli: (\d+) estimated, (\d+) failed", result.stderr.splitlines()[-1]
        )
        assert counted is not None and int(counted[1]) + int(counted[2]) == len(records)


@SETTINGS
@given(st.lists(text, min_size=1, max_size=10))
def test_random_lines_one_out_per_line(roles: list[str]) -> None:
    roles = [role.replace("\r", " ").replace("\n", " ") for role in roles]
    data = "".join(role + "\n" for role in roles)
    result = invoke(["batch", "--input-format", "lines", "-f", "jsonl", "--years", "3"], data)
    well_behaved(result, {0, 1, 2})
    if result.exit_code != 2:
        out = result.stdout.split("\n")[:-1]
        assert len(out) == sum(1 for role in roles if role.strip())


# --- the command line ----------------------------------------------------------------------------

argument = st.one_of(
    text,
    st.sampled_from(["Civil Engineer", "SWE II", "17-2051", "CA", "Austin, TX", "-", "120k", "0"]),
)


@SETTINGS
@given(argument, st.one_of(st.none(), argument), st.one_of(st.none(), argument))
def test_random_estimate_arguments(role: str, years: str | None, location: str | None) -> None:
    args = ["estimate", "--", role] if role.startswith("-") and role != "-" else ["estimate", role]
    if years is not None:
        args[1:1] = ["--years", years]
    if location is not None:
        args[1:1] = ["--location", location]
    well_behaved(invoke([*args, "-f", "json"], ""), {0, 1, 2})


@SETTINGS
@given(argument, argument, st.one_of(st.none(), argument))
def test_random_rank_and_relocate_arguments(role: str, salary: str, place: str | None) -> None:
    rank = (
        ["rank", "--", role, salary] if place is None else ["rank", "-L", place, "--", role, salary]
    )
    well_behaved(invoke([*rank[:1], "-f", "json", *rank[1:]]), {0, 1, 2})
    relocate = ["relocate", "--from", place or "CA", "--to", "TX", "-f", "json", "--", role, salary]
    well_behaved(invoke(relocate), {0, 1, 2})


# --- user data ---------------------------------------------------------------------------------

cells = st.one_of(
    st.sampled_from(
        ["", " ", "100000", "95k", "0", "-1", "1e400", "0.4", "12.5", "x", "USD", "eur"]
    ),
    st.sampled_from(["XYZ", "15-1252", "99-9999", "true", "nan", "100000001", '"', "a,b"]),
    text,
)


@SETTINGS
@given(
    st.sampled_from(["roles.csv", "bands.json", "bands.toml"]),
    st.one_of(st.binary(max_size=200), st.lists(st.lists(cells, max_size=6), max_size=6)),
)
def test_random_files_as_data(
    tmp_path_factory, name: str, content: bytes | list[list[str]]
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("data")
    if isinstance(content, list):
        buffer = io.StringIO()
        csv.writer(buffer).writerows(
            [["role", "base_salary", "currency", "soc", "p25", "p75"], *content]
        )
        payload = buffer.getvalue().encode("utf-8", "surrogatepass")
    else:
        payload = content
    (folder / name).write_bytes(payload)
    target = folder if name.endswith(".csv") else folder / name
    result = invoke(["--data", str(target), "roles", "-f", "csv"])
    well_behaved(result, {0, 3})


# The direct way of building a plain csv row must agree with RoleRow: it may decline a row,
# never accept one that RoleRow refuses, and builds the same Role when it accepts.
money = st.one_of(
    st.just(""),
    st.integers(0, 200_000_000).map(str),
    st.sampled_from(["1", "100000000", "100000001", "95k", "012", " 5000 ", "1e5", "7.5"]),
)
codes = st.sampled_from(["", "15-1252", "17-2051", "99-9999", "152051", " 15-1252 "])


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.one_of(text, st.just("Rust Wizard")),
            money,
            st.sampled_from(["", "USD", "eur", "XYZ", " gbp "]),
            codes,
            codes,
            money,
            money,
            st.sampled_from(["", "0", "12", "-3", "x"]),
            st.one_of(st.just(""), text),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_the_direct_way_agrees_with_the_schema(rows: list[tuple[str, ...]]) -> None:
    names = ["role", "base_salary", "currency", "soc", "reference_soc", "p25", "p75"]
    names += ["employment", "group"]
    occupations = frozenset(role.soc for role in load_bundled().roles if role.soc)
    plain = user._plain_roles(names, "your data (x)", load_currencies(), occupations)
    assert plain is not None
    for row in rows:
        direct = plain(list(row))
        fields = {name: value for name, value in zip(names, row, strict=True) if value.strip()}
        problems: list[str] = []
        checked = user._validated("f:2", fields, user.RoleRow, problems)
        if direct is None:
            continue
        assert checked is not None, (row, problems)
        assert direct == user._role_of(checked, "your data (x)")


def test_the_direct_way_is_taken_for_ordinary_rows() -> None:
    occupations = frozenset(role.soc for role in load_bundled().roles if role.soc)
    plain = user._plain_roles(["role", "base_salary", "soc"], "s", load_currencies(), occupations)
    assert plain is not None and plain(["Data Wrangler", "95000", "15-2051"]) is not None
    assert user._plain_roles(["role", "featured"], "s", load_currencies(), occupations) is None


def test_random_data_file_never_hangs_on_a_path_that_is_not_a_file(tmp_path: Path) -> None:
    result = invoke(["--data", str(tmp_path / "missing" / "roles.csv"), "roles"])
    well_behaved(result, {3})
