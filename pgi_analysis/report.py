"""`pgi-analysis report`: every product of the package rebuilt in order, unchanged steps skipped.

A step is skipped when the digest of everything it reads (its input files and the library's code)
matches the one recorded after its last successful run and its outputs are all still there. The
record lives in a git-ignored file, so a fresh clone runs every step once.
"""

import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pgi_analysis import paths
from pgi_analysis.errors import InputError
from pgi_analysis.files import atomic_write_bytes

STATE_FILE = paths.ROOT / ".report-state.json"
LANGUAGE_CHOICES = {"vi": ("vi",), "en": ("en",), "both": ("vi", "en")}
PLAN_YEAR = 2026  # Plan 18/KH-UBND: the workbook's year when no PGI scores are stored


class StepFailed(Exception):
    """A report step failed; outputs written before it stay as they were."""

    def __init__(self, step: str, error: Exception) -> None:
        kind = getattr(error, "ename", type(error).__name__)  # a notebook cell's error, if any
        message = (str(getattr(error, "evalue", error)).splitlines() or [""])[0]
        detail = f"{kind}: {message}" if message else kind
        super().__init__(f"step '{step}' failed ({detail}); earlier outputs kept")


@dataclass(frozen=True)
class Unit:
    """The smallest piece of a step that can be skipped: its fingerprint and its outputs."""

    name: str
    fingerprint: Callable[[], str]
    outputs: Callable[[], list[Path]]


@dataclass(frozen=True)
class Step:
    """One stage of the report: its units, and a run that rebuilds some and returns the files."""

    name: str
    units: Callable[[], list[Unit]]
    run: Callable[[list[Unit]], list[Path]]


