"""The package's words: roles, kinds of actor, measures, their labels in Vietnamese and English,
their colours, and the one way each language writes a number. Measures, figures, workbook and
reports all take their words from here; `docs/glossary.md` is written from it."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from pgi_analysis import reference
from pgi_analysis.messages import LANGUAGES

# --- roles ------------------------------------------------------------------------------------

LEAD, COORDINATOR = "lead", "coordinator"
ROLES = (LEAD, COORDINATOR)
# Cells of the indicator × agency role matrix, in the order of their codes 0–3. The plan names
# some bodies in both columns of one indicator: their cell is BOTH and counts in each role.
NONE, BOTH = "none", "both"
ROLE_CELLS = (NONE, COORDINATOR, LEAD, BOTH)
CELL_ROLES = {NONE: (), COORDINATOR: (COORDINATOR,), LEAD: (LEAD,), BOTH: (LEAD, COORDINATOR)}
ROLE_LABELS = {
    NONE: ("Không có vai trò", "No role"),
    LEAD: ("Chủ trì", "Lead"),
    COORDINATOR: ("Phối hợp", "Coordinator"),
    BOTH: ("Vừa chủ trì vừa phối hợp", "Lead and coordinator"),
}
ROLE_COLOURS = {NONE: "#FFFFFF", COORDINATOR: "#BDBDBD", LEAD: "#252525", BOTH: "#D55E00"}


def lighter(colour: str, amount: float) -> str:
    """`colour` ("#RRGGBB") mixed with white: `amount` 0 keeps it, 1 makes it white."""
    channels = (int(colour[start : start + 2], 16) for start in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


# A cell filled with its role's colour holds text (the role's label): a tint keeps it legible.
ROLE_FILLS = {cell: lighter(colour, 0.6) for cell, colour in ROLE_COLOURS.items()}

# --- kinds of actor ---------------------------------------------------------------------------

KIND_LABELS = {
    "provincial department": ("Sở chuyên môn", "Provincial departments"),
    "provincial agency": ("Cơ quan, đơn vị cấp tỉnh", "Provincial agencies"),
    "central agency in the province": ("Cơ quan Trung ương trên địa bàn", "Central agencies"),
    "commune government": ("UBND cấp xã", "Commune governments"),
    "media": ("Báo chí", "Media"),
    "association": ("Hiệp hội", "Associations"),
    "utility": ("Đơn vị cung ứng dịch vụ", "Utilities"),
    "collective": ("Chủ thể không nêu tên cụ thể", "Unnamed collectives"),
    "businesses": ("Doanh nghiệp", "Businesses"),
}
COLLECTIVES_LABEL = ("chủ thể không nêu tên cụ thể", "unnamed collectives")

# --- measures of the PGI ----------------------------------------------------------------------

SUB_INDEX_MEASURES = ("sub_index_1", "sub_index_2", "sub_index_3", "sub_index_4")
SCORE_MEASURES = (*SUB_INDEX_MEASURES, "total")  # compared as scores; a rank is apart
MEASURES = (*SCORE_MEASURES, "rank")
MEASURE_LABELS = {"total": ("Tổng điểm PGI", "PGI total"), "rank": ("Xếp hạng", "Rank")}
# Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
SUB_INDEX_COLOURS = {1: "#0072B2", 2: "#E69F00", 3: "#009E73", 4: "#CC79A7"}


def sub_index_number(measure: str) -> int:
    """1 for "sub_index_1", and so on."""
    return SUB_INDEX_MEASURES.index(measure) + 1


def sub_index_label(sub_index: int, lang: str, short: bool = True) -> str:
    """E.g. "CSTP 1 · Ô nhiễm & thiên tai" or "CSTP 1 · Pollution & disasters"."""
    row = reference.sub_indices().set_index("sub_index").loc[sub_index]
    name = row[f"short_{check_language(lang)}" if short else f"name_{lang}"]
    return f"{row['code']} · {name}"


def measure_label(measure: str, lang: str, short: bool = True) -> str:
    """A measure of the scores table as a reader calls it."""
    if measure in SUB_INDEX_MEASURES:
        return sub_index_label(sub_index_number(measure), lang, short)
    return pick(lang, *MEASURE_LABELS[measure])


# --- words of one language --------------------------------------------------------------------


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    return lang


def pick(lang: str, vi: str, en: str) -> str:
    """The text in `lang`."""
    return vi if check_language(lang) == "vi" else en


# Words an official would not write for the package's terms (GLOSSARY says what to write instead):
# an academic credit for a lead share, a pejorative for unnamed collectives, a vague "derived".
REJECTED_TERMS = ("tín chỉ", "tập thể chung chung", "tính suy ra")
# Where a figure is not known: never 0, never blank in a table people read.
UNKNOWN = ("chưa công bố", "not published")
MISSING = "—"


def format_number(value: float | None, lang: str, digits: int = 2) -> str:
    """A number as each language writes it: 1.234,56 in Vietnamese, 1,234.56 in English;
    an unknown value (None, NaN) as a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    text = f"{value:,.{digits}f}"
    if check_language(lang) == "vi":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text.replace("-", "−")  # a minus sign, not a hyphen that a line may break after


