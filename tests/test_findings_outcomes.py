"""The findings of notebook 04, computed: the committed figures word for word, a complete and a
sparse made-up 2025 added as a maintainer would, and each sentence's premise on small frames."""

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from outcome_frames import BELOW_THIRD, OUT_OF_LINE, TWO_RANKED, provinces, scores

from pgi_analysis import outcomes, reference, schemas
from pgi_analysis.findings import outcomes as outcome_findings
from pgi_analysis.scores import add_scores_file

SOURCE = "https://pcivietnam.vn/pgi-2025"


# --- the committed figures -------------------------------------------------------------------

COMMITTED_EN = [
    "PGI 2024 is the latest year with figures for Lang Son: total 22.63 (summed from the four "
    "sub-indices: 4.95 + 4.95 + 6.71 + 6.02; VCCI published no total), rank 61/63 (not "
    "published, but implied by the stored tables under the premises below).",
    "This rests on 3 premises: ranks follow totals; a total summed from the four sub-indices may "
    "differ by up to 0.05 from the total VCCI would print; the year of the figures used is "
    "inferred, not printed by the source (their note: “page shows no year; 2024 inferred (see "
    "SOURCES.md)”). Under them, the 33 provinces whose totals lie below that of Gia Lai (rank "
    "30, 25.05) are exactly the 33 outside the top 30, so the other 30 rank ahead of Lang Son; "
    "of the 32 other provinces in that list, 30 are above Lang Son by more than rounding, 2 "
    "below, which leaves rank 61.",
    "In its region, Northern Midlands and Mountains (14 provinces in 2024), Lang Son is 14/14 "
    "(implied by the stored tables): 11 provinces have totals above its own by more than "
    "rounding; Bac Kan and Son La, with no stored 2024 figures, are not in the list of the "
    "provinces outside the top 30, so they are in the top 30, ahead of Lang Son.",
    "Lang Son's rank over the years (ranks compare across years, scores do not: methods "
    "changed): 2/63 in 2022, 62/63 in 2023, 61/63 in 2024 (implied by the stored tables).",
    "The comparison with other provinces uses PGI 2024, the latest year with sub-indices: "
    "35–36/63 provinces have them, at least the minimum of 50% of the provinces ranked.",
    "Among the provinces with 2024 sub-indices, Lang Son is below the others' mean on CSTP 1 · "
    "Pollution & disasters (33/36, −1.41) and CSTP 2 · Compliance (34/36, −1.45); above it on "
    "CSTP 3 · Green practices (2/35, +1.45); level with it on CSTP 4 · Incentives & support "
    "(19/35, −0.04), within 0.05, the rounding of published figures.",
    "Lang Son's 2024 CSTP 1 · Pollution & disasters and CSTP 2 · Compliance were published "
    "equal (4.95 and 4.95), possibly one column copied into the other: what is said of either "
    "may hold for only one of them.",
    "33 of the 35 provinces with all four 2024 sub-indices come from the list of the provinces "
    "outside the top 30, a group selected for low totals. In such a group, selection alone "
    "makes a high score on one sub-index go with low scores on others (here 4 of the 6 pairs of "
    "sub-indices are negatively correlated), so the gaps above compare Lang Son mostly with "
    "lower-ranked provinces, not with all 63.",
    "Against the published national mean, the fair yardstick for the total, Lang Son's total "
    "is: 17.33 against 21.00 in 2023 (−3.67); 22.63 (summed from the sub-indices) against 25.39 "
    "in 2024 (−2.76).",
    "Within Northern Midlands and Mountains, Lang Son's position on the 2024 sub-indices among "
    "the provinces with data: 9/12 on CSTP 1, 11/12 on CSTP 2, 2/12 on CSTP 3, 8/12 on CSTP 4.",
    "VCCI publishes no confidence intervals. PGI 2024 rests on a survey of 10,120 firms, about "
    "161 per province on average, so differences of a few tenths of a point between provinces "
    "may be sampling noise.",
    "The stored PGI 2022–2024 scores all come from surveys of 2022–2024, before Plan 18/KH-UBND "
    "(21 January 2026): the plan cannot have affected them; they are the baseline it will be "
    "judged against. The first survey that can reflect it is that of 2026 (PGI 2026; survey "
    "months are not published); if the pattern of the editions so far holds, PGI 2026 would be "
    "published around April–May 2027: a pattern, not an announced date.",
    "Plan 163/KH-UBND (12 July 2024) was issued in the year of the PGI 2024 survey, whose months "
    "are not published: PGI 2024 may or may not reflect it; PGI 2022–2023 predate it.",
    "No indicator-level values are stored, so no indicator's own result can be set beside the "
    "bodies assigned to it. The exposure table sets each body's indicators beside the score of "
    "their sub-index (which belongs to the whole sub-index, not to any body) and gives no gap "
    "per body.",
]


