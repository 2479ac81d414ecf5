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
from pgi_analysis.plotting import (
    COLLECTIVE_COLOUR,
    INK,
    LIGHT_INK,
    SUB_INDEX_COLOURS,
    bilingual,
    new_figure,
    sub_index_label,
)
from pgi_analysis.scores import SUB_INDICES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from pgi_analysis.outcomes import OutcomeData

UNKNOWN_HATCH = "////"
FLAGGED_HATCH = "\\\\\\"  # leaning the other way from the unknowns' hatch
DERIVED_MARK = "*"
FLAG_MARK = "(?)"  # a doubtful figure; ASCII, as the English figures must be
TOTAL_COLOUR = INK
LABEL_BOX = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}


def _number(value: float, lang: str, digits: int = 2) -> str:
    """A figure as each language writes it: 17,33 in Vietnamese, 17.33 in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "vi" else text


def _province(data: OutcomeData, lang: str) -> str:
    return outcomes.province_name(data.provinces, outcomes.LANG_SON, lang)


def _unknown_label(lang: str) -> str:
    return bilingual(lang, "không rõ", "unknown")


def _footnote(figure: Figure, lines: list[str]) -> None:
    """Notes under the figure, inside its layout (a plain figure text would be cut off)."""
    figure.supxlabel("\n".join(lines), x=0.01, ha="left", fontsize=7, color=INK)


def _score_axis(axis, lang: str) -> None:
    """Tick labels with the language's decimal mark."""
    axis.set_major_formatter(lambda value, _: _number(value, lang, 1))


def _derived_note(lang: str) -> str:
    return bilingual(
        lang,
        f"{DERIVED_MARK} suy ra: tổng của 4 chỉ số thành phần, VCCI không công bố tổng",
        f"{DERIVED_MARK} derived: sum of the 4 sub-indices; VCCI published no total",
    )


