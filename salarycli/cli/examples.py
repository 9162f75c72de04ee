"""Each command's examples, shown under its --help (as gh and sqlite-utils show theirs).

Rich reads help text as markup, so no example holds square brackets. tests/test_help.py runs
every example here and requires exit 0.
"""

from __future__ import annotations

EXAMPLES = {
    "estimate": [
        ('salarycli estimate "Machine Learning Engineer" --years 4', "one level"),
        ('salarycli estimate "Sr. Software Engineer" -L "Austin, TX"', "the level from the title"),
        ("salarycli estimate nurse -y 6 --per hour -f json", "per hour, as json"),
    ],
    "compare": [
        ("salarycli compare -y 4", "the featured roles at 4 years"),
        ('salarycli compare "Civil Engineer" -L CA -L TX', "one role in two states"),
    ],
    "market": [
        ('salarycli market "Software Developers" -L CA', "the spread of pay in California"),
        ('salarycli market "Software Developers" --by industry -f csv', "industries ranked"),
    ],
    "rank": [
        ('salarycli rank "software developer" 135k -L "Austin, TX" -y 7', "an offer at 7 years"),
        ("salarycli rank nurse 45/hr", "an hourly offer"),
    ],
    "takehome": [
        ('salarycli takehome 120k -L "Brooklyn, NY"', "a year's take-home in New York City"),
        (
            'salarycli takehome 150000 -L "San Jose, CA" --pretax 10k --per paycheck',
            "each of 26 paychecks, with 401(k) deferrals",
        ),
        ("salarycli takehome 95k -L Remote --state CO --filing joint", "a remote job"),
    ],
    "relocate": [
        ('salarycli relocate "Software Developers" 150k --from Austin --to "San Jose"', "a move"),
    ],
    "batch": [
        ("salarycli batch people.csv > estimates.csv", "a file of role,years rows"),
        ('printf "role,years\\nCivil Engineer,4\\n" | salarycli batch', "from stdin"),
    ],
    "roles": [("salarycli roles engineer", "roles whose names start words with engineer")],
    "locations": [('salarycli locations "san jo"', "places named San Jo...")],
    "industries": [("salarycli industries software", "industries --industry takes")],
    "levels": [("salarycli levels", "the ladder and its multipliers")],
    # the top-level help (salarycli -h) and the data group's, then its subcommands
    "": [
        ('salarycli estimate "Software Engineer" -y 4 -L "Austin, TX"', "one estimate"),
        ('salarycli compare "Civil Engineer" -L CA -L TX', "side by side"),
        ("salarycli takehome 120k -L Seattle", "take-home pay"),
        ("salarycli batch people.csv > estimates.csv", "a file of records"),
    ],
    "data": [
        ("salarycli data info", "what is loaded, with its sources"),
        ("salarycli data export --what wages -f csv > wages.csv", "BLS figures for a database"),
    ],
    "data info": [("salarycli data info", "every dataset, its release and licence")],
    "data validate": [
        (
            "mkdir mine && salarycli data export --what roles > mine/roles.csv && "
            "salarycli data validate mine",
            "check a folder before --data uses it",
        )
    ],
    "data export": [
        (
            "salarycli data export --what roles > roles.csv",
            "the roles, to edit and load with --data",
        ),
        ("salarycli data export --what places -f jsonl", "the places, one json object a line"),
    ],
}


def epilog(name: str) -> str | None:
    """The examples of command `name` as its help's closing text."""
    shown = EXAMPLES.get(name)
    if not shown:
        return None
    lines = []
    for command, what in shown:
        lines += [f"  # {what}"] if what else []
        lines.append(f"  $ {command}")
    return "Examples:\n" + "\n".join(lines)