@dataclass
class Summary:
    written: dict[str, list[Path]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = ["Report:"]
        for step, written in self.written.items():
            places = sorted({_shown(path.parent) for path in written})
            lines.append(
                f"  {step:<10} {len(written):>3} file(s) in {', '.join(places)} "
                f"({self.seconds[step]:.1f} s)"
            )
        if self.skipped:
            lines.append(f"  unchanged, skipped: {', '.join(self.skipped)}")
        lines.extend(f"  note: {note}" for note in self.notes)
        return "\n".join(lines)


def _shown(path: Path) -> str:
    try:
        return f"{path.relative_to(paths.ROOT)}/"
    except ValueError:
        return f"{path}/"


def _files(*patterns: str) -> list[Path]:
    return sorted(path for pattern in patterns for path in paths.ROOT.glob(pattern))


def library_files() -> list[Path]:
    return _files("pgi_analysis/*.py")


def data_files() -> list[Path]:
    return _files("data/raw/*", "data/reference/*", "data/pgi/**/*.csv", "data/pgi/*.md")


def digest(files: Iterable[Path]) -> str:
    """One hash over the names and bytes of `files`: the same inputs give the same digest."""
    hasher = hashlib.sha256()
    for path in sorted(files):
        hasher.update(str(path.relative_to(paths.ROOT)).encode())
        hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()


def notebook_source_digest(path: Path) -> str:
    """A notebook's sources only: executing it rewrites its outputs, not what it asks for."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    sources = [[cell.cell_type, cell.source] for cell in notebook.cells]
    return hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode()).hexdigest()


def _load_state() -> dict[str, str]:
    try:
        return json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return {}


def _progress(message: str) -> None:
    if sys.stderr.isatty():  # quiet in pipes, CI logs and notebook outputs
        print(message, file=sys.stderr, flush=True)


def run_steps(steps: list[Step], summary: Summary, force: bool = False) -> Summary:
    """Run each step on its units whose fingerprint changed; stop at the first failure."""
    state = _load_state()
    for number, step in enumerate(steps, start=1):
        units = step.units()
        keys = {unit.name: unit.fingerprint() for unit in units}
        stale = [
            unit
            for unit in units
            if force
            or state.get(f"{step.name}:{unit.name}") != keys[unit.name]
            or not all(path.exists() for path in unit.outputs())
        ]
        if not stale:
            summary.skipped.append(step.name)
            continue
        _progress(f"[{number}/{len(steps)}] {step.name} ({len(stale)} of {len(units)})")
        started = time.perf_counter()
        try:
            summary.written[step.name] = step.run(stale)
        except InputError:
            raise
        except Exception as error:  # any other failure: say which step, keep earlier outputs
            raise StepFailed(step.name, error) from error
        summary.seconds[step.name] = time.perf_counter() - started
        state.update({f"{step.name}:{unit.name}": keys[unit.name] for unit in stale})
        atomic_write_bytes(STATE_FILE, json.dumps(state, indent=1, sort_keys=True).encode())
    return summary


def export_html(notebook: Path, out_dir: Path) -> list[Path]:
    """Two HTML pages of an executed notebook: with its code, and text and figures only."""
    import nbformat
    from nbconvert import HTMLExporter

    executed = nbformat.read(notebook, as_version=4)
    written = []
    for suffix, exclude_code in (("", False), ("_text", True)):
        exporter = HTMLExporter(
            exclude_input=exclude_code,
            exclude_input_prompt=exclude_code,
            exclude_output_prompt=exclude_code,
        )
        body, _ = exporter.from_notebook_node(
            executed, resources={"metadata": {"name": notebook.stem}}
        )
        target = out_dir / f"{notebook.stem}{suffix}.html"
        atomic_write_bytes(target, body.encode("utf-8"))
        written.append(target)
    return written


def _notebooks() -> list[Path]:
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def workbook_path(year: int) -> Path:
    return paths.REPORTS / f"pgi_phan_cong_{year}.xlsx"


def _tidy_step(inputs: str) -> Step:
    def run(_: list[Unit]) -> list[Path]:
        from pgi_analysis.appendix import load_appendix
        from pgi_analysis.files import write_tables

        return write_tables(load_appendix().tables(), paths.PROCESSED)

    outputs = [
        paths.PROCESSED / f"{name}.csv" for name in ("indicators", "agencies", "assignments")
    ]
    return Step("tidy", lambda: [Unit("tables", lambda: inputs, lambda: outputs)], run)


def _scores_step(inputs: str) -> Step:
    def run(_: list[Unit]) -> list[Path]:
        from pgi_analysis.files import write_tables
        from pgi_analysis.scores import load_scores, published_scores

        return write_tables({"scores": published_scores(load_scores())}, paths.PROCESSED)

    outputs = [paths.PROCESSED / "scores.csv"]
    return Step("scores", lambda: [Unit("scores", lambda: inputs, lambda: outputs)], run)


def _notebooks_step(inputs: str, jobs: int) -> Step:
    def units() -> list[Unit]:
        return [
            Unit(
                path.name,
                lambda path=path: inputs + notebook_source_digest(path),
                lambda path=path: [path],
            )
            for path in _notebooks()
        ]

    def run(stale: list[Unit]) -> list[Path]:
        from pgi_analysis.notebooks import execute_all

        return execute_all([paths.NOTEBOOKS / unit.name for unit in stale], jobs=jobs)

    return Step("notebooks", units, run)


def _figures_step(inputs: str, languages: tuple[str, ...]) -> Step:
    def run(_: list[Unit]) -> list[Path]:
        from pgi_analysis.figures import write_all_figures

        return write_all_figures(paths.FIGURES, languages)

    def outputs() -> list[Path]:
        from pgi_analysis.figures import FIGURES, figure_files

        files = [name for entry in FIGURES for name in figure_files(entry, languages)]
        return [paths.FIGURES / "README.md", *(paths.FIGURES / name for name in files)]

    def fingerprint() -> str:
        return inputs + "".join(languages)

    return Step("figures", lambda: [Unit("figures", fingerprint, outputs)], run)


def _html_step() -> Step:
    out_dir = paths.REPORTS / "html"

    def units() -> list[Unit]:
        return [
            Unit(
                path.name,
                lambda path=path: digest([path]),
                lambda path=path: [
                    out_dir / f"{path.stem}.html",
                    out_dir / f"{path.stem}_text.html",
                ],
            )
            for path in _notebooks()
        ]

    def run(stale: list[Unit]) -> list[Path]:
        return [
            path for unit in stale for path in export_html(paths.NOTEBOOKS / unit.name, out_dir)
        ]

    return Step("html", units, run)


def write_officials_workbook(path: Path, year: int | None = None) -> Path:
    """The Excel workbook for officials, with the PGI scores published up to `year`."""
    from pgi_analysis.appendix import load_appendix
    from pgi_analysis.provenance import provenance_rows
    from pgi_analysis.scores import load_scores
    from pgi_analysis.workbook import write_workbook

    scores = load_scores()
    if year is not None:
        scores = scores[scores["year"] <= year]
    return write_workbook(path, load_appendix(), scores, provenance_rows())


def _workbook_step(inputs: str, year: int) -> Step:
    return Step(
        "workbook",
        lambda: [Unit(str(year), lambda: inputs, lambda: [workbook_path(year)])],
        lambda _: [write_officials_workbook(workbook_path(year), year)],
    )


def build_report(
    year: int | None = None, lang: str = "both", force: bool = False, jobs: int = 2
) -> Summary:
    """Rebuild every product of the package; return what was written and what was skipped."""
    from pgi_analysis.scores import load_scores

    summary = Summary()
    years = sorted(set(load_scores()["year"]))
    if year is None:
        year = years[-1] if years else PLAN_YEAR
    if year not in years:
        summary.notes.append(f"no PGI scores for {year}: the workbook lists the earlier years only")
    # What every step but the HTML reads; the steps write nothing it covers, so hash it once.
    inputs = digest([*data_files(), *library_files()])
    steps = [
        _tidy_step(inputs),
        _scores_step(inputs),
        _notebooks_step(inputs, jobs),
        _figures_step(inputs, LANGUAGE_CHOICES[lang]),
        _html_step(),
        _workbook_step(inputs, year),
    ]
    return run_steps(steps, summary, force=force)
