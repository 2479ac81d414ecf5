"""Rank bounds from every stored table: each rule on six hand-made provinces, then Lạng Sơn 2024
from the committed figures (61st of 63, implied, with its premises)."""

import pandas as pd
import pytest
from outcome_frames import BELOW_THIRD, OUT_OF_LINE, TWO_RANKED, provinces, scores

from pgi_analysis import outcomes, ranks

INFERRED = "page shows no year; 2024 inferred (see SOURCES.md)"


@pytest.fixture(scope="module")
def six():
    return provinces()


def _bounds(table: pd.DataFrame) -> dict[str, tuple]:
    rows = table[["province_id", "rank_best", "rank_worst", "rank_status"]]
    return {pid: (best, worst, status) for pid, best, worst, status in rows.itertuples(index=False)}


# --- the rules, on six provinces ----------------------------------------------------------------

HOA_LAST = (2024, "hoa", "total", 18.0, True)  # completes the list below Bình: 4 = 6 − 2


def test_published_ranks_totals_and_rounding_bound_the_others(six):
    bounds = _bounds(ranks.rank_bounds(scores(*TWO_RANKED), six, 2024))
    assert bounds["an"] == (1, 1, ranks.PUBLISHED)
    assert bounds["cuong"] == (3, 5, ranks.BOUNDED)  # Dũng surely behind; Giang undecided
    assert bounds["giang"] == (3, 5, ranks.BOUNDED)
    assert bounds["dung"] == (5, 6, ranks.BOUNDED)  # Cường and Giang are above it, beyond rounding
    assert bounds["hoa"] == (3, 6, ranks.BOUNDED)  # no figure: places 1 and 2 are taken


def test_a_complete_list_below_a_published_rank_implies_ranks(six):
    table = ranks.rank_bounds(scores(*TWO_RANKED, HOA_LAST), six, 2024).set_index("province_id")
    assert _bounds(table.reset_index()) == {
        "an": (1, 1, ranks.PUBLISHED),
        "binh": (2, 2, ranks.PUBLISHED),
        "cuong": (3, 4, ranks.BOUNDED),
        "dung": (5, 5, ranks.IMPLIED),
        "giang": (3, 4, ranks.BOUNDED),
        "hoa": (6, 6, ranks.IMPLIED),
    }
    assert table.loc["dung", ["ahead", "behind"]].tolist() == [4, 1]
    assert table.loc["binh", ["ahead", "behind"]].tolist() == [1, 4]  # exact, when published


def test_a_province_without_figures_outside_the_list_is_in_the_top(six):
    table = scores(*BELOW_THIRD)
    bounds = _bounds(ranks.rank_bounds(table, six, 2024))
    assert bounds["an"] == (2, 2, ranks.IMPLIED)
    assert bounds["cuong"] == (4, 4, ranks.IMPLIED) and bounds["giang"] == (6, 6, ranks.IMPLIED)
    (found,) = ranks.year_ranks(table, six, 2024).lists
    assert (found.rank, found.province_id, found.members) == (
        3,
        "binh",
        frozenset({"cuong", "dung", "giang"}),
    )


def test_no_figure_at_all_leaves_every_rank_possible(six):
    bounds = _bounds(ranks.rank_bounds(scores((2024, "an", "total", 25.0)), six, 2024))
    assert bounds["binh"] == (1, 6, ranks.UNKNOWN)


def test_ranks_out_of_line_with_totals_are_contradictory(six):
    table = scores(*OUT_OF_LINE)
    row = ranks.rank_bounds(table, six, 2024).set_index("province_id").loc["cuong"]
    assert row["rank_status"] == ranks.CONTRADICTORY
    assert pd.isna(row["rank_best"]) and pd.isna(row["rank_worst"])


def test_from_2025_only_the_merged_provinces_are_ranked(six):
    table = ranks.rank_bounds(scores((2025, "an", "rank", 2)), six, 2025)
    assert table["province_id"].tolist() == ["an", "cuong", "dung", "giang", "hoa"]
    assert _bounds(table)["cuong"] == (1, 5, ranks.UNKNOWN)


def test_outside_top_is_the_highest_published_rank_surely_above(six):
    table = scores(*TWO_RANKED)
    assert ranks.outside_top(table, six, 2024, "cuong") == 2
    assert ranks.outside_top(table, six, 2024, "an") is None  # its own rank is published
    assert ranks.outside_top(table, six, 2024, "hoa") is None  # no total
    # a derived total within 0.05 of a published one is not surely below it
    near = scores(
        (2024, "an", "rank", 1), (2024, "an", "total", 25.0), (2024, "binh", "total", 24.96, True)
    )
    assert ranks.outside_top(near, six, 2024, "binh") is None


