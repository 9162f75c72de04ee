"""What the build scripts share: checksums, csv in and out, and recording provenance."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

PROVENANCE = "provenance.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    """A table as the data files hold it: UTF-8, LF line ends, quoted only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def record_provenance(folder: Path, entries: list[dict[str, object]]) -> None:
    """Put `entries` into folder/provenance.json in place of those with the same ids, sources
    sorted by id, so that the file is the same whichever build ran last."""
    path = folder / PROVENANCE
    document = json.loads(path.read_text(encoding="utf-8"))
    ids = {entry["id"] for entry in entries}
    kept = [entry for entry in document["sources"] if entry["id"] not in ids]
    document["sources"] = sorted(kept + entries, key=lambda entry: str(entry["id"]))
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
