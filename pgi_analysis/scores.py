"""PGI figures: read, check and merge the published scores, and add new ones from a spreadsheet.

Stored figures live in `data/pgi/`: `pgi_observations.csv` as collected, then one file per
`scores add` under `added/`, read in the order they were added. No stored file is ever edited:
a correction is a later file whose rows name the figure they replace. A figure may carry the
uncertainty its source publishes: a confidence interval (ci_low, ci_high) and the number of firms
surveyed.

Every problem of a file is found before it is reported, and all are listed in one InputError;
messages are catalogue entries (`messages`), shown in Vietnamese or English.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import math
import os
import re
import socket
import time
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from pgi_analysis import paths, reference, schemas
from pgi_analysis.errors import InputError
from pgi_analysis.files import (
    atomic_write_bytes,
    csv_bytes,
    read_csv_rows,
    read_xlsx_rows,
    unmarked,
)
from pgi_analysis.messages import Message, counted, message
from pgi_analysis.reference import FIRST_YEAR, NATIONAL_MEAN_ID, Provinces
from pgi_analysis.text import normalize_text
from pgi_analysis.vocabulary import MEASURES, SUB_INDEX_MEASURES

TOLERANCE = 0.05  # published totals and sub-index sums differ by rounding (data/pgi/SOURCES.md)
SCORES_SHEET = "Điểm PGI"  # the sheet a workbook of figures is read from (the template's)
LOCK_NAME = ".lock"  # in the store while `scores add` checks and writes
LOCK_WAIT = 10.0  # seconds an add waits for another to finish

_RANGES = {**dict.fromkeys(SUB_INDEX_MEASURES, (1, 10)), "total": (4, 40)}
_MEASURE_ORDER = {measure: index for index, measure in enumerate(MEASURES)}
_BLANKS = frozenset({"", "n/a", "na", "-", "–", "—"})  # VCCI prints N/A for unpublished figures
UNCERTAINTY = ("ci_low", "ci_high", "firms_surveyed")
INTERVAL_MEASURES = (*SUB_INDEX_MEASURES, "total")  # scores have intervals; ranks do not
# A wide file gives each score's interval in columns of its own; firms_surveyed is the row's.
INTERVAL_COLUMNS = tuple(f"{m}_{end}" for m in INTERVAL_MEASURES for end in UNCERTAINTY[:2])
_WIDE_COLUMNS = ("province", "year", *MEASURES, "source_url", "note", "firms_surveyed")
_WIDE_COLUMNS += INTERVAL_COLUMNS
_STORED_COLUMNS = {
    "scores": (
        "year",
        "province",
        "measure",
        "value",
        "source_url",
        "note",
        "replaces",
        *UNCERTAINTY,
    ),
    "indicators": ("indicator_id", "year", "province", "value", "source_url", "note", "replaces"),
}
# What a user's file may hold: the stored columns less "replaces", which only --replace writes.
_LONG_COLUMNS = {
    kind: tuple(column for column in columns if column != "replaces")
    for kind, columns in _STORED_COLUMNS.items()
}
_KNOWN_COLUMNS = frozenset(_WIDE_COLUMNS).union(*_STORED_COLUMNS.values(), {"indicator_id"})
_ITEM = {"scores": "measure", "indicators": "indicator_id"}
_ADDED_NAME = re.compile(r"(\d{4})_(scores|indicators)_[\d-]+\.csv")


# Reading files ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    path: Path
    header_row: int
    columns: tuple[str, ...]
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, cells)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)  # the shortest text that is this float: 17.33, not 17.329999
    return value.isoformat() if isinstance(value, datetime.datetime) else str(value)


def _column_name(cell: str) -> str:
    """A header cell's first line as a column name: the template puts labels on later lines."""
    return re.sub(r"[\s-]+", "_", normalize_text(cell.split("\n")[0]).casefold())


def _names_columns(rows: list[list[object]]) -> bool:
    """Whether the first row with text names at least two columns a file of figures has."""
    header = next((row for row in rows if any(_cell_text(cell).strip() for cell in row)), [])
    return len({_column_name(_cell_text(cell)) for cell in header} & _KNOWN_COLUMNS) >= 2


def _raw_rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise InputError(path, message("no_such_file"))
    if path.suffix.lower() == ".csv":
        return read_csv_rows(path, _names_columns)
    if path.suffix.lower() == ".xlsx":
        rows = read_xlsx_rows(path, SCORES_SHEET, _names_columns)
        return [[_cell_text(value) for value in row] for row in rows]
    raise InputError(path, message("not_csv_or_xlsx"))


