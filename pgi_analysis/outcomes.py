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

Which year a comparison rests on is chosen by rule (`coverage`): a thin year is shown beside the
last well-covered one, never in its place. Ranks VCCI did not publish are bounded from every stored
table, with their premises (`ranks`). When each survey took place relative to the plans is in
`timing`: every stored score predates Plan 18/KH-UBND and is its baseline.

With four sub-indices, setting responsibility beside scores describes; it cannot test whether the
one explains the other. Nothing here scores an agency: `exposure` lists the indicators each body
answers for beside the scores of their sub-indices, without averaging them into a gap per body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pgi_analysis import coverage as cover
from pgi_analysis import ranks, reference
from pgi_analysis import responsibility as resp
from pgi_analysis.appendix import TidyAppendix, load_appendix
from pgi_analysis.coverage import derived_keys, figure_keys, year_values
from pgi_analysis.reference import NATIONAL_MEAN_ID, Plan, Provinces
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
    plans: tuple[Plan, ...] = field(default_factory=reference.plans)
    editions: pd.DataFrame = field(default_factory=reference.editions)


def load_outcome_data(pgi_dir: Path | None = None) -> OutcomeData:
    """The stored figures (of `pgi_dir`, by default data/pgi/), the appendix, the province's
    plans and the PGI editions, read afresh."""
    return OutcomeData(
        scores=load_scores(pgi_dir),
        indicator_scores=load_indicator_scores(pgi_dir),
        provinces=reference.provinces(),
        tidy=load_appendix(),
        sub_indices=reference.sub_indices(),
        plans=reference.plans(),
        editions=reference.editions(),
    )


# --- building blocks --------------------------------------------------------------------------


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
    values = year_values(scores, year, measure)
    keys = [(year, other, measure) for other in values.index]
    derived, flagged = derived_keys(scores), _flagged_keys(scores)
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


