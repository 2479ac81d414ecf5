import csv
import errno
import io
import os
import zipfile

import pandas as pd
import pytest

from pgi_analysis.errors import InputError
from pgi_analysis.files import (
    atomic_write_bytes,
    csv_bytes,
    read_csv_rows,
    read_xlsx_rows,
    spreadsheet_safe,
    unmarked,
    write_tables,
)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "table.csv"
    target.write_bytes(b"old\n")

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr("pgi_analysis.files.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["table.csv"]


def test_tables_are_written_as_utf8_csv_with_lf(tmp_path):
    written = write_tables({"t": pd.DataFrame({"tên": ["Lạng Sơn"], "n": [1]})}, tmp_path)
    assert written == [tmp_path / "t.csv"]
    assert (tmp_path / "t.csv").read_bytes() == "tên,n\nLạng Sơn,1\n".encode()
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o666 & ~umask


# Text that a spreadsheet would run ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("-5", "-5"),
        ("+1.5e3", "+1.5e3"),
        ("Sở Xây dựng", "Sở Xây dựng"),
        ("", ""),
    ],
)
def test_cells_that_would_run_get_a_quote_and_read_back(text, written):
    assert spreadsheet_safe(text) == written
    assert unmarked(written) == text


def test_csv_bytes_neutralises_text_and_leaves_numbers(tmp_path):
    table = pd.DataFrame({"text": ["=cmd()", "-2", "ok"], "number": [-1.5, 2.0, 3.0]})
    assert csv_bytes(table) == b"text,number\n'=cmd(),-1.5\n-2,2.0\nok,3.0\n"


def test_the_tidy_tables_and_scores_csv_are_written_safe(tmp_path, tidy, committed_pgi):
    from pgi_analysis.scores import load_scores, published_scores

    indicators = tidy.indicators.copy()
    indicators.loc[0, "name_vi"] = "=HYPERLINK(1)"
    published = published_scores(load_scores(committed_pgi))
    published.loc[0, "note"] = "@cmd"
    write_tables({"indicators": indicators, "scores": published}, tmp_path)
    with (tmp_path / "indicators.csv").open(encoding="utf-8", newline="") as stream:
        assert list(csv.DictReader(stream))[0]["name_vi"] == "'=HYPERLINK(1)"
    with (tmp_path / "scores.csv").open(encoding="utf-8", newline="") as stream:
        assert list(csv.DictReader(stream))[0]["note"] == "'@cmd"


def test_the_template_and_the_workbook_keep_formula_text_as_text(tmp_path):
    from openpyxl import Workbook, load_workbook

    from pgi_analysis.spreadsheet import put

    book = Workbook()
    put(book.active, 1, 1, "=1+2")
    put(book.active, 1, 2, -2.5)
    book.save(tmp_path / "book.xlsx")
    cells = load_workbook(tmp_path / "book.xlsx").active[1]
    assert (cells[0].value, cells[0].data_type, cells[0].quotePrefix) == ("=1+2", "s", True)
    assert (cells[1].value, cells[1].data_type) == (-2.5, "n")


# Tables written as a set --------------------------------------------------------------------------


