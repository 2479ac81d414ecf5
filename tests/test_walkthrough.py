"""The README's yearly walkthrough, done as a maintainer would on a copy of the repository:
`scores template` -> fill it in -> `scores add` -> `report`, first with a complete made-up 2025
(34 provinces), then with a sparse one (three provinces). The new year must reach the scores table,
notebook 04, the officials' workbook and the rank figure; `git status` may show changes only
under data/, notebooks/ and figures/; the executed notebooks must pass strict nbval.

The figures are made up (plausible sub-indices 4-8, totals their sums, ranks by total): they test
the cycle, they are not data. The sparse case starts from the complete case's copy after its
report, with the complete year taken out again: its report is the incremental one a maintainer
would get, and must not rerun the notebooks that read no PGI figures.
"""

import html
import inspect
import json
import re
import shutil
import subprocess
import sys

import openpyxl
import pytest
from repository_copy import command_environment, copy_of_repository, run_command

from pgi_analysis import reference
from pgi_analysis.figures import report_figure, show_figure
from pgi_analysis.outcomes import load_outcome_data
from pgi_analysis.plotting import house_style
from pgi_analysis.scores import SCORES_SHEET
from pgi_analysis.vocabulary import LANGUAGES, format_number
from pgi_analysis.workbook import SCORES_SHEET as WORKBOOK_SCORES_SHEET

pytestmark = pytest.mark.integration

LANG_SON = "Lạng Sơn"
SOURCE = "https://example.org/made-up-pgi-2025"
WORKBOOK = "reports/pgi_phan_cong_18-KH-UBND_2026.xlsx"
WORD_REPORT = "reports/bao_cao_pgi_18-KH-UBND_2026.docx"
NOTEBOOK_04 = "notebooks/04_pgi_outcomes.ipynb"
TEMPLATE = "pgi_2025.xlsx"  # the maintainer's own file, where the README writes it


def _made_up_year(provinces: list[str]) -> dict[str, dict[str, float]]:
    """Sub-indices between 4 and 8, the total their sum, ranks 1.. by total (no ties)."""
    rows = {}
    for number, province in enumerate(provinces):
        parts = [
            round(4 + ((number * (37 + 14 * k) + 53 * k + 11) % 400) / 100, 2) for k in range(4)
        ]
        rows[province] = {f"sub_index_{k}": value for k, value in enumerate(parts, start=1)}
        rows[province]["total"] = round(sum(parts), 2)
    ranked = sorted(rows, key=lambda province: -rows[province]["total"])
    assert len({rows[province]["total"] for province in rows}) == len(rows)
    for rank, province in enumerate(ranked, start=1):
        rows[province]["rank"] = rank
    return rows


def _fill(template, keep=None) -> dict[str, dict[str, float]]:
    """Fill the template's province rows (those in `keep`, else all) and return the figures."""
    book = openpyxl.load_workbook(template)
    sheet = book[SCORES_SHEET]
    columns = {cell.value.split("\n")[0]: cell.column for cell in sheet[1]}
    national_mean = reference.provinces().name(reference.NATIONAL_MEAN_ID, 2025)
    rows = [row for row in sheet.iter_rows(min_row=2) if row[0].value != national_mean]
    provinces = [row[0].value for row in rows if keep is None or row[0].value in keep]
    figures = _made_up_year(provinces)
    for row in rows:
        for measure, value in figures.get(row[0].value, {}).items():
            sheet.cell(row[0].row, columns[measure], value)
        if row[0].value in figures:
            sheet.cell(row[0].row, columns["source_url"], SOURCE)
    book.save(template)
    return figures


def _git_snapshot(copy):
    """The copy made a git repository at its starting point, as a clean clone is."""
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=copy, check=True)
    subprocess.run([*git, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "clean clone"], cwd=copy, check=True)


def _git_changes(copy) -> list[str]:
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(line[3:] for line in status.stdout.splitlines())


def _strict_nbval(copy, *notebooks: str):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *(notebooks or ["notebooks"]),
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=copy,
        env=command_environment(copy),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def _cell_text(notebook, call: str) -> str:
    """The plain-text outputs of the notebook's cell whose source makes `call`."""
    (cell,) = [cell for cell in notebook["cells"] if call in "".join(cell["source"])]
    return "".join(
        "".join(output.get("data", {}).get("text/plain", output.get("text", "")))
        for output in cell["outputs"]
    )


def _rank_figure_labels(copy) -> list[str]:
    """The year and point labels of the rank figure, drawn from the copy's PGI store."""
    entry = report_figure("lang_son_rank_by_year")
    with house_style():
        figure = entry.draw(load_outcome_data(copy / "data" / "pgi"), "en")
    return [
        text.get_text() for axes in figure.axes for text in (*axes.get_xticklabels(), *axes.texts)
    ]


