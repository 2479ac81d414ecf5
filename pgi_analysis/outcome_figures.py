"""The outcome figures of notebook 04: Lạng Sơn's rank by year, Lạng Sơn among the provinces with
data, and the plan's responsibility structure beside the sub-index gaps.

Each `draw_*(data, lang)` takes an `outcomes.OutcomeData`, draws at the figure's final size on an
A4 page and ends with its sources (VCCI's PGI of the years drawn, and the plan where its
assignments are drawn); each is registered in `pgi_analysis.figures.FIGURES`.

Unknown figures are drawn as unknown (a hatched, empty marker with a label), never as 0; totals
summed from the sub-indices are marked as derived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pgi_analysis import coverage, outcomes, ranks
from pgi_analysis.plotting import (
    COLLECTIVE_COLOUR,
    INK,
    LIGHT_INK,
    SMALL_PT,
    finish,
    new_figure,
    number_axis,
    source_line,
)
from pgi_analysis.responsibility_figures import plan_reference
from pgi_analysis.vocabulary import (
    COLLECTIVES_LABEL,
    SCORE_MEASURES,
    SUB_INDEX_COLOURS,
    SUB_INDEX_MEASURES,
    format_count,
    format_number,
    format_share,
    measure_label,
    pick,
    sub_index_label,
    term,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from pgi_analysis.outcomes import OutcomeData

UNKNOWN_HATCH = "////"
FLAGGED_HATCH = "\\\\\\"  # leaning the other way from the unknowns' hatch
DERIVED_MARK = "*"
FLAG_MARK = "(?)"  # a doubtful figure; ASCII, as the English figures must be
TOTAL_COLOUR = INK
LABEL_BOX = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}


def _province(data: OutcomeData, lang: str) -> str:
    return data.provinces.name(outcomes.LANG_SON, lang=lang)


def _unknown_label(lang: str) -> str:
    return pick(lang, "không rõ", "unknown")


# The scores' note of a row from a table whose year VCCI did not print (data/pgi/SOURCES.md).
INFERRED_YEAR_NOTE = "inferred"


def _years_text(years: list[int]) -> str:
    """'2022–2024' for consecutive years, else '2022, 2024'."""
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(year) for year in years)


def pgi_reference(scores: pd.DataFrame, years: list[int], lang: str) -> str:
    """VCCI's PGI as a source, with the years drawn and, where a figure drawn comes from a table
    whose year is inferred, that caveat."""
    years = sorted(int(year) for year in years)
    drawn = scores[scores["year"].isin(years)]
    inferred = sorted(drawn.loc[drawn["note"].str.contains(INFERRED_YEAR_NOTE), "year"].unique())
    text = pick(lang, "VCCI, Chỉ số Xanh cấp tỉnh (PGI)", "VCCI, Provincial Green Index (PGI)")
    text += f" {_years_text(years)}" if years else ""
    if inferred:
        text += pick(
            lang,
            f" (năm {_years_text(inferred)} của bảng chỉ số thành phần được xác định gián "
            "tiếp: trang nguồn không ghi năm)",
            f" (the year {_years_text(inferred)} of the sub-index table is inferred: the "
            "source page shows none)",
        )
    return text


def _derived_note(lang: str) -> str:
    return pick(
        lang,
        f"{DERIVED_MARK} {term('tổng cộng từ 4 CSTP', lang)}: VCCI không công bố tổng điểm.",
        f"{DERIVED_MARK} {term('tổng cộng từ 4 CSTP', lang)}: VCCI published no total.",
    )


def _flag_note(lang: str) -> str:
    return pick(
        lang,
        f"{FLAG_MARK} CSTP 1 và CSTP 2 được công bố bằng nhau, có thể do chép nhầm cột: "
        "cần thận trọng khi kết luận.",
        f"{FLAG_MARK} sub-indices 1 and 2 were published equal, possibly a copied column: "
        "conclude with care.",
    )


# --- rank by year -----------------------------------------------------------------------------


def _year_label(row: pd.Series, lang: str) -> str:
    """A year's tick label with the province's total of that year, or 'unknown'."""
    if pd.isna(row["total"]):
        total = _unknown_label(lang)
    else:
        total = format_number(row["total"], lang) + (DERIVED_MARK if row["total_derived"] else "")
    return f"{row['year']}\n{pick(lang, 'tổng', 'total')} {total}"


def _rank_text(rank: int, ranked: int) -> str:
    """'62/63': a rank and out of how many provinces."""
    return f"{rank}/{ranked}"


def _column(ax, year: int, low: float, high: float, hatch: str | None) -> None:
    """A column over one year from `low` to `high` on the relative-rank axis."""
    ax.bar(
        year,
        high - low,
        bottom=low,
        width=0.5,
        color=COLLECTIVE_COLOUR if hatch is None else "none",
        hatch=hatch,
        edgecolor=LIGHT_INK,
        linewidth=0.8,
    )


def _column_label(ax, year: int, y: float, text: str) -> None:
    ax.text(year, y, text, ha="center", va="center", fontsize=SMALL_PT, color=INK, bbox=LABEL_BOX)


def _draw_bounded_rank(ax, row, lang: str) -> None:
    """A year without a published rank that the stored tables narrow to a range: a grey band
    over the ranks still possible."""
    best, worst, ranked = row.rank_best, row.rank_worst, row.provinces_ranked
    _column(ax, row.year, best / ranked, worst / ranked, hatch=None)
    label = pick(
        lang,
        f"hạng {best}–{worst}/{ranked}\n(chưa công bố)",
        f"rank {best}–{worst}/{ranked}\n(not published)",
    )
    _column_label(ax, row.year, (best + worst) / 2 / ranked, label)


def _draw_unknown_rank(ax, row, lang: str) -> None:
    """A year without a published rank or any bound on it: hatched over the whole axis."""
    _column(ax, row.year, 0.0, 1.0, hatch=UNKNOWN_HATCH)
    label = pick(lang, "hạng không rõ\n(chưa công bố)", "rank unknown\n(not published)")
    _column_label(ax, row.year, 0.5, label)


def _mark_new_counts(ax, path: pd.DataFrame, lang: str) -> None:
    """A dotted line where the number of provinces ranked changes (the 2025 merger)."""
    for before, after in zip(path.iloc[:-1].itertuples(), path.iloc[1:].itertuples(), strict=True):
        if before.provinces_ranked != after.provinces_ranked:
            middle = (before.year + after.year) / 2
            ax.axvline(middle, color=LIGHT_INK, linewidth=0.8, linestyle=":")
            counts = f"{before.provinces_ranked} → {after.provinces_ranked}"
            ax.text(
                middle,
                0.0,
                pick(lang, f"{counts} tỉnh", f"{counts} provinces"),
                ha="center",
                va="bottom",
                fontsize=SMALL_PT,
                color=INK,
                bbox=LABEL_BOX,
            )


def _rank_notes(path: pd.DataFrame, lang: str) -> list[str]:
    notes = [
        pick(
            lang,
            "Vị trí = hạng / số tỉnh được xếp hạng năm đó (0 = đầu bảng, 1 = cuối bảng): "
            "so sánh được cả khi số tỉnh thay đổi.",
            "Position = rank / provinces ranked that year (0 = top, 1 = last): comparable when "
            "the number of provinces changes.",
        )
    ]
    if (path["rank_status"] == ranks.IMPLIED).any():
        notes.append(
            pick(
                lang,
                "Điểm rỗng: hạng không được công bố nhưng suy ra được từ các bảng đã lưu, với các "
                "tiền đề nêu trong notebook 04 (thứ hạng theo tổng điểm, sai số làm tròn, năm suy "
                "ra của bảng nguồn).",
                "Hollow point: no rank published, but the stored tables imply it, under the "
                "premises notebook 04 states (ranks follow totals, rounding, the inferred year of "
                "the source table).",
            )
        )
    if (path["rank_status"] == ranks.BOUNDED).any():
        notes.append(
            pick(
                lang,
                "Cột xám: hạng không được công bố; các bảng đã lưu chỉ giới hạn nó trong khoảng "
                "tô xám.",
                "Grey band: no rank published; the stored tables narrow it to the band.",
            )
        )
    notes.append(
        pick(
            lang,
            "So sánh thứ hạng giữa các năm; điểm chỉ so sánh trong cùng một năm "
            "(phương pháp thay đổi sau năm 2022).",
            "Compare ranks across years; scores only within a year (methods changed after 2022).",
        )
    )
    if path["total_derived"].any():
        notes.append(_derived_note(lang))
    return notes


def draw_rank_by_year(data: OutcomeData, lang: str) -> Figure:
    """Lạng Sơn's rank in each year as a position among the provinces ranked that year (rank /
    n, each point labelled rank/n): 63 provinces up to 2024 and 34 from 2025, so a raw rank
    axis would make 30th of 34 look mid-table. A rank the stored tables imply (`ranks`) is a
    hollow point, one they only bound a grey band over the ranks still possible, else a
    hatched column marked
    unknown; no line is drawn across either."""
    path = outcomes.trajectory(data.scores, data.provinces)
    placed = path["rank_status"].isin([ranks.PUBLISHED, ranks.IMPLIED])
    position = (path["rank_best"] / path["provinces_ranked"]).where(placed)
    drawing, ax = new_figure(height_cm=10.5)
    rows = list(zip(path.itertuples(), position, strict=True))
    for (before, y0), (after, y1) in zip(rows[:-1], rows[1:], strict=True):
        if not (pd.isna(y0) or pd.isna(y1)):
            implied = ranks.IMPLIED in (before.rank_status, after.rank_status)
            ax.plot(
                [before.year, after.year],
                [y0, y1],
                color=INK,
                zorder=2,
                linestyle=":" if implied else "-",
            )
    published = path["rank_status"] == ranks.PUBLISHED
    implied = path["rank_status"] == ranks.IMPLIED
    ax.scatter(path["year"][published], position[published], s=45, color=INK, zorder=3, gid="rank")
    ax.scatter(
        path["year"][implied],
        position[implied],
        s=45,
        facecolors="white",
        edgecolors=INK,
        linewidths=1.2,
        zorder=3,
        gid="implied",
    )
    for row, y in rows:
        if row.rank_status in (ranks.PUBLISHED, ranks.IMPLIED):
            text = _rank_text(row.rank_best, row.provinces_ranked)
            if row.rank_status == ranks.IMPLIED:
                text += pick(lang, " (suy ra)", " (implied)")
            ax.annotate(  # above the line that leaves the point
                text,
                (row.year, y),
                xytext=(6, 5),
                textcoords="offset points",
                va="bottom",
                fontsize=8,
                fontweight="bold",
                color=INK,
            )
        elif row.rank_status == ranks.BOUNDED:
            _draw_bounded_rank(ax, row, lang)
        else:
            _draw_unknown_rank(ax, row, lang)
    _mark_new_counts(ax, path, lang)
    ax.set_xticks(path["year"], [_year_label(row, lang) for _, row in path.iterrows()])
    ax.set_xlim(path["year"].min() - 0.6, path["year"].max() + 0.6)
    ax.set_ylim(1.04, -0.06)  # first place on top; room for the labels at either end
    number_axis(ax.yaxis, lang)
    ax.set_ylabel(
        pick(
            lang,
            "hạng / số tỉnh được xếp hạng\n(0 = đầu bảng, 1 = cuối bảng)",
            "rank / provinces ranked\n(0 = top, 1 = last)",
        )
    )
    ax.set_title(
        pick(
            lang,
            f"{_province(data, lang)}: vị trí trong bảng xếp hạng PGI qua các năm",
            f"{_province(data, lang)}: place in the PGI ranking by year",
        )
    )
    source = source_line(lang, pgi_reference(data.scores, path["year"].tolist(), lang))
    return finish(drawing, source, _rank_notes(path, lang))


# --- Lạng Sơn among the provinces with data ---------------------------------------------------


def _spread(count: int) -> np.ndarray:
    """Vertical offsets that spread a row's dots apart, the same on every run."""
    return np.linspace(-0.27, 0.27, count) if count > 1 else np.zeros(count)