def format_share(value: float | None, lang: str, digits: int = 0) -> str:
    """A share (0.364) as a percentage: 36% in both languages, 36,4% with a decimal."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return f"{format_number(100 * value, lang, digits)}%"


def format_date(day: date, lang: str) -> str:
    """A day as each language writes it: 21/01/2026 or 21 January 2026."""
    if check_language(lang) == "vi":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {day:%B %Y}"


def format_count(value: int, lang: str) -> str:
    """A whole number: 1.234 in Vietnamese, 1,234 in English."""
    return format_number(value, lang, 0)


# --- values of the tables, as a reader calls them ---------------------------------------------

# The kinds of evidence an indicator is (indicators.csv, column kind).
EVIDENCE_LABELS = {
    "perception": ("Nhận định của doanh nghiệp", "Perception"),
    "firm share": ("Tỷ lệ doanh nghiệp", "Share of firms"),
    "official statistic": ("Số liệu thống kê chính thức", "Official statistic"),
    "count": ("Số lượng", "Count"),
    "service rating": ("Đánh giá chất lượng dịch vụ", "Service rating"),
}
STATISTIC_SOURCE_LABELS = {
    "PGI survey": ("Khảo sát PGI của VCCI", "VCCI's PGI survey"),
    "TCTK": ("Tổng cục Thống kê (TCTK)", "General Statistics Office (TCTK)"),
}
YES_NO = {True: ("Có", "Yes"), False: ("Không", "No")}


# --- column labels of the library's tables ----------------------------------------------------

# How a column's values are written for people (`pgi_analysis.present` writes each kind):
TEXT = "text"  # as it is
COUNT = "count"  # a whole number: 1.234 / 1,234
NUMBER = "number"  # a decimal number, with the column's digits: 4,95 / 4.95
SHARE = "share"  # a share (0.364) as a percentage: 36%
YEAR = "year"  # 2024, without a thousands separator
FLAG = "flag"  # True / False: Có / Không, Yes / No
AGENCY = "agency"  # agency ids (several separated by ", "): their short names
PROVINCE = "province"  # a province id: its name that year
SUB_INDEX = "sub_index"  # 1–4: "CSTP 1 · Ô nhiễm & thiên tai"
MEASURE = "measure"  # sub_index_1 … rank: the measure's label
ROLE = "role"  # lead, coordinator, both: ROLE_LABELS
KIND = "kind"  # an actor's kind (KIND_LABELS) or an indicator's kind of evidence
STATISTIC_SOURCE = "statistic_source"  # STATISTIC_SOURCE_LABELS
CAVEAT = "caveat"  # a caveat `pgi_analysis.outcomes` attaches to a figure, in words
RANK_STATUS = "rank_status"  # how a rank is known: RANK_STATUS_LABELS
RELATIVE = "relative"  # above, level with or below a mean: RELATIVE_LABELS
TIMING = "timing"  # a survey before, in the year of, or after a plan: TIMING_LABELS
EDITION_STATUS = "edition_status"  # an edition published, with scores stored, or expected
DATE = "date"  # a day: 09/05/2024 / 9 May 2024
MONTH = "month"  # a month: 4/2027 / April 2027
COLUMN_KINDS = (
    *(TEXT, COUNT, NUMBER, SHARE, YEAR, FLAG, DATE, MONTH),
    *(AGENCY, PROVINCE, SUB_INDEX, MEASURE, ROLE, KIND, STATISTIC_SOURCE, CAVEAT),
    *(RANK_STATUS, RELATIVE, TIMING, EDITION_STATUS),
)


class ColumnLabel(NamedTuple):
    """A column as a reader sees it: its header in each language and how its values are written.

    `published` marks a figure VCCI publishes: where it is missing, a reader is told it was not
    published ("chưa công bố") rather than shown a dash."""

    vi: str | None  # None for a measure, headed by `measure_label`
    en: str | None
    kind: str = TEXT
    digits: int | None = None  # decimals of a NUMBER (2) or SHARE (0) if not these
    published: bool = False


# The measures as columns (trajectory, coverage): figures VCCI publishes, headed by their labels.
_MEASURE_COLUMNS = {
    **dict.fromkeys(SCORE_MEASURES, ColumnLabel(None, None, NUMBER, published=True)),
    "rank": ColumnLabel(None, None, COUNT, published=True),
}


def _region(label: ColumnLabel) -> ColumnLabel:
    """The same measure among the provinces of the region."""
    return label._replace(vi=f"{label.vi} (trong vùng)", en=f"{label.en} (in the region)")


# Every column the library's tables have (schemas, responsibility, outcomes), by name. A column
# name means the same in every table that has it.
_STANDING = {
    "provinces_with_data": ColumnLabel("Số tỉnh có số liệu (n)", "Provinces with data (n)", COUNT),
    "position": ColumnLabel("Vị trí", "Position", COUNT),
    "percentile": ColumnLabel("Bách phân vị", "Percentile", NUMBER, digits=0),
    "others_mean": ColumnLabel("Trung bình các tỉnh khác", "Others' mean", NUMBER),
    "gap_to_others": ColumnLabel("Chênh lệch với các tỉnh khác", "Gap to the others", NUMBER),
}
COLUMN_LABELS: dict[str, ColumnLabel] = {
    # the tidy tables and the scores (pgi_analysis.schemas)
    "indicator_id": ColumnLabel("Mã chỉ số", "Indicator"),
    "sub_index": ColumnLabel("Chỉ số thành phần (CSTP)", "Sub-index", SUB_INDEX),
    "number": ColumnLabel("STT", "No.", COUNT),
    "name_vi": ColumnLabel("Tên", "Vietnamese name"),
    "name_en": ColumnLabel("Tên tiếng Anh", "Name"),
    "unit": ColumnLabel("Đơn vị", "Unit"),
    "statistic_source": ColumnLabel("Nguồn số liệu", "Statistic source", STATISTIC_SOURCE),
    "higher_is_better": ColumnLabel("Cao hơn là tốt hơn", "Higher is better", FLAG),
    "kind": ColumnLabel("Loại", "Kind", KIND),
    "agency_id": ColumnLabel("Cơ quan", "Body", AGENCY),
    "short_vi": ColumnLabel("Tên viết tắt", "Short Vietnamese name"),
    "short_en": ColumnLabel("Tên viết tắt tiếng Anh", "Short name"),
    "aliases": ColumnLabel("Các cách viết trong văn bản", "Spellings in the documents"),
    "role": ColumnLabel("Vai trò", "Role", ROLE),
    "scope": ColumnLabel("Phạm vi", "Scope"),
    "task": ColumnLabel("Nhiệm vụ", "Task"),
    "source_text": ColumnLabel("Nguyên văn Phụ lục", "Text of the appendix"),
    "found": ColumnLabel("Văn bản gặp", "Found"),
    "result": ColumnLabel("Đọc thành", "Read as"),
    "indicator_ids": ColumnLabel("Các chỉ số", "Indicators"),
    "year": ColumnLabel("Năm", "Year", YEAR),
    "province_id": ColumnLabel("Tỉnh, thành phố", "Province", PROVINCE),
    "province": ColumnLabel("Tỉnh, thành phố", "Province"),
    "measure": ColumnLabel("Chỉ tiêu", "Measure", MEASURE),
    "value": ColumnLabel("Giá trị", "Value", NUMBER, published=True),
    "derived": ColumnLabel("Tổng cộng từ 4 CSTP", "Summed from the 4 sub-indices", FLAG),
    "ci_low": ColumnLabel("Cận dưới khoảng tin cậy", "Confidence interval, low", NUMBER),
    "ci_high": ColumnLabel("Cận trên khoảng tin cậy", "Confidence interval, high", NUMBER),
    "firms_surveyed": ColumnLabel("Số doanh nghiệp được khảo sát", "Firms surveyed", COUNT),
    "source_url": ColumnLabel("Nguồn", "Source"),
    "note": ColumnLabel("Ghi chú", "Note"),
    # who leads and coordinates (pgi_analysis.responsibility)
    "led": ColumnLabel("Số chỉ số chủ trì", "Indicators led", COUNT),
    "sole_lead": ColumnLabel("Chủ trì một mình", "Led alone", COUNT),
    "shared_lead": ColumnLabel("Cùng chủ trì với cơ quan khác", "Led with others", COUNT),
    "lead_credit": ColumnLabel("Phần chủ trì", "Lead share", NUMBER),
    "coordinated": ColumnLabel("Số chỉ số phối hợp", "Indicators coordinated", COUNT),
    "involved": ColumnLabel("Số chỉ số tham gia", "Indicators taken part in", COUNT),
    "collective": ColumnLabel("Chủ thể không nêu tên cụ thể", "Unnamed collective", FLAG),
    "bodies": ColumnLabel("Số cơ quan", "Bodies", COUNT),
    "lead_credit_share": ColumnLabel("Tỷ trọng phần chủ trì", "Share of lead shares", SHARE),
    "coordination_share": ColumnLabel("Tỷ trọng phối hợp", "Share of coordination", SHARE),
    "assignments": ColumnLabel("Số lượt giao", "Assignments", COUNT),
    "cells": ColumnLabel("Số ô", "Cells", COUNT),
    "to_collectives": ColumnLabel(
        "Giao cho chủ thể không nêu tên cụ thể", "To unnamed collectives", COUNT
    ),
    "indicators": ColumnLabel("Số chỉ số", "Indicators", COUNT),
    "indicators_with_collective": ColumnLabel(
        "Số chỉ số có chủ thể không nêu tên cụ thể", "Indicators with an unnamed collective", COUNT
    ),
    "collective_share": ColumnLabel(
        "Tỷ lệ giao cho chủ thể không nêu tên cụ thể", "Share to unnamed collectives", SHARE
    ),
    "leads": ColumnLabel("Số cơ quan chủ trì", "Number of leads", COUNT),
    "coordinators": ColumnLabel("Số cơ quan phối hợp", "Number of coordinators", COUNT),
    "named_coordinators": ColumnLabel(
        "Cơ quan phối hợp được nêu tên", "Named coordinating agencies", COUNT
    ),
    "collective_coordinators": ColumnLabel(
        "Phối hợp: chủ thể không nêu tên cụ thể", "Unnamed collectives coordinating", COUNT
    ),
    "code": ColumnLabel("Ký hiệu", "Code"),
    "lead_assignments": ColumnLabel("Số lượt chủ trì", "Lead assignments", COUNT),
    "coordinator_assignments": ColumnLabel("Số lượt phối hợp", "Coordinator assignments", COUNT),
    "several_leads": ColumnLabel(
        "Số chỉ số có nhiều cơ quan chủ trì", "Indicators with several leads", COUNT
    ),
    "actors": ColumnLabel("Số chủ thể tham gia", "Actors taking part", COUNT),
    "lead_text": ColumnLabel("Tên ở cột chủ trì", "As named in the lead column"),
    "coordinator_text": ColumnLabel("Tên ở cột phối hợp", "As named in the coordinator column"),
    "lead_agencies": ColumnLabel("Các cơ quan chủ trì", "Lead agencies", AGENCY),
    "scope_split": ColumnLabel("Chia theo phạm vi", "Split by scope", FLAG),
    "weight": ColumnLabel("Trọng số", "Weight", NUMBER),
    "population_share": ColumnLabel(
        "Tỷ lệ cơ quan (cộng dồn)", "Share of bodies (cumulative)", SHARE
    ),
    "cumulative_share": ColumnLabel("Tỷ lệ cộng dồn", "Cumulative share", SHARE),
    "named_total": ColumnLabel(
        "Tổng của các cơ quan được nêu tên", "Total of the named bodies", NUMBER
    ),
    "top_bodies": ColumnLabel("Số cơ quan dẫn đầu", "Top bodies", COUNT),
    "top_agencies": ColumnLabel("Cơ quan dẫn đầu", "Top body or bodies", AGENCY),
    "top_share_of_named": ColumnLabel("Tỷ trọng của cơ quan dẫn đầu", "Top body's share", SHARE),
    "hhi": ColumnLabel("Chỉ số HHI", "HHI", NUMBER, digits=3),
    "equivalent_bodies": ColumnLabel(
        "Số cơ quan tương đương", "Equivalent number of bodies", NUMBER, digits=1
    ),
    "gini": ColumnLabel("Hệ số Gini", "Gini coefficient", NUMBER),
    "agency_a": ColumnLabel("Cơ quan", "Body", AGENCY),
    "agency_b": ColumnLabel("Cơ quan cùng tham gia", "Partner", AGENCY),
    "shared_indicators": ColumnLabel("Số chỉ số chung", "Shared indicators", COUNT),
    "partners": ColumnLabel("Số cơ quan cùng tham gia", "Partners", COUNT),
    "co_assignments": ColumnLabel("Số lượt cùng tham gia", "Co-assignments", COUNT),
    "betweenness": ColumnLabel("Độ trung gian", "Betweenness", NUMBER, digits=3),
    "eigenvector": ColumnLabel("Độ trung tâm (véc-tơ riêng)", "Eigenvector centrality", NUMBER, 3),
    # the PGI figures and the province among the others (pgi_analysis.outcomes)
    **_MEASURE_COLUMNS,
    "same_region": ColumnLabel("Cùng vùng", "Same region", FLAG),
    "flagged": ColumnLabel("CSTP 1 và 2 công bố bằng nhau", "Sub-indices 1 and 2 equal", FLAG),
    "is_province": ColumnLabel("Tỉnh được phân tích", "The province analysed", FLAG),
    "provinces_ranked": ColumnLabel("Số tỉnh được xếp hạng", "Provinces ranked", COUNT),
    "derived_totals": ColumnLabel(
        "Số tổng điểm là tổng cộng từ 4 CSTP", "Totals summed from the sub-indices", COUNT
    ),
    "national_mean_total": ColumnLabel(
        "Tổng điểm trung bình cả nước", "National mean total", NUMBER, published=True
    ),
    "relative_rank": ColumnLabel(
        "Thứ hạng tương đối (hạng ÷ số tỉnh)", "Relative rank (rank ÷ provinces)", NUMBER
    ),
    "outside_top": ColumnLabel("Nằm ngoài nhóm dẫn đầu", "Outside the top", COUNT),
    "total_derived": ColumnLabel(
        "Tổng điểm là tổng cộng từ 4 CSTP", "Total summed from the sub-indices", FLAG
    ),
    "equal_sub_indices_1_2": ColumnLabel(
        "CSTP 1 và 2 công bố bằng nhau", "Sub-indices 1 and 2 published equal", FLAG
    ),
    "flag": ColumnLabel("Lưu ý", "Caveat", CAVEAT),
    **_STANDING,
    **{f"region_{name}": _region(label) for name, label in _STANDING.items()},
    "national_mean": ColumnLabel("Trung bình cả nước", "National mean", NUMBER, published=True),
    "gap_to_national_mean": ColumnLabel(
        "Chênh lệch với trung bình cả nước", "Gap to the national mean", NUMBER
    ),
    "derived_values": ColumnLabel(
        "Số giá trị là tổng cộng từ 4 CSTP", "Values summed from the sub-indices", COUNT
    ),
    "flagged_values": ColumnLabel(
        "Số giá trị CSTP 1 và 2 bằng nhau", "Values with sub-indices 1 and 2 equal", COUNT
    ),
    "leads_per_indicator": ColumnLabel(
        "Số cơ quan chủ trì mỗi chỉ số", "Lead agencies per indicator", NUMBER
    ),
    "coordinators_per_indicator": ColumnLabel(
        "Số cơ quan phối hợp mỗi chỉ số", "Coordinating agencies per indicator", NUMBER
    ),
    "top_lead_bodies": ColumnLabel(
        "Số cơ quan chủ trì nhiều nhất", "Bodies leading the most", COUNT
    ),
    "top_leads": ColumnLabel("Cơ quan chủ trì nhiều nhất", "Body leading the most", AGENCY),
    "top_leads_vi": ColumnLabel(
        "Cơ quan chủ trì nhiều nhất (tên tiếng Việt)", "Body leading the most (Vietnamese)"
    ),
    "top_leads_en": ColumnLabel(
        "Cơ quan chủ trì nhiều nhất (tên tiếng Anh)", "Body leading the most (English)"
    ),
    "top_lead_share_of_named": ColumnLabel(
        "Tỷ trọng phần chủ trì của cơ quan đó", "Its share of the lead shares", SHARE
    ),
    "collective_lead_share": ColumnLabel(
        "Tỷ lệ chủ trì giao cho chủ thể không nêu tên cụ thể",
        "Share of leads to unnamed collectives",
        SHARE,
    ),
    "collective_coordinator_share": ColumnLabel(
        "Tỷ lệ phối hợp giao cho chủ thể không nêu tên cụ thể",
        "Share of coordination to unnamed collectives",
        SHARE,
    ),
    "overlaps": ColumnLabel(
        "Số trường hợp vừa chủ trì vừa phối hợp", "Cases of lead and coordinator", COUNT
    ),
    # rank bounds, coverage, exposure, timing (ranks, coverage, exposure, timing)
    "rank_best": ColumnLabel("Hạng cao nhất có thể", "Best possible rank", COUNT),
    "rank_worst": ColumnLabel("Hạng thấp nhất có thể", "Worst possible rank", COUNT),
    "rank_status": ColumnLabel("Thứ hạng được biết thế nào", "How the rank is known", RANK_STATUS),
    "region_provinces": ColumnLabel("Số tỉnh trong vùng", "Provinces in the region", COUNT),
    "region_rank_best": ColumnLabel(
        "Vị trí cao nhất có thể trong vùng", "Best possible place in the region", COUNT
    ),
    "region_rank_worst": ColumnLabel(
        "Vị trí thấp nhất có thể trong vùng", "Worst possible place in the region", COUNT
    ),
    "region_rank_status": ColumnLabel(
        "Vị trí trong vùng được biết thế nào", "How the regional place is known", RANK_STATUS
    ),
    "ahead": ColumnLabel("Số tỉnh chắc chắn xếp trên", "Provinces surely ahead", COUNT),
    "behind": ColumnLabel("Số tỉnh chắc chắn xếp dưới", "Provinces surely behind", COUNT),
    "n": ColumnLabel("Số tỉnh có số liệu (n)", "Provinces with data (n)", COUNT),
    "share": ColumnLabel("Tỷ lệ số tỉnh có số liệu", "Share of provinces with data", SHARE),
    "coverage_share": ColumnLabel(
        "Tỷ lệ số tỉnh có số liệu", "Share of provinces with data", SHARE
    ),
    "well_covered": ColumnLabel("Đủ số tỉnh để so sánh", "Enough provinces to compare", FLAG),
    "relative_to_others": ColumnLabel(
        "So với trung bình các tỉnh khác", "Against the others' mean", RELATIVE
    ),
    "region_relative_to_others": ColumnLabel(
        "So với trung bình các tỉnh khác (trong vùng)",
        "Against the others' mean (in the region)",
        RELATIVE,
    ),
    "relative_to_national_mean": ColumnLabel(
        "So với trung bình cả nước", "Against the national mean", RELATIVE
    ),
    "gap_within_intervals": ColumnLabel(
        "Chênh lệch nằm trong khoảng tin cậy", "Gap within the intervals", FLAG
    ),
    "region_gap_within_intervals": ColumnLabel(
        "Chênh lệch nằm trong khoảng tin cậy (trong vùng)",
        "Gap within the intervals (in the region)",
        FLAG,
    ),
    "national_gap_within_intervals": ColumnLabel(
        "Chênh lệch với cả nước nằm trong khoảng tin cậy",
        "Gap to the national mean within the intervals",
        FLAG,
    ),
    "lead_indicators": ColumnLabel("Các chỉ số chủ trì", "Which indicators it leads"),
    "coordinator_indicators": ColumnLabel("Các chỉ số phối hợp", "Which indicators it coordinates"),
    "indicators_with_values": ColumnLabel(
        "Số chỉ số có giá trị đã lưu", "Indicators with stored values", COUNT
    ),
    "survey_year": ColumnLabel("Năm khảo sát", "Survey year", YEAR),
    "survey_year_from_pattern": ColumnLabel(
        "Năm khảo sát theo quy luật các kỳ trước", "Survey year from the pattern", FLAG
    ),
    "status": ColumnLabel("Tình trạng", "Status", EDITION_STATUS),
    "published": ColumnLabel("Ngày công bố", "Published", DATE),
    "expected_from": ColumnLabel("Dự kiến công bố từ", "Expected from", MONTH),
    "expected_to": ColumnLabel("Dự kiến công bố đến", "Expected until", MONTH),
    "provinces_with_figures": ColumnLabel(
        "Số tỉnh có số liệu đã lưu", "Provinces with stored figures", COUNT
    ),
    # counting choices (pgi_analysis.counting.robustness) and size-aware concentration
    "finding": ColumnLabel("Kết luận", "Finding"),
    "default": ColumnLabel("Theo cách đếm mặc định", "Default counting"),
    "holds_under_all": ColumnLabel("Đúng với mọi cách đếm", "Holds under every counting", FLAG),
    "depends_on": ColumnLabel("Phụ thuộc cách đếm", "Depends on"),
    "lowest": ColumnLabel("Thấp nhất", "Lowest"),
    "highest": ColumnLabel("Cao nhất", "Highest"),
    "units": ColumnLabel("Số phần", "Units", NUMBER),
    "sub_index_a": ColumnLabel("CSTP", "Sub-index", SUB_INDEX),
    "sub_index_b": ColumnLabel("với CSTP", "with sub-index", SUB_INDEX),
    "provinces": ColumnLabel("Số tỉnh", "Provinces", COUNT),
    "correlation": ColumnLabel("Hệ số tương quan", "Correlation", NUMBER),
    "hhi_floor": ColumnLabel("HHI thấp nhất có thể", "Lowest possible HHI", NUMBER, digits=3),
    "hhi_normalised": ColumnLabel("HHI chuẩn hóa", "Normalised HHI", NUMBER, digits=3),
    "gini_among_holders": ColumnLabel(
        "Hệ số Gini giữa các cơ quan có vai trò", "Gini among the bodies with the role", NUMBER
    ),
    "betweenness_unweighted": ColumnLabel(
        "Độ trung gian (không trọng số)", "Betweenness (unweighted)", NUMBER, digits=3
    ),
    "lead_name": ColumnLabel("Tên ở cột chủ trì", "As named in the lead column"),
    "coordinator_name": ColumnLabel("Tên ở cột phối hợp", "As named in the coordinator column"),
    "spelled_alike": ColumnLabel("Viết giống nhau", "Spelled alike", FLAG),
    "lead_task": ColumnLabel("Nhiệm vụ khi chủ trì", "Task as lead"),
    "better_than_others": ColumnLabel(
        "Hơn các tỉnh khác (theo chiều tốt)", "Better than the others by", NUMBER
    ),
    "lead_bodies": ColumnLabel("Cơ quan chủ trì", "Lead agencies", AGENCY),
}


def column_label(column: str, lang: str) -> str:
    """A column's header in `lang`; a KeyError names a column without a label."""
    label = COLUMN_LABELS[column]
    return measure_label(column, lang) if label.vi is None else pick(lang, label.vi, label.en)


