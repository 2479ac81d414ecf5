"""Counting choices: each rewrites the tables as documented, the sensitivity table recomputes the
headline findings under each, and robustness says which hold. Counted by hand on the made-up
plan of made_up_plan.py, and pinned to the figures issue 11 quotes for the real appendix."""

import made_up_plan as made_up
import pandas as pd
import pytest

from pgi_analysis import counting
from pgi_analysis import responsibility as resp
from pgi_analysis.vocabulary import (
    COLLECTIVES_IN_CONCENTRATION,
    COMMUNES_AS_COLLECTIVE,
    COUNTING_CHOICE_LABELS,
    DEFAULT_COUNTING,
    INDIVIDUALS_WITH_FIRMS,
    SPLIT_LEADS_AS_SOLE,
    headline_label,
)

SNN = "so-nong-nghiep-moi-truong"
UBND = "ubnd-cap-xa"


@pytest.fixture(scope="module")
def made_up_sensitivity():
    return counting.sensitivity(made_up.ASSIGNMENTS, made_up.AGENCIES)


@pytest.fixture(scope="module")
def appendix_sensitivity(tidy):
    return counting.sensitivity(tidy.assignments, tidy.agencies)


# --- the choices as rewritings of the tables --------------------------------------------------


def test_every_choice_has_a_label_and_the_default_reads_the_tables_as_printed():
    assert set(counting.CHOICES) == set(COUNTING_CHOICE_LABELS)
    assert counting.DEFAULT_CHOICE == DEFAULT_COUNTING
    tables = counting.counting_choice(made_up.ASSIGNMENTS, made_up.AGENCIES, DEFAULT_COUNTING)
    assert tables[0] is made_up.ASSIGNMENTS and tables[1] is made_up.AGENCIES


def test_individuals_listed_with_the_firms_become_one_collective_with_them():
    made = made_up.assignments(
        ("1.01", "a", "lead"),
        ("1.01", made_up.FIRMS, "coordinator"),
        ("1.01", made_up.INDIVIDUALS, "coordinator"),
        ("1.02", "a", "lead"),
        ("1.02", made_up.INDIVIDUALS, "coordinator"),  # without the firms: kept
    )
    rows, agencies = counting.counting_choice(made, made_up.AGENCIES, INDIVIDUALS_WITH_FIRMS)
    assert list(rows[["indicator_id", "agency_id"]].itertuples(index=False, name=None)) == [
        ("1.01", "a"),
        ("1.01", made_up.FIRMS),
        ("1.02", "a"),
        ("1.02", made_up.INDIVIDUALS),
    ]
    assert agencies.equals(made_up.AGENCIES)  # the individuals are still named on 1.02
    rows, agencies = counting.counting_choice(
        made_up.ASSIGNMENTS, made_up.AGENCIES, INDIVIDUALS_WITH_FIRMS
    )
    assert made_up.INDIVIDUALS not in set(rows["agency_id"])
    assert made_up.INDIVIDUALS not in set(agencies["agency_id"])
    assert len(rows) == len(made_up.ASSIGNMENTS) - 2


def test_communes_as_a_collective_change_only_their_kind():
    rows, agencies = counting.counting_choice(
        made_up.ASSIGNMENTS, made_up.AGENCIES, COMMUNES_AS_COLLECTIVE
    )
    assert rows is made_up.ASSIGNMENTS
    assert agencies.set_index("agency_id")["kind"]["c"] == "collective"
    assert resp.named_agency_ids(agencies) == ["a", "b"]


def test_split_leads_get_a_part_each():
    rows, _ = counting.counting_choice(made_up.ASSIGNMENTS, made_up.AGENCIES, SPLIT_LEADS_AS_SOLE)
    parts = rows.loc[rows[resp.LEAD_PART] != "", ["indicator_id", "agency_id", resp.LEAD_PART]]
    assert list(parts.itertuples(index=False, name=None)) == [
        ("1.02", "a", "urban"),
        ("1.02", "b", "rural"),
    ]


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError, match="choice must be one of"):
        counting.counting_choice(made_up.ASSIGNMENTS, made_up.AGENCIES, "firms_as_bodies")


# --- the sensitivity table on the made-up plan ------------------------------------------------


