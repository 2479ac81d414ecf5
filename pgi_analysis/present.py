"""Tables for people: a table of the library as a reader of one language sees it.

Headers in the reader's language (`vocabulary.COLUMN_LABELS`), no index, numbers written the
language's one way (4,95 or 4.95; shares as percentages; counts and years as whole numbers),
flags as Có / Không or Yes / No, ids as names (bodies by their short names, provinces, sub-indices,
measures, roles), an unknown value as "—" and an unpublished figure as "chưa công bố" / "not
published". Long tables are cut with a note of the rows left out; wide ones are cut to the
columns the caller names, or split into parts.

`readable_frame` gives the table as text (for a Word table), `readable` as a pandas Styler with a
fixed id, whose HTML is the same for the same table (for the HTML pages, which nbval compares).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from pgi_analysis import reference
from pgi_analysis.findings.phrases import said
from pgi_analysis.findings.sentences import Markdown
from pgi_analysis.outcomes import EQUAL_1_2_FLAG
from pgi_analysis.reference import NATIONAL_MEAN_ID
from pgi_analysis.responsibility import AGENCY_SEPARATOR
from pgi_analysis.vocabulary import (
    AGENCY,
    CAVEAT,
    COLUMN_LABELS,
    COUNT,
    COUNTING_CHOICE_LABELS,
    DATE,
    EDITION_STATUS,
    EDITION_STATUS_LABELS,
    EVIDENCE_LABELS,
    FLAG,
    KIND,
    KIND_LABELS,
    LANGUAGES,
    MEASURE,
    MISSING,
    MONTH,
    NUMBER,
    PROVINCE,
    RANK_STATUS,
    RANK_STATUS_LABELS,
    RELATIVE,
    RELATIVE_LABELS,
    ROLE,
    ROLE_LABELS,
    SHARE,
    STATISTIC_SOURCE,
    STATISTIC_SOURCE_LABELS,
    SUB_INDEX,
    TEXT,
    TIMING,
    TIMING_LABELS,
    UNKNOWN,
    YEAR,
    YES_NO,
    ColumnLabel,
    check_language,
    column_label,
    format_count,
    format_date,
    format_month_span,
    format_number,
    format_share,
    headline_label,
    measure_label,
    pick,
    sub_index_label,
)

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

NO_ROWS = ("Chưa có số liệu.", "No data yet.")
# A report page shows a table this long open; a longer one opens on a click, so that the page
# reads as text with its tables at hand.
LONG_TABLE = 15
FOLDED = ("Bảng {rows} dòng (bấm để mở)", "Table of {rows} rows (click to open)")
MORE_ROWS = ("… và {count} dòng khác", "… and {count} more rows")
# Numbers stand right-aligned, so that their digits line up.
NUMERIC_KINDS = frozenset({COUNT, NUMBER, SHARE})
DEFAULT_DIGITS = {NUMBER: 2, SHARE: 0}
# The caveats `pgi_analysis.outcomes` writes beside a figure, as each language says them.
CAVEAT_LABELS = {
    EQUAL_1_2_FLAG: (
        "CSTP 1 và CSTP 2 được công bố bằng nhau (có thể do chép nhầm cột)",
        EQUAL_1_2_FLAG,
    )
}
TRANSLATED = {
    ROLE: ROLE_LABELS,
    KIND: KIND_LABELS | EVIDENCE_LABELS,
    STATISTIC_SOURCE: STATISTIC_SOURCE_LABELS,
    CAVEAT: CAVEAT_LABELS,
    RANK_STATUS: RANK_STATUS_LABELS,
    RELATIVE: RELATIVE_LABELS,
    TIMING: TIMING_LABELS,
    EDITION_STATUS: EDITION_STATUS_LABELS,
}


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


class _Writer:
    """How the values of one table are written in one language."""

    def __init__(self, table: pd.DataFrame, lang: str, agencies: pd.DataFrame | None):
        self.table, self.lang = table, check_language(lang)
        self.position = LANGUAGES.index(lang)
        if agencies is None:
            gazetteer = reference.gazetteer()
            agencies = gazetteer.table(gazetteer.records)
        self.agency_names = dict(zip(agencies["agency_id"], agencies[f"short_{lang}"], strict=True))

    def column(self, name: object, label: ColumnLabel) -> list[str]:
        """Each value of the column `name` as text."""
        values = self.table[name]
        write = self._writer(name, label, values)
        unknown = pick(self.lang, *UNKNOWN) if label.published else MISSING
        return [
            unknown if _missing(value) else write(value, row)
            for row, value in enumerate(values.tolist())
        ]

    def _writer(self, name: object, label: ColumnLabel, values: pd.Series) -> Callable:
        lang, kind = self.lang, label.kind
        digits = DEFAULT_DIGITS.get(kind) if label.digits is None else label.digits
        whole = pd.api.types.is_integer_dtype(values.dtype)
        if kind == COUNT or (kind == NUMBER and whole):
            return lambda value, _: format_count(int(value), lang)
        if kind == NUMBER and "measure" in self.table.columns and name != "measure":
            measures = self.table["measure"].tolist()  # a rank is a whole number among scores
            return lambda value, row: (
                format_count(int(value), lang)
                if measures[row] == "rank"
                else format_number(float(value), lang, digits)
            )
        if kind == NUMBER:
            return lambda value, _: format_number(float(value), lang, digits)
        if kind == SHARE:
            return lambda value, _: format_share(float(value), lang, digits)
        if kind == YEAR:
            return lambda value, _: str(int(value))
        if kind == DATE:
            return lambda value, _: format_date(value, lang)
        if kind == MONTH:
            return lambda value, _: format_month_span(value.year, value.month, value.month, lang)
        if kind == FLAG:
            return lambda value, _: YES_NO[bool(value)][self.position]
        if kind == AGENCY:
            return lambda value, _: AGENCY_SEPARATOR.join(
                self.agency_names.get(agency, agency)
                for agency in str(value).split(AGENCY_SEPARATOR)
            )
        if kind == PROVINCE:
            return self._province_writer()
        if kind == SUB_INDEX:
            return lambda value, _: sub_index_label(int(value), lang)
        if kind == MEASURE:
            return lambda value, _: measure_label(value, lang)
        if kind in TRANSLATED:
            labels = TRANSLATED[kind]
            return lambda value, _: labels[value][self.position] if value in labels else str(value)
        if kind == TEXT:
            return lambda value, _: str(value)
        raise ValueError(f"{name}: no way to write values of kind {kind!r}")

    def _province_writer(self) -> Callable:
        """A province id as its name in the row's year (Huế, not Thừa Thiên Huế, from 2025)."""
        provinces = reference.provinces()
        years = self.table["year"].tolist() if "year" in self.table.columns else None

        def write(province_id: str, row: int) -> str:
            if province_id not in provinces.table.index and province_id != NATIONAL_MEAN_ID:
                return str(province_id)
            year = reference.FIRST_YEAR if years is None else int(years[row])
            return provinces.name(province_id, year, self.lang)

        return write