def test_a_failure_while_writing_a_set_leaves_every_old_file(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / f"{name}.csv").write_bytes(b"old\n")
    real_fdopen = os.fdopen
    opened = []

    def second_fails(handle, mode):
        opened.append(handle)
        if len(opened) == 2:
            os.close(handle)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fdopen(handle, mode)

    monkeypatch.setattr("pgi_analysis.files.os.fdopen", second_fails)
    tables = {name: pd.DataFrame({"x": [1]}) for name in ("a", "b")}
    with pytest.raises(OSError) as error:
        write_tables(tables, tmp_path)
    assert (error.value.filename, error.value.strerror) == (
        str(tmp_path / "b.csv"),
        "No space left on device",
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.csv", "b.csv"]
    assert {path.read_bytes() for path in tmp_path.iterdir()} == {b"old\n"}


def test_a_folder_that_cannot_be_written_is_named_by_the_target(tmp_path, monkeypatch, capsys):
    def refused(**options):
        raise PermissionError(errno.EACCES, "Permission denied", f"{tmp_path}/.x.csv.1234.tmp")

    monkeypatch.setattr("pgi_analysis.files.tempfile.mkstemp", refused)
    from pgi_analysis.cli import main

    assert main(["tidy", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"pgi-analysis: error: {tmp_path / 'indicators.csv'}: Permission denied\n"
    )


# Reading CSV --------------------------------------------------------------------------------------


def test_the_separator_is_found_on_whole_records(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('"a\nA, long; label";"b"\n"1,5";2\n', encoding="utf-8")
    assert read_csv_rows(path, lambda rows: rows[0][:2] == ["a\nA, long; label", "b"]) == [
        ["a\nA, long; label", "b"],
        ["1,5", "2"],
    ]
    assert read_csv_rows(path) == [["a\nA, long; label", "b"], ["1,5", "2"]]  # the widest


def test_a_cell_too_long_for_csv_is_an_input_error(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a\n"' + "x" * 200_000 + '"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"cannot read the CSV file \(field larger than"):
        read_csv_rows(path)


# Reading XLSX -------------------------------------------------------------------------------------


def _workbook(path, rows, edit=None):
    """An .xlsx of `rows`, its first sheet's XML passed through `edit` (bytes -> bytes)."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if edit and entry.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            target.writestr(entry, data)
    return path


def _far_cell(reference: str, value: bytes) -> callable:
    def edit(data: bytes) -> bytes:
        row = reference.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        cell = f'<row r="{row}"><c r="{reference}" s="0"{value.decode()}</c></row>'.encode()
        data = data.replace(
            b'<dimension ref="A1:B2"/>', f'<dimension ref="A1:{reference}"/>'.encode()
        )
        return data.replace(b"</sheetData>", cell + b"</sheetData>")

    return edit


def test_formatting_far_below_the_table_costs_nothing(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", [["a", "b"], [1, 2]], _far_cell("XFD1048576", b">"))
    assert read_xlsx_rows(path) == [["a", "b"], [1, 2]]


@pytest.mark.parametrize("reference", ["XFD1048576", "XFD3", "A1048576"])
def test_a_value_far_outside_the_table_is_named(tmp_path, reference):
    path = _workbook(
        tmp_path / "t.xlsx", [["a", "b"], [1, 2]], _far_cell(reference, b' t="n"><v>7</v>')
    )
    with pytest.raises(InputError) as error:
        read_xlsx_rows(path)
    assert str(error.value) == (
        f"{path}: a value in cell {reference} of sheet 'Sheet', outside the 100000 rows and 200 "
        "columns a table here may use: delete it, or copy the table to a new sheet"
    )


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda data: data.replace(
                b"</sheetData>",
                b'</sheetData><mergeCells count="1"><mergeCell ref="A1:"/></mergeCells>',
            ),
            "cannot read the workbook (A1: is not a valid coordinate or range); open it in Excel "
            "and save it again as .xlsx",
        ),
        (
            lambda data: data[: len(data) // 2],
            "cannot read the workbook (",
        ),
        (lambda data: b"not XML", "cannot read the workbook ("),
    ],
    ids=["bad-merge", "truncated-xml", "not-xml"],
)
def test_a_damaged_workbook_is_an_input_error(tmp_path, edit, message):
    path = _workbook(tmp_path / "t.xlsx", [["a", "b"], [1, 2]], edit)
    with pytest.raises(InputError) as error:
        read_xlsx_rows(path)
    assert str(error.value).startswith(f"{path}: {message}")
    assert "\n" not in str(error.value)


def test_the_sheet_that_holds_the_table_is_read(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["notes"])
    book.create_sheet("data").append(["province", "total"])
    book.save(tmp_path / "t.xlsx")
    rows = read_xlsx_rows(tmp_path / "t.xlsx", fits=lambda rows: rows[0][0] == "province")
    assert rows == [["province", "total"]]
    assert read_xlsx_rows(tmp_path / "t.xlsx", "data") == [["province", "total"]]