def test_sensitivity_has_a_row_per_choice(made_up_sensitivity):
    assert made_up_sensitivity.index.tolist() == list(counting.CHOICES)
    assert made_up_sensitivity.index.name == "choice"
    for finding in made_up_sensitivity.columns:
        assert headline_label(finding, "vi") and headline_label(finding, "en")


def test_sensitivity_under_the_default(made_up_sensitivity):
    row = made_up_sensitivity.loc[DEFAULT_COUNTING]
    assert row["coordinator_assignments"] == 11
    assert row["collective_coordination_share"] == pytest.approx(6 / 11)
    assert row["shared_lead_indicators"] == 2
    # lead credit: a 1 + 1/2 + 1/2, b 1/2 + 1, c 1/2
    assert (row["top_lead"], row["top_lead_share"]) == ("a", pytest.approx(0.5))
    assert row["lead_hhi"] == pytest.approx(0.25 + 0.375**2 + 0.125**2)
    assert row["lead_gini"] == pytest.approx(0.25)
    # coordination among named bodies: a 1, b 2, c 2: b and c tie, both listed
    assert (row["top_coordinator"], row["top_coordinator_share"]) == ("b, c", pytest.approx(0.4))
    assert row["coordination_gini"] == pytest.approx(2 / 15)
    assert row["lead_more_unequal"]
    assert row["on_every_indicator"] == "a, b"
    assert row[["collective_coordinators_1", "named_coordinators_1"]].tolist() == [1.5, 1.5]
    assert row[["collective_coordinators_2", "named_coordinators_2"]].tolist() == [1.5, 1.0]
    assert row["collectives_outnumber_named"] == "2"
    assert row["most_concentrated_sub_index"] == "1"
    # a triangle: a–b share 4 indicators, a–c and b–c 3; nobody lies between two others
    assert (row["most_co_assigned"], row["broker"], row["broker_unweighted"]) == ("a, b", "", "")
    assert (row["strongest_tie"], row["strongest_tie_indicators"]) == ("a – b", 4)


def test_sensitivity_under_each_alternative(made_up_sensitivity):
    firms = made_up_sensitivity.loc[INDIVIDUALS_WITH_FIRMS]
    assert firms["coordinator_assignments"] == 9
    assert firms["collective_coordination_share"] == pytest.approx(4 / 9)
    assert firms["collectives_outnumber_named"] == ""  # CSTP 2: 1.0 against 1.0
    communes = made_up_sensitivity.loc[COMMUNES_AS_COLLECTIVE]
    assert communes["top_lead_share"] == pytest.approx(2 / 3.5)
    assert communes["top_coordinator"] == "b"
    assert communes["lead_gini"] == pytest.approx(1 / 14)
    assert not communes["lead_more_unequal"]  # 1/14 against 1/6
    assert communes["collectives_outnumber_named"] == "1, 2"
    split = made_up_sensitivity.loc[SPLIT_LEADS_AS_SOLE]
    assert split["shared_lead_indicators"] == 1
    assert split["top_lead_share"] == pytest.approx(0.5)  # credit is the same
    everyone = made_up_sensitivity.loc[COLLECTIVES_IN_CONCENTRATION]
    assert everyone["lead_gini"] == pytest.approx(0.625)
    assert everyone["top_coordinator"] == "b, c, cac-so-ban-nganh, doanh-nghiep, ca-nhan"
    assert everyone["collective_coordination_share"] == pytest.approx(6 / 11)


def test_robustness_says_which_findings_hold_under_every_choice(made_up_sensitivity):
    table = counting.robustness(made_up_sensitivity).set_index("finding")
    assert list(table.columns) == [
        "default", "holds_under_all", "depends_on", "lowest", "highest",
    ]  # fmt: skip
    assert table.loc["top_lead", "holds_under_all"]
    assert table.loc["top_lead", "depends_on"] == []
    assert table.loc["lead_more_unequal", "depends_on"] == [COMMUNES_AS_COLLECTIVE]
    assert table.loc["top_coordinator", "depends_on"] == [
        COMMUNES_AS_COLLECTIVE,
        COLLECTIVES_IN_CONCENTRATION,
    ]
    assert table.loc["shared_lead_indicators", "depends_on"] == [SPLIT_LEADS_AS_SOLE]
    share = table.loc["collective_coordination_share"]
    assert (share["lowest"], share["highest"]) == (pytest.approx(4 / 9), pytest.approx(8 / 11))
    assert pd.isna(table.loc["top_lead", "lowest"])


