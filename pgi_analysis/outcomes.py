"""Where Lạng Sơn stands in the published PGI figures, and how that lines up with the way the plan
assigns responsibility.

Pure functions: each takes the tidy tables (`scores`, `provinces`, the appendix) as arguments
and returns a new table, so a year or a province added with `pgi-analysis scores add` flows into
every result without a change here. A figure that was not published stays NaN (or <NA>): it is
never read as 0 and never interpolated.

The caveats of `data/pgi/SOURCES.md` shape every table. Coverage is partial, so each comparison
states how many provinces had the figure that year. Totals summed from the four sub-indices are
marked `derived`. Sub-indices 1 and 2 published with exactly the same value (perhaps one column
copied into the other) are flagged wherever a comparison rests on them. Methods changed after
2022, so ranks are compared across years and scores only within a year.

With four sub-indices, setting responsibility beside scores describes; it cannot test whether the
one explains the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pgi_analysis import reference
from pgi_analysis import responsibility as resp
from pgi_analysis.appendix import TidyAppendix, load_appendix
from pgi_analysis.reference import NATIONAL_MEAN_ID, Provinces
from pgi_analysis.scores import TOLERANCE, load_indicator_scores, load_scores
from pgi_analysis.vocabulary import (
    COORDINATOR,
    LEAD,
    MEASURES,
    SCORE_MEASURES,
    SUB_INDEX_MEASURES,
    sub_index_number,
)

LANG_SON = "lang-son"
EQUAL_1_2_FLAG = "sub-indices 1 and 2 published equal (possibly one column copied)"


@dataclass(frozen=True)
class OutcomeData:
    """Everything the outcome analyses read: the PGI figures and the plan's appendix."""

    scores: pd.DataFrame
    indicator_scores: pd.DataFrame
    provinces: Provinces
    tidy: TidyAppendix
    sub_indices: pd.DataFrame


def load_outcome_data(pgi_dir: Path | None = None) -> OutcomeData:
    """The stored figures (of `pgi_dir`, by default data/pgi/) and the appendix, read afresh."""
    return OutcomeData(
        scores=load_scores(pgi_dir),
        indicator_scores=load_indicator_scores(pgi_dir),
        provinces=reference.provinces(),
        tidy=load_appendix(),
        sub_indices=reference.sub_indices(),
    )


# --- building blocks --------------------------------------------------------------------------


def _values(scores: pd.DataFrame, year: int, measure: str) -> pd.Series:
    """The provinces' published (or derived) `measure` in `year`, by province_id; the national
    mean left out. Only provinces with the figure are listed."""
    rows = scores[
        (scores["year"] == year)
        & (scores["measure"] == measure)
        & (scores["province_id"] != NATIONAL_MEAN_ID)
    ]
    return rows.set_index("province_id")["value"]


def distribution(
    scores: pd.DataFrame,
    provinces: Provinces,
    year: int,
    measure: str,
    province_id: str = LANG_SON,
) -> pd.DataFrame:
    """Every province with `measure` in `year` (national mean left out), highest first: value,
    derived, whether it is in the province's region, whether the figure is flagged (sub-index
    1 or 2 published equal to the other), and whether it is the province itself."""
    values = _values(scores, year, measure)
    keys = [(year, other, measure) for other in values.index]
    derived, flagged = _derived_keys(scores), _flagged_keys(scores)
    table = pd.DataFrame(
        {
            "province_id": values.index,
            "value": values.to_numpy(),
            "derived": [key in derived for key in keys],
            "same_region": values.index.isin(provinces.region_members(province_id)),
            "flagged": [key in flagged for key in keys],
            "is_province": values.index == province_id,
        }
    )
    return table.sort_values(["value", "province_id"], ascending=[False, True], ignore_index=True)


def equal_sub_indices_1_2(scores: pd.DataFrame) -> pd.DataFrame:
    """Province-years whose sub-indices 1 and 2 were published with exactly the same value.

    SOURCES.md suspects a publishing error; conclusions resting on these figures must say so.
    """
    pair = scores[scores["measure"].isin(SUB_INDEX_MEASURES[:2])]
    wide = pair.pivot(index=["year", "province_id", "province"], columns="measure", values="value")
    wide = wide.reindex(columns=list(SUB_INDEX_MEASURES[:2]))
    equal = wide[wide["sub_index_1"] == wide["sub_index_2"]]
    return equal.reset_index().rename_axis(columns=None)


