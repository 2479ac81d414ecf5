"""Read the plan's appendix into tidy tables: indicators, agencies and their assignments.

Two inputs give the same tables: the text extracted from the PDF (page headers repeat, columns run
together, names wrap over lines) and the table typed into a spreadsheet (CSV or XLSX with the
columns STT / CHỈ SỐ THÀNH PHẦN / CƠ QUAN CHỦ TRÌ / CƠ QUAN PHỐI HỢP and sub-index heading rows).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pgi_analysis import paths, reference, schemas
from pgi_analysis.actors import read_actors
from pgi_analysis.appendix_rows import RawRow, Repairs, find_unit
from pgi_analysis.appendix_sheet import sheet_rows
from pgi_analysis.appendix_text import text_rows
from pgi_analysis.errors import InputError
from pgi_analysis.messages import message
from pgi_analysis.reference import Gazetteer
from pgi_analysis.schemas import TIDY_TABLES
from pgi_analysis.text import name_key
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
        """The three tables written by `pgi-analysis tidy`, by file name, each checked against
        its declared schema (columns, types, key) before anything is written."""
        return {schema.name: schema.check(getattr(self, schema.name)) for schema in TIDY_TABLES}

    def repairs_text(self) -> str:
        lines = [f"{len(self.repairs)} repairs:"]
        for repair in self.repairs.itertuples(index=False):
            lines.append(
                f"  {repair.kind}: {repair.found!r} -> {repair.result!r} [{repair.indicator_ids}]"
            )
        return "\n".join(lines)


# --- the indicator column ---------------------------------------------------------------------


def _read_indicator(row: RawRow, repairs: Repairs, path: Path) -> dict[str, object]:
    """Name, unit and statistic source of an indicator, mending the unit's typography."""
    text = row.indicator.text.strip()  # the readers give cells as NFC text, single-spaced
    if not text:
        problem = message("indicator_no_name", indicator_id=row.indicator_id)
        raise InputError(path, problem, row.indicator.where())
    unit = find_unit(text, at_end=True)
    if unit is None:
        name, unit_text, source = text, "", "PGI survey"
    else:
        name = text[: unit.start()].strip()
        if not name:
            problem = message("indicator_unit_only", indicator_id=row.indicator_id, text=text)
            raise InputError(path, problem, row.indicator.where())
        unit_text = " ".join(unit["unit"].split())
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


def _reference_names(known: pd.DataFrame) -> dict[str, str]:
    """The PGI indicators' names as printed, by id, in the PGI's order."""
    return dict(zip(known["indicator_id"].tolist(), known["name_vi"].tolist(), strict=True))


def _check_against_reference(
    records: list[dict[str, object]],
    rows: list[RawRow],
    path: Path,
    names: dict[str, str],
    subset: bool,
) -> list[str]:
    """Each printed number must carry its PGI indicator's name (`text.name_key` spellings
    alike), and every PGI indicator must be there unless the plan covers a `subset`. Every
    problem is listed in one InputError; returns the indicators absent from a subset."""
    owner = {name_key(name): indicator_id for indicator_id, name in names.items()}
    problems = []
    for record, row in zip(records, rows, strict=True):
        indicator_id, name = record["indicator_id"], record["name_vi"]
        expected = names.get(indicator_id)
        if expected is not None and name_key(name) == name_key(expected):
            continue
        named_as = owner.get(name_key(name))
        if named_as is not None:
            problem = message(
                "indicator_name_of_other",
                indicator_id=indicator_id,
                other=named_as,
                name=names[named_as],
            )
        elif expected is None:
            problem = message("indicator_not_in_pgi", indicator_id=indicator_id, name=name)
        else:
            problem = message(
                "indicator_misnamed", indicator_id=indicator_id, name=name, expected=expected
            )
        problems.append(InputError(path, problem, row.indicator.where()))
    read = {record["indicator_id"] for record in records}
    absent = [indicator_id for indicator_id in names if indicator_id not in read]
    if absent and not subset:
        listed = ", ".join(absent)
        if len(absent) <= 3:  # a few are named, many only numbered
            listed = "; ".join(f"{indicator_id} {names[indicator_id]!r}" for indicator_id in absent)
        missing = message("indicators_missing", count=len(absent), total=len(names), listed=listed)
        problems.append(InputError(path, missing))
    if problems:
        raise InputError.listing(problems)
    return absent


