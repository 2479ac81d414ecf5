"""Read the plan's appendix into tidy tables: indicators, agencies and their assignments.

Two inputs give the same tables: the text extracted from the PDF (page headers repeat, columns run
together, names wrap over lines) and the table typed into a spreadsheet (CSV or XLSX with the
columns STT / CHỈ SỐ THÀNH PHẦN / CƠ QUAN CHỦ TRÌ / CƠ QUAN PHỐI HỢP and sub-index heading rows).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pgi_analysis import paths, reference, schemas
from pgi_analysis.actors import read_actors
from pgi_analysis.appendix_rows import UNIT_AT_END, RawRow, Repairs
from pgi_analysis.appendix_sheet import sheet_rows
from pgi_analysis.appendix_text import text_rows
from pgi_analysis.errors import InputError
from pgi_analysis.reference import Gazetteer
from pgi_analysis.text import name_key, normalize_text
from pgi_analysis.vocabulary import COORDINATOR, LEAD

SPREADSHEET_SUFFIXES = frozenset({".csv", ".xlsx", ".xlsm"})


@dataclass(frozen=True)
class TidyAppendix:
    """The appendix as tidy tables, and the report of what reading it repaired."""

    indicators: pd.DataFrame
    agencies: pd.DataFrame
    assignments: pd.DataFrame
    repairs: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """The three tables written by `pgi-analysis tidy`, by file name."""
        return {
            "indicators": self.indicators,
            "agencies": self.agencies,
            "assignments": self.assignments,
        }

    def repairs_text(self) -> str:
        lines = [f"{len(self.repairs)} repairs:"]
        for repair in self.repairs.itertuples(index=False):
            lines.append(
                f"  {repair.kind}: {repair.found!r} -> {repair.result!r} [{repair.indicator_ids}]"
            )
        return "\n".join(lines)


# --- the indicator column ---------------------------------------------------------------------


def _read_indicator(row: RawRow, path: Path, repairs: Repairs) -> dict[str, object]:
    """Name, unit and statistic source of an indicator, mending the unit's typography."""
    text = normalize_text(row.indicator.text)
    if not text:
        raise InputError(path, f"indicator {row.indicator_id} has no name", row.indicator.place())
    unit = UNIT_AT_END.search(text)
    if unit is None:
        name, unit_text, source = text, "", "PGI survey"
    else:
        name = text[: unit.start()].strip()
        unit_text = re.sub(r"\s+", " ", unit["unit"])
        source = "TCTK" if unit["tctk"] else "PGI survey"
        printed = text[unit.start() :].strip()
        if unit["close"] is None:
            repairs.add(row.indicator_id, "unit", printed, f"({unit['tctk'] or ''}{unit_text})")
        elif not unit["space"]:
            last_word = name.split()[-1]
            repairs.add(row.indicator_id, "unit", f"{last_word}{printed}", f"{last_word} {printed}")
    return {
        "indicator_id": row.indicator_id,
        "sub_index": row.sub_index,
        "number": row.number,
        "name_vi": name,
        "unit": unit_text,
        "statistic_source": source,
    }


# --- the tidy tables --------------------------------------------------------------------------


def _name_variant(found: str, canonical: str) -> str | None:
    """How a printed name differs from the canonical one: None, 'spelling' or 'alias'."""
    if found[:1].lower() + found[1:] == canonical[:1].lower() + canonical[1:]:
        return None  # only the capital that starts a list item
    return "spelling" if name_key(found) == name_key(canonical) else "alias"


def _indicators_table(records: list[dict[str, object]], repairs: Repairs) -> pd.DataFrame:
    known_indicators = reference.indicators()
    by_name = {
        name_key(row.name_vi): {
            "name_en": row.name_en,
            "higher_is_better": row.higher_is_better,
            "kind": row.kind,
        }
        for row in known_indicators.itertuples(index=False)
    }
    unknown = {"name_en": "", "higher_is_better": None, "kind": ""}
    for record in records:
        known = by_name.get(name_key(record["name_vi"]))
        if known is None:
            repairs.add(
                record["indicator_id"],
                "no reference entry",
                record["name_vi"],
                "English name, direction and kind left empty",
            )
        record.update(known or unknown)  # copied in: the cached reference stays as read
    indicators = pd.DataFrame(records, columns=schemas.INDICATORS.columns)
    indicators["higher_is_better"] = pd.array(indicators["higher_is_better"], dtype="boolean")
    return indicators.astype(schemas.INDICATORS.dtypes)


def _assignments(
    row: RawRow,
    path: Path,
    gazetteer: Gazetteer,
    repairs: Repairs,
    spellings: dict[str, list[str]],
) -> list[tuple[str, ...]]:
    """One indicator's actors, each once per role, noting every spelling seen in `spellings`."""
    indicator_id, assignments = row.indicator_id, []
    for role, cell, column in (
        (LEAD, row.lead, "CƠ QUAN CHỦ TRÌ"),
        (COORDINATOR, row.coordinators, "CƠ QUAN PHỐI HỢP"),
    ):
        mentions = read_actors(cell, gazetteer, path, f"indicator {indicator_id}, {column}")
        if role == LEAD and not mentions:
            raise InputError(
                path,
                f"indicator {indicator_id} has no lead agency (CƠ QUAN CHỦ TRÌ)",
                row.lead.place(),
            )
        named: set[str] = set()
        for mention in mentions:
            canonical = gazetteer.name_of(mention.agency_id)
            variant = _name_variant(mention.found, canonical)
            if variant:
                repairs.add(indicator_id, variant, mention.found, canonical)
            seen = spellings.setdefault(mention.agency_id, [])
            if mention.found not in seen:
                seen.append(mention.found)
            if mention.agency_id in named:
                repairs.add(indicator_id, f"duplicate {role}", mention.found, "kept once")
                continue
            named.add(mention.agency_id)
            assignments.append(
                (
                    indicator_id,
                    mention.agency_id,
                    role,
                    mention.scope,
                    mention.task,
                    mention.source_text,
                )
            )
    return assignments


def _tidy(rows: list[RawRow], path: Path, gazetteer: Gazetteer, repairs: Repairs) -> TidyAppendix:
    indicators, assignments = [], []
    spellings: dict[str, list[str]] = {}
    for row in rows:
        indicators.append(_read_indicator(row, path, repairs))
        assignments += _assignments(row, path, gazetteer, repairs, spellings)
    agencies = gazetteer.table(spellings)
    agencies["aliases"] = agencies["agency_id"].map(lambda a: "|".join(spellings[a]))
    return TidyAppendix(
        indicators=_indicators_table(indicators, repairs),
        agencies=agencies[schemas.AGENCIES.columns].reset_index(drop=True),
        assignments=pd.DataFrame(assignments, columns=schemas.ASSIGNMENTS.columns, dtype="str"),
        repairs=repairs.table(),
    )


def load_appendix(
    path: Path | str | None = None, gazetteer: Iterable[Path | str] = ()
) -> TidyAppendix:
    """Read the appendix (extracted text, CSV or XLSX) into tidy tables.

    `gazetteer` names extra agencies CSVs that extend data/reference/agencies.csv. Every actor
    must be known: an unknown name is an InputError listing the closest known names.
    """
    path = Path(path) if path is not None else paths.APPENDIX_TEXT
    known = reference.gazetteer(gazetteer)
    repairs = Repairs()
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        rows = sheet_rows(path)
    else:
        rows = text_rows(path, known, repairs)
    return _tidy(rows, path, known, repairs)
