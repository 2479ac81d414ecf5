"""Writing spreadsheets people read and print: titled tables with bilingual headers, text that
never turns into a formula, rows tall enough for their text, A4 print set-up, and the same bytes
for the same content. The officials' workbook and the scores template are both written with it.

openpyxl is imported inside the functions, so that importing the package stays quick.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from pgi_analysis.files import FORMULA_STARTS

if TYPE_CHECKING:
    from openpyxl.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_COLOUR = "D9D9D9"
SUB_INDEX_COLOUR = "EDEDED"
YES_NO = {True: "Có", False: "Không"}
TITLE_ROWS = 2
# Row heights are set from the text, because neither LibreOffice nor Excel grows a row on opening
# the file to show wrapped text: points per line of 11-point Calibri, and the room left around it.
LINE_HEIGHT = 15
ROW_PADDING = 3
CHARACTERS_PER_WIDTH = 1.15
BOLD_CHARACTERS_PER_WIDTH = 1.0


class Column(NamedTuple):
    """A table column: its header in Vietnamese and English, and its width in characters."""

    vi: str
    en: str
    width: float

    @property
    def header(self) -> str:
        return f"{self.vi}\n({self.en})"


# Workbooks carry the time they were saved (properties and zip entries); one fixed date instead,
# the plan's, makes the same content the same bytes.
XLSX_TIME = datetime(2026, 1, 21)


def _restamped(archive: bytes) -> bytes:
    """The zip archive again, every entry dated XLSX_TIME."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=XLSX_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = entry.external_attr
            target.writestr(stamped, source.read(entry))
    return output.getvalue()


def xlsx_bytes(book) -> bytes:
    """An openpyxl workbook as .xlsx bytes that depend on its content only."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.creator = "pgi-analysis"
    book.properties.created = book.properties.modified = XLSX_TIME
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps the time of saving into the properties.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _restamped(buffer.getvalue())


@cache
def cell_styles() -> SimpleNamespace:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    grid = Side(style="thin", color="A6A6A6")
    return SimpleNamespace(
        title=Font(bold=True, size=13),
        note=Font(italic=True, color="595959"),
        bold=Font(bold=True),
        header_fill=PatternFill("solid", fgColor=HEADER_COLOUR),
        sub_index_fill=PatternFill("solid", fgColor=SUB_INDEX_COLOUR),
        border=Border(left=grid, right=grid, top=grid, bottom=grid),
        wrap=Alignment(wrap_text=True, vertical="top"),
        wrap_middle=Alignment(wrap_text=True, vertical="center"),
        header=Alignment(wrap_text=True, horizontal="center", vertical="center"),
        middle=Alignment(vertical="center"),
        centre=Alignment(horizontal="center", vertical="center"),
        centre_wrap=Alignment(wrap_text=True, horizontal="center", vertical="center"),
        right=Alignment(horizontal="right", vertical="center"),
        link=Font(color="0563C1", underline="single"),
    )


def put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one value; text is always stored as text, never read as a formula."""
    cell = sheet.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        # openpyxl makes text that starts with "=" a formula; a string cell keeps it as typed.
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # so that Excel keeps it text when someone edits the cell
    return cell


def write_title(sheet: Worksheet, title_vi: str, title_en: str) -> None:
    styles = cell_styles()
    put(sheet, 1, 1, title_vi).font = styles.title
    put(sheet, 2, 1, title_en).font = styles.note


def write_header(sheet: Worksheet, row: int, columns: Sequence[Column]) -> None:
    from openpyxl.utils import get_column_letter

    styles = cell_styles()
    for number, column in enumerate(columns, start=1):
        cell = put(sheet, row, number, column.header)
        cell.font, cell.fill, cell.border = styles.bold, styles.header_fill, styles.border
        cell.alignment = styles.header
        sheet.column_dimensions[get_column_letter(number)].width = column.width


def write_table(
    sheet: Worksheet,
    title: tuple[str, str],
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    empty: str = "Không có dữ liệu (no data)",
) -> None:
    """A titled table with a frozen, filterable header, ready to print."""
    styles = cell_styles()
    write_title(sheet, *title)
    header_row = TITLE_ROWS + 1
    write_header(sheet, header_row, columns)
    for row, values in enumerate(rows, start=header_row + 1):
        for column, value in enumerate(values, start=1):
            cell = put(sheet, row, column, excel_value(value))
            cell.alignment, cell.border = styles.wrap, styles.border
    if not rows:
        put(sheet, header_row + 1, 1, empty).font = styles.note
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.auto_filter.ref = f"A{header_row}:{sheet.cell(sheet.max_row, len(columns)).coordinate}"
    prepare_for_print(sheet, header_row)


def prepare_for_print(sheet: Worksheet, header_row: int, title_columns: str | None = None) -> None:
    """A4 landscape, as wide as one page, the header row repeated on every page."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    if title_columns:
        sheet.print_title_cols = title_columns
    sheet.oddFooter.center.text = "&A – trang &P/&N"


def fit_row_heights(sheet: Worksheet) -> None:
    """Make each row with wrapped text tall enough to show all of it."""
    from openpyxl.utils import get_column_letter

    widths = {
        column: dimension.width
        for column in range(1, sheet.max_column + 1)
        if (dimension := sheet.column_dimensions.get(get_column_letter(column)))
    }
    for row in sheet.iter_rows():
        lines = max(wrapped_lines(cell, widths.get(cell.column)) for cell in row)
        dimension = sheet.row_dimensions[row[0].row]
        # A height set already (the matrix's header) was set for text the estimate cannot see.
        if lines > 1 and lines * LINE_HEIGHT + ROW_PADDING > (dimension.height or 0):
            dimension.height = lines * LINE_HEIGHT + ROW_PADDING


def wrapped_lines(cell: Cell, width: float | None) -> int:
    """About how many lines the cell's text takes in a column `width` characters wide."""
    alignment = cell.alignment
    if not (width and isinstance(cell.value, str) and alignment.wrap_text):
        return 1
    if alignment.textRotation:  # standing text grows the row by its length, set where it is written
        return 1
    # A column's width counts digits. Running text has narrower letters and fits about 1.25
    # characters a unit even after wrapping at word ends; the constants leave a margin.
    per_width = BOLD_CHARACTERS_PER_WIDTH if cell.font.bold else CHARACTERS_PER_WIDTH
    characters = max(int(width * per_width), 1)
    return sum(max(math.ceil(len(line) / characters), 1) for line in cell.value.split("\n"))


def excel_value(value: object) -> object:
    """A table value as a cell should hold it: unknown stays blank, a flag reads Có / Không."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return None
    if hasattr(value, "item"):  # a numpy scalar, which a cell cannot hold as it is
        value = value.item()
    return YES_NO[value] if isinstance(value, bool) else value


def filled(value: object) -> bool:
    return excel_value(value) is not None


def rows_of(table: pd.DataFrame) -> Iterator[tuple]:
    return table.itertuples(index=False)
