"""The Excel workbook for officials: the indicators, who leads and coordinates each, a task list
for every body the plan names, the scores and where every input came from. Vietnamese first,
English beside it for international readers; every printed page names the plan.

Counts come from `pgi_analysis.responsibility` (`lead_load`, `role_matrix`); words, roles and
colours from `pgi_analysis.vocabulary`; cells, tables and pages from `pgi_analysis.spreadsheet`.
openpyxl is imported inside the functions that need it, so that importing the package stays quick.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from pgi_analysis import reference
from pgi_analysis import responsibility as resp
from pgi_analysis.appendix import TidyAppendix
from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.provenance import ProvenanceRow
from pgi_analysis.reference import NATIONAL_MEAN_ID, Plan
from pgi_analysis.scores import SCORES_SHEET  # the scores' sheet, in the template as here
from pgi_analysis.spreadsheet import (
    ROW_PADDING,
    TITLE_ROWS,
    Column,
    PageLabels,
    cell_styles,
    excel_value,
    filled,
    fit_row_heights,
    font,
    prepare_for_print,
    put,
    rows_of,
    write_header,
    write_table,
    write_title,
    xlsx_bytes,
)
from pgi_analysis.text import collation_key
from pgi_analysis.vocabulary import (
    BOTH,
    CELL_ROLES,
    COLUMN_LABELS,
    COORDINATOR,
    GLOSSARY,
    KIND_LABELS,
    LANGUAGES,
    LEAD,
    MEASURES,
    NONE,
    ROLE_FILLS,
    ROLE_LABELS,
    STATISTIC_SOURCE_LABELS,
    UNKNOWN,
    YES_NO,
    format_date,
    measure_label,
    sub_index_label,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

NOTES_SHEET = "Ghi chú"
INDICATORS_SHEET = "Chỉ số"
MATRIX_SHEET = "Ma trận phân công"
BODIES_SHEET = "Cơ quan"
SOURCES_SHEET = "Nguồn"
FIXED_SHEETS = (NOTES_SHEET, INDICATORS_SHEET, MATRIX_SHEET, BODIES_SHEET)
TAIL_SHEETS = (SCORES_SHEET, SOURCES_SHEET)  # after the bodies' own sheets
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31
SCORE_FORMAT, COUNT_FORMAT = "0.00", "0"


def _column(name: str, width: float) -> Column:
    """A column of the library's tables, headed as `vocabulary.COLUMN_LABELS` heads it."""
    label = COLUMN_LABELS[name]
    return Column(label.vi, label.en, width)


INDICATOR_COLUMNS = (
    _column("indicator_id", 11),
    _column("sub_index", 24),
    _column("number", 5),
    Column("Tên chỉ số", "Indicator", 44),
    _column("unit", 9),
    Column("Tên tiếng Anh", "English name", 40),
    _column("statistic_source", 16),
    _column("higher_is_better", 10),
)
MATRIX_COLUMNS = (_column("indicator_id", 11), Column("Tên chỉ số", "Indicator", 40))
# The matrix's agency names stand on end, so that many agencies fit a page at a legible size.
AGENCY_COLUMN_WIDTH = 9
AGENCY_HEADER_LINE = 14  # characters a line of an agency's name
AGENCY_HEADER_SIZE = 10  # points
POINTS_PER_HEADER_CHARACTER = 6.5  # a 10-point bold letter, with room for a wider substitute font
BODY_COLUMNS = (
    Column("Tên viết tắt", "Short name", 22),
    Column("Tên đầy đủ", "Full name", 40),
    _column("kind", 28),
    *(_column(count, 12) for count in ("led", "sole_lead", "lead_credit", "coordinated")),
    _column("involved", 12),
)
BODY_NUMBER_FORMATS = {column: COUNT_FORMAT for column in (4, 5, 7, 8)} | {6: SCORE_FORMAT}
TASK_COLUMNS = (
    _column("indicator_id", 11),
    Column("Tên chỉ số", "Indicator", 38),
    _column("unit", 9),
    _column("role", 11),
    Column("Phạm vi, nhiệm vụ của cơ quan", "Its scope and task", 30),
    Column("Cơ quan chủ trì (ngoài cơ quan này)", "Lead agencies (besides this one)", 30),
    Column("Cơ quan phối hợp (ngoài cơ quan này)", "Coordinating agencies (besides this one)", 45),
)
ROLE_COLUMN = 4
SCORE_COLUMNS = (
    _column("year", 6),
    _column("province", 18),
    _column("measure", 30),
    _column("value", 10),
    _column("derived", 11),
    _column("source_url", 45),
    _column("note", 45),
)
VALUE_COLUMN = 4
SOURCE_COLUMNS = (
    Column("Tệp đầu vào", "Input file", 26),
    Column("Mô tả", "Description", 45),
    Column("Mô tả tiếng Anh", "Description in English", 40),
    Column("Ghi chú nguồn gốc", "Provenance note", 22),
    Column("Mã SHA-256", "SHA-256 checksum", 34),  # 64 characters, over two lines
)
NOTES_WIDTH = 100


