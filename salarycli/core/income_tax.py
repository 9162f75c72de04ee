"""Income tax on wages, tax year 2025, for one earner with no other income who takes the
standard deduction and claims no dependents: the federal return and the states salarycli
computes itself, from the parameters of data/tax_2025.csv (each with its official source).

Pure: a TaxTable in, exact Fractions out; the caller rounds each tax to the dollar once. A
state's rule follows its 2025 form line by line (the comments name the lines); a state this
module has no rule for gives None, and the caller decides what to do (salarycli/taxes.py).

Federal income tax below $100,000 of taxable income is read from the IRS Tax Table, as the
return does: the tax on the middle of the table's $25 (under $3,000) or $50 row, rounded to
the dollar. State taxes are computed by their rate schedules, to the cent: a state's own tax
table for lower incomes may differ from it by a dollar or two.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from math import ceil, floor

from salarycli.core.record import record

FILINGS = ("single", "joint", "head")
PEOPLE = {"single": 1, "joint": 2, "head": 1}  # the filer and, filing jointly, the spouse


class Schedule(tuple[tuple[Fraction, Fraction], ...]):
    """A schedule's rows, (from, rate or amount), lowest first; for a rate schedule, the tax
    at each row's start is worked out once (`bases`), so a tax is one row's arithmetic."""

    starts: list[Fraction]
    bases: list[Fraction]

    def __new__(cls, rows: Iterable[tuple[Fraction, Fraction]]) -> Schedule:
        made = super().__new__(cls, rows)
        made.starts = [start for start, _ in made]
        made.bases, total = [], Fraction(0)
        for (start, rate), end in zip(made, [*made.starts[1:], None], strict=True):
            made.bases.append(total)
            total += (end - start) * rate if end is not None else 0
        return made


TABLE_LIMIT = 100_000  # the IRS Tax Table's reach


@record
class TaxTable:
    """data/tax_2025.csv: values by (jurisdiction, item, filing) and schedules likewise;
    filing "all" stands for every status."""

    values: Mapping[tuple[str, str, str], Fraction]
    schedules: Mapping[tuple[str, str, str], Schedule]

    def value(self, where: str, item: str, filing: str) -> Fraction:
        found = self.values.get((where, item, filing))
        return found if found is not None else self.values[(where, item, "all")]

    def schedule(self, where: str, item: str, filing: str) -> Schedule:
        found = self.schedules.get((where, item, filing))
        return found if found is not None else self.schedules[(where, item, "all")]


@record
class Federal:
    """The federal return: taxable income, income tax and the additional Medicare tax."""

    taxable: Fraction
    income_tax: Fraction
    additional_medicare: Fraction


def by_schedule(amount: Fraction, schedule: Schedule) -> Fraction:
    """The tax on `amount` by a schedule of marginal rates: the tax at the start of its row
    and the row's rate on the rest."""
    at = bisect_left(schedule.starts, amount) - 1
    if at < 0:
        return Fraction(0)
    start, rate = schedule[at]
    return schedule.bases[at] + (amount - start) * rate


def amount_at(amount: Fraction, schedule: Schedule, inclusive: bool = False) -> Fraction:
    """The amount a schedule of amounts gives the row `amount` falls in: a row applies to
    amounts over its start, as most forms' tables read ("over $5,000 but not over $6,000"),
    or, `inclusive`, from its start ("$125,000 or more"); the first row to everything below
    the second's start."""
    found = schedule[0][1]
    for start, figure in schedule[1:]:
        if amount > start or (inclusive and amount == start):
            found = figure
    return found


def row_start(amount: Fraction, schedule: Schedule) -> Fraction:
    """Where the row of a rate schedule that `amount` falls in starts."""
    return max((start for start, _ in schedule if amount > start), default=Fraction(0))


def federal(table: TaxTable, agi: Fraction, wages: Fraction, filing: str) -> Federal:
    """Form 1040 for wages only: AGI less the standard deduction, taxed by the Tax Table
    below $100,000 and by the rate schedule above; Form 8959's additional Medicare tax on
    Medicare wages (`wages`, before 401(k) deferrals) over the filing status's threshold."""
    taxable = max(Fraction(0), agi - table.value("US", "standard_deduction", filing))
    schedule = table.schedule("US", "rate", filing)
    if taxable < TABLE_LIMIT:
        tax = Fraction(floor(by_schedule(_table_middle(taxable), schedule) + Fraction(1, 2)))
    else:
        tax = by_schedule(taxable, schedule)
    over = wages - table.value("US", "additional_medicare_threshold", filing)
    extra = max(Fraction(0), over) * table.value("US", "additional_medicare_rate", filing)
    return Federal(taxable, tax, extra)


