"""The outcome figures of notebook 04, drawn from small hand-made score tables: ranks placed among
the provinces ranked that year, unknowns drawn as unknown, ties named as ties, and VCCI's PGI
cited with the years drawn and the caveat of the table whose year is inferred."""

import dataclasses

import pandas as pd
import pytest
from conftest import SMALL_SCORES, small_scores

from pgi_analysis import outcome_figures, plotting


def _texts(figure) -> str:
    return "\n".join(text.get_text() for text, _ in plotting.drawn_texts(figure))


def _draw(draw, data, lang="en"):
    with plotting.house_style():
        return draw(data, lang)


def _with_rows(data, *rows):
    """`data` with rows added to `SMALL_SCORES`."""
    return dataclasses.replace(data, scores=small_scores((*SMALL_SCORES, *rows)))


def _plotted_ranks(figure) -> dict[int, float]:
    """The rank points of the rank figure: year → position on its axis."""
    (ax,) = figure.axes
    (points,) = [c for c in ax.collections if c.get_gid() == "rank"]
    return {int(x): y for x, y in points.get_offsets()}


def test_rank_figure_puts_ranks_relative_to_the_provinces_ranked_that_year(small_outcomes):
    data = _with_rows(small_outcomes, (2025, "lang-son", "rank", 30.0, False, ""))  # 30th of 34
    figure = _draw(outcome_figures.draw_rank_by_year, data)
    ranks = _plotted_ranks(figure)
    assert ranks[2025] == pytest.approx(30 / 34)  # near the bottom, not mid-table as 30/63
    assert ranks[2023] == pytest.approx(62 / 63) and ranks[2022] == pytest.approx(2 / 63)
    assert 2024 not in ranks
    texts = _texts(figure)
    assert "30/34" in texts and "62/63" in texts and "63 → 34 provinces" in texts
    # the stored tables bound its rank: Gia Lai ranked 30th with 25.05, so ranks 1-30 are ahead
    # of Lạng Sơn's 22.63, and so is Cao Bằng (23.00, beyond rounding), unranked
    assert "rank 32–63/63\n(not published)" in texts
    assert "2024\ntotal 22.63*" in texts


def test_figures_draw_an_added_year_and_show_unknowns(small_outcomes):
    data = _with_rows(
        small_outcomes,
        *(
            (2025, province, f"sub_index_{n}", value, False, "")
            for province, values in (("lang-son", (5.0, 6.0)), ("thua-thien-hue", (6.0, 7.0)))
            for n, value in enumerate(values, start=1)
        ),
    )
    rank = _texts(_draw(outcome_figures.draw_rank_by_year, data))
    peers = _texts(_draw(outcome_figures.draw_lang_son_vs_peers, data))
    structure = _texts(_draw(outcome_figures.draw_responsibility_vs_gap, data))
    assert "2025\ntotal unknown" in rank and "rank unknown" in rank
    assert "PGI 2025" in peers and "unknown" in peers
    assert "2025" in structure and "unknown (n = 0)" in structure


def test_a_tied_top_lead_is_labelled_as_a_tie_not_as_one_body():
    tied = pd.Series(
        {"top_lead_share_of_named": 0.5, "top_lead_bodies": 2, "top_leads_en": "Finance / Police"}
    )
    assert outcome_figures._top_lead_label(tied, "en") == "50% each: Finance / Police"
    alone = pd.Series({"top_lead_share_of_named": 0.5, "top_lead_bodies": 1, "top_leads_en": "X"})
    assert outcome_figures._top_lead_label(alone, "en") == "50% X"


def test_the_pgi_is_cited_with_the_years_drawn_and_the_inferred_year():
    scores = small_scores()
    assert outcome_figures.pgi_reference(scores, [2022, 2023], "en") == (
        "VCCI, Provincial Green Index (PGI) 2022, 2023"
    )
    assert outcome_figures.pgi_reference(scores, [2024, 2023, 2022], "vi") == (
        "VCCI, Chỉ số Xanh cấp tỉnh (PGI) 2022–2024 (năm 2024 của bảng chỉ số thành phần được "
        "xác định gián tiếp: trang nguồn không ghi năm)"
    )
    assert outcome_figures.pgi_reference(scores, [], "en") == "VCCI, Provincial Green Index (PGI)"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_gap_figure_cites_the_scores_and_the_plan(small_outcomes, lang):
    figure = _draw(outcome_figures.draw_responsibility_vs_gap, small_outcomes, lang)
    (footer,) = figure.subfigs[1].texts
    source = " ".join(footer.get_text().split()).split("Nguồn: " if lang == "vi" else "Source: ")
    assert source[1].startswith(("VCCI, Chỉ số Xanh cấp tỉnh (PGI) 2024", "VCCI, Provincial"))
    assert source[1].endswith(("18/KH-UBND ngày 21/01/2026 của UBND tỉnh Lạng Sơn.", "Committee."))


def test_scores_are_written_with_the_language_s_decimal_mark(small_outcomes):
    vietnamese = _texts(_draw(outcome_figures.draw_lang_son_vs_peers, small_outcomes, "vi"))
    english = _texts(_draw(outcome_figures.draw_lang_son_vs_peers, small_outcomes, "en"))
    assert "4,95 (?)" in vietnamese and "22,63*" in vietnamese and "4.95" not in vietnamese
    assert "4.95 (?)" in english and "22.63*" in english


@pytest.mark.integration
def test_the_real_2024_rank_is_drawn_as_implied(committed_pgi):
    from pgi_analysis.outcomes import load_outcome_data

    texts = _texts(_draw(outcome_figures.draw_rank_by_year, load_outcome_data(committed_pgi)))
    assert "61/63 (implied)" in texts and "62/63" in texts and "2/63" in texts


@pytest.mark.integration
def test_a_thin_latest_year_is_named_not_drawn_in_place_of_the_well_covered_one(committed_pgi):
    """Three provinces with 2025 figures do not replace the 2024 comparison of 36."""
    from pgi_analysis.outcomes import load_outcome_data

    data = load_outcome_data(committed_pgi)
    rows = [
        (2025, province, f"sub_index_{n}", 5.0 + n / 10, False, "")
        for province in ("lang-son", "ha-noi", "ca-mau")
        for n in range(1, 5)
    ]
    extra = small_scores(rows)
    thin = dataclasses.replace(data, scores=pd.concat([data.scores, extra], ignore_index=True))
    peers = _texts(_draw(outcome_figures.draw_lang_son_vs_peers, thin))
    assert "among the provinces with data, PGI 2024" in peers
    assert "PGI 2025 is thin (3 of 34 provinces with figures, under 50%)" in peers
    structure = _texts(_draw(outcome_figures.draw_responsibility_vs_gap, thin))
    assert "2024" in structure and "2025" not in structure.split("Source")[0]


def test_a_published_interval_is_drawn_around_the_province_s_figure(small_outcomes):
    scores = small_outcomes.scores.copy()
    own = (scores["province_id"] == "lang-son") & (scores["year"] == 2024)
    scores.loc[own & (scores["measure"] == "sub_index_3"), ["ci_low", "ci_high"]] = [6.4, 7.0]
    figure = _draw(
        outcome_figures.draw_lang_son_vs_peers, dataclasses.replace(small_outcomes, scores=scores)
    )
    bars = [line for ax in figure.axes for line in ax.lines if line.get_gid() == "interval"]
    assert [list(bar.get_xdata()) for bar in bars] == [[6.4, 7.0]]
    assert "the confidence interval its source gives" in _texts(figure)
