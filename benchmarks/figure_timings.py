"""What drawing each registered figure costs: `python benchmarks/figure_timings.py [--repeats N]`.

Per figure and language, medians over repeats: reading its data and drawing it, the layout
(computed once, reused by every format), the 300-dpi PNG, the SVG, and the screen-resolution PNG
a notebook shows (scaled from the 300-dpi one); the files' sizes; the figure's size on the page
and its smallest text. Then the files' seconds by what is made (both languages or Vietnamese
only, with or without SVG), what the notebooks' PNGs weigh, and the PNG compression levels side
by side.
Timings, not tests: `make test` checks behaviour, this measures it.
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pgi_analysis import figures, plotting  # noqa: E402
from pgi_analysis.vocabulary import LANGUAGES  # noqa: E402


def median_seconds(run: Callable[[], object], repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def one_figure(name: str, lang: str, repeats: int) -> dict:
    """Each step timed on a fresh drawing, in the order `show_figure(..., save_to=...)` runs
    them: draw, lay out once, the PNG and SVG files, the notebook's PNG scaled from the file's."""
    steps: dict[str, list[float]] = {"draw": [], "layout": [], "png": [], "svg": [], "screen": []}

    def timed(step: str, run: Callable, *arguments: object):
        start = time.perf_counter()
        result = run(*arguments)
        steps[step].append(time.perf_counter() - start)
        return result

    for _ in range(repeats):
        figure = timed("draw", figures.render_figure, name, lang)
        timed("layout", plotting.freeze_layout, figure)
        png = timed("png", plotting.figure_bytes, figure, "png")
        svg = timed("svg", plotting.figure_bytes, figure, "svg")
        screen = timed("screen", plotting.screen_png, png)
    width, height = figure.get_size_inches() / plotting.CM
    return {
        **{step: statistics.median(times) for step, times in steps.items()},
        "png_bytes": len(png),
        "svg_bytes": len(svg),
        "screen_bytes": len(screen),
        "size": f"{width:.1f} × {height:.1f} cm",
        "smallest": min(text.get_fontsize() for text, _ in plotting.drawn_texts(figure)),
    }


def compression_levels(repeats: int, levels=(1, 3, 6, 9)) -> list[str]:
    """Total PNG time and size of every figure (Vietnamese) at each zlib level."""
    drawn = [figures.render_figure(entry.name, "vi") for entry in figures.FIGURES]
    for figure in drawn:
        plotting.freeze_layout(figure)
    lines, default = [], plotting.PNG_COMPRESSION
    try:
        for level in levels:
            plotting.PNG_COMPRESSION = level
            seconds, sizes = median_seconds(
                lambda: [len(plotting.figure_bytes(figure, "png")) for figure in drawn], repeats
            )
            lines.append(f"level {level}: {seconds:6.2f} s  {sum(sizes) / 1024:7.0f} KiB")
    finally:
        plotting.PNG_COMPRESSION = default
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    repeats = parser.parse_args().repeats
    figures.render_figure(figures.FIGURES[0].name, "vi")  # imports and font caches warm
    header = "figure                       lang   draw layout    png    svg screen (ms)"
    print(f"{header}   PNG KiB SVG KiB screen KiB  size on the page   smallest text")
    totals: dict[str, float] = {}
    by_language: dict[tuple[str, str], float] = {}  # (lang, step): seconds
    for entry in figures.FIGURES:
        for lang in LANGUAGES:
            row = one_figure(entry.name, lang, repeats)
            for step in ("draw", "layout", "png", "svg", "screen", "png_bytes", "screen_bytes"):
                totals[step] = totals.get(step, 0) + row[step]
            for step in ("draw", "layout", "png", "svg"):
                by_language[lang, step] = by_language.get((lang, step), 0) + row[step]
            times = " ".join(
                f"{row[step] * 1000:6.0f}" for step in ("draw", "layout", "png", "svg", "screen")
            )
            sizes = " ".join(
                f"{row[kind] / 1024:7.0f}" for kind in ("png_bytes", "svg_bytes", "screen_bytes")
            )
            print(
                f"{entry.name:28} {lang:4} {times}       {sizes}    {row['size']:16}"
                f"   {row['smallest']:g} pt"
            )
    files = sum(totals[step] for step in ("draw", "layout", "png", "svg"))
    print(
        f"total: draw {totals['draw']:.2f} s, layout {totals['layout']:.2f} s, "
        f"PNG {totals['png']:.2f} s, SVG {totals['svg']:.2f} s: {files:.2f} s for the files; "
        f"notebook PNGs scaled from them {totals['screen']:.2f} s more"
    )
    print("the files, by what is made (drawing and layout included):")
    for langs in (LANGUAGES, LANGUAGES[:1]):
        for formats in (("png", "svg"), ("png",)):
            steps = ("draw", "layout", *formats)
            seconds = sum(by_language[lang, step] for lang in langs for step in steps)
            made = " and ".join(fmt.upper() for fmt in formats)
            print(f"  {' and '.join(langs):9} {made:12} {seconds:6.2f} s")
    languages = len(LANGUAGES)  # the notebooks show one
    print(
        f"PNGs in the notebooks of one language (base64): "
        f"{totals['screen_bytes'] * 4 / 3 / 1024 / languages:.0f} KiB at {plotting.SCREEN_DPI} "
        f"dpi, {totals['png_bytes'] * 4 / 3 / 1024 / languages:.0f} KiB at {plotting.PNG_DPI} dpi"
    )
    print("PNG compression, every figure in Vietnamese:")
    print("\n".join(f"  {line}" for line in compression_levels(repeats)))


if __name__ == "__main__":
    main()
