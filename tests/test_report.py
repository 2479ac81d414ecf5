"""The report runner: what each step reads, what it reruns and skips, what runs side by side, what
it removes, and how it fails or stops."""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from repository_copy import command_environment, copy_of_repository

from pgi_analysis import cli, inputs, paths, report
from pgi_analysis.inputs import Inputs, imported_modules, named_files
from pgi_analysis.report import (
    Context,
    Interrupted,
    State,
    Step,
    StepFailed,
    Summary,
    Unit,
    file_step,
    run_report,
    run_steps,
)


@pytest.fixture
def context(tmp_path):
    return Context(state=State(tmp_path / "state.json"))


def _step(name, fingerprints, out_dir, runs, after=()):
    """A step of one unit per fingerprint, writing one file each and logging what it ran."""

    def units(context):
        return [
            Unit(unit, lambda unit=unit: fingerprints[unit], [out_dir / unit])
            for unit in fingerprints
        ]

    def run(context, stale):
        runs.append([unit.name for unit in stale])
        for unit in stale:
            (out_dir / unit.name).write_text(str(fingerprints[unit.name]))
            context.finished(name, unit)
        return [out_dir / unit.name for unit in stale]

    return Step(name, units, run, lambda: [out_dir / unit for unit in fingerprints], after=after)


def _fresh(context):
    """The same state file read again, as the next report would."""
    return Context(state=State(context.state.path))


# --- what a step reads ------------------------------------------------------------------------


def test_imports_found_in_the_source_with_their_packages_not_type_checking_ones():
    source = (
        "import os\n"
        "from typing import TYPE_CHECKING\n"
        "from pgi_analysis import responsibility as resp, load_appendix\n"
        "if TYPE_CHECKING:\n"
        "    from pgi_analysis.workbook import build_workbook\n"
        "def later():\n"
        "    from pgi_analysis.reference import tables\n"
    )
    assert imported_modules(source) == {
        "pgi_analysis",
        "pgi_analysis.responsibility",
        "pgi_analysis.reference",
        "pgi_analysis.reference.tables",
    }
    relative = "from .names import NameIndex\nfrom . import tables"
    assert imported_modules(relative, "pgi_analysis.reference.agencies") == {
        "pgi_analysis",
        "pgi_analysis.reference",
        "pgi_analysis.reference.names",
        "pgi_analysis.reference.tables",
    }


def test_a_step_reads_the_closure_of_its_imports_and_the_data_they_name():
    found = Inputs()
    workbook = found.closure(["workbook"])
    assert {"pgi_analysis.workbook", "pgi_analysis.spreadsheet", "pgi_analysis.paths"} <= set(
        workbook
    )
    tidy = found.closure(["appendix", "files"])
    assert "pgi_analysis.workbook" not in tidy and "pgi_analysis.scores" not in tidy
    assert paths.APPENDIX_TEXT in found.data(tidy)
    assert not any(path.is_relative_to(paths.PGI) for path in found.data(tidy))
    assert set(inputs.visible_files(paths.PGI)) <= set(found.data(found.closure(["scores"])))
    with pytest.raises(ValueError, match="pgi_analysis.nothing is not a module"):
        found.closure(["nothing"])


def test_paths_constants_name_the_input_files_under_them(tmp_path, monkeypatch):
    pgi, raw = tmp_path / "pgi", tmp_path / "raw"
    (pgi / "added").mkdir(parents=True)
    raw.mkdir()
    for name in ("pgi/observations.csv", "pgi/added/0001_scores_2025.csv", "raw/appendix.txt"):
        (tmp_path / name).write_text("x")
    (pgi / "added" / ".0002_scores_2026.csv.x1y2.tmp").write_text("unfinished")
    monkeypatch.setattr(paths, "INPUT_FOLDERS", (raw, pgi))
    monkeypatch.setattr(paths, "PGI", pgi)
    monkeypatch.setattr(paths, "APPENDIX_TEXT", raw / "appendix.txt")
    monkeypatch.setattr(paths, "PROCESSED", tmp_path / "processed")
    assert named_files(["PGI", "PROCESSED", "ROOT", "NO_SUCH_NAME"]) == [
        pgi / "added" / "0001_scores_2025.csv",
        pgi / "observations.csv",
    ]
    assert named_files(["APPENDIX_TEXT"]) == [raw / "appendix.txt"]
    assert named_files(["INPUT_FOLDERS"]) == [
        pgi / "added" / "0001_scores_2025.csv",
        pgi / "observations.csv",
        raw / "appendix.txt",
    ]


