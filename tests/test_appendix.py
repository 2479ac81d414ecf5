"""The tidy tables against the document itself: every row below was read off the appendix."""

import dataclasses

import pandas as pd
import pytest

from pgi_analysis import paths
from pgi_analysis.schemas import REPAIRS

COMMUNES = "ubnd-cap-xa"
DEPARTMENTS = "cac-so-ban-nganh"
FIRMS = "doanh-nghiep"
MEDIA = "bao-phat-thanh-truyen-hinh"
NNMT = "so-nong-nghiep-moi-truong"
POLICE = "cong-an-tinh"
PROMOTION = "trung-tam-xuc-tien"
ZONE_BOARD = "ban-quan-ly-khu-kinh-te"

# indicator: (leads in document order, coordinators in document order)
TRICKY_ROWS = {
    # lead on the name's line; coordinators wrap, "UBND các xã, phường" has a comma inside
    "1.01": ([NNMT], [POLICE, MEDIA, DEPARTMENTS, COMMUNES, FIRMS]),
    # lead split by scope, given as bullets straight after a name without a unit
    "1.05": (["so-xay-dung", NNMT], [MEDIA, "cap-thoat-nuoc", COMMUNES]),
    # leads split by scope; a coordinator with a task phrase naming other bodies
    "1.06": ([ZONE_BOARD, "so-cong-thuong"], [NNMT, MEDIA, COMMUNES]),
    # lead with a task phrase naming the disaster committee, which is not thereby an actor
    "1.07": (
        [NNMT],
        [POLICE, NNMT, MEDIA, DEPARTMENTS, "hiep-hoi-doanh-nghiep", COMMUNES],
    ),
    # "Công an tỉnh, Sở Xây dựng;" separated by a comma; "Thủy" spelled with new tones
    "1.10": (
        [NNMT],
        ["dai-khi-tuong-thuy-van", MEDIA, POLICE, "so-xay-dung", DEPARTMENTS, COMMUNES],
    ),
    # unit without its closing parenthesis, lead right after it
    "1.12": (["so-xay-dung"], [MEDIA, POLICE, DEPARTMENTS, COMMUNES]),
    # three leads; utilities named inside a parenthesised list; "Văn hoá" old-style
    "1.13": (
        [NNMT, "so-xay-dung", "so-cong-thuong"],
        [
            MEDIA,
            POLICE,
            "so-van-hoa-the-thao-du-lich",
            DEPARTMENTS,
            COMMUNES,
            "vien-thong",
            "cap-thoat-nuoc",
            "dien-luc",
        ],
    ),
    # a row after a page break: lead with a task phrase, "(TCTK, %)"
    "1.15": ([COMMUNES], ["so-tai-chinh", NNMT, MEDIA]),
    # three leads over two lines
    "2.04": ([NNMT, POLICE, COMMUNES], ["thanh-tra-tinh", MEDIA, DEPARTMENTS, FIRMS, "ca-nhan"]),
    # lead and coordinating columns run together on one line, coordinators across a blank line
    "3.01": (["cac-so-ban-nganh-doan-the", COMMUNES], [FIRMS, "ca-nhan"]),
    # no unit: the lead is found as the known name that ends the line
    "3.03": (
        ["so-tai-chinh"],
        ["so-cong-thuong", NNMT, PROMOTION, ZONE_BOARD, DEPARTMENTS, COMMUNES, FIRMS],
    ),
    # "Sở Tài chính" listed twice: kept once
    "3.07": (
        ["so-cong-thuong"],
        ["so-tai-chinh", NNMT, PROMOTION, ZONE_BOARD, DEPARTMENTS, COMMUNES, FIRMS],
    ),
    # "Sở Tài chính;Trung tâm ..." without a space; "Đồng Đăng - Lạng Sơn" inside a name
    "4.03": (
        [NNMT],
        ["so-cong-thuong", "so-tai-chinh", PROMOTION, ZONE_BOARD, DEPARTMENTS, COMMUNES, FIRMS],
    ),
    # "này(%)" without a space; the lead on its own paragraph
    "4.05": (
        [PROMOTION],
        ["so-cong-thuong", "so-tai-chinh", NNMT, ZONE_BOARD, DEPARTMENTS, COMMUNES, FIRMS],
    ),
}


