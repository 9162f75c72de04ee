"""Take-home pay's taxes: which mechanism computes each, and the tax library where it is used.

Federal income tax, Social Security, Medicare, the state payroll contributions, New York
City's and the other local taxes, and the income tax of every state core.income_tax has a rule
for are computed by salarycli itself from data/tax_2025.csv and its neighbours (each parameter
with its official source; tests/test_income_tax.py holds returns derived by hand). The income
tax of the other states comes from tenforty (the optional extra salarycli[tax], imported only
here), and only from the wage from which it agrees to the dollar with PolicyEngine-US over a
grid of wages and filing statuses (data/tax_states.csv, benchmarks/tax_agreement.py);
elsewhere the state's tax, and so take-home, is shown as missing, with why.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

from salarycli.core import income_tax
from salarycli.core.takehome import (
    FILINGS,
    NO_INCOME_TAX,
    TAX_YEAR,
    IncomeTaxes,
    Locality,
    TakeHome,
    contributions,
    take_home,
)
from salarycli.errors import BadInput
from salarycli.sources.files import data_dir

STATES_FILE = "tax_states.csv"
INSTALL = "pip install 'salarycli[tax]'"
LIBRARY_CHECKED = 505_000  # the highest wage benchmarks/tax_agreement.py checked the library at


@cache
def checked_states() -> dict[str, dict[str, str]]:
    """USPS code -> its row of data/tax_states.csv (computed: yes or no, and why)."""
    with (data_dir() / STATES_FILE).open(encoding="utf-8", newline="") as stream:
        return {row["state"]: row for row in csv.DictReader(stream)}


def by_salarycli(state: str) -> bool:
    """Whether salarycli computes `state`'s income tax itself (or it has none on wages)."""
    return state in NO_INCOME_TAX or state in income_tax.RULES


def why_not(state: str, gross: int) -> str | None:
    """Why `state`'s income tax on `gross` is not computed, or None when it is."""
    if by_salarycli(state):
        return None
    row = checked_states().get(state)
    if row is None:
        return f"salarycli computes no income tax for {state}"
    start = row["computed_from"]
    if start and gross > LIBRARY_CHECKED:
        return (
            f"{state}'s 2025 income tax comes from the tax library, checked against "
            f"PolicyEngine-US up to ${LIBRARY_CHECKED:,} a year: not computed above it"
        )
    if start and gross >= int(start):
        return None
    return row["why"]


@cache
def _library() -> Any:
    try:
        import tenforty
    except ImportError:
        raise BadInput(f"this state's income tax needs the tax library: {INSTALL}") from None
    return tenforty


def require(state: str | None = None) -> None:
    """BadInput (exit 2) unless what `state` (None: any state) needs is installed."""
    if state is None or not by_salarycli(state):
        _library()


@lru_cache(maxsize=1 << 16)
def breakdown(
    gross: int, state: str, filing: str, pretax: int = 0, locality: Locality | None = None
) -> TakeHome:
    """The take-home breakdown of `gross` wages in `state` (and `locality`), for `filing`
    (single | joint | head), with `pretax` dollars of 401(k)-type deferrals."""
    from salarycli.sources.tax_tables import load_contributions, load_tax_table

    table = load_tax_table()
    agi = Fraction(gross - pretax)
    wages = Fraction(gross)
    fed = income_tax.federal(table, agi, wages, filing)
    fica = _fica(table, wages, filing)
    state_tax: Fraction | None
    if state in NO_INCOME_TAX:
        state_tax = Fraction(0)
    elif state in income_tax.RULES:
        state_tax = income_tax.state_income_tax(table, state, agi, filing, fed, fica[0] + fica[1])
    elif why_not(state, gross) is None:  # Pennsylvania taxes 401(k) deferrals as wages
        state_tax = _library_state_tax(gross if state == "PA" else gross - pretax, state, filing)
    else:
        state_tax = None
    local = _local(table, locality, agi, wages, filing, state_tax) if locality else None
    taxes = IncomeTaxes(fed.income_tax, state_tax, local, fed.additional_medicare)
    owed = contributions(gross, load_contributions().get(state, ()))
    name = locality.name if locality and local is not None else None
    return take_home(gross, filing, state, taxes, fica, owed, name, pretax)


def _fica(table: income_tax.TaxTable, wages: Fraction, filing: str) -> tuple[Fraction, Fraction]:
    """Social Security (up to the wage base) and Medicare at 1.45%, exact."""
    base = min(wages, table.value("US", "social_security_wage_base", filing))
    return (
        base * table.value("US", "social_security_rate", filing),
        wages * table.value("US", "medicare_rate", filing),
    )


def _local(
    table: income_tax.TaxTable,
    locality: Locality,
    agi: Fraction,
    wages: Fraction,
    filing: str,
    state_tax: Fraction | None,
) -> Fraction | None:
    """A local income tax: New York City's return on New York taxable income, a surcharge on
    the state's tax, a Maryland county's rate on Maryland taxable income, a flat rate on all
    wages (Philadelphia's wage tax and others, 401(k) deferrals included), or a fixed amount a
    year (Denver's occupational privilege tax)."""
    if locality.rule == "nyc":
        return income_tax.new_york_city(table, agi, filing)
    if locality.rule == "surcharge" and locality.rate is not None and state_tax is not None:
        return state_tax * locality.rate
    if locality.rule == "md_county":
        return income_tax.maryland_county(table, locality.name, locality.rate, agi, filing)
    if locality.rule == "flat" and locality.rate is not None:
        return wages * locality.rate
    if locality.rule == "fixed" and locality.rate is not None:
        return locality.rate
    return None


def _library_state_tax(agi: int, state: str, filing: str) -> Fraction:
    result = _library().evaluate_return(
        year=TAX_YEAR,
        state=state,
        filing_status=FILINGS[filing],
        w2_income=agi,
        backend="graph",
    )
    return Fraction(_cents(result.state_total_tax))


def _cents(value: float) -> Decimal:
    """A library figure (a float) to the cent: 449.99999999999994 is 450.00."""
    return Decimal(repr(value)).quantize(Decimal("0.01"))
