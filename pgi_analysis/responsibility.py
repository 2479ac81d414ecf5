"""How the plan spreads responsibility: who leads, who coordinates, how concentrated, where
roles collide.

Pure functions on the tidy tables of `pgi_analysis.appendix`: each takes `assignments` (and
`agencies` where an actor's kind matters) and returns a new table, sorted so that the same input
always prints the same table.

How an indicator with several leads counts. Each of its n leads is counted whole in `led` (the
plan holds every one of them accountable) and, in `sole_lead` / `shared_lead`, as sole or shared.
Each also gets 1/n of a *lead credit*, so that the credits of all indicators add up to the number
of indicators. Concentration uses lead credit: an indicator with four leads then weighs as much as
one with a single lead, not four times as much. Coordination is not divided: each coordinator
assignment counts one.

Collectives ("các Sở, ban, ngành liên quan", "cá nhân có liên quan", and firms: kinds
`collective` and `businesses`) are nobody in particular. They are left out of concentration
(unless asked for: `collectives=True`) and of the co-assignment network, which are about
accountable bodies, and measured on their own by `collective_share`.

These are counting choices; `pgi_analysis.counting` states the default, rewrites the tables for
each alternative and shows which findings survive. One alternative needs a column the tidy table
does not have: `lead_part` (LEAD_PART), which splits an indicator's leads into parts, each part's
leads sharing it and the parts sharing the indicator's one unit of lead credit.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pgi_analysis.inequality import (
    gini,
    herfindahl,
    herfindahl_floor,
    lorenz_points,
    normalised_herfindahl,
    top_holders,
)
from pgi_analysis.reference import COLLECTIVE_KINDS
from pgi_analysis.vocabulary import COORDINATOR, LEAD, ROLE_CELLS, ROLES

if TYPE_CHECKING:
    import networkx as nx

AGENCY_SEPARATOR = ", "  # between the agency ids listed in one cell
LEAD_PART = "lead_part"  # optional column of assignments: see the module's docstring


# --- building blocks --------------------------------------------------------------------------


def sub_index_of(indicator_ids: pd.Series) -> pd.Series:
    """The sub-index (1–4) of each indicator id "S.NN"."""
    return indicator_ids.str.split(".").str[0].astype("int64")


def listed(cell: str) -> list[str]:
    """The ids listed in one cell (joined by AGENCY_SEPARATOR), none for an empty cell."""
    return cell.split(AGENCY_SEPARATOR) if cell else []


def named_agency_ids(agencies: pd.DataFrame) -> list[str]:
    """Accountable bodies (no collectives), in the order of the agencies table."""
    return agencies.loc[~agencies["kind"].isin(COLLECTIVE_KINDS), "agency_id"].tolist()


def _is_collective(agency_ids: pd.Series, agencies: pd.DataFrame) -> pd.Series:
    return ~agency_ids.isin(named_agency_ids(agencies))


def holder_ids(agencies: pd.DataFrame, collectives: bool = False) -> list[str]:
    """Who holds a share in concentration: the accountable bodies, or every actor."""
    return agencies["agency_id"].tolist() if collectives else named_agency_ids(agencies)


def _with_lead_credit(assignments: pd.DataFrame) -> pd.DataFrame:
    """The lead assignments, each with the number of leads that share accountability with it
    (`leads_on_indicator`: all the indicator's leads, or those of its part where the table has
    a LEAD_PART column) and its lead credit: 1/n of the indicator among n leads, or 1/(p·m) in
    one of p parts led by m."""
    leads = assignments[assignments["role"] == LEAD]
    indicator = leads["indicator_id"]
    part = leads[LEAD_PART] if LEAD_PART in leads.columns else pd.Series("", index=leads.index)
    sharing = leads.groupby([indicator, part])["agency_id"].transform("size")
    parts = part.groupby(indicator).transform("nunique")
    return leads.assign(leads_on_indicator=sharing, lead_credit=1 / (sharing * parts))


def _descending(table: pd.DataFrame, columns: list[str], tie_break: list[str]) -> pd.DataFrame:
    """Sorted by `columns` from high to low, ties by `tie_break` from low to high."""
    order = [False] * len(columns) + [True] * len(tie_break)
    return table.sort_values(columns + tie_break, ascending=order).reset_index(drop=True)


def top_with_ties(table: pd.DataFrame, column: str, count: int) -> pd.DataFrame:
    """The first `count` rows of `table` (sorted from the largest `column` down) and every
    further row tied with the last of them: a cut never falls inside a tie."""
    if count <= 0:
        return table.iloc[:0]
    if count >= len(table):
        return table
    last = table[column].iloc[count - 1]
    return table[(table[column] > last) | np.isclose(table[column], last)]


def with_agency_names(table: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """`table` with each agency's short names, kind and whether it is a collective, after
    `agency_id`: for reading, since ids are for joining."""
    names = agencies[["agency_id", "short_vi", "short_en", "kind"]].assign(
        collective=agencies["kind"].isin(COLLECTIVE_KINDS)
    )
    named = table.merge(names, on="agency_id", how="left", validate="many_to_one")
    place = list(table.columns).index("agency_id") + 1
    added = list(names.columns[1:])
    rest = [column for column in table.columns if column not in added]
    return named[rest[:place] + added + rest[place:]]


def split_collectives(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of `table` (with the `collective` column of `with_agency_names`) for named bodies
    and for collectives, in their order, without that column and numbered afresh: the row
    numbers of the whole table mean nothing in either part."""
    parts = (table[~table["collective"]], table[table["collective"]])
    return tuple(part.drop(columns="collective").reset_index(drop=True) for part in parts)


