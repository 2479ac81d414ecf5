"""Executing notebooks: parameters injected after the `parameters` cell, counts as a fresh kernel
numbers them, a kernel reused with a fresh namespace, the files a notebook reads noted, kernels
stopped on demand; and the HTML pages, with code for researchers and per language without."""

import tempfile
import threading
import time

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from pgi_analysis.notebooks import (
    Kernel,
    Kernels,
    execute_all,
    execute_notebook,
    html_page,
    notebook_title,
    renumber,
    with_parameters,
)


def _notebook(*cells):
    return new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}}, cells=list(cells)
    )


def _code(source, name, tags=()):
    return new_code_cell(source, id=name, metadata={"tags": list(tags)} if tags else {})


def _write_notebook(path, *sources):
    cells = [_code(source, f"cell-{i}") for i, source in enumerate(sources)]
    nbformat.write(_notebook(*cells), path)
    return path


# --- without a kernel -------------------------------------------------------------------------


def test_parameters_are_injected_in_a_tagged_cell_right_after_the_parameters_cell():
    notebook = _notebook(
        new_markdown_cell("# Title", id="title"),
        _code('LANG = "vi"\nREPORT = False', "params", ["parameters"]),
        _code("print(LANG)", "use"),
    )
    injected = with_parameters(notebook, {"LANG": "en", "REPORT": True, "FIGURES_DIR": "../f"})
    assert [cell.id for cell in injected.cells] == [
        "title",
        "params",
        "injected-parameters",
        "use",
    ]
    cell = injected.cells[2]
    assert cell.source == "LANG = 'en'\nREPORT = True\nFIGURES_DIR = '../f'"
    assert cell.metadata.tags == ["injected-parameters"]
    assert len(notebook.cells) == 3  # the original is left as it was
    with pytest.raises(ValueError, match="no cell tagged 'parameters'"):
        with_parameters(_notebook(_code("x = 1", "only")), {"LANG": "en"})


def test_execution_counts_are_renumbered_as_a_fresh_kernel_would():
    notebook = _notebook(
        _code("a", "a"), new_markdown_cell("text", id="m"), _code("", "empty"), _code("b", "b")
    )
    notebook.cells[0].execution_count = 14
    notebook.cells[3].execution_count = 16
    result = new_output("execute_result", {"text/plain": "2"}, execution_count=16)
    notebook.cells[3].outputs = [result]
    renumber(notebook)
    counts = [cell.get("execution_count") for cell in notebook.cells]
    assert counts == [1, None, None, 2]
    assert notebook.cells[3].outputs[0].execution_count == 2


def _two_language_notebook():
    return _notebook(
        new_markdown_cell("# Tiêu đề tiếng Việt", id="title-vi", metadata={"tags": ["vi"]}),
        new_markdown_cell("# English title", id="title-en", metadata={"tags": ["en"]}),
        _code('LANG = "vi"', "params", ["parameters"]),
        _code("LANG = 'en'", "injected", ["injected-parameters"]),
        new_markdown_cell("Shown in both languages", id="both"),
        new_code_cell(
            "secret_code = 1\nsecret_code + 41",
            id="code",
            execution_count=3,
            outputs=[new_output("execute_result", {"text/plain": "42"}, execution_count=3)],
        ),
    )


def test_the_title_is_the_first_heading_of_the_cells_kept():
    notebook = _two_language_notebook()
    assert notebook_title(notebook) == "Tiêu đề tiếng Việt"
    assert notebook_title(notebook, {"vi"}) == "English title"
    assert notebook_title(_notebook(_code("1", "x"))) is None


def test_language_pages_show_their_language_without_code_or_parameters():
    notebook = _two_language_notebook()
    english = html_page(notebook, "01_demo", "en").decode("utf-8")
    vietnamese = html_page(notebook, "01_demo", "vi").decode("utf-8")
    researcher = html_page(notebook, "01_demo").decode("utf-8")
    assert "<title>English title</title>" in english
    assert "<title>Tiêu đề tiếng Việt</title>" in vietnamese
    assert "Tiêu đề tiếng Việt" not in english and "English title" not in vietnamese
    for page in (english, vietnamese):
        assert "Shown in both languages" in page and "42" in page
        assert "secret_code" not in page and "LANG" not in page
        assert "[3]:" not in page  # no prompts
    assert "secret_code" in researcher and "English title" in researcher
    assert "[3]:" in researcher
    assert html_page(notebook, "01_demo", "en").decode("utf-8") == english  # same bytes again


