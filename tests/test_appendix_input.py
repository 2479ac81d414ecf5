"""Other ways the appendix arrives: re-encoded text, a typed-up spreadsheet, and bad files."""

import unicodedata

import pandas as pd
import pytest

from pgi_analysis import InputError, load_appendix, paths, reference
from pgi_analysis.appendix_rows import Repairs
from pgi_analysis.appendix_text import text_rows
from pgi_analysis.cli import main
from pgi_analysis.reference import gazetteer as load_gazetteer

TEXT = paths.APPENDIX_TEXT.read_text(encoding="utf-8")
INDICATORS = reference.indicators()
HEADINGS = {1: "I CSTP 1. Giảm thiểu", 2: "II CSTP 2. Tuân thủ", 3: "III CSTP 3. Thực hành"}
HEADINGS[4] = "IV CSTP 4. Hỗ trợ"


def _plain_row(indicator_id: str, lead: str = "Sở Xây dựng") -> str:
    """An indicator's row as the PDF text gives it: number, name, unit and lead on one line."""
    indicator = INDICATORS.set_index("indicator_id").loc[indicator_id]
    unit = f" ({indicator.unit})" if indicator.unit else ""
    number = int(indicator_id.split(".")[1])
    return f"{number} {indicator.name_vi}{unit} {lead}\n\n - Công an tỉnh\n\n"


def _plan(first_row: str | None = None, rows: dict[str, str | None] | None = None) -> str:
    """A whole appendix with a plain row for each PGI indicator: `first_row` as 1.01 (from line
    3), `rows` replacing others by id (None leaves a row out)."""
    rows = {**(rows or {}), **({"1.01": first_row} if first_row is not None else {})}
    text = ""
    for sub_index, heading in HEADINGS.items():
        text += f"{heading}\n\n"
        for indicator_id in INDICATORS.query(f"sub_index == {sub_index}")["indicator_id"]:
            row = rows.get(indicator_id, _plain_row(indicator_id))
            text += row or ""
    return text


def _tables_equal(left, right) -> None:
    for name in ("indicators", "agencies", "assignments"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), obj=name)


@pytest.mark.parametrize(
    "recode",
    [
        lambda text: unicodedata.normalize("NFD", text),
        lambda text: text.replace("\n", "\r\n"),
        lambda text: "\ufeff" + text,
        lambda text: text.replace("\n", "  \n"),
        # a page break inside the list of leads of 1.03
        lambda text: text.replace(
            "Sở Nông nghiệp và Môi trường;\nUBND cấp xã",
            "Sở Nông nghiệp và Môi trường;\n\nSTT CHỈ SỐ THÀNH PHẦN CƠ QUAN CHỦ TRÌ\nUBND cấp xã",
        ),
    ],
    ids=["nfd", "crlf", "bom", "trailing-spaces", "page-break"],
)
def test_re_encoded_text_gives_the_same_tables(tmp_path, tidy, recode):
    path = tmp_path / "appendix.txt"
    path.write_bytes(recode(TEXT).encode("utf-8"))
    _tables_equal(load_appendix(path), tidy)


@pytest.mark.parametrize(
    ("printed", "typed"),
    [("“xanh”", '"xanh"'), ("Đồng Đăng - Lạng Sơn", "Đồng Đăng – Lạng Sơn")],
    ids=["straight-quotes", "en-dash"],
)
def test_typographic_variants_resolve_alike(tmp_path, tidy, printed, typed):
    path = tmp_path / "appendix.txt"
    path.write_text(TEXT.replace(printed, typed), encoding="utf-8")
    variant = load_appendix(path)
    roles = ["indicator_id", "agency_id", "role"]
    reference = ["indicator_id", "name_en", "higher_is_better", "kind"]
    pd.testing.assert_frame_equal(variant.assignments[roles], tidy.assignments[roles])
    pd.testing.assert_frame_equal(variant.indicators[reference], tidy.indicators[reference])


def _written(tmp_path, text):
    path = tmp_path / "appendix_source.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _typed_table(tmp_path):
    """The appendix as an official would type it: one row per indicator, heading rows."""
    gazetteer = load_gazetteer()
    records = [["STT", "CHỈ SỐ THÀNH PHẦN", "CƠ QUAN CHỦ TRÌ THỰC HIỆN", "CƠ QUAN PHỐI HỢP"]]
    headings = {1: "I", 2: "II", 3: "III", 4: "IV"}
    for row in text_rows(_written(tmp_path, TEXT), gazetteer, Repairs()):
        if row.number == 1:
            records.append([headings[row.sub_index], f"CSTP {row.sub_index}. ...", "", ""])
        records.append([str(row.number), row.indicator.text, row.lead.text, row.coordinators.text])
    records.insert(5, ["", "", "", ""])  # officials leave blank rows
    return pd.DataFrame(records[1:], columns=records[0])


