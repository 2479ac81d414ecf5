"""The house style of every figure, and the one way figures are sized, labelled, saved and shown.

Every figure is drawn at the size it has in a Word document on A4 (at most 16 cm wide, the text
column, and 24 cm tall), so that pasted at 100 % its text stays at least 7 pt. Under the drawing,
inside that size, go its notes and a source line (`finish`).

matplotlib is imported inside the functions: `import pgi_analysis` stays as light as pandas, and
the style applies only where a figure is drawn (`house_style()`), never to a user's own plots.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.vocabulary import check_language, format_number, format_share, pick

if TYPE_CHECKING:
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure, SubFigure
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

FORMATS = ("png", "svg")
PNG_DPI = 300
SCREEN_DPI = 100  # notebooks: a third of PNG_DPI, sharp on screen and light in a notebook
# zlib level of the PNGs: measured on these figures (benchmarks/figure_timings.py), 3 writes
# them faster than the default 6 and no larger; 9 takes twice as long for 2 % less.
PNG_COMPRESSION = 3

CM = 1 / 2.54  # inches
TEXT_WIDTH_CM = 16.0  # the text column of an A4 page in Word (2.5 cm margins)
MAX_HEIGHT_CM = 24.0
MIN_FONT_PT = 7.0  # the smallest text of any figure, at its final size
SMALL_PT = 7.0  # notes, the source line, values written on bars and cells

COLLECTIVE_COLOUR = "#D9D9D9"  # unnamed collectives: present, but never in a sub-index colour
INK = "#333333"
LIGHT_INK = "#9E9E9E"  # second series, reference lines

STYLE = {
    # DejaVu Sans ships with matplotlib and has every Vietnamese letter (STIX does not).
    "font.family": "DejaVu Sans",
    "mathtext.fontset": "dejavusans",
    # Unhinted glyphs are as wide at every resolution: a layout computed once holds for the
    # 300-dpi PNG, the SVG (outlines) and the notebook's screen rendering alike.
    "text.hinting": "no_hinting",
    "font.size": 8,
    "figure.titlesize": 9.5,
    "figure.titleweight": "bold",
    "axes.titlesize": 9,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 8,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "legend.fontsize": 7.5,
    "legend.title_fontsize": 7.5,
    "legend.frameon": False,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": SCREEN_DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    # Same bytes on every run: a fixed salt for SVG element ids, text drawn as paths.
    "svg.hashsalt": "pgi-analysis",
    "svg.fonttype": "path",
}
# Without these, PNG and SVG files record the date of writing and the matplotlib version (a
# patch release would then change every file).
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
FOOTER_PAD_PT = 4.0  # above and below the notes and source line


@contextmanager
def house_style() -> Iterator[None]:
    """Draw and save inside this block to get the house style; rcParams are restored after."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


# --- a figure at its final size ---------------------------------------------------------------


def new_figure(
    *, height_cm: float, width_cm: float = TEXT_WIDTH_CM, mosaic=None, **subplots: object
) -> tuple[SubFigure, object]:
    """A figure of `width_cm` × `height_cm`, its final size on an A4 page, outside pyplot's
    registry and laid out by matplotlib's constrained layout. Returns the part to draw in (with
    `subplots(**subplots)` axes, or `subplot_mosaic(mosaic, **subplots)`); below it, `finish`
    writes the notes and the source line. Draw titles and legends on the returned part."""
    from matplotlib.figure import Figure

    if not (0 < width_cm <= TEXT_WIDTH_CM and 0 < height_cm <= MAX_HEIGHT_CM):
        raise ValueError(
            f"a figure must fit {TEXT_WIDTH_CM:g} × {MAX_HEIGHT_CM:g} cm, "
            f"not {width_cm:g} × {height_cm:g} cm"
        )
    figure = Figure(figsize=(width_cm * CM, height_cm * CM), layout="constrained")
    # The footer's height is set by `finish`; a zero height here would disable the layout.
    drawing, _footer = figure.subfigures(2, 1, height_ratios=[height_cm, 1], hspace=0)
    if mosaic is not None:
        return drawing, drawing.subplot_mosaic(mosaic, **subplots)
    return drawing, drawing.subplots(**subplots)


