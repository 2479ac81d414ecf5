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
from pgi_analysis.messages import Message, message
from pgi_analysis.reference import Gazetteer
from pgi_analysis.text import normalize_text, tokenize

# Between two actors: list punctuation, a dash bullet, or "và" ("... dịch vụ và cá nhân ...").
BULLETS = frozenset({"-", "–", "—"})
SEPARATORS = frozenset({";", ",", ".", "và", *BULLETS})
# A phrase after an actor's name that says what it does, not who else takes part.
TASK_OPENINGS = frozenset({("tham", "mưu"), ("chủ", "trì"), ("phối", "hợp"), ("chỉ", "đạo")})


# A line of a text or a row of a sheet: ("line", 12), ("row", 5). Reading places every line, so
# a place stays a plain pair (cheaper than any object) until an error puts it into words.
Place = tuple[str, int]


def place_message(place: Place) -> Message:
    """A place in words: the catalogue's "line" or "row", which take their number by that name."""
    kind, number = place
    return message(kind, **{kind: number})


@dataclass(frozen=True)
class Cell:
    """One column of one row, with where each stretch of it stands in the file."""

    text: str
    places: tuple[tuple[int, Place], ...]  # (offset in text, place in file), by offset; from 0

    def place(self, offset: int = 0) -> Place:
        return [place for start, place in self.places if start <= offset][-1]

    def where(self, offset: int = 0) -> Message:
        """The place of the text at `offset`, in words, for an error."""
        return place_message(self.place(offset))

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
    """Text where an actor's name should stand but none is known; becomes an InputError.
    `problem` is its catalogue entry, which takes the `fragment` and any other `values`."""

    def __init__(self, offset: int, fragment: str, problem: str, **values: str) -> None:
        super().__init__(problem)
        self.offset, self.fragment, self.problem, self.values = offset, fragment, problem, values


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
                raise UnreadableActor(places[i][0], fragment, "actor_unknown")
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
                    places[end][0], span(end, len(keys)), "parenthesis_not_closed"
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
                "text_after_actor",
                name=span(i, name_end),
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


def read_actors(
    cell: Cell, gazetteer: Gazetteer, path: Path, indicator_id: str, column: str
) -> list[Mention]:
    """Every actor named in a lead or coordinator cell (`column`) of an indicator, in order."""
    try:
        return [piece for piece in scan(cell.text, gazetteer) if isinstance(piece, Mention)]
    except UnreadableActor as error:
        values: dict[str, object] = dict(error.values)
        if error.problem == "actor_unknown":
            closest = "; ".join(gazetteer.closest_names(error.fragment))
            values["closest"] = closest or message("none")
        problem = message(error.problem, fragment=error.fragment, **values)
        in_column = message("in_column", indicator_id=indicator_id, column=column, problem=problem)
        raise InputError(path, in_column, cell.where(error.offset)) from None