@pytest.fixture(scope="module")
def committed(committed_pgi):
    return outcome_findings.findings(outcomes.load_outcome_data(committed_pgi))


def test_committed_findings_in_english(committed):
    assert committed.texts("en") == COMMITTED_EN


def test_committed_findings_in_vietnamese_match_the_english_ones(committed):
    vi = committed.texts("vi")
    assert len(vi) == len(COMMITTED_EN)
    assert vi[0] == (
        "PGI 2024 là năm mới nhất có số liệu của Lạng Sơn: tổng điểm 22,63 (tổng cộng từ 4 CSTP: "
        "4,95 + 4,95 + 6,71 + 6,02; VCCI không công bố tổng điểm), xếp hạng 61/63 (không được "
        "công bố, nhưng suy ra được từ các bảng đã lưu với các tiền đề nêu dưới đây)."
    )
    assert "Bắc Kạn và Sơn La không có số liệu 2024 đã lưu" in vi[2]
    assert "ngang trung bình ở CSTP 4 · Khuyến khích & hỗ trợ (19/35, −0,04)" in vi[5]
    assert "10.120 doanh nghiệp" in vi[10] and "tháng 4–5/2027" in vi[11]
    assert "Kế hoạch 18/KH-UBND (21/01/2026)" in vi[11]
    # nothing English-only leaks into Vietnamese but the source's own note
    for text in vi:
        assert " the " not in text.replace("(see SOURCES.md)", "")


def test_no_sentence_speaks_of_an_agency(committed, tidy):
    names = set(tidy.agencies["short_vi"]) | set(tidy.agencies["short_en"])
    for text in committed.texts("vi") + committed.texts("en"):
        assert not [name for name in names if name in text]


# --- a year added as a maintainer would ------------------------------------------------------


def _add_2025(pgi_dir: Path, tmp_path: Path, rows: list[str]) -> outcomes.OutcomeData:
    """Add a wide 2025 table, in the shape `scores add` reads, to a copy of the committed store."""
    path = tmp_path / "pgi_2025.csv"
    header = "province,year,sub_index_1,sub_index_2,sub_index_3,sub_index_4,total,rank,source_url"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    add_scores_file(path, pgi_dir=pgi_dir)
    return outcomes.load_outcome_data(pgi_dir)


def _complete_2025() -> list[str]:
    """All 34 provinces of 2025: Lạng Sơn 6.10 + 6.20 + 6.30 + 6.40 = 25.00; the 33 others
    20.00, 20.40, …, 32.80, so that 20 of them (25.20 and up) rank ahead: Lạng Sơn is 21st."""
    known = reference.provinces()
    others = sorted(known.ids(2025) - {"lang-son"})
    rows = [
        (known.name(pid, 2025), [5 + i / 10, 5.05 + i / 10, 4.95 + i / 10, 5 + i / 10])
        for i, pid in enumerate(others)
    ]
    rows.append(("Lạng Sơn", [6.1, 6.2, 6.3, 6.4]))
    totals = sorted(((round(sum(subs), 2), name, subs) for name, subs in rows), reverse=True)
    return [
        f"{name},2025,{','.join(f'{value:.2f}' for value in subs)},{total:.2f},{rank},{SOURCE}"
        for rank, (total, name, subs) in enumerate(totals, 1)
    ]


