"""The provinces PGI ranks, how any source spells them, their regions and the 2025 merger.

`data/reference/provinces.csv` lists the 63 provinces ranked 2022–2024. From 1 July 2025
(Resolution 202/2025/QH15) there are 34; each took the name of one of the 63 and is filed under
that province's id (`data/reference/PROVENANCE.md`). The merger rule lives here and only here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pgi_analysis import paths
from pgi_analysis.errors import InputError
from pgi_analysis.files import cached_on_stamps
from pgi_analysis.messages import message
from pgi_analysis.reference.names import Key, NameIndex, build_index
from pgi_analysis.text import collation_key, name_key

FIRST_YEAR = 2022  # the first PGI
MERGER_YEAR = 2025  # 34 provinces from 1 July 2025 (Resolution 202/2025/QH15)
NATIONAL_MEAN_ID = "national-mean"
NATIONAL_MEAN_NAMES = {"vi": "Trung bình cả nước", "en": "National mean"}
# Words around a province's name that are not part of it: "Tỉnh Lạng Sơn", "TP. Hồ Chí Minh",
# "Lang Son Province", "Ho Chi Minh City".
_BEFORE = (("tỉnh",), ("thành", "phố"), ("tp",), ("thủ", "đô"))
_AFTER = (("province",), ("city",))
_NATIONAL_MEAN_SPELLINGS = ("(national mean)", "national average", *NATIONAL_MEAN_NAMES.values())


def province_key(name: str) -> Key:
    """A province name's key (`text.name_key`) without punctuation and designating words."""
    key = tuple(token for token in name_key(name) if token[0].isalnum())
    for words in _BEFORE:
        if key[: len(words)] == words and len(key) > len(words):
            key = key[len(words) :]
            break
    for words in _AFTER:
        if key[-len(words) :] == words and len(key) > len(words):
            key = key[: -len(words)]
            break
    return key


@dataclass(frozen=True)
class Provinces:
    """provinces.csv indexed by province_id, the index of every spelling, and the 34 of 2025."""

    table: pd.DataFrame
    names: NameIndex
    merged: frozenset[str]  # the 34 provinces from 2025, each by the id whose name it kept

    @classmethod
    def from_table(cls, table: pd.DataFrame, path: Path = paths.PROVINCES_REFERENCE):
        """Check a provinces table (columns as provinces.csv) and index its names."""
        if table["province_id"].duplicated().any():
            where = message("column", column="province_id")
            raise InputError(path, message("province_ids_repeated"), where)
        national_mean = message("national_mean_names")
        spellings = [
            (NATIONAL_MEAN_ID, name, path, national_mean) for name in _NATIONAL_MEAN_SPELLINGS
        ]
        for row, record in enumerate(table.itertuples(index=False), start=2):
            names = [("name_vi", record.name_vi), ("name_en", record.name_en)]
            names += [("aliases", alias) for alias in record.aliases.split("|")]
            spellings += [
                (record.province_id, name, path, message("row_column", row=row, column=column))
                for column, name in names
            ]
        index = build_index(spellings, key=province_key)
        merged = set()
        for row, successor in enumerate(table["successor_2025_vi"], start=2):
            if successor:
                owner = index.lookup(successor)
                if owner is None:
                    problem = message("not_a_province", name=successor)
                    raise InputError(path, problem, message("row", row=row))
                merged.add(owner)
        return cls(table.set_index("province_id"), index, frozenset(merged))

    def ids(self, year: int) -> frozenset[str]:
        """The provinces PGI ranks in `year`."""
        return self.merged if year >= MERGER_YEAR else frozenset(self.table.index)

    def ranked(self, year: int) -> int:
        """How many provinces PGI ranks in `year`: 63 up to 2024, 34 from 2025."""
        return len(self.ids(year))

    def name(self, province_id: str, year: int = FIRST_YEAR, lang: str = "vi") -> str:
        """A province's name in `year` (Thừa Thiên Huế is Huế from 2025): Vietnamese, or the
        ASCII spelling VCCI's English pages use."""
        if province_id == NATIONAL_MEAN_ID:
            return NATIONAL_MEAN_NAMES[lang]
        if year >= MERGER_YEAR and lang == "vi":
            return self.table.at[province_id, "successor_2025_vi"]
        return self.table.at[province_id, f"name_{lang}"]

    def in_order(self, province_ids: Iterable[str], year: int = FIRST_YEAR) -> list[str]:
        """`province_ids` in Vietnamese alphabetical order of their names that year."""
        return sorted(
            province_ids,
            key=lambda province_id: collation_key(
                " ".join(province_key(self.name(province_id, year)))
            ),
        )

    def region(self, province_id: str, lang: str = "vi") -> str:
        """The socio-economic region of a province (before the 2025 merger)."""
        return self.table.at[province_id, f"region_{lang}"]

    def region_members(self, province_id: str) -> list[str]:
        """The provinces of the region of `province_id`, itself included."""
        same = self.table["region_vi"] == self.region(province_id)
        return self.table.index[same].tolist()

    def resolve(self, name: str, year: int | None = None) -> str:
        """The province_id of a name in any spelling: Vietnamese or ASCII, any alias, any
        Unicode form. With a `year` from 2025 on, only the 34 provinces of that year. Anything
        else is a ValueError naming the closest provinces."""
        if not name.strip():
            raise ValueError(message("province_empty"))
        province_id = self.names.lookup(name)
        if province_id is None:
            close = [self.name(match) for match in self.names.closest(name)]
            hint = message("province_closest", names=", ".join(close)) if close else ""
            raise ValueError(message("province_unknown", name=name, closest=hint))
        if year is None or province_id == NATIONAL_MEAN_ID or province_id in self.ids(year):
            return province_id
        successor = self.table.at[province_id, "successor_2025_vi"]
        raise ValueError(
            message("province_merged", name=self.name(province_id), successor=successor, year=year)
        )


@cached_on_stamps
def _read_provinces(path: Path) -> Provinces:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return Provinces.from_table(table, path)


def provinces() -> Provinces:
    """The provinces of data/reference/provinces.csv, read again when the file changes."""
    return _read_provinces(paths.PROVINCES_REFERENCE)
