"""The one error type for bad user input: a line naming the file and the place in it, or, when a
file has several problems, a first line that counts them and one line for each."""

from __future__ import annotations

from collections.abc import Iterable

from pgi_analysis.messages import Words, message, words

# How many problems of one file are listed; the first line counts them all.
SHOWN_PROBLEMS = 20


class InputError(ValueError):
    """Input that cannot be read faithfully; the command line prints it and exits non-zero.

    `message` and `where` are text or catalogue messages, put into words in the reader's
    language by `text(lang)`; `str()` is the English.
    """

    def __init__(
        self,
        path,
        message: Words,
        where: Words = "",
        problems: tuple[InputError, ...] = (),
    ) -> None:
        self.path, self.where, self.message = str(path), where, message
        self.problems = problems
        super().__init__(self.text("en"))

    @classmethod
    def listing(cls, problems: Iterable[InputError]) -> InputError:
        """One error for every problem found in one file, each once, in the order found."""
        unique = list({problem.text("en"): problem for problem in problems}.values())
        if len(unique) == 1:
            return unique[0]
        first = unique[0]
        return cls(first.path, message("problems", count=len(unique)), problems=tuple(unique))

    def line(self, lang: str = "en", path: bool = True) -> str:
        where = words(self.where, lang)
        place = ", ".join(part for part in (self.path if path else "", where) if part)
        return f"{place}: {words(self.message, lang)}" if place else words(self.message, lang)

    def text(self, lang: str = "en") -> str:
        lines = [self.line(lang)]
        for problem in self.problems[:SHOWN_PROBLEMS]:
            lines.append("  " + problem.line(lang, path=problem.path != self.path))
        if len(self.problems) > SHOWN_PROBLEMS:
            more = message("more_problems", count=len(self.problems) - SHOWN_PROBLEMS)
            lines.append("  " + more.text(lang))
        return "\n".join(lines)
