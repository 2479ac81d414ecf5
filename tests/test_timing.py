"""When each survey took place relative to the plans: before, in the plan's year, after; and the
first edition that can reflect the newest plan, dated by the editions' pattern, not as a fact."""

from datetime import date

import pandas as pd
from outcome_frames import scores

from pgi_analysis import outcomes, reference, timing
from pgi_analysis.reference import Plan

EARLY = Plan("1/KH-UBND", date(2023, 6, 1), "", "", "")
LATE = Plan("2/KH-UBND", date(2025, 1, 21), "", "", "")
EDITIONS = pd.DataFrame(
    {
        "year": [2022, 2023],
        "survey_year": [2022, 2023],
        "published": [date(2023, 4, 11), date(2024, 5, 9)],
        "firms_surveyed": [100, 200],
        "source_url": ["https://example.org/a", "https://example.org/b"],
    }
)


def test_survey_timing_is_known_to_the_year_only():
    assert timing.survey_timing(2022, EARLY) == timing.BEFORE
    assert timing.survey_timing(2023, EARLY) == timing.SAME_YEAR  # months unknown
    assert timing.survey_timing(2024, EARLY) == timing.AFTER
    assert timing.first_survey_year_reflecting(LATE) == 2025


def test_expected_publication_follows_the_pattern_or_nothing():
    assert timing.expected_publication(EDITIONS, 2025) == (2026, 4, 5)
    late = EDITIONS.assign(published=[date(2023, 4, 11), date(2025, 1, 9)])  # lags 1 and 2
    assert timing.expected_publication(late, 2025) is None


def test_plans_and_surveys_table():
    table = timing.plans_and_surveys(
        (EARLY, LATE),
        EDITIONS,
        scores((2022, "an", "rank", 2), (2024, "an", "total", 20.0), (2024, "binh", "total", 21.0)),
    )
    assert table["year"].tolist() == [2022, 2023, 2024, 2025]
    assert table["status"].tolist() == [
        timing.PUBLISHED,
        timing.PUBLISHED,
        timing.STORED,
        timing.EXPECTED,
    ]
    assert table["survey_year_from_pattern"].tolist() == [False, False, True, True]
    assert table["provinces_with_figures"].tolist() == [1, 0, 2, 0]
    assert table["firms_surveyed"].tolist()[:2] == [100, 200]
    assert table["firms_surveyed"].isna().tolist()[2:] == [True, True]
    assert table["1/KH-UBND"].tolist() == ["before", "same year", "after", "after"]
    assert table["2/KH-UBND"].tolist() == ["before", "before", "before", "same year"]
    expected = table.set_index("year").loc[2025]
    assert (str(expected["expected_from"]), str(expected["expected_to"])) == ("2026-04", "2026-05")
    assert pd.isna(table.set_index("year").loc[2024, "expected_from"])
    assert table.set_index("year").loc[2022, "published"] == date(2023, 4, 11)


def test_every_committed_score_predates_plan_18(committed_pgi):
    data = outcomes.load_outcome_data(committed_pgi)
    table = timing.plans_and_surveys(reference.plans(), reference.editions(), data.scores)
    stored = table[table["provinces_with_figures"] > 0]
    assert stored["year"].tolist() == [2022, 2023, 2024]
    assert (stored["18/KH-UBND"] == timing.BEFORE).all()
    assert stored["163/KH-UBND"].tolist() == ["before", "before", "same year"]
    first = table[table["status"] == timing.EXPECTED]
    assert first["year"].tolist() == [2026]
    assert [str(first.iloc[0][c]) for c in ("expected_from", "expected_to")] == [
        "2027-04",
        "2027-05",
    ]
