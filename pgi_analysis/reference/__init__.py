"""The reference layer: the curated tables of data/reference/, each read in one place, cached on
its file's stamp, with one rule for matching names. Readers, measures and writers import it; it
imports none of them."""

from pgi_analysis.reference.agencies import COLLECTIVE_KINDS, KINDS, Gazetteer, gazetteer
from pgi_analysis.reference.provinces import (
    FIRST_YEAR,
    MERGER_YEAR,
    NATIONAL_MEAN_ID,
    Provinces,
    provinces,
)
from pgi_analysis.reference.tables import (
    Plan,
    analysed_plan,
    editions,
    indicators,
    plans,
    sub_indices,
)

__all__ = [
    "COLLECTIVE_KINDS",
    "FIRST_YEAR",
    "KINDS",
    "MERGER_YEAR",
    "NATIONAL_MEAN_ID",
    "Gazetteer",
    "Plan",
    "Provinces",
    "analysed_plan",
    "editions",
    "gazetteer",
    "indicators",
    "plans",
    "provinces",
    "sub_indices",
]