def count_by(values: pd.Series, name: str, order: list | tuple | None = None) -> pd.DataFrame:
    """How often each value of `values` occurs, as a table of two named columns (the values,
    under their series' name, and `name`) for reading: values in `order` if given (those that
    never occur left out), else from smallest to largest."""
    counts = values.value_counts()
    keys = [key for key in order if key in counts.index] if order is not None else None
    counts = counts.sort_index() if keys is None else counts.reindex(keys)
    return counts.rename(name).rename_axis(values.name).reset_index()


# --- who leads and coordinates how much -------------------------------------------------------


def lead_load(assignments: pd.DataFrame, by_sub_index: bool = False) -> pd.DataFrame:
    """Per agency (and sub-index): indicators led, as sole or shared lead, lead credit,
    indicators coordinated, and indicators it takes any part in.

    Sorted by indicators led, then coordinated, from most to fewest (within each sub-index).
    """
    keys = ["agency_id", "sub_index"] if by_sub_index else ["agency_id"]
    rows = assignments.assign(sub_index=sub_index_of(assignments["indicator_id"]))
    leads = _with_lead_credit(rows).assign(sole=lambda t: t["leads_on_indicator"] == 1)
    led = leads.groupby(keys).agg(
        led=("indicator_id", "size"),
        sole_lead=("sole", "sum"),
        lead_credit=("lead_credit", "sum"),
    )
    coordinated = rows[rows["role"] == COORDINATOR].groupby(keys).size().rename("coordinated")
    involved = (
        rows.drop_duplicates(["agency_id", "indicator_id"]).groupby(keys).size().rename("involved")
    )
    table = pd.concat([led, coordinated, involved], axis=1).fillna(0).reset_index()
    table["shared_lead"] = table["led"] - table["sole_lead"]
    counts = ["led", "sole_lead", "shared_lead", "coordinated", "involved"]
    table[counts] = table[counts].astype("int64")
    columns = [*keys, "led", "sole_lead", "shared_lead", "lead_credit", "coordinated", "involved"]
    ranked = _descending(table[columns], ["led", "coordinated"], ["agency_id"])
    if by_sub_index:  # a stable sort keeps the ranking within each sub-index
        ranked = ranked.sort_values("sub_index", kind="stable").reset_index(drop=True)
    return ranked


def leads_by_sub_index(assignments: pd.DataFrame) -> pd.DataFrame:
    """Indicators each agency leads in each sub-index: a row per agency that leads any (in the
    order of `lead_load`), a column per sub-index."""
    totals = lead_load(assignments)
    leaders = totals.loc[totals["led"] > 0, "agency_id"]
    parts = lead_load(assignments, by_sub_index=True)
    table = parts.pivot(index="agency_id", columns="sub_index", values="led")
    sub_indices = sorted(parts["sub_index"].unique())
    return table.reindex(index=leaders, columns=sub_indices).fillna(0).astype("int64")


