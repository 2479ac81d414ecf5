"""The Excel workbook for officials: the indicators, who leads and coordinates each, the scores
and where every input came from. Vietnamese first, English beside it for international readers.

openpyxl is imported inside the functions that need it, so that importing the package stays quick.
"""

from __future__ import annotations

import hashlib
import math
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from pgi_analysis import paths
from pgi_analysis.agencies import COLLECTIVE_KINDS
from pgi_analysis.appendix import TidyAppendix, load_sub_indices
from pgi_analysis.files import atomic_write_bytes, xlsx_bytes

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

INDICATORS_SHEET = "Chỉ số"
MATRIX_SHEET = "Ma trận phân công"
SCORES_SHEET = "Điểm PGI"
SOURCES_SHEET = "Nguồn"

# A matrix cell: an agency's role in an indicator. The plan names some agencies in both columns
# of one indicator (1.07: Sở Nông nghiệp và Môi trường); their cell says so and counts as both.
ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp", "both": "Chủ trì + Phối hợp"}
ROLE_COLOURS = {"lead": "F4B183", "coordinator": "BDD7EE", "both": "CDB4E6"}
CELL_ROLES = {"lead": ("lead",), "coordinator": ("coordinator",), "both": ("lead", "coordinator")}
ROLES = ("lead", "coordinator")
# On an agency's own task sheet, beside its name where the plan lists it as a coordinator too.
OWN_COORDINATOR_NOTE = (
    "chính cơ quan này, cũng được Kế hoạch giao phối hợp; this agency, also listed as coordinator"
)
HEADER_COLOUR = "D9D9D9"
SUB_INDEX_COLOUR = "EDEDED"
# Agencies that stand for many bodies: the matrix puts them after the named agencies.
# Excel and LibreOffice take typed text that starts with one of these for a formula.
FORMULA_STARTS = ("=", "+", "-", "@")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31
# Notes that sit beside the inputs and say where each came from; they are not inputs themselves.
NOTE_NAMES = ("PROVENANCE.md", "SOURCES.md")
STATISTIC_SOURCES = {
    "PGI survey": "Khảo sát PGI của VCCI (PGI survey)",
    "TCTK": "TCTK (General Statistics Office)",
}
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


class ProvenanceRow(NamedTuple):
    """One input of the workbook, as the `Nguồn` sheet lists it."""

    input: str
    description: str
    note: str
    sha256: str


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
    sub_indices = load_sub_indices()
    agencies = _agencies_in_matrix_order(tidy)
    task_sheets = _task_sheet_names(agencies)

    workbook.active.title = INDICATORS_SHEET
    _write_indicators(workbook.active, tidy.indicators, sub_indices)
    _write_matrix(workbook.create_sheet(MATRIX_SHEET), tidy, agencies, task_sheets, sub_indices)
    for agency in _rows(agencies):
        if agency.agency_id in task_sheets:
            sheet = workbook.create_sheet(task_sheets[agency.agency_id])
            _write_task_list(sheet, tidy, agency)
    _write_scores(workbook.create_sheet(SCORES_SHEET), scores, sub_indices)
    _write_sources(workbook.create_sheet(SOURCES_SHEET), provenance)
    for sheet in workbook.worksheets:
        _fit_row_heights(sheet)
    return workbook


def write_workbook(
    path: Path, tidy: TidyAppendix, scores: pd.DataFrame, provenance: Iterable[Sequence[object]]
) -> Path:
    """Build the workbook and write it to `path` in one step: a reader sees the old or the new."""
    atomic_write_bytes(Path(path), xlsx_bytes(build_workbook(tidy, scores, provenance)))
    return Path(path)


def provenance_rows(
    folders: Iterable[Path] = paths.INPUT_FOLDERS, root: Path = paths.ROOT
) -> list[ProvenanceRow]:
    """Every input file under `folders`, with the first line its provenance note gives it."""
    rows = []
    for folder in folders:
        notes = [folder / name for name in NOTE_NAMES if (folder / name).is_file()]
        for path in _input_files(folder):
            description, note = _note_entry(path.name, notes)
            rows.append(
                ProvenanceRow(
                    input=path.relative_to(root).as_posix(),
                    description=description,
                    note=note.relative_to(root).as_posix() if note else "",
                    sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                )
            )
    return rows


