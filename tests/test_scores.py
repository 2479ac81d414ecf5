import datetime
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from pgi_analysis import paths, reference, schemas, scores, vocabulary
from pgi_analysis.errors import InputError
from pgi_analysis.files import csv_bytes
from pgi_analysis.template import write_template

LANG_SON_2023 = "https://thongtin.vietnam.vn/en/xanh-dan-chi-so-xanh"
SOURCE = "https://pcivietnam.vn/pgi-2025"
NEXT_YEAR = datetime.date.today().year + 1


@pytest.fixture(scope="module")
def table(committed_pgi):
    return scores.load_scores(committed_pgi)


def stored(pgi_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(pgi_dir)): p.read_bytes() for p in pgi_dir.rglob("*") if p.is_file()}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def figure(table, province_id, year, measure):
    rows = table[
        (table.province_id == province_id) & (table.year == year) & (table.measure == measure)
    ]
    assert len(rows) == 1
    return rows.iloc[0]


# provinces.csv -------------------------------------------------------------------------------


def test_provinces_reference_has_63_provinces_in_six_regions():
    provinces = reference.provinces().table.reset_index()
    assert len(provinces) == 63 and provinces.province_id.is_unique
    assert provinces.region_en.value_counts().to_dict() == {
        "Northern Midlands and Mountains": 14,
        "North Central and Central Coast": 14,
        "Mekong River Delta": 13,
        "Red River Delta": 11,
        "South East": 6,
        "Central Highlands": 5,
    }
    lang_son = provinces.set_index("province_id").loc["lang-son"]
    assert (lang_son.name_vi, lang_son.name_en) == ("Lạng Sơn", "Lang Son")
    assert lang_son.region_vi == "Trung du và miền núi phía Bắc"


def test_34_provinces_from_2025_each_named_after_one_of_the_63():
    provinces = reference.provinces().table.reset_index()
    successors = set(provinces.successor_2025_vi)
    assert len(successors) == 34
    ids = {reference.provinces().resolve(name, 2025) for name in successors}
    assert len(ids) == 34
    unchanged = provinces[
        provinces.successor_2025_vi.map(provinces.successor_2025_vi.value_counts()) == 1
    ]
    assert set(unchanged.successor_2025_vi) == {
        "Hà Nội",
        "Huế",
        "Lai Châu",
        "Điện Biên",
        "Sơn La",
        "Lạng Sơn",
        "Quảng Ninh",
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Cao Bằng",
    }


