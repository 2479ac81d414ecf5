"""`pgi-analysis report`: every product of the package rebuilt, each step only when what it reads
changed.

The steps are declared in `STEPS`; each names the library modules its recipe imports, and the
report finds the rest (`pgi_analysis.inputs`): the modules those import, the data files they
name, and the recipe's own code. A notebook reads its cells' sources, the modules its cells import
(and `notebooks`, which runs and exports it), and every file of each data folder its kernel
opened a file in last time (`data/raw`, `data/reference`, `data/pgi`, ...), so that a new PGI year
reruns notebook 04 and not the notebooks that read no PGI figures. Fingerprints are content
hashes, kept in the git-ignored `.report-state.json`: a fresh clone runs every step once.

A step starts as soon as the steps it follows are done: the notebooks (two kernels at a time) and
the workbook run side by side. Each notebook runs in one kernel up to three times: its Vietnamese
report run (which writes the report figures in `figures/vi/`), the committed run (written back
in place), and its English report run. Files the report writes that no longer correspond to
anything (a renamed workbook, a figure no longer registered, the page of a deleted notebook) are
removed at the end and listed. An interrupt (Ctrl-C, SIGTERM) kills the kernels, removes the
temporary files of unfinished writes, and leaves every finished output in place.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pgi_analysis import paths
from pgi_analysis.errors import InputError
from pgi_analysis.files import atomic_write_bytes, cached_on_stamps
from pgi_analysis.inputs import Inputs, imported_modules, recipe_source, shown, visible_files
from pgi_analysis.vocabulary import LANGUAGES

if TYPE_CHECKING:
    from pgi_analysis.notebooks import Kernels

STATE_FILE = paths.ROOT / ".report-state.json"
LANGUAGE_CHOICES = {"vi": ("vi",), "en": ("en",), "both": LANGUAGES}
HTML = paths.REPORTS / "html"
REPORT_NOTEBOOKS = paths.REPORTS / "notebooks"
COMMITTED = "committed"  # the run of a notebook written back to notebooks/
MTIME_RESOLUTION = 2.0  # seconds: the coarsest file times (FAT) still tell a file just written
# Only files in these folders are ever removed as outputs of earlier runs.
REMOVABLE = (paths.REPORTS, paths.FIGURES_FOLDER)


class StepFailed(Exception):
    """A report step failed; outputs written before it stay as they were."""

    def __init__(self, step: str, error: Exception) -> None:
        kind = getattr(error, "ename", type(error).__name__)  # a notebook cell's error, if any
        message = (str(getattr(error, "evalue", error)).splitlines() or [""])[0]
        detail = f"{kind}: {message}" if message else kind
        super().__init__(f"step '{step}' failed ({detail}); earlier outputs kept")


class Interrupted(KeyboardInterrupt):
    """The report was interrupted (SIGINT or SIGTERM) and has cleaned up after itself."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        self.signum = signum
        name = signal.Signals(signum).name
        super().__init__(
            f"interrupted ({name}): kernels stopped, temporary files removed, finished outputs kept"
        )


# --- what a run knows -------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """The smallest piece of a step that can be skipped: its fingerprint (None when unknown,
    as before a notebook's first run) and its outputs."""

    name: str
    fingerprint: Callable[[], str | None]
    outputs: list[Path]


