"""The project's promises about itself: one package list, an untouched source, a quiet import."""

import hashlib
import re
import subprocess
import sys
import tomllib

from pgi_analysis import paths


def _requirement_names(requirements: list[str]) -> dict[str, str]:
    parsed = (re.match(r"([A-Za-z0-9_.-]+)\s*(.*)", item.strip()) for item in requirements)
    return {match[1].lower(): match[2].replace(" ", "") for match in parsed}


def test_environment_yml_lists_the_packages_of_pyproject():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    pip_lists = [project["dependencies"], *project["optional-dependencies"].values()]
    from_pyproject = _requirement_names([item for items in pip_lists for item in items])
    text = (paths.ROOT / "environment.yml").read_text()
    dependencies = text.split("dependencies:\n", 1)[1].splitlines()
    conda = [line.strip()[2:] for line in dependencies if re.match(r"^  - [a-z]", line)]
    from_conda = _requirement_names(conda)
    from_conda.pop("python"), from_conda.pop("pip")
    assert from_conda == from_pyproject


def test_raw_appendix_is_the_one_recorded_in_its_provenance():
    digest = hashlib.sha256(paths.APPENDIX_TEXT.read_bytes()).hexdigest()
    assert digest in (paths.RAW / "PROVENANCE.md").read_text()


def test_import_prints_nothing_and_loads_no_plotting():
    code = (
        "import sys, pgi_analysis; "
        "print(sorted(m for m in ('matplotlib', 'seaborn', 'networkx', 'openpyxl', 'nbclient') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.stdout, result.stderr) == ("[]\n", "")
