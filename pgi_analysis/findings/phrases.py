"""The words findings share: a sentence built once per language, lists joined as each language
joins them, agencies by their short names, numbers in each language's format, and what another
counting of the appendix would change (`Readings`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pgi_analysis import counting
from pgi_analysis.findings.sentences import Sentence
from pgi_analysis.responsibility import listed
from pgi_analysis.vocabulary import (
    COUNTING_CHOICE_LABELS,
    DEFAULT_COUNTING_REASON,
    format_count,
    format_number,
    format_share,
    headline_label,
    join_words,
    pick,
    sub_index_code,
)


def sentence(build: Callable[[str], str]) -> Sentence:
    """The sentence `build(lang)` writes, in Vietnamese and in English."""
    return Sentence(build("vi"), build("en"))


# Bodies are named by their Vietnamese short names in both languages, as the plan names them:
# a reader of either language can find them in the plan and in the tables (`short_vi`).
NAME = "short_vi"


def name_of(body: pd.Series) -> str:
    """A row's short name as a list can hold it: a name with a comma of its own ("Sở, ban,
    ngành liên quan") in quotes."""
    return f"“{body[NAME]}”" if "," in body[NAME] else body[NAME]


def names(agency_ids: Iterable[str], agencies: pd.DataFrame, lang: str) -> str:
    """The agencies' short names (see `name_of`), joined as a list."""
    table = agencies.set_index("agency_id")
    return join_words((name_of(table.loc[agency_id]) for agency_id in agency_ids), lang)