# --- the glossary -----------------------------------------------------------------------------


class Term(NamedTuple):
    """A word of the package as an official would write it, its English and what it means."""

    vi: str
    en: str
    meaning_vi: str
    meaning_en: str


GLOSSARY = (
    Term(
        "cơ quan chủ trì",
        "lead agency",
        "cơ quan chịu trách nhiệm chính về một chỉ số (cột CƠ QUAN CHỦ TRÌ THỰC HIỆN)",
        "answers for an indicator (the column CƠ QUAN CHỦ TRÌ THỰC HIỆN)",
    ),
    Term(
        "cơ quan phối hợp",
        "coordinating agency",
        "cơ quan cùng thực hiện với cơ quan chủ trì (cột CƠ QUAN PHỐI HỢP THỰC HIỆN)",
        "works with the lead (the column CƠ QUAN PHỐI HỢP THỰC HIỆN)",
    ),
    Term(
        "cùng chủ trì",
        "co-lead",
        "một trong các cơ quan được giao chủ trì cùng một chỉ số",
        "one of several lead agencies of one indicator",
    ),
    Term(
        "chủ trì một mình",
        "sole lead",
        "cơ quan duy nhất được giao chủ trì một chỉ số",
        "the only lead agency of an indicator",
    ),
    Term(
        "vừa chủ trì vừa phối hợp",
        "lead and coordinator",
        "Kế hoạch ghi cùng một cơ quan ở cả hai cột của một chỉ số",
        "the plan names the same body in both columns of one indicator",
    ),
    Term(
        "phần chủ trì",
        "lead share",
        "mỗi chỉ số tính là 1; chỉ số có n cơ quan cùng chủ trì thì mỗi cơ quan được 1/n",
        "each indicator counts as one; its n lead agencies get 1/n each",
    ),
    Term(
        "phạm vi",
        "scope",
        "phần việc Kế hoạch giao riêng cho một cơ quan chủ trì khi chia một chỉ số "
        "(ví dụ: nước sạch đô thị)",
        "the part of an indicator the plan gives one lead when it splits it (e.g. urban water)",
    ),
    Term(
        "nhiệm vụ",
        "task",
        "việc cụ thể Kế hoạch ghi sau tên cơ quan",
        "a task the plan writes after a body's name",
    ),
    Term(
        "chủ thể không nêu tên cụ thể",
        "unnamed collective",
        "nhóm mà Kế hoạch không nêu tên từng cơ quan: các Sở, ban, ngành liên quan, "
        "doanh nghiệp, cá nhân",
        "a group the plan does not name body by body: the relevant departments, firms, individuals",
    ),
    Term(
        "chỉ số",
        "indicator",
        "một dòng của Phụ lục (cột CHỈ SỐ THÀNH PHẦN), mã dạng 1.01: số CSTP và số thứ tự",
        "a row of the appendix (column CHỈ SỐ THÀNH PHẦN), coded like 1.01: sub-index and row",
    ),
    Term(
        "chỉ số thành phần (CSTP)",
        "sub-index",
        "một trong bốn phần của PGI, chấm từ 1 đến 10 điểm",
        "one of the four parts of the PGI, scored 1–10",
    ),
    Term(
        "tổng điểm PGI",
        "PGI total",
        "tổng điểm bốn CSTP, tối đa 40",
        "the sum of the four sub-indices, at most 40",
    ),
    Term(
        "tổng cộng từ 4 CSTP",
        "summed from the 4 sub-indices",
        "tổng điểm do gói phân tích này cộng từ bốn CSTP đã công bố, khi VCCI không công bố "
        "tổng điểm",
        "a total this package adds up where VCCI published the sub-indices but no total",
    ),
    Term(
        "chưa công bố",
        "not published",
        "số liệu VCCI chưa công bố: chưa biết, không phải 0",
        "a figure VCCI has not published: unknown, never 0",
    ),
    Term(
        "xếp hạng",
        "rank",
        "thứ hạng VCCI công bố trong số các tỉnh, thành phố được xếp hạng năm đó",
        "the rank VCCI publishes among the provinces it ranks that year",
    ),
    Term(
        "số tỉnh có số liệu (n)",
        "provinces with data (n)",
        "số tỉnh, thành phố có số liệu mà một so sánh dựa vào",
        "how many provinces a comparison covers",
    ),
    Term(
        "trung bình cả nước",
        "national mean",
        "điểm trung bình VCCI công bố cho tất cả các tỉnh, thành phố",
        "the mean VCCI publishes over all provinces",
    ),
    Term(
        "chênh lệch với các tỉnh khác",
        "gap to the others",
        "điểm của tỉnh trừ điểm trung bình các tỉnh khác có số liệu",
        "the province's score less the mean of the other provinces with data",
    ),
    Term(
        "số cơ quan tương đương",
        "equivalent number of bodies",
        "số cơ quan chia đều nhau thì có cùng mức tập trung (1 / HHI)",
        "how many bodies with equal parts would be as concentrated (1 / HHI)",
    ),
    Term(
        "mã SHA-256",
        "SHA-256 checksum",
        "dãy ký tự kiểm tra một tệp: tệp thay đổi dù một ký tự thì mã cũng đổi",
        "a checksum of a file: any change to the file changes it",
    ),
)


