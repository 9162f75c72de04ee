"""Take-home pay, pure: a year's wages less federal and state income tax, Social Security and
Medicare, for one earner with no other income who takes the standard deduction.

Income taxes come from a tax library (salarycli/taxes.py); the payroll taxes are set by law in
a few figures, applied here (2025: Social Security 6.2% of wages up to the wage base of
$176,100, SSA's announcement of October 2024; Medicare 1.45% of all wages, and the additional
0.9% over $200,000 single or $250,000 married filing jointly, as the library computes it on
Form 8959). Every figure is in whole dollars, rounded half up once.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from salarycli.core.record import record
from salarycli.core.records import Place

TAX_YEAR = 2025
WAGE_BASE = 176_100  # Social Security's 2025 maximum taxable earnings (SSA)
SOCIAL_SECURITY = Decimal("0.062")
MEDICARE = Decimal("0.0145")
FILINGS = {"single": "Single", "married": "Married/Joint"}  # --filing -> the library's name
FILING_NAMES = {"single": "single", "married": "married filing jointly, one earner"}
NO_INCOME_TAX = frozenset({"AK", "FL", "NV", "NH", "SD", "TN", "TX", "WA", "WY"})


@record
class IncomeTaxes:
    """What the tax library computes for a return: each tax in dollars (to the cent)."""

    federal: Decimal
    state: Decimal | None  # None: not computed for this state (see taxes.py)
    additional_medicare: Decimal


@record
class TakeHome:
    gross: int
    filing: str  # single | married
    state: str  # USPS code
    federal_income_tax: int
    state_income_tax: int | None
    social_security: int
    medicare: int  # 1.45% and the additional 0.9%
    take_home: int | None  # None when the state's tax is not computed


def dollars(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), ROUND_HALF_UP))


def payroll(gross: int) -> tuple[int, Decimal]:
    """Social Security (whole dollars) and Medicare at 1.45% (to the cent)."""
    return dollars(Decimal(min(gross, WAGE_BASE)) * SOCIAL_SECURITY), Decimal(gross) * MEDICARE


def take_home(gross: int, filing: str, state: str, taxes: IncomeTaxes) -> TakeHome:
    social_security, medicare = payroll(gross)
    medicare_total = dollars(medicare + taxes.additional_medicare)
    federal = dollars(taxes.federal)
    state_tax = None if taxes.state is None else dollars(taxes.state)
    left = (
        None
        if state_tax is None
        else gross - federal - state_tax - social_security - medicare_total
    )
    return TakeHome(gross, filing, state, federal, state_tax, social_security, medicare_total, left)


CHECKED = (30_000, 505_000)  # the wages benchmarks/tax_agreement.py checked the library on


def tax_state(place: Place, usps_of: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The state whose income tax applies at `place` (USPS code), or None and why not.
    `usps_of` maps FIPS state codes to USPS codes."""
    if place.kind in ("national", "industry"):
        return None, "--net needs a US state to tax in: give --location"
    if place.kind == "country":
        return None, "--net computes US taxes only"
    if place.kind == "state" or place.located:
        found = usps_of.get(place.state_code or "")
        return (found, None) if found else (None, f"no US state income tax for {place.name}")
    if len(place.states) > 1:
        return None, (
            f"{place.name} spans {' and '.join(place.states)}, whose income taxes differ: for "
            "--net, give a ZIP code or a state"
        )
    found = place.states[0] if place.states else usps_of.get(place.state_code or "")
    return (found, None) if found else (None, f"no US state income tax for {place.name}")


def out_of_range(gross: int) -> str | None:
    """Why take-home is not computed for `gross`, when it is outside the checked wages."""
    low, high = CHECKED
    if gross < low:
        return (
            f"take-home is computed from ${low:,} a year: below it, credits such as the earned "
            "income tax credit may apply, which salarycli does not compute"
        )
    if gross > high:
        return f"take-home is computed up to ${high:,} a year, the wages it was checked on"
    return None
