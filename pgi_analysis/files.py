"""Reading and writing files.

Writing: a reader never sees a half-written file, nor a set of tables half old and half new, and
every text cell of a CSV is safe to open in a spreadsheet. Reading a user's CSV or XLSX into rows:
whatever the CSV's separator, in time bounded by the cells that hold values, every failure an
InputError naming the file.
"""

import csv
import functools
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pandas as pd

from pgi_analysis.errors import InputError
from pgi_analysis.messages import message

T = TypeVar("T")

# Excel and LibreOffice take typed text that starts with one of these for a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# OWASP's guidance against CSV injection: such text is written with a quote before it.
TEXT_MARK = "'"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(value: T) -> T:
    """`value` as a CSV cell: text that a spreadsheet would run as a formula gets a `'` before
    it, and so does text that already starts with one, so that `unmarked` undoes exactly this.
    Numbers, negative ones included, and anything but text stay as they are."""
    if (
        isinstance(value, str)
        and value.startswith((*FORMULA_STARTS, TEXT_MARK))
        and not _NUMBER.fullmatch(value)
    ):
        return TEXT_MARK + value
    return value


def unmarked(text: str) -> str:
    """A cell written by `spreadsheet_safe` as it was before; any other text as it is."""
    if text.startswith(TEXT_MARK) and spreadsheet_safe(text[1:]) == text:
        return text[1:]
    return text


def _naming(error: OSError, path: Path) -> OSError:
    """The same failure, naming the file the user asked for rather than a temporary one."""
    return OSError(error.errno, error.strerror or str(error), str(path))


def _temporary_beside(path: Path, data: bytes) -> Path:
    """`data` in a new temporary file in `path`'s folder, with the permissions of a new file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; the result is not
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def atomic_write_files(files: dict[Path, bytes]) -> list[Path]:
    """Write every file or none: all are written beside their targets first, then renamed over
    them; a failure before the renames leaves the old files and no temporary. An OSError names
    the target the failure stopped at."""
    temporaries: dict[Path, Path] = {}
    try:
        for path in files:
            path.parent.mkdir(parents=True, exist_ok=True)
        for path, data in files.items():
            try:
                temporaries[path] = _temporary_beside(path, data)
            except OSError as error:
                raise _naming(error, path) from None
        for path, temporary in temporaries.items():
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise _naming(error, path) from None
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)  # gone already once renamed
    return list(files)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: a crash leaves the old file or the new."""
    atomic_write_files({Path(path): data})


def file_stamp(path: Path) -> tuple[str, int, int] | None:
    """What changes when a file does (name, modification time, size): a key for caches."""
    try:
        status = path.stat()
    except OSError:
        return None
    return str(path), status.st_mtime_ns, status.st_size


def cached_on_stamps(read: Callable[..., T]) -> Callable[..., T]:
    """`read(*paths)`, read again only when one of the files changes: the files' stamps are the
    cache key, so a running kernel sees an edited file and a repeated call costs a `stat`."""

    @functools.lru_cache(maxsize=16)
    def by_stamps(paths: tuple[Path, ...], stamps: tuple) -> T:
        return read(*paths)

    @functools.wraps(read)
    def cached(*paths: Path | str) -> T:
        files = tuple(Path(path) for path in paths)
        return by_stamps(files, tuple(file_stamp(path) for path in files))

    cached.cache_clear = by_stamps.cache_clear
    return cached


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with LF line ends, the form every committed table takes; its text
    cells made safe to open in a spreadsheet (`spreadsheet_safe`)."""
    safe = {
        column: [spreadsheet_safe(value) for value in table[column]]
        for column in table.columns
        if not pd.api.types.is_numeric_dtype(table[column].dtype)
    }
    return table.assign(**safe).to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each table to `out_dir/<name>.csv`, all or none (`atomic_write_files`)."""
    return atomic_write_files(
        {Path(out_dir) / f"{name}.csv": csv_bytes(table) for name, table in tables.items()}
    )


# Reading ---------------------------------------------------------------------------------------


def read_utf8(path: Path) -> str:
    """The text of a UTF-8 file, a byte-order mark dropped (`decode_utf8`)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, message("file_unreadable", problem=error.strerror)) from None
    return decode_utf8(path, data)


def decode_utf8(path: Path, data: bytes) -> str:
    """`data` read from `path` as UTF-8 text, a byte-order mark dropped; anything else an
    InputError naming the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        hint = message("csv_utf8_hint") if path.suffix.lower() == ".csv" else ""
        problem = message("not_utf8", byte=data[error.start], hint=hint)
        raise InputError(path, problem, message("line", line=line)) from None


# The separators a CSV may use: Excel in a Vietnamese locale, where the decimal mark is a comma,
# saves with ";".
CSV_SEPARATORS = (",", ";")


def read_csv_rows(
    path: Path, fits: Callable[[list[list[str]]], bool] | None = None
) -> list[list[str]]:
    """Rows of a UTF-8 CSV file, separated by `,` or `;`: each is tried on whole records (a
    quoted cell may hold line breaks and the other separator), and the first whose rows `fits`
    is kept; failing that, the one whose first row has the most cells."""
    text = read_utf8(path)
    readings: list[list[list[str]]] = []
    for separator in CSV_SEPARATORS:
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
        except csv.Error as error:
            problem = error
            continue
        if fits is not None and fits(rows):
            return rows
        readings.append(rows)
    if not readings:
        raise InputError(path, message("csv_unreadable", problem=problem))

    def first_width(rows: list[list[str]]) -> int:
        return next((len(row) for row in rows if any(cell.strip() for cell in row)), 0)

    return max(readings, key=first_width)  # the first of equals: a comma


