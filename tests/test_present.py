"""Tables for people (`pgi_analysis.present`), the column labels and the glossary."""

import re

import numpy as np
import pandas as pd
import pytest

from pgi_analysis import (
    coverage,
    exposure,
    outcomes,
    paths,
    present,
    ranks,
    reference,
    schemas,
    timing,
    vocabulary,
)
from pgi_analysis import responsibility as resp
from pgi_analysis.vocabulary import COLUMN_LABELS, ColumnLabel

AGENCIES = pd.DataFrame(
    {
        "agency_id": ["so-a", "so-b"],
        "short_vi": ["Sở NN&MT", "Sở TC"],
        "short_en": ["Agriculture & Environment", "Finance"],
    }
)
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")  # an id such as so-nong-nghiep-moi-truong


def _figures() -> pd.DataFrame:
    """Figures of every kind of number, with every kind of missing value."""
    return pd.DataFrame(
        {
            "year": pd.array([2024, 2025], dtype="int64"),
            "value": [4.95, np.nan],
            "gap_to_others": [-1.405, np.nan],
            "position": pd.array([33, pd.NA], dtype="Int64"),
            "collective_share": [0.364, 1.0],
            "derived": [True, False],
            "higher_is_better": pd.array([pd.NA, False], dtype="boolean"),
            "lead_credit": [1234.5, 0.0],
        }
    )


def test_numbers_flags_and_unknowns_in_vietnamese():
    frame = present.readable_frame(_figures(), "vi")
    assert list(frame.columns) == [
        "Năm",
        "Giá trị",
        "Chênh lệch với các tỉnh khác",
        "Vị trí",
        "Tỷ lệ giao cho chủ thể không nêu tên cụ thể",
        "Tổng cộng từ 4 CSTP",
        "Cao hơn là tốt hơn",
        "Phần chủ trì",
    ]
    assert frame.values.tolist() == [
        ["2024", "4,95", "−1,41", "33", "36%", "Có", "—", "1.234,50"],
        ["2025", "chưa công bố", "—", "—", "100%", "Không", "Không", "0,00"],
    ]


def test_numbers_flags_and_unknowns_in_english():
    frame = present.readable_frame(_figures(), "en")
    assert list(frame.columns)[:3] == ["Year", "Value", "Gap to the others"]
    assert frame.values.tolist() == [
        ["2024", "4.95", "−1.41", "33", "36%", "Yes", "—", "1,234.50"],
        ["2025", "not published", "—", "—", "100%", "No", "No", "0.00"],
    ]


def test_a_rank_among_scores_is_a_whole_number_and_measures_are_named():
    scores = pd.DataFrame(
        {"measure": ["sub_index_1", "rank", "total"], "value": [4.95, 30.0, 22.6]}
    )
    frame = present.readable_frame(scores, "vi")
    assert frame.values.tolist() == [
        ["CSTP 1 · Ô nhiễm & thiên tai", "4,95"],
        ["Xếp hạng", "30"],
        ["Tổng điểm PGI", "22,60"],
    ]


def test_ids_become_names():
    table = pd.DataFrame(
        {
            "agency_id": ["so-a", "unknown-body"],
            "lead_agencies": ["so-a, so-b", ""],
            "role": ["lead", "coordinator"],
            "kind": ["provincial department", "perception"],
            "sub_index": [1, 4],
            "province_id": ["thua-thien-hue", "national-mean"],
            "year": [2025, 2024],
        }
    )
    assert present.readable_frame(table, "vi", agencies=AGENCIES).values.tolist() == [
        ["Sở NN&MT", "Sở NN&MT, Sở TC", "Chủ trì", "Sở chuyên môn", "CSTP 1 · Ô nhiễm & thiên tai"]
        + ["Huế", "2025"],
        ["unknown-body", "", "Phối hợp", "Nhận định của doanh nghiệp"]
        + ["CSTP 4 · Khuyến khích & hỗ trợ", "Trung bình cả nước", "2024"],
    ]
    english = present.readable_frame(table, "en", agencies=AGENCIES).values.tolist()
    assert english[0][:2] == ["Agriculture & Environment", "Agriculture & Environment, Finance"]
    assert english[0][5:] == ["Thua Thien Hue", "2025"]  # VCCI's English pages: ASCII names


def test_bodies_are_named_from_the_gazetteer_by_default():
    table = pd.DataFrame({"agency_id": ["so-nong-nghiep-moi-truong"], "led": [21]})
    assert present.readable_frame(table, "en").values.tolist() == [
        ["Agriculture & Environment", "21"]
    ]


def test_a_caveat_is_said_in_the_reader_s_language():
    table = pd.DataFrame({"flag": [outcomes.EQUAL_1_2_FLAG, ""]})
    assert present.readable_frame(table, "vi")["Lưu ý"].tolist() == [
        "CSTP 1 và CSTP 2 được công bố bằng nhau (có thể do chép nhầm cột)",
        "",
    ]