def test_a_steps_recipe_includes_the_functions_of_its_module_it_calls():
    recipe = inputs.recipe_source(report._write_workbook)
    assert "def _write_workbook" in recipe
    assert "def write_officials_workbook" in recipe and "def workbook_path" in recipe
    assert "def _write_tidy_tables" not in recipe


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """The library copied, and the report reading its modules there: edits stay in the copy."""
    copy = shutil.copytree(inputs.PACKAGE_DIR, tmp_path / "pgi_analysis")
    monkeypatch.setattr(inputs, "PACKAGE_DIR", copy)
    inputs.module_file.cache_clear()
    yield copy
    inputs.module_file.cache_clear()


def _fingerprints(context):
    return {
        f"{step.name}:{unit.name}": unit.fingerprint()
        for step in report.STEPS
        for unit in step.units(context)
    }


def test_editing_only_workbook_py_reruns_only_the_workbook_step(package_copy, context):
    # What each notebook's kernel read last time, as the notebooks step records it.
    context.state.reads = {
        path.name: ["data/pgi", "data/raw", "data/reference"] for path in report.notebook_paths()
    }
    before = _fingerprints(context)
    with (package_copy / "workbook.py").open("a", encoding="utf-8") as source:
        source.write("\n# an edit\n")
    after = _fingerprints(Context(state=context.state))
    changed = sorted(unit for unit in before if before[unit] != after[unit])
    assert changed == ["workbook:workbook"]
    assert None not in before.values()


def test_a_notebook_reruns_for_a_data_folder_it_read_and_not_for_others(context, monkeypatch):
    notebooks = report.notebook_paths()
    context.state.reads = {path.name: ["data/raw"] for path in notebooks}
    context.state.reads[notebooks[-1].name] = ["data/pgi", "data/raw"]
    before = _fingerprints(context)
    stored = inputs.visible_files

    def with_a_new_year(folder):  # a year added to data/pgi/added/
        found = stored(folder)
        return (
            [*found, paths.PGI / "added" / "0099_scores_2031.csv"] if folder == paths.PGI else found
        )

    monkeypatch.setattr(inputs, "visible_files", with_a_new_year)
    monkeypatch.setattr(report, "visible_files", with_a_new_year)
    after = _fingerprints(Context(state=context.state))
    changed = {unit.split(" [")[0] for unit in before if before[unit] != after[unit]}
    # the Word report quotes the scores; the figures README names no PGI file, but its module
    # imports one that does
    assert changed == {
        f"notebooks:{notebooks[-1].name}",
        "scores:scores",
        "workbook:workbook",
        "word:word",
        "figures-readme:figures-readme",
    }


# --- running steps ----------------------------------------------------------------------------


def test_only_units_whose_inputs_changed_or_outputs_vanished_rerun(tmp_path, context):
    fingerprints, runs = {"a": "1", "b": "1"}, []
    step = _step("demo", fingerprints, tmp_path, runs)
    run_steps([step], context)
    summary = run_steps([step], _fresh(context))
    assert (runs, summary.skipped) == ([["a", "b"]], ["demo"])
    fingerprints["b"] = "2"
    run_steps([step], _fresh(context))
    (tmp_path / "a").unlink()
    run_steps([step], _fresh(context))
    forced = _fresh(context)
    forced.force = True
    run_steps([step], forced)
    assert runs == [["a", "b"], ["b"], ["a"], ["a", "b"]]


def test_a_unit_never_run_runs_even_with_its_outputs_there(tmp_path, context):
    (tmp_path / "a").write_text("from an earlier layout")
    runs = []
    step = _step("demo", {"a": None}, tmp_path, runs)
    run_steps([step], context)
    assert runs == [["a"]]


