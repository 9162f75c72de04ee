"""Turns an amount of money as typed into whole dollars."""

from __future__ import annotations

import re
from fractions import Fraction
from math import floor

from salarycli.errors import BadInput

_SALARY = re.compile(r"^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([km])?$", re.IGNORECASE)


SALARY_HELP = "salary must be a positive amount like 120000, 120,000 or 120k"


def parse_salary(text: str) -> int:
    """A yearly salary in whole dollars: 120000, 120,000, 120k, $120k, 1.2m (rounded half up)."""
    match = _SALARY.match(text.strip())
    if not match:
        raise BadInput(f"{SALARY_HELP}, got {text!r}")
    whole, fraction, scale = match.groups()
    amount = Fraction(whole.replace(",", "") + (fraction or ""))
    amount *= {"k": 1_000, "m": 1_000_000}.get((scale or "").lower(), 1)
    dollars = floor(amount + Fraction(1, 2))
    if dollars <= 0:
        raise BadInput(f"{SALARY_HELP}, got {text!r}")
    return dollars
