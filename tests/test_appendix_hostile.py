"""The appendix against hostile inputs made here: wrong tables are refused, listing what is wrong;
what clerks type is read; a damaged file is one clear error, never a traceback."""

import csv
import io
import random
import re
import sys

import pandas as pd
import pytest
from openpyxl import Workbook

from pgi_analysis import InputError, load_appendix, paths, reference
from pgi_analysis.appendix_rows import Repairs
from pgi_analysis.appendix_text import text_rows
from pgi_analysis.cli import main

TEXT = paths.APPENDIX_TEXT.read_text(encoding="utf-8")
INDICATORS = reference.indicators().set_index("indicator_id")
HEADER = ["STT", "CHỈ SỐ THÀNH PHẦN", "CƠ QUAN CHỦ TRÌ THỰC HIỆN", "CƠ QUAN PHỐI HỢP THỰC HIỆN"]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _written(tmp_path, text: str, name: str = "appendix.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _tables_equal(left, right) -> None:
    for name in ("indicators", "agencies", "assignments"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), obj=name)


def _error(path, **options) -> InputError:
    with pytest.raises(InputError) as error:
        load_appendix(path, **options)
    return error.value


# The PDF text, cut and shuffled ---------------------------------------------------------------


def _row_lines(text: str) -> dict[str, tuple[int, int]]:
    """indicator_id -> (first line, line after the last) of its row in `text`, 0-based."""
    lines = text.split("\n")
    starts = {}
    sub_index = 0
    for index, line in enumerate(lines):
        heading = re.match(r"^[IV]+ CSTP (\d)\.", line)
        if heading:
            sub_index = int(heading[1])
        row = re.match(r"^ ?(\d{1,2}) \S", line)
        if sub_index and row and line.strip()[len(row[1]) + 1].isupper():
            starts[f"{sub_index}.{int(row[1]):02d}"] = index
    ends = {}
    ordered = sorted(starts.items(), key=lambda item: item[1])
    for (indicator_id, start), (_, following) in zip(ordered, [*ordered[1:], ("", 0)], strict=True):
        end = following or next(i for i, line in enumerate(lines) if line.startswith("Ghi chú"))
        headings = [i for i in range(start, end) if re.match(r"^[IV]+ CSTP", lines[i])]
        ends[indicator_id] = (start, headings[0] if headings else end)
    return ends


def _without_number(line: str) -> str:
    return re.sub(r"^ ?\d{1,2} ", "", line)


def _swapped(text: str, first: str, second: str) -> str:
    """`text` with the contents of two adjacent rows swapped, their printed numbers kept."""
    lines = text.split("\n")
    blocks = _row_lines(text)
    (a, b), (c, d) = blocks[first], blocks[second]
    one, two = lines[a:b], lines[c:d]
    numbered = [f"{int(first[2:])} {_without_number(two[0])}", *two[1:]]
    numbered += [f"{int(second[2:])} {_without_number(one[0])}", *one[1:]]
    return "\n".join(lines[:a] + numbered + lines[d:])


def _removed(text: str, indicator_id: str, renumber: bool) -> str:
    """`text` without one row; with `renumber`, the later rows of its sub-index moved up."""
    lines = text.split("\n")
    blocks = _row_lines(text)
    start, end = blocks[indicator_id]
    if renumber:
        for later, (first, _) in blocks.items():
            if later[0] == indicator_id[0] and later > indicator_id:
                lines[first] = f"{int(later[2:]) - 1} {_without_number(lines[first])}"
    return "\n".join(lines[:start] + lines[end:])


def test_swapped_rows_are_refused_naming_both(tmp_path):
    path = _written(tmp_path, _swapped(TEXT, "1.02", "1.03"))
    rows = _row_lines(path.read_text(encoding="utf-8"))
    first, second = rows["1.02"][0] + 1, rows["1.03"][0] + 1
    assert str(_error(path)) == (
        f"{path}: 2 problems:\n"
        f"  line {first}: indicator 1.02 has the name of PGI indicator 1.03 ('Doanh nghiệp "
        "không bị ảnh hưởng bởi mức độ ô nhiễm'): are rows swapped, or renumbered after one was "
        "removed?\n"
        f"  line {second}: indicator 1.03 has the name of PGI indicator 1.02 ('Không ô nhiễm "
        "hoặc ít ô nhiễm'): are rows swapped, or renumbered after one was removed?"
    )


