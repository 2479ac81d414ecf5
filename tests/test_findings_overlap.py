"""Notebook 03's findings: chosen by the data (overlaps, spellings, brokers by each measure, ties
never cut) on made-up tables, and the real appendix's key figures in both languages."""

import made_up_plan as made_up
import pandas as pd
import pytest

from pgi_analysis.findings import overlap

PLAN, AGENCIES = made_up.ASSIGNMENTS, made_up.AGENCIES
# p–q–s and p–r–s: two paths of two steps between p and s; the links through r are heavier
SQUARE_AGENCIES = made_up.agencies(
    *((body, f"Sở {body.upper()}", body.upper(), "provincial department") for body in "pqrs")
)
SQUARE = made_up.assignments(
    ("1.01", "p", "lead"),
    ("1.01", "q", "coordinator"),
    ("1.02", "q", "lead"),
    ("1.02", "s", "coordinator"),
    *((f"1.0{n}", "p", "lead") for n in range(3, 7)),
    *((f"1.0{n}", "r", "coordinator") for n in range(3, 7)),
    *((f"1.{n:02}", "r", "lead") for n in range(7, 11)),
    *((f"1.{n:02}", "s", "coordinator") for n in range(7, 11)),
)


def _texts(assignments: pd.DataFrame, agencies: pd.DataFrame = AGENCIES, lang: str = "en"):
    return overlap.findings(assignments, agencies).texts(lang)


def test_made_up_plan():
    texts = _texts(PLAN)
    assert texts[0].startswith("Figures follow the default counting")
    assert texts[1:] == [
        "No indicator names the same body as both lead and coordinator.",
        "2 indicators have several leads; 1 of them gives no split of the work, so the leads "
        "share accountability for the whole indicator; only 1.02 splits it by scope.",
        "Sở A and UBND C are each among the leads of every one of them.",
        "Indicators led against coordinated (in brackets): equal for Sở B (2 and 2); more led for "
        "Sở A (3 and 1); more coordinated for UBND C (1 and 2).",
        "The co-assignment network has 3 named bodies and 3 links (pairs that share at least one "
        "indicator).",
        "Sở A and Sở B have the most co-assignments: 7 shared indicators summed over 2 partners "
        "each; next comes UBND C with 6. This holds under every counting.",
        # a triangle: nobody lies between two others, so nothing is said of brokers
        "The strongest ties (shared indicators; pairs tied are all listed): Sở A with Sở B (4); 2 "
        "pairs tied at 3: Sở A with UBND C and Sở B with UBND C. This holds under every counting.",
        "Under every counting: most co-assigned body: Sở A and Sở B; broker (weighted): none; "
        "broker (unweighted): none; strongest tie: Sở A with Sở B.",
    ]


def test_an_overlap_spelled_differently_and_given_a_task():
    both = made_up.assignments(
        ("1.01", "b", "lead", "", "tham mưu rà soát", "Sở Bê tham mưu rà soát")
    )
    texts = _texts(pd.concat([PLAN, both], ignore_index=True))
    assert texts[1] == (
        "1 indicator–agency pair names the same body as lead and as coordinator: Sở B on 1.01."
    )
    assert texts[2] == (
        "The two columns spell the body differently, so the overlap is easy to miss: in 1.01 Sở B "
        "is “Sở Bê” as lead and “b” as coordinator."
    )
    assert texts[3] == (
        "In 1.01 Sở B leads by “tham mưu rà soát” and is listed again as a coordinator."
    )
    vietnamese = _texts(pd.concat([PLAN, both], ignore_index=True), lang="vi")
    assert vietnamese[3] == (
        "Ở 1.01, Sở B chủ trì theo hình thức “tham mưu rà soát” và đồng thời có tên ở cột phối hợp."
    )


def test_brokers_by_each_measure_and_ties_at_the_top():
    texts = _texts(SQUARE, SQUARE_AGENCIES)
    assert made_up.starting(texts, "Betweenness") == (
        "Betweenness: with frequent partners close (distance 1 / shared indicators), Sở R leads "
        "(0.333), then Sở P and Sở S (0.167); with every link one step, Sở P, Sở Q, Sở R and Sở S "
        "tie at the top (0.167). Who brokers therefore depends on how distance is measured. This "
        "holds under every counting."
    )
    assert made_up.starting(texts, "The strongest ties") == (
        "The strongest ties (shared indicators; pairs tied are all listed): 2 pairs tied at 4: "
        "Sở P with Sở R and Sở R with Sở S; 2 pairs tied at 1: Sở P with Sở Q and Sở Q with Sở S. "
        "This holds under every counting."
    )
    # in the order of the lead-load table: most leads first
    assert made_up.starting(texts, "Indicators led against coordinated") == (
        "Indicators led against coordinated (in brackets): equal for Sở R (4 and 4) and Sở Q (1 "
        "and 1); more led for Sở P (5 and 0)."
    )
    assert made_up.starting(texts, "1 of the 4") == (
        "1 of the 4 named bodies leads nothing and only coordinates (indicators in brackets): "
        "Sở S (5)."
    )


@pytest.fixture(scope="module")
def real(tidy):
    found = overlap.findings(tidy.assignments, tidy.agencies)
    return {lang: " ".join(found.texts(lang)) for lang in ("vi", "en")}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "6 indicator–agency pairs name the same body as lead and as coordinator: UBND cấp "
            "xã on 1.03, 2.01 and 2.02; Sở NN&MT on 1.07, 1.08 and 1.14.",
        ),
        ("vi", "6 cặp chỉ số – cơ quan ghi cùng một cơ quan vừa chủ trì vừa phối hợp"),
        (
            "en",
            "in 1.03 UBND cấp xã is “UBND cấp xã” as lead and “UBND các xã, phường” as coordinator",
        ),
        ("vi", "15 chỉ số có nhiều cơ quan chủ trì; 12 chỉ số trong đó không phân chia phần việc"),
        ("en", "only 1.05, 1.06 and 2.11 split it by scope"),
        (
            "en",
            "Sở NN&MT is among the leads of 10 of those 12; the others: 3.01 and 3.02 pair "
            "“Sở, ban, ngành, đoàn thể” and UBND cấp xã",
        ),
        ("vi", "7/17 cơ quan được nêu tên không chủ trì chỉ số nào"),
        ("en", "17 named bodies and 77 links"),
        (
            "en",
            "UBND cấp xã has the most co-assignments: 159 shared indicators summed over 16 "
            "partners; next comes Sở NN&MT with 156",
        ),
        (
            "en",
            "UBND cấp xã leads (0.381), then Sở NN&MT (0.190); with every link one step, Sở "
            "NN&MT and UBND cấp xã tie at the top (0.138), then Báo và PT-TH Lạng Sơn (0.103)",
        ),
        ("vi", "UBND cấp xã dẫn đầu (0,381), tiếp theo là Sở NN&MT (0,190)"),
        ("en", "Sở NN&MT with UBND cấp xã (39); UBND cấp xã with Báo và PT-TH Lạng Sơn (20)"),
        (
            "en",
            "4 pairs tied at 16: BQL KKT cửa khẩu with UBND cấp xã, Sở CT with UBND cấp xã, "
            "Sở NN&MT with BQL KKT cửa khẩu and Sở NN&MT with Sở CT",
        ),
        ("vi", "4 cặp ngang nhau ở 16 chỉ số chung"),
        ("en", "the strongest is Sở NN&MT with Báo và PT-TH Lạng Sơn (19 shared)"),
    ],
)
def test_real_appendix_figures_in_both_languages(real, lang, expected):
    assert expected in real[lang]
