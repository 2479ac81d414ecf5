"""The findings of notebook 02 (how responsibility is distributed), computed from the tables it
shows: lead load, concentration (size allowed for), coordinators per indicator, collectives, kinds
of actor; each finding that a counting choice could change says whether it does."""

from __future__ import annotations

import pandas as pd

from pgi_analysis import responsibility as resp
from pgi_analysis.findings.phrases import (
    Readings,
    amount,
    codes,
    count,
    decimal,
    default_counting,
    lower_first,
    name_of,
    names,
    plural,
    sentence,
    share,
)
from pgi_analysis.findings.sentences import Findings, Sentence
from pgi_analysis.inequality import largest, top_holders
from pgi_analysis.memo import on_content
from pgi_analysis.vocabulary import (
    COORDINATOR,
    COUNTING_CHOICE_LABELS,
    KIND_LABELS,
    LEAD,
    SPLIT_LEADS_AS_SOLE,
    join_words,
    pick,
)

# The findings whose robustness the closing sentence sums up: the conclusions, not the numbers.
_SUMMED_UP = (
    "top_lead",
    "top_coordinator",
    "lead_more_unequal",
    "on_every_indicator",
    "collectives_outnumber_named",
    "most_concentrated_sub_index",
)
# Measures of concentration by sub-index, in the order a reader meets them.
CONCENTRATION_MEASURES = {
    "top_share_of_named": ("tỷ trọng của cơ quan đứng đầu", "the top body's share"),
    "hhi": ("HHI", "the HHI"),
    "gini": ("hệ số Gini tính trên mọi cơ quan được nêu tên", "the Gini over every named body"),
    "hhi_normalised": ("HHI chuẩn hóa theo mức sàn", "the HHI normalised to its floor"),
    "gini_among_holders": (
        "hệ số Gini giữa các cơ quan có chủ trì",
        "the Gini among the bodies that lead",
    ),
}


def top_leads(named: pd.DataFrame, indicators: int) -> Sentence | None:
    """The body or bodies that lead the most indicators, alone and with others."""
    if named["led"].max() == 0:
        return None
    top = named[named["led"] == named["led"].max()]

    def build(lang: str) -> str:
        details = [
            pick(
                lang,
                "{name}{sole} chỉ số chủ trì một mình, {shared} chỉ số cùng chủ trì với cơ quan "
                "khác; phối hợp ở {coordinated} chỉ số và tham gia tổng cộng {involved} chỉ số",
                "{name}{sole} alone, {shared} with others; it coordinates {coordinated} and "
                "takes part in {involved} in all",
            ).format(
                name=f"{name_of(body)}: " if len(top) > 1 else "",
                sole=count(body["sole_lead"], lang),
                shared=count(body["shared_lead"], lang),
                coordinated=count(body["coordinated"], lang),
                involved=count(body["involved"], lang),
            )
            for _, body in top.iterrows()
        ]
        heading = pick(
            lang,
            "{names} chủ trì nhiều chỉ số nhất{each}: {led}/{total} chỉ số",
            "{names} {lead} the most indicators{each}: {led} of the {total}",
        ).format(
            names=join_words((name_of(body) for _, body in top.iterrows()), lang),
            lead=plural(len(top), "leads", "lead"),
            each=pick(lang, ", mỗi cơ quan", ", each") if len(top) > 1 else "",
            led=count(top["led"].iloc[0], lang),
            total=count(indicators, lang),
        )
        return f"{heading} ({'; '.join(details)})."

    return sentence(build)


