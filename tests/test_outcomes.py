"""Lạng Sơn's outcomes from the real figures, unknowns kept unknown, and a year added with
`scores add` flowing into every table and figure without a code change; each new rule also on
hand-made frames (`outcome_frames`)."""

import math
from pathlib import Path

import pandas as pd
import pytest
from outcome_frames import provinces, scores

from pgi_analysis import coverage, exposure, outcomes, ranks, selection
from pgi_analysis.appendix import TidyAppendix
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


def test_outside_top_counts_the_published_ranks_surely_above(data):
    path = outcomes.trajectory(data.scores, data.provinces).set_index("year")
    # 2024: the derived 22.63 is below Gia Lai's published 25.05, ranked 30th
    assert path.loc[2024, "outside_top"] == 30
    assert path[["outside_top"]].loc[[2022, 2023]].isna().all().all()  # ranks published

    def outside(year, province_id):
        return ranks.outside_top(data.scores, data.provinces, year, province_id)

    assert outside(2024, "gia-lai") is None  # its own rank is stored
    # Vĩnh Phúc (25.94, no rank) trails Hải Dương (26.34, 13th) but not Đắk Nông (25.24, 29th)
    assert outside(2024, "vinh-phuc") == 13
    assert outside(2022, "cao-bang") is None  # no total: no bound


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
    son_la = ranks.outside_top(data.scores, data.provinces, 2024, "son-la")
    assert son_la == 29  # below Đắk Nông's 25.24
    assert ranks.outside_top(data.scores, data.provinces, 2024, "bac-kan") == 30
    # these made-up figures put 34 provinces surely below the 30th of 63, who has only 33
    # places after it: the stored figures contradict the premises, and the rank says so
    path = outcomes.trajectory(data.scores, data.provinces).set_index("year")
    assert path.loc[2024, "rank_status"] == "contradictory"
    assert pd.isna(path.loc[2024, "rank_best"]) and pd.isna(path.loc[2024, "rank_worst"])


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


def test_link_puts_each_sub_index_score_beside_its_structure(data, comparison):
    structure = outcomes.sub_index_structure(data.tidy, data.sub_indices)
    link = outcomes.sub_index_link(structure, comparison, 2024).set_index("sub_index")
    assert link["value"].tolist() == [4.95, 4.95, 6.71, 6.02]
    assert link["position"].tolist() == [33, 34, 2, 19]
    assert [bool(flag) for flag in link["flag"]] == [True, True, False, False]
    # CSTP 4, 0.044 under the others' mean, is level: within rounding is not below
    assert link["relative_to_others"].tolist() == ["below", "below", "above", "level"]
    assert link["well_covered"].all()


def test_exposure_lists_a_body_s_indicators_beside_its_sub_index_scores(data):
    table = exposure.exposure(data.tidy, data.scores, data.provinces, 2024, data.indicator_scores)
    env = table[table["agency_id"] == "so-nong-nghiep-moi-truong"].set_index("sub_index")
    assert env["led"].tolist() == [10, 8, 1, 2] and env["led"].sum() == 21
    assert env.loc[4, "lead_indicators"] == "4.03, 4.04"
    assert env["relative_to_others"].tolist() == ["below", "below", "above", "level"]
    assert env["provinces_with_data"].tolist() == [36, 36, 35, 35]
    assert (env["indicators_with_values"] == 0).all()
    assert not {"mean_gap_of_led", "led_where_below_others"} & set(table.columns)
    assert table["agency_id"].iloc[0] == "so-nong-nghiep-moi-truong"  # most indicators led


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
    assert coverage.latest_year(data.scores, "sub_indices", outcomes.LANG_SON) == 2025
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


@pytest.fixture(scope="module")
def six():
    return provinces()


def test_relative_keeps_a_gap_within_rounding_level():
    assert [outcomes.relative(gap) for gap in (0.3, 0.05, -0.044, -0.05, -0.051)] == [
        "above",
        "level",
        "level",
        "level",
        "below",
    ]
    assert outcomes.relative(float("nan")) is None


def test_within_intervals():
    assert outcomes.within_intervals((4.5, 5.5), 5.4) is True
    assert outcomes.within_intervals((4.5, 5.5), 6.0) is False
    assert outcomes.within_intervals((4.5, 5.5), 6.0, (5.4, 6.6)) is True  # intervals overlap
    assert outcomes.within_intervals((math.nan, math.nan), 5.0) is pd.NA
    assert outcomes.within_intervals((4.5, 5.5), math.nan) is pd.NA