def _keys(rows: pd.DataFrame) -> set[tuple[int, str, str]]:
    return set(zip(rows["year"], rows["province_id"], rows["measure"], strict=True))


def _derived_keys(scores: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, province_id, measure) of the derived figures."""
    return _keys(scores[scores["derived"]])


def _flagged_keys(scores: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, province_id, measure) of sub-indices 1 and 2 in rows where the two are equal."""
    equal = equal_sub_indices_1_2(scores)[["year", "province_id"]]
    return _keys(scores[scores["measure"].isin(SUB_INDEX_MEASURES[:2])].merge(equal))


def standing(values: pd.Series, province_id: str, higher_is_better: bool | None = True) -> dict:
    """Where one province stands among the provinces with a figure (`values`, by province_id).

    `position` counts from the best (1 = no other province is better); `percentile` is the
    share of the other provinces doing worse, ties counting half; the gap is to the mean of
    the others. A province without the figure gets NaN and <NA>, and still the counts. With no
    known direction (`higher_is_better` None) nothing is better or worse: position and
    percentile stay unknown, while the gap, a plain difference, is still given.
    """
    others = values.drop(province_id, errors="ignore")
    value = values.get(province_id, np.nan)
    record = {
        "value": value,
        "provinces_with_data": len(values),
        "position": pd.NA,
        "percentile": np.nan,
        "others_mean": others.mean() if len(others) else np.nan,
    }
    record["gap_to_others"] = value - record["others_mean"]
    if pd.isna(value) or higher_is_better is None:
        return record
    sign = 1 if higher_is_better else -1
    better = int((sign * (others - value) > 0).sum())
    ties = int((others == value).sum())
    record["position"] = better + 1
    if len(others):
        record["percentile"] = 100 * (len(others) - better - ties / 2) / len(others)
    return record


# --- the province over the years --------------------------------------------------------------


def coverage(scores: pd.DataFrame, provinces: Provinces) -> pd.DataFrame:
    """Per year in `scores`: how many provinces PGI ranked, how many of them the stored figures
    cover for each measure (no published figure is not a zero), how many of the totals are
    derived, and the published national mean total (NaN where none is stored)."""
    years = sorted(scores["year"].unique())
    rows = scores[scores["province_id"] != NATIONAL_MEAN_ID]
    counts = rows.groupby(["year", "measure"])["province_id"].nunique().unstack(fill_value=0)
    table = counts.reindex(index=years, columns=list(MEASURES), fill_value=0)
    national = scores[(scores["province_id"] == NATIONAL_MEAN_ID) & (scores["measure"] == "total")]
    table.insert(0, "provinces_ranked", [provinces.ranked(year) for year in years])
    table["derived_totals"] = rows[rows["derived"]].groupby("year").size()
    table["derived_totals"] = table["derived_totals"].fillna(0).astype("int64")
    table["national_mean_total"] = national.set_index("year")["value"]
    return table.rename_axis(index="year", columns=None).reset_index()


def outside_top(scores: pd.DataFrame, year: int, province_id: str = LANG_SON) -> int | None:
    """For a province without a stored rank in `year`: the number of top places the stored
    figures rule out, i.e. the highest stored rank of that year held by a province whose total
    is above the province's own by more than rounding (PGI ranks follow the totals, so the
    province ranks below it). None if its rank is stored, its total is unknown, or no ranked
    province is known to score higher.

    Rounding: a derived total may differ from the total VCCI would print by up to
    `scores.TOLERANCE`, so each derived total of the pair widens the margin by that much.
    """
    ranks, totals = _values(scores, year, "rank"), _values(scores, year, "total")
    if province_id in ranks.index or province_id not in totals.index:
        return None
    derived = _derived_keys(scores)

    def margin(other: str) -> float:
        return TOLERANCE * ((year, other, "total") in derived)

    ahead = [
        int(rank)
        for other, rank in ranks.items()
        if other in totals.index
        and totals[other] - totals[province_id] > margin(other) + margin(province_id)
    ]
    return max(ahead) if ahead else None


