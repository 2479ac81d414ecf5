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


def _notebook_cells():
    import nbformat

    for path in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        yield path.name, nbformat.read(path, as_version=4).cells


def test_findings_are_computed_never_typed_into_markdown():
    """Under a Findings heading only code speaks: a number in Markdown there would go stale when
    a year is added (the sentences come from `pgi_analysis.findings`)."""
    for name, cells in _notebook_cells():
        under_findings, computed = False, False
        for cell in cells:
            if cell.cell_type == "markdown":
                heading = re.search(r"^#+\s*(.*)$", cell.source, re.M)
                if heading:
                    under_findings = heading[1].strip() in {"Findings", "Kết luận"}
                if under_findings:
                    assert not re.search(r"\d", re.sub(r"^#+.*$", "", cell.source, flags=re.M))
            elif under_findings:
                computed = computed or "findings(" in cell.source
        assert computed, f"{name}: no computed findings under its Findings heading"


def test_every_prose_cell_has_its_counterpart_in_the_other_language():
    """Markdown comes in pairs, Vietnamese then English, tagged so each language's page keeps
    its own."""
    for name, cells in _notebook_cells():
        prose = [cell for cell in cells if cell.cell_type == "markdown"]
        tags = [cell.metadata.get("tags", []) for cell in prose]
        assert tags == [["vi"], ["en"]] * (len(prose) // 2), name


def test_every_constant_of_the_package_is_defined_in_one_module():
    """One home per idea: a label, colour, list or rule is defined once and imported elsewhere
    (module-level names in capitals; private ones, with a leading underscore, stay local)."""
    import ast

    homes: dict[str, list[str]] = {}
    for path in sorted((paths.ROOT / "pgi_analysis").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", 0)]
            for target in targets:
                name = getattr(target, "id", "")
                if len(name) > 1 and name.isupper() and not name.startswith("_"):
                    homes.setdefault(name, []).append(path.relative_to(paths.ROOT).as_posix())
    assert {name: found for name, found in homes.items() if len(found) > 1} == {}
