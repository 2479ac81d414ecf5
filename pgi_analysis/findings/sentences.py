"""A finding as a pair of sentences, one per language, and a notebook's findings as a list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pgi_analysis.vocabulary import LANGUAGES, check_language


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

    def shown(self, lang: str | None = None) -> Markdown:
        """What a notebook displays: the findings in `lang`, or in both languages (Vietnamese
        first) when `lang` is None, as the researchers' notebooks show them."""
        languages = LANGUAGES if lang is None else (check_language(lang),)
        return Markdown("\n\n".join(self.markdown(language) for language in languages))


@dataclass(frozen=True)
class Markdown:
    """Markdown text that a notebook renders; its plain text is the same Markdown, so that output
    comparison (nbval) sees every word."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text