@dataclass
class Summary:
    written: dict[str, list[Path]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    unit_seconds: dict[str, dict[str, float]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    total: float = 0.0

    def text(self) -> str:
        lines = ["Report:"]
        for step, written in self.written.items():
            places = sorted({f"{shown(path.parent)}/" for path in written})
            lines.append(
                f"  {step:<14} {len(written):>3} file(s) in {', '.join(places)} "
                f"({self.seconds[step]:.1f} s)"
            )
            units = self.unit_seconds.get(step, {})
            lines += [f"    {unit}: {seconds:.1f} s" for unit, seconds in units.items()]
        if self.skipped:
            lines.append(f"  unchanged, skipped: {', '.join(self.skipped)}")
        if self.removed:
            removed = ", ".join(shown(path) for path in self.removed)
            lines.append(f"  removed, no longer produced: {removed}")
        lines.extend(f"  note: {note}" for note in self.notes)
        lines.append(f"  total {self.total:.1f} s")
        return "\n".join(lines)


class State:
    """What the last runs recorded: each unit's fingerprint, the data folders each notebook
    read, the seconds each notebook took. Saved after every unit, so that an interrupted or
    failed report keeps what it finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            saved = json.loads(path.read_text())
        except (OSError, ValueError):
            saved = {}
        saved = saved if isinstance(saved, dict) and "units" in saved else {}
        self.units: dict[str, str] = saved.get("units", {})
        self.reads: dict[str, list[str]] = saved.get("reads", {})
        self.seconds: dict[str, float] = saved.get("seconds", {})
        self._lock = threading.Lock()

    def record(self, key: str, fingerprint: str | None) -> None:
        """Note a unit's fingerprint after it ran (none yet: nothing to note)."""
        if fingerprint is not None:
            with self._lock:
                self.units[key] = fingerprint
                self._save()

    def record_notebook(self, name: str, folders: list[str], seconds: float) -> None:
        """Note the data folders a notebook's kernel read and the seconds its runs took."""
        with self._lock:
            self.reads[name] = folders
            self.seconds[name] = round(seconds, 2)
            self._save()

    def _save(self) -> None:
        saved = {"units": self.units, "reads": self.reads, "seconds": self.seconds}
        atomic_write_bytes(self.path, json.dumps(saved, indent=1, sort_keys=True).encode())


@dataclass
class Context:
    """One report run: its options, the inputs read so far, the state, the kernels started."""

    languages: tuple[str, ...] = LANGUAGES
    jobs: int = 2
    force: bool = False
    state: State = field(default_factory=lambda: State(STATE_FILE))
    inputs: Inputs = field(default_factory=Inputs)
    summary: Summary = field(default_factory=Summary)
    kernels: Kernels | None = None  # made when the first kernel is wanted
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def job_kernels(self) -> Kernels:
        from pgi_analysis.notebooks import Kernels

        with self._lock:
            if self.kernels is None:
                self.kernels = Kernels()
            return self.kernels

    def finished(self, step: str, unit: Unit) -> None:
        self.state.record(f"{step}:{unit.name}", unit.fingerprint())


@dataclass(frozen=True)
class Step:
    """One stage of the report.

    `units(context)` lists what can be skipped; `run(context, stale)` rebuilds the stale units,
    calls `context.finished` for each, and returns the files written. `products()` is every file
    the step may write under any option, and `families` the glob patterns (from the repository
    root) of the files of its kinds: a file matching them that is no product is an output of an
    earlier run that corresponds to nothing now."""

    name: str
    units: Callable[[Context], list[Unit]]
    run: Callable[[Context, list[Unit]], list[Path]]
    products: Callable[[], list[Path]]
    families: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


def file_step(
    name: str,
    modules: tuple[str, ...],
    outputs: Callable[[], list[Path]],
    write: Callable[[], list[Path]],
    *,
    after: tuple[str, ...] = (),
    reads: Callable[[], list[Path]] = list,
    variant: Callable[[], object] = lambda: None,
    families: tuple[str, ...] = (),
) -> Step:
    """A step of one unit: `write()` writes `outputs()`. It reruns when the modules it imports
    change (with all they import), or the data files they name, or the files it `reads` (e.g.
    outputs of the steps it comes `after`), or the code of `write`, or `variant()`."""

    def fingerprint(context: Context) -> str:
        closure = context.inputs.closure(modules)
        files = [*context.inputs.data(closure), *reads()]
        return context.inputs.fingerprint(closure, files, recipe_source(write), variant())

    def units(context: Context) -> list[Unit]:
        return [Unit(name, lambda: fingerprint(context), outputs())]

    def run(context: Context, stale: list[Unit]) -> list[Path]:
        written = write()
        for unit in stale:
            context.finished(name, unit)
        return written

    return Step(name, units, run, outputs, families, after)


# --- the runner -------------------------------------------------------------------------------


def _progress(message: str) -> None:
    if sys.stderr.isatty():  # quiet in pipes, CI logs and notebook outputs
        print(message, file=sys.stderr, flush=True)


def _out_of_date(step: str, unit: Unit, context: Context) -> bool:
    """A unit never run, whose inputs changed since its last run, or with an output missing."""
    fingerprint = unit.fingerprint()
    return (
        fingerprint is None
        or context.state.units.get(f"{step}:{unit.name}") != fingerprint
        or not all(path.exists() for path in unit.outputs)
    )


def _run_step(step: Step, context: Context) -> None:
    units = step.units(context)
    stale = [unit for unit in units if context.force or _out_of_date(step.name, unit, context)]
    if not stale:
        context.summary.skipped.append(step.name)
        return
    _progress(f"{step.name}: {len(stale)} of {len(units)}")
    started = time.perf_counter()
    try:
        written = step.run(context, stale)
    except InputError:
        raise
    except Exception as error:  # any other failure: say which step, keep earlier outputs
        raise StepFailed(step.name, error) from error
    context.summary.seconds[step.name] = time.perf_counter() - started
    context.summary.written[step.name] = written


def run_steps(steps: list[Step], context: Context) -> Summary:
    """Run each step once the steps it comes after are done, side by side where they can; stop
    scheduling at the first failure and raise it once the running steps end. An interrupt stops
    the kernels and waits for the running steps to end before it propagates."""
    names = {step.name for step in steps}
    for step in steps:
        if not set(step.after) <= names:
            raise ValueError(f"step {step.name!r} comes after unknown steps {step.after}")
    pending, done, failure = list(steps), set(), None
    running: dict = {}
    pool = ThreadPoolExecutor(max_workers=len(steps) or 1)
    try:
        while pending or running:
            ready = [step for step in pending if failure is None and set(step.after) <= done]
            for step in ready:
                pending.remove(step)
                running[pool.submit(_run_step, step, context)] = step
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                step = running.pop(future)
                if future.exception() is None:
                    done.add(step.name)
                elif failure is None:
                    failure = future.exception()
    except BaseException:
        if context.kernels is not None:
            context.kernels.stop()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    if failure is not None:
        raise failure
    return context.summary


@contextmanager
def _interrupts_clean_up(context: Context, steps: list[Step]) -> Iterator[None]:
    """SIGINT and SIGTERM raise `Interrupted`; once the steps have stopped, the temporary files
    of unfinished writes are removed (a killed kernel cannot remove its own)."""

    def interrupt(signum: int, _frame: object) -> None:
        for name in (signal.SIGINT, signal.SIGTERM):
            signal.signal(name, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up
        raise Interrupted(signum)

    handled = (signal.SIGINT, signal.SIGTERM)
    main = threading.current_thread() is threading.main_thread()
    previous = {name: signal.signal(name, interrupt) for name in handled} if main else {}
    try:
        yield
    except KeyboardInterrupt as error:
        remove_temporaries(steps)
        raise error if isinstance(error, Interrupted) else Interrupted() from error
    finally:
        for name, handler in previous.items():
            signal.signal(name, handler)


def remove_temporaries(steps: Iterable[Step]) -> list[Path]:
    """Remove the temporary files that unfinished atomic writes of the steps' products left."""
    removed = []
    for product in {path for step in steps for path in step.products()}:
        for temporary in product.parent.glob(f".{product.name}.*.tmp"):
            temporary.unlink(missing_ok=True)
            removed.append(temporary)
    return removed


def stale_outputs(steps: Iterable[Step]) -> list[Path]:
    """Files of the kinds the steps write, in reports/ or figures/, that none of them produces:
    outputs of earlier runs that no longer correspond to anything."""
    steps = list(steps)
    products = {path for step in steps for path in step.products()}
    found = {
        path
        for step in steps
        for pattern in step.families
        for path in paths.ROOT.glob(pattern)
        if path.is_file() and any(path.is_relative_to(folder) for folder in REMOVABLE)
    }
    return sorted(found - products)


def run_report(steps: list[Step], context: Context) -> Summary:
    """Run `steps`, then remove the outputs of earlier runs that correspond to nothing."""
    started = time.perf_counter()
    with _interrupts_clean_up(context, steps):
        run_steps(steps, context)
        for path in stale_outputs(steps):
            path.unlink()
            context.summary.removed.append(path)
    context.summary.total = time.perf_counter() - started
    return context.summary


# --- the steps --------------------------------------------------------------------------------


def workbook_path() -> Path:
    """The officials' workbook, named after the plan it sets out (pgi_phan_cong_18-KH-UBND_2026)."""
    from pgi_analysis import reference

    plan = reference.analysed_plan()
    return paths.REPORTS / f"pgi_phan_cong_{plan.slug}_{plan.issued.year}.xlsx"


def write_officials_workbook(path: Path, year: int | None = None) -> Path:
    """The Excel workbook for officials, with the PGI scores published up to `year` (all by
    default)."""
    from pgi_analysis.appendix import load_appendix
    from pgi_analysis.provenance import provenance_rows
    from pgi_analysis.scores import load_scores
    from pgi_analysis.workbook import write_workbook

    scores = load_scores()
    if year is not None:
        scores = scores[scores["year"] <= year]
    return write_workbook(path, load_appendix(), scores, provenance_rows())


def _tidy_tables() -> list[Path]:
    return [paths.PROCESSED / f"{name}.csv" for name in ("indicators", "agencies", "assignments")]


def _write_tidy_tables() -> list[Path]:
    from pgi_analysis.appendix import load_appendix
    from pgi_analysis.files import write_tables

    return write_tables(load_appendix().tables(), paths.PROCESSED)


def _scores_table() -> list[Path]:
    return [paths.PROCESSED / "scores.csv"]


def _write_scores_table() -> list[Path]:
    from pgi_analysis.files import write_tables
    from pgi_analysis.scores import load_scores, published_scores

    return write_tables({"scores": published_scores(load_scores())}, paths.PROCESSED)


def _write_workbook() -> list[Path]:
    return [write_officials_workbook(workbook_path())]


def _documentation() -> list[Path]:
    return [paths.PROCESSED / "README.md", paths.GLOSSARY_FILE]


def _write_documentation() -> list[Path]:
    """The data dictionary and the glossary, written from the declarations they describe."""
    from pgi_analysis.files import atomic_write_files
    from pgi_analysis.schemas import data_dictionary
    from pgi_analysis.vocabulary import glossary_markdown

    texts = dict(zip(_documentation(), (data_dictionary(), glossary_markdown()), strict=True))
    return atomic_write_files({path: text.encode("utf-8") for path, text in texts.items()})


def _word_reports() -> list[Path]:
    from pgi_analysis.annual_report import report_path

    return [report_path(lang) for lang in _figure_languages()]


def _report_figures() -> list[Path]:
    """The figure files the Word reports embed (the notebooks' step writes them)."""
    from pgi_analysis.annual_report import figure_path
    from pgi_analysis.figures import FIGURES

    return [figure_path(entry, lang) for entry in FIGURES for lang in _figure_languages()]


def _write_word_reports() -> list[Path]:
    from pgi_analysis.annual_report import write_report

    return [write_report(lang) for lang in _figure_languages()]


def _figures_readme() -> list[Path]:
    return [paths.FIGURES_FOLDER / "README.md"]


def _figure_languages() -> tuple[str, ...]:
    """The languages of which figures/ holds every registered figure: what its README lists."""
    from pgi_analysis.figures import FIGURES, figure_files

    return tuple(
        lang
        for lang in LANGUAGES
        if all(
            (paths.FIGURES_FOLDER / name).exists()
            for entry in FIGURES
            for name in figure_files(entry, [lang])
        )
    )


def _write_figures_readme() -> list[Path]:
    from pgi_analysis.figures import figures_readme

    readme = paths.FIGURES_FOLDER / "README.md"
    atomic_write_bytes(readme, figures_readme(_figure_languages()).encode("utf-8"))
    return [readme]


# --- the notebooks step -----------------------------------------------------------------------


def notebook_paths() -> list[Path]:
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


@dataclass(frozen=True)
class NotebookRun:
    """One run of a notebook: as committed (`lang` None) or a language's report run."""

    notebook: Path
    lang: str | None

    @property
    def name(self) -> str:
        return f"{self.notebook.name} [{self.lang or COMMITTED}]"

    def outputs(self) -> list[Path]:
        stem = self.notebook.stem
        if self.lang is None:
            return [self.notebook, HTML / f"{stem}.html"]
        return [
            REPORT_NOTEBOOKS / self.lang / self.notebook.name,
            HTML / self.lang / f"{stem}.html",
            *(paths.FIGURES_FOLDER / name for name in _notebook_figures(self.notebook, self.lang)),
        ]


def _notebook_figures(notebook: Path, lang: str) -> list[str]:
    from pgi_analysis.figures import FIGURES, figure_files

    return [
        name
        for entry in FIGURES
        if entry.notebook == notebook.name
        for name in figure_files(entry, [lang])
    ]


def _read_notebook(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


@dataclass(frozen=True)
class NotebookFacts:
    """What the report needs to know of a notebook before running it."""

    has_parameters: bool
    sources: str  # its cells' types, sources and tags, not their outputs
    modules: frozenset[str]  # the package's modules its code imports, and `notebooks`


@cached_on_stamps
def notebook_facts(path: Path) -> NotebookFacts:
    """A notebook's facts, read again only when the file changes."""
    from pgi_analysis.notebooks import parameters_index

    notebook = _read_notebook(path)
    cells = [
        [cell.cell_type, cell.source, cell.metadata.get("tags", [])] for cell in notebook.cells
    ]
    return NotebookFacts(
        parameters_index(notebook) is not None,
        json.dumps(cells, ensure_ascii=False),
        frozenset(_code_modules(notebook)),
    )


def notebook_runs(path: Path, languages: Iterable[str] = LANGUAGES) -> list[NotebookRun]:
    """The runs of a notebook, in the order they go: the first language's report run, the
    committed run, the other language's (report runs only for a notebook with parameters)."""
    if not notebook_facts(path).has_parameters:
        return [NotebookRun(path, None)]
    first, *others = [NotebookRun(path, lang) for lang in languages]
    return [first, NotebookRun(path, None), *others]


def _code_modules(notebook) -> set[str]:
    """The package's modules the notebook's code cells import (all of them when a cell cannot be
    read as Python), and `notebooks`, which runs the notebook and exports its pages."""
    modules = {"pgi_analysis.notebooks"}
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.source.lstrip().startswith("%%"):
            continue
        lines = [
            line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))
        ]
        try:
            modules |= imported_modules("\n".join(lines))
        except SyntaxError:
            return {f"pgi_analysis.{path.stem}" for path in paths.ROOT.glob("pgi_analysis/*.py")}
    return modules


def _data_folders(reads: Iterable[Path]) -> list[str]:
    """The folders directly under data/ that hold the files read (a file there stands alone)."""
    return sorted({shown(paths.DATA / path.relative_to(paths.DATA).parts[0]) for path in reads})


def _notebook_units(context: Context) -> list[Unit]:
    """A unit per run of each notebook in the chosen languages; the runs of the languages left
    out that are out of date are noted in the summary."""
    units = []
    for path in notebook_paths():
        facts = notebook_facts(path)
        closure = context.inputs.closure(facts.modules)

        def fingerprint(run: NotebookRun, sources=facts.sources, closure=closure) -> str | None:
            folders = context.state.reads.get(run.notebook.name)
            if folders is None:
                return None  # never run: what it reads is not known yet
            data = []
            for folder in folders:
                place = paths.ROOT / folder
                data += visible_files(place) if place.is_dir() else [place]
            return context.inputs.fingerprint(closure, data, sources, run.lang)

        for run in notebook_runs(path):
            unit = Unit(run.name, lambda run=run: fingerprint(run), run.outputs())
            if run.lang in (None, *context.languages):
                units.append(unit)
            elif _out_of_date("notebooks", unit, context):
                context.summary.notes.append(f"{unit.name} is out of date: not run (--lang)")
    return units


def _run_notebooks(context: Context, stale: list[Unit]) -> list[Path]:
    """Run the stale runs of each notebook in one kernel per notebook, `jobs` notebooks at a
    time, the slowest first."""
    wanted = {run.name: run for path in notebook_paths() for run in notebook_runs(path)}
    by_notebook: dict[Path, list[tuple[Unit, NotebookRun]]] = {}
    for unit in stale:
        run = wanted[unit.name]
        by_notebook.setdefault(run.notebook, []).append((unit, run))
    order = sorted(by_notebook, key=lambda path: -context.state.seconds.get(path.name, 0.0))
    with ThreadPoolExecutor(max_workers=max(1, context.jobs)) as pool:
        futures = [pool.submit(_run_notebook, context, path, by_notebook[path]) for path in order]
        try:
            return [path for future in futures for path in future.result()]
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _run_notebook(context: Context, path: Path, runs: list[tuple[Unit, NotebookRun]]) -> list[Path]:
    from pgi_analysis.notebooks import html_page, notebook_bytes, with_parameters

    started = time.perf_counter()
    notebook = _read_notebook(path)
    every_run = len(runs) == len(notebook_runs(path))
    figures_dir = os.path.relpath(
        paths.FIGURES_FOLDER, paths.NOTEBOOKS
    )  # the kernel runs in notebooks/
    written = []
    with context.job_kernels().kernel(paths.NOTEBOOKS, watch=paths.DATA) as kernel:
        for _, run in runs:
            run_started = time.time() - MTIME_RESOLUTION
            if run.lang is None:
                executed = kernel.run(notebook)
            else:
                values = {"LANG": run.lang, "REPORT": True, "FIGURES_DIR": figures_dir}
                executed = kernel.run(with_parameters(notebook, values))
            target, page = run.outputs()[:2]
            data = notebook_bytes(executed)
            if not (target.exists() and target.read_bytes() == data):
                atomic_write_bytes(target, data)
            atomic_write_bytes(page, html_page(executed, path.stem, run.lang))
            fresh = [path for path in run.outputs() if _written_since(path, run_started)]
            written += fresh
            figures = run.outputs()[2:]  # those the registry says the notebook shows
            if unsaved := [shown(path) for path in figures if path not in fresh]:
                context.summary.notes.append(
                    f"{run.name} did not save {len(unsaved)} of its {len(figures)} figure files "
                    f"({unsaved[0]}, ...): show_figure(name, LANG, save_to=FIGURES_DIR) saves them"
                )
    folders = set(_data_folders(kernel.reads))
    if not every_run:  # a report run left out may read more than the runs made
        folders |= set(context.state.reads.get(path.name, []))
    seconds = time.perf_counter() - started
    context.state.record_notebook(path.name, sorted(folders), seconds)
    context.summary.unit_seconds.setdefault("notebooks", {})[path.name] = seconds
    for unit, _ in runs:
        context.finished("notebooks", unit)
    return written


def _written_since(path: Path, moment: float) -> bool:
    try:
        return path.stat().st_mtime >= moment
    except OSError:
        return False


def _notebook_products() -> list[Path]:
    from pgi_analysis.figures import FIGURES, figure_files

    figures = [paths.FIGURES_FOLDER / name for entry in FIGURES for name in figure_files(entry)]
    runs = [run for path in notebook_paths() for run in notebook_runs(path)]
    return [*(path for run in runs for path in run.outputs()), *figures]


NOTEBOOKS_STEP = Step(
    "notebooks",
    _notebook_units,
    _run_notebooks,
    _notebook_products,
    families=(
        "reports/html/*.html",
        *(f"reports/html/{lang}/*.html" for lang in LANGUAGES),
        *(f"reports/notebooks/{lang}/*.ipynb" for lang in LANGUAGES),
        *(f"figures/{lang}/*.{fmt}" for lang in LANGUAGES for fmt in ("png", "svg")),
    ),
    after=("tidy", "scores"),  # a notebook may read the tidy tables
)

STEPS = [
    file_step("tidy", ("appendix", "files"), _tidy_tables, _write_tidy_tables),
    file_step("scores", ("scores", "files"), _scores_table, _write_scores_table),
    NOTEBOOKS_STEP,
    file_step(
        "workbook",
        ("workbook", "provenance", "scores", "appendix"),
        lambda: [workbook_path()],
        _write_workbook,
        families=("reports/pgi_phan_cong_*.xlsx",),
    ),
    file_step("documentation", ("schemas", "vocabulary"), _documentation, _write_documentation),
    file_step(
        "word",
        ("annual_report",),
        _word_reports,
        _write_word_reports,
        after=("notebooks",),
        reads=_report_figures,
        variant=_figure_languages,
        families=("reports/bao_cao_pgi_*.docx", "reports/pgi_report_*_en.docx"),
    ),
    file_step(
        "figures-readme",
        ("figures",),
        _figures_readme,
        _write_figures_readme,
        after=("notebooks",),
        variant=_figure_languages,
    ),
]


def build_report(lang: str = "both", force: bool = False, jobs: int = 2) -> Summary:
    """Rebuild every product of the package; return what was written, skipped and removed."""
    context = Context(languages=LANGUAGE_CHOICES[lang], jobs=jobs, force=force)
    return run_report(STEPS, context)