def _draw_others(ax, table: pd.DataFrame, row: int) -> None:
    """The other provinces of one measure: dark if in the region, hollow if derived."""
    others = table[~table["is_province"]].sort_values("province_id")  # spread not by value
    edges = np.where(others["same_region"], INK, LIGHT_INK)
    faces = np.where(others["derived"], "white", edges)
    ax.scatter(
        others["value"],
        row + _spread(len(others)),
        s=16,
        facecolors=faces,
        edgecolors=edges,
        linewidths=0.7,
        zorder=2,
    )


def _draw_means(ax, standing: pd.Series, row: int) -> None:
    """The others' mean (solid), the region's (dashed) and the national mean if published."""
    for column, style in (
        ("others_mean", "-"),
        ("region_others_mean", "--"),
        ("national_mean", ":"),
    ):
        if not pd.isna(standing[column]):
            ax.plot(
                [standing[column]] * 2,
                [row - 0.38, row + 0.38],
                color=INK,
                linewidth=1.6,
                linestyle=style,
                zorder=3,
            )


def _draw_unknown(ax, standing: pd.Series, row: int, lang: str) -> None:
    """A hatched, empty diamond labelled unknown: at the others' mean, or mid-axis if no
    province has the figure."""
    known_mean = not pd.isna(standing["others_mean"])
    x = standing["others_mean"] if known_mean else 0.5
    where = ax.transData if known_mean else ax.get_yaxis_transform()  # x in axes fraction
    ax.scatter(
        x,
        row,
        marker="D",
        s=80,
        facecolors="none",
        edgecolors=LIGHT_INK,
        hatch=UNKNOWN_HATCH,
        zorder=4,
        transform=where,
    )
    _label_marker(ax, _unknown_label(lang), x, row, where)


