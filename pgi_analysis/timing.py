"""When each PGI edition's survey took place relative to the province's plans: which scores come
before a plan (and so are the baseline it will be judged against) and which survey first can
reflect it.

The months of the surveys are not published (data/reference/PROVENANCE.md, pgi_editions.csv):
only the survey year is known. So a survey of a year before the plan's is *before* it; a survey of
the plan's own year may or may not follow it (*same year*); a later one is *after* it. Where an
edition is not yet published, its timing follows the pattern of the editions so far (each
surveyed its own year and was announced in the spring of the next), and is marked as a pattern,
not a fact.
"""

from __future__ import annotations

import pandas as pd

from pgi_analysis.reference import NATIONAL_MEAN_ID, Plan

BEFORE, SAME_YEAR, AFTER = "before", "same year", "after"
PUBLISHED, STORED, EXPECTED = "published", "scores stored", "expected"
"""An edition in pgi_editions.csv; one whose scores are stored but which pgi_editions.csv does not
list yet; the first edition whose survey can reflect the newest plan, not yet published."""


def survey_timing(survey_year: int, plan: Plan) -> str:
    """Whether a survey of `survey_year` took place before the plan, in its year (the survey's
    months are unknown, so it may be either), or after it."""
    if survey_year < plan.issued.year:
        return BEFORE
    return SAME_YEAR if survey_year == plan.issued.year else AFTER


def first_survey_year_reflecting(plan: Plan) -> int:
    """The first survey year that can reflect the plan: the plan's own year (its survey may
    follow the plan; the months are not known)."""
    return plan.issued.year


def _pattern(editions: pd.DataFrame) -> tuple[int, int, int] | None:
    """(years from survey to publication, first month, last month) that every published edition
    follows; None if they do not all share the same lag."""
    published = pd.to_datetime(editions["published"])
    lags = set(published.dt.year - editions["survey_year"])
    if len(lags) != 1:
        return None
    return lags.pop(), int(published.dt.month.min()), int(published.dt.month.max())


def expected_publication(editions: pd.DataFrame, survey_year: int) -> tuple[int, int, int] | None:
    """(year, first month, last month) in which the edition of a survey of `survey_year` would
    be published if the pattern of the published editions holds; None if they follow none."""
    pattern = _pattern(editions)
    if pattern is None:
        return None
    lag, first, last = pattern
    return survey_year + lag, first, last


def plans_and_surveys(
    plans: tuple[Plan, ...], editions: pd.DataFrame, scores: pd.DataFrame
) -> pd.DataFrame:
    """One row per PGI edition: published (pgi_editions.csv), with scores stored but not yet in
    pgi_editions.csv, or expected (the first whose survey can reflect the newest plan, if not yet
    published). Columns: edition year, survey year (and whether it follows the pattern rather
    than a source), status, date published, expected months of publication (pattern), firms
    surveyed, provinces with stored figures, and one column per plan (its number) saying whether
    the edition's survey came `before` it, in the `same year` or `after` it."""
    known = editions.set_index("year")
    stored = scores[scores["province_id"] != NATIONAL_MEAN_ID].groupby("year")["province_id"]
    provinces_stored = stored.nunique()
    reflecting = first_survey_year_reflecting(plans[-1])
    years = sorted({*known.index, *provinces_stored.index, reflecting})
    records = []
    for year in years:
        listed = year in known.index
        survey_year = int(known.at[year, "survey_year"]) if listed else year
        status = PUBLISHED if listed else STORED if year in provinces_stored.index else EXPECTED
        expected = expected_publication(editions, survey_year) if status == EXPECTED else None
        months = (
            [pd.Period(year=expected[0], month=m, freq="M") for m in expected[1:]]
            if expected
            else [pd.NaT] * 2
        )
        record = {
            "year": year,
            "survey_year": survey_year,
            "survey_year_from_pattern": not listed,
            "status": status,
            "published": known.at[year, "published"] if listed else None,
            "expected_from": months[0],
            "expected_to": months[1],
            "firms_surveyed": known.at[year, "firms_surveyed"] if listed else pd.NA,
            "provinces_with_figures": int(provinces_stored.get(year, 0)),
        }
        record |= {plan.number: survey_timing(survey_year, plan) for plan in plans}
        records.append(record)
    table = pd.DataFrame(records)
    return table.astype({"firms_surveyed": "Int64", "year": "int64", "survey_year": "int64"})