# --- the sheets -------------------------------------------------------------------------------


def _write_indicators(
    sheet: Worksheet, indicators: pd.DataFrame, sub_indices: pd.DataFrame
) -> None:
    sub_index_names = {row.sub_index: f"{row.code}. {row.name_vi}" for row in _rows(sub_indices)}
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
        for indicator in _rows(indicators)
    ]
    title = (
        "Các chỉ số thành phần của Chỉ số Xanh cấp tỉnh (PGI)",
        "PGI component indicators (English names are this project's translation)",
    )
    _write_table(sheet, title, INDICATOR_COLUMNS, rows)


def _write_matrix(
    sheet: Worksheet,
    tidy: TidyAppendix,
    agencies: pd.DataFrame,
    task_sheets: dict[str, str],
    sub_indices: pd.DataFrame,
) -> None:
    _write_title(
        sheet,
        "Ma trận phân công: cơ quan chủ trì và phối hợp theo từng chỉ số",
        "Assignment matrix: lead and coordinating agencies for each indicator (Plan 18/KH-UBND)",
    )
    header_row = _write_legend(sheet, TITLE_ROWS + 1)
    _write_header(sheet, header_row, MATRIX_COLUMNS)
    _write_agency_headers(sheet, header_row, agencies)
    first_row = _write_task_links(sheet, header_row + 1, agencies, task_sheets)
    roles = _matrix_roles(tidy.assignments)
    row = first_row
    for sub_index in _rows(sub_indices):
        row = _write_sub_index_row(sheet, row, sub_index, len(MATRIX_COLUMNS) + len(agencies))
        for indicator in _rows(tidy.indicators[tidy.indicators.sub_index == sub_index.sub_index]):
            _write_matrix_row(sheet, row, indicator, agencies.agency_id, roles)
            row += 1
    _write_matrix_totals(sheet, row, agencies)
    sheet.freeze_panes = sheet.cell(first_row, len(MATRIX_COLUMNS) + 1)
    _prepare_for_print(sheet, header_row, title_columns="A:B")


def _write_legend(sheet: Worksheet, row: int) -> int:
    """Say what the colours mean and how to reach an agency's own list; return the next row."""
    styles = _styles()
    for offset, (role, meaning) in enumerate(
        [
            ("lead", "cơ quan chủ trì thực hiện (lead agency)"),
            ("coordinator", "cơ quan phối hợp thực hiện (coordinating agency)"),
            (
                "both",
                "Kế hoạch ghi cơ quan ở cả cột chủ trì và cột phối hợp; tính ở cả hai dòng tổng"
                " (the plan lists the agency as lead and as coordinator; counted in both totals)",
            ),
        ]
    ):
        key = _put(sheet, row + offset, 1, ROLE_LABELS[role])
        key.fill, key.alignment, key.border = styles.fills[role], styles.centre_wrap, styles.border
        _put(sheet, row + offset, 2, meaning).alignment = styles.middle  # runs on to the right
    hint = "Mỗi cơ quan chủ trì có một trang tính riêng: bấm “Nhiệm vụ” dưới tên cơ quan"
    english = "each lead agency has its own sheet: click “Nhiệm vụ” under its name"
    _put(sheet, row + len(ROLE_LABELS), 2, f"{hint} ({english})").font = styles.note
    return row + len(ROLE_LABELS) + 1