def _actors(assignments: pd.DataFrame, indicator_id: str, role: str) -> list[str]:
    rows = assignments[
        (assignments["indicator_id"] == indicator_id) & (assignments["role"] == role)
    ]
    return rows["agency_id"].tolist()


def test_42_indicators_in_four_sub_indices(tidy):
    counts = tidy.indicators.groupby("sub_index").size().to_dict()
    assert counts == {1: 15, 2: 11, 3: 10, 4: 6}
    assert tidy.indicators["indicator_id"].is_unique
    assert tidy.indicators["indicator_id"].iloc[[0, 14, 15, 41]].tolist() == [
        "1.01",
        "1.15",
        "2.01",
        "4.06",
    ]


def test_names_and_units_as_printed(tidy):
    indicators = tidy.indicators.set_index("indicator_id")
    expected = {
        "1.03": ("Doanh nghiệp không bị ảnh hưởng bởi mức độ ô nhiễm", "% DN đồng ý", "PGI survey"),
        "1.05": ("Chất lượng dịch vụ: Cung cấp nước sạch", "", "PGI survey"),
        "1.12": (
            "Nhận định: Hạ tầng giao thông được khôi phục nhanh chóng sau thiên tai",
            "% đồng ý",
            "PGI survey",
        ),
        "1.15": ("Tỷ lệ xã, phường có hoạt động thu gom rác thải hàng ngày", "%", "TCTK"),
        "2.07": ("Trả chi phí không chính thức cho thanh tra môi trường", "% DN", "PGI survey"),
        "3.03": (
            "Số hoạt động đầu tư xanh doanh nghiệp thực hiện trong 2 năm gần nhất",
            "",
            "PGI survey",
        ),
        "4.05": ("Không đầu tư xanh vì thiếu nhận thức về lĩnh vực này", "%", "PGI survey"),
    }
    for indicator_id, row in expected.items():
        found = indicators.loc[indicator_id, ["name_vi", "unit", "statistic_source"]]
        assert tuple(found) == row, indicator_id


def test_every_name_matches_the_independent_transcription(tidy):
    # data/reference/indicators.csv was typed up separately from the document
    reference = pd.read_csv(paths.INDICATORS_REFERENCE, dtype=str, keep_default_na=False)
    read = tidy.indicators[["indicator_id", "name_vi", "unit", "statistic_source"]]
    pd.testing.assert_frame_equal(read, reference[read.columns], check_dtype=False)


@pytest.mark.parametrize("indicator_id", sorted(TRICKY_ROWS))
def test_leads_and_coordinators_of_tricky_rows(tidy, indicator_id):
    leads, coordinators = TRICKY_ROWS[indicator_id]
    assert _actors(tidy.assignments, indicator_id, "lead") == leads
    assert _actors(tidy.assignments, indicator_id, "coordinator") == coordinators


def test_scopes_and_task_phrases_are_kept(tidy):
    rows = tidy.assignments.set_index(["indicator_id", "agency_id", "role"])
    assert rows.loc[("1.05", "so-xay-dung", "lead"), "scope"] == "nước sạch đô thị"
    assert rows.loc[("1.05", NNMT, "lead"), "scope"] == "cấp nước sạch nông thôn"
    assert rows.loc[("2.11", ZONE_BOARD, "lead"), "scope"] == (
        "quản lý việc xử lý nước thải tại các Khu công nghiệp"
    )
    assert rows.loc[("1.14", NNMT, "lead"), "task"] == (
        "tham mưu cho Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Lạng Sơn rà soát"
    )
    assert rows.loc[("1.08", COMMUNES, "coordinator"), "task"] == (
        "phối hợp rà soát gửi Sở Nông nghiệp và Môi trường tổng hợp chung"
    )
    # named only inside a task phrase: not an actor anywhere
    assert "ban-chi-huy-phong-chong-thien-tai" not in set(tidy.assignments["agency_id"])


