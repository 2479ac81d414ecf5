"""`make bench`: each figure is a ratio measured side by side in one run, medians of repeats.

Run from the repository root: `.venv/bin/python benchmarks/run.py [--quick]`. The report
benchmarks work on a copy of the repository in a temporary folder, so the checkout is untouched.
"""

import argparse
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from repository_copy import command_environment, copy_of_repository, run_command  # noqa: E402

from pgi_analysis import load_appendix, paths, schemas  # noqa: E402


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Alternate the contenders so that a noisy moment slows them all alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


def row(label: str, value: str, target: str, met: bool | None) -> str:
    verdict = "" if met is None else "met" if met else "NOT MET"
    return f"{label:<46} {value:>22}   target {target:<14} {verdict}".rstrip()


def _cold_load_appendix(path: Path | None = None) -> None:
    """A first call in a fresh process: the gazetteer, reference and token caches empty."""
    from pgi_analysis import text
    from pgi_analysis.reference import agencies, tables

    caches = (text.tokenize, text.token_key, text.name_key)
    for cached in (*caches, agencies._read_gazetteer, tables._read_indicators):
        cached.cache_clear()
    load_appendix(path)


def bench_load_appendix(repeats: int) -> list[str]:
    text_path = paths.APPENDIX_TEXT

    def floor() -> None:
        re.findall(r"\S+", text_path.read_text(encoding="utf-8"))

    tidy = load_appendix()  # warm the file cache and the lazy imports alike
    columns = {
        schema: {name: tidy_table[name].tolist() for name in schema.columns}
        for schema, tidy_table in zip(
            (schemas.INDICATORS, schemas.AGENCIES, schemas.ASSIGNMENTS, schemas.REPAIRS),
            (tidy.indicators, tidy.agencies, tidy.assignments, tidy.repairs),
            strict=True,
        )
    }

    def tables() -> None:
        """Only what load_appendix ends with: its four tables made from their values."""
        for schema, values in columns.items():
            schema.frame(values)

    medians = interleaved_medians(
        {"load": load_appendix, "cold": _cold_load_appendix, "floor": floor, "tables": tables},
        repeats,
    )
    load_ms, cold_ms, tables_ms = (medians[name] * 1000 for name in ("load", "cold", "tables"))
    ratio = medians["load"] / medians["floor"]
    return [
        row(
            "1. load_appendix, repeated call (median)",
            f"{load_ms:.2f} ms = {ratio:.1f}x floor",
            "<= 5x floor",
            ratio <= 5,
        ),
        row(
            "   of which its four tables (pandas)",
            f"{tables_ms:.2f} ms = {medians['tables'] / medians['floor']:.1f}x floor",
            "none (shown)",
            None,
        ),
        row(
            "1. load_appendix, first call, caches empty",
            f"{cold_ms:.2f} ms = {medians['cold'] / medians['floor']:.0f}x floor",
            "none (shown)",
            None,
        ),
    ]


def _fresh_import_seconds(module: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, cwd=ROOT)
    return time.perf_counter() - start


def bench_import(repeats: int) -> str:
    medians = interleaved_medians(
        {
            name: lambda name=name: _fresh_import_seconds(name)
            for name in ("pgi_analysis", "pandas")
        },
        repeats,
    )
    ratio = medians["pgi_analysis"] / medians["pandas"]
    return row("2. import pgi_analysis / import pandas", f"{ratio:.2f}x", "<= 1.2x", ratio <= 1.2)


