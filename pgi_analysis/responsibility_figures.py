"""The responsibility figures of notebooks 01–03: who leads and who coordinates which indicator.

Each `draw_*(tidy, lang)` takes the plan's tidy appendix, draws at the figure's final size on an
A4 page and ends with the plan as source; each is registered in `pgi_analysis.figures.FIGURES`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pgi_analysis import reference
from pgi_analysis import responsibility as resp
from pgi_analysis.appendix import TidyAppendix
from pgi_analysis.outcomes import LANG_SON
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
from pgi_analysis.vocabulary import (
    BOTH,
    COLLECTIVES_LABEL,
    COORDINATOR,
    KIND_LABELS,
    LEAD,
    ROLE_CELLS,
    ROLE_COLOURS,
    ROLE_LABELS,
    SUB_INDEX_COLOURS,
    check_language,
    format_count,
    format_date,
    format_number,
    format_share,
    pick,
    sub_index_label,
    term,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DIAGONAL_COLOUR = "#EEEEEE"  # a body with itself in the co-assignment matrix


def plan_reference(lang: str) -> str:
    """The analysed plan as a source: its number, date and issuer, from the reference tables."""
    plan = reference.analysed_plan()
    province = reference.provinces().name(LANG_SON, lang=lang)
    issued = format_date(plan.issued, lang)
    return pick(
        lang,
        f"Phụ lục Kế hoạch số {plan.number} ngày {issued} của UBND tỉnh {province}",
        f"appendix to Plan No. {plan.number} of {issued}, {province} People's Committee",
    )


def _collectives_left_out(lang: str) -> str:
    return pick(
        lang, f"Không tính {_collectives(lang)}.", f"{_collectives(lang, start=True)} are left out."
    )


def _finish(drawing, lang: str, notes: list[str] | tuple[str, ...] = ()) -> Figure:
    return finish(drawing, source_line(lang, plan_reference(lang)), notes)


def _short_names(agency_ids: pd.Series | list[str], tidy: TidyAppendix, lang: str) -> list[str]:
    names = tidy.agencies.set_index("agency_id")[f"short_{check_language(lang)}"]
    return [names[agency_id] for agency_id in agency_ids]


def _role(role: str, lang: str) -> str:
    return pick(lang, *ROLE_LABELS[role])


def _collectives(lang: str, start: bool = False) -> str:
    """'chủ thể không nêu tên cụ thể', capitalised to `start` a sentence or a legend entry."""
    label = pick(lang, *COLLECTIVES_LABEL)
    return label[0].upper() + label[1:] if start else label


def _lead_share_label(lang: str) -> str:
    """'Chủ trì (phần chủ trì)': the lead role counted in lead shares."""
    return f"{_role(LEAD, lang)} ({term('phần chủ trì', lang)})"


def _legend_patches(colours: dict[str, str]) -> list:
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=colour, edgecolor=LIGHT_INK, linewidth=0.5, label=label)
        for label, colour in colours.items()
    ]


def _sub_index_colours(lang: str) -> dict[str, str]:
    return {sub_index_label(s, lang): colour for s, colour in SUB_INDEX_COLOURS.items()}


def _label_bars(ax, bars, labels: list[str]) -> None:
    """Write a label just past the end of each bar."""
    ax.bar_label(bars, labels=labels, padding=2, fontsize=SMALL_PT, color=INK)


def _count_labels(values: pd.Series, lang: str) -> list[str]:
    """Counts as labels; a bar of 0 stays unlabelled."""
    return [format_count(value, lang) if value else "" for value in values]


# --- notebook 01 ------------------------------------------------------------------------------


def draw_role_matrix(tidy: TidyAppendix, lang: str) -> Figure:
    """Every indicator (rows, by sub-index) against every actor (columns, unnamed collectives
    right of a dashed line); the actors' names on top, as in a table's header."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    matrix = resp.role_matrix(tidy.assignments, tidy.agencies)
    codes = matrix.map(ROLE_CELLS.index).to_numpy()
    colours = ListedColormap([ROLE_COLOURS[cell] for cell in ROLE_CELLS])
    drawing, ax = new_figure(height_cm=23.5)
    ax.pcolormesh(
        codes,
        cmap=colours,
        norm=BoundaryNorm(range(len(ROLE_CELLS) + 1), len(ROLE_CELLS)),
        edgecolors="#E0E0E0",
        linewidth=0.5,
    )
    ax.set_ylim(len(matrix), 0)  # first indicator on top, as in the plan
    ax.set_yticks([row + 0.5 for row in range(len(matrix))], matrix.index)
    sub_indices = resp.sub_index_of(matrix.index.to_series())
    for label, sub_index in zip(ax.get_yticklabels(), sub_indices, strict=True):
        label.set_color(SUB_INDEX_COLOURS[sub_index])
        label.set_fontweight("bold")
    first_rows = sub_indices.reset_index(drop=True).drop_duplicates().index[1:]
    for row in first_rows:  # a line where each sub-index after the first begins
        ax.axhline(row, color=INK, linewidth=1)
    ax.xaxis.tick_top()
    ax.set_xticks(
        [column + 0.5 for column in range(matrix.shape[1])],
        _short_names(matrix.columns, tidy, lang),
        rotation=90,
    )
    named = len(resp.named_agency_ids(tidy.agencies))
    ax.axvline(named, color=INK, linewidth=1, linestyle="--")
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    drawing.suptitle(
        pick(
            lang,
            f"Ai chủ trì, ai phối hợp: {len(matrix)} chỉ số × {matrix.shape[1]} chủ thể",
            f"Who leads, who coordinates: {len(matrix)} indicators × {matrix.shape[1]} actors",
        ),
        x=0.01,
        ha="left",
    )
    roles = {_role(cell, lang): ROLE_COLOURS[cell] for cell in (LEAD, COORDINATOR, BOTH)}
    drawing.legend(
        handles=_legend_patches(roles) + _legend_patches(_sub_index_colours(lang)),
        loc="outside lower center",
        ncols=3,
    )
    note = pick(
        lang,
        f"Bên phải đường đứt nét: {_collectives(lang)}. Màu của mã chỉ số: chỉ số thành phần.",
        f"Right of the dashed line: {_collectives(lang)}. Colour of an indicator's code: "
        "its sub-index.",
    )
    return _finish(drawing, lang, [note])


