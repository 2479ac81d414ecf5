"""Where a province's rank lies when VCCI did not publish it: the best and the worst rank that
every stored figure of the year allows, and the premises that bound rests on.

Premises, stated wherever a bound is used:

1. PGI ranks follow the totals: a province whose total is higher ranks ahead.
2. Rounding: a published total is taken as exact; a total summed here from the four published
   sub-indices (`derived`) may differ from the one VCCI would print by up to `scores.TOLERANCE`.
   So one province is *surely above* another when its total is higher by more than the sum of
   their margins (0 for a published total, `TOLERANCE` for a derived one).
3. The year of every stored figure is right; where a source printed no year and the year was
   inferred, its rows say so in `note`, and a bound resting on them says so too.

From these, three rules, applied to every province of the year at once:

- A published rank r fixes the rank: best = worst = r.
- *A complete list*: when the provinces surely below the province ranked k (published rank)
  are exactly N − k (N provinces ranked that year), they fill the places k + 1 … N, so every
  other province is in the top k − 1. In 2024 the 33 provinces of the all-province sub-index
  table are all below the 30th (Gia Lai, 25.05): they are the provinces outside the top 30.
- Counting: a province has at least as many provinces ahead as are surely above it, and if one
  of those, Q, cannot rank better than b, then the b − 1 ahead of Q, Q itself, and every other
  province surely above ours but surely below Q are all ahead (and the same behind). A place
  held by a published rank is no other province's.

Only these rules are applied, once each; a bound is never guessed or interpolated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pgi_analysis.coverage import derived_keys, year_values
from pgi_analysis.reference import Provinces
from pgi_analysis.scores import TOLERANCE

PUBLISHED, IMPLIED, BOUNDED, UNKNOWN, CONTRADICTORY = (
    "published",
    "implied",
    "bounded",
    "unknown",
    "contradictory",
)
RANK_STATUSES = (PUBLISHED, IMPLIED, BOUNDED, UNKNOWN, CONTRADICTORY)
"""published: VCCI printed the rank. implied: the stored figures leave one rank possible.
bounded: they narrow it to a range. unknown: every rank is still possible. contradictory: the
stored figures contradict the premises (e.g. a published rank out of line with the totals)."""

_INFERRED_YEAR = re.compile(r"\binferred\b", re.IGNORECASE)  # as the rows' notes say it
_EPSILON = 1e-9  # floating-point slack when a gap equals the margin


def _above_by_total(totals: np.ndarray, margins: np.ndarray) -> np.ndarray:
    """above[i, j]: the total of i exceeds that of j by more than rounding (premise 2)."""
    with np.errstate(invalid="ignore"):
        gap = totals[:, None] - totals[None, :]
        return np.nan_to_num(gap - (margins[:, None] + margins[None, :]), nan=-1.0) > _EPSILON


@dataclass(frozen=True)
class CompleteList:
    """The provinces surely below the province ranked `rank`, when they are exactly the N − rank
    that fill the places after it."""

    rank: int
    province_id: str  # the province with that published rank
    total: float
    total_derived: bool
    members: frozenset[str]


@dataclass(frozen=True)
class YearRanks:
    """The stored ranks and totals of one year, and what they allow about every province."""

    year: int
    ids: tuple[str, ...]  # the provinces ranked that year, sorted
    rank: np.ndarray  # published rank, NaN where none
    total: np.ndarray  # published or derived total, NaN where none
    total_derived: np.ndarray
    lists: tuple[CompleteList, ...]  # highest rank first
    by_total: np.ndarray  # by_total[i, j]: the total of i is above that of j beyond rounding
    low: np.ndarray  # best rank allowed by published ranks and complete lists
    high: np.ndarray  # worst rank allowed by them
    above: np.ndarray  # above[i, j]: i surely ranks ahead of j

    @property
    def count(self) -> int:
        return len(self.ids)

    def position(self, province_id: str) -> int:
        return self.ids.index(province_id)


def _complete_lists(
    ids: tuple[str, ...], rank: np.ndarray, by_total: np.ndarray, total, derived
) -> tuple[CompleteList, ...]:
    count = len(ids)
    lists = []
    for holder in np.flatnonzero(~np.isnan(rank)):
        place = int(rank[holder])
        below = by_total[holder] | (np.nan_to_num(rank, nan=0) > place)
        if place < count and below.sum() == count - place and not np.isnan(total[holder]):
            members = frozenset(ids[i] for i in np.flatnonzero(below))
            lists.append(
                CompleteList(place, ids[holder], total[holder], bool(derived[holder]), members)
            )
    return tuple(sorted(lists, key=lambda found: -found.rank))


def year_ranks(scores: pd.DataFrame, provinces: Provinces, year: int) -> YearRanks:
    """What the stored ranks and totals of `year` allow (see the module's rules)."""
    ids = tuple(sorted(provinces.ids(year)))
    count = len(ids)
    ranks, totals = year_values(scores, year, "rank"), year_values(scores, year, "total")
    derived = derived_keys(scores)
    rank = ranks.reindex(ids).to_numpy(dtype=float)
    total = totals.reindex(ids).to_numpy(dtype=float)
    total_derived = np.array([(year, pid, "total") in derived for pid in ids])
    by_total = _above_by_total(total, np.where(total_derived, TOLERANCE, 0.0))
    lists = _complete_lists(ids, rank, by_total, total, total_derived)
    low = np.where(np.isnan(rank), 1, rank).astype(int)
    high = np.where(np.isnan(rank), count, rank).astype(int)
    for found in lists:
        inside = np.array([pid in found.members for pid in ids])
        holder = np.array([pid == found.province_id for pid in ids])
        low = np.where(inside, np.maximum(low, found.rank + 1), low)
        high = np.where(~inside & ~holder, np.minimum(high, found.rank - 1), high)
    above = by_total | (high[:, None] < low[None, :])
    return YearRanks(year, ids, rank, total, total_derived, lists, by_total, low, high, above)


def _bounds(ranks: YearRanks, index: int) -> tuple[int, int, int, int]:
    """(best, worst, at least ahead, at least behind) of the province at `index`."""
    above = ranks.above
    ahead_of, behind_of = above[:, index], above[index, :]
    ahead = int(ahead_of.sum())
    for other in np.flatnonzero(ahead_of):
        ahead = max(ahead, int(ranks.low[other]) + int((above[other] & ahead_of).sum()))
    behind = int(behind_of.sum())
    for other in np.flatnonzero(behind_of):
        beyond = ranks.count - int(ranks.high[other]) + 1
        behind = max(behind, beyond + int((above[:, other] & behind_of).sum()))
    best = max(int(ranks.low[index]), ahead + 1)
    worst = min(int(ranks.high[index]), ranks.count - behind)
    taken = set(ranks.rank[~np.isnan(ranks.rank)].astype(int))  # places of published ranks
    while best in taken:
        best += 1
    while worst in taken:
        worst -= 1
    return best, worst, ahead, behind


def _status(published: bool, best: int, worst: int, count: int) -> str:
    if published:
        return PUBLISHED
    if best > worst:
        return CONTRADICTORY
    if best == worst:
        return IMPLIED
    return UNKNOWN if (best, worst) == (1, count) else BOUNDED


def rank_bounds(scores: pd.DataFrame, provinces: Provinces, year: int) -> pd.DataFrame:
    """Every province ranked in `year`: its published rank (<NA> if none), the best and worst
    rank the stored figures allow (<NA> where they contradict each other), the status
    (`RANK_STATUSES`), its total and whether it is derived, and how many provinces are at least
    ahead of it and at least behind it (exactly, for a published rank)."""
    return _bounds_table(year_ranks(scores, provinces, year))


def _bounds_table(ranks: YearRanks) -> pd.DataFrame:
    records = []
    for index, province_id in enumerate(ranks.ids):
        best, worst, ahead, behind = _bounds(ranks, index)
        published = not np.isnan(ranks.rank[index])
        if published:
            best = worst = int(ranks.rank[index])
            ahead, behind = best - 1, ranks.count - best
        status = _status(published, best, worst, ranks.count)
        if status == CONTRADICTORY:
            best = worst = pd.NA
        records.append(
            (
                province_id,
                ranks.rank[index],
                best,
                worst,
                status,
                ranks.total[index],
                bool(ranks.total_derived[index]),
                ahead,
                behind,
            )
        )
    columns = ["province_id", "rank", "rank_best", "rank_worst", "rank_status", "total"]
    columns += ["total_derived", "ahead", "behind"]
    table = pd.DataFrame(records, columns=columns)
    return table.astype({"rank": "Int64", "rank_best": "Int64", "rank_worst": "Int64"})


def _ranked_ahead_by_total(ranks: YearRanks, index: int) -> int | None:
    ranked = ~np.isnan(ranks.rank)
    if ranked[index] or np.isnan(ranks.total[index]):
        return None
    ahead = ranks.rank[ranked & ranks.by_total[:, index]]
    return int(ahead.max()) if len(ahead) else None


def outside_top(
    scores: pd.DataFrame, provinces: Provinces, year: int, province_id: str
) -> int | None:
    """For a province without a stored rank in `year`: the highest stored rank held by a
    province whose total is above its own by more than rounding (so the province ranks below
    it). None if its rank is stored, its total is unknown, or no ranked province is known to
    score higher. One of the facts `rank_bounds` combines; `rank_best` and `rank_worst` say
    more."""
    ranks = year_ranks(scores, provinces, year)
    return _ranked_ahead_by_total(ranks, ranks.position(province_id))


# --- premises, as the sentences that state them need them ---------------------------------------


def _inferred_notes(scores: pd.DataFrame, year: int, province_ids: set[str]) -> str:
    """The distinct notes saying a figure's year was inferred, on the rows of `province_ids`."""
    rows = scores[(scores["year"] == year) & scores["province_id"].isin(province_ids)]
    notes = [note for note in rows["note"] if _INFERRED_YEAR.search(note)]
    return "; ".join(dict.fromkeys(notes))


def _relevant_list(ranks: YearRanks, province_id: str) -> CompleteList | None:
    """The complete list that says most about the province: the one of the highest rank it is
    in, else the one of the lowest rank it is not in (it is then in the top rank − 1)."""
    holding = [found for found in ranks.lists if province_id in found.members]
    if holding:
        return holding[0]
    return ranks.lists[-1] if ranks.lists else None


PREMISE_COLUMNS = [
    "year",
    "provinces_ranked",
    "rank",
    "rank_best",
    "rank_worst",
    "rank_status",
    "total",
    "total_derived",
    "ahead",
    "behind",
    "ranked_ahead_by_total",
    "list_rank",
    "list_province_id",
    "list_total",
    "list_total_derived",
    "list_size",
    "in_list",
    "list_above",
    "list_below",
    "list_level",
    "derived_totals_compared",
    "inferred_year_note",
]


def rank_premises(
    scores: pd.DataFrame,
    provinces: Provinces,
    province_id: str,
    years: list[int] | None = None,
) -> pd.DataFrame:
    """Per year (all in `scores` by default), the ingredients of the sentences that state the
    province's rank and what it rests on: the bounds (`rank_bounds`); the highest published rank
    held by a province surely above it by total (`ranked_ahead_by_total`); the complete list used
    (`list_*`: the rank and province it is below, its size, whether the province is in it, and
    how many of the list's other provinces are above, below or within rounding of it); whether
    derived totals enter the comparison (premise 2); and the notes saying that the year of the
    figures used was inferred (premise 3), "" if none."""
    records = []
    for year in sorted(scores["year"].unique()) if years is None else years:
        ranks = year_ranks(scores, provinces, year)
        index = ranks.position(province_id)
        bounds = _bounds_table(ranks).iloc[index]
        found = _relevant_list(ranks, province_id)
        record = {
            "year": year,
            "provinces_ranked": ranks.count,
            **bounds.drop("province_id").to_dict(),
            "ranked_ahead_by_total": _ranked_ahead_by_total(ranks, index),
            "derived_totals_compared": bool(ranks.total_derived[index]),
        }
        used = {province_id}
        if found is not None:
            others = [ranks.position(pid) for pid in sorted(found.members - {province_id})]
            above = int(ranks.by_total[others, index].sum())
            below = int(ranks.by_total[index, others].sum())
            record |= {
                "list_rank": found.rank,
                "list_province_id": found.province_id,
                "list_total": found.total,
                "list_total_derived": found.total_derived,
                "list_size": len(found.members),
                "in_list": province_id in found.members,
                "list_above": above,
                "list_below": below,
                "list_level": len(others) - above - below,
            }
            record["derived_totals_compared"] |= found.total_derived or bool(
                ranks.total_derived[others].any()
            )
            used |= found.members
        record["inferred_year_note"] = _inferred_notes(scores, year, used)
        records.append(record)
    table = pd.DataFrame(records, columns=PREMISE_COLUMNS)
    counts = ["rank", "rank_best", "rank_worst", "ranked_ahead_by_total", "list_rank"]
    counts += ["list_size", "list_above", "list_below", "list_level"]
    table[counts] = table[counts].astype("Int64")
    return table.astype({"year": "int64", "in_list": "boolean", "list_total_derived": "boolean"})


# --- within the region ----------------------------------------------------------------------------

AHEAD, BEHIND, UNDECIDED = "ahead", "behind", "undecided"


def _relation(by_total: np.ndarray, mine: pd.Series, theirs: pd.Series) -> tuple[str, str]:
    """(relation, basis) of another province to ours: `by_total` is (theirs above mine, mine
    above theirs); `mine` and `theirs` are rows of `rank_bounds`."""
    if mine["rank_status"] == theirs["rank_status"] == PUBLISHED:
        ahead = theirs["rank_best"] < mine["rank_best"]
        return (AHEAD if ahead else BEHIND), "published ranks"
    if by_total[0] or by_total[1]:
        return (AHEAD if by_total[0] else BEHIND), "totals"
    if pd.isna(mine["rank_best"]) or pd.isna(theirs["rank_best"]):
        return UNDECIDED, ""
    if theirs["rank_worst"] < mine["rank_best"]:
        return AHEAD, "rank bounds"
    if theirs["rank_best"] > mine["rank_worst"]:
        return BEHIND, "rank bounds"
    return UNDECIDED, ""


def regional_rank_bounds(
    scores: pd.DataFrame, provinces: Provinces, year: int, province_id: str
) -> pd.DataFrame:
    """Every other province of the province's region ranked in `year`: whether it is surely
    ahead of the province, surely behind, or undecided, and on what basis (`published ranks`,
    `totals` beyond rounding, or `rank bounds`, which rest on the premises of `rank_premises`);
    whether it has any stored figure that year, whether it is in the complete list used for the
    province (`rank_premises`: <NA> when there is none), its rank bounds and its total.

    The province's position in its region follows (`regional_position`)."""
    ranks = year_ranks(scores, provinces, year)
    return _regional(ranks, _bounds_table(ranks), scores, provinces, province_id)


def _regional(
    ranks: YearRanks,
    bounds: pd.DataFrame,
    scores: pd.DataFrame,
    provinces: Provinces,
    province_id: str,
) -> pd.DataFrame:
    """`regional_rank_bounds` from the year's ranks and their `_bounds_table`."""
    bounds = bounds.set_index("province_id")
    own = ranks.position(province_id)
    stored = set(scores.loc[scores["year"] == ranks.year, "province_id"])
    found = _relevant_list(ranks, province_id)
    records = []
    for other in provinces.region_members(province_id):
        if other == province_id or other not in ranks.ids:
            continue
        index = ranks.position(other)
        pair = (ranks.by_total[index, own], ranks.by_total[own, index])
        theirs = bounds.loc[other]
        relation, basis = _relation(pair, bounds.loc[province_id], theirs)
        records.append(
            (
                other,
                relation,
                basis,
                other in stored,
                pd.NA if found is None else other in found.members,
                theirs["rank_best"],
                theirs["rank_worst"],
                theirs["total"],
            )
        )
    columns = ["province_id", "relation", "basis", "has_figures", "in_list", "rank_best"]
    table = pd.DataFrame(records, columns=[*columns, "rank_worst", "total"])
    return table.astype({"in_list": "boolean", "rank_best": "Int64", "rank_worst": "Int64"})


def regional_position(
    scores: pd.DataFrame, provinces: Provinces, year: int, province_id: str
) -> tuple[int, int, int, str]:
    """(the region's size that year, best position, worst position, status) of the province in
    its region: 1 + the members surely ahead at best, the size less those surely behind at worst
    (`regional_rank_bounds`); and no better than its national rank leaves room for (a province
    ranked r nationally has at most r − 1 of its region ahead, at most N − r behind)."""
    ranks = year_ranks(scores, provinces, year)
    bounds = _bounds_table(ranks)
    relations = _regional(ranks, bounds, scores, provinces, province_id)
    size = len(relations) + 1
    best = 1 + int((relations["relation"] == AHEAD).sum())
    worst = size - int((relations["relation"] == BEHIND).sum())
    national = bounds.set_index("province_id").loc[province_id]
    if not pd.isna(national["rank_best"]):
        best = max(best, size - (ranks.count - int(national["rank_best"])))
        worst = min(worst, int(national["rank_worst"]))
    return size, best, worst, _status(False, best, worst, size)