def _table_middle(taxable: Fraction) -> Fraction:
    """The middle of the IRS Tax Table row `taxable` falls in ($0-5, $5-15, $15-25, then
    $25 rows to $3,000 and $50 rows to $100,000); a row starts at its lower figure."""
    if taxable < 5:
        return Fraction(0)
    if taxable < 25:
        return Fraction(10) if taxable < 15 else Fraction(20)
    width = 25 if taxable < 3000 else 50
    start = floor(taxable / width) * width
    return Fraction(start) + Fraction(width, 2)


StateRule = Callable[[TaxTable, Fraction, str, Federal, Fraction], Fraction]


def state_income_tax(
    table: TaxTable, state: str, agi: Fraction, filing: str, fed: Federal, payroll: Fraction
) -> Fraction | None:
    """`state`'s 2025 income tax on a wage earner's AGI (`payroll`: the Social Security and
    Medicare taxes withheld, which Massachusetts lets one deduct), or None where salarycli
    has no rule for the state. Negative where a refundable credit exceeds the tax (Idaho's
    grocery credit): a refund."""
    rule = RULES.get(state)
    return None if rule is None else rule(table, agi, filing, fed, payroll)


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
        return max(Fraction(0), tax - _household_credit(t, "NY", agi, filing))
    applicable = max(Fraction(0), agi - max(row_start(taxable, rates), floor_agi))
    share = min(Fraction(1), applicable / t.value("NY", "supplemental_phase_in", filing))
    base = amount_at(taxable, t.schedule("NY", "recapture_base", filing))
    benefit = amount_at(taxable, t.schedule("NY", "incremental_benefit", filing))
    return tax + base + share * benefit


def ny_taxable(t: TaxTable, agi: Fraction, filing: str) -> Fraction:
    """New York taxable income: AGI less New York's standard deduction (IT-201 line 37)."""
    return max(Fraction(0), agi - t.value("NY", "standard_deduction", filing))


def _household_credit(t: TaxTable, where: str, agi: Fraction, filing: str) -> Fraction:
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
    tax = max(Fraction(0), tax - _household_credit(t, "NYC", agi, filing))
    if agi <= t.value("NYC", "school_credit_limit", filing):
        tax -= t.value("NYC", "school_credit", filing)
    if taxable <= t.value("NYC", "school_rate_reduction_limit", filing):
        tax -= by_schedule(taxable, t.schedule("NYC", "school_rate_reduction", filing))
    return tax


