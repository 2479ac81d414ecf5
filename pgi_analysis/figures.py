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
from pgi_analysis.outcome_figures import (
    draw_lang_son_vs_peers,
    draw_rank_by_year,
    draw_responsibility_vs_gap,
)
from pgi_analysis.outcomes import load_outcome_data
from pgi_analysis.plotting import FORMATS, house_style, save_figure, show_png
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
        "Vai trò của từng chủ thể đối với từng chỉ số PGI trong Phụ lục Kế hoạch 18/KH-UBND: "
        "chủ trì, phối hợp, hoặc cả hai. Các tập thể chung chung (sở, ban, ngành liên quan; "
        "doanh nghiệp; cá nhân) ở bên phải đường đứt nét.",
        "Role of each actor for each PGI indicator in the appendix to Plan 18/KH-UBND: lead, "
        "coordinator, or both. Unnamed collectives (relevant departments, firms, individuals) are "
        "right of the dashed line.",
        "01_appendix_overview.ipynb",
    ),
    ReportFigure(
        "lead_load",
        draw_lead_load,
        "Số chỉ số mỗi cơ quan chủ trì, theo chỉ số thành phần (trái) và chủ trì một mình hay "
        "cùng cơ quan khác (phải). Tập thể chung chung không được tính.",
        "Indicators each body leads, by sub-index (left) and as sole or shared lead (right). "
        "Unnamed collectives are left out.",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "concentration",
        draw_concentration,
        "Đường Lorenz của nhiệm vụ chủ trì (mỗi chỉ số chia đều 1 phần cho các cơ quan cùng "
        "chủ trì) và nhiệm vụ phối hợp, trên các cơ quan được nêu tên trong Phụ lục.",
        "Lorenz curves of leading (each indicator's one unit of credit split among its leads) "
        "and of coordinating, over the bodies the appendix names.",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "coordinators_per_indicator",
        draw_coordinators_per_indicator,
        "Số cơ quan phối hợp của mỗi chỉ số: cơ quan được nêu tên (màu của chỉ số thành phần) "
        "và tập thể chung chung (xám).",
        "Coordinators named for each indicator: named bodies (in the sub-index colour) and "
        "unnamed collectives (grey).",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "assignments_by_kind",
        draw_assignments_by_kind,
        "Tỷ trọng nhiệm vụ chủ trì (theo tín chỉ 1/n) và nhiệm vụ phối hợp của từng loại chủ "
        "thể: sở, cơ quan cấp tỉnh, cơ quan Trung ương trên địa bàn, UBND cấp xã, báo chí, "
        "hiệp hội, đơn vị cung ứng dịch vụ, tập thể chung chung và doanh nghiệp.",
        "Share of leading (1/n credit) and of coordinating held by each kind of actor: "
        "departments, provincial agencies, central agencies in the province, commune "
        "governments, media, associations, utilities, unnamed collectives and firms.",
        "02_responsibility_distribution.ipynb",
    ),
    ReportFigure(
        "lead_vs_coordination",
        draw_lead_vs_coordination,
        "Số chỉ số mỗi cơ quan chủ trì (trái) và phối hợp (phải).",
        "Indicators each body leads (left) and coordinates (right).",
        "03_lead_coordination_overlap.ipynb",
    ),
    ReportFigure(
        "co_assignment_network",
        draw_co_assignment_network,
        "Mạng lưới phân công: hai cơ quan được nối khi cùng được giao một chỉ số (chủ trì hoặc "
        "phối hợp); nét càng đậm, càng nhiều chỉ số chung; vòng tròn càng lớn, cơ quan càng "
        "tham gia nhiều chỉ số.",
        "Co-assignment network: two bodies are linked when the plan puts them on the same "
        "indicator (as lead or coordinator); thicker lines mean more shared indicators, larger "
        "circles more indicators in all.",
        "03_lead_coordination_overlap.ipynb",
    ),
    ReportFigure(
        "lang_son_rank_by_year",
        draw_rank_by_year,
        "Vị trí của Lạng Sơn trong bảng xếp hạng PGI qua các năm: hạng chia cho số tỉnh được "
        "xếp hạng năm đó (63 đến năm 2024, 34 từ năm 2025), ghi hạng/số tỉnh tại mỗi điểm. Năm "
        "không công bố hạng: cột xám là khoảng hạng còn có thể khi tổng điểm thấp hơn tổng của "
        "một tỉnh đã công bố hạng (ghi “ngoài top N”), nếu không thì tô gạch và ghi “không "
        "rõ”. Dưới mỗi năm là tổng điểm, dấu * đánh dấu tổng suy ra từ 4 chỉ số thành "
        "phần. So sánh thứ hạng giữa các năm, điểm chỉ trong cùng năm.",
        "Lạng Sơn's place in the PGI ranking by year: rank divided by the provinces ranked that "
        "year (63 up to 2024, 34 from 2025), with rank/n at each point. A year without a "
        "published rank is a grey band of the ranks still possible where its total is below "
        "that of a province with a published rank (marked “outside the top N”), else hatched "
        "and marked unknown. Under each year its total score, * marking a total derived from the "
        "four sub-indices. Compare ranks across years, scores only within a year.",
        "04_pgi_outcomes.ipynb",
        data=load_outcome_data,
    ),
    ReportFigure(
        "lang_son_vs_peers",
        draw_lang_son_vs_peers,
        "Điểm 4 chỉ số thành phần và tổng điểm của Lạng Sơn (năm gần nhất có điểm chỉ số thành "
        "phần) giữa các tỉnh có số liệu năm đó, các tỉnh cùng vùng và trung bình cả nước đã công "
        "bố; n là số tỉnh có số liệu.",
        "Lạng Sơn's four sub-indices and total (latest year with its sub-indices) among the "
        "provinces with data that year, those of its region and the published national mean; n "
        "is the number of provinces with data.",
        "04_pgi_outcomes.ipynb",
        data=load_outcome_data,
    ),
    ReportFigure(
        "responsibility_vs_gap",
        draw_responsibility_vs_gap,
        "Theo từng chỉ số thành phần: chênh lệch điểm của Lạng Sơn với trung bình các tỉnh khác "
        "có số liệu, bên cạnh cách Phụ lục phân công (số cơ quan chủ trì và phối hợp trên mỗi "
        "chỉ số, tỷ trọng của cơ quan chủ trì nhiều nhất trong tín chỉ chủ trì của các cơ quan "
        "được nêu tên, cơ quan vừa chủ trì vừa phối hợp). "
        "Chỉ mô tả: với 4 chỉ số thành phần không thể suy luận.",
        "Per sub-index: Lạng Sơn's gap to the mean of the other provinces with data, beside how "
        "the appendix assigns the work (leads and coordinators per indicator, the top lead's "
        "share of the named bodies' lead credit, bodies named both lead and coordinator). "
        "Descriptive only: four "
        "sub-indices allow no inference.",
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


def render_figure(name: str, lang: str) -> Figure:
    """Draw the registered figure `name` with labels in `lang` ("vi" or "en")."""
    entry = report_figure(name)
    with house_style():
        return entry.draw(entry.data(), check_language(lang))


def show_figure(name: str, lang: str, save_to: Path | None = None) -> None:
    """Show a registered figure in a notebook, as a PNG only (see `plotting.show_png`)."""
    show_png(render_figure(name, lang))


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


def _write_figure(name: str, lang: str, out_dir: Path) -> list[Path]:
    return save_figure(render_figure(name, lang), name, out_dir, lang)


def write_all_figures(
    out_dir: Path = paths.FIGURES, languages: Iterable[str] = LANGUAGES, jobs: int = 2
) -> list[Path]:
    """Write every registered figure in each of `languages`, and the README; return the files.

    Figures are drawn in `jobs` processes: rendering 300-dpi PNGs is most of a report's work.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    out_dir, languages = Path(out_dir), [check_language(lang) for lang in languages]
    tasks = [(entry.name, lang, out_dir) for entry in FIGURES for lang in languages]
    # fork where the system has it: workers inherit the loaded modules instead of importing them
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context) as pool:
        written = [
            path for files in pool.map(_write_figure, *zip(*tasks, strict=True)) for path in files
        ]
    # The README describes the folder: every language it now holds, not only the one just drawn.
    present = [lang for lang in LANGUAGES if _has_every_figure(out_dir, lang)]
    readme = out_dir / "README.md"
    atomic_write_bytes(readme, figures_readme(present).encode("utf-8"))
    return [*written, readme]


def _has_every_figure(out_dir: Path, lang: str) -> bool:
    return all(
        (out_dir / name).exists() for entry in FIGURES for name in figure_files(entry, [lang])
    )