# --- the tidy tables --------------------------------------------------------------------------


def _name_variant(found: str, canonical: str) -> str | None:
    """How a printed name differs from the canonical one: None, 'spelling' or 'alias'."""
    if found == canonical:
        return None
    if found[:1].lower() + found[1:] == canonical[:1].lower() + canonical[1:]:
        return None  # only the capital that starts a list item
    return "spelling" if name_key(found) == name_key(canonical) else "alias"


def _indicators_table(records: list[dict[str, object]], known: pd.DataFrame) -> pd.DataFrame:
    """The indicators as read, with this project's English name, direction and kind of each
    from the reference (reading checked that every one has an entry)."""
    columns = {column: [record[column] for record in records] for column in records[0]}
    added = ("name_en", "higher_is_better", "kind")
    by_id = dict(
        zip(
            known["indicator_id"].tolist(),
            zip(*(known[c].tolist() for c in added), strict=True),
            strict=True,
        )
    )
    for position, column in enumerate(added):
        columns[column] = [
            by_id[indicator_id][position] for indicator_id in columns["indicator_id"]
        ]
    return schemas.INDICATORS.frame(columns)


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
        mentions = read_actors(cell, gazetteer, path, indicator_id, column)
        if role == LEAD and not mentions:
            problem = message("no_lead", indicator_id=indicator_id)
            raise InputError(path, problem, row.lead.where())
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


def _tidy(
    rows: list[RawRow],
    path: Path,
    gazetteer: Gazetteer,
    repairs: Repairs,
    known: pd.DataFrame,
    subset: bool,
) -> TidyAppendix:
    # Each row's repairs in document order: its indicator's, then its actors'.
    own_repairs = [Repairs() for _ in rows]
    indicators = [_read_indicator(*read, path) for read in zip(rows, own_repairs, strict=True)]
    names = _reference_names(known)
    absent = _check_against_reference(indicators, rows, path, names, subset)
    assignments: list[tuple[str, ...]] = []
    spellings: dict[str, list[str]] = {}
    for row, own in zip(rows, own_repairs, strict=True):
        repairs.rows += own.rows
        assignments += _assignments(row, path, gazetteer, repairs, spellings)
    for indicator_id in absent:
        repairs.add(indicator_id, "absent", "", "not in this plan (read as a subset)")
    return TidyAppendix(
        indicators=_indicators_table(indicators, known),
        agencies=gazetteer.table(spellings, aliases=spellings),  # the spellings this plan used
        assignments=schemas.ASSIGNMENTS.from_rows(assignments),
        repairs=repairs.table(),
    )


def load_appendix(
    path: Path | str | None = None,
    gazetteer: Iterable[Path | str] = (),
    subset: bool = False,
) -> TidyAppendix:
    """Read the appendix (extracted text, CSV or XLSX) into tidy tables.

    `gazetteer` names extra agencies CSVs that extend data/reference/agencies.csv. Every actor
    must be known: an unknown name is an InputError listing the closest known names. Every
    indicator must carry the number and name it has in the PGI (data/reference/indicators.csv);
    with `subset`, a plan may leave some out, and the repairs list them as absent.
    """
    path = Path(path) if path is not None else paths.APPENDIX_TEXT
    known_actors, known = reference.gazetteer(gazetteer), reference.indicators()
    repairs = Repairs()
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        rows = sheet_rows(path, subset)
    else:
        keys = {indicator: name_key(name) for indicator, name in _reference_names(known).items()}
        rows = text_rows(path, known_actors, repairs, keys, subset)
    return _tidy(rows, path, known_actors, repairs, known, subset)