def _label_marker(ax, label: str, x: float, row: int, where) -> None:
    ax.annotate(
        label,
        (x, row),
        xycoords=where,
        xytext=(0, 9),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=8,
        fontweight="bold",
        color=INK,
        zorder=5,
        bbox=LABEL_BOX,
    )


def _interval(scores: pd.DataFrame, year: int, measure: str) -> tuple[float, float] | None:
    """The confidence interval the source published with the province's figure, if any."""
    own = scores[
        (scores["year"] == year)
        & (scores["province_id"] == outcomes.LANG_SON)
        & (scores["measure"] == measure)
    ]
    if own.empty or own[["ci_low", "ci_high"]].isna().any(axis=None):
        return None
    return float(own["ci_low"].iloc[0]), float(own["ci_high"].iloc[0])


def _draw_province(
    ax, standing: pd.Series, row: int, colour: str, lang: str, interval=None
) -> None:
    """The province's own figure, marked if derived or flagged, with the interval the source
    published around it if any; hatched and labelled if unknown."""
    if pd.isna(standing["value"]):
        _draw_unknown(ax, standing, row, lang)
        return
    if interval is not None:
        ax.plot(
            interval,
            [row, row],
            color=colour,
            linewidth=2.5,
            alpha=0.6,
            zorder=3,
            solid_capstyle="butt",
            gid="interval",
        )
    face = "white" if standing["derived"] else colour
    ax.scatter(
        standing["value"],
        row,
        marker="D",
        s=80,
        facecolors=face,
        edgecolors=colour,
        linewidths=1.5,
        zorder=4,
    )
    label = format_number(standing["value"], lang)
    label += DERIVED_MARK if standing["derived"] else ""
    label += f" {FLAG_MARK}" if standing["flag"] else ""
    _label_marker(ax, label, standing["value"], row, ax.transData)


