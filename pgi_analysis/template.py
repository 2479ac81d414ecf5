"""The fill-in workbook for a year of PGI scores: a row per province ranked that year and the
national mean, a header that `scores add` reads back, and instructions in both languages."""

from __future__ import annotations

from pathlib import Path

from pgi_analysis import reference
from pgi_analysis.errors import InputError
from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.reference import NATIONAL_MEAN_ID
from pgi_analysis.scores import SCORES_SHEET, pgi_year
from pgi_analysis.spreadsheet import xlsx_bytes


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
    ]


def write_template(year: int, out: Path) -> None:
    """Write a fill-in workbook for `year`: a row per province ranked that year (63 up to 2024,
    34 from 2025) and for the national mean, and instructions in Vietnamese and English."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    out = Path(out)
    try:
        pgi_year(year)  # the years add_scores_file accepts, so that a filled template can be added
    except ValueError as error:
        raise InputError(out, str(error)) from None
    provinces = reference.provinces()
    count = provinces.ranked(year)
    labels = _template_labels(count)
    book = Workbook()
    sheet = book.active
    sheet.title = SCORES_SHEET
    sheet.append([f"{column}\n{vi}\n{en}" for column, (vi, en) in labels.items()])
    for province_id in [*provinces.in_order(provinces.ids(year), year), NATIONAL_MEAN_ID]:
        sheet.append([provinces.name(province_id, year), year])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(labels, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            40 if column == "source_url" else 18
        )
    sheet.freeze_panes = "B2"
    guide = book.create_sheet("Hướng dẫn - Instructions")
    for line in _instructions(year, count):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    atomic_write_bytes(out, xlsx_bytes(book))
