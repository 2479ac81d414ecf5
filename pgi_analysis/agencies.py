"""The gazetteer: every spelling of an actor resolved to one canonical body, or a clear error."""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pgi_analysis import paths
from pgi_analysis.errors import InputError
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


@dataclass(frozen=True)
class Gazetteer:
    """Agencies (one row each) and an index from every name's token key to its agency.

    Short names are labels for figures, not spellings seen in documents, so they are not indexed.
    """

    table: pd.DataFrame
    index: dict[tuple[str, ...], str]
    longest_name: int

    def agency_at(self, keys: list[str], start: int) -> tuple[str, int] | None:
        """The agency whose longest known name begins at token `start`, and where that name ends."""
        for length in range(min(self.longest_name, len(keys) - start), 0, -1):
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
        canonical = self.table.set_index("agency_id")["name_vi"]
        return list(dict.fromkeys(canonical[self.index[names[match]]] for match in close))

    def name_of(self, agency_id: str) -> str:
        return self.table.loc[self.table["agency_id"] == agency_id, "name_vi"].iloc[0]


def _read_gazetteer_csv(path: Path) -> pd.DataFrame:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise InputError(path, f"cannot read the gazetteer ({error})") from None
    missing = [column for column in GAZETTEER_COLUMNS if column not in table.columns]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}")
    table = table[GAZETTEER_COLUMNS].map(normalize_text)
    for row_number, row in enumerate(table.itertuples(index=False), start=2):
        if not row.agency_id or not row.name_vi:
            raise InputError(path, "agency_id and name_vi must not be empty", f"row {row_number}")
        if row.kind not in KINDS:
            raise InputError(
                path,
                f"kind {row.kind!r} is not one of: {', '.join(KINDS)}",
                f"row {row_number}, column kind",
            )
    return table


def load_gazetteer(extra: Iterable[Path] = ()) -> Gazetteer:
    """The curated gazetteer, extended by the user's CSVs (same columns; later files win ties)."""
    sources = [paths.AGENCIES_REFERENCE, *extra]
    tables = [_read_gazetteer_csv(Path(source)) for source in sources]
    table = pd.concat(tables, ignore_index=True).drop_duplicates("agency_id", keep="last")
    index: dict[tuple[str, ...], str] = {}
    for source, source_table in zip(sources, tables, strict=True):
        for row_number, row in enumerate(source_table.itertuples(index=False), start=2):
            names = [row.name_vi, *row.aliases.split("|")]
            for key in {name_key(name) for name in names if name.strip()}:
                owner = index.get(key)
                if owner is not None and owner != row.agency_id and source is sources[0]:
                    raise InputError(
                        source,
                        f"name {' '.join(key)!r} is given to both {owner} and {row.agency_id}",
                        f"row {row_number}",
                    )
                index[key] = row.agency_id
    return Gazetteer(table.reset_index(drop=True), index, max(map(len, index)))