def finish(drawing: SubFigure, source: str, notes: Sequence[str] = ()) -> Figure:
    """Write `notes` and then `source` (each wrapped to the figure's width, at `SMALL_PT`) under
    the drawing made by `new_figure`, inside the figure's size; return the whole figure."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    figure = drawing.get_figure(root=True)
    footer = figure.subfigs[1]
    font = FontProperties(size=SMALL_PT)
    measure = RendererAgg(1, 1, 72)  # at 72 dpi a pixel is a point
    width = figure.get_figwidth() * 72 - 2 * FOOTER_PAD_PT
    lines = [line for text in [*notes, source] for line in _wrap(text, width, font, measure)]
    text = footer.text(
        FOOTER_PAD_PT / 72 / figure.get_figwidth(),
        0.5,
        "\n".join(lines),
        ha="left",
        va="center",
        fontproperties=font,
        color=INK,
    )
    # Measured, not guessed: the footer strip is as tall as its text, plus a pad either side.
    height = text.get_window_extent().height / figure.dpi
    height += 2 * FOOTER_PAD_PT / 72
    gridspec = drawing._subplotspec.get_gridspec()
    gridspec.set_height_ratios([figure.get_figheight() - height, height])
    return figure


def source_line(lang: str, *references: str) -> str:
    """'Nguồn: a; b.' or 'Source: a; b.': the line that ends every figure."""
    return f"{pick(lang, 'Nguồn', 'Source')}: {'; '.join(references)}."


def _wrap(text: str, width_pt: float, font, measure) -> list[str]:
    """`text` broken between words into lines at most `width_pt` wide: each line takes the most
    words that fit, measured as set (a word wider than the line stands alone)."""

    def width(words: Sequence[str]) -> float:
        return measure.get_text_width_height_descent(" ".join(words), font, ismath=False)[0]

    # Measuring costs as much as the text is long: each word is measured once to guess where a
    # line ends, and only lines near that guess are measured whole.
    space = width(["a", "a"]) - 2 * width(["a"])
    word_width = cache(lambda word: width([word]))
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
        while words:
            count, guess = 1, word_width(words[0])
            while count < len(words):
                guess += space + word_width(words[count])
                if guess > width_pt:
                    break
                count += 1
            while count > 1 and width(words[:count]) > width_pt:
                count -= 1
            while count < len(words) and width(words[: count + 1]) <= width_pt:
                count += 1
            lines.append(" ".join(words[:count]))
            words = words[count:]
    return lines


# --- numbers on axes --------------------------------------------------------------------------


def decimals_needed(values: Sequence[float], most: int = 4) -> int:
    """The fewest decimals that write every value exactly (0.25 needs 2; 0.5 and 1.5 need 1)."""
    for digits in range(most + 1):
        scale = 10**digits
        if all(abs(value * scale - round(value * scale)) < 1e-6 for value in values):
            return digits
    return most


def number_formatter(lang: str, share: bool = False, absolute: bool = False):
    """A tick formatter writing numbers as `lang` does (`vocabulary.format_number`: 4,95 in
    Vietnamese, 4.95 in English), or shares as percentages (`format_share`), with the fewest
    decimals that show every tick of the axis exactly: ticks at 6,75 print as 6,75, never 6,8.
    `absolute` writes −5 as 5 (a bar drawn leftwards for a count)."""
    from matplotlib.ticker import Formatter

    check_language(lang)

    class NumberFormatter(Formatter):
        digits = 0

        def set_locs(self, locs) -> None:
            super().set_locs(locs)
            self.digits = decimals_needed([value * (100 if share else 1) for value in locs])

        def __call__(self, value: float, pos=None) -> str:
            value = (abs(value) if absolute else value) + 0.0  # -0.0 prints as 0
            if share:
                return format_share(value, lang, self.digits)
            return format_number(value, lang, self.digits)

    return NumberFormatter()


def number_axis(
    axis: Axis, lang: str, share: bool = False, integer: bool = False, absolute: bool = False
) -> None:
    """Ticks at round values (steps of 1, 2 or 5 times a power of ten; whole numbers only if
    `integer`), labelled by `number_formatter`."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator("auto", steps=[1, 2, 5, 10], integer=integer))
    axis.set_major_formatter(number_formatter(lang, share=share, absolute=absolute))