def _vi(labels: dict, value: object) -> object:
    """The Vietnamese label of `value`, or `value` where it has none."""
    return labels[value][0] if value in labels else value


@cache
def _role_fills() -> dict:
    """Each role's cell fill (`vocabulary.ROLE_FILLS`, light enough for its text)."""
    from openpyxl.styles import PatternFill

    return {cell: PatternFill("solid", fgColor=ROLE_FILLS[cell][1:]) for cell in CELL_ROLES}


def _link(cell: Cell, sheet_name: str) -> None:
    """Make `cell` open the sheet `sheet_name`."""
    from openpyxl.worksheet.hyperlink import Hyperlink

    quoted = sheet_name.replace("'", "''")  # how a reference escapes it
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1")
    cell.font = cell_styles().link


def page_labels(plan: Plan) -> PageLabels:
    """What every printed page says of the plan: its number and date, and its title."""
    return PageLabels(
        heading=f"Kế hoạch số {plan.number} ngày {format_date(plan.issued, 'vi')}",
        footnote=plan.title_vi,
    )


# --- the public functions ---------------------------------------------------------------------


def build_workbook(
    tidy: TidyAppendix,
    scores: pd.DataFrame,
    provenance: Iterable[ProvenanceRow],
    plan: Plan | None = None,
) -> Workbook:
    """The workbook: notes, indicators, assignment matrix, every body with its counts, a task
    list per named body, scores, inputs.

    `scores` has the columns of `pgi_analysis.scores.load_scores()`; `provenance` has the rows of
    `pgi_analysis.provenance.provenance_rows()`; `plan` is the plan the appendix belongs to
    (`reference.analysed_plan()` by default).
    """
    from openpyxl import Workbook

    plan = plan or reference.analysed_plan()
    labels = page_labels(plan)
    workbook = Workbook()
    workbook.properties.title = f"Phân công thực hiện Kế hoạch số {plan.number}"
    bodies = _bodies(tidy)
    task_sheets = _task_sheet_names(bodies)
    roles = resp.role_matrix(tidy.assignments, tidy.agencies)
    appendix = _Appendix.of(tidy)

    workbook.active.title = NOTES_SHEET
    _write_notes(workbook.active, plan, labels)
    _write_indicators(workbook.create_sheet(INDICATORS_SHEET), tidy.indicators, labels)
    _write_matrix(
        workbook.create_sheet(MATRIX_SHEET), tidy, bodies, roles, task_sheets, labels, plan
    )
    _write_bodies(workbook.create_sheet(BODIES_SHEET), bodies, task_sheets, labels)
    for body in rows_of(bodies):
        if body.agency_id in task_sheets:
            sheet = workbook.create_sheet(task_sheets[body.agency_id])
            _write_task_list(sheet, appendix, body, roles[body.agency_id], labels)
    _write_scores(workbook.create_sheet(SCORES_SHEET), scores, labels)
    _write_sources(workbook.create_sheet(SOURCES_SHEET), provenance, labels)
    for sheet in workbook.worksheets:
        fit_row_heights(sheet)
    return workbook


