"""The appendix as text extracted from the plan's PDF: page headers repeat, columns run together,
names wrap over lines. This module finds the rows and tells their three columns apart."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pgi_analysis.actors import BULLETS, Cell, Mention, Place, UnreadableActor, scan
from pgi_analysis.appendix_rows import (
    END_OF_TABLE,
    SUB_INDEX_HEADING,
    Numbering,
    RawRow,
    Repairs,
    find_unit,
)
from pgi_analysis.errors import InputError
from pgi_analysis.files import decode_utf8
from pgi_analysis.messages import message
from pgi_analysis.reference import Gazetteer
from pgi_analysis.text import normalize_text, tokenize

PAGE_HEADER_LINES = frozenset(
    {"STT CHỈ SỐ THÀNH PHẦN CƠ QUAN CHỦ TRÌ", "THỰC HIỆN", "CƠ QUAN PHỐI HỢP"}
)
# What a line can be, in one match: the note under the table, a sub-index heading, or the start
# of a row (a number, then the indicator's name).
_LINE_KIND = re.compile(
    rf"(?P<end>{END_OF_TABLE.pattern})|(?P<heading>{SUB_INDEX_HEADING.pattern})|"
    r"^(?P<number>\d{1,2})\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _cell(lines: list[tuple[int, str]], fallback: Place | None = None) -> Cell:
    """The lines of one column, joined by spaces, each remembered as a line of the file."""
    places, offset = [], 0
    for line_number, line in lines:
        places.append((offset, ("line", line_number)))
        offset += len(line) + 1
    return Cell(" ".join([line for _, line in lines]), tuple(places) or ((0, fallback),))


def _read_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, message("file_unreadable", problem=error.strerror)) from None
    if not data.strip():
        raise InputError(path, message("file_empty"))
    if b"\x00" in data:
        raise InputError(path, message("binary_file"))
    return normalized_lines(decode_utf8(path, data))


def normalized_lines(text: str) -> list[str]:
    """The lines of NFC text, each single-spaced and trimmed: the form every reading starts
    from, whatever the line ends (LF, CRLF or CR)."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [" ".join(line.split()) for line in lines]


@dataclass(frozen=True)
class _TextReader:
    """What reading one file's rows needs besides the rows: where they come from, the known
    actors, the PGI indicators' names (keys by id) and the record of repairs."""

    path: Path
    gazetteer: Gazetteer
    repairs: Repairs
    names: dict[str, tuple[str, ...]]
    longest_name: int  # in tokens: no known actor's name is longer
    last_words: frozenset[str]  # every known actor's name ends with one of these

    def row(self, sub_index: int, number: int, line_number: int, lines) -> RawRow:
        """Tell the three columns of one row apart in text where the PDF ran them together."""
        first, *rest = _paragraphs(lines)
        bullet = next((i for i, (_, line) in enumerate(first) if i and line.startswith("-")), None)
        if bullet is not None:  # the leads follow the name as dash bullets, with no blank line
            indicator, lead = _cell(first[:bullet]), _cell(first[bullet:])
        else:
            name = self.names.get(f"{sub_index}.{number:02d}", ())
            indicator, lead = self._split_lead_from_name(_cell(first), name)
            if not lead.text and rest:
                lead, rest = _cell(rest[0]), rest[1:]
        # A list that ends in ";" or "," goes on: a page break or blank line fell inside it.
        joined, ending = 0, lead.text
        while joined < len(rest) and ending.endswith((";", ",")):
            ending = rest[joined][-1][1]
            joined += 1
        if joined:
            lead = lead + _cell([line for paragraph in rest[:joined] for line in paragraph])
            rest = rest[joined:]
        coordinators = _cell([line for paragraph in rest for line in paragraph], lead.place())
        row = RawRow(sub_index, number, indicator, lead, coordinators)
        row = _split_merged_lead(row, self.gazetteer, self.repairs)
        if not row.coordinators.text:
            raise InputError(
                self.path,
                message("no_coordinators_in_text", indicator_id=row.indicator_id),
                message("line", line=line_number),
            )
        return row

    def _split_lead_from_name(self, cell: Cell, name: tuple[str, ...]) -> tuple[Cell, Cell]:
        """The lead often continues on the name's last line: after the unit, as the known actor
        that ends the line, or after the indicator's name."""
        unit = find_unit(cell.text)
        if unit:
            return cell.part(0, unit.end()), cell.part(unit.end()).strip()
        places, keys = tokenize(cell.text)
        exact = self.gazetteer.names.exact
        if keys and keys[-1] in self.last_words:
            for start in range(max(1, len(keys) - self.longest_name), len(keys)):  # longest first
                if keys[start:] in exact:
                    return cell.part(0, places[start][0]), cell.part(places[start][0])
        if 0 < len(name) < len(keys) and keys[: len(name)] == name:
            return cell.part(0, places[len(name) - 1][1]), cell.part(places[len(name)][0])
        return cell, Cell("", ((0, cell.places[-1][1]),))  # empty, placed at its last line


def text_rows(
    path: Path,
    gazetteer: Gazetteer,
    repairs: Repairs,
    names: dict[str, tuple[str, ...]] | None = None,
    subset: bool = False,
) -> list[RawRow]:
    """Rows of the PDF-extracted text: sub-index headings, then numbered rows in order.

    `names` are the keys (`text.name_key`) of the PGI indicators' names by id: where neither a
    unit nor a known actor ends an indicator's name on its line, the name tells where it ends.
    """
    lines = _read_lines(path)
    known = gazetteer.names.exact
    longest, last_words = max(map(len, known), default=0), frozenset(key[-1] for key in known)
    reader = _TextReader(path, gazetteer, repairs, names or {}, longest, last_words)
    rows: list[RawRow] = []
    numbering, current = Numbering(path, subset), None

    def close() -> None:
        if current is not None:
            rows.append(reader.row(numbering.sub_index, *current))

    for line_number, line in enumerate(lines, start=1):
        if not line:
            if current is not None:
                current[2].append((line_number, line))  # a blank line ends a paragraph
            continue
        if line in PAGE_HEADER_LINES:
            if current is not None:
                current[2].append((line_number, ""))  # a page break ends a paragraph too
            continue
        kind = _LINE_KIND.match(line)
        if kind is not None and kind["end"]:
            break  # the note under the table
        if kind is not None and kind["heading"]:
            close()
            numbering.heading(int(kind["sub_index"]), ("line", line_number))
            current = None
        # A row begins with a number and a capital; "2 năm gần nhất ..." wraps a name.
        elif kind is not None and numbering.sub_index and kind["rest"][0].isupper():
            close()
            number = int(kind["number"])
            numbering.indicator(number, ("line", line_number), "I CSTP 1. ...")
            current = (number, line_number, [(line_number, kind["rest"])])
        elif current is not None:
            current[2].append((line_number, line))
        elif numbering.sub_index:
            raise InputError(
                path,
                message(
                    "text_before_first_indicator", sub_index=numbering.sub_index, text=line[:60]
                ),
                message("line", line=line_number),
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


def _split_merged_lead(row: RawRow, gazetteer: Gazetteer, repairs: Repairs) -> RawRow:
    """A dash bullet inside a lead that is not itself a bullet list starts the next column."""
    if not any(dash in row.lead.text for dash in BULLETS):
        return row
    lead = row.lead.strip()
    if lead.text.startswith(tuple(BULLETS)):
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
        for piece in scan(cell.text, gazetteer):
            if isinstance(piece, Mention):
                named_before = True
            elif named_before:
                return piece
    except UnreadableActor:
        return None  # the full reading of the cell reports it, with its place
    return None