def test_steps_wait_for_those_they_come_after_and_others_run_side_by_side(tmp_path, context):
    both_running = threading.Barrier(2, timeout=10)  # broken unless two steps run at once
    order = []

    def write(name, wait_for_partner):
        def run():
            if wait_for_partner:
                both_running.wait()
            order.append(name)
            (tmp_path / name).write_text(name)
            return [tmp_path / name]

        return run

    steps = [
        file_step(
            "last",
            ("errors",),
            lambda: [tmp_path / "last"],
            write("last", False),
            after=("one", "two"),
        ),
        file_step("one", ("errors",), lambda: [tmp_path / "one"], write("one", True)),
        file_step("two", ("errors",), lambda: [tmp_path / "two"], write("two", True)),
    ]
    run_steps(steps, context)
    assert sorted(order[:2]) == ["one", "two"] and order[2] == "last"
    with pytest.raises(ValueError, match="comes after unknown steps"):
        run_steps(steps[:1], context)


def test_a_failing_step_names_itself_stops_what_follows_and_is_tried_again(tmp_path, context):
    def broken(context, stale):
        raise ZeroDivisionError("division by zero")

    failing = Step("figures", lambda context: [Unit("all", lambda: "1", [])], broken, list)
    runs = []
    following = _step("after", {"x": "1"}, tmp_path, runs, after=("figures",))
    with pytest.raises(StepFailed) as error:
        run_steps([failing, following], context)
    assert str(error.value) == (
        "step 'figures' failed (ZeroDivisionError: division by zero); earlier outputs kept"
    )
    assert runs == [] and not (tmp_path / "state.json").exists()


def test_a_notebook_error_without_a_message_is_still_one_line():
    class CellError(Exception):
        ename, evalue = "AssertionError", ""

    assert str(StepFailed("notebooks", CellError())) == (
        "step 'notebooks' failed (AssertionError); earlier outputs kept"
    )


def test_outputs_of_earlier_runs_that_match_nothing_now_are_removed_and_listed(
    tmp_path, monkeypatch, context
):
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(report, "REMOVABLE", (tmp_path / "reports",))
    reports = tmp_path / "reports"
    reports.mkdir()
    current = reports / "pgi_phan_cong_18-KH-UBND_2026.xlsx"
    earlier = reports / "pgi_phan_cong_2024.xlsx"
    kept = [reports / "notes.txt", tmp_path / "data" / "pgi_phan_cong_old.xlsx"]
    kept[1].parent.mkdir()
    for path in (earlier, *kept):
        path.write_text("x")

    def write():
        current.write_text("new")
        return [current]

    step = file_step(
        "workbook",
        ("errors",),
        lambda: [current],
        write,
        families=("reports/pgi_phan_cong_*.xlsx", "data/*.xlsx"),
    )
    summary = run_report([step], context)
    assert summary.removed == [earlier] and not earlier.exists()
    assert all(path.exists() for path in (current, *kept))
    assert "removed, no longer produced: reports/pgi_phan_cong_2024.xlsx" in summary.text()


def test_temporary_files_of_unfinished_writes_beside_products_are_removed(tmp_path):
    product = tmp_path / "figures" / "vi" / "role_matrix.png"
    product.parent.mkdir(parents=True)
    unfinished = product.parent / ".role_matrix.png.k2j3h4.tmp"
    other = product.parent / ".someone_elses.png.k2j3h4.tmp"
    unfinished.write_text("half")
    other.write_text("not ours")
    step = Step("notebooks", lambda context: [], lambda context, stale: [], lambda: [product])
    assert report.remove_temporaries([step]) == [unfinished]
    assert other.exists()


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="signals need the main thread"
)
def test_an_interrupt_stops_the_kernels_and_removes_temporary_files(tmp_path, context):
    product = tmp_path / "figure.png"
    unfinished = tmp_path / ".figure.png.abc.tmp"

    class Kernels:
        stopped = False

        def stop(self):
            self.stopped = True

    context.kernels = Kernels()

    def interrupted(context, stale):
        unfinished.write_text("half")  # as a killed kernel leaves it
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.5)
        return []

    step = Step(
        "notebooks",
        lambda context: [Unit("n", lambda: "1", [product])],
        interrupted,
        lambda: [product],
    )
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Interrupted) as error:
        run_report([step], context)
    assert error.value.signum == signal.SIGTERM
    assert context.kernels.stopped and not unfinished.exists()
    assert signal.getsignal(signal.SIGTERM) is previous


