"""PGI figures: read, check and merge the published scores, and add new ones from a spreadsheet.

Stored figures live in `data/pgi/`: `pgi_observations.csv` as collected, then one file per
`scores add` under `added/`, read in the order they were added. No stored file is ever edited:
a correction is a later file whose rows name the figure they replace.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from pgi_analysis import paths, reference, schemas
from pgi_analysis.errors import InputError
from pgi_analysis.files import atomic_write_bytes, csv_bytes, read_csv_rows, read_xlsx_rows
from pgi_analysis.reference import FIRST_YEAR, NATIONAL_MEAN_ID, Provinces
from pgi_analysis.text import normalize_text
from pgi_analysis.vocabulary import MEASURES, SUB_INDEX_MEASURES

TOLERANCE = 0.05  # published totals and sub-index sums differ by rounding (data/pgi/SOURCES.md)
SCORES_SHEET = "Điểm PGI"  # the sheet a workbook of figures is read from (the template's)

_RANGES = {**dict.fromkeys(SUB_INDEX_MEASURES, (1, 10)), "total": (4, 40)}
_MEASURE_ORDER = {measure: index for index, measure in enumerate(MEASURES)}
_BLANKS = frozenset({"", "n/a", "na", "-", "–", "—"})  # VCCI prints N/A for unpublished figures
_WIDE_COLUMNS = ("province", "year", *MEASURES, "source_url", "note")
_FILE_COLUMNS = {
    "scores": ("year", "province", "measure", "value", "source_url", "note", "replaces"),
    "indicators": ("indicator_id", "year", "province", "value", "source_url", "note", "replaces"),
}
_ITEM = {"scores": "measure", "indicators": "indicator_id"}
# ci_low, ci_high, firms_surveyed: not published with any stored figure so far.
_NO_INTERVAL = (math.nan, math.nan, pd.NA)
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


def _raw_rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.suffix.lower() == ".csv":
        try:
            return read_csv_rows(path)
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text: save it as CSV UTF-8") from None
    if path.suffix.lower() == ".xlsx":
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            rows = read_xlsx_rows(path, SCORES_SHEET)
        except (OSError, KeyError, zipfile.BadZipFile, InvalidFileException) as error:
            raise InputError(path, f"cannot read the workbook ({error})") from None
        return [[_cell_text(value) for value in row] for row in rows]
    raise InputError(path, "expected a .csv or .xlsx file (save .xls or .ods files as .xlsx)")


def _column_name(cell: str) -> str:
    """A header cell's first line as a column name: the template puts labels on later lines."""
    return re.sub(r"[\s-]+", "_", normalize_text(cell.split("\n")[0]).casefold())


def _header_cell(row: int, index: int) -> str:
    """Where a header cell is, by its spreadsheet column letter (A, B, …, AA)."""
    from openpyxl.utils import get_column_letter

    return f"row {row}, column {get_column_letter(index + 1)}"


def _read_table(path: Path) -> _Table:
    """The rows of a CSV or the first sheet of a workbook, by column name; blank rows left out."""
    numbered = enumerate(_raw_rows(path), start=1)
    numbered = [(number, cells) for number, cells in numbered if any(map(str.strip, cells))]
    if not numbered:
        raise InputError(path, "the file is empty")
    (header_row, header), *body = numbered
    named: dict[int, str] = {}
    for index, column in enumerate(map(_column_name, header)):
        if column in named.values():
            message = f"column {column!r} appears twice"
            raise InputError(path, message, _header_cell(header_row, index))
        if column:
            named[index] = column
        elif any(index < len(cells) and cells[index].strip() for _, cells in body):
            message = "this column has figures but no name in the header"
            raise InputError(path, message, _header_cell(header_row, index))
    rows = []
    for number, cells in body:
        cells = [*cells, *[""] * len(header)]  # a row may end before the header does
        rows.append((number, {name: normalize_text(cells[index]) for index, name in named.items()}))
    return _Table(path, header_row, tuple(named.values()), rows)