SPARSE_2025 = [
    f"Lạng Sơn,2025,5.1,5.6,6.9,6.0,23.6,20,{SOURCE}",
    f"Cao Bằng,2025,5.5,5.0,7.0,6.5,24.0,,{SOURCE}",
    f"Hà Nội,2025,7.0,6.5,5.5,6.0,25.0,,{SOURCE}",
]


def test_a_complete_2025_is_the_headline_with_lang_son_s_total_and_rank(pgi_dir, tmp_path):
    data = _add_2025(pgi_dir, tmp_path, _complete_2025())
    found = outcome_findings.findings(data)
    en, vi = found.texts("en"), found.texts("vi")
    assert en[0] == (
        "PGI 2025 is the latest year with figures for Lang Son: total 25.00 (published), "
        "rank 21/34 (published)."
    )
    assert vi[0] == (
        "PGI 2025 là năm mới nhất có số liệu của Lạng Sơn: tổng điểm 25,00 (công bố), "
        "xếp hạng 21/34 (công bố)."
    )
    assert (
        "The comparison with other provinces uses PGI 2025, the latest year with sub-indices: "
        "34/34 provinces have them" in " ".join(en)
    )
    assert "61/63 in 2024 (implied by the stored tables), 21/34 in 2025; from 2025" in en[2]
    assert any(text.startswith("Among the provinces with 2025 sub-indices") for text in en)
    assert not any("is thin" in text or "(thin," in text for text in en)
    assert "The stored PGI 2022–2025 scores all come from surveys of 2022–2025" in en[-3]


def test_a_sparse_2025_is_thin_and_2024_stays_the_headline(pgi_dir, tmp_path):
    data = _add_2025(pgi_dir, tmp_path, SPARSE_2025)
    en = outcome_findings.findings(data).texts("en")
    assert en[0] == (
        "PGI 2025 is the latest year with figures for Lang Son: total 23.60 (published), "
        "rank 20/34 (published)."
    )
    (thin,) = [text for text in en if text.startswith("PGI 2025 is thin")]
    assert thin.startswith(
        "PGI 2025 is thin: only 3/34 provinces have sub-indices (fewer than 50%), so it is shown "
        "beside PGI 2024 (35–36/63 provinces), which stays the headline comparison"
    )
    headline = en.index(COMMITTED_EN[5])  # the 2024 comparison, word for word
    assert en[headline + 1].startswith("In PGI 2025 (thin, not the headline), Lang Son is below")
    assert COMMITTED_EN[7] in en  # the 2024 group and its selection, unchanged
    assert any("PGI 2024 rests on a survey of 10,120 firms" in text for text in en)


# --- each premise, on six hand-made provinces ---------------------------------------------------


def _data(tidy, *rows, **kwargs) -> outcomes.OutcomeData:
    empty = pd.DataFrame(columns=schemas.INDICATOR_SCORES.columns)
    return outcomes.OutcomeData(
        scores=scores(*rows, **kwargs),
        indicator_scores=empty.astype(schemas.INDICATOR_SCORES.dtypes),
        provinces=provinces(),
        tidy=tidy,
        sub_indices=reference.sub_indices(),
    )


LISTED = (*BELOW_THIRD, (2024, "an", "total", 27.0))  # An above Bình, no rank: 2nd


def test_a_province_outside_the_list_is_in_the_top(tidy):
    found = outcome_findings.findings(_data(tidy, *LISTED), "an").texts("en")
    assert found[0] == (
        "PGI 2024 is the latest year with figures for An: total 27.00 (published), rank 2/6 (not "
        "published, but implied by the stored tables under the premises below)."
    )
    assert found[1] == (
        "This rests on 2 premises: ranks follow totals; a total summed from the four sub-indices "
        "may differ by up to 0.05 from the total VCCI would print. Under them, the 3 provinces "
        "whose totals lie below that of Binh (rank 3, 25.00) are exactly the 3 outside the top "
        "3; An is not among them, so it is in the top 3, which leaves rank 2."
    )


