"""Credits for low wages, tax year 2025, pure: the federal earned income tax credit (EITC) of a
worker aged 25 to 64 with no qualifying child, the states' own EITCs and other credits for low
incomes (refundable, or limited to the tax), and New York City's EITC, each from
data/tax_2025.csv with its official source.

A refundable credit larger than the tax makes the tax negative: a refund. Where a state's
low-income rules are not computed here, `not_computed` says why, and take-home is not given.
"""

from __future__ import annotations

from fractions import Fraction
from math import ceil, floor

from salarycli.core.state_worksheets import household_credit
from salarycli.core.tax_schedules import PEOPLE, TaxTable, amount_at, by_schedule

EIC_ROW = 50  # the IRS EIC Table's rows are $50 wide; each row's credit is its middle's
# states whose EITC is a share of the federal credit, refundable (an "eitc_match" row)
# or limited to the tax ("eitc_match_nonrefundable"); DE offers both, and one takes the larger
REFUNDABLE = frozenset(
    [
        "CO",
        "CT",
        "DE",
        "HI",
        "IA",
        "IL",
        "IN",
        "KS",
        "LA",
        "MA",
        "ME",
        "MI",
        "MT",
        "NE",
        "NJ",
        "NM",
        "OK",
        "OR",
        "PA",
        "RI",
        "VT",
    ]
)
NONREFUNDABLE = frozenset(["DE", "MO", "OH", "SC", "UT"])
# where the state deducts or caps by the federal income tax, and how it treats the federal
# EITC in that figure is not computed here: no take-home where both are above zero
FEDERAL_TAX_NET = {"AL": "Alabama", "MO": "Missouri", "OR": "Oregon"}
# Ohio (IT-1040 instructions, Ohio EITC): over $20,000 of Ohio income the credit is at most
# half the tax
OHIO_HALF_FROM = 20_000


def _first(t: TaxTable, where: str, item: str) -> Fraction:
    """The first row of a schedule by number of children: the figure for none."""
    return t.schedule(where, item, "all")[0][1]


def _phaseout_start(t: TaxTable, filing: str) -> Fraction:
    start = _first(t, "US", "eitc_phaseout_start")
    return start + (_first(t, "US", "eitc_joint_bonus") if filing == "joint" else 0)


def eitc_phased(
    t: TaxTable, income: Fraction, start: Fraction, rate: Fraction | None = None
) -> Fraction:
    """The EITC formula for no qualifying child, exact: 7.65% of earnings up to its most,
    less `rate` (the federal 7.65% unless given) of income over `start`."""
    most = _first(t, "US", "eitc_max")
    rate = _first(t, "US", "eitc_phaseout_rate") if rate is None else rate
    phased_in = min(income * _first(t, "US", "eitc_phase_in_rate"), most)
    return max(Fraction(0), phased_in - max(Fraction(0), income - start) * rate)


