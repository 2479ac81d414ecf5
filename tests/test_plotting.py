"""The house style and save_figure: figures at their size on an A4 page, with their notes and
source inside it, numbers written as each language writes them, identical bytes on every save,
every Vietnamese letter drawn from DejaVu Sans, and the style confined to the figures that ask
for it."""

import hashlib
import io

import matplotlib
import pytest
from matplotlib.figure import Figure

from pgi_analysis import plotting, vocabulary

VIETNAMESE = "Sở Nông nghiệp và Môi trường · Đài Khí tượng Thủy văn · ỹ ẵ ặ ự ữ ẩ ộ ở ợ Ư Ơ Ă Đ"


def _small_figure() -> Figure:
    with plotting.house_style():
        drawing, ax = plotting.new_figure(height_cm=5, width_cm=8)
        ax.bar(["Sở", "Đài"], [1, 2], color=vocabulary.SUB_INDEX_COLOURS[1])
        return plotting.finish(drawing, "Nguồn: thử.", [VIETNAMESE])


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


def test_display_png_publishes_a_png_and_no_text(monkeypatch):
    shown = []
    monkeypatch.setattr(
        "IPython.display.display", lambda data, raw: shown.append((sorted(data), raw))
    )
    plotting.display_png(plotting.figure_bytes(_small_figure(), "png"))
    assert shown == [(["image/png"], True)]


def test_notebooks_show_the_print_png_at_a_third_of_its_resolution():
    png = plotting.figure_bytes(_small_figure(), "png")
    small = plotting.screen_png(png)
    assert small.startswith(b"\x89PNG") and len(small) < len(png) / 3
    # the same size on the page, to a pixel of 100 dpi
    assert plotting.png_size_cm(small) == pytest.approx(plotting.png_size_cm(png), abs=0.03)


# --- the figure's size on the page --------------------------------------------------------------


def test_a_png_declares_its_size_on_the_page():
    # 8 × 5 cm is 944 × 590 whole pixels at 300 dpi, declared as 11811 pixels a metre
    assert plotting.png_size_cm(plotting.figure_bytes(_small_figure(), "png")) == (
        944 / 11811 * 100,
        590 / 11811 * 100,
    )


def test_a_png_without_a_resolution_has_no_size_on_the_page():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="png")
    with pytest.raises(ValueError, match="declares no resolution"):
        plotting.png_size_cm(buffer.getvalue())


def test_a_figure_larger_than_the_a4_text_area_is_refused():
    with pytest.raises(ValueError, match="must fit 16 × 24 cm"):
        plotting.new_figure(height_cm=10, width_cm=17)
    with pytest.raises(ValueError, match="must fit 16 × 24 cm"):
        plotting.new_figure(height_cm=25)


def test_notes_and_source_are_wrapped_inside_the_figure():
    note = "Một ghi chú rất dài về cách đọc hình này, " * 8
    with plotting.house_style():
        drawing, ax = plotting.new_figure(height_cm=8, width_cm=10)
        ax.plot([0, 1], [0, 1])
        figure = plotting.finish(drawing, plotting.source_line("vi", "Phụ lục", "VCCI"), [note])
    (footer,) = figure.subfigs[1].texts
    lines = footer.get_text().split("\n")
    assert len(lines) > 3 and lines[-1] == "Nguồn: Phụ lục; VCCI."
    assert " ".join(lines[:-1]) == note.strip()
    assert plotting.layout_problems(figure) == []


def test_each_line_of_a_footer_takes_the_most_words_that_fit():
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    text = "Chỉ số Xanh cấp tỉnh (PGI) của VCCI, khảo sát doanh nghiệp hằng năm; " * 6
    font, measure = FontProperties(size=plotting.SMALL_PT), RendererAgg(1, 1, 72)

    def width(line: str) -> float:
        return measure.get_text_width_height_descent(line, font, ismath=False)[0]

    with plotting.house_style():
        lines = plotting._wrap(
            f"{text}\n\nmột-từ-dài-hơn-cả-một-dòng-chữ-của-chú-thích-dưới-hình ngắn",
            150,
            font,
            measure,
        )
        assert " ".join(lines[:-3]) == text.strip() and lines[-3:] == [
            "",
            "một-từ-dài-hơn-cả-một-dòng-chữ-của-chú-thích-dưới-hình",
            "ngắn",
        ]
        assert all(width(line) <= 150 for line in lines[:-3])
        for line, after in zip(lines[:-4], lines[1:-3], strict=True):
            assert width(f"{line} {after.split()[0]}") > 150  # the next word would not fit