def _count_label(standing: pd.Series, lang: str) -> str:
    """'n = 36 · vị trí 33': how many provinces have the figure, and where the province is."""
    text = f"n = {standing['provinces_with_data']}"
    if not pd.isna(standing["position"]):
        text += f" · {pick(lang, 'vị trí', 'position')} {standing['position']}"
    return text


def _draw_rows(ax, data: OutcomeData, comparison: pd.DataFrame, measures, lang: str) -> None:
    for row, measure in enumerate(measures):
        standing = comparison.set_index("measure").loc[measure]
        table = outcomes.distribution(data.scores, data.provinces, standing["year"], measure)
        sub_index = SUB_INDEX_MEASURES.index(measure) + 1 if measure in SUB_INDEX_MEASURES else None
        colour = SUB_INDEX_COLOURS.get(sub_index, TOTAL_COLOUR)
        _draw_others(ax, table, row)
        _draw_means(ax, standing, row)
        interval = _interval(data.scores, standing["year"], measure)
        _draw_province(ax, standing, row, colour, lang, interval)
        ax.annotate(
            _count_label(standing, lang),
            (1.01, row),
            xycoords=("axes fraction", "data"),
            va="center",
            fontsize=8,
            color=INK,
        )
    ax.set_ylim(len(measures) - 0.5, -0.5)  # the first measure on top
    ax.tick_params(axis="y", length=0)


