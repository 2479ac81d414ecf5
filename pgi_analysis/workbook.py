"""The Excel workbook for officials: the indicators, who leads and coordinates each, the scores
and where every input came from. Vietnamese first, English beside it for international readers.

openpyxl is imported inside the functions that need it, so that importing the package stays quick.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pgi_analysis import reference
from pgi_analysis import responsibility as resp
from pgi_analysis.appendix import TidyAppendix
from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.spreadsheet import (
    ROW_PADDING,
    TITLE_ROWS,
    Column,
    cell_styles,
    excel_value,
    filled,
    fit_row_heights,
    prepare_for_print,
    put,
    rows_of,
    write_header,
    write_table,
    write_title,
    xlsx_bytes,
)
from pgi_analysis.vocabulary import BOTH, CELL_ROLES, COORDINATOR, LEAD, ROLE_COLOURS, ROLE_LABELS

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

INDICATORS_SHEET = "Chỉ số"
MATRIX_SHEET = "Ma trận phân công"
SCORES_SHEET = "Điểm PGI"
SOURCES_SHEET = "Nguồn"

# On an agency's own task sheet, beside its name where the plan lists it as a coordinator too.
OWN_COORDINATOR_NOTE = (
    "chính cơ quan này, cũng được Kế hoạch giao phối hợp; this agency, also listed as coordinator"
)
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31
STATISTIC_SOURCES = {
    "PGI survey": "Khảo sát PGI của VCCI (PGI survey)",
    "TCTK": "TCTK (General Statistics Office)",
}
# Matrix cells are filled with a light tint of each role's colour, so that their text stays legible.
FILL_TINT = 0.6


INDICATOR_COLUMNS = (
    Column("Mã chỉ số", "ID", 9),
    Column("Chỉ số thành phần (CSTP)", "Sub-index", 28),
    Column("STT", "No.", 6),
    Column("Tên chỉ số", "Indicator", 48),
    Column("Đơn vị", "Unit", 11),
    Column("Tên tiếng Anh", "English name", 48),
    Column("Nguồn số liệu", "Statistic source", 20),
    Column("Cao hơn là tốt hơn", "Higher is better", 11),
)
MATRIX_COLUMNS = (Column("Mã chỉ số", "ID", 9), Column("Tên chỉ số", "Indicator", 46))
# The matrix's agency names stand on end, so that 21 agencies fit an A4 page at a legible size.
AGENCY_COLUMN_WIDTH = 9
AGENCY_HEADER_LINE = 14  # characters a line of an agency's name
AGENCY_HEADER_SIZE = 9  # points
POINTS_PER_HEADER_CHARACTER = 6  # a 9-point bold letter, with room for a wider substitute font
TASK_COLUMNS = (
    Column("Mã chỉ số", "ID", 9),
    Column("Tên chỉ số", "Indicator", 44),
    Column("Đơn vị", "Unit", 11),
    Column("Phạm vi", "Scope", 22),
    Column("Nhiệm vụ", "Task", 30),
    Column("Cùng chủ trì", "Co-leads", 30),
    Column("Cơ quan phối hợp", "Coordinating agencies", 50),
)
SCORE_COLUMNS = (
    Column("Năm", "Year", 7),
    Column("Tỉnh, thành phố", "Province", 18),
    Column("Chỉ tiêu", "Measure", 34),
    Column("Giá trị", "Value", 9),
    Column("Tính suy ra", "Derived", 10),
    Column("Nguồn", "Source", 60),
    Column("Ghi chú", "Note", 60),
)
SOURCE_COLUMNS = (
    Column("Tệp đầu vào", "Input file", 36),
    Column("Mô tả", "Description", 70),
    Column("Ghi chú nguồn gốc", "Provenance note", 32),
    Column("SHA-256", "SHA-256", 68),
)


def _role_label(cell: str) -> str:
    return ROLE_LABELS[cell][0]


@cache
def _role_fills() -> dict:
    """Each role's colour, lightened so that a cell's text stays legible on it."""
    from openpyxl.styles import PatternFill

    def tint(colour: str) -> str:
        channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
        return "".join(f"{round(c + (255 - c) * FILL_TINT):02X}" for c in channels)

    return {cell: PatternFill("solid", fgColor=tint(ROLE_COLOURS[cell])) for cell in CELL_ROLES}


# --- the public functions ---------------------------------------------------------------------


def build_workbook(
    tidy: TidyAppendix, scores: pd.DataFrame, provenance: Iterable[Sequence[object]]
) -> Workbook:
    """The workbook: indicators, assignment matrix, one task list per lead agency, scores, inputs.

    `scores` has the columns of `pgi_analysis.scores.load_scores()`; `provenance` has rows like
    `ProvenanceRow` (input, description, note, SHA-256), e.g. from `provenance_rows()`.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = "pgi-analysis"
    workbook.properties.title = "Phân công cải thiện Chỉ số Xanh (PGI) tỉnh Lạng Sơn"
    sub_indices = reference.sub_indices()
    agencies = _agencies_in_matrix_order(tidy)
    task_sheets = _task_sheet_names(agencies)

    workbook.active.title = INDICATORS_SHEET
    _write_indicators(workbook.active, tidy.indicators, sub_indices)
    _write_matrix(workbook.create_sheet(MATRIX_SHEET), tidy, agencies, task_sheets, sub_indices)
    for agency in rows_of(agencies):
        if agency.agency_id in task_sheets:
            sheet = workbook.create_sheet(task_sheets[agency.agency_id])
            _write_task_list(sheet, tidy, agency)
    _write_scores(workbook.create_sheet(SCORES_SHEET), scores, sub_indices)
    _write_sources(workbook.create_sheet(SOURCES_SHEET), provenance)
    for sheet in workbook.worksheets:
        fit_row_heights(sheet)
    return workbook


