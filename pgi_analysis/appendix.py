"""Read the plan's appendix into tidy tables: indicators, agencies and their assignments.

Two inputs give the same tables: the text extracted from the PDF (page headers repeat, columns run
together, names wrap over lines) and the table typed into a spreadsheet (CSV or XLSX with the
columns STT / CHỈ SỐ THÀNH PHẦN / CƠ QUAN CHỦ TRÌ / CƠ QUAN PHỐI HỢP and sub-index heading rows).
"""

import csv
import functools
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pgi_analysis import paths
from pgi_analysis.agencies import Gazetteer, load_gazetteer
from pgi_analysis.errors import InputError
from pgi_analysis.files import file_stamp, read_csv_rows, read_xlsx_rows
from pgi_analysis.text import name_key, normalize_text, tokenize

SUB_INDEX_HEADING = re.compile(
    r"^(?:[IVX]+\s*\.?)?\s*CSTP\s*(?P<sub_index>[1-4])\s*[.:]\s*(?P<name>.*)$", re.IGNORECASE
)
PAGE_HEADER_LINES = frozenset(
    {"STT CHỈ SỐ THÀNH PHẦN CƠ QUAN CHỦ TRÌ", "THỰC HIỆN", "CƠ QUAN PHỐI HỢP"}
)
ROW_START = re.compile(r"^(?P<number>\d{1,2})\s+(?P<rest>\S.*)$")
END_OF_TABLE = re.compile(r"^Ghi chú\s*:")
UNIT = re.compile(
    r"(?P<space>\s*)\(\s*(?P<tctk>TCTK\s*,\s*)?(?P<unit>%(?:\s*DN)?(?:\s*đồng ý)?)\s*(?P<close>\))?"
)
UNIT_AT_END = re.compile(UNIT.pattern + r"\s*$")
TABLE_COLUMNS = {
    "number": "STT",
    "indicator": "CHỈ SỐ THÀNH PHẦN",
    "lead": "CƠ QUAN CHỦ TRÌ",
    "coordinators": "CƠ QUAN PHỐI HỢP",
}
# Between two actors: list punctuation, a dash bullet, or "và" ("... dịch vụ và cá nhân ...").
BULLETS = frozenset({"-", "–", "—"})
SEPARATORS = frozenset({";", ",", ".", "và", *BULLETS})
# A phrase after an actor's name that says what it does, not who else takes part.
TASK_OPENINGS = frozenset({("tham", "mưu"), ("chủ", "trì"), ("phối", "hợp"), ("chỉ", "đạo")})

INDICATOR_COLUMNS = [
    "indicator_id",
    "sub_index",
    "number",
    "name_vi",
    "name_en",
    "unit",
    "statistic_source",
    "higher_is_better",
    "kind",
]
AGENCY_COLUMNS = ["agency_id", "name_vi", "short_vi", "short_en", "name_en", "kind", "aliases"]
ASSIGNMENT_COLUMNS = ["indicator_id", "agency_id", "role", "scope", "task", "source_text"]
REPAIR_COLUMNS = ["kind", "found", "result", "indicator_ids"]


@dataclass(frozen=True)
class Cell:
    """One column of one row, with where each stretch of it stands in the file."""

    text: str
    places: tuple[tuple[int, str], ...]  # (offset in text, place in file), by offset

    def place(self, offset: int = 0) -> str:
        return [place for start, place in self.places if start <= offset][-1]

    def part(self, start: int, end: int | None = None) -> "Cell":
        end = len(self.text) if end is None else end
        kept = [(max(offset - start, 0), place) for offset, place in self.places if offset < end]
        first = [item for item in kept if item[0] == 0][-1:]
        return Cell(self.text[start:end], tuple(first + [item for item in kept if item[0] > 0]))

    def strip(self) -> "Cell":
        start, end = len(self.text) - len(self.text.lstrip()), len(self.text.rstrip())
        return self.part(start, max(start, end))

    def __add__(self, other: "Cell") -> "Cell":
        if not self.text:
            return other
        shift = len(self.text) + 1
        moved = tuple((offset + shift, place) for offset, place in other.places)
        return Cell(f"{self.text} {other.text}", self.places + moved)