def test_a_named_index_becomes_a_column_and_sub_index_columns_are_labelled():
    table = pd.DataFrame({1: [2, 0], 4: [0, 1]}, index=pd.Index(["so-a", "so-b"], name="agency_id"))
    table.columns.name = "sub_index"
    frame = present.readable_frame(table, "en", agencies=AGENCIES)
    assert list(frame.columns) == [
        "Body",
        "CSTP 1 · Pollution & disasters",
        "CSTP 4 · Incentives & support",
    ]
    assert frame.values.tolist() == [["Agriculture & Environment", "2", "0"], ["Finance", "0", "1"]]
    filtered = pd.DataFrame({"led": [3, 4]}, index=[7, 9])  # row numbers of a larger table
    assert list(present.readable_frame(filtered, "vi").columns) == ["Số chỉ số chủ trì"]


def test_long_tables_end_with_the_number_of_rows_left_out():
    table = pd.DataFrame({"year": range(2000, 2012), "led": range(12)})
    frame = present.readable_frame(table, "vi", max_rows=10)
    assert len(frame) == 11
    assert frame.iloc[-1].tolist() == ["… và 2 dòng khác", ""]
    english = present.readable_frame(table, "en", max_rows=3)
    assert english.iloc[-1].tolist() == ["… and 9 more rows", ""]
    assert len(present.readable_frame(table, "en", max_rows=12)) == 12


def test_the_caller_picks_columns_and_may_relabel_them():
    table = _figures()
    frame = present.readable_frame(table, "en", columns=["value", "year"])
    assert list(frame.columns) == ["Value", "Year"]
    count = pd.DataFrame({"sub_index_1": [33.0]})  # coverage: provinces with the figure
    assert present.readable_frame(count, "vi", kinds={"sub_index_1": "count"}).iat[0, 0] == "33"
    other = pd.DataFrame({"ratio": [0.5]})
    with pytest.raises(KeyError, match="'ratio' has no label"):
        present.readable_frame(other, "vi")
    label = ColumnLabel("Tỷ số", "Ratio", vocabulary.SHARE)
    assert present.readable_frame(other, "vi", labels={"ratio": label}).values.tolist() == [["50%"]]


def test_columns_that_would_read_alike_are_refused():
    table = pd.DataFrame({"province": ["Huế"], "province_id": ["thua-thien-hue"]})
    with pytest.raises(ValueError, match="Tỉnh, thành phố"):
        present.readable_frame(table, "vi")


def test_styled_html_is_the_same_every_time_without_an_index():
    table = pd.DataFrame({"agency_id": ["so-a"], "led": [21], "lead_credit": [14.9166]})
    first = present.readable(table, "vi", uuid="lead-load-vi", agencies=AGENCIES).to_html()
    again = present.readable(table, "vi", uuid="lead-load-vi", agencies=AGENCIES).to_html()
    assert first == again
    assert 'id="T_lead-load-vi"' in first
    assert "Sở NN&amp;MT" in first and "14,92" in first
    assert "row_heading" not in first and "blank" not in first  # no index
    assert re.findall(r"td\.col(\d) \{\s*text-align: right;", first) == ["1", "2"]
    captioned = present.readable(table, "en", uuid="x", caption="Who leads <most>")
    assert "<caption>Who leads &lt;most&gt;</caption>" in captioned.to_html()


# --- every table of the library reads as Vietnamese and as English ----------------------------