def _write_agency_headers(sheet: Worksheet, row: int, agencies: pd.DataFrame) -> None:
    """The agencies' short names, standing on end, each wrapped to lines of the same length."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    styles = _styles()
    headers = [
        "\n".join(
            [
                *textwrap.wrap(agency.short_vi, AGENCY_HEADER_LINE),
                *textwrap.wrap(f"({agency.short_en})", AGENCY_HEADER_LINE),
            ]
        )
        for agency in _rows(agencies)
    ]
    for column, header in enumerate(headers, start=len(MATRIX_COLUMNS) + 1):
        cell = _put(sheet, row, column, header)
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

    styles = _styles()
    _put(sheet, row, 2, "Danh sách nhiệm vụ (task list) →").alignment = styles.right
    for column, agency_id in enumerate(agencies.agency_id, start=len(MATRIX_COLUMNS) + 1):
        if agency_id in task_sheets:
            cell = _put(sheet, row, column, "Nhiệm vụ")
            quoted = task_sheets[agency_id].replace("'", "''")  # how a reference escapes it
            location = f"'{quoted}'!A1"
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location)
            cell.font, cell.alignment = styles.link, styles.centre
    return row + 1


def _write_sub_index_row(sheet: Worksheet, row: int, sub_index, width: int) -> int:
    """A heading row for one sub-index, as the appendix has; return the next row."""
    styles = _styles()
    _put(sheet, row, 1, sub_index.code)
    _put(sheet, row, 2, f"{sub_index.name_vi} ({sub_index.name_en})")
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
    styles = _styles()
    for column, value in enumerate([indicator.indicator_id, indicator.name_vi], start=1):
        cell = _put(sheet, row, column, value)
        cell.alignment, cell.border = styles.wrap_middle, styles.border
    for column, agency_id in enumerate(agency_ids, start=len(MATRIX_COLUMNS) + 1):
        role = roles.get((indicator.indicator_id, agency_id))
        cell = _put(sheet, row, column, ROLE_LABELS[role] if role else None)
        cell.alignment, cell.border = styles.centre_wrap, styles.border
        if role:
            cell.fill = styles.fills[role]


def _write_matrix_totals(sheet: Worksheet, row: int, agencies: pd.DataFrame) -> None:
    """Count each agency's indicators under the matrix: the counts that order its columns.

    A "Chủ trì + Phối hợp" cell counts in both, as `pgi_analysis.responsibility.lead_load` does.
    """
    styles = _styles()
    for offset, (role, label) in enumerate(
        [
            ("lead", "Số chỉ số chủ trì (indicators led)"),
            ("coordinator", "Số chỉ số phối hợp (indicators coordinated)"),
        ]
    ):
        _put(sheet, row + offset, 2, label).font = styles.bold
        counts = agencies[f"{role}_count"]
        for column, count in enumerate(counts, start=len(MATRIX_COLUMNS) + 1):
            cell = _put(sheet, row + offset, column, _excel_value(count))
            cell.alignment, cell.border = styles.centre, styles.border
            cell.font = styles.bold


def _write_task_list(sheet: Worksheet, tidy: TidyAppendix, agency) -> None:
    rows = _task_rows(tidy, agency.agency_id)
    title = (
        f"{agency.name_vi}: các chỉ số chủ trì thực hiện ({len(rows)})",
        f"{agency.name_en}: the {len(rows)} indicators it leads, with co-leads and coordinators",
    )
    _write_table(sheet, title, TASK_COLUMNS, rows)


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
        for row in _rows(table)
    ]
    title = (
        "Điểm PGI đã công bố, kèm nguồn (ô trống: chưa biết, không phải 0)",
        "Published PGI scores with their sources (a blank value is unknown, never zero)",
    )
    _write_table(sheet, title, SCORE_COLUMNS, rows, empty="Chưa có điểm PGI (no PGI scores yet)")


def _write_sources(sheet: Worksheet, provenance: Iterable[Sequence[object]]) -> None:
    title = (
        "Nguồn gốc các dữ liệu đầu vào (Phụ lục Kế hoạch số 18/KH-UBND ngày 21/01/2026)",
        "Provenance of every input, with its SHA-256 checksum",
    )
    _write_table(sheet, title, SOURCE_COLUMNS, [tuple(row) for row in provenance])


# --- what the sheets show ---------------------------------------------------------------------


def _measure_labels(sub_indices: pd.DataFrame) -> dict[str, str]:
    labels = {
        f"sub_index_{row.sub_index}": f"{row.code}. {row.name_vi} ({row.short_en})"
        for row in _rows(sub_indices)
    }
    return labels | {"total": "Điểm PGI tổng (total score)", "rank": "Xếp hạng (rank)"}


def _matrix_roles(assignments: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The cell of each agency in each indicator: a key of ROLE_LABELS.

    An agency the appendix names both as lead and as coordinator of one indicator (1.07: Sở Nông
    nghiệp và Môi trường leads and also coordinates) is "both", as the plan says.
    """
    held: dict[tuple[str, str], set[str]] = {}
    for assignment in _rows(assignments):
        key = (assignment.indicator_id, assignment.agency_id)
        held.setdefault(key, set()).add(assignment.role)
    return {
        key: next(cell for cell, roles in CELL_ROLES.items() if set(roles) == held_roles)
        for key, held_roles in held.items()
    }


