"""Files of PGI figures as they really arrive, made here: Excel's `;` CSV of the template,
formulas, many errors at once, ranks that disagree, uncertainty columns, two adds at once."""

import csv
import errno
import io
import multiprocessing
import os
import random
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from pgi_analysis import paths, scores
from pgi_analysis.cli import main
from pgi_analysis.errors import InputError
from pgi_analysis.messages import default_language
from pgi_analysis.template import write_template

SOURCE = "https://pcivietnam.vn/pgi-2025"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def stored(pgi_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(pgi_dir)): p.read_bytes() for p in pgi_dir.rglob("*") if p.is_file()}


def refused(path, pgi_dir, **options) -> InputError:
    before = stored(pgi_dir)
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, **{"year": 2025, "source": SOURCE, **options}, pgi_dir=pgi_dir)
    assert stored(pgi_dir) == before
    return error.value


def lang_son(pgi_dir, year=2025):
    table = scores.load_scores(pgi_dir)
    rows = table[(table.province_id == "lang-son") & (table.year == year)]
    return rows.set_index("measure")


# The template, filled in and saved by Excel as CSV ------------------------------------------------


def test_the_template_saved_as_semicolon_csv_is_accepted(pgi_dir, tmp_path):
    write_template(2025, tmp_path / "pgi_2025.xlsx")
    sheet = load_workbook(tmp_path / "pgi_2025.xlsx")["Điểm PGI"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    lang_son_row = next(row for row in rows if row[0] == "Lạng Sơn")
    lang_son_row[2:9] = ["5,1", "5,2", "6", "6,3", "22,6", "30", SOURCE]
    path = tmp_path / "pgi_2025.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:  # as Excel writes it
        csv.writer(stream, delimiter=";", lineterminator="\r\n").writerows(rows)
    assert path.read_text(encoding="utf-8-sig").split("\n")[0] == '"province'  # one cell
    summary = scores.add_scores_file(path, pgi_dir=pgi_dir)
    assert summary.splitlines()[1] == (
        "  2025: sub_index_1 1, sub_index_2 1, sub_index_3 1, sub_index_4 1, total 1, rank 1"
    )
    assert lang_son(pgi_dir).value.to_dict()["sub_index_4"] == 6.3


# Formulas ----------------------------------------------------------------------------------------


def _with_formula(path: Path, saved_result: str | None) -> Path:
    book = Workbook()
    book.active.append(["province", "year", "total", "source_url"])
    book.active.append(["Lạng Sơn", 2025, "=10+12.6", SOURCE])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if saved_result and entry.filename == "xl/worksheets/sheet1.xml":
                # what Excel saves: the formula's result beside it (openpyxl writes an empty <v>,
                # spelled one way or another depending on whether lxml is installed)
                data = re.sub(rb"<v\s*/>|<v></v>", f"<v>{saved_result}</v>".encode(), data)
            target.writestr(entry, data)
    return path


def test_a_formula_without_a_saved_result_is_refused(pgi_dir, tmp_path):
    path = _with_formula(tmp_path / "formula.xlsx", None)
    assert str(refused(path, pgi_dir)) == (
        f"{path}, cell C2: the formula =10+12.6 has no saved result: open the file in Excel and "
        "save it, then try again"
    )


def test_a_formula_saved_by_excel_gives_its_result(pgi_dir, tmp_path):
    path = _with_formula(tmp_path / "formula.xlsx", "22.6")
    scores.add_scores_file(path, pgi_dir=pgi_dir)
    assert lang_son(pgi_dir).at["total", "value"] == 22.6


# Every problem of a file at once ------------------------------------------------------------------


def test_every_problem_of_a_file_is_listed(pgi_dir, tmp_path):
    text = (
        "province,sub_index_1,total,rank\nLang Sonn,5,,\nCao Bằng,11,,\nHà Nội,,41,abc\nHuế,5,,\n"
    )
    path = write(tmp_path / "bad.csv", text)
    error = refused(path, pgi_dir)
    assert str(error) == (
        f"{path}: 4 problems:\n"
        "  row 2, column province: unknown province 'Lang Sonn'; closest: Lạng Sơn, Quảng Ninh, "
        "Long An (see data/reference/provinces.csv)\n"
        "  row 3, column sub_index_1: sub_index_1 must be between 1 and 10, not 11\n"
        "  row 4, column total: total must be between 4 and 40, not 41\n"
        "  row 4, column rank: 'abc' is not a number (write 17.33 or 17,33)"
    )


def test_a_long_list_of_problems_is_capped_with_a_count(pgi_dir, tmp_path):
    rows = "".join(f"Lạng Sơn,{1990 + n},20\n" for n in range(25))
    path = write(tmp_path / "bad.csv", "province,year,total\n" + rows)
    lines = str(refused(path, pgi_dir, year=None)).split("\n")
    assert lines[0] == f"{path}: 25 problems:"
    assert lines[1].startswith("  row 2, column year: year 1990 is outside the PGI's years, 2022")
    assert len(lines) == 22 and lines[-1] == "  … and 5 more"


def test_problems_in_vietnamese(pgi_dir, tmp_path):
    path = write(tmp_path / "bad.csv", "province,total,rank\nLạng Sơn,41,\nCao Bằng,,x\n")
    assert refused(path, pgi_dir).text("vi") == (
        f"{path}: 2 lỗi:\n"
        "  dòng 2, cột total: total phải từ 4 đến 40, không phải 41\n"
        "  dòng 3, cột rank: 'x' không phải là số (viết 17.33 hoặc 17,33)"
    )


def test_unknown_and_merged_provinces_in_vietnamese(pgi_dir, tmp_path):
    path = write(tmp_path / "bad.csv", "province,total\nLang Sonn,20\nBắc Giang,20\n")
    assert refused(path, pgi_dir).text("vi") == (
        f"{path}: 2 lỗi:\n"
        "  dòng 2, cột province: không nhận ra tỉnh 'Lang Sonn'; gần nhất: Lạng Sơn, Quảng Ninh, "
        "Long An (xem data/reference/provinces.csv)\n"
        "  dòng 3, cột province: Bắc Giang thuộc Bắc Ninh từ ngày 1/7/2025 (Nghị quyết "
        "202/2025/QH15): hãy viết Bắc Ninh cho năm 2025"
    )


def test_the_language_follows_the_locale_unless_chosen(pgi_dir, tmp_path, monkeypatch, capsys):
    assert default_language({"LANG": "vi_VN.UTF-8"}) == "vi"
    assert default_language({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}) == "en"
    assert default_language({}) == "en"
    monkeypatch.setattr(paths, "PGI", pgi_dir)
    path = write(tmp_path / "bad.csv", "province,total\nLạng Sơn,41\n")
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    assert main(["scores", "add", str(path), "--year", "2025", "--source", SOURCE]) == 1
    assert capsys.readouterr().err == (
        f"pgi-analysis: error: {path}, dòng 2, cột total: total phải từ 4 đến 40, không phải 41\n"
    )
    assert (
        main(["scores", "add", str(path), "--year", "2025", "--source", SOURCE, "--lang", "en"])
        == 1
    )
    assert capsys.readouterr().err.endswith("total must be between 4 and 40, not 41\n")


# Ranks and totals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "province,rank\nLạng Sơn,5\nCao Bằng,5\n",
            ", row 3, column rank: 2025: rank 5 is given to both Lạng Sơn and Cao Bằng",
        ),
        (
            "province,total,rank\nLạng Sơn,20,3\nCao Bằng,25,10\n",
            ", row 3, column rank: 2025: Cao Bằng is ranked 10 with total 25, behind Lạng Sơn "
            "ranked 3 with the lower total 20 (more than 0.05 apart)",
        ),
    ],
    ids=["shared-rank", "rank-against-totals"],
)
def test_ranks_that_cannot_be_are_refused(pgi_dir, tmp_path, text, message):
    path = write(tmp_path / "ranks.csv", text)
    assert str(refused(path, pgi_dir)) == f"{path}{message}"