def test_swapped_rows_are_listed_in_vietnamese(tmp_path):
    path = _written(tmp_path, _swapped(TEXT, "1.02", "1.03"))
    rows = _row_lines(path.read_text(encoding="utf-8"))
    first, second = rows["1.02"][0] + 1, rows["1.03"][0] + 1
    assert _error(path).text("vi") == (
        f"{path}: 2 lỗi:\n"
        f"  dòng {first}: chỉ số 1.02 mang tên của chỉ số 1.03 trong PGI ('Doanh nghiệp không bị "
        "ảnh hưởng bởi mức độ ô nhiễm'): có phải các dòng bị đổi chỗ, hoặc bị đánh số lại sau khi "
        "xóa một dòng?\n"
        f"  dòng {second}: chỉ số 1.03 mang tên của chỉ số 1.02 trong PGI ('Không ô nhiễm hoặc "
        "ít ô nhiễm'): có phải các dòng bị đổi chỗ, hoặc bị đánh số lại sau khi xóa một dòng?"
    )


def test_swapped_rows_in_the_last_sub_index_too(tmp_path):
    error = _error(_written(tmp_path, _swapped(TEXT, "4.02", "4.03")))
    assert [str(problem.message)[:58] for problem in error.problems] == [
        "indicator 4.02 has the name of PGI indicator 4.03 ('Hưởng ",
        "indicator 4.03 has the name of PGI indicator 4.02 ('Không ",
    ]


@pytest.mark.parametrize(
    ("cut_before", "missing"),
    [
        (
            "4.06",
            "1 of the 42 PGI indicators missing: 4.06 'Tỷ lệ doanh nghiệp trong lĩnh vực "
            "ngành về bảo vệ môi trường'",
        ),
        (
            "4.04",
            "3 of the 42 PGI indicators missing: 4.04 'Hưởng lợi từ dịch vụ đào tạo khi đầu "
            "tư xanh'; 4.05 'Không đầu tư xanh vì thiếu nhận thức về lĩnh vực này'; 4.06 'Tỷ lệ "
            "doanh nghiệp trong lĩnh vực ngành về bảo vệ môi trường'",
        ),
    ],
    ids=["41-indicators", "39-indicators"],
)
def test_last_rows_removed_are_refused(tmp_path, cut_before, missing):
    start = _row_lines(TEXT)[cut_before][0]
    path = _written(tmp_path, "\n".join(TEXT.split("\n")[:start]))
    assert str(_error(path)) == (
        f"{path}: {missing}; if the plan leaves them out on purpose, read it as a subset "
        "(tidy --subset)"
    )


def test_a_subset_plan_reports_what_is_absent(tmp_path, tidy, capsys):
    start = _row_lines(TEXT)["4.04"][0]
    path = _written(tmp_path, "\n".join(TEXT.split("\n")[:start]))
    subset = load_appendix(path, subset=True)
    assert (
        subset.indicators["indicator_id"].tolist() == tidy.indicators["indicator_id"][:39].tolist()
    )
    absent = subset.repairs.query("kind == 'absent'")
    assert absent.values.tolist() == [
        ["absent", "", "not in this plan (read as a subset)", "4.04 4.05 4.06"]
    ]
    out = tmp_path / "out"
    assert main(["tidy", "--appendix", str(path), "--out", str(out), "--subset", "--verbose"]) == 0
    printed = capsys.readouterr().out
    assert "  absent: '' -> 'not in this plan (read as a subset)' [4.04 4.05 4.06]\n" in printed
    assert sorted(p.name for p in out.iterdir()) == [
        "agencies.csv",
        "assignments.csv",
        "indicators.csv",
    ]


