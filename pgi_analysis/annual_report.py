"""The report an official files: what each notebook concludes (the same computed findings), its
figures with numbered captions and source lines, and a key table per section, in Vietnamese (and
an English counterpart), written as a Word document by `pgi_analysis.word`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pgi_analysis import paths, present, reference
from pgi_analysis import responsibility as resp
from pgi_analysis.figures import FIGURES, ReportFigure, figure_files
from pgi_analysis.findings import Findings
from pgi_analysis.findings import appendix as appendix_findings
from pgi_analysis.findings import outcomes as outcome_findings
from pgi_analysis.findings import overlap as overlap_findings
from pgi_analysis.findings import responsibility as responsibility_findings
from pgi_analysis.outcome_figures import pgi_reference
from pgi_analysis.outcomes import LANG_SON, OutcomeData, load_outcome_data, trajectory
from pgi_analysis.plotting import source_line
from pgi_analysis.responsibility_figures import plan_reference
from pgi_analysis.vocabulary import check_language, format_date, format_years, pick
from pgi_analysis.word import Document, Figure, Section, Table, write_document

# The caveats every reader of the scores must keep in mind (data/pgi/SOURCES.md); they hold
# whatever the figures, so they are written once here, not computed.
CAVEATS = (
    (
        "Số liệu PGI chưa đầy đủ: không năm nào có bảng điểm đủ mọi tỉnh. Số chưa công bố là chưa "
        "biết, không bao giờ được tính là 0 hay nội suy.",
        "PGI coverage is partial: no year has a complete table of all provinces. A figure not "
        "published is unknown, never counted as 0 or interpolated.",
    ),
    (
        "Tổng điểm cộng từ 4 chỉ số thành phần, khi VCCI không công bố tổng, được ghi rõ là tổng "
        "cộng từ 4 CSTP; thứ hạng không công bố chỉ được nêu khi các bảng đã lưu cho phép suy ra, "
        "kèm tiền đề.",
        "Totals summed from the four sub-indices, where VCCI published none, are marked as such; "
        "an unpublished rank is given only where the stored tables imply it, with its premises.",
    ),
    (
        "Phương pháp PGI thay đổi sau năm đầu: so sánh thứ hạng giữa các năm, còn điểm chỉ so "
        "trong cùng năm. VCCI không công bố khoảng tin cậy, nên chênh lệch vài phần mười điểm có "
        "thể chỉ là nhiễu do chọn mẫu.",
        "PGI methods changed after the first edition: ranks compare across years, scores only "
        "within a year. VCCI publishes no confidence intervals, so differences of a few tenths of "
        "a point may be sampling noise.",
    ),
    (
        "Đặt cách phân công cạnh điểm số chỉ là mô tả: điểm của một chỉ số thành phần thuộc về cả "
        "chỉ số thành phần, không thuộc riêng cơ quan nào.",
        "Setting the assignments beside the scores describes; it cannot show that one explains "
        "the other. A sub-index's score belongs to the whole sub-index, not to any one body.",
    ),
)


def _years(data: OutcomeData) -> list[int]:
    return sorted(data.scores["year"].unique().tolist())


def _plan_source(data: OutcomeData, lang: str) -> str:
    return source_line(lang, plan_reference(lang))


def _scores_source(data: OutcomeData, lang: str) -> str:
    return source_line(lang, pgi_reference(data.scores, _years(data), lang))


def _sub_index_counts(data: OutcomeData, lang: str) -> Table:
    tidy = data.tidy
    summary = resp.sub_index_summary(tidy.indicators, tidy.assignments, data.sub_indices)
    columns = ["sub_index", "indicators", "lead_assignments", "coordinator_assignments"]
    return Table(
        pick(lang, "Số chỉ số và số lượt giao theo CSTP", "Indicators and assignments"),
        present.readable_frame(summary, lang, columns=[*columns, "several_leads"]),
        _plan_source(data, lang),
    )


def _work_of_named_bodies(data: OutcomeData, lang: str) -> Table:
    tidy = data.tidy
    load = resp.with_agency_names(resp.lead_load(tidy.assignments), tidy.agencies)
    named, _ = resp.split_collectives(load)
    columns = ["agency_id", "led", "sole_lead", "lead_credit", "coordinated", "involved"]
    return Table(
        pick(lang, "Việc của từng cơ quan được nêu tên", "Each named body's work"),
        present.readable_frame(named, lang, columns=columns, agencies=tidy.agencies),
        _plan_source(data, lang),
    )


def _bodies_in_both_roles(data: OutcomeData, lang: str) -> Table:
    tidy = data.tidy
    overlaps = resp.role_overlap_wording(tidy.assignments)
    columns = ["indicator_id", "agency_id", "lead_name", "coordinator_name"]
    return Table(
        pick(lang, "Cơ quan vừa chủ trì vừa phối hợp", "Bodies named lead and coordinator"),
        present.readable_frame(overlaps, lang, columns=columns, agencies=tidy.agencies),
        _plan_source(data, lang),
    )


def _scores_and_ranks(data: OutcomeData, lang: str) -> Table:
    path = trajectory(data.scores, data.provinces, LANG_SON)
    columns = ["year", "sub_index_1", "sub_index_2", "sub_index_3", "sub_index_4", "total"]
    return Table(
        pick(lang, "Điểm và thứ hạng PGI của Lạng Sơn", "Lạng Sơn's PGI scores and ranks"),
        present.readable_frame(path, lang, columns=[*columns, "rank_best", "rank_status"]),
        _scores_source(data, lang),
    )


@dataclass(frozen=True)
class Chapter:
    """One section of the report: the notebook whose findings and figures it carries, its key
    table, and the sources its figures cite."""

    notebook: str
    heading: tuple[str, str]
    findings: Callable[[OutcomeData], Findings]
    table: Callable[[OutcomeData, str], Table]
    cites_scores: bool = False


CHAPTERS = (
    Chapter(
        "01_appendix_overview.ipynb",
        ("Phân công trong Phụ lục Kế hoạch", "The appendix"),
        lambda data: appendix_findings.findings(data.tidy, data.sub_indices),
        _sub_index_counts,
    ),
    Chapter(
        "02_responsibility_distribution.ipynb",
        ("Trách nhiệm được phân bổ thế nào", "How responsibility is distributed"),
        lambda data: responsibility_findings.findings(data.tidy.assignments, data.tidy.agencies),
        _work_of_named_bodies,
    ),
    Chapter(
        "03_lead_coordination_overlap.ipynb",
        ("Vai trò chủ trì và phối hợp chồng lên nhau", "Where lead and coordinating roles overlap"),
        lambda data: overlap_findings.findings(data.tidy.assignments, data.tidy.agencies),
        _bodies_in_both_roles,
    ),
    Chapter(
        "04_pgi_outcomes.ipynb",
        ("Kết quả PGI của Lạng Sơn", "Lạng Sơn's PGI results"),
        outcome_findings.findings,
        _scores_and_ranks,
        cites_scores=True,
    ),
)


def report_path(lang: str, out_dir: Path = paths.REPORTS) -> Path:
    """`bao_cao_pgi_18-KH-UBND_2026.docx`, or its English counterpart: named after the plan."""
    plan = reference.analysed_plan()
    stem = f"{plan.slug}_{plan.issued.year}"
    name = pick(lang, f"bao_cao_pgi_{stem}.docx", f"pgi_report_{stem}_en.docx")
    return Path(out_dir) / name


def figure_path(entry: ReportFigure, lang: str, figures_dir: Path = paths.FIGURES_FOLDER) -> Path:
    """The PNG of a registered figure that the report embeds."""
    (png,) = [name for name in figure_files(entry, [lang]) if name.endswith(".png")]
    return Path(figures_dir) / png


def _figures(chapter: Chapter, data: OutcomeData, figures_dir: Path, lang: str) -> list[Figure]:
    references = [pgi_reference(data.scores, _years(data), lang)] if chapter.cites_scores else []
    source = source_line(lang, *references, plan_reference(lang))
    return [
        Figure(
            path=figure_path(entry, lang, figures_dir),
            caption=pick(lang, entry.caption_vi, entry.caption_en),
            source=source,
        )
        for entry in FIGURES
        if entry.notebook == chapter.notebook
    ]


def report_document(
    lang: str, data: OutcomeData | None = None, figures_dir: Path = paths.FIGURES_FOLDER
) -> Document:
    """The report in `lang`, from the stored data and the figures written in `figures_dir`."""
    lang = check_language(lang)
    data = data or load_outcome_data()
    plan, cited = reference.analysed_plan(), plan_reference(lang)
    years = format_years(_years(data))
    sections = [
        Section(
            heading=f"{number}. {pick(lang, *chapter.heading)}",
            findings=chapter.findings(data).texts(lang),
            figures=_figures(chapter, data, Path(figures_dir), lang),
            tables=[chapter.table(data, lang)],
        )
        for number, chapter in enumerate(CHAPTERS, start=1)
    ]
    sections.append(
        Section(
            heading=f"{len(CHAPTERS) + 1}. {pick(lang, 'Nguồn và lưu ý', 'Sources and caveats')}",
            paragraphs=[
                pick(
                    lang,
                    f"Phân công: {cited}. Điểm PGI: VCCI, các năm {years}, mỗi số kèm nguồn "
                    "trong data/pgi/.",
                    f"Assignments: the {cited}. PGI scores: VCCI, {years}, each figure with its "
                    "source in data/pgi/.",
                ),
                *(pick(lang, *caveat) for caveat in CAVEATS),
            ],
        )
    )
    return Document(
        lang=lang,
        title=pick(
            lang,
            "Báo cáo phân tích Chỉ số Xanh cấp tỉnh (PGI) tỉnh Lạng Sơn",
            "Lạng Sơn's Provincial Green Index (PGI): an analysis",
        ),
        subtitle=pick(
            lang,
            f"Theo {cited}; điểm PGI {years} của VCCI",
            f"Following the {cited}; VCCI's PGI scores {years}",
        ),
        footer=pick(lang, f"Kế hoạch số {plan.number}", f"Plan {plan.number}")
        + f" · {format_date(plan.issued, lang)}",
        sections=sections,
    )


def write_report(lang: str, out_dir: Path = paths.REPORTS) -> Path:
    """Write the report in `lang` to `report_path(lang, out_dir)`."""
    return write_document(report_path(lang, out_dir), report_document(lang))