def _agencies_in_matrix_order(tidy: TidyAppendix) -> pd.DataFrame:
    """Agencies with any assignment: named ones by number of leads (most first), then collectives.

    Ties keep the reference order; the columns `lead_count` and `coordinator_count` are added.
    """
    agency_roles = pd.DataFrame(
        [
            (agency_id, role)
            for (_, agency_id), cell in _matrix_roles(tidy.assignments).items()
            for role in CELL_ROLES[cell]
        ],
        columns=["agency_id", "role"],
    )
    counts = pd.crosstab(agency_roles.agency_id, agency_roles.role)
    counts = counts.reindex(columns=list(ROLES), fill_value=0).add_suffix("_count")
    agencies = tidy.agencies.merge(counts, left_on="agency_id", right_index=True)
    agencies["collective"] = agencies.kind.isin(COLLECTIVE_KINDS)
    ordered = agencies.sort_values(
        ["collective", "lead_count", "coordinator_count"],
        ascending=[True, False, False],
        kind="stable",
    )
    return ordered.drop(columns="collective").reset_index(drop=True)


def _task_sheet_names(agencies: pd.DataFrame) -> dict[str, str]:
    """A sheet name for each lead agency, from its short Vietnamese name, by agency_id."""
    # Excel compares sheet names without regard to case.
    taken = {
        name.casefold() for name in (INDICATORS_SHEET, MATRIX_SHEET, SCORES_SHEET, SOURCES_SHEET)
    }
    names = {}
    for agency in _rows(agencies[agencies.lead_count > 0]):
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
    own = assignments[(assignments.agency_id == agency_id) & (assignments.role == "lead")]
    rows = []
    for lead in _rows(own.drop_duplicates("indicator_id")):
        on_indicator = assignments[assignments.indicator_id == lead.indicator_id]
        co_leads = on_indicator[
            (on_indicator.role == "lead") & (on_indicator.agency_id != agency_id)
        ]
        # An agency named as co-lead and also as coordinator is listed once, as co-lead.
        coordinators = on_indicator[
            (on_indicator.role == "coordinator") & ~on_indicator.agency_id.isin(co_leads.agency_id)
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
    for assignment in _rows(assignments.drop_duplicates("agency_id")):
        parts = [assignment.scope, assignment.task]
        if assignment.agency_id == own:
            parts.append(OWN_COORDINATOR_NOTE)
        detail = "; ".join(part for part in parts if _filled(part))
        name = names[assignment.agency_id]
        lines.append(f"{name} ({detail})" if detail else name)
    return "\n".join(lines)


# --- where the inputs came from ---------------------------------------------------------------


def _input_files(folder: Path) -> list[Path]:
    """Data files under `folder`: not the notes about them, not hidden or temporary files."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix != ".md"
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def _note_entry(file_name: str, notes: list[Path]) -> tuple[str, Path | None]:
    """The first paragraph under the file's own heading in a note, else the note's title."""
    for note in notes:
        paragraph = _paragraph_under_heading(note.read_text(encoding="utf-8"), file_name)
        if paragraph:
            return paragraph, note
    if notes:
        return _first_heading(notes[0].read_text(encoding="utf-8")), notes[0]
    return "", None


def _paragraph_under_heading(text: str, file_name: str) -> str:
    names_file = re.compile(rf"(?<![\w.-]){re.escape(file_name)}(?![\w.-])")
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("#") and names_file.search(line.replace("`", "")):
            return _first_paragraph(lines[number + 1 :])
    return ""


def _first_paragraph(lines: list[str]) -> str:
    """The first block of text, or the first item when the block is a list, without markup."""
    paragraph: list[str] = []
    for line in lines:
        text = line.strip()
        ends_paragraph = not text or text.startswith("#")
        starts_item = text.startswith(("- ", "* ", "|"))
        if paragraph and (ends_paragraph or starts_item):
            break
        if text.startswith("#"):
            return ""
        if text:
            paragraph.append(text.removeprefix("- ").removeprefix("* "))
    return re.sub(r"\*\*|`", "", " ".join(paragraph))


def _first_heading(text: str) -> str:
    headings = (line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#"))
    return next(headings, "")


# --- writing cells ----------------------------------------------------------------------------


@cache
def _styles() -> SimpleNamespace:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    grid = Side(style="thin", color="A6A6A6")
    return SimpleNamespace(
        title=Font(bold=True, size=13),
        note=Font(italic=True, color="595959"),
        bold=Font(bold=True),
        header_fill=PatternFill("solid", fgColor=HEADER_COLOUR),
        sub_index_fill=PatternFill("solid", fgColor=SUB_INDEX_COLOUR),
        fills={role: PatternFill("solid", fgColor=colour) for role, colour in ROLE_COLOURS.items()},
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


def _put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one value; text is always stored as text, never read as a formula."""
    cell = sheet.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        # openpyxl makes text that starts with "=" a formula; a string cell keeps it as typed.
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # so that Excel keeps it text when someone edits the cell
    return cell


def _write_title(sheet: Worksheet, title_vi: str, title_en: str) -> None:
    styles = _styles()
    _put(sheet, 1, 1, title_vi).font = styles.title
    _put(sheet, 2, 1, title_en).font = styles.note


def _write_header(sheet: Worksheet, row: int, columns: Sequence[Column]) -> None:
    from openpyxl.utils import get_column_letter

    styles = _styles()
    for number, column in enumerate(columns, start=1):
        cell = _put(sheet, row, number, column.header)
        cell.font, cell.fill, cell.border = styles.bold, styles.header_fill, styles.border
        cell.alignment = styles.header
        sheet.column_dimensions[get_column_letter(number)].width = column.width


def _write_table(
    sheet: Worksheet,
    title: tuple[str, str],
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    empty: str = "Không có dữ liệu (no data)",
) -> None:
    """A titled table with a frozen, filterable header, ready to print."""
    styles = _styles()
    _write_title(sheet, *title)
    header_row = TITLE_ROWS + 1
    _write_header(sheet, header_row, columns)
    for row, values in enumerate(rows, start=header_row + 1):
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, row, column, _excel_value(value))
            cell.alignment, cell.border = styles.wrap, styles.border
    if not rows:
        _put(sheet, header_row + 1, 1, empty).font = styles.note
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.auto_filter.ref = f"A{header_row}:{sheet.cell(sheet.max_row, len(columns)).coordinate}"
    _prepare_for_print(sheet, header_row)


