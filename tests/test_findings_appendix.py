"""Notebook 01's findings: chosen by the data (ties named as ties, absent premises left out) on
made-up tables, and the real appendix's figures in both languages."""

import made_up_plan as made_up
import pandas as pd
import pytest

from pgi_analysis import reference, schemas
from pgi_analysis.appendix import TidyAppendix
from pgi_analysis.findings import appendix

SUB_INDICES = pd.DataFrame(
    {
        "sub_index": [1, 2],
        "code": ["CSTP 1", "CSTP 2"],
        "name_vi": ["a", "b"],
        "name_en": ["A", "B"],
    }
)


def _tidy(assignments: pd.DataFrame, repairs: pd.DataFrame | None = None) -> TidyAppendix:
    ids = sorted(assignments["indicator_id"].unique())
    indicators = schemas.INDICATORS.empty().reindex(range(len(ids)))
    indicators["indicator_id"] = ids
    indicators["sub_index"] = [int(i.split(".")[0]) for i in ids]
    return TidyAppendix(
        indicators=indicators,
        agencies=made_up.AGENCIES,
        assignments=assignments,
        repairs=schemas.REPAIRS.empty() if repairs is None else repairs,
    )


def _texts(tidy: TidyAppendix, lang: str = "en") -> list[str]:
    return appendix.findings(tidy, SUB_INDICES).texts(lang)


def test_made_up_plan_in_english():
    assert _texts(_tidy(made_up.ASSIGNMENTS)) == [
        "The appendix lists 4 indicators in 2 sub-indices: 2 in CSTP 1 and 2 in CSTP 2.",
        "It names 6 actors; 3 of them are unnamed collectives (“Sở, ban, ngành”, Doanh nghiệp "
        "and Cá nhân) rather than bodies one could hold to account.",
        "Together they receive 6 lead and 11 coordinator assignments.",
        # one of two indicators in each: a tie, both named, nothing to set against them
        "Indicators with more than one lead are most common in CSTP 1 (1 of 2) and CSTP 2 "
        "(1 of 2).",
        "Reading the appendix needed no repair.",
        "Of the 24 cells of the role matrix (4 × 6), 7 are empty, 11 coordinator, 6 lead.",
    ]


def test_made_up_plan_in_vietnamese_writes_numbers_and_words_as_an_official_would():
    texts = _texts(_tidy(made_up.ASSIGNMENTS), "vi")
    assert texts[0] == "Phụ lục gồm 4 chỉ số thuộc 2 CSTP: CSTP 1 có 2 và CSTP 2 có 2 chỉ số."
    assert "chủ thể không nêu tên cụ thể" in texts[1]
    assert texts[3] == (
        "Chỉ số có hơn một cơ quan chủ trì chiếm tỷ lệ cao nhất ở CSTP 1 (1/2 chỉ số) và CSTP 2 "
        "(1/2 chỉ số)."
    )


def test_shared_leads_sentence_follows_the_data():
    alone_in_2 = made_up.ASSIGNMENTS[
        ~(
            (made_up.ASSIGNMENTS["indicator_id"] == "2.01")
            & (made_up.ASSIGNMENTS["agency_id"] == "c")
        )
    ]
    assert _texts(_tidy(alone_in_2))[3] == (
        "Indicators with more than one lead are most common in CSTP 1 (1 of 2), against CSTP 2 "
        "(0 of 2)."
    )
    one_lead_each = alone_in_2[
        ~((alone_in_2["indicator_id"] == "1.02") & (alone_in_2["agency_id"] == "b"))
    ]
    assert _texts(_tidy(one_lead_each))[3] == "No indicator has more than one lead."


def test_repairs_and_cells_named_both_follow_the_data():
    repairs = pd.DataFrame(
        [
            ("alias", "UBND cấp xã", "UBND các xã, phường", "1.01 2.01"),
            ("alias", "DN", "Doanh nghiệp", "1.02"),
            ("duplicate coordinator", "Sở B", "kept once", "2.01"),
        ],
        columns=schemas.REPAIRS.columns,
    )
    both = pd.concat([made_up.ASSIGNMENTS, made_up.assignments(("1.01", "a", "coordinator"))])
    texts = _texts(_tidy(both, repairs))
    assert texts[4] == (
        "Reading the PDF text took 3 recorded repairs (the repairs table; how many in brackets): "
        "another name of the same actor (2); dropped a coordinator listed twice (1; 2.01)."
    )
    assert texts[5] == (
        "Of the 24 cells of the role matrix (4 × 6), 7 are empty, 11 coordinator, 5 lead and 1 "
        "name an actor as both lead and coordinator of the same indicator (notebook 03 reads them)."
    )


@pytest.fixture(scope="module")
def real(tidy):
    found = appendix.findings(tidy, reference.sub_indices())
    return {lang: " ".join(found.texts(lang)) for lang in ("vi", "en")}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Phụ lục gồm 42 chỉ số thuộc 4 CSTP: CSTP 1 có 15, CSTP 2 có 11, CSTP 3 có 10"),
        ("en", "The appendix lists 42 indicators in 4 sub-indices: 15 in CSTP 1, 11 in CSTP 2"),
        ("vi", "Phụ lục nêu 21 chủ thể; 4 trong số đó là chủ thể không nêu tên cụ thể"),
        ("en", "61 lead and 225 coordinator assignments"),
        ("vi", "61 lượt chủ trì và 225 lượt phối hợp"),
        ("vi", "cao nhất ở CSTP 2 (9/11 chỉ số), so với CSTP 1 (4/15 chỉ số)"),
        ("en", "most common in CSTP 2 (9 of 11), against CSTP 1 (4 of 15)"),
        ("en", "took 11 recorded repairs"),
        ("vi", "tách hai cột bị dính liền (1; 3.01, 3.02)"),
        ("en", "dropped a coordinator listed twice (1; 3.07)"),
        ("vi", "882 ô (42 chỉ số × 21 chủ thể): 602 ô trống, 219 ô phối hợp, 55 ô chủ trì và 6 ô"),
        ("en", "Of the 882 cells of the role matrix (42 × 21), 602 are empty"),
    ],
)
def test_real_appendix_figures_in_both_languages(real, lang, expected):
    assert expected in real[lang]
