"""The officials' workbook and the scores template, read back from the saved files as Excel or
LibreOffice would open them, and printed on A4 as their page set-up says."""

import dataclasses
import hashlib
import time
import zipfile

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

from pgi_analysis import paths, reference, vocabulary
from pgi_analysis import workbook as officials_workbook
from pgi_analysis.provenance import NO_VIETNAMESE, ProvenanceRow, provenance_rows
from pgi_analysis.reference import COLLECTIVE_KINDS
from pgi_analysis.responsibility import lead_load
from pgi_analysis.scores import load_scores
from pgi_analysis.spreadsheet import PageLabels, prepare_for_print, put
from pgi_analysis.template import write_template
from pgi_analysis.workbook import (
    BODIES_SHEET,
    INDICATORS_SHEET,
    MATRIX_SHEET,
    NOTES_SHEET,
    SCORES_SHEET,
    SOURCES_SHEET,
    write_workbook,
)

NNMT_SHEET = "Sở NN&MT"
COMMUNES_SHEET = "UBND cấp xã"
MEDIA_SHEET = "Báo và PT-TH Lạng Sơn"
# Every named body with a role, by its short name, in Vietnamese alphabetical order (Đ after D,
# "Báo" before "BCH": letters first, then case).
TASK_SHEETS = [
    "Báo và PT-TH Lạng Sơn",
    "BCH Quân sự tỉnh",
    "BQL KKT cửa khẩu",
    "Cấp thoát nước Lạng Sơn",
    "Công an tỉnh",
    "Đài KTTV tỉnh",
    "Điện lực Lạng Sơn",
    "Hiệp hội DN tỉnh",
    "Sở CT",
    "Sở NN&MT",
    "Sở TC",
    "Sở VHTTDL",
    "Sở XD",
    "Thanh tra tỉnh",
    "TT Xúc tiến ĐT-TM-DL",
    "UBND cấp xã",
    "VNPT Lạng Sơn",
]
# Read off data/raw/lang-son-kh18-2026-appendix.txt: every row whose "CƠ QUAN CHỦ TRÌ THỰC HIỆN"
# names Sở Nông nghiệp và Môi trường, alone or with others (1.05 for rural water only).
NNMT_LEADS = [
    *("1.01", "1.02", "1.03", "1.04", "1.05", "1.07", "1.08", "1.10", "1.13", "1.14"),
    *("2.01", "2.02", "2.03", "2.04", "2.06", "2.08", "2.09", "2.10"),
    *("3.08", "4.03", "4.04"),
]
FORBIDDEN_IN_SHEET_NAMES = set("[]:*?/\\")
LEADS_ROW = "Số chỉ số chủ trì (indicators led)"
COORDINATED_ROW = "Số chỉ số phối hợp (indicators coordinated)"
LEAD, COORDINATOR, BOTH = "Chủ trì", "Phối hợp", "Vừa chủ trì vừa phối hợp"
# Read off the appendix: the indicators where one agency stands in both the lead and the
# coordinating column.
BOTH_ROLES = {
    ("1.03", "ubnd-cap-xa"),
    ("2.01", "ubnd-cap-xa"),
    ("2.02", "ubnd-cap-xa"),
    ("1.07", "so-nong-nghiep-moi-truong"),
    ("1.08", "so-nong-nghiep-moi-truong"),
    ("1.14", "so-nong-nghiep-moi-truong"),
}
HEADER_ROW = 3  # below the two title rows
FIRST_ROW = HEADER_ROW + 1
PLAN = reference.analysed_plan()
# Words an official would not write (see vocabulary.GLOSSARY).


# Provinces in an order that ASCII would keep, and a note that reads as a formula.
ORDER_TEST_PROVINCES = [
    *("ho-chi-minh", "national-mean", "hung-yen", "dien-bien", "an-giang", "hai-phong", "da-nang"),
]
FORMULA_LIKE = {"=1+1", "- phạm vi", "+84", "-1", "=A1", "=mô tả", "- first line"}