def test_a_region_member_without_figures_is_placed_by_the_list(tidy):
    found = outcome_findings.findings(_data(tidy, *BELOW_THIRD), "cuong").texts("en")
    assert found[2] == (
        "In its region, North (3 provinces in 2024), Cuong is 3/3 (implied by the stored "
        "tables): 1 province has a total above its own by more than rounding; An, with no stored "
        "2024 figures, is not in the list of the provinces outside the top 3, so it is in the "
        "top 3, ahead of Cuong."
    )


def test_a_bounded_rank_without_a_list(tidy):
    found = outcome_findings.findings(_data(tidy, *TWO_RANKED), "cuong").texts("en")
    assert found[0].endswith(
        "rank not published; the stored tables bound it to 3–5/6 (premises below)."
    )
    assert found[1].endswith(
        "Under them, Cuong's total is below that of the province ranked 2 by more than "
        "rounding, so it ranks below 2, which leaves 3–5."
    )


def test_contradictory_figures_are_said_to_be(tidy):
    found = outcome_findings.findings(_data(tidy, *OUT_OF_LINE), "cuong").texts("en")
    assert found[0].endswith(
        "rank not published, and the stored figures contradict each other on it."
    )
    assert not found[1].startswith("This rests on")


def test_published_intervals_replace_the_noise_warning(tidy):
    subs = [
        (2024, pid, f"sub_index_{n}", value, False, (value - 0.5, value + 0.5))
        for pid, value in (("an", 5.0), ("binh", 5.3), ("cuong", 7.0))
        for n in range(1, 5)
    ]
    found = outcome_findings.findings(_data(tidy, *subs), "an").texts("en")
    assert (
        "Where intervals are published (4 of An's 2024 figures), 0 of its gaps to the others' "
        "mean lie inside them: those gaps may be noise." in found
    )
    assert not any("publishes no confidence intervals" in text for text in found)


def test_no_well_covered_year_means_no_headline(tidy):
    subs = [(2024, "an", f"sub_index_{n}", 5.0) for n in range(1, 5)]
    found = outcome_findings.findings(_data(tidy, *subs), "an").texts("en")
    assert (
        "No year has sub-indices for at least 50% of the provinces ranked: every comparison is "
        "shown with its n, and none is the headline." in found
    )
    assert any(text.startswith("In PGI 2024 (thin, not the headline), An is") for text in found)
    assert not any("confidence intervals" in text for text in found)  # said of a headline only


def test_no_figures_of_the_province_means_no_sentence_about_it(tidy):
    found = outcome_findings.findings(_data(tidy, (2024, "binh", "total", 25.0)), "an")
    en = found.texts("en")
    assert not any(text.startswith(("PGI 2024 is the latest", "This rests on")) for text in en)
    assert not any("An" in text.replace("Among", "") for text in en)
    assert any(text.startswith("The stored PGI 2024 scores all come from surveys") for text in en)


def test_the_noise_warning_without_a_survey_size(tidy):
    subs = [
        (2024, pid, f"sub_index_{n}", value)
        for pid, value in (("an", 5.0), ("binh", 5.3), ("cuong", 7.0))
        for n in range(1, 5)
    ]
    data = _data(tidy, *subs)
    editions = data.editions.assign(firms_surveyed=data.editions["firms_surveyed"].astype(float))
    editions.loc[editions["year"] == 2024, "firms_surveyed"] = float("nan")
    found = outcome_findings.findings(dataclasses.replace(data, editions=editions), "an")
    assert (
        "VCCI publishes no confidence intervals, so differences of a few tenths of a point "
        "between provinces may be sampling noise." in found.texts("en")
    )


def test_a_rank_implied_by_a_published_rank_below(tidy):
    # An's 30.00 is above Bình's 28.00, ranked 2nd: An can only be 1st
    rows = ((2024, "an", "total", 30.0), (2024, "binh", "rank", 2), (2024, "binh", "total", 28.0))
    found = outcome_findings.findings(_data(tidy, *rows), "an").texts("en")
    assert "rank 1/6 (not published, but implied" in found[0]
    assert found[1] == (
        "This rests on 1 premise: ranks follow totals. Under it, the published ranks and the "
        "totals that differ from An's beyond rounding bound its rank, which leaves rank 1."
    )
