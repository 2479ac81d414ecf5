"""The report's figures: the registry that names, captions, shows and writes them.

Adding a figure is one entry in `FIGURES`: a stable name (the file name), a function
`draw(data, lang) -> Figure`, the captions in Vietnamese and English, the notebook that shows it,
and, if it draws from something other than the plan's appendix, the function that loads its data.
`render_figure`, `write_all_figures`, `figures_readme` and the tests pick the entry up from there.
The drawings live in `responsibility_figures` (notebooks 01–03) and `outcome_figures` (04).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pgi_analysis import paths
from pgi_analysis.appendix import load_appendix
from pgi_analysis.files import atomic_write_bytes
from pgi_analysis.memo import content_key
from pgi_analysis.outcome_figures import (
    draw_lang_son_vs_peers,
    draw_rank_by_year,
    draw_responsibility_vs_gap,
)
from pgi_analysis.outcomes import load_outcome_data
from pgi_analysis.plotting import (
    FORMATS,
    MAX_HEIGHT_CM,
    MIN_FONT_PT,
    TEXT_WIDTH_CM,
    display_png,
    figure_bytes,
    house_style,
    save_figure,
    screen_png,
)
from pgi_analysis.responsibility_figures import (
    draw_assignments_by_kind,
    draw_co_assignment_network,
    draw_concentration,
    draw_coordinators_per_indicator,
    draw_lead_load,
    draw_lead_vs_coordination,
    draw_role_matrix,
)
from pgi_analysis.vocabulary import LANGUAGES, check_language

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class ReportFigure:
    """One figure of the report: its file name, how it is drawn, what it says, where it shows."""

    name: str
    draw: Callable[[Any, str], Figure]
    caption_vi: str
    caption_en: str
    notebook: str
    data: Callable[[], Any] = load_appendix  # read afresh: a live kernel sees edited data


FIGURES = (
    ReportFigure(
        "role_matrix",
        draw_role_matrix,
        "Vai trò của từng chủ thể đối với từng chỉ số PGI trong Phụ lục của Kế hoạch: chủ trì, "
        "phối hợp, hoặc vừa chủ trì vừa phối hợp. Các chủ thể không nêu tên cụ thể ở bên phải "
        "đường đứt nét; mã chỉ số mang màu của chỉ số thành phần.",
        "Role of each actor for each PGI indicator in the plan's appendix: lead, coordinator, or "
        "lead and coordinator. Unnamed collectives are right of the dashed line; an indicator's "
        "code is in the colour of its sub-index.",
        "01_appendix_overview.ipynb",
    ),
    ReportFigure(
        "lead_load",
        draw_lead_load,
        "Số chỉ số mỗi cơ quan chủ trì, theo chỉ số thành phần (trái) và chủ trì một mình hay "
        "cùng cơ quan khác (phải). Không tính chủ thể không nêu tên cụ thể.",
        "Indicators each body leads, by sub-index (left) and as sole or shared lead (right). "
        "Unnamed collectives are left out.",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "concentration",
        draw_concentration,
        "Đường Lorenz của phần chủ trì (mỗi chỉ số tính là 1, chia đều cho các cơ quan cùng chủ "
        "trì) và của nhiệm vụ phối hợp, trên các cơ quan được nêu tên trong Phụ lục; hệ số Gini "
        "ghi trong chú giải.",
        "Lorenz curves of the lead shares (each indicator counts as one, split equally among its "
        "leads) and of coordinating, over the bodies the appendix names; Gini coefficients in "
        "the legend.",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "coordinators_per_indicator",
        draw_coordinators_per_indicator,
        "Số cơ quan phối hợp của mỗi chỉ số: cơ quan được nêu tên (màu của chỉ số thành phần) "
        "và chủ thể không nêu tên cụ thể (xám).",
        "Coordinators named for each indicator: named bodies (in the sub-index colour) and "
        "unnamed collectives (grey).",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "assignments_by_kind",
        draw_assignments_by_kind,
        "Tỷ trọng của từng loại chủ thể trong tổng phần chủ trì và trong tổng số nhiệm vụ phối "
        "hợp của Phụ lục.",
        "Each kind of actor's part of all lead shares and of all coordinating assignments in "
        "the appendix.",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "lead_vs_coordination",
        draw_lead_vs_coordination,
        "Số chỉ số mỗi cơ quan được nêu tên chủ trì (trái) và phối hợp (phải).",
        "Indicators each named body leads (left) and coordinates (right).",
        "03_lead_coordination_overlap.ipynb",
    ),
    ReportFigure(
        "co_assignment_network",
        draw_co_assignment_network,
        "Ma trận phân công chung: mỗi ô là số chỉ số mà hai cơ quan được nêu tên cùng được giao "
        "(chủ trì hoặc phối hợp), ô trống là không có chỉ số chung. Cơ quan xếp theo tổng số "
        "chỉ số chung với tất cả cơ quan khác, nhiều nhất ở trên; đường chéo ghi số chỉ số mỗi "
        "cơ quan được giao. Không tính chủ thể không nêu tên cụ thể.",
        "Co-assignment matrix: each cell is the number of indicators the plan gives both of two "
        "named bodies (as lead or coordinator), blank where they share none. Bodies are ordered "
        "by the indicators they share with all others, most first; the diagonal holds the "
        "indicators each body is given. Unnamed collectives are left out.",
        "03_lead_coordination_overlap.ipynb",
    ),
    ReportFigure(
        "lang_son_rank_by_year",
        draw_rank_by_year,
        "Vị trí của Lạng Sơn trong bảng xếp hạng PGI qua các năm: hạng chia cho số tỉnh được "
        "xếp hạng năm đó (số tỉnh thay đổi sau sáp nhập), ghi hạng/số tỉnh tại mỗi điểm. Năm "
        "không công bố hạng: điểm rỗng là hạng suy ra được từ các bảng đã lưu (ghi “suy ra”), "
        "cột xám là khoảng hạng còn có thể khi các bảng chỉ giới hạn được hạng, tô gạch khi "
        "không rõ. Dưới mỗi năm là tổng điểm; dấu * đánh dấu tổng cộng từ 4 CSTP, khi VCCI không "
        "công bố tổng điểm. So sánh thứ hạng giữa các năm, điểm chỉ trong cùng một năm.",
        "Lạng Sơn's place in the PGI ranking by year: rank divided by the provinces ranked that "
        "year (the number changed with the mergers), with rank/n at each point. In a year "
        "without a published rank, a hollow point is a rank the stored tables imply (marked "
        "implied), a grey band the ranks still possible where they only bound it, a hatched "
        "column an unknown rank. Under each year its total score, * marking a total summed from "
        "the sub-indices where VCCI published none. Compare ranks across years, scores only "
        "within a year.",
        "04_pgi_outcomes.ipynb",
        data=load_outcome_data,
    ),
    ReportFigure(
        "lang_son_vs_peers",
        draw_lang_son_vs_peers,
        "Điểm 4 chỉ số thành phần và tổng điểm của Lạng Sơn (năm gần nhất có điểm chỉ số thành "
        "phần) giữa các tỉnh có số liệu năm đó, các tỉnh cùng vùng và trung bình cả nước do VCCI "
        "công bố; n là số tỉnh có số liệu.",
        "Lạng Sơn's four sub-indices and total (latest year with its sub-indices) among the "
        "provinces with data that year, those of its region and the national mean VCCI "
        "published; n is the number of provinces with data.",
        "04_pgi_outcomes.ipynb",
        data=load_outcome_data,
    ),
    ReportFigure(
        "responsibility_vs_gap",
        draw_responsibility_vs_gap,
        "Theo từng chỉ số thành phần: chênh lệch điểm của Lạng Sơn với trung bình các tỉnh khác "
        "có số liệu, bên cạnh cách Phụ lục phân công (số cơ quan chủ trì và phối hợp trên mỗi "
        "chỉ số, tỷ lệ của cơ quan chủ trì nhiều nhất trong phần chủ trì của các cơ quan được "
        "nêu tên, số lần một cơ quan vừa chủ trì vừa phối hợp). Chỉ mô tả: với 4 chỉ số thành "
        "phần không thể suy luận.",
        "Per sub-index: Lạng Sơn's gap to the mean of the other provinces with data, beside how "
        "the appendix assigns the work (leads and coordinators per indicator, the top lead's "
        "part of the named bodies' lead shares, bodies named both lead and coordinator). "
        "Descriptive only: four sub-indices allow no inference.",
        "04_pgi_outcomes.ipynb",
        data=load_outcome_data,
    ),
)


def report_figure(name: str) -> ReportFigure:
    """The registered figure called `name`."""
    for entry in FIGURES:
        if entry.name == name:
            return entry
    known = ", ".join(entry.name for entry in FIGURES)
    raise KeyError(f"no figure {name!r}; the report's figures are: {known}")


def render_figure(name: str, lang: str, data: Any = None) -> Figure:
    """Draw the registered figure `name` with labels in `lang` ("vi" or "en"), from `data` or
    else its data read afresh (nothing here keeps data between calls: a live kernel sees edited
    files)."""
    entry = report_figure(name)
    lang = check_language(lang)
    with house_style():
        return entry.draw(entry.data() if data is None else data, lang)


def write_figure(name: str, lang: str, out_dir: Path = paths.FIGURES_FOLDER) -> list[Path]:
    """Draw the figure once and write `<out_dir>/<lang>/<name>.png` (300 dpi) and `.svg`."""
    return save_figure(render_figure(name, lang), name, out_dir, lang)


def show_figure(name: str, lang: str, save_to: Path | str | None = None) -> None:
    """Show a registered figure in a notebook, as a PNG only, at screen resolution (see
    `plotting.screen_png` and `plotting.display_png`).

    With `save_to` (a figures folder), the same drawing is also written there as
    `<save_to>/<lang>/<name>.png` and `.svg`, the bytes `write_all_figures` writes: a report
    whose notebooks save their figures needs no second drawing of them.
    """
    data = report_figure(name).data()
    key, content = (name, check_language(lang)), content_key(data)
    shown = _shown.get(key)
    if save_to is None and shown is not None and shown[0] == content:
        display_png(shown[1])  # drawn by an earlier run of this process from the same data
        return
    figure = render_figure(name, lang, data)
    if save_to is None:
        png = figure_bytes(figure, "png")
    else:
        png = save_figure(figure, name, Path(save_to), lang)[0].read_bytes()
    _shown[key] = (content, screen_png(png))
    display_png(_shown[key][1])


# The screen image of each figure shown in this process, with (the content of) the data it was
# drawn from: the report runs a notebook several times in one kernel, and its researchers' run
# shows the drawing the Vietnamese run made. Edited data draws afresh.
_shown: dict[tuple[str, str], tuple[object, bytes]] = {}


def figure_files(entry: ReportFigure, languages: Iterable[str] = LANGUAGES) -> list[str]:
    """The files a figure is written to, relative to the figures folder."""
    return [f"{lang}/{entry.name}.{fmt}" for lang in languages for fmt in FORMATS]


def figures_readme(languages: Iterable[str] = LANGUAGES) -> str:
    """The figures folder's README: every figure with its files, captions and notebook."""
    languages = [check_language(lang) for lang in languages]
    folders = " and ".join(f"`{lang}/`" for lang in languages)
    lines = [
        "# Figures",
        "",
        "Written by `pgi_analysis.figures.write_all_figures()`; edit the code, not these files.",
        f"Each figure is in {folders} (Vietnamese labels in `vi/`, English in `en/`), as PNG",
        "(300 dpi, for documents) and SVG (for editing; text drawn as outlines, no font needed).",
        f"Each is drawn at its size on an A4 page (at most {TEXT_WIDTH_CM:g} cm wide, "
        f"{MAX_HEIGHT_CM:g} cm tall;",
        f"no text under {MIN_FONT_PT:g} pt) and the PNG says so: paste it into Word at 100 %.",
    ]
    for entry in FIGURES:
        files = ", ".join(f"`{path}`" for path in figure_files(entry, languages))
        lines += [
            "",
            f"## {entry.name}",
            "",
            f"- Files: {files}",
            f"- Shown in: `notebooks/{entry.notebook}`",
            f"- Chú thích: {entry.caption_vi}",
            f"- Caption: {entry.caption_en}",
        ]
    return "\n".join(lines) + "\n"


