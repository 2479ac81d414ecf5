"""Actors named in a cell of the appendix: each name resolved through the gazetteer, with the
scope or task phrase that follows it; anything else where a name should stand is an error.

A `Cell` keeps, for each stretch of its text, where in the user's file it came from, so that an
error names the line or row.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pgi_analysis.errors import InputError
from pgi_analysis.reference import Gazetteer
from pgi_analysis.text import normalize_text, tokenize

# Between two actors: list punctuation, a dash bullet, or "và" ("... dịch vụ và cá nhân ...").
BULLETS = frozenset({"-", "–", "—"})
SEPARATORS = frozenset({";", ",", ".", "và", *BULLETS})
# A phrase after an actor's name that says what it does, not who else takes part.
TASK_OPENINGS = frozenset({("tham", "mưu"), ("chủ", "trì"), ("phối", "hợp"), ("chỉ", "đạo")})


@dataclass(frozen=True)
class Cell:
    """One column of one row, with where each stretch of it stands in the file."""

    text: str
    places: tuple[tuple[int, str], ...]  # (offset in text, place in file), by offset; from 0

    def place(self, offset: int = 0) -> str:
        return [place for start, place in self.places if start <= offset][-1]

    def part(self, start: int, end: int | None = None) -> Cell:
        """The text from `start` to `end`, each stretch still placed; an empty part keeps the
        place where it begins, so that an error about it can say where."""
        end = len(self.text) if end is None else end
        later = [(offset - start, place) for offset, place in self.places if start < offset < end]
        return Cell(self.text[start:end], ((0, self.place(start)), *later))

    def strip(self) -> Cell:
        start, end = len(self.text) - len(self.text.lstrip()), len(self.text.rstrip())
        return self.part(start, max(start, end))

    def __add__(self, other: Cell) -> Cell:
        if not self.text:
            return other
        shift = len(self.text) + 1
        moved = tuple((offset + shift, place) for offset, place in other.places)
        return Cell(f"{self.text} {other.text}", self.places + moved)


class Mention(NamedTuple):  # a tuple: hundreds are made per reading
    """An actor named in a cell, with the scope or task phrase that follows its name."""

    agency_id: str
    found: str
    scope: str
    task: str
    source_text: str
    start: int
    after_bullet: int | None  # offset of the dash bullet just before it, if any


class UnreadableActor(Exception):
    """Text where an actor's name should stand but none is known; becomes an InputError."""

    def __init__(self, offset: int, fragment: str, problem: str) -> None:
        super().__init__(problem)
        self.offset, self.fragment, self.problem = offset, fragment, problem


class _Same:
    """A gazetteer as a cache key: that very object, not an equal one. Gazetteers are cached on
    their files' stamps, so one set of files is one object; the key holds it, so its id is not
    reused while the key lives."""

    __slots__ = ("gazetteer",)

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __hash__(self) -> int:
        return id(self.gazetteer)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.gazetteer is self.gazetteer


def scan(text: str, gazetteer: Gazetteer) -> tuple[Mention | int, ...]:
    """Each actor named in `text` as a Mention, and the offset of each dash bullet, in order;
    UnreadableActor where a name should stand but none is known."""
    return _scan(text, _Same(gazetteer))


@functools.lru_cache(maxsize=512)  # a plan repeats its lists of actors from row to row
def _scan(text: str, same: _Same) -> tuple[Mention | int, ...]:
    return tuple(_pieces(text, same.gazetteer))


def _pieces(text: str, gazetteer: Gazetteer):
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
        match = gazetteer.names.at(keys, i)
        if match is None:
            end = _end_of_item(keys, i)
            mentions = _nested_actors(span(i, end), gazetteer)
            if not mentions:
                fragment = span(i, _end_of_item(keys, i, stops={";", ",", *BULLETS}))
                raise UnreadableActor(places[i][0], fragment, "unknown actor")
            for agency_id, name in mentions:
                yield Mention(agency_id, name, "", "", span(i, end), places[i][0], bullet)
            bullet, i = None, end
            continue
        agency_id, name_end = match
        end, scope, task = name_end, "", ""
        if end < len(keys) and keys[end] == "(":
            close = next((j for j in range(end, len(keys)) if keys[j] == ")"), None)
            if close is None:
                raise UnreadableActor(
                    places[end][0], span(end, len(keys)), "a parenthesis is not closed"
                )
            scope = span(end + 1, close) if close > end + 1 else ""
            end = close + 1
        if tuple(keys[end : end + 2]) in TASK_OPENINGS:
            stop = _end_of_item(keys, end)
            task, end = span(end, stop).rstrip("."), stop
        elif end < len(keys) and keys[end] not in SEPARATORS:
            raise UnreadableActor(
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
        return [piece for piece in scan(cell.text, gazetteer) if isinstance(piece, Mention)]
    except UnreadableActor as error:
        message = f"{column}: {error.problem} {error.fragment!r}"
        if error.problem == "unknown actor":
            closest = "; ".join(gazetteer.closest_names(error.fragment)) or "none"
            message += (
                f" (closest known: {closest}); add it to a gazetteer CSV "
                "with --gazetteer if it is a real body"
            )
        raise InputError(path, message, cell.place(error.offset)) from None
