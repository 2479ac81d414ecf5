"""One rule for matching names, for agencies and provinces alike.

A name is compared by its token key (`text.name_key`: Unicode form, tone placement, case, spacing,
quotes and dashes folded), then, if nothing matched, by the same key without diacritics. A name
that matches nothing is an error that suggests the closest known names (`text.closest_keys`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pgi_analysis.errors import InputError
from pgi_analysis.messages import Words, message
from pgi_analysis.text import closest_keys, name_key, without_diacritics

Key = tuple[str, ...]


def plain(key: Key) -> Key:
    """A key without diacritics: how a name typed without Vietnamese input compares."""
    return tuple(without_diacritics(token) for token in key)


@dataclass(frozen=True)
class NameIndex:
    """Every known spelling's key, and whose it is."""

    exact: dict[Key, str]
    loose: dict[Key, str]  # keys without diacritics; a key two owners share is left out
    lengths_by_first_token: dict[str, list[int]]  # longest first: names tried at each token
    key: Callable[[str], Key]

    def lookup(self, name: str) -> str | None:
        """The owner of `name` in any known spelling, or None."""
        key = self.key(name)
        return self.exact.get(key) or self.loose.get(plain(key))

    def at(self, keys: tuple[str, ...], start: int) -> tuple[str, int] | None:
        """The owner of the longest known name that begins at token `start` of `keys`, and the
        token where that name ends; None if no known name begins there."""
        for length in self.lengths_by_first_token.get(keys[start], ()):
            if start + length <= len(keys):
                owner = self.exact.get(tuple(keys[start : start + length]))
                if owner is not None:
                    return owner, start + length
        return None

    def closest(self, name: str, count: int = 3) -> list[str]:
        """The owners of the known names most like `name`, best first, each once."""
        spelled = {" ".join(plain(key)): owner for key, owner in self.exact.items()}
        found = closest_keys(" ".join(plain(self.key(name))), spelled, count=len(spelled))
        return list(dict.fromkeys(spelled[match] for match in found))[:count]


def build_index(
    spellings: Iterable[tuple[str, str, Path, Words]], key: Callable[[str], Key] = name_key
) -> NameIndex:
    """An index of `spellings`, each (owner, name, file, where in the file). One spelling given
    to two owners is an InputError at the second."""
    exact: dict[Key, str] = {}
    loose: dict[Key, str | None] = {}
    for owner, name, path, where in spellings:
        spelled = key(name)
        if not spelled:
            continue
        if exact.setdefault(spelled, owner) != owner:
            raise InputError(path, message("name_taken", name=name, owner=exact[spelled]), where)
        loose[plain(spelled)] = owner if loose.get(plain(spelled), owner) == owner else None
    lengths: dict[str, set[int]] = {}
    for spelled in exact:
        lengths.setdefault(spelled[0], set()).add(len(spelled))
    return NameIndex(
        exact=exact,
        loose={spelled: owner for spelled, owner in loose.items() if owner is not None},
        lengths_by_first_token={first: sorted(n, reverse=True) for first, n in lengths.items()},
        key=key,
    )