def on_every_indicator(
    named: pd.DataFrame, indicators: int, readings: Readings, agencies: pd.DataFrame
) -> Sentence | None:
    """The bodies on every indicator, and whether another counting keeps them there."""
    everywhere = named[named["involved"] == indicators]
    if everywhere.empty:
        return None

    def describe(row: pd.Series, lang: str) -> str:
        bodies = resp.listed(row["on_every_indicator"])
        if not bodies:
            return pick(
                lang,
                "không cơ quan được nêu tên nào có mặt ở mọi chỉ số",
                "no named body is on every indicator",
            )
        return pick(lang, "chỉ {} có mặt ở mọi chỉ số", "only {} is on every indicator").format(
            names(bodies, agencies, lang)
        )

    def build(lang: str) -> str:
        details = "; ".join(
            pick(
                lang,
                "{name} chủ trì {led} chỉ số ({sole} một mình) và phối hợp {coordinated}",
                "{name} leads {led} ({sole} alone) and coordinates {coordinated}",
            ).format(
                name=name_of(body),
                led=count(body["led"], lang),
                sole=count(body["sole_lead"], lang),
                coordinated=count(body["coordinated"], lang),
            )
            for _, body in everywhere.iterrows()
        )
        heading = pick(
            lang, "Có mặt ở cả {total} chỉ số: {details}.", "On all {total} indicators: {details}."
        ).format(total=count(indicators, lang), details=details)
        return heading + readings.verdict("on_every_indicator", describe, lang)

    return sentence(build)


def sole_leads_only(named: pd.DataFrame) -> Sentence | None:
    """Bodies that lead, none of whose leads is shared."""
    alone = named[(named["led"] > 0) & (named["shared_lead"] == 0)]
    if alone.empty:
        return None

    def build(lang: str) -> str:
        items = [f"{name_of(body)} ({count(body['led'], lang)})" for _, body in alone.iterrows()]
        return pick(
            lang,
            "Chỉ chủ trì một mình, không chia sẻ chỉ số nào với cơ quan chủ trì khác (số chỉ số "
            "trong ngoặc): {}.",
            "Leading only alone, sharing no indicator with another lead (indicators in "
            "brackets): {}.",
        ).format(join_words(items, lang))

    return sentence(build)


def leads_per_indicator(
    per_indicator: pd.DataFrame, shared: pd.DataFrame, readings: Readings
) -> Sentence:
    """How many indicators have one lead, two, …; and those that split the work by scope."""
    counts = resp.count_by(per_indicator["leads"], "indicators")
    split = shared.loc[shared["scope_split"], "indicator_id"].tolist()
    sharing = readings.sensitivity.loc[SPLIT_LEADS_AS_SOLE, "shared_lead_indicators"]

    def build(lang: str) -> str:
        items = [
            pick(lang, "{n} chỉ số có {k}{unit}", "{n}{indicator} {have} {k}{unit}").format(
                n=count(row.indicators, lang),
                k=count(row.leads, lang),
                indicator=f" {plural(row.indicators, 'indicator', 'indicators')}" if first else "",
                have=plural(row.indicators, "has", "have"),
                unit=pick(lang, " cơ quan chủ trì", f" {plural(row.leads, 'lead', 'leads')}")
                if first
                else "",
            )
            for first, row in zip(
                [True] + [False] * (len(counts) - 1), counts.itertuples(index=False), strict=True
            )
        ]
        text = pick(lang, "Số cơ quan chủ trì mỗi chỉ số: {}.", "Leads per indicator: {}.").format(
            join_words(items, lang)
        )
        if split:
            text += pick(
                lang,
                " Trong {several} chỉ số có nhiều cơ quan chủ trì, {k} chỉ số ({ids}) phân chia "
                "phạm vi cho từng cơ quan; nếu {choice} thì còn {sharing} chỉ số có nhiều cơ quan "
                "cùng chịu trách nhiệm.",
                " Of the {several} with several leads, {k} ({ids}) {split} the work by scope; "
                "with {choice}, {sharing} {have} leads sharing accountability.",
            ).format(
                several=count(len(shared), lang),
                k=count(len(split), lang),
                split=plural(len(split), "splits", "split"),
                have=plural(sharing, "indicator has", "indicators have"),
                ids=join_words(split, lang),
                choice=pick(lang, *COUNTING_CHOICE_LABELS[SPLIT_LEADS_AS_SOLE]),
                sharing=count(sharing, lang),
            )
        return text

    return sentence(build)


