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


# --- added for the figures: terms looked up in the glossary -----------------------------------


def term(vietnamese: str, lang: str) -> str:
    """A glossary term in `lang`, named by its Vietnamese form: a figure that writes
    `term("phần chủ trì", lang)` says what the glossary says, in either language."""
    for vi, en, _meaning in GLOSSARY:
        if vi == vietnamese:
            return pick(lang, vi, en)
    raise KeyError(f"{vietnamese!r} is not in the glossary")
