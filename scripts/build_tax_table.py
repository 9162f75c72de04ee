"""Build data/tax_2025.csv, the income tax parameters --net and `takehome` compute with.

    python scripts/build_tax_table.py POLICYENGINE_US_CHECKOUT [--year 2025]

Reads each parameter below from a checkout of PolicyEngine-US (its YAML parameter files, each
value dated and referenced to the official form, instructions or statute it comes from) as in
force on 31 December of the year, and writes one row per value: `jurisdiction` (US or a USPS
code), `item`, `filing` (single, joint, head; `all` when the same for every status), `bracket`
(a schedule's row number, from 1; empty otherwise), `value`, and the `reference` and `url` of
the official source (PolicyEngine's newest reference for the parameter, or the one given
here where its own is older than the value). PolicyEngine-US itself is not distributed and
never run: only the parameter values and their citations are read.

Updating for 2026: fetch a newer PolicyEngine-US snapshot, run with --year 2026, read the diff
of data/tax_2026.csv against the year's official instructions, and extend the hand-derived
returns in tests/test_income_tax.py (README, "Take-home pay").
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = "policyengine_us/parameters/gov/"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FILINGS = {"SINGLE": "single", "JOINT": "joint", "HEAD_OF_HOUSEHOLD": "head"}
OUT = Path(__file__).resolve().parent.parent / "data"

# (jurisdiction, item, parameter path under gov/, reference override or None)
SPEC: list[tuple[str, str, str, tuple[str, str] | None]] = [
    (
        "US",
        "rate",
        "irs/income/bracket.yaml",
        (
            "IRS Rev. Proc. 2024-40, section 3.01, Tables 1-4",
            "https://www.irs.gov/pub/irs-drop/rp-24-40.pdf#page=5",
        ),
    ),
    (
        "US",
        "standard_deduction",
        "irs/deductions/standard/amount.yaml",
        (
            "Public Law 119-21 (One Big Beautiful Bill Act), section 70102; "
            "2025 Form 1040 instructions",
            "https://www.irs.gov/pub/irs-pdf/i1040gi.pdf",
        ),
    ),
    ("US", "social_security_rate", "irs/payroll/social_security/rate/employee.yaml", None),
    (
        "US",
        "social_security_wage_base",
        "irs/payroll/social_security/cap.yaml",
        (
            "SSA, 2025 Social Security Changes (COLA fact sheet, October 2024)",
            "https://www.ssa.gov/news/press/factsheets/colafacts2025.pdf",
        ),
    ),
    ("US", "medicare_rate", "irs/payroll/medicare/rate/employee.yaml", None),
    ("US", "additional_medicare_rate", "irs/payroll/medicare/additional/rate.yaml", None),
    ("US", "additional_medicare_threshold", "irs/payroll/medicare/additional/exclusion.yaml", None),
    # California
    ("CA", "rate:single", "states/ca/tax/income/rates/single.yaml", None),
    ("CA", "rate:joint", "states/ca/tax/income/rates/joint.yaml", None),
    ("CA", "rate:head", "states/ca/tax/income/rates/head_of_household.yaml", None),
    ("CA", "surtax", "states/ca/tax/income/mental_health_services.yaml", None),
    ("CA", "standard_deduction", "states/ca/tax/income/deductions/standard/amount.yaml", None),
    ("CA", "exemption_credit", "states/ca/tax/income/exemptions/amount.yaml", None),
    ("CA", "exemption_credit_people", "states/ca/tax/income/exemptions/personal_scale.yaml", None),
    (
        "CA",
        "exemption_phaseout_start",
        "states/ca/tax/income/exemptions/phase_out/start.yaml",
        None,
    ),
    (
        "CA",
        "exemption_phaseout_step",
        "states/ca/tax/income/exemptions/phase_out/increment.yaml",
        None,
    ),
    (
        "CA",
        "exemption_phaseout_amount",
        "states/ca/tax/income/exemptions/phase_out/amount.yaml",
        None,
    ),
    # New York
    ("NY", "rate:single", "states/ny/tax/income/main/single.yaml", None),
    ("NY", "rate:joint", "states/ny/tax/income/main/joint.yaml", None),
    ("NY", "rate:head", "states/ny/tax/income/main/head_of_household.yaml", None),
    ("NY", "standard_deduction", "states/ny/tax/income/deductions/standard/amount.yaml", None),
    ("NY", "supplemental_min_agi", "states/ny/tax/income/supplemental/min_agi.yaml", None),
    ("NY", "supplemental_phase_in", "states/ny/tax/income/supplemental/phase_in_length.yaml", None),
    (
        "NY",
        "recapture_base:single",
        "states/ny/tax/income/supplemental/recapture_base/single.yaml",
        None,
    ),
    (
        "NY",
        "recapture_base:joint",
        "states/ny/tax/income/supplemental/recapture_base/joint.yaml",
        None,
    ),
    (
        "NY",
        "recapture_base:head",
        "states/ny/tax/income/supplemental/recapture_base/head_of_household.yaml",
        None,
    ),
    (
        "NY",
        "incremental_benefit:single",
        "states/ny/tax/income/supplemental/incremental_benefit/single.yaml",
        None,
    ),
    (
        "NY",
        "incremental_benefit:joint",
        "states/ny/tax/income/supplemental/incremental_benefit/joint.yaml",
        None,
    ),
    (
        "NY",
        "incremental_benefit:head",
        "states/ny/tax/income/supplemental/incremental_benefit/head_of_household.yaml",
        None,
    ),
    (
        "NY",
        "household_credit:single",
        "states/ny/tax/income/credits/household_credit/single.yaml",
        None,
    ),
    (
        "NY",
        "household_credit_base",
        "states/ny/tax/income/credits/household_credit/non_single/base.yaml",
        None,
    ),
    (
        "NY",
        "household_credit_more",
        "states/ny/tax/income/credits/household_credit/non_single/additional.yaml",
        None,
    ),
    # New York City (resident income tax, on New York taxable income)
    ("NYC", "rate:single", "local/ny/nyc/tax/income/rates/single.yaml", None),
    ("NYC", "rate:joint", "local/ny/nyc/tax/income/rates/joint.yaml", None),
    ("NYC", "rate:head", "local/ny/nyc/tax/income/rates/head_of_household.yaml", None),
    (
        "NYC",
        "household_credit:single",
        "local/ny/nyc/tax/income/credits/household/flat_amount.yaml",
        None,
    ),
    (
        "NYC",
        "household_credit_each",
        "local/ny/nyc/tax/income/credits/household/other_per_dependent.yaml",
        None,
    ),
    ("NYC", "school_credit", "local/ny/nyc/tax/income/credits/school/fixed/amount.yaml", None),
    (
        "NYC",
        "school_credit_limit",
        "local/ny/nyc/tax/income/credits/school/fixed/income_limit.yaml",
        None,
    ),
    (
        "NYC",
        "school_rate_reduction:single",
        "local/ny/nyc/tax/income/credits/school/rate_reduction/amount/single.yaml",
        None,
    ),
    (
        "NYC",
        "school_rate_reduction:joint",
        "local/ny/nyc/tax/income/credits/school/rate_reduction/amount/joint.yaml",
        None,
    ),
    (
        "NYC",
        "school_rate_reduction:head",
        "local/ny/nyc/tax/income/credits/school/rate_reduction/amount/head_of_household.yaml",
        None,
    ),
    (
        "NYC",
        "school_rate_reduction_limit",
        "local/ny/nyc/tax/income/credits/school/rate_reduction/income_limit.yaml",
        None,
    ),
    # Illinois
    ("IL", "rate", "states/il/tax/income/rate.yaml", None),
    ("IL", "exemption", "states/il/tax/income/exemption/personal.yaml", None),
    ("IL", "exemption_income_limit", "states/il/tax/income/exemption/income_limit.yaml", None),
    # Massachusetts
    ("MA", "rate", "states/ma/tax/income/rates/part_b.yaml", None),
    ("MA", "surtax", "states/ma/tax/income/rates/additional.yaml", None),
    ("MA", "exemption_total", "states/ma/tax/income/exemptions/personal.yaml", None),
    ("MA", "no_tax_limit", "states/ma/tax/income/exempt_status/limit/base.yaml", None),
    (
        "MA",
        "limited_income_multiple",
        "states/ma/tax/income/credits/limited_income_credit/income_limit.yaml",
        None,
    ),
    (
        "MA",
        "limited_income_rate",
        "states/ma/tax/income/credits/limited_income_credit/percent.yaml",
        None,
    ),
    (
        "MA",
        "payroll_tax_deduction_cap",
        "states/ma/tax/income/deductions/public_retirement_contributions.yaml",
        None,
    ),
    # Michigan
    ("MI", "rate", "states/mi/tax/income/rate.yaml", None),
    ("MI", "exemption", "states/mi/tax/income/exemptions/personal.yaml", None),
    # Colorado
    ("CO", "rate", "states/co/tax/income/rate.yaml", None),
    (
        "CO",
        "addback_agi_threshold",
        "states/co/tax/income/additions/federal_deductions/agi_threshold.yaml",
        None,
    ),
    (
        "CO",
        "addback_allowed",
        "states/co/tax/income/additions/federal_deductions/exemption.yaml",
        None,
    ),
    # District of Columbia
    ("DC", "rate", "states/dc/tax/income/rates.yaml", None),
    ("DC", "standard_deduction", "states/dc/tax/income/deductions/standard/amount.yaml", None),
    # Oregon
    ("OR", "rate:single", "states/or/tax/income/rates/single.yaml", None),
    ("OR", "rate:joint", "states/or/tax/income/rates/joint.yaml", None),
    ("OR", "rate:head", "states/or/tax/income/rates/head_of_household.yaml", None),
    ("OR", "standard_deduction", "states/or/tax/income/deductions/standard/amount.yaml", None),
    (
        "OR",
        "federal_tax_cap:single",
        "states/or/tax/income/subtractions/federal_tax_liability/cap/single.yaml",
        None,
    ),
    (
        "OR",
        "federal_tax_cap:joint",
        "states/or/tax/income/subtractions/federal_tax_liability/cap/joint.yaml",
        None,
    ),
    (
        "OR",
        "federal_tax_cap:head",
        "states/or/tax/income/subtractions/federal_tax_liability/cap/head_of_household.yaml",
        None,
    ),
    ("OR", "exemption_credit", "states/or/tax/income/credits/exemption/amount.yaml", None),
    (
        "OR",
        "exemption_credit_limit",
        "states/or/tax/income/credits/exemption/income_limit/regular.yaml",
        None,
    ),
    # Minnesota
    ("MN", "rate:single", "states/mn/tax/income/rates/single.yaml", None),
    ("MN", "rate:joint", "states/mn/tax/income/rates/joint.yaml", None),
    ("MN", "rate:head", "states/mn/tax/income/rates/head_of_household.yaml", None),
    ("MN", "standard_deduction", "states/mn/tax/income/deductions/standard/base.yaml", None),
    (
        "MN",
        "reduction_start",
        "states/mn/tax/income/deductions/standard/reduction/agi_threshold/low.yaml",
        None,
    ),
    (
        "MN",
        "reduction_high_start",
        "states/mn/tax/income/deductions/standard/reduction/agi_threshold/high.yaml",
        None,
    ),
    (
        "MN",
        "reduction_rate",
        "states/mn/tax/income/deductions/standard/reduction/excess_agi_fraction/low.yaml",
        None,
    ),
    (
        "MN",
        "reduction_high_rate",
        "states/mn/tax/income/deductions/standard/reduction/excess_agi_fraction/high.yaml",
        None,
    ),
    (
        "MN",
        "reduction_cap_rate",
        "states/mn/tax/income/deductions/standard/reduction/alternate/rate.yaml",
        None,
    ),
    (
        "MN",
        "reduction_cap_income",
        "states/mn/tax/income/deductions/standard/reduction/alternate/income_threshold.yaml",
        None,
    ),
    # Ohio
    ("OH", "rate", "states/oh/tax/income/rates.yaml", None),
    ("OH", "no_tax_income", "states/oh/tax/income/agi_threshold.yaml", None),
    ("OH", "exemption", "states/oh/tax/income/exemptions/personal/amount.yaml", None),
    ("OH", "exemption_credit", "states/oh/tax/income/credits/exemption/amount.yaml", None),
    # Oklahoma
    ("OK", "rate:single", "states/ok/tax/income/rates/single.yaml", None),
    ("OK", "rate:joint", "states/ok/tax/income/rates/joint.yaml", None),
    ("OK", "rate:head", "states/ok/tax/income/rates/head_of_household.yaml", None),
    ("OK", "standard_deduction", "states/ok/tax/income/deductions/standard/amount.yaml", None),
    ("OK", "exemption", "states/ok/tax/income/exemptions/amount.yaml", None),
    # Rhode Island
    ("RI", "rate", "states/ri/tax/income/rate.yaml", None),
    ("RI", "standard_deduction", "states/ri/tax/income/deductions/standard/amount.yaml", None),
    ("RI", "exemption", "states/ri/tax/income/exemption/amount.yaml", None),
    ("RI", "phaseout_start", "states/ri/tax/income/exemption/reduction/start.yaml", None),
    ("RI", "phaseout_step", "states/ri/tax/income/exemption/reduction/increment.yaml", None),
    ("RI", "phaseout_rate", "states/ri/tax/income/exemption/reduction/rate.yaml", None),
    # Delaware
    ("DE", "rate", "states/de/tax/income/rate.yaml", None),
    ("DE", "standard_deduction", "states/de/tax/income/deductions/standard/amount.yaml", None),
    ("DE", "personal_credit", "states/de/tax/income/credits/personal_credits/personal.yaml", None),
    # West Virginia
    ("WV", "rate:single", "states/wv/tax/income/rates/single.yaml", None),
    ("WV", "rate:joint", "states/wv/tax/income/rates/joint.yaml", None),
    ("WV", "rate:head", "states/wv/tax/income/rates/head.yaml", None),
    ("WV", "exemption", "states/wv/tax/income/exemptions/personal.yaml", None),
    # South Carolina
    ("SC", "rate", "states/sc/tax/income/rates.yaml", None),
    (
        "SC",
        "pre_obbba_standard_deduction",
        "states/sc/tax/income/additions/obbba/pre_obbba_standard_deduction.yaml",
        None,
    ),
    # Iowa
    ("IA", "rate:single", "states/ia/tax/income/rates/by_filing_status/other.yaml", None),
    ("IA", "rate:head", "states/ia/tax/income/rates/by_filing_status/other.yaml", None),
    ("IA", "rate:joint", "states/ia/tax/income/rates/by_filing_status/joint.yaml", None),
    ("IA", "exemption_credit", "states/ia/tax/income/credits/exemption/personal.yaml", None),
    # Idaho
    ("ID", "rate:single", "states/id/tax/income/main/single.yaml", None),
    ("ID", "rate:joint", "states/id/tax/income/main/joint.yaml", None),
    ("ID", "rate:head", "states/id/tax/income/main/head_of_household.yaml", None),
    ("ID", "grocery_credit", "states/id/tax/income/credits/grocery/base/amount.yaml", None),
    ("ID", "building_fund_tax", "states/id/tax/income/other_taxes/pbf/amount.yaml", None),
    # Alabama
    ("AL", "rate:single", "states/al/tax/income/rates/single.yaml", None),
    ("AL", "rate:joint", "states/al/tax/income/rates/joint.yaml", None),
    ("AL", "rate:head", "states/al/tax/income/rates/head_of_household.yaml", None),
    ("AL", "standard_deduction", "states/al/tax/income/deductions/standard/amount/max.yaml", None),
    (
        "AL",
        "standard_deduction_least",
        "states/al/tax/income/deductions/standard/amount/min.yaml",
        None,
    ),
    (
        "AL",
        "standard_deduction_step",
        "states/al/tax/income/deductions/standard/phase_out/increment.yaml",
        None,
    ),
    (
        "AL",
        "standard_deduction_step_amount",
        "states/al/tax/income/deductions/standard/phase_out/rate.yaml",
        None,
    ),
    (
        "AL",
        "standard_deduction_start",
        "states/al/tax/income/deductions/standard/phase_out/threshold.yaml",
        None,
    ),
    ("AL", "exemption_total", "states/al/tax/income/exemptions/personal.yaml", None),
    # Maine
    ("ME", "rate:single", "states/me/tax/income/main/single.yaml", None),
    ("ME", "rate:joint", "states/me/tax/income/main/joint.yaml", None),
    ("ME", "rate:head", "states/me/tax/income/main/head_of_household.yaml", None),
    ("ME", "standard_deduction", "states/me/tax/income/deductions/standard/amount.yaml", None),
    (
        "ME",
        "deduction_phaseout_start",
        "states/me/tax/income/deductions/phase_out/start.yaml",
        None,
    ),
    (
        "ME",
        "deduction_phaseout_width",
        "states/me/tax/income/deductions/phase_out/width.yaml",
        None,
    ),
    ("ME", "exemption", "states/me/tax/income/deductions/personal_exemption/amount.yaml", None),
    (
        "ME",
        "exemption_phaseout_start",
        "states/me/tax/income/deductions/personal_exemption/phaseout/start.yaml",
        None,
    ),
    (
        "ME",
        "exemption_phaseout_width",
        "states/me/tax/income/deductions/personal_exemption/phaseout/width.yaml",
        None,
    ),
    # Nebraska
    ("NE", "rate:single", "states/ne/tax/income/rates/single.yaml", None),
    ("NE", "rate:joint", "states/ne/tax/income/rates/joint.yaml", None),
    ("NE", "rate:head", "states/ne/tax/income/rates/head_of_household.yaml", None),
    ("NE", "standard_deduction", "states/ne/tax/income/deductions/standard/base_amount.yaml", None),
    ("NE", "exemption_credit", "states/ne/tax/income/exemptions/amount.yaml", None),
    # Arizona
    ("AZ", "rate", "states/az/tax/income/main/single.yaml", None),
    ("AZ", "standard_deduction", "states/az/tax/income/deductions/standard/amount.yaml", None),
    # Georgia
    ("GA", "rate", "states/ga/tax/income/main/flat_rate.yaml", None),
    ("GA", "standard_deduction", "states/ga/tax/income/deductions/standard/amount.yaml", None),
    # Indiana
    ("IN", "rate", "states/in/tax/income/agi_rate.yaml", None),
    ("IN", "exemption", "states/in/tax/income/exemptions/base/amount.yaml", None),
    # Kentucky
    ("KY", "rate", "states/ky/tax/income/rate.yaml", None),
    ("KY", "standard_deduction", "states/ky/tax/income/deductions/standard.yaml", None),
    # Louisiana
    ("LA", "rate", "states/la/tax/income/main/flat/rate.yaml", None),
    ("LA", "standard_deduction", "states/la/tax/income/deductions/standard/amount.yaml", None),
    # Mississippi
    ("MS", "rate", "states/ms/tax/income/rate.yaml", None),
    ("MS", "standard_deduction", "states/ms/tax/income/deductions/standard/amount.yaml", None),
    ("MS", "exemption_total", "states/ms/tax/income/exemptions/regular/amount.yaml", None),
    # North Carolina
    ("NC", "rate", "states/nc/tax/income/rate.yaml", None),
    ("NC", "standard_deduction", "states/nc/tax/income/deductions/standard/amount.yaml", None),
    # North Dakota
    ("ND", "rate:single", "states/nd/tax/income/rates/single.yaml", None),
    ("ND", "rate:joint", "states/nd/tax/income/rates/joint.yaml", None),
    ("ND", "rate:head", "states/nd/tax/income/rates/head_of_household.yaml", None),
    # Pennsylvania
    ("PA", "rate", "states/pa/tax/income/rate.yaml", None),
    # Missouri
    ("MO", "rate", "states/mo/tax/income/rates.yaml", None),
    (
        "MO",
        "federal_tax_share",
        "states/mo/tax/income/deductions/federal_income_tax/rate.yaml",
        None,
    ),
    ("MO", "federal_tax_cap", "states/mo/tax/income/deductions/federal_income_tax/cap.yaml", None),
    # Montana
    ("MT", "rate:single", "states/mt/tax/income/main/single.yaml", None),
    ("MT", "rate:joint", "states/mt/tax/income/main/joint.yaml", None),
    ("MT", "rate:head", "states/mt/tax/income/main/head_of_household.yaml", None),
    # Kansas
    ("KS", "rate:single", "states/ks/tax/income/rates/other.yaml", None),
    ("KS", "rate:head", "states/ks/tax/income/rates/other.yaml", None),
    ("KS", "rate:joint", "states/ks/tax/income/rates/joint.yaml", None),
    ("KS", "standard_deduction", "states/ks/tax/income/deductions/standard/base_amount.yaml", None),
    ("KS", "exemption_total", "states/ks/tax/income/exemptions/by_filing_status/amount.yaml", None),
    (
        "KS",
        "exemption_head_extra",
        "states/ks/tax/income/exemptions/by_filing_status/hoh_additional_amount.yaml",
        None,
    ),
    ("KS", "no_tax_agi", "states/ks/tax/income/rates/agi_zero_tax_threshold.yaml", None),
    # Virginia
    ("VA", "rate", "states/va/tax/income/rates.yaml", None),
    ("VA", "standard_deduction", "states/va/tax/income/deductions/standard.yaml", None),
    ("VA", "exemption", "states/va/tax/income/exemptions/personal.yaml", None),
    # Vermont
    ("VT", "rate:single", "states/vt/tax/income/rates/single.yaml", None),
    ("VT", "rate:joint", "states/vt/tax/income/rates/joint.yaml", None),
    ("VT", "rate:head", "states/vt/tax/income/rates/head_of_household.yaml", None),
    ("VT", "standard_deduction", "states/vt/tax/income/deductions/standard/base.yaml", None),
    ("VT", "exemption", "states/vt/tax/income/exemption/personal.yaml", None),
    # New Jersey
    ("NJ", "rate:single", "states/nj/tax/income/main/single.yaml", None),
    ("NJ", "rate:joint", "states/nj/tax/income/main/joint.yaml", None),
    ("NJ", "rate:head", "states/nj/tax/income/main/head_of_household.yaml", None),
    ("NJ", "exemption_total", "states/nj/tax/income/exemptions/regular/amount.yaml", None),
    # Hawaii
    ("HI", "rate:single", "states/hi/tax/income/rates/single.yaml", None),
    ("HI", "rate:joint", "states/hi/tax/income/rates/joint.yaml", None),
    ("HI", "rate:head", "states/hi/tax/income/rates/head_of_household.yaml", None),
    ("HI", "standard_deduction", "states/hi/tax/income/deductions/standard/amount.yaml", None),
    ("HI", "exemption", "states/hi/tax/income/exemptions/base.yaml", None),
    # Maryland, and the two counties whose local tax is graduated
    ("MD", "rate:single", "states/md/tax/income/rates/single.yaml", None),
    ("MD", "rate:joint", "states/md/tax/income/rates/joint.yaml", None),
    ("MD", "rate:head", "states/md/tax/income/rates/head_of_household.yaml", None),
    (
        "MD",
        "standard_deduction",
        "states/md/tax/income/deductions/standard/flat_deduction/amount.yaml",
        None,
    ),
    ("MD", "exemption:single", "states/md/tax/income/exemptions/personal/single.yaml", None),
    ("MD", "exemption:joint", "states/md/tax/income/exemptions/personal/joint.yaml", None),
    ("MD", "exemption:head", "states/md/tax/income/exemptions/personal/head.yaml", None),
    (
        "Anne Arundel County, MD",
        "rate:single",
        "local/md/anne_arundel_county/tax/income/single.yaml",
        None,
    ),
    (
        "Anne Arundel County, MD",
        "rate:joint",
        "local/md/anne_arundel_county/tax/income/joint.yaml",
        None,
    ),
    (
        "Anne Arundel County, MD",
        "rate:head",
        "local/md/anne_arundel_county/tax/income/head_of_household.yaml",
        None,
    ),
    (
        "Frederick County, MD",
        "rate_on_all:single",
        "local/md/frederick_county/tax/income/single.yaml",
        None,
    ),
    (
        "Frederick County, MD",
        "rate_on_all:joint",
        "local/md/frederick_county/tax/income/joint.yaml",
        None,
    ),
    (
        "Frederick County, MD",
        "rate_on_all:head",
        "local/md/frederick_county/tax/income/head_of_household.yaml",
        None,
    ),
    # Wisconsin
    ("WI", "rate:single", "states/wi/tax/income/rates/single.yaml", None),
    ("WI", "rate:joint", "states/wi/tax/income/rates/joint.yaml", None),
    ("WI", "rate:head", "states/wi/tax/income/rates/head_of_household.yaml", None),
    ("WI", "standard_deduction", "states/wi/tax/income/deductions/standard/max.yaml", None),
    (
        "WI",
        "deduction_phaseout:single",
        "states/wi/tax/income/deductions/standard/phase_out/single.yaml",
        None,
    ),
    (
        "WI",
        "deduction_phaseout:joint",
        "states/wi/tax/income/deductions/standard/phase_out/joint.yaml",
        None,
    ),
    (
        "WI",
        "deduction_phaseout:head",
        "states/wi/tax/income/deductions/standard/phase_out/head_of_household.yaml",
        None,
    ),
    ("WI", "exemption", "states/wi/tax/income/exemption/base.yaml", None),
    # New Mexico
    ("NM", "rate:single", "states/nm/tax/income/main/single.yaml", None),
    ("NM", "rate:joint", "states/nm/tax/income/main/joint.yaml", None),
    ("NM", "rate:head", "states/nm/tax/income/main/head_of_household.yaml", None),
    (
        "NM",
        "exemption_income_limit",
        "states/nm/tax/income/exemptions/low_and_middle_income/income_limit.yaml",
        None,
    ),
    (
        "NM",
        "exemption",
        "states/nm/tax/income/exemptions/low_and_middle_income/max_amount.yaml",
        None,
    ),
    (
        "NM",
        "exemption_reduction_start",
        "states/nm/tax/income/exemptions/low_and_middle_income/reduction/income_threshold.yaml",
        None,
    ),
    (
        "NM",
        "exemption_reduction_rate",
        "states/nm/tax/income/exemptions/low_and_middle_income/reduction/rate.yaml",
        None,
    ),
    # Connecticut
    ("CT", "rate:single", "states/ct/tax/income/rates/single.yaml", None),
    ("CT", "rate:joint", "states/ct/tax/income/rates/joint.yaml", None),
    ("CT", "rate:head", "states/ct/tax/income/rates/head_of_household.yaml", None),
    ("CT", "exemption", "states/ct/tax/income/exemptions/personal/max_amount.yaml", None),
    (
        "CT",
        "exemption_start",
        "states/ct/tax/income/exemptions/personal/reduction/start.yaml",
        None,
    ),
    (
        "CT",
        "exemption_step",
        "states/ct/tax/income/exemptions/personal/reduction/increment.yaml",
        None,
    ),
    (
        "CT",
        "exemption_step_amount",
        "states/ct/tax/income/exemptions/personal/reduction/amount.yaml",
        None,
    ),
    ("CT", "credit_rate:single", "states/ct/tax/income/agi/single.yaml", None),
    ("CT", "credit_rate:joint", "states/ct/tax/income/agi/joint.yaml", None),
    ("CT", "credit_rate:head", "states/ct/tax/income/agi/head_of_household.yaml", None),
    ("CT", "add_back_start", "states/ct/tax/income/add_back/start.yaml", None),
    ("CT", "add_back_increment", "states/ct/tax/income/add_back/increment.yaml", None),
    ("CT", "add_back_amount", "states/ct/tax/income/add_back/amount.yaml", None),
    ("CT", "add_back_max_amount", "states/ct/tax/income/add_back/max_amount.yaml", None),
    ("CT", "recapture_low_start", "states/ct/tax/income/recapture/low/start.yaml", None),
    ("CT", "recapture_low_increment", "states/ct/tax/income/recapture/low/increment.yaml", None),
    ("CT", "recapture_low_amount", "states/ct/tax/income/recapture/low/amount.yaml", None),
    ("CT", "recapture_low_max_amount", "states/ct/tax/income/recapture/low/max_amount.yaml", None),
    ("CT", "recapture_middle_start", "states/ct/tax/income/recapture/middle/start.yaml", None),
    (
        "CT",
        "recapture_middle_increment",
        "states/ct/tax/income/recapture/middle/increment.yaml",
        None,
    ),
    ("CT", "recapture_middle_amount", "states/ct/tax/income/recapture/middle/amount.yaml", None),
    (
        "CT",
        "recapture_middle_max_amount",
        "states/ct/tax/income/recapture/middle/max_amount.yaml",
        None,
    ),
    ("CT", "recapture_high_start", "states/ct/tax/income/recapture/high/start.yaml", None),
    ("CT", "recapture_high_increment", "states/ct/tax/income/recapture/high/increment.yaml", None),
    ("CT", "recapture_high_amount", "states/ct/tax/income/recapture/high/amount.yaml", None),
    (
        "CT",
        "recapture_high_max_amount",
        "states/ct/tax/income/recapture/high/max_amount.yaml",
        None,
    ),
    # Arkansas (from $30,000 its low-income tax tables no longer apply)
    ("AR", "rate_on_all", "states/ar/tax/income/rates/main/rate.yaml", None),
    ("AR", "reduction", "states/ar/tax/income/rates/main/reduction.yaml", None),
    ("AR", "standard_deduction", "states/ar/tax/income/deductions/standard.yaml", None),
    ("AR", "personal_credit", "states/ar/tax/income/credits/personal/amount/base.yaml", None),
    (
        "AR",
        "extra_credit",
        "states/ar/tax/income/credits/additional_tax_credit_for_qualified_individuals/max_amount.yaml",
        None,
    ),
    (
        "AR",
        "extra_credit_start",
        "states/ar/tax/income/credits/additional_tax_credit_for_qualified_individuals/reduction/start.yaml",
        None,
    ),
    (
        "AR",
        "extra_credit_step",
        "states/ar/tax/income/credits/additional_tax_credit_for_qualified_individuals/reduction/increment.yaml",
        None,
    ),
    (
        "AR",
        "extra_credit_step_amount",
        "states/ar/tax/income/credits/additional_tax_credit_for_qualified_individuals/reduction/amount.yaml",
        None,
    ),
    # Utah
    ("UT", "rate", "states/ut/tax/income/rate.yaml", None),
    (
        "UT",
        "credit_exemption",
        "states/ut/tax/income/credits/taxpayer/personal_exemption.yaml",
        None,
    ),
    ("UT", "credit_rate", "states/ut/tax/income/credits/taxpayer/rate.yaml", None),
    (
        "UT",
        "credit_phaseout_rate",
        "states/ut/tax/income/credits/taxpayer/phase_out/rate.yaml",
        None,
    ),
    (
        "UT",
        "credit_phaseout_start",
        "states/ut/tax/income/credits/taxpayer/phase_out/threshold.yaml",
        None,
    ),
    # Credits for low wages (core/credits.py): the federal EITC of a worker with no
    # qualifying child (the schedules' first row), the states' matches and low-income credits
    ("US", "eitc_max", "irs/credits/eitc/max.yaml", None),
    ("US", "eitc_phase_in_rate", "irs/credits/eitc/phase_in_rate.yaml", None),
    ("US", "eitc_phaseout_start", "irs/credits/eitc/phase_out/start.yaml", None),
    ("US", "eitc_phaseout_rate", "irs/credits/eitc/phase_out/rate.yaml", None),
    ("US", "eitc_joint_bonus", "irs/credits/eitc/phase_out/joint_bonus.yaml", None),
    ("CO", "eitc_match", "states/co/tax/income/credits/eitc/match.yaml", None),
    (
        "CO",
        "sales_tax_refund",
        "states/co/tax/income/credits/sales_tax_refund/amount/scale.yaml",
        None,
    ),
    ("CT", "eitc_match", "states/ct/tax/income/credits/eitc/match.yaml", None),
    (
        "DC",
        "eitc_phaseout_start",
        "states/dc/tax/income/credits/eitc/without_children/phase_out/start.yaml",
        None,
    ),
    (
        "DC",
        "eitc_phaseout_rate",
        "states/dc/tax/income/credits/eitc/without_children/phase_out/rate.yaml",
        None,
    ),
    ("DE", "eitc_match", "states/de/tax/income/credits/eitc/refundable.yaml", None),
    (
        "DE",
        "eitc_match_nonrefundable",
        "states/de/tax/income/credits/eitc/non_refundable.yaml",
        None,
    ),
    ("GA", "low_income_credit", "states/ga/tax/income/credits/low_income/amount.yaml", None),
    ("HI", "eitc_match", "states/hi/tax/income/credits/eitc/match.yaml", None),
    (
        "HI",
        "food_excise_credit:single",
        "states/hi/tax/income/credits/food_excise_tax/amount/single.yaml",
        None,
    ),
    (
        "HI",
        "food_excise_credit:joint",
        "states/hi/tax/income/credits/food_excise_tax/amount/joint.yaml",
        None,
    ),
    (
        "HI",
        "food_excise_credit:head",
        "states/hi/tax/income/credits/food_excise_tax/amount/head_of_household.yaml",
        None,
    ),
    ("IA", "eitc_match", "states/ia/tax/income/credits/earned_income/fraction.yaml", None),
    ("IL", "eitc_match", "states/il/tax/income/credits/eitc/match.yaml", None),
    ("IN", "eitc_match", "states/in/tax/income/credits/earned_income/match_rate.yaml", None),
    ("KS", "eitc_match", "states/ks/tax/income/credits/eitc_fraction.yaml", None),
    ("LA", "eitc_match", "states/la/tax/income/credits/eitc/match.yaml", None),
    ("MA", "eitc_match", "states/ma/tax/income/credits/eitc/match.yaml", None),
    ("ME", "eitc_match", "states/me/tax/income/credits/eitc/rate/no_qualifying_child.yaml", None),
    (
        "ME",
        "sales_tax_fairness_credit",
        "states/me/tax/income/credits/fairness/sales_tax/amount/base.yaml",
        None,
    ),
    (
        "ME",
        "sales_tax_fairness_start",
        "states/me/tax/income/credits/fairness/sales_tax/reduction/start.yaml",
        None,
    ),
    (
        "ME",
        "sales_tax_fairness_step",
        "states/me/tax/income/credits/fairness/sales_tax/reduction/increment.yaml",
        None,
    ),
    (
        "ME",
        "sales_tax_fairness_step_amount",
        "states/me/tax/income/credits/fairness/sales_tax/reduction/amount.yaml",
        None,
    ),
    ("MI", "eitc_match", "states/mi/tax/income/credits/eitc/match.yaml", None),
    ("MN", "working_family_phase_in", "states/mn/tax/income/credits/cwfc/wfc/phase_in.yaml", None),
    (
        "MN",
        "working_family_phaseout_start:joint",
        "states/mn/tax/income/credits/cwfc/phase_out/threshold/joint.yaml",
        None,
    ),
    (
        "MN",
        "working_family_phaseout_start",
        "states/mn/tax/income/credits/cwfc/phase_out/threshold/other.yaml",
        None,
    ),
    (
        "MN",
        "working_family_phaseout_rate",
        "states/mn/tax/income/credits/cwfc/phase_out/rate/main.yaml",
        None,
    ),
    ("MO", "eitc_match_nonrefundable", "states/mo/tax/income/credits/wftc/match.yaml", None),
    ("MT", "eitc_match", "states/mt/tax/income/credits/eitc/match.yaml", None),
    ("NE", "eitc_match", "states/ne/tax/income/credits/eitc/fraction.yaml", None),
    ("NJ", "eitc_match", "states/nj/tax/income/credits/eitc/match.yaml", None),
    ("NJ", "no_tax_income", "states/nj/tax/income/filing_threshold.yaml", None),
    ("NM", "eitc_match", "states/nm/tax/income/credits/eitc/match.yaml", None),
    (
        "NM",
        "low_income_rebate:single",
        "states/nm/tax/income/rebates/low_income/amount/one_exemption.yaml",
        None,
    ),
    (
        "NM",
        "low_income_rebate:head",
        "states/nm/tax/income/rebates/low_income/amount/one_exemption.yaml",
        None,
    ),
    (
        "NM",
        "low_income_rebate:joint",
        "states/nm/tax/income/rebates/low_income/amount/two_exemptions.yaml",
        None,
    ),
    ("NY", "eitc_match", "states/ny/tax/income/credits/eitc/match.yaml", None),
    ("NYC", "eitc_match", "local/ny/nyc/tax/income/credits/eitc/percent.yaml", None),
    (
        "NYC",
        "eitc_match_reduction",
        "local/ny/nyc/tax/income/credits/eitc/percent_reduction.yaml",
        None,
    ),
    (
        "NYC",
        "eitc_reduction_from",
        "local/ny/nyc/tax/income/credits/eitc/reduction_threshold.yaml",
        None,
    ),
    ("OH", "eitc_match_nonrefundable", "states/oh/tax/income/credits/eitc/rate.yaml", None),
    ("OK", "eitc_match", "states/ok/tax/income/credits/earned_income/eitc_fraction.yaml", None),
    ("OK", "sales_tax_credit", "states/ok/tax/income/credits/sales_tax/amount.yaml", None),
    (
        "OK",
        "sales_tax_credit_limit",
        "states/ok/tax/income/credits/sales_tax/income_limit1.yaml",
        None,
    ),
    ("OR", "eitc_match", "states/or/tax/income/credits/eitc/match/no_young_child.yaml", None),
    ("PA", "eitc_match", "states/pa/tax/income/credits/eitc/match.yaml", None),
    ("PA", "forgiveness_base", "states/pa/tax/income/forgiveness/base.yaml", None),
    ("PA", "forgiveness_step", "states/pa/tax/income/forgiveness/rate_increment.yaml", None),
    ("PA", "forgiveness_step_share", "states/pa/tax/income/forgiveness/tax_back.yaml", None),
    ("RI", "eitc_match", "states/ri/tax/income/credits/eitc/match.yaml", None),
    ("SC", "eitc_match_nonrefundable", "states/sc/tax/income/credits/eitc/rate.yaml", None),
    (
        "UT",
        "eitc_match_nonrefundable",
        "states/ut/tax/income/credits/earned_income/rate.yaml",
        None,
    ),
    ("VT", "eitc_match", "states/vt/tax/income/credits/eitc/enhanced_structure/rate.yaml", None),
    ("AZ", "excise_credit", "states/az/tax/income/credits/increased_excise/amount.yaml", None),
    (
        "AZ",
        "excise_credit_max",
        "states/az/tax/income/credits/increased_excise/max_amount.yaml",
        None,
    ),
    (
        "AZ",
        "excise_credit_limit",
        "states/az/tax/income/credits/increased_excise/income_threshold.yaml",
        None,
    ),
    ("CA", "eitc_end", "states/ca/tax/income/credits/earned_income/phase_out/final/end.yaml", None),
    ("KY", "family_size_credit_rate", "states/ky/tax/income/credits/family_size/rate.yaml", None),
    ("US", "poverty_guideline", "hhs/fpg.yaml#first_person/CONTIGUOUS_US", None),
    ("US", "poverty_guideline_more", "hhs/fpg.yaml#additional_person/CONTIGUOUS_US", None),
    (
        "AR",
        "low_income_table_end:single",
        "states/ar/tax/income/rates/low_income_tax_tables/single.yaml#end",
        None,
    ),
    (
        "AR",
        "low_income_table_end:joint",
        "states/ar/tax/income/rates/low_income_tax_tables/joint/no_or_one_dependent.yaml#end",
        None,
    ),
    (
        "AR",
        "low_income_table_end:head",
        "states/ar/tax/income/rates/low_income_tax_tables/head_of_household/no_or_one_dependent.yaml#end",
        None,
    ),
    (
        "CA",
        "eitc_adjustment",
        "states/ca/tax/income/credits/earned_income/adjustment/factor.yaml",
        None,
    ),
    (
        "CA",
        "eitc_phase_in_rate",
        "states/ca/tax/income/credits/earned_income/phase_in/rate.yaml",
        None,
    ),
    (
        "CA",
        "eitc_earned_amount",
        "states/ca/tax/income/credits/earned_income/earned_income_amount.yaml",
        None,
    ),
    (
        "CA",
        "eitc_phaseout_start",
        "states/ca/tax/income/credits/earned_income/phase_out/start.yaml",
        None,
    ),
    (
        "CA",
        "eitc_phaseout_rate",
        "states/ca/tax/income/credits/earned_income/phase_out/rate.yaml",
        None,
    ),
    (
        "CA",
        "eitc_final_start",
        "states/ca/tax/income/credits/earned_income/phase_out/final/start.yaml",
        None,
    ),
    (
        "AR",
        "low_income_table:single",
        "states/ar/tax/income/rates/low_income_tax_tables/single.yaml",
        None,
    ),
    (
        "AR",
        "low_income_table:joint",
        "states/ar/tax/income/rates/low_income_tax_tables/joint/no_or_one_dependent.yaml",
        None,
    ),
    (
        "AR",
        "low_income_table:head",
        "states/ar/tax/income/rates/low_income_tax_tables/head_of_household/no_or_one_dependent.yaml",
        None,
    ),
    (
        "MD",
        "eitc_match_unmarried",
        "states/md/tax/income/credits/eitc/non_refundable/unmarried_childless/match.yaml",
        None,
    ),
    (
        "MD",
        "eitc_match_nonrefundable",
        "states/md/tax/income/credits/eitc/non_refundable/married_or_has_child/match.yaml",
        None,
    ),
    (
        "MD",
        "eitc_match_refundable",
        "states/md/tax/income/credits/eitc/refundable/married_or_has_child/match.yaml",
        None,
    ),
    (
        "MD",
        "poverty_line_share",
        "states/md/tax/income/credits/poverty_line/earned_income_share.yaml",
        None,
    ),
    (
        "MD",
        "local_eitc_multiplier",
        "states/md/tax/income/credits/eitc/local/rate_multiplier.yaml",
        None,
    ),
    (
        "VA",
        "eitc_match_nonrefundable",
        "states/va/tax/income/credits/eitc/match/non_refundable.yaml",
        None,
    ),
    (
        "VA",
        "eitc_match",
        "states/va/tax/income/credits/eitc/match/refundable.yaml",
        (
            "Virginia 2025 Form 760 Resident Individual Income Tax Instructions",
            "https://www.tax.virginia.gov/sites/default/files/vatax-pdf/2025-760-instructions.pdf#page=31",
        ),
    ),
    ("VA", "low_income_credit", "states/va/tax/income/credits/eitc/low_income_tax/base.yaml", None),
    (
        "WV",
        "low_income_exclusion",
        "states/wv/tax/income/subtractions/low_income_earned_income/amount.yaml",
        None,
    ),
    (
        "WV",
        "low_income_exclusion_limit",
        "states/wv/tax/income/subtractions/low_income_earned_income/income_limit.yaml",
        None,
    ),
    (
        "WV",
        "family_credit_share:single",
        "states/wv/tax/income/credits/liftc/amount/single.yaml",
        None,
    ),
    (
        "WV",
        "family_credit_share:joint",
        "states/wv/tax/income/credits/liftc/amount/joint.yaml",
        None,
    ),
    (
        "WV",
        "family_credit_share:head",
        "states/wv/tax/income/credits/liftc/amount/head_of_household.yaml",
        None,
    ),
]

# figures PolicyEngine-US does not hold, each from its official source:
# (jurisdiction, item, filing, value, reference, url)
MANUAL: list[tuple[str, str, str, str, str, str]] = [
    (
        "Detroit",
        "exemption",
        "all",
        "600",
        "City of Detroit Finance, Income Tax: personal exemptions $600 from tax year 2005 "
        "(Michigan Treasury Form 5118, line 8)",
        "https://www.detroitmi.gov/Departments/Finance/IncomeTax/EffectiveforTaxYear2005/tabid/1459/Default.aspx",
    ),
]


def load(repo: Path, path: str) -> Any:
    text = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{ROOT}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return yaml.load(text, Loader=yaml.BaseLoader)  # every value as text, dates as keys


def at(node: Any, day: str) -> Any:
    """The node with every dated mapping replaced by the value in force on `day`."""
    if isinstance(node, dict):
        if node and all(DATE.match(key) for key in node):
            keys = sorted(key for key in node if key <= day)
            return node[keys[-1]] if keys else None
        if isinstance(node.get("values"), dict):
            return at(node["values"], day)
        return {k: at(v, day) for k, v in node.items() if k not in ("metadata", "description")}
    if isinstance(node, list):
        return [at(item, day) for item in node]
    return node


def pick(value: Any, part: str) -> Any:
    """The part of a parameter a SPEC path names after "#": keys into a mapping
    ("first_person/CONTIGUOUS_US"), or "end", where a table's last row (an infinite amount:
    the table no longer applies) starts."""
    if not part:
        return value
    if part == "end":
        return next(b["threshold"] for b in value["brackets"] if b["amount"] == ".inf")
    for key in part.split("/"):
        value = value[key]
    return value


def number(text: str) -> str:
    return "" if text in (".inf", "inf") else text.replace("_", "")


def rows_of(jurisdiction: str, item: str, value: Any) -> list[list[str]]:
    name, _, filing = item.partition(":")
    filing = filing or "all"
    if isinstance(value, dict) and "brackets" in value:
        out = []
        for at_row, bracket in enumerate(value["brackets"], start=1):
            threshold = number(bracket["threshold"])
            if not threshold:
                continue  # PolicyEngine's closing row at infinity
            if threshold in ("-.inf", "-1"):
                threshold = "0"  # a schedule of amounts that starts below every income
            figure = bracket.get("rate", bracket.get("amount"))
            if figure in (".inf", "inf"):
                continue  # a table that ends here ("#end" gives where)
            out.append([jurisdiction, name, filing, str(at_row), threshold, number(figure)])
        return out
    if isinstance(value, dict) and "rates" in value:  # the federal schedule, by filing
        out = []
        for filing_key, short in FILINGS.items():
            out.append([jurisdiction, name, short, "1", "0", number(value["rates"]["1"])])
            for index in sorted(value["thresholds"], key=int):
                following = str(int(index) + 1)
                if following in value["rates"]:
                    threshold = number(value["thresholds"][index][filing_key])
                    rate = number(value["rates"][following])
                    out.append([jurisdiction, name, short, following, threshold, rate])
        return out
    if isinstance(value, dict):
        return [[jurisdiction, name, FILINGS[key], "", "", number(value[key])] for key in FILINGS]
    return [[jurisdiction, name, filing, "", "", number(str(value))]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("policyengine", type=Path)
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args()
    day = f"{args.year}-12-31"
    written = []
    for jurisdiction, item, where, override in SPEC:
        path, _, part = where.partition("#")
        node = load(args.policyengine, path)
        references = (node.get("metadata", {}) or {}).get("reference") or []
        references = references if isinstance(references, list) else [references]
        title, url = override or (
            (references[-1].get("title", ""), references[-1].get("href", ""))
            if references
            else ("", "")
        )
        for row in rows_of(jurisdiction, item, pick(at(node, day), part)):
            written.append([*row, title.strip(), url.strip()])
    for jurisdiction, item, filing, value, title, url in MANUAL:
        written.append([jurisdiction, item, filing, "", "", value, title, url])
    target = OUT / f"tax_{args.year}.csv"
    with target.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(
            ["jurisdiction", "item", "filing", "bracket", "from", "value", "reference", "url"]
        )
        writer.writerows(written)
    print(f"{len(written)} rows written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
