"""What each body of the plan answers for, beside the province's scores: no blame by
inheritance.

A sub-index score belongs to the whole sub-index, measured from firms' answers on many
indicators; a body that leads some of them does not own the score. So `exposure` lists, for each
body, the indicators it leads and coordinates in each sub-index with the sub-index's score and
its `n` beside them, and never averages those scores into a gap per body. Where indicator-level
values are stored, `indicator_exposure` puts each indicator's own value beside the bodies named
for it.
"""

from __future__ import annotations

import pandas as pd

from pgi_analysis import responsibility as resp
from pgi_analysis.appendix import TidyAppendix
from pgi_analysis.outcomes import LANG_SON, compare
from pgi_analysis.reference import Provinces
from pgi_analysis.vocabulary import (
    COORDINATOR,
    LEAD,
    ROLES,
    SUB_INDEX_MEASURES,
    sub_index_number,
)

INDICATOR_SEPARATOR = ", "  # between the indicator ids listed in one cell


def _indicators_by_role(assignments: pd.DataFrame) -> pd.DataFrame:
    """Per body and sub-index: how many indicators it leads and coordinates, and which."""
    rows = assignments.assign(sub_index=resp.sub_index_of(assignments["indicator_id"]))
    grouped = rows.groupby(["agency_id", "sub_index", "role"])["indicator_id"]
    table = grouped.agg(indicators="size", ids=INDICATOR_SEPARATOR.join).unstack("role")
    table = table.reindex(columns=pd.MultiIndex.from_product([["indicators", "ids"], ROLES]))
    return pd.DataFrame(
        {
            "led": table[("indicators", LEAD)].fillna(0).astype("int64"),
            "lead_indicators": table[("ids", LEAD)].fillna("").astype("str"),
            "coordinated": table[("indicators", COORDINATOR)].fillna(0).astype("int64"),
            "coordinator_indicators": table[("ids", COORDINATOR)].fillna("").astype("str"),
        }
    ).reset_index()


EXPOSURE_SCORE_COLUMNS = [
    "year",
    "value",
    "provinces_with_data",
    "position",
    "relative_to_others",
    "flag",
]


def exposure(
    tidy: TidyAppendix,
    scores: pd.DataFrame,
    provinces: Provinces,
    year: int | None,
    indicator_scores: pd.DataFrame | None = None,
    province_id: str = LANG_SON,
) -> pd.DataFrame:
    """For each body (and collective) and each sub-index it has a part in: the indicators it
    leads and coordinates there, and beside them the province's score in that sub-index in
    `year`, the number of provinces with it (`n`), its position, whether it is above, level or
    below the others' mean, and the flag of sub-indices 1 and 2; `indicators_with_values`
    counts the body's indicators there with an indicator-level value stored for `year`.

    A sub-index score belongs to the whole sub-index, not to any body: it is set beside each
    body's indicators and never averaged into a gap per body. Bodies in the order of
    `responsibility.lead_load` (most indicators led first).
    """
    roles = _indicators_by_role(tidy.assignments)
    years = [] if year is None else [year]
    comparison = compare(scores, provinces, province_id, years)
    rows = comparison[comparison["measure"].isin(SUB_INDEX_MEASURES)]
    rows = rows.assign(sub_index=rows["measure"].map(sub_index_number))
    table = roles.merge(rows[["sub_index", *EXPOSURE_SCORE_COLUMNS]], on="sub_index", how="left")
    table["flag"] = table["flag"].fillna("")
    valued = set()
    if indicator_scores is not None:
        stored = indicator_scores[indicator_scores["year"] == year]
        valued = set(stored.loc[stored["province_id"] == province_id, "indicator_id"])
    table["indicators_with_values"] = [
        len(valued & {*led.split(INDICATOR_SEPARATOR), *coordinated.split(INDICATOR_SEPARATOR)})
        for led, coordinated in zip(
            table["lead_indicators"], table["coordinator_indicators"], strict=True
        )
    ]
    order = resp.lead_load(tidy.assignments)["agency_id"].tolist()
    table = table.sort_values(
        ["agency_id", "sub_index"],
        key=lambda column: column.map(order.index) if column.name == "agency_id" else column,
        ignore_index=True,
    )
    table = table.astype({"year": "Int64", "provinces_with_data": "Int64"})
    return resp.with_agency_names(table, tidy.agencies)


def indicator_exposure(tidy: TidyAppendix, indicator_comparison: pd.DataFrame) -> pd.DataFrame:
    """One row per body, indicator and role (as the plan assigns them), with the province's
    value of that indicator where one is stored (`indicator_comparison`, one year or several):
    value, provinces with data, position and `better_than_others`. No aggregation per body."""
    columns = ["indicator_id", "year", "value", "provinces_with_data", "position"]
    values = indicator_comparison[[*columns, "better_than_others"]]
    rows = tidy.assignments[["agency_id", "indicator_id", "role"]]
    rows = rows.assign(sub_index=resp.sub_index_of(rows["indicator_id"]))
    table = rows.merge(values, on="indicator_id", how="left")
    table = table.astype({"year": "Int64", "provinces_with_data": "Int64", "position": "Int64"})
    return resp.with_agency_names(table.reset_index(drop=True), tidy.agencies)