def write_workbook(
    path: Path,
    tidy: TidyAppendix,
    scores: pd.DataFrame,
    provenance: Iterable[ProvenanceRow],
    plan: Plan | None = None,
) -> Path:
    """Build the workbook and write it to `path` in one step: a reader sees the old or the new."""
    atomic_write_bytes(Path(path), xlsx_bytes(build_workbook(tidy, scores, provenance, plan)))
    return Path(path)


# --- the bodies -------------------------------------------------------------------------------


def _bodies(tidy: TidyAppendix) -> pd.DataFrame:
    """Every actor with any role, with its names, kind and counts as `responsibility.lead_load`
    counts them: named bodies in Vietnamese alphabetical order of their short names, then the
    collectives."""
    load = resp.with_agency_names(resp.lead_load(tidy.assignments), tidy.agencies)
    names = tidy.agencies[["agency_id", "name_vi", "name_en"]]
    bodies = load.merge(names, on="agency_id", validate="one_to_one")
    keys = list(zip(bodies["collective"], bodies["short_vi"].map(collation_key), strict=True))
    order = sorted(range(len(bodies)), key=keys.__getitem__)
    return bodies.iloc[order].reset_index(drop=True)


def _in_matrix_order(bodies: pd.DataFrame) -> pd.DataFrame:
    """Named bodies by indicators led, then coordinated (most first; ties alphabetical), then
    the collectives in the same way."""
    return bodies.sort_values(
        ["collective", "led", "coordinated"], ascending=[True, False, False], kind="stable"
    ).reset_index(drop=True)


def _task_sheet_names(bodies: pd.DataFrame) -> dict[str, str]:
    """A sheet name for each named body, from its short Vietnamese name, by agency_id."""
    taken = {name.casefold() for name in (*FIXED_SHEETS, *TAIL_SHEETS)}  # Excel ignores case
    names = {}
    for body in rows_of(bodies[~bodies["collective"]]):
        names[body.agency_id] = _unique_sheet_name(body.short_vi, taken)
        taken.add(names[body.agency_id].casefold())
    return names


def _unique_sheet_name(label: str, taken: set[str]) -> str:
    # Excel refuses these characters, names over 31 characters, and an apostrophe at either end.
    base = SHEET_NAME_FORBIDDEN.sub("-", label).strip().strip("'")[:SHEET_NAME_LENGTH] or "Cơ quan"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix, number + 1
    return name


# --- the notes --------------------------------------------------------------------------------