def test_layout_problems_names_small_cut_and_overlapping_text():
    with plotting.house_style():
        drawing, ax = plotting.new_figure(height_cm=6, width_cm=8)
        ax.text(0.2, 0.5, "chữ nhỏ", fontsize=5)
        ax.text(0.2, 0.5, "chồng lên")
        figure = plotting.finish(drawing, "Nguồn: thử.")
        figure.text(0.9, 0.5, "ra ngoài mép phải")
    assert plotting.layout_problems(figure) == [
        "5 pt: 'chữ nhỏ'",
        "cut by the edge: 'ra ngoài mép phải'",
        "overlap: 'chữ nhỏ' and 'chồng lên'",
    ]


def test_layout_is_computed_once_for_png_and_svg():
    figure = _small_figure()
    png = plotting.figure_bytes(figure, "png")
    assert figure.get_layout_engine().adjust_compatible is False  # constrained layout is frozen
    positions = [ax.get_position().bounds for ax in figure.axes]
    plotting.figure_bytes(figure, "svg")
    assert [ax.get_position().bounds for ax in figure.axes] == positions
    assert plotting.figure_bytes(figure, "png") == png


# --- numbers on axes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "digits"),
    [([0, 1, 2], 0), ([0, 0.5, 1.5], 1), ([6.5, 6.75, 7.0], 2), ([0.1, 0.2, 0.3], 1)],
)
def test_decimals_needed_writes_every_value_exactly(values, digits):
    assert plotting.decimals_needed(values) == digits


def _tick_labels(lang, ticks, **options) -> list[str]:
    formatter = plotting.number_formatter(lang, **options)
    return formatter.format_ticks(ticks)


def test_tick_labels_use_the_language_s_decimal_mark_and_show_each_tick_exactly():
    assert _tick_labels("vi", [6.5, 6.75, 7.0]) == ["6,50", "6,75", "7,00"]
    assert _tick_labels("en", [6.5, 6.75, 7.0]) == ["6.50", "6.75", "7.00"]
    assert _tick_labels("vi", [0.0, 0.5, 1.0]) == ["0,0", "0,5", "1,0"]
    assert _tick_labels("vi", [-2.0, -0.0, 2.0]) == ["−2", "0", "2"]


def test_tick_labels_of_shares_and_of_counts_drawn_leftwards():
    assert _tick_labels("vi", [0, 0.25, 0.5], share=True) == ["0%", "25%", "50%"]
    assert _tick_labels("vi", [0, 0.025, 0.05], share=True) == ["0,0%", "2,5%", "5,0%"]
    assert _tick_labels("en", [-10.0, 0.0, 10.0], absolute=True) == ["10", "0", "10"]


def test_number_axis_ticks_round_values_in_the_language_s_format():
    with plotting.house_style():
        drawing, ax = plotting.new_figure(height_cm=6, width_cm=8)
        ax.set_xlim(6.25, 7.25)
        plotting.number_axis(ax.xaxis, "vi")
        figure = plotting.finish(drawing, "Nguồn: thử.")
        figure.draw_without_rendering()
    ticks = zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
    labels = [label.get_text() for value, label in ticks if 6.25 <= value <= 7.25]
    assert labels == ["6,4", "6,6", "6,8", "7,0", "7,2"]  # steps of 2 tenths: one decimal


def test_source_line():
    assert plotting.source_line("vi", "a", "b") == "Nguồn: a; b."
    assert plotting.source_line("en", "a") == "Source: a."