def _prepare_for_print(sheet: Worksheet, header_row: int, title_columns: str | None = None) -> None:
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


def _fit_row_heights(sheet: Worksheet) -> None:
    """Make each row with wrapped text tall enough to show all of it."""
    from openpyxl.utils import get_column_letter

    widths = {
        column: dimension.width
        for column in range(1, sheet.max_column + 1)
        if (dimension := sheet.column_dimensions.get(get_column_letter(column)))
    }
    for row in sheet.iter_rows():
        lines = max(_wrapped_lines(cell, widths.get(cell.column)) for cell in row)
        dimension = sheet.row_dimensions[row[0].row]
        # A height set already (the matrix's header) was set for text the estimate cannot see.
        if lines > 1 and lines * LINE_HEIGHT + ROW_PADDING > (dimension.height or 0):
            dimension.height = lines * LINE_HEIGHT + ROW_PADDING


def _wrapped_lines(cell: Cell, width: float | None) -> int:
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


def _excel_value(value: object) -> object:
    """A table value as a cell should hold it: unknown stays blank, a flag reads Có / Không."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return None
    if hasattr(value, "item"):  # a numpy scalar, which a cell cannot hold as it is
        value = value.item()
    return YES_NO[value] if isinstance(value, bool) else value


def _filled(value: object) -> bool:
    return _excel_value(value) is not None


def _rows(table: pd.DataFrame) -> Iterator[tuple]:
    return table.itertuples(index=False)