def glossary_markdown() -> str:
    """docs/glossary.md: every term as the package writes it, in both languages."""
    lines = [
        "# Thuật ngữ / Glossary",
        "",
        "Generated by `glossary_markdown()` from `pgi_analysis/vocabulary.py`; a test checks that "
        "this file matches it: edit the code, not this file.",
        "",
        "| Tiếng Việt | English | Nghĩa | Meaning |",
        "|---|---|---|---|",
    ]
    lines += [f"| {t.vi} | {t.en} | {t.meaning_vi} | {t.meaning_en} |" for t in GLOSSARY]
    lines += ["", "## Vai trò / Roles", "", "| Tiếng Việt | English |", "|---|---|"]
    lines += [f"| {vi} | {en} |" for vi, en in list(ROLE_LABELS.values())[1:]]
    lines += ["", "## Loại chủ thể / Kinds of actor", "", "| Tiếng Việt | English |", "|---|---|"]
    lines += [f"| {vi} | {en} |" for vi, en in KIND_LABELS.values()]
    lines += ["", "## Loại chỉ số / Kinds of indicator", "", "| Tiếng Việt | English |"]
    lines += ["|---|---|", *(f"| {vi} | {en} |" for vi, en in EVIDENCE_LABELS.values())]
    lines += ["", "## Số / Numbers", ""]
    lines.append(
        f"Vietnamese: `{format_number(1234.5, 'vi')}`, `{format_share(0.364, 'vi')}`, "
        f"`{format_number(-0.5, 'vi')}`; English: `{format_number(1234.5, 'en')}`, "
        f"`{format_share(0.364, 'en')}`, `{format_number(-0.5, 'en')}`. An unknown figure: "
        f"`{MISSING}`, or `{UNKNOWN[0]}` / `{UNKNOWN[1]}` where VCCI has not published it."
    )
    return "\n".join(lines) + "\n"


