"""Turns an amount of money as typed into whole dollars."""

from __future__ import annotations

import re
from fractions import Fraction
from math import floor

from salarycli.errors import BadInput
from salarycli.resolve.text import shown

_SALARY = re.compile(r"^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([km])?$", re.IGNORECASE)
MIN_SALARY, MAX_SALARY = 1, 100_000_000  # a year, in dollars (README, "Limits")
SALARY_HELP = "a salary is from $1 to $100,000,000 a year (120000, 120,000 or 120k)"


def parse_salary(text: str) -> int:
    """A yearly salary in whole dollars: 120000, 120,000, 120k, $120k, 1.2m (rounded half up),
    from MIN_SALARY to MAX_SALARY; BadInput (exit 2) for anything else."""
    cleaned = text.strip()
    match = _SALARY.match(cleaned) if len(cleaned) <= 32 else None
    if not match:
        raise BadInput(f"{SALARY_HELP}, got {shown(text)}")
    whole, fraction, scale = match.groups()
    amount = Fraction(whole.replace(",", "") + (fraction or ""))
    amount *= {"k": 1_000, "m": 1_000_000}.get((scale or "").lower(), 1)
    dollars = floor(amount + Fraction(1, 2))
    if not MIN_SALARY <= dollars <= MAX_SALARY:
        raise BadInput(f"{SALARY_HELP}, got {shown(text)}")
    return dollars