def _scores() -> pd.DataFrame:
    """A small scores table in the form of `pgi_analysis.scores.load_scores()`: Lạng Sơn's
    figures of two years, and totals of provinces whose order ASCII would get wrong."""
    provinces = reference.provinces()
    lang_son = {
        "year": [2024, 2024, 2023],
        "province_id": ["lang-son"] * 3,
        "province": ["Lạng Sơn"] * 3,
        "measure": ["sub_index_1", "total", "rank"],
        "value": [4.95, 22.63, float("nan")],
        "derived": [False, True, False],
        "source_url": ["https://pcivietnam.vn/en/pgi/pci-subindices-of-63-provincescities"] * 3,
        "note": ["+84", "-1", "=A1"],
    }
    others = {
        "year": 2024,
        "province_id": ORDER_TEST_PROVINCES,
        "province": [provinces.name(province_id, 2024) for province_id in ORDER_TEST_PROVINCES],
        "measure": "total",
        "value": 20.0,
        "derived": False,
        "source_url": "https://example.org",
        "note": "",
    }
    return pd.concat([pd.DataFrame(lang_son), pd.DataFrame(others)], ignore_index=True)


def _save_and_open(path, tidy, scores, provenance) -> openpyxl.Workbook:
    return openpyxl.load_workbook(write_workbook(path, tidy, scores, provenance))


def _table(sheet) -> list[tuple]:
    """The rows under a table's header, as values."""
    return list(sheet.iter_rows(min_row=FIRST_ROW, values_only=True))


@pytest.fixture(scope="module")
def workbook_file(tidy, committed_pgi, tmp_path_factory):
    """The workbook of the plan's appendix and the committed PGI figures."""
    path = tmp_path_factory.mktemp("workbook") / "pgi_phan_cong_2026.xlsx"
    return write_workbook(path, tidy, load_scores(committed_pgi), provenance_rows())


@pytest.fixture(scope="module")
def workbook(workbook_file):
    return openpyxl.load_workbook(workbook_file)


@pytest.fixture(scope="module")
def edge_workbook(tidy, tmp_path_factory):
    """A workbook of awkward input: short names no sheet may bear, text that reads as a
    formula, hand-made scores."""
    agencies = tidy.agencies.copy()
    awkward = "Sở [Tài chính]/Kế hoạch: tên rất dài vượt quá giới hạn"
    agencies.loc[agencies.agency_id.isin(["so-tai-chinh", "so-cong-thuong"]), "short_vi"] = awkward
    indicators = tidy.indicators.copy()
    indicators.loc[indicators.indicator_id == "1.01", "name_vi"] = "=1+1"
    assignments = tidy.assignments.copy()
    assignments.loc[assignments.indicator_id == "1.05", "scope"] = "- phạm vi"
    changed = dataclasses.replace(
        tidy, agencies=agencies, indicators=indicators, assignments=assignments
    )
    provenance = [
        ProvenanceRow("data/x.csv", "=mô tả", "- first line", "data/PROVENANCE.md", "0" * 64)
    ]
    path = tmp_path_factory.mktemp("edge") / "edge.xlsx"
    return _save_and_open(path, changed, _scores(), provenance)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "pgi_2025.xlsx"
    write_template(2025, path)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def expected_roles() -> dict[str, dict[str, str]]:
    """Each body's role on each indicator, from the hand-checked tests/expected_roles.csv."""
    table = pd.read_csv(paths.ROOT / "tests" / "expected_roles.csv", dtype=str).fillna("")
    roles: dict[str, dict[str, str]] = {}
    for row in table.itertuples(index=False):
        for agency in row.leads.split():
            roles.setdefault(agency, {})[row.indicator_id] = LEAD
        for agency in row.coordinators.split():
            held = roles.setdefault(agency, {}).get(row.indicator_id)
            roles[agency][row.indicator_id] = BOTH if held == LEAD else COORDINATOR
    return roles


