"""Where every input came from: each data file with its checksum and the note that describes it.

A folder's `PROVENANCE.md` (or `SOURCES.md`) gives each file a heading; the first paragraph under
it is the file's description.
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


class ProvenanceRow(NamedTuple):
    """One input of the workbook, as the `Nguồn` sheet lists it."""

    input: str
    description: str
    note: str
    sha256: str


def provenance_rows(
    folders: Iterable[Path] = paths.INPUT_FOLDERS, root: Path = paths.ROOT
) -> list[ProvenanceRow]:
    """Every input file under `folders`, with the first line its provenance note gives it."""
    rows = []
    for folder in folders:
        notes = [folder / name for name in NOTE_NAMES if (folder / name).is_file()]
        for path in _input_files(folder):
            description, note = _note_entry(path.name, notes)
            rows.append(
                ProvenanceRow(
                    input=path.relative_to(root).as_posix(),
                    description=description,
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


def _note_entry(file_name: str, notes: list[Path]) -> tuple[str, Path | None]:
    """The first paragraph under the file's own heading in a note, else the note's title."""
    for note in notes:
        paragraph = _paragraph_under_heading(note.read_text(encoding="utf-8"), file_name)
        if paragraph:
            return paragraph, note
    if notes:
        return _first_heading(notes[0].read_text(encoding="utf-8")), notes[0]
    return "", None


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
