"""The appendix typed into a spreadsheet: CSV or XLSX with the columns STT / CHỈ SỐ THÀNH PHẦN /
CƠ QUAN CHỦ TRÌ / CƠ QUAN PHỐI HỢP and sub-index heading rows."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pandas as pd

from pgi_analysis.actors import Cell
from pgi_analysis.appendix_rows import END_OF_TABLE, SUB_INDEX_HEADING, Numbering, RawRow
from pgi_analysis.errors import InputError
from pgi_analysis.files import read_csv_rows, read_xlsx_rows
from pgi_analysis.text import name_key, normalize_text

TABLE_COLUMNS = {
    "number": "STT",
    "indicator": "CHỈ SỐ THÀNH PHẦN",
    "lead": "CƠ QUAN CHỦ TRÌ",
    "coordinators": "CƠ QUAN PHỐI HỢP",
}


def _read_sheet(path: Path) -> pd.DataFrame:
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        xlsx = path.suffix.lower() in {".xlsx", ".xlsm"}
        values = read_xlsx_rows(path) if xlsx else read_csv_rows(path)
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text; save the table as CSV UTF-8") from None
    except (OSError, KeyError, csv.Error, zipfile.BadZipFile, InvalidFileException) as error:
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(path, f"cannot read the table ({problem})") from None
    sheet = pd.DataFrame(values, dtype=object).fillna("")
    return sheet.map(lambda value: normalize_text(str(value)))


def _row_number(text: str) -> int | None:
    """An STT cell as a whole number ("3", or "3.0" as a spreadsheet may store it), else None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and number > 0 else None


def _header(sheet: pd.DataFrame, path: Path) -> tuple[int, dict[str, int]]:
    """The spreadsheet row (1-based) that names the four columns, and each column's position."""
    wanted = {role: name_key(title) for role, title in TABLE_COLUMNS.items()}
    for row_number, values in enumerate(sheet.itertuples(index=False), start=1):
        keys = [name_key(value) for value in values]
        columns = {
            role: next((c for c, key in enumerate(keys) if key[: len(want)] == want), None)
            for role, want in wanted.items()
        }
        if None not in columns.values():
            return row_number, columns
    raise InputError(path, f"no header row with the columns {', '.join(TABLE_COLUMNS.values())}")


def sheet_rows(path: Path) -> list[RawRow]:
    """Rows of a spreadsheet with the appendix's four columns and sub-index heading rows."""
    sheet = _read_sheet(path)
    header_row, columns = _header(sheet, path)
    rows, numbering, example = [], Numbering(path), "I | CSTP 1. ..."
    for row_number, values in enumerate(sheet.itertuples(index=False), start=1):
        if row_number <= header_row or not any(values):
            continue
        number_text, indicator = values[columns["number"]], values[columns["indicator"]]
        where = f"row {row_number}"
        if END_OF_TABLE.match(number_text or indicator):
            break  # the footnote under the table ("Ghi chú: ...")
        heading = SUB_INDEX_HEADING.match(f"{number_text} {indicator}".strip())
        if heading:
            numbering.heading(int(heading["sub_index"]), where)
            continue
        number = _row_number(number_text)
        if number is None:
            raise InputError(
                path,
                f"STT must be an indicator number or a sub-index heading (found {number_text!r})",
                f"{where}, column STT",
            )
        numbering.indicator(number, where, example)
        cells = {role: Cell(values[column], ((0, where),)) for role, column in columns.items()}
        rows.append(
            RawRow(
                numbering.sub_index,
                number,
                cells["indicator"],
                cells["lead"],
                cells["coordinators"],
            )
        )
    numbering.finish(example)
    return rows