def _cell(lines: list[tuple[int, str]], fallback: str = "") -> Cell:
    text, places = "", []
    for line_number, line in lines:
        places.append((len(text) + (1 if text else 0), f"line {line_number}"))
        text = f"{text} {line}" if text else line
    return Cell(text, tuple(places) or ((0, fallback),))


@dataclass(frozen=True)
class RawRow:
    """One indicator's row as read, before actors are resolved."""

    sub_index: int
    number: int
    indicator: Cell
    lead: Cell
    coordinators: Cell

    @property
    def indicator_id(self) -> str:
        return f"{self.sub_index}.{self.number:02d}"


@dataclass(frozen=True)
class Mention:
    """An actor named in a cell, with the scope or task phrase that follows its name."""

    agency_id: str
    found: str
    scope: str
    task: str
    source_text: str
    start: int
    after_bullet: int | None  # offset of the dash bullet just before it, if any


@dataclass
class Repairs:
    """What the loader had to mend or interpret, gathered while reading."""

    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, indicator_id: str, kind: str, found: str, result: str) -> None:
        self.rows.append((indicator_id, kind, found, result))

    def table(self) -> pd.DataFrame:
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for indicator_id, kind, found, result in self.rows:
            ids = grouped.setdefault((kind, found, result), [])
            if indicator_id not in ids:
                ids.append(indicator_id)
        records = [(*key, " ".join(ids)) for key, ids in grouped.items()]
        return pd.DataFrame(records, columns=REPAIR_COLUMNS, dtype="str")


@dataclass(frozen=True)
class TidyAppendix:
    """The appendix as tidy tables, and the report of what reading it repaired."""

    indicators: pd.DataFrame
    agencies: pd.DataFrame
    assignments: pd.DataFrame
    repairs: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """The three tables written by `pgi-analysis tidy`, by file name."""
        return {
            "indicators": self.indicators,
            "agencies": self.agencies,
            "assignments": self.assignments,
        }

    def repairs_text(self) -> str:
        lines = [f"{len(self.repairs)} repairs:"]
        for repair in self.repairs.itertuples(index=False):
            lines.append(
                f"  {repair.kind}: {repair.found!r} -> {repair.result!r} [{repair.indicator_ids}]"
            )
        return "\n".join(lines)


# --- reading the file -------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror})") from None
    if not data.strip():
        raise InputError(path, "the file is empty")
    if b"\x00" in data:
        raise InputError(path, "this is a binary file, not the appendix as text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            path,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8",
            f"line {line}",
        ) from None
    return normalize_lines(text)


def normalize_lines(text: str) -> str:
    """NFC text with LF line ends and no trailing spaces: the form every reading starts from."""
    lines = re.split(r"\r\n|\r|\n", unicodedata.normalize("NFC", text.replace("\ufeff", "")))
    return "\n".join(" ".join(line.split()) for line in lines)


