"""The responsibility figures of notebooks 01–03: who leads and who coordinates which indicator.

Each `draw_*(tidy, lang)` takes the plan's tidy appendix and is registered in
`pgi_analysis.figures.FIGURES`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pgi_analysis import responsibility as resp
from pgi_analysis.appendix import TidyAppendix
from pgi_analysis.plotting import COLLECTIVE_COLOUR, INK, LIGHT_INK, new_figure
from pgi_analysis.vocabulary import (
    COORDINATOR,
    KIND_LABELS,
    LEAD,
    ROLE_CELLS,
    ROLE_COLOURS,
    ROLE_LABELS,
    SUB_INDEX_COLOURS,
    check_language,
    pick,
    sub_index_label,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _short_names(agency_ids: pd.Series | list[str], tidy: TidyAppendix, lang: str) -> list[str]:
    names = tidy.agencies.set_index("agency_id")[f"short_{check_language(lang)}"]
    return [names[agency_id] for agency_id in agency_ids]


def _legend_patches(colours: dict[str, str]) -> list:
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=colour, edgecolor=LIGHT_INK, label=label)
        for label, colour in colours.items()
    ]


def _integer_axis(axis) -> None:
    """Ticks at whole numbers: the axis counts indicators or bodies."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _label_bars(ax, bars, values: pd.Series, fmt: str = "{:g}") -> None:
    """Write each bar's value just past its end (bars of value 0 stay unlabelled)."""
    labels = [fmt.format(value) if value else "" for value in values]
    ax.bar_label(bars, labels=labels, padding=2, fontsize=7, color=INK)


# --- notebook 01 ------------------------------------------------------------------------------