# --- notebook 02 ------------------------------------------------------------------------------


def draw_lead_load(tidy: TidyAppendix, lang: str) -> Figure:
    """Indicators led by each body: by sub-index, and sole against shared."""
    load = resp.with_agency_names(resp.lead_load(tidy.assignments), tidy.agencies)
    leaders = load[(load["led"] > 0) & ~load["collective"]].iloc[::-1]
    by_sub_index = resp.leads_by_sub_index(tidy.assignments).loc[leaders["agency_id"]]
    names = _short_names(leaders["agency_id"], tidy, lang)
    drawing, (left, right) = new_figure(height_cm=10.5, ncols=2, sharey=True)
    start = 0
    for sub_index, values in by_sub_index.items():
        colour, label = SUB_INDEX_COLOURS[sub_index], sub_index_label(sub_index, lang)
        left.barh(names, values.to_numpy(), left=start, color=colour, label=label)
        start = start + values.to_numpy()
    _label_bars(left, left.containers[-1], _count_labels(leaders["led"], lang))
    left.set_title(pick(lang, "Số chỉ số chủ trì, theo CSTP", "Indicators led, by sub-index"))
    right.barh(
        names, leaders["sole_lead"], color=INK, label=pick(lang, "Chủ trì một mình", "Sole lead")
    )
    shared = right.barh(
        names,
        leaders["shared_lead"],
        left=leaders["sole_lead"],
        color=LIGHT_INK,
        label=pick(lang, "Cùng chủ trì với cơ quan khác", "Shared with others"),
    )
    _label_bars(right, shared, _count_labels(leaders["led"], lang))
    right.set_title(pick(lang, "Chủ trì một mình hay cùng chủ trì", "Sole or shared lead"))
    handles = [*left.get_legend_handles_labels()[0], *right.get_legend_handles_labels()[0]]
    drawing.legend(handles=handles, loc="outside lower center", ncols=3)
    for ax in (left, right):
        number_axis(ax.xaxis, lang, integer=True)
        ax.set_xlabel(pick(lang, "số chỉ số", "indicators"))
        ax.tick_params(axis="y", length=0)
    return _finish(drawing, lang, [_collectives_left_out(lang)])


