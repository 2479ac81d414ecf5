"""What a report step reads, found from the code: the library modules it runs, the data they name.

Modules: the transitive closure of a step's imports inside `pgi_analysis`, read from the source with
`ast`, so that editing `workbook.py` concerns only the steps that import it. Imports inside
functions count (they run when the function does); imports under `if TYPE_CHECKING:` never run and
do not. Importing `pgi_analysis.reference.tables` runs `pgi_analysis/__init__.py` and
`pgi_analysis/reference/__init__.py` too, so those count as well.

Data: the files named by the `paths` constants that those modules refer to, where they lie in an
input folder (`paths.INPUT_FOLDERS`); a folder stands for every file under it, so that a file
added to `data/pgi/added/` is an input of every module that names `paths.PGI`.

`Inputs` hashes each file once per report (keyed on its stamp, as outputs of one step can be
inputs of a later one).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import inspect
import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

from pgi_analysis import paths
from pgi_analysis.files import file_stamp

PACKAGE = "pgi_analysis"
PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def module_file(name: str) -> Path | None:
    """The source file of the package's module `name` ("pgi_analysis.x.y"), or None."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py") if parts[1:] else None):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def _enclosing_packages(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(body: list[ast.stmt]) -> Iterable[ast.stmt]:
    """Every statement of `body` and of the blocks inside it (functions too), except the bodies
    of `if TYPE_CHECKING:` blocks. Imports are statements: expressions need no visit."""
    pending = list(body)
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            pending.extend(getattr(node, block, ()))


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(tree: ast.Module, module: str, is_package: bool) -> tuple[set[str], set[str]]:
    """The package's modules the code imports, and the names it binds `pgi_analysis.paths` to
    or imports from it."""
    found, paths_names = set(), set()
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            paths_names.update(
                a.asname for a in node.names if a.name == f"{PACKAGE}.paths" and a.asname
            )
        elif isinstance(node, ast.ImportFrom):
            origin = _absolute(node, module, is_package)
            found.add(origin)
            # `from pgi_analysis import responsibility` names a module; `import load_appendix`
            # an attribute of the package, which is already counted
            found.update(f"{origin}.{alias.name}" for alias in node.names)
            if origin == PACKAGE:
                paths_names.update(a.asname or a.name for a in node.names if a.name == "paths")
            elif origin == f"{PACKAGE}.paths":
                paths_names.update("=" + alias.name for alias in node.names)
    wanted = {name for name in found if module_file(name) is not None}
    wanted |= {parent for name in wanted for parent in _enclosing_packages(name)}
    return wanted, paths_names


def imported_modules(source: str, module: str = "", is_package: bool = False) -> set[str]:
    """The package's modules that `source` (of `module`, for relative imports) imports."""
    return _imports(ast.parse(source), module, is_package)[0]


def _paths_references(source: str, bound: set[str]) -> set[str]:
    """Names of `pgi_analysis.paths` constants the source refers to: `paths.PGI` through the
    names bound to the module (a mention in a comment counts too, which costs a rerun at most),
    and constants imported from it (marked "=NAME" in `bound`)."""
    names = {name[1:] for name in bound if name.startswith("=")}
    for alias in bound - {f"={name}" for name in names}:
        names.update(re.findall(rf"\b{re.escape(alias)}\.([A-Za-z_]\w*)", source))
    return names


def _inside_inputs(path: Path) -> bool:
    return any(path == folder or path.is_relative_to(folder) for folder in paths.INPUT_FOLDERS)


def named_files(names: Iterable[str]) -> list[Path]:
    """The input files the `paths` constants `names` stand for: a file itself (present or not),
    a folder every file under it; constants outside the input folders (outputs) name none."""
    found: set[Path] = set()
    for name in names:
        value = getattr(paths, name, None)
        for path in value if isinstance(value, tuple | list) else [value]:
            if not isinstance(path, Path) or not _inside_inputs(path):
                continue
            if path.is_dir():
                found.update(visible_files(path))
            else:
                found.add(path)
    return sorted(found)


def visible_files(folder: Path) -> list[Path]:
    """Files under `folder`, leaving out hidden ones (an atomic write's temporary, OS litter)."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def recipe_source(function: Callable) -> str:
    """The source of `function` and of the functions of its own module it calls, recursively:
    what a step's recipe in `report.py` does, so that changing it reruns the step."""
    module = sys.modules[function.__module__]
    seen: dict[str, str] = {}
    pending = [function]
    while pending:
        current = pending.pop()
        if current.__name__ in seen:
            continue
        source = textwrap.dedent(inspect.getsource(current))
        seen[current.__name__] = source
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Name):
                called = getattr(module, node.id, None)
                if inspect.isfunction(called) and called.__module__ == module.__name__:
                    pending.append(called)
    return "".join(seen[name] for name in sorted(seen))


class Inputs:
    """The modules and data files steps read, and their digests; each file is read once."""

    def __init__(self) -> None:
        self._facts: dict[str, tuple[set[str], set[str]]] = {}
        self._digests: dict[tuple, str] = {}

    def _module_facts(self, name: str) -> tuple[set[str], set[str]]:
        """The package modules that module `name` imports, and the `paths` names it uses."""
        if name not in self._facts:
            path = module_file(name)
            source = path.read_text(encoding="utf-8")
            imports, bound = _imports(ast.parse(source), name, path.name == "__init__.py")
            self._facts[name] = (imports - {name}, _paths_references(source, bound))
        return self._facts[name]

    def closure(self, modules: Iterable[str]) -> list[str]:
        """`modules` (short names like "workbook" or full ones) and all the package's modules
        they import, directly or not, with their enclosing packages."""
        pending = [m if m.startswith(PACKAGE) else f"{PACKAGE}.{m}" for m in modules]
        pending += [parent for name in list(pending) for parent in _enclosing_packages(name)]
        found: set[str] = set()
        while pending:
            name = pending.pop()
            if name in found:
                continue
            if module_file(name) is None:
                raise ValueError(f"{name} is not a module of {PACKAGE}")
            found.add(name)
            pending.extend(self._module_facts(name)[0])
        return sorted(found)

    def data(self, modules: Iterable[str]) -> list[Path]:
        """The input files named by the `paths` constants the modules refer to."""
        return named_files({name for module in modules for name in self._module_facts(module)[1]})

    def digest(self, path: Path) -> str:
        """A file's content hash, "missing" for a file that is not there, and for a folder the
        names it holds (a listing, as `glob` sees it)."""
        stamp = file_stamp(path)
        if stamp not in self._digests:
            if stamp is None:
                value = "missing"
            elif path.is_dir():
                value = json.dumps(sorted(child.name for child in path.iterdir()))
            else:
                value = hashlib.sha256(path.read_bytes()).hexdigest()
            if stamp is not None:
                self._digests[stamp] = value
            return value
        return self._digests[stamp]

    def fingerprint(self, modules: Iterable[str], files: Iterable[Path], *extra: object) -> str:
        """One hash over the sources of `modules`, the contents of `files` and `extra` values."""
        parts = [
            *((name, self.digest(module_file(name))) for name in sorted(modules)),
            *((shown(path), self.digest(path)) for path in sorted(set(files))),
            *(str(value) for value in extra),
        ]
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def shown(path: Path) -> str:
    """`path` relative to the repository, as the summary and the state file write it."""
    try:
        return path.relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)
