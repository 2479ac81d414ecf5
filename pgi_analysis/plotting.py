"""The house style of every figure, and the one way figures are saved and shown.

matplotlib is imported inside the functions: `import pgi_analysis` stays as light as pandas, and
the style applies only where a figure is drawn (`house_style()`), never to a user's own plots.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.vocabulary import check_language

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = ("png", "svg")
PNG_DPI = 300
SCREEN_DPI = 100  # notebooks: sharp enough on screen, small enough to keep notebooks light

COLLECTIVE_COLOUR = "#D9D9D9"  # vague collectives: present, but never in a sub-index colour
INK = "#333333"
LIGHT_INK = "#9E9E9E"  # second series, reference lines

STYLE = {
    # DejaVu Sans ships with matplotlib and has every Vietnamese letter (STIX does not).
    "font.family": "DejaVu Sans",
    "mathtext.fontset": "dejavusans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
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


@contextmanager
def house_style() -> Iterator[None]:
    """Draw and save inside this block to get the house style; rcParams are restored after."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


def new_figure(width: float, height: float, **subplots: object) -> tuple[Figure, object]:
    """A figure outside pyplot's registry (nothing accumulates in long runs), laid out by
    matplotlib's constrained layout, with `subplots(**subplots)` axes. Sizes in inches."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.subplots(**subplots)


def figure_bytes(figure: Figure, fmt: str, dpi: int = PNG_DPI) -> bytes:
    """The figure rendered as `fmt` ("png" or "svg"), the same bytes on every run."""
    buffer = BytesIO()
    with house_style():
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=METADATA[fmt])
    return buffer.getvalue()


def save_figure(figure: Figure, name: str, out_dir: Path, lang: str) -> list[Path]:
    """Write `<out_dir>/<lang>/<name>.png` (300 dpi, for documents) and `.svg` (for editing).

    Both are rendered before either file is touched, and each is replaced atomically.
    """
    folder = Path(out_dir) / check_language(lang)
    rendered = {folder / f"{name}.{fmt}": figure_bytes(figure, fmt) for fmt in FORMATS}
    for path, data in rendered.items():
        atomic_write_bytes(path, data)
    return list(rendered)


def show_png(figure: Figure) -> None:
    """Show the figure in a notebook as a PNG and nothing else: without the text repr
    ("<Figure size ...>") there is nothing for output comparison (nbval) to trip on."""
    from IPython.display import display

    display({"image/png": figure_bytes(figure, "png", dpi=SCREEN_DPI)}, raw=True)


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