def _header(name: object, label: ColumnLabel, lang: str) -> str:
    if isinstance(name, int):  # a column per sub-index (`responsibility.leads_by_sub_index`)
        return sub_index_label(name, lang)
    if label.vi is None:  # a measure
        return column_label(name, lang)
    return pick(lang, label.vi, label.en)


def _label(name: object, labels: Mapping[object, ColumnLabel], kinds: Mapping[object, str]):
    """The label of column `name`: the caller's, else the vocabulary's; its kind, the caller's."""
    if name in labels:
        label = labels[name]
    elif isinstance(name, int):
        label = ColumnLabel(None, None, COUNT)
    elif name in COLUMN_LABELS:
        label = COLUMN_LABELS[name]
    else:
        raise KeyError(
            f"column {name!r} has no label: add it to vocabulary.COLUMN_LABELS or pass labels="
        )
    return label._replace(kind=kinds[name]) if name in kinds else label


def _without_index(table: pd.DataFrame) -> pd.DataFrame:
    """A named index becomes columns (it says something); a bare row number goes."""
    named = any(name is not None for name in table.index.names)
    return table.reset_index(drop=not named).rename_axis(columns=None)


def readable_frame(
    table: pd.DataFrame,
    lang: str,
    *,
    columns: Sequence[object] | None = None,
    agencies: pd.DataFrame | None = None,
    labels: Mapping[object, ColumnLabel] | None = None,
    kinds: Mapping[object, str] | None = None,
    max_rows: int | None = None,
) -> pd.DataFrame:
    """`table` as text a reader of `lang` reads: headers and every value translated.

    `columns`: the columns the reader needs, in order (all by default). `agencies`: a table with
    agency_id, short_vi and short_en (the gazetteer by default). `labels`, `kinds`: a column's
    label, or only its kind, where the vocabulary's do not fit (e.g. `kinds={"value": "count"}`).
    `max_rows`: at most that many rows, then one saying how many were left out.
    """
    table = _without_index(table)
    if columns is not None:
        table = table[list(columns)]
    labels, kinds = labels or {}, kinds or {}
    column_labels = {name: _label(name, labels, kinds) for name in table.columns}
    headers = [_header(name, label, lang) for name, label in column_labels.items()]
    repeated = sorted({header for header in headers if headers.count(header) > 1})
    if repeated:
        raise ValueError(f"columns would read alike ({', '.join(repeated)}): pick with columns=")
    shown = table if max_rows is None else table.head(max_rows)
    writer = _Writer(shown, lang, agencies)
    frame = pd.DataFrame(
        {
            header: writer.column(name, label)
            for header, (name, label) in zip(headers, column_labels.items(), strict=True)
        },
        columns=headers,
        dtype="str",
    )
    if len(shown) < len(table):
        more = pick(lang, *MORE_ROWS).format(count=format_count(len(table) - len(shown), lang))
        frame.loc[len(frame)] = [more, *[""] * (len(headers) - 1)]
    return frame


