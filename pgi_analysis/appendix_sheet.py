"""The appendix typed into a spreadsheet: CSV or XLSX with the columns STT / CHỈ SỐ THÀNH PHẦN /
CƠ QUAN CHỦ TRÌ / CƠ QUAN PHỐI HỢP and sub-index heading rows.

Read as clerks type it: the table on any sheet, a header over one row or two and repeated down
the table, headings like "I | CSTP 1. ...", "CSTP 1 - ..." or "Chỉ số thành phần 1.", one actor
per line inside a cell (Alt+Enter), and an indicator's row continued on rows with a blank STT.
"""

from __future__ import annotations

import re
from pathlib import Path

from pgi_analysis.actors import Cell
from pgi_analysis.appendix_rows import END_OF_TABLE, SUB_INDEX_HEADING, Numbering, RawRow
from pgi_analysis.errors import InputError
from pgi_analysis.files import read_csv_rows, read_xlsx_rows
from pgi_analysis.messages import message
from pgi_analysis.text import name_key, normalize_text

TABLE_COLUMNS = {
    "number": "STT",
    "indicator": "CHỈ SỐ THÀNH PHẦN",
    "lead": "CƠ QUAN CHỦ TRÌ",
    "coordinators": "CƠ QUAN PHỐI HỢP",
}
# The words that name each column in a header cell ("CƠ QUAN CHỦ TRÌ THỰC HIỆN", "Chủ trì"
# under a merged "CƠ QUAN THỰC HIỆN"), as name keys.
HEADER_WORDS = {
    "number": (("stt",), ("số", "thứ", "tự")),
    "indicator": (("chỉ", "số"),),
    "lead": (("chủ", "trì"),),
    "coordinators": (("phối", "hợp"),),
}
HEADING_EXAMPLE = "I | CSTP 1. ..."
_LINE_BREAK = re.compile(r"\r\n?|\n")


def _names_column(key: tuple[str, ...], role: str) -> bool:
    return any(
        key[start : start + len(words)] == words
        for words in HEADER_WORDS[role]
        for start in range(len(key) - len(words) + 1)
    )


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Each column's position if these cells name the four columns, else None."""
    keys = [name_key(cell) for cell in cells]
    columns: dict[str, int] = {}
    for role in HEADER_WORDS:
        taken = set(columns.values())
        found = (c for c, key in enumerate(keys) if c not in taken and _names_column(key, role))
        column = next(found, None)
        if column is None:
            return None
        columns[role] = column
    return columns


def _header(rows: list[list[str]]) -> tuple[list[int], dict[str, int]] | None:
    """The header's rows (0-based: one, or two read together when the titles are split over
    two rows) and each column's position; None if no row names the four columns."""
    for index, cells in enumerate(rows):
        columns = _header_columns(cells)
        if columns is not None:
            return [index], columns
        if index + 1 < len(rows):
            below = rows[index + 1]
            width = max(len(cells), len(below))
            padded = [[*row, *[""] * (width - len(row))] for row in (cells, below)]
            columns = _header_columns([f"{a} {b}" for a, b in zip(*padded, strict=True)])
            # The second row must hold titles, not an indicator: no number under STT.
            if columns is not None and _row_number(_at(below, columns["number"])) is None:
                return [index, index + 1], columns
    return None


def _at(cells: list[str], column: int) -> str:
    return cells[column] if column < len(cells) else ""


def _row_number(text: str) -> int | None:
    """An STT cell as a whole number ("3", or "3.0" as a spreadsheet may store it), else None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and number > 0 else None


def _actor_text(text: str) -> str:
    """A lead or coordinator cell with each line break outside parentheses read as `;`: clerks
    put one actor per line (Alt+Enter). Inside parentheses a break only wraps a scope."""
    parts, depth = [], 0
    for piece in _LINE_BREAK.split(text):
        parts.append(piece)
        depth = max(depth + piece.count("(") - piece.count(")"), 0)
        parts.append(" " if depth else "; ")
    return normalize_text("".join(parts[:-1]))


def _read_sheet(path: Path) -> list[list[str]]:
    """Every cell as text ("" where empty), from the first sheet that holds the table."""

    def has_header(rows: list[list[object]]) -> bool:
        return _header(_as_text(rows)) is not None

    xlsx = path.suffix.lower() in {".xlsx", ".xlsm"}
    rows = read_xlsx_rows(path, fits=has_header) if xlsx else read_csv_rows(path, has_header)
    return _as_text(rows)


def _as_text(rows: list[list[object]]) -> list[list[str]]:
    return [["" if value is None else str(value) for value in row] for row in rows]


class _Row:
    """An indicator's row being read: its own cells and those of the rows that continue it."""

    def __init__(self, sub_index: int, number: int, cells: dict[str, Cell]) -> None:
        self.sub_index, self.number, self.cells = sub_index, number, cells

    def continue_with(self, cells: dict[str, Cell]) -> None:
        for role, cell in cells.items():
            if cell.text:
                separator = "" if role == "indicator" else "; "  # a new row, a new actor
                self.cells[role] += Cell(separator + cell.text, cell.places)

    def raw(self) -> RawRow:
        cells = self.cells
        return RawRow(
            self.sub_index, self.number, cells["indicator"], cells["lead"], cells["coordinators"]
        )


def sheet_rows(path: Path, subset: bool = False) -> list[RawRow]:
    """Rows of a spreadsheet with the appendix's four columns and sub-index heading rows."""
    sheet = _read_sheet(path)
    found = _header(sheet)
    if found is None:
        columns = ", ".join(TABLE_COLUMNS.values())
        raise InputError(path, message("no_header_row", columns=columns))
    header_rows, columns = found
    header_keys = {tuple(map(name_key, sheet[index])) for index in header_rows}
    rows: list[_Row] = []
    numbering = Numbering(path, subset)
    current: _Row | None = None
    for index in range(header_rows[-1] + 1, len(sheet)):
        values = sheet[index]
        place = ("row", index + 1)
        if not any(value.strip() for value in values):
            continue
        if tuple(map(name_key, values)) in header_keys or _header_columns(values) == columns:
            continue  # the header again, as on every printed page
        number_text = normalize_text(_at(values, columns["number"]))
        indicator = normalize_text(_at(values, columns["indicator"]))
        if END_OF_TABLE.match(number_text or indicator):
            break  # the footnote under the table ("Ghi chú: ...")
        heading = SUB_INDEX_HEADING.match(f"{number_text} {indicator}".strip())
        if heading:
            numbering.heading(int(heading["sub_index"]), place)
            current = None
            continue
        cells = {
            "indicator": Cell(indicator, ((0, place),)),
            "lead": Cell(_actor_text(_at(values, columns["lead"])), ((0, place),)),
            "coordinators": Cell(_actor_text(_at(values, columns["coordinators"])), ((0, place),)),
        }
        if not number_text and current is not None:
            current.continue_with(cells)
            continue
        number = _row_number(number_text)
        if number is None:
            found = message("stt_found", text=number_text) if number_text else message("stt_empty")
            raise InputError(
                path,
                message("stt_invalid", example=HEADING_EXAMPLE, problem=found),
                message("row_column", row=index + 1, column=TABLE_COLUMNS["number"]),
            )
        numbering.indicator(number, place, HEADING_EXAMPLE)
        current = _Row(numbering.sub_index, number, cells)
        rows.append(current)
    numbering.finish(HEADING_EXAMPLE)
    return [row.raw() for row in rows]
