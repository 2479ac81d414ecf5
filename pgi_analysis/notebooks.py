"""Execute the committed notebooks in place, so that a re-run changes no byte unless a result did.

nbclient's Python API with timing off is what makes a re-run byte-identical (`jupyter execute
--inplace` records per-cell timing whatever its options say). Each notebook runs in its own
kernel; several run side by side in threads, which only wait for their kernels.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from io import StringIO
from pathlib import Path

from pgi_analysis.files import atomic_write_bytes

KERNEL = "python3"


def execute_notebook(path: Path | str) -> Path:
    """Run the notebook at `path` top to bottom in a fresh kernel, started in the notebook's
    folder, and write it back with its outputs. A failing cell raises and leaves the file as it
    was."""
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        record_timing=False,
        kernel_name=KERNEL,
        resources={"metadata": {"path": str(path.parent)}},
        # ipykernel warns on every start that its local TCP ports are unencrypted: noise here
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    client.execute()
    text = StringIO()
    nbformat.write(notebook, text)
    atomic_write_bytes(path, text.getvalue().encode("utf-8"))
    return path


def execute_all(paths: Iterable[Path | str], jobs: int = 2) -> list[Path]:
    """Execute each notebook as `execute_notebook` does, up to `jobs` at a time; the first
    failure is raised once the others have finished."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(execute_notebook, paths))
