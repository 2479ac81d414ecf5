"""Who the provinces compared in a year are, and what their selection does to a comparison.

The 2024 sub-indices are stored for the provinces of VCCI's table of those *outside* the top 30
(and a few others): a group chosen for low totals. Within such a group a province that scores
high on one sub-index must score low on another to stay below the cut, so the selection alone
makes sub-indices look negatively correlated, and a gap to the group's mean compares a province
with the lower-ranked provinces, not with all. The published national mean, where there is one,
is the fair yardstick for the total.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pgi_analysis import ranks
from pgi_analysis.reference import NATIONAL_MEAN_ID, Provinces
from pgi_analysis.vocabulary import SUB_INDEX_MEASURES, sub_index_number


def sub_index_table(scores: pd.DataFrame, year: int) -> pd.DataFrame:
    """The provinces with all four sub-indices in `year`: one row each, a column per sub-index."""
    rows = scores[
        (scores["year"] == year)
        & scores["measure"].isin(SUB_INDEX_MEASURES)
        & (scores["province_id"] != NATIONAL_MEAN_ID)
    ]
    wide = rows.pivot(index="province_id", columns="measure", values="value")
    return wide.reindex(columns=list(SUB_INDEX_MEASURES)).dropna().rename_axis(columns=None)


def sub_index_correlations(table: pd.DataFrame) -> pd.DataFrame:
    """Per pair of sub-indices: the correlation of the provinces' scores over `table` (of
    `sub_index_table`), and over how many provinces."""
    matrix = table.corr()
    pairs = [
        (sub_index_number(a), sub_index_number(b), len(table), matrix.at[a, b])
        for index, a in enumerate(SUB_INDEX_MEASURES)
        for b in SUB_INDEX_MEASURES[index + 1 :]
    ]
    return pd.DataFrame(pairs, columns=["sub_index_a", "sub_index_b", "provinces", "correlation"])


@dataclass(frozen=True, eq=False)
class ComparisonGroup:
    """Who the provinces compared on sub-indices in a year are, and how they were selected."""

    year: int
    provinces: int  # with all four sub-indices
    from_list: int  # of them, in the stored list of the provinces outside the top `top`
    top: int | None  # None when no complete list is stored that year
    correlations: pd.DataFrame  # `sub_index_correlations` over the group

    @property
    def negative_pairs(self) -> int:
        return int((self.correlations["correlation"] < 0).sum())

    @property
    def selected_for_low_totals(self) -> bool:
        """Whether most of the group is the list of provinces outside the top: chosen for low
        totals, so that a high score on one sub-index tends to go with low ones on the others
        (selection, not a trade-off between sub-indices)."""
        return self.top is not None and 2 * self.from_list > self.provinces


def comparison_group(scores: pd.DataFrame, provinces: Provinces, year: int) -> ComparisonGroup:
    """The provinces with the four sub-indices in `year`, how many of them belong to the stored
    list of the provinces outside the top k (`ranks`: the list below the highest published rank
    that completes one), and the correlations between sub-indices among them."""
    table = sub_index_table(scores, year)
    group = set(table.index)
    lists = ranks.year_ranks(scores, provinces, year).lists
    found = lists[0] if lists else None
    return ComparisonGroup(
        year=year,
        provinces=len(group),
        from_list=len(group & found.members) if found else 0,
        top=found.rank if found else None,
        correlations=sub_index_correlations(table),
    )
