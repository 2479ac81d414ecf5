"""What the stored PGI figures cover each year, and the rule that picks the year a comparison
rests on.

A comparison of one province with "the others" says as much as the others are many. VCCI ranks
every province each year, but the stored figures cover only some of them (data/pgi/SOURCES.md),
and a maintainer may add a year with only a few provinces filled in. The rule: a year is *well
covered* for a measure when at least `MIN_COVERAGE` of the provinces ranked that year have it.
The headline comparison uses the latest well-covered year; a later, thin year is shown beside it
with its `n` and a warning, never in its place. Nothing switches silently.
"""

from __future__ import annotations

import pandas as pd

from pgi_analysis.reference import NATIONAL_MEAN_ID, Provinces
from pgi_analysis.vocabulary import MEASURES, SUB_INDEX_MEASURES

MIN_COVERAGE = 0.5
"""The share of the provinces ranked in a year that must have a figure for a comparison on it
to be the headline. Below half, which provinces happen to be in the group decides a province's
position and the others' mean more than the provinces' scores do: the 2024 sub-indices, for
instance, come from the table of provinces *outside* the top 30, so a group of them leans
towards the lower half. At half or more, the group holds the median province and most of the
field. A thin year is still shown, with its `n`, beside the headline year."""

MEASURE_GROUPS = {
    "sub_indices": SUB_INDEX_MEASURES,
    "total": ("total",),
    "rank": ("rank",),
    "any": MEASURES,
}


def year_values(scores: pd.DataFrame, year: int, measure: str) -> pd.Series:
    """The provinces' published (or derived) `measure` in `year`, by province_id; the national
    mean left out. Only provinces with the figure are listed."""
    rows = scores[
        (scores["year"] == year)
        & (scores["measure"] == measure)
        & (scores["province_id"] != NATIONAL_MEAN_ID)
    ]
    return rows.set_index("province_id")["value"]


def figure_keys(rows: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, province_id, measure) of each row of a scores table."""
    return set(zip(rows["year"], rows["province_id"], rows["measure"], strict=True))


def derived_keys(scores: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, province_id, measure) of the totals summed here, not published."""
    return figure_keys(scores[scores["derived"]])


def year_coverage(scores: pd.DataFrame, provinces: Provinces) -> pd.DataFrame:
    """Per year in `scores` and measure: how many provinces have the figure (`n`, the national
    mean left out), how many PGI ranked that year, the share, and whether the year is well
    covered for that measure (share ≥ `MIN_COVERAGE`)."""
    provinces_only = scores[scores["province_id"] != NATIONAL_MEAN_ID]
    counts = provinces_only.groupby(["year", "measure"])["province_id"].nunique()
    years = sorted(scores["year"].unique())
    index = pd.MultiIndex.from_product([years, MEASURES], names=["year", "measure"])
    table = counts.reindex(index, fill_value=0).rename("n").reset_index()
    table["n"] = table["n"].astype("int64")
    table["provinces_ranked"] = table["year"].map(provinces.ranked).astype("int64")
    table["share"] = table["n"] / table["provinces_ranked"]
    table["well_covered"] = table["share"] >= MIN_COVERAGE
    return table


def group_coverage(
    scores: pd.DataFrame, provinces: Provinces, measure_group: str = "sub_indices"
) -> pd.DataFrame:
    """Per year: the fewest and the most provinces with a measure of the group (the four
    sub-indices need not have the same `n`), out of how many ranked, and whether the year is well
    covered for the whole group (its fewest reach `MIN_COVERAGE`)."""
    table = year_coverage(scores, provinces)
    table = table[table["measure"].isin(MEASURE_GROUPS[measure_group])]
    grouped = table.groupby("year").agg(
        fewest=("n", "min"), most=("n", "max"), provinces_ranked=("provinces_ranked", "first")
    )
    grouped["share"] = grouped["fewest"] / grouped["provinces_ranked"]
    grouped["well_covered"] = grouped["share"] >= MIN_COVERAGE
    return grouped.reset_index()


def _years_with(
    scores: pd.DataFrame, measure_group: str, province_id: str | None = None
) -> list[int]:
    """The years with a figure of the group (of `province_id` if given), oldest first."""
    rows = scores[
        scores["measure"].isin(MEASURE_GROUPS[measure_group])
        & (scores["province_id"] != NATIONAL_MEAN_ID)
    ]
    if province_id is not None:
        rows = rows[rows["province_id"] == province_id]
    return sorted(int(year) for year in rows["year"].unique())


def latest_year(
    scores: pd.DataFrame, measure_group: str = "any", province_id: str | None = None
) -> int | None:
    """The latest year with any figure of the group (of `province_id` if given), however few
    provinces have it; None if there is none."""
    years = _years_with(scores, measure_group, province_id)
    return years[-1] if years else None


def headline_year(
    scores: pd.DataFrame,
    provinces: Provinces,
    measure_group: str = "sub_indices",
    province_id: str | None = None,
) -> int | None:
    """The latest year well covered for the whole group (`group_coverage`) in which
    `province_id`, if given, has a figure of the group; None if no year qualifies."""
    covered = group_coverage(scores, provinces, measure_group)
    well = set(covered.loc[covered["well_covered"], "year"])
    years = [year for year in _years_with(scores, measure_group, province_id) if year in well]
    return years[-1] if years else None


def comparison_years(
    scores: pd.DataFrame,
    provinces: Provinces,
    measure_group: str = "sub_indices",
    province_id: str | None = None,
) -> list[int]:
    """The years a comparison shows: the headline year, then the latest year with the
    province's figures if that one is later (and so thin). Empty when there is neither."""
    headline = headline_year(scores, provinces, measure_group, province_id)
    latest = latest_year(scores, measure_group, province_id)
    return [year for year in dict.fromkeys([headline, latest]) if year is not None]


def intervals_published(scores: pd.DataFrame, years: list[int] | None = None) -> bool:
    """Whether any stored figure (of `years`, by default all) comes with a confidence interval.
    VCCI publishes none so far (data/reference/PROVENANCE.md): without them, differences of a
    few tenths of a point between provinces may be sampling noise."""
    rows = scores if years is None else scores[scores["year"].isin(years)]
    return bool((rows["ci_low"].notna() & rows["ci_high"].notna()).any())