def _place(row: int, column: str | None = None) -> Message:
    return message("row_column", row=row, column=column) if column else message("row", row=row)


def _header_cell(row: int, index: int) -> Message:
    """Where a header cell is, by its spreadsheet column letter (A, B, …, AA)."""
    from openpyxl.utils import get_column_letter

    return _place(row, get_column_letter(index + 1))


def _read_table(path: Path, stored: bool = False) -> _Table:
    """The rows of a CSV or of a workbook's figures sheet, by column name; blank rows left out.
    A `stored` file's text cells are read back as they were before `files.csv_bytes` made
    them safe for spreadsheets."""
    numbered = enumerate(_raw_rows(path), start=1)
    numbered = [(number, cells) for number, cells in numbered if any(map(str.strip, cells))]
    if not numbered:
        raise InputError(path, message("file_empty"))
    (header_row, header), *body = numbered
    named: dict[int, str] = {}
    problems = []
    for index, column in enumerate(map(_column_name, header)):
        if column in named.values():
            where = _header_cell(header_row, index)
            problems.append(InputError(path, message("column_twice", column=column), where))
        elif column:
            named[index] = column
        elif any(index < len(cells) and cells[index].strip() for _, cells in body):
            where = _header_cell(header_row, index)
            problems.append(InputError(path, message("column_unnamed"), where))
    if problems:
        raise InputError.listing(problems)
    read = unmarked if stored else str
    rows = []
    for number, cells in body:
        cells = [*cells, *[""] * len(header)]  # a row may end before the header does
        text = {name: normalize_text(read(cells[index])) for index, name in named.items()}
        rows.append((number, text))
    return _Table(path, header_row, tuple(named.values()), rows)