def write_workbook(
    path: Path, tidy: TidyAppendix, scores: pd.DataFrame, provenance: Iterable[Sequence[object]]
) -> Path:
    """Build the workbook and write it to `path` in one step: a reader sees the old or the new."""
    atomic_write_bytes(Path(path), xlsx_bytes(build_workbook(tidy, scores, provenance)))
    return Path(path)


# --- the sheets -------------------------------------------------------------------------------


def _write_indicators(
    sheet: Worksheet, indicators: pd.DataFrame, sub_indices: pd.DataFrame
) -> None:
    sub_index_names = {row.sub_index: f"{row.code}. {row.name_vi}" for row in rows_of(sub_indices)}
    rows = [
        (
            indicator.indicator_id,
            sub_index_names[indicator.sub_index],
            indicator.number,
            indicator.name_vi,
            indicator.unit,
            indicator.name_en,
            STATISTIC_SOURCES.get(indicator.statistic_source, indicator.statistic_source),
            indicator.higher_is_better,
        )
        for indicator in rows_of(indicators)
    ]
    title = (
        "Các chỉ số thành phần của Chỉ số Xanh cấp tỉnh (PGI)",
        "PGI component indicators (English names are this project's translation)",
    )
    write_table(sheet, title, INDICATOR_COLUMNS, rows)


def _write_matrix(
    sheet: Worksheet,
    tidy: TidyAppendix,
    agencies: pd.DataFrame,
    task_sheets: dict[str, str],
    sub_indices: pd.DataFrame,
) -> None:
    write_title(
        sheet,
        "Ma trận phân công: cơ quan chủ trì và phối hợp theo từng chỉ số",
        "Assignment matrix: lead and coordinating agencies for each indicator (Plan 18/KH-UBND)",
    )
    header_row = _write_legend(sheet, TITLE_ROWS + 1)
    write_header(sheet, header_row, MATRIX_COLUMNS)
    _write_agency_headers(sheet, header_row, agencies)
    first_row = _write_task_links(sheet, header_row + 1, agencies, task_sheets)
    roles = _matrix_roles(tidy)
    row = first_row
    for sub_index in rows_of(sub_indices):
        row = _write_sub_index_row(sheet, row, sub_index, len(MATRIX_COLUMNS) + len(agencies))
        for indicator in rows_of(tidy.indicators[tidy.indicators.sub_index == sub_index.sub_index]):
            _write_matrix_row(sheet, row, indicator, agencies.agency_id, roles)
            row += 1
    _write_matrix_totals(sheet, row, agencies)
    sheet.freeze_panes = sheet.cell(first_row, len(MATRIX_COLUMNS) + 1)
    prepare_for_print(sheet, header_row, title_columns="A:B")