def test_ranks_within_rounding_of_the_totals_and_ties_are_accepted(pgi_dir, tmp_path):
    text = "province,total,rank\nLạng Sơn,20.03,3\nCao Bằng,20.07,4\nHà Nội,20.07,4\n"
    scores.add_scores_file(write(tmp_path / "ranks.csv", text), 2025, SOURCE, pgi_dir=pgi_dir)
    assert lang_son(pgi_dir).at["rank", "value"] == 3


def test_identical_first_sub_indices_are_a_warning(pgi_dir, tmp_path):
    text = "province,sub_index_1,sub_index_2\nLạng Sơn,5.1,5.1\n"
    path = write(tmp_path / "same.csv", text)
    summary = scores.add_scores_file(path, 2025, SOURCE, pgi_dir=pgi_dir)
    assert summary.splitlines()[-1] == (
        "warning: 2025 Lạng Sơn: sub_index_1 and sub_index_2 are both 5.1; check that one was "
        "not typed over the other"
    )
    again = write(tmp_path / "again.csv", "province,sub_index_3\nLạng Sơn,6\n")
    vietnamese = scores.add_scores_file(again, 2025, SOURCE, pgi_dir=pgi_dir, lang="vi")
    assert vietnamese.splitlines() == [
        f"again.csv: đã thêm 1 số liệu vào {pgi_dir / 'added' / '0002_scores_2025.csv'}",
        "  2025: sub_index_3 1",
        "cảnh báo: 2025 Lạng Sơn: CSTP 1 và CSTP 2 cùng là 5.1; hãy kiểm tra xem có nhập nhầm "
        "cột không",
    ]


