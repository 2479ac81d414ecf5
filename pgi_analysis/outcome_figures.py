"""The outcome figures of notebook 04: Lạng Sơn's rank by year, Lạng Sơn among the provinces with
data, and the plan's responsibility structure beside the sub-index gaps.

Each `draw_*(data, lang)` takes an `outcomes.OutcomeData` and is registered in
`pgi_analysis.figures.FIGURES`.

Unknown figures are drawn as unknown (a hatched, empty marker with a label), never as 0; totals
summed from the sub-indices are marked as derived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pgi_analysis import outcomes
from pgi_analysis.plotting import COLLECTIVE_COLOUR, INK, LIGHT_INK, new_figure
from pgi_analysis.vocabulary import (
    SUB_INDEX_COLOURS,
    SUB_INDEX_MEASURES,
    format_number,
    pick,
    sub_index_label,
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


def _footnote(figure: Figure, lines: list[str]) -> None:
    """Notes under the figure, inside its layout (a plain figure text would be cut off)."""
    figure.supxlabel("\n".join(lines), x=0.01, ha="left", fontsize=7, color=INK)


def _score_axis(axis, lang: str) -> None:
    """Tick labels with the language's decimal mark."""
    axis.set_major_formatter(lambda value, _: format_number(value, lang, 1))


def _derived_note(lang: str) -> str:
    return pick(
        lang,
        f"{DERIVED_MARK} suy ra: tổng của 4 chỉ số thành phần, VCCI không công bố tổng",
        f"{DERIVED_MARK} derived: sum of the 4 sub-indices; VCCI published no total",
    )


def _flag_note(lang: str) -> str:
    return pick(
        lang,
        f"{FLAG_MARK} CSTP 1 và CSTP 2 công bố bằng nhau, có thể do chép nhầm cột: "
        "dè dặt khi kết luận",
        f"{FLAG_MARK} sub-indices 1 and 2 published equal, possibly a copied column: "
        "conclude with care",
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
    ax.text(year, y, text, ha="center", va="center", fontsize=8, color=INK, bbox=LABEL_BOX)


def _draw_outside_top(ax, row, lang: str) -> None:
    """A year without a published rank where the stored totals rule out the top places: a grey
    band over the ranks still possible."""
    best, ranked = row.outside_top + 1, row.provinces_ranked
    _column(ax, row.year, best / ranked, 1.0, hatch=None)
    label = pick(
        lang,
        f"ngoài top {row.outside_top}\n(hạng {best}–{ranked}/{ranked},\nchưa công bố)",
        f"outside the top {row.outside_top}\n(rank {best}–{ranked}/{ranked},\nnot published)",
    )
    _column_label(ax, row.year, (best / ranked + 1.0) / 2, label)


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
                fontsize=7,
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
    if path["outside_top"].notna().any():
        notes.append(
            pick(
                lang,
                "Cột xám: hạng không được công bố, nhưng tổng điểm thấp hơn tổng của một tỉnh đã "
                "công bố hạng\n(quá sai số làm tròn): hạng nằm trong khoảng tô xám.",
                "Grey band: no rank published, but the total is below that of a province with a "
                "published rank\n(by more than rounding): the rank lies within the band.",
            )
        )
    notes.append(
        pick(
            lang,
            "So sánh thứ hạng giữa các năm; điểm chỉ so sánh trong cùng năm "
            "(phương pháp đổi sau 2022).",
            "Compare ranks across years; scores only within a year (methods changed after 2022).",
        )
    )
    if path["total_derived"].any():
        notes.append(_derived_note(lang))
    return notes


def draw_rank_by_year(data: OutcomeData, lang: str) -> Figure:
    """Lạng Sơn's rank in each year as a position among the provinces ranked that year (rank /
    n, each point labelled rank/n): 63 provinces up to 2024 and 34 from 2025, so a raw rank
    axis would make 30th of 34 look mid-table. A year without a published rank is a grey band
    where the stored totals bound it (`outcomes.outside_top`), else a hatched column marked
    unknown; no line is drawn across either."""
    path = outcomes.trajectory(data.scores, data.provinces)
    figure, ax = new_figure(6.4, 4.4)
    for before, after in zip(path.iloc[:-1].itertuples(), path.iloc[1:].itertuples(), strict=True):
        if not (pd.isna(before.rank) or pd.isna(after.rank)):
            ax.plot(
                [before.year, after.year],
                [before.relative_rank, after.relative_rank],
                color=INK,
                zorder=2,
            )
    known = path[path["rank"].notna()]
    ax.scatter(known["year"], known["relative_rank"], s=45, color=INK, zorder=3, gid="rank")
    for row in path.itertuples():
        if not pd.isna(row.rank):
            ax.annotate(
                _rank_text(row.rank, row.provinces_ranked),
                (row.year, row.relative_rank),
                xytext=(8, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                fontweight="bold",
                color=INK,
            )
        elif not pd.isna(row.outside_top):
            _draw_outside_top(ax, row, lang)
        else:
            _draw_unknown_rank(ax, row, lang)
    _mark_new_counts(ax, path, lang)
    ax.set_xticks(path["year"], [_year_label(row, lang) for _, row in path.iterrows()])
    ax.set_xlim(path["year"].min() - 0.6, path["year"].max() + 0.6)
    ax.set_ylim(1.04, -0.06)  # first place on top; room for the labels at either end
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1])
    ax.yaxis.set_major_formatter(lambda value, _: format_number(value, lang))
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
    _footnote(figure, _rank_notes(path, lang))
    return figure


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