def leads_by_sub_index(by_sub_index: pd.DataFrame, agencies: pd.DataFrame) -> Sentence | None:
    """Who leads most in each sub-index, sub-indices with the same leader(s) together."""
    groups: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for number in by_sub_index.columns:
        top = top_holders(by_sub_index[number])
        if top:
            groups.setdefault(tuple(top), []).append((number, int(by_sub_index[number].max())))
    if not groups:
        return None

    def build(lang: str) -> str:
        parts = []
        for top, places in groups.items():
            where = join_words(codes(number for number, _ in places), lang)
            led = join_words((count(n, lang) for _, n in places), lang)
            one = [n for _, n in places] == [1]
            unit = pick(lang, "chỉ số", "indicator" if one else "indicators")
            parts.append(
                pick(
                    lang,
                    "{names} chủ trì nhiều nhất ở {where} ({led} {unit})",
                    "{names} leads most in {where} ({led} {unit})",
                ).format(names=names(top, agencies, lang), where=where, led=led, unit=unit)
                if len(top) == 1
                else pick(
                    lang,
                    "{names} cùng chủ trì nhiều nhất ở {where} (mỗi cơ quan {led} {unit})",
                    "{names} tie for most in {where} ({led} {unit} each)",
                ).format(names=names(top, agencies, lang), where=where, led=led, unit=unit)
            )
        return pick(lang, "Theo từng CSTP: {}.", "By sub-index: {}.").format("; ".join(parts))

    return sentence(build)


def lead_share(
    leading: pd.Series,
    named: pd.DataFrame,
    indicators: int,
    readings: Readings,
    agencies: pd.DataFrame,
) -> Sentence:
    """The top lead body's share of the named bodies' lead credit, HHI, how many lead; and
    what another counting makes of it."""
    top = resp.listed(leading["top_agencies"])
    credit = named.set_index("agency_id").loc[top[0], "lead_credit"] if top else 0.0
    held_by_collectives = indicators - leading["named_total"]
    bodies = len(named)

    def describe(row: pd.Series, lang: str) -> str:
        return pick(lang, "{names} có {share}", "{names} holds {share}").format(
            names=names(resp.listed(row["top_lead"]), agencies, lang),
            share=share(row["top_lead_share"], lang),
        )

    def describe_share(row: pd.Series, lang: str) -> str:
        return pick(lang, "tỷ trọng là {}", "the share is {}").format(
            share(row["top_lead_share"], lang)
        )

    def build(lang: str) -> str:
        text = pick(
            lang,
            "{names} nắm {share} phần chủ trì của các cơ quan được nêu tên{each}: {credit} "
            "trên {total} phần.",
            "{names} {hold} {share} of the named bodies' lead credit{each}: {credit} of the "
            "{total} units they hold between them.",
        ).format(
            names=names(top, agencies, lang),
            hold=plural(len(top), "holds", "hold"),
            share=share(leading["top_share_of_named"], lang),
            each=pick(lang, " mỗi cơ quan", " each") if len(top) > 1 else "",
            credit=amount(credit, lang),
            total=amount(leading["named_total"], lang),
        )
        if held_by_collectives > 0:
            text += pick(
                lang,
                " Chủ thể không nêu tên cụ thể nắm {rest} phần còn lại trong tổng số {all}.",
                " Unnamed collectives hold the remaining {rest} of {all}.",
            ).format(rest=amount(held_by_collectives, lang), all=count(indicators, lang))
        leaders = (
            pick(
                lang,
                "chỉ {leading}/{bodies} cơ quan được nêu tên có chủ trì",
                "only {leading} of the {bodies} named bodies lead anything",
            )
            if leading["bodies"] < bodies
            else pick(
                lang,
                "cả {bodies} cơ quan được nêu tên đều có chủ trì",
                "every one of the {bodies} named bodies leads something",
            )
        )
        text += pick(
            lang,
            " HHI bằng {hhi}, tương đương {equivalent} cơ quan gánh việc ngang nhau; "
            + leaders
            + ".",
            " The HHI of {hhi} equals {equivalent} equally loaded bodies; " + leaders + ".",
        ).format(
            hhi=decimal(leading["hhi"], lang),
            equivalent=decimal(leading["equivalent_bodies"], lang),
            leading=count(leading["bodies"], lang),
            bodies=count(bodies, lang),
        )
        if readings.holds("top_lead"):
            text += pick(
                lang,
                " Theo mọi cách đếm, {names} vẫn có phần chủ trì lớn nhất",
                " Under every counting, {names} still {hold} the most lead credit",
            ).format(names=names(top, agencies, lang), hold=plural(len(top), "holds", "hold"))
            others = readings.otherwise("top_lead_share", describe_share, lang)
            return text + (f"; {'; '.join(others)}." if others else ".")
        return text + readings.verdict("top_lead", describe, lang)

    return sentence(build)


