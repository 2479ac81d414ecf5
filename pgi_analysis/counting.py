"""Counting choices: the readings of the appendix that change what the measures say, and which
headline findings survive every one of them.

Four choices, each with the default reading and one alternative:

- "Các doanh nghiệp hoạt động sản xuất, kinh doanh, dịch vụ và cá nhân có liên quan" lists the
  firms and "individuals concerned" in one phrase. Read apart (default), they are two collectives
  (225 coordinator assignments); read as one (INDIVIDUALS_WITH_FIRMS), 214.
- "UBND cấp xã" / "UBND các xã, phường" is every commune-level People's Committee of the
  province (dozens of bodies since July 2025), addressed as one. Default: one body;
  COMMUNES_AS_COLLECTIVE: an unnamed collective, out of concentration and the network.
- Where the plan gives each lead of an indicator its own part of the work (1.05, 1.06, 2.11),
  the leads share the indicator (default) or each is the sole lead of its part
  (SPLIT_LEADS_AS_SOLE). Lead credit is the same either way (each part is 1/n of the
  indicator); what changes is how many leads share accountability.
- Concentration is measured among accountable bodies (default) or among every actor, the
  collectives included (COLLECTIVES_IN_CONCENTRATION).

Each alternative changes one choice from the default, the others kept: `sensitivity` has one
row per alternative, and a finding that holds in every row holds whichever single choice a
reader prefers (choices combined are not tried).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from pgi_analysis.inequality import top_holders
from pgi_analysis.memo import on_content
from pgi_analysis.responsibility import (
    AGENCY_SEPARATOR,
    LEAD_PART,
    co_assignment_graph,
    co_assignment_ties,
    collective_share,
    concentration,
    coordinators_per_indicator,
    lead_load,
    named_agency_ids,
    network_brokers,
    network_centrality,
    shared_leads,
    size_aware_concentration,
)
from pgi_analysis.vocabulary import (
    COLLECTIVES_IN_CONCENTRATION,
    COMMUNES_AS_COLLECTIVE,
    COORDINATOR,
    DEFAULT_COUNTING,
    INDIVIDUALS_WITH_FIRMS,
    LEAD,
    SPLIT_LEADS_AS_SOLE,
)

# Gazetteer ids and kinds the choices rewrite (data/reference/agencies.csv).
INDIVIDUALS, FIRMS = "ca-nhan", "doanh-nghiep"
COMMUNE_KIND, COLLECTIVE_KIND = "commune government", "collective"
TIE_SEPARATOR = " – "  # between the two bodies of a tie listed in one cell

Tables = tuple[pd.DataFrame, pd.DataFrame]


@dataclass(frozen=True)
class CountingChoice:
    """A reading of the appendix: how it rewrites the tidy tables (assignments, agencies), and
    whether collectives hold shares in concentration."""

    tables: Callable[[pd.DataFrame, pd.DataFrame], Tables]
    collectives_in_concentration: bool = False


def _as_printed(assignments: pd.DataFrame, agencies: pd.DataFrame) -> Tables:
    return assignments, agencies


def _individuals_with_firms(assignments: pd.DataFrame, agencies: pd.DataFrame) -> Tables:
    """ "cá nhân có liên quan" dropped where the firms are listed in the same role of the same
    indicator (the one phrase), so that the firms' entry stands for both; kept elsewhere."""
    keys = ["indicator_id", "role"]
    firms = pd.MultiIndex.from_frame(assignments.loc[assignments["agency_id"] == FIRMS, keys])
    in_phrase = pd.MultiIndex.from_frame(assignments[keys]).isin(firms)
    merged = (assignments["agency_id"] == INDIVIDUALS) & in_phrase
    kept = assignments[~merged].reset_index(drop=True)
    gone = (agencies["agency_id"] == INDIVIDUALS) & ~agencies["agency_id"].isin(kept["agency_id"])
    return kept, agencies[~gone].reset_index(drop=True)


def _communes_as_collective(assignments: pd.DataFrame, agencies: pd.DataFrame) -> Tables:
    """Commune governments given the kind of a collective: nobody in particular."""
    kind = agencies["kind"].mask(agencies["kind"] == COMMUNE_KIND, COLLECTIVE_KIND)
    return assignments, agencies.assign(kind=kind)


def _split_leads_as_sole(assignments: pd.DataFrame, agencies: pd.DataFrame) -> Tables:
    """Each lead of an indicator split by scope in a part of its own (the LEAD_PART column)."""
    split = shared_leads(assignments).query("scope_split")["indicator_id"]
    in_split = (assignments["role"] == LEAD) & assignments["indicator_id"].isin(split)
    return assignments.assign(**{LEAD_PART: assignments["scope"].where(in_split, "")}), agencies


DEFAULT_CHOICE = DEFAULT_COUNTING
"""The default reads the plan as printed and addressed: every actor once per indicator and role,
UBND cấp xã as one body, the leads of a split indicator sharing it, concentration among named
bodies. Why, in the words the findings use: `vocabulary.DEFAULT_COUNTING_REASON`."""

CHOICES = {
    DEFAULT_COUNTING: CountingChoice(_as_printed),
    INDIVIDUALS_WITH_FIRMS: CountingChoice(_individuals_with_firms),
    COMMUNES_AS_COLLECTIVE: CountingChoice(_communes_as_collective),
    SPLIT_LEADS_AS_SOLE: CountingChoice(_split_leads_as_sole),
    COLLECTIVES_IN_CONCENTRATION: CountingChoice(_as_printed, collectives_in_concentration=True),
}


