"""The gazetteer: every spelling of an actor resolved to one canonical body, or a clear error."""

import csv
import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pgi_analysis import paths
from pgi_analysis.errors import InputError
from pgi_analysis.files import file_stamp
from pgi_analysis.text import name_key, normalize_text

GAZETTEER_COLUMNS = ["agency_id", "name_vi", "short_vi", "short_en", "name_en", "kind", "aliases"]
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
    """Agencies (one record each, in file order) and an index from every name's token key.

    Short names are labels for figures, not spellings seen in documents, so they are not indexed.
    """

    records: dict[str, dict[str, str]]
    index: dict[tuple[str, ...], str]
    lengths_by_first_token: dict[str, list[int]]  # longest first: names tried at each token

    def agency_at(self, keys: list[str], start: int) -> tuple[str, int] | None:
        """The agency whose longest known name begins at token `start`, and where that name ends."""
        for length in self.lengths_by_first_token.get(keys[start], ()):
            if start + length > len(keys):
                continue
            agency_id = self.index.get(tuple(keys[start : start + length]))
            if agency_id is not None:
                return agency_id, start + length
        return None

    def resolve(self, name: str) -> str | None:
        """The agency a whole name refers to, or None."""
        return self.index.get(name_key(name))

    def closest_names(self, text: str, count: int = 3) -> list[str]:
        """Known names that look most like `text`, for error messages."""
        names = {" ".join(key): key for key in self.index}
        close = difflib.get_close_matches(" ".join(name_key(text)), names, n=count, cutoff=0.3)
        return list(dict.fromkeys(self.name_of(self.index[names[match]]) for match in close))

    def name_of(self, agency_id: str) -> str:
        return self.records[agency_id]["name_vi"]

    def table(self, agency_ids: Iterable[str]) -> pd.DataFrame:
        """The gazetteer rows of `agency_ids`, in gazetteer order."""
        wanted = set(agency_ids)
        rows = [record for agency_id, record in self.records.items() if agency_id in wanted]
        return pd.DataFrame(rows, columns=GAZETTEER_COLUMNS, dtype="str")


def _read_gazetteer_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(path, f"cannot read the gazetteer ({error})") from None
    missing = [column for column in GAZETTEER_COLUMNS if rows and column not in rows[0]]
    if not rows or missing:
        raise InputError(path, f"missing column(s) {', '.join(missing or GAZETTEER_COLUMNS)}")
    records = []
    for row_number, row in enumerate(rows, start=2):
        record = {column: normalize_text(row[column] or "") for column in GAZETTEER_COLUMNS}
        if not record["agency_id"] or not record["name_vi"]:
            raise InputError(path, "agency_id and name_vi must not be empty", f"row {row_number}")
        if record["kind"] not in KINDS:
            raise InputError(
                path,
                f"kind {record['kind']!r} is not one of: {', '.join(KINDS)}",
                f"row {row_number}, column kind",
            )
        records.append(record)
    return records


def load_gazetteer(extra: Iterable[Path] = ()) -> Gazetteer:
    """The curated gazetteer, extended by the user's CSVs (same columns; later files win ties)."""
    sources = (paths.AGENCIES_REFERENCE, *(Path(path) for path in extra))
    return _gazetteer(sources, tuple(file_stamp(source) for source in sources))


@functools.lru_cache(maxsize=8)  # read again only when a file changes (stamps are in the key)
def _gazetteer(sources: tuple[Path, ...], stamps: tuple) -> Gazetteer:
    records: dict[str, dict[str, str]] = {}
    index: dict[tuple[str, ...], str] = {}
    for source in sources:
        for row_number, record in enumerate(_read_gazetteer_csv(source), start=2):
            agency_id = record["agency_id"]
            records[agency_id] = record
            names = [record["name_vi"], *record["aliases"].split("|")]
            for key in {name_key(name) for name in names if name.strip()}:
                owner = index.get(key)
                if owner is not None and owner != agency_id and source is sources[0]:
                    raise InputError(
                        source,
                        f"name {' '.join(key)!r} is given to both {owner} and {agency_id}",
                        f"row {row_number}",
                    )
                index[key] = agency_id
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[0], set()).add(len(key))
    by_first = {first: sorted(found, reverse=True) for first, found in lengths.items()}
    return Gazetteer(records, index, by_first)