# === counting choices, headline findings, repairs (pgi_analysis.counting, findings/) ===========
# Keys of `counting.CHOICES`: the default reading of the appendix, then one alternative per choice.
DEFAULT_COUNTING = "default"
INDIVIDUALS_WITH_FIRMS = "individuals_with_firms"
COMMUNES_AS_COLLECTIVE = "communes_as_collective"
SPLIT_LEADS_AS_SOLE = "split_leads_as_sole"
COLLECTIVES_IN_CONCENTRATION = "collectives_in_concentration"
COUNTING_CHOICE_LABELS = {
    DEFAULT_COUNTING: ("cách đếm mặc định", "the default counting"),
    INDIVIDUALS_WITH_FIRMS: (
        "gộp “cá nhân có liên quan” với doanh nghiệp thành một chủ thể",
        "“individuals concerned” counted with the firms as one collective",
    ),
    COMMUNES_AS_COLLECTIVE: (
        "tính UBND cấp xã là chủ thể không nêu tên cụ thể",
        "the commune People's Committees counted as an unnamed collective",
    ),
    SPLIT_LEADS_AS_SOLE: (
        "tính cơ quan chủ trì đã được phân chia phạm vi là chủ trì riêng phần việc của mình",
        "the leads of a split indicator counted as sole leads of their part",
    ),
    COLLECTIVES_IN_CONCENTRATION: (
        "tính cả chủ thể không nêu tên cụ thể khi đo mức độ tập trung",
        "unnamed collectives included in concentration",
    ),
}
# Why the default counting is the default (`counting.DEFAULT_CHOICE`), as the findings say it.
DEFAULT_COUNTING_REASON = (
    "mỗi chủ thể được tính một lần cho mỗi chỉ số và vai trò, đúng như phụ lục liệt kê "
    "(“cá nhân có liên quan” tính riêng với doanh nghiệp); UBND cấp xã tính là một cơ quan, vì "
    "kế hoạch giao việc cho cấp xã bằng một dòng trong mỗi ô như với mỗi Sở; các cơ quan cùng "
    "chủ trì một chỉ số vẫn tính là cùng chủ trì dù đã phân chia phạm vi, vì PGI chấm mỗi chỉ số "
    "bằng một con số chung; mức độ tập trung chỉ tính giữa các cơ quan được nêu tên, vì chủ thể "
    "không nêu tên cụ thể không chỉ rõ ai chịu trách nhiệm",
    "every actor counts once per indicator and role, as the appendix lists it (“cá nhân có "
    "liên quan” apart from the firms); UBND cấp xã counts as one body, because the plan gives "
    "the commune tier one line in each cell, as it gives each Sở; the leads of an indicator "
    "share it even where the plan splits the work, because the PGI scores each indicator as one "
    "number; concentration is measured among named bodies only, because an unnamed collective "
    "holds nobody to account",
)
# Columns of `counting.sensitivity`: one headline finding each.
HEADLINE_LABELS = {
    "coordinator_assignments": ("Số lượt phối hợp", "Coordinator assignments"),
    "collective_coordination_share": (
        "Tỷ lệ lượt phối hợp giao cho chủ thể không nêu tên cụ thể",
        "Share of coordination given to unnamed collectives",
    ),
    "shared_lead_indicators": (
        "Số chỉ số do nhiều cơ quan cùng chủ trì",
        "Indicators whose leads share accountability",
    ),
    "top_lead": ("Cơ quan có phần chủ trì lớn nhất", "Top lead body"),
    "top_lead_share": ("Tỷ trọng phần chủ trì của cơ quan đứng đầu", "Top lead body's share"),
    "lead_hhi": ("HHI của chủ trì", "HHI of leading"),
    "lead_gini": ("Hệ số Gini của chủ trì", "Gini of leading"),
    "top_coordinator": ("Cơ quan phối hợp nhiều nhất", "Top coordinator"),
    "top_coordinator_share": (
        "Tỷ trọng lượt phối hợp của cơ quan đứng đầu",
        "Top coordinator's share",
    ),
    "coordination_hhi": ("HHI của phối hợp", "HHI of coordinating"),
    "coordination_gini": ("Hệ số Gini của phối hợp", "Gini of coordinating"),
    "lead_more_unequal": (
        "Chủ trì phân bổ không đều hơn phối hợp",
        "Leading more unequal than coordinating",
    ),
    "on_every_indicator": ("Cơ quan có mặt ở mọi chỉ số", "Bodies on every indicator"),
    "collectives_outnumber_named": (
        "CSTP có số chủ thể không nêu tên cụ thể phối hợp nhiều hơn số cơ quan nêu tên",
        "Sub-indices where unnamed collectives outnumber named coordinators",
    ),
    "most_concentrated_sub_index": (
        "CSTP có chủ trì tập trung nhất (HHI chuẩn hóa)",
        "Sub-index where leading is most concentrated (normalised HHI)",
    ),
    "most_co_assigned": ("Cơ quan cùng tham gia nhiều nhất", "Most co-assigned body"),
    "broker": ("Cơ quan trung gian (có trọng số)", "Broker (weighted)"),
    "broker_unweighted": ("Cơ quan trung gian (không trọng số)", "Broker (unweighted)"),
    "strongest_tie": ("Cặp cơ quan cùng tham gia nhiều nhất", "Strongest tie"),
    "strongest_tie_indicators": (
        "Số chỉ số chung của cặp đó",
        "Indicators shared by the strongest tie",
    ),
}
# Columns of `counting.sensitivity` that repeat per sub-index, as "<stem>_<sub-index>".
PER_SUB_INDEX_HEADLINES = {
    "collective_coordinators": (
        "chủ thể không nêu tên cụ thể phối hợp / chỉ số",
        "unnamed collective coordinators per indicator",
    ),
    "named_coordinators": ("cơ quan nêu tên phối hợp / chỉ số", "named coordinators per indicator"),
}
# Kinds of repair the appendix reader records (`appendix_rows.Repairs`).
REPAIR_KIND_LABELS = {
    "merged columns": ("tách hai cột bị dính liền", "split merged columns"),
    "alias": ("tên gọi khác của cùng một chủ thể", "another name of the same actor"),
    "spelling": ("cách viết khác của cùng một tên", "another spelling of the same name"),
    "unit": ("sửa cách in đơn vị tính", "mended the printing of a unit"),
    "duplicate lead": ("bỏ cơ quan chủ trì ghi trùng", "dropped a lead listed twice"),
    "duplicate coordinator": (
        "bỏ cơ quan phối hợp ghi trùng",
        "dropped a coordinator listed twice",
    ),
    "no reference entry": (
        "chỉ số chưa có trong bảng tham chiếu",
        "indicator missing from the reference table",
    ),
}


