"""The house style and save_figure: identical bytes on every save, every Vietnamese letter drawn
from DejaVu Sans, and the style confined to the figures that ask for it."""

import hashlib

import matplotlib
import pytest
from matplotlib.figure import Figure

from pgi_analysis import plotting, vocabulary

VIETNAMESE = "Sở Nông nghiệp và Môi trường · Đài Khí tượng Thủy văn · ỹ ẵ ặ ự ữ ẩ ộ ở ợ Ư Ơ Ă Đ"


def _small_figure() -> Figure:
    with plotting.house_style():
        figure, ax = plotting.new_figure(3, 2)
        ax.bar(["Sở", "Đài"], [1, 2], color=vocabulary.SUB_INDEX_COLOURS[1])
        figure.text(0, 0, VIETNAMESE, fontsize=4)  # outside the layout: any length fits
    return figure


def _digests(paths) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def test_save_figure_writes_png_and_svg_under_the_language(tmp_path):
    written = plotting.save_figure(_small_figure(), "demo", tmp_path, "vi")
    assert written == [tmp_path / "vi" / "demo.png", tmp_path / "vi" / "demo.svg"]
    assert written[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in written[1].read_bytes()
    assert [path.name for path in tmp_path.rglob("*")] == ["vi", "demo.png", "demo.svg"]


def test_save_figure_is_byte_identical_run_after_run(tmp_path):
    first = plotting.save_figure(_small_figure(), "demo", tmp_path / "first", "en")
    again = plotting.save_figure(_small_figure(), "demo", tmp_path / "again", "en")
    assert _digests(first) == _digests(again)


def test_saved_files_carry_no_date_or_version(tmp_path):
    png, svg = plotting.save_figure(_small_figure(), "demo", tmp_path, "en")
    assert b"Software" not in png.read_bytes()
    assert b"matplotlib v" not in svg.read_bytes().lower()
    assert b"dc:date" not in svg.read_bytes()
    assert b"<text" not in svg.read_bytes()  # text drawn as paths: no font needed to view


def test_save_figure_rejects_an_unknown_language(tmp_path):
    with pytest.raises(ValueError, match="lang must be one of"):
        plotting.save_figure(_small_figure(), "demo", tmp_path, "fr")
    assert not list(tmp_path.iterdir())


def test_every_vietnamese_letter_comes_from_dejavu_sans():
    assert plotting.missing_glyphs(_small_figure()) == {}


def test_missing_glyphs_notices_a_font_without_vietnamese():
    # STIX lacks several Vietnamese letters; matplotlib would draw them from a fallback quietly
    with matplotlib.rc_context({"font.family": "STIXGeneral"}):
        figure = Figure()
        figure.text(0.1, 0.5, "Sở Nông nghiệp và Môi trường")
    assert plotting.missing_glyphs(figure) == {"STIXGeneral.ttf": "ệờở"}


def test_house_style_leaves_the_global_settings_alone():
    before = dict(matplotlib.rcParams)
    with plotting.house_style():
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
        assert matplotlib.rcParams["svg.fonttype"] == "path"
    assert dict(matplotlib.rcParams) == before


def test_bilingual_picks_the_language():
    assert vocabulary.pick("vi", "chủ trì", "lead") == "chủ trì"
    assert vocabulary.pick("en", "chủ trì", "lead") == "lead"
    with pytest.raises(ValueError):
        vocabulary.pick("EN", "chủ trì", "lead")


def test_sub_index_colours_are_distinct():
    assert sorted(vocabulary.SUB_INDEX_COLOURS) == [1, 2, 3, 4]
    assert len(set(vocabulary.SUB_INDEX_COLOURS.values())) == 4


def test_show_png_publishes_a_png_and_no_text(monkeypatch):
    shown = []
    monkeypatch.setattr(
        "IPython.display.display", lambda data, raw: shown.append((sorted(data), raw))
    )
    plotting.show_png(_small_figure())
    assert shown == [(["image/png"], True)]