@pytest.mark.parametrize(
    ("name", "province_id"),
    [
        ("TT-Hue", "thua-thien-hue"),
        ("Huế", "thua-thien-hue"),
        ("Thừa Thiên - Huế", "thua-thien-hue"),
        ("Lạng Sơn", "lang-son"),
        ("lang son", "lang-son"),
        (unicodedata.normalize("NFD", "Lạng Sơn"), "lang-son"),
        ("  TỈNH LẠNG SƠN ", "lang-son"),
        ("Lang Son Province", "lang-son"),
        ("Ho Chi Minh City", "ho-chi-minh"),
        ("TP.HCM", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
        ("BR-VT", "ba-ria-vung-tau"),
        ("Ba Ria-Vung Tau", "ba-ria-vung-tau"),
        ("Daklak", "dak-lak"),
        ("Đăk Lăk", "dak-lak"),
        ("Thanh Hoá", "thanh-hoa"),
        ("(national mean)", "national-mean"),
        ("Trung bình cả nước", "national-mean"),
    ],
)
def test_resolve_province_in_any_spelling(name, province_id):
    assert reference.provinces().resolve(name) == province_id


def test_unknown_province_lists_the_closest_names():
    with pytest.raises(ValueError) as error:
        reference.provinces().resolve("Lang Sonn")
    assert str(error.value) == (
        "unknown province 'Lang Sonn'; closest: Lạng Sơn, Quảng Ninh, Long An "
        "(see data/reference/provinces.csv)"
    )


def test_merged_province_is_refused_from_2025():
    assert reference.provinces().resolve("Bắc Giang", 2024) == "bac-giang"
    with pytest.raises(ValueError) as error:
        reference.provinces().resolve("Bac Giang", 2025)
    assert str(error.value) == (
        "Bắc Giang is part of Bắc Ninh from 1 July 2025 (Resolution 202/2025/QH15): "
        "write Bắc Ninh for 2025"
    )


# The stored figures ------------------------------------------------------------------------------


def test_scores_table_columns_and_one_row_per_figure(table):
    assert list(table.columns) == schemas.SCORES.columns
    assert not table.duplicated(["year", "province_id", "measure"]).any()
    assert set(table.measure) == set(vocabulary.MEASURES)
    assert str(table.year.dtype) == "int64" and str(table.value.dtype) == "float64"


def test_lang_son_as_published(table):
    assert figure(table, "lang-son", 2022, "rank").value == 2
    total_2023 = figure(table, "lang-son", 2023, "total")
    assert (total_2023.value, total_2023.derived, total_2023.province) == (17.33, False, "Lạng Sơn")
    assert total_2023.source_url == LANG_SON_2023
    assert figure(table, "lang-son", 2023, "rank").value == 62
    assert figure(table, "lang-son", 2024, "sub_index_1").value == 4.95


def test_total_derived_only_where_none_was_published(table):
    derived = figure(table, "lang-son", 2024, "total")
    assert (derived.value, derived.derived) == (22.63, True)
    assert derived.note.startswith("derived: sum of the four published sub-indices")
    hai_duong = figure(table, "hai-duong", 2024, "total")  # sub-indices sum to 26.33
    assert (hai_duong.value, hai_duong.derived) == (26.34, False)
    assert table.derived.sum() == 33  # the 2024 sub-index table: provinces outside the top 30


def test_agreeing_sources_kept_once_with_the_others_noted(table):
    quang_ninh = figure(table, "quang-ninh", 2023, "total")  # printed as 26.00 and as 26
    assert quang_ninh.value == 26.0
    assert quang_ninh.source_url == "https://pcivietnam.vn/en/pgi/provinces/hai-duong"
    assert quang_ninh.note == (
        "same value also at "
        "https://nld.com.vn/tp-hcm-dung-thu-5-ca-nuoc-ve-chi-so-xanh-cap-tinh-196240509124424681.htm"
    )


def test_national_mean_rows(table):
    mean = table[table.province_id == "national-mean"]
    assert mean[["year", "province", "measure", "value"]].values.tolist() == [
        [2023, "Trung bình cả nước", "total", 21.0],
        [2024, "Trung bình cả nước", "total", 25.39],
    ]


def test_contradicting_sources_are_an_error_naming_both_rows(pgi_dir):
    later = pgi_dir / "added" / "0001_scores_2023.csv"
    later.parent.mkdir()
    later.write_text(
        "year,province,measure,value,source_url,note,replaces\n"
        "2023,Lạng Sơn,total,17.40,https://example.org/other,,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        scores.load_scores(pgi_dir)
    assert str(error.value) == (
        f"{later}, row 2, column value: 2023 Lạng Sơn total 17.40 contradicts 17.33 in "
        f"{pgi_dir / 'pgi_observations.csv'}, row 28, column value"
    )


def test_published_ranks_are_whole_numbers_and_other_values_as_stored(table):
    published = scores.published_scores(table).set_index(["year", "province_id", "measure"])
    assert published.at[(2022, "lang-son", "rank"), "value"] == "2"
    assert published.at[(2023, "lang-son", "rank"), "value"] == "62"
    assert published.at[(2023, "lang-son", "total"), "value"] == "17.33"
    assert published.at[(2023, "quang-ninh", "total"), "value"] == "26.0"
    assert published.at[(2024, "lang-son", "total"), "value"] == "22.63"  # derived
    assert table.value.dtype == "float64"  # the table itself keeps its numbers


def test_committed_scores_csv_is_the_published_table():
    """The product is up to date with the store, whatever valid data it holds (`make report`)."""
    committed = (paths.PROCESSED / "scores.csv").read_bytes()
    assert committed == csv_bytes(scores.published_scores(scores.load_scores()))
    assert "\n2022,lang-son,Lạng Sơn,rank,2,False," in committed.decode()


def test_no_indicator_values_is_an_empty_table():
    indicators = scores.load_indicator_scores()
    assert indicators.empty and list(indicators.columns) == schemas.INDICATOR_SCORES.columns


# Adding figures ---------------------------------------------------------------------------------


def test_add_wide_csv_as_people_type_it(pgi_dir, tmp_path):
    """BOM, semicolons and decimal commas from a Vietnamese Excel, blank rows, stray spaces."""
    text = (
        "\ufeffprovince ;sub_index_1;sub_index_2;sub_index_3;sub_index_4;total;rank\n"
        "lang son ;5,10;5,2;6;6,3;22,6;30\n"
        ";;;;;;\n"
        "\n"
        "Hue;;;;;26,5;\n"
        "Bắc Ninh;;;;;;\n"
    )
    path = write(tmp_path / "pgi_2025.csv", text)
    summary = scores.add_scores_file(path, year=2025, source=SOURCE, pgi_dir=pgi_dir)
    assert summary == (
        "pgi_2025.csv: added 7 figures to "
        f"{pgi_dir / 'added' / '0001_scores_2025.csv'}\n"
        "  2025: sub_index_1 1, sub_index_2 1, sub_index_3 1, sub_index_4 1, total 2, rank 1\n"
        "ignored 1 row without figures"
    )
    table = scores.load_scores(pgi_dir)
    assert figure(table, "lang-son", 2025, "sub_index_1").value == 5.1
    assert figure(table, "lang-son", 2025, "total").value == 22.6
    assert figure(table, "thua-thien-hue", 2025, "total").province == "Huế"
    written = (pgi_dir / "added" / "0001_scores_2025.csv").read_text(encoding="utf-8")
    assert written.splitlines()[:2] == [
        "year,province,measure,value,source_url,note,replaces",
        f"2025,Lạng Sơn,sub_index_1,5.10,{SOURCE},,",
    ]


def test_add_long_csv_with_its_own_years_and_sources(pgi_dir, tmp_path):
    text = (
        "year,province,measure,value,source_url,note\n"
        "2025,Lạng Sơn,rank,28,https://example.org/a,\n"
        "2024,Lạng Sơn,sub_index_1,4.95,https://example.org/b,same as stored\n"
        "2023,Cao Bằng,total,19.5,https://example.org/c,a note\n"
    )
    summary = scores.add_scores_file(write(tmp_path / "long.csv", text), pgi_dir=pgi_dir)
    assert summary == (
        f"long.csv: added 2 figures to {pgi_dir / 'added' / '0001_scores_2023-2025.csv'}\n"
        "  2023: total 1\n"
        "  2025: rank 1\n"
        "skipped 1 figure stored with the same value: 2024 Lạng Sơn sub_index_1 4.95"
    )
    cao_bang = figure(scores.load_scores(pgi_dir), "cao-bang", 2023, "total")
    assert (cao_bang.value, cao_bang.source_url, cao_bang.note) == (
        19.5,
        "https://example.org/c",
        "a note",
    )


def test_figures_already_stored_add_nothing(pgi_dir, tmp_path):
    before = stored(pgi_dir)
    text = (
        "province,sub_index_1,sub_index_2,sub_index_3,sub_index_4\nLạng Sơn,4.95,4.95,6.71,6.02\n"
    )
    summary = scores.add_scores_file(
        write(tmp_path / "again.csv", text), year=2024, source=SOURCE, pgi_dir=pgi_dir
    )
    assert summary == (
        "again.csv: nothing added\n"
        "skipped 4 figures stored with the same value: 2024 Lạng Sơn sub_index_1 4.95, "
        "2024 Lạng Sơn sub_index_2 4.95, 2024 Lạng Sơn sub_index_3 6.71, …"
    )
    assert stored(pgi_dir) == before


def test_replace_supersedes_in_a_new_file_and_keeps_the_old(pgi_dir, tmp_path):
    path = write(tmp_path / "fix.csv", "province,measure,value\nLang Son,total,17.4\n")
    observations = (pgi_dir / "pgi_observations.csv").read_bytes()
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, year=2023, source=SOURCE, pgi_dir=pgi_dir)
    assert str(error.value) == (
        f"{path}, row 2, column value: 2023 Lạng Sơn total 17.4 contradicts 17.33 stored in "
        f"{pgi_dir / 'pgi_observations.csv'}, row 28, column value (source {LANG_SON_2023}); "
        "check the figure, or pass --replace if the source corrects it"
    )
    summary = scores.add_scores_file(path, year=2023, source=SOURCE, replace=True, pgi_dir=pgi_dir)
    assert summary.splitlines()[-1] == "replaced (--replace) 2023 Lạng Sơn total 17.33 by 17.4"
    assert (pgi_dir / "pgi_observations.csv").read_bytes() == observations
    added = pgi_dir / "added" / "0001_scores_2023.csv"
    assert added.read_text(encoding="utf-8").splitlines()[1] == (
        f"2023,Lạng Sơn,total,17.4,{SOURCE},,17.33"
    )
    total = figure(scores.load_scores(pgi_dir), "lang-son", 2023, "total")
    assert (total.value, total.source_url) == (17.4, SOURCE)
    assert total.note == f"replaces 17.33 from {LANG_SON_2023}"
    # The replaced figure is no longer stored: adding it back is a contradiction again.
    back = write(tmp_path / "back.csv", "province,measure,value\nLang Son,total,17.33\n")
    with pytest.raises(InputError, match="contradicts 17.4 stored in .*0001_scores_2023.csv"):
        scores.add_scores_file(back, year=2023, source=SOURCE, pgi_dir=pgi_dir)


def test_total_within_rounding_of_the_sub_indices_is_accepted(pgi_dir, tmp_path):
    path = write(tmp_path / "total.csv", "province,total\nLạng Sơn,22.66\n")
    scores.add_scores_file(path, year=2024, source=SOURCE, pgi_dir=pgi_dir)
    total = figure(scores.load_scores(pgi_dir), "lang-son", 2024, "total")
    assert (total.value, total.derived) == (22.66, False)


BAD_FILES = [
    (
        "province,sub_index_1\nLang Sonn,5\n",
        {"year": 2024},
        ", row 2, column province: unknown province 'Lang Sonn'; closest: Lạng Sơn, Quảng Ninh, "
        "Long An (see data/reference/provinces.csv)",
    ),
    (
        "province,sub_index_1\nBắc Giang,5\n",
        {"year": 2025},
        ", row 2, column province: Bắc Giang is part of Bắc Ninh from 1 July 2025 "
        "(Resolution 202/2025/QH15): write Bắc Ninh for 2025",
    ),
    (
        "province,sub_index_1\nLạng Sơn,10.5\n",
        {"year": 2025},
        ", row 2, column sub_index_1: sub_index_1 must be between 1 and 10, not 10.5",
    ),
    (
        "province,total\nLạng Sơn,41\n",
        {"year": 2025},
        ", row 2, column total: total must be between 4 and 40, not 41",
    ),
    (
        "province,rank\nLạng Sơn,64\n",
        {"year": 2024},
        ", row 2, column rank: rank must be a whole number from 1 to 63, not 64",
    ),
    (
        "province,rank\nLạng Sơn,35\n",
        {"year": 2025},
        ", row 2, column rank: rank must be a whole number from 1 to 34, not 35",
    ),
    (
        'province,rank\nLạng Sơn,"30,5"\n',
        {"year": 2025},
        ", row 2, column rank: rank must be a whole number from 1 to 34, not 30.5",
    ),
    (
        "province,rank\n(national mean),5\n",
        {"year": 2025},
        ", row 2, column rank: the national mean has no rank",
    ),
    (
        "province,total\nLạng Sơn,22.7\n",
        {"year": 2024},
        ", row 2, column total: 2024 Lạng Sơn: total 22.7 differs from the sum of the sub-indices "
        "(4.95 + 4.95 + 6.71 + 6.02 = 22.63) by more than 0.05",
    ),
    (
        "province,sub_index_1,sub_index_2,sub_index_3,sub_index_4,total\nLạng Sơn,5,5,5,5,21\n",
        {"year": 2025},
        ", row 2, column total: 2025 Lạng Sơn: total 21 differs from the sum of the sub-indices "
        "(5 + 5 + 5 + 5 = 20.00) by more than 0.05",
    ),
    (
        "province,total\nLạng Sơn,abc\n",
        {"year": 2025},
        ", row 2, column total: 'abc' is not a number (write 17.33 or 17,33)",
    ),
    (
        "province,total\nLạng Sơn,20\n",
        {},
        ", row 2, column year: no year: fill in the year column or pass --year",
    ),
    (
        "province,year,total\nLạng Sơn,2024,20\n",
        {"year": 2025},
        ", row 2, column year: year 2024 differs from --year 2025",
    ),
    (
        "province,year,total\nLạng Sơn,2021,20\n",
        {},
        f", row 2, column year: year 2021 is outside the PGI's years, 2022 to "
        f"{datetime.date.today().year}",
    ),
    (
        "province,total,source_url\nLạng Sơn,20,\n",
        {"year": 2025, "source": None},
        ", row 2, column source_url: no source: fill in source_url or pass --source",
    ),
    (
        "province,total,source_url\nLạng Sơn,20,VCCI report\n",
        {"year": 2025},
        ", row 2, column source_url: source 'VCCI report' is not a web address (http:// or https://)",
    ),
    (
        "province,total\nLạng Sơn,20\nLang Son,21\n",
        {"year": 2025},
        ", row 3, column total: 2025 Lạng Sơn total 21 contradicts 20 in row 2 of this file",
    ),
    (
        "year,province,measure,value\n2025,Lạng Sơn,rank,5\n2024,Lạng Sơn,rank,5\n"
        "2025,Lang Son,rank,6\n",
        {},
        ": 2 problems:\n"
        "  row 4, column value: 2025 Lạng Sơn rank 6 contradicts 5 in row 2 of this file\n"
        "  row 3, column value: 2024: rank 5 is given to both Bình Dương and Lạng Sơn",
    ),
    (
        "province,score\nLạng Sơn,20\n",
        {"year": 2025},
        ", row 1: unknown column 'score'; expected: province, year, sub_index_1, sub_index_2, "
        "sub_index_3, sub_index_4, total, rank, source_url, note, firms_surveyed, "
        "sub_index_1_ci_low … total_ci_high",
    ),
    (
        "province,measure,value\nLạng Sơn,overall,20\n",
        {"year": 2025},
        ", row 2, column measure: unknown measure 'overall'; expected one of sub_index_1, "
        "sub_index_2, sub_index_3, sub_index_4, total, rank",
    ),
    (
        "province,year,total,rank\nLạng Sơn,2025,,\n",
        {},
        ": no figures to add: every row is blank apart from province and year",
    ),
    (
        "province,year\nLạng Sơn,2025\n",
        {},
        ", row 1: no figures: name the columns sub_index_1, sub_index_2, sub_index_3, "
        "sub_index_4, total, rank (or measure and value)",
    ),
]


@pytest.mark.parametrize(("text", "options", "message"), BAD_FILES)
def test_bad_file_is_refused_and_changes_nothing(pgi_dir, tmp_path, text, options, message):
    path = write(tmp_path / "bad.csv", text)
    before = stored(pgi_dir)
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, **{"source": SOURCE, **options}, pgi_dir=pgi_dir)
    assert str(error.value) == f"{path}{message}".replace("{path}", str(path))
    assert stored(pgi_dir) == before


