"""Turns an amount of money as typed into whole dollars a year.

Accepted: 120000, 120,000, 120k, $120k, 1.2m, $120k/yr, 135,000 USD; hourly wages as 65/hr,
65 per hour, $32.50/h, $32.50 an hour (times 2,080 hours, as BLS annualises hourly wages);
PPP dollars as 70k PPP (for a salary paid in another country). Refused (exit 2, with the
question to answer): an amount below any yearly wage BLS publishes with no unit ("65": did you
mean 65/hr or 65k?), a dot as a thousands separator ("135.000"), another currency ("€70k").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import ROUND_HALF_UP, Decimal
from math import floor
from typing import NamedTuple

from salarycli.core.exact import Fraction, parse
from salarycli.core.records import CENT, HOURS_A_YEAR
from salarycli.errors import BadInput
from salarycli.resolve.text import shown

_AMOUNT = re.compile(
    r"^(?:\$|US\$|usd\s*)?\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?\s*"
    r"(?P<scale>[km])?\s*(?P<currency>usd_ppp|ppp|usd)?\s*"
    r"(?P<unit>/\s*(?:h|hr|hour)|(?:per|an|a)\s+hour|hourly"
    r"|/\s*(?:y|yr|year)|(?:per|a)\s+year|yearly|annually)?\s*(?P<after>usd_ppp|ppp|usd)?$",
    re.IGNORECASE,
)
_SYMBOLS = re.compile(r"[€£¥₹₩₽¢]|\b[a-z]{3}\b", re.IGNORECASE)  # a sign or an ISO 4217 code
MIN_SALARY, MAX_SALARY = 1, 100_000_000  # a year, in dollars (README, "Limits")
# The lowest yearly wage BLS publishes for any occupation anywhere (the federal minimum wage,
# $7.25, for 2,080 hours): an amount below it with no unit is not taken as a year's pay.
# tests/test_amounts.py checks it against the bundled tables.
LOWEST_ANNUAL = 15_080
SALARY_HELP = (
    "a salary is from $1 to $100,000,000 a year (120000, 120,000 or 120k; an hourly wage as 65/hr)"
)


class Amount(NamedTuple):
    """An amount as typed, in whole dollars a year; `hourly` is the hourly wage typed, if it
    was one; `ppp` whether it was given in PPP dollars."""

    dollars: int
    hourly: Fraction | None = None
    ppp: bool = False

    @property
    def per_hour(self) -> Decimal | None:
        """The hourly wage typed, in dollars and cents (half up), if one was."""
        if self.hourly is None:
            return None
        exact = Decimal(self.hourly.numerator) / self.hourly.denominator
        return exact.quantize(CENT, ROUND_HALF_UP)

    @property
    def note(self) -> str | None:
        """What was read, when it was not a year's pay in dollars."""
        if self.hourly is None:
            return None
        wage = f"${float(self.hourly):,.2f}".replace(".00", "")
        return (
            f"{wage} an hour read as ${self.dollars:,} a year "
            f"({HOURS_A_YEAR:,} hours, as BLS annualises hourly wages)"
        )


def parse_amount(text: str, currencies: Collection[str] = ()) -> Amount:
    """An amount of money as typed (see above); BadInput (exit 2) for anything else.
    `currencies`: the ISO 4217 codes known (Session.amount gives them), so that "70k EUR" is
    refused as a foreign currency, not as unreadable."""
    cleaned = text.strip()
    match = _AMOUNT.match(cleaned) if len(cleaned) <= 40 else None
    if not match:
        if len(cleaned) <= 40 and _foreign(cleaned, currencies):
            raise BadInput(
                f"salarycli works in US dollars and ships no exchange rates, got {shown(text)}: "
                "convert it to US dollars first"
            )
        raise BadInput(f"{SALARY_HELP}, got {shown(text)}")
    number, fraction, scale, unit = match.group("number", "fraction", "scale", "unit")
    currencies = {c.lower() for c in match.group("currency", "after") if c}
    if len(currencies) > 1:
        raise BadInput(f"{SALARY_HELP}, got {shown(text)}")
    if fraction and len(fraction) == 4 and "," not in number and not scale:
        raise BadInput(
            f"{shown(text)} could be {number} or {number},{fraction[1:]} (a dot as a thousands "
            f"separator): write {number}{fraction[1:]} or {number},{fraction[1:]}"
        )
    amount = _number(match)
    hourly = unit is not None and "h" in unit.lower()
    dollars = floor(amount * (HOURS_A_YEAR if hourly else 1) + Fraction(1, 2))
    if not MIN_SALARY <= dollars <= MAX_SALARY:
        raise BadInput(f"{SALARY_HELP}, got {shown(text)}")
    if not unit and amount < LOWEST_ANNUAL:
        typed = number + (fraction or "") + (scale or "")
        if amount < 1_000:
            question = f"did you mean {typed}/hr or {typed}k?"
        else:
            question = f"write {typed}/yr if you mean a year, or give an hourly wage as N/hr"
        raise BadInput(
            f"{shown(text)} is below any yearly wage BLS publishes (${LOWEST_ANNUAL:,}): "
            + question
        )
    return Amount(dollars, amount if hourly else None, bool(currencies - {"usd"}))


def parse_dollars(text: str, option: str) -> int:
    """A yearly amount in whole dollars from $0, as a salary is written (10000, 10,000, $10k,
    2.5k, 10k/yr) but never per hour nor in PPP dollars (--pretax); BadInput otherwise."""
    cleaned = text.strip()
    match = _AMOUNT.match(cleaned) if len(cleaned) <= 40 else None
    dollars = -1
    if match is not None:
        hourly = "h" in (match.group("unit") or "").lower()
        currencies = {c.lower() for c in match.group("currency", "after") if c}
        if not hourly and not currencies - {"usd"}:
            dollars = floor(_number(match) + Fraction(1, 2))
    if not 0 <= dollars <= MAX_SALARY:
        raise BadInput(f"{option} takes dollars a year (10000, 10,000 or 10k), not {cleaned!r}")
    return dollars


def _number(match: re.Match[str]) -> Fraction:
    """The amount a matched text writes: its digits, fraction and k or m."""
    number, fraction, scale = match.group("number", "fraction", "scale")
    amount = parse(number.replace(",", "") + (fraction or ""))
    return amount * {"k": 1_000, "m": 1_000_000}.get((scale or "").lower(), 1)


def _foreign(text: str, currencies: Collection[str]) -> bool:
    """Whether `text` names a currency other than the US dollar: a sign, or an ISO code."""
    codes = set(currencies) - {"USD"}
    return any(len(found) == 1 or found.upper() in codes for found in _SYMBOLS.findall(text))