def _check_columns(table: _Table, allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
    where = f"row {table.header_row}"
    for column in table.columns:
        if column not in allowed:
            message = f"unknown column {column!r}; expected: {', '.join(allowed)}"
            raise InputError(table.path, message, where)
    for column in required:
        if column not in table.columns:
            raise InputError(table.path, f"no {column!r} column", where)


def _at(table: _Table, row: int, column: str, parse, *args):
    """parse(*args), its ValueError reported at this row and column of the table's file."""
    try:
        return parse(*args)
    except ValueError as error:
        raise InputError(table.path, str(error), f"row {row}, column {column}") from None


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
        raise ValueError(f"{text!r} is not a number (write 17.33 or 17,33)") from None
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a number")
    return value, shown


def _year(text: str, default: int | None) -> int:
    if not text and default is None:
        raise ValueError("no year: fill in the year column or pass --year")
    year = default
    if text:
        value, _ = _number(text)
        if not value.is_integer():
            raise ValueError(f"{text!r} is not a year")
        if default is not None and value != default:
            raise ValueError(f"year {int(value)} differs from --year {default}")
        year = int(value)
    return pgi_year(year)


def pgi_year(year: int) -> int:
    """`year` if it can have PGI figures: from the first edition to the current year."""
    latest = datetime.date.today().year
    if not FIRST_YEAR <= year <= latest:
        raise ValueError(f"year {year} is outside the PGI's years, {FIRST_YEAR} to {latest}")
    return year


def _source(text: str, default: str | None) -> str:
    url = text or (default or "").strip()
    if not url:
        raise ValueError("no source: fill in source_url or pass --source")
    if not re.fullmatch(r"https?://\S+", url):
        raise ValueError(f"source {url!r} is not a web address (http:// or https://)")
    return url


def _measure(text: str) -> str:
    measure = re.sub(r"[\s-]+", "_", text.casefold())
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {text!r}; expected one of {', '.join(MEASURES)}")
    return measure


def _indicator_id(text: str, known: set[str]) -> str:
    # 1.1 may be 1.01 typed short or 1.10 that a spreadsheet stored as a number and so lost its
    # trailing zero: only the person who typed it knows which.
    if re.fullmatch(r"[1-4]\.[1-9]", text):
        message = (
            f"ambiguous indicator id {text!r}: write {text[:2]}0{text[2]} or {text}0 (as text)"
        )
        raise ValueError(message)
    if not re.fullmatch(r"[1-4]\.\d\d", text):
        raise ValueError(f"indicator_id {text!r} is not like 1.01 (sub-index, point, two digits)")
    if text not in known:
        raise ValueError(f"indicator_id {text} is not in data/reference/indicators.csv")
    return text


def _score(measure: str, text: str, province_id: str, count: int) -> tuple[float, str]:
    value, shown = _number(text)
    if measure == "rank":
        if province_id == NATIONAL_MEAN_ID:
            raise ValueError("the national mean has no rank")
        if not value.is_integer() or not 1 <= value <= count:
            raise ValueError(f"rank must be a whole number from 1 to {count}, not {shown}")
        return value, str(int(value))
    low, high = _RANGES[measure]
    if not low <= value <= high:
        raise ValueError(f"{measure} must be between {low} and {high}, not {shown}")
    return value, shown


def _indicator_value(indicator_id: str, text: str, unit: str) -> tuple[float, str]:
    """An indicator's value, refused if its unit cannot hold it: a share is 0–100, a count ≥ 0."""
    value, shown = _number(text)
    if "%" in unit and not 0 <= value <= 100:
        raise ValueError(
            f"indicator {indicator_id} (unit {unit}) must be between 0 and 100, not {shown}"
        )
    if not unit and value < 0:
        raise ValueError(f"indicator {indicator_id} (a count) must be 0 or more, not {shown}")
    return value, shown


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

    @property
    def key(self) -> tuple[int, str, str]:
        return self.year, self.province_id, self.item

    @property
    def where(self) -> str:
        return f"row {self.row}, column {self.column}"

    @property
    def label(self) -> str:
        return f"{self.year} {self.province} {self.item}"


def _figure(table, provinces, row, cells, item, column, defaults, units=None) -> _Figure:
    """The figure in `column` of a row, with the row's year, province and source, all checked.

    `defaults` are the year and source URL for rows that leave them blank; `units` the unit of
    each indicator, for indicator values.
    """
    year = _at(table, row, "year", _year, cells.get("year", ""), defaults[0])
    province_id = _at(table, row, "province", provinces.resolve, cells["province"], year)
    if item in MEASURES:
        count = provinces.ranked(year)
        value, text = _at(table, row, column, _score, item, cells[column], province_id, count)
    else:
        unit = units[item]
        value, text = _at(table, row, column, _indicator_value, item, cells[column], unit)
    replaces = cells.get("replaces", "")
    if replaces:
        _at(table, row, "replaces", _number, replaces)
    source_url = _at(table, row, "source_url", _source, cells.get("source_url", ""), defaults[1])
    return _Figure(
        year=year,
        province_id=province_id,
        province=provinces.name(province_id, year),
        written=cells["province"],
        item=item,
        value=value,
        text=text,
        source_url=source_url,
        note=cells.get("note", ""),
        replaces=replaces,
        path=table.path,
        row=row,
        column=column,
    )


def _indicator_units() -> dict[str, str]:
    """indicator_id -> unit from data/reference/indicators.csv; "" for a count."""
    known = reference.indicators()
    return dict(zip(known["indicator_id"], known["unit"], strict=True))


def _long_figures(table, provinces, kind, defaults=(None, None)) -> tuple[list[_Figure], int]:
    """The figures of a file with one figure per row, and how many rows had none."""
    parse_item, units = _measure, None
    if kind == "indicators":
        units = _indicator_units()
        parse_item = partial(_indicator_id, known=set(units))
    figures, empty = [], 0
    for row, cells in table.rows:
        if _blank(cells["value"]):
            empty += 1
            continue
        item = _at(table, row, _ITEM[kind], parse_item, cells[_ITEM[kind]])
        figures.append(_figure(table, provinces, row, cells, item, "value", defaults, units))
    return figures, empty


def _wide_figures(table, provinces, defaults) -> tuple[list[_Figure], int]:
    """The figures of a file with one province per row and a column per measure."""
    figures, empty = [], 0
    for row, cells in table.rows:
        filled = [measure for measure in MEASURES if not _blank(cells.get(measure, ""))]
        if not filled:
            empty += 1
        figures += [_figure(table, provinces, row, cells, m, m, defaults) for m in filled]
    return figures, empty


def _join(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _shown(path: Path) -> str:
    return str(path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path)


def _merge(figures: list[_Figure]) -> dict[tuple, _Figure]:
    """One figure per year, province and item, in file order.

    A repeat with the same value is noted on the first; a different value is refused, unless the
    later figure was stored with --replace and names the value it replaces.
    """
    kept: dict[tuple, _Figure] = {}
    for figure in figures:
        old = kept.get(figure.key)
        if figure.replaces:
            if old is None or _number(figure.replaces)[0] != old.value:
                stored = f"{old.text} ({_shown(old.path)}, {old.where})" if old else "nothing"
                message = f"{figure.label} replaces {figure.replaces}, but the stored figure is"
                raise InputError(figure.path, f"{message} {stored}", figure.where)
            note = _join(figure.note, f"replaces {old.text} from {old.source_url}")
            kept[figure.key] = dataclasses.replace(figure, note=note)
        elif old is None:
            kept[figure.key] = figure
        elif figure.value != old.value:
            message = f"{figure.label} {figure.text} contradicts {old.text} in {_shown(old.path)}"
            raise InputError(figure.path, f"{message}, {old.where}", figure.where)
        elif figure.source_url != old.source_url:
            note = _join(old.note, f"same value also at {figure.source_url}")
            kept[figure.key] = dataclasses.replace(old, note=note)
    return kept


def _check_totals(kept: dict[tuple, _Figure], new: dict[tuple, _Figure] | None = None) -> None:
    """Refuse a total that differs from the sum of its sub-indices by more than rounding.

    With `new`, only province-years with a new figure are checked, and the error names one.
    """
    blame = kept if new is None else new
    for year, province_id in sorted({key[:2] for key in blame}):
        keys = [(year, province_id, measure) for measure in (*SUB_INDEX_MEASURES, "total")]
        if not all(key in kept for key in keys):
            continue
        *subs, total = (kept[key] for key in keys)
        summed = sum(figure.value for figure in subs)
        if abs(total.value - summed) > TOLERANCE + 1e-9:
            culprit = next((blame[key] for key in reversed(keys) if key in blame), total)
            parts = " + ".join(figure.text for figure in subs)
            message = (
                f"{year} {total.province}: total {total.text} differs from the sum of the "
                f"sub-indices ({parts} = {summed:.2f}) by more than {TOLERANCE}"
            )
            raise InputError(culprit.path, message, culprit.where)


# Stored figures --------------------------------------------------------------------------------


def _added_files(pgi_dir: Path, kind: str | None = None) -> list[Path]:
    """Files written by add_scores_file, oldest first."""
    found = [(_ADDED_NAME.fullmatch(path.name), path) for path in (pgi_dir / "added").glob("*.csv")]
    return sorted(path for match, path in found if match and kind in (None, match[2]))


def _read_stored(path: Path, provinces: Provinces, kind: str) -> list[_Figure]:
    table = _read_table(path)
    _check_columns(table, _FILE_COLUMNS[kind], _FILE_COLUMNS[kind][:5])
    return _long_figures(table, provinces, kind)[0]


def _stored(pgi_dir: Path, provinces: Provinces, kind: str) -> dict[tuple, _Figure]:
    files = [pgi_dir / paths.PGI_OBSERVATIONS.name] if kind == "scores" else []
    files += _added_files(pgi_dir, kind)
    kept = _merge([figure for path in files for figure in _read_stored(path, provinces, kind)])
    if kind == "scores":
        _check_totals(kept)
    return kept


def load_observations(path: Path | None = None) -> pd.DataFrame:
    """The rows of one stored scores file as written, each with its province_id and row number."""
    figures = _read_stored(Path(path or paths.PGI_OBSERVATIONS), reference.provinces(), "scores")
    rows = [
        (f.year, f.written, f.province_id, f.item, f.value, f.source_url, f.note, f.row)
        for f in figures
    ]
    columns = ["year", "province", "province_id", "measure", "value", "source_url", "note", "row"]
    return pd.DataFrame(rows, columns=columns)


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
                *_NO_INTERVAL,
                sources,
                note,
            )
        )
    return rows