def styled(frame: pd.DataFrame, *, uuid: str, caption: str | None = None, right=()) -> Styler:
    """A table of text as HTML: no index, a fixed id (the same HTML for the same table), text
    escaped, the columns `right` (numbers) aligned right."""
    styler = frame.style.set_uuid(uuid).hide(axis="index")
    styler = styler.format(escape="html").format_index(escape="html", axis=1)
    aligned = {column: [{"selector": "td", "props": "text-align: right"}] for column in right}
    if aligned:
        styler = styler.set_table_styles(aligned)
    return styler.set_caption(html.escape(caption)) if caption else styler


def readable(
    table: pd.DataFrame,
    lang: str,
    *,
    uuid: str,
    caption: str | None = None,
    columns: Sequence[object] | None = None,
    agencies: pd.DataFrame | None = None,
    labels: Mapping[object, ColumnLabel] | None = None,
    kinds: Mapping[object, str] | None = None,
    max_rows: int | None = None,
) -> Styler:
    """`table` as a reader of `lang` sees it (`readable_frame`), styled (`styled`): give each
    table of a page its own `uuid`."""
    frame = readable_frame(
        table,
        lang,
        columns=columns,
        agencies=agencies,
        labels=labels,
        kinds=kinds,
        max_rows=max_rows,
    )
    table = _without_index(table)
    names = table.columns if columns is None else list(columns)
    numeric = [
        header
        for header, name in zip(frame.columns, names, strict=True)
        if _label(name, labels or {}, kinds or {}).kind in NUMERIC_KINDS
    ]
    return styled(frame, uuid=uuid, caption=caption, right=numeric)


@dataclass(frozen=True)
class Folded:
    """A long table on a report page: a line to click, and the table under it."""

    summary: str
    table_html: str

    def _repr_html_(self) -> str:
        return (
            f"<details><summary>{html.escape(self.summary)}</summary>\n{self.table_html}</details>"
        )


class TableDisplay:
    """How a notebook shows the library's tables: as they are for researchers (`report` False),
    as people read them in `lang` for the report pages (`readable`). Call it with a table, a name
    unique in the notebook (the styled table's id) and `readable`'s options."""

    def __init__(self, lang: str, report: bool, agencies: pd.DataFrame | None = None) -> None:
        self.lang, self.report, self.agencies = check_language(lang), report, agencies

    def __call__(self, table: pd.DataFrame, name: str, **options) -> object:
        if not self.report:
            return table
        if table.empty:  # a reader is told so, not shown headers over nothing
            return Markdown(f"*{pick(self.lang, *NO_ROWS)}*")
        styled_table = readable(table, self.lang, uuid=name, agencies=self.agencies, **options)
        if len(table) <= LONG_TABLE:
            return styled_table
        summary = pick(self.lang, *FOLDED).format(rows=format_count(len(table), self.lang))
        return Folded(summary, styled_table.to_html())

    def sensitivity(self, table: pd.DataFrame) -> pd.DataFrame | Styler:
        """`counting.sensitivity`: a row per finding, a column per counting choice."""
        if not self.report:
            return table.T
        frame = sensitivity_frame(table, self.agencies, self.lang)
        return styled(frame, uuid="sensitivity")


def sensitivity_frame(table: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`counting.sensitivity` as a reader sees it: a row per finding, a column per counting
    choice (the default first), every value written in `lang`."""

    def written(finding: str, value: object) -> str:
        if isinstance(value, bool | str) or value is None:
            return said(finding, value, agencies, lang)
        if pd.isna(value):
            return MISSING
        if float(value).is_integer() and not finding.endswith(("_share", "_hhi", "_gini")):
            return format_count(int(value), lang)
        if finding.endswith("_share"):
            return format_share(float(value), lang, 1)
        return format_number(float(value), lang, 3)

    rows = {
        headline_label(finding, lang): [written(finding, value) for value in values]
        for finding, values in table.items()
    }
    columns = [pick(lang, *COUNTING_CHOICE_LABELS[choice]) for choice in table.index]
    return (
        pd.DataFrame.from_dict(rows, orient="index", columns=columns)
        .rename_axis(pick(lang, "Kết luận", "Finding"))
        .reset_index()
    )


def plan_labels(plans: Sequence[reference.Plan]) -> dict[str, ColumnLabel]:
    """Labels of the columns `timing.plans_and_surveys` names after each plan."""
    return {
        plan.number: ColumnLabel(f"So với Kế hoạch {plan.number}", f"Plan {plan.number}", TIMING)
        for plan in plans
    }