def test_typed_csv_gives_the_same_tables(tmp_path, tidy):
    path = tmp_path / "appendix.csv"
    _typed_table(tmp_path).to_csv(path, index=False, encoding="utf-8-sig")
    _tables_equal(load_appendix(path), tidy)


def test_typed_xlsx_gives_the_same_tables(tmp_path, tidy):
    path = tmp_path / "appendix.xlsx"
    _typed_table(tmp_path).to_excel(path, index=False)
    _tables_equal(load_appendix(path), tidy)


def test_typed_table_as_officials_save_it(tmp_path, tidy):
    """Semicolons (Excel in a Vietnamese locale), STT stored as 1.0, a footnote under the table."""
    table = _typed_table(tmp_path)
    table["STT"] = [f"{value}.0" if value.isdigit() else value for value in table["STT"]]
    footnote = pd.DataFrame([["Ghi chú: viết tắt CSTP", "", "", ""]], columns=table.columns)
    path = tmp_path / "appendix.csv"
    pd.concat([table, footnote]).to_csv(path, index=False, sep=";")
    _tables_equal(load_appendix(path), tidy)


def _sheet_records(lead: str = "Sở Xây dựng") -> list[list[object]]:
    """Heading and indicator rows of the typed table, each indicator with `lead` and one
    coordinator."""
    records = []
    for sub_index, heading in HEADINGS.items():
        records.append(["", heading, "", ""])
        for row in INDICATORS.query(f"sub_index == {sub_index}").itertuples():
            records.append([row.indicator_id[2:].lstrip("0"), row.name_vi, lead, "Công an tỉnh"])
    return records


def test_merged_lead_cells_count_for_every_row_they_span(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "CHỈ SỐ THÀNH PHẦN", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP"])
    for record in _sheet_records():
        sheet.append(record)
        if record[0] == "2":  # the lead of the first indicator merged over the second's
            sheet.cell(sheet.max_row, 3).value = None
            sheet.merge_cells(
                start_row=sheet.max_row - 1, end_row=sheet.max_row, start_column=3, end_column=3
            )
    path = tmp_path / "appendix.xlsx"
    book.save(path)
    leads = load_appendix(path).assignments.query("role == 'lead'")
    assert leads["agency_id"].tolist() == ["so-xay-dung"] * 42


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda table: table.drop(index=6),
            ", row 8: indicator numbered 6 where 5 was expected in CSTP 1",
        ),
        (
            lambda table: table.replace(
                {"CSTP 2. ...": "CSTP 3. ...", "CSTP 3. ...": "CSTP 2. ..."}
            ),
            ", row 19: CSTP 3 where CSTP 2 was expected",
        ),
        (
            lambda table: table.iloc[:-7],
            ": CSTP 4 is missing: the PGI has four sub-indices",
        ),
    ],
    ids=["stt-skipped", "cstp-swapped", "cstp-missing"],
)
def test_typed_table_sequence_errors(tmp_path, edit, message):
    path = tmp_path / "appendix.csv"
    edit(_typed_table(tmp_path)).to_csv(path, index=False)
    with pytest.raises(InputError) as error:
        load_appendix(path)
    assert str(error.value) == f"{path}{message}"


def test_typed_table_errors_name_row_and_column_in_both_languages(tmp_path):
    table = _typed_table(tmp_path)
    table.iloc[3, 0] = "x"
    path = tmp_path / "appendix.csv"
    table.to_csv(path, index=False)
    with pytest.raises(InputError) as error:
        load_appendix(path)
    assert str(error.value) == (
        f"{path}, row 5, column STT: STT must be an indicator number, a sub-index heading (like "
        "'I | CSTP 1. ...') or empty below an indicator it continues (found 'x')"
    )
    assert error.value.text("vi") == (
        f"{path}, dòng 5, cột STT: STT phải là số thứ tự của một chỉ số, một dòng tiêu đề CSTP "
        "(như 'I | CSTP 1. ...') hoặc để trống ở dòng viết tiếp chỉ số phía trên (ô ghi 'x')"
    )
    table.iloc[3, 0] = "4"  # 1.03 numbered 4
    table.to_csv(path, index=False)
    with pytest.raises(InputError) as error:
        load_appendix(path)
    assert error.value.text("vi") == (
        f"{path}, dòng 5: trong CSTP 1, chỉ số được đánh số 4 trong khi theo thứ tự phải là 3"
    )
    assert str(error.value) == f"{path}, row 5: indicator numbered 4 where 3 was expected in CSTP 1"


