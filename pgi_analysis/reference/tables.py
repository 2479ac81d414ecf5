"""The small curated tables: the PGI's sub-indices and indicators, and the province's PGI plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from pgi_analysis import paths
from pgi_analysis.errors import InputError
from pgi_analysis.files import cached_on_stamps
from pgi_analysis.messages import message

BOOLEANS = {"true": True, "false": False}


@cached_on_stamps
def _read_sub_indices(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"sub_index": "int64"}, keep_default_na=False)


def sub_indices() -> pd.DataFrame:
    """The four sub-indices (CSTP 1–4): number, code, names and short labels, vi and en."""
    return _read_sub_indices(paths.SUB_INDICES_REFERENCE).copy()


@cached_on_stamps
def _read_indicators(path: Path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    unknown = sorted(set(table["higher_is_better"]) - set(BOOLEANS))
    if unknown:
        raise InputError(path, message("higher_is_better_invalid", value=unknown[0]))
    table["higher_is_better"] = pd.array(table["higher_is_better"].map(BOOLEANS), dtype="boolean")
    table.insert(1, "sub_index", table["indicator_id"].str.split(".").str[0].astype("int64"))
    return table


def indicators() -> pd.DataFrame:
    """The PGI indicators the plan lists, in its order: id, sub-index, name as printed, unit,
    statistic source, English name, whether higher is better (and why), kind of evidence."""
    return _read_indicators(paths.INDICATORS_REFERENCE).copy()


@dataclass(frozen=True)
class Plan:
    """A plan of the province's People's Committee on the PGI."""

    number: str  # as printed, e.g. "18/KH-UBND"
    issued: date
    title_vi: str
    title_en: str
    source_url: str

    @property
    def slug(self) -> str:
        """The number as a file name can hold it: 18-KH-UBND."""
        return self.number.replace("/", "-")


@cached_on_stamps
def _read_plans(path: Path) -> tuple[Plan, ...]:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tuple(
        Plan(
            number=row.number,
            issued=date.fromisoformat(row.issued),
            title_vi=row.title_vi,
            title_en=row.title_en,
            source_url=row.source_url,
        )
        for row in table.itertuples(index=False)
    )


def plans() -> tuple[Plan, ...]:
    """The province's PGI plans, oldest first."""
    return _read_plans(paths.PLANS_REFERENCE)


def analysed_plan() -> Plan:
    """The plan whose appendix this package reads (the newest)."""
    return plans()[-1]


@cached_on_stamps
def _read_editions(path: Path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype={"year": "int64", "survey_year": "int64"})
    return table.assign(published=pd.to_datetime(table["published"]).dt.date)


def editions() -> pd.DataFrame:
    """The PGI editions published so far: year, survey year, date announced, firms surveyed."""
    return _read_editions(paths.EDITIONS_REFERENCE).copy()
