"""Credits for low wages, tax year 2025, pure: the federal earned income tax credit (EITC) of a
worker aged 25 to 64 with no qualifying child, the states' own EITCs and other credits for low
incomes (refundable, or limited to the tax), and New York City's EITC, each from
data/tax_2025.csv with its official source.

A refundable credit larger than the tax makes the tax negative: a refund.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil, floor

from salarycli.core.exact import Fraction
from salarycli.core.state_worksheets import household_credit, maryland_state_tax
from salarycli.core.tax_schedules import PEOPLE, TaxTable, amount_at, by_schedule, whole_dollars

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
# Ohio (IT-1040 instructions, Ohio EITC): over $20,000 of Ohio income the credit is at most
# half the tax
OHIO_HALF_FROM = 20_000
# states with refundable credits by income and household size (_refundable_low_income)
LOW_INCOME = frozenset(["CO", "HI", "AZ", "OK", "NM", "ME", "MN"])


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
    if income <= 0 or income >= eitc_end(t, filing):
        return Fraction(0)
    middle = Fraction(floor(income / EIC_ROW) * EIC_ROW + EIC_ROW // 2)
    exact = eitc_phased(t, middle, _phaseout_start(t, filing))
    return whole_dollars(exact)


def eitc_end(t: TaxTable, filing: str) -> Fraction:
    """The income at which the federal EITC of no qualifying child has phased out."""
    found = _ENDS.get((id(t), filing))
    if found is None:
        most = _first(t, "US", "eitc_max")
        found = _phaseout_start(t, filing) + most / _first(t, "US", "eitc_phaseout_rate")
        _ENDS[(id(t), filing)] = found
    return found


_ENDS: dict[tuple[int, str], Fraction] = {}  # eitc_end by table and filing status


def federal_tax_deducted(state: str, federal_tax: Fraction, eitc: Fraction) -> Fraction:
    """The federal income tax a state deducts: Alabama's Form 40 worksheet takes the tax
    less the earned income credit, down to zero; Missouri and Oregon take it before the
    credit (the MO-1040 line 9 worksheet and Oregon's federal tax subtraction leave it out)."""
    if state == "AL":
        return max(Fraction(0), federal_tax - eitc)
    return federal_tax


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
    if state in OWN_RULES:
        return OWN_RULES[state](t, tax, agi, filing, eitc)
    people = PEOPLE[filing]
    if state == "NJ" and agi <= t.value("NJ", "no_tax_income", filing):
        tax = Fraction(0)  # NJ-1040: no tax on gross income at or under the threshold
    if state == "PA":
        tax *= 1 - _pennsylvania_forgiven(t, wages, filing)
    limited: Fraction | int = 0  # nonrefundable credits
    refund: Fraction | int = 0  # refundable credits
    if state == "GA":  # Form 500 line 16: the low income credit, per person
        limited += amount_at(agi, t.schedule("GA", "low_income_credit", filing), True) * people
    if state == "KY":  # Schedule ITC: the family size tax credit, a share of the tax
        guideline = poverty_guideline(t, filing)
        rate = amount_at(agi / guideline, t.schedule("KY", "family_size_credit_rate", filing))
        limited += rate * max(Fraction(0), tax)
    if eitc and state in NONREFUNDABLE:
        share = eitc * t.value(state, "eitc_match_nonrefundable", filing)
        if state == "OH" and agi > OHIO_HALF_FROM:
            share = min(share, max(Fraction(0), tax) / 2)
        limited += share
    if eitc and state in REFUNDABLE:
        refund += eitc * _match(t, state)
    if state in LOW_INCOME:
        refund += _refundable_low_income(t, state, agi, wages, filing)
    if eitc and state == "NY":  # IT-215: 30% of the federal credit less the household credit
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
    if not limited and not refund:
        return tax
    return tax - min(limited, max(Fraction(0), tax)) - refund


def poverty_guideline(t: TaxTable, filing: str) -> Fraction:
    """HHS's poverty guideline for the household (48 states and DC): the filer, and the
    spouse filing jointly."""
    more = t.value("US", "poverty_guideline_more", filing) * (PEOPLE[filing] - 1)
    return t.value("US", "poverty_guideline", filing) + more


def _california(t: TaxTable, tax: Fraction, agi: Fraction, filing: str, _: Fraction) -> Fraction:
    """FTB 3514: CalEITC, refundable, for no qualifying child: 85% of 7.65% of earnings up to
    $4,661, less as much of earnings over it, down to $200, which falls straight to nothing
    at $32,901; to the dollar."""
    end = t.value("CA", "eitc_end", filing)
    if agi >= end:
        return tax
    share = t.value("CA", "eitc_adjustment", filing)
    rate_in = _first(t, "CA", "eitc_phase_in_rate") * share
    rate_out = _first(t, "CA", "eitc_phaseout_rate") * share
    most = _first(t, "CA", "eitc_earned_amount") * rate_in
    floor_credit = _first(t, "CA", "eitc_final_start")
    start = _first(t, "CA", "eitc_phaseout_start")
    second = start + (most - floor_credit) / rate_out  # where the last phase-out starts
    credit = min(agi, _first(t, "CA", "eitc_earned_amount")) * rate_in
    credit -= min(max(Fraction(0), agi - start), second - start) * rate_out
    if agi > second:
        credit *= 1 - (agi - second) / (end - second)
    return tax - whole_dollars(credit)


def _maryland(t: TaxTable, tax: Fraction, agi: Fraction, filing: str, eitc: Fraction) -> Fraction:
    """Form 502 lines 22-23 and 42: Maryland's EITC (unmarried with no child: the federal
    credit, the rest refunded; jointly: half, limited to the tax, or 45% refunded, beyond
    the tax) and the poverty line credit (5% of earnings at or under the poverty guideline,
    limited to the tax)."""
    if filing == "joint":
        limited = min(eitc * t.value("MD", "eitc_match_nonrefundable", filing), tax)
        refund = max(Fraction(0), eitc * t.value("MD", "eitc_match_refundable", filing) - tax)
    else:
        limited = eitc * t.value("MD", "eitc_match_unmarried", filing)
        refund = max(Fraction(0), limited - tax)
    if maryland_poor(t, agi, filing, eitc):
        married = limited if filing == "joint" else Fraction(0)
        limited += min(tax - married, agi * t.value("MD", "poverty_line_share", filing))
    return tax - min(limited, tax) - refund


def maryland_poor(t: TaxTable, agi: Fraction, filing: str, eitc: Fraction) -> bool:
    """Whether the poverty line credits apply (Md. Tax-Gen. 10-709): income at or under
    the poverty guideline, and a state tax above the married filers' limited EITC."""
    if agi > poverty_guideline(t, filing):
        return False
    tax = maryland_state_tax(t, agi, filing)
    married = eitc * t.value("MD", "eitc_match_nonrefundable", filing) if filing == "joint" else 0
    return married < tax


def maryland_local_credits(
    t: TaxTable, local: Fraction, taxable: Fraction, agi: Fraction, filing: str, eitc: Fraction
) -> Fraction:
    """Form 502 lines 30-31 (Worksheets 19B and 19C): the county's EITC (the federal credit
    times 10 times the county's rate) and poverty line credit (the rate on earnings), each
    limited to the county tax left; `local` the county tax on `taxable` income."""
    if local <= 0 or taxable <= 0:
        return Fraction(0)
    rate = local / taxable  # the county's rate (Anne Arundel's and Frederick's first)
    credit = min(eitc * t.value("MD", "local_eitc_multiplier", filing) * rate, local)
    if maryland_poor(t, agi, filing, eitc):
        credit += min(agi * rate, local - credit)
    return credit


def _virginia(t: TaxTable, tax: Fraction, agi: Fraction, filing: str, eitc: Fraction) -> Fraction:
    """Schedule ADJ and Form 760 line 27: the larger of 20% of the federal credit and the
    $300-a-person credit for low income (at or under the poverty guideline), limited to the
    tax, or 20% of the federal credit refunded, whichever leaves less tax."""
    low_income = Fraction(0)
    if agi <= poverty_guideline(t, filing):
        low_income = t.value("VA", "low_income_credit", filing) * PEOPLE[filing]
    limited = max(eitc * t.value("VA", "eitc_match_nonrefundable", filing), low_income)
    return min(tax - min(limited, tax), tax - eitc * _match(t, "VA"))


def _west_virginia(t: TaxTable, tax: Fraction, agi: Fraction, filing: str, _: Fraction) -> Fraction:
    """IT-140: the low-income earned income exclusion (all earnings up to $10,000 where AGI
    is no more) and the family tax credit, a share of the tax by how far AGI is over the
    poverty guideline (all of it at or under, 10% less for each $300 over)."""
    limit = t.value("WV", "low_income_exclusion_limit", filing)
    if agi <= min(limit, t.value("WV", "low_income_exclusion", filing)):
        return Fraction(0)  # all of AGI excluded (2025's limit and amount are both $10,000)
    over = agi - poverty_guideline(t, filing)
    share = amount_at(over, t.schedule("WV", "family_credit_share", filing), inclusive=True)
    return tax * (1 - share)


OWN_RULES: dict[str, Callable[[TaxTable, Fraction, Fraction, str, Fraction], Fraction]] = {
    "CA": _california,
    "MD": _maryland,
    "VA": _virginia,
    "WV": _west_virginia,
}


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