def sub_index_code(sub_index: int) -> str:
    """ "CSTP 2": the code of a sub-index, the same in both languages."""
    return reference.sub_indices().set_index("sub_index").loc[sub_index, "code"]


def headline_label(finding: str, lang: str) -> str:
    """A column of `counting.sensitivity` as a reader calls it."""
    if finding in HEADLINE_LABELS:
        return pick(lang, *HEADLINE_LABELS[finding])
    stem, _, number = finding.rpartition("_")
    return f"{sub_index_code(int(number))}: {pick(lang, *PER_SUB_INDEX_HEADLINES[stem])}"


# --- words of the outcome findings (pgi_analysis.findings.outcomes) ----------------------------

# How a rank is known (`ranks.RANK_STATUSES`): said after a rank such as 61/63.
RANK_STATUS_LABELS = {
    "published": ("công bố", "published"),
    "implied": ("suy ra từ các bảng đã lưu", "implied by the stored tables"),
    "bounded": ("giới hạn bởi các bảng đã lưu", "bounded by the stored tables"),
    "unknown": ("chưa công bố", "not published"),
    "contradictory": ("các số liệu đã lưu mâu thuẫn", "the stored figures contradict each other"),
}
TIMING_LABELS = {
    "before": ("trước kế hoạch", "before the plan"),
    "same year": ("cùng năm với kế hoạch", "in the plan's year"),
    "after": ("sau kế hoạch", "after the plan"),
}
EDITION_STATUS_LABELS = {
    "published": ("đã công bố", "published"),
    "scores stored": ("đã lưu số liệu", "scores stored"),
    "expected": ("dự kiến", "expected"),
}
# A gap to a mean (`outcomes.relative`): the province is above, level with or below it.
RELATIVE_LABELS = {
    "above": ("cao hơn", "above"),
    "level": ("ngang", "level with"),
    "below": ("thấp hơn", "below"),
}