def federal_eitc(t: TaxTable, income: Fraction, filing: str) -> Fraction:
    """Form 1040 line 27a by the EIC Table: the credit at the middle of the $50 row that
    `income` (earned income and AGI alike, for wages alone) falls in, to the dollar."""
    if income <= 0:
        return Fraction(0)
    middle = Fraction(floor(income / EIC_ROW) * EIC_ROW + EIC_ROW // 2)
    exact = eitc_phased(t, middle, _phaseout_start(t, filing))
    return Fraction((2 * exact.numerator + exact.denominator) // (2 * exact.denominator))


def eitc_end(t: TaxTable, filing: str) -> Fraction:
    """The income at which the federal EITC of no qualifying child has phased out."""
    most = _first(t, "US", "eitc_max")
    return _phaseout_start(t, filing) + most / _first(t, "US", "eitc_phaseout_rate")


def not_computed(
    t: TaxTable, state: str, income: Fraction, filing: str, federal_tax: Fraction, eitc: Fraction
) -> str | None:
    """Why `state`'s tax on `income` is not computed: a low-income rule salarycli lacks."""
    if state == "CA" and income < t.value("CA", "eitc_end", filing):
        end = t.value("CA", "eitc_end", filing)
        return f"California's earned income tax credit (CalEITC, to ${int(end):,}) is not computed"
    if state == "AR" and income < t.value("AR", "low_income_table_end", filing):
        end = t.value("AR", "low_income_table_end", filing)
        return f"Arkansas's low-income tax tables (to ${int(end):,}) are not computed"
    if state in ("MD", "VA", "WV") and income < eitc_end(t, filing):
        named = {
            "MD": "Maryland's earned income and poverty-line credits",
            "VA": "Virginia's earned income and low-income credits",
            "WV": "West Virginia's low-income exclusion and family tax credit",
        }[state]
        return f"{named} (to ${ceil(eitc_end(t, filing)):,}) are not computed"
    if state in FEDERAL_TAX_NET and eitc > 0 and federal_tax > 0:
        return (
            f"{FEDERAL_TAX_NET[state]}'s deduction of federal income tax beside the federal "
            "earned income tax credit is not computed"
        )
    return None


def state_after_credits(
    t: TaxTable,
    state: str,
    tax: Fraction,
    agi: Fraction,
    wages: Fraction,
    filing: str,
    eitc: Fraction,
) -> Fraction:
    """`state`'s income tax `tax` (before credits) less its low-income credits, `eitc` the
    federal credit: the nonrefundable ones down to zero, the refundable ones below it."""
    people = PEOPLE[filing]
    if state == "NJ" and agi <= t.value("NJ", "no_tax_income", filing):
        tax = Fraction(0)  # NJ-1040: no tax on gross income at or under the threshold
    if state == "PA":
        tax *= 1 - _pennsylvania_forgiven(t, wages, filing)
    limited = Fraction(0)  # nonrefundable credits
    refund = Fraction(0)  # refundable credits
    if state == "GA":  # Form 500 line 16: the low income credit, per person
        limited += amount_at(agi, t.schedule("GA", "low_income_credit", filing), True) * people
    if state == "KY":  # Schedule ITC: the family size tax credit, a share of the tax
        guideline = t.value("KY", "poverty_guideline", filing)
        guideline += t.value("KY", "poverty_guideline_more", filing) * (people - 1)
        rate = amount_at(agi / guideline, t.schedule("KY", "family_size_credit_rate", filing))
        limited += rate * max(Fraction(0), tax)
    if state in NONREFUNDABLE:
        share = eitc * t.value(state, "eitc_match_nonrefundable", filing)
        if state == "OH" and agi > OHIO_HALF_FROM:
            share = min(share, max(Fraction(0), tax) / 2)
        limited += share
    if state in REFUNDABLE:
        refund += eitc * _match(t, state)
    refund += _refundable_low_income(t, state, agi, wages, filing)
    if state == "NY":  # IT-215: 30% of the federal credit less the household credit
        refund += max(Fraction(0), eitc * _match(t, "NY") - household_credit(t, "NY", agi, filing))
    if state == "DC":  # D-40 line 27: the federal formula with DC's own phase-out
        start = t.value("DC", "eitc_phaseout_start", filing)
        refund += eitc_phased(t, agi, start, t.value("DC", "eitc_phaseout_rate", filing))
    if state == "DE":  # the larger of the refundable 4.5% and the nonrefundable 20%
        kept = min(limited, max(Fraction(0), tax))
        refundable = eitc * _match(t, "DE")
        if refundable > kept:
            return tax - refundable
        return tax - kept
    return tax - min(limited, max(Fraction(0), tax)) - refund


def _match(t: TaxTable, state: str) -> Fraction:
    found = t.values.get((state, "eitc_match", "all"))
    return found if found is not None else _first(t, state, "eitc_match")  # VT, by children


def _refundable_low_income(
    t: TaxTable, state: str, agi: Fraction, wages: Fraction, filing: str
) -> Fraction:
    """Refundable credits by income and household size, not by the EITC."""
    people = PEOPLE[filing]
    if state == "CO":  # DR 0104 line 34: the state sales tax refund, per person, by AGI
        return amount_at(agi, t.schedule("CO", "sales_tax_refund", filing), True) * people
    if state == "HI":  # N-11: the food/excise tax credit, per exemption, by AGI
        return amount_at(agi, t.schedule("HI", "food_excise_credit", filing), True) * people
    if state == "AZ" and agi <= t.value("AZ", "excise_credit_limit", filing):
        each = t.value("AZ", "excise_credit", filing)
        return min(each * people, t.value("AZ", "excise_credit_max", filing))
    if state == "OK" and wages <= t.value("OK", "sales_tax_credit_limit", filing):
        return t.value("OK", "sales_tax_credit", filing) * people  # Form 538-S
    if state == "NM":  # PIT-RC: the low-income comprehensive tax rebate, by income
        return amount_at(agi, t.schedule("NM", "low_income_rebate", filing))
    if state == "ME":  # the sales tax fairness credit, less each step of income over its start
        over = max(Fraction(0), agi - t.value("ME", "sales_tax_fairness_start", filing))
        steps = ceil(over / t.value("ME", "sales_tax_fairness_step", filing))
        less = steps * t.value("ME", "sales_tax_fairness_step_amount", filing)
        return max(Fraction(0), t.value("ME", "sales_tax_fairness_credit", filing) - less)
    if state == "MN":  # Schedule M1CWFC: the working family credit, phased out over income
        earned = by_schedule(agi, t.schedule("MN", "working_family_phase_in", filing))
        over = max(Fraction(0), agi - t.value("MN", "working_family_phaseout_start", filing))
        return max(
            Fraction(0), earned - over * t.value("MN", "working_family_phaseout_rate", filing)
        )
    return Fraction(0)


def _pennsylvania_forgiven(t: TaxTable, income: Fraction, filing: str) -> Fraction:
    """PA Schedule SP: the share of the tax forgiven, all of it to the eligibility income
    limit ($6,500 a person), 10% less for each $250 (or part) above it."""
    base = t.value("PA", "forgiveness_base", filing) * PEOPLE[filing]
    if income <= base:
        return Fraction(1)
    steps = ceil((income - base) / t.value("PA", "forgiveness_step", filing))
    return max(Fraction(0), 1 - steps * t.value("PA", "forgiveness_step_share", filing))


def new_york_city_eitc(t: TaxTable, agi: Fraction, filing: str) -> Fraction:
    """IT-215 line 30-34: New York City's EITC, a share of the federal credit by AGI (30%
    under $5,000, falling to 10% from $42,500, in steps that slide)."""
    eitc = federal_eitc(t, agi, filing)
    if eitc == 0:
        return Fraction(0)
    share = amount_at(agi, t.schedule("NYC", "eitc_match", filing), True)
    start = amount_at(agi, t.schedule("NYC", "eitc_reduction_from", filing), True)
    if start > 0:
        share -= (agi - start) * t.value("NYC", "eitc_match_reduction", filing)
    return eitc * share