def _notes() -> list[tuple[str, str, str]]:
    """The notes sheet's lines: (style, Vietnamese, English); style is heading or text."""
    lines = [
        ("heading", "Các trang tính", "The sheets"),
        (
            "text",
            f"{INDICATORS_SHEET}: các chỉ số của Phụ lục, theo chỉ số thành phần (CSTP).",
            f"{INDICATORS_SHEET}: the appendix's indicators, by sub-index.",
        ),
        (
            "text",
            f"{MATRIX_SHEET}: cơ quan chủ trì và cơ quan phối hợp của từng chỉ số; hai dòng cuối "
            "đếm số chỉ số của mỗi cơ quan.",
            f"{MATRIX_SHEET}: the lead and coordinating agencies of each indicator; the last two "
            "rows count each body's indicators.",
        ),
        (
            "text",
            f"{BODIES_SHEET}: mọi cơ quan, chủ thể có vai trò, với số chỉ số chủ trì, phần chủ trì "
            "và số chỉ số phối hợp; bấm vào tên để mở trang nhiệm vụ của cơ quan.",
            f"{BODIES_SHEET}: every body with a role, with the indicators it leads, its lead share "
            "and the indicators it coordinates; click a name to open its task list.",
        ),
        (
            "text",
            "Mỗi cơ quan được nêu tên có một trang riêng, theo thứ tự chữ cái: các chỉ số cơ quan "
            "chủ trì (cơ quan cùng chủ trì, phạm vi, nhiệm vụ, cơ quan phối hợp) và các chỉ số cơ "
            "quan phối hợp (cơ quan chủ trì để báo cáo, phối hợp).",
            "Each named body has a sheet of its own, in alphabetical order: the indicators it "
            "leads (co-leads, scope, task, coordinators) and those it coordinates (the lead to "
            "report to).",
        ),
        (
            "text",
            "Chủ thể không nêu tên cụ thể (các Sở, ban, ngành liên quan, doanh nghiệp, cá nhân) "
            "không có trang riêng; tên của các chủ thể này có trong danh sách của từng chỉ số.",
            "Unnamed collectives (the relevant departments, firms, individuals) have no sheet of "
            "their own; they are listed on each indicator they take part in.",
        ),
        (
            "text",
            f"{SCORES_SHEET}: điểm PGI đã công bố, kèm nguồn; “{UNKNOWN[0]}” là chưa biết, "
            "không phải 0.",
            f"{SCORES_SHEET}: the published PGI scores with their sources; “{UNKNOWN[0]}” "
            "(not published) is unknown, never zero.",
        ),
        (
            "text",
            f"{SOURCES_SHEET}: các tệp dữ liệu đầu vào, mô tả và mã SHA-256 của từng tệp.",
            f"{SOURCES_SHEET}: every input file, its description and SHA-256 checksum.",
        ),
        ("heading", "Cách đếm", "How the counts are made"),
        (
            "text",
            "Chỉ số có nhiều cơ quan chủ trì được tính trọn cho mỗi cơ quan trong số chỉ số chủ "
            "trì; phần chủ trì chia đều: n cơ quan cùng chủ trì, mỗi cơ quan được 1/n.",
            "An indicator with several leads counts whole for each of them in indicators led; "
            "the lead share divides it: n co-leads get 1/n each.",
        ),
        (
            "text",
            f"Cơ quan Kế hoạch ghi ở cả hai cột của một chỉ số ({ROLE_LABELS[BOTH][0].lower()}) "
            "được tính ở cả số chỉ số chủ trì và số chỉ số phối hợp.",
            "A body the plan names in both columns of one indicator counts in both.",
        ),
        ("heading", "Thuật ngữ", "Terms"),
    ]
    lines += [
        ("text", f"{term.vi} ({term.en}): {term.meaning_vi}.", f"{term.en}: {term.meaning_en}.")
        for term in GLOSSARY
    ]
    return lines


def _write_notes(sheet: Worksheet, plan: Plan, labels: PageLabels) -> None:
    """What the workbook holds, how it counts and the words it uses, in Vietnamese and English."""
    styles = cell_styles()
    write_title(
        sheet,
        f"Phân công thực hiện Kế hoạch số {plan.number} ngày {format_date(plan.issued, 'vi')}",
        f"Who does what under Plan {plan.number} of {format_date(plan.issued, 'en')}",
    )
    put(sheet, TITLE_ROWS + 1, 1, plan.title_vi).alignment = styles.wrap
    put(sheet, TITLE_ROWS + 2, 1, plan.title_en).font = styles.note
    row = TITLE_ROWS + 3
    for style, vietnamese, english in _notes():
        row += style == "heading"  # a blank line before each heading
        cell = put(sheet, row, 1, vietnamese)
        cell.alignment = styles.wrap
        if style == "heading":
            cell.font = styles.bold
        else:
            translation = put(sheet, row + 1, 1, english)
            translation.font, translation.alignment = styles.note, styles.wrap
            row += 1
        row += 1
    sheet.column_dimensions["A"].width = NOTES_WIDTH
    prepare_for_print(sheet, None, labels=labels)


# --- the indicators and the matrix ------------------------------------------------------------