ROW = "1 Chất lượng môi trường tốt hoặc rất tốt (%) Sở Xây dựng\n\n - Công an tỉnh\n\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", ": the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            ": this is a binary file, not the appendix as text",
        ),
        (
            "PHU LUC\nThông tin\n".encode("latin-1"),
            ", line 2: not UTF-8 text (byte 0xf4); save the file as UTF-8",
        ),
        (
            "PHỤ LỤC\n" + ROW,
            ": no sub-index headings (like 'I CSTP 1. ...'): is this the appendix of a PGI plan?",
        ),
        (
            _plan(ROW.replace("tỉnh\n", "tỉnh; Sở Ngoại vụ\n")),
            ", line 5: indicator 1.01, CƠ QUAN PHỐI HỢP: unknown actor 'Sở Ngoại vụ' "
            "(closest known: Sở Nội vụ); "
            "add it to a gazetteer CSV with --gazetteer if it is a real body",
        ),
        (
            _plan(ROW + "3 Không ô nhiễm hoặc ít ô nhiễm (%) Sở Xây dựng\n\n - Công an tỉnh\n\n"),
            ", line 7: indicator numbered 3 where 2 was expected in CSTP 1",
        ),
        (
            "I CSTP 1. Giảm thiểu\n\n" + ROW + "III CSTP 3. Thúc đẩy\n\n" + ROW,
            ", line 7: CSTP 3 where CSTP 2 was expected",
        ),
        (
            "I CSTP 1. Giảm thiểu\n\n" + ROW + "II CSTP 2. Tuân thủ\n\n" + ROW,
            ": CSTP 3 is missing: the PGI has four sub-indices",
        ),
        (
            _plan(ROW.split("\n")[0] + "\n\n"),
            ", line 3: indicator 1.01: no coordinating agencies after the lead, so the text "
            "cannot show where CƠ QUAN CHỦ TRÌ ends; check the row, or type it into the "
            "spreadsheet form (CSV or XLSX) if it really has no coordinators",
        ),
    ],
    ids=[
        "empty",
        "binary",
        "not-utf8",
        "no-headings",
        "unknown-actor",
        "row-skipped",
        "cstp-skipped",
        "cstp-missing",
        "no-coordinators",
    ],
)
def test_bad_text_fails_with_one_clear_line(tmp_path, capsys, content, message):
    path = tmp_path / "appendix.txt"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    out = tmp_path / "out"
    assert main(["tidy", "--appendix", str(path), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"pgi-analysis: error: {path}{message}\n"
    assert captured.out == ""
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            _plan(ROW + "3 Không ô nhiễm hoặc ít ô nhiễm (%) Sở Xây dựng\n\n - Công an tỉnh\n\n"),
            ", dòng 7: trong CSTP 1, chỉ số được đánh số 3 trong khi theo thứ tự phải là 2",
        ),
        (
            _plan(ROW.replace("tỉnh\n", "tỉnh; Sở Ngoại vụ\n")),
            ", dòng 5: chỉ số 1.01, cột CƠ QUAN PHỐI HỢP: không nhận ra chủ thể 'Sở Ngoại vụ' "
            "(tên gần nhất trong danh mục: Sở Nội vụ); nếu đây là một cơ quan có thật, hãy thêm "
            "vào một tệp CSV danh mục cơ quan và dùng --gazetteer",
        ),
        (
            "I CSTP 1. Giảm thiểu\n\n" + ROW + "III CSTP 3. Thúc đẩy\n\n" + ROW,
            ", dòng 7: gặp CSTP 3 trong khi theo thứ tự phải là CSTP 2",
        ),
        (
            "I CSTP 1. Giảm thiểu\n\n" + ROW + "II CSTP 2. Tuân thủ\n\n" + ROW,
            ": thiếu CSTP 3: PGI có bốn chỉ số thành phần",
        ),
        ("", ": tệp không có dữ liệu"),
    ],
    ids=["row-skipped", "unknown-actor", "cstp-skipped", "cstp-missing", "empty"],
)
def test_bad_text_fails_with_one_line_in_vietnamese(tmp_path, capsys, content, message):
    path = tmp_path / "appendix.txt"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tidy", "--appendix", str(path), "--out", str(out), "--lang", "vi"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"pgi-analysis: error: {path}{message}\n"
    assert captured.out == ""
    assert not out.exists()