def draw_concentration(tidy: TidyAppendix, lang: str) -> Figure:
    """Lorenz curves of the lead share and of coordination over the bodies the plan names."""
    drawing, ax = new_figure(height_cm=12.0, width_cm=12.0)
    overall = resp.concentration(tidy.assignments, tidy.agencies).set_index("role")
    styles = {
        LEAD: (ROLE_COLOURS[LEAD], "-", _lead_share_label(lang)),
        COORDINATOR: (LIGHT_INK, "--", _role(COORDINATOR, lang)),
    }
    for role, (colour, line, label) in styles.items():
        points = resp.lorenz_curve(tidy.assignments, tidy.agencies, role)
        gini = format_number(overall.loc[role, "gini"], lang)
        ax.plot(
            [0, *points["population_share"]],
            [0, *points["cumulative_share"]],
            color=colour,
            linestyle=line,
            marker="o",
            markersize=3,
            label=f"{label}: Gini {gini}",
        )
    ax.plot([0, 1], [0, 1], color=LIGHT_INK, linewidth=0.8, linestyle=":")
    ax.text(
        0.5,
        0.53,
        pick(lang, "chia đều", "equal shares"),
        rotation=45,
        rotation_mode="anchor",
        ha="center",
        fontsize=SMALL_PT,
        color=LIGHT_INK,
    )
    bodies = len(resp.named_agency_ids(tidy.agencies))
    ax.set_xlabel(
        pick(
            lang,
            f"tỷ lệ cộng dồn của {bodies} cơ quan, từ ít việc nhất",
            f"cumulative share of the {bodies} bodies, least loaded first",
        )
    )
    ax.set_ylabel(pick(lang, "tỷ lệ cộng dồn của nhiệm vụ", "cumulative share of the work"))
    ax.set_title(pick(lang, "Mức độ tập trung nhiệm vụ", "How concentrated the work is"))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    for axis in (ax.xaxis, ax.yaxis):
        number_axis(axis, lang, share=True)
    ax.set_aspect("equal")
    ax.legend(loc="upper left")
    note = pick(
        lang,
        f"Chỉ các cơ quan được nêu tên; không tính {_collectives(lang)}. Gini 0 = chia đều, "
        "1 = một cơ quan làm tất cả.",
        f"Named bodies only; {_collectives(lang)} are left out. Gini 0 = equal shares, "
        "1 = one body does everything.",
    )
    return _finish(drawing, lang, [note])


def draw_coordinators_per_indicator(tidy: TidyAppendix, lang: str) -> Figure:
    """Coordinators of each indicator: named bodies in the sub-index colour, collectives grey."""
    counts = resp.coordinators_per_indicator(tidy.assignments, tidy.agencies)
    drawing, ax = new_figure(height_cm=9.0)
    colours = counts["sub_index"].map(SUB_INDEX_COLOURS)
    ax.bar(counts["indicator_id"], counts["named_coordinators"], color=colours)
    bars = ax.bar(
        counts["indicator_id"],
        counts["collective_coordinators"],
        bottom=counts["named_coordinators"],
        color=COLLECTIVE_COLOUR,
    )
    _label_bars(ax, bars, _count_labels(counts["coordinators"], lang))
    ax.tick_params(axis="x", rotation=90, length=0)
    ax.set_xlim(-0.6, len(counts) - 0.4)
    number_axis(ax.yaxis, lang, integer=True)
    ax.set_ylabel(pick(lang, "số cơ quan phối hợp", "coordinators"))
    ax.set_title(
        pick(lang, "Số cơ quan phối hợp của mỗi chỉ số", "Coordinators named for each indicator")
    )
    names = _sub_index_colours(lang) | {_collectives(lang, start=True): COLLECTIVE_COLOUR}
    drawing.legend(handles=_legend_patches(names), loc="outside lower center", ncols=3)
    return _finish(drawing, lang)


def _share_labels(values: pd.Series, lang: str) -> list[str]:
    """Shares as labels: whole percentages, one decimal under 1 % (never a false 0 %)."""
    return [
        format_share(value, lang, 0 if value >= 0.01 else 1) if value else "" for value in values
    ]


def draw_assignments_by_kind(tidy: TidyAppendix, lang: str) -> Figure:
    """Each kind of actor's share of the lead shares and of coordinator assignments."""
    table = resp.assignments_by_kind(tidy.assignments, tidy.agencies).iloc[::-1]
    labels = [pick(lang, *KIND_LABELS[kind]) for kind in table["kind"]]
    positions = pd.Series(range(len(table)), dtype="float64")
    drawing, ax = new_figure(height_cm=10.0)
    height = 0.4
    for offset, column, role, label in (
        (height / 2, "lead_credit_share", LEAD, _lead_share_label(lang)),
        (-height / 2, "coordination_share", COORDINATOR, _role(COORDINATOR, lang)),
    ):
        bars = ax.barh(
            positions + offset,
            table[column],
            height=height,
            color=ROLE_COLOURS[role],
            label=label,
        )
        _label_bars(ax, bars, _share_labels(table[column], lang))
    ax.set_yticks(positions, labels)
    ax.tick_params(axis="y", length=0)
    number_axis(ax.xaxis, lang, share=True)
    ax.set_xlabel(
        pick(lang, "tỷ lệ trong toàn bộ nhiệm vụ cùng vai trò", "share of all work in the role")
    )
    ax.set_title(pick(lang, "Nhiệm vụ theo loại chủ thể", "Who carries the work, by kind of actor"))
    drawing.legend(loc="outside lower center", ncols=2)
    note = pick(
        lang,
        "Phần chủ trì: mỗi chỉ số tính là 1, chia đều cho các cơ quan cùng chủ trì.",
        "Lead share: each indicator counts as one, split equally among its leads.",
    )
    return _finish(drawing, lang, [note])


