"""Writing files so that a reader never sees a half-written one."""

import csv
import functools
import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pandas as pd

T = TypeVar("T")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: a crash leaves the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; the result is not
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def file_stamp(path: Path) -> tuple[str, int, int] | None:
    """What changes when a file does (name, modification time, size): a key for caches."""
    try:
        status = path.stat()
    except OSError:
        return None
    return str(path), status.st_mtime_ns, status.st_size


def cached_on_stamps(read: Callable[..., T]) -> Callable[..., T]:
    """`read(*paths)`, read again only when one of the files changes: the files' stamps are the
    cache key, so a running kernel sees an edited file and a repeated call costs a `stat`."""

    @functools.lru_cache(maxsize=16)
    def by_stamps(paths: tuple[Path, ...], stamps: tuple) -> T:
        return read(*paths)

    @functools.wraps(read)
    def cached(*paths: Path | str) -> T:
        files = tuple(Path(path) for path in paths)
        return by_stamps(files, tuple(file_stamp(path) for path in files))

    cached.cache_clear = by_stamps.cache_clear
    return cached


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with LF line ends, the form every committed table takes."""
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each table to `out_dir/<name>.csv`; all are rendered before any file is touched."""
    rendered = {Path(out_dir) / f"{name}.csv": csv_bytes(table) for name, table in tables.items()}
    for path, data in rendered.items():
        atomic_write_bytes(path, data)
    return list(rendered)


def read_csv_rows(path: Path) -> list[list[str]]:
    """Rows of a UTF-8 CSV file, `;`-separated too: Excel in a Vietnamese locale, where the
    decimal mark is a comma, saves with `;`. Raises UnicodeDecodeError for other encodings."""
    text = path.read_text(encoding="utf-8-sig")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def read_xlsx_rows(path: Path, sheet_name: str | None = None) -> list[list[object]]:
    """Cell values of a sheet (the named one if present, else the first), with a merged range's
    value in each of its cells: officials merge one cell over the rows it applies to."""
    from openpyxl import load_workbook

    book = load_workbook(path, data_only=True)
    sheet = book[sheet_name] if sheet_name in book.sheetnames else book.worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top_left = values[merged.min_row - 1][merged.min_col - 1]
        for row in range(merged.min_row - 1, merged.max_row):
            for column in range(merged.min_col - 1, merged.max_col):
                values[row][column] = top_left
    return values


# Office files (xlsx, docx) are zip archives that carry the time they were saved, in their
# properties and in every zip entry; one fixed date instead, the plan's, makes the same content
# the same bytes.
FIXED_TIME = datetime(2026, 1, 21)


def restamped_zip(archive: bytes) -> bytes:
    """The zip archive again, every entry dated FIXED_TIME, in the same order."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = entry.external_attr
            target.writestr(stamped, source.read(entry))
    return output.getvalue()
