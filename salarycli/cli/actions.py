"""What each everyday command does, without Typer: parse what was typed -> ask the session ->
show the records its view builds (present.views).

commands.py declares these commands' arguments and options for Typer and hands them here;
fast.py calls here directly when it can read the arguments itself. The parameters are named as
commands.py names them.
"""

from __future__ import annotations

from collections.abc import Sequence

from salarycli.cli.show import show
from salarycli.core import ladder
from salarycli.core.record import replace
from salarycli.core.records import Estimate, Place
from salarycli.errors import BadInput, MissingFigure, SalarycliError
from salarycli.present import market_views, views
from salarycli.present.render import Format
from salarycli.session import INDUSTRY_ALONE, Match, Session

RANK_PER_HOUR = (
    "per hour: the percentiles are BLS's own hourly figures; the offer (unless given per "
    "hour), estimates and differences are yearly figures / 2,080 hours"
)
RELOCATE_PER_HOUR = "per hour: each yearly figure / 2,080 hours, as BLS annualises hourly wages"
STATE_WITHOUT_NET = "--state is the state whose taxes take-home uses: give it with --net"


def _asked(
    session: Session,
    years: str | None,
    level: str | None,
    aged: bool,
    net: bool,
    state: str | None,
) -> ladder.Choice | None:
    """The level --years or --level asks for; the data aged to the latest quarter with --aged;
    --state refused without --net."""
    choice = session.level(years, level)
    if aged:
        session.age_to_latest()
    if state is not None and not net:
        raise BadInput(STATE_WITHOUT_NET)
    return choice


def estimate(
    session: Session,
    role: str,
    years: str | None = None,
    level: str | None = None,
    location: str | None = None,
    country: str | None = None,
    industry: str | None = None,
    explain: bool = False,
    per: str = "year",
    fmt: Format | None = None,
    real: bool = False,
    net: bool = False,
    filing: str = "single",
    aged: bool = False,
    state: str | None = None,
) -> None:
    choice = _asked(session, years, level, aged, net, state)
    if role == "-":
        if industry is not None or per != "year" or real or net:
            raise BadInput(
                "estimate - takes neither --industry, --per, --real nor --net yet: give one role"
            )
        from salarycli.cli.stream import estimate_lines  # only streams pay for it

        estimate_lines(session, fmt, years, level, location, country)
        return
    hourly = session.hourly_answer(role, choice, location, country, industry)
    if hourly is not None:  # BLS publishes only hourly wages: the answer is per hour
        if real or net:
            option = "--real" if real else "--net"
            raise MissingFigure(f"{hourly.market.note}: {option} takes a yearly salary")
        show(*views.hourly_estimate(*hourly), fmt, single=len(hourly.levels) == 1)
        return
    answer = session.ask(role, choice, location, country, industry)
    shown = views.estimate(answer, explain)
    if real or net:
        from salarycli.cli.worth import worth

        places = [answer.place] * len(shown[0])
        shown = worth(session, shown, places, real, net, filing, state=state)
    show(*(views.per_hour(shown) if per == "hour" else shown), fmt, single=not answer.whole_ladder)


def compare(
    session: Session,
    roles: Sequence[str] | None = None,
    years: str | None = None,
    level: str | None = None,
    location: Sequence[str] | None = None,
    country: Sequence[str] | None = None,
    industry: Sequence[str] | None = None,
    per: str = "year",
    fmt: Format | None = None,
    real: bool = False,
    net: bool = False,
    filing: str = "single",
    aged: bool = False,
    state: str | None = None,
) -> None:
    choice = _asked(session, years, level, aged, net, state)

    def hourly(shown: views.Shown, located: Sequence[tuple[Estimate, Place]]) -> views.Shown:
        if real or net:  # each record's place, by the place its estimate is for
            from salarycli.cli.worth import worth

            place = {item.location: place for item, place in located}
            places = [place[record["location"]] for record in shown[0]]
            shown = worth(session, shown, places, real, net, filing, rank=True, state=state)
        return views.per_hour(shown) if per == "hour" else shown

    if industry and (location or country):
        raise BadInput(INDUSTRY_ALONE)
    places = (
        [session.industry(text) for text in dict.fromkeys(industry)]
        if industry
        else session.places(location or [], country or [])
    )
    found = _compared(session, roles)
    pairs = [(match, place) for match in found for place in places]
    local = len(places) > 1 or places[0].kind != "national"
    if choice is None:
        rungs = [(item, place) for match, place in pairs for item in session.ladder(match, place)]
        tidy = [item for item, _ in rungs]
        show(*hourly(views.compare_ladders(tidy, local), rungs), fmt)
        return
    results = [(session.answer(match, choice, place), place) for match, place in pairs]
    ranked = views.compare_ranked([item for item, _ in results], choice[0], choice[1], local)
    show(*hourly(ranked, results), fmt)