def _write_indicators(sheet: Worksheet, indicators: pd.DataFrame, labels: PageLabels) -> None:
    sub_index_names = {
        number: sub_index_label(number, "vi", short=False)
        for number in reference.sub_indices()["sub_index"]
    }
    rows = [
        (
            indicator.indicator_id,
            sub_index_names[indicator.sub_index],
            indicator.number,
            indicator.name_vi,
            indicator.unit,
            indicator.name_en,
            _vi(STATISTIC_SOURCE_LABELS, indicator.statistic_source),
            _vi(YES_NO, indicator.higher_is_better),
        )
        for indicator in rows_of(indicators)
    ]
    title = (
        "Các chỉ số của Chỉ số Xanh cấp tỉnh (PGI) trong Phụ lục Kế hoạch",
        "The PGI indicators of the plan's appendix (English names are this project's translation)",
    )
    write_table(sheet, title, INDICATOR_COLUMNS, rows, labels)


def _write_matrix(
    sheet: Worksheet,
    tidy: TidyAppendix,
    bodies: pd.DataFrame,
    roles: pd.DataFrame,
    task_sheets: dict[str, str],
    labels: PageLabels,
    plan: Plan,
) -> None:
    write_title(
        sheet,
        "Ma trận phân công: cơ quan chủ trì và cơ quan phối hợp của từng chỉ số",
        f"Assignment matrix: lead and coordinating agencies of each indicator (Plan {plan.number})",
    )
    ordered = _in_matrix_order(bodies)
    header_row = _write_legend(sheet, TITLE_ROWS + 1)
    write_header(sheet, header_row, MATRIX_COLUMNS)
    _write_agency_headers(sheet, header_row, ordered)
    first_row = _write_task_links(sheet, header_row + 1, ordered, task_sheets)
    row = first_row
    for sub_index in rows_of(reference.sub_indices()):
        row = _write_sub_index_row(sheet, row, sub_index, len(MATRIX_COLUMNS) + len(ordered))
        for indicator in rows_of(tidy.indicators[tidy.indicators.sub_index == sub_index.sub_index]):
            _write_matrix_row(
                sheet, row, indicator, roles.loc[indicator.indicator_id, ordered.agency_id]
            )
            row += 1
    _write_matrix_totals(sheet, row, ordered)
    sheet.freeze_panes = sheet.cell(first_row, len(MATRIX_COLUMNS) + 1)
    prepare_for_print(sheet, header_row, title_columns="A:B", labels=labels)


def _write_legend(sheet: Worksheet, row: int) -> int:
    """Say what the colours mean and how to reach a body's own list; return the next row."""
    styles = cell_styles()
    meanings = {
        LEAD: "cơ quan chủ trì thực hiện (lead agency)",
        COORDINATOR: "cơ quan phối hợp thực hiện (coordinating agency)",
        BOTH: "Kế hoạch ghi cơ quan ở cả cột chủ trì và cột phối hợp; tính ở cả hai dòng tổng"
        " (the plan lists the body as lead and as coordinator; counted in both totals)",
    }
    for offset, (role, meaning) in enumerate(meanings.items()):
        key = put(sheet, row + offset, 1, ROLE_LABELS[role][0])
        key.fill, key.alignment, key.border = _role_fills()[role], styles.centre_wrap, styles.border
        put(sheet, row + offset, 2, meaning).alignment = styles.middle  # runs on to the right
    hint = "Mỗi cơ quan được nêu tên có một trang tính riêng: bấm “Nhiệm vụ” dưới tên cơ quan"
    english = "each named body has its own sheet: click “Nhiệm vụ” under its name"
    put(sheet, row + len(meanings), 2, f"{hint} ({english})").font = styles.note
    return row + len(meanings) + 1