def test_compare_says_above_level_below_and_whether_intervals_cover_the_gap(six):
    table = scores(
        (2024, "an", "sub_index_1", 5.0, False, (4.5, 5.5)),
        (2024, "binh", "sub_index_1", 5.4),
        (2024, "cuong", "sub_index_1", 6.6),
        (2024, "national-mean", "sub_index_1", 5.6, False, (5.55, 5.65)),
        (2024, "an", "sub_index_2", 6.0, False, (5.0, 7.0)),
        (2024, "binh", "sub_index_2", 6.2),
        (2024, "cuong", "sub_index_2", 6.6),
        (2024, "an", "sub_index_3", 6.0),
        (2024, "dung", "sub_index_3", 6.03),
    )
    rows = outcomes.compare(table, six, "an").set_index("measure")
    first = rows.loc["sub_index_1"]
    assert (first["others_mean"], first["relative_to_others"]) == (6.0, "below")
    assert not first["gap_within_intervals"] and not first["national_gap_within_intervals"]
    assert first["relative_to_national_mean"] == "below"
    assert (first["coverage_share"], first["well_covered"]) == (0.5, True)
    second = rows.loc["sub_index_2"]
    assert second["gap_within_intervals"] and second["region_gap_within_intervals"]
    assert pd.isna(second["national_gap_within_intervals"])  # no national mean published
    third = rows.loc["sub_index_3"]
    assert third["relative_to_others"] == "level" and pd.isna(third["gap_within_intervals"])
    assert pd.isna(third["region_relative_to_others"])  # no other province of its region
    assert not third["well_covered"] and third["provinces_ranked"] == 6
    assert rows["gap_within_intervals"].dtype == "boolean"


def test_trajectory_carries_rank_bounds_and_the_regional_position(six):
    table = scores(
        (2024, "an", "rank", 1),
        (2024, "an", "total", 30.0),
        (2024, "binh", "total", 26.0, True),
        (2024, "cuong", "total", 23.0, True),
        (2024, "dung", "total", 24.0, True),
        (2024, "giang", "total", 21.0, True),
        (2024, "hoa", "total", 21.0, True),
    )
    row = outcomes.trajectory(table, six, "cuong").set_index("year").loc[2024]
    assert row[["rank_best", "rank_worst", "rank_status"]].tolist() == [4, 4, "implied"]
    assert pd.isna(row["rank"]) and row["outside_top"] == 1
    assert row[["region_provinces", "region_rank_best", "region_rank_worst"]].tolist() == [3, 3, 3]
    assert row["region_rank_status"] == "implied"


# --- exposure: a body's indicators beside the scores, no gap per body ---------------------------


def _tidy() -> TidyAppendix:
    """Three indicators; alpha and beta share the lead of 1.02, alpha is also its coordinator;
    gamma is a collective."""
    assignments = pd.DataFrame(
        [
            ("1.01", "alpha", "lead"),
            ("1.01", "beta", "coordinator"),
            ("1.02", "alpha", "lead"),
            ("1.02", "beta", "lead"),
            ("1.02", "alpha", "coordinator"),
            ("2.01", "beta", "lead"),
            ("2.01", "gamma", "coordinator"),
        ],
        columns=["indicator_id", "agency_id", "role"],
    )
    agencies = pd.DataFrame(
        {
            "agency_id": ["alpha", "beta", "gamma"],
            "short_vi": ["A", "B", "C"],
            "short_en": ["A", "B", "C"],
            "kind": ["provincial department", "provincial agency", "collective"],
        }
    )
    return TidyAppendix(pd.DataFrame(), agencies, assignments, pd.DataFrame())


EXPOSURE_SCORES = (
    (2024, "an", "sub_index_1", 5.0),
    (2024, "binh", "sub_index_1", 6.0),
    (2024, "cuong", "sub_index_1", 7.0),
    (2024, "an", "sub_index_2", 6.0),
    (2024, "binh", "sub_index_2", 6.03),
)