def _check_columns(table: _Table, allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
    where = _place(table.header_row)
    shown = [column for column in allowed if column not in INTERVAL_COLUMNS]
    if len(shown) < len(allowed):
        shown.append(f"{INTERVAL_COLUMNS[0]} … {INTERVAL_COLUMNS[-1]}")
    expected = ", ".join(shown)
    problems = [
        InputError(table.path, message("column_unknown", column=column, expected=expected), where)
        for column in table.columns
        if column not in allowed
    ]
    problems += [
        InputError(table.path, message("column_missing", column=column), where)
        for column in required
        if column not in table.columns
    ]
    if problems:
        raise InputError.listing(problems)


class _Problems(list):
    """The problems found in one file, each an InputError at its row and column."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def at(self, row: int, column: str, parse, *args):
        """parse(*args); its ValueError noted at this row and column, and None returned."""
        try:
            return parse(*args)
        except ValueError as error:
            self.append(InputError(self.path, error.args[0], _place(row, column)))
            return None

    def raise_any(self) -> None:
        if self:
            raise InputError.listing(self)


# Checking figures ------------------------------------------------------------------------------


def _blank(text: str) -> bool:
    return text.strip().casefold() in _BLANKS


def _number(text: str) -> tuple[float, str]:
    """A figure as people type it ("17,33", " 17.33"): its value, and its text with a point."""
    shown = re.sub(r"\s", "", text)
    if "," in shown and "." not in shown:
        shown = shown.replace(",", ".")  # Vietnamese decimal comma
    try:
        value = float(shown)
    except ValueError:
        raise ValueError(message("not_a_number", text=text)) from None
    if not math.isfinite(value):
        raise ValueError(message("not_finite", text=text))
    return value, shown


def _year(text: str, default: int | None) -> int:
    if not text and default is None:
        raise ValueError(message("no_year"))
    year = default
    if text:
        value, _ = _number(text)
        if not value.is_integer():
            raise ValueError(message("not_a_year", text=text))
        if default is not None and value != default:
            raise ValueError(message("year_differs", year=int(value), default=default))
        year = int(value)
    return pgi_year(year)


def pgi_year(year: int) -> int:
    """`year` if it can have PGI figures: from the first edition to the current year."""
    latest = datetime.date.today().year
    if not FIRST_YEAR <= year <= latest:
        raise ValueError(message("year_outside", year=year, first=FIRST_YEAR, latest=latest))
    return year


def _source(text: str, default: str | None) -> str:
    url = text or (default or "").strip()
    if not url:
        raise ValueError(message("no_source"))
    if not re.fullmatch(r"https?://\S+", url):
        raise ValueError(message("source_not_url", url=url))
    return url


def _measure(text: str) -> str:
    measure = re.sub(r"[\s-]+", "_", text.casefold())
    if measure not in MEASURES:
        raise ValueError(message("measure_unknown", text=text, expected=", ".join(MEASURES)))
    return measure


def _indicator_id(text: str, known: set[str]) -> str:
    # 1.1 may be 1.01 typed short or 1.10 that a spreadsheet stored as a number and so lost its
    # trailing zero: only the person who typed it knows which.
    if re.fullmatch(r"[1-4]\.[1-9]", text):
        short, long = f"{text[:2]}0{text[2]}", f"{text}0"
        raise ValueError(message("indicator_ambiguous", text=text, short=short, long=long))
    if not re.fullmatch(r"[1-4]\.\d\d", text):
        raise ValueError(message("indicator_form", text=text))
    if text not in known:
        raise ValueError(message("indicator_unknown", text=text))
    return text


def _score(measure: str, text: str, province_id: str | None, count: int) -> tuple[float, str]:
    value, shown = _number(text)
    if measure == "rank":
        if province_id == NATIONAL_MEAN_ID:
            raise ValueError(message("mean_no_rank"))
        if not value.is_integer() or not 1 <= value <= count:
            raise ValueError(message("rank_range", count=count, shown=shown))
        return value, str(int(value))
    low, high = _RANGES[measure]
    if not low <= value <= high:
        raise ValueError(message("measure_range", measure=measure, low=low, high=high, shown=shown))
    return value, shown


def _indicator_value(indicator_id: str, text: str, unit: str) -> tuple[float, str]:
    """An indicator's value, refused if its unit cannot hold it: a share is 0–100, a count ≥ 0."""
    value, shown = _number(text)
    if "%" in unit and not 0 <= value <= 100:
        raise ValueError(message("share_range", indicator_id=indicator_id, unit=unit, shown=shown))
    if not unit and value < 0:
        raise ValueError(message("count_range", indicator_id=indicator_id, shown=shown))
    return value, shown


def _firms(text: str) -> tuple[int, str]:
    value, shown = _number(text)
    if not value.is_integer() or value < 1:
        raise ValueError(message("firms_count", shown=shown))
    return int(value), str(int(value))


@dataclass(frozen=True)
class _Uncertainty:
    """A figure's confidence interval and firms surveyed, where its source publishes them."""

    ci_low: float | None = None
    ci_high: float | None = None
    firms_surveyed: int | None = None
    texts: tuple[str, str, str] = ("", "", "")  # as published, for the stored file

    @property
    def values(self) -> tuple:
        return self.ci_low, self.ci_high, self.firms_surveyed

    def row(self) -> tuple:
        """The three columns of the scores table: NaN and <NA> where unknown."""
        low, high, firms = self.values
        nan = math.nan
        return (nan if low is None else low, nan if high is None else high, firms or pd.NA)


_NO_UNCERTAINTY = _Uncertainty()


@dataclass(frozen=True)
class _Figure:
    year: int
    province_id: str
    province: str  # the Vietnamese name in that year
    written: str  # the province as the file spells it
    item: str  # a measure, or an indicator_id
    value: float
    text: str  # the figure as published, with a decimal point
    source_url: str
    note: str
    replaces: str  # the stored figure this one supersedes, "" if none
    path: Path
    row: int
    column: str
    uncertainty: _Uncertainty = _NO_UNCERTAINTY

    @property
    def key(self) -> tuple[int, str, str]:
        return self.year, self.province_id, self.item

    @property
    def measured(self) -> tuple:
        """What two sources must agree on for one figure."""
        return self.value, *self.uncertainty.values

    @property
    def shown(self) -> str:
        """The figure as published, with its interval if it has one."""
        low, high, _ = self.uncertainty.texts
        return f"{self.text} [{low}, {high}]" if low else self.text

    @property
    def where(self) -> Message:
        return _place(self.row, self.column)

    @property
    def label(self) -> str:
        return f"{self.year} {self.province} {self.item}"


def _uncertainty(checks, row, cells, columns, measure, value, province_id, count) -> _Uncertainty:
    """The interval and firms surveyed of one figure, each checked at its own column: both ends
    of an interval or neither, each in the measure's range, around the value."""
    low_column, high_column, firms_column = columns
    low_text, high_text = (cells.get(column, "") for column in (low_column, high_column))
    low_text, high_text = ("" if _blank(text) else text for text in (low_text, high_text))
    firms_text = "" if _blank(cells.get(firms_column, "")) else cells.get(firms_column, "")
    low = high = firms = None
    if bool(low_text) != bool(high_text):
        present, missing = (low_column, high_column) if low_text else (high_column, low_column)
        problem = message("interval_half", present=present, missing=missing)
        checks.append(InputError(checks.path, problem, _place(row, missing)))
    elif low_text and measure not in INTERVAL_MEASURES:
        problem = message("no_interval", measure=measure)
        checks.append(InputError(checks.path, problem, _place(row, low_column)))
    elif low_text:
        low = checks.at(row, low_column, _score, measure, low_text, province_id, count)
        high = checks.at(row, high_column, _score, measure, high_text, province_id, count)
        if low and high and value is not None and not low[0] <= value <= high[0]:
            problem = message("interval_outside", low=low[1], high=high[1], value=value)
            checks.append(InputError(checks.path, problem, _place(row, low_column)))
    if firms_text:
        firms = checks.at(row, firms_column, _firms, firms_text)
    interval = (low, high) if low and high else ((None, ""), (None, ""))
    firms = firms or (None, "")
    if interval[0][0] is None and firms[0] is None:
        return _NO_UNCERTAINTY
    (low, low_shown), (high, high_shown) = interval
    return _Uncertainty(low, high, firms[0], (low_shown, high_shown, firms[1]))


def _figure(checks, provinces, row, cells, item, column, defaults, units=None, interval=None):
    """The figure in `column` of a row, with the row's year, province and source, all checked;
    None, with every problem noted in `checks`, if any is wrong.

    `defaults` are the year and source URL for rows that leave them blank; `units` the unit of
    each indicator, for indicator values; `interval` the columns of the figure's uncertainty.
    """
    found = len(checks)
    year = checks.at(row, "year", _year, cells.get("year", ""), defaults[0])
    province_id = checks.at(row, "province", provinces.resolve, cells["province"], year)
    count = provinces.ranked(year or FIRST_YEAR)
    if item in MEASURES:
        scored = checks.at(row, column, _score, item, cells[column], province_id, count)
    else:
        scored = checks.at(row, column, _indicator_value, item, cells[column], units[item])
    uncertainty = _NO_UNCERTAINTY
    if interval is not None:
        value = scored[0] if scored else None
        uncertainty = _uncertainty(checks, row, cells, interval, item, value, province_id, count)
    replaces = cells.get("replaces", "")
    if replaces:
        checks.at(row, "replaces", _number, replaces)
    source_url = checks.at(row, "source_url", _source, cells.get("source_url", ""), defaults[1])
    if len(checks) > found:
        return None
    return _Figure(
        year=year,
        province_id=province_id,
        province=provinces.name(province_id, year),
        written=cells["province"],
        item=item,
        value=scored[0],
        text=scored[1],
        source_url=source_url,
        note=cells.get("note", ""),
        replaces=replaces,
        path=checks.path,
        row=row,
        column=column,
        uncertainty=uncertainty,
    )


def _indicator_units() -> dict[str, str]:
    """indicator_id -> unit from data/reference/indicators.csv; "" for a count."""
    known = reference.indicators()
    return dict(zip(known["indicator_id"], known["unit"], strict=True))


def _long_figures(table, provinces, kind, checks, defaults=(None, None)):
    """The figures of a file with one figure per row, and how many rows had none."""
    parse_item, units, interval = _measure, None, UNCERTAINTY
    if kind == "indicators":
        units, interval = _indicator_units(), None
        parse_item = partial(_indicator_id, known=set(units))
    figures, empty = [], 0
    for row, cells in table.rows:
        if _blank(cells["value"]):
            empty += 1
            continue
        item = checks.at(row, _ITEM[kind], parse_item, cells[_ITEM[kind]])
        if item is None:
            continue
        found = _figure(checks, provinces, row, cells, item, "value", defaults, units, interval)
        figures += [found] if found else []
    return figures, empty


def _wide_figures(table, provinces, checks, defaults) -> tuple[list[_Figure], int]:
    """The figures of a file with one province per row and a column per measure."""
    figures, empty = [], 0
    for row, cells in table.rows:
        filled = [measure for measure in MEASURES if not _blank(cells.get(measure, ""))]
        if not filled:
            empty += 1
        for measure in filled:
            interval = (f"{measure}_ci_low", f"{measure}_ci_high", "firms_surveyed")
            found = _figure(
                checks, provinces, row, cells, measure, measure, defaults, None, interval
            )
            figures += [found] if found else []
    return figures, empty


def _join(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _shown(path: Path) -> str:
    return str(path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path)


def _merge(figures: list[_Figure]) -> tuple[dict[tuple, _Figure], list[InputError]]:
    """One figure per year, province and item, in file order, and the problems found.

    A repeat with the same value is noted on the first; a different value is a problem, unless
    the later figure was stored with --replace and names the value it replaces.
    """
    kept: dict[tuple, _Figure] = {}
    problems = []
    for figure in figures:
        old = kept.get(figure.key)
        if figure.replaces:
            if old is None or _number(figure.replaces)[0] != old.value:
                stored = message("nothing")
                if old is not None:
                    stored = message(
                        "stored_at", text=old.shown, file=_shown(old.path), where=old.where
                    )
                problem = message(
                    "replaces_mismatch", label=figure.label, replaces=figure.replaces, stored=stored
                )
                problems.append(InputError(figure.path, problem, figure.where))
                continue
            note = _join(figure.note, f"replaces {old.text} from {old.source_url}")
            kept[figure.key] = dataclasses.replace(figure, note=note)
        elif old is None:
            kept[figure.key] = figure
        elif figure.measured != old.measured:
            problem = message(
                "contradicts_stored_file",
                label=figure.label,
                text=figure.shown,
                old=old.shown,
                file=_shown(old.path),
                where=old.where,
            )
            problems.append(InputError(figure.path, problem, figure.where))
        elif figure.source_url != old.source_url:
            note = _join(old.note, f"same value also at {figure.source_url}")
            kept[figure.key] = dataclasses.replace(old, note=note)
    return kept, problems


def _blamed(keys: list[tuple], kept: dict, new: dict | None) -> _Figure | None:
    """The figure of `keys` a problem is reported at: the first new one (the first stored one
    when the whole store is checked); None when none is new."""
    blame = kept if new is None else new
    return next((blame[key] for key in keys if key in blame), None)


def _check_totals(kept: dict[tuple, _Figure], new: dict[tuple, _Figure] | None = None) -> list:
    """A total that differs from the sum of its sub-indices by more than rounding.

    With `new`, only province-years with a new figure are checked, and the problem is reported
    at a new figure.
    """
    problems = []
    for year, province_id in sorted({key[:2] for key in (kept if new is None else new)}):
        keys = [(year, province_id, measure) for measure in (*SUB_INDEX_MEASURES, "total")]
        if not all(key in kept for key in keys):
            continue
        *subs, total = (kept[key] for key in keys)
        summed = sum(figure.value for figure in subs)
        if abs(total.value - summed) > TOLERANCE + 1e-9:
            culprit = _blamed(keys[::-1], kept, new)
            problem = message(
                "total_vs_sum",
                year=year,
                province=total.province,
                total=total.text,
                parts=" + ".join(figure.text for figure in subs),
                summed=summed,
                tolerance=TOLERANCE,
            )
            problems.append(InputError(culprit.path, problem, culprit.where))
    return problems


def _check_ranks(kept: dict[tuple, _Figure], new: dict[tuple, _Figure] | None = None) -> list:
    """Ranks of one year that two provinces share (unless their published totals tie), or whose
    order contradicts the published totals by more than rounding.

    With `new`, only problems involving a new figure are reported, at that figure.
    """
    problems = []
    years = {key[0] for key in (kept if new is None else new) if key[2] in ("rank", "total")}
    for year in sorted(years):
        ranks = {key[1]: figure for key, figure in kept.items() if key[::2] == (year, "rank")}
        totals = {key[1]: figure for key, figure in kept.items() if key[::2] == (year, "total")}
        by_rank: dict[float, str] = {}
        for province_id, rank in ranks.items():
            other = by_rank.setdefault(rank.value, province_id)
            tie = other in totals and province_id in totals
            tie = tie and abs(totals[other].value - totals[province_id].value) <= TOLERANCE
            if other == province_id or tie:
                continue
            keys = [(year, province_id, "rank"), (year, other, "rank")]
            culprit = _blamed(keys, kept, new)
            if culprit is not None:
                problem = message(
                    "rank_shared",
                    year=year,
                    rank=rank.text,
                    first=ranks[other].province,
                    second=rank.province,
                )
                problems.append(InputError(culprit.path, problem, culprit.where))
        lowest = None  # the province ranked so far with the lowest total
        for province_id in sorted(set(ranks) & set(totals), key=lambda p: ranks[p].value):
            total = totals[province_id]
            if lowest is not None and total.value > totals[lowest].value + TOLERANCE + 1e-9:
                keys = [(year, p, m) for p in (province_id, lowest) for m in ("rank", "total")]
                culprit = _blamed(keys, kept, new)
                if culprit is not None:
                    problem = message(
                        "rank_against_total",
                        year=year,
                        worse=total.province,
                        worse_rank=ranks[province_id].text,
                        worse_total=total.text,
                        better=totals[lowest].province,
                        better_rank=ranks[lowest].text,
                        better_total=totals[lowest].text,
                        tolerance=TOLERANCE,
                    )
                    problems.append(InputError(culprit.path, problem, culprit.where))
            if lowest is None or total.value < totals[lowest].value:
                lowest = province_id
    return problems


# Stored figures --------------------------------------------------------------------------------


def _added_files(pgi_dir: Path, kind: str | None = None) -> list[Path]:
    """Files written by add_scores_file, oldest first."""
    found = [(_ADDED_NAME.fullmatch(path.name), path) for path in (pgi_dir / "added").glob("*.csv")]
    return sorted(path for match, path in found if match and kind in (None, match[2]))


def _read_stored(path: Path, provinces: Provinces, kind: str) -> list[_Figure]:
    table = _read_table(path, stored=True)
    _check_columns(table, _STORED_COLUMNS[kind], _STORED_COLUMNS[kind][:5])
    checks = _Problems(path)
    figures = _long_figures(table, provinces, kind, checks)[0]
    checks.raise_any()
    return figures


def _stored(pgi_dir: Path, provinces: Provinces, kind: str) -> dict[tuple, _Figure]:
    files = [pgi_dir / paths.PGI_OBSERVATIONS.name] if kind == "scores" else []
    files += _added_files(pgi_dir, kind)
    figures = [figure for path in files for figure in _read_stored(path, provinces, kind)]
    kept, problems = _merge(figures)
    if kind == "scores":
        problems += _check_totals(kept) + _check_ranks(kept)
    if problems:
        raise InputError.listing(problems)
    return kept


def _derived_totals(kept: dict[tuple, _Figure]) -> list[tuple]:
    """A total summed from the four sub-indices where all are published and a total is not."""
    groups: dict[tuple, dict[str, _Figure]] = {}
    for figure in kept.values():
        groups.setdefault(figure.key[:2], {})[figure.item] = figure
    rows = []
    for (year, province_id), figures in groups.items():
        if "total" in figures or not all(measure in figures for measure in SUB_INDEX_MEASURES):
            continue
        subs = [figures[measure] for measure in SUB_INDEX_MEASURES]
        total = round(sum(figure.value for figure in subs), 2)
        sources = " | ".join(dict.fromkeys(figure.source_url for figure in subs))
        note = "derived: sum of the four published sub-indices; no total was published"
        rows.append(
            (
                year,
                province_id,
                subs[0].province,
                "total",
                total,
                True,
                *_NO_UNCERTAINTY.row(),
                sources,
                note,
            )
        )
    return rows


def load_scores(pgi_dir: Path | None = None) -> pd.DataFrame:
    """The tidy scores table: every stored PGI figure once, plus totals derived where unpublished.

    Columns: year, province_id, province (Vietnamese name), measure (sub_index_1..4, total, rank),
    value, derived, ci_low, ci_high, firms_surveyed (where the source publishes them), source_url,
    note; sorted by year, province_id and measure.
    """
    kept = _stored(Path(pgi_dir or paths.PGI), reference.provinces(), "scores")
    rows = [
        (
            f.year,
            f.province_id,
            f.province,
            f.item,
            f.value,
            False,
            *f.uncertainty.row(),
            f.source_url,
            f.note,
        )
        for f in kept.values()
    ]
    table = schemas.SCORES.from_rows(rows + _derived_totals(kept)).sort_values(
        ["year", "province_id", "measure"],
        key=lambda column: column.map(_MEASURE_ORDER) if column.name == "measure" else column,
        ignore_index=True,
    )
    return schemas.SCORES.check(table)


def published_scores(table: pd.DataFrame) -> pd.DataFrame:
    """The scores table as data/processed/scores.csv shows it, its values as text: ranks as whole
    numbers (2, not 2.0), other figures as the shortest text that is their float (17.33, 22.6)."""
    pairs = zip(table["measure"].tolist(), table["value"].tolist(), strict=True)
    return table.assign(value=[str(int(v)) if m == "rank" else repr(v) for m, v in pairs])


def load_indicator_scores(pgi_dir: Path | None = None) -> pd.DataFrame:
    """Indicator-level values stored by `scores add` (no rows when there are none).

    Columns: indicator_id, year, province_id, province, value, source_url, note.
    """
    kept = _stored(Path(pgi_dir or paths.PGI), reference.provinces(), "indicators")
    rows = [
        (f.item, f.year, f.province_id, f.province, f.value, f.source_url, f.note)
        for f in kept.values()
    ]
    table = schemas.INDICATOR_SCORES.from_rows(rows)
    table = table.sort_values(["year", "province_id", "indicator_id"], ignore_index=True)
    return schemas.INDICATOR_SCORES.check(table)


# Adding figures --------------------------------------------------------------------------------


def _file_figures(path: Path, provinces, year, source, checks):
    """The kind of a user's file ("scores" or "indicators"), its figures, its rows without any;
    the problems of its cells noted in `checks`."""
    table = _read_table(path)
    defaults = (year, source)
    for kind in ("indicators", "scores"):
        if _ITEM[kind] in table.columns:
            _check_columns(table, _LONG_COLUMNS[kind], (_ITEM[kind], "province", "value"))
            return kind, *_long_figures(table, provinces, kind, checks, defaults)
    _check_columns(table, _WIDE_COLUMNS, ("province",))
    if not set(MEASURES) & set(table.columns):
        problem = message("no_figure_columns", columns=", ".join(MEASURES))
        raise InputError(path, problem, _place(table.header_row))
    return "scores", *_wide_figures(table, provinces, checks, defaults)


def _next_file(pgi_dir: Path, kind: str, years: set[int]) -> Path:
    numbers = [int(_ADDED_NAME.fullmatch(path.name)[1]) for path in _added_files(pgi_dir)]
    span = "-".join(dict.fromkeys(str(year) for year in (min(years), max(years))))
    return pgi_dir / "added" / f"{max(numbers, default=0) + 1:04d}_{kind}_{span}.csv"


def _stored_rows(figures: list[_Figure], kind: str) -> pd.DataFrame:
    """Figures as the rows of a stored file: values as published, provinces by name; the
    uncertainty columns only where a figure has them, so that older files keep their form."""
    columns = _STORED_COLUMNS[kind]
    if not any(figure.uncertainty.texts != ("", "", "") for figure in figures):
        columns = tuple(column for column in columns if column not in UNCERTAINTY)
    rows = [
        {
            _ITEM[kind]: figure.item,
            "year": figure.year,
            "province": figure.province,
            "value": figure.text,
            "source_url": figure.source_url,
            "note": figure.note,
            "replaces": figure.replaces,
            **dict(zip(UNCERTAINTY, figure.uncertainty.texts, strict=True)),
        }
        for figure in figures
    ]
    return pd.DataFrame(rows, columns=list(columns))


def _repeats(figures: list[_Figure]) -> tuple[list[tuple[int, int]], list[InputError]]:
    """(row, earlier row) for each row of one file that repeats figures of an earlier row, and
    the problems: a repeat with another value, naming both rows."""
    first: dict[tuple, _Figure] = {}
    repeats, problems = [], []
    for figure in figures:
        earlier = first.setdefault(figure.key, figure)
        if earlier is figure:
            continue
        if figure.measured != earlier.measured:
            problem = message(
                "contradicts_row",
                label=figure.label,
                text=figure.shown,
                old=earlier.shown,
                row=earlier.row,
            )
            problems.append(InputError(figure.path, problem, figure.where))
        else:
            repeats.append((figure.row, earlier.row))
    return list(dict.fromkeys(repeats)), problems  # a wide row repeats once, not once a measure


def _identical_sub_indices(kept: dict[tuple, _Figure], new: dict[tuple, _Figure]) -> list:
    """Warnings for province-years where sub-indices 1 and 2 are equal and one is new: a value
    typed twice, or copied into the wrong column, looks like this."""
    warnings = []
    for year, province_id in sorted({key[:2] for key in new}):
        first, second = (kept.get((year, province_id, m)) for m in SUB_INDEX_MEASURES[:2])
        if first and second and first.value == second.value:
            warnings.append(
                message("same_sub_indices", year=year, province=first.province, value=first.text)
            )
    return warnings


def _summary(path, target, kind, new, same, replaced, repeats, empty, warnings) -> list:
    """What add_scores_file did, for people: counts per year and measure, then what it left."""
    if new:
        added = counted(len(new), "figure")
        lines = [message("added", file=path.name, figures=added, target=_shown(target))]
    else:
        lines = [message("nothing_added", file=path.name)]
    counts = Counter((f.year, f.item if kind == "scores" else "") for f in new)
    for year in sorted({year for year, _ in counts}):
        if kind == "indicators":
            lines.append(message("year_indicator_values", year=year, count=counts[year, ""]))
            continue
        items = sorted((i for y, i in counts if y == year), key=_MEASURE_ORDER.get)
        listed = ", ".join(f"{item} {counts[year, item]}" for item in items)
        lines.append(message("year_counts", year=year, counts=listed))
    if same:
        more = ", …" if len(same) > 3 else ""
        shown = ", ".join(f"{f.label} {f.shown}" for f in same[:3]) + more
        lines.append(message("skipped_same", figures=counted(len(same), "figure"), shown=shown))
    for old, figure in replaced:
        lines.append(message("replaced", label=figure.label, old=old.shown, new=figure.shown))
    lines += [message("repeats", row=row, earlier=earlier) for row, earlier in repeats]
    if empty:
        lines.append(message("ignored_rows", rows=counted(empty, "row")))
    return lines + warnings


@contextlib.contextmanager
def _store_lock(pgi_dir: Path):
    """Hold the store for one add, from reading it to writing the new file: a lock file created
    exclusively (which works on shared folders too). Another add waits up to LOCK_WAIT seconds
    for it, then fails saying since when and by whom the store is held."""
    lock = pgi_dir / LOCK_NAME
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
            break
        except FileExistsError:
            if time.monotonic() >= deadline:
                try:
                    holder = lock.read_text(encoding="utf-8").strip()
                except OSError:
                    holder = "?"
                raise InputError(lock, message("store_busy", holder=holder)) from None
            time.sleep(0.05)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            now = datetime.datetime.now().isoformat(timespec="seconds")
            stream.write(f"{now}, {socket.gethostname()}, process {os.getpid()}\n")
        yield
    finally:
        lock.unlink(missing_ok=True)


def add_scores_file(
    path: Path,
    year: int | None = None,
    source: str | None = None,
    replace: bool = False,
    pgi_dir: Path | None = None,
    lang: str = "en",
) -> str:
    """Check a CSV or XLSX file of PGI figures and store what is new in a new file under added/.

    Long files have the columns of pgi_observations.csv; wide files one row per province and the
    columns sub_index_1..4, total, rank; files with an indicator_id column hold indicator values.
    Score figures may carry ci_low, ci_high and firms_surveyed (in a wide file, `<measure>_ci_low`,
    `<measure>_ci_high` and the row's firms_surveyed). `year` and `source` fill rows that leave
    them blank. A figure that contradicts a stored one is refused unless `replace`; a figure
    repeated in the file is kept once. Every problem is found before anything is written and all
    are raised in one InputError. The store is locked from its reading to the writing, so that
    adds at the same time are checked one against the other. Returns, in `lang`, what was
    added, skipped, replaced and kept once, and warnings.
    """
    path, pgi_dir = Path(path), Path(pgi_dir or paths.PGI)
    provinces = reference.provinces()
    checks = _Problems(path)
    kind, figures, empty = _file_figures(path, provinces, year, source, checks)
    repeats, contradictions = _repeats(figures)
    checks += contradictions
    if not figures and not checks:
        raise InputError(path, message("no_figures_to_add"))
    with _store_lock(pgi_dir):
        stored = _stored(pgi_dir, provinces, kind)
        new, same, replaced = {}, [], []
        for key, figure in _merge(figures)[0].items():  # its problems are the repeats'
            old = stored.get(key)
            if old is None:
                new[key] = figure
            elif old.measured == figure.measured:
                same.append(figure)
            elif replace:
                new[key] = dataclasses.replace(figure, replaces=old.text)
                replaced.append((old, figure))
            else:
                problem = message(
                    "contradicts_store",
                    label=figure.label,
                    text=figure.shown,
                    old=old.shown,
                    file=_shown(old.path),
                    where=old.where,
                    source=old.source_url,
                )
                checks.append(InputError(path, problem, figure.where))
        warnings = []
        if kind == "scores":
            checks += _check_totals(stored | new, new) + _check_ranks(stored | new, new)
            warnings = _identical_sub_indices(stored | new, new)
        checks.raise_any()
        target = None
        if new:
            target = _next_file(pgi_dir, kind, {figure.year for figure in new.values()})
            atomic_write_bytes(target, csv_bytes(_stored_rows(list(new.values()), kind)))
    lines = _summary(
        path, target, kind, list(new.values()), same, replaced, repeats, empty, warnings
    )
    return "\n".join(line.text(lang) for line in lines)