def format_signed(value: float, lang: str, digits: int = 2) -> str:
    """A gap with its sign: +1,45 or −1,41 in Vietnamese, +1.45 or −1.41 in English."""
    text = format_number(value, lang, digits)
    return text if text.startswith(("−", MISSING)) else f"+{text}"


def format_years(years: list[int]) -> str:
    """Years as a reader scans them: 2022–2024 when consecutive, else 2022, 2024."""
    years = sorted(years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def format_month_span(year: int, first: int, last: int, lang: str) -> str:
    """tháng 4–5/2027 or April–May 2027 (one month when first == last)."""
    if check_language(lang) == "vi":
        months = str(first) if first == last else f"{first}–{last}"
        return f"tháng {months}/{year}"
    months = f"{date(year, first, 1):%B}"  # as `format_date` names a month
    if last != first:
        months += f"–{date(year, last, 1):%B}"
    return f"{months} {year}"


def join_words(words: Iterable[str], lang: str) -> str:
    """A, B và C / A, B and C."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {pick(lang, 'và', 'and')} {words[-1]}"


# --- added for the figures: terms looked up in the glossary -----------------------------------


def term(vietnamese: str, lang: str) -> str:
    """A glossary term in `lang`, named by its Vietnamese form: a figure that writes
    `term("phần chủ trì", lang)` says what the glossary says, in either language."""
    for entry in GLOSSARY:
        if entry.vi == vietnamese:
            return pick(lang, entry.vi, entry.en)
    raise KeyError(f"{vietnamese!r} is not in the glossary")