def _peer_legend(drawing, data: OutcomeData, lang: str) -> None:
    from matplotlib.lines import Line2D

    region = data.provinces.region(outcomes.LANG_SON, lang)
    dot = {"marker": "o", "linestyle": "", "markersize": 5}
    handles = [
        Line2D([], [], marker="D", linestyle="", color=INK, label=_province(data, lang)),
        Line2D([], [], color=LIGHT_INK, label=pick(lang, "tỉnh khác", "other provinces"), **dot),
        Line2D(
            [],
            [],
            color=INK,
            label=pick(lang, f"cùng vùng: {region}", f"same region: {region}"),
            **dot,
        ),
        Line2D(
            [],
            [],
            markerfacecolor="white",
            markeredgecolor=INK,
            label=term("tổng cộng từ 4 CSTP", lang),
            **dot,
        ),
        Line2D(
            [], [], color=INK, label=pick(lang, "trung bình các tỉnh khác", "mean of the others")
        ),
        Line2D(
            [],
            [],
            color=INK,
            linestyle="--",
            label=pick(lang, "trung bình các tỉnh cùng vùng", "mean of the region"),
        ),
        Line2D(
            [],
            [],
            color=INK,
            linestyle=":",
            label=pick(lang, "trung bình cả nước (VCCI công bố)", "national mean (published)"),
        ),
    ]
    drawing.legend(handles=handles, loc="outside lower center", ncols=2)


def draw_lang_son_vs_peers(data: OutcomeData, lang: str) -> Figure:
    """Lạng Sơn's sub-indices and total in the headline year (`coverage.headline_year`: the
    latest year with enough provinces), among every province with the figure that year, its
    region and the published national mean; a later year with too few provinces is named in a
    note, not drawn in its place."""
    year, thin = _compared_years(data)
    years = [] if year is None else [year]
    source = source_line(lang, pgi_reference(data.scores, years, lang))
    drawing, (top, bottom) = new_figure(height_cm=13.5, nrows=2, height_ratios=[4, 1.2])
    if year is None:
        top.set_title(pick(lang, "Chưa có điểm chỉ số thành phần", "No sub-index scores yet"))
        return finish(drawing, source)
    comparison = outcomes.compare(data.scores, data.provinces, years=years)
    _draw_rows(top, data, comparison, SUB_INDEX_MEASURES, lang)
    top.set_yticks(range(4), [measure_label(measure, lang) for measure in SUB_INDEX_MEASURES])
    top.set_xlabel(pick(lang, "điểm chỉ số thành phần (1–10)", "sub-index score (1–10)"))
    _draw_rows(bottom, data, comparison, ["total"], lang)
    bottom.set_yticks([0], [measure_label("total", lang)])
    bottom.set_xlabel(pick(lang, "tổng điểm (4–40)", "total score (4–40)"))
    for ax in (top, bottom):
        number_axis(ax.xaxis, lang)
    top.set_title(
        pick(
            lang,
            f"{_province(data, lang)} so với các tỉnh có số liệu, PGI {year}",
            f"{_province(data, lang)} among the provinces with data, PGI {year}",
        )
    )
    _peer_legend(drawing, data, lang)
    notes = [
        pick(
            lang,
            "Chỉ các tỉnh có số liệu đã công bố (n); vị trí 1 = điểm cao nhất trong số đó.",
            "Only provinces with published figures (n); position 1 = highest among them.",
        )
    ]
    if comparison["derived"].any() or comparison["derived_values"].any():
        notes.append(_derived_note(lang))
    if comparison["flag"].any():
        notes.append(_flag_note(lang))
    if any(_interval(data.scores, year, measure) for measure in SCORE_MEASURES):
        notes.append(
            pick(
                lang,
                "Vạch màu nhạt quanh điểm của tỉnh: khoảng tin cậy do nguồn công bố.",
                "Light bar around the province's figure: the confidence interval its source gives.",
            )
        )
    notes += [_thin_note(data, thin_year, year, lang) for thin_year in thin]
    return finish(drawing, source, notes)


