"""Executing notebooks in place: outputs written, nothing that changes from run to run, and a
failing notebook left as it was."""

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_notebook

from pgi_analysis.notebooks import execute_all, execute_notebook


def _write_notebook(path, *sources):
    notebook = new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        cells=[new_code_cell(source, id=f"cell-{i}") for i, source in enumerate(sources)],
    )
    nbformat.write(notebook, path)
    return path


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


def test_a_failing_notebook_raises_and_is_left_as_it_was(tmp_path):
    failing = _write_notebook(tmp_path / "failing.ipynb", "1 / 0")
    before = failing.read_bytes()
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        execute_notebook(failing)
    assert failing.read_bytes() == before