def _illinois(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # IL-1040: line 10 exemption allowance ($2,850 each; none over $250,000 of AGI, $500,000
    # filing jointly); line 12 net income x 4.95%
    limit = t.value("IL", "exemption_income_limit", filing)
    exemption = t.value("IL", "exemption", filing) * PEOPLE[filing] if agi <= limit else 0
    return max(Fraction(0), agi - exemption) * t.value("IL", "rate", filing)


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


def _michigan(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # MI-1040: line 9 exemptions ($5,800 each); line 11 taxable income x 4.25%
    exemptions = t.value("MI", "exemption", filing) * PEOPLE[filing]
    return max(Fraction(0), agi - exemptions) * t.value("MI", "rate", filing)


def _colorado(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # DR 0104: line 1 federal taxable income; line 3 (DR 0104AD line 4) the federal standard
    # deduction over $12,000 ($16,000 jointly) added back at $300,000 of AGI or more; x 4.40%
    taxable = fed.taxable
    if agi >= t.value("CO", "addback_agi_threshold", filing):
        deduction = t.value("US", "standard_deduction", filing)
        taxable += max(Fraction(0), deduction - t.value("CO", "addback_allowed", filing))
    return taxable * t.value("CO", "rate", filing)


def _district(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # D-40: line 16 DC's own standard deduction; line 20 tax by DC's rate schedule
    taxable = max(Fraction(0), agi - t.value("DC", "standard_deduction", filing))
    return by_schedule(taxable, t.schedule("DC", "rate", filing))


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


def _oklahoma(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # Form 511: line 11 standard deduction; line 12 $1,000 exemption per person; line 16 tax
    # by the rate schedule
    deductions = t.value("OK", "standard_deduction", filing)
    deductions += t.value("OK", "exemption", filing) * PEOPLE[filing]
    return by_schedule(max(Fraction(0), agi - deductions), t.schedule("OK", "rate", filing))


def _rhode_island(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # RI-1040: the standard deduction and the $5,100 exemption per person, each less 20% for
    # every $7,250 (or part) of AGI over $254,250; tax by the rate schedule
    over = max(Fraction(0), agi - t.value("RI", "phaseout_start", filing))
    steps = ceil(over / t.value("RI", "phaseout_step", filing))
    kept = max(Fraction(0), 1 - steps * t.value("RI", "phaseout_rate", filing))
    deductions = t.value("RI", "standard_deduction", filing)
    deductions += t.value("RI", "exemption", filing) * PEOPLE[filing]
    taxable = max(Fraction(0), agi - deductions * kept)
    return by_schedule(taxable, t.schedule("RI", "rate", filing))


def _delaware(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # PIT-RES: line 20 standard deduction; tax by the rate schedule; line 27 the $110
    # personal credit per person
    taxable = max(Fraction(0), agi - t.value("DE", "standard_deduction", filing))
    tax = by_schedule(taxable, t.schedule("DE", "rate", filing))
    return max(Fraction(0), tax - t.value("DE", "personal_credit", filing) * PEOPLE[filing])


def _west_virginia(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # IT-140: line 6 $2,000 exemption per person; tax by the rate schedule
    taxable = max(Fraction(0), agi - t.value("WV", "exemption", filing) * PEOPLE[filing])
    return by_schedule(taxable, t.schedule("WV", "rate", filing))


def _south_carolina(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # SC1040: line 1 federal taxable income; line e the part of the federal standard deduction
    # South Carolina has not adopted (over its $15,000 / $30,000 / $22,500) added back; tax by
    # the schedule (0% to $3,560, 3% to $17,830, 6% above)
    addback = t.value("US", "standard_deduction", filing)
    addback -= t.value("SC", "pre_obbba_standard_deduction", filing)
    taxable = fed.taxable + max(Fraction(0), addback)
    return by_schedule(taxable, t.schedule("SC", "rate", filing))


def _iowa(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # IA 1040: line 4 federal taxable income; line 5 x 3.8%; line 9 the $40 exemption credit
    # per person
    tax = by_schedule(fed.taxable, t.schedule("IA", "rate", filing))
    return max(Fraction(0), tax - t.value("IA", "exemption_credit", filing) * PEOPLE[filing])


def _idaho(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # Form 40: line 15 the federal standard deduction; line 20 tax (5.3% over $4,811, $9,622
    # jointly); line 29 the $10 permanent building fund tax; line 43 the grocery credit, $155
    # per person, refundable
    taxable = max(Fraction(0), agi - t.value("US", "standard_deduction", filing))
    tax = by_schedule(taxable, t.schedule("ID", "rate", filing))
    tax += t.value("ID", "building_fund_tax", filing)
    return tax - t.value("ID", "grocery_credit", filing) * PEOPLE[filing]


def _alabama(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # Form 40: line 10 federal income tax deducted; line 11 the standard deduction, less $25
    # ($175 jointly, $135 head of household) for every whole $500 of AGI over $26,000, down to
    # its least; line 13 the personal exemption ($1,500; $3,000 jointly or head of household);
    # tax by the rate schedule
    steps = floor(
        max(Fraction(0), agi - t.value("AL", "standard_deduction_start", filing))
        / t.value("AL", "standard_deduction_step", filing)
    )
    deduction = max(
        t.value("AL", "standard_deduction", filing)
        - steps * t.value("AL", "standard_deduction_step_amount", filing),
        t.value("AL", "standard_deduction_least", filing),
    )
    taxable = agi - fed.income_tax - deduction - t.value("AL", "exemption_total", filing)
    return by_schedule(max(Fraction(0), taxable), t.schedule("AL", "rate", filing))


def _maine(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # 1040ME: line 17 Maine's own standard deduction (it kept 2024's federal figures), phased
    # out from $100,000 of AGI ($200,050 jointly) over $75,000 ($150,000); line 18 the $5,150
    # exemption per person, phased out from $333,450 ($400,100) over $125,000; tax by the
    # rate schedule
    def kept(item: str) -> Fraction:
        over = max(Fraction(0), agi - t.value("ME", f"{item}_phaseout_start", filing))
        return 1 - min(Fraction(1), over / t.value("ME", f"{item}_phaseout_width", filing))

    deduction = t.value("ME", "standard_deduction", filing) * kept("deduction")
    exemption = t.value("ME", "exemption", filing) * PEOPLE[filing] * kept("exemption")
    taxable = max(Fraction(0), agi - deduction - exemption)
    return by_schedule(taxable, t.schedule("ME", "rate", filing))


def _nebraska(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # 1040N: line 6 Nebraska's standard deduction; line 13 tax by the rate schedule; line 19
    # the $171 personal exemption credit per person; and no more than the federal income tax
    # (the Federal Tax Liability Worksheet, for wages alone)
    taxable = max(Fraction(0), agi - t.value("NE", "standard_deduction", filing))
    tax = by_schedule(taxable, t.schedule("NE", "rate", filing))
    tax = max(Fraction(0), tax - t.value("NE", "exemption_credit", filing) * PEOPLE[filing])
    return min(tax, fed.income_tax)


def _flat(state: str, *deductions: str, per_person: str | None = None) -> StateRule:
    """A state that taxes AGI less deductions by filing status (and an amount per person)
    by its rate schedule, or its flat rate."""

    def rule(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
        taxable = agi - sum((t.value(state, item, filing) for item in deductions), Fraction(0))
        if per_person is not None:
            taxable -= t.value(state, per_person, filing) * PEOPLE[filing]
        return _rated(t, state, max(Fraction(0), taxable), filing)

    return rule


def _rated(t: TaxTable, state: str, taxable: Fraction, filing: str) -> Fraction:
    """Tax by the state's schedule, or its flat `rate` where it has no schedule."""
    if (state, "rate", filing) in t.schedules or (state, "rate", "all") in t.schedules:
        return by_schedule(taxable, t.schedule(state, "rate", filing))
    return taxable * t.value(state, "rate", filing)


def _on_federal_taxable(state: str) -> StateRule:
    """A state that taxes federal taxable income by its schedule (North Dakota, Montana)."""

    def rule(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
        return _rated(t, state, fed.taxable, filing)

    return rule


def maryland_taxable(t: TaxTable, agi: Fraction, filing: str) -> Fraction:
    """Maryland taxable income (Form 502 line 20): AGI less the flat standard deduction
    ($3,350; $6,700 jointly or head of household) and the $3,200 exemption per person, less
    over $100,000 of AGI ($150,000 jointly), none over $150,000 ($200,000)."""
    exemption = amount_at(agi, t.schedule("MD", "exemption", filing)) * PEOPLE[filing]
    return max(Fraction(0), agi - t.value("MD", "standard_deduction", filing) - exemption)


def _maryland(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # Form 502: line 21 state tax by the rate schedule (the county's tax is local)
    return by_schedule(maryland_taxable(t, agi, filing), t.schedule("MD", "rate", filing))


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


def _wisconsin(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # Form 1: line 9 the sliding standard deduction (its most, less 12% of income over $19,550
    # single, 19.778% over $28,210 jointly, ...); line 10 the $700 exemption per person; tax
    # by the rate schedule
    reduction = by_schedule(agi, t.schedule("WI", "deduction_phaseout", filing))
    deduction = max(Fraction(0), t.value("WI", "standard_deduction", filing) - reduction)
    taxable = agi - deduction - t.value("WI", "exemption", filing) * PEOPLE[filing]
    return by_schedule(max(Fraction(0), taxable), t.schedule("WI", "rate", filing))


def _new_mexico(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # PIT-1: line 9 the federal standard deduction; line 10 the low- and middle-income
    # exemption ($2,500 each, less 15% (10% jointly) of AGI over $20,000 ($30,000), none
    # over $36,667 ($55,000)); tax by the rate schedule
    exemption = Fraction(0)
    if agi <= t.value("NM", "exemption_income_limit", filing):
        over = max(Fraction(0), agi - t.value("NM", "exemption_reduction_start", filing))
        each = t.value("NM", "exemption", filing)
        each -= over * t.value("NM", "exemption_reduction_rate", filing)
        exemption = max(Fraction(0), each) * PEOPLE[filing]
    taxable = agi - t.value("US", "standard_deduction", filing) - exemption
    return by_schedule(max(Fraction(0), taxable), t.schedule("NM", "rate", filing))


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
    # ($10) per $100 over $26,500)
    taxable = max(Fraction(0), agi - t.value("AR", "standard_deduction", filing))
    rate = amount_at(taxable, t.schedule("AR", "rate_on_all", filing), inclusive=True)
    reduction = amount_at(taxable, t.schedule("AR", "reduction", filing), inclusive=True)
    tax = max(Fraction(0), rate * taxable - reduction)
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


def _missouri(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # MO-1040: line 8 the federal standard deduction; line 9 federal income tax, the share of
    # it by AGI (35% to $25,000 ... 5% to $125,000, none above), at most $10,000; tax by the
    # schedule
    share = amount_at(agi, t.schedule("MO", "federal_tax_share", filing))
    deducted = min(fed.income_tax * share, t.value("MO", "federal_tax_cap", filing))
    taxable = agi - t.value("US", "standard_deduction", filing) - deducted
    return by_schedule(max(Fraction(0), taxable), t.schedule("MO", "rate", filing))


def _kansas(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # K-40: no tax at or under the filing status's AGI threshold; line 4 the standard
    # deduction; line 5 the exemption allowance (plus $2,320 for a head of household); tax by
    # the rate schedule
    if agi <= t.value("KS", "no_tax_agi", filing):
        return Fraction(0)
    exemption = t.value("KS", "exemption_total", filing)
    exemption += t.value("KS", "exemption_head_extra", filing) if filing == "head" else 0
    taxable = agi - t.value("KS", "standard_deduction", filing) - exemption
    return by_schedule(max(Fraction(0), taxable), t.schedule("KS", "rate", filing))


RULES: dict[str, StateRule] = {
    "AZ": _flat("AZ", "standard_deduction"),  # Form 140: 2.5% of AGI less the deduction
    "GA": _flat("GA", "standard_deduction"),  # Form 500: 5.19%, no personal exemption
    "IN": _flat("IN", per_person="exemption"),  # IT-40: 3.0% of AGI less $1,000 each
    "KY": _flat("KY", "standard_deduction"),  # Form 740: 4.0% less $3,270
    "LA": _flat("LA", "standard_deduction"),  # IT-540: 3.0% less 12,500 (25,000)
    # Form 80-105: 4.4% over $10,000 of AGI less the deduction and exemptions (6,000; 12,000)
    "MS": _flat("MS", "standard_deduction", "exemption_total"),
    "NC": _flat("NC", "standard_deduction"),  # D-400: 4.25% less 12,750 (25,500; 19,125)
    "PA": _flat("PA"),  # PA-40: 3.07% of compensation
    "ND": _on_federal_taxable("ND"),  # ND-1: federal taxable income by its schedule
    "MT": _on_federal_taxable("MT"),  # Form 2: federal taxable income, 4.7% / 5.9%
    # Form 760: AGI less 8,750 (17,500) and $930 each, 2% ... 5.75%
    "VA": _flat("VA", "standard_deduction", per_person="exemption"),
    # IN-111: AGI less 7,650 (15,300; 11,450) and $5,300 each, by the schedule
    "VT": _flat("VT", "standard_deduction", per_person="exemption"),
    # NJ-1040: income less the $1,000 exemption each, by the schedule
    "NJ": _flat("NJ", "exemption_total"),
    # N-11: AGI less 4,400 (8,800; 6,424) and $1,144 each, by the schedule
    "HI": _flat("HI", "standard_deduction", per_person="exemption"),
    "MD": _maryland,
    "AR": _arkansas,
    "CT": _connecticut,
    "WI": _wisconsin,
    "NM": _new_mexico,
    "MO": _missouri,
    "KS": _kansas,
    "AL": _alabama,
    "ME": _maine,
    "NE": _nebraska,
    "DE": _delaware,
    "WV": _west_virginia,
    "SC": _south_carolina,
    "IA": _iowa,
    "ID": _idaho,
    "OR": _oregon,
    "MN": _minnesota,
    "OH": _ohio,
    "OK": _oklahoma,
    "RI": _rhode_island,
    "CA": _california,
    "NY": _new_york,
    "IL": _illinois,
    "MA": _massachusetts,
    "MI": _michigan,
    "CO": _colorado,
    "DC": _district,
    "UT": _utah,
}