def test_repeated_rows_in_one_file_are_kept_once(pgi_dir, tmp_path):
    text = (
        "province,total,rank\n"
        "Cao Bằng,24,20\n"
        "Lạng Sơn,22.6,30\n"
        "Cao Bang,24.0,20\n"
        "Lạng Sơn,22.6,30\n"
    )
    summary = scores.add_scores_file(
        write(tmp_path / "twice.csv", text), year=2025, source=SOURCE, pgi_dir=pgi_dir
    )
    assert summary == (
        f"twice.csv: added 4 figures to {pgi_dir / 'added' / '0001_scores_2025.csv'}\n"
        "  2025: total 2, rank 2\n"
        "row 4 repeats row 2: kept once\n"
        "row 5 repeats row 3: kept once"
    )
    written = (pgi_dir / "added" / "0001_scores_2025.csv").read_text(encoding="utf-8")
    assert len(written.splitlines()) == 5  # the header and four figures


def test_rejected_file_after_an_add_leaves_every_stored_file_unchanged(pgi_dir, tmp_path):
    good = write(tmp_path / "good.csv", "province,total\nCao Bằng,24\n")
    scores.add_scores_file(good, year=2025, source=SOURCE, pgi_dir=pgi_dir)
    before = stored(pgi_dir)
    assert set(before) == {"SOURCES.md", "pgi_observations.csv", "added/0001_scores_2025.csv"}
    bad = write(tmp_path / "bad.csv", "province,total\nCao Bằng,24\nLạng Sơn,99\n")
    with pytest.raises(InputError):
        scores.add_scores_file(bad, year=2025, source=SOURCE, pgi_dir=pgi_dir)
    assert stored(pgi_dir) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "scores.txt",
            b"province,total\n",
            ": expected a .csv or .xlsx file (save .xls or .ods files as .xlsx)",
        ),
        (
            "scores.csv",
            "province,total\nCà Mau,20\n".encode("cp1252"),
            ", line 2: not UTF-8 text (byte 0xe0); save the file as UTF-8 (in Excel: Save As, "
            "CSV UTF-8)",
        ),
        ("scores.csv", b"\n\n", ": the file is empty"),
        (
            "scores.xlsx",
            b"not a workbook",
            ": cannot read the workbook (File is not a zip file); open it in Excel and save it "
            "again as .xlsx",
        ),
    ],
)
def test_unreadable_files(pgi_dir, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, year=2025, source=SOURCE, pgi_dir=pgi_dir)
    assert str(error.value) == f"{path}{message}"
    with pytest.raises(InputError, match="no such file"):
        scores.add_scores_file(tmp_path / "missing.csv", pgi_dir=pgi_dir)