@pytest.fixture(scope="module")
def library_tables(tidy, committed_pgi) -> dict[str, pd.DataFrame]:
    """A table of each kind the library makes, from the appendix and the committed figures."""
    data = outcomes.load_outcome_data(committed_pgi)
    assignments, agencies = tidy.assignments, tidy.agencies
    comparison = outcomes.compare(data.scores, data.provinces)
    structure = outcomes.sub_index_structure(tidy, data.sub_indices)
    link = outcomes.sub_index_link(structure, comparison, 2024)
    graph = resp.co_assignment_graph(assignments, agencies)
    return {
        "indicators": tidy.indicators,
        "agencies": agencies,
        "assignments": assignments,
        "repairs": tidy.repairs,
        "scores": data.scores,
        "lead_load": resp.with_agency_names(resp.lead_load(assignments, True), agencies),
        "leads_by_sub_index": resp.leads_by_sub_index(assignments),
        "assignments_by_kind": resp.assignments_by_kind(assignments, agencies),
        "collective_share": resp.collective_share(assignments, agencies),
        "coordinators_per_indicator": resp.coordinators_per_indicator(assignments, agencies),
        "sub_index_summary": resp.sub_index_summary(tidy.indicators, assignments, data.sub_indices),
        "role_overlaps": resp.role_overlaps(assignments),
        "shared_leads": resp.shared_leads(assignments),
        "concentration": resp.concentration(assignments, agencies, by_sub_index=True),
        "lorenz": resp.lorenz_curve(assignments, agencies, "lead"),
        "ties": resp.co_assignment_ties(graph),
        "centrality": resp.network_centrality(graph),
        "distribution": outcomes.distribution(data.scores, data.provinces, 2024, "total"),
        "equal_1_2": outcomes.equal_sub_indices_1_2(data.scores),
        "coverage": outcomes.coverage(data.scores, data.provinces),
        "trajectory": outcomes.trajectory(data.scores, data.provinces),
        "comparison": comparison,
        "structure": structure,
        "link": link,
        "exposure": exposure.exposure(tidy, data.scores, data.provinces, 2024),
        "year_coverage": coverage.year_coverage(data.scores, data.provinces),
        "rank_bounds": ranks.rank_bounds(data.scores, data.provinces, 2024),
        "timing": timing.plans_and_surveys(data.plans, data.editions, data.scores),
        "size_aware": resp.size_aware_concentration(assignments, agencies),
        "brokers": resp.network_brokers(graph),
        "overlap_wording": resp.role_overlap_wording(assignments),
        "indicator_link": outcomes.indicator_link(
            tidy,
            outcomes.indicator_comparison(
                data.indicator_scores, data.provinces, data.tidy.indicators
            ),
        ),
    }


def test_every_column_the_library_makes_has_a_label_of_a_known_kind(library_tables):
    names = {
        column
        for table in library_tables.values()
        for column in [*table.columns, *table.index.names]
        if isinstance(column, str) and column not in present.plan_labels(reference.plans())
    }
    assert sorted(names - set(COLUMN_LABELS)) == []
    assert {label.kind for label in COLUMN_LABELS.values()} <= set(vocabulary.COLUMN_KINDS)


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
def test_every_table_of_the_library_reads_without_code_words(library_tables, lang):
    for name, table in library_tables.items():
        columns = None
        if {"province", "province_id"} <= set(table.columns):
            columns = [column for column in table.columns if column != "province_id"]
        labels = present.plan_labels(reference.plans())
        frame = present.readable_frame(table, lang, columns=columns, labels=labels)
        text = "\n".join([*frame.columns, *frame.to_numpy().ravel()])
        assert not re.search(r"\b(nan|NaN|<NA>|None|True|False)\b", text), name
        assert not [header for header in frame.columns if "_" in header], name
        slugs = [value for value in frame.to_numpy().ravel() if SLUG.fullmatch(value)]
        assert not slugs, name


# --- the glossary -----------------------------------------------------------------------------


def test_the_committed_glossary_and_data_dictionary_are_those_the_code_writes():
    """`make report` writes both from the declarations (vocabulary, schemas)."""
    assert paths.GLOSSARY_FILE.read_text(encoding="utf-8") == vocabulary.glossary_markdown()
    dictionary = (paths.PROCESSED / "README.md").read_text(encoding="utf-8")
    assert dictionary == schemas.data_dictionary()


def test_no_label_uses_a_term_an_official_would_not_write():
    labels = [text for label in COLUMN_LABELS.values() for text in label[:2] if text]
    words = [
        *labels,
        *(text for term in vocabulary.GLOSSARY for text in (term.vi, term.meaning_vi)),
    ]
    words += [vi for vi, _ in vocabulary.KIND_LABELS.values()]
    text = "\n".join(words).casefold()
    assert not [term for term in vocabulary.REJECTED_TERMS if term in text]
    glossary = {term.vi: term.en for term in vocabulary.GLOSSARY}
    assert glossary["phần chủ trì"] == COLUMN_LABELS["lead_credit"].en.casefold()
    assert glossary["tổng cộng từ 4 CSTP"] == COLUMN_LABELS["derived"].en.casefold()


def test_report_pages_fold_long_tables_and_say_when_there_is_nothing():
    show = present.TableDisplay("vi", report=True)
    short = pd.DataFrame({"year": range(2022, 2022 + present.LONG_TABLE)})
    assert "<details>" not in show(short, "short").to_html()
    long = pd.DataFrame({"year": range(2000, 2001 + present.LONG_TABLE)})
    folded = show(long, "long")._repr_html_()
    assert folded.startswith(f"<details><summary>Bảng {present.LONG_TABLE + 1} dòng (bấm để mở)")
    assert 'id="T_long"' in folded
    assert repr(show(long.iloc[:0], "none")) == "*Chưa có số liệu.*"
    researchers = present.TableDisplay("vi", report=False)
    assert researchers(long, "long") is long  # the table itself, as the library returns it