def trajectory(
    scores: pd.DataFrame, provinces: Provinces, province_id: str = LANG_SON
) -> pd.DataFrame:
    """One row per year in `scores`: the province's sub-indices, total (and whether it is
    derived), rank, out of how many provinces, and `relative_rank` (rank ÷ provinces ranked:
    the number of provinces fell from 63 to 34 in 2025, so only this compares across the
    merger); where no rank is stored, `outside_top` (see `outside_top`); and whether its
    sub-indices 1 and 2 are flagged as published equal.

    Unknown figures stay NaN / <NA>. Compare ranks across years; scores only within a year.
    """
    years = sorted(scores["year"].unique())
    own = scores[scores["province_id"] == province_id]
    wide = own.pivot(index="year", columns="measure", values="value")
    wide = wide.reindex(index=years, columns=[*SCORE_MEASURES, "rank"])
    derived, flagged = _derived_keys(scores), _flagged_keys(scores)
    ranked = pd.Series([provinces.ranked(year) for year in years], index=wide.index)
    table = wide.assign(
        rank=wide["rank"].astype("Int64"),
        provinces_ranked=ranked,
        relative_rank=(wide["rank"] / ranked).astype("Float64"),
        outside_top=pd.array(
            [outside_top(scores, year, province_id) for year in years], dtype="Int64"
        ),
        total_derived=[(year, province_id, "total") in derived for year in years],
        equal_sub_indices_1_2=[(year, province_id, "sub_index_1") in flagged for year in years],
    )
    return table.rename_axis(index="year", columns=None).reset_index()


def latest_sub_index_year(scores: pd.DataFrame, province_id: str = LANG_SON) -> int | None:
    """The latest year with any sub-index of the province, or None if none was published."""
    own = scores[
        (scores["province_id"] == province_id) & scores["measure"].isin(SUB_INDEX_MEASURES)
    ]
    return int(own["year"].max()) if len(own) else None


# --- the province against the others ----------------------------------------------------------

# What `standing` says, among all provinces with data and among those of the region.
STANDING_COLUMNS = [
    "provinces_with_data",
    "position",
    "percentile",
    "others_mean",
    "gap_to_others",
    "region_provinces_with_data",
    "region_position",
    "region_percentile",
    "region_others_mean",
    "region_gap_to_others",
]
COMPARISON_COLUMNS = [
    "year",
    "measure",
    "value",
    "derived",
    "flag",
    *STANDING_COLUMNS,
    "national_mean",
    "gap_to_national_mean",
    "derived_values",
    "flagged_values",
]


def _standings(values: pd.Series, province_id: str, region: pd.Series, higher: bool | None) -> dict:
    """`standing` among all provinces with data, then among those of the region (`region_`)."""
    in_region = standing(values[values.index.isin(region)], province_id, higher)
    return {
        **standing(values, province_id, higher),
        **{f"region_{key}": value for key, value in in_region.items() if key != "value"},
    }


def compare(
    scores: pd.DataFrame,
    provinces: Provinces,
    province_id: str = LANG_SON,
    years: list[int] | None = None,
) -> pd.DataFrame:
    """Per year (all in `scores` by default) and score measure: the province's figure against
    every other province with that figure that year, against the others of its region
    (`region_` columns), and against the published national mean (NaN where none was).

    `derived` marks the province's own figure as summed, not published; `flag` says that it is
    a sub-index 1 or 2 published equal to the other. `derived_values` and `flagged_values` count
    such figures among all that are compared. See `standing` for position and percentile.
    """
    region = provinces.region_members(province_id)
    derived, flagged = _derived_keys(scores), _flagged_keys(scores)
    national = scores[scores["province_id"] == NATIONAL_MEAN_ID]
    national = national.set_index(["year", "measure"])["value"]
    records = []
    for year in sorted(scores["year"].unique()) if years is None else years:
        for measure in SCORE_MEASURES:
            values = _values(scores, year, measure)
            keys = [(year, other, measure) for other in values.index]
            record = _standings(values, province_id, region, higher=True)
            own = (year, province_id, measure)
            record |= {
                "year": year,
                "measure": measure,
                "derived": own in derived,
                "flag": EQUAL_1_2_FLAG if own in flagged else "",
                "national_mean": national.get((year, measure), np.nan),
                "derived_values": sum(key in derived for key in keys),
                "flagged_values": sum(key in flagged for key in keys),
            }
            record["gap_to_national_mean"] = record["value"] - record["national_mean"]
            records.append(record)
    table = pd.DataFrame(records, columns=COMPARISON_COLUMNS)
    return table.astype({"year": "int64", "position": "Int64", "region_position": "Int64"})


# --- responsibility beside the scores ---------------------------------------------------------


def _short_names(agency_ids: str, agencies: pd.DataFrame, lang: str) -> str:
    """The short names of the agencies listed in one cell (see `responsibility.concentration`)."""
    names = agencies.set_index("agency_id")[f"short_{lang}"]
    ids = agency_ids.split(resp.AGENCY_SEPARATOR) if agency_ids else []
    return " / ".join(names[agency_id] for agency_id in ids)


