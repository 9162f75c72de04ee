"""estimate_frame: `salarycli batch` for a data frame, one partition of a Dask or Spark job.

    >>> import pandas, salarycli
    >>> frame = pandas.DataFrame({"id": [1, 2], "role": ["Civil Engineer", "Nobody"],
    ...                           "years": [4, 3]})
    >>> salarycli.estimate_frame(frame)[["id", "estimate_salary", "estimate_error"]]

The rows come back in order, one per row in, with the frame's own columns unchanged and then the
estimate fields exactly as `batch --format jsonl` writes them: the same names (each with
"estimate_" before it; a column of the frame named as one of them gives way, with a warning),
values and errors (a row that cannot be estimated has empty fields and the reason in
`estimate_error`). Each distinct question (role, years, level, location,
country) is answered once, through batch's own answer cache; the rows then take their answers
by a vectorised lookup (pandas' take), which is what makes a partition of a million rows cost
about a second. pandas (and pyarrow, for a pyarrow Table or RecordBatch) are the optional extra
`salarycli[frame]`; the command line never imports this module.
"""

from __future__ import annotations

import json
import math
import warnings
from typing import Any

from salarycli.batch.answers import Answers, clash_warning, clashing
from salarycli.batch.cells import as_text
from salarycli.errors import BadInput
from salarycli.present.render import Format, Writer
from salarycli.session import Session

QUESTION = ("role", "years", "level", "location", "country")


def estimate_frame(
    frame: Any,
    role: str = "role",
    years: str | None = "years",
    level: str | None = "level",
    location: str | None = "location",
    country: str | None = "country",
    per: str = "year",
    session: Session | None = None,
) -> Any:
    """`frame` (a pandas DataFrame, a pyarrow Table or RecordBatch) with the estimate fields
    appended, as `salarycli batch` writes them. Each of role, years, level, location and
    country names the column holding it; a name the frame lacks (or None) is not asked for,
    except the role's, which must be there (BadInput)."""
    import pandas

    arrow = None
    if not isinstance(frame, pandas.DataFrame):
        arrow = type(frame)
        frame = frame.to_pandas()
    columns = dict(zip(QUESTION, (role, years, level, location, country), strict=True))
    present = {
        field: name for field, name in columns.items() if name is not None and name in frame.columns
    }
    if "role" not in present:
        raise BadInput(
            f"the frame has no role column {role!r} (its columns: {list(frame.columns)})"
        )
    answers = _answers(session or _session(), per, present)
    questions = [_cells(frame[present[field]]) if field in present else None for field in QUESTION]
    clash = clashing(map(str, frame.columns), answers.names.values())
    if clash:  # an earlier estimate's columns: this one takes their place
        warnings.warn(
            clash_warning(clash, "the frame").removeprefix("salarycli: warning: "), stacklevel=2
        )
        frame = frame.drop(columns=[c for c in frame.columns if str(c) in clash])
    codes, distinct = _distinct(questions, len(frame))
    table = pandas.DataFrame.from_records(
        [_answer(answers, question) for question in distinct],
        columns=list(answers.names.values()),
    )
    table = _typed(table, answers.names)
    found = table.take(codes).reset_index(drop=True) if len(frame) else table.iloc[:0]
    result = pandas.concat([frame.reset_index(drop=True), found], axis=1)
    if arrow is not None:
        import pyarrow

        converted = pyarrow.Table.from_pandas(result, preserve_index=False)
        return converted.to_batches()[0] if arrow is pyarrow.RecordBatch else converted
    return result


_SESSION: list[Session] = []  # one per process: a Dask worker's partitions share it
_ANSWERS: dict[tuple[Any, ...], Answers] = {}


def _session() -> Session:
    if not _SESSION:
        _SESSION.append(Session())
    return _SESSION[0]


def _answers(session: Session, per: str, present: dict[str, str]) -> Answers:
    """batch's answer cache, writing jsonl: kept for the next partition of the same shape (a
    worker's partitions ask alike)."""
    key = (id(session), per, tuple(sorted(present.items())))
    found = _ANSWERS.get(key)
    if found is None:
        if len(_ANSWERS) >= 8:
            _ANSWERS.clear()
        found = _ANSWERS[key] = _new_answers(session, per, present)
    return found


def _new_answers(session: Session, per: str, present: dict[str, str]) -> Answers:
    import io

    writer = Writer(Format.jsonl, io.StringIO(), compact=True)
    answers = Answers(session, writer, per == "hour")
    answers.labels = {
        f"--{field}": f"the {field} column ({present[field]!r})"
        for field in ("years", "level")
        if field in present
    }
    return answers


def _answer(answers: Answers, question: tuple[str | None, ...]) -> dict[str, Any]:
    text, _ = answers.text(question)
    found: dict[str, Any] = json.loads(text)
    return found


# Each estimate field's type, whatever a partition holds (a field empty in one partition is
# still of its type there, as Dask and Spark need): whole dollars Int64, fractions Float64,
# the rest text; `alternatives` as the JSON text batch writes in csv.
WHOLE = {"base_salary", "salary", "p25", "p75", "at_least", "rpp_year", "real_salary"}
WHOLE |= {"real_at_least", "tax_year", "federal_income_tax", "state_income_tax"}
WHOLE |= {"social_security", "medicare", "take_home", "real_take_home", "level_low", "level_high"}
FRACTIONS = {"years", "multiplier", "location_factor", "hourly", "rpp", "percentile"}


def _typed(table: Any, names: dict[str, str]) -> Any:
    """The answers' columns in their fields' types (above)."""
    kinds = {}
    for field, name in names.items():
        if field == "alternatives":
            table[name] = table[name].map(
                lambda value: None if value is None else json.dumps(value, ensure_ascii=False)
            )
        kinds[name] = "Int64" if field in WHOLE else "Float64" if field in FRACTIONS else "string"
    return table.astype(kinds)


def _distinct(columns: list[Any], count: int) -> tuple[Any, list[tuple[str | None, ...]]]:
    """Each row's question number, and the distinct questions in order of first appearance:
    each column factorized on its own, their codes combined column by column into one
    integer (factorized again at each step, so it stays below count squared)."""
    import numpy
    import pandas

    key = numpy.zeros(count, dtype=numpy.int64)
    parts: list[tuple[Any, list[str | None]]] = []
    for column in columns:
        if column is None:
            parts.append((None, [None]))
            continue
        found, values = pandas.factorize(column, use_na_sentinel=True)  # -1: missing
        known = [None, *(_missing(value) for value in values)]
        parts.append((found + 1, known))
        key, _ = pandas.factorize(key * len(known) + found + 1)
    codes, _ = pandas.factorize(key)
    _, first = numpy.unique(codes, return_index=True)
    distinct = [
        tuple(known[found[row]] if found is not None else None for found, known in parts)
        for row in first
    ]
    return codes, distinct


def _cells(column: Any) -> Any:
    """A question column as batch reads its cells: a column of text as it is (missing cells
    come back from factorize as NaN, read as None), any other cell by cell (_text)."""
    from pandas.api.types import is_string_dtype

    return column if is_string_dtype(column.dtype) else column.map(_text)


def _missing(value: Any) -> str | None:
    """A question's part as factorize gives it back (a missing one as NaN)."""
    return value if isinstance(value, str) else None


def _text(value: Any) -> str | None:
    """A cell as batch reads it: text as it is, a number as JSON writes it, missing as None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return None
    if isinstance(value, str):
        return value
    if hasattr(value, "item"):  # a numpy scalar
        value = value.item()
    return as_text(value)