def test_add_long_xlsx(pgi_dir, tmp_path):
    book = Workbook()
    book.active.append(["Year", "Province", "Measure", "Value", "Source URL"])
    book.active.append([2025, "Thành phố Hồ Chí Minh", "total", 27.5, SOURCE])
    book.active.append([])
    book.active.append([2025, "TP.HCM", "rank", 4, SOURCE])
    book.save(tmp_path / "long.xlsx")
    scores.add_scores_file(tmp_path / "long.xlsx", pgi_dir=pgi_dir)
    table = scores.load_scores(pgi_dir)
    assert figure(table, "ho-chi-minh", 2025, "total").value == 27.5
    assert figure(table, "ho-chi-minh", 2025, "rank").value == 4


# Indicator-level values ------------------------------------------------------------------------


def test_indicator_values_are_stored_apart(pgi_dir, tmp_path, table):
    text = 'indicator_id,province,value\n1.10,Lạng Sơn,"45,2"\n1.01,lang son,50\n'
    summary = scores.add_scores_file(
        write(tmp_path / "ind.csv", text), year=2024, source=SOURCE, pgi_dir=pgi_dir
    )
    assert summary == (
        f"ind.csv: added 2 figures to {pgi_dir / 'added' / '0001_indicators_2024.csv'}\n"
        "  2024: indicator values 2"
    )
    indicators = scores.load_indicator_scores(pgi_dir)
    assert indicators[["indicator_id", "province_id", "value"]].values.tolist() == [
        ["1.01", "lang-son", 50.0],
        ["1.10", "lang-son", 45.2],
    ]
    assert len(scores.load_scores(pgi_dir)) == len(table)