def inequality_of_roles(overall: pd.DataFrame, readings: Readings) -> Sentence | None:
    """Whether leading is more or less unequal than coordinating (Gini over the named bodies)."""
    lead, coordination = overall.loc[LEAD, "gini"], overall.loc[COORDINATOR, "gini"]
    if pd.isna(lead) or pd.isna(coordination):  # a role nobody named holds
        return None

    def comparison(lead_gini: float, coordination_gini: float, lang: str) -> str:
        if lead_gini > coordination_gini:
            return pick(lang, "không đều hơn", "more unequal than")
        if lead_gini < coordination_gini:
            return pick(lang, "đều hơn", "less unequal than")
        return pick(lang, "không đều ngang", "as unequal as")

    def describe(row: pd.Series, lang: str) -> str:
        return pick(
            lang,
            "chủ trì {} phối hợp (Gini {} so với {})",
            "leading is {} coordinating (Gini {} against {})",
        ).format(
            comparison(row["lead_gini"], row["coordination_gini"], lang),
            decimal(row["lead_gini"], lang),
            decimal(row["coordination_gini"], lang),
        )

    def build(lang: str) -> str:
        text = pick(
            lang,
            "Việc chủ trì phân bổ {} việc phối hợp: hệ số Gini {} so với {}.",
            "Leading is {} coordinating: Gini {} against {}.",
        ).format(
            comparison(lead, coordination, lang), decimal(lead, lang), decimal(coordination, lang)
        )
        return text + readings.verdict("lead_more_unequal", describe, lang)

    return sentence(build)


def concentration_by_sub_index(
    by_sub_index: pd.DataFrame, size: pd.DataFrame, readings: Readings
) -> Sentence | None:
    """Which sub-index concentrates leading most by each measure, whether its size explains
    it, and where leads are least unequal among themselves."""
    leading = by_sub_index[by_sub_index["role"] == LEAD].set_index("sub_index")
    fair = size[size["role"] == LEAD].set_index("sub_index")
    if len(fair) < 2:
        return None
    values = {
        measure: (fair if measure in fair.columns else leading)[measure]
        for measure in CONCENTRATION_MEASURES
    }
    groups: dict[tuple[int, ...], list[str]] = {}
    for measure, series in values.items():
        groups.setdefault(tuple(largest(series)), []).append(measure)
    raw, sized = largest(values["hhi"]), largest(values["hhi_normalised"])
    least = largest(-values["gini_among_holders"])

    def describe(row: pd.Series, lang: str) -> str:
        return pick(
            lang, "HHI chuẩn hóa cao nhất ở {}", "the normalised HHI is highest in {}"
        ).format(join_words(codes(resp.listed(row["most_concentrated_sub_index"])), lang))

    def build(lang: str) -> str:
        parts = [
            pick(lang, "theo {measures}: {where}", "by {measures}: {where}").format(
                measures=join_words(
                    (
                        f"{pick(lang, *CONCENTRATION_MEASURES[m])} "
                        f"({decimal(values[m][top[0]], lang)})"
                        for m in measures
                    ),
                    lang,
                ),
                where=join_words(codes(top), lang),
            )
            for top, measures in groups.items()
        ]
        text = (
            pick(
                lang,
                "CSTP có việc chủ trì tập trung nhất tùy thước đo: {}.",
                "Where leading is most concentrated depends on the measure: {}.",
            )
            if len(groups) > 1
            else pick(
                lang,
                "Việc chủ trì tập trung nhất ở cùng một CSTP theo mọi thước đo, {}.",
                "Leading is most concentrated in the same sub-index by every measure, {}.",
            )
        ).format("; ".join(parts))
        if raw != sized:
            text += pick(
                lang,
                " {small} chỉ có {n} chỉ số nên HHI không thể thấp hơn {floor}; {large} có {m} "
                "chỉ số, HHI có thể xuống tới {low}.",
                " {small} has only {n} indicators, so its HHI cannot fall below {floor}; "
                "{large}, with {m}, can fall to {low}.",
            ).format(
                small=codes(raw)[0],
                n=count(fair.loc[raw[0], "indicators"], lang),
                floor=decimal(fair.loc[raw[0], "hhi_floor"], lang),
                large=codes(sized)[0],
                m=count(fair.loc[sized[0], "indicators"], lang),
                low=decimal(fair.loc[sized[0], "hhi_floor"], lang),
            )
        text += pick(
            lang,
            " Giữa các cơ quan có chủ trì, hệ số Gini thấp nhất ở {} ({}).",
            " Among the bodies that lead, the Gini is lowest in {} ({}).",
        ).format(
            join_words(codes(least), lang), decimal(values["gini_among_holders"][least[0]], lang)
        )
        if readings.holds("most_concentrated_sub_index"):
            return text + pick(
                lang,
                " Theo mọi cách đếm, HHI chuẩn hóa vẫn cao nhất ở {}.",
                " Under every counting the normalised HHI is still highest in {}.",
            ).format(join_words(codes(sized), lang))
        return text + pick(
            lang,
            " CSTP có HHI chuẩn hóa cao nhất phụ thuộc cách đếm: {}.",
            " Where the normalised HHI is highest depends on the counting: {}.",
        ).format("; ".join(readings.otherwise("most_concentrated_sub_index", describe, lang)))

    return sentence(build)


