"""Where every input came from: each data file with its checksum and the note that describes it.

A folder's `PROVENANCE.md` (or `SOURCES.md`) gives each file a heading; the first paragraph under
it is the file's description in English. Its section `## Mô tả tiếng Việt` describes the files in
Vietnamese, one item each: "- `file.csv`: …", or "- `folder/`: …" for every file in a folder.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from pgi_analysis import paths

# Notes that sit beside the inputs and say where each came from; they are not inputs themselves.
NOTE_NAMES = ("PROVENANCE.md", "SOURCES.md")
VIETNAMESE_HEADING = "Mô tả tiếng Việt"
NO_VIETNAMESE = "Chưa có mô tả tiếng Việt (xem mô tả tiếng Anh)"
_VIETNAMESE_ITEM = re.compile(r"- `([^`]+)`: (.*)")


class ProvenanceRow(NamedTuple):
    """One input of the workbook, as the `Nguồn` sheet lists it."""

    input: str
    description_vi: str
    description_en: str
    note: str
    sha256: str


def provenance_rows(
    folders: Iterable[Path] = paths.INPUT_FOLDERS, root: Path = paths.ROOT
) -> list[ProvenanceRow]:
    """Every input file under `folders`, with the first line its provenance note gives it."""
    rows = []
    for folder in folders:
        notes = [folder / name for name in NOTE_NAMES if (folder / name).is_file()]
        texts = {note: note.read_text(encoding="utf-8") for note in notes}
        for path in _input_files(folder):
            description, note = _note_entry(path.name, texts)
            rows.append(
                ProvenanceRow(
                    input=path.relative_to(root).as_posix(),
                    description_vi=_vietnamese_entry(path.relative_to(folder).as_posix(), texts),
                    description_en=description,
                    note=note.relative_to(root).as_posix() if note else "",
                    sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                )
            )
    return rows


def _input_files(folder: Path) -> list[Path]:
    """Data files under `folder`: not the notes about them, not hidden or temporary files."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix != ".md"
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def _note_entry(file_name: str, notes: dict[Path, str]) -> tuple[str, Path | None]:
    """The first paragraph under the file's own heading in a note, else the note's title."""
    for note, text in notes.items():
        paragraph = _paragraph_under_heading(text, file_name)
        if paragraph:
            return paragraph, note
    for note, text in notes.items():
        return _first_heading(text), note
    return "", None


def _vietnamese_entry(file: str, notes: dict[Path, str]) -> str:
    """The Vietnamese description of `file` (its path in the folder): its own item, else that of
    the folder it is in."""
    for text in notes.values():
        entries = _vietnamese_entries(text)
        if file in entries:
            return entries[file]
        folders = [name for name in entries if name.endswith("/") and file.startswith(name)]
        if folders:
            return entries[max(folders, key=len)]
    return NO_VIETNAMESE


def _vietnamese_entries(text: str) -> dict[str, str]:
    """The items of a note's section `## Mô tả tiếng Việt`, by the file or folder they name."""
    entries: dict[str, str] = {}
    inside, name = False, None
    for line in text.splitlines():
        if line.startswith("#"):
            inside = line.lstrip("#").strip() == VIETNAMESE_HEADING
        elif inside and (item := _VIETNAMESE_ITEM.match(line.strip())):
            name = item[1]
            entries[name] = item[2].strip()
        elif inside and name and line.startswith(" ") and line.strip():  # the item wraps
            entries[name] += " " + line.strip()
        elif not line.strip():
            name = None
    return entries


def _paragraph_under_heading(text: str, file_name: str) -> str:
    names_file = re.compile(rf"(?<![\w.-]){re.escape(file_name)}(?![\w.-])")
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("#") and names_file.search(line.replace("`", "")):
            return _first_paragraph(lines[number + 1 :])
    return ""


def _first_paragraph(lines: list[str]) -> str:
    """The first block of text, or the first item when the block is a list, without markup."""
    paragraph: list[str] = []
    for line in lines:
        text = line.strip()
        ends_paragraph = not text or text.startswith("#")
        starts_item = text.startswith(("- ", "* ", "|"))
        if paragraph and (ends_paragraph or starts_item):
            break
        if text.startswith("#"):
            return ""
        if text:
            paragraph.append(text.removeprefix("- ").removeprefix("* "))
    return re.sub(r"\*\*|`", "", " ".join(paragraph))


def _first_heading(text: str) -> str:
    headings = (line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#"))
    return next(headings, "")