def _compared(session: Session, names: Sequence[str] | None) -> list[Match]:
    """The roles named, or the featured ones (with your data alone, none featured: all of its
    roles when they fit in a table); all in one currency, since compare puts them in one table."""
    if names:
        found = list({match.role.role: match for match in map(session.match, names)}.values())
    else:
        choice = [role for role in session.data.roles if role.featured]
        if not choice and len(session.data.roles) <= 20:
            choice = list(session.data.roles)
        if not choice:
            raise BadInput("no featured roles to compare: name the roles to compare")
        found = [session.match(role.role) for role in choice]
    currencies = sorted({match.role.currency for match in found})
    if len(currencies) > 1:
        raise BadInput(
            "compare puts one currency in a table, and these roles are in "
            + ", ".join(currencies)
            + ": compare them separately"
        )
    return found


def market(
    session: Session,
    role: str,
    location: str | None = None,
    industry: str | None = None,
    by: str | None = None,
    per: str = "year",
    fmt: Format | None = None,
    net: bool = False,
    filing: str = "single",
    state: str | None = None,
) -> None:
    _net_options(net, state, per)
    if by is not None:
        if location or industry:
            raise BadInput(
                f"--by {by} ranks the nation's {by} figures: leave out --location and --industry"
            )
        found = session.role(role)
        show(*market_views.by_industry(found, session.across_industries(found)), fmt)
        return
    place = session.where(location, None, industry)
    found, where, rungs = session.distribution(role, place)
    # the national mean release by release, beside a place's figures (not an industry's)
    growth = [] if industry else session.growth(where.market_soc or found.soc or "")
    shown = market_views.market(found, where, place, rungs, hourly=per == "hour", growth=growth)
    if net:
        from salarycli.cli.worth import worth

        def paid_here(record: dict[str, object]) -> bool:
            return not str(record["statistic"]).startswith("national mean")

        places = [place] * len(shown[0])
        shown = worth(session, shown, places, False, True, filing, state=state, salaried=paid_here)
    show(*shown, fmt)


def _net_options(net: bool, state: str | None, per: str) -> None:
    """--state goes with --net, and --net with yearly figures."""
    if state is not None and not net:
        raise BadInput(STATE_WITHOUT_NET)
    if net and per == "hour":
        raise BadInput("--net takes yearly figures: leave out --per hour")


def rank(
    session: Session,
    role: str,
    salary: str,
    location: str | None = None,
    industry: str | None = None,
    years: str | None = None,
    level: str | None = None,
    per: str = "year",
    fmt: Format | None = None,
    net: bool = False,
    filing: str = "single",
    state: str | None = None,
) -> None:
    _net_options(net, state, per)
    amount = session.amount(salary)
    if amount.ppp:
        raise BadInput("rank compares US dollars: PPP dollars are for relocate --from-country")
    choice = session.level(years, level)
    place = session.where(location, None, industry)
    found, where, rungs = session.distribution(role, place)
    if where.hourly:
        raise MissingFigure(f"{where.note}: rank compares a yearly salary")
    against = None
    if choice is not None:
        chosen, given = choice
        against = next(rung for rung in rungs if rung.level == chosen.level)
        against = replace(against, years=given)
    shown = market_views.rank(found, where, place, amount.dollars, rungs, against, amount.note)
    if per == "hour":
        names = ("p10", "p25", "p50", "p75", "p90")
        published = dict(zip(names, where.wages.by_hour[1:], strict=True)) if where.wages else {}
        if amount.per_hour is not None:
            published["salary"] = amount.per_hour
        shown = views.per_hour_fields(shown, published, RANK_PER_HOUR)
    if net:
        from salarycli.cli.worth import worth

        shown = worth(session, shown, [place], False, True, filing, state=state)
    show(*shown, fmt, single=True)