def sub_index_structure(tidy: TidyAppendix, sub_indices: pd.DataFrame) -> pd.DataFrame:
    """Per sub-index, how the plan assigns it (measures of `responsibility`): indicators, leads
    and coordinators per indicator, indicators with several leads, the top lead body (all of
    them when several tie: `top_lead_bodies` > 1) and the share of the named bodies' lead credit
    each holds, the share of lead and of coordinator assignments given to vague collectives,
    and the (indicator, body) pairs named both lead and coordinator."""
    assignments, agencies = tidy.assignments, tidy.agencies
    summary = resp.sub_index_summary(tidy.indicators, assignments, sub_indices)
    concentration = resp.concentration(assignments, agencies, by_sub_index=True)
    leading = concentration[concentration["role"] == LEAD].set_index("sub_index")
    parts = assignments.groupby(resp.sub_index_of(assignments["indicator_id"]))
    collective = pd.DataFrame(
        {
            number: resp.collective_share(part, agencies).set_index("role")["collective_share"]
            for number, part in parts
        }
    ).T
    overlaps = resp.role_overlaps(assignments)
    overlap_counts = overlaps.groupby(resp.sub_index_of(overlaps["indicator_id"])).size()
    by_number = summary.set_index("sub_index")
    top = leading["top_agencies"]
    table = by_number[["code", "name_vi", "name_en", "indicators", "several_leads"]].assign(
        leads_per_indicator=by_number["lead_assignments"] / by_number["indicators"],
        coordinators_per_indicator=by_number["coordinator_assignments"] / by_number["indicators"],
        top_lead_bodies=leading["top_bodies"],
        top_leads=top,
        top_leads_vi=top.map(lambda ids: _short_names(ids, agencies, "vi")),
        top_leads_en=top.map(lambda ids: _short_names(ids, agencies, "en")),
        top_lead_share_of_named=leading["top_share_of_named"],
        collective_lead_share=collective[LEAD],
        collective_coordinator_share=collective[COORDINATOR],
        overlaps=overlap_counts.reindex(by_number.index, fill_value=0),
    )
    return table.reset_index()


LINK_SCORE_COLUMNS = [
    "year",
    "value",
    "provinces_with_data",
    "position",
    "others_mean",
    "gap_to_others",
    "region_gap_to_others",
    "flag",
]


def sub_index_link(
    structure: pd.DataFrame, comparison: pd.DataFrame, year: int | None
) -> pd.DataFrame:
    """`sub_index_structure` with the province's score of `year` in each sub-index beside it:
    value, provinces with data, position, the others' mean and the gaps (see `compare`)."""
    rows = comparison[(comparison["year"] == year) & comparison["measure"].isin(SUB_INDEX_MEASURES)]
    rows = rows.assign(sub_index=rows["measure"].map(sub_index_number))
    linked = structure.merge(rows[["sub_index", *LINK_SCORE_COLUMNS]], on="sub_index", how="left")
    linked["flag"] = linked["flag"].fillna("")  # no score, nothing flagged
    return linked.astype({"year": "Int64", "provinces_with_data": "Int64"})


def lead_agency_outcomes(tidy: TidyAppendix, link: pd.DataFrame) -> pd.DataFrame:
    """Per body that leads any indicator and per sub-index it leads in: indicators led (and led
    alone) and how the province scored in that sub-index (from `sub_index_link`). Bodies from
    most to fewest indicators led, as in `responsibility.lead_load`."""
    by_sub_index = resp.lead_load(tidy.assignments, by_sub_index=True)
    led = by_sub_index.loc[by_sub_index["led"] > 0, ["agency_id", "sub_index", "led", "sole_lead"]]
    scored = led.merge(link[["sub_index", *LINK_SCORE_COLUMNS]], on="sub_index", how="left")
    order = resp.lead_load(tidy.assignments)["agency_id"].tolist()
    scored = scored.sort_values(
        ["agency_id", "sub_index"], key=lambda c: c.map(order.index) if c.name == "agency_id" else c
    )
    return resp.with_agency_names(scored.reset_index(drop=True), tidy.agencies)


