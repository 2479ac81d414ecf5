"""The findings of notebook 01 (what the appendix says), computed from the tables it shows:
indicators by sub-index, actors, assignments, shared leads by sub-index, the repairs the reader
made, and the cells of the role matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pgi_analysis import responsibility as resp
from pgi_analysis.findings.phrases import count, names, plural, sentence
from pgi_analysis.findings.sentences import Findings, Sentence
from pgi_analysis.inequality import largest
from pgi_analysis.memo import on_content
from pgi_analysis.reference import COLLECTIVE_KINDS
from pgi_analysis.vocabulary import (
    BOTH,
    COORDINATOR,
    LEAD,
    NONE,
    REPAIR_KIND_LABELS,
    ROLE_CELLS,
    ROLES,
    join_words,
    pick,
)

if TYPE_CHECKING:
    from pgi_analysis.appendix import TidyAppendix


def indicators_by_sub_index(summary: pd.DataFrame) -> Sentence:
    """How many indicators, in how many sub-indices, and how many in each."""

    def build(lang: str) -> str:
        items = [
            pick(lang, "{code} có {n}", "{n} in {code}").format(
                n=count(row.indicators, lang), code=row.code
            )
            for row in summary.itertuples(index=False)
        ]
        return pick(
            lang,
            "Phụ lục gồm {total} chỉ số thuộc {k} CSTP: {items} chỉ số.",
            "The appendix lists {total} indicators in {k} sub-indices: {items}.",
        ).format(
            total=count(summary["indicators"].sum(), lang),
            k=count(len(summary), lang),
            items=join_words(items, lang),
        )

    return sentence(build)


def actors(agencies: pd.DataFrame) -> Sentence:
    """How many actors the appendix names, and which of them name nobody in particular."""
    collectives = agencies.loc[agencies["kind"].isin(COLLECTIVE_KINDS), "agency_id"]

    def build(lang: str) -> str:
        text = pick(lang, "Phụ lục nêu {} chủ thể", "It names {} actors").format(
            count(len(agencies), lang)
        )
        if collectives.empty:
            return text + pick(lang, ", đều là cơ quan được nêu tên.", ", all named bodies.")
        return text + pick(
            lang,
            "; {k} trong số đó là chủ thể không nêu tên cụ thể ({names}), không phải cơ quan có "
            "thể quy trách nhiệm.",
            "; {k} of them are unnamed collectives ({names}) rather than bodies one could hold "
            "to account.",
        ).format(k=count(len(collectives), lang), names=names(collectives, agencies, lang))

    return sentence(build)


def assignments_by_role(assignments: pd.DataFrame) -> Sentence:
    """Lead and coordinator assignments."""
    roles = resp.count_by(assignments["role"], "assignments", order=ROLES).set_index("role")
    held = roles["assignments"].reindex(list(ROLES), fill_value=0)

    return sentence(
        lambda lang: pick(
            lang,
            "Tổng cộng có {} lượt chủ trì và {} lượt phối hợp.",
            "Together they receive {} lead and {} coordinator assignments.",
        ).format(count(held[LEAD], lang), count(held[COORDINATOR], lang))
    )


def shared_leads_by_sub_index(summary: pd.DataFrame) -> Sentence:
    """Where indicators with more than one lead are most common, ties named as ties."""
    table = summary.set_index("code")
    rates = table["several_leads"] / table["indicators"]

    def build(lang: str) -> str:
        if table["several_leads"].sum() == 0:
            return pick(
                lang,
                "Không chỉ số nào có hơn một cơ quan chủ trì.",
                "No indicator has more than one lead.",
            )
        top = largest(rates)

        def item(code: str) -> str:
            return pick(lang, "{code} ({k}/{n} chỉ số)", "{code} ({k} of {n})").format(
                code=code,
                k=count(table.loc[code, "several_leads"], lang),
                n=count(table.loc[code, "indicators"], lang),
            )

        text = pick(
            lang,
            "Chỉ số có hơn một cơ quan chủ trì chiếm tỷ lệ cao nhất ở {}",
            "Indicators with more than one lead are most common in {}",
        ).format(join_words((item(code) for code in top), lang))
        others = [code for code in table.index if code not in top]
        if others:
            text += pick(lang, ", so với {}", ", against {}").format(
                join_words((item(code) for code in others), lang)
            )
        return text + "."

    return sentence(build)


def repairs(table: pd.DataFrame) -> Sentence:
    """What reading the appendix had to mend, by kind; where a kind was needed once, where."""
    kinds = table.groupby("kind", sort=False)["indicator_ids"].agg(list)

    def build(lang: str) -> str:
        if kinds.empty:
            return pick(
                lang, "Đọc phụ lục không cần sửa chỗ nào.", "Reading the appendix needed no repair."
            )
        items = []
        for kind, places in kinds.items():
            label = pick(lang, *REPAIR_KIND_LABELS.get(kind, (kind, kind)))
            where = ", ".join(places[0].split()) if len(places) == 1 else ""
            items.append(f"{label} ({count(len(places), lang)}{'; ' + where if where else ''})")
        return pick(
            lang,
            "Đọc văn bản trích từ PDF cần {n} lần sửa, lần nào cũng được ghi lại (bảng sửa lỗi; "
            "số lần trong ngoặc): {items}.",
            "Reading the PDF text took {n} recorded {repairs} (the repairs table; how many in "
            "brackets): {items}.",
        ).format(
            n=count(len(table), lang),
            repairs=plural(len(table), "repair", "repairs"),
            items="; ".join(items),
        )

    return sentence(build)


def role_matrix_cells(matrix: pd.DataFrame) -> Sentence:
    """The cells of the indicator × actor role matrix, by what they hold."""
    cells = resp.count_by(matrix.stack().rename("cell"), "cells", order=ROLE_CELLS)
    held = cells.set_index("cell")["cells"].reindex(list(ROLE_CELLS), fill_value=0)

    def build(lang: str) -> str:
        text = pick(
            lang,
            "Ma trận vai trò có {total} ô ({rows} chỉ số × {columns} chủ thể): {empty} ô trống, "
            "{coordinator} ô phối hợp, {lead} ô chủ trì",
            "Of the {total} cells of the role matrix ({rows} × {columns}), {empty} are empty, "
            "{coordinator} coordinator, {lead} lead",
        ).format(
            total=count(matrix.size, lang),
            rows=count(matrix.shape[0], lang),
            columns=count(matrix.shape[1], lang),
            empty=count(held[NONE], lang),
            coordinator=count(held[COORDINATOR], lang),
            lead=count(held[LEAD], lang),
        )
        if not held[BOTH]:
            return text + "."
        return text + pick(
            lang,
            " và {} ô ghi cùng một chủ thể vừa chủ trì vừa phối hợp một chỉ số (notebook 03 "
            "xem xét các ô này).",
            " and {} name an actor as both lead and coordinator of the same indicator "
            "(notebook 03 reads them).",
        ).format(count(held[BOTH], lang))

    return sentence(build)


@on_content  # the report runs a notebook several times in one kernel
def findings(tidy: TidyAppendix, sub_indices: pd.DataFrame) -> Findings:
    """Notebook 01's findings from the tidy appendix and the sub-indices reference."""
    summary = resp.sub_index_summary(tidy.indicators, tidy.assignments, sub_indices)
    return Findings.of(
        [
            indicators_by_sub_index(summary),
            actors(tidy.agencies),
            assignments_by_role(tidy.assignments),
            shared_leads_by_sub_index(summary),
            repairs(tidy.repairs),
            role_matrix_cells(resp.role_matrix(tidy.assignments, tidy.agencies)),
        ]
    )
