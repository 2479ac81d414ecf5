"""The appendix's rows as read, before actors are resolved, whatever the file's form; the rule
that numbers them; and the record of what reading had to repair."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pgi_analysis.actors import Cell, Place, place_message
from pgi_analysis.errors import InputError
from pgi_analysis.messages import message
from pgi_analysis.schemas import REPAIRS

# "I CSTP 1. Giảm thiểu ...", "CSTP 1 - Giảm thiểu ...", "Chỉ số thành phần 1.", "II. CSTP 2: ..."
SUB_INDEX_HEADING = re.compile(
    r"^(?:[IVX]+\s*[.:]?\s*)?(?:CSTP|Chỉ số thành phần)\s*(?P<sub_index>[1-4])(?:[\s.:\-–—].*)?$",
    re.IGNORECASE,
)
END_OF_TABLE = re.compile(r"^Ghi chú\s*:")
# An indicator's unit in parentheses after its name: "(%)", "(% DN đồng ý)", "(TCTK, %)".
UNIT = re.compile(
    r"(?P<space>\s*)\(\s*(?P<tctk>TCTK\s*,\s*)?(?P<unit>%(?:\s*DN)?(?:\s*đồng ý)?)\s*(?P<close>\))?"
)
_UNIT_AT_END = re.compile(UNIT.pattern + r"\s*$")


def find_unit(text: str, at_end: bool = False) -> re.Match | None:
    """The first unit in `text`, or with `at_end` the unit that ends it. Each match is tried
    where a parenthesis opens, with the spaces before it: searching with the pattern's leading
    spaces would try every position of the text."""
    pattern, opening = (_UNIT_AT_END, text.rfind("(")) if at_end else (UNIT, text.find("("))
    while opening >= 0:
        unit = pattern.match(text, len(text[:opening].rstrip()))
        if unit is not None or at_end:  # only the last parenthesis can open a unit that ends it
            return unit
        opening = text.find("(", opening + 1)
    return None


@dataclass(frozen=True)
class RawRow:
    """One indicator's row as read, before actors are resolved."""

    sub_index: int
    number: int
    indicator: Cell
    lead: Cell
    coordinators: Cell

    @property
    def indicator_id(self) -> str:
        return f"{self.sub_index}.{self.number:02d}"


@dataclass
class Repairs:
    """What the loader had to mend or interpret, gathered while reading."""

    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, indicator_id: str, kind: str, found: str, result: str) -> None:
        self.rows.append((indicator_id, kind, found, result))

    def table(self) -> pd.DataFrame:
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for indicator_id, kind, found, result in self.rows:
            ids = grouped.setdefault((kind, found, result), [])
            if indicator_id not in ids:
                ids.append(indicator_id)
        return REPAIRS.from_rows([(*key, " ".join(ids)) for key, ids in grouped.items()])


@dataclass
class Numbering:
    """Sub-indices 1–4 in order, each with indicators numbered 1, 2, 3 … in order: a row lost or
    misplaced by extraction or typing is an error, never a silent shift of every id after it.

    A plan that covers a `subset` of the indicators may skip numbers and sub-indices, but never
    go back.
    """

    path: Path
    subset: bool = False
    sub_index: int = 0
    next_number: int = 1

    def heading(self, found: int, place: Place) -> None:
        if found != self.sub_index + 1 and not (self.subset and found > self.sub_index):
            problem = message("sub_index_out_of_order", found=found, expected=self.sub_index + 1)
            raise InputError(self.path, problem, place_message(place))
        self._check_not_empty(place)
        self.sub_index, self.next_number = found, 1

    def indicator(self, number: int, place: Place, heading_example: str) -> None:
        if not self.sub_index:
            problem = message("indicator_before_heading", example=heading_example)
            raise InputError(self.path, problem, place_message(place))
        if number != self.next_number and not (self.subset and number > self.next_number):
            problem = message(
                "indicator_out_of_order",
                number=number,
                expected=self.next_number,
                later=message("or_later_number") if self.subset else "",
                sub_index=self.sub_index,
            )
            raise InputError(self.path, problem, place_message(place))
        self.next_number = number + 1

    def finish(self, heading_example: str) -> None:
        if not self.sub_index:
            raise InputError(self.path, message("no_sub_index_headings", example=heading_example))
        self._check_not_empty()
        if self.sub_index < 4 and not self.subset:
            raise InputError(self.path, message("sub_index_missing", sub_index=self.sub_index + 1))

    def _check_not_empty(self, place: Place | None = None) -> None:
        if self.sub_index and self.next_number == 1:
            problem = message("sub_index_empty", sub_index=self.sub_index)
            raise InputError(self.path, problem, place_message(place) if place else "")
