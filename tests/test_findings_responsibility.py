"""Notebook 02's findings: chosen by the data and by what each counting choice does to them, on
the made-up plan of made_up_plan.py and variants of it; and the real appendix's key figures,
formatted in both languages."""

import made_up_plan as made_up
import pandas as pd
import pytest

from pgi_analysis.findings import responsibility

PLAN, AGENCIES = made_up.ASSIGNMENTS, made_up.AGENCIES
PLAN_FINDINGS = responsibility.findings(PLAN, AGENCIES)


def _texts(assignments: pd.DataFrame, lang: str = "en") -> list[str]:
    if assignments is PLAN:  # the plan itself is read once per test session
        return PLAN_FINDINGS.texts(lang)
    return responsibility.findings(assignments, AGENCIES).texts(lang)


def _without(assignments: pd.DataFrame, indicator_id: str, agency_id: str) -> pd.DataFrame:
    chosen = (assignments["indicator_id"] == indicator_id) & (assignments["agency_id"] == agency_id)
    return assignments[~chosen].reset_index(drop=True)


def test_the_first_finding_states_the_default_counting_and_the_others_tried():
    first = _texts(PLAN)[0]
    assert first.startswith("Figures follow the default counting: every actor counts once")
    assert "one choice changed at a time" in first
    assert "unnamed collectives included in concentration" in first
    assert _texts(PLAN, "vi")[0].startswith("Số liệu tính theo cách đếm mặc định:")


def test_top_lead_alone_or_tied():
    assert made_up.starting(_texts(PLAN), "Sở A leads the most") == (
        "Sở A leads the most indicators: 3 of the 4 (1 alone, 2 with others; it coordinates 1 "
        "and takes part in 4 in all)."
    )
    tied = pd.concat([PLAN, made_up.assignments(("2.03", "b", "lead"))], ignore_index=True)
    # in the order of the lead-load table: more coordinations first
    assert made_up.starting(_texts(tied), "Sở B and Sở A lead") == (
        "Sở B and Sở A lead the most indicators, each: 3 of the 5 (Sở B: 2 alone, 1 with others; "
        "it coordinates 2 and takes part in 5 in all; Sở A: 1 alone, 2 with others; it "
        "coordinates 1 and takes part in 4 in all)."
    )


def test_bodies_on_every_indicator_are_named_only_when_there_are_any():
    assert made_up.starting(_texts(PLAN), "On all 4 indicators") == (
        "On all 4 indicators: Sở A leads 3 (1 alone) and coordinates 1; Sở B leads 2 (1 alone) "
        "and coordinates 2. This holds under every counting."
    )
    nowhere = _without(_without(PLAN, "2.02", "a"), "2.01", "b")
    assert not [text for text in _texts(nowhere) if text.startswith("On all")]


def test_a_body_on_every_indicator_only_while_the_communes_count_as_a_body():
    # c coordinates 2.02 too: on every indicator, with a and b; as a collective it drops out
    everywhere = pd.concat([PLAN, made_up.assignments(("2.02", "c", "coordinator"))])
    found = made_up.starting(_texts(everywhere.reset_index(drop=True)), "On all 4 indicators")
    assert found.endswith(
        "This depends on the counting: with the commune People's Committees counted as an "
        "unnamed collective, only Sở A and Sở B is on every indicator."
    )


def test_inequality_of_roles_says_which_counting_reverses_it():
    assert made_up.starting(_texts(PLAN), "Leading is more") == (
        "Leading is more unequal than coordinating: Gini 0.250 against 0.133. This depends on "
        "the counting: with the commune People's Committees counted as an unnamed collective, "
        "leading is less unequal than coordinating (Gini 0.071 against 0.167)."
    )
    assert made_up.starting(_texts(PLAN, "vi"), "Việc chủ trì phân bổ") == (
        "Việc chủ trì phân bổ không đều hơn việc phối hợp: hệ số Gini 0,250 so với 0,133. Kết "
        "luận này phụ thuộc cách đếm: nếu tính UBND cấp xã là chủ thể không nêu tên cụ thể thì "
        "chủ trì đều hơn phối hợp (Gini 0,071 so với 0,167)."
    )


def test_top_coordinators_tied_are_all_named():
    found = made_up.starting(_texts(PLAN), "Sở B and UBND C coordinate the most")
    assert found.startswith(
        "Sở B and UBND C coordinate the most: 40% (0.400) each of the 5 coordinator assignments "
        "given to named bodies."
    )
    assert (
        "with the commune People's Committees counted as an unnamed collective, the top "
        "coordinator is Sở B, with 67% (0.667)" in found
    )
    alone = pd.concat([PLAN, made_up.assignments(("2.02", "c", "coordinator"))])
    assert made_up.starting(_texts(alone.reset_index(drop=True)), "UBND C coordinates the most")