def _children_cpu() -> float:
    """CPU seconds of the processes this one started and waited for, and theirs (kernels)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measured(run: Callable[[], object]) -> tuple[float, float, object]:
    """Wall seconds and CPU seconds (of the processes it starts) of `run()`, and its result."""
    wall, cpu = time.perf_counter(), _children_cpu()
    result = run()
    return time.perf_counter() - wall, _children_cpu() - cpu, result


def _report(copy: Path, *flags: str) -> tuple[float, float, str]:
    """Wall and CPU seconds of `pgi-analysis report` run in `copy` (whose package shadows the
    checkout's, kernels included), and the summary it printed."""
    wall, cpu, result = _measured(lambda: run_command(copy, "report", *flags))
    return wall, cpu, result.stdout


def _outputs(copy: Path) -> dict[str, bytes]:
    folders = ("notebooks", "figures", "data/processed", "reports")
    return {
        str(path.relative_to(copy)): path.read_bytes()
        for folder in folders
        for path in sorted((copy / folder).rglob("*"))
        if path.is_file()
    }


def _kernel_floor(folder: Path, notebooks: int, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds to run, `jobs` at a time, one bare kernel per notebook that only
    imports what every notebook imports (pandas and matplotlib's pyplot)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from pgi_analysis.notebooks import execute_all

    bare = []
    for number in range(notebooks):
        path = folder / f"bare_{number}.ipynb"
        cell = new_code_cell(_IMPORTS, id="bare")
        nbformat.write(new_notebook(cells=[cell]), path)
        bare.append(path)
    wall, cpu, _ = _measured(lambda: execute_all(bare, jobs=jobs))
    return wall, cpu


_IMPORTS = "import pandas, matplotlib.pyplot"
_FIGURE_FILES = """
from pgi_analysis import figures, plotting
for entry in figures.FIGURES:
    for lang in ("vi", "en"):
        plotting.rendered_files(figures.render_figure(entry.name, lang), entry.name, "out", lang)
"""


def _python_cpu(copy: Path, code: str) -> float:
    """CPU seconds of a fresh interpreter running `code` with the copy's package."""
    environment = command_environment(copy)
    return _measured(
        lambda: subprocess.run([sys.executable, "-c", code], cwd=copy, check=True, env=environment)
    )[1]


def _figure_files_cpu(copy: Path) -> float:
    """CPU seconds of drawing every report figure in both languages and rendering its files
    (300-dpi PNG and SVG, what the report writes), beyond the imports the floor already pays."""
    return _python_cpu(copy, _IMPORTS + _FIGURE_FILES) - _python_cpu(copy, _IMPORTS)


def bench_report(repeats: int) -> list[str]:
    jobs = 2
    with tempfile.TemporaryDirectory() as temporary:
        copy = copy_of_repository(Path(temporary) / "repo")
        notebooks = len(list((copy / "notebooks").glob("[0-9][0-9]_*.ipynb")))
        floor_folder = Path(temporary) / "floor"
        floor_folder.mkdir()
        full, full_cpu, floor, floor_cpu, again, summaries, drawing = [], [], [], [], [], [], []
        for _ in range(repeats):  # side by side: a noisy moment slows both alike
            wall, cpu, summary = _report(copy, "--force", "--jobs", str(jobs))
            full.append(wall)
            full_cpu.append(cpu)
            summaries.append(summary)
            after_full = _outputs(copy)
            again.append(_report(copy, "--jobs", str(jobs))[0])
            identical = _outputs(copy) == after_full
            wall, cpu = _kernel_floor(floor_folder, notebooks, jobs)
            floor.append(wall)
            floor_cpu.append(cpu)
            drawing.append(_figure_files_cpu(copy))
    full_s, floor_s, again_s = (statistics.median(found) for found in (full, floor, again))
    full_c, floor_c = statistics.median(full_cpu), statistics.median(floor_cpu)
    # No schedule on `jobs` cores runs the floor's kernels and the figures' rendering (work the
    # report cannot skip) in less than their CPU seconds shared out over the cores.
    drawing_c = statistics.median(drawing)
    bound_s = (floor_c + drawing_c) / jobs
    median_run = summaries[full.index(sorted(full)[len(full) // 2])]
    steps = [f"   {line.strip()}" for line in median_run.splitlines()[1:]]
    return [
        row(
            "3. report --force / bare kernels (floor)",
            f"{full_s:.1f} s / {floor_s:.1f} s = {full_s / floor_s:.2f}x",
            "<= 2x",
            full_s / floor_s <= 2,
        ),
        row(
            "   the same in CPU seconds (kernels included)",
            f"{full_c:.1f} s / {floor_c:.1f} s = {full_c / floor_c:.2f}x",
            "none (shown)",
            None,
        ),
        row(
            f"   lower bound on {jobs} cores / floor",
            f"{bound_s:.1f} s / {floor_s:.1f} s = {bound_s / floor_s:.2f}x",
            "none (shown)",
            None,
        ),
        f"   (floor's kernels {floor_c:.1f} CPU-s + the figures' files {drawing_c:.1f} CPU-s) / "
        f"{jobs} cores",
        *steps,
        row(
            "4. unchanged re-run / full run",
            f"{again_s:.2f} s = {again_s / full_s:.1%}",
            "< 10 %, same bytes",
            again_s / full_s < 0.10 and identical,
        ),
    ]


def _synthetic_scores(pgi_dir: Path, years: int) -> None:
    """`years` years of every province's four sub-indices, total and rank: made up, not data."""
    from pgi_analysis import reference

    provinces = reference.provinces().table["name_en"].tolist()[:63]
    lines = ["year,province,measure,value,source_url,note"]
    for year in range(2024 - years + 1, 2025):
        made_up = [
            [round(5 + (number * 7 + year + part) % 40 / 10, 2) for part in range(4)]
            for number in range(len(provinces))
        ]
        made_up.sort(key=sum, reverse=True)  # ranks follow the totals, as `scores` checks
        for rank, (province, parts) in enumerate(zip(provinces, made_up, strict=True), start=1):
            rows = {f"sub_index_{n}": value for n, value in enumerate(parts, start=1)}
            rows |= {"total": round(sum(parts), 2), "rank": rank}
            for measure, value in rows.items():
                lines.append(f"{year},{province},{measure},{value},https://example.org/synthetic,")
    pgi_dir.mkdir(parents=True, exist_ok=True)
    (pgi_dir / "pgi_observations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _growth(label: str, sizes: list[int], seconds: list[float]) -> str:
    """The exponent k of seconds ~ size^k between the smallest and the largest size."""
    exponent = math.log(seconds[-1] / seconds[0]) / math.log(sizes[-1] / sizes[0])
    detail = ", ".join(f"{size}: {s * 1000:.0f} ms" for size, s in zip(sizes, seconds, strict=True))
    return row(f"5. {label} ({detail})", f"growth ~ n^{exponent:.2f}", "<= n^1.1", exponent <= 1.1)


def bench_scale(repeats: int) -> list[str]:
    from pgi_analysis import scores
    from pgi_analysis.outcome_figures import draw_lang_son_vs_peers, draw_rank_by_year
    from pgi_analysis.outcomes import load_outcome_data
    from pgi_analysis.plotting import figure_bytes, house_style
    from pgi_analysis.provenance import provenance_rows
    from pgi_analysis.workbook import build_workbook

    # Ten years of 63 provinces can only lie before the first PGI (2022) or the 2025 mergers:
    # let this process accept the synthetic years.
    scores.FIRST_YEAR = 2015

    def tidy_copies(copies: list[Path]) -> None:
        for path in copies:  # caches emptied for each: identical copies would share them
            _cold_load_appendix(path)

    def outcome_figures(pgi_dir: Path) -> None:
        data = load_outcome_data(pgi_dir)
        with house_style():
            for draw in (draw_rank_by_year, draw_lang_son_vs_peers):
                figure_bytes(draw(data, "en"), "png", dpi=100)

    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        text = paths.APPENDIX_TEXT.read_bytes()
        sizes = [1, 4, 17, 34]
        copies = []
        for number in range(max(sizes)):
            copies.append(folder / f"appendix_{number}.txt")
            copies[-1].write_bytes(text)
        seconds = [median_seconds(lambda n=n: tidy_copies(copies[:n]), repeats) for n in sizes]
        rows.append(_growth("tidy n appendices", sizes, seconds))

        years = [1, 3, 10]
        for count in years:
            _synthetic_scores(folder / f"pgi_{count}", count)
        tidy, provenance = load_appendix(), provenance_rows()
        steps = {
            "scores, n years x 63 provinces": lambda c: scores.load_scores(folder / f"pgi_{c}"),
            "workbook, n years x 63 provinces": lambda c: build_workbook(
                tidy, scores.load_scores(folder / f"pgi_{c}"), provenance
            ),
            "outcome figures, n years x 63": lambda c: outcome_figures(folder / f"pgi_{c}"),
        }
        for label, step in steps.items():
            seconds = [median_seconds(lambda c=c, step=step: step(c), repeats) for c in years]
            rows.append(_growth(label, years, seconds))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    quick = parser.parse_args().quick
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for line in bench_load_appendix(20 if quick else 100):
        print(line)
    print(bench_import(5 if quick else 15))
    for line in bench_scale(3 if quick else 7):
        print(line)
    for line in bench_report(1 if quick else 3):
        print(line)


if __name__ == "__main__":
    main()
