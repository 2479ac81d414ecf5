import os

import pandas as pd
import pytest

from pgi_analysis.files import atomic_write_bytes, write_tables


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "table.csv"
    target.write_bytes(b"old\n")

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr("pgi_analysis.files.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["table.csv"]


def test_tables_are_written_as_utf8_csv_with_lf(tmp_path):
    written = write_tables({"t": pd.DataFrame({"tên": ["Lạng Sơn"], "n": [1]})}, tmp_path)
    assert written == [tmp_path / "t.csv"]
    assert (tmp_path / "t.csv").read_bytes() == "tên,n\nLạng Sơn,1\n".encode()
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o666 & ~umask