def top_coordinator(
    coordinating: pd.Series, by_sub_index: pd.DataFrame, readings: Readings, agencies: pd.DataFrame
) -> Sentence | None:
    """The body or bodies that coordinate most, ties within sub-indices, and what another
    counting makes of it."""
    top = resp.listed(coordinating["top_agencies"])
    if not top:
        return None
    rows = by_sub_index[(by_sub_index["role"] == COORDINATOR) & (by_sub_index["top_bodies"] > 1)]

    def describe(row: pd.Series, lang: str) -> str:
        return pick(
            lang, "cơ quan phối hợp nhiều nhất là {}, với {}", "the top coordinator is {}, with {}"
        ).format(
            names(resp.listed(row["top_coordinator"]), agencies, lang),
            share(row["top_coordinator_share"], lang),
        )

    def build(lang: str) -> str:
        text = pick(
            lang,
            "{names} phối hợp nhiều nhất, chiếm {share}{each} trong {total} lượt phối hợp giao "
            "cho các cơ quan được nêu tên.",
            "{names} {coordinate} the most: {share}{each} of the {total} coordinator "
            "assignments given to named bodies.",
        ).format(
            names=names(top, agencies, lang),
            coordinate=plural(len(top), "coordinates", "coordinate"),
            share=share(coordinating["top_share_of_named"], lang),
            each=pick(lang, " mỗi cơ quan", " each") if len(top) > 1 else "",
            total=amount(coordinating["named_total"], lang),
        )
        text += readings.verdict("top_coordinator", describe, lang)
        if not rows.empty:
            ties = "; ".join(
                pick(
                    lang,
                    "ở {code}, {names}, mỗi cơ quan {share}",
                    "in {code} by {names}, {share} each",
                ).format(
                    code=codes([row.sub_index])[0],
                    names=names(resp.listed(row.top_agencies), agencies, lang),
                    share=share(row.top_share_of_named, lang),
                )
                for row in rows.itertuples(index=False)
            )
            text += pick(
                lang,
                " Trong từng CSTP, vị trí phối hợp nhiều nhất có khi được chia sẻ: {}.",
                " Within sub-indices the top place is sometimes shared: {}.",
            ).format(ties)
        return text

    return sentence(build)