def test_robustness_treats_rounding_as_no_change():
    table = pd.DataFrame(
        {"share": [0.3, 0.1 + 0.2, 0.4], "top": ["a", "a", "a"], "unknown": [float("nan")] * 3},
        index=pd.Index([DEFAULT_COUNTING, "one", "two"], name="choice"),
    )
    found = counting.robustness(table).set_index("finding")
    assert found.loc["share", "depends_on"] == ["two"]
    assert found.loc["top", "holds_under_all"]
    assert found.loc["unknown", "holds_under_all"]


# --- the real appendix: the figures issue 11 quotes ---------------------------------------------


def test_appendix_coordinator_assignments_225_or_214(appendix_sensitivity):
    assigned = appendix_sensitivity["coordinator_assignments"]
    assert assigned[DEFAULT_COUNTING] == 225
    assert assigned[INDIVIDUALS_WITH_FIRMS] == 214


def test_appendix_lead_share_rises_to_0_410_when_communes_are_a_collective(appendix_sensitivity):
    share = appendix_sensitivity["top_lead_share"]
    assert share[DEFAULT_COUNTING] == pytest.approx((10 + 8 / 2 + 2 / 3 + 1 / 4) / 41)
    assert round(share[DEFAULT_COUNTING], 3) == 0.364
    # UBND cấp xã's 4.583 units of lead credit leave the named bodies' total
    assert share[COMMUNES_AS_COLLECTIVE] == pytest.approx(14.916667 / (41 - 4.583333))
    assert round(share[COMMUNES_AS_COLLECTIVE], 3) == 0.410
    assert set(appendix_sensitivity["top_lead"]) == {SNN}


def test_appendix_top_coordinator_and_the_body_on_every_indicator(appendix_sensitivity):
    assert appendix_sensitivity.loc[DEFAULT_COUNTING, "top_coordinator"] == UBND
    assert appendix_sensitivity.loc[COMMUNES_AS_COLLECTIVE, "top_coordinator"] == SNN
    assert appendix_sensitivity.loc[COMMUNES_AS_COLLECTIVE, "top_coordinator_share"] == (
        pytest.approx(21 / 112)
    )
    assert appendix_sensitivity.loc[DEFAULT_COUNTING, "on_every_indicator"] == UBND
    assert appendix_sensitivity.loc[COMMUNES_AS_COLLECTIVE, "on_every_indicator"] == ""


def test_appendix_cstp_2_collectives_outnumber_named_only_with_individuals_apart(
    appendix_sensitivity,
):
    columns = ["collective_coordinators_2", "named_coordinators_2"]
    assert appendix_sensitivity.loc[DEFAULT_COUNTING, columns].tolist() == pytest.approx(
        [30 / 11, 27 / 11]
    )
    assert [round(value, 3) for value in appendix_sensitivity.loc[DEFAULT_COUNTING, columns]] == [
        2.727,
        2.455,
    ]
    assert appendix_sensitivity.loc[INDIVIDUALS_WITH_FIRMS, columns].tolist() == pytest.approx(
        [2.0, 27 / 11]
    )
    outnumber = appendix_sensitivity["collectives_outnumber_named"]
    assert outnumber[DEFAULT_COUNTING] == "2"
    assert outnumber[INDIVIDUALS_WITH_FIRMS] == ""
    assert outnumber[COMMUNES_AS_COLLECTIVE] == "2, 3"


def test_appendix_robust_and_choice_dependent_findings(appendix_sensitivity):
    table = counting.robustness(appendix_sensitivity).set_index("finding")
    robust = table.index[table["holds_under_all"]].tolist()
    assert robust == ["top_lead", "lead_more_unequal", "most_concentrated_sub_index"]
    assert table.loc["shared_lead_indicators", "depends_on"] == [SPLIT_LEADS_AS_SOLE]
    assert table.loc["shared_lead_indicators", ["lowest", "highest"]].tolist() == [12, 15]
    # unweighted, the two tie as brokers (listed in the order of the agencies table)
    assert table.loc["broker_unweighted", "default"] == f"{SNN}, {UBND}"
    assert table.loc["broker", "default"] == UBND
    assert table.loc["strongest_tie", "depends_on"] == [COMMUNES_AS_COLLECTIVE]