def _write_agency_headers(sheet: Worksheet, row: int, bodies: pd.DataFrame) -> None:
    """The bodies' short names, standing on end, each wrapped to lines of the same length."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    styles = cell_styles()
    headers = [
        "\n".join(
            [
                *textwrap.wrap(body.short_vi, AGENCY_HEADER_LINE),
                *textwrap.wrap(f"({body.short_en})", AGENCY_HEADER_LINE),
            ]
        )
        for body in rows_of(bodies)
    ]
    for column, header in enumerate(headers, start=len(MATRIX_COLUMNS) + 1):
        cell = put(sheet, row, column, header)
        cell.font = font(bold=True, size=AGENCY_HEADER_SIZE)
        cell.fill, cell.border = styles.header_fill, styles.border
        cell.alignment = Alignment(
            text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom"
        )
        sheet.column_dimensions[get_column_letter(column)].width = AGENCY_COLUMN_WIDTH
    longest = max(len(line) for header in headers for line in header.split("\n"))
    sheet.row_dimensions[row].height = longest * POINTS_PER_HEADER_CHARACTER + 2 * ROW_PADDING


def _write_task_links(
    sheet: Worksheet, row: int, bodies: pd.DataFrame, task_sheets: dict[str, str]
) -> int:
    """Under each named body's name, a link to its own sheet; return the next row.

    The links have a row of their own because LibreOffice does not wrap a cell holding a link,
    and the names in the header need wrapping.
    """
    styles = cell_styles()
    put(sheet, row, 2, "Danh sách nhiệm vụ (task list) →").alignment = styles.right
    for column, agency_id in enumerate(bodies.agency_id, start=len(MATRIX_COLUMNS) + 1):
        if agency_id in task_sheets:
            cell = put(sheet, row, column, "Nhiệm vụ")
            _link(cell, task_sheets[agency_id])
            cell.alignment = styles.centre
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


def _write_matrix_row(sheet: Worksheet, row: int, indicator, cells: pd.Series) -> None:
    """One indicator: its id and name, then each body's cell of `responsibility.role_matrix`."""
    styles = cell_styles()
    for column, value in enumerate([indicator.indicator_id, indicator.name_vi], start=1):
        cell = put(sheet, row, column, value)
        cell.alignment, cell.border = styles.wrap_middle, styles.border
    for column, role in enumerate(cells, start=len(MATRIX_COLUMNS) + 1):
        cell = put(sheet, row, column, None if role == NONE else ROLE_LABELS[role][0])
        cell.alignment, cell.border = styles.centre_wrap, styles.border
        if role != NONE:
            cell.fill = _role_fills()[role]


def _write_matrix_totals(sheet: Worksheet, row: int, bodies: pd.DataFrame) -> None:
    """Each body's indicators led and coordinated (`responsibility.lead_load`), under the matrix.

    A body named in both columns of an indicator counts in both, as `lead_load` counts it.
    """
    styles = cell_styles()
    for offset, count in enumerate(["led", "coordinated"]):
        label = COLUMN_LABELS[count]
        put(sheet, row + offset, 2, f"{label.vi} ({label.en.lower()})").font = styles.bold
        for column, value in enumerate(bodies[count], start=len(MATRIX_COLUMNS) + 1):
            cell = put(sheet, row + offset, column, excel_value(value))
            cell.alignment, cell.border, cell.font = styles.centre, styles.border, styles.bold


# --- every body, and each named body's tasks --------------------------------------------------


def _write_bodies(
    sheet: Worksheet, bodies: pd.DataFrame, task_sheets: dict[str, str], labels: PageLabels
) -> None:
    """Every body with a role and its counts; a named body's name opens its task list."""
    rows = [
        (
            body.short_vi,
            body.name_vi,
            _vi(KIND_LABELS, body.kind),
            body.led,
            body.sole_lead,
            body.lead_credit,
            body.coordinated,
            body.involved,
        )
        for body in rows_of(bodies)
    ]
    title = (
        "Các cơ quan, chủ thể có vai trò trong Kế hoạch: số chỉ số chủ trì và phối hợp "
        "(bấm vào tên để mở trang nhiệm vụ)",
        "Every body with a role in the plan: indicators led and coordinated (click a name to "
        "open its task list; unnamed collectives have none)",
    )
    write_table(sheet, title, BODY_COLUMNS, rows, labels)
    for row, body in enumerate(rows_of(bodies), start=TITLE_ROWS + 2):
        if body.agency_id in task_sheets:
            _link(sheet.cell(row, 1), task_sheets[body.agency_id])
        for column, number_format in BODY_NUMBER_FORMATS.items():
            sheet.cell(row, column).number_format = number_format