def write_all_figures(
    out_dir: Path = paths.FIGURES_FOLDER, languages: Iterable[str] = LANGUAGES, jobs: int = 2
) -> list[Path]:
    """Write every registered figure in each of `languages`, and the README; return the files.

    Each figure is drawn once per language, in `jobs` processes: rendering 300-dpi PNGs is most
    of a report's work. One job draws in this process.
    """
    out_dir, languages = Path(out_dir), [check_language(lang) for lang in languages]
    names = [entry.name for entry in FIGURES for _ in languages]
    columns = (names, languages * len(FIGURES), [out_dir] * len(names))
    if jobs <= 1 or len(names) <= 1:
        written = [path for files in map(write_figure, *columns) for path in files]
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork where the system has it: workers inherit the loaded modules instead of importing
        fork = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if fork else None)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            written = [path for files in pool.map(write_figure, *columns) for path in files]
    # The README describes the folder: every language it now holds, not only the one just drawn.
    present = [lang for lang in LANGUAGES if _has_every_figure(out_dir, lang)]
    readme = out_dir / "README.md"
    atomic_write_bytes(readme, figures_readme(present).encode("utf-8"))
    return [*written, readme]


def _has_every_figure(out_dir: Path, lang: str) -> bool:
    return all(
        (out_dir / name).exists() for entry in FIGURES for name in figure_files(entry, [lang])
    )