def _well_covered(data: OutcomeData, year: int) -> bool:
    covered = coverage.group_coverage(data.scores, data.provinces).set_index("year")
    return bool(covered.at[year, "well_covered"])


def _compared_years(data: OutcomeData) -> tuple[int | None, list[int]]:
    """The year the figures compare (the headline year, else the latest with the province's
    sub-indices) and the years shown that are too thin to compare: a later one, or the year
    compared itself when no year is well covered."""
    years = coverage.comparison_years(data.scores, data.provinces, province_id=outcomes.LANG_SON)
    if not years:
        return None, []
    return years[0], [year for year in years if not _well_covered(data, year)]


def _thin_note(data: OutcomeData, thin: int, shown: int, lang: str) -> str:
    """How few provinces a thin year has, and what the figure does about it."""
    covered = coverage.group_coverage(data.scores, data.provinces).set_index("year")
    have, ranked = covered.at[thin, "most"], data.provinces.ranked(thin)
    minimum = format_share(coverage.MIN_COVERAGE, lang)
    thin_vi = f"PGI {thin} còn thưa ({have}/{ranked} tỉnh có số liệu, dưới {minimum})"
    thin_en = f"PGI {thin} is thin ({have} of {ranked} provinces with figures, under {minimum})"
    if thin == shown:
        return pick(
            lang,
            f"{thin_vi}: chưa năm nào đủ số tỉnh; vị trí và mức trung bình chỉ để tham khảo.",
            f"{thin_en}: no year has enough provinces; read positions and means with care.",
        )
    return pick(
        lang,
        f"{thin_vi}: hình so sánh PGI {shown}.",
        f"{thin_en}: the figure compares PGI {shown}.",
    )


# --- responsibility beside the gaps -----------------------------------------------------------


def _link(data: OutcomeData) -> pd.DataFrame:
    """`outcomes.sub_index_link` for the year the figures compare (`_compared_years`)."""
    year, _thin = _compared_years(data)
    comparison = outcomes.compare(data.scores, data.provinces, years=[] if year is None else [year])
    structure = outcomes.sub_index_structure(data.tidy, data.sub_indices)
    return outcomes.sub_index_link(structure, comparison, year)