def _flag_note(lang: str) -> str:
    return bilingual(
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
        total = _number(row["total"], lang) + (DERIVED_MARK if row["total_derived"] else "")
    return f"{row['year']}\n{bilingual(lang, 'tổng', 'total')} {total}"


def draw_rank_by_year(data: OutcomeData, lang: str) -> Figure:
    """Lạng Sơn's rank in each year of the data; a year without a published rank is a hatched
    column marked unknown, and no line is drawn across it."""
    path = outcomes.trajectory(data.scores, data.provinces)
    ranked = int(path["provinces_ranked"].max())
    figure, ax = new_figure(6.0, 4.0)
    for before, after in zip(path.iloc[:-1].itertuples(), path.iloc[1:].itertuples(), strict=True):
        if not (pd.isna(before.rank) or pd.isna(after.rank)):
            ax.plot([before.year, after.year], [before.rank, after.rank], color=INK, zorder=2)
    for row in path.itertuples():
        if pd.isna(row.rank):
            ax.bar(
                row.year,
                ranked,
                bottom=0.5,
                width=0.4,
                fill=False,
                hatch=UNKNOWN_HATCH,
                edgecolor=LIGHT_INK,
                linewidth=0.8,
            )
            label = bilingual(
                lang, "hạng không rõ\n(chưa công bố)", "rank unknown\n(not published)"
            )
            ax.text(
                row.year,
                ranked / 2,
                label,
                ha="center",
                va="center",
                fontsize=8,
                color=INK,
                backgroundcolor="white",
            )
        else:
            ax.scatter(row.year, row.rank, s=45, color=INK, zorder=3)
            ax.annotate(
                f"{row.rank}/{row.provinces_ranked}",
                (row.year, row.rank),
                xytext=(8, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                fontweight="bold",
            )
    ax.set_xticks(path["year"], [_year_label(row, lang) for _, row in path.iterrows()])
    ax.set_xlim(path["year"].min() - 0.6, path["year"].max() + 0.6)
    ax.set_ylim(ranked + 0.5, 0.5)  # first place on top
    ax.set_yticks(sorted({1, *range(10, ranked - 4, 10), ranked}))  # 60 and 63 would collide
    ax.set_ylabel(bilingual(lang, "thứ hạng (1 = tốt nhất)", "rank (1 = best)"))
    ax.set_title(
        bilingual(
            lang,
            f"{_province(data, lang)}: thứ hạng PGI qua các năm",
            f"{_province(data, lang)}: PGI rank by year",
        )
    )
    notes = [
        bilingual(
            lang,
            "So sánh thứ hạng giữa các năm; điểm chỉ so sánh trong cùng năm "
            "(phương pháp đổi sau 2022).",
            "Compare ranks across years; scores only within a year (methods changed after 2022).",
        )
    ]
    if path["total_derived"].any():
        notes.append(_derived_note(lang))
    _footnote(figure, notes)
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
    label = _number(standing["value"], lang)
    label += DERIVED_MARK if standing["derived"] else ""
    label += f" {FLAG_MARK}" if standing["flag"] else ""
    _label_marker(ax, label, standing["value"], row, ax.transData)


def _count_label(standing: pd.Series, lang: str) -> str:
    """'n = 36 · vị trí 33': how many provinces have the figure, and where the province is."""
    text = f"n = {standing['provinces_with_data']}"
    if not pd.isna(standing["position"]):
        text += f" · {bilingual(lang, 'vị trí', 'position')} {standing['position']}"
    return text


def _draw_rows(ax, data: OutcomeData, comparison: pd.DataFrame, measures, lang: str) -> None:
    for row, measure in enumerate(measures):
        standing = comparison.set_index("measure").loc[measure]
        table = outcomes.distribution(data.scores, data.provinces, standing["year"], measure)
        sub_index = SUB_INDICES.index(measure) + 1 if measure in SUB_INDICES else None
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

    region = outcomes.region_of(data.provinces, outcomes.LANG_SON, lang)
    dot = {"marker": "o", "linestyle": "", "markersize": 5}
    handles = [
        Line2D([], [], marker="D", linestyle="", color=INK, label=_province(data, lang)),
        Line2D(
            [], [], color=LIGHT_INK, label=bilingual(lang, "tỉnh khác", "other provinces"), **dot
        ),
        Line2D(
            [],
            [],
            color=INK,
            label=bilingual(lang, f"cùng vùng: {region}", f"same region: {region}"),
            **dot,
        ),
        Line2D(
            [],
            [],
            markerfacecolor="white",
            markeredgecolor=INK,
            label=bilingual(lang, "tổng suy ra", "derived total"),
            **dot,
        ),
        Line2D([], [], color=INK, label=bilingual(lang, "TB các tỉnh khác", "mean of the others")),
        Line2D(
            [],
            [],
            color=INK,
            linestyle="--",
            label=bilingual(lang, "TB cùng vùng", "mean of the region"),
        ),
        Line2D(
            [],
            [],
            color=INK,
            linestyle=":",
            label=bilingual(lang, "TB cả nước (công bố)", "national mean (published)"),
        ),
    ]
    figure.legend(handles=handles, loc="outside right upper")


def draw_lang_son_vs_peers(data: OutcomeData, lang: str) -> Figure:
    """Lạng Sơn's sub-indices and total in the latest year with its sub-indices, among every
    province with the figure that year, its region and the published national mean."""
    year = outcomes.latest_sub_index_year(data.scores)
    figure, (top, bottom) = new_figure(10.0, 5.6, nrows=2, height_ratios=[4, 1.2])
    if year is None:
        top.set_title(bilingual(lang, "Chưa có điểm chỉ số thành phần", "No sub-index scores yet"))
        return figure
    comparison = outcomes.compare(data.scores, data.provinces, years=[year])
    _draw_rows(top, data, comparison, SUB_INDICES, lang)
    top.set_yticks(range(len(SUB_INDICES)), [sub_index_label(n, lang) for n in range(1, 5)])
    top.set_xlabel(bilingual(lang, "điểm chỉ số thành phần (1–10)", "sub-index score (1–10)"))
    _score_axis(top.xaxis, lang)
    _draw_rows(bottom, data, comparison, ["total"], lang)
    bottom.set_yticks([0], [bilingual(lang, "Tổng PGI", "PGI total")])
    bottom.set_xlabel(bilingual(lang, "tổng điểm (4–40)", "total score (4–40)"))
    top.set_title(
        bilingual(
            lang,
            f"{_province(data, lang)} so với các tỉnh có số liệu, PGI {year}",
            f"{_province(data, lang)} among the provinces with data, PGI {year}",
        )
    )
    _peer_legend(figure, data, lang)
    notes = [
        bilingual(
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
        label = _number(row.gap_to_others, lang) + (f" {FLAG_MARK}" if row.flag else "")
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
    share = bilingual(lang, "tập thể", "collective")
    labels = [
        f"{_number(total, lang)} ({part:.0%} {share})"
        for total, part in zip(
            link["coordinators_per_indicator"], link["collective_coordinator_share"], strict=True
        )
    ]
    ax.bar_label(bars, labels=labels, padding=2, fontsize=7, color=INK)
    ax.set_xlim(0, link["coordinators_per_indicator"].max() * 1.9)


def _structure_titles(link: pd.DataFrame, lang: str) -> tuple[str, ...]:
    """The titles of the five panels of `draw_responsibility_vs_gap`."""
    year = link["year"].dropna()
    return (
        bilingual(
            lang,
            "Chênh lệch với TB\ncác tỉnh khác có số liệu",
            "Gap to the mean of\nother provinces with data",
        )
        + (f", {year.iloc[0]}" if len(year) else ""),
        bilingual(lang, "Cơ quan chủ trì\ntrên mỗi chỉ số", "Leads\nper indicator"),
        bilingual(lang, "Cơ quan phối hợp\ntrên mỗi chỉ số", "Coordinators\nper indicator"),
        bilingual(
            lang,
            "Tỷ trọng chủ trì của\ncơ quan chủ trì nhiều nhất (%)",
            "Lead credit of the\nmost-leading body (%)",
        ),
        bilingual(
            lang,
            "Số lần một cơ quan vừa\nchủ trì vừa phối hợp",
            "Times a body is both\nlead and coordinator",
        ),
    )


def draw_responsibility_vs_gap(data: OutcomeData, lang: str) -> Figure:
    """Per sub-index: Lạng Sơn's gap to the other provinces with data beside how the plan
    assigns the sub-index (leads and coordinators per indicator, the dominant lead's share,
    indicators with a body named both lead and coordinator)."""
    from matplotlib.ticker import MaxNLocator

    link = _link(data)
    colours = link["sub_index"].map(SUB_INDEX_COLOURS)
    figure, axes = new_figure(
        12.0, 3.8, ncols=5, sharey=True, width_ratios=[1.5, 0.9, 1.3, 1.3, 0.9]
    )
    gap, leads, coordinators, dominant, overlaps = axes
    _draw_gaps(gap, link, lang)
    _draw_bars(
        leads,
        link["leads_per_indicator"],
        colours,
        [_number(value, lang) for value in link["leads_per_indicator"]],
    )
    _draw_coordinators(coordinators, link, lang)
    _draw_bars(
        dominant,
        link["dominant_lead_share"] * 100,
        colours,
        [
            f"{share:.0%} {name}"
            for share, name in zip(
                link["dominant_lead_share"], link[f"dominant_lead_{lang}"], strict=True
            )
        ],
    )
    _draw_bars(overlaps, link["overlaps"], colours, [str(count) for count in link["overlaps"]])
    overlaps.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax, title in zip(axes, _structure_titles(link, lang), strict=True):
        ax.set_title(title, fontsize=8)
        ax.tick_params(axis="y", length=0)
    indicators = bilingual(lang, "chỉ số", "indicators")
    gap.set_yticks(
        link.index,
        [
            f"{sub_index_label(row.sub_index, lang)}\n({row.indicators} {indicators})"
            for row in link.itertuples()
        ],
    )
    gap.set_ylim(len(link) - 0.5, -0.5)
    figure.suptitle(
        bilingual(
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
        bilingual(
            lang,
            "Chỉ có 4 chỉ số thành phần: không thể kiểm định mối liên hệ. n = số tỉnh có số liệu.",
            "Only 4 sub-indices: no link can be tested. n = provinces with data.",
        )
    ]
    if link["flag"].ne("").any():
        notes.append(_flag_note(lang))
    _footnote(figure, notes)
    return figure
