"""core/exact.py: text read exactly, without quicktions' Fraction(text), whose one-digit case
(Fraction("5")) overwrote the interpreter's cached "\\x00" string (a NUL byte then decoded as
"5" in every later batch of the process)."""

from __future__ import annotations

import fractions
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salarycli.core.exact import Fraction, parse


def nul_intact() -> bool:
    return ord(b"\x00".decode()) == 0 and ord(chr(0)) == 0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", Fraction(0)),
        ("5", Fraction(5)),
        ("-0.062", Fraction(-62, 1000)),
        (".5", Fraction(1, 2)),
        ("+12.50", Fraction(25, 2)),
        ("2.5e3", Fraction(2500)),
        ("1E-2", Fraction(1, 100)),
        ("7/3", Fraction(7, 3)),
        (" 42 ", Fraction(42)),
    ],
)
def test_parse_reads_decimals_and_ratios_exactly(text: str, value: Fraction) -> None:
    assert parse(text) == value and nul_intact()


@pytest.mark.parametrize("text", ["", "-", ".", "abc", "nan", "inf", "1.2.3", "--5", "1/", "١٢"])
def test_parse_refuses_what_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse(text)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=6))
def test_parse_equals_the_standard_librarys_reading(number: object) -> None:
    text = f"{number:f}"
    assert parse(text) == fractions.Fraction(text)
    assert nul_intact()


def test_every_command_leaves_the_nul_string_alone() -> None:
    """The amounts and the tax tables are the text salarycli reads as fractions: after a rank
    of a one-digit salary, a take-home (the tables loaded) and a batch --net, in one process,
    a NUL byte still decodes as NUL."""
    code = (
        "from typer.testing import CliRunner\n"
        "from salarycli.cli import app\n"
        "run = CliRunner().invoke\n"
        "run(app, ['rank', 'Civil Engineer', '5'])\n"
        "run(app, ['takehome', '9', '-L', 'NYC', '-f', 'json'])\n"
        "run(app, ['takehome', '85000', '-L', 'Detroit', '-f', 'json'])\n"
        "run(app, ['batch', '--net'], input='role,years,location\\nCivil Engineer,4,CA\\n')\n"
        "print(ord(b'\\x00'.decode()), ord(chr(0)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "0 0\n"), done.stderr
