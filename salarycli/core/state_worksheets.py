"""The states whose return has worksheets: recaptures, phase-outs in steps, credits by
income tables, local taxes on the state's own taxable income (California, New York and New
York City, Massachusetts, Utah, Oregon, Minnesota, Ohio, Maryland and its counties,
Connecticut, Arkansas). Each rule follows its 2025 form; the comments name the lines."""

from __future__ import annotations

from math import ceil

from salarycli.core.exact import Fraction
from salarycli.core.tax_schedules import (
    PEOPLE,
    Federal,
    StateRule,
    TaxTable,
    amount_at,
    by_schedule,
    row_start,
)


def _california(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # Form 540: line 18 standard deduction; line 31 tax by the rate schedule; line 32
    # exemption credits, each reduced by $6 for every $2,500 (or part) of federal AGI over
    # the threshold; line 62 the Behavioral Health Services Tax, 1% of taxable income over $1M
    taxable = max(Fraction(0), agi - t.value("CA", "standard_deduction", filing))
    tax = by_schedule(taxable, t.schedule("CA", "rate", filing))
    each = t.value("CA", "exemption_credit", filing)
    over = agi - t.value("CA", "exemption_phaseout_start", filing)
    if over > 0:
        steps = ceil(over / t.value("CA", "exemption_phaseout_step", filing))
        each = max(Fraction(0), each - steps * t.value("CA", "exemption_phaseout_amount", filing))
    credit = each * t.value("CA", "exemption_credit_people", filing)
    surtax = by_schedule(taxable, t.schedule("CA", "surtax", filing))
    return max(Fraction(0), tax - credit) + surtax


def _new_york(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # IT-201: line 34 standard deduction; line 39 tax by the rate schedule, with the Tax
    # Computation Worksheets' recapture over $107,650 of AGI (the benefit of the lower
    # rates, phased in over $50,000 of AGI above the start of one's bracket or $107,650)
    # (line 40, the household credit by federal AGI and household size, is taken off after)
    taxable = ny_taxable(t, agi, filing)
    rates = t.schedule("NY", "rate", filing)
    tax = by_schedule(taxable, rates)
    floor_agi = t.value("NY", "supplemental_min_agi", filing)
    if agi <= floor_agi:
        return max(Fraction(0), tax - household_credit(t, "NY", agi, filing))
    applicable = max(Fraction(0), agi - max(row_start(taxable, rates), floor_agi))
    share = min(Fraction(1), applicable / t.value("NY", "supplemental_phase_in", filing))
    base = amount_at(taxable, t.schedule("NY", "recapture_base", filing))
    benefit = amount_at(taxable, t.schedule("NY", "incremental_benefit", filing))
    return tax + base + share * benefit


def ny_taxable(t: TaxTable, agi: Fraction, filing: str) -> Fraction:
    """New York taxable income: AGI less New York's standard deduction (IT-201 line 37)."""
    return max(Fraction(0), agi - t.value("NY", "standard_deduction", filing))


def household_credit(t: TaxTable, where: str, agi: Fraction, filing: str) -> Fraction:
    """New York's (IT-201 line 40) or New York City's (line 48) household credit, by federal
    AGI: a single filer's table, or per household member for the others (a household of the
    filer and, filing jointly, the spouse: no dependents)."""
    if filing == "single":
        return amount_at(agi, t.schedule(where, "household_credit", filing))
    if where == "NY":
        base = amount_at(agi, t.schedule("NY", "household_credit_base", filing))
        more = amount_at(agi, t.schedule("NY", "household_credit_more", filing))
        return base + more * (PEOPLE[filing] - 1)
    return amount_at(agi, t.schedule(where, "household_credit_each", filing)) * PEOPLE[filing]


def new_york_city(t: TaxTable, agi: Fraction, filing: str) -> Fraction:
    """New York City's resident income tax (IT-201 lines 47-48, 69 and 69a): its rates on New
    York taxable income, less its household credit, less the school tax credits (refundable:
    at low incomes the result is a refund, negative)."""
    taxable = ny_taxable(t, agi, filing)
    tax = by_schedule(taxable, t.schedule("NYC", "rate", filing))
    tax = max(Fraction(0), tax - household_credit(t, "NYC", agi, filing))
    if agi <= t.value("NYC", "school_credit_limit", filing):
        tax -= t.value("NYC", "school_credit", filing)
    if taxable <= t.value("NYC", "school_rate_reduction_limit", filing):
        tax -= by_schedule(taxable, t.schedule("NYC", "school_rate_reduction", filing))
    return tax


def _massachusetts(
    t: TaxTable, agi: Fraction, filing: str, fed: Federal, payroll: Fraction
) -> Fraction:
    # Form 1: no tax at or under the no-tax-status limit (line 24); line 14(a) Social Security
    # and Medicare paid, up to $2,000; line 16 personal exemptions; Part B income x 5%; line 29
    # the limited income credit (tax at most 10% of AGI over the limit, up to 1.75x the
    # limit); the 4% surtax on income over $1,083,150
    exemption = t.value("MA", "exemption_total", filing)
    limit = t.value("MA", "no_tax_limit", filing) + (exemption if filing != "single" else 0)
    if agi <= limit:
        return Fraction(0)
    deduction = min(payroll, t.value("MA", "payroll_tax_deduction_cap", filing))
    taxable = max(Fraction(0), agi - deduction - exemption)
    tax = taxable * t.value("MA", "rate", filing)
    if agi <= limit * t.value("MA", "limited_income_multiple", filing):
        tax = min(tax, (agi - limit) * t.value("MA", "limited_income_rate", filing))
    return tax + by_schedule(taxable, t.schedule("MA", "surtax", filing))


def _utah(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # TC-40: line 10 income x 4.5%; the taxpayer tax credit (TC-40 lines 11-19): 6% of the
    # federal standard deduction, less 1.3% of income over the filing status's base
    tax = agi * t.value("UT", "rate", filing)
    credit = t.value("US", "standard_deduction", filing) * t.value("UT", "credit_rate", filing)
    over = max(Fraction(0), agi - t.value("UT", "credit_phaseout_start", filing))
    credit = max(Fraction(0), credit - over * t.value("UT", "credit_phaseout_rate", filing))
    return max(Fraction(0), tax - credit)


def _oregon(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # OR-40: line 10 federal income tax subtracted, up to $8,500 (less from $125,000 of AGI,
    # $250,000 jointly; none from $145,000 / $290,000); line 17 standard deduction; line 19
    # tax by the rate schedule; line 24 the $256 exemption credit per person, none over
    # $100,000 of AGI ($200,000 jointly)
    cap = amount_at(agi, t.schedule("OR", "federal_tax_cap", filing), inclusive=True)
    taxable = agi - min(fed.income_tax, cap) - t.value("OR", "standard_deduction", filing)
    tax = by_schedule(max(Fraction(0), taxable), t.schedule("OR", "rate", filing))
    credit = Fraction(0)
    if agi <= t.value("OR", "exemption_credit_limit", filing):
        credit = t.value("OR", "exemption_credit", filing) * PEOPLE[filing]
    return max(Fraction(0), tax - credit)


def _minnesota(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # M1: line 4 the standard deduction, less 3% of AGI over $238,950 and 10% over $330,300
    # (at most 80% of it); line 9 tax by the rate schedule
    deduction = t.value("MN", "standard_deduction", filing)
    low, high = (
        t.value("MN", "reduction_start", filing),
        t.value("MN", "reduction_high_start", filing),
    )
    reduction = max(Fraction(0), min(agi, high) - low) * t.value("MN", "reduction_rate", filing)
    reduction += max(Fraction(0), agi - high) * t.value("MN", "reduction_high_rate", filing)
    most = deduction * t.value("MN", "reduction_cap_rate", filing)
    if agi > t.value("MN", "reduction_cap_income", filing):
        reduction = most
    deduction -= min(reduction, most)
    taxable = max(Fraction(0), agi - deduction)
    return by_schedule(taxable, t.schedule("MN", "rate", filing))


def _ohio(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # IT 1040: line 4 personal exemptions by income ($2,400, $2,150 over $40,000, $1,900 over
    # $80,000, none over $750,000); no tax at $26,050 of taxable income or less, then the
    # schedule ($342 + 2.75% over $26,050; 3.125% over $100,000); the $20 exemption credit
    # each under $30,000 of income
    exemptions = amount_at(agi, t.schedule("OH", "exemption", filing), inclusive=True)
    taxable = max(Fraction(0), agi - exemptions * PEOPLE[filing])
    if taxable <= t.value("OH", "no_tax_income", filing):
        return Fraction(0)
    tax = by_schedule(taxable, t.schedule("OH", "rate", filing))
    credit = amount_at(agi, t.schedule("OH", "exemption_credit", filing), inclusive=True)
    return max(Fraction(0), tax - credit * PEOPLE[filing])


def maryland_taxable(t: TaxTable, agi: Fraction, filing: str) -> Fraction:
    """Maryland taxable income (Form 502 line 20): AGI less the flat standard deduction
    ($3,350; $6,700 jointly or head of household) and the $3,200 exemption per person, less
    over $100,000 of AGI ($150,000 jointly), none over $150,000 ($200,000)."""
    exemption = amount_at(agi, t.schedule("MD", "exemption", filing)) * PEOPLE[filing]
    return max(Fraction(0), agi - t.value("MD", "standard_deduction", filing) - exemption)


def maryland_state_tax(t: TaxTable, agi: Fraction, filing: str) -> Fraction:
    """Form 502 line 21: the state tax by the rate schedule, before credits (the county's
    tax is local)."""
    return by_schedule(maryland_taxable(t, agi, filing), t.schedule("MD", "rate", filing))


def _maryland(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    return maryland_state_tax(t, agi, filing)


def maryland_county(
    t: TaxTable, county: str, rate: Fraction | None, agi: Fraction, filing: str
) -> Fraction:
    """A Maryland county's local income tax (Form 502 line 28): its rate on Maryland
    taxable income; Anne Arundel's by brackets, Frederick's one rate by income."""
    taxable = maryland_taxable(t, agi, filing)
    if rate is not None:
        return taxable * rate
    if (county, "rate", filing) in t.schedules:
        return by_schedule(taxable, t.schedule(county, "rate", filing))
    return taxable * amount_at(taxable, t.schedule(county, "rate_on_all", filing), inclusive=True)


def _connecticut(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # CT-1040: Table A, the personal exemption (15,000 single, 24,000 jointly, 19,000 head of
    # household) less $1,000 for every $1,000 (or part) of AGI over its start; Table B, tax by
    # the rate schedule; Table C, the 2% rate phase-out add-back; Table D, the benefit
    # recaptures; Table E, the personal credit, a share of the tax by AGI
    def stepped(item: str) -> Fraction:
        over = max(Fraction(0), agi - t.value("CT", f"{item}_start", filing))
        steps = ceil(over / t.value("CT", f"{item}_increment", filing))
        amount = steps * t.value("CT", f"{item}_amount", filing)
        return min(amount, t.value("CT", f"{item}_max_amount", filing))

    over = max(Fraction(0), agi - t.value("CT", "exemption_start", filing))
    steps = ceil(over / t.value("CT", "exemption_step", filing))
    reduction = steps * t.value("CT", "exemption_step_amount", filing)
    exemption = max(Fraction(0), t.value("CT", "exemption", filing) - reduction)
    tax = by_schedule(max(Fraction(0), agi - exemption), t.schedule("CT", "rate", filing))
    parts = ("add_back", "recapture_low", "recapture_middle", "recapture_high")
    tax += sum((stepped(part) for part in parts), Fraction(0))
    share = amount_at(agi, t.schedule("CT", "credit_rate", filing))
    return max(Fraction(0), tax * (1 - share))


def _arkansas(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # AR1000F: line 26 the standard deduction; line 28 tax by the rate table, its rate on all
    # of net taxable income less the bracket adjustment; line 30 the $29 personal credit each;
    # line 31A the additional credit for qualified individuals ($60, $120 jointly, less $5
    # ($10) per $100 over $26,500). Up to the end of the low-income tax tables (AGI $17,500
    # single, $25,300 head of household, $29,000 jointly), the tax is the table's by AGI
    # where that is less (the tables build in the standard deduction)
    taxable = max(Fraction(0), agi - t.value("AR", "standard_deduction", filing))
    rate = amount_at(taxable, t.schedule("AR", "rate_on_all", filing), inclusive=True)
    reduction = amount_at(taxable, t.schedule("AR", "reduction", filing), inclusive=True)
    tax = max(Fraction(0), rate * taxable - reduction)
    if agi <= t.value("AR", "low_income_table_end", filing):
        tax = min(tax, amount_at(agi, t.schedule("AR", "low_income_table", filing)))
    steps = ceil(
        max(Fraction(0), taxable - t.value("AR", "extra_credit_start", filing))
        / t.value("AR", "extra_credit_step", filing)
    )
    extra = t.value("AR", "extra_credit", filing) - steps * t.value(
        "AR", "extra_credit_step_amount", filing
    )
    credits = t.value("AR", "personal_credit", filing) * PEOPLE[filing]
    credits += max(Fraction(0), extra) * PEOPLE[filing]  # jointly: twice the amounts
    return max(Fraction(0), tax - credits)


RULES: dict[str, StateRule] = {
    "MD": _maryland,
    "AR": _arkansas,
    "CT": _connecticut,
    "OR": _oregon,
    "MN": _minnesota,
    "OH": _ohio,
    "CA": _california,
    "NY": _new_york,
    "MA": _massachusetts,
    "UT": _utah,
}