def _draw_province(ax, standing: pd.Series, row: int, colour: str, lang: str) -> None:
    """The province's own figure, marked if derived or flagged; hatched and labelled if unknown."""
    if pd.isna(standing["value"]):
        _draw_unknown(ax, standing, row, lang)
        return
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
        _draw_province(ax, standing, row, colour, lang)
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


def _peer_legend(figure: Figure, data: OutcomeData, lang: str) -> None:
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
            label=pick(lang, "tổng suy ra", "derived total"),
            **dot,
        ),
        Line2D([], [], color=INK, label=pick(lang, "TB các tỉnh khác", "mean of the others")),
        Line2D(
            [],
            [],
            color=INK,
            linestyle="--",
            label=pick(lang, "TB cùng vùng", "mean of the region"),
        ),
        Line2D(
            [],
            [],
            color=INK,
            linestyle=":",
            label=pick(lang, "TB cả nước (công bố)", "national mean (published)"),
        ),
    ]
    figure.legend(handles=handles, loc="outside right upper")


def draw_lang_son_vs_peers(data: OutcomeData, lang: str) -> Figure:
    """Lạng Sơn's sub-indices and total in the latest year with its sub-indices, among every
    province with the figure that year, its region and the published national mean."""
    year = outcomes.latest_sub_index_year(data.scores)
    figure, (top, bottom) = new_figure(10.0, 5.6, nrows=2, height_ratios=[4, 1.2])
    if year is None:
        top.set_title(pick(lang, "Chưa có điểm chỉ số thành phần", "No sub-index scores yet"))
        return figure
    comparison = outcomes.compare(data.scores, data.provinces, years=[year])
    _draw_rows(top, data, comparison, SUB_INDEX_MEASURES, lang)
    top.set_yticks(range(len(SUB_INDEX_MEASURES)), [sub_index_label(n, lang) for n in range(1, 5)])
    top.set_xlabel(pick(lang, "điểm chỉ số thành phần (1–10)", "sub-index score (1–10)"))
    _score_axis(top.xaxis, lang)
    _draw_rows(bottom, data, comparison, ["total"], lang)
    bottom.set_yticks([0], [pick(lang, "Tổng PGI", "PGI total")])
    bottom.set_xlabel(pick(lang, "tổng điểm (4–40)", "total score (4–40)"))
    top.set_title(
        pick(
            lang,
            f"{_province(data, lang)} so với các tỉnh có số liệu, PGI {year}",
            f"{_province(data, lang)} among the provinces with data, PGI {year}",
        )
    )
    _peer_legend(figure, data, lang)
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
    _footnote(figure, notes)
    return figure


# --- responsibility beside the gaps -----------------------------------------------------------


def _link(data: OutcomeData) -> pd.DataFrame:
    """`outcomes.sub_index_link` for the latest year with Lạng Sơn's sub-indices."""
    year = outcomes.latest_sub_index_year(data.scores)
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
            ax.text(0.3, row.Index, label, va="center", fontsize=7, color=INK)
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
            f"{label}\nn = {row.provinces_with_data}",
            ha=side,
            va="center",
            fontsize=7,
            color=INK,
        )
    ax.axvline(0, color=INK, linewidth=0.8)
    reach = max(1.0, link["gap_to_others"].abs().max())  # 1 point also when no gap is known
    ax.set_xlim(-reach * 2.4, reach * 2.4)  # room for the labels on either side
    _score_axis(ax.xaxis, lang)


def _draw_bars(ax, values: pd.Series, colours, labels: list[str]) -> None:
    bars = ax.barh(range(len(values)), values, color=colours)
    ax.bar_label(bars, labels=labels, padding=2, fontsize=7, color=INK)
    ax.set_xlim(0, values.max() * 1.6 if values.max() > 0 else 1)


