"""The fill-in workbook for a year of PGI scores: a row per province ranked that year and the
national mean, a header that `scores add` reads back, and instructions in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pgi_analysis import reference
from pgi_analysis.errors import InputError
from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.messages import message
from pgi_analysis.reference import NATIONAL_MEAN_ID
from pgi_analysis.scores import INTERVAL_MEASURES, SCORES_SHEET, pgi_year
from pgi_analysis.spreadsheet import (
    Column,
    PageLabels,
    cell_styles,
    fit_row_heights,
    prepare_for_print,
    put,
    write_header,
    xlsx_bytes,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

INSTRUCTIONS_SHEET = "Hướng dẫn - Instructions"
WIDTHS = {"province": 18, "year": 8, "source_url": 36, "note": 24}  # other columns: FIGURE_WIDTH
FIGURE_WIDTH, INSTRUCTIONS_WIDTH = 14, 100


def _template_labels(count: int) -> dict[str, tuple[str, str]]:
    """Column name -> (Vietnamese label, English label) for the template's header."""
    sub_indices = reference.sub_indices()
    return {
        "province": ("Tỉnh, thành phố", "Province"),
        "year": ("Năm", "Year"),
        **{
            f"sub_index_{row.sub_index}": (
                f"{row.code}: {row.name_vi} (1–10)",
                f"Sub-index {row.sub_index}: {row.name_en} (1–10)",
            )
            for row in sub_indices.itertuples()
        },
        "total": ("Tổng điểm PGI (4–40)", "PGI total score (4–40)"),
        "rank": (f"Xếp hạng (1–{count})", f"Rank (1–{count})"),
        "source_url": ("Đường dẫn nguồn", "Source URL"),
        "note": ("Ghi chú", "Note"),
        "firms_surveyed": (
            "Số doanh nghiệp được khảo sát (nếu nguồn công bố)",
            "Firms surveyed (where the source says)",
        ),
        **{
            f"{measure}_{end}": (
                f"{measure}: {vi} khoảng tin cậy (nếu nguồn công bố)",
                f"{measure}: confidence interval, {en} end (where published)",
            )
            for measure in INTERVAL_MEASURES
            for end, vi, en in (("ci_low", "cận dưới", "lower"), ("ci_high", "cận trên", "upper"))
        },
    }


def _instructions(year: int, count: int) -> list[str]:
    return [
        f"Mẫu nhập điểm PGI năm {year} ({count} tỉnh, thành phố và trung bình cả nước)",
        "1. Điền vào trang «Điểm PGI» các số VCCI đã công bố, đúng như in; dấu thập phân là dấu "
        "phẩy hoặc dấu chấm (17,33 hoặc 17.33).",
        "2. Ô chưa có số liệu thì để trống, không ghi 0. Dòng không có số nào sẽ được bỏ qua.",
        "3. Mỗi dòng có số liệu cần đường dẫn nguồn (cột source_url), hoặc dùng --source khi nhập.",
        "4. Giữ nguyên dòng tiêu đề: dòng đầu của mỗi ô là tên cột để máy đọc.",
        "5. Nhập: pgi-analysis scores add <tệp>.xlsx, rồi chạy make report.",
        "6. Số mâu thuẫn với số đã lưu bị từ chối; nếu VCCI đính chính, thêm --replace.",
        "7. Dòng «Trung bình cả nước» là điểm trung bình; dòng này không có xếp hạng.",
        "8. Các cột sau cột note chỉ điền khi nguồn công bố: số doanh nghiệp được khảo sát, và "
        "khoảng tin cậy của từng điểm (cả cận dưới và cận trên).",
        "",
        f"Fill-in sheet for PGI {year} ({count} provinces and the national mean)",
        "1. In the sheet 'Điểm PGI', enter the figures VCCI published, exactly as printed; the "
        "decimal mark may be a comma or a point (17,33 or 17.33).",
        "2. Leave unknown figures blank, never 0. Rows without any figure are ignored.",
        "3. Every row with figures needs a source URL (column source_url), or --source when "
        "adding.",
        "4. Keep the header row: the first line of each header cell is the name read back.",
        "5. Add it: pgi-analysis scores add <file>.xlsx, then run make report.",
        "6. Figures that contradict stored ones are refused; if VCCI corrected one, use --replace.",
        "7. The row 'Trung bình cả nước' is the national mean; it has no rank.",
        "8. The columns after note are filled only where the source publishes them: the firms "
        "surveyed, and each score's confidence interval (both ends).",
    ]


def write_template(year: int, out: Path, force: bool = False) -> None:
    """Write a fill-in workbook for `year`: a row per province ranked that year (63 up to 2024,
    34 from 2025) and for the national mean, and instructions in Vietnamese and English. An
    existing file, perhaps filled in already, is replaced only with `force`."""
    from openpyxl import Workbook

    out = Path(out)
    if out.exists() and not force:
        raise InputError(out, message("file_exists"))
    try:
        pgi_year(year)  # the years add_scores_file accepts, so that a filled template can be added
    except ValueError as error:
        raise InputError(out, error.args[0]) from None
    count = reference.provinces().ranked(year)
    book = Workbook()
    book.active.title = SCORES_SHEET
    _write_fill_in(book.active, year, _template_labels(count))
    _write_instructions(book.create_sheet(INSTRUCTIONS_SHEET), _instructions(year, count))
    atomic_write_bytes(out, xlsx_bytes(book))


def _template_columns(labels: dict[str, tuple[str, str]]) -> list[Column]:
    """The header: each column's name (read back by `scores add`) over its two labels."""
    return [
        Column(vi, en, WIDTHS.get(column, FIGURE_WIDTH), name=column)
        for column, (vi, en) in labels.items()
    ]


def _write_fill_in(sheet: Worksheet, year: int, labels: dict[str, tuple[str, str]]) -> None:
    """The header and a row per province ranked in `year` and the national mean, to fill in."""
    provinces = reference.provinces()
    write_header(sheet, 1, _template_columns(labels))
    ordered = [*provinces.in_order(provinces.ids(year), year), NATIONAL_MEAN_ID]
    for row, province_id in enumerate(ordered, start=2):
        put(sheet, row, 1, provinces.name(province_id, year))
        put(sheet, row, 2, year)
        for column in range(1, len(labels) + 1):  # a grid to fill in
            sheet.cell(row, column).border = cell_styles().border
    sheet.freeze_panes = "B2"
    page = PageLabels(heading=f"Mẫu nhập điểm PGI năm {year} (PGI {year} fill-in sheet)")
    prepare_for_print(sheet, 1, title_columns="A:A", labels=page)
    fit_row_heights(sheet)


def _write_instructions(sheet: Worksheet, lines: list[str]) -> None:
    for row, line in enumerate(lines, start=1):
        put(sheet, row, 1, line or None).alignment = cell_styles().wrap
    sheet.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    prepare_for_print(sheet, None, labels=PageLabels(heading=lines[0]))
    fit_row_heights(sheet)
