"""Responsibility measures, pinned to the real appendix where counted by hand from
data/raw/lang-son-kh18-2026-appendix.txt, and checked on small made-up tables for the rules."""

import math

import made_up_plan as made_up
import pandas as pd
import pytest

from pgi_analysis import responsibility as resp
from pgi_analysis import vocabulary

SNN = "so-nong-nghiep-moi-truong"
UBND = "ubnd-cap-xa"
COLLECTIVES = ["cac-so-ban-nganh", "cac-so-ban-nganh-doan-the", "doanh-nghiep", "ca-nhan"]


@pytest.fixture(scope="module")
def assignments(tidy):
    return tidy.assignments


@pytest.fixture(scope="module")
def agencies(tidy):
    return tidy.agencies


def _rows(table: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return list(table[columns].itertuples(index=False, name=None))


# --- lead load ------------------------------------------------------------------------------


def test_lead_load_of_every_body_that_leads(assignments):
    load = resp.lead_load(assignments)
    leaders = load[load["led"] > 0]
    assert _rows(leaders, ["agency_id", "led", "sole_lead", "shared_lead"]) == [
        (SNN, 21, 10, 11),
        (UBND, 9, 1, 8),
        ("so-tai-chinh", 7, 7, 0),
        ("so-cong-thuong", 6, 3, 3),
        ("cong-an-tinh", 4, 1, 3),
        ("thanh-tra-tinh", 4, 1, 3),
        ("so-xay-dung", 3, 1, 2),
        ("ban-quan-ly-khu-kinh-te", 2, 0, 2),
        ("dai-khi-tuong-thuy-van", 2, 2, 0),
        ("cac-so-ban-nganh-doan-the", 2, 0, 2),
        ("trung-tam-xuc-tien", 1, 1, 0),
    ]


def test_so_nong_nghiep_moi_truong_leads_21_coordinates_21_and_takes_part_in_39(assignments):
    snn = resp.lead_load(assignments).set_index("agency_id").loc[SNN]
    assert (snn["led"], snn["coordinated"], snn["involved"]) == (21, 21, 39)
    # 10 sole leads, 8 shared by two, 2 by three (1.13, 2.04), 1 by four (2.06)
    assert snn["lead_credit"] == pytest.approx(10 + 8 / 2 + 2 / 3 + 1 / 4)


def test_coordination_counts(assignments):
    coordinated = resp.lead_load(assignments).set_index("agency_id")["coordinated"]
    assert coordinated[UBND] == 36
    assert coordinated["bao-phat-thanh-truyen-hinh"] == 20
    assert coordinated["cong-an-tinh"] == 14
    assert coordinated["cac-so-ban-nganh"] == 35
    assert coordinated["doanh-nghiep"] == 31
    assert coordinated["ca-nhan"] == 11


def test_commune_governments_take_part_in_every_indicator(assignments):
    involved = resp.lead_load(assignments).set_index("agency_id")["involved"]
    assert involved[UBND] == assignments["indicator_id"].nunique() == 42


def test_lead_credit_hands_out_one_unit_per_indicator(assignments):
    assert resp.lead_load(assignments)["lead_credit"].sum() == pytest.approx(42)


def test_lead_load_by_sub_index_adds_up_to_the_totals(assignments):
    parts = resp.lead_load(assignments, by_sub_index=True)
    summed = parts.groupby("agency_id")[["led", "sole_lead", "coordinated"]].sum()
    totals = resp.lead_load(assignments).set_index("agency_id")[summed.columns]
    pd.testing.assert_frame_equal(summed.sort_index(), totals.sort_index())


def test_leads_by_sub_index(assignments):
    table = resp.leads_by_sub_index(assignments)
    assert list(table.columns) == [1, 2, 3, 4]
    assert table.loc[SNN].tolist() == [10, 8, 1, 2]
    assert table.loc["so-tai-chinh"].tolist() == [0, 0, 4, 3]
    assert table.to_numpy().sum() == 61
    assert list(table.index) == list(resp.lead_load(assignments).query("led > 0")["agency_id"])


def test_a_shared_lead_counts_whole_in_led_and_as_a_fraction_in_credit():
    made_up = pd.DataFrame(
        {
            "indicator_id": ["1.01", "1.01", "1.02", "1.02"],
            "agency_id": ["a", "b", "a", "c"],
            "role": ["lead", "lead", "lead", "coordinator"],
        }
    )
    load = resp.lead_load(made_up).set_index("agency_id")
    assert load.loc["a", ["led", "sole_lead", "shared_lead"]].tolist() == [2, 1, 1]
    assert load.loc["a", "lead_credit"] == pytest.approx(1.5)
    assert load.loc["b", "lead_credit"] == pytest.approx(0.5)
    assert load.loc["c", ["led", "coordinated"]].tolist() == [0, 1]


# --- overlaps and shared leads --------------------------------------------------------------


def test_role_overlaps_are_exactly_the_six_found_in_the_text(assignments):
    overlaps = resp.role_overlaps(assignments)
    assert _rows(overlaps, ["indicator_id", "agency_id"]) == [
        ("1.03", UBND),
        ("1.07", SNN),
        ("1.08", SNN),
        ("1.14", SNN),
        ("2.01", UBND),
        ("2.02", UBND),
    ]
    spelled = overlaps.set_index("indicator_id")
    assert (spelled.loc["1.03", "lead_text"], spelled.loc["1.03", "coordinator_text"]) == (
        "UBND cấp xã",
        "UBND các xã, phường",
    )


def test_shared_leads_and_which_are_split_by_scope(assignments):
    shared = resp.shared_leads(assignments)
    assert shared["indicator_id"].tolist() == [
        "1.03", "1.05", "1.06", "1.13",
        "2.01", "2.02", "2.03", "2.04", "2.06", "2.08", "2.09", "2.10", "2.11",
        "3.01", "3.02",
    ]  # fmt: skip
    assert shared.loc[shared["scope_split"], "indicator_id"].tolist() == ["1.05", "1.06", "2.11"]
    four = shared.set_index("indicator_id").loc["2.06"]
    assert four["leads"] == 4
    assert four["lead_agencies"] == f"{SNN}, cong-an-tinh, thanh-tra-tinh, {UBND}"


def test_number_of_leads_per_indicator(assignments, agencies):
    leads = resp.coordinators_per_indicator(assignments, agencies)["leads"]
    table = resp.count_by(leads, "indicators")
    assert list(table.columns) == ["leads", "indicators"]
    assert _rows(table, ["leads", "indicators"]) == [(1, 27), (2, 12), (3, 2), (4, 1)]


def test_count_by_follows_a_given_order_and_leaves_out_absent_values(assignments):
    table = resp.count_by(assignments["role"], "assignments", order=vocabulary.ROLE_CELLS)
    assert _rows(table, ["role", "assignments"]) == [("coordinator", 225), ("lead", 61)]
    assert table.index.tolist() == [0, 1]


# --- coordinators and collectives -----------------------------------------------------------


def test_coordinators_per_indicator(assignments, agencies):
    table = resp.coordinators_per_indicator(assignments, agencies).set_index("indicator_id")
    columns = ["coordinators", "named_coordinators", "collective_coordinators"]
    # Báo, Công an, Sở VHTTDL, UBND, VNPT, water and power companies; "các Sở, ban, ngành"
    assert table.loc["1.13", columns].tolist() == [8, 7, 1]
    assert table.loc["2.06", columns].tolist() == [2, 0, 2]
    assert table.loc["3.07", columns].tolist() == [7, 5, 2]  # Sở Tài chính listed twice, once
    assert table["sub_index"].tolist() == [1] * 15 + [2] * 11 + [3] * 10 + [4] * 6


def test_collective_share(assignments, agencies):
    table = resp.collective_share(assignments, agencies).set_index("role")
    assert table.loc["lead", ["assignments", "to_collectives"]].tolist() == [61, 2]
    assert table.loc["coordinator", ["assignments", "to_collectives"]].tolist() == [225, 77]
    assert table.loc["coordinator", "indicators_with_collective"] == 37


def test_assignments_by_kind(assignments, agencies):
    table = resp.assignments_by_kind(assignments, agencies).set_index("kind")
    assert table.loc["provincial department", ["bodies", "led"]].tolist() == [5, 37]
    assert table.loc["commune government", ["led", "coordinated"]].tolist() == [9, 36]
    assert table.loc["media", ["led", "coordinated"]].tolist() == [0, 20]
    assert table["lead_credit_share"].sum() == pytest.approx(1)
    assert table["coordination_share"].sum() == pytest.approx(1)
    assert table.index[-2:].tolist() == ["collective", "businesses"]


def test_with_agency_names_puts_names_after_the_id(assignments, agencies):
    named = resp.with_agency_names(resp.role_overlaps(assignments), agencies)
    assert list(named.columns[:6]) == [
        "indicator_id", "agency_id", "short_vi", "short_en", "kind", "collective",
    ]  # fmt: skip
    assert named["short_vi"].tolist()[:2] == ["UBND cấp xã", "Sở NN&MT"]


def test_split_collectives_numbers_each_part_afresh(assignments, agencies):
    load = resp.with_agency_names(resp.lead_load(assignments), agencies)
    named, collectives = resp.split_collectives(load)
    assert len(named) == 17 and sorted(collectives["agency_id"]) == sorted(COLLECTIVES)
    assert named.index.tolist() == list(range(17)) and collectives.index.tolist() == [0, 1, 2, 3]
    assert "collective" not in named.columns and named["agency_id"].iloc[0] == SNN


def test_sub_index_summary(tidy):
    sub_indices = pd.DataFrame(
        {
            "sub_index": [1, 2, 3, 4],
            "code": [f"CSTP {n}" for n in range(1, 5)],
            "name_vi": list("abcd"),
            "name_en": list("ABCD"),
        }
    )
    table = resp.sub_index_summary(tidy.indicators, tidy.assignments, sub_indices)
    assert table["indicators"].tolist() == [15, 11, 10, 6]
    assert table["several_leads"].tolist() == [4, 9, 2, 0]
    assert table["lead_assignments"].sum() == 61
    assert table["coordinator_assignments"].sum() == 225


# --- concentration --------------------------------------------------------------------------


def test_concentration_measures_on_simple_shares():
    assert resp.herfindahl(pd.Series([1.0, 1.0])) == pytest.approx(0.5)
    assert resp.herfindahl(pd.Series([0.0, 3.0])) == pytest.approx(1.0)
    assert resp.gini(pd.Series([2.0, 2.0, 2.0, 2.0])) == pytest.approx(0.0)
    assert resp.gini(pd.Series([0.0, 0.0, 0.0, 5.0])) == pytest.approx(0.75)
    points = resp.lorenz_points(pd.Series({"b": 3.0, "a": 1.0, "c": 0.0}))
    assert points["agency_id"].tolist() == ["c", "a", "b"]
    assert points["cumulative_share"].tolist() == pytest.approx([0, 0.25, 1])
    assert points["population_share"].tolist() == pytest.approx([1 / 3, 2 / 3, 1])


def test_concentration_overall(assignments, agencies):
    table = resp.concentration(assignments, agencies).set_index("role")
    lead = table.loc["lead"]
    assert (lead["top_agencies"], lead["top_bodies"], lead["bodies"]) == (SNN, 1, 10)
    # lead credit of named bodies: 42 minus the 1 held by the collective co-leads of 3.01, 3.02
    assert lead["named_total"] == pytest.approx(41)
    assert lead["top_share_of_named"] == pytest.approx((10 + 8 / 2 + 2 / 3 + 1 / 4) / 41)
    coordinator = table.loc["coordinator"]
    assert (coordinator["top_agencies"], coordinator["top_bodies"]) == (UBND, 1)
    assert coordinator["bodies"] == 17
    assert coordinator["named_total"] == 225 - 77
    assert coordinator["top_share_of_named"] == pytest.approx(36 / 148)
    assert lead["gini"] > coordinator["gini"]
    assert lead["equivalent_bodies"] == pytest.approx(1 / lead["hhi"])


def test_concentration_by_sub_index(assignments, agencies):
    table = resp.concentration(assignments, agencies, by_sub_index=True)
    leads = table[table["role"] == "lead"].set_index("sub_index")
    assert leads["top_agencies"].tolist() == [SNN, SNN, "so-tai-chinh", "so-tai-chinh"]
    assert leads["top_bodies"].tolist() == [1, 1, 1, 1]
    # in CSTP 1 Sở NN&MT leads 7 alone, 1.03 and 1.05 with one other, 1.13 with two others
    assert leads.loc[1, "top_share_of_named"] == pytest.approx((7 + 2 / 2 + 1 / 3) / 15)
    assert leads.loc[4, "top_share_of_named"] == pytest.approx(3 / 6)


def test_concentration_lists_every_body_tied_at_the_top(assignments, agencies):
    table = resp.concentration(assignments, agencies, by_sub_index=True)
    coordinators = table[table["role"] == "coordinator"].set_index("sub_index")
    # CSTP 3: the Economic Zone Board and the commune PCs coordinate 8 indicators each
    assert coordinators.loc[3, "top_bodies"] == 2
    assert coordinators.loc[3, "top_agencies"] == f"ban-quan-ly-khu-kinh-te, {UBND}"
    assert coordinators.loc[3, "top_share_of_named"] == pytest.approx(8 / 35)
    # CSTP 4: Sở Công Thương, the Economic Zone Board and the commune PCs, 6 each
    assert coordinators.loc[4, "top_bodies"] == 3
    assert coordinators.loc[4, "top_agencies"] == f"so-cong-thuong, ban-quan-ly-khu-kinh-te, {UBND}"
    assert coordinators.loc[4, "top_share_of_named"] == pytest.approx(6 / 30)
    assert coordinators.loc[1, "top_bodies"] == 1


def test_top_holders_sees_ties_through_rounding_and_nobody_in_an_empty_role():
    thirds = pd.Series({"a": 1 / 3 + 1 / 3 + 1 / 3, "b": 1.0, "c": 0.5})
    assert resp.top_holders(thirds) == ["a", "b"]
    assert resp.top_holders(pd.Series({"a": 0.0, "b": 0.0})) == []


def test_lorenz_curve_covers_every_named_body(assignments, agencies):
    curve = resp.lorenz_curve(assignments, agencies, "lead")
    assert len(curve) == 17
    assert not set(COLLECTIVES) & set(curve["agency_id"])
    assert curve["cumulative_share"].iloc[-1] == pytest.approx(1)
    assert curve["agency_id"].iloc[-1] == SNN


def test_role_weights_rejects_an_unknown_role(assignments, agencies):
    with pytest.raises(ValueError, match="role must be one of"):
        resp.role_weights(assignments, agencies, "chair")


# --- matrix and network ---------------------------------------------------------------------


def test_role_matrix(assignments, agencies):
    matrix = resp.role_matrix(assignments, agencies)
    assert matrix.shape == (42, 21)
    assert list(matrix.columns[-4:]) == COLLECTIVES
    assert matrix.loc["1.03", UBND] == "both"
    assert matrix.loc["1.05", "so-xay-dung"] == "lead"
    assert matrix.loc["1.15", "so-tai-chinh"] == "coordinator"
    assert matrix.loc["1.12", SNN] == "none"
    assert matrix.stack().value_counts().to_dict() == {
        "none": 602,
        "coordinator": 219,
        "lead": 55,
        "both": 6,
    }


def test_co_assignment_graph_links_named_bodies_by_shared_indicators(assignments, agencies):
    graph = resp.co_assignment_graph(assignments, agencies)
    assert graph.number_of_nodes() == 17
    assert not set(COLLECTIVES) & set(graph.nodes)
    # Sở NN&MT is on 39 indicators and UBND cấp xã on all 42: they share 39
    assert graph.edges[SNN, UBND]["weight"] == 39
    assert graph.edges[UBND, "bao-phat-thanh-truyen-hinh"]["weight"] == 20
    assert graph.nodes["dien-luc"]["kind"] == "utility"
    ties = resp.co_assignment_ties(graph)
    assert _rows(ties.head(1), ["agency_a", "agency_b", "shared_indicators"]) == [(SNN, UBND, 39)]
    assert len(ties) == graph.number_of_edges() == 77


def test_network_centrality(assignments, agencies):
    graph = resp.co_assignment_graph(assignments, agencies)
    table = resp.network_centrality(graph)
    assert table["agency_id"].tolist()[:2] == [UBND, SNN]
    top = table.set_index("agency_id").loc[UBND]
    # UBND cấp xã is on every indicator, so it shares with each body all that body's indicators
    involved = resp.lead_load(assignments).set_index("agency_id")["involved"]
    assert top["co_assignments"] == involved.drop([UBND, *COLLECTIVES]).sum()
    assert (top["partners"], top["co_assignments"]) == (16, 159)
    assert table["betweenness"].idxmax() == 0
    assert len(table) == 17


# --- size-aware concentration, ties, brokers, wording (made-up tables, counted by hand) -------


def test_herfindahl_floor_spreads_whole_units_as_evenly_as_they_go():
    assert resp.herfindahl_floor(6, 17) == pytest.approx(1 / 6)
    assert resp.herfindahl_floor(15, 17) == pytest.approx(1 / 15)
    assert resp.herfindahl_floor(34, 17) == pytest.approx(1 / 17)
    # 30 among 17: 13 hold 2 and 4 hold 1
    assert resp.herfindahl_floor(30, 17) == pytest.approx((13 * 4 + 4 * 1) / 900)
    assert math.isnan(resp.herfindahl_floor(0, 17))
    assert resp.normalised_herfindahl(0.625, 0.5) == pytest.approx(0.25)
    assert math.isnan(resp.normalised_herfindahl(1.0, 1.0))


def test_size_aware_concentration_on_a_made_up_plan():
    table = resp.size_aware_concentration(made_up.ASSIGNMENTS, made_up.AGENCIES)
    leading = table[table["role"] == "lead"].set_index("sub_index")
    # CSTP 1: a leads 1.01 alone and shares 1.02 with b: credits 1.5 and 0.5 of 2
    assert leading.loc[1, ["indicators", "units", "bodies"]].tolist() == [2, 2, 2]
    assert leading.loc[1, "hhi"] == pytest.approx(0.75**2 + 0.25**2)
    assert leading.loc[1, "hhi_floor"] == pytest.approx(0.5)
    assert leading.loc[1, "hhi_normalised"] == pytest.approx(0.25)
    assert leading.loc[1, "gini"] == pytest.approx(0.5)  # over a, b, c: 1.5, 0.5, 0
    assert leading.loc[1, "gini_among_holders"] == pytest.approx(0.25)  # over 1.5, 0.5
    # CSTP 2: credits 0.5, 1, 0.5: a shared lead spreads them below the floor of 2 indicators
    assert leading.loc[2, "hhi"] == pytest.approx(0.375)
    assert leading.loc[2, "hhi_normalised"] == pytest.approx(-0.25)
    assert leading.loc[2, "gini_among_holders"] == pytest.approx(1 / 6)
    coordinating = table[table["role"] == "coordinator"].set_index("sub_index")
    # CSTP 1: b once, c twice among the named: 3 assignments over 3 bodies, floor 1/3
    assert coordinating.loc[1, ["units", "bodies"]].tolist() == [3, 2]
    assert coordinating.loc[1, "hhi_normalised"] == pytest.approx((5 / 9 - 1 / 3) / (2 / 3))


def test_concentration_with_collectives_counts_every_actor_as_a_holder():
    table = resp.concentration(made_up.ASSIGNMENTS, made_up.AGENCIES, collectives=True)
    coordinating = table.set_index("role").loc["coordinator"]
    # a coordinates once; b, c, the departments, the firms and the individuals twice each
    assert coordinating["top_agencies"] == "b, c, cac-so-ban-nganh, doanh-nghiep, ca-nhan"
    assert coordinating["top_share_of_named"] == pytest.approx(2 / 11)
    assert coordinating["hhi"] == pytest.approx(21 / 121)
    leading = table.set_index("role").loc["lead"]
    assert leading["gini"] == pytest.approx(0.625)  # 2, 1.5, 0.5 and three zeros


def test_size_aware_concentration_of_the_appendix_ranks_sub_indices_fairly(assignments, agencies):
    table = resp.size_aware_concentration(assignments, agencies)
    leading = table[table["role"] == "lead"].set_index("sub_index")
    assert leading["indicators"].tolist() == [15, 11, 10, 6]
    assert leading.loc[4, "hhi_floor"] == pytest.approx(1 / 6)
    assert leading.loc[1, "hhi_floor"] == pytest.approx(1 / 15)
    # raw HHI and Gini over all 17 make CSTP 4 the most concentrated ...
    assert leading["hhi"].idxmax() == leading["gini"].idxmax() == 4
    # ... its size allowed for, CSTP 1 is, and CSTP 4 is the least unequal among its leads
    assert leading["hhi_normalised"].idxmax() == 1
    assert leading["gini_among_holders"].idxmax() == 1
    assert leading["gini_among_holders"].idxmin() == 4
    assert leading.loc[4, "gini_among_holders"] == pytest.approx(2 / 9)  # credits 3, 2, 1


def test_top_with_ties_never_cuts_inside_a_tie():
    table = pd.DataFrame({"pair": list("pqrstu"), "shared": [9, 7, 5, 5, 5, 2]})
    assert resp.top_with_ties(table, "shared", 1)["pair"].tolist() == ["p"]
    assert resp.top_with_ties(table, "shared", 3)["pair"].tolist() == list("pqrst")
    assert resp.top_with_ties(table, "shared", 5)["pair"].tolist() == list("pqrst")
    assert resp.top_with_ties(table, "shared", 9)["pair"].tolist() == list("pqrstu")
    assert resp.top_with_ties(table, "shared", 0).empty


def test_co_assignment_ties_of_the_appendix_keep_the_four_pairs_tied_at_16(assignments, agencies):
    graph = resp.co_assignment_graph(assignments, agencies)
    ties = resp.co_assignment_ties(graph, top=6)
    assert ties["shared_indicators"].tolist() == [39, 20, 19, 18, 17, 16, 16, 16, 16]
    assert resp.co_assignment_ties(graph, top=1)["shared_indicators"].tolist() == [39]


def _square():
    """p–q–s and p–r–s: two paths of two steps; the path through r has the heavier links."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_weighted_edges_from([("p", "q", 1), ("q", "s", 1), ("p", "r", 4), ("r", "s", 4)])
    return graph


def test_network_brokers_weighted_and_unweighted():
    brokers = resp.network_brokers(_square()).set_index("agency_id")
    # one step per link: every pair of opposite corners has two shortest paths, so all tie
    assert brokers["betweenness_unweighted"].tolist() == pytest.approx([1 / 6] * 4)
    # distance 1/weight: p to s runs through r only (1/4 + 1/4 < 1 + 1); q to r through p or s
    assert brokers.loc[["r", "p", "s", "q"], "betweenness"].tolist() == pytest.approx(
        [1 / 3, 1 / 6, 1 / 6, 0]
    )
    assert brokers.index.tolist() == ["r", "p", "s", "q"]


def test_network_brokers_of_the_appendix(assignments, agencies):
    graph = resp.co_assignment_graph(assignments, agencies)
    brokers = resp.network_brokers(graph).set_index("agency_id")
    assert resp.top_holders(brokers["betweenness"]) == [UBND]
    unweighted = brokers["betweenness_unweighted"]
    assert sorted(resp.top_holders(unweighted)) == sorted([SNN, UBND])
    # and the weighted column is the one network_centrality reports
    centrality = resp.network_centrality(graph).set_index("agency_id")["betweenness"]
    pd.testing.assert_series_equal(centrality.sort_index(), brokers["betweenness"].sort_index())


def test_printed_name_drops_the_scope_and_the_task():
    assert resp.printed_name("Sở Xây dựng (nước sạch đô thị)", "nước sạch đô thị", "") == (
        "Sở Xây dựng"
    )
    assert resp.printed_name("UBND các xã, phường chủ trì chỉ đạo", "", "chủ trì chỉ đạo") == (
        "UBND các xã, phường"
    )
    assert resp.printed_name("Sở Tài chính", "", "") == "Sở Tài chính"


def test_role_overlap_wording_on_a_made_up_table():
    made = made_up.assignments(
        ("1.01", "a", "lead", "", "tham mưu rà soát"),
        ("1.01", "a", "coordinator", "", "", "Sở A"),
        ("1.02", "b", "lead", "", "", "UBND cấp xã"),
        ("1.02", "b", "coordinator", "", "", "UBND các xã, phường"),
        ("1.02", "a", "coordinator"),
    )
    wording = resp.role_overlap_wording(made)
    assert _rows(wording, list(wording.columns)) == [
        ("1.01", "a", "a", "Sở A", False, "tham mưu rà soát"),
        ("1.02", "b", "UBND cấp xã", "UBND các xã, phường", False, ""),
    ]


def test_role_overlap_wording_of_the_appendix(assignments):
    wording = resp.role_overlap_wording(assignments).set_index("indicator_id")
    assert wording.index[~wording["spelled_alike"]].tolist() == ["1.03"]
    assert wording.loc["1.03", ["lead_name", "coordinator_name"]].tolist() == [
        "UBND cấp xã",
        "UBND các xã, phường",
    ]
    assert wording.index[wording["lead_task"] != ""].tolist() == ["1.07", "1.08", "1.14"]
    assert wording.loc["1.07", "lead_task"].startswith("tham mưu cho Ban Chỉ huy")


def test_a_lead_part_column_makes_split_leads_sole_leads_of_their_part():
    parted = made_up.ASSIGNMENTS.assign(
        lead_part=made_up.ASSIGNMENTS["scope"].where(made_up.ASSIGNMENTS["role"] == "lead", "")
    )
    load = resp.lead_load(parted).set_index("agency_id")
    assert load.loc["a", ["led", "sole_lead", "shared_lead"]].tolist() == [3, 2, 1]
    assert load.loc["b", ["led", "sole_lead", "shared_lead"]].tolist() == [2, 2, 0]
    # credit unchanged: each part is half of 1.02
    assert load["lead_credit"].to_dict() == pytest.approx(
        resp.lead_load(made_up.ASSIGNMENTS).set_index("agency_id")["lead_credit"].to_dict()
    )
    assert resp.shared_leads(parted)["indicator_id"].tolist() == ["2.01"]