def coordinators_by_sub_index(per_indicator: pd.DataFrame, readings: Readings) -> Sentence:
    """Coordinators per indicator by sub-index, and where unnamed collectives outnumber the
    named coordinators, under each counting."""
    columns = ["coordinators", "named_coordinators", "collective_coordinators"]
    means = per_indicator.groupby("sub_index")[columns].mean()
    fewest, most = largest(-means["coordinators"]), largest(means["coordinators"])
    outnumber = readings.listed("collectives_outnumber_named")

    def numbers(row: pd.Series, number: str, lang: str) -> str:
        return pick(lang, "{code}: {c} so với {n}", "{code}: {c} against {n}").format(
            code=codes([number])[0],
            c=decimal(row[f"collective_coordinators_{number}"], lang),
            n=decimal(row[f"named_coordinators_{number}"], lang),
        )

    def describe(row: pd.Series, lang: str) -> str:
        now = resp.listed(row["collectives_outnumber_named"])
        shown = sorted(set(outnumber) | set(now), key=int)
        details = "; ".join(numbers(row, number, lang) for number in shown)
        if now:
            return pick(
                lang,
                "chủ thể không nêu tên cụ thể nhiều hơn ở {} ({})",
                "the collectives outnumber the named coordinators in {} ({})",
            ).format(join_words(codes(now), lang), details)
        return pick(
            lang,
            "không CSTP nào có chủ thể không nêu tên cụ thể nhiều hơn ({})",
            "they outnumber them in no sub-index ({})",
        ).format(details)

    def build(lang: str) -> str:
        text = (
            pick(
                lang,
                "Bình quân mỗi chỉ số có {few} chủ thể phối hợp ở {fewest} và {many} ở {most}.",
                "Indicators name {few} coordinators on average in {fewest} and {many} in {most}.",
            ).format(
                few=decimal(means.loc[fewest[0], "coordinators"], lang),
                fewest=join_words(codes(fewest), lang),
                many=decimal(means.loc[most[0], "coordinators"], lang),
                most=join_words(codes(most), lang),
            )
            if fewest != most
            else pick(
                lang,
                "Bình quân mỗi chỉ số có {} chủ thể phối hợp ở mọi CSTP.",
                "Indicators name {} coordinators on average in every sub-index.",
            ).format(decimal(means["coordinators"].iloc[0], lang))
        )
        if outnumber:
            text += (
                " "
                + "; ".join(
                    pick(
                        lang,
                        "Ở {code}, chủ thể không nêu tên cụ thể ({c} mỗi chỉ số) nhiều hơn cơ quan "
                        "được nêu tên ({n})",
                        "In {code} the unnamed collectives ({c} per indicator) outnumber the named "
                        "coordinators ({n})",
                    ).format(
                        code=codes([number])[0],
                        c=decimal(means.loc[int(number), "collective_coordinators"], lang),
                        n=decimal(means.loc[int(number), "named_coordinators"], lang),
                    )
                    for number in outnumber
                )
                + "."
            )
        else:
            text += pick(
                lang,
                " Không CSTP nào có số chủ thể không nêu tên cụ thể phối hợp nhiều hơn số cơ quan "
                "được nêu tên.",
                " In no sub-index do the unnamed collectives outnumber the named coordinators.",
            )
        return text + readings.verdict("collectives_outnumber_named", describe, lang)

    return sentence(build)


def collectives(shares: pd.DataFrame, indicators: int, readings: Readings) -> Sentence | None:
    """How much of the work goes to unnamed collectives, and the range over the countings."""
    coordination, leading = shares.loc[COORDINATOR], shares.loc[LEAD]
    if coordination["assignments"] == 0:
        return None

    def describe(row: pd.Series, lang: str) -> str:
        return pick(
            lang,
            "tỷ lệ là {} trên {} lượt phối hợp",
            "the share is {} of {} coordinator assignments",
        ).format(
            share(row["collective_coordination_share"], lang),
            count(row["coordinator_assignments"], lang),
        )

    def build(lang: str) -> str:
        text = pick(
            lang,
            "Chủ thể không nêu tên cụ thể nhận {to}/{total} lượt phối hợp, tức {share}, và phối "
            "hợp ở {with_them}/{indicators} chỉ số; ",
            "Unnamed collectives take {to} of the {total} coordinator assignments, {share}, and "
            "coordinate on {with_them} of the {indicators} indicators; ",
        ).format(
            to=count(coordination["to_collectives"], lang),
            total=count(coordination["assignments"], lang),
            share=share(coordination["collective_share"], lang),
            with_them=count(coordination["indicators_with_collective"], lang),
            indicators=count(indicators, lang),
        )
        text += (
            pick(
                lang, "chúng cũng nhận {}/{} lượt chủ trì.", "they also take {} of the {} leads."
            ).format(count(leading["to_collectives"], lang), count(leading["assignments"], lang))
            if leading["to_collectives"] > 0
            else pick(lang, "chúng không chủ trì chỉ số nào.", "they lead none.")
        )
        others = readings.otherwise("collective_coordination_share", describe, lang)
        if others:
            text += pick(lang, " Tùy cách đếm: {}.", " Under other countings: {}.").format(
                "; ".join(others)
            )
        return text

    return sentence(build)


