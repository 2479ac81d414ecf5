"""The report runner: what it reruns, what it skips, and how it fails."""

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pgi_analysis import report
from pgi_analysis.report import Step, StepFailed, Summary, Unit, export_html, run_steps


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "STATE_FILE", tmp_path / "state.json")
    return tmp_path


def _step(name, fingerprints, out_dir, runs):
    """A step of one unit per fingerprint, writing one file each and logging what it ran."""

    def units():
        return [
            Unit(unit, lambda unit=unit: fingerprints[unit], lambda unit=unit: [out_dir / unit])
            for unit in fingerprints
        ]

    def run(stale):
        runs.append([unit.name for unit in stale])
        for unit in stale:
            (out_dir / unit.name).write_text(fingerprints[unit.name])
        return [out_dir / unit.name for unit in stale]

    return Step(name, units, run)


def test_only_units_whose_inputs_changed_or_outputs_vanished_rerun(state):
    fingerprints, runs = {"a": "1", "b": "1"}, []
    step = _step("demo", fingerprints, state, runs)
    run_steps([step], Summary())
    summary = run_steps([step], Summary())
    assert (runs, summary.skipped) == ([["a", "b"]], ["demo"])
    fingerprints["b"] = "2"
    run_steps([step], Summary())
    (state / "a").unlink()
    run_steps([step], Summary())
    run_steps([step], Summary(), force=True)
    assert runs == [["a", "b"], ["b"], ["a"], ["a", "b"]]


def test_a_failing_step_names_itself_and_is_tried_again_next_time(state):
    def broken(stale):
        raise ZeroDivisionError("division by zero")

    failing = Step("figures", lambda: [Unit("all", lambda: "1", lambda: [])], broken)
    with pytest.raises(StepFailed) as error:
        run_steps([failing], Summary())
    assert str(error.value) == (
        "step 'figures' failed (ZeroDivisionError: division by zero); earlier outputs kept"
    )
    assert not (state / "state.json").exists()


def test_a_notebook_error_without_a_message_is_still_one_line():
    class CellError(Exception):
        ename, evalue = "AssertionError", ""

    assert str(StepFailed("notebooks", CellError())) == (
        "step 'notebooks' failed (AssertionError); earlier outputs kept"
    )


def test_html_with_and_without_code(tmp_path):
    notebook = new_notebook(
        cells=[new_markdown_cell("# Tiêu đề"), new_code_cell("secret_code = 1", id="c1")]
    )
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(notebook, path)
    written = export_html(path, tmp_path / "html")
    assert [file.name for file in written] == ["01_demo.html", "01_demo_text.html"]
    with_code, text_only = (file.read_text(encoding="utf-8") for file in written)
    assert "Tiêu đề" in with_code and "Tiêu đề" in text_only
    assert "secret_code" in with_code and "secret_code" not in text_only
    assert export_html(path, tmp_path / "again")[0].read_bytes() == written[0].read_bytes()