def assignments_by_kind(assignments: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """Per kind of actor, in the order of the agencies table: how many bodies, lead and
    coordinator assignments, lead credit, and the kind's share of all lead credit and of all
    coordinator assignments."""
    rows = assignments.merge(
        agencies[["agency_id", "kind"]], on="agency_id", validate="many_to_one"
    )
    leads = _with_lead_credit(rows)
    table = pd.DataFrame(
        {
            "bodies": rows.groupby("kind")["agency_id"].nunique(),
            "led": leads.groupby("kind").size(),
            "lead_credit": leads.groupby("kind")["lead_credit"].sum(),
            "coordinated": rows[rows["role"] == COORDINATOR].groupby("kind").size(),
        }
    ).fillna(0)
    table = table.astype({"led": "int64", "coordinated": "int64"})
    table["lead_credit_share"] = table["lead_credit"] / table["lead_credit"].sum()
    table["coordination_share"] = table["coordinated"] / table["coordinated"].sum()
    kinds = [kind for kind in dict.fromkeys(agencies["kind"]) if kind in table.index]
    return table.reindex(kinds).rename_axis("kind").reset_index()


def collective_share(assignments: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """Per role: assignments, how many of them name a collective rather than a body, and on how
    many indicators a collective holds that role."""
    rows = assignments.assign(collective=_is_collective(assignments["agency_id"], agencies))
    table = rows.groupby("role").agg(
        assignments=("agency_id", "size"),
        to_collectives=("collective", "sum"),
        indicators=("indicator_id", "nunique"),
    )
    with_collective = rows[rows["collective"]].groupby("role")["indicator_id"].nunique()
    table["indicators_with_collective"] = with_collective.reindex(table.index, fill_value=0)
    table = table.reindex(list(ROLES), fill_value=0)  # a role nobody is given: none of it
    table["collective_share"] = table["to_collectives"] / table["assignments"].replace(0, np.nan)
    return table.rename_axis("role").reset_index()


def coordinators_per_indicator(assignments: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: its leads, its coordinators, and how many of these are named bodies and how
    many collectives."""
    rows = assignments.assign(collective=_is_collective(assignments["agency_id"], agencies))
    coordinators = rows[rows["role"] == COORDINATOR]
    table = pd.DataFrame(
        {
            "leads": rows[rows["role"] == LEAD].groupby("indicator_id").size(),
            "coordinators": coordinators.groupby("indicator_id").size(),
            "named_coordinators": (~coordinators["collective"])
            .groupby(coordinators["indicator_id"])
            .sum(),
        }
    ).fillna(0)
    table = table.astype("int64")
    table["collective_coordinators"] = table["coordinators"] - table["named_coordinators"]
    table = table.rename_axis("indicator_id").reset_index()
    table.insert(1, "sub_index", sub_index_of(table["indicator_id"]))
    return table.sort_values("indicator_id").reset_index(drop=True)


def sub_index_summary(
    indicators: pd.DataFrame, assignments: pd.DataFrame, sub_indices: pd.DataFrame
) -> pd.DataFrame:
    """Per sub-index: its names, indicators, lead and coordinator assignments, indicators with
    several leads, and how many different actors take part."""
    rows = assignments.assign(sub_index=sub_index_of(assignments["indicator_id"]))
    leads = _with_lead_credit(rows)
    several = leads[leads["leads_on_indicator"] > 1]
    counts = pd.DataFrame(
        {
            "indicators": indicators.groupby("sub_index").size(),
            "lead_assignments": leads.groupby("sub_index").size(),
            "coordinator_assignments": rows[rows["role"] == COORDINATOR]
            .groupby("sub_index")
            .size(),
            "several_leads": several.groupby("sub_index")["indicator_id"].nunique(),
            "actors": rows.groupby("sub_index")["agency_id"].nunique(),
        }
    )
    counts = counts.fillna(0).astype("int64").reset_index()
    names = sub_indices[["sub_index", "code", "name_vi", "name_en"]]
    return names.merge(counts, on="sub_index", validate="one_to_one")


# --- shared leads and role overlaps -----------------------------------------------------------


def _both_roles(assignments: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """One row per (indicator, agency) named both lead and coordinator, with `columns` of each
    of its two rows (suffixed `_lead` and `_coordinator`)."""
    keys = ["indicator_id", "agency_id"]
    rows = assignments[[*keys, "role", *columns]]
    leads = rows[rows["role"] == LEAD].drop(columns="role")
    coordinators = rows[rows["role"] == COORDINATOR].drop(columns="role")
    both = leads.merge(coordinators, on=keys, suffixes=("_lead", "_coordinator"))
    return both.sort_values(keys).reset_index(drop=True)


def role_overlaps(assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per (indicator, agency) where the agency is named both lead and coordinator, with
    the text that names it in each column (the two are sometimes spelled differently)."""
    both = _both_roles(assignments, ["source_text"])
    return both.rename(
        columns={"source_text_lead": "lead_text", "source_text_coordinator": "coordinator_text"}
    )


def printed_name(source_text: str, scope: str, task: str) -> str:
    """The actor's name as the appendix prints it in `source_text`, without the scope in
    parentheses or the task phrase that follow it."""
    end = min(
        (source_text.find(phrase) for phrase in (scope, task) if phrase and phrase in source_text),
        default=len(source_text),
    )
    return source_text[:end].rstrip(" .,;(")


def role_overlap_wording(assignments: pd.DataFrame) -> pd.DataFrame:
    """The pairs of `role_overlaps` as worded: the name printed in each column, whether the two
    are spelled alike, and the task the lead column gives the body (empty where none)."""
    names = [
        printed_name(*texts)
        for texts in assignments[["source_text", "scope", "task"]].itertuples(index=False)
    ]
    both = _both_roles(assignments.assign(name=names), ["name", "task"])
    both = both.drop(columns="task_coordinator").rename(
        columns={"name_lead": "lead_name", "name_coordinator": "coordinator_name"}
    )
    both["spelled_alike"] = both["lead_name"] == both["coordinator_name"]
    columns = ["indicator_id", "agency_id", "lead_name", "coordinator_name", "spelled_alike"]
    return both.rename(columns={"task_lead": "lead_task"})[[*columns, "lead_task"]]


def shared_leads(assignments: pd.DataFrame) -> pd.DataFrame:
    """Indicators with several leads: how many, which, and whether the plan splits them by scope
    (every lead given its own part, e.g. urban and rural water). Without a split, the leads share
    accountability for the whole indicator."""
    leads = _with_lead_credit(assignments)
    several = leads[leads["leads_on_indicator"] > 1]
    table = several.groupby("indicator_id", sort=True).agg(
        leads=("agency_id", "size"),
        lead_agencies=("agency_id", AGENCY_SEPARATOR.join),
        scope_split=("scope", lambda scopes: bool((scopes != "").all())),
    )
    return table.reset_index()


# --- concentration ----------------------------------------------------------------------------


def role_weights(
    assignments: pd.DataFrame, agencies: pd.DataFrame, role: str, collectives: bool = False
) -> pd.Series:
    """Each holder's weight in `role`: lead credit, or indicators coordinated. Holders are the
    accountable bodies (every actor with `collectives`), all listed in the order of the agencies
    table, with 0 where a holder has no such role."""
    if role == LEAD:
        weights = _with_lead_credit(assignments).groupby("agency_id")["lead_credit"].sum()
    elif role == COORDINATOR:
        weights = assignments[assignments["role"] == COORDINATOR].groupby("agency_id").size()
    else:
        raise ValueError(f"role must be one of {ROLES}, not {role!r}")
    holders = holder_ids(agencies, collectives)
    return weights.reindex(holders, fill_value=0).astype("float64").rename(role)


def _whole_units(assignments: pd.DataFrame, holders: list[str], role: str) -> int:
    """What the holders share in `role`, in whole units: indicators with a lead among them, or
    coordinator assignments to them."""
    held = assignments[(assignments["role"] == role) & assignments["agency_id"].isin(holders)]
    return held["indicator_id"].nunique() if role == LEAD else len(held)


def _role_parts(
    assignments: pd.DataFrame, by_sub_index: bool
) -> list[tuple[str, dict, pd.DataFrame]]:
    """(role, key, rows) for each role, and each sub-index if asked, in order."""
    if not by_sub_index:
        return [(role, {}, assignments) for role in ROLES]
    sub_index = sub_index_of(assignments["indicator_id"])
    parts = list(assignments.groupby(sub_index))
    return [(role, {"sub_index": number}, part) for role in ROLES for number, part in parts]


def concentration(
    assignments: pd.DataFrame,
    agencies: pd.DataFrame,
    by_sub_index: bool = False,
    collectives: bool = False,
) -> pd.DataFrame:
    """How concentrated leading and coordinating are among accountable bodies (every actor with
    `collectives`), overall or per sub-index.

    Every share is of the named bodies' total (`named_total`: lead credit or coordinator
    assignments, collectives left out), not of all the work. Columns: how many bodies hold the
    role, the top body or bodies (`top_agencies`, in the order of the agencies table, with
    `top_bodies` > 1 when several tie) and the share each of them holds, the
    Herfindahl–Hirschman index, the equivalent number of equal bodies (1 / HHI), and the Gini
    coefficient over every body the plan names (those without the role count as zero, so a role
    held by few bodies is unequal). `size_aware_concentration` compares parts of unequal size."""
    records = []
    for role, key, part in _role_parts(assignments, by_sub_index):
        weights = role_weights(part, agencies, role, collectives)
        top = top_holders(weights)
        hhi = herfindahl(weights)
        records.append(
            {
                "role": role,
                **key,
                "bodies": int((weights > 0).sum()),
                "named_total": weights.sum(),
                "top_bodies": len(top),
                "top_agencies": AGENCY_SEPARATOR.join(top),
                "top_share_of_named": weights.max() / weights.sum() if top else np.nan,
                "hhi": hhi,
                "equivalent_bodies": 1 / hhi,
                "gini": gini(weights),
            }
        )
    return pd.DataFrame(records)


def size_aware_concentration(
    assignments: pd.DataFrame,
    agencies: pd.DataFrame,
    by_sub_index: bool = True,
    collectives: bool = False,
) -> pd.DataFrame:
    """Concentration that parts of different size can be compared on, per role and sub-index.

    A sub-index of 6 indicators cannot have an HHI below 1/6, one of 15 can fall to 1/15, and a
    Gini over all 17 bodies counts every body that leads nothing in a small sub-index as a zero.
    Columns: the part's indicators; `units`, the whole units its holders share (indicators with
    a lead among them, or coordinator assignments to them); `bodies` holding any; the HHI, its
    floor for that many units (`hhi_floor`, see `inequality.herfindahl_floor`) and where the
    HHI stands between that floor and 1 (`hhi_normalised`); the Gini over every holder, as in
    `concentration`, and among the bodies that hold the role (`gini_among_holders`)."""
    holders = holder_ids(agencies, collectives)
    records = []
    for role, key, part in _role_parts(assignments, by_sub_index):
        weights = role_weights(part, agencies, role, collectives)
        units = _whole_units(part, holders, role)
        hhi, floor = herfindahl(weights), herfindahl_floor(units, len(holders))
        records.append(
            {
                "role": role,
                **key,
                "indicators": part["indicator_id"].nunique(),
                "units": units,
                "bodies": int((weights > 0).sum()),
                "hhi": hhi,
                "hhi_floor": floor,
                "hhi_normalised": normalised_herfindahl(hhi, floor),
                "gini": gini(weights),
                "gini_among_holders": gini(weights[weights > 0]),
            }
        )
    return pd.DataFrame(records)


def lorenz_curve(assignments: pd.DataFrame, agencies: pd.DataFrame, role: str) -> pd.DataFrame:
    """Lorenz points of `role` (lead credit or coordination) over the accountable bodies."""
    return lorenz_points(role_weights(assignments, agencies, role))


# --- the role matrix and the co-assignment network --------------------------------------------


def role_matrix(assignments: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """Indicator × agency: each cell one of ROLE_CELLS. Rows in indicator order; columns in the
    order of the agencies table, which lists collectives last."""
    indicator_ids = sorted(assignments["indicator_id"].unique())
    agency_ids = [a for a in agencies["agency_id"] if a in set(assignments["agency_id"])]

    def holds(role: str) -> pd.DataFrame:
        rows = assignments[assignments["role"] == role]
        table = pd.crosstab(rows["indicator_id"], rows["agency_id"]) > 0
        return table.reindex(index=indicator_ids, columns=agency_ids, fill_value=False)

    codes = holds(LEAD).astype("int64") * 2 + holds(COORDINATOR).astype("int64")
    matrix = codes.map(ROLE_CELLS.__getitem__)
    return matrix.rename_axis(index="indicator_id", columns="agency_id")


def co_assignment_graph(assignments: pd.DataFrame, agencies: pd.DataFrame) -> nx.Graph:
    """Accountable bodies as nodes (with kind and short names), linked when the plan puts them
    on the same indicator in any role; edge `weight` = number of indicators they share."""
    import networkx as nx

    named = agencies[agencies["agency_id"].isin(named_agency_ids(agencies))]
    rows = assignments[assignments["agency_id"].isin(named["agency_id"])]
    pairs: Counter[tuple[str, str]] = Counter()
    for _, members in rows.groupby("indicator_id")["agency_id"]:
        pairs.update(combinations(sorted(set(members)), 2))
    graph = nx.Graph()
    for body in named.itertuples(index=False):
        graph.add_node(
            body.agency_id, kind=body.kind, short_vi=body.short_vi, short_en=body.short_en
        )
    graph.add_weighted_edges_from((a, b, weight) for (a, b), weight in sorted(pairs.items()))
    return graph


def co_assignment_ties(graph: nx.Graph, top: int | None = None) -> pd.DataFrame:
    """The network's links, strongest first: two bodies and the indicators they share. With
    `top`, the `top` strongest and every link tied with the last of them."""
    table = pd.DataFrame(
        [(a, b, weight) for a, b, weight in graph.edges(data="weight")],
        columns=["agency_a", "agency_b", "shared_indicators"],
    )
    ties = _descending(table, ["shared_indicators"], ["agency_a", "agency_b"])
    return ties if top is None else top_with_ties(ties, "shared_indicators", top)


def _betweenness(graph: nx.Graph, weighted: bool) -> dict[str, float]:
    """Betweenness of each node: over shortest paths of distance 1 / weight (frequent partners
    are close), or of one step per link."""
    import networkx as nx

    if not weighted:
        return nx.betweenness_centrality(graph)
    distances = graph.copy()
    for _, _, data in distances.edges(data=True):
        data["distance"] = 1 / data["weight"]
    return nx.betweenness_centrality(distances, weight="distance")


def network_brokers(graph: nx.Graph) -> pd.DataFrame:
    """Per body: betweenness (how often it lies on the shortest path between two others) with
    frequent partners close (`betweenness`, distance 1 / weight) and with every link one step
    (`betweenness_unweighted`). The two can disagree on who brokers: read them together. Highest
    weighted betweenness first."""
    weighted, unweighted = _betweenness(graph, True), _betweenness(graph, False)
    table = pd.DataFrame(
        {
            "agency_id": list(graph.nodes),
            "betweenness": [weighted[node] for node in graph.nodes],
            "betweenness_unweighted": [unweighted[node] for node in graph.nodes],
        }
    )
    return _descending(table, ["betweenness", "betweenness_unweighted"], ["agency_id"])


def network_centrality(graph: nx.Graph) -> pd.DataFrame:
    """Per body: partners (degree), co-assignments (indicators shared, summed over partners:
    the weighted degree), betweenness (shortest paths over distance 1 / weight, so that frequent
    partners are close) and weighted eigenvector centrality. Most co-assignments first."""
    import networkx as nx

    betweenness = _betweenness(graph, weighted=True)
    eigenvector = nx.eigenvector_centrality(graph, weight="weight", max_iter=1000, tol=1e-12)
    table = pd.DataFrame(
        {
            "agency_id": list(graph.nodes),
            "partners": [graph.degree(node) for node in graph.nodes],
            "co_assignments": [graph.degree(node, weight="weight") for node in graph.nodes],
            "betweenness": [betweenness[node] for node in graph.nodes],
            "eigenvector": [eigenvector[node] for node in graph.nodes],
        }
    )
    return _descending(table, ["co_assignments", "partners"], ["agency_id"])