def _matrix_columns(sheet, agencies: pd.DataFrame) -> dict[int, str]:
    """The matrix's agency columns: agency_id by column number, read off the header."""
    by_header = {
        f"{agency.short_vi} ({agency.short_en})": agency.agency_id
        for agency in agencies.itertuples(index=False)
    }
    header = next(row for row in sheet.iter_rows() if row[0].value == "Mã chỉ số\n(Indicator)")
    labels = {cell.column: str(cell.value).replace("\n", " ") for cell in header}
    return {column: by_header[label] for column, label in labels.items() if label in by_header}


def _matrix_cell(sheet, agencies: pd.DataFrame, indicator_id: str, agency_id: str):
    columns = {agency: column for column, agency in _matrix_columns(sheet, agencies).items()}
    row = next(row[0].row for row in sheet.iter_rows() if row[0].value == indicator_id)
    return sheet.cell(row, columns[agency_id])


def _matrix_totals(sheet, agencies: pd.DataFrame, label: str) -> dict[str, object]:
    """One totals row of the matrix, by agency_id."""
    row = next(row for row in sheet.iter_rows() if row[1].value == label)
    columns = _matrix_columns(sheet, agencies)
    return {columns[cell.column]: cell.value for cell in row if cell.column in columns}


def _short_names(tidy) -> dict[str, str]:
    return tidy.agencies.set_index("short_vi").agency_id.to_dict()


# --- the sheets -------------------------------------------------------------------------------


def test_a_sheet_for_every_named_body_in_vietnamese_alphabetical_order(workbook):
    assert workbook.sheetnames == [
        *(NOTES_SHEET, INDICATORS_SHEET, MATRIX_SHEET, BODIES_SHEET),
        *TASK_SHEETS,
        *(SCORES_SHEET, SOURCES_SHEET),
    ]


def test_every_named_body_with_a_role_has_a_sheet_and_no_collective_has_one(tidy):
    kinds = tidy.agencies.set_index("agency_id").kind
    with_role = set(tidy.assignments.agency_id)
    named = {agency for agency in with_role if kinds[agency] not in COLLECTIVE_KINDS}
    assert set(_short_names(tidy)[name] for name in TASK_SHEETS) == named