def test_a_user_gazetteer_makes_a_new_actor_known(tmp_path):
    text = _plan(ROW.replace("Công an tỉnh", "Sở Ngoại vụ"))
    path = tmp_path / "appendix.txt"
    path.write_text(text, encoding="utf-8")
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "agency_id,name_vi,short_vi,short_en,name_en,kind,aliases\n"
        "so-ngoai-vu,Sở Ngoại vụ,Sở NgV,Foreign Affairs,Department of Foreign Affairs,"
        "provincial department,\n",
        encoding="utf-8",
    )
    tidy = load_appendix(path, gazetteer=[extra])
    first = tidy.assignments[tidy.assignments["indicator_id"] == "1.01"]
    assert first[["agency_id", "role"]].values.tolist() == [
        ["so-xay-dung", "lead"],
        ["so-ngoai-vu", "coordinator"],
    ]
    assert tidy.agencies.set_index("agency_id").loc["so-ngoai-vu", "name_en"] == (
        "Department of Foreign Affairs"
    )


def test_a_bad_user_gazetteer_names_its_row_and_column_in_vietnamese(tmp_path):
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "agency_id,name_vi,short_vi,short_en,name_en,kind,aliases\n"
        "so-ngoai-vu,Sở Ngoại vụ,Sở NgV,Foreign Affairs,Department of Foreign Affairs,"
        "department,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_appendix(gazetteer=[extra])
    kinds = ", ".join(reference.KINDS)
    assert error.value.text("vi") == (
        f"{extra}, dòng 2, cột kind: loại 'department' không thuộc các loại: {kinds}"
    )
    assert (
        str(error.value) == f"{extra}, row 2, column kind: kind 'department' is not one of: {kinds}"
    )


def test_pre_2025_names_resolve_to_todays_bodies():
    gazetteer = load_gazetteer()
    assert gazetteer.resolve("Sở Tài nguyên và Môi trường") == "so-nong-nghiep-moi-truong"
    assert gazetteer.resolve("Sở Kế hoạch và Đầu tư") == "so-tai-chinh"
    assert gazetteer.resolve("Sở Giao thông vận tải") == "so-xay-dung"
    assert gazetteer.resolve("Báo Lạng Sơn") == "bao-phat-thanh-truyen-hinh"
    assert gazetteer.resolve("Đài PT-TH tỉnh") == "bao-phat-thanh-truyen-hinh"
    assert gazetteer.resolve("UBND các huyện, thành phố") == "ubnd-cap-xa"


def test_tidy_writes_the_committed_tables_and_reports_repairs(tmp_path, capsys):
    assert main(["tidy", "--out", str(tmp_path), "--verbose"]) == 0
    for name in ("indicators", "agencies", "assignments"):
        written = (tmp_path / f"{name}.csv").read_bytes()
        assert written == (paths.PROCESSED / f"{name}.csv").read_bytes()
    out = capsys.readouterr().out
    assert out.startswith("11 repairs:\n  merged columns: ")
    assert "  unit: 'này(%)' -> 'này (%)' [4.05]\n" in out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "appendix.csv",
            "Số TT,Tên chỉ số\n1,Chất lượng\n".encode(),
            ": no header row with the columns STT, CHỈ SỐ THÀNH PHẦN, CƠ QUAN CHỦ TRÌ, "
            "CƠ QUAN PHỐI HỢP",
        ),
        (
            "appendix.xlsx",
            b"not a zip archive",
            ": cannot read the workbook (File is not a zip file); open it in Excel and save it "
            "again as .xlsx",
        ),
        (
            "appendix.csv",
            "STT,CHỈ SỐ THÀNH PHẦN,CƠ QUAN CHỦ TRÌ,CƠ QUAN PHỐI HỢP\n"
            "1,Chất lượng môi trường (%),Sở Xây dựng,\n".encode(),
            ", row 2: an indicator before any sub-index heading (like 'I | CSTP 1. ...')",
        ),
    ],
    ids=["no-header", "broken-xlsx", "no-heading-row"],
)
def test_bad_tables_fail_with_one_clear_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        load_appendix(path)
    assert str(error.value) == f"{path}{message}"


def test_an_unwritable_output_folder_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["tidy", "--out", str(blocker / "out")]) == 1
    assert capsys.readouterr().err == f"pgi-analysis: error: {blocker / 'out'}: Not a directory\n"