def test_the_command_says_in_one_line_that_it_was_interrupted(monkeypatch, capsys):
    def interrupted(**options):
        raise Interrupted(signal.SIGINT)

    monkeypatch.setattr(report, "build_report", interrupted)
    assert cli.main(["report"]) == 130
    assert capsys.readouterr().err == (
        "pgi-analysis: interrupted (SIGINT): kernels stopped, temporary files removed, "
        "finished outputs kept\n"
    )


def test_the_summary_lists_each_step_its_time_and_what_it_skipped():
    summary = Summary(
        written={
            "notebooks": [paths.NOTEBOOKS / "01_a.ipynb", paths.REPORTS / "html" / "01_a.html"]
        },
        seconds={"notebooks": 3.21},
        unit_seconds={"notebooks": {"01_a.ipynb": 3.04}},
        skipped=["tidy", "scores"],
        total=3.5,
    )
    assert summary.text() == (
        "Report:\n"
        "  notebooks        2 file(s) in notebooks/, reports/html/ (3.2 s)\n"
        "    01_a.ipynb: 3.0 s\n"
        "  unchanged, skipped: tidy, scores\n"
        "  total 3.5 s"
    )


def test_the_workbook_is_named_after_the_plan():
    assert report.workbook_path() == paths.REPORTS / "pgi_phan_cong_18-KH-UBND_2026.xlsx"


def test_notebooks_run_first_in_vietnamese_then_as_committed_then_in_english():
    (path, *_) = report.notebook_paths()
    assert [run.name for run in report.notebook_runs(path)] == [
        f"{path.name} [vi]",
        f"{path.name} [committed]",
        f"{path.name} [en]",
    ]
    runs = report.notebook_runs(path)
    assert runs[1].outputs() == [path, paths.REPORTS / "html" / f"{path.stem}.html"]
    assert runs[2].outputs()[:2] == [
        paths.REPORTS / "notebooks" / "en" / path.name,
        paths.REPORTS / "html" / "en" / f"{path.stem}.html",
    ]
    assert Path(paths.FIGURES_FOLDER / "en" / "role_matrix.png") in runs[2].outputs()


def _processes_mentioning(text: str) -> list[int]:
    """Processes whose command line mentions `text` (Linux: /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text in (entry / "cmdline").read_bytes().decode():
                found.append(int(entry.name))
        except OSError:  # ended meanwhile
            continue
    return found


@pytest.mark.integration
@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads processes from /proc")
def test_interrupting_the_report_stops_its_kernels_and_leaves_no_stray_files(tmp_path):
    copy = copy_of_repository(tmp_path / "repo")
    temporary = tmp_path / "tmp"  # where the kernels' connection files go
    temporary.mkdir()
    report_process = subprocess.Popen(
        [sys.executable, "-m", "pgi_analysis", "report"],
        cwd=copy,
        env=command_environment(copy, TMPDIR=str(temporary)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while len(list(temporary.glob("*.json"))) < 2:  # two kernels started
        assert report_process.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    time.sleep(1)  # into the notebooks' cells
    kernels = _processes_mentioning(str(temporary))
    assert len(kernels) == 2
    report_process.send_signal(signal.SIGINT)
    _, errors = report_process.communicate(timeout=60)
    assert report_process.returncode == 130
    assert errors.splitlines() == [
        "pgi-analysis: interrupted (SIGINT): kernels stopped, temporary files removed, "
        "finished outputs kept"
    ]
    assert _processes_mentioning(str(temporary)) == []
    assert list(temporary.iterdir()) == []  # no connection file left
    assert list(copy.rglob("*.tmp")) == []
    for notebook in (copy / "notebooks").glob("*.ipynb"):
        nbformat.read(notebook, as_version=4)  # each whole: the old one or the new