def test_sheet_names_are_valid_and_unique_even_from_awkward_short_names(edge_workbook):
    names = edge_workbook.sheetnames
    assert all(len(name) <= 31 and not FORBIDDEN_IN_SHEET_NAMES & set(name) for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    assert len(names) == 6 + len(TASK_SHEETS)


# --- the matrix -------------------------------------------------------------------------------


def test_matrix_marks_leads_and_coordinators(workbook, tidy):
    matrix = workbook[MATRIX_SHEET]
    assert _matrix_cell(matrix, tidy.agencies, "1.05", "so-xay-dung").value == LEAD
    assert _matrix_cell(matrix, tidy.agencies, "1.05", "cap-thoat-nuoc").value == COORDINATOR
    assert _matrix_cell(matrix, tidy.agencies, "1.05", "thanh-tra-tinh").value is None
    lead, coordinator = (
        _matrix_cell(matrix, tidy.agencies, "1.05", agency).fill.fgColor.rgb
        for agency in ("so-xay-dung", "cap-thoat-nuoc")
    )
    assert lead != coordinator


def test_matrix_shows_exactly_the_cells_where_the_plan_names_an_agency_in_both_roles(
    workbook, tidy
):
    matrix = workbook[MATRIX_SHEET]
    columns = _matrix_columns(matrix, tidy.agencies)
    both = {
        (matrix.cell(cell.row, 1).value, columns[cell.column])
        for row in matrix.iter_rows()
        for cell in row
        if cell.value == BOTH and cell.column in columns
    }
    assert both == BOTH_ROLES
    fills = {
        _matrix_cell(matrix, tidy.agencies, indicator, agency).fill.fgColor.rgb
        for indicator, agency in [
            ("1.07", "so-nong-nghiep-moi-truong"),  # both
            ("1.05", "so-xay-dung"),  # lead
            ("1.05", "cap-thoat-nuoc"),  # coordinator
        ]
    }
    assert len(fills) == 3


def test_matrix_legend_explains_every_cell_in_its_colour(workbook, tidy):
    matrix = workbook[MATRIX_SHEET]
    legend = {row[0].value: row[0].fill.fgColor.rgb for row in matrix.iter_rows(max_row=8)}
    for label, agency in [
        (LEAD, "so-xay-dung"),
        (COORDINATOR, "cap-thoat-nuoc"),
        (BOTH, "so-nong-nghiep-moi-truong"),
    ]:
        indicator = "1.07" if label == BOTH else "1.05"
        cell = _matrix_cell(matrix, tidy.agencies, indicator, agency)
        assert cell.value == label
        assert legend[label] == cell.fill.fgColor.rgb


def test_matrix_totals_agree_with_lead_load(workbook, tidy):
    matrix = workbook[MATRIX_SHEET]
    led = _matrix_totals(matrix, tidy.agencies, LEADS_ROW)
    coordinated = _matrix_totals(matrix, tidy.agencies, COORDINATED_ROW)
    load = lead_load(tidy.assignments).set_index("agency_id")
    assert led == load.led.to_dict()
    assert coordinated == load.coordinated.to_dict()
    assert (led["so-nong-nghiep-moi-truong"], coordinated["so-nong-nghiep-moi-truong"]) == (21, 21)
    assert (led["ubnd-cap-xa"], coordinated["ubnd-cap-xa"]) == (9, 36)


def test_matrix_puts_collectives_after_named_agencies(workbook, tidy):
    matrix = workbook[MATRIX_SHEET]
    kinds = tidy.agencies.set_index("agency_id").kind
    columns = {
        agency_id: _matrix_cell(matrix, tidy.agencies, "1.01", agency_id).column
        for agency_id in tidy.assignments.agency_id.unique()
    }
    collective = {agency_id: kinds[agency_id] in COLLECTIVE_KINDS for agency_id in columns}
    assert "doanh-nghiep" in [agency_id for agency_id, is_one in collective.items() if is_one]
    last_named = max(column for agency_id, column in columns.items() if not collective[agency_id])
    assert last_named < min(
        column for agency_id, column in columns.items() if collective[agency_id]
    )


def test_matrix_orders_named_agencies_by_number_of_leads(workbook, tidy):
    matrix = workbook[MATRIX_SHEET]
    totals = next(row for row in matrix.iter_rows(values_only=True) if row[1] == LEADS_ROW)
    counts = [count for count in totals[2 : 2 + len(TASK_SHEETS)]]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == len(NNMT_LEADS)


def test_matrix_links_every_named_body_to_its_sheet(workbook, tidy):
    matrix = workbook[MATRIX_SHEET]
    links = {
        cell.hyperlink.location for row in matrix.iter_rows() for cell in row if cell.hyperlink
    }
    assert links == {f"'{name}'!A1" for name in TASK_SHEETS}


# --- every body, and each body's task list ----------------------------------------------------


def test_bodies_sheet_counts_every_body_as_lead_load_does(workbook, tidy):
    load = lead_load(tidy.assignments).set_index("agency_id")
    short_names = _short_names(tidy)
    rows = _table(workbook[BODIES_SHEET])
    named, collectives = rows[: len(TASK_SHEETS)], rows[len(TASK_SHEETS) :]
    assert [row[0] for row in named] == TASK_SHEETS
    assert [row[0] for row in collectives] == [
        "Cá nhân",
        "Doanh nghiệp",
        "Sở, ban, ngành liên quan",
        "Sở, ban, ngành, đoàn thể",
    ]
    for short_name, _, _, led, sole, credit, coordinated, involved in rows:
        expected = load.loc[short_names[short_name]]
        assert (led, sole, coordinated, involved) == (
            expected.led,
            expected.sole_lead,
            expected.coordinated,
            expected.involved,
        )
        assert credit == pytest.approx(expected.lead_credit)


def test_bodies_sheet_links_each_named_body_to_its_task_list(workbook):
    sheet = workbook[BODIES_SHEET]
    links = {row[0].value: row[0].hyperlink for row in sheet.iter_rows(min_row=FIRST_ROW)}
    assert {name: link.location for name, link in links.items() if link} == {
        name: f"'{name}'!A1" for name in TASK_SHEETS
    }


def test_each_body_s_sheet_lists_every_indicator_it_leads_or_coordinates(
    workbook, tidy, expected_roles
):
    short_names = _short_names(tidy)
    for name in TASK_SHEETS:
        rows = _table(workbook[name])
        assert {row[0]: row[3] for row in rows} == expected_roles[short_names[name]], name
        leading = [row[3] != COORDINATOR for row in rows]
        assert leading == sorted(leading, reverse=True), f"{name}: leads first"


def test_media_sheet_lists_its_twenty_coordinations_with_the_lead_to_report_to(workbook):
    rows = _table(workbook[MEDIA_SHEET])
    assert len(rows) == 20 and {row[3] for row in rows} == {COORDINATOR}
    assert workbook[MEDIA_SHEET]["A1"].value == (
        "Báo và Phát thanh, Truyền hình Lạng Sơn: phối hợp 20 chỉ số"
    )
    by_indicator = {row[0]: row for row in rows}
    assert by_indicator["1.05"][5].split("\n") == [
        "Sở Xây dựng (nước sạch đô thị)",
        "Sở Nông nghiệp và Môi trường (cấp nước sạch nông thôn)",
    ]


def test_communes_sheet_has_its_leads_and_its_36_coordinations(workbook):
    sheet = workbook[COMMUNES_SHEET]
    assert sheet["A1"].value == (
        "UBND các xã, phường: chủ trì 9 chỉ số, phối hợp 36 chỉ số, "
        "trong đó 3 chỉ số vừa chủ trì vừa phối hợp"
    )
    roles = [row[3] for row in _table(sheet)]
    assert (roles.count(LEAD), roles.count(BOTH), roles.count(COORDINATOR)) == (6, 3, 33)


def test_agency_sheet_lists_the_indicators_it_leads_first(workbook):
    sheet = workbook[NNMT_SHEET]
    assert sheet["A1"].value.startswith("Sở Nông nghiệp và Môi trường: chủ trì 21 chỉ số")
    leading = [row[0] for row in _table(sheet) if row[3] in (LEAD, BOTH)]
    assert leading == NNMT_LEADS


def test_agency_sheet_gives_co_leads_with_their_scope_and_the_coordinators(workbook):
    rows = {row[0]: row for row in _table(workbook[NNMT_SHEET])}
    _, _, _, role, own, co_leads, coordinators = rows["1.05"]
    assert (role, own) == (LEAD, "cấp nước sạch nông thôn")
    assert co_leads == "Sở Xây dựng (nước sạch đô thị)"
    assert coordinators.split("\n") == [
        "Báo và Phát thanh, Truyền hình Lạng Sơn",
        "Công ty cổ phần cấp thoát nước Lạng Sơn",
        "UBND các xã, phường",
    ]


def test_a_body_in_both_columns_has_its_task_and_is_not_listed_as_its_own_partner(workbook, tidy):
    rows = {row[0]: row for row in _table(workbook[NNMT_SHEET])}
    _, _, _, role, own, co_leads, coordinators = rows["1.07"]
    assert role == BOTH
    assert own.startswith("Chủ trì: tham mưu cho Ban Chỉ huy")  # its task as lead
    assert co_leads is None
    assert not [line for line in coordinators.split("\n") if line.startswith("Sở Nông nghiệp")]
    both_on_communes = {row[0] for row in _table(workbook[COMMUNES_SHEET]) if row[3] == BOTH}
    assert both_on_communes == {
        indicator for indicator, body in BOTH_ROLES if body == "ubnd-cap-xa"
    }


# --- what every sheet says, and how it prints -------------------------------------------------


def test_every_printed_page_names_the_plan_the_sheet_and_the_page(workbook, template):
    for sheet in workbook.worksheets:
        assert sheet.oddHeader.left.text == "Kế hoạch số 18/KH-UBND ngày 21/01/2026", sheet.title
        assert sheet.oddFooter.center.text == PLAN.title_vi, sheet.title
        assert (sheet.oddHeader.center.text, sheet.oddHeader.right.text) == ("Trang &P/&N", "&A")
    for sheet in template.worksheets:
        assert sheet.oddHeader.left.text.startswith("Mẫu nhập điểm PGI năm 2025")
        assert sheet.oddHeader.right.text == "&A"


def _column_widths(sheet) -> list[float]:
    """Each used column's width as saved: openpyxl reads a run of equal columns as one."""
    widths = [8.43] * sheet.max_column  # Excel's default width
    for dimension in sheet.column_dimensions.values():
        for column in range(dimension.min or 1, (dimension.max or 0) + 1):
            if column <= sheet.max_column and dimension.width:
                widths[column - 1] = dimension.width
    return widths


def printed_scale(sheet) -> float:
    """The share of its size the sheet is printed at on A4, by its page set-up: its scale, or,
    fitted to the page's width, that width over the columns' (7 pixels a unit of width, 3/4 of
    a point a pixel)."""
    setup = sheet.page_setup
    if not sheet.sheet_properties.pageSetUpPr.fitToPage:
        return setup.scale / 100
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title  # only across
    across_mm = 297 if setup.orientation == "landscape" else 210
    margins = sheet.page_margins.left + sheet.page_margins.right
    page = (across_mm / 25.4 - margins) * 72
    return min(1.0, page / (sum(_column_widths(sheet)) * 7 * 0.75))


def printed_sizes(sheet) -> tuple[float, float]:
    """The smallest text on the printed page: in the cells, and in the running header/footer."""
    cells = min(
        (cell.font.sz or 11) for row in sheet.iter_rows() for cell in row if cell.value is not None
    )
    parts = [
        part
        for item in (sheet.oddHeader, sheet.oddFooter)
        for part in (item.left, item.center, item.right)
        if part.text
    ]
    labels = min(part.size or 11 for part in parts)
    label_scale = 1 if sheet.HeaderFooter.scaleWithDoc is False else printed_scale(sheet)
    return cells * printed_scale(sheet), labels * label_scale


def test_no_printed_text_is_smaller_than_8_points(workbook, template):
    for sheet in [*workbook.worksheets, *template.worksheets]:
        cells, labels = printed_sizes(sheet)
        assert cells >= 8 and labels >= 8, (sheet.title, cells, labels)
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4, sheet.title


def test_the_wide_matrix_prints_across_pages_with_its_titles_repeated(workbook):
    matrix = workbook[MATRIX_SHEET]
    assert not matrix.sheet_properties.pageSetUpPr.fitToPage
    assert matrix.page_setup.scale == 80  # its smallest text, the bodies' names, is 10 points
    assert printed_sizes(matrix)[0] == 8
    assert matrix.print_title_cols == "$A:$B"
    assert matrix.print_title_rows == "$7:$7"  # the row of the bodies' names


def test_tables_print_with_their_header_repeated_and_frozen(workbook, template):
    for sheet in [*workbook.worksheets[1:], template.worksheets[0]]:
        assert sheet.print_title_rows, sheet.title
        assert sheet.freeze_panes, sheet.title


def test_a_sheet_too_wide_for_a_page_at_8_points_is_split_not_shrunk():
    book = openpyxl.Workbook()
    narrow, wide, tiny = book.active, book.create_sheet("wide"), book.create_sheet("tiny")
    for sheet, columns in ((narrow, 5), (wide, 30), (tiny, 12)):
        for column in range(1, columns + 1):
            put(sheet, 1, column, "chữ")
            sheet.column_dimensions[get_column_letter(column)].width = 15
        prepare_for_print(sheet, 1, labels=PageLabels("Kế hoạch & phụ lục"))
    put(tiny, 2, 1, "nhỏ").font = openpyxl.styles.Font(size=9)
    prepare_for_print(tiny, 1)
    assert (narrow.page_setup.orientation, printed_scale(narrow)) == ("portrait", 1)
    assert wide.page_setup.orientation == "landscape"
    assert wide.page_setup.scale == 73  # 8 / 11 points, rounded up
    assert printed_scale(tiny) * 9 >= 8 and tiny.page_setup.scale == 89
    assert narrow.oddHeader.left.text == "Kế hoạch && phụ lục"  # a lone & would start a code


# --- the words --------------------------------------------------------------------------------


def _texts(book) -> list[str]:
    return [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]


def test_no_term_an_official_would_not_write(workbook, template):
    text = "\n".join(_texts(workbook) + _texts(template)).casefold()
    assert not [term for term in vocabulary.REJECTED_TERMS if term in text]
    assert "Tổng cộng từ 4 CSTP\n(Summed from the 4 sub-indices)" in _texts(workbook)


def test_notes_explain_every_sheet_in_vietnamese_then_english(workbook):
    notes = [row[0] for row in workbook[NOTES_SHEET].iter_rows(values_only=True)]
    assert notes[0] == "Phân công thực hiện Kế hoạch số 18/KH-UBND ngày 21/01/2026"
    for sheet in (INDICATORS_SHEET, MATRIX_SHEET, BODIES_SHEET, SCORES_SHEET, SOURCES_SHEET):
        vietnamese = next(n for n in notes if n and n.startswith(f"{sheet}: "))
        assert notes[notes.index(vietnamese) + 1].startswith(f"{sheet}: ")
    assert any(n and n.startswith("phần chủ trì (lead share): ") for n in notes)


# --- cells, bytes, scores and sources ---------------------------------------------------------


def test_formula_like_text_stays_text(edge_workbook):
    cells = [
        cell for sheet in edge_workbook.worksheets for row in sheet.iter_rows() for cell in row
    ]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells}
    assert FORMULA_LIKE <= texts