def test_premises_name_the_list_its_counts_and_the_inferred_year(six):
    table = scores(
        *TWO_RANKED, HOA_LAST, notes=dict.fromkeys(["cuong", "dung", "giang", "hoa"], INFERRED)
    )
    premises = ranks.rank_premises(table, six, "dung").set_index("year").loc[2024]
    assert premises[["rank_best", "rank_worst", "rank_status"]].tolist() == [5, 5, ranks.IMPLIED]
    assert premises[["list_rank", "list_province_id", "list_total", "list_size"]].tolist() == [
        2,
        "binh",
        28.0,
        4,
    ]
    assert bool(premises["in_list"]) and not bool(premises["list_total_derived"])
    assert premises[["list_above", "list_below", "list_level"]].tolist() == [2, 1, 0]
    assert premises["ranked_ahead_by_total"] == 2
    assert premises["derived_totals_compared"]
    assert premises["inferred_year_note"] == INFERRED
    cuong = ranks.rank_premises(table, six, "cuong").iloc[0]
    assert cuong[["list_above", "list_below", "list_level"]].tolist() == [0, 2, 1]


def test_premises_without_a_list_or_rank(six):
    premises = ranks.rank_premises(scores(*TWO_RANKED), six, "an").iloc[0]
    assert premises["rank_status"] == ranks.PUBLISHED and pd.isna(premises["list_rank"])
    assert pd.isna(premises["in_list"]) and premises["inferred_year_note"] == ""
    assert not premises["derived_totals_compared"]


def test_regional_relations_and_position(six):
    # region Bắc: An, Bình, Cường. With the list complete, Cường is 3rd or 4th nationally,
    # behind An and Bình (published ranks 1 and 2): 3rd of 3 in its region.
    table = scores(*TWO_RANKED, HOA_LAST)
    relations = ranks.regional_rank_bounds(table, six, 2024, "cuong")
    assert list(relations[["province_id", "relation", "basis"]].itertuples(index=False)) == [
        ("an", ranks.AHEAD, "totals"),
        ("binh", ranks.AHEAD, "totals"),
    ]
    assert ranks.regional_position(table, six, 2024, "cuong") == (3, 3, 3, ranks.IMPLIED)
    # Dũng in region Nam (Dũng, Giang, Hòa): 5th nationally, ahead of Hòa, behind Giang
    assert ranks.regional_position(table, six, 2024, "dung") == (3, 2, 2, ranks.IMPLIED)


def test_a_region_member_without_figures_is_placed_by_the_list(six):
    table = scores(*BELOW_THIRD)
    relations = ranks.regional_rank_bounds(table, six, 2024, "cuong").set_index("province_id")
    an = relations.loc["an"]
    assert (an["relation"], an["basis"], an["has_figures"], an["in_list"]) == (
        ranks.AHEAD,
        "rank bounds",
        False,
        False,
    )
    assert relations.loc["binh", "basis"] == "totals"


def test_a_published_national_rank_narrows_the_regional_position(six):
    # Cường published 2nd: at most one province, of any region, is ahead of it
    table = scores((2024, "cuong", "rank", 2))
    assert ranks.regional_position(table, six, 2024, "cuong") == (3, 1, 2, ranks.BOUNDED)


# --- Lạng Sơn, from the committed figures -----------------------------------------------------


@pytest.fixture(scope="module")
def data(committed_pgi):
    return outcomes.load_outcome_data(committed_pgi)


def test_lang_son_2024_is_implied_61st_of_63(data):
    path = outcomes.trajectory(data.scores, data.provinces).set_index("year")
    assert path.loc[2024, ["rank_best", "rank_worst", "rank_status"]].tolist() == [
        61,
        61,
        ranks.IMPLIED,
    ]
    assert path.loc[2023, ["rank_best", "rank_worst", "rank_status"]].tolist() == [
        62,
        62,
        ranks.PUBLISHED,
    ]
    premises = ranks.rank_premises(data.scores, data.provinces, "lang-son", [2024]).iloc[0]
    assert premises[["list_rank", "list_province_id", "list_total", "list_size"]].tolist() == [
        30,
        "gia-lai",
        25.05,
        33,
    ]
    assert premises[["list_above", "list_below", "list_level"]].tolist() == [30, 2, 0]
    assert premises["inferred_year_note"] == INFERRED


def test_lang_son_is_last_of_its_region_in_2024(data):
    relations = ranks.regional_rank_bounds(data.scores, data.provinces, 2024, "lang-son")
    by_bounds = relations[relations["basis"] == "rank bounds"]
    assert sorted(by_bounds["province_id"]) == ["bac-kan", "son-la"]
    assert not by_bounds["has_figures"].any() and not by_bounds["in_list"].any()
    assert (relations["relation"] == ranks.AHEAD).all() and len(relations) == 13
    path = outcomes.trajectory(data.scores, data.provinces).set_index("year")
    assert path.loc[2024, ["region_rank_best", "region_rank_worst"]].tolist() == [14, 14]
    assert path.loc[2022, ["region_rank_best", "region_rank_worst"]].tolist() == [1, 2]