def _typed(schema: schemas.Schema, rows: list[tuple]) -> pd.DataFrame:
    """The rows as a table of `schema`, also without rows."""
    return pd.DataFrame(rows, columns=schema.columns).astype(schema.dtypes)


def load_scores(pgi_dir: Path | None = None) -> pd.DataFrame:
    """The tidy scores table: every stored PGI figure once, plus totals derived where unpublished.

    Columns: year, province_id, province (Vietnamese name), measure (sub_index_1..4, total, rank),
    value, derived, source_url, note; sorted by year, province_id and measure.
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
            *_NO_INTERVAL,
            f.source_url,
            f.note,
        )
        for f in kept.values()
    ]
    table = _typed(schemas.SCORES, rows + _derived_totals(kept)).sort_values(
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
    table = _typed(schemas.INDICATOR_SCORES, rows)
    table = table.sort_values(["year", "province_id", "indicator_id"], ignore_index=True)
    return schemas.INDICATOR_SCORES.check(table)


# Adding figures --------------------------------------------------------------------------------


def _file_figures(path: Path, provinces, year, source) -> tuple[str, list[_Figure], int]:
    """The kind of a user's file ("scores" or "indicators"), its figures, its rows without any."""
    table = _read_table(path)
    defaults = (year, source)
    for kind in ("indicators", "scores"):
        if _ITEM[kind] in table.columns:
            # The stored files' columns less "replaces", which only --replace writes.
            _check_columns(table, _FILE_COLUMNS[kind][:-1], (_ITEM[kind], "province", "value"))
            return kind, *_long_figures(table, provinces, kind, defaults)
    _check_columns(table, _WIDE_COLUMNS, ("province",))
    if not set(MEASURES) & set(table.columns):
        message = f"no figures: name the columns {', '.join(MEASURES)} (or measure and value)"
        raise InputError(path, message, f"row {table.header_row}")
    return "scores", *_wide_figures(table, provinces, defaults)


