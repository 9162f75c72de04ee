"""The states whose return is a few lines: deductions and exemptions, a rate schedule (or a
flat rate), per-person credits, and a federal-tax subtraction or add-back where the state has
one. Each rule follows its 2025 form; the comments name the lines."""

from __future__ import annotations

from math import ceil, floor

from salarycli.core.exact import Fraction
from salarycli.core.tax_schedules import (
    PEOPLE,
    Federal,
    StateRule,
    TaxTable,
    amount_at,
    by_schedule,
)


def _illinois(t: TaxTable, agi: Fraction, filing: str, fed: Federal, _: Fraction) -> Fraction:
    # IL-1040: line 10 exemption allowance ($2,850 each; none over $250,000 of AGI, $500,000
    # filing jointly); line 12 net income x 4.95%
    limit = t.value("IL", "exemption_income_limit", filing)
    exemption = t.value("IL", "exemption", filing) * PEOPLE[filing] if agi <= limit else 0
    return max(Fraction(0), agi - exemption) * t.value("IL", "rate", filing)


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
    "OK": _oklahoma,
    "RI": _rhode_island,
    "IL": _illinois,
    "MI": _michigan,
    "CO": _colorado,
    "DC": _district,
}