def test_a_subset_may_skip_numbers_and_sub_indices_but_names_must_match(tmp_path):
    lines = _removed(TEXT, "1.03", renumber=False).split("\n")
    start, end = (
        lines.index(heading)
        for heading in ("II CSTP 2. Đảm bảo tuân thủ", "III CSTP 3. Thúc đẩy thực hành Xanh")
    )
    path = _written(tmp_path, "\n".join(lines[:start] + lines[end:]))  # no CSTP 2 at all
    subset = load_appendix(path, subset=True)
    ids = subset.indicators["indicator_id"].tolist()
    assert "1.03" not in ids and not any(i.startswith("2.") for i in ids) and len(ids) == 30
    renumbered = _written(tmp_path, _removed(TEXT, "1.03", renumber=True), "renumbered.txt")
    assert str(_error(renumbered, subset=True).problems[0].message).startswith(
        "indicator 1.03 has the name of PGI indicator 1.04"
    )


def test_a_row_removed_and_the_rest_renumbered_is_refused(tmp_path):
    path = _written(tmp_path, _removed(TEXT, "1.03", renumber=True))
    error = _error(path)
    assert str(error).split("\n")[0] == f"{path}: 13 problems:"
    assert [str(problem.message)[:50] for problem in error.problems[:2]] == [
        "indicator 1.03 has the name of PGI indicator 1.04 ",
        "indicator 1.04 has the name of PGI indicator 1.05 ",
    ]
    assert str(error.problems[-1].message).startswith("1 of the 42 PGI indicators missing: 1.15 ")


def test_a_name_of_no_indicator_is_refused(tmp_path):
    text = TEXT.replace("Thủ tục hành chính trong lĩnh vực bảo vệ môi trường", "Thủ tục đất đai")
    path = _written(tmp_path, text)
    line = _row_lines(text)["2.05"][0] + 1
    assert str(_error(path)) == (
        f"{path}, line {line}: indicator 2.05 is named 'Thủ tục đất đai còn phiền hà', but PGI "
        "indicator 2.05 is 'Thủ tục hành chính trong lĩnh vực bảo vệ môi trường còn phiền hà'"
    )


def test_spelling_variants_of_a_name_are_still_its_name(tmp_path, tidy):
    text = TEXT.replace("mua hàng hóa", "mua hàng hoá").replace("xanh hóa", "xanh  hoá")
    variant = load_appendix(_written(tmp_path, text))
    pd.testing.assert_frame_equal(variant.assignments, tidy.assignments)
    assert variant.indicators.set_index("indicator_id").at["3.01", "name_vi"] == (
        "Ưu tiên mua hàng hoá, dịch vụ của doanh nghiệp xanh"
    )


def test_an_unknown_lead_after_a_name_without_unit_is_named(tmp_path):
    text = TEXT.replace("2 năm gần nhất Sở Tài chính", "2 năm gần nhất Sở Ngoại vụ")
    path = _written(tmp_path, text)
    line = text.split("\n").index("2 năm gần nhất Sở Ngoại vụ") + 1
    assert str(_error(path)) == (
        f"{path}, line {line}: indicator 3.03, CƠ QUAN CHỦ TRÌ: unknown actor 'Sở Ngoại vụ' "
        "(closest known: Sở Nội vụ); add it to a gazetteer CSV with --gazetteer if it is a real "
        "body"
    )


def test_a_wrapped_name_with_nothing_after_it_is_refused_at_its_row(tmp_path):
    row = "3 Số hoạt động đầu tư xanh doanh nghiệp thực hiện trong\n2 năm gần nhất Sở Tài chính"
    start = TEXT.index(row)
    end = TEXT.index("- Các doanh nghiệp có liên quan.", start) + len(
        "- Các doanh nghiệp có liên quan."
    )
    text = TEXT[:start] + row.replace(" Sở Tài chính", "") + TEXT[end:]
    path = _written(tmp_path, text)
    line = text[:start].count("\n") + 1
    assert str(_error(path)).startswith(
        f"{path}, line {line}: indicator 3.03: no coordinating agencies after the lead"
    )


def test_other_heading_forms_in_the_text(tmp_path, tidy):
    text = TEXT.replace("I CSTP 1. Giảm", "CSTP 1 - Giảm").replace(
        "II CSTP 2. Đảm bảo tuân thủ", "Chỉ số thành phần 2."
    )
    _tables_equal(load_appendix(_written(tmp_path, text)), tidy)