@pytest.mark.parametrize(
    ("name", "indicator_id", "message"),
    [
        ("ind.csv", "1.1", "ambiguous indicator id '1.1': write 1.01 or 1.10 (as text)"),
        ("ind.csv", "2.3", "ambiguous indicator id '2.3': write 2.03 or 2.30 (as text)"),
        ("ind.xlsx", "1.1", "ambiguous indicator id '1.1': write 1.01 or 1.10 (as text)"),
        # Excel keeps a typed 1.10 as the number 1.1, so a number is as ambiguous as text.
        ("ind.xlsx", 1.1, "ambiguous indicator id '1.1': write 1.01 or 1.10 (as text)"),
    ],
)
def test_one_digit_indicator_id_is_ambiguous(pgi_dir, tmp_path, name, indicator_id, message):
    path = tmp_path / name
    if path.suffix == ".csv":
        write(path, f"indicator_id,province,value\n{indicator_id},Lạng Sơn,45\n")
    else:
        book = Workbook()
        book.active.append(["indicator_id", "province", "value"])
        book.active.append([indicator_id, "Lạng Sơn", 45])
        book.save(path)
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, year=2024, source=SOURCE, pgi_dir=pgi_dir)
    assert str(error.value) == f"{path}, row 2, column indicator_id: {message}"