def lower_first(text: str) -> str:
    """A label that starts a phrase, to stand inside a sentence ("Media" -> "media"); an
    abbreviation ("CSTP", "HHI") stays as it is."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def codes(sub_indices: Iterable[int | str]) -> list[str]:
    """ "CSTP 1", … for sub-index numbers (or their text, as `counting.sensitivity` lists them)."""
    return [sub_index_code(int(number)) for number in sub_indices]


def decimal(value: float, lang: str) -> str:
    """A measure to three decimals: 0,364 / 0.364."""
    return format_number(value, lang, 3)


def amount(value: float, lang: str) -> str:
    """A count that may be fractional (lead credit): whole numbers without decimals."""
    return format_count(round(value), lang) if float(value).is_integer() else decimal(value, lang)


def share(value: float, lang: str) -> str:
    """A share as a percentage with the exact fraction beside it: 36% (0,364). Not inside
    brackets: write "…, 36% (0,364), …" there."""
    return f"{format_share(value, lang)} ({decimal(value, lang)})"


def count(value: int, lang: str) -> str:
    return format_count(int(value), lang)


def plural(value: int, singular: str, several: str) -> str:
    """English noun for `value` things."""
    return singular if value == 1 else several


@dataclass(frozen=True)
class Readings:
    """The headline findings under every counting choice (`counting.sensitivity`) and which of
    them hold under all (`counting.robustness`, indexed by finding)."""

    sensitivity: pd.DataFrame
    robustness: pd.DataFrame

    @classmethod
    def of(cls, assignments: pd.DataFrame, agencies: pd.DataFrame) -> Readings:
        table = counting.sensitivity(assignments, agencies)
        return cls(table, counting.robustness(table).set_index("finding"))

    def default(self, finding: str) -> object:
        return self.robustness.loc[finding, "default"]

    def listed(self, finding: str) -> list[str]:
        """The ids or sub-indices a finding lists under the default counting."""
        return listed(self.default(finding))

    def holds(self, finding: str) -> bool:
        return bool(self.robustness.loc[finding, "holds_under_all"])

    def otherwise(
        self, finding: str, describe: Callable[[pd.Series, str], str], lang: str
    ) -> list[str]:
        """For each counting under which `finding` differs from the default, what it says then:
        "nếu <choice> thì <describe(row)>" / "with <choice>, <describe(row)>"."""
        return [
            pick(lang, "nếu {} thì {}", "with {}, {}").format(
                pick(lang, *COUNTING_CHOICE_LABELS[choice]),
                describe(self.sensitivity.loc[choice], lang),
            )
            for choice in self.robustness.loc[finding, "depends_on"]
        ]

    def verdict(self, finding: str, describe: Callable[[pd.Series, str], str], lang: str) -> str:
        """ " This holds under every counting." or " This depends on the counting: with …"."""
        if self.holds(finding):
            return pick(
                lang, " Kết luận này đúng với mọi cách đếm.", " This holds under every counting."
            )
        clauses = "; ".join(self.otherwise(finding, describe, lang))
        return pick(
            lang, " Kết luận này phụ thuộc cách đếm: ", " This depends on the counting: "
        ) + (f"{clauses}.")

    def summary(self, findings: Iterable[str], agencies: pd.DataFrame) -> Sentence:
        """Which of `findings` hold under every counting and which depend on one (and on which),
        each with what it says under the default."""
        findings = list(findings)
        robust = [finding for finding in findings if self.holds(finding)]
        dependent = [finding for finding in findings if not self.holds(finding)]

        def item(finding: str, lang: str) -> str:
            return pick(lang, "{} là {}", "{}: {}").format(
                lower_first(headline_label(finding, lang)),
                said(finding, self.default(finding), agencies, lang),
            )

        def build(lang: str) -> str:
            parts = []
            if robust:
                heading = pick(lang, "Đúng với mọi cách đếm", "Under every counting")
                parts.append(f"{heading}: {'; '.join(item(f, lang) for f in robust)}.")
            if dependent:
                heading = pick(lang, "Phụ thuộc cách đếm", "Depending on the counting")
                items = [
                    pick(lang, "{} (khác đi nếu {})", "{} (not so with {})").format(
                        item(finding, lang), self._choices(finding, lang)
                    )
                    for finding in dependent
                ]
                parts.append(f"{heading}: {'; '.join(items)}.")
            return " ".join(parts)

        return sentence(build)

    def _choices(self, finding: str, lang: str) -> str:
        choices = self.robustness.loc[finding, "depends_on"]
        return join_words((pick(lang, *COUNTING_CHOICE_LABELS[c]) for c in choices), lang)


# Conclusions of `counting.sensitivity` that list sub-indices (the others list bodies or ties).
SUB_INDEX_CONCLUSIONS = frozenset({"collectives_outnumber_named", "most_concentrated_sub_index"})


def said(finding: str, value: object, agencies: pd.DataFrame, lang: str) -> str:
    """What a conclusion of `counting.sensitivity` says, for a reader: yes or no, sub-indices,
    bodies, or ties between two bodies; "none" for an empty list."""
    if isinstance(value, bool | np.bool_):
        return pick(lang, "đúng", "yes") if value else pick(lang, "không", "no")
    items = listed(value)
    if not items:
        return pick(lang, "không có", "none")
    if finding in SUB_INDEX_CONCLUSIONS:
        return join_words(codes(items), lang)
    return join_words(
        (
            pick(lang, "{} với {}", "{} with {}").format(
                *(names([body], agencies, lang) for body in item.split(counting.TIE_SEPARATOR))
            )
            if counting.TIE_SEPARATOR in item
            else names([item], agencies, lang)
            for item in items
        ),
        lang,
    )


def default_counting() -> Sentence:
    """Which counting the figures follow, why, and which others are tried."""
    others = [choice for choice in COUNTING_CHOICE_LABELS if choice != counting.DEFAULT_CHOICE]
    return sentence(
        lambda lang: pick(
            lang,
            "Số liệu tính theo cách đếm mặc định: {}. Mỗi kết luận được tính lại theo từng cách "
            "đếm khác, mỗi lần thay đổi một lựa chọn ({}); kết luận nào thay đổi đều được ghi rõ.",
            "Figures follow the default counting: {}. Each finding is recomputed under every "
            "other counting, one choice changed at a time ({}); a finding that changes says so.",
        ).format(
            pick(lang, *DEFAULT_COUNTING_REASON),
            "; ".join(pick(lang, *COUNTING_CHOICE_LABELS[choice]) for choice in others),
        )
    )