@dataclass
class _Numbering:
    """Sub-indices 1–4 in order, each with indicators numbered 1, 2, 3 … in order: a row lost or
    misplaced by extraction or typing is an error, never a silent shift of every id after it."""

    path: Path
    sub_index: int = 0
    next_number: int = 1

    def heading(self, found: int, where: str) -> None:
        if found != self.sub_index + 1:
            expected = f"CSTP {self.sub_index + 1}"
            raise InputError(self.path, f"CSTP {found} where {expected} was expected", where)
        self._check_not_empty(where)
        self.sub_index, self.next_number = found, 1

    def indicator(self, number: int, where: str, heading_example: str) -> None:
        if not self.sub_index:
            message = f"an indicator before any sub-index heading (like {heading_example!r})"
            raise InputError(self.path, message, where)
        if number != self.next_number:
            raise InputError(
                self.path,
                f"indicator numbered {number} where {self.next_number} was expected "
                f"in CSTP {self.sub_index}",
                where,
            )
        self.next_number += 1

    def finish(self, heading_example: str, where: str = "") -> None:
        if not self.sub_index:
            raise InputError(
                self.path,
                f"no sub-index headings (like {heading_example!r}): "
                "is this the appendix of a PGI plan?",
            )
        self._check_not_empty(where)
        if self.sub_index < 4:
            missing = f"CSTP {self.sub_index + 1}"
            raise InputError(self.path, f"{missing} is missing: the PGI has four sub-indices")

    def _check_not_empty(self, where: str) -> None:
        if self.sub_index and self.next_number == 1:
            raise InputError(self.path, f"CSTP {self.sub_index} has no indicators", where)


def _text_rows(text: str, path: Path, gazetteer: Gazetteer, repairs: Repairs) -> list[RawRow]:
    """Rows of the PDF-extracted text: sub-index headings, then numbered rows in order."""
    rows: list[RawRow] = []
    numbering, current, ended = _Numbering(path), None, False

    def close() -> None:
        if current is not None:
            rows.append(_split_text_row(numbering.sub_index, *current, path, gazetteer, repairs))

    for line_number, line in enumerate(text.split("\n"), start=1):
        if line in PAGE_HEADER_LINES:
            if current is not None:
                current[2].append((line_number, ""))  # a page break ends a paragraph too
            continue
        if ended or END_OF_TABLE.match(line):
            ended = True
            continue
        heading = SUB_INDEX_HEADING.match(line)
        if heading:
            close()
            numbering.heading(int(heading["sub_index"]), f"line {line_number}")
            current = None
            continue
        start = ROW_START.match(line)
        # A row begins with a number and a capital; "2 năm gần nhất ..." wraps a name.
        if numbering.sub_index and start and start["rest"][0].isupper():
            close()
            number = numbering.next_number
            numbering.indicator(int(start["number"]), f"line {line_number}", "I CSTP 1. ...")
            current = (number, line_number, [(line_number, start["rest"])])
        elif current is not None:
            current[2].append((line_number, line))
        elif numbering.sub_index and line:
            raise InputError(
                path,
                f"text before the first indicator of CSTP {numbering.sub_index}: {line[:60]!r}",
                f"line {line_number}",
            )
    close()
    numbering.finish("I CSTP 1. ...")
    return rows


