"""The findings of notebook 03 (where lead and coordinating roles overlap), computed from the
tables it shows: bodies named in both columns, shared leads without a split of the work, lead
and coordination portfolios, and the co-assignment network, weighted and unweighted; each
finding that a counting choice could change says whether it does."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pgi_analysis import responsibility as resp
from pgi_analysis.findings.phrases import (
    Readings,
    count,
    decimal,
    default_counting,
    name_of,
    names,
    plural,
    said,
    sentence,
)
from pgi_analysis.findings.sentences import Findings, Sentence
from pgi_analysis.inequality import largest, top_holders
from pgi_analysis.memo import on_content
from pgi_analysis.vocabulary import join_words, pick

if TYPE_CHECKING:
    import networkx as nx

# The findings whose robustness the closing sentence sums up.
_SUMMED_UP = ("most_co_assigned", "broker", "broker_unweighted", "strongest_tie")
# The strongest ties a reader is shown, as in notebook 03; pairs tied with the last are added.
STRONGEST_TIES = 6


def _grouped(table: pd.DataFrame, key: str, value: str) -> dict[object, list]:
    """`value` of each row grouped by `key`, keys in order of first appearance."""
    groups: dict[object, list] = {}
    for row_key, row_value in zip(table[key], table[value], strict=True):
        groups.setdefault(row_key, []).append(row_value)
    return groups


def both_roles(overlaps: pd.DataFrame, agencies: pd.DataFrame) -> Sentence:
    """Which bodies the plan names as lead and coordinator of one indicator, and where."""
    where = _grouped(overlaps, "agency_id", "indicator_id")

    def build(lang: str) -> str:
        if not where:
            return pick(
                lang,
                "Không chỉ số nào ghi cùng một cơ quan vừa chủ trì vừa phối hợp.",
                "No indicator names the same body as both lead and coordinator.",
            )
        items = [
            pick(lang, "{} ở {}", "{} on {}").format(
                names([body], agencies, lang), join_words(ids, lang)
            )
            for body, ids in where.items()
        ]
        return pick(
            lang,
            "{n} cặp chỉ số – cơ quan ghi cùng một cơ quan vừa chủ trì vừa phối hợp: {items}.",
            "{n} indicator–agency {pairs} the same body as lead and as coordinator: {items}.",
        ).format(
            n=count(len(overlaps), lang),
            pairs=plural(len(overlaps), "pair names", "pairs name"),
            items="; ".join(items),
        )

    return sentence(build)


def spelled_differently(wording: pd.DataFrame, agencies: pd.DataFrame) -> Sentence | None:
    """Overlaps whose two columns spell the body differently, which hides them from a reader."""
    differing = wording[~wording["spelled_alike"]]
    if differing.empty:
        return None
    spellings = differing.groupby(["agency_id", "lead_name", "coordinator_name"], sort=False)

    def build(lang: str) -> str:
        items = [
            pick(
                lang,
                "ở {ids}, {body} được ghi là “{lead}” ở cột chủ trì và “{coordinator}” ở cột "
                "phối hợp",
                "in {ids} {body} is “{lead}” as lead and “{coordinator}” as coordinator",
            ).format(
                ids=join_words(rows["indicator_id"], lang),
                body=names([body], agencies, lang),
                lead=lead,
                coordinator=coordinator,
            )
            for (body, lead, coordinator), rows in spellings
        ]
        return pick(
            lang,
            "Hai cột ghi tên khác nhau nên sự trùng lặp dễ bị bỏ sót: {}.",
            "The two columns spell the body differently, so the overlap is easy to miss: {}.",
        ).format("; ".join(items))

    return sentence(build)


def leads_with_a_task(wording: pd.DataFrame, agencies: pd.DataFrame) -> Sentence | None:
    """Overlaps where the lead column gives the body a task (it leads by advising someone)."""
    tasked = wording[wording["lead_task"] != ""]
    if tasked.empty:
        return None
    tasks = tasked.groupby(["agency_id", "lead_task"], sort=False)["indicator_id"]

    def build(lang: str) -> str:
        return (
            "; ".join(
                pick(
                    lang,
                    "Ở {ids}, {body} chủ trì theo hình thức “{task}” và đồng thời có tên ở "
                    "cột phối hợp",
                    "In {ids} {body} leads by “{task}” and is listed again as a coordinator",
                ).format(ids=join_words(ids, lang), body=names([body], agencies, lang), task=task)
                for (body, task), ids in tasks
            )
            + "."
        )

    return sentence(build)


def shared_without_split(shared: pd.DataFrame) -> Sentence | None:
    """Indicators with several leads: how many share accountability for the whole indicator,
    and which split the work by scope."""
    if shared.empty:
        return None
    split = shared.loc[shared["scope_split"], "indicator_id"].tolist()
    unsplit = len(shared) - len(split)

    def build(lang: str) -> str:
        text = pick(
            lang,
            "{n} chỉ số có nhiều cơ quan chủ trì; {u} chỉ số trong đó không phân chia phần việc, "
            "các cơ quan cùng chịu trách nhiệm về cả chỉ số",
            "{n} {have} several leads; {u} of them {give} no split of the work, so the leads "
            "share accountability for the whole indicator",
        ).format(
            n=count(len(shared), lang),
            have=plural(len(shared), "indicator has", "indicators have"),
            u=count(unsplit, lang),
            give=plural(unsplit, "gives", "give"),
        )
        if split:
            return text + pick(
                lang,
                "; chỉ {ids} phân chia phạm vi cho từng cơ quan.",
                "; only {ids} {split} it by scope.",
            ).format(ids=join_words(split, lang), split=plural(len(split), "splits", "split"))
        return text + pick(lang, "; không chỉ số nào phân chia.", "; none splits it.")

    return sentence(build)


def most_in_unsplit(shared: pd.DataFrame, agencies: pd.DataFrame) -> Sentence | None:
    """The body most often among the leads of an unsplit shared indicator, and who leads the
    others."""
    unsplit = shared[~shared["scope_split"]]
    if unsplit.empty:
        return None
    leads = unsplit.assign(body=unsplit["lead_agencies"].map(resp.listed)).explode("body")
    top = largest(leads["body"].value_counts().reindex(agencies["agency_id"]).dropna())
    on = leads.loc[leads["body"] == top[0], "indicator_id"].nunique()
    rest = unsplit[
        ~unsplit["lead_agencies"].map(lambda ids: bool(set(top) & set(resp.listed(ids))))
    ]
    teams = _grouped(rest, "lead_agencies", "indicator_id")

    def build(lang: str) -> str:
        text = (
            pick(
                lang,
                "{top} là một trong các cơ quan chủ trì ở {on}/{total} chỉ số đó",
                "{top} {is_} among the leads of {on} of those {total}",
            )
            if on < len(unsplit)
            else pick(
                lang,
                "{top} là một trong các cơ quan chủ trì ở mọi chỉ số đó",
                "{top} {is_} among the leads of every one of them",
            )
        ).format(
            top=names(top, agencies, lang),
            is_=plural(len(top), "is", "are each"),
            on=count(on, lang),
            total=count(len(unsplit), lang),
        )
        if teams:
            others = "; ".join(
                pick(lang, "{ids} do {bodies} cùng chủ trì", "{ids} pair {bodies}").format(
                    ids=join_words(ids, lang), bodies=names(resp.listed(team), agencies, lang)
                )
                for team, ids in teams.items()
            )
            text += pick(lang, "; còn lại: {}", "; the others: {}").format(others)
        return text + "."

    return sentence(build)


def portfolios(named: pd.DataFrame) -> Sentence:
    """Named bodies by how their leads compare with their coordinations."""
    classes = [
        (named["led"] == named["coordinated"], ("ngang nhau ở", "equal for")),
        (named["led"] > named["coordinated"], ("chủ trì nhiều hơn ở", "more led for")),
        (
            (named["led"] > 0) & (named["led"] < named["coordinated"]),
            ("phối hợp nhiều hơn ở", "more coordinated for"),
        ),
    ]

    def build(lang: str) -> str:
        parts = [
            f"{pick(lang, *words)} "
            + join_words(
                (
                    pick(lang, "{} ({} và {})", "{} ({} and {})").format(
                        name_of(body), count(body["led"], lang), count(body["coordinated"], lang)
                    )
                    for _, body in named[chosen].iterrows()
                ),
                lang,
            )
            for chosen, words in classes
            if chosen.any()
        ]
        return pick(
            lang,
            "Số chỉ số chủ trì so với số chỉ số phối hợp (trong ngoặc): {}.",
            "Indicators led against coordinated (in brackets): {}.",
        ).format("; ".join(parts))

    return sentence(build)


def lead_nothing(named: pd.DataFrame) -> Sentence | None:
    """Named bodies that lead nothing and only coordinate."""
    idle = named[named["led"] == 0]
    if idle.empty:
        return None

    def build(lang: str) -> str:
        items = [
            f"{name_of(body)} ({count(body['coordinated'], lang)})" for _, body in idle.iterrows()
        ]
        return pick(
            lang,
            "{k}/{n} cơ quan được nêu tên không chủ trì chỉ số nào, chỉ phối hợp (số chỉ số "
            "trong ngoặc): {items}.",
            "{k} of the {n} named bodies {lead} nothing and only {coordinate} (indicators in "
            "brackets): {items}.",
        ).format(
            k=count(len(idle), lang),
            n=count(len(named), lang),
            lead=plural(len(idle), "leads", "lead"),
            coordinate=plural(len(idle), "coordinates", "coordinate"),
            items=join_words(items, lang),
        )

    return sentence(build)


def network_size(graph: nx.Graph) -> Sentence:
    return sentence(
        lambda lang: pick(
            lang,
            "Mạng cùng tham gia gồm {} cơ quan được nêu tên và {} liên kết (hai cơ quan có ít "
            "nhất một chỉ số chung).",
            "The co-assignment network has {} named bodies and {} links (pairs that share at "
            "least one indicator).",
        ).format(count(graph.number_of_nodes(), lang), count(graph.number_of_edges(), lang))
    )


def _leaders(values: pd.Series) -> tuple[list[str], list[str]]:
    """The holders of the largest value, and of the largest among the rest (ties kept; nobody
    where the rest hold nothing)."""
    first = largest(values)
    return first, top_holders(values.drop(first))


def most_co_assigned(
    centrality: pd.DataFrame, readings: Readings, agencies: pd.DataFrame
) -> Sentence:
    """The body or bodies with the most co-assignments, then the next."""
    table = centrality.set_index("agency_id").reindex(
        [body for body in agencies["agency_id"] if body in set(centrality["agency_id"])]
    )
    first, second = _leaders(table["co_assignments"])

    def describe(row: pd.Series, lang: str) -> str:
        first = resp.listed(row["most_co_assigned"])
        return pick(lang, "{names} đứng đầu", "{names} {come} first").format(
            names=said("most_co_assigned", row["most_co_assigned"], agencies, lang),
            come=plural(len(first), "comes", "come"),
        )

    def build(lang: str) -> str:
        text = pick(
            lang,
            "{first} có nhiều lượt cùng tham gia nhất: {co} chỉ số chung cộng qua {partners} "
            "đối tác{each}",
            "{first} {have} the most co-assignments: {co} shared indicators summed over "
            "{partners} partners{each}",
        ).format(
            first=names(first, agencies, lang),
            have=plural(len(first), "has", "have"),
            co=count(table.loc[first[0], "co_assignments"], lang),
            partners=count(table.loc[first[0], "partners"], lang),
            each=pick(lang, ", mỗi cơ quan", " each") if len(first) > 1 else "",
        )
        if second:
            text += pick(
                lang, "; tiếp theo là {names} với {co}", "; next {come} {names} with {co}"
            ).format(
                names=names(second, agencies, lang),
                come=plural(len(second), "comes", "come"),
                co=count(table.loc[second[0], "co_assignments"], lang),
            )
        return text + "." + readings.verdict("most_co_assigned", describe, lang)

    return sentence(build)


def brokers(table: pd.DataFrame, readings: Readings, agencies: pd.DataFrame) -> Sentence | None:
    """Who lies between the others, with frequent partners close and with every link one step;
    whether the two agree, and what another counting makes of it."""
    betweenness = table.set_index("agency_id").reindex(
        [body for body in agencies["agency_id"] if body in set(table["agency_id"])]
    )
    if not (betweenness[["betweenness", "betweenness_unweighted"]] > 0).any().any():
        return None
    measures = {
        "betweenness": (
            "nếu coi hai cơ quan càng có nhiều chỉ số chung càng gần nhau (khoảng cách 1/số chỉ "
            "số chung)",
            "with frequent partners close (distance 1 / shared indicators)",
        ),
        "betweenness_unweighted": (
            "nếu mỗi liên kết tính là một bước",
            "with every link one step",
        ),
    }
    tops = {column: largest(betweenness[column]) for column in measures}

    def part(column: str, lang: str) -> str:
        first, second = _leaders(betweenness[column])
        text = pick(
            lang, "{when}, {first} {lead} ({value})", "{when}, {first} {lead} ({value})"
        ).format(
            when=pick(lang, *measures[column]),
            first=names(first, agencies, lang),
            lead=pick(
                lang,
                "dẫn đầu" if len(first) == 1 else "ngang nhau ở vị trí đầu",
                "leads" if len(first) == 1 else "tie at the top",
            ),
            value=decimal(betweenness.loc[first[0], column], lang),
        )
        if second:
            text += pick(lang, ", tiếp theo là {} ({})", ", then {} ({})").format(
                names(second, agencies, lang), decimal(betweenness.loc[second[0], column], lang)
            )
        return text

    def describe(row: pd.Series, lang: str) -> str:
        weighted = said("broker", row["broker"], agencies, lang)
        unweighted = said("broker_unweighted", row["broker_unweighted"], agencies, lang)
        if weighted == unweighted:
            return pick(
                lang, "trung gian chính theo cả hai cách đo là {}", "the broker by both is {}"
            ).format(weighted)
        return pick(
            lang,
            "trung gian chính là {} (có trọng số) và {} (mỗi liên kết một bước)",
            "the broker is {} (weighted) and {} (every link one step)",
        ).format(weighted, unweighted)

    def build(lang: str) -> str:
        text = pick(lang, "Độ trung gian (betweenness): {}.", "Betweenness: {}.").format(
            "; ".join(part(column, lang) for column in measures)
        )
        if tops["betweenness"] != tops["betweenness_unweighted"]:
            text += pick(
                lang,
                " Vì vậy, cơ quan nào là trung gian chính phụ thuộc cách đo.",
                " Who brokers therefore depends on how distance is measured.",
            )
        return text + readings.verdict("broker", describe, lang)

    return sentence(build)


def strongest_ties(
    ties: pd.DataFrame, readings: Readings, agencies: pd.DataFrame
) -> Sentence | None:
    """The strongest ties, pairs tied at one strength listed together, never cut."""
    if ties.empty:
        return None
    levels = _grouped(
        ties.assign(pair=list(zip(ties["agency_a"], ties["agency_b"], strict=True))),
        "shared_indicators",
        "pair",
    )

    def pair(bodies: tuple[str, str], lang: str) -> str:
        return pick(lang, "{} với {}", "{} with {}").format(
            *(names([body], agencies, lang) for body in bodies)
        )

    def describe(row: pd.Series, lang: str) -> str:
        return pick(
            lang, "cặp mạnh nhất là {} ({} chỉ số chung)", "the strongest is {} ({} shared)"
        ).format(
            said("strongest_tie", row["strongest_tie"], agencies, lang),
            count(row["strongest_tie_indicators"], lang),
        )

    def build(lang: str) -> str:
        items = [
            pick(lang, "{} ({})", "{} ({})").format(pair(pairs[0], lang), count(shared, lang))
            if len(pairs) == 1
            else pick(
                lang,
                "{k} cặp ngang nhau ở {shared} chỉ số chung: {pairs}",
                "{k} pairs tied at {shared}: {pairs}",
            ).format(
                k=count(len(pairs), lang),
                shared=count(shared, lang),
                pairs=join_words((pair(p, lang) for p in pairs), lang),
            )
            for shared, pairs in levels.items()
        ]
        text = pick(
            lang,
            "Các cặp cơ quan cùng tham gia nhiều nhất (số chỉ số chung; các cặp ngang nhau được "
            "liệt kê đủ): {}.",
            "The strongest ties (shared indicators; pairs tied are all listed): {}.",
        ).format("; ".join(items))
        return text + readings.verdict("strongest_tie", describe, lang)

    return sentence(build)


@on_content  # the report runs a notebook several times in one kernel
def findings(assignments: pd.DataFrame, agencies: pd.DataFrame) -> Findings:
    """Notebook 03's findings from the tidy assignments and agencies."""
    readings = Readings.of(assignments, agencies)
    shared = resp.shared_leads(assignments)
    load = resp.with_agency_names(resp.lead_load(assignments), agencies)
    named, _ = resp.split_collectives(load)
    wording = resp.role_overlap_wording(assignments)
    graph = resp.co_assignment_graph(assignments, agencies)
    return Findings.of(
        [
            default_counting(),
            both_roles(resp.role_overlaps(assignments), agencies),
            spelled_differently(wording, agencies),
            leads_with_a_task(wording, agencies),
            shared_without_split(shared),
            most_in_unsplit(shared, agencies),
            portfolios(named),
            lead_nothing(named),
            network_size(graph),
            most_co_assigned(resp.network_centrality(graph), readings, agencies),
            brokers(resp.network_brokers(graph), readings, agencies),
            strongest_ties(resp.co_assignment_ties(graph, top=STRONGEST_TIES), readings, agencies),
            readings.summary(_SUMMED_UP, agencies),
        ]
    )