def draw_role_matrix(tidy: TidyAppendix, lang: str) -> Figure:
    """Every indicator (rows, by sub-index) against every actor (columns, collectives last)."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    matrix = resp.role_matrix(tidy.assignments, tidy.agencies)
    codes = matrix.map(ROLE_CELLS.index).to_numpy()
    colours = ListedColormap([ROLE_COLOURS[cell] for cell in ROLE_CELLS])
    figure, ax = new_figure(7.5, 10.5)
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
    ax.set_xticks(
        [column + 0.5 for column in range(matrix.shape[1])],
        _short_names(matrix.columns, tidy, lang),
        rotation=60,
        ha="right",
        rotation_mode="anchor",
    )
    named = len(resp.named_agency_ids(tidy.agencies))
    ax.axvline(named, color=INK, linewidth=1, linestyle="--")
    ax.tick_params(length=0)
    ax.set_title(
        pick(
            lang,
            f"Ai chủ trì, ai phối hợp: {len(matrix)} chỉ số × {matrix.shape[1]} chủ thể",
            f"Who leads, who coordinates: {len(matrix)} indicators × {matrix.shape[1]} actors",
        )
    )
    roles = {pick(lang, *ROLE_LABELS[cell]): ROLE_COLOURS[cell] for cell in ROLE_CELLS[1:]}
    sub_index_names = {sub_index_label(s, lang): c for s, c in SUB_INDEX_COLOURS.items()}
    figure.legend(
        handles=_legend_patches(roles) + _legend_patches(sub_index_names),
        loc="outside lower center",
        ncols=4,
    )
    ax.text(
        named + 0.2,
        -0.3,
        pick(lang, "tập thể →", "collectives →"),
        fontsize=7,
        va="bottom",
        color=INK,
    )
    return figure


# --- notebook 02 ------------------------------------------------------------------------------


def draw_lead_load(tidy: TidyAppendix, lang: str) -> Figure:
    """Indicators led by each body: by sub-index, and sole against shared."""
    load = resp.with_agency_names(resp.lead_load(tidy.assignments), tidy.agencies)
    leaders = load[(load["led"] > 0) & ~load["collective"]].iloc[::-1]
    by_sub_index = resp.leads_by_sub_index(tidy.assignments).loc[leaders["agency_id"]]
    names = _short_names(leaders["agency_id"], tidy, lang)
    figure, (left, right) = new_figure(8.5, 4.6, ncols=2, sharey=True)
    start = 0
    for sub_index, values in by_sub_index.items():
        colour, label = SUB_INDEX_COLOURS[sub_index], sub_index_label(sub_index, lang)
        left.barh(names, values.to_numpy(), left=start, color=colour, label=label)
        start = start + values.to_numpy()
    _label_bars(left, left.containers[-1], leaders["led"])
    left.set_title(pick(lang, "Số chỉ số chủ trì, theo CSTP", "Indicators led, by sub-index"))
    left.legend(loc="lower right")
    right.barh(names, leaders["sole_lead"], color=INK, label=pick(lang, "một mình", "sole lead"))
    shared = right.barh(
        names,
        leaders["shared_lead"],
        left=leaders["sole_lead"],
        color=ROLE_COLOURS[COORDINATOR],
        label=pick(lang, "cùng cơ quan khác", "shared with others"),
    )
    _label_bars(right, shared, leaders["led"])
    right.set_title(pick(lang, "Chủ trì một mình hay cùng chủ trì", "Sole or shared lead"))
    right.legend(loc="lower right")
    for ax in (left, right):
        _integer_axis(ax.xaxis)
        ax.set_xlabel(pick(lang, "số chỉ số", "indicators"))
        ax.tick_params(axis="y", length=0)
    return figure


def draw_concentration(tidy: TidyAppendix, lang: str) -> Figure:
    """Lorenz curves of lead credit and of coordination over the bodies the plan names."""
    figure, ax = new_figure(5.2, 5.0)
    overall = resp.concentration(tidy.assignments, tidy.agencies).set_index("role")
    styles = {
        LEAD: (INK, "-", pick(lang, "Chủ trì (tín chỉ 1/n)", "Lead (1/n credit)")),
        COORDINATOR: (LIGHT_INK, "--", pick(lang, "Phối hợp", "Coordination")),
    }
    for role, (colour, line, label) in styles.items():
        points = resp.lorenz_curve(tidy.assignments, tidy.agencies, role)
        ax.plot(
            [0, *points["population_share"]],
            [0, *points["cumulative_share"]],
            color=colour,
            linestyle=line,
            marker="o",
            markersize=3,
            label=f"{label}: Gini {overall.loc[role, 'gini']:.2f}",
        )
    ax.plot([0, 1], [0, 1], color=LIGHT_INK, linewidth=0.8, linestyle=":")
    ax.text(
        0.5,
        0.53,
        pick(lang, "chia đều", "equal shares"),
        rotation=45,
        ha="center",
        fontsize=7,
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
    ax.set_aspect("equal")
    ax.legend(loc="upper left")
    return figure


def draw_coordinators_per_indicator(tidy: TidyAppendix, lang: str) -> Figure:
    """Coordinators of each indicator: named bodies in the sub-index colour, collectives grey."""
    counts = resp.coordinators_per_indicator(tidy.assignments, tidy.agencies)
    figure, ax = new_figure(9.5, 3.6)
    colours = counts["sub_index"].map(SUB_INDEX_COLOURS)
    ax.bar(counts["indicator_id"], counts["named_coordinators"], color=colours)
    bars = ax.bar(
        counts["indicator_id"],
        counts["collective_coordinators"],
        bottom=counts["named_coordinators"],
        color=COLLECTIVE_COLOUR,
    )
    _label_bars(ax, bars, counts["coordinators"])
    ax.tick_params(axis="x", rotation=90, length=0)
    _integer_axis(ax.yaxis)
    ax.set_ylabel(pick(lang, "số cơ quan phối hợp", "coordinators"))
    ax.set_title(
        pick(lang, "Số cơ quan phối hợp của mỗi chỉ số", "Coordinators named for each indicator")
    )
    names = {sub_index_label(s, lang): c for s, c in SUB_INDEX_COLOURS.items()}
    names[pick(lang, "tập thể chung chung", "unnamed collectives")] = COLLECTIVE_COLOUR
    figure.legend(handles=_legend_patches(names), loc="outside lower center", ncols=3)
    return figure


def draw_assignments_by_kind(tidy: TidyAppendix, lang: str) -> Figure:
    """Each kind of actor's share of lead credit and of coordinator assignments."""
    table = resp.assignments_by_kind(tidy.assignments, tidy.agencies).iloc[::-1]
    labels = [pick(lang, *KIND_LABELS[kind]) for kind in table["kind"]]
    positions = pd.Series(range(len(table)), dtype="float64")
    figure, ax = new_figure(7.5, 4.4)
    height = 0.4
    for offset, column, colour, label in (
        (height / 2, "lead_credit_share", INK, pick(lang, "chủ trì", "lead")),
        (-height / 2, "coordination_share", LIGHT_INK, pick(lang, "phối hợp", "coordination")),
    ):
        bars = ax.barh(
            positions + offset, table[column] * 100, height=height, color=colour, label=label
        )
        _label_bars(ax, bars, table[column] * 100, fmt="{:.0f}%")
    ax.set_yticks(positions, labels)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(pick(lang, "% của tất cả nhiệm vụ cùng vai trò", "% of all work in the role"))
    ax.set_title(pick(lang, "Nhiệm vụ theo loại chủ thể", "Who carries the work, by kind of actor"))
    ax.legend(loc="lower right")
    return figure


