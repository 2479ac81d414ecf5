"""A finding as a pair of sentences, one per language, and a notebook's findings as a list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pgi_analysis.vocabulary import check_language


@dataclass(frozen=True)
class Sentence:
    """One finding, said in Vietnamese and in English (Markdown: `code`, *emphasis*)."""

    vi: str
    en: str

    def text(self, lang: str) -> str:
        return self.vi if check_language(lang) == "vi" else self.en


@dataclass(frozen=True)
class Findings:
    """A notebook's findings, in the order they are read."""

    sentences: tuple[Sentence, ...]

    @classmethod
    def of(cls, sentences: Iterable[Sentence | None]) -> Findings:
        """The sentences that were written (a function returns None where its premise fails)."""
        return cls(tuple(sentence for sentence in sentences if sentence is not None))

    def texts(self, lang: str) -> list[str]:
        return [sentence.text(lang) for sentence in self.sentences]

    def markdown(self, lang: str) -> str:
        """A bulleted list, as a notebook displays it."""
        return "\n".join(f"- {text}" for text in self.texts(lang))

    def _repr_markdown_(self) -> str:
        return self.markdown("vi") + "\n\n" + self.markdown("en")