def _the_year_is_everywhere(copy, figures, figures_before):
    lang_son = figures[LANG_SON]
    scores = (copy / "data/processed/scores.csv").read_text(encoding="utf-8").splitlines()
    rows_2025 = [line for line in scores if line.startswith("2025,")]
    assert len(rows_2025) == 6 * len(figures)  # four sub-indices, total and rank per province

    notebook = json.loads((copy / NOTEBOOK_04).read_text(encoding="utf-8"))
    assert "2025" in _cell_text(notebook, "coverage.year_coverage(")
    trajectory = _cell_text(notebook, "outcomes.trajectory(")
    assert "2025" in trajectory and f"{lang_son['total']:g}" in trajectory
    # the computed findings name the year, Lạng Sơn's total and its rank, in both languages
    findings = _cell_text(notebook, "outcome_findings.findings(")
    for lang in LANGUAGES:
        total = format_number(lang_son["total"], lang)
        assert "PGI 2025" in findings and total in findings, lang
    assert f"{lang_son['rank']}/34" in findings
    for lang in LANGUAGES:  # the reports people read carry them too
        page = (copy / f"reports/html/{lang}/04_pgi_outcomes.html").read_text(encoding="utf-8")
        assert format_number(lang_son["total"], lang) in page
    assert format_number(lang_son["total"], "vi") in _docx_text(copy / WORD_REPORT)

    book = openpyxl.load_workbook(copy / WORKBOOK, read_only=True)
    values = [row for row in book[WORKBOOK_SCORES_SHEET].iter_rows(values_only=True)]
    year_2025 = [row for row in values if 2025 in row]
    assert len(year_2025) == 6 * len(figures)
    assert any(LANG_SON in row and lang_son["total"] in row for row in year_2025)

    labels = _rank_figure_labels(copy)
    assert any(label.startswith("2025\n") for label in labels)
    assert f"{lang_son['rank']}/34" in labels
    if "save_to" in inspect.signature(show_figure).parameters:  # the notebooks write figures
        for lang in ("vi", "en"):
            name = f"figures/{lang}/lang_son_rank_by_year.png"
            assert (copy / name).read_bytes() != figures_before[name]


def _visible_text(page: str) -> str:
    """What a reader of an HTML page sees: no styles, scripts, tags or images."""
    body = page[page.index("<body") :]
    body = re.sub(r"<style.*?</style>|<script.*?</script>|<img[^>]*>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _pages_read_as_their_language(copy):
    """Each language's pages: no code words, no NaN, nothing of the other language's prose."""
    for page in sorted((copy / "reports/html").glob("*/*.html")):
        text = _visible_text(page.read_text(encoding="utf-8"))
        assert not re.findall(r"\b[a-z]+_[a-z0-9_]+\b", text), page
        assert not re.findall(r"\b(?:nan|NaN|<NA>|None|True|False)\b", text), page
        other = "Findings" if page.parent.name == "vi" else "Kết luận"
        assert other not in text, page


def _docx_text(path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(paragraph.text for paragraph in document.paragraphs), *cells])


def _findings(copy) -> str:
    notebook = json.loads((copy / NOTEBOOK_04).read_text(encoding="utf-8"))
    return _cell_text(notebook, "outcome_findings.findings(")


def _only_data_notebooks_and_figures_changed(copy):
    changes = [path for path in _git_changes(copy) if path != TEMPLATE]
    assert changes and all(
        path.split("/")[0] in {"data", "notebooks", "figures"} for path in changes
    )
    assert {"data/processed/scores.csv", NOTEBOOK_04} <= set(changes)


def test_the_yearly_walkthrough_with_a_complete_then_a_sparse_year(tmp_path):
    copy = copy_of_repository(tmp_path / "complete")
    # The committed observations only: whatever a maintainer added must not meet the made-up year.
    shutil.rmtree(copy / "data" / "pgi" / "added", ignore_errors=True)
    _git_snapshot(copy)
    figures_before = {
        f"figures/{lang}/lang_son_rank_by_year.png": (
            copy / f"figures/{lang}/lang_son_rank_by_year.png"
        ).read_bytes()
        for lang in ("vi", "en")
    }

    run_command(copy, "scores", "template", "--year", "2025", "--out", TEMPLATE)
    complete = _fill(copy / TEMPLATE)
    assert len(complete) == 34
    run_command(copy, "scores", "add", TEMPLATE)
    run_command(copy, "report")
    _the_year_is_everywhere(copy, complete, figures_before)
    _only_data_notebooks_and_figures_changed(copy)
    assert "is thin" not in _findings(copy)
    _pages_read_as_their_language(copy)
    _strict_nbval(copy, NOTEBOOK_04)  # 01-03 read no PGI figures: the suite checks them

    # The sparse year, from the same starting point: the complete year taken out again.
    sparse_copy = shutil.copytree(copy, tmp_path / "sparse", symlinks=True)
    (sparse_copy / "data/pgi/added/0001_scores_2025.csv").unlink()
    (sparse_copy / TEMPLATE).unlink()
    run_command(sparse_copy, "scores", "template", "--year", "2025", "--out", TEMPLATE)
    sparse = _fill(sparse_copy / TEMPLATE, keep={LANG_SON, "Hà Nội", "Cà Mau"})
    assert sorted(sparse) == ["Cà Mau", "Hà Nội", LANG_SON]
    run_command(sparse_copy, "scores", "add", TEMPLATE)
    summary = run_command(sparse_copy, "report").stdout
    rerun = [line.split(":")[0].strip() for line in summary.splitlines() if ".ipynb:" in line]
    assert rerun == ["04_pgi_outcomes.ipynb"]  # 01-03 read no PGI figures
    _the_year_is_everywhere(sparse_copy, sparse, figures_before)
    _only_data_notebooks_and_figures_changed(sparse_copy)
    findings = _findings(sparse_copy)  # the year is said to be thin; 2024 stays the headline
    assert "PGI 2025 is thin" in findings and "PGI 2025 còn thưa" in findings
    assert "which stays the headline comparison" in findings
    _strict_nbval(sparse_copy, NOTEBOOK_04)
