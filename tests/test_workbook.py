"""The officials' workbook, read back from the saved file as Excel or LibreOffice would open it."""

import dataclasses
import hashlib
import time
import zipfile

import openpyxl
import pandas as pd
import pytest

from pgi_analysis import paths
from pgi_analysis.provenance import ProvenanceRow, provenance_rows
from pgi_analysis.reference import COLLECTIVE_KINDS
from pgi_analysis.responsibility import lead_load
from pgi_analysis.workbook import (
    INDICATORS_SHEET,
    MATRIX_SHEET,
    OWN_COORDINATOR_NOTE,
    SCORES_SHEET,
    SOURCES_SHEET,
    write_workbook,
)

NNMT_SHEET = "Sở NN&MT"
COMMUNES_SHEET = "UBND cấp xã"
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
BOTH = "Vừa chủ trì vừa phối hợp"
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


def _scores(**changes) -> pd.DataFrame:
    """A small scores table in the form of `pgi_analysis.scores.load_scores()`."""
    columns = {
        "year": [2024, 2024, 2023],
        "province_id": ["lang-son"] * 3,
        "province": ["Lạng Sơn"] * 3,
        "measure": ["sub_index_1", "total", "rank"],
        "value": [4.95, 22.63, float("nan")],
        "derived": [False, True, False],
        "source_url": ["https://pcivietnam.vn/en/pgi/pci-subindices-of-63-provincescities"] * 3,
        "note": [None, "tổng của bốn chỉ số thành phần", "không được công bố"],
    }
    return pd.DataFrame(columns | changes)


def _save_and_open(path, tidy, scores, provenance) -> openpyxl.Workbook:
    return openpyxl.load_workbook(write_workbook(path, tidy, scores, provenance))


def _table(sheet) -> list[tuple]:
    """The rows under a table's header, as values."""
    return list(sheet.iter_rows(min_row=FIRST_ROW, values_only=True))


@pytest.fixture(scope="module")
def workbook(tidy, tmp_path_factory):
    path = tmp_path_factory.mktemp("workbook") / "pgi_phan_cong_2026.xlsx"
    return _save_and_open(path, tidy, _scores(), provenance_rows())


def _matrix_columns(sheet, agencies: pd.DataFrame) -> dict[int, str]:
    """The matrix's agency columns: agency_id by column number, read off the header."""
    by_header = {
        f"{agency.short_vi} ({agency.short_en})": agency.agency_id
        for agency in agencies.itertuples(index=False)
    }
    header = next(row for row in sheet.iter_rows() if row[0].value == "Mã chỉ số\n(ID)")
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


def test_sheets_are_the_fixed_ones_around_one_per_lead_agency(workbook, tidy):
    names = workbook.sheetnames
    assert names[:2] == [INDICATORS_SHEET, MATRIX_SHEET]
    assert names[-2:] == [SCORES_SHEET, SOURCES_SHEET]
    assert names[2] == NNMT_SHEET  # the agency that leads most indicators comes first
    leads = tidy.assignments[tidy.assignments.role == "lead"].agency_id.nunique()
    assert len(names) == 4 + leads


def test_sheet_names_are_valid_and_unique_even_from_awkward_short_names(tidy, tmp_path):
    awkward = "Sở [Tài chính]/Kế hoạch: tên rất dài vượt quá giới hạn"
    agencies = tidy.agencies.copy()
    agencies.loc[agencies.agency_id.isin(["so-tai-chinh", "so-cong-thuong"]), "short_vi"] = awkward
    renamed = dataclasses.replace(tidy, agencies=agencies)
    names = _save_and_open(tmp_path / "awkward.xlsx", renamed, _scores(), []).sheetnames
    assert all(len(name) <= 31 and not FORBIDDEN_IN_SHEET_NAMES & set(name) for name in names)
    assert len({name.casefold() for name in names}) == len(names)


def test_matrix_marks_leads_and_coordinators(workbook, tidy):
    matrix = workbook[MATRIX_SHEET]
    assert _matrix_cell(matrix, tidy.agencies, "1.05", "so-xay-dung").value == "Chủ trì"
    assert _matrix_cell(matrix, tidy.agencies, "1.05", "cap-thoat-nuoc").value == "Phối hợp"
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
        ("Chủ trì", "so-xay-dung"),
        ("Phối hợp", "cap-thoat-nuoc"),
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
    named = tidy.agencies[~tidy.agencies.kind.isin(COLLECTIVE_KINDS)]
    counts = list(totals[2 : 2 + len(named)])
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == len(NNMT_LEADS)


def test_every_sheet_is_printable_with_a_frozen_header(workbook):
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4, sheet.title
        assert sheet.page_setup.fitToWidth == 1, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.print_title_rows, sheet.title
        assert sheet.freeze_panes, sheet.title


def test_agency_sheet_lists_exactly_the_indicators_it_leads(workbook):
    sheet = workbook[NNMT_SHEET]
    assert sheet["A1"].value.startswith("Sở Nông nghiệp và Môi trường")
    assert [row[0] for row in _table(sheet)] == NNMT_LEADS


def test_agency_sheet_gives_co_leads_with_their_scope_and_the_coordinators(workbook):
    rows = {row[0]: row for row in _table(workbook[NNMT_SHEET])}
    _, _, _, scope, _, co_leads, coordinators = rows["1.05"]
    assert scope == "cấp nước sạch nông thôn"
    assert co_leads == "Sở Xây dựng (nước sạch đô thị)"
    assert coordinators.split("\n") == [
        "Báo và Phát thanh, Truyền hình Lạng Sơn",
        "Công ty cổ phần cấp thoát nước Lạng Sơn",
        "UBND các xã, phường",
    ]


