"""A copy of the repository in a folder of its own, and the package's command run there, for the
tests and benchmarks that run the whole report: the checkout is never touched."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_of_repository(into: Path) -> Path:
    """The committed files (with the working tree's changes to them) copied into `into`."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (ROOT / name).is_file():  # a file deleted but not yet committed is left out
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target)
    return into


def command_environment(copy: Path, **extra: str) -> dict[str, str]:
    """The environment in which `python -m pgi_analysis` and its kernels import the copy's
    package, not the checkout's."""
    return {**os.environ, "PYTHONPATH": str(copy), **extra}


def run_command(copy: Path, *arguments: str, **extra: str) -> subprocess.CompletedProcess:
    """`pgi-analysis ARGUMENTS` run in `copy` with this interpreter; raises if it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "pgi_analysis", *arguments],
        cwd=copy,
        env=command_environment(copy, **extra),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise AssertionError(f"pgi-analysis {' '.join(arguments)} failed:\n{result.stderr}")
    return result
