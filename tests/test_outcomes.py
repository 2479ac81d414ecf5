"""Lạng Sơn's outcomes from the real figures, unknowns kept unknown, and a year added with
`scores add` flowing into every table without a code change (the figures drawn from them:
test_outcome_figures.py)."""

import math
from pathlib import Path

import pandas as pd
import pytest

from pgi_analysis import outcomes
from pgi_analysis.scores import add_scores_file

SOURCE = "https://pcivietnam.vn/pgi-2025"


@pytest.fixture(scope="module")
def data(committed_pgi):
    return outcomes.load_outcome_data(committed_pgi)


@pytest.fixture(scope="module")
def comparison(data):
    return outcomes.compare(data.scores, data.provinces)


def _row(table: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    for column, value in where.items():
        mask &= table[column] == value
    (index,) = table.index[mask]
    return table.loc[index]


def _add(pgi_dir: Path, tmp_path: Path, text: str, **options) -> None:
    path = tmp_path / "added.csv"
    path.write_text(text, encoding="utf-8")
    add_scores_file(path, source=SOURCE, pgi_dir=pgi_dir, **options)


# --- the real figures -------------------------------------------------------------------------


def test_trajectory_as_published_with_unknowns_left_unknown(data):
    path = outcomes.trajectory(data.scores, data.provinces).set_index("year")
    assert list(path.index) == [2022, 2023, 2024]
    assert path.loc[2022, "rank"] == 2 and math.isnan(path.loc[2022, "total"])
    assert path.loc[2023, ["rank", "total"]].tolist() == [62, 17.33]
    assert not path.loc[2023, "total_derived"]
    subs = path.loc[2024, ["sub_index_1", "sub_index_2", "sub_index_3", "sub_index_4"]]
    assert subs.tolist() == [4.95, 4.95, 6.71, 6.02]
    assert path.loc[2024, "total"] == 22.63 and path.loc[2024, "total_derived"]
    assert pd.isna(path.loc[2024, "rank"])  # outside the top 30: not published, not guessed
    assert path["equal_sub_indices_1_2"].tolist() == [False, False, True]
    assert path["provinces_ranked"].tolist() == [63, 63, 63]
    assert path.loc[2023, "relative_rank"] == pytest.approx(62 / 63)
    assert pd.isna(path.loc[2024, "relative_rank"])


def test_an_unpublished_rank_is_bounded_only_by_published_ranks_and_totals(data):
    path = outcomes.trajectory(data.scores, data.provinces).set_index("year")
    # 2024: the derived 22.63 is below Gia Lai's published 25.05, ranked 30th
    assert path.loc[2024, "outside_top"] == 30
    assert path[["outside_top"]].loc[[2022, 2023]].isna().all().all()  # ranks published
    assert outcomes.outside_top(data.scores, 2024, "gia-lai") is None  # its own rank is stored
    # Vĩnh Phúc (25.94, no rank) trails Hải Dương (26.34, 13th) but not Đắk Nông (25.24, 29th)
    assert outcomes.outside_top(data.scores, 2024, "vinh-phuc") == 13
    assert outcomes.outside_top(data.scores, 2022, "cao-bang") is None  # no total: no bound


def test_a_derived_total_within_rounding_of_a_ranked_province_is_not_below_it(pgi_dir, tmp_path):
    # derived totals 25.02 and 24.98 against Gia Lai's published 25.05 (30th): a derived total
    # may be 0.05 off the one VCCI would print, so only 24.98 is surely below
    _add(
        pgi_dir,
        tmp_path,
        "province,sub_index_1,sub_index_2,sub_index_3,sub_index_4\n"
        "Sơn La,6,6,6,7.02\nBắc Kạn,6,6,6,6.98\n",
        year=2024,
    )
    data = outcomes.load_outcome_data(pgi_dir)
    assert outcomes.outside_top(data.scores, 2024, "son-la") == 29  # below Đắk Nông's 25.24
    assert outcomes.outside_top(data.scores, 2024, "bac-kan") == 30


def test_rows_with_sub_indices_1_and_2_equal_are_flagged(data):
    equal = outcomes.equal_sub_indices_1_2(data.scores)
    assert list(zip(equal.year, equal.province_id, equal.sub_index_1, strict=True)) == [
        (2024, "lang-son", 4.95),
        (2024, "yen-bai", 5.31),
    ]


def test_coverage_counts_provinces_with_each_figure(data):
    table = outcomes.coverage(data.scores, data.provinces).set_index("year")
    assert table.loc[2024, ["sub_index_1", "sub_index_3", "total", "rank"]].tolist() == [
        36,
        35,
        49,
        9,
    ]
    assert table.loc[2024, "derived_totals"] == 33
    assert table["national_mean_total"].tolist()[1:] == [21.0, 25.39]
    assert table.loc[2022, "total"] == 0 and math.isnan(table.loc[2022, "national_mean_total"])


def test_lang_son_against_all_provinces_with_data(comparison):
    first = _row(comparison, year=2024, measure="sub_index_1")
    assert (first.provinces_with_data, first.position, first.flagged_values) == (36, 33, 2)
    assert first.gap_to_others == pytest.approx(-1.405714, abs=1e-6)
    assert "sub-indices 1 and 2" in first.flag
    third = _row(comparison, year=2024, measure="sub_index_3")
    assert (third.provinces_with_data, third.position, third.flag) == (35, 2, "")
    assert third.percentile == pytest.approx(100 * 33 / 34)


def test_derived_total_compared_with_the_published_national_mean(comparison):
    total = _row(comparison, year=2024, measure="total")
    assert total.value == 22.63 and total.derived
    assert (total.provinces_with_data, total.position, total.derived_values) == (49, 47, 33)
    assert total.gap_to_national_mean == pytest.approx(22.63 - 25.39)
    published = _row(comparison, year=2023, measure="total")
    assert not published.derived and published.gap_to_national_mean == pytest.approx(-3.67)


def test_lang_son_against_its_region(comparison):
    total = _row(comparison, year=2024, measure="total")
    assert (total.region_provinces_with_data, total.region_position) == (12, 12)
    assert total.region_gap_to_others == pytest.approx(-1.115455, abs=1e-6)


def test_years_without_the_figure_stay_unknown(comparison):
    unknown = comparison[comparison["year"] == 2022]
    assert unknown["value"].isna().all() and unknown["position"].isna().all()
    assert (unknown["provinces_with_data"] == 0).all()
    sub_2023 = _row(comparison, year=2023, measure="sub_index_4")
    assert math.isnan(sub_2023.value) and sub_2023.provinces_with_data == 3


def test_standing_respects_direction_ties_and_unknowns():
    values = pd.Series({"a": 1.0, "b": 2.0, "c": 2.0, "d": 3.0})
    assert outcomes.standing(values, "b")["position"] == 2
    assert outcomes.standing(values, "b")["percentile"] == pytest.approx(100 * 1.5 / 3)
    lower_is_better = outcomes.standing(values, "a", higher_is_better=False)
    assert (lower_is_better["position"], lower_is_better["percentile"]) == (1, 100)
    missing = outcomes.standing(values, "e")
    assert pd.isna(missing["position"]) and math.isnan(missing["gap_to_others"])
    assert (missing["provinces_with_data"], missing["others_mean"]) == (4, 2.0)


# --- responsibility beside the scores ---------------------------------------------------------


def test_sub_index_structure(data):
    table = outcomes.sub_index_structure(data.tidy, data.sub_indices).set_index("sub_index")
    assert table["indicators"].tolist() == [15, 11, 10, 6]
    assert table["overlaps"].tolist() == [4, 2, 0, 0]
    leads = [
        "so-nong-nghiep-moi-truong",
        "so-nong-nghiep-moi-truong",
        "so-tai-chinh",
        "so-tai-chinh",
    ]
    assert table["top_leads"].tolist() == leads
    assert table["top_lead_bodies"].tolist() == [1, 1, 1, 1]
    assert table["top_leads_vi"].tolist() == ["Sở NN&MT", "Sở NN&MT", "Sở TC", "Sở TC"]
    assert table.loc[1, "top_lead_share_of_named"] == pytest.approx(5 / 9)
    # of the named bodies' 9 lead credits in CSTP 3 (the collective co-leads hold the tenth)
    assert table.loc[3, "top_lead_share_of_named"] == pytest.approx(4 / 9)
    assert table.loc[2, "leads_per_indicator"] == pytest.approx(23 / 11)
    assert table.loc[2, "collective_coordinator_share"] == pytest.approx(30 / 57)
    assert table.loc[3, "collective_lead_share"] == pytest.approx(2 / 12)


def test_link_and_lead_agencies(data, comparison):
    structure = outcomes.sub_index_structure(data.tidy, data.sub_indices)
    link = outcomes.sub_index_link(structure, comparison, 2024).set_index("sub_index")
    assert link["value"].tolist() == [4.95, 4.95, 6.71, 6.02]
    assert link["position"].tolist() == [33, 34, 2, 19]
    assert [bool(flag) for flag in link["flag"]] == [True, True, False, False]
    agencies = outcomes.lead_agency_outcomes(data.tidy, link.reset_index())
    summary = outcomes.lead_agency_summary(agencies).set_index("agency_id")
    env = summary.loc["so-nong-nghiep-moi-truong"]
    assert (env.led, env.sub_indices, env.led_where_below_others, env.led_where_flagged) == (
        21,
        "1, 2, 3, 4",
        20,
        18,
    )
    assert summary.loc["so-tai-chinh", "sub_indices"] == "3, 4"
    assert summary.loc["so-tai-chinh", "mean_gap_of_led"] > 0


def test_an_indicator_without_direction_gets_no_better_or_worse(data):
    scores = pd.DataFrame(
        {
            "indicator_id": ["1.01"] * 3 + ["1.04"] * 3,
            "year": 2024,
            "province_id": ["lang-son", "cao-bang", "ha-noi"] * 2,
            "value": [30.0, 40.0, 50.0] * 2,
        }
    )
    indicators = pd.DataFrame(
        {
            "indicator_id": ["1.01", "1.04"],
            "higher_is_better": pd.array([pd.NA, False], dtype="boolean"),
        }
    )
    table = outcomes.indicator_comparison(scores, data.provinces, indicators)
    table = table.set_index("indicator_id")
    unknown = table.loc["1.01"]
    assert pd.isna(unknown["higher_is_better"]) and pd.isna(unknown["position"])
    assert math.isnan(unknown["percentile"]) and math.isnan(unknown["better_than_others"])
    assert pd.isna(unknown["region_position"]) and math.isnan(unknown["region_percentile"])
    assert unknown["gap_to_others"] == -15  # a plain difference, no judgement
    known = table.loc["1.04"]  # lower is better: 30 is the best of the three
    assert (known["position"], known["better_than_others"]) == (1, 15)
    assert table["higher_is_better"].dtype == "boolean"


def test_no_indicator_values_means_an_empty_comparison(data):
    table = outcomes.indicator_comparison(
        data.indicator_scores, data.provinces, data.tidy.indicators
    )
    assert table.empty and "better_than_others" in table.columns
    assert outcomes.indicator_coverage(data.indicator_scores).startswith("No indicator-level")


# --- a year added with `scores add` -----------------------------------------------------------


def test_an_added_year_flows_into_every_table(pgi_dir, tmp_path):
    _add(
        pgi_dir,
        tmp_path,
        "province,sub_index_1,sub_index_2,sub_index_3,total,rank\n"
        "Lạng Sơn,5,6,7,,20\n"
        "Cao Bằng,6,6,6,,\n"
        "Ha Noi,7,5,6,,\n",
        year=2025,
    )
    data = outcomes.load_outcome_data(pgi_dir)
    path = outcomes.trajectory(data.scores, data.provinces).set_index("year")
    assert path.loc[2025, ["rank", "provinces_ranked"]].tolist() == [20, 34]
    assert math.isnan(path.loc[2025, "sub_index_4"]) and math.isnan(path.loc[2025, "total"])
    assert outcomes.latest_sub_index_year(data.scores) == 2025
    comparison = outcomes.compare(data.scores, data.provinces)
    first = _row(comparison, year=2025, measure="sub_index_1")
    assert (first.provinces_with_data, first.position, first.others_mean) == (3, 3, 6.5)
    assert (first.region_provinces_with_data, first.region_position) == (2, 2)
    fourth = _row(comparison, year=2025, measure="sub_index_4")
    assert math.isnan(fourth.value) and fourth.provinces_with_data == 0
    assert outcomes.coverage(data.scores, data.provinces).set_index("year").loc[2025, "rank"] == 1


def test_more_provinces_for_a_stored_year_join_the_comparison(pgi_dir, tmp_path):
    _add(pgi_dir, tmp_path, "province,total\nCao Bằng,20.5\nBắc Kạn,19\n", year=2023)
    data = outcomes.load_outcome_data(pgi_dir)
    total = _row(outcomes.compare(data.scores, data.provinces), year=2023, measure="total")
    assert (total.provinces_with_data, total.position) == (21, 21)  # both above 17.33
    assert (total.region_provinces_with_data, total.region_position) == (3, 3)


def test_added_indicator_values_are_compared_in_their_direction(pgi_dir, tmp_path):
    # 1.04 "pollution by firms is widespread": lower is better
    _add(
        pgi_dir,
        tmp_path,
        "indicator_id,province,value\n1.04,Lạng Sơn,30\n1.04,Cao Bằng,40\n1.04,Hà Nội,50\n"
        "1.01,Lạng Sơn,30\n1.01,Cao Bằng,40\n",
        year=2024,
    )
    data = outcomes.load_outcome_data(pgi_dir)
    table = outcomes.indicator_comparison(
        data.indicator_scores, data.provinces, data.tidy.indicators
    )
    linked = outcomes.indicator_link(data.tidy, table).set_index("indicator_id")
    assert (linked.loc["1.04", "position"], linked.loc["1.04", "better_than_others"]) == (1, 15)
    assert (linked.loc["1.01", "position"], linked.loc["1.01", "better_than_others"]) == (2, -10)
    assert linked.loc["1.04", "leads"] >= 1 and linked.loc["1.04", "lead_bodies"]
    assert outcomes.indicator_coverage(data.indicator_scores).startswith("5 indicator-level")
