"""Small hand-made tables for the outcome tests: six provinces in two regions, and a scores table
built from a few tuples, so that each rule is checked on figures counted by hand."""

import math

import pandas as pd

from pgi_analysis import schemas
from pgi_analysis.reference import Provinces

# province_id, Vietnamese name, English name, region, the province it belongs to from 2025
PROVINCE_ROWS = (
    ("an", "An", "An", "Bắc", "An"),
    ("binh", "Bình", "Binh", "Bắc", "An"),  # part of An from 2025
    ("cuong", "Cường", "Cuong", "Bắc", "Cường"),
    ("dung", "Dũng", "Dung", "Nam", "Dũng"),
    ("giang", "Giang", "Giang", "Nam", "Giang"),
    ("hoa", "Hòa", "Hoa", "Nam", "Hòa"),
)
SOURCE = "https://example.org/pgi"


def provinces() -> Provinces:
    """Six provinces ranked up to 2024, five from 2025 (Bình joins An)."""
    table = pd.DataFrame(
        [
            {
                "province_id": pid,
                "name_vi": vi,
                "name_en": en,
                "aliases": "",
                "region_vi": region,
                "region_en": {"Bắc": "North", "Nam": "South"}[region],
                "successor_2025_vi": successor,
            }
            for pid, vi, en, region, successor in PROVINCE_ROWS
        ]
    )
    return Provinces.from_table(table)


def scores(*rows: tuple, notes: dict | None = None) -> pd.DataFrame:
    """A scores table (schemas.SCORES) from (year, province_id, measure, value) tuples; a fifth
    item True marks a derived figure, a sixth (low, high) gives its published interval.
    `notes` maps a province_id to the note of its rows; `source_url` is one made-up page per
    province-year unless the note is shared."""
    records = []
    for row in rows:
        year, province_id, measure, value, *rest = row
        derived = bool(rest[0]) if rest else False
        low, high = rest[1] if len(rest) > 1 else (math.nan, math.nan)
        note = (notes or {}).get(province_id, "")
        source = f"{SOURCE}/{'table' if note else province_id}"
        records.append(
            (
                year,
                province_id,
                province_id,
                measure,
                value,
                derived,
                low,
                high,
                pd.NA,
                source,
                note,
            )
        )
    return pd.DataFrame(records, columns=schemas.SCORES.columns).astype(schemas.SCORES.dtypes)


# Figures for the rank rules, as (year, province_id, measure, value[, derived]) tuples.

# An 1st (30.00) and Bình 2nd (28.00) published; totals summed for Cường 20.00, Dũng 19.50 and
# Giang 19.98, within rounding of Cường's (two derived totals may each be 0.05 off); Hòa unknown.
TWO_RANKED = (
    (2024, "an", "total", 30.0),
    (2024, "an", "rank", 1),
    (2024, "binh", "total", 28.0),
    (2024, "binh", "rank", 2),
    (2024, "cuong", "total", 20.0, True),
    (2024, "dung", "total", 19.5, True),
    (2024, "giang", "total", 19.98, True),
)
# Hòa 1st and Bình 3rd (25.00) published; Cường, Dũng and Giang summed, all below Bình: they
# fill the 3 places after the 3rd, so An, with no figure, is 2nd.
BELOW_THIRD = (
    (2024, "hoa", "rank", 1),
    (2024, "binh", "rank", 3),
    (2024, "binh", "total", 25.0),
    (2024, "cuong", "total", 24.0, True),
    (2024, "dung", "total", 23.0, True),
    (2024, "giang", "total", 22.0, True),
)
# An ranked 1st with 20.00, Bình 2nd with 25.00: ranks out of line with totals, and Cường's
# 22.00 would have to rank both below Bình and above the 1st.
OUT_OF_LINE = (
    (2024, "an", "rank", 1),
    (2024, "an", "total", 20.0),
    (2024, "binh", "rank", 2),
    (2024, "binh", "total", 25.0),
    (2024, "cuong", "total", 22.0),
)
