"""Places as people write them, tried when the name as typed is no place (resolve.places).

Each form is rewritten into one the index knows, in this order (docs/places.md):
- "Remote" in its common forms: "Remote - US", "Remote (US)", "Work from home", "WFH";
- a ZIP code anywhere in the text, ZIP+4 too: "Austin TX 78701", "ZIP 60601", "94105-1804";
- "Greater X", "X area", "X metro (area)", "X region": X;
- a state written out or as newspapers shorten it: "Seattle, Washington", "Boston, Mass.",
  "N. Carolina" (AP_STATES below); "New York City, NY" as "New York, NY";
- "Ft." and "Mt." as "Fort" and "Mount";
- a misspelt city (misspelt): within one edit (two for a name of 8 letters or more) of a
  city of the state given, never one of another state ("Pittsburg, PA" is Pittsburgh, PA;
  "Pittsburg, KS" is itself); with no state, of a city of at least BIG people that is at
  least MUCH_LARGER times any other city as close ("Seatle" is Seattle, WA).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

REMOTE_FORMS = frozenset(
    {
        "remote us",
        "remote usa",
        "remote united states",
        "us remote",
        "usa remote",
        "remote only",
        "fully remote",
        "100 remote",
        "work from home",
        "wfh",
        "work from anywhere",
        "telecommute",
        "telework",
        "virtual",
        "home based",
        "home office",
    }
)
_ZIP = re.compile(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)")
_AROUND = re.compile(r"^(?:greater )?(.+?)(?: metro(?:politan)?(?: area)?| area| region)?$")
_SHORT = {"ft": "fort", "mt": "mount", "pt": "point"}
# the Associated Press's state abbreviations, and the ways "North" is shortened
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO",
    "conn": "CT", "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS",
    "kans": "KS", "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI",
    "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE",
    "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND",
    "okla": "OK", "ore": "OR", "oreg": "OR", "pa": "PA", "penn": "PA", "penna": "PA",
    "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "w va": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY",
    "n carolina": "NC", "s carolina": "SC", "n dakota": "ND", "s dakota": "SD",
    "w virginia": "WV", "no carolina": "NC", "so carolina": "SC",
}  # fmt: skip


def is_remote(key: str) -> bool:
    """ "Remote - US", "Remote (US)", "work from home": the nation, with the remote note."""
    plain = " ".join(re.sub(r"[^a-z0-9 ]", " ", key).split())
    return plain in REMOTE_FORMS or (plain.startswith("remote ") and plain[7:] in ("us", "usa"))


def rewrites(key: str, states: dict[str, str]) -> Iterator[str]:
    """Other spellings of a place_key'd name, most faithful first; `states` maps each state's
    place_key'd name to its USPS code."""
    zip_code = _ZIP.search(key)
    if zip_code:
        yield zip_code[1]
        return
    around = _AROUND.match(key)
    if around and around[1] != key:
        yield around[1]
    words = key.split()
    if any(word in _SHORT for word in words):
        key = " ".join(_SHORT.get(word, word) for word in words)
        yield key
    if key in AP_STATES:
        yield AP_STATES[key].casefold()
    for cut in range(1, min(3, len(words))):  # "seattle washington", "boston mass"
        city, state = " ".join(words[:-cut]), " ".join(words[-cut:])
        code = states.get(state) or AP_STATES.get(state)
        if code and city:
            yield f"{city} {code.casefold()}"
            if city.endswith(" city"):
                yield f"{city[:-5]} {code.casefold()}"
