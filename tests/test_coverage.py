"""The coverage rule: a year is the headline only when at least half the provinces ranked have the
figure; a later, thinner year is shown beside it, never in its place."""

import pytest
from outcome_frames import provinces, scores

from pgi_analysis import coverage


@pytest.fixture(scope="module")
def six():
    return provinces()


def _sub_indices(year: int, province_id: str, values=(5.0, 5.0, 5.0, 5.0)) -> list[tuple]:
    return [(year, province_id, f"sub_index_{n}", value) for n, value in enumerate(values, 1)]


# 2024: four of six provinces have sub-indices (sub-index 4 only three); 2025: two of five.
TABLE = (
    *_sub_indices(2024, "an"),
    *_sub_indices(2024, "binh"),
    *_sub_indices(2024, "cuong"),
    *_sub_indices(2024, "dung")[:3],
    (2024, "national-mean", "total", 24.0),
    *_sub_indices(2025, "an"),
    *_sub_indices(2025, "cuong"),
    (2025, "cuong", "rank", 3),
)


def test_year_coverage_counts_provinces_per_measure(six):
    table = coverage.year_coverage(scores(*TABLE), six).set_index(["year", "measure"])
    assert table.loc[(2024, "sub_index_1"), ["n", "provinces_ranked", "well_covered"]].tolist() == [
        4,
        6,
        True,
    ]
    assert table.loc[(2024, "sub_index_4"), "share"] == pytest.approx(0.5)  # the minimum itself
    assert table.loc[(2024, "total"), "n"] == 0  # the national mean is no province
    assert table.loc[(2025, "sub_index_1"), ["n", "provinces_ranked"]].tolist() == [2, 5]
    assert not table.loc[(2025, "sub_index_1"), "well_covered"]
    assert table.loc[(2025, "rank"), "share"] == pytest.approx(0.2)


def test_group_coverage_takes_the_fewest_of_the_group(six):
    table = coverage.group_coverage(scores(*TABLE), six).set_index("year")
    assert table.loc[2024, ["fewest", "most", "provinces_ranked"]].tolist() == [3, 4, 6]
    assert table["well_covered"].tolist() == [True, False]


def test_a_thin_latest_year_is_shown_beside_the_headline(six):
    table = scores(*TABLE)
    assert coverage.latest_year(table, "sub_indices") == 2025
    assert coverage.headline_year(table, six, "sub_indices") == 2024
    assert coverage.comparison_years(table, six, "sub_indices", "an") == [2024, 2025]
    assert coverage.latest_year(table, "rank") == 2025
    assert coverage.latest_year(table, "sub_indices", "dung") == 2024


def test_the_headline_needs_the_province_itself(six):
    table = scores(*TABLE)
    # Giang has no sub-index in any year: no headline year for it, and nothing to show
    assert coverage.headline_year(table, six, "sub_indices", "giang") is None
    assert coverage.comparison_years(table, six, "sub_indices", "giang") == []
    assert coverage.latest_year(table, "total") is None


def test_a_well_covered_latest_year_is_the_headline(six):
    table = scores(*TABLE, *_sub_indices(2025, "dung"))  # 3 of 5
    assert coverage.headline_year(table, six, "sub_indices", "an") == 2025
    assert coverage.comparison_years(table, six, "sub_indices", "an") == [2025]


def test_intervals_published_only_when_both_ends_are(six):
    plain = scores(*TABLE)
    assert not coverage.intervals_published(plain)
    with_interval = scores(*TABLE, (2023, "an", "total", 20.0, False, (19.5, 20.5)))
    assert coverage.intervals_published(with_interval)
    assert not coverage.intervals_published(with_interval, [2024, 2025])
    half = with_interval.assign(ci_high=float("nan"))
    assert not coverage.intervals_published(half)


def test_year_values_and_derived_keys(six):
    table = scores((2024, "an", "total", 22.0, True), (2024, "national-mean", "total", 24.0))
    assert coverage.year_values(table, 2024, "total").to_dict() == {"an": 22.0}
    assert coverage.derived_keys(table) == {(2024, "an", "total")}
    assert coverage.year_values(table, 2023, "total").empty


def test_committed_2024_sub_indices_are_well_covered(committed_pgi):
    from pgi_analysis import outcomes

    data = outcomes.load_outcome_data(committed_pgi)
    table = coverage.group_coverage(data.scores, data.provinces).set_index("year")
    assert table.loc[2024, ["fewest", "most", "provinces_ranked"]].tolist() == [35, 36, 63]
    assert table.loc[2024, "well_covered"] and not table.loc[2023, "well_covered"]
    assert coverage.headline_year(data.scores, data.provinces, "sub_indices", "lang-son") == 2024