# Uncertainty --------------------------------------------------------------------------------------


def test_intervals_and_firms_surveyed_reach_the_scores_table(pgi_dir, tmp_path):
    wide = (
        "province,total,total_ci_low,total_ci_high,firms_surveyed,sub_index_1\n"
        'Lạng Sơn,"22,6","21,9",23.3,112,5.1\n'
    )
    summary = scores.add_scores_file(write(tmp_path / "w.csv", wide), 2025, SOURCE, pgi_dir=pgi_dir)
    assert summary.splitlines()[0].endswith("0001_scores_2025.csv")
    long = "measure,province,value,ci_low,ci_high,firms_surveyed\nrank,Cao Bằng,12,,,98\n"
    scores.add_scores_file(write(tmp_path / "l.csv", long), 2025, SOURCE, pgi_dir=pgi_dir)
    table = scores.load_scores(pgi_dir).set_index(["province_id", "year", "measure"])
    assert str(table["firms_surveyed"].dtype) == "Int64"
    read = {
        (province_id, measure): (value, low, high, firms)
        for (province_id, year, measure), value, low, high, firms in zip(
            table.index,
            table["value"],
            table["ci_low"],
            table["ci_high"],
            table["firms_surveyed"].astype(object),
            strict=True,
        )
        if year == 2025
    }
    nan = float("nan")
    assert repr(read) == repr(
        {
            ("cao-bang", "rank"): (12.0, nan, nan, 98),
            ("lang-son", "sub_index_1"): (5.1, nan, nan, 112),
            ("lang-son", "total"): (22.6, 21.9, 23.3, 112),
        }
    )
    assert (pgi_dir / "added" / "0001_scores_2025.csv").read_text(encoding="utf-8").split("\n") == [
        "year,province,measure,value,source_url,note,replaces,ci_low,ci_high,firms_surveyed",
        f"2025,Lạng Sơn,sub_index_1,5.1,{SOURCE},,,,,112",
        f"2025,Lạng Sơn,total,22.6,{SOURCE},,,21.9,23.3,112",
        "",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "province,total,total_ci_low\nLạng Sơn,22.6,21.9\n",
            ", row 2, column total_ci_high: total_ci_low without total_ci_high: fill in both ends "
            "of the interval, or neither",
        ),
        (
            "province,total,total_ci_low,total_ci_high\nLạng Sơn,22.6,22.7,23\n",
            ", row 2, column total_ci_low: the interval 22.7 to 23 does not contain the figure "
            "22.6",
        ),
        (
            "province,sub_index_1,sub_index_1_ci_low,sub_index_1_ci_high\nLạng Sơn,9.5,9,10.2\n",
            ", row 2, column sub_index_1_ci_high: sub_index_1 must be between 1 and 10, not 10.2",
        ),
        (
            "province,total,firms_surveyed\nLạng Sơn,22.6,0\n",
            ", row 2, column firms_surveyed: firms_surveyed must be a whole number of at least 1, "
            "not 0",
        ),
        (
            "province,measure,value,ci_low,ci_high\nLạng Sơn,rank,5,4,6\n",
            ", row 2, column ci_low: a rank has no confidence interval; only the scores have one",
        ),
        (
            "indicator_id,province,value,ci_low\n1.01,Lạng Sơn,50,40\n",
            ", row 1: unknown column 'ci_low'; expected: indicator_id, year, province, value, "
            "source_url, note",
        ),
    ],
    ids=["half-interval", "outside", "out-of-range", "no-firms", "rank-interval", "indicators"],
)
def test_bad_uncertainty_is_refused(pgi_dir, tmp_path, text, message):
    path = write(tmp_path / "bad.csv", text)
    assert str(refused(path, pgi_dir)) == f"{path}{message}"