def test_two_writes_are_byte_identical(tidy, committed_pgi, workbook_file, tmp_path, monkeypatch):
    three_days_later = time.time() + 3 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: three_days_later)
    scores, provenance = load_scores(committed_pgi), provenance_rows()
    second = write_workbook(tmp_path / "second.xlsx", tidy, scores, provenance)
    assert workbook_file.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(second) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 1, 21, 0, 0, 0)}
        assert b"2026-01-21T00:00:00Z</dcterms:modified>" in archive.read("docProps/core.xml")


def test_vietnamese_text_round_trips(workbook, tidy):
    indicators = _table(workbook[INDICATORS_SHEET])
    assert [row[3] for row in indicators] == tidy.indicators.name_vi.tolist()
    assert indicators[0][1] == "CSTP 1 · Giảm thiểu ô nhiễm môi trường và thiên tai"
    assert indicators[0][6:] == ("Khảo sát PGI của VCCI", "Có")
    assert "UBND các xã, phường" in _table(workbook[NNMT_SHEET])[0][6]


def test_scores_say_what_was_not_published_and_label_measures(edge_workbook):
    rows = _table(edge_workbook[SCORES_SHEET])
    lang_son = [row[:5] for row in rows if row[1] == "Lạng Sơn"]
    assert lang_son == [
        (2023, "Lạng Sơn", "Xếp hạng (Rank)", "chưa công bố", "Không"),
        (
            2024,
            "Lạng Sơn",
            "CSTP 1 · Giảm thiểu ô nhiễm môi trường và thiên tai (Pollution & disasters)",
            4.95,
            "Không",
        ),
        (2024, "Lạng Sơn", "Tổng điểm PGI (PGI total)", 22.63, "Có"),
    ]