# A table here has tens of rows (a year of 63 provinces) or a few thousand (ten years, one figure
# a row); a value beyond these bounds is a stray keystroke, or a sheet not meant to be read.
XLSX_MAX_ROWS = 100_000
XLSX_MAX_COLUMNS = 200


def read_xlsx_rows(
    path: Path,
    sheet_name: str | None = None,
    fits: Callable[[list[list[object]]], bool] | None = None,
) -> list[list[object]]:
    """Cell values of a sheet (the one named if present, else the first whose rows `fits`, else
    the first), each row as long as its last value, with a merged range's value in each of its
    cells: officials merge one cell over the rows it applies to.

    Only the cells the file holds are read, so formatting far below the table costs nothing; a
    value beyond XLSX_MAX_ROWS or XLSX_MAX_COLUMNS, a formula without a saved result, or a
    damaged file is an InputError.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
        try:
            sheets = [book[sheet_name]] if sheet_name in book.sheetnames else book.worksheets
            first = None
            for sheet in sheets:
                rows = _sheet_values(path, sheet)
                if fits is None or fits(rows):
                    return rows
                first = rows if first is None else first
            return first or []
        finally:
            book.close()
    except InputError:
        raise
    except Exception as error:  # openpyxl fails in many ways on a damaged file
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(path, message("xlsx_unreadable", problem=problem)) from None


def _sheet_values(path: Path, sheet) -> list[list[object]]:
    from openpyxl.utils import get_column_letter

    sheet.reset_dimensions()  # the stored size counts formatted cells: read what is there
    rows: list[list[object]] = []  # up to the last row with a value: gaps cost nothing
    formulas: list[tuple[int, int, str]] = []
    for row_number, cells in enumerate(sheet.iter_rows(), start=1):
        values = [cell.value for cell in cells]
        while values and values[-1] is None:
            values.pop()
        if not values:
            continue
        if row_number > XLSX_MAX_ROWS or len(values) > XLSX_MAX_COLUMNS:
            start = 1 if row_number > XLSX_MAX_ROWS else XLSX_MAX_COLUMNS + 1
            column = next(c for c in range(start, len(values) + 1) if values[c - 1] is not None)
            problem = message(
                "xlsx_too_large",
                cell=f"{get_column_letter(column)}{row_number}",
                sheet=sheet.title,
                rows=XLSX_MAX_ROWS,
                columns=XLSX_MAX_COLUMNS,
            )
            raise InputError(path, problem)
        for column, cell in enumerate(cells[: len(values)], start=1):
            if cell.data_type == "f":
                formulas.append((row_number, column, str(values[column - 1])))
        rows.extend([] for _ in range(row_number - 1 - len(rows)))
        rows.append(values)
    if formulas:
        _saved_results(path, sheet.title, rows, formulas)
    _spread_merged_values(sheet, rows)
    return rows


def _saved_results(path: Path, title: str, rows: list[list[object]], formulas: list) -> None:
    """Put in `rows` the result Excel saved for each formula; none saved is an InputError."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book[title]
        sheet.reset_dimensions()
        wanted = {(row, column): formula for row, column, formula in formulas}
        last_row = max(row for row, _, _ in formulas)
        problems = []
        for row_number, cells in enumerate(sheet.iter_rows(max_row=last_row), start=1):
            for column, cell in enumerate(cells, start=1):
                if (row_number, column) not in wanted:
                    continue
                if cell.value is None:
                    where = message("cell", cell=f"{get_column_letter(column)}{row_number}")
                    formula = wanted[row_number, column]
                    problems.append(
                        InputError(path, message("formula_not_saved", formula=formula), where)
                    )
                rows[row_number - 1][column - 1] = cell.value
    finally:
        book.close()
    if problems:
        raise InputError.listing(problems)


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """(min column, min row, max column, max row) of each merged range of a read-only sheet,
    which openpyxl does not keep in that mode: one streaming pass over the sheet's XML. Whole
    rows or columns have no bound on one side: None."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils import range_boundaries

    ranges, rows_parent = [], None
    with sheet._get_source() as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag.endswith("}sheetData"):
                    rows_parent = element
            elif element.tag.endswith("}row") and rows_parent is not None:
                rows_parent.clear()  # rows read already: memory stays flat
            elif element.tag.endswith("}mergeCell"):
                ranges.append(range_boundaries(element.get("ref", "")))
    return ranges


def _spread_merged_values(sheet, rows: list[list[object]]) -> None:
    """Give every cell of a merged range its top-left value, within the rows read."""
    for min_column, min_row, max_column, max_row in _merged_ranges(sheet):
        min_column, min_row = min_column or 1, min_row or 1
        max_column, max_row = max_column or XLSX_MAX_COLUMNS, max_row or len(rows)
        if min_row > len(rows) or min_column > len(rows[min_row - 1]):
            continue
        value = rows[min_row - 1][min_column - 1]
        for row in rows[min_row - 1 : min(max_row, len(rows))]:
            width = min(max_column, XLSX_MAX_COLUMNS)
            row.extend([None] * (width - len(row)))
            row[min_column - 1 : width] = [value] * (width - min_column + 1)


# Office files (xlsx, docx) are zip archives that carry the time they were saved, in their
# properties and in every zip entry; one fixed date instead, the plan's, makes the same content
# the same bytes.
FIXED_TIME = datetime(2026, 1, 21)


def restamped_zip(archive: bytes) -> bytes:
    """The zip archive again, every entry dated FIXED_TIME, in the same order."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = entry.external_attr
            target.writestr(stamped, source.read(entry))
    return output.getvalue()