def _draw_gaps(ax, link: pd.DataFrame, lang: str) -> None:
    """Bars of the gap to the others' mean; hatched if flagged; an empty hatched box if unknown."""
    for row in link.itertuples():
        if pd.isna(row.gap_to_others):
            ax.barh(
                row.Index, 0.5, left=-0.25, fill=False, hatch=UNKNOWN_HATCH, edgecolor=LIGHT_INK
            )
            label = f"{_unknown_label(lang)} (n = {row.provinces_with_data})"
            ax.text(0.3, row.Index, label, va="center", fontsize=SMALL_PT, color=INK)
            continue
        ax.barh(
            row.Index,
            row.gap_to_others,
            color=SUB_INDEX_COLOURS[row.sub_index],
            hatch=FLAGGED_HATCH if row.flag else None,
            edgecolor="white",
        )
        label = format_number(row.gap_to_others, lang) + (f" {FLAG_MARK}" if row.flag else "")
        side = "left" if row.gap_to_others >= 0 else "right"
        offset = 0.05 if row.gap_to_others >= 0 else -0.05
        ax.text(
            row.gap_to_others + offset,
            row.Index,
            f"{label} (n = {row.provinces_with_data})",
            ha=side,
            va="center",
            fontsize=SMALL_PT,
            color=INK,
        )
    ax.axvline(0, color=INK, linewidth=0.8)
    reach = max(1.0, link["gap_to_others"].abs().max())  # 1 point also when no gap is known
    ax.set_xlim(-reach * 2, reach * 2)  # room for the labels on either side
    number_axis(ax.xaxis, lang)


def _draw_bars(
    ax, values: pd.Series, colours, labels: list[str], most: float | None = None
) -> None:
    """Horizontal bars labelled at their ends, on an axis to `most` (by default room for the
    labels beyond the longest bar)."""
    bars = ax.barh(range(len(values)), values, color=colours)
    ax.bar_label(bars, labels=labels, padding=2, fontsize=SMALL_PT, color=INK)
    ax.set_xlim(0, most or (values.max() * 1.6 if values.max() > 0 else 1))


def _draw_coordinators(ax, link: pd.DataFrame, lang: str) -> None:
    """Coordinators per indicator: named bodies in the sub-index colour, collectives grey."""
    collective = link["coordinators_per_indicator"] * link["collective_coordinator_share"]
    named = link["coordinators_per_indicator"] - collective
    ax.barh(link.index, named, color=link["sub_index"].map(SUB_INDEX_COLOURS))
    bars = ax.barh(link.index, collective, left=named, color=COLLECTIVE_COLOUR)
    labels = [
        f"{format_number(total, lang)} ({format_share(part, lang)})"
        for total, part in zip(
            link["coordinators_per_indicator"], link["collective_coordinator_share"], strict=True
        )
    ]
    ax.bar_label(bars, labels=labels, padding=2, fontsize=SMALL_PT, color=INK)
    ax.set_xlim(0, link["coordinators_per_indicator"].max() * 1.6)


def _top_lead_label(row: pd.Series, lang: str) -> str:
    """'56% Sở NN&MT', or with a tie the share each of the tied bodies holds: no single body is
    named the top one when several share the place."""
    share = format_share(row["top_lead_share_of_named"], lang)
    if row["top_lead_bodies"] > 1:
        share += pick(lang, " mỗi cơ quan:", " each:")
    return f"{share} {row[f'top_leads_{lang}']}"


# The panels of `draw_responsibility_vs_gap`: the gap across the top, the plan's assignments in
# a grid of two columns below it, sub-indices in the same rows throughout.
STRUCTURE_PANELS = [["gap", "gap"], ["leads", "coordinators"], ["overlaps", "top_lead"]]


def _structure_titles(link: pd.DataFrame, lang: str) -> dict[str, str]:
    """The titles of the panels of `draw_responsibility_vs_gap`."""
    year = link["year"].dropna()
    return {
        "gap": pick(
            lang,
            "Chênh lệch điểm với trung bình các tỉnh khác có số liệu",
            "Gap to the mean of the other provinces with data",
        )
        + (f", {year.iloc[0]}" if len(year) else ""),
        "leads": pick(lang, "Cơ quan chủ trì\ntrên mỗi chỉ số", "Leads\nper indicator"),
        "coordinators": pick(
            lang, "Cơ quan phối hợp\ntrên mỗi chỉ số", "Coordinators\nper indicator"
        ),
        "top_lead": pick(
            lang,
            f"Cơ quan chủ trì nhiều nhất\n(tỷ lệ {term('phần chủ trì', lang)})",
            f"Top lead\n(its part of the {term('phần chủ trì', lang)}s)",
        ),
        "overlaps": pick(
            lang,
            "Số lần một cơ quan vừa\nchủ trì vừa phối hợp",
            "Times a body is both\nlead and coordinator",
        ),
    }