def _next_file(pgi_dir: Path, kind: str, years: set[int]) -> Path:
    numbers = [int(_ADDED_NAME.fullmatch(path.name)[1]) for path in _added_files(pgi_dir)]
    span = "-".join(dict.fromkeys(str(year) for year in (min(years), max(years))))
    return pgi_dir / "added" / f"{max(numbers, default=0) + 1:04d}_{kind}_{span}.csv"


def _stored_row(figure: _Figure, kind: str) -> dict[str, object]:
    """A figure as a row of a stored file: the value as published, the province by its name."""
    return {
        _ITEM[kind]: figure.item,
        "year": figure.year,
        "province": figure.province,
        "value": figure.text,
        "source_url": figure.source_url,
        "note": figure.note,
        "replaces": figure.replaces,
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _repeats(figures: list[_Figure]) -> list[tuple[int, int]]:
    """(row, earlier row) for each row of one file that repeats figures of an earlier row.

    Such a repeat is kept once; a repeat with another value is refused, naming both rows.
    """
    first: dict[tuple, _Figure] = {}
    repeats = []
    for figure in figures:
        earlier = first.setdefault(figure.key, figure)
        if earlier is figure:
            continue
        if figure.value != earlier.value:
            message = f"{figure.label} {figure.text} contradicts {earlier.text}"
            raise InputError(
                figure.path, f"{message} in row {earlier.row} of this file", figure.where
            )
        repeats.append((figure.row, earlier.row))
    return list(dict.fromkeys(repeats))  # a wide row repeats once, not once per measure


def _summary(path, target, kind, new, same, replaced, repeats, empty) -> str:
    """What add_scores_file did, for people: counts per year and measure, then what it left."""
    head = f"added {_count(len(new), 'figure')} to {_shown(target)}" if new else "nothing added"
    lines = [f"{path.name}: {head}"]
    counts = Counter((f.year, f.item if kind == "scores" else "indicator values") for f in new)
    for year in sorted({year for year, _ in counts}):
        items = sorted((i for y, i in counts if y == year), key=lambda i: _MEASURE_ORDER.get(i, 0))
        lines.append(f"  {year}: " + ", ".join(f"{item} {counts[year, item]}" for item in items))
    if same:
        more = ", …" if len(same) > 3 else ""
        shown = ", ".join(f"{f.label} {f.text}" for f in same[:3]) + more
        lines.append(f"skipped {_count(len(same), 'figure')} stored with the same value: {shown}")
    for old, figure in replaced:
        lines.append(f"replaced (--replace) {figure.label} {old.text} by {figure.text}")
    lines += [f"row {row} repeats row {earlier}: kept once" for row, earlier in repeats]
    if empty:
        lines.append(f"ignored {_count(empty, 'row')} without figures")
    return "\n".join(lines)


def add_scores_file(
    path: Path,
    year: int | None = None,
    source: str | None = None,
    replace: bool = False,
    pgi_dir: Path | None = None,
) -> str:
    """Check a CSV or XLSX file of PGI figures and store what is new in a new file under added/.

    Long files have the columns of pgi_observations.csv; wide files one row per province and the
    columns sub_index_1..4, total, rank; files with an indicator_id column hold indicator values.
    `year` and `source` fill rows that leave them blank. A figure that contradicts a stored one is
    refused unless `replace`; a figure repeated in the file is kept once. Every problem is an
    InputError naming the file, row and column, raised before anything is written. Returns what
    was added, skipped, replaced and kept once.
    """
    path, pgi_dir = Path(path), Path(pgi_dir or paths.PGI)
    provinces = reference.provinces()
    kind, figures, empty = _file_figures(path, provinces, year, source)
    if not figures:
        raise InputError(path, "no figures to add: every row is blank apart from province and year")
    repeats = _repeats(figures)
    stored = _stored(pgi_dir, provinces, kind)
    new, same, replaced = {}, [], []
    for key, figure in _merge(figures).items():
        old = stored.get(key)
        if old is None:
            new[key] = figure
        elif old.value == figure.value:
            same.append(figure)
        elif replace:
            new[key] = dataclasses.replace(figure, replaces=old.text)
            replaced.append((old, figure))
        else:
            message = (
                f"{figure.label} {figure.text} contradicts {old.text} stored in "
                f"{_shown(old.path)}, {old.where} (source {old.source_url}); check the figure, "
                "or pass --replace if the source corrects it"
            )
            raise InputError(path, message, figure.where)
    if kind == "scores":
        _check_totals(stored | new, new)
    target = None
    if new:
        target = _next_file(pgi_dir, kind, {figure.year for figure in new.values()})
        rows = [_stored_row(figure, kind) for figure in new.values()]
        atomic_write_bytes(target, csv_bytes(pd.DataFrame(rows, columns=list(_FILE_COLUMNS[kind]))))
    return _summary(path, target, kind, list(new.values()), same, replaced, repeats, empty)