def test_scores_list_provinces_in_vietnamese_order_and_the_national_mean_last(edge_workbook):
    rows = _table(edge_workbook[SCORES_SHEET])
    assert [row[1] for row in rows if row[0] == 2024 and row[2].startswith("Tổng")] == [
        "An Giang",
        "Đà Nẵng",
        "Điện Biên",
        "Hải Phòng",
        "TP. Hồ Chí Minh",
        "Hưng Yên",
        "Lạng Sơn",
        "Trung bình cả nước",
    ]


def test_no_scores_say_so():
    sheet = openpyxl.Workbook().active
    officials_workbook._write_scores(sheet, _scores().iloc[:0], PageLabels())
    assert _table(sheet)[0][0] == "Chưa có điểm PGI (no scores)"


def test_scores_from_the_committed_observations(workbook, committed_pgi):
    scores = load_scores(committed_pgi)
    rows = _table(workbook[SCORES_SHEET])
    assert len(rows) == len(scores)
    published = sorted(value for value in scores.value if not pd.isna(value))
    assert sorted(row[3] for row in rows if row[3] != "chưa công bố") == published


def test_provenance_rows_take_each_file_s_entries_in_its_note(tmp_path):
    raw, other = tmp_path / "raw", tmp_path / "other"
    (raw / "added").mkdir(parents=True), other.mkdir()
    (raw / "PROVENANCE.md").write_text(
        "# Raw inputs\n\n## `table.csv`\n- **What**: the table,\n  wrapped.\n- **Who**: someone\n"
        "\n## Mô tả tiếng Việt\n- `table.csv`: bảng,\n  xuống dòng.\n- `added/`: thêm sau.\n",
        encoding="utf-8",
    )
    files = ("table.csv", "loose.txt", ".table.csv.tmp", "added/0001.csv")
    for path in (*(raw / name for name in files), other / "x.csv"):
        path.write_text("a,b\n", encoding="utf-8")
    digest = hashlib.sha256(b"a,b\n").hexdigest()
    note = "raw/PROVENANCE.md"
    assert provenance_rows([raw, other], root=tmp_path) == [
        ProvenanceRow("raw/added/0001.csv", "thêm sau.", "Raw inputs", note, digest),
        ProvenanceRow("raw/loose.txt", NO_VIETNAMESE, "Raw inputs", note, digest),
        ProvenanceRow(
            "raw/table.csv", "bảng, xuống dòng.", "What: the table, wrapped.", note, digest
        ),
        ProvenanceRow("other/x.csv", NO_VIETNAMESE, "", "", digest),
    ]


