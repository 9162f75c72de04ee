"""PolicyEngine-US on the grid of benchmarks/tax_agreement.py: 51 states x 20 wages from
$30,000 to $505,000 (every $25,000) x single and married filing jointly, one earner with no
other income, tax year 2025.

    python3 -m venv /tmp/pe && /tmp/pe/bin/pip install policyengine-us==2.68.0
    /tmp/pe/bin/python benchmarks/tax_policyengine.py policyengine.json

PolicyEngine-US is about 860 MB installed and takes 17 s to import and about 1 s a return on
this machine, so it runs in a virtual environment of its own, never in salarycli's; each state
and filing status is one simulation over the 20 wages (an axis).
"""

import json
import sys
import time

from policyengine_us import Simulation

STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "DC",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
]
LOW, HIGH, COUNT = 30_000, 505_000, 20  # below $30,000 the EITC may apply: not checked
VARIABLES = (
    "income_tax",
    "state_income_tax",
    "employee_social_security_tax",
    "employee_medicare_tax",
    "additional_medicare_tax",
    "local_income_tax",
)


def simulate(state: str, married: bool) -> list[dict[str, object]]:
    people: dict[str, object] = {"you": {"age": {2025: 35}}}
    members = ["you"]
    if married:
        people["spouse"] = {"age": {2025: 35}, "employment_income": {2025: 0}}
        members = ["you", "spouse"]
    situation = {
        "people": people,
        # the standard deduction, as salarycli assumes (PolicyEngine would itemize state and
        # local taxes where that pays, from about $300,000)
        "tax_units": {"tu": {"members": members, "tax_unit_itemizes": {2025: False}}},
        "spm_units": {"spm": {"members": members}},
        "households": {"hh": {"members": members, "state_name": {2025: state}}},
        "families": {"f": {"members": members}},
        "marital_units": {"mu": {"members": members}},
        "axes": [[{"name": "employment_income", "count": COUNT, "min": LOW, "max": HIGH,
                   "period": 2025}]],
    }  # fmt: skip
    sim = Simulation(situation=situation)
    wages = sim.calculate("employment_income", 2025)
    rows = []
    for index in range(COUNT):
        # a person's figures come one per person (you, then the spouse), a tax unit's one each
        person = index * len(members)
        row: dict[str, object] = {
            "state": state,
            "married": married,
            "income": round(float(wages[person])),
        }
        for name in VARIABLES:
            values = sim.calculate(name, 2025)
            at = person if len(values) == COUNT * len(members) else index
            row[name] = round(float(values[at]), 2)
        rows.append(row)
    return rows


def main() -> None:
    out: list[dict[str, object]] = []
    start = time.time()
    for state in STATES:
        for married in (False, True):
            out.extend(simulate(state, married))
        with open(sys.argv[1], "w") as stream:
            json.dump(out, stream)
    print(f"{len(out)} returns in {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