def _count(number: int, vi: str, en: str) -> tuple[str, str]:
    """ "3 chỉ số", "3 indicators" / "1 indicator"."""
    return f"{number} {vi}", f"{number} {en}{'s' if number != 1 else ''}"


def _task_title(body) -> tuple[str, str]:
    """What a body does, counted as `responsibility.lead_load` counts it."""
    both = body.led + body.coordinated - body.involved
    parts_vi, parts_en = [], []
    if body.led:
        vi, en = _count(body.led, "chỉ số", "indicator")
        parts_vi.append(f"chủ trì {vi}")
        parts_en.append(f"leads {en}")
    if body.coordinated:
        vi, en = _count(body.coordinated, "chỉ số", "indicator")
        parts_vi.append(f"phối hợp {vi}")
        parts_en.append(f"coordinates {en}")
    if both:
        vi, en = _count(both, "chỉ số", "indicator")
        parts_vi.append(f"trong đó {vi} {ROLE_LABELS[BOTH][0].lower()}")
        parts_en.append(f"{en} as both")
    return f"{body.name_vi}: {', '.join(parts_vi)}", f"{body.name_en}: {', '.join(parts_en)}"


class _Appendix(NamedTuple):
    """The appendix looked up by key, once for every body's task list."""

    indicators: dict[str, tuple]  # indicator rows by indicator_id
    names: dict[str, str]  # Vietnamese names by agency_id
    on_indicator: dict[str, list[tuple]]  # assignment rows by indicator_id, in the plan's order

    @classmethod
    def of(cls, tidy: TidyAppendix) -> _Appendix:
        on_indicator: dict[str, list[tuple]] = {}
        for assignment in rows_of(tidy.assignments):
            on_indicator.setdefault(assignment.indicator_id, []).append(assignment)
        return cls(
            {indicator.indicator_id: indicator for indicator in rows_of(tidy.indicators)},
            dict(zip(tidy.agencies.agency_id, tidy.agencies.name_vi, strict=True)),
            on_indicator,
        )


def _write_task_list(
    sheet: Worksheet, appendix: _Appendix, body, cells: pd.Series, labels: PageLabels
) -> None:
    """A body's tasks: the indicators it leads, then those it only coordinates, with the others
    named on each (`cells`: its column of `responsibility.role_matrix`)."""
    tasks = _task_rows(appendix, body.agency_id, cells)
    write_table(sheet, _task_title(body), TASK_COLUMNS, [row for _, row in tasks], labels)
    for row, (role, _) in enumerate(tasks, start=TITLE_ROWS + 2):
        sheet.cell(row, ROLE_COLUMN).fill = _role_fills()[role]


def _task_rows(appendix: _Appendix, agency_id: str, cells: pd.Series) -> list[tuple[str, tuple]]:
    """The body's role cell and one row per indicator it takes part in: leads (and leads that
    also coordinate) first, then coordinations, each in indicator order.

    On each: its own scope and task, the other leads (with their scope), the other coordinators.
    A body named as co-lead and also as coordinator is listed once, as co-lead.
    """
    taking_part = cells[cells != NONE]
    leading = taking_part.map(lambda cell: LEAD not in CELL_ROLES[cell])  # False sorts first
    rows = []
    for indicator_id in leading.sort_values(kind="stable").index:
        on_indicator = appendix.on_indicator[indicator_id]
        others = [row for row in on_indicator if row.agency_id != agency_id]
        leads = [row for row in others if row.role == LEAD]
        co_leads = {row.agency_id for row in leads}
        coordinators = [
            row for row in others if row.role == COORDINATOR and row.agency_id not in co_leads
        ]
        indicator, role = appendix.indicators[indicator_id], taking_part[indicator_id]
        row = (
            indicator_id,
            indicator.name_vi,
            indicator.unit,
            ROLE_LABELS[role][0],
            _own_part([row for row in on_indicator if row.agency_id == agency_id]),
            _actor_list(leads, appendix.names),
            _actor_list(coordinators, appendix.names),
        )
        rows.append((role, row))
    return rows