def relocate(
    session: Session,
    role: str,
    salary: str,
    origin: str | None = None,
    destination: str | None = None,
    origin_country: str | None = None,
    destination_country: str | None = None,
    per: str = "year",
    fmt: Format | None = None,
    net: bool = False,
    filing: str = "single",
) -> None:
    amount = session.amount(salary)
    ends = []
    for name, place_text, country_text in (
        ("--from", origin, origin_country),
        ("--to", destination, destination_country),
    ):
        if place_text is None and country_text is None:
            raise BadInput(f"give {name} PLACE or {name}-country COUNTRY")
        ends.append(session.place(place_text, country_text))
    abroad = ends[0].kind == "country" and ends[0].code != "US"
    if abroad and not amount.ppp:
        raise BadInput(
            f"a salary paid in {ends[0].name} is in its own currency, and salarycli ships no "
            f"exchange rates to turn it into the PPP dollars its country figures are in: give "
            f"it in PPP dollars ({salary.strip()} PPP) if it is, or compare US places"
        )
    if amount.ppp and not abroad:
        raise BadInput("PPP dollars are for a salary paid in another country (--from-country)")
    found = session.role(role)
    start, end = (session.market(found, place) for place in ends)
    if start.hourly or end.hourly:
        raise MissingFigure(
            f"{start.note if start.hourly else end.note}: relocate moves a yearly salary"
        )
    shown = market_views.relocate(found, amount.dollars, start, end, amount.note)
    from salarycli.present.prices import relocated  # BEA's price levels: a third way

    shown = relocated(shown, *(session.parity(place) for place in ends))
    if net:
        from salarycli.cli.worth import relocate_net

        shown = relocate_net(session, shown, ends, filing)
    if per == "hour":
        published = {"salary": amount.per_hour} if amount.per_hour is not None else {}
        shown = views.per_hour_fields(shown, published, RELOCATE_PER_HOUR)
    show(*shown, fmt, single=True)


def roles(
    session: Session,
    query: str | None = None,
    group: str | None = None,
    fmt: Format | None = None,
) -> None:
    found = session.roles_matching(query, group)
    if not found:
        wanted = " and ".join(repr(text) for text in (query, group) if text)
        raise SalarycliError(f"no roles match {wanted}")
    show(*views.roles(found), fmt)


def locations(
    session: Session, query: str | None = None, kind: str | None = None, fmt: Format | None = None
) -> None:
    found = session.places_matching(query, kind)
    if not found:
        wanted = " and ".join(repr(text) for text in (query, kind) if text)
        raise SalarycliError(f"no places match {wanted}")
    show(*views.locations(found), fmt)


def industries(session: Session, query: str | None = None, fmt: Format | None = None) -> None:
    found = session.industries_matching(query)
    if not found:
        raise SalarycliError(f"no industries match {query!r}")
    show(*views.industries(found), fmt)


def levels(session: Session, fmt: Format | None = None) -> None:
    show(*views.levels(session.data, session.seed_source), fmt)


def takehome(
    session: Session,
    salary: str,
    location: str | None = None,
    state: str | None = None,
    filing: str = "single",
    pretax: str | None = None,
    period: str = "year",
    paychecks: str | None = None,
    fmt: Format | None = None,
) -> None:
    """Take-home of any salary where one lives and works (core.takehome)."""
    from salarycli.core.takehome import filing_status
    from salarycli.present.takehome import PERIODS, takehome

    amount = session.amount(salary)
    if amount.ppp:
        raise BadInput("takehome is for US dollars: PPP dollars are for relocate --from-country")
    if paychecks is not None and period != "paycheck":
        raise BadInput("--paychecks sets how many paychecks a year: give it with --per paycheck")
    count = paychecks.strip() if paychecks is not None else "26"
    if not count.isdecimal() or not 1 <= int(count) <= 365:
        raise BadInput(f"--paychecks takes a number of paychecks a year, 1 to 365, not {count!r}")
    periods = PERIODS.get(period) or int(count)
    deferred = 0 if pretax is None else session.dollars(pretax, "--pretax")
    if deferred > amount.dollars:
        raise BadInput(f"--pretax must be from 0 to the salary, not {pretax!s}".strip())
    if location is None and state is None:
        raise BadInput("give --location (a city, county, ZIP code or state) or --state")
    place = session.place(location, None)  # none: the nation, taxed as --state says
    filing = filing_status(filing)
    found, why = session.take_home(amount.dollars, place, filing, deferred, state)
    if found is None or found.take_home is None:
        raise MissingFigure(why or "no take-home there")
    where = place.city or place.name
    if location is None or place.kind in ("national", "country"):
        where = f"{location.strip() if location else 'Remote'}, taxes of {found.state}"
    elif state is not None and not where.endswith(f", {found.state}"):
        where += f", taxes of {found.state}"
    show(*takehome(found, why, where, period, periods, amount.note), fmt, single=True)