def test_a_stored_figure_gains_an_interval_only_by_replacing_it(pgi_dir, tmp_path):
    first = write(tmp_path / "a.csv", "province,total\nLạng Sơn,22.6\n")
    scores.add_scores_file(first, 2025, SOURCE, pgi_dir=pgi_dir)
    again = write(
        tmp_path / "b.csv", "province,total,total_ci_low,total_ci_high\nLạng Sơn,22.6,22,23\n"
    )
    assert "22.6 [22, 23] contradicts 22.6 stored in" in str(refused(again, pgi_dir))
    summary = scores.add_scores_file(again, 2025, SOURCE, replace=True, pgi_dir=pgi_dir)
    assert (
        summary.splitlines()[-1] == "replaced (--replace) 2025 Lạng Sơn total 22.6 by 22.6 [22, 23]"
    )
    assert lang_son(pgi_dir).loc["total", ["ci_low", "ci_high"]].tolist() == [22.0, 23.0]


# Text that a spreadsheet would run ----------------------------------------------------------------


@pytest.mark.parametrize(
    "note", ['=HYPERLINK("http://x","y")', "+1+2", "-A1", "@SUM(A1)", "'quoted", "''", "-5"]
)
def test_a_stored_note_is_safe_and_reads_back_as_written(pgi_dir, tmp_path, note):
    path = tmp_path / "note.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["province", "total", "note"], ["Lạng Sơn", "22.6", note]])
    scores.add_scores_file(path, 2025, SOURCE, pgi_dir=pgi_dir)
    added = pgi_dir / "added" / "0001_scores_2025.csv"
    with added.open(encoding="utf-8", newline="") as stream:
        written = list(csv.DictReader(stream))[0]["note"]
    assert written == (note if note == "-5" else f"'{note}")
    assert lang_son(pgi_dir).at["total", "note"] == note


# The template ------------------------------------------------------------------------------------