def kinds_of_actor(by_kind: pd.DataFrame) -> Sentence | None:
    """Lead credit against coordination by kind of actor, collectives included, and the kinds
    that only coordinate."""
    table = by_kind.set_index("kind")
    if table["coordinated"].sum() == 0:
        return None
    top = largest(table["lead_credit_share"])
    only = table[(table["led"] == 0) & (table["coordinated"] > 0)]

    def label(kind: str, lang: str) -> str:  # Vietnamese kinds are capitalised names
        text = pick(lang, *KIND_LABELS[kind])
        return text if lang == "vi" else lower_first(text)

    def build(lang: str) -> str:
        lead, coordination = (
            table.loc[top[0], "lead_credit_share"],
            table.loc[top[0], "coordination_share"],
        )
        text = pick(
            lang,
            "Tính toàn bộ công việc, kể cả phần của chủ thể không nêu tên cụ thể: {kinds} nắm "
            "{lead} tổng phần chủ trì {but} {coordination} tổng lượt phối hợp.",
            "Counting all the work, collectives included: {kinds} hold {lead} of all lead credit "
            "{but} {coordination} of all coordinator assignments.",
        ).format(
            kinds=join_words((label(kind, lang) for kind in top), lang),
            lead=share(lead, lang),
            but=pick(lang, "nhưng chỉ", "but only")
            if coordination < lead
            else pick(lang, "và", "and"),
            coordination=share(coordination, lang),
        )
        if not only.empty:
            items = [
                pick(
                    lang, "{kind} ({bodies} chủ thể, {n} lượt)", "{kind} ({bodies} {body}, {n})"
                ).format(
                    kind=label(kind, lang),
                    bodies=count(row["bodies"], lang),
                    body=plural(row["bodies"], "actor", "actors"),
                    n=count(row["coordinated"], lang),
                )
                for kind, row in only.iterrows()
            ]
            text += pick(
                lang,
                " Chỉ phối hợp, không chủ trì chỉ số nào (số lượt phối hợp trong ngoặc): {}.",
                " Coordinating only, leading nothing (coordinator assignments in brackets): {}.",
            ).format(join_words(items, lang))
        return text

    return sentence(build)


@on_content  # the report runs a notebook several times in one kernel
def findings(assignments: pd.DataFrame, agencies: pd.DataFrame) -> Findings:
    """Notebook 02's findings from the tidy assignments and agencies."""
    readings = Readings.of(assignments, agencies)
    load = resp.with_agency_names(resp.lead_load(assignments), agencies)
    named, _ = resp.split_collectives(load)
    indicators = assignments["indicator_id"].nunique()
    per_indicator = resp.coordinators_per_indicator(assignments, agencies)
    overall = resp.concentration(assignments, agencies).set_index("role")
    by_sub_index = resp.concentration(assignments, agencies, by_sub_index=True)
    size = resp.size_aware_concentration(assignments, agencies)
    shares = resp.collective_share(assignments, agencies).set_index("role")
    return Findings.of(
        [
            default_counting(),
            top_leads(named, indicators),
            on_every_indicator(named, indicators, readings, agencies),
            sole_leads_only(named),
            leads_per_indicator(per_indicator, resp.shared_leads(assignments), readings),
            leads_by_sub_index(resp.leads_by_sub_index(assignments), agencies),
            lead_share(overall.loc[LEAD], named, indicators, readings, agencies),
            inequality_of_roles(overall, readings),
            concentration_by_sub_index(by_sub_index, size, readings),
            top_coordinator(overall.loc[COORDINATOR], by_sub_index, readings, agencies),
            coordinators_by_sub_index(per_indicator, readings),
            collectives(shares, indicators, readings),
            kinds_of_actor(resp.assignments_by_kind(assignments, agencies)),
            readings.summary(_SUMMED_UP, agencies),
        ]
    )
