"""Take-home pay, pure: a year's wages less federal, state and local income tax, Social
Security and Medicare, and the state's payroll contributions, for one earner with no other
income who takes the standard deduction and claims no dependents.

The income taxes come in computed (core.income_tax, by salarycli/taxes.py); the payroll
taxes are applied here from data/tax_2025.csv
(Social Security 6.2% of wages up to $176,100; Medicare 1.45% of all wages, and the additional
0.9% of Form 8959) and data/payroll_2025.csv. Pre-tax deductions (401(k) deferrals) lower
income tax, not Social Security, Medicare or the state contributions, which are on all wages.
Every figure is in whole dollars, each rounded half up once.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from salarycli.core.exact import Fraction
from salarycli.core.record import record
from salarycli.core.records import Place

TAX_YEAR = 2025
FILINGS = {"single": "Single", "joint": "Married/Joint", "head": "Head_of_House"}  # tenforty's
# (its names for the filing statuses: the benchmarks' and the tests' second opinion)
FILING_NAMES = {
    "single": "single",
    "joint": "married filing jointly, one earner",
    "head": "head of household",
}
ALIASES = {"married": "joint"}  # the --filing choice of earlier releases


def filing_status(text: str) -> str:
    """--filing's value as the tax code names it: single, joint or head."""
    return ALIASES.get(text.casefold(), text.casefold())


NO_INCOME_TAX = frozenset({"AK", "FL", "NV", "NH", "SD", "TN", "TX", "WA", "WY"})
CHECKED = (10_000, 1_000_000)  # the wages take-home is computed for


@record
class Contribution:
    """A state payroll contribution (data/payroll_2025.csv): `rate` of wages up to
    `wage_cap` (None: all wages), at most `annual_max` dollars a year (None: no limit)."""

    field: str
    name: str
    rate: Decimal
    wage_cap: int | None
    annual_max: Decimal | None


@record(unsafe_hash=True)
class Locality:
    """A local income tax (data/local_taxes_2025.csv): New York City's own return ("nyc"), a
    surcharge on the state's tax ("surcharge", Yonkers), a Maryland or Indiana county's rate
    on the state's taxable income ("md_county", "in_county"), a flat rate on wages ("flat")
    or a fixed amount a year ("fixed")."""

    name: str
    state: str
    rule: str
    rate: Fraction | None


@record
class IncomeTaxes:
    """A return's income taxes, exact: federal, state (None: not computed there), local
    (None: none applies), and the additional Medicare tax."""

    federal: Fraction
    state: Fraction | None
    local: Fraction | None
    additional_medicare: Fraction


@record
class TakeHome:
    gross: int
    filing: str  # single | joint | head
    state: str  # USPS code
    federal_income_tax: int
    state_income_tax: int | None
    social_security: int
    medicare: int  # 1.45% and the additional 0.9%
    take_home: int | None  # None when the state's tax is not computed
    local_income_tax: int | None = None  # None: no local income tax salarycli knows of
    locality: str | None = None
    state_payroll: int = 0
    contributions: tuple[tuple[str, int], ...] = ()  # (field, dollars) of each contribution
    pretax: int = 0
    earned_income_credit: int = 0  # the federal EITC in federal_income_tax (core.credits)


def dollars(amount: Fraction | Decimal) -> int:
    """To the dollar, half up (in integers: a Fraction's arithmetic is slow)."""
    if isinstance(amount, Fraction):
        numerator, denominator = amount.numerator, amount.denominator
        return (2 * numerator + denominator) // (2 * denominator)
    return int(amount.quantize(Decimal(1), ROUND_HALF_UP))


def contributions(gross: int, owed: tuple[Contribution, ...]) -> tuple[tuple[str, int], ...]:
    """Each state payroll contribution on `gross` wages, in whole dollars."""
    found = []
    for item in owed:
        base = gross if item.wage_cap is None else min(gross, item.wage_cap)
        amount = Decimal(base) * item.rate
        if item.annual_max is not None:
            amount = min(amount, item.annual_max)
        found.append((item.field, dollars(amount)))
    return tuple(found)


def take_home(
    gross: int,
    filing: str,
    state: str,
    taxes: IncomeTaxes,
    fica: tuple[Fraction, Fraction],
    owed: tuple[tuple[str, int], ...] = (),
    locality: str | None = None,
    pretax: int = 0,
    earned_income_credit: int = 0,
) -> TakeHome:
    """The breakdown of `gross`: `fica` is Social Security and Medicare at 1.45%, exact;
    `earned_income_credit` the federal EITC within `taxes.federal`."""
    social_security = dollars(fica[0])
    medicare = dollars(fica[1] + taxes.additional_medicare)
    federal = dollars(taxes.federal)
    state_tax = None if taxes.state is None else dollars(taxes.state)
    local = None if taxes.local is None else dollars(taxes.local)
    payroll = sum(amount for _, amount in owed)
    left = None
    if state_tax is not None:
        left = gross - pretax - federal - state_tax - (local or 0)
        left -= social_security + medicare + payroll
    return TakeHome(
        gross,
        filing,
        state,
        federal,
        state_tax,
        social_security,
        medicare,
        left,
        local,
        locality,
        payroll,
        owed,
        pretax,
        earned_income_credit,
    )


def tax_state(place: Place, usps_of: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The state whose income tax applies at `place` (USPS code), or None and why not.
    `usps_of` maps FIPS state codes to USPS codes."""
    if place.kind in ("national", "industry"):
        return None, (
            "take-home needs the US state you would live in: give --location (a city, county, "
            "ZIP code or state), or --state with a remote job"
        )
    if place.kind == "country":
        return None, "take-home is computed for US taxes only"
    if place.kind == "state" or place.located:
        found = usps_of.get(place.state_code or "")
        return (found, None) if found else (None, f"no US state income tax for {place.name}")
    if len(place.states) > 1:
        return None, (
            f"{place.name} spans {' and '.join(place.states)}, whose taxes differ: for "
            "take-home, name the city with its state (Philadelphia, PA), a county, a ZIP code, "
            "or give --state"
        )
    found = place.states[0] if place.states else usps_of.get(place.state_code or "")
    return (found, None) if found else (None, f"no US state income tax for {place.name}")


def out_of_range(gross: int) -> str | None:
    """Why take-home is not computed for `gross`, when it is outside the computed wages."""
    low, high = CHECKED
    if gross < low:
        return f"take-home is computed from ${low:,} a year"
    if gross > high:
        return f"take-home is computed up to ${high:,} a year"
    return None