def _draw_coordinators(ax, link: pd.DataFrame, lang: str) -> None:
    """Coordinators per indicator: named bodies in the sub-index colour, collectives grey."""
    collective = link["coordinators_per_indicator"] * link["collective_coordinator_share"]
    named = link["coordinators_per_indicator"] - collective
    ax.barh(link.index, named, color=link["sub_index"].map(SUB_INDEX_COLOURS))
    bars = ax.barh(link.index, collective, left=named, color=COLLECTIVE_COLOUR)
    share = pick(lang, "tập thể", "collective")
    labels = [
        f"{format_number(total, lang)} ({part:.0%} {share})"
        for total, part in zip(
            link["coordinators_per_indicator"], link["collective_coordinator_share"], strict=True
        )
    ]
    ax.bar_label(bars, labels=labels, padding=2, fontsize=7, color=INK)
    ax.set_xlim(0, link["coordinators_per_indicator"].max() * 1.9)


def _top_lead_label(row: pd.Series, lang: str) -> str:
    """'56% Sở NN&MT', or with a tie the share each of the tied bodies holds: no single body is
    named the top one when several share the place."""
    share = f"{row['top_lead_share_of_named']:.0%}"
    if row["top_lead_bodies"] > 1:
        share += pick(lang, " mỗi cơ quan:", " each:")
    return f"{share} {row[f'top_leads_{lang}']}"


def _structure_titles(link: pd.DataFrame, lang: str) -> tuple[str, ...]:
    """The titles of the five panels of `draw_responsibility_vs_gap`."""
    year = link["year"].dropna()
    return (
        pick(
            lang,
            "Chênh lệch với TB\ncác tỉnh khác có số liệu",
            "Gap to the mean of\nother provinces with data",
        )
        + (f", {year.iloc[0]}" if len(year) else ""),
        pick(lang, "Cơ quan chủ trì\ntrên mỗi chỉ số", "Leads\nper indicator"),
        pick(lang, "Cơ quan phối hợp\ntrên mỗi chỉ số", "Coordinators\nper indicator"),
        pick(
            lang,
            "Tỷ trọng của cơ quan đứng đầu\ntrong tín chỉ chủ trì của\ncác cơ quan nêu tên (%)",
            "Top lead's share of the\nnamed bodies'\nlead credit (%)",
        ),
        pick(
            lang,
            "Số lần một cơ quan vừa\nchủ trì vừa phối hợp",
            "Times a body is both\nlead and coordinator",
        ),
    )


def draw_responsibility_vs_gap(data: OutcomeData, lang: str) -> Figure:
    """Per sub-index: Lạng Sơn's gap to the other provinces with data beside how the plan
    assigns the sub-index (leads and coordinators per indicator, the top lead's share of the
    named bodies' lead credit, indicators with a body named both lead and coordinator)."""
    from matplotlib.ticker import MaxNLocator

    link = _link(data)
    colours = link["sub_index"].map(SUB_INDEX_COLOURS)
    figure, axes = new_figure(
        12.0, 3.8, ncols=5, sharey=True, width_ratios=[1.5, 0.9, 1.3, 1.3, 0.9]
    )
    gap, leads, coordinators, top_lead, overlaps = axes
    _draw_gaps(gap, link, lang)
    _draw_bars(
        leads,
        link["leads_per_indicator"],
        colours,
        [format_number(value, lang) for value in link["leads_per_indicator"]],
    )
    _draw_coordinators(coordinators, link, lang)
    _draw_bars(
        top_lead,
        link["top_lead_share_of_named"] * 100,
        colours,
        [_top_lead_label(row, lang) for _, row in link.iterrows()],
    )
    _draw_bars(overlaps, link["overlaps"], colours, [str(count) for count in link["overlaps"]])
    overlaps.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax, title in zip(axes, _structure_titles(link, lang), strict=True):
        ax.set_title(title, fontsize=8)
        ax.tick_params(axis="y", length=0)
    indicators = pick(lang, "chỉ số", "indicators")
    gap.set_yticks(
        link.index,
        [
            f"{sub_index_label(row.sub_index, lang)}\n({row.indicators} {indicators})"
            for row in link.itertuples()
        ],
    )
    gap.set_ylim(len(link) - 0.5, -0.5)
    figure.suptitle(
        pick(
            lang,
            f"Phân công trách nhiệm bên cạnh điểm CSTP của {_province(data, lang)}: "
            "mô tả, không phải suy luận",
            f"Responsibility beside {_province(data, lang)}'s sub-index scores: "
            "a description, not inference",
        ),
        x=0.01,
        ha="left",
        fontweight="bold",
        fontsize=11,
    )
    notes = [
        pick(
            lang,
            "Chỉ có 4 chỉ số thành phần: không thể kiểm định mối liên hệ. n = số tỉnh có số liệu.",
            "Only 4 sub-indices: no link can be tested. n = provinces with data.",
        )
    ]
    if link["flag"].ne("").any():
        notes.append(_flag_note(lang))
    _footnote(figure, notes)
    return figure