@pytest.mark.parametrize(
    ("sheet_name", "agency_id"),
    [(NNMT_SHEET, "so-nong-nghiep-moi-truong"), (COMMUNES_SHEET, "ubnd-cap-xa")],
)
def test_agency_sheet_notes_where_the_plan_also_makes_it_a_coordinator(
    workbook, tidy, sheet_name, agency_id
):
    name = tidy.agencies.set_index("agency_id").name_vi[agency_id]
    coordinators = {row[0]: (row[6] or "").split("\n") for row in _table(workbook[sheet_name])}
    listed = {
        indicator
        for indicator, lines in coordinators.items()
        if any(line.startswith(name) for line in lines)
    }
    assert listed == {indicator for indicator, agency in BOTH_ROLES if agency == agency_id}
    for indicator in listed:
        assert f"{name} ({OWN_COORDINATOR_NOTE})" in coordinators[indicator]


def test_formula_like_text_stays_text(tidy, tmp_path):
    indicators = tidy.indicators.copy()
    indicators.loc[indicators.indicator_id == "1.01", "name_vi"] = "=1+1"
    assignments = tidy.assignments.copy()
    assignments.loc[assignments.indicator_id == "1.05", "scope"] = "- phạm vi"
    scores = _scores(province=["@Lạng Sơn"] * 3, note=["+84", "-1", "=A1"])
    provenance = [ProvenanceRow("data/x.csv", "- dòng đầu", "data/PROVENANCE.md", "0" * 64)]
    changed = dataclasses.replace(tidy, indicators=indicators, assignments=assignments)
    workbook = _save_and_open(tmp_path / "formulas.xlsx", changed, scores, provenance)
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells}
    assert {"=1+1", "- phạm vi", "@Lạng Sơn", "+84", "-1", "=A1", "- dòng đầu"} <= texts


def test_two_writes_are_byte_identical(tidy, tmp_path, monkeypatch):
    scores, provenance = _scores(), provenance_rows()
    first = write_workbook(tmp_path / "first.xlsx", tidy, scores, provenance)
    three_days_later = time.time() + 3 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: three_days_later)
    second = write_workbook(tmp_path / "second.xlsx", tidy, scores, provenance)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(second) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 1, 21, 0, 0, 0)}
        assert b"2026-01-21T00:00:00Z</dcterms:modified>" in archive.read("docProps/core.xml")


def test_vietnamese_text_round_trips(workbook, tidy):
    indicators = _table(workbook[INDICATORS_SHEET])
    assert [row[3] for row in indicators] == tidy.indicators.name_vi.tolist()
    assert indicators[0][1] == "CSTP 1. Giảm thiểu ô nhiễm môi trường và thiên tai"
    assert "UBND các xã, phường" in _table(workbook[NNMT_SHEET])[0][6]


def test_scores_keep_unknown_values_blank_and_label_measures(workbook):
    rows = _table(workbook[SCORES_SHEET])
    assert [row[:5] for row in rows] == [
        (
            2024,
            "Lạng Sơn",
            "CSTP 1. Giảm thiểu ô nhiễm môi trường và thiên tai (Pollution & disasters)",
            4.95,
            "Không",
        ),
        (2024, "Lạng Sơn", "Điểm PGI tổng (total score)", 22.63, "Có"),
        (2023, "Lạng Sơn", "Xếp hạng (rank)", None, "Không"),
    ]
    assert rows[0][6] is None


def test_no_scores_say_so(tidy, tmp_path):
    workbook = _save_and_open(tmp_path / "empty.xlsx", tidy, _scores().iloc[:0], [])
    assert _table(workbook[SCORES_SHEET])[0][0] == "Chưa có điểm PGI (no PGI scores yet)"


@pytest.mark.skipif(not paths.PGI_OBSERVATIONS.exists(), reason="no PGI observations yet")
def test_scores_from_the_observations_file(tidy, tmp_path):
    observations = pd.read_csv(paths.PGI_OBSERVATIONS)
    scores = observations.assign(province_id="", derived=False)
    workbook = _save_and_open(tmp_path / "observations.xlsx", tidy, scores, [])
    rows = _table(workbook[SCORES_SHEET])
    assert len(rows) == len(scores)
    assert [row[3] for row in rows] == [None if pd.isna(value) else value for value in scores.value]


def test_provenance_rows_take_each_file_s_entry_in_its_note(tmp_path):
    raw, other = tmp_path / "raw", tmp_path / "other"
    raw.mkdir(), other.mkdir()
    (raw / "PROVENANCE.md").write_text(
        "# Raw inputs\n\n## `table.csv`\n- **What**: the table,\n  wrapped.\n- **Who**: someone\n",
        encoding="utf-8",
    )
    for path in (raw / "table.csv", raw / "loose.txt", raw / ".table.csv.tmp", other / "x.csv"):
        path.write_text("a,b\n", encoding="utf-8")
    digest = hashlib.sha256(b"a,b\n").hexdigest()
    assert provenance_rows([raw, other], root=tmp_path) == [
        ProvenanceRow("raw/loose.txt", "Raw inputs", "raw/PROVENANCE.md", digest),
        ProvenanceRow("raw/table.csv", "What: the table, wrapped.", "raw/PROVENANCE.md", digest),
        ProvenanceRow("other/x.csv", "", "", digest),
    ]


def test_provenance_rows_of_the_project_cover_the_appendix(workbook):
    rows = {row[0]: row for row in _table(workbook[SOURCES_SHEET])}
    appendix = rows["data/raw/lang-son-kh18-2026-appendix.txt"]
    assert appendix[1].startswith("What: the appendix (Phụ lục)")
    assert appendix[3] in (paths.RAW / "PROVENANCE.md").read_text(encoding="utf-8")