def _detail(assignment) -> str:
    return "; ".join(part for part in (assignment.scope, assignment.task) if filled(part))


def _own_part(own: list[tuple]) -> str:
    """The scope and task the plan gives a body on one indicator; by role where it has both."""
    details = {row.role: _detail(row) for row in own if _detail(row)}
    if len(own) > 1 and details:
        return "\n".join(f"{ROLE_LABELS[role][0]}: {detail}" for role, detail in details.items())
    return "".join(details.values())


def _actor_list(assignments: list[tuple], names: dict[str, str]) -> str:
    """One body a line, as the plan lists them, with its scope or task in parentheses."""
    lines = []
    for assignment in assignments:
        detail, name = _detail(assignment), names[assignment.agency_id]
        lines.append(f"{name} ({detail})" if detail else name)
    return "\n".join(lines)


# --- the scores and the inputs ----------------------------------------------------------------


def _scores_in_order(scores: pd.DataFrame) -> pd.DataFrame:
    """By year, provinces in Vietnamese alphabetical order of that year's names (the national
    mean last), measures in their order."""
    provinces = reference.provinces()
    place = {}
    for year, part in scores.groupby("year"):
        ids = set(part["province_id"]) - {NATIONAL_MEAN_ID}
        ordered = [*provinces.in_order(ids, year), NATIONAL_MEAN_ID]
        place |= {(year, province_id): number for number, province_id in enumerate(ordered)}
    keys = pd.DataFrame(
        {
            "year": scores["year"],
            "province": [
                place[key] for key in zip(scores["year"], scores["province_id"], strict=True)
            ],
            "measure": scores["measure"].map(MEASURES.index),
        }
    )
    return scores.loc[keys.sort_values(list(keys.columns), kind="stable").index]


def _measure_name(measure: str) -> str:
    """ "CSTP 1 · Giảm thiểu ô nhiễm môi trường và thiên tai (Pollution & disasters)"."""
    vietnamese, english = (measure_label(measure, lang, short=lang == "en") for lang in LANGUAGES)
    code = vietnamese.partition(" · ")[0]
    return f"{vietnamese} ({english.removeprefix(f'{code} · ')})"


def _write_scores(sheet: Worksheet, scores: pd.DataFrame, labels: PageLabels) -> None:
    ordered = _scores_in_order(scores)
    measure_names = {measure: _measure_name(measure) for measure in MEASURES}
    rows = [
        (
            row.year,
            row.province,
            measure_names[row.measure],
            UNKNOWN[0] if pd.isna(row.value) else row.value,
            _vi(YES_NO, row.derived),
            row.source_url,
            row.note,
        )
        for row in rows_of(ordered)
    ]
    title = (
        f"Điểm PGI đã công bố, kèm nguồn (“{UNKNOWN[0]}”: chưa biết, không phải 0)",
        f"Published PGI scores with their sources (“{UNKNOWN[0]}”: not published, never zero)",
    )
    write_table(sheet, title, SCORE_COLUMNS, rows, labels, empty="Chưa có điểm PGI (no scores)")
    for row, measure in enumerate(ordered["measure"], start=TITLE_ROWS + 2):
        sheet.cell(row, VALUE_COLUMN).number_format = (
            COUNT_FORMAT if measure == "rank" else SCORE_FORMAT
        )


def _write_sources(
    sheet: Worksheet, provenance: Iterable[ProvenanceRow], labels: PageLabels
) -> None:
    title = (
        "Nguồn gốc các dữ liệu đầu vào, kèm mã SHA-256 để kiểm tra",
        "Where every input came from, with its SHA-256 checksum",
    )
    rows: Sequence[tuple] = [
        (row.input, row.description_vi, row.description_en, row.note, row.sha256)
        for row in provenance
    ]
    write_table(sheet, title, SOURCE_COLUMNS, rows, labels)
