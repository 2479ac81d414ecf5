"""How unequally a quantity is held: measures of a series of weights, one per holder.

Pure arithmetic on a pandas Series indexed by holder; `responsibility` decides what the weights
are (lead credit, coordinator assignments) and who counts as a holder.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def herfindahl(weights: pd.Series) -> float:
    """Herfindahl–Hirschman index of the shares: 1 when one holder has everything, 1/n when n
    holders have equal parts; NaN when nobody holds anything."""
    if not weights.sum() > 0:
        return float("nan")
    shares = weights / weights.sum()
    return float((shares**2).sum())


def herfindahl_floor(units: int, holders: int) -> float:
    """The smallest Herfindahl–Hirschman index that `units` whole units (indicators, or
    coordinator assignments) can have among `holders`: each unit to one holder, spread as evenly
    as whole units allow. 1/6 for 6 indicators however many bodies could lead them, 1/17 for 34
    among 17 bodies. A measure of 6 indicators can never look as spread out as one of 15."""
    if units <= 0 or holders <= 0:
        return float("nan")
    each, rest = divmod(units, holders)
    return ((holders - rest) * each**2 + rest * (each + 1) ** 2) / units**2


def normalised_herfindahl(hhi: float, floor: float) -> float:
    """Where `hhi` stands between its floor (0) and one holder having everything (1). Below 0
    only where shared leads spread credit thinner than whole indicators could."""
    return (hhi - floor) / (1 - floor) if floor < 1 else float("nan")


def gini(weights: pd.Series) -> float:
    """Gini coefficient: 0 when every holder has the same, towards 1 when one has everything;
    NaN when nobody holds anything."""
    if not weights.sum() > 0:
        return float("nan")
    values = np.sort(weights.to_numpy(dtype=float))
    ranks = np.arange(1, len(values) + 1)
    count = len(values)
    return float(2 * (ranks * values).sum() / (count * values.sum()) - (count + 1) / count)


def lorenz_points(weights: pd.Series) -> pd.DataFrame:
    """The Lorenz curve of `weights` (indexed by holder): holders from smallest to largest, with
    the cumulative share of holders and of the total. The curve starts at (0, 0), not listed."""
    ordered = weights.sort_index().sort_values(kind="stable")
    return pd.DataFrame(
        {
            "agency_id": ordered.index,
            "weight": ordered.to_numpy(),
            "population_share": np.arange(1, len(ordered) + 1) / len(ordered),
            "cumulative_share": (ordered.cumsum() / ordered.sum()).to_numpy(),
        }
    )


def largest(values: pd.Series) -> list:
    """The index labels of the largest value, all of them when several tie."""
    # lead credits are sums of fractions (1/3 + 2/3 need not give exactly 1.0): compare with a
    # tolerance, or a tie would hide behind rounding
    return values.index[np.isclose(values, values.max())].tolist()


def top_holders(weights: pd.Series) -> list[str]:
    """The holders (index labels) of the largest weight, all of them when several tie; none when
    nobody holds any."""
    return largest(weights) if (weights > 0).any() else []