def _flagged_keys(scores: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, province_id, measure) of sub-indices 1 and 2 in rows where the two are equal."""
    equal = equal_sub_indices_1_2(scores)[["year", "province_id"]]
    return figure_keys(scores[scores["measure"].isin(SUB_INDEX_MEASURES[:2])].merge(equal))


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


def trajectory(
    scores: pd.DataFrame, provinces: Provinces, province_id: str = LANG_SON
) -> pd.DataFrame:
    """One row per year in `scores`: the province's sub-indices, total (and whether it is
    derived), rank as published, out of how many provinces, and `relative_rank` (rank ÷
    provinces ranked: the number of provinces fell from 63 to 34 in 2025, so only this compares
    across the merger); whether its sub-indices 1 and 2 are flagged as published equal.

    Its rank as the stored figures allow it (`ranks`): `rank_best`, `rank_worst` and
    `rank_status` (`ranks.RANK_STATUSES`: published, implied when one rank is left, bounded,
    unknown, contradictory); `outside_top`, the highest published rank of a province surely
    above it by total (`ranks.outside_top`). Its position in its region likewise:
    `region_provinces` ranked that year, `region_rank_best`, `region_rank_worst`,
    `region_rank_status` (`ranks.regional_position`). What the bounds rest on is in
    `ranks.rank_premises`.

    Unknown figures stay NaN / <NA>. Compare ranks across years; scores only within a year.
    """
    years = sorted(scores["year"].unique())
    own = scores[scores["province_id"] == province_id]
    wide = own.pivot(index="year", columns="measure", values="value")
    wide = wide.reindex(index=years, columns=[*SCORE_MEASURES, "rank"])
    derived, flagged = derived_keys(scores), _flagged_keys(scores)
    ranked = pd.Series([provinces.ranked(year) for year in years], index=wide.index)
    premises = ranks.rank_premises(scores, provinces, province_id, years).set_index("year")
    regional = [ranks.regional_position(scores, provinces, year, province_id) for year in years]
    size, region_best, region_worst, region_status = zip(*regional, strict=True)
    table = wide.assign(
        rank=wide["rank"].astype("Int64"),
        provinces_ranked=ranked,
        relative_rank=(wide["rank"] / ranked).astype("Float64"),
        rank_best=premises["rank_best"],
        rank_worst=premises["rank_worst"],
        rank_status=premises["rank_status"],
        outside_top=premises["ranked_ahead_by_total"],
        region_provinces=list(size),
        region_rank_best=list(region_best),
        region_rank_worst=list(region_worst),
        region_rank_status=list(region_status),
        total_derived=[(year, province_id, "total") in derived for year in years],
        equal_sub_indices_1_2=[(year, province_id, "sub_index_1") in flagged for year in years],
    )
    return table.rename_axis(index="year", columns=None).reset_index()


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
    "provinces_ranked",
    "coverage_share",
    "well_covered",
    *STANDING_COLUMNS,
    "national_mean",
    "gap_to_national_mean",
    "relative_to_others",
    "region_relative_to_others",
    "relative_to_national_mean",
    "gap_within_intervals",
    "region_gap_within_intervals",
    "national_gap_within_intervals",
    "derived_values",
    "flagged_values",
]
ABOVE, LEVEL, BELOW = "above", "level", "below"
LEVEL_MARGIN = TOLERANCE
"""A gap no larger than this is `level`, neither above nor below: published figures carry two
decimals and differ from one another by rounding up to `scores.TOLERANCE` (SOURCES.md). Without
published intervals a gap of a few tenths may still be sampling noise
(`coverage.intervals_published`)."""


def relative(gap: float) -> str | None:
    """`above`, `level` (within `LEVEL_MARGIN`) or `below`; None for an unknown gap."""
    if pd.isna(gap):
        return None
    if abs(gap) <= LEVEL_MARGIN + 1e-9:
        return LEVEL
    return ABOVE if gap > 0 else BELOW


def within_intervals(interval: tuple[float, float], other: float, other_interval=None):
    """Whether a figure's published interval overlaps the figure it is compared with (its own
    interval where it has one, else the value itself): the gap is then inside the uncertainty.
    <NA> when the figure has no interval or the other is unknown."""
    low, high = interval
    if pd.isna(low) or pd.isna(high) or pd.isna(other):
        return pd.NA
    other_low, other_high = other_interval or (np.nan, np.nan)
    other_low = other if pd.isna(other_low) else other_low
    other_high = other if pd.isna(other_high) else other_high
    return bool(low <= other_high and other_low <= high)


def _standings(values: pd.Series, province_id: str, region: pd.Series, higher: bool | None) -> dict:
    """`standing` among all provinces with data, then among those of the region (`region_`)."""
    in_region = standing(values[values.index.isin(region)], province_id, higher)
    return {
        **standing(values, province_id, higher),
        **{f"region_{key}": value for key, value in in_region.items() if key != "value"},
    }


def _intervals(scores: pd.DataFrame) -> pd.DataFrame:
    """(ci_low, ci_high) by year, province_id and measure."""
    return scores.set_index(["year", "province_id", "measure"])[["ci_low", "ci_high"]]


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
    a sub-index 1 or 2 published equal to the other. `coverage_share` is the share of the
    provinces ranked that year that have the figure; `well_covered` whether it reaches
    `coverage.MIN_COVERAGE` (a thin year is no headline). `relative_to_*` say above, level or
    below (`relative`); `*_gap_within_intervals` whether the gap lies inside the published
    intervals (<NA> where none are published). `derived_values` and `flagged_values` count
    derived and flagged figures among all that are compared. See `standing` for position and
    percentile.
    """
    region = provinces.region_members(province_id)
    derived, flagged = derived_keys(scores), _flagged_keys(scores)
    intervals = _intervals(scores)
    national = scores[scores["province_id"] == NATIONAL_MEAN_ID]
    national = national.set_index(["year", "measure"])["value"]
    records = []
    for year in sorted(scores["year"].unique()) if years is None else years:
        ranked = provinces.ranked(year)
        for measure in SCORE_MEASURES:
            values = year_values(scores, year, measure)
            keys = [(year, other, measure) for other in values.index]
            record = _standings(values, province_id, region, higher=True)
            own = (year, province_id, measure)
            interval = tuple(intervals.loc[own]) if own in intervals.index else (np.nan,) * 2
            national_key = (year, NATIONAL_MEAN_ID, measure)
            national_interval = (
                tuple(intervals.loc[national_key]) if national_key in intervals.index else None
            )
            record |= {
                "year": year,
                "measure": measure,
                "derived": own in derived,
                "flag": EQUAL_1_2_FLAG if own in flagged else "",
                "provinces_ranked": ranked,
                "coverage_share": len(values) / ranked,
                "well_covered": len(values) / ranked >= cover.MIN_COVERAGE,
                "national_mean": national.get((year, measure), np.nan),
                "derived_values": sum(key in derived for key in keys),
                "flagged_values": sum(key in flagged for key in keys),
            }
            record["gap_to_national_mean"] = record["value"] - record["national_mean"]
            for prefix, mean in (("", "others_mean"), ("region_", "region_others_mean")):
                record[f"{prefix}relative_to_others"] = relative(record[f"{prefix}gap_to_others"])
                record[f"{prefix}gap_within_intervals"] = within_intervals(interval, record[mean])
            record["relative_to_national_mean"] = relative(record["gap_to_national_mean"])
            record["national_gap_within_intervals"] = within_intervals(
                interval, record["national_mean"], national_interval
            )
            records.append(record)
    table = pd.DataFrame(records, columns=COMPARISON_COLUMNS)
    within = [column for column in COMPARISON_COLUMNS if column.endswith("within_intervals")]
    return table.astype(
        {
            "year": "int64",
            "provinces_ranked": "int64",
            "position": "Int64",
            "region_position": "Int64",
            **dict.fromkeys(within, "boolean"),
        }
    )


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
    "relative_to_others",
    "region_gap_to_others",
    "well_covered",
    "flag",
]


def sub_index_link(
    structure: pd.DataFrame, comparison: pd.DataFrame, year: int | None
) -> pd.DataFrame:
    """`sub_index_structure` with the province's score of `year` in each sub-index beside it:
    value, provinces with data, position, the others' mean, the gaps, whether the score is
    above, level or below the others' mean, and whether the year is well covered (see
    `compare`)."""
    rows = comparison[(comparison["year"] == year) & comparison["measure"].isin(SUB_INDEX_MEASURES)]
    rows = rows.assign(sub_index=rows["measure"].map(sub_index_number))
    linked = structure.merge(rows[["sub_index", *LINK_SCORE_COLUMNS]], on="sub_index", how="left")
    linked["flag"] = linked["flag"].fillna("")  # no score, nothing flagged
    return linked.astype({"year": "Int64", "provinces_with_data": "Int64"})


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
