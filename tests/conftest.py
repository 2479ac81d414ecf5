"""Fixtures shared by the tests. Tests never read what a maintainer may add to the live store
(`data/pgi/added/`): they read the appendix (never edited), the committed observations, or
hand-made frames, so that any valid data added leaves `make test` green."""

import shutil
from pathlib import Path

import pytest

from pgi_analysis import load_appendix, paths


@pytest.fixture(scope="session")
def tidy():
    """The real appendix, read once per test session."""
    return load_appendix()


def committed_store(folder: Path) -> Path:
    """`folder` made a store holding only the committed observations (no `added/` files)."""
    folder.mkdir(parents=True)
    for name in (paths.PGI_OBSERVATIONS.name, "SOURCES.md"):
        shutil.copy2(paths.PGI / name, folder / name)
    return folder


@pytest.fixture
def pgi_dir(tmp_path) -> Path:
    """A store of the committed observations: tests add to it, never to the repository's data,
    and nothing a maintainer added can contradict them."""
    return committed_store(tmp_path / "pgi")


@pytest.fixture(scope="session")
def committed_pgi(tmp_path_factory) -> Path:
    """The committed observations, for tests that only read them."""
    return committed_store(tmp_path_factory.mktemp("committed") / "pgi")


# --- small hand-made tables for the figure tests ----------------------------------------------

# (agency_id, name_vi, short_vi, short_en, name_en, kind): two departments, a central agency,
# the commune governments, and two kinds of unnamed collective.
SMALL_AGENCIES = (
    ("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", "Sở NN&MT",
     "Agriculture & Environment", "Department of Agriculture and Environment",
     "provincial department"),
    ("so-tai-chinh", "Sở Tài chính", "Sở TC", "Finance", "Department of Finance",
     "provincial department"),
    ("cong-an-tinh", "Công an tỉnh", "Công an tỉnh", "Police", "Provincial Police",
     "central agency in the province"),
    ("ubnd-cap-xa", "UBND cấp xã", "UBND cấp xã", "Commune PCs", "Commune People's Committees",
     "commune government"),
    ("cac-so-ban-nganh", "các Sở, ban, ngành liên quan", "Sở, ban, ngành liên quan",
     "Relevant departments", "Relevant departments", "collective"),
    ("doanh-nghiep", "Doanh nghiệp", "Doanh nghiệp", "Businesses", "Businesses", "businesses"),
)  # fmt: skip
# indicator: (leads, coordinators). On 1.02 the commune governments are lead and coordinator.
SMALL_ASSIGNMENTS = {
    "1.01": (["so-nong-nghiep-moi-truong"], ["cong-an-tinh", "ubnd-cap-xa", "cac-so-ban-nganh"]),
    "1.02": (["so-nong-nghiep-moi-truong", "ubnd-cap-xa"], ["ubnd-cap-xa", "cong-an-tinh"]),
    "2.01": (["cong-an-tinh"], ["so-nong-nghiep-moi-truong", "doanh-nghiep"]),
    "3.01": (["so-tai-chinh"], ["so-nong-nghiep-moi-truong", "cac-so-ban-nganh"]),
    "4.01": (["so-tai-chinh"], ["so-nong-nghiep-moi-truong"]),
}


@pytest.fixture(scope="session")
def small_tidy():
    """A plan of five indicators, one or two per sub-index, and six actors."""
    import pandas as pd

    from pgi_analysis import schemas
    from pgi_analysis.appendix import TidyAppendix

    ids = list(SMALL_ASSIGNMENTS)
    indicators = pd.DataFrame(
        {
            "indicator_id": ids,
            "sub_index": [int(i.split(".")[0]) for i in ids],
            "number": [int(i.split(".")[1]) for i in ids],
            "name_vi": [f"Chỉ số {i}" for i in ids],
            "name_en": [f"Indicator {i}" for i in ids],
            "unit": "%",
            "statistic_source": "PGI survey",
            "higher_is_better": pd.array([True] * len(ids), dtype="boolean"),
            "kind": "perception",
        }
    )
    agencies = pd.DataFrame(
        [(*row[:5], row[5], row[1]) for row in SMALL_AGENCIES],
        columns=["agency_id", "name_vi", "short_vi", "short_en", "name_en", "kind", "aliases"],
    )
    assignments = pd.DataFrame(
        [
            (indicator, agency, role, "", "", agency)
            for indicator, (leads, coordinators) in SMALL_ASSIGNMENTS.items()
            for role, members in (("lead", leads), ("coordinator", coordinators))
            for agency in members
        ],
        columns=schemas.ASSIGNMENTS.columns,
    )
    return TidyAppendix(
        indicators=schemas.INDICATORS.check(indicators),
        agencies=schemas.AGENCIES.check(agencies),
        assignments=schemas.ASSIGNMENTS.check(assignments),
        repairs=schemas.REPAIRS.empty(),
    )


INFERRED_NOTE = "page shows no year; 2024 inferred (see SOURCES.md)"
# (year, province_id, measure, value, derived, note): Lạng Sơn ranked in 2022 and 2023; in 2024
# only its sub-indices (from the table whose year is inferred), below Gia Lai's ranked total.
SMALL_SCORES = (
    (2022, "lang-son", "rank", 2.0, False, ""),
    (2023, "lang-son", "total", 17.33, False, ""),
    (2023, "lang-son", "rank", 62.0, False, ""),
    *(
        (2024, "lang-son", f"sub_index_{n}", value, False, INFERRED_NOTE)
        for n, value in enumerate((4.95, 4.95, 6.71, 6.02), start=1)
    ),
    (2024, "lang-son", "total", 22.63, True, "derived: sum of the four sub-indices"),
    *(
        (2024, "cao-bang", f"sub_index_{n}", value, False, INFERRED_NOTE)
        for n, value in enumerate((5.5, 6.0, 5.0, 6.5), start=1)
    ),
    (2024, "cao-bang", "total", 23.0, True, "derived: sum of the four sub-indices"),
    (2024, "gia-lai", "total", 25.05, False, ""),
    (2024, "gia-lai", "rank", 30.0, False, ""),
    (2024, "national-mean", "total", 24.0, False, ""),
)


def small_scores(rows=SMALL_SCORES):
    """A scores table (the `scores.load_scores` columns) of the given rows."""
    import pandas as pd

    from pgi_analysis import reference, schemas

    provinces = reference.provinces()
    table = pd.DataFrame(
        [
            {
                "year": year,
                "province_id": province_id,
                "province": "" if province_id == "national-mean" else provinces.name(province_id),
                "measure": measure,
                "value": value,
                "derived": derived,
                "ci_low": float("nan"),
                "ci_high": float("nan"),
                "firms_surveyed": pd.NA,
                "source_url": "https://pcivietnam.vn/pgi",
                "note": note,
            }
            for year, province_id, measure, value, derived, note in rows
        ]
    )
    return schemas.SCORES.check(table.astype(schemas.SCORES.dtypes))


@pytest.fixture(scope="session")
def small_outcomes(small_tidy):
    """OutcomeData of `SMALL_SCORES` and the small plan."""
    from pgi_analysis import reference, schemas
    from pgi_analysis.outcomes import OutcomeData

    return OutcomeData(
        scores=small_scores(),
        indicator_scores=schemas.INDICATOR_SCORES.empty(),
        provinces=reference.provinces(),
        tidy=small_tidy,
        sub_indices=reference.sub_indices(),
    )