# --- writing and showing ----------------------------------------------------------------------


def freeze_layout(figure: Figure) -> None:
    """Compute the constrained layout once and keep it: every format rendered after this uses
    the same positions, and none pays for the layout again."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    if not isinstance(figure.get_layout_engine(), ConstrainedLayoutEngine):
        return  # laid out already (or by hand)
    with house_style():
        figure.draw_without_rendering()
    figure.set_layout_engine("none")
    # The layout solver's last digit can differ from one drawing to the next (the order in which
    # floating-point sums run): rounded far below a pixel, positions, and so the bytes of the
    # SVG's clip-path ids, are the same every time.
    for ax in figure.axes:
        bounds = ax.get_position(original=True).bounds
        ax.set_position([round(value, 9) for value in bounds], which="both")


def figure_bytes(figure: Figure, fmt: str, dpi: int = PNG_DPI) -> bytes:
    """The figure rendered as `fmt` ("png" or "svg"), the same bytes on every run. A PNG
    declares its `dpi` (pHYs chunk): a document places it at its drawn size."""
    freeze_layout(figure)
    buffer = BytesIO()
    options = {"pil_kwargs": {"compress_level": PNG_COMPRESSION}} if fmt == "png" else {}
    with house_style():
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=METADATA[fmt], **options)
    return buffer.getvalue()


def rendered_files(figure: Figure, name: str, out_dir: Path, lang: str) -> dict[Path, bytes]:
    """`<out_dir>/<lang>/<name>.png` (300 dpi, for documents) and `.svg` (for editing), by
    path, rendered from one layout."""
    folder = Path(out_dir) / check_language(lang)
    return {folder / f"{name}.{fmt}": figure_bytes(figure, fmt) for fmt in FORMATS}


def write_files(rendered: dict[Path, bytes]) -> list[Path]:
    """Write rendered files, each replaced atomically (all were rendered before any is touched)."""
    for path, data in rendered.items():
        atomic_write_bytes(path, data)
    return list(rendered)


def save_figure(figure: Figure, name: str, out_dir: Path, lang: str) -> list[Path]:
    """Write the figure as `<out_dir>/<lang>/<name>.png` and `.svg`; return the paths."""
    return write_files(rendered_files(figure, name, out_dir, lang))


def screen_png(png: bytes) -> bytes:
    """A 300-dpi PNG scaled down to `SCREEN_DPI` for a notebook. Averaging each 3 × 3 block of
    the print rendering costs far less than drawing the figure again (drawing, not pixels, is
    what a rendering costs), and a notebook stays light (a third of the width)."""
    from PIL import Image

    with Image.open(BytesIO(png)) as image:
        small = image.reduce(PNG_DPI // SCREEN_DPI)
    buffer = BytesIO()
    small.save(buffer, format="png", dpi=(SCREEN_DPI, SCREEN_DPI), compress_level=PNG_COMPRESSION)
    return buffer.getvalue()


def display_png(png: bytes) -> None:
    """Show a PNG in a notebook and nothing else: without a text repr ("<Figure size ...>")
    there is nothing for output comparison (nbval) to trip on."""
    from IPython.display import display

    display({"image/png": png}, raw=True)


# --- checks -----------------------------------------------------------------------------------


def png_size_cm(png: bytes) -> tuple[float, float]:
    """The size a document gives a PNG at 100 %: its pixels (IHDR) over the resolution it
    declares (pHYs). A PNG without a declared resolution has no size on the page: ValueError."""
    import struct

    width, height = struct.unpack(">II", png[16:24])
    at = png.find(b"pHYs")
    if at < 0 or png[at + 12] != 1:  # unit 1: pixels per metre
        raise ValueError("the PNG declares no resolution in metres (pHYs)")
    per_metre_x, per_metre_y = struct.unpack(">II", png[at + 4 : at + 12])
    return width / per_metre_x * 100, height / per_metre_y * 100


def drawn_texts(figure: Figure) -> list[tuple[Text, Bbox]]:
    """Every text the figure draws (tick labels of ticks in view, titles, legends, labels,
    notes), with its extent on the canvas in pixels at the figure's dpi, in drawing order."""
    from unittest import mock

    from matplotlib.text import Text

    freeze_layout(figure)
    drawn: dict[int, Text] = {}
    draw_text = Text.draw

    def record(text: Text, renderer) -> None:  # every Text, of one line or several
        draw_text(text, renderer)
        if text.get_visible() and text.get_text():
            drawn.setdefault(id(text), text)

    with mock.patch.object(Text, "draw", record), house_style():
        figure.draw_without_rendering()  # lays each text out, paints nothing
    return [(text, text.get_window_extent()) for text in drawn.values()]