def test_collectives_outnumber_named_coordinators_only_where_they_do():
    found = made_up.starting(_texts(PLAN), "Indicators name")
    assert (
        "In CSTP 2 the unnamed collectives (1.500 per indicator) outnumber the named "
        "coordinators (1.000)." in found
    )
    assert (
        "with “individuals concerned” counted with the firms as one collective, they "
        "outnumber them in no sub-index (CSTP 2: 1.000 against 1.000)" in found
    )
    fewer = _without(PLAN, "2.01", made_up.DEPARTMENTS)
    found = made_up.starting(_texts(fewer), "Indicators name")
    assert "In no sub-index do the unnamed collectives outnumber the named coordinators." in found


def test_split_leads_are_reported_only_where_the_plan_splits():
    found = made_up.starting(_texts(PLAN), "Leads per indicator")
    assert found == (
        "Leads per indicator: 2 indicators have 1 lead and 2 have 2. Of the 2 with several leads, "
        "1 (1.02) splits the work by scope; with the leads of a split indicator counted as sole "
        "leads of their part, 1 indicator has leads sharing accountability."
    )
    unsplit = PLAN.assign(scope="")
    assert made_up.starting(_texts(unsplit), "Leads per indicator") == (
        "Leads per indicator: 2 indicators have 1 lead and 2 have 2."
    )


def test_the_closing_sentence_tells_robust_from_choice_dependent_conclusions():
    last = _texts(PLAN)[-1]
    assert last.startswith(
        "Under every counting: top lead body: Sở A; bodies on every indicator: Sở A and Sở B; "
        "sub-index where leading is most concentrated (normalised HHI): CSTP 1. Depending on the "
        "counting: top coordinator: Sở B and UBND C (not so with the commune People's Committees "
        "counted as an unnamed collective and unnamed collectives included in concentration)"
    )


@pytest.fixture(scope="module")
def real(tidy):
    found = responsibility.findings(tidy.assignments, tidy.agencies)
    return {lang: " ".join(found.texts(lang)) for lang in ("vi", "en")}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Sở NN&MT chủ trì nhiều chỉ số nhất: 21/42 chỉ số"),
        ("en", "Sở NN&MT leads the most indicators: 21 of the 42 (10 alone, 11 with others"),
        (
            "vi",
            "Sở NN&MT nắm 36% (0,364) phần chủ trì của các cơ quan được nêu tên: 14,917 trên 41",
        ),
        ("en", "Sở NN&MT holds 36% (0.364) of the named bodies' lead credit: 14.917 of the 41"),
        ("vi", "nếu tính UBND cấp xã là chủ thể không nêu tên cụ thể thì tỷ trọng là 41% (0,410)"),
        ("en", "counted as an unnamed collective, the share is 41% (0.410)"),
        ("vi", "hệ số Gini 0,682 so với 0,552. Kết luận này đúng với mọi cách đếm."),
        ("en", "Gini 0.682 against 0.552. This holds under every counting."),
        (
            "vi",
            "Ở CSTP 2, chủ thể không nêu tên cụ thể (2,727 mỗi chỉ số) nhiều hơn cơ quan được "
            "nêu tên (2,455)",
        ),
        (
            "vi",
            "không CSTP nào có chủ thể không nêu tên cụ thể nhiều hơn (CSTP 2: 2,000 so với 2,455)",
        ),
        (
            "en",
            "In CSTP 2 the unnamed collectives (2.727 per indicator) outnumber the named "
            "coordinators (2.455)",
        ),
        ("en", "(CSTP 2: 2.000 against 2.455)"),
        ("vi", "nhận 77/225 lượt phối hợp, tức 34% (0,342)"),
        ("vi", "tỷ lệ là 31% (0,308) trên 214 lượt phối hợp"),
        ("en", "the share is 31% (0.308) of 214 coordinator assignments"),
        ("en", "the top coordinator is Sở NN&MT, with 19% (0.188)"),
        ("en", "CSTP 4 has only 6 indicators, so its HHI cannot fall below 0.167"),
        ("vi", "Giữa các cơ quan có chủ trì, hệ số Gini thấp nhất ở CSTP 4 (0,222)"),
        ("en", "Under every counting the normalised HHI is still highest in CSTP 1."),
        ("en", "in CSTP 3 by BQL KKT cửa khẩu and UBND cấp xã, 23% (0.229) each"),
    ],
)
def test_real_appendix_figures_in_both_languages(real, lang, expected):
    assert expected in real[lang]


def test_a_plan_without_coordinators_says_nothing_of_coordination():
    texts = _texts(PLAN[PLAN["role"] == "lead"].reset_index(drop=True))
    for opening in ("Leading is more", "Unnamed collectives take", "Counting all the work"):
        assert not [text for text in texts if text.startswith(opening)]
    assert made_up.starting(texts, "Sở A leads the most").endswith(
        "it coordinates 0 and takes part in 3 in all)."
    )