def draw_responsibility_vs_gap(data: OutcomeData, lang: str) -> Figure:
    """Per sub-index: Lạng Sơn's gap to the other provinces with data beside how the plan
    assigns the sub-index (leads and coordinators per indicator, the top lead's part of the
    named bodies' lead shares, indicators with a body named both lead and coordinator)."""
    link = _link(data)
    colours = link["sub_index"].map(SUB_INDEX_COLOURS)
    drawing, axes = new_figure(height_cm=19.0, mosaic=STRUCTURE_PANELS, sharey=True)
    _draw_gaps(axes["gap"], link, lang)
    _draw_bars(
        axes["leads"],
        link["leads_per_indicator"],
        colours,
        [format_number(value, lang) for value in link["leads_per_indicator"]],
    )
    number_axis(axes["leads"].xaxis, lang)
    _draw_coordinators(axes["coordinators"], link, lang)
    number_axis(axes["coordinators"].xaxis, lang)
    _draw_bars(
        axes["top_lead"],
        link["top_lead_share_of_named"],
        colours,
        [_top_lead_label(row, lang) for _, row in link.iterrows()],
        most=1.0,  # a share
    )
    number_axis(axes["top_lead"].xaxis, lang, share=True)
    _draw_bars(
        axes["overlaps"],
        link["overlaps"],
        colours,
        [format_count(count, lang) for count in link["overlaps"]],
    )
    number_axis(axes["overlaps"].xaxis, lang, integer=True)
    for name, title in _structure_titles(link, lang).items():
        axes[name].set_title(title, fontsize=8)  # two panels a row: titles a size down
        axes[name].tick_params(axis="y", length=0)
    for name in ("coordinators", "top_lead"):  # the right column: rows named on the left
        axes[name].tick_params(axis="y", labelleft=False)
    indicators = pick(lang, "chỉ số", "indicators")
    axes["gap"].set_yticks(
        link.index,
        [
            f"{sub_index_label(row.sub_index, lang)}\n({row.indicators} {indicators})"
            for row in link.itertuples()
        ],
    )
    axes["gap"].set_ylim(len(link) - 0.5, -0.5)
    drawing.suptitle(
        pick(
            lang,
            f"{_province(data, lang)}: điểm CSTP bên cạnh cách Phụ lục phân công (chỉ mô tả)",
            f"{_province(data, lang)}: sub-index scores beside the plan's assignments "
            "(description only)",
        ),
        x=0.01,
        ha="left",
    )
    notes = [
        pick(
            lang,
            "Chỉ có 4 chỉ số thành phần: không thể kiểm định mối liên hệ giữa phân công và "
            "điểm số. n = số tỉnh có số liệu.",
            "Only 4 sub-indices: no link between assignments and scores can be tested. "
            "n = provinces with data.",
        ),
        pick(
            lang,
            f"Cơ quan phối hợp: phần xám và tỷ lệ trong ngoặc là {COLLECTIVES_LABEL[0]}. "
            f"Cơ quan chủ trì nhiều nhất: tỷ lệ của cơ quan đó trong tổng "
            f"{term('phần chủ trì', lang)} của các cơ quan được nêu tên.",
            f"Coordinators: the grey part and the share in brackets are {COLLECTIVES_LABEL[1]}. "
            f"Top lead: its part of all {term('phần chủ trì', lang)}s of the named bodies.",
        ),
    ]
    if link["flag"].ne("").any():
        notes.append(_flag_note(lang))
    years = link["year"].dropna().unique().tolist()
    source = source_line(lang, pgi_reference(data.scores, years, lang), plan_reference(lang))
    return finish(drawing, source, notes)