def test_each_actor_once_per_role_and_counts(tidy):
    assignments = tidy.assignments
    assert not assignments.duplicated(["indicator_id", "agency_id", "role"]).any()
    assert assignments["role"].value_counts().to_dict() == {"coordinator": 225, "lead": 61}
    leads = assignments[assignments["role"] == "lead"]["agency_id"].value_counts()
    assert leads[NNMT] == 21
    assert set(assignments["agency_id"]) == set(tidy.agencies["agency_id"])
    assert len(tidy.agencies) == 21


def test_agencies_keep_the_spellings_seen(tidy):
    agencies = tidy.agencies.set_index("agency_id")
    assert agencies.loc[COMMUNES, "aliases"] == "UBND các xã, phường|UBND cấp xã"
    assert agencies.loc["dai-khi-tuong-thuy-van", "name_vi"] == "Đài Khí tượng Thủy văn tỉnh"
    assert agencies.loc[MEDIA, "name_vi"] == "Báo và Phát thanh, Truyền hình Lạng Sơn"


def test_repairs_report(tidy):
    repairs = tidy.repairs.set_index(["kind", "found"])["indicator_ids"].to_dict()
    assert list(tidy.repairs.columns) == REPAIRS.columns
    assert repairs == {
        (
            "merged columns",
            "Các Sở, ban, ngành, đoàn thể của tỉnh; UBND cấp xã - "
            "Các doanh nghiệp hoạt động sản xuất, kinh doanh, dịch vụ và cá nhân có liên quan.",
        ): "3.01 3.02",
        ("alias", "UBND cấp xã"): "1.03 3.01 3.02 3.09 3.10 4.04",
        ("spelling", "Đài khí tượng Thuỷ văn tỉnh"): "1.08 1.11",
        ("spelling", "Đài khí tượng Thủy văn tỉnh"): "1.09 1.10",
        ("unit", "(% đồng ý"): "1.12",
        ("spelling", "Sở Văn hoá, Thể thao và Du lịch"): "1.13",
        ("alias", "các đơn vị hoạt động sản xuất, kinh doanh liên quan"): "2.02",
        ("spelling", "Các sở, ban, ngành liên quan"): "2.06 4.01",
        ("alias", "Các doanh nghiệp có liên quan"): (
            "3.03 3.04 3.05 3.06 3.07 3.09 3.10 4.01 4.02 4.03 4.04 4.05 4.06"
        ),
        ("duplicate coordinator", "Sở Tài chính"): "3.07",
        ("unit", "này(%)"): "4.05",
    }


def test_committed_tables_are_current(tidy):
    for name, table in tidy.tables().items():
        committed = (paths.PROCESSED / f"{name}.csv").read_bytes()
        assert committed == table.to_csv(index=False, lineterminator="\n").encode(), name


def test_every_row_matches_the_hand_checked_reading(tidy):
    """tests/expected_roles.csv holds each indicator's leads and coordinators in document order,
    checked row by row by hand against data/raw/lang-son-kh18-2026-appendix.txt. Unlike
    data/processed/, `make report` never rewrites it: a changed reading must be argued here."""
    expected = pd.read_csv(paths.ROOT / "tests" / "expected_roles.csv", dtype=str).fillna("")
    for row in expected.itertuples(index=False):
        assert _actors(tidy.assignments, row.indicator_id, "lead") == row.leads.split()
        assert (
            _actors(tidy.assignments, row.indicator_id, "coordinator") == row.coordinators.split()
        )
    assert len(expected) == 42


def test_the_tidy_tables_are_checked_against_their_schemas_before_writing(tidy):
    assert list(tidy.tables()) == ["indicators", "agencies", "assignments"]
    repeated = dataclasses.replace(tidy, assignments=pd.concat([tidy.assignments] * 2))
    with pytest.raises(ValueError, match="assignments: the key"):
        repeated.tables()
    untyped = dataclasses.replace(tidy, indicators=tidy.indicators.astype({"sub_index": "str"}))
    with pytest.raises(ValueError, match="indicators: wrong types"):
        untyped.tables()