def test_exposure_on_a_small_plan(six):
    values = pd.DataFrame(
        {"indicator_id": ["1.01"], "year": [2024], "province_id": ["an"], "value": [40.0]}
    )
    table = exposure.exposure(_tidy(), scores(*EXPOSURE_SCORES), six, 2024, values, "an")
    columns = ["agency_id", "sub_index", "led", "lead_indicators", "coordinated"]
    columns += ["coordinator_indicators", "value", "provinces_with_data", "position"]
    columns += ["relative_to_others", "indicators_with_values", "collective"]
    assert [tuple(row) for row in table[columns].itertuples(index=False)] == [
        ("alpha", 1, 2, "1.01, 1.02", 1, "1.02", 5.0, 3, 3, "below", 1, False),
        ("beta", 1, 1, "1.02", 1, "1.01", 5.0, 3, 3, "below", 1, False),
        ("beta", 2, 1, "2.01", 0, "", 6.0, 2, 2, "level", 0, False),
        ("gamma", 2, 0, "", 1, "2.01", 6.0, 2, 2, "level", 0, True),
    ]


def test_exposure_without_a_year_has_no_scores(six):
    table = exposure.exposure(_tidy(), scores(*EXPOSURE_SCORES), six, None, province_id="an")
    assert table["value"].isna().all() and table["year"].isna().all()
    assert (table["flag"] == "").all() and len(table) == 4


def test_indicator_exposure_sets_each_indicator_beside_its_bodies(six):
    values = pd.DataFrame(
        {
            "indicator_id": ["1.01"] * 2,
            "year": [2024] * 2,
            "province_id": ["an", "binh"],
            "value": [40.0, 50.0],
        }
    )
    indicators = pd.DataFrame(
        {"indicator_id": ["1.01"], "higher_is_better": pd.array([True], dtype="boolean")}
    )
    compared = outcomes.indicator_comparison(values, six, indicators, "an")
    table = exposure.indicator_exposure(_tidy(), compared)
    rows = table[table["indicator_id"] == "1.01"]
    assert list(rows[["agency_id", "role", "value", "position"]].itertuples(index=False)) == [
        ("alpha", "lead", 40.0, 2),
        ("beta", "coordinator", 40.0, 2),
    ]
    assert table.loc[table["indicator_id"] != "1.01", "value"].isna().all()
    assert len(table) == 7  # every assignment, none aggregated


# --- the comparison group ---------------------------------------------------------------------

# An 1st (30.00, published); the five others' sub-indices sum to totals all below it, so they
# are the list of the provinces outside the top 1.
SELECTED = (
    (2024, "an", "rank", 1),
    (2024, "an", "total", 30.0),
    *(
        (2024, pid, f"sub_index_{n}", value)
        for pid, values in {
            "binh": (8, 4, 8, 6),
            "cuong": (7, 5, 7, 4),
            "dung": (6, 6, 6, 6),
            "giang": (5, 7, 5, 4),
            "hoa": (4, 8, 4, 5),
        }.items()
        for n, value in enumerate(values, 1)
    ),
    *(
        (2024, pid, "total", total, True)
        for pid, total in {"binh": 26, "cuong": 23, "dung": 24, "giang": 21, "hoa": 21}.items()
    ),
)


def test_correlations_between_sub_indices(six):
    table = selection.sub_index_table(scores(*SELECTED), 2024)
    assert table.index.tolist() == ["binh", "cuong", "dung", "giang", "hoa"]
    pairs = selection.sub_index_correlations(table).set_index(["sub_index_a", "sub_index_b"])
    assert pairs.loc[(1, 2), "correlation"] == pytest.approx(-1)
    assert pairs.loc[(1, 3), "correlation"] == pytest.approx(1)
    assert pairs.loc[(1, 4), "correlation"] == pytest.approx(1 / math.sqrt(10))
    assert (pairs["provinces"] == 5).all() and len(pairs) == 6


def test_a_group_drawn_from_the_list_outside_the_top_is_selected_for_low_totals(six):
    group = selection.comparison_group(scores(*SELECTED), six, 2024)
    assert (group.provinces, group.from_list, group.top) == (5, 5, 1)
    assert group.negative_pairs == 3 and group.selected_for_low_totals
    unranked = scores(*SELECTED[2:])  # without An's rank there is no list
    plain = selection.comparison_group(unranked, six, 2024)
    assert (plain.from_list, plain.top, plain.selected_for_low_totals) == (0, None, False)


def test_the_committed_2024_group_is_the_list_outside_the_top_30(data):
    group = selection.comparison_group(data.scores, data.provinces, 2024)
    assert (group.provinces, group.from_list, group.top) == (35, 33, 30)
    assert group.negative_pairs == 4 and group.selected_for_low_totals
