"""Exact rational arithmetic for estimates and tax returns: quicktions' Fraction (the standard
library's fractions.Fraction compiled with Cython: the same values, about twice as fast), or
the standard library's where quicktions is not installed.

Text is read by `parse`, never by Fraction(text): quicktions 1.24's Fraction("5") (any one
digit) overwrites the interpreter's cached one-character string "\\x00" with the digit, after
which every NUL the process decodes reads as "5" (found by tests/test_properties.py, which saw
a NUL byte come back as "0")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the same API; the type checker reads the standard library's
    from fractions import Fraction
else:
    try:
        from quicktions import Fraction
    except ImportError:  # pragma: no cover - a platform without its wheel
        from fractions import Fraction


def parse(text: str) -> Fraction:
    """A decimal number ("12", "-0.062", ".5", "2.5e3") or a ratio ("7/3") as a Fraction,
    exactly; ValueError for anything else (as Fraction(text) would)."""
    number = text.strip()
    top, slash, bottom = number.partition("/")
    if slash:
        return Fraction(_whole(top), _whole(bottom))
    mantissa, _, exponent = number.lower().partition("e")
    whole, _, decimals = mantissa.partition(".")
    sign = -1 if whole[:1] == "-" else 1
    whole = whole[1:] if whole[:1] in ("-", "+") else whole
    digits = whole + decimals
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"not a number: {text!r}")
    value = Fraction(sign * int(digits), 10 ** len(decimals))
    return value * Fraction(10) ** _whole(exponent) if exponent else value


def _whole(text: str) -> int:
    plain = text.strip().lstrip("+-")
    if not (plain.isascii() and plain.isdigit()):
        raise ValueError(f"not a whole number: {text!r}")
    return int(text)


__all__ = ["Fraction", "parse"]