def lead_agency_summary(agency_outcomes: pd.DataFrame) -> pd.DataFrame:
    """Per lead body: indicators led, the sub-indices they belong to, how many of them lie in a
    sub-index where the province is below the others' mean, of unknown score, or flagged; and
    the mean gap over the indicators it leads (each counted with its sub-index's gap)."""
    rows = agency_outcomes.assign(
        below=agency_outcomes["led"].where(agency_outcomes["gap_to_others"] < 0, 0),
        unknown=agency_outcomes["led"].where(agency_outcomes["value"].isna(), 0),
        flagged=agency_outcomes["led"].where(agency_outcomes["flag"] != "", 0),
        weighted_gap=agency_outcomes["led"] * agency_outcomes["gap_to_others"],
    )
    table = rows.groupby(["agency_id", "short_vi", "short_en", "collective"], sort=False).agg(
        led=("led", "sum"),
        sub_indices=("sub_index", lambda numbers: ", ".join(map(str, numbers))),
        led_where_below_others=("below", "sum"),
        led_where_unknown=("unknown", "sum"),
        led_where_flagged=("flagged", "sum"),
        weighted_gap=("weighted_gap", lambda gaps: gaps.sum(min_count=1)),
    )
    known = table["led"] - table["led_where_unknown"]
    table["mean_gap_of_led"] = table.pop("weighted_gap") / known.where(known > 0)
    return table.reset_index()


# --- indicator-level values, where a user has added them ---------------------------------------


def _direction(indicators: pd.DataFrame, indicator_id: str) -> bool | None:
    """Whether a higher value of the indicator is better; None where the reference gives no
    direction (`higher_is_better` <NA>) or does not list the indicator."""
    higher = indicators.set_index("indicator_id")["higher_is_better"].get(indicator_id, pd.NA)
    return None if pd.isna(higher) else bool(higher)


def indicator_comparison(
    indicator_scores: pd.DataFrame,
    provinces: Provinces,
    indicators: pd.DataFrame,
    province_id: str = LANG_SON,
) -> pd.DataFrame:
    """Per year and indicator with values: the province's value against every other province
    with a value and against its region, respecting each indicator's `higher_is_better`
    (position 1 is the best; `better_than_others` is the gap turned so that positive is better).
    An indicator without a direction is compared without judgement: its direction, positions,
    percentiles and `better_than_others` stay <NA> / NaN (see `standing`).
    No rows when no indicator-level values are stored."""
    region = provinces.region_members(province_id)
    records = []
    groups = indicator_scores.groupby(["year", "indicator_id"], sort=True)
    for (year, indicator_id), rows in groups:
        higher = _direction(indicators, indicator_id)
        values = rows.set_index("province_id")["value"]
        record = {"year": year, "indicator_id": indicator_id, "higher_is_better": higher}
        record |= _standings(values, province_id, region, higher)
        turn = np.nan if higher is None else 1 if higher else -1
        record["better_than_others"] = record["gap_to_others"] * turn
        records.append(record)
    columns = ["year", "indicator_id", "higher_is_better", "value", *STANDING_COLUMNS]
    columns.append("better_than_others")
    return pd.DataFrame(records, columns=columns).astype(
        {
            "year": "int64",
            "higher_is_better": "boolean",
            "position": "Int64",
            "region_position": "Int64",
        }
    )


def indicator_link(tidy: TidyAppendix, comparison: pd.DataFrame) -> pd.DataFrame:
    """`indicator_comparison` beside each indicator's leads and coordinators (named bodies and
    collectives) and its lead bodies."""
    counts = resp.coordinators_per_indicator(tidy.assignments, tidy.agencies)
    leads = tidy.assignments[tidy.assignments["role"] == LEAD]
    lead_bodies = leads.groupby("indicator_id")["agency_id"].agg(", ".join).rename("lead_bodies")
    structure = counts.merge(lead_bodies.reset_index(), on="indicator_id", how="left")
    return comparison.merge(structure, on="indicator_id", how="left")


def indicator_coverage(indicator_scores: pd.DataFrame) -> str:
    """One sentence on the indicator-level values stored: none, or how many for which years."""
    if indicator_scores.empty:
        return (
            "No indicator-level values are stored: the comparison per indicator is empty until "
            "values from VCCI's detailed tables are added with `pgi-analysis scores add`."
        )
    years = ", ".join(map(str, sorted(indicator_scores["year"].unique())))
    return (
        f"{len(indicator_scores)} indicator-level values for "
        f"{indicator_scores['indicator_id'].nunique()} indicators and "
        f"{indicator_scores['province_id'].nunique()} provinces ({years})."
    )