def test_the_template_does_not_overwrite_a_file_unless_forced(tmp_path, capsys):
    out = tmp_path / "pgi_2025.xlsx"
    out.write_bytes(b"filled in")
    assert main(["scores", "template", "--year", "2025", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"pgi-analysis: error: {out}: the file exists; pass --force to overwrite it (figures "
        "filled in would be lost)\n"
    )
    assert out.read_bytes() == b"filled in"
    assert main(["scores", "template", "--year", "2025", "--out", str(out), "--force"]) == 0
    assert load_workbook(out).sheetnames[0] == "Điểm PGI"


def test_the_template_holds_its_text_as_text(tmp_path, monkeypatch):
    """Every cell written through spreadsheet.put: text that looks like a formula stays text."""
    monkeypatch.setattr("pgi_analysis.template._instructions", lambda year, count: ["=cmd()"])
    write_template(2025, tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]
    assert {cell.data_type for cell in cells if isinstance(cell.value, str)} == {"s"}
    guide = book["Hướng dẫn - Instructions"]["A1"]
    assert (guide.value, guide.quotePrefix) == ("=cmd()", True)


# Two adds at once --------------------------------------------------------------------------------


def test_a_held_store_is_a_clear_error(pgi_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(scores, "LOCK_WAIT", 0.2)
    lock = pgi_dir / ".lock"
    lock.write_text("2026-03-01T09:00:00, may-chu, process 4242\n", encoding="utf-8")
    path = write(tmp_path / "a.csv", "province,total\nLạng Sơn,22.6\n")
    error = refused(path, pgi_dir)
    assert str(error) == (
        f"{lock}: another scores add is running (since 2026-03-01T09:00:00, may-chu, process "
        "4242); try again. If none is running, delete this file"
    )


def _add_in_rounds(value: str, folders: list[Path], barrier, results) -> None:
    for folder in folders:
        path = write(folder.parent / f"{value}.csv", f"province,sub_index_4\nLạng Sơn,{value}\n")
        barrier.wait()
        try:
            scores.add_scores_file(path, 2025, SOURCE, pgi_dir=folder)
            results.put((str(folder), value, "added"))
        except InputError as error:
            results.put((str(folder), value, str(error)))


@pytest.mark.integration
def test_conflicting_adds_at_the_same_time_one_wins(tmp_path):
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    folders = []
    for run in range(20):
        folder = tmp_path / f"run{run}" / "pgi"
        folder.mkdir(parents=True)
        shutil.copy2(paths.PGI_OBSERVATIONS, folder / paths.PGI_OBSERVATIONS.name)
        folders.append(folder)
    barrier, results = context.Barrier(2), context.Queue()
    workers = [
        context.Process(target=_add_in_rounds, args=(value, folders, barrier, results))
        for value in ("6.2", "7.0")
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * len(folders))]
    for worker in workers:
        worker.join(timeout=60)
    for folder in folders:
        mine = {value: outcome for name, value, outcome in outcomes if name == str(folder)}
        winners = [value for value, outcome in mine.items() if outcome == "added"]
        assert len(winners) == 1, mine
        loser = next(outcome for value, outcome in mine.items() if value not in winners)
        assert "contradicts" in loser and "stored in" in loser
        assert lang_son(folder).at["sub_index_4", "value"] == float(winners[0])
        assert not (folder / ".lock").exists()


# The console --------------------------------------------------------------------------------------


def test_a_console_without_vietnamese_still_gets_every_line(pgi_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "PGI", pgi_dir)
    folder = tmp_path / "Điểm PGI năm 2025"
    folder.mkdir()
    path = write(folder / "điểm.csv", "province,total\nLạng Sơn,22.6\n")
    console = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", console)
    assert main(["scores", "add", str(path), "--year", "2025", "--source", SOURCE]) == 0
    console.flush()
    printed = console.buffer.getvalue().decode("ascii")
    assert printed.startswith("\\u0111i\\u1ec3m.csv: added 1 figure to ")
    assert "  2025: total 1\n" in printed


def test_a_full_disk_names_the_file_being_added(pgi_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "PGI", pgi_dir)

    real_fdopen = os.fdopen

    def full(handle, mode, **options):  # the store's lock file is written, the figures not
        if mode != "wb":
            return real_fdopen(handle, mode, **options)
        os.close(handle)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("pgi_analysis.files.os.fdopen", full)
    before = stored(pgi_dir)
    path = write(tmp_path / "a.csv", "province,total\nLạng Sơn,22.6\n")
    assert main(["scores", "add", str(path), "--year", "2025", "--source", SOURCE]) == 1
    target = pgi_dir / "added" / "0001_scores_2025.csv"
    assert capsys.readouterr().err == f"pgi-analysis: error: {target}: No space left on device\n"
    assert stored(pgi_dir) == before


def test_random_files_of_figures_are_added_or_refused_never_a_crash(pgi_dir, tmp_path):
    """Random headers and cells from what people type; the store always loads afterwards."""
    rng = random.Random(7)
    headers = ["province", "year", "sub_index_1", "sub_index_2", "total", "rank", "source_url"]
    headers += ["note", "measure", "value", "ci_low", "ci_high", "firms_surveyed", "indicator_id"]
    headers += ["total_ci_low", "total_ci_high", "", "x"]
    cells = ["", "Lạng Sơn", "lang son", "Cao Bằng", "2025", "2024", "5,1", "5.1", "=1", "-"]
    cells += ["n/a", "abc", "1e999", "nan", "99", "0", "-3", "https://x.org/a", "x\ny", "'"]
    cells += ["1.01", "1.1", "rank", "total", "sub_index_1", "12,5"]
    for number in range(150):
        header = rng.sample(headers, rng.randint(1, 7))
        rows = [header] + [[rng.choice(cells) for _ in header] for _ in range(rng.randint(0, 4))]
        path = tmp_path / f"figures_{number}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream, delimiter=rng.choice(",;")).writerows(rows)
        try:
            scores.add_scores_file(
                path, rng.choice([None, 2025]), rng.choice([None, SOURCE]), pgi_dir=pgi_dir
            )
        except InputError as error:
            assert str(error).startswith(str(path))
    scores.load_scores(pgi_dir)