def _write_legend(sheet: Worksheet, row: int) -> int:
    """Say what the colours mean and how to reach an agency's own list; return the next row."""
    styles = cell_styles()
    for offset, (role, meaning) in enumerate(
        [
            (LEAD, "cơ quan chủ trì thực hiện (lead agency)"),
            (COORDINATOR, "cơ quan phối hợp thực hiện (coordinating agency)"),
            (
                BOTH,
                "Kế hoạch ghi cơ quan ở cả cột chủ trì và cột phối hợp; tính ở cả hai dòng tổng"
                " (the plan lists the agency as lead and as coordinator; counted in both totals)",
            ),
        ]
    ):
        key = put(sheet, row + offset, 1, _role_label(role))
        key.fill, key.alignment, key.border = _role_fills()[role], styles.centre_wrap, styles.border
        put(sheet, row + offset, 2, meaning).alignment = styles.middle  # runs on to the right
    hint = "Mỗi cơ quan chủ trì có một trang tính riêng: bấm “Nhiệm vụ” dưới tên cơ quan"
    english = "each lead agency has its own sheet: click “Nhiệm vụ” under its name"
    put(sheet, row + 3, 2, f"{hint} ({english})").font = styles.note
    return row + 4


def _write_agency_headers(sheet: Worksheet, row: int, agencies: pd.DataFrame) -> None:
    """The agencies' short names, standing on end, each wrapped to lines of the same length."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    styles = cell_styles()
    headers = [
        "\n".join(
            [
                *textwrap.wrap(agency.short_vi, AGENCY_HEADER_LINE),
                *textwrap.wrap(f"({agency.short_en})", AGENCY_HEADER_LINE),
            ]
        )
        for agency in rows_of(agencies)
    ]
    for column, header in enumerate(headers, start=len(MATRIX_COLUMNS) + 1):
        cell = put(sheet, row, column, header)
        cell.font = Font(bold=True, size=AGENCY_HEADER_SIZE)
        cell.fill, cell.border = styles.header_fill, styles.border
        cell.alignment = Alignment(
            text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom"
        )
        sheet.column_dimensions[get_column_letter(column)].width = AGENCY_COLUMN_WIDTH
    longest = max(len(line) for header in headers for line in header.split("\n"))
    sheet.row_dimensions[row].height = longest * POINTS_PER_HEADER_CHARACTER + 2 * ROW_PADDING


def _write_task_links(
    sheet: Worksheet, row: int, agencies: pd.DataFrame, task_sheets: dict[str, str]
) -> int:
    """Under each lead agency's name, a link to its own sheet; return the next row.

    The links have a row of their own because LibreOffice does not wrap a cell holding a link,
    and the agency names in the header need wrapping.
    """
    from openpyxl.worksheet.hyperlink import Hyperlink

    styles = cell_styles()
    put(sheet, row, 2, "Danh sách nhiệm vụ (task list) →").alignment = styles.right
    for column, agency_id in enumerate(agencies.agency_id, start=len(MATRIX_COLUMNS) + 1):
        if agency_id in task_sheets:
            cell = put(sheet, row, column, "Nhiệm vụ")
            quoted = task_sheets[agency_id].replace("'", "''")  # how a reference escapes it
            location = f"'{quoted}'!A1"
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location)
            cell.font, cell.alignment = styles.link, styles.centre
    return row + 1


def _write_sub_index_row(sheet: Worksheet, row: int, sub_index, width: int) -> int:
    """A heading row for one sub-index, as the appendix has; return the next row."""
    styles = cell_styles()
    put(sheet, row, 1, sub_index.code)
    put(sheet, row, 2, f"{sub_index.name_vi} ({sub_index.name_en})")
    for column in range(1, width + 1):
        cell = sheet.cell(row, column)
        cell.font, cell.fill, cell.border = styles.bold, styles.sub_index_fill, styles.border
        cell.alignment = styles.wrap
    return row + 1


def _write_matrix_row(
    sheet: Worksheet,
    row: int,
    indicator,
    agency_ids: Iterable[str],
    roles: dict[tuple[str, str], str],
) -> None:
    styles = cell_styles()
    for column, value in enumerate([indicator.indicator_id, indicator.name_vi], start=1):
        cell = put(sheet, row, column, value)
        cell.alignment, cell.border = styles.wrap_middle, styles.border
    for column, agency_id in enumerate(agency_ids, start=len(MATRIX_COLUMNS) + 1):
        role = roles.get((indicator.indicator_id, agency_id))
        cell = put(sheet, row, column, _role_label(role) if role else None)
        cell.alignment, cell.border = styles.centre_wrap, styles.border
        if role:
            cell.fill = _role_fills()[role]


def _write_matrix_totals(sheet: Worksheet, row: int, agencies: pd.DataFrame) -> None:
    """Count each agency's indicators under the matrix: the counts that order its columns.

    A "Chủ trì + Phối hợp" cell counts in both, as `pgi_analysis.responsibility.lead_load` does.
    """
    styles = cell_styles()
    for offset, (role, label) in enumerate(
        [
            ("led", "Số chỉ số chủ trì (indicators led)"),
            ("coordinated", "Số chỉ số phối hợp (indicators coordinated)"),
        ]
    ):
        put(sheet, row + offset, 2, label).font = styles.bold
        counts = agencies[role]
        for column, count in enumerate(counts, start=len(MATRIX_COLUMNS) + 1):
            cell = put(sheet, row + offset, column, excel_value(count))
            cell.alignment, cell.border = styles.centre, styles.border
            cell.font = styles.bold


def _write_task_list(sheet: Worksheet, tidy: TidyAppendix, agency) -> None:
    rows = _task_rows(tidy, agency.agency_id)
    title = (
        f"{agency.name_vi}: các chỉ số chủ trì thực hiện ({len(rows)})",
        f"{agency.name_en}: the {len(rows)} indicators it leads, with co-leads and coordinators",
    )
    write_table(sheet, title, TASK_COLUMNS, rows)


def _write_scores(sheet: Worksheet, scores: pd.DataFrame, sub_indices: pd.DataFrame) -> None:
    labels = _measure_labels(sub_indices)
    table = scores[["year", "province", "measure", "value", "derived", "source_url", "note"]]
    rows = [
        (
            row.year,
            row.province,
            labels.get(row.measure, row.measure),
            row.value,
            row.derived,
            row.source_url,
            row.note,
        )
        for row in rows_of(table)
    ]
    title = (
        "Điểm PGI đã công bố, kèm nguồn (ô trống: chưa biết, không phải 0)",
        "Published PGI scores with their sources (a blank value is unknown, never zero)",
    )
    write_table(sheet, title, SCORE_COLUMNS, rows, empty="Chưa có điểm PGI (no PGI scores yet)")


def _write_sources(sheet: Worksheet, provenance: Iterable[Sequence[object]]) -> None:
    title = (
        "Nguồn gốc các dữ liệu đầu vào (Phụ lục Kế hoạch số 18/KH-UBND ngày 21/01/2026)",
        "Provenance of every input, with its SHA-256 checksum",
    )
    write_table(sheet, title, SOURCE_COLUMNS, [tuple(row) for row in provenance])


# --- what the sheets show ---------------------------------------------------------------------


def _measure_labels(sub_indices: pd.DataFrame) -> dict[str, str]:
    labels = {
        f"sub_index_{row.sub_index}": f"{row.code}. {row.name_vi} ({row.short_en})"
        for row in rows_of(sub_indices)
    }
    return labels | {"total": "Điểm PGI tổng (total score)", "rank": "Xếp hạng (rank)"}


def _matrix_roles(tidy: TidyAppendix) -> dict[tuple[str, str], str]:
    """The cell of each agency in each indicator that it has a role in (see
    `responsibility.role_matrix`), by (indicator_id, agency_id)."""
    cells = resp.role_matrix(tidy.assignments, tidy.agencies).stack()
    return {key: cell for key, cell in cells.items() if cell != "none"}


def _agencies_in_matrix_order(tidy: TidyAppendix) -> pd.DataFrame:
    """Agencies with any assignment, with their counts `led` and `coordinated` (as
    `responsibility.lead_load` counts them): named ones by indicators led, then coordinated
    (most first), then collectives."""
    load = resp.with_agency_names(resp.lead_load(tidy.assignments), tidy.agencies)
    counted = tidy.agencies.merge(load[["agency_id", "led", "coordinated", "collective"]])
    ordered = counted.sort_values(
        ["collective", "led", "coordinated"], ascending=[True, False, False], kind="stable"
    )
    return ordered.drop(columns="collective").reset_index(drop=True)


def _task_sheet_names(agencies: pd.DataFrame) -> dict[str, str]:
    """A sheet name for each lead agency, from its short Vietnamese name, by agency_id."""
    # Excel compares sheet names without regard to case.
    taken = {
        name.casefold() for name in (INDICATORS_SHEET, MATRIX_SHEET, SCORES_SHEET, SOURCES_SHEET)
    }
    names = {}
    for agency in rows_of(agencies[agencies.led > 0]):
        names[agency.agency_id] = _unique_sheet_name(agency.short_vi, taken)
        taken.add(names[agency.agency_id].casefold())
    return names


def _unique_sheet_name(label: str, taken: set[str]) -> str:
    # Excel refuses these characters, names over 31 characters, and an apostrophe at either end.
    base = SHEET_NAME_FORBIDDEN.sub("-", label).strip().strip("'")[:SHEET_NAME_LENGTH] or "Cơ quan"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix, number + 1
    return name


def _task_rows(tidy: TidyAppendix, agency_id: str) -> list[tuple]:
    """One row per indicator the agency leads: its own scope and task, the others' parts.

    Where the plan also lists the agency among the indicator's coordinators, its own name stands
    there too, with a note.
    """
    indicators = tidy.indicators.set_index("indicator_id")
    names = tidy.agencies.set_index("agency_id").name_vi
    assignments = tidy.assignments
    own = assignments[(assignments.agency_id == agency_id) & (assignments.role == LEAD)]
    rows = []
    for lead in rows_of(own.drop_duplicates("indicator_id")):
        on_indicator = assignments[assignments.indicator_id == lead.indicator_id]
        co_leads = on_indicator[(on_indicator.role == LEAD) & (on_indicator.agency_id != agency_id)]
        # An agency named as co-lead and also as coordinator is listed once, as co-lead.
        coordinators = on_indicator[
            (on_indicator.role == COORDINATOR) & ~on_indicator.agency_id.isin(co_leads.agency_id)
        ]
        indicator = indicators.loc[lead.indicator_id]
        rows.append(
            (
                lead.indicator_id,
                indicator.name_vi,
                indicator.unit,
                lead.scope,
                lead.task,
                _actor_list(co_leads, names),
                _actor_list(coordinators, names, own=agency_id),
            )
        )
    return rows


def _actor_list(assignments: pd.DataFrame, names: pd.Series, own: str | None = None) -> str:
    """One agency a line, with the scope or task the appendix gives it in parentheses.

    The agency `own`, whose sheet this is, is marked as such.
    """
    lines = []
    for assignment in rows_of(assignments.drop_duplicates("agency_id")):
        parts = [assignment.scope, assignment.task]
        if assignment.agency_id == own:
            parts.append(OWN_COORDINATOR_NOTE)
        detail = "; ".join(part for part in parts if filled(part))
        name = names[assignment.agency_id]
        lines.append(f"{name} ({detail})" if detail else name)
    return "\n".join(lines)