def test_every_input_of_the_project_is_described_in_vietnamese(workbook):
    rows = {row[0]: row for row in _table(workbook[SOURCES_SHEET])}
    assert set(rows) >= {
        "data/raw/lang-son-kh18-2026-appendix.txt",
        "data/reference/agencies.csv",
        "data/pgi/pgi_observations.csv",
    }
    assert not [name for name, row in rows.items() if row[1] == NO_VIETNAMESE]
    appendix = rows["data/raw/lang-son-kh18-2026-appendix.txt"]
    assert appendix[1].startswith("Phụ lục của Kế hoạch số 18/KH-UBND ngày 21/01/2026")
    assert appendix[2].startswith("What: the appendix (Phụ lục)")
    assert appendix[4] in (paths.RAW / "PROVENANCE.md").read_text(encoding="utf-8")


# --- the scores template ----------------------------------------------------------------------


def test_template_header_keeps_the_names_read_back_over_its_labels(template):
    header = [cell.value.split("\n") for cell in template["Điểm PGI"][1]]
    assert header[0] == ["province", "Tỉnh, thành phố", "Province"]
    assert all(cell.font.b and cell.border.left.style for cell in template["Điểm PGI"][1])
    assert template["Điểm PGI"].freeze_panes == "B2"
    assert template["Điểm PGI"].print_title_cols == "$A:$A"