# --- notebook 03 ------------------------------------------------------------------------------


def draw_lead_vs_coordination(tidy: TidyAppendix, lang: str) -> Figure:
    """Each body's lead portfolio (left) against its coordination portfolio (right)."""
    load = resp.with_agency_names(resp.lead_load(tidy.assignments), tidy.agencies)
    bodies = load[~load["collective"]].iloc[::-1]
    names = _short_names(bodies["agency_id"], tidy, lang)
    figure, ax = new_figure(8.0, 5.2)
    led = ax.barh(names, -bodies["led"], color=INK, label=pick(lang, "chủ trì", "leads"))
    coordinated = ax.barh(
        names,
        bodies["coordinated"],
        color=LIGHT_INK,
        label=pick(lang, "phối hợp", "coordinates"),
    )
    _label_bars(ax, led, bodies["led"])
    _label_bars(ax, coordinated, bodies["coordinated"])
    ax.axvline(0, color=INK, linewidth=0.8)
    ax.xaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(pick(lang, "số chỉ số", "indicators"))
    ax.set_title(
        pick(lang, "Chủ trì và phối hợp của từng cơ quan", "What each body leads and coordinates")
    )
    ax.legend(loc="lower right")
    return figure


def _edge_width(weight: float, heaviest: float) -> float:
    return 0.3 + 5 * weight / heaviest


def draw_co_assignment_network(tidy: TidyAppendix, lang: str) -> Figure:
    """Bodies on a circle (grouped by kind), linked by the number of indicators they share."""
    import math

    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    graph = resp.co_assignment_graph(tidy.assignments, tidy.agencies)
    load = resp.lead_load(tidy.assignments).set_index("agency_id")
    nodes = list(graph.nodes)
    angles = [math.pi / 2 - 2 * math.pi * i / len(nodes) for i in range(len(nodes))]
    place = {node: (math.cos(a), math.sin(a)) for node, a in zip(nodes, angles, strict=True)}
    edges = sorted(graph.edges(data="weight"), key=lambda edge: edge[2])  # strong ties on top
    heaviest = max(weight for _, _, weight in edges)
    strong = 10  # indicators shared; below this, a tie is drawn light
    figure, ax = new_figure(7.0, 5.4)
    ax.add_collection(
        LineCollection(
            [(place[a], place[b]) for a, b, _ in edges],
            linewidths=[_edge_width(weight, heaviest) for _, _, weight in edges],
            colors=[INK if weight >= strong else LIGHT_INK for _, _, weight in edges],
            alpha=0.7,
            zorder=1,
        )
    )
    ax.scatter(
        [place[node][0] for node in nodes],
        [place[node][1] for node in nodes],
        s=20 + 12 * load.loc[nodes, "involved"],
        c=[INK if led else "white" for led in load.loc[nodes, "led"] > 0],
        edgecolors=INK,
        linewidths=1,
        zorder=2,
    )
    for node, angle in zip(nodes, angles, strict=True):
        x, y = math.cos(angle) * 1.12, math.sin(angle) * 1.12
        side = "left" if x > 0.01 else "right" if x < -0.01 else "center"
        ax.text(x, y, graph.nodes[node][f"short_{lang}"], fontsize=8, ha=side, va="center")
    ax.set_xlim(-2.0, 2.0)
    ax.set_ylim(-1.25, 1.25)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(pick(lang, "Ai được giao việc cùng ai", "Who is put to work with whom"))
    shared = pick(lang, "chỉ số chung", "shared indicators")
    nodes_legend = [
        Line2D([], [], marker="o", linestyle="", color=INK, markerfacecolor=face, label=label)
        for face, label in (
            (INK, pick(lang, "có chủ trì", "leads")),
            ("white", pick(lang, "chỉ phối hợp", "only coordinates")),
        )
    ]
    edges_legend = [
        Line2D(
            [],
            [],
            color=INK if weight >= strong else LIGHT_INK,
            linewidth=_edge_width(weight, heaviest),
            label=f"{shared}: {weight}",
        )
        for weight in (1, strong, heaviest)
    ]
    figure.legend(handles=nodes_legend + edges_legend, loc="outside lower center", ncols=5)
    return figure


# --- the registry -----------------------------------------------------------------------------
