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
`collective` and `businesses`) are nobody in particular. They are left out of concentration and
of the co-assignment network, which are about accountable bodies, and measured on their own by
`collective_share`.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pgi_analysis.reference import COLLECTIVE_KINDS
from pgi_analysis.vocabulary import COORDINATOR, LEAD, ROLE_CELLS, ROLES

if TYPE_CHECKING:
    import networkx as nx

AGENCY_SEPARATOR = ", "  # between the agency ids listed in one cell


# --- building blocks --------------------------------------------------------------------------


def sub_index_of(indicator_ids: pd.Series) -> pd.Series:
    """The sub-index (1–4) of each indicator id "S.NN"."""
    return indicator_ids.str.split(".").str[0].astype("int64")


def named_agency_ids(agencies: pd.DataFrame) -> list[str]:
    """Accountable bodies (no collectives), in the order of the agencies table."""
    return agencies.loc[~agencies["kind"].isin(COLLECTIVE_KINDS), "agency_id"].tolist()


def _is_collective(agency_ids: pd.Series, agencies: pd.DataFrame) -> pd.Series:
    return ~agency_ids.isin(named_agency_ids(agencies))


def _with_lead_credit(assignments: pd.DataFrame) -> pd.DataFrame:
    """The lead assignments, each with its indicator's number of leads and its 1/n credit."""
    leads = assignments[assignments["role"] == LEAD]
    count = leads.groupby("indicator_id")["agency_id"].transform("size")
    return leads.assign(leads_on_indicator=count, lead_credit=1 / count)


def _descending(table: pd.DataFrame, columns: list[str], tie_break: list[str]) -> pd.DataFrame:
    """Sorted by `columns` from high to low, ties by `tie_break` from low to high."""
    order = [False] * len(columns) + [True] * len(tie_break)
    return table.sort_values(columns + tie_break, ascending=order).reset_index(drop=True)


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
    table["collective_share"] = table["to_collectives"] / table["assignments"]
    return table.reindex(list(ROLES)).rename_axis("role").reset_index()


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


def role_overlaps(assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per (indicator, agency) where the agency is named both lead and coordinator, with
    the text that names it in each column (the two are sometimes spelled differently)."""
    keys = ["indicator_id", "agency_id"]
    columns = [*keys, "source_text"]
    leads = assignments.loc[assignments["role"] == LEAD, columns]
    coordinators = assignments.loc[assignments["role"] == COORDINATOR, columns]
    both = leads.merge(coordinators, on=keys, suffixes=("_lead", "_coordinator"))
    both = both.rename(
        columns={"source_text_lead": "lead_text", "source_text_coordinator": "coordinator_text"}
    )
    return both.sort_values(keys).reset_index(drop=True)


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


def herfindahl(weights: pd.Series) -> float:
    """Herfindahl–Hirschman index of the shares: 1 when one holder has everything, 1/n when n
    holders have equal parts."""
    shares = weights / weights.sum()
    return float((shares**2).sum())


def gini(weights: pd.Series) -> float:
    """Gini coefficient: 0 when every holder has the same, towards 1 when one has everything."""
    values = np.sort(weights.to_numpy(dtype=float))
    ranks = np.arange(1, len(values) + 1)
    count = len(values)
    return float(2 * (ranks * values).sum() / (count * values.sum()) - (count + 1) / count)


def lorenz_points(weights: pd.Series) -> pd.DataFrame:
    """The Lorenz curve of `weights` (indexed by holder): holders from smallest to largest, with
    the cumulative share of holders and of the total. The curve starts at (0, 0), not listed."""
    ordered = weights.sort_index().sort_values(kind="stable")
    return pd.DataFrame(
        {
            "agency_id": ordered.index,
            "weight": ordered.to_numpy(),
            "population_share": np.arange(1, len(ordered) + 1) / len(ordered),
            "cumulative_share": (ordered.cumsum() / ordered.sum()).to_numpy(),
        }
    )


def role_weights(assignments: pd.DataFrame, agencies: pd.DataFrame, role: str) -> pd.Series:
    """Each accountable body's weight in `role`: lead credit, or indicators coordinated. Every
    body named in the agencies table is listed, with 0 where it has no such role."""
    if role == LEAD:
        weights = _with_lead_credit(assignments).groupby("agency_id")["lead_credit"].sum()
    elif role == COORDINATOR:
        weights = assignments[assignments["role"] == COORDINATOR].groupby("agency_id").size()
    else:
        raise ValueError(f"role must be one of {ROLES}, not {role!r}")
    named = named_agency_ids(agencies)
    return weights.reindex(named, fill_value=0).astype("float64").rename(role)


def top_holders(weights: pd.Series) -> list[str]:
    """The holders (index labels) of the largest weight, all of them when several tie; none when
    nobody holds any."""
    if not (weights > 0).any():
        return []
    # lead credits are sums of fractions (1/3 + 2/3 need not give exactly 1.0): compare with a
    # tolerance, or a tie would hide behind rounding
    return weights.index[np.isclose(weights, weights.max())].tolist()


def concentration(
    assignments: pd.DataFrame, agencies: pd.DataFrame, by_sub_index: bool = False
) -> pd.DataFrame:
    """How concentrated leading and coordinating are among accountable bodies, overall or per
    sub-index.

    Every share is of the named bodies' total (`named_total`: lead credit or coordinator
    assignments, collectives left out), not of all the work. Columns: how many bodies hold the
    role, the top body or bodies (`top_agencies`, in the order of the agencies table, with
    `top_bodies` > 1 when several tie) and the share each of them holds, the
    Herfindahl–Hirschman index, the equivalent number of equal bodies (1 / HHI), and the Gini
    coefficient over every body the plan names (those without the role count as zero, so a role
    held by few bodies is unequal)."""
    if by_sub_index:
        sub_index = sub_index_of(assignments["indicator_id"])
        parts = [({"sub_index": number}, part) for number, part in assignments.groupby(sub_index)]
    else:
        parts = [({}, assignments)]
    records = []
    for role in ROLES:
        for key, part in parts:
            weights = role_weights(part, agencies, role)
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
                    "top_share_of_named": weights.max() / weights.sum(),
                    "hhi": hhi,
                    "equivalent_bodies": 1 / hhi,
                    "gini": gini(weights),
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


def co_assignment_ties(graph: nx.Graph) -> pd.DataFrame:
    """The network's links, strongest first: two bodies and the indicators they share."""
    table = pd.DataFrame(
        [(a, b, weight) for a, b, weight in graph.edges(data="weight")],
        columns=["agency_a", "agency_b", "shared_indicators"],
    )
    return _descending(table, ["shared_indicators"], ["agency_a", "agency_b"])


def network_centrality(graph: nx.Graph) -> pd.DataFrame:
    """Per body: partners (degree), co-assignments (indicators shared, summed over partners:
    the weighted degree), betweenness (shortest paths over distance 1 / weight, so that frequent
    partners are close) and weighted eigenvector centrality. Most co-assignments first."""
    import networkx as nx

    distances = graph.copy()
    for _, _, data in distances.edges(data=True):
        data["distance"] = 1 / data["weight"]
    betweenness = nx.betweenness_centrality(distances, weight="distance")
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