def test_indicator_ids_as_text_in_a_workbook(pgi_dir, tmp_path):
    book = Workbook()
    book.active.append(["indicator_id", "province", "value"])
    book.active.append(["1.10", "Lạng Sơn", 45])
    book.active.append(["1.01", "Lạng Sơn", 50])
    book.active.append([2.05, "Lạng Sơn", 7])  # a number with two decimals is unambiguous
    book.save(tmp_path / "ind.xlsx")
    scores.add_scores_file(tmp_path / "ind.xlsx", year=2024, source=SOURCE, pgi_dir=pgi_dir)
    indicators = scores.load_indicator_scores(pgi_dir)
    assert indicators[["indicator_id", "value"]].values.tolist() == [
        ["1.01", 50.0],
        ["1.10", 45.0],
        ["2.05", 7.0],
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1.01,Lạng Sơn,100.5", "indicator 1.01 (unit %) must be between 0 and 100, not 100.5"),
        (
            "1.03,Lạng Sơn,-2",
            "indicator 1.03 (unit % DN đồng ý) must be between 0 and 100, not -2",
        ),
        ("1.05,Lạng Sơn,-1", "indicator 1.05 (a count) must be 0 or more, not -1"),
    ],
)
def test_implausible_indicator_value_is_refused(pgi_dir, tmp_path, row, message):
    path = write(tmp_path / "ind.csv", f"indicator_id,province,value\n{row}\n")
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, year=2024, source=SOURCE, pgi_dir=pgi_dir)
    assert str(error.value) == f"{path}, row 2, column value: {message}"


