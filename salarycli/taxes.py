"""Take-home pay's taxes for one return: federal, state and local income tax, Social Security,
Medicare and the state's payroll contributions (core.takehome's breakdown).

Every figure is computed by salarycli itself (core.income_tax) from data/tax_2025.csv,
data/payroll_2025.csv and data/local_taxes_2025.csv, each parameter with its official source:
all 50 states and DC, no tax library needed. tests/test_income_tax.py holds returns derived
by hand and checks the federal return and 16 states against the tax library tenforty, which
only the tests and benchmarks use. Returns are remembered by their arguments.
"""

from __future__ import annotations

from functools import lru_cache

from salarycli.core import credits, income_tax
from salarycli.core.exact import Fraction
from salarycli.core.record import replace
from salarycli.core.state_worksheets import maryland_taxable
from salarycli.core.takehome import (
    NO_INCOME_TAX,
    IncomeTaxes,
    Locality,
    TakeHome,
    contributions,
    take_home,
)

# where every place has a local income tax that only its county decides: take-home needs the
# county (a take-home without it would be too high, and rank too high)
COUNTY_NEEDED = {
    "MD": "Maryland's county income tax (2.25% to 3.3% of Maryland taxable income) depends on "
    'the county: name it for take-home (-L "Montgomery County, MD"; Baltimore: -L '
    '"Baltimore, MD")',
    "IN": "Indiana's county income tax (0.5% to 3% of Indiana adjusted gross income) depends "
    'on the county: name it for take-home (-L "Marion County, IN"; Indianapolis: -L '
    '"Indianapolis, IN")',
}


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
    eitc = credits.federal_eitc(table, agi, filing)
    fica = _fica(table, wages, filing)
    federal_tax = fed.income_tax
    state_tax: Fraction | None
    if state in NO_INCOME_TAX:
        state_tax = Fraction(0)
    else:  # Pennsylvania taxes 401(k) deferrals as compensation
        income = wages if state == "PA" else agi
        deducted = credits.federal_tax_deducted(state, fed.income_tax, eitc)
        if deducted != fed.income_tax:
            fed = replace(fed, income_tax=deducted)
        state_tax = income_tax.state_income_tax(
            table, state, income, filing, fed, fica[0] + fica[1]
        )
        if state_tax is not None:
            state_tax = credits.state_after_credits(
                table, state, state_tax, agi, wages, filing, eitc
            )
    local = _local(table, locality, agi, wages, filing, state_tax, eitc) if locality else None
    taxes = IncomeTaxes(federal_tax - eitc, state_tax, local, fed.additional_medicare)
    owed = contributions(gross, load_contributions().get(state, ()))
    name = locality.name if locality and local is not None else None
    found = take_home(gross, filing, state, taxes, fica, owed, name, pretax, int(eitc))
    if state in COUNTY_NEEDED and locality is None:
        return replace(found, take_home=None)
    return found


def why_not(state: str, locality: Locality | None = None) -> str | None:
    """Why take-home is not computed in `state`: a place outside the 50 states and DC, or a
    state whose county decides a local tax, with no county named."""
    if state in COUNTY_NEEDED and locality is None:
        return COUNTY_NEEDED[state]
    if state in NO_INCOME_TAX or state in income_tax.RULES:
        return None
    return f"salarycli computes no income tax for {state}"


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
    eitc: Fraction,
) -> Fraction | None:
    """A local income tax: New York City's return on New York taxable income, a surcharge on
    the state's tax, a Maryland county's rate on Maryland taxable income, a flat rate on all
    wages (Philadelphia's wage tax and others, 401(k) deferrals included), or a fixed amount a
    year (Denver's occupational privilege tax)."""
    if locality.rule == "nyc":  # with its earned income tax credit
        nyc = income_tax.new_york_city(table, agi, filing)
        return nyc - credits.new_york_city_eitc(table, agi, filing)
    if locality.rule == "surcharge" and locality.rate is not None and state_tax is not None:
        return state_tax * locality.rate
    if locality.rule == "md_county":  # less the county's EITC and poverty line credit
        county = income_tax.maryland_county(table, locality.name, locality.rate, agi, filing)
        taxable = maryland_taxable(table, agi, filing)
        return county - credits.maryland_local_credits(table, county, taxable, agi, filing, eitc)
    if locality.rule == "in_county" and locality.rate is not None:
        # Schedule CT-40: the county's rate on Indiana AGI after the $1,000 exemptions
        exemptions = table.value("IN", "exemption", filing) * income_tax.PEOPLE[filing]
        return max(Fraction(0), agi - exemptions) * locality.rate
    if locality.rule == "exemptions" and locality.rate is not None:
        # Michigan's city returns (Detroit's Form 5118): AGI less an exemption per person
        exemptions = table.value(locality.name, "exemption", filing) * income_tax.PEOPLE[filing]
        return max(Fraction(0), agi - exemptions) * locality.rate
    if locality.rule == "flat" and locality.rate is not None:
        return wages * locality.rate
    if locality.rule == "fixed" and locality.rate is not None:
        return locality.rate
    return None