def test_a_very_long_row_is_read_to_a_clear_error(tmp_path):
    """Reading is linear in a row's size (measured by hand: 13 MB in one row, about 10 s);
    here only the outcome."""
    filler = "\n".join(["Công an tỉnh; Sở Xây dựng;"] * 5_000)
    text = TEXT.replace("- Công an tỉnh; Báo và Phát thanh", f"- {filler}\nSở Ngoại vụ; Báo", 1)
    error = _error(_written(tmp_path, text))
    assert "unknown actor 'Sở Ngoại vụ'" in str(error.message)


# The typed table --------------------------------------------------------------------------------


def _typed_records(tmp_path) -> list[list[str]]:
    """The appendix as a clerk types it: heading rows, one row per indicator, `;` lists."""
    records = []
    for row in text_rows(_written(tmp_path, TEXT, "source.txt"), reference.gazetteer(), Repairs()):
        if row.number == 1:
            records.append([ROMAN[row.sub_index], f"CSTP {row.sub_index}. ...", "", ""])
        records.append([str(row.number), row.indicator.text, row.lead.text, row.coordinators.text])
    return records


def _xlsx(tmp_path, records, header=(HEADER,), sheets_before=0, merges=()) -> object:
    book = Workbook()
    for number in range(sheets_before):
        book.active.title = f"Ghi chú {number}"
        book.active.append(["Bảng ở trang sau"])
        book.create_sheet("Phụ lục")
        book.active = book.worksheets[-1]
    sheet = book.active
    for row in [*header, *records]:
        sheet.append(list(row))
    for merge in merges:
        sheet.merge_cells(merge)
    path = tmp_path / "typed.xlsx"
    book.save(path)
    return path


def _actors_per_line(records):
    return [[*row[:2], *(cell.replace("; ", "\n") for cell in row[2:])] for row in records]


def test_one_actor_per_line_in_a_workbook_cell(tmp_path, tidy):
    path = _xlsx(tmp_path, _actors_per_line(_typed_records(tmp_path)))
    _tables_equal(load_appendix(path), tidy)


def test_one_actor_per_line_in_a_quoted_csv_cell(tmp_path, tidy):
    path = tmp_path / "typed.csv"
    table = pd.DataFrame(_actors_per_line(_typed_records(tmp_path)), columns=HEADER)
    table.to_csv(path, index=False, sep=";")
    with path.open(encoding="utf-8", newline="") as stream:
        assert any("\n" in cell for row in csv.reader(stream, delimiter=";") for cell in row)
    _tables_equal(load_appendix(path), tidy)


def test_a_line_break_inside_parentheses_only_wraps(tmp_path, tidy):
    records = _typed_records(tmp_path)
    row = next(r for r in records if r[2].startswith("- Sở Xây dựng (nước sạch"))
    row[2] = row[2].replace("(nước sạch ", "(nước sạch\n")
    _tables_equal(load_appendix(_xlsx(tmp_path, records)), tidy)


def _repeated_header(records):
    return [*records[:20], HEADER, *records[20:]]


def _heading_forms(records):
    forms = {"I": "CSTP 1 - Giảm thiểu", "II": "Chỉ số thành phần 2.", "III": "CSTP 3: Thúc đẩy"}
    return [["", forms[row[0]], "", ""] if row[0] in forms else row for row in records]


def _continued(records):
    """Row 1.01's last coordinators and the end of its name on a row of their own."""
    first = records[1]
    name, coordinators = first[1].rsplit(" ", 1), first[3].rsplit("; ", 1)
    return [records[0], [first[0], name[0], first[2], coordinators[0]]] + [
        ["", name[1], "", coordinators[1]],
        *records[2:],
    ]


@pytest.mark.parametrize(
    ("edit", "layout"),
    [
        (_repeated_header, {}),
        (_heading_forms, {}),
        (_continued, {}),
        (lambda records: records, {"sheets_before": 1}),
        (
            lambda records: records,
            {
                "header": (
                    ["STT", "CHỈ SỐ THÀNH PHẦN", "CƠ QUAN THỰC HIỆN", None],
                    ["", "", "Chủ trì", "Phối hợp"],
                ),
                "merges": ("C1:D1",),
            },
        ),
    ],
    ids=["header-repeated", "heading-forms", "continuation-row", "second-sheet", "two-row-header"],
)
def test_what_clerks_type_gives_the_same_tables(tmp_path, tidy, edit, layout):
    path = _xlsx(tmp_path, edit(_typed_records(tmp_path)), **layout)
    _tables_equal(load_appendix(path), tidy)


