"""Reading cells of batch input that could not be read as they came: a jsonl value as text, a
JSON problem as one line, a lone surrogate found, and the rest of a csv record whose field ran
over the limit."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from salarycli.batch.lines import Lines


def as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    return json.dumps(value)  # 4 -> "4", 4.5 -> "4.5", true -> "true" (then refused as years)


def json_problem(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON ({error.msg})"
    if "digits" in str(error):
        return "not valid JSON (a number of more than 4,300 digits)"
    return str(error)


def valid_text(value: Any) -> None:
    """ValueError for a lone surrogate ("\\ud800" is valid JSON, but no text can hold it)."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            raise ValueError(f"not valid text: a lone surrogate (U+{ord(found.group()):04X})")
    elif isinstance(value, dict):
        for key, item in value.items():
            valid_text(key)
            valid_text(item)
    elif isinstance(value, list):
        for item in value:
            valid_text(item)


def past_the_record(lines: Lines, source: Iterator[str], delimiter: str) -> None:
    """After a field over the limit: read through the rest of its record.

    csv stopped inside a quoted field that began on an earlier line (no field of one line can
    be over the limit, since no line is), so the last line it read began inside quotes. Follow
    csv's states from there until the record ends: a closing quote, then a line end outside
    quotes ("" is a quote inside quotes; after a closing quote, or in an unquoted field, a
    quote is an ordinary character)."""
    state = "quoted"
    text = lines.last
    while True:
        at = 0
        while at < len(text):
            if state == "quoted":
                quote = text.find('"', at)
                if quote < 0:
                    break
                if text.startswith('""', quote):
                    at = quote + 2
                    continue
                state, at = "unquoted", quote + 1
            elif state == "start" and text[at] == '"':
                state, at = "quoted", at + 1
            else:
                end = _FIELD_END[delimiter].search(text, at)
                if end is None or end.group() == "\n":
                    return
                state, at = "start", end.end()
        following = next(source, None)
        if following is None:
            return
        text = following + lines.end


_FIELD_END = {d: re.compile(f"[{re.escape(d)}\n]") for d in (",", "\t")}
_SURROGATE = re.compile("[\ud800-\udfff]")