def layout_problems(figure: Figure) -> list[str]:
    """What keeps the figure from going into an A4 document as it is: a size beyond the text
    area, text under `MIN_FONT_PT`, text cut by the canvas's edge, texts drawn over each other.
    Empty for a figure ready to paste at 100 %."""
    import numpy as np

    problems = []
    width, height = figure.get_size_inches() / CM
    if width > TEXT_WIDTH_CM + 0.01 or height > MAX_HEIGHT_CM + 0.01:
        problems.append(f"{width:.1f} × {height:.1f} cm exceeds the A4 text area")
    texts = drawn_texts(figure)
    canvas = figure.bbox
    for text, box in texts:
        label = text.get_text().replace("\n", " ")[:60]
        if text.get_fontsize() < MIN_FONT_PT:
            problems.append(f"{text.get_fontsize():g} pt: {label!r}")
        outside = (canvas.x0 - box.x0, canvas.y0 - box.y0, box.x1 - canvas.x1, box.y1 - canvas.y1)
        if max(outside) > 0.5:  # half a pixel: rounding, not cutting
            problems.append(f"cut by the edge: {label!r}")
    boxes = np.array([box.extents for _, box in texts]).reshape(-1, 4)  # x0, y0, x1, y1
    wide = np.minimum.outer(boxes[:, 2], boxes[:, 2]) - np.maximum.outer(boxes[:, 0], boxes[:, 0])
    tall = np.minimum.outer(boxes[:, 3], boxes[:, 3]) - np.maximum.outer(boxes[:, 1], boxes[:, 1])
    for first, second in zip(*np.nonzero(np.triu((wide > 1) & (tall > 1), k=1)), strict=True):
        pair = (texts[first][0].get_text()[:30], texts[second][0].get_text()[:30])
        problems.append(f"overlap: {pair[0]!r} and {pair[1]!r}")
    return problems


@cache
def _charmap(font_path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(font_path).get_charmap())


def missing_glyphs(figure: Figure) -> dict[str, str]:
    """Characters of the figure's text that the font chosen for them cannot draw, by font file.

    Empty when every letter, Vietnamese diacritics included, comes from the intended font.
    matplotlib itself says nothing: it quietly draws a missing letter from a last-resort font.
    """
    from matplotlib import font_manager
    from matplotlib.text import Text

    freeze_layout(figure)  # a second layout pass would move things by a rounding error
    with house_style():
        figure.draw_without_rendering()  # creates the tick labels, as saving would
    missing: dict[str, set[str]] = {}
    for text in figure.findobj(Text):
        font = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        drawn = (char for char in text.get_text() if not char.isspace())
        absent = {char for char in drawn if ord(char) not in _charmap(font)}
        if absent:
            missing.setdefault(Path(font).name, set()).update(absent)
    return {font: "".join(sorted(chars)) for font, chars in sorted(missing.items())}
