import pytest

from pgi_analysis import load_appendix


@pytest.fixture(scope="session")
def tidy():
    """The real appendix, read once per test session."""
    return load_appendix()
