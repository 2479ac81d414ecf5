"""Executing notebooks, with or without injected parameters, and exporting them as HTML pages.

A committed notebook is executed in place so that a re-run changes no byte unless a result did:
nbclient's Python API with timing off (`jupyter execute --inplace` records per-cell timing
whatever its options say), execution counts numbered 1..n.

A notebook may hold a cell tagged `parameters` (the papermill convention: `LANG`, `REPORT`,
`FIGURES_DIR`). `with_parameters` returns a copy with a cell tagged `injected-parameters` right
after it, setting other values; the copy runs as the notebook would with those values typed in.

A `Kernel` serves several runs of one notebook: imports and whatever a module caches (the figures
drawn, the tables read) are paid for once; between runs the user namespace is cleared and
pandas' display options are reset. It is
stopped when the block ends, on error too; `Kernels.stop()` kills every kernel of a job at once
(an interrupted report). It can also note the files its notebook reads (`watch`): an audit
hook in the kernel records every file opened and folder listed under a folder.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import os
import re
import sys
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.vocabulary import LANGUAGES, check_language

if TYPE_CHECKING:
    from nbformat import NotebookNode

KERNEL = "python3"
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
KERNEL_ARGUMENTS = [
    "--IPKernelApp.log_level=ERROR",  # ipykernel warns on every start that its TCP ports are local
    "--HistoryManager.hist_file=:memory:",  # kernels side by side share no history file
]
STARTUP_SECONDS = 60
# Run in the kernel before a notebook's cells, then removed from it (never saved).
_WATCH = "import pgi_analysis.notebooks as _notebooks; _notebooks.watch_reads({folder!r})"
_FRESH_NAMESPACE = "\n".join(
    [
        "get_ipython().run_line_magic('reset', '-f')",
        "import sys as _sys",
        "if 'pandas' in _sys.modules:  # tables shown as a fresh kernel shows them",
        "    _sys.modules['pandas'].reset_option('^display')",
        "del _sys",
    ]
)
_REPORT_READS = "import pgi_analysis.notebooks as _notebooks; print(_notebooks.observed_reads())"
_READ_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})

# nbclient and jupyter_client log what they also raise (a dead kernel, a failed cell): the
# caller reports it once.
_QUIET = logging.getLogger(__name__)
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False

_observed: set[str] = set()  # in a kernel: what `watch_reads` saw


class KernelsStopped(RuntimeError):
    """The job's kernels were stopped (`Kernels.stop`) while this notebook ran."""


def parameters_index(notebook: NotebookNode) -> int | None:
    """The position of the notebook's cell tagged `parameters`, if it has one."""
    for index, cell in enumerate(notebook.cells):
        if PARAMETERS_TAG in cell.metadata.get("tags", []):
            return index
    return None


def with_parameters(notebook: NotebookNode, values: dict[str, object]) -> NotebookNode:
    """A copy of `notebook` with a cell tagged `injected-parameters` setting `values` right after
    its `parameters` cell (which must exist)."""
    from nbformat.v4 import new_code_cell

    index = parameters_index(notebook)
    if index is None:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    source = "\n".join(f"{name} = {value!r}" for name, value in values.items())
    injected = new_code_cell(source, id=INJECTED_TAG, metadata={"tags": [INJECTED_TAG]})
    result = copy.deepcopy(notebook)
    result.cells.insert(index + 1, injected)
    return result


def renumber(notebook: NotebookNode) -> None:
    """Number the executed code cells 1..n, as a fresh kernel would, results included."""
    count = 0
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.get("execution_count") is None:
            continue
        count += 1
        cell.execution_count = count
        for output in cell.outputs:
            if output.output_type == "execute_result":
                output.execution_count = count


def notebook_bytes(notebook: NotebookNode) -> bytes:
    """The notebook as nbformat writes it to disk."""
    import nbformat

    text = StringIO()
    nbformat.write(notebook, text)
    return text.getvalue().encode("utf-8")


def watch_reads(folder: str) -> None:
    """In a kernel: from now on, note every file opened and folder listed under `folder`."""
    prefix = os.path.join(os.path.abspath(folder), "")

    def hook(event: str, args: tuple) -> None:
        if event in _READ_EVENTS and args and isinstance(args[0], str | bytes | os.PathLike):
            path = os.path.abspath(os.fsdecode(args[0]))
            if path.startswith(prefix):
                _observed.add(path)

    sys.addaudithook(hook)


def observed_reads() -> str:
    """In a kernel: what `watch_reads` noted, as JSON."""
    return json.dumps(sorted(_observed))


def _code_cell(source: str, name: str) -> NotebookNode:
    from nbformat.v4 import new_code_cell

    return new_code_cell(source, id=name)


class Kernels:
    """The kernels started for one job, so that they can all be stopped at once (`stop`)."""

    def __init__(self) -> None:
        self._managers: set = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def kernel(self, folder: Path, watch: Path | None = None) -> Kernel:
        """A kernel started in `folder` (see `Kernel`)."""
        return Kernel(folder, watch, self)

    def stop(self) -> None:
        """Kill every kernel of the job and refuse to start or run more: the runs in progress
        raise promptly, and each `Kernel` block cleans up after its kernel."""
        self._stopping.set()
        with self._lock:
            managers = list(self._managers)
        for manager in managers:
            process = getattr(manager.provisioner, "process", None)
            if process is not None:
                process.kill()

    def check(self, **_: object) -> None:
        """Raise if the job's kernels were stopped (an nbclient hook, before every cell)."""
        if self._stopping.is_set():
            raise KernelsStopped("kernels stopped")

    def _started(self, manager) -> None:
        self.check()
        with self._lock:
            self._managers.add(manager)

    def _ended(self, manager) -> None:
        with self._lock:
            self._managers.discard(manager)


