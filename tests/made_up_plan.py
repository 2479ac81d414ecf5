"""A made-up plan small enough to count by hand, for the tests of measures and findings: three
bodies (two departments and a commune tier), the relevant departments, the firms and the
individuals concerned, and four indicators in two sub-indices. (And `starting`, to pick one
finding by its opening words.)

    1.01  lead a                         coordinators b, c, firms, individuals
    1.02  lead a (urban), b (rural)      coordinators c, departments
    2.01  leads a, c                     coordinators b, firms, individuals, departments
    2.02  lead b                         coordinator a
"""

import pandas as pd

from pgi_analysis import schemas

DEPARTMENTS, FIRMS, INDIVIDUALS = "cac-so-ban-nganh", "doanh-nghiep", "ca-nhan"


def agencies(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """An agencies table from (agency_id, short_vi, short_en, kind) rows."""
    records = [
        {
            "agency_id": agency_id,
            "name_vi": short_vi,
            "short_vi": short_vi,
            "short_en": short_en,
            "name_en": short_en,
            "kind": kind,
            "aliases": short_vi,
        }
        for agency_id, short_vi, short_en, kind in rows
    ]
    return pd.DataFrame(records, columns=schemas.AGENCIES.columns, dtype="str")


def assignments(*rows: tuple[str, ...]) -> pd.DataFrame:
    """An assignments table from (indicator_id, agency_id, role[, scope[, task[, source_text]]])
    rows; the source text defaults to the agency id, with the scope and task after it."""
    records = []
    for indicator_id, agency_id, role, *rest in rows:
        scope, task = (list(rest) + ["", ""])[:2]
        printed = agency_id + (f" ({scope})" if scope else "") + (f" {task}" if task else "")
        source_text = rest[2] if len(rest) > 2 else printed
        records.append((indicator_id, agency_id, role, scope, task, source_text))
    return pd.DataFrame(records, columns=schemas.ASSIGNMENTS.columns, dtype="str")


AGENCIES = agencies(
    ("a", "Sở A", "Dept A", "provincial department"),
    ("b", "Sở B", "Dept B", "provincial department"),
    ("c", "UBND C", "Commune C", "commune government"),
    (DEPARTMENTS, "Sở, ban, ngành", "Departments", "collective"),
    (FIRMS, "Doanh nghiệp", "Firms", "businesses"),
    (INDIVIDUALS, "Cá nhân", "Individuals", "collective"),
)
ASSIGNMENTS = assignments(
    ("1.01", "a", "lead"),
    ("1.01", "b", "coordinator"),
    ("1.01", "c", "coordinator"),
    ("1.01", FIRMS, "coordinator"),
    ("1.01", INDIVIDUALS, "coordinator"),
    ("1.02", "a", "lead", "urban"),
    ("1.02", "b", "lead", "rural"),
    ("1.02", "c", "coordinator"),
    ("1.02", DEPARTMENTS, "coordinator"),
    ("2.01", "a", "lead"),
    ("2.01", "c", "lead"),
    ("2.01", "b", "coordinator"),
    ("2.01", FIRMS, "coordinator"),
    ("2.01", INDIVIDUALS, "coordinator"),
    ("2.01", DEPARTMENTS, "coordinator"),
    ("2.02", "b", "lead"),
    ("2.02", "a", "coordinator"),
)


def starting(texts: list[str], opening: str) -> str:
    """The one sentence of `texts` that starts with `opening`."""
    (found,) = [text for text in texts if text.startswith(opening)]
    return found