# --- with kernels -----------------------------------------------------------------------------


@pytest.mark.integration
def test_notebooks_run_in_their_folder_and_a_rerun_changes_no_byte(tmp_path):
    first = _write_notebook(tmp_path / "first.ipynb", "import os\nprint(os.getcwd())")
    second = _write_notebook(tmp_path / "second.ipynb", "6 * 7")
    assert execute_all([first, second], jobs=2) == [first, second]
    (cell,) = nbformat.read(first, as_version=4).cells
    assert cell.outputs[0].text == f"{tmp_path}\n"
    assert "execution" not in cell.metadata  # no timing metadata
    (cell,) = nbformat.read(second, as_version=4).cells
    assert cell.outputs[0].data["text/plain"] == "42"
    executed = second.read_bytes()
    execute_notebook(second)
    assert second.read_bytes() == executed


@pytest.mark.integration
def test_a_failing_notebook_raises_and_is_left_as_it_was(tmp_path):
    failing = _write_notebook(tmp_path / "failing.ipynb", "1 / 0")
    before = failing.read_bytes()
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        execute_notebook(failing)
    assert failing.read_bytes() == before


@pytest.mark.integration
def test_one_kernel_runs_again_in_a_fresh_namespace_and_notes_what_was_read(tmp_path):
    data = tmp_path / "data"
    (data / "pgi" / "added").mkdir(parents=True)
    (data / "pgi" / "scores.csv").write_text("year\n2025\n")
    (tmp_path / "elsewhere.txt").write_text("not watched")
    notebook = _notebook(
        _code("import sys\nsys.runs = getattr(sys, 'runs', 0) + 1\n'x' in dir()", "state"),
        _code(
            "import pandas as pd\nx = pd.get_option('display.precision')\n"
            "pd.set_option('display.precision', 2)\nsys.runs, x",
            "count",
        ),
        _code(
            "from pathlib import Path\n"
            "_ = Path('data/pgi/scores.csv').read_text(), Path('elsewhere.txt').read_text()\n"
            "_ = sorted(Path('data/pgi/added').glob('*.csv'))",
            "read",
        ),
    )
    with Kernel(tmp_path, watch=data) as kernel:
        first = kernel.run(nbformat.from_dict(notebook))
        second = kernel.run(nbformat.from_dict(notebook))
    results = [
        [cell.outputs[0].data["text/plain"] for cell in run.cells[:2]] for run in (first, second)
    ]
    # `x` gone, pandas' display options as new, the module state kept
    assert results == [["False", "(1, 6)"], ["False", "(2, 6)"]]
    assert [cell.execution_count for cell in second.cells] == [1, 2, 3]
    assert [cell.id for cell in second.cells] == ["state", "count", "read"]
    assert kernel.reads == {data / "pgi" / "scores.csv", data / "pgi" / "added"}


@pytest.mark.integration
def test_stopping_the_kernels_ends_a_run_promptly_and_removes_the_connection_file(
    tmp_path, monkeypatch
):
    temporary = tmp_path / "tmp"  # where jupyter_client writes the kernel's connection file
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    kernels = Kernels()
    notebook = _notebook(_code("open('started', 'w').close()\nimport time\ntime.sleep(60)", "c"))
    errors = []

    def run():
        try:
            with kernels.kernel(tmp_path) as kernel:
                kernel.run(notebook)
        except Exception as error:  # what the report sees when it stops its kernels
            errors.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 60
    while not (tmp_path / "started").exists():
        assert time.monotonic() < deadline and worker.is_alive()
        time.sleep(0.1)
    assert len(list(temporary.iterdir())) == 1  # the running kernel's connection file
    stopped = time.monotonic()
    kernels.stop()
    worker.join(30)
    assert not worker.is_alive() and time.monotonic() - stopped < 10
    assert len(errors) == 1
    assert list(temporary.iterdir()) == []