def test_a_blank_stt_with_no_indicator_above_names_the_row(tmp_path):
    records = _typed_records(tmp_path)
    records.insert(1, ["", "Chất lượng", "", ""])
    path = _xlsx(tmp_path, records)
    assert str(_error(path)) == (
        f"{path}, row 3, column STT: STT must be an indicator number, a sub-index heading (like "
        "'I | CSTP 1. ...') or empty below an indicator it continues (empty, and no indicator "
        "row above)"
    )


def test_an_indicator_cell_with_only_a_unit(tmp_path):
    records = _typed_records(tmp_path)
    records[1][1] = "(%)"
    path = _xlsx(tmp_path, records)
    assert str(_error(path)) == f"{path}, row 3: indicator 1.01 has a unit but no name ('(%)')"


def test_a_damaged_workbook_is_one_line_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "typed.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    out = tmp_path / "out"
    assert main(["tidy", "--appendix", str(path), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"pgi-analysis: error: {path}: cannot read the workbook (")
    assert captured.err.count("\n") == 1 and not out.exists()


def test_another_appendix_needs_an_explicit_out(tmp_path, capsys):
    path = _written(tmp_path, TEXT)
    before = {p.name: p.read_bytes() for p in paths.PROCESSED.glob("*.csv")}
    assert main(["tidy", "--appendix", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"pgi-analysis: error: {path}: not the plan's appendix, so its tables would replace "
        "those of lang-son-kh18-2026-appendix.txt in data/processed/: name the output folder "
        "with --out (--out data/processed to replace them indeed)\n"
    )
    assert {p.name: p.read_bytes() for p in paths.PROCESSED.glob("*.csv")} == before


def test_another_appendix_needs_an_explicit_out_in_the_locales_language(
    tmp_path, capsys, monkeypatch
):
    path = _written(tmp_path, TEXT)
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    assert main(["tidy", "--appendix", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"pgi-analysis: error: {path}: đây không phải Phụ lục của Kế hoạch, nên các bảng của nó "
        "sẽ thay thế các bảng của lang-son-kh18-2026-appendix.txt trong data/processed/: hãy chỉ "
        "định thư mục kết quả bằng --out (--out data/processed nếu thật sự muốn thay thế)\n"
    )
    assert main(["tidy", "--appendix", str(path), "--lang", "en"]) == 1
    assert capsys.readouterr().err.startswith(f"pgi-analysis: error: {path}: not the plan's ")


def test_a_console_without_vietnamese_still_gets_the_repairs(tmp_path, monkeypatch):
    console = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", console)
    assert main(["tidy", "--out", str(tmp_path / "bảng"), "--verbose"]) == 0
    console.flush()
    printed = console.buffer.getvalue().decode("ascii")
    assert printed.startswith("11 repairs:\n  merged columns: 'C\\xe1c S\\u1edf, ban, ng\\xe0nh")
    assert printed.endswith(f"wrote {tmp_path}/b\\u1ea3ng/assignments.csv\n")


def test_mangled_text_is_read_or_refused_never_a_crash(tmp_path):
    """Lines deleted, repeated, cut, swapped, or given stray characters, four at a time."""
    rng = random.Random(12)
    for number in range(150):
        lines = TEXT.split("\n")
        for _ in range(4):
            i = rng.randrange(1, len(lines))
            j = rng.randrange(len(lines[i]) + 1)
            lines[i : i + 1] = rng.choice(
                [
                    [],
                    [lines[i], lines[rng.randrange(len(lines))]],
                    [lines[i][:j]],
                    [lines[i][:j] + rng.choice("()-;,.%=:\t0123456789IVXC") + lines[i][j:]],
                    [lines[i - 1]],
                    ["(%)"],
                ]
            )
        path = _written(tmp_path, "\n".join(lines), f"mangled_{number}.txt")
        try:
            load_appendix(path)
        except InputError as error:
            assert str(error).startswith(str(path))