def counting_choice(assignments: pd.DataFrame, agencies: pd.DataFrame, choice: str) -> Tables:
    """The tidy tables (assignments, agencies) as `choice` reads them: every measure of
    `responsibility` runs on them unchanged."""
    if choice not in CHOICES:
        raise ValueError(f"choice must be one of {tuple(CHOICES)}, not {choice!r}")
    return CHOICES[choice].tables(assignments, agencies)


# --- headline findings under each choice ------------------------------------------------------


def _joined(items: Iterable[object]) -> str:
    return AGENCY_SEPARATOR.join(str(item) for item in items)


def headlines(
    assignments: pd.DataFrame, agencies: pd.DataFrame, collectives: bool = False
) -> dict[str, object]:
    """The headline findings of notebooks 02 and 03 on these tables, collectives holding
    shares in concentration if `collectives`. Lists (ids, sub-indices) are joined by
    AGENCY_SEPARATOR, ties all listed; a tie's two bodies by TIE_SEPARATOR."""
    overall = concentration(assignments, agencies, collectives=collectives).set_index("role")
    lead, coordination = overall.loc[LEAD], overall.loc[COORDINATOR]
    coordinated = collective_share(assignments, agencies).set_index("role").loc[COORDINATOR]
    load = lead_load(assignments).set_index("agency_id")
    indicators = assignments["indicator_id"].nunique()
    everywhere = [
        body for body in named_agency_ids(agencies) if load["involved"].get(body) == indicators
    ]
    columns = ["collective_coordinators", "named_coordinators"]
    means = coordinators_per_indicator(assignments, agencies).groupby("sub_index")[columns].mean()
    outnumber = means.index[means["collective_coordinators"] > means["named_coordinators"]]
    size = size_aware_concentration(assignments, agencies, collectives=collectives)
    leading = size[size["role"] == LEAD].set_index("sub_index")["hhi_normalised"]
    graph = co_assignment_graph(assignments, agencies)
    bodies = list(graph.nodes)  # ties listed in the order of the agencies table
    co_assigned = network_centrality(graph).set_index("agency_id").loc[bodies, "co_assignments"]
    brokers = network_brokers(graph).set_index("agency_id").loc[bodies]
    strongest = co_assignment_ties(graph, top=1)
    return {
        "coordinator_assignments": int(coordinated["assignments"]),
        "collective_coordination_share": float(coordinated["collective_share"]),
        "shared_lead_indicators": len(shared_leads(assignments)),
        "top_lead": lead["top_agencies"],
        "top_lead_share": float(lead["top_share_of_named"]),
        "lead_hhi": float(lead["hhi"]),
        "lead_gini": float(lead["gini"]),
        "top_coordinator": coordination["top_agencies"],
        "top_coordinator_share": float(coordination["top_share_of_named"]),
        "coordination_hhi": float(coordination["hhi"]),
        "coordination_gini": float(coordination["gini"]),
        "lead_more_unequal": bool(lead["gini"] > coordination["gini"]),
        "on_every_indicator": _joined(everywhere),
        **{
            f"{column}_{number}": float(means.loc[number, column])
            for number in means.index
            for column in columns
        },
        "collectives_outnumber_named": _joined(outnumber),
        "most_concentrated_sub_index": _joined(top_holders(leading)),
        "most_co_assigned": _joined(top_holders(co_assigned)),
        "broker": _joined(top_holders(brokers["betweenness"])),
        "broker_unweighted": _joined(top_holders(brokers["betweenness_unweighted"])),
        "strongest_tie": _joined(
            f"{a}{TIE_SEPARATOR}{b}"
            for a, b in zip(strongest["agency_a"], strongest["agency_b"], strict=True)
        ),
        "strongest_tie_indicators": int(strongest["shared_indicators"].max())
        if not strongest.empty
        else 0,
    }


@on_content  # the report runs a notebook several times in one kernel
def sensitivity(
    assignments: pd.DataFrame, agencies: pd.DataFrame, choices: Iterable[str] = tuple(CHOICES)
) -> pd.DataFrame:
    """One row per counting choice (index `choice`), one column per headline finding (see
    `headlines`): what each finding would say under each reading of the appendix."""
    rows = {}
    for choice in choices:
        tables = counting_choice(assignments, agencies, choice)
        rows[choice] = headlines(*tables, CHOICES[choice].collectives_in_concentration)
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("choice")


def _same(value: object, default: object) -> bool:
    """Whether a finding says the same: numbers equal up to rounding, anything else equal."""
    numbers = (int, float)
    if isinstance(value, numbers) and isinstance(default, numbers):
        if isinstance(value, bool) or isinstance(default, bool):
            return value == default
        both_unknown = math.isnan(value) and math.isnan(default)
        return both_unknown or math.isclose(value, default, rel_tol=0, abs_tol=1e-9)
    return value == default


def robustness(table: pd.DataFrame, default: str = DEFAULT_CHOICE) -> pd.DataFrame:
    """Per headline finding of a `sensitivity` table: its value under `default`, whether it holds
    under every choice, the choices under which it differs (`depends_on`, in the table's order),
    and for a number its lowest and highest value across the choices (NaN for other findings)."""
    base = table.loc[default]
    records = []
    for finding in table.columns:
        values = table[finding]
        depends_on = [choice for choice, value in values.items() if not _same(value, base[finding])]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        records.append(
            {
                "finding": finding,
                "default": base[finding],
                "holds_under_all": not depends_on,
                "depends_on": depends_on,
                "lowest": float(values.min()) if numeric else math.nan,
                "highest": float(values.max()) if numeric else math.nan,
            }
        )
    return pd.DataFrame(records)
