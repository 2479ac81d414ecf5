"""The agencies gazetteer: every body the plans name, its canonical names and every spelling.

`data/reference/agencies.csv`, curated by hand, extended by a user's own CSVs of the same columns.
Short names are labels for figures and sheets, not spellings seen in documents: not indexed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pgi_analysis import paths
from pgi_analysis.errors import InputError
from pgi_analysis.files import cached_on_stamps
from pgi_analysis.messages import message
from pgi_analysis.reference.names import NameIndex, build_index
from pgi_analysis.schemas import AGENCIES
from pgi_analysis.text import normalize_text

# A gazetteer CSV has the columns of the tidy agencies table.
GAZETTEER_COLUMNS = tuple(AGENCIES.columns)
KINDS = (
    "provincial department",
    "provincial agency",
    "central agency in the province",
    "commune government",
    "media",
    "utility",
    "association",
    "collective",
    "businesses",
)
# Kinds that name no accountable body: vague groups of departments, individuals, and firms.
COLLECTIVE_KINDS = frozenset({"collective", "businesses"})


@dataclass(frozen=True)
class Gazetteer:
    """Agencies (one record each, in file order) and the index of their names."""

    records: dict[str, dict[str, str]]
    names: NameIndex

    def resolve(self, name: str) -> str | None:
        """The agency a whole name refers to, in any known spelling, or None."""
        return self.names.lookup(name)

    def closest_names(self, text: str, count: int = 3) -> list[str]:
        """Canonical names of the agencies whose names look most like `text`."""
        return [self.name_of(agency_id) for agency_id in self.names.closest(text, count)]

    def name_of(self, agency_id: str) -> str:
        return self.records[agency_id]["name_vi"]

    def table(
        self, agency_ids: Iterable[str], aliases: Mapping[str, Iterable[str]] | None = None
    ) -> pd.DataFrame:
        """The gazetteer rows of `agency_ids`, in gazetteer order; with `aliases` (by agency),
        each row's aliases are those given, such as the spellings one document used."""
        wanted = set(agency_ids)
        rows = [record for agency_id, record in self.records.items() if agency_id in wanted]
        columns = {column: [row[column] for row in rows] for column in GAZETTEER_COLUMNS}
        if aliases is not None:
            columns["aliases"] = ["|".join(aliases[row["agency_id"]]) for row in rows]
        return AGENCIES.frame(columns)


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(path, message("gazetteer_unreadable", problem=str(error))) from None
    missing = [column for column in GAZETTEER_COLUMNS if rows and column not in rows[0]]
    if not rows or missing:
        columns = ", ".join(missing or GAZETTEER_COLUMNS)
        raise InputError(path, message("columns_missing", columns=columns))
    records = []
    for row_number, row in enumerate(rows, start=2):
        record = {column: normalize_text(row[column] or "") for column in GAZETTEER_COLUMNS}
        if not record["agency_id"] or not record["name_vi"]:
            raise InputError(path, message("agency_unnamed"), message("row", row=row_number))
        if record["kind"] not in KINDS:
            raise InputError(
                path,
                message("kind_unknown", kind=record["kind"], kinds=", ".join(KINDS)),
                message("row_column", row=row_number, column="kind"),
            )
        records.append(record)
    return records


@cached_on_stamps
def _read_gazetteer(*sources: Path) -> Gazetteer:
    records: dict[str, dict[str, str]] = {}
    spellings = []
    for source in sources:
        for row_number, record in enumerate(_read_csv(source), start=2):
            records[record["agency_id"]] = record
            names = [record["name_vi"], *record["aliases"].split("|")]
            where = message("row", row=row_number)
            spellings += [(record["agency_id"], name, source, where) for name in names]
    return Gazetteer(records, build_index(spellings))


def gazetteer(extra: Iterable[Path | str] = ()) -> Gazetteer:
    """The curated gazetteer, extended by the user's CSVs (same columns). A user's file may list
    a curated agency again (its record then wins) but not give its names to another."""
    return _read_gazetteer(paths.AGENCIES_REFERENCE, *(Path(path) for path in extra))
