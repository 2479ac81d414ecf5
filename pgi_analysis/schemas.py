"""The tidy tables' contracts: columns, types, keys and what each column means, declared once.

Writers check a table against its schema before anything is written; the data dictionary
(`data/processed/README.md`) is written from these declarations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

_INFERRED = frozenset({"str", "int64"})  # what pandas makes of a list of str, or of int


@dataclass(frozen=True)
class Field:
    name: str
    dtype: str  # a pandas dtype name: "str", "int64", "float64", "bool", "boolean"
    meaning: str


@dataclass(frozen=True)
class Schema:
    """One table: its file name, what a row is, its fields in order and the columns that
    identify a row."""

    name: str
    row: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    note: str = ""

    @property
    def columns(self) -> list[str]:
        return [field.name for field in self.fields]

    @property
    def dtypes(self) -> dict[str, str]:
        return {field.name: field.dtype for field in self.fields}

    def check(self, table: pd.DataFrame) -> pd.DataFrame:
        """`table` if it has exactly these columns, in order, with these types and one row per
        key; else a ValueError saying what differs (a defect of the package, not of input)."""
        if list(table.columns) != self.columns:
            raise ValueError(f"{self.name}: columns {list(table.columns)} != {self.columns}")
        wrong = {
            column: str(table[column].dtype)
            for column, dtype in self.dtypes.items()
            if str(table[column].dtype) != dtype
        }
        if wrong:
            raise ValueError(f"{self.name}: wrong types {wrong}, expected {self.dtypes}")
        keys = table[list(self.key)]
        if keys.isna().any().any() or keys.duplicated().any():
            raise ValueError(f"{self.name}: the key {self.key} is missing or repeated")
        return table

    def empty(self) -> pd.DataFrame:
        """A table of this schema without rows."""
        return self.frame({name: [] for name in self.columns})

    def frame(self, columns: Mapping[str, Sequence[object]]) -> pd.DataFrame:
        """A table of this schema from each column's values, each given its declared type."""
        if all(field.dtype == "str" for field in self.fields):  # one conversion for them all
            return pd.DataFrame({name: columns[name] for name in self.columns}, dtype="str")
        # pandas infers text and whole numbers from the values themselves, at a fraction of the
        # cost of converting each column; a column it reads otherwise (say, with no values) is
        # converted after all.
        table = pd.DataFrame(
            {
                f.name: columns[f.name]
                if f.dtype in _INFERRED
                else pd.array(columns[f.name], f.dtype)
                for f in self.fields
            }
        )
        if [str(dtype) for dtype in table.dtypes] == [f.dtype for f in self.fields]:
            return table
        return pd.DataFrame({f.name: pd.array(columns[f.name], f.dtype) for f in self.fields})

    def from_rows(self, rows: Sequence[Sequence[object]]) -> pd.DataFrame:
        """A table of this schema from its rows, each a sequence in the order of the fields."""
        return self.frame({name: [row[i] for row in rows] for i, name in enumerate(self.columns)})

    def markdown(self) -> str:
        lines = [f"## {self.name}.csv: one row per {self.row}", ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{f.name}` | {f.dtype} | {f.meaning} |" for f in self.fields]
        key = ", ".join(f"`{column}`" for column in self.key)
        lines += ["", f"Key: {key} (no two rows share it)."]
        return "\n".join(lines + ([f"\n{self.note}"] if self.note else []))


INDICATORS = Schema(
    "indicators",
    "PGI indicator of the plan",
    (
        Field(
            "indicator_id",
            "str",
            '`"<sub-index>.<row>"`, e.g. `1.01` … `4.06`, from the STT within each CSTP',
        ),
        Field(
            "sub_index",
            "int64",
            "1–4: CSTP 1 pollution and disasters, 2 compliance, 3 green practices, "
            "4 incentives and support (`data/reference/sub_indices.csv`)",
        ),
        Field("number", "int64", "the row number (STT) printed in the appendix"),
        Field("name_vi", "str", "the name as printed, without its unit, line breaks joined"),
        Field("name_en", "str", "this project's English name (`data/reference/indicators.csv`)"),
        Field(
            "unit",
            "str",
            "as printed in the parenthesis: `%`, `% đồng ý`, `% DN đồng ý`, `% DN`; "
            "empty where none is printed",
        ),
        Field(
            "statistic_source",
            "str",
            "`TCTK` where the plan names the General Statistics Office, else `PGI survey`",
        ),
        Field(
            "higher_is_better",
            "boolean",
            "`True` where a higher value is better for the province "
            "(reasons in `data/reference/indicators.csv`)",
        ),
        Field(
            "kind",
            "str",
            "`perception`, `firm share`, `official statistic`, `count` or `service rating`",
        ),
    ),
    ("indicator_id",),
)
AGENCIES = Schema(
    "agencies",
    "actor the appendix names",
    (
        Field("agency_id", "str", "stable slug, the key used in `assignments.csv`"),
        Field("name_vi", "str", "canonical Vietnamese name (in force after the 2025 mergers)"),
        Field("short_vi", "str", "short Vietnamese label for figures and sheet names"),
        Field("short_en", "str", "short English label"),
        Field("name_en", "str", "English name"),
        Field(
            "kind",
            "str",
            "`provincial department`, `provincial agency`, `central agency in the province`, "
            "`commune government`, `media`, `utility`, `association`, `collective` (groups the "
            "plan does not name body by body) or `businesses`",
        ),
        Field(
            "aliases",
            "str",
            "every spelling under which the appendix names it, `|`-separated, in order of "
            "first appearance",
        ),
    ),
    ("agency_id",),
)
ASSIGNMENTS = Schema(
    "assignments",
    "indicator × actor × role",
    (
        Field("indicator_id", "str", "see `indicators.csv`"),
        Field("agency_id", "str", "see `agencies.csv`"),
        Field("role", "str", "`lead` (cơ quan chủ trì) or `coordinator` (cơ quan phối hợp)"),
        Field(
            "scope",
            "str",
            "where the plan splits a lead by scope, the scope as printed "
            "(e.g. `nước sạch đô thị`); else empty",
        ),
        Field(
            "task",
            "str",
            "a task phrase printed after the actor (e.g. `tham mưu cho Ban Chỉ huy ...`); "
            "else empty",
        ),
        Field("source_text", "str", "the fragment of the appendix this row was read from"),
    ),
    ("indicator_id", "agency_id", "role"),
    note=(
        "An actor is listed once per indicator and role (a repeated name is reported by "
        "`tidy --verbose`); the same actor may be both lead and coordinator of one indicator, "
        "as the plan says."
    ),
)
REPAIRS = Schema(
    "repairs",
    "kind of repair the reader made",
    (
        Field("kind", "str", "what was mended (merged columns, unit, alias, spelling, …)"),
        Field("found", "str", "the text as found"),
        Field("result", "str", "what it was read as"),
        Field("indicator_ids", "str", "the indicators where it was found, space-separated"),
    ),
    ("kind", "found", "result"),
)
SCORES = Schema(
    "scores",
    "published PGI figure",
    (
        Field("year", "int64", "PGI year"),
        Field(
            "province_id",
            "str",
            "slug from `data/reference/provinces.csv`; `national-mean` for the national mean",
        ),
        Field("province", "str", "Vietnamese name used that year"),
        Field(
            "measure",
            "str",
            "`sub_index_1` … `sub_index_4` (each 1–10), `total` (their sum, at most 40), `rank`",
        ),
        Field(
            "value",
            "float64",
            "the figure exactly as published (never rounded or interpolated); totals summed "
            "here are rounded to 2 decimals",
        ),
        Field(
            "derived",
            "bool",
            "`True` for a total this package summed from the four published sub-indices",
        ),
        Field(
            "ci_low",
            "float64",
            "lower end of the figure's confidence interval where the source publishes one; "
            "else empty",
        ),
        Field("ci_high", "float64", "upper end of that interval; else empty"),
        Field(
            "firms_surveyed",
            "Int64",
            "firms whose answers the figure rests on, where the source says; else empty "
            "(`scores add` reads ci_low, ci_high and firms_surveyed columns)",
        ),
        Field("source_url", "str", "where the figure was published"),
        Field(
            "note",
            "str",
            "the source's caveat (e.g. the inferred year of a table), agreeing sources, "
            "replacements",
        ),
    ),
    ("year", "province_id", "measure"),
    note="A figure that was not published has no row: unknown stays unknown.",
)
INDICATOR_SCORES = Schema(
    "indicator_scores",
    "published value of one PGI indicator",
    (
        Field("indicator_id", "str", "see `indicators.csv`"),
        Field("year", "int64", "PGI year"),
        Field("province_id", "str", "see `scores.csv`"),
        Field("province", "str", "Vietnamese name used that year"),
        Field("value", "float64", "the value as published, in the indicator's unit"),
        Field("source_url", "str", "where it was published"),
        Field("note", "str", "caveats, agreeing sources, replacements"),
    ),
    ("year", "province_id", "indicator_id"),
)
TIDY_TABLES = (INDICATORS, AGENCIES, ASSIGNMENTS)


def data_dictionary() -> str:
    """data/processed/README.md."""
    parts = [
        "# Data dictionary: the tidy tables",
        "",
        "Written by `make report` from the appendix in `data/raw/`, the curated tables in "
        "`data/reference/` and the PGI figures in `data/pgi/`, and from the declarations in "
        "`pgi_analysis/schemas.py`: edit those, not this file. UTF-8, LF line ends, "
        "comma-separated, one header row, rows in document order. A text cell that a "
        "spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a "
        "carriage return) is written with `'` before it, and so is text that starts with `'` "
        "itself; numbers, negative ones included, are written as they are.",
    ]
    parts += [schema.markdown() for schema in (*TIDY_TABLES, SCORES)]
    return "\n\n".join(parts) + "\n"