def _paragraphs(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for line_number, line in lines:
        if line:
            paragraphs[-1].append((line_number, line))
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def _split_text_row(
    sub_index: int,
    number: int,
    line_number: int,
    lines: list[tuple[int, str]],
    path: Path,
    gazetteer: Gazetteer,
    repairs: Repairs,
) -> RawRow:
    """Tell the three columns of one row apart in text where the PDF ran them together."""
    first, *rest = _paragraphs(lines)
    bullet = next((i for i, (_, line) in enumerate(first) if i and line.startswith("-")), None)
    if bullet is not None:  # the leads follow the name as dash bullets, with no blank line
        indicator, lead = _cell(first[:bullet]), _cell(first[bullet:])
    else:
        indicator, lead = _split_lead_from_name(_cell(first), gazetteer)
        if not lead.text and rest:
            lead, rest = _cell(rest[0]), rest[1:]
    # A list that ends in ";" or "," goes on: a page break or blank line fell inside it.
    while lead.text.endswith((";", ",")) and rest:
        lead, rest = lead + _cell(rest[0]), rest[1:]
    coordinators = _cell([line for paragraph in rest for line in paragraph], lead.place())
    row = RawRow(sub_index, number, indicator, lead, coordinators)
    row = _split_merged_lead(row, gazetteer, repairs)
    if not row.coordinators.text:
        raise InputError(
            path,
            f"indicator {row.indicator_id}: no coordinating agencies after the lead, so the text "
            "cannot show where CƠ QUAN CHỦ TRÌ ends; check the row, or type it into the "
            "spreadsheet form (CSV or XLSX) if it really has no coordinators",
            f"line {line_number}",
        )
    return row


def _split_lead_from_name(cell: Cell, gazetteer: Gazetteer) -> tuple[Cell, Cell]:
    """The lead often continues on the name's last line: after the unit, or after the name."""
    unit = UNIT.search(cell.text)
    if unit:
        return cell.part(0, unit.end()), cell.part(unit.end()).strip()
    places, keys = tokenize(cell.text)
    for start in range(1, len(keys)):  # the longest known name that ends the line
        if keys[start:] in gazetteer.index:
            return cell.part(0, places[start][0]), cell.part(places[start][0])
    return cell, Cell("", cell.places[-1:])


def _split_merged_lead(row: RawRow, gazetteer: Gazetteer, repairs: Repairs) -> RawRow:
    """A dash bullet inside a lead that is not itself a bullet list starts the next column."""
    lead = row.lead.strip()
    has_dash = any(dash in lead.text for dash in BULLETS)
    if not has_dash or lead.text.startswith(tuple(BULLETS)):
        return row
    bullet = _bullet_after_actor(lead, gazetteer)
    if bullet is None:
        return row
    repairs.add(
        row.indicator_id,
        "merged columns",
        normalize_text(lead.text),
        f"lead: {normalize_text(lead.text[:bullet])} | coordinators: "
        f"{normalize_text(lead.text[bullet:])}",
    )
    return RawRow(
        row.sub_index,
        row.number,
        row.indicator,
        lead.part(0, bullet),
        lead.part(bullet) + row.coordinators,
    )


def _bullet_after_actor(cell: Cell, gazetteer: Gazetteer) -> int | None:
    """Offset of the first dash bullet that follows a named actor, if the cell has one."""
    named_before = False
    try:
        for piece in _scan(cell, gazetteer):
            if isinstance(piece, Mention):
                named_before = True
            elif named_before:
                return piece
    except _UnreadableActor:
        return None  # the full reading of the cell reports it, with its place
    return None


# --- actors in a cell -------------------------------------------------------------------------


class _UnreadableActor(Exception):
    """Text where an actor's name should stand but none is known; becomes an InputError."""

    def __init__(self, offset: int, fragment: str, problem: str) -> None:
        super().__init__(problem)
        self.offset, self.fragment, self.problem = offset, fragment, problem


def _scan(cell: Cell, gazetteer: Gazetteer):
    """Yield each actor named in `cell` as a Mention, and the offset of each dash bullet."""
    text = cell.text
    places, keys = tokenize(text)

    def span(start: int, end: int) -> str:
        return text[places[start][0] : places[end - 1][1]]  # cells are single-spaced

    bullet, i = None, 0
    while i < len(keys):
        if keys[i] in SEPARATORS:
            if keys[i] in BULLETS:
                bullet = places[i][0]
                yield bullet
            i += 1
            continue
        match = gazetteer.agency_at(keys, i)
        if match is None:
            end = _end_of_item(keys, i)
            mentions = _nested_actors(span(i, end), gazetteer)
            if not mentions:
                fragment = span(i, _end_of_item(keys, i, stops={";", ",", *BULLETS}))
                raise _UnreadableActor(places[i][0], fragment, "unknown actor")
            for agency_id, name in mentions:
                yield Mention(agency_id, name, "", "", span(i, end), places[i][0], bullet)
            bullet, i = None, end
            continue
        agency_id, name_end = match
        end, scope, task = name_end, "", ""
        if end < len(keys) and keys[end] == "(":
            close = next((j for j in range(end, len(keys)) if keys[j] == ")"), None)
            if close is None:
                raise _UnreadableActor(
                    places[end][0], span(end, len(keys)), "a parenthesis is not closed"
                )
            scope = span(end + 1, close) if close > end + 1 else ""
            end = close + 1
        if tuple(keys[end : end + 2]) in TASK_OPENINGS:
            stop = _end_of_item(keys, end)
            task, end = span(end, stop).rstrip("."), stop
        elif end < len(keys) and keys[end] not in SEPARATORS:
            raise _UnreadableActor(
                places[end][0],
                span(end, _end_of_item(keys, end)),
                f"unexpected text after {span(i, name_end)!r}",
            )
        yield Mention(agency_id, span(i, name_end), scope, task, span(i, end), places[i][0], bullet)
        bullet, i = None, end


def _end_of_item(keys: list[str], start: int, stops: Iterable[str] = (";", *BULLETS)) -> int:
    """Where a list item that began at token `start` ends: at the next `;` or dash bullet."""
    stops = frozenset(stops)
    return next((j for j in range(start + 1, len(keys)) if keys[j] in stops), len(keys))


def _nested_actors(item: str, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """Actors named in parentheses inside a descriptive item, e.g. the utilities in
    "các đơn vị cung ứng dịch vụ viễn thông (Viễn Thông Lạng Sơn), nước sạch (...)"."""
    inner = re.findall(r"\(([^()]*)\)", item)
    resolved = [(gazetteer.resolve(name), normalize_text(name)) for name in inner]
    if not resolved or any(agency_id is None for agency_id, _ in resolved):
        return []
    return resolved


def read_actors(cell: Cell, gazetteer: Gazetteer, path: Path, column: str) -> list[Mention]:
    """Every actor named in a lead or coordinator cell, in order."""
    try:
        return [piece for piece in _scan(cell, gazetteer) if isinstance(piece, Mention)]
    except _UnreadableActor as error:
        message = f"{column}: {error.problem} {error.fragment!r}"
        if error.problem == "unknown actor":
            closest = "; ".join(gazetteer.closest_names(error.fragment)) or "none"
            message += (
                f" (closest known: {closest}); add it to a gazetteer CSV "
                "with --gazetteer if it is a real body"
            )
        raise InputError(path, message, cell.place(error.offset)) from None


# --- the indicator column ---------------------------------------------------------------------


def _read_indicator(row: RawRow, path: Path, repairs: Repairs) -> dict[str, object]:
    """Name, unit and statistic source of an indicator, mending the unit's typography."""
    text = normalize_text(row.indicator.text)
    if not text:
        raise InputError(path, f"indicator {row.indicator_id} has no name", row.indicator.place())
    unit = UNIT_AT_END.search(text)
    if unit is None:
        name, unit_text, source = text, "", "PGI survey"
    else:
        name = text[: unit.start()].strip()
        unit_text = re.sub(r"\s+", " ", unit["unit"])
        source = "TCTK" if unit["tctk"] else "PGI survey"
        printed = text[unit.start() :].strip()
        if unit["close"] is None:
            repairs.add(row.indicator_id, "unit", printed, f"({unit['tctk'] or ''}{unit_text})")
        elif not unit["space"]:
            last_word = name.split()[-1]
            repairs.add(row.indicator_id, "unit", f"{last_word}{printed}", f"{last_word} {printed}")
    return {
        "indicator_id": row.indicator_id,
        "sub_index": row.sub_index,
        "number": row.number,
        "name_vi": name,
        "unit": unit_text,
        "statistic_source": source,
    }


# --- the typed-up table -----------------------------------------------------------------------


def _read_sheet(path: Path) -> pd.DataFrame:
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        xlsx = path.suffix.lower() in {".xlsx", ".xlsm"}
        values = read_xlsx_rows(path) if xlsx else read_csv_rows(path)
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text; save the table as CSV UTF-8") from None
    except (OSError, KeyError, csv.Error, zipfile.BadZipFile, InvalidFileException) as error:
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(path, f"cannot read the table ({problem})") from None
    sheet = pd.DataFrame(values, dtype=object).fillna("")
    return sheet.map(lambda value: normalize_text(str(value)))


def _row_number(text: str) -> int | None:
    """An STT cell as a whole number ("3", or "3.0" as a spreadsheet may store it), else None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and number > 0 else None


def _header(sheet: pd.DataFrame, path: Path) -> tuple[int, dict[str, int]]:
    """The spreadsheet row (1-based) that names the four columns, and each column's position."""
    wanted = {role: name_key(title) for role, title in TABLE_COLUMNS.items()}
    for row_number, values in enumerate(sheet.itertuples(index=False), start=1):
        keys = [name_key(value) for value in values]
        columns = {
            role: next((c for c, key in enumerate(keys) if key[: len(want)] == want), None)
            for role, want in wanted.items()
        }
        if None not in columns.values():
            return row_number, columns
    raise InputError(path, f"no header row with the columns {', '.join(TABLE_COLUMNS.values())}")


def _table_rows(path: Path) -> list[RawRow]:
    """Rows of a spreadsheet with the appendix's four columns and sub-index heading rows."""
    sheet = _read_sheet(path)
    header_row, columns = _header(sheet, path)
    rows, numbering, example = [], _Numbering(path), "I | CSTP 1. ..."
    for row_number, values in enumerate(sheet.itertuples(index=False), start=1):
        if row_number <= header_row or not any(values):
            continue
        number_text, indicator = values[columns["number"]], values[columns["indicator"]]
        where = f"row {row_number}"
        if END_OF_TABLE.match(number_text or indicator):
            break  # the footnote under the table ("Ghi chú: ...")
        heading = SUB_INDEX_HEADING.match(f"{number_text} {indicator}".strip())
        if heading:
            numbering.heading(int(heading["sub_index"]), where)
            continue
        number = _row_number(number_text)
        if number is None:
            raise InputError(
                path,
                f"STT must be an indicator number or a sub-index heading (found {number_text!r})",
                f"{where}, column STT",
            )
        numbering.indicator(number, where, example)
        cells = {role: Cell(values[column], ((0, where),)) for role, column in columns.items()}
        rows.append(
            RawRow(
                numbering.sub_index,
                number,
                cells["indicator"],
                cells["lead"],
                cells["coordinators"],
            )
        )
    numbering.finish(example)
    return rows


# --- the tidy tables --------------------------------------------------------------------------


def _name_variant(found: str, canonical: str) -> str | None:
    """How a printed name differs from the canonical one: None, 'spelling' or 'alias'."""
    if found[:1].lower() + found[1:] == canonical[:1].lower() + canonical[1:]:
        return None  # only the capital that starts a list item
    return "spelling" if name_key(found) == name_key(canonical) else "alias"


def load_sub_indices() -> pd.DataFrame:
    """The four sub-indices (CSTP 1–4): code, names and short labels in Vietnamese and English."""
    return pd.read_csv(paths.SUB_INDICES_REFERENCE, dtype={"sub_index": "int64"})


def _reference_indicators() -> dict[tuple[str, ...], dict[str, object]]:
    """English name, direction and kind of each known indicator, by the key of its name."""
    return _read_reference(paths.INDICATORS_REFERENCE, file_stamp(paths.INDICATORS_REFERENCE))


@functools.lru_cache(maxsize=2)  # read again only when the file changes (its stamp is the key)
def _read_reference(path: Path, stamp: tuple) -> dict[tuple[str, ...], dict[str, object]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return {
            name_key(row["name_vi"]): {
                "name_en": row["name_en"],
                "higher_is_better": {"true": True, "false": False}[row["higher_is_better"]],
                "kind": row["kind"],
            }
            for row in csv.DictReader(stream)
        }


def _indicators_table(records: list[dict[str, object]], repairs: Repairs) -> pd.DataFrame:
    reference = _reference_indicators()
    unknown = {"name_en": "", "higher_is_better": None, "kind": ""}
    for record in records:
        known = reference.get(name_key(record["name_vi"]))
        if known is None:
            repairs.add(
                record["indicator_id"],
                "no reference entry",
                record["name_vi"],
                "English name, direction and kind left empty",
            )
        record.update(known or unknown)  # copied in: the cached reference stays as read
    indicators = pd.DataFrame(records, columns=INDICATOR_COLUMNS)
    indicators["higher_is_better"] = pd.array(indicators["higher_is_better"], dtype="boolean")
    return indicators


def _assignments(
    row: RawRow,
    path: Path,
    gazetteer: Gazetteer,
    repairs: Repairs,
    spellings: dict[str, list[str]],
) -> list[tuple[str, ...]]:
    """One indicator's actors, each once per role, noting every spelling seen in `spellings`."""
    indicator_id, assignments = row.indicator_id, []
    for role, cell, column in (
        ("lead", row.lead, "CƠ QUAN CHỦ TRÌ"),
        ("coordinator", row.coordinators, "CƠ QUAN PHỐI HỢP"),
    ):
        mentions = read_actors(cell, gazetteer, path, f"indicator {indicator_id}, {column}")
        if role == "lead" and not mentions:
            raise InputError(
                path,
                f"indicator {indicator_id} has no lead agency (CƠ QUAN CHỦ TRÌ)",
                row.lead.place(),
            )
        named: set[str] = set()
        for mention in mentions:
            canonical = gazetteer.name_of(mention.agency_id)
            variant = _name_variant(mention.found, canonical)
            if variant:
                repairs.add(indicator_id, variant, mention.found, canonical)
            seen = spellings.setdefault(mention.agency_id, [])
            if mention.found not in seen:
                seen.append(mention.found)
            if mention.agency_id in named:
                repairs.add(indicator_id, f"duplicate {role}", mention.found, "kept once")
                continue
            named.add(mention.agency_id)
            assignments.append(
                (
                    indicator_id,
                    mention.agency_id,
                    role,
                    mention.scope,
                    mention.task,
                    mention.source_text,
                )
            )
    return assignments


def _tidy(rows: list[RawRow], path: Path, gazetteer: Gazetteer, repairs: Repairs) -> TidyAppendix:
    indicators, assignments = [], []
    spellings: dict[str, list[str]] = {}
    for row in rows:
        indicators.append(_read_indicator(row, path, repairs))
        assignments += _assignments(row, path, gazetteer, repairs, spellings)
    agencies = gazetteer.table(spellings)
    agencies["aliases"] = agencies["agency_id"].map(lambda a: "|".join(spellings[a]))
    return TidyAppendix(
        indicators=_indicators_table(indicators, repairs),
        agencies=agencies[AGENCY_COLUMNS].reset_index(drop=True),
        assignments=pd.DataFrame(assignments, columns=ASSIGNMENT_COLUMNS, dtype="str"),
        repairs=repairs.table(),
    )


def load_appendix(
    path: Path | str | None = None, gazetteer: Iterable[Path | str] = ()
) -> TidyAppendix:
    """Read the appendix (extracted text, CSV or XLSX) into tidy tables.

    `gazetteer` names extra agencies CSVs that extend data/reference/agencies.csv. Every actor
    must be known: an unknown name is an InputError listing the closest known names.
    """
    path = Path(path) if path is not None else paths.APPENDIX_TEXT
    known = load_gazetteer([Path(extra) for extra in gazetteer])
    repairs = Repairs()
    if path.suffix.lower() in {".csv", ".xlsx", ".xlsm"}:
        rows = _table_rows(path)
    else:
        rows = _text_rows(_read_text(path), path, known, repairs)
    return _tidy(rows, path, known, repairs)