# --- notebook 03 ------------------------------------------------------------------------------


def draw_lead_vs_coordination(tidy: TidyAppendix, lang: str) -> Figure:
    """Each body's lead portfolio (left) against its coordination portfolio (right)."""
    load = resp.with_agency_names(resp.lead_load(tidy.assignments), tidy.agencies)
    bodies = load[~load["collective"]].iloc[::-1]
    names = _short_names(bodies["agency_id"], tidy, lang)
    drawing, ax = new_figure(height_cm=11.0)
    led = ax.barh(names, -bodies["led"], color=ROLE_COLOURS[LEAD], label=_role(LEAD, lang))
    coordinated = ax.barh(
        names,
        bodies["coordinated"],
        color=ROLE_COLOURS[COORDINATOR],
        label=_role(COORDINATOR, lang),
    )
    _label_bars(ax, led, _count_labels(bodies["led"], lang))
    _label_bars(ax, coordinated, _count_labels(bodies["coordinated"], lang))
    ax.axvline(0, color=INK, linewidth=0.8)
    number_axis(ax.xaxis, lang, integer=True, absolute=True)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(pick(lang, "số chỉ số", "indicators"))
    ax.set_title(
        pick(lang, "Chủ trì và phối hợp của từng cơ quan", "What each body leads and coordinates")
    )
    drawing.legend(loc="outside lower center", ncols=2)
    return _finish(drawing, lang, [_collectives_left_out(lang)])


def draw_co_assignment_network(tidy: TidyAppendix, lang: str) -> Figure:
    """The co-assignment network as a matrix: a cell for each pair of named bodies holding the
    number of indicators the plan gives both (in any role), blank where they share none; bodies
    ordered by their co-assignments (indicators shared, summed over partners), most first; on
    the diagonal, the indicators each body is assigned in all."""
    import networkx as nx
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    graph = resp.co_assignment_graph(tidy.assignments, tidy.agencies)
    order = resp.network_centrality(graph)["agency_id"].tolist()
    shared = nx.to_pandas_adjacency(graph, nodelist=order, weight="weight", dtype="int64")
    involved = resp.lead_load(tidy.assignments).set_index("agency_id")["involved"]
    involved = involved.reindex(order, fill_value=0)
    heaviest = max(int(shared.to_numpy().max()), 1)
    drawing, ax = new_figure(height_cm=16.5)
    scale = LinearSegmentedColormap.from_list("shared", ["#FFFFFF", SUB_INDEX_COLOURS[1]])
    scale = scale.with_extremes(bad=DIAGONAL_COLOUR)  # the diagonal is left out as NaN
    cells = np.where(np.eye(len(order), dtype=bool), np.nan, shared.to_numpy())
    ax.pcolormesh(cells, cmap=scale, vmin=0, vmax=heaviest, edgecolors="#E0E0E0", linewidth=0.5)
    for row, body in enumerate(order):
        for column, partner in enumerate(order):
            count = involved[body] if row == column else shared.loc[body, partner]
            if count:
                dark = row != column and count > heaviest * 0.55
                ax.text(
                    column + 0.5,
                    row + 0.5,
                    format_count(count, lang),
                    ha="center",
                    va="center",
                    fontsize=SMALL_PT,
                    fontweight="bold" if row == column else "normal",
                    color="white" if dark else INK,
                )
    names = _short_names(order, tidy, lang)
    ax.set_ylim(len(order), 0)
    ax.set_yticks([row + 0.5 for row in range(len(order))], names)
    ax.xaxis.tick_top()
    ax.set_xticks([column + 0.5 for column in range(len(order))], names, rotation=90)
    ax.tick_params(length=0)
    ax.set_aspect("equal")
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    drawing.suptitle(
        pick(lang, "Ai được giao việc cùng ai", "Who is put to work with whom"), x=0.01, ha="left"
    )
    notes = [
        pick(
            lang,
            f"Mỗi ô: số chỉ số mà hai cơ quan cùng được giao (chủ trì hoặc phối hợp); ô trống: "
            f"không có chỉ số chung. {graph.number_of_edges()} cặp trong {len(order)} cơ quan "
            "được nêu tên có chỉ số chung. Thứ tự: tổng số chỉ số chung với các cơ quan khác, "
            "nhiều nhất ở trên. Ô xám (đường chéo): số chỉ số cơ quan được giao. "
            f"Không tính {_collectives(lang)}.",
            f"Each cell: indicators the plan gives both bodies (as lead or coordinator); blank: "
            f"none shared. {graph.number_of_edges()} pairs of the {len(order)} named bodies "
            "share an indicator. Order: indicators shared with all others, most first. Grey "
            f"cells (diagonal): indicators the body is given. {_collectives(lang, start=True)} "
            "are left out.",
        )
    ]
    return _finish(drawing, lang, notes)