class Kernel:
    """One kernel, started in `folder`, for several runs of notebooks (`run`). With `watch`, it
    notes in `reads` the files and folders under `watch` that the runs opened or listed."""

    def __init__(self, folder: Path, watch: Path | None = None, job: Kernels | None = None):
        self.folder, self.watch, self.job = Path(folder), watch, job or Kernels()
        self.reads: set[Path] = set()
        self._manager = None
        self._connection = None  # a client of the kernel, shared by every run
        self._client = None

    def __enter__(self) -> Kernel:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self._manager = AsyncKernelManager(kernel_name=KERNEL, log=_QUIET)
        self.job._started(self._manager)
        try:
            run_sync(self._manager.start_kernel)(
                cwd=str(self.folder), extra_arguments=KERNEL_ARGUMENTS
            )
            self.job.check()  # stopped while it started
            self._connection = self._manager.client()
            self._connection.start_channels()
            run_sync(self._connection.wait_for_ready)(timeout=STARTUP_SECONDS)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        from jupyter_core.utils import run_sync

        manager, self._manager = self._manager, None
        try:
            if manager.has_kernel:
                run_sync(manager.shutdown_kernel)(now=True)
        finally:
            run_sync(manager.cleanup_resources)()  # the connection file, even of a killed kernel
            if self._connection is not None:
                self._connection.stop_channels()
            self.job._ended(manager)

    def run(self, notebook: NotebookNode) -> NotebookNode:
        """Execute every cell of `notebook` (in place, and return it) in a fresh namespace; a
        failing cell raises. Execution counts run 1..n; no timing is recorded."""
        from nbclient import NotebookClient

        before, after = [], []
        if self._client is None:
            self._client = NotebookClient(
                notebook,
                km=self._manager,
                kernel_name=KERNEL,
                record_timing=False,
                on_cell_start=self.job.check,
                log=_QUIET,
            )
            self._client.kc = self._connection
            if self.watch:
                before.append(_code_cell(_WATCH.format(folder=str(self.watch)), "pgi-watch"))
        else:
            before.append(_code_cell(_FRESH_NAMESPACE, "pgi-fresh-namespace"))
        if self.watch:
            after.append(_code_cell(_REPORT_READS, "pgi-reads"))
        cells = notebook.cells
        notebook.cells = [*before, *cells, *after]
        self._client.nb = notebook
        try:
            self._client.execute()
        finally:
            ran = notebook.cells
            notebook.cells = cells
        if after:
            self.reads.update(Path(path) for path in json.loads(_stdout(ran[-1]) or "[]"))
        renumber(notebook)
        return notebook


def _stdout(cell: NotebookNode) -> str:
    return "".join(output.get("text", "") for output in cell.outputs)


def execute_notebook(path: Path | str) -> Path:
    """Run the notebook at `path` top to bottom in a fresh kernel, started in the notebook's
    folder, and write it back with its outputs. A failing cell raises and leaves the file as it
    was."""
    import nbformat

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    with Kernel(path.parent) as kernel:
        kernel.run(notebook)
    atomic_write_bytes(path, notebook_bytes(notebook))
    return path


def execute_all(paths: Iterable[Path | str], jobs: int = 2) -> list[Path]:
    """Execute each notebook as `execute_notebook` does, up to `jobs` at a time; the first
    failure is raised once the others have finished."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(execute_notebook, paths))


# --- HTML pages ---------------------------------------------------------------------------------

_exporter_lock = threading.Lock()
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


@functools.cache
def _html_exporter():
    """One exporter for every page (building one loads its templates, which is slow), with the
    preprocessor that drops tagged cells."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter, tags = HTMLExporter(), TagRemovePreprocessor()
    exporter.register_preprocessor(tags, enabled=True)
    return exporter, tags


def _kept(cell: NotebookNode, removed: set[str]) -> bool:
    return not removed.intersection(cell.metadata.get("tags", []))


def notebook_title(notebook: NotebookNode, removed: Iterable[str] = ()) -> str | None:
    """The text of the notebook's first Markdown heading, leaving out cells tagged `removed`."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and _kept(cell, set(removed)):
            heading = _HEADING.search(cell.source)
            if heading:
                return heading[1]
    return None


def html_page(notebook: NotebookNode, name: str, lang: str | None = None) -> bytes:
    """The notebook as one HTML page titled with its first heading (else `name`).

    With `lang`: a page for readers of that language, with text and results only (no code, no
    prompts), without the cells tagged with another language and the parameter cells. Without:
    the researcher's page, everything with its code."""
    removed = set()
    if lang is not None:
        removed = {*LANGUAGES, PARAMETERS_TAG, INJECTED_TAG} - {check_language(lang)}
    title = notebook_title(notebook, removed) or name
    with _exporter_lock:
        exporter, tags = _html_exporter()
        for trait in ("exclude_input", "exclude_input_prompt", "exclude_output_prompt"):
            setattr(exporter, trait, lang is not None)
        tags.remove_cell_tags = removed
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body.encode("utf-8")
