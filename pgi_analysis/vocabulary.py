"""The package's words: roles, kinds of actor, measures, their labels in Vietnamese and English,
their colours, and the one way each language writes a number. Measures, figures, workbook and
reports all take their words from here; `docs/glossary.md` is written from it."""

from __future__ import annotations

import math

from pgi_analysis import reference

LANGUAGES = ("vi", "en")  # Vietnamese first: the plan's own language

# --- roles ------------------------------------------------------------------------------------

LEAD, COORDINATOR = "lead", "coordinator"
ROLES = (LEAD, COORDINATOR)
# Cells of the indicator × agency role matrix, in the order of their codes 0–3. The plan names
# some bodies in both columns of one indicator: their cell is BOTH and counts in each role.
NONE, BOTH = "none", "both"
ROLE_CELLS = (NONE, COORDINATOR, LEAD, BOTH)
CELL_ROLES = {NONE: (), COORDINATOR: (COORDINATOR,), LEAD: (LEAD,), BOTH: (LEAD, COORDINATOR)}
ROLE_LABELS = {
    NONE: ("", ""),
    LEAD: ("Chủ trì", "Lead"),
    COORDINATOR: ("Phối hợp", "Coordinator"),
    BOTH: ("Vừa chủ trì vừa phối hợp", "Lead and coordinator"),
}
ROLE_COLOURS = {NONE: "#FFFFFF", COORDINATOR: "#BDBDBD", LEAD: "#252525", BOTH: "#D55E00"}

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


def format_count(value: int, lang: str) -> str:
    """A whole number: 1.234 in Vietnamese, 1,234 in English."""
    return format_number(value, lang, 0)


# --- the glossary -----------------------------------------------------------------------------

GLOSSARY = (
    ("cơ quan chủ trì", "lead agency", "answers for an indicator (column CƠ QUAN CHỦ TRÌ)"),
    ("cơ quan phối hợp", "coordinating agency", "helps the lead (column CƠ QUAN PHỐI HỢP)"),
    (
        "vừa chủ trì vừa phối hợp",
        "lead and coordinator",
        "the plan names the same body in both columns of one indicator",
    ),
    (
        "phần chủ trì",
        "lead share",
        "each indicator counts as one; its n lead agencies get 1/n each",
    ),
    (
        "chủ thể không nêu tên cụ thể",
        "unnamed collective",
        "a group the plan does not name body by body: the relevant departments, individuals, firms",
    ),
    ("chỉ số thành phần (CSTP)", "sub-index", "one of the four parts of the PGI, scored 1–10"),
    ("tổng điểm PGI", "PGI total", "the sum of the four sub-indices, at most 40"),
    (
        "tổng cộng từ 4 CSTP",
        "total summed from the sub-indices",
        "a total this package adds up where VCCI published the sub-indices but no total",
    ),
    ("chưa công bố", "not published", "a figure VCCI has not published: unknown, never 0"),
    ("số tỉnh có số liệu (n)", "provinces with data (n)", "how many provinces a comparison covers"),
    ("trung bình cả nước", "national mean", "the mean VCCI publishes over all provinces"),
)


def glossary_markdown() -> str:
    """docs/glossary.md: every term as the package writes it, in both languages."""
    lines = [
        "# Thuật ngữ / Glossary",
        "",
        "Written by `make report` from `pgi_analysis/vocabulary.py`: edit the code, not this file.",
        "",
        "| Tiếng Việt | English | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| {vi} | {en} | {meaning} |" for vi, en, meaning in GLOSSARY]
    lines += ["", "## Vai trò / Roles", "", "| Tiếng Việt | English |", "|---|---|"]
    lines += [f"| {vi} | {en} |" for vi, en in list(ROLE_LABELS.values())[1:]]
    lines += ["", "## Loại chủ thể / Kinds of actor", "", "| Tiếng Việt | English |", "|---|---|"]
    lines += [f"| {vi} | {en} |" for vi, en in KIND_LABELS.values()]
    lines += ["", "## Số / Numbers", ""]
    lines.append(
        f"Vietnamese: `{format_number(1234.5, 'vi')}`, `{format_share(0.364, 'vi')}`; "
        f"English: `{format_number(1234.5, 'en')}`, `{format_share(0.364, 'en')}`."
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
