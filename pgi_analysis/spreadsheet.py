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
from functools import cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from pgi_analysis.files import FIXED_TIME, FORMULA_STARTS, restamped_zip

if TYPE_CHECKING:
    from openpyxl.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_COLOUR = "D9D9D9"
SUB_INDEX_COLOUR = "EDEDED"
TITLE_ROWS = 2
# Row heights are set from the text, because neither LibreOffice nor Excel grows a row on opening
# the file to show wrapped text: points per line of 11-point Calibri, and the room left around it.
LINE_HEIGHT = 15
ROW_PADDING = 3
CHARACTERS_PER_WIDTH = 1.1
BOLD_CHARACTERS_PER_WIDTH = 1.0

# Printing on A4. A column's width counts digits of the default font (11-point Calibri): 7 pixels
# each at 96 pixels an inch, 5.25 points. Nothing prints smaller than SMALLEST_PRINTED_SIZE: a
# sheet too wide to fit a page at that size is printed across pages, its title columns repeated.
DEFAULT_FONT, DEFAULT_FONT_SIZE = "Calibri", 11
DEFAULT_COLUMN_WIDTH = 8.43
POINTS_PER_WIDTH = 7 * 72 / 96
A4_INCHES = (210 / 25.4, 297 / 25.4)  # portrait width, height
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.75, "bottom": 0.75, "header": 0.3, "footer": 0.3}
SMALLEST_PRINTED_SIZE = 8
PAGE_LABEL_SIZE = 9  # points, the running header and footer, not scaled with the sheet


class Column(NamedTuple):
    """A table column: its header in Vietnamese and English, and its width in characters.

    A column that a program reads back (the scores template) has its `name` on the header's
    first line."""

    vi: str
    en: str
    width: float
    name: str = ""

    @property
    def header(self) -> str:
        if self.name:
            return f"{self.name}\n{self.vi}\n{self.en}"
        return f"{self.vi}\n({self.en})"


class PageLabels(NamedTuple):
    """What every printed page says besides the sheet's name and page number: a heading at the
    top left (e.g. the plan's number and date) and a footnote at the bottom (e.g. its title)."""

    heading: str = ""
    footnote: str = ""


NO_LABELS = PageLabels()


def xlsx_bytes(book) -> bytes:
    """An openpyxl workbook as .xlsx bytes that depend on its content only."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.creator = "pgi-analysis"
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps the time of saving into the properties.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return restamped_zip(buffer.getvalue())


def font(**style: object):
    """The default font (Calibri) with `style`: a font without a name is another font in every
    spreadsheet program."""
    from openpyxl.styles import Font

    return Font(**{"name": DEFAULT_FONT, "size": DEFAULT_FONT_SIZE, **style})


@cache
def cell_styles() -> SimpleNamespace:
    from openpyxl.styles import Alignment, Border, PatternFill, Side

    grid = Side(style="thin", color="A6A6A6")
    return SimpleNamespace(
        title=font(bold=True, size=13),
        note=font(italic=True, color="595959"),
        bold=font(bold=True),
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
        link=font(color="0563C1", underline="single"),
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
    labels: PageLabels = NO_LABELS,
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
    prepare_for_print(sheet, header_row, labels=labels)


def printable_width(orientation: str) -> float:
    """Points across an A4 page inside the margins."""
    width, height = A4_INCHES
    across = height if orientation == "landscape" else width
    return (across - MARGINS["left"] - MARGINS["right"]) * 72


def content_width(sheet: Worksheet) -> float:
    """Points across the sheet's columns at 100 %."""
    from openpyxl.utils import get_column_letter

    widths = (
        sheet.column_dimensions[get_column_letter(column)].width or DEFAULT_COLUMN_WIDTH
        if get_column_letter(column) in sheet.column_dimensions
        else DEFAULT_COLUMN_WIDTH
        for column in range(1, sheet.max_column + 1)
    )
    return sum(widths) * POINTS_PER_WIDTH


def smallest_font(sheet: Worksheet) -> float:
    """The size in points of the smallest text on the sheet."""
    sizes = (
        cell.font.sz or DEFAULT_FONT_SIZE
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )
    return min(sizes, default=DEFAULT_FONT_SIZE)


def _page_text(text: str) -> str:
    return text.replace("&", "&&")  # a single & starts a code in a header or footer


def prepare_for_print(
    sheet: Worksheet,
    header_row: int | None,
    title_columns: str | None = None,
    labels: PageLabels = NO_LABELS,
) -> None:
    """A4, the header row (and `title_columns`) repeated on every page, text never printed
    smaller than SMALLEST_PRINTED_SIZE; every page labelled with the sheet's name and its number.

    Call it once the sheet is written: the page follows from its widths and fonts. Portrait if the
    sheet fits across at 100 %, else landscape; as wide as one page if that keeps the smallest
    text legible, else at the smallest scale that does, across as many pages as it takes.
    """
    from openpyxl.worksheet.page import PageMargins

    width = content_width(sheet)
    fits_portrait = width <= printable_width(sheet.ORIENTATION_PORTRAIT)
    orientation = sheet.ORIENTATION_PORTRAIT if fits_portrait else sheet.ORIENTATION_LANDSCAPE
    lowest_scale = SMALLEST_PRINTED_SIZE / smallest_font(sheet)
    setup = sheet.page_setup
    setup.paperSize, setup.orientation = sheet.PAPERSIZE_A4, orientation
    if printable_width(orientation) / width >= lowest_scale:
        setup.fitToWidth, setup.fitToHeight = 1, 0  # as many pages down as the rows need
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        setup.scale = math.ceil(100 * lowest_scale)
        sheet.sheet_properties.pageSetUpPr.fitToPage = False
    sheet.page_margins = PageMargins(**MARGINS)
    if header_row:
        sheet.print_title_rows = f"{header_row}:{header_row}"
    if title_columns:
        sheet.print_title_cols = title_columns
    sheet.HeaderFooter.scaleWithDoc = False  # the labels keep their size on a scaled page
    parts = [
        (sheet.oddHeader.left, _page_text(labels.heading)),
        (sheet.oddHeader.center, "Trang &P/&N"),
        (sheet.oddHeader.right, "&A"),
        (sheet.oddFooter.center, _page_text(labels.footnote)),  # a long line: alone
    ]
    for part, text in parts:
        if text:
            part.text, part.size = text, PAGE_LABEL_SIZE


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
    """A table value as a cell can hold it: unknown is blank, a numpy scalar a Python one."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return None
    return value.item() if hasattr(value, "item") else value


def filled(value: object) -> bool:
    return excel_value(value) is not None


def rows_of(table: pd.DataFrame) -> Iterator[tuple]:
    return table.itertuples(index=False)
