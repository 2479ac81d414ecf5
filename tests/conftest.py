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