def test_indicator_values_at_the_ends_of_their_units(pgi_dir, tmp_path):
    text = "indicator_id,province,value\n1.01,Lạng Sơn,0\n1.02,Lạng Sơn,100\n1.05,Lạng Sơn,120\n"
    scores.add_scores_file(
        write(tmp_path / "ind.csv", text), year=2024, source=SOURCE, pgi_dir=pgi_dir
    )
    assert scores.load_indicator_scores(pgi_dir).value.tolist() == [0.0, 100.0, 120.0]


def test_unknown_indicator_is_refused(pgi_dir, tmp_path):
    path = write(tmp_path / "ind.csv", "indicator_id,province,value\n1.99,Lạng Sơn,3\n")
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, year=2024, source=SOURCE, pgi_dir=pgi_dir)
    assert str(error.value) == (
        f"{path}, row 2, column indicator_id: indicator_id 1.99 is not in "
        "data/reference/indicators.csv"
    )


# The fill-in template ----------------------------------------------------------------------------


def test_template_lists_the_provinces_of_its_year(tmp_path):
    write_template(2025, tmp_path / "2025.xlsx")
    write_template(2024, tmp_path / "2024.xlsx")
    book_2025 = load_workbook(tmp_path / "2025.xlsx")
    assert book_2025.sheetnames == ["Điểm PGI", "Hướng dẫn - Instructions"]
    sheet = book_2025["Điểm PGI"]
    header = [cell.value.split("\n") for cell in sheet[1]]
    assert [lines[0] for lines in header] == [
        "province",
        "year",
        *vocabulary.MEASURES,
        "source_url",
        "note",
        "firms_surveyed",
        *[f"{m}_{end}" for m in scores.INTERVAL_MEASURES for end in ("ci_low", "ci_high")],
    ]
    assert header[0] == ["province", "Tỉnh, thành phố", "Province"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == 35 and "Huế" in names and "Bắc Giang" not in names
    assert names[-1] == "Trung bình cả nước"
    names_2024 = [
        row[0]
        for row in load_workbook(tmp_path / "2024.xlsx").active.iter_rows(
            min_row=2, values_only=True
        )
    ]
    assert len(names_2024) == 64 and "Thừa Thiên Huế" in names_2024


def test_template_bytes_are_reproducible(tmp_path):
    write_template(2025, tmp_path / "a.xlsx")
    write_template(2025, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    properties = load_workbook(tmp_path / "a.xlsx").properties
    assert properties.created == properties.modified == datetime.datetime(2026, 1, 21)


def test_template_round_trip(pgi_dir, tmp_path):
    write_template(2025, tmp_path / "pgi_2025.xlsx")
    book = load_workbook(tmp_path / "pgi_2025.xlsx")
    sheet = book["Điểm PGI"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "Lạng Sơn":
            for cell, value in zip(row[2:9], [5.1, 5.2, 6.0, 6.3, 22.6, 30, SOURCE], strict=True):
                cell.value = value
        if row[0].value == "Trung bình cả nước":
            row[6].value, row[8].value = "25,1", SOURCE
    book.save(tmp_path / "pgi_2025.xlsx")
    summary = scores.add_scores_file(tmp_path / "pgi_2025.xlsx", pgi_dir=pgi_dir)
    assert summary.splitlines()[-1] == "ignored 33 rows without figures"
    table = scores.load_scores(pgi_dir)
    lang_son = table[(table.province_id == "lang-son") & (table.year == 2025)]
    assert lang_son.set_index("measure").value.to_dict() == {
        "sub_index_1": 5.1,
        "sub_index_2": 5.2,
        "sub_index_3": 6.0,
        "sub_index_4": 6.3,
        "total": 22.6,
        "rank": 30.0,
    }
    assert figure(table, "national-mean", 2025, "total").value == 25.1


@pytest.mark.parametrize("year", [2021, NEXT_YEAR])
def test_template_only_for_years_that_can_be_added(pgi_dir, tmp_path, year):
    out = tmp_path / "x.xlsx"
    message = f"year {year} is outside the PGI's years, 2022 to {NEXT_YEAR - 1}"
    with pytest.raises(InputError) as error:
        write_template(year, out)
    assert str(error.value) == f"{out}: {message}"
    assert not out.exists()
    path = write(tmp_path / "x.csv", "province,total\nLạng Sơn,20\n")
    with pytest.raises(InputError) as error:
        scores.add_scores_file(path, year=year, source=SOURCE, pgi_dir=pgi_dir)
    assert str(error.value) == f"{path}, row 2, column year: {message}"


# Imports -----------------------------------------------------------------------------------------


@pytest.mark.integration
def test_reading_scores_does_not_load_openpyxl():
    code = (
        "import sys; from pgi_analysis import scores; scores.load_scores(); "
        "print('openpyxl' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.stdout, result.stderr) == ("False\n", "")
