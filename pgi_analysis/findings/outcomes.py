"""The findings of notebook 04: where Lạng Sơn stands in the stored PGI figures, what an
unpublished rank rests on, which year a comparison uses and why, and why every stored score is
the baseline Plan 18/KH-UBND will be judged against.

Every number, year, name and rank is computed from `OutcomeData`; a sentence whose premise fails
is not written. The findings speak of sub-indices, never of an agency's performance: a
sub-index score belongs to the whole sub-index, not to the bodies that lead its indicators.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pgi_analysis import coverage, ranks, selection, timing
from pgi_analysis.findings.sentences import Findings, Sentence
from pgi_analysis.memo import on_content
from pgi_analysis.outcomes import (
    ABOVE,
    BELOW,
    LANG_SON,
    LEVEL,
    LEVEL_MARGIN,
    OutcomeData,
    compare,
    trajectory,
)
from pgi_analysis.reference import MERGER_YEAR, Plan
from pgi_analysis.vocabulary import (
    LANGUAGES,
    RANK_STATUS_LABELS,
    RELATIVE_LABELS,
    SUB_INDEX_MEASURES,
    format_count,
    format_date,
    format_month_span,
    format_number,
    format_share,
    format_signed,
    format_years,
    join_words,
    measure_label,
    pick,
)


def _say(text) -> Sentence:
    """A sentence from a function of the language."""
    return Sentence(*(text(lang) for lang in LANGUAGES))


@dataclass(frozen=True)
class _Context:
    """The tables every sentence reads, computed once."""

    data: OutcomeData
    province_id: str
    latest: int | None  # the latest year with any figure of the province
    path: pd.DataFrame  # `trajectory`, by year
    comparison: pd.DataFrame  # `compare`, every year
    premises: pd.Series | None  # `ranks.rank_premises` of the latest year
    headline: int | None  # `coverage.headline_year` of the sub-indices
    latest_sub_indices: int | None  # the latest year with any province's sub-indices
    shown: list[int]  # `coverage.comparison_years`
    surveys: pd.DataFrame  # `timing.plans_and_surveys`

    @classmethod
    def of(cls, data: OutcomeData, province_id: str) -> _Context:
        scores, provinces = data.scores, data.provinces
        latest = coverage.latest_year(scores, "any", province_id)
        premises = (
            None
            if latest is None
            else ranks.rank_premises(scores, provinces, province_id, [latest]).iloc[0]
        )
        return cls(
            data=data,
            province_id=province_id,
            latest=latest,
            path=trajectory(scores, provinces, province_id).set_index("year"),
            comparison=compare(scores, provinces, province_id),
            premises=premises,
            headline=coverage.headline_year(scores, provinces, "sub_indices", province_id),
            latest_sub_indices=coverage.latest_year(scores, "sub_indices"),
            shown=coverage.comparison_years(scores, provinces, "sub_indices", province_id),
            surveys=timing.plans_and_surveys(data.plans, data.editions, scores),
        )

    def name(self, lang: str, year: int, province_id: str | None = None) -> str:
        return self.data.provinces.name(province_id or self.province_id, year, lang)

    def rows(self, year: int, measures=SUB_INDEX_MEASURES) -> pd.DataFrame:
        """The province's comparison rows of `year` with a known value."""
        table = self.comparison
        rows = table[(table["year"] == year) & table["measure"].isin(measures)]
        return rows[rows["value"].notna()]


@on_content  # the report runs a notebook several times in one kernel
def findings(data: OutcomeData, province_id: str = LANG_SON) -> Findings:
    """The sentences of notebook 04, in the order they are read."""
    context = _Context.of(data, province_id)
    return Findings.of(
        [
            _latest(context),
            _rank_premises(context),
            _region(context),
            _ranks_over_years(context),
            _coverage(context),
            *(_sub_indices(context, year) for year in context.shown),
            *(_equal_pair(context, year) for year in context.shown),
            _selection(context),
            _national_mean(context),
            _region_sub_indices(context),
            _noise(context),
            _baseline(context),
            *(_earlier_plan(context, plan) for plan in data.plans[:-1]),
            _indicators(context),
        ]
    )


# --- the latest year and its rank -----------------------------------------------------------------


def _total_text(row: pd.Series, lang: str) -> str:
    if pd.isna(row["total"]):
        return pick(lang, "tổng điểm chưa công bố", "total not published")
    total = format_number(row["total"], lang)
    if row["total_derived"]:
        parts = " + ".join(format_number(row[measure], lang) for measure in SUB_INDEX_MEASURES)
        return pick(
            lang,
            f"tổng điểm {total} (tổng cộng từ 4 CSTP: {parts}; VCCI không công bố tổng điểm)",
            f"total {total} (summed from the four sub-indices: {parts}; VCCI published no total)",
        )
    return pick(lang, f"tổng điểm {total} (công bố)", f"total {total} (published)")


def _rank_text(row: pd.Series, lang: str) -> str:
    status, count = row["rank_status"], row["provinces_ranked"]
    best, worst = row["rank_best"], row["rank_worst"]
    texts = {
        ranks.PUBLISHED: (f"xếp hạng {best}/{count} (công bố)", f"rank {best}/{count} (published)"),
        ranks.IMPLIED: (
            f"xếp hạng {best}/{count} (không được công bố, nhưng suy ra được từ các bảng đã lưu "
            "với các tiền đề nêu dưới đây)",
            f"rank {best}/{count} (not published, but implied by the stored tables under the "
            "premises below)",
        ),
        ranks.BOUNDED: (
            f"xếp hạng chưa công bố; các bảng đã lưu giới hạn trong khoảng {best}–{worst}/{count} "
            "(tiền đề nêu dưới đây)",
            f"rank not published; the stored tables bound it to {best}–{worst}/{count} "
            "(premises below)",
        ),
        ranks.UNKNOWN: (
            "xếp hạng chưa công bố, các bảng đã lưu cũng chưa giới hạn được",
            "rank not published, nor bounded by the stored tables",
        ),
        ranks.CONTRADICTORY: (
            "xếp hạng chưa công bố, và các số liệu đã lưu mâu thuẫn với nhau về thứ hạng",
            "rank not published, and the stored figures contradict each other on it",
        ),
    }
    return pick(lang, *texts[status])


def _latest(context: _Context) -> Sentence | None:
    """The latest year with the province's figures: its total and rank, and how each is known."""
    year = context.latest
    if year is None:
        return None
    row = context.path.loc[year]

    def text(lang):
        province, total, rank = (
            context.name(lang, year),
            _total_text(row, lang),
            _rank_text(row, lang),
        )
        return pick(
            lang,
            f"PGI {year} là năm mới nhất có số liệu của {province}: {total}, {rank}.",
            f"PGI {year} is the latest year with figures for {province}: {total}, {rank}.",
        )

    return _say(text)


def _premise_list(premises: pd.Series, lang: str) -> list[str]:
    listed = [pick(lang, "thứ hạng xếp theo tổng điểm", "ranks follow totals")]
    if premises["derived_totals_compared"]:
        tolerance = format_number(ranks.TOLERANCE, lang)
        listed.append(
            pick(
                lang,
                f"tổng cộng từ 4 CSTP có thể lệch tối đa {tolerance} so với tổng điểm VCCI công bố",
                f"a total summed from the four sub-indices may differ by up to {tolerance} from "
                "the total VCCI would print",
            )
        )
    note = premises["inferred_year_note"]
    if note:
        listed.append(
            pick(
                lang,
                f"năm của các số liệu đã dùng là năm suy ra, nguồn không in năm "
                f"(ghi chú: “{note}”)",
                f"the year of the figures used is inferred, not printed by the source (their "
                f"note: “{note}”)",
            )
        )
    return listed


def _list_reasoning(context: _Context, lang: str) -> str:
    """How the complete list (or else the nearest ranked province above) bounds the rank."""
    premises, year = context.premises, context.latest
    province = context.name(lang, year)
    if pd.isna(premises["list_rank"]) and pd.isna(premises["ranked_ahead_by_total"]):
        return pick(
            lang,
            "các thứ hạng đã công bố và các tổng điểm chênh với tổng điểm của "
            f"{province} vượt sai số làm tròn giới hạn thứ hạng của nó",
            f"the published ranks and the totals that differ from {province}'s beyond "
            "rounding bound its rank",
        )
    if pd.isna(premises["list_rank"]):
        rank = premises["ranked_ahead_by_total"]
        return pick(
            lang,
            f"tổng điểm của {province} thấp hơn tỉnh hạng {rank} vượt sai số làm tròn, nên xếp sau "
            f"hạng {rank}",
            f"{province}'s total is below that of the province ranked {rank} by more than "
            f"rounding, so it ranks below {rank}",
        )
    top, size = premises["list_rank"], premises["list_size"]
    holder = context.name(lang, year, premises["list_province_id"])
    holder_total = format_number(premises["list_total"], lang)
    listed = pick(
        lang,
        f"{size} tỉnh có tổng điểm thấp hơn {holder} (hạng {top}, {holder_total}) chính là "
        f"{size} tỉnh ngoài top {top}",
        f"the {size} provinces whose totals lie below that of {holder} (rank {top}, "
        f"{holder_total}) are exactly the {size} outside the top {top}",
    )
    if not premises["in_list"]:
        return listed + pick(
            lang,
            f"; {province} không thuộc số đó nên nằm trong top {top}",
            f"; {province} is not among them, so it is in the top {top}",
        )
    ahead = premises["provinces_ranked"] - size
    above, below, level = premises["list_above"], premises["list_below"], premises["list_level"]
    within = pick(lang, f", {level} tỉnh chênh trong phạm vi làm tròn", f", {level} within it")
    others = f"the other {ahead} rank" if ahead > 1 else "the other one ranks"
    counted = pick(
        lang,
        f", nên {ahead} tỉnh còn lại xếp trên {province}; trong {size - 1} tỉnh khác của danh "
        f"sách này, {above} tỉnh cao hơn {province} vượt sai số làm tròn, {below} tỉnh thấp hơn",
        f", so {others} ahead of {province}; of the {size - 1} other provinces in that list, "
        f"{above} are above {province} by more than rounding, {below} below",
    )
    return listed + counted + (within if level else "")


def _rank_premises(context: _Context) -> Sentence | None:
    """What an implied or bounded rank of the latest year rests on."""
    premises = context.premises
    if premises is None or premises["rank_status"] not in (ranks.IMPLIED, ranks.BOUNDED):
        return None
    best, worst = premises["rank_best"], premises["rank_worst"]

    def text(lang):
        listed = _premise_list(premises, lang)
        leaves = (
            pick(lang, f"nên chỉ còn hạng {best}", f"which leaves rank {best}")
            if best == worst
            else pick(lang, f"nên còn khoảng hạng {best}–{worst}", f"which leaves {best}–{worst}")
        )
        reasoning = _list_reasoning(context, lang)
        return pick(
            lang,
            f"Thứ hạng này dựa trên {len(listed)} tiền đề: {'; '.join(listed)}. Với các tiền đề "
            f"đó, {reasoning}, {leaves}.",
            f"This rests on {len(listed)} premise{'s' if len(listed) > 1 else ''}: "
            f"{'; '.join(listed)}. Under {'them' if len(listed) > 1 else 'it'}, "
            f"{reasoning}, {leaves}.",
        )

    return _say(text)


# --- the region ---------------------------------------------------------------------------------

_BASIS_PHRASES = {  # Vietnamese, English for one province, English for several
    (ranks.AHEAD, "totals"): (
        "tỉnh có tổng điểm cao hơn vượt sai số làm tròn",
        "province has a total above its own by more than rounding",
        "provinces have totals above its own by more than rounding",
    ),
    (ranks.BEHIND, "totals"): (
        "tỉnh có tổng điểm thấp hơn vượt sai số làm tròn",
        "province has a total below its own by more than rounding",
        "provinces have totals below its own by more than rounding",
    ),
    (ranks.AHEAD, "published ranks"): (
        "tỉnh có thứ hạng công bố cao hơn",
        "province has a better published rank",
        "provinces have better published ranks",
    ),
    (ranks.BEHIND, "published ranks"): (
        "tỉnh có thứ hạng công bố thấp hơn",
        "province has a worse published rank",
        "provinces have worse published ranks",
    ),
}


def _bounded_reason(context: _Context, members: pd.DataFrame, relation: str, lang: str) -> str:
    """Members placed by their rank bounds, named; through the complete list when that is why:
    not in the list of the provinces outside the top k, they are in the top k."""
    year = context.latest
    province = context.name(lang, year)
    names = join_words([context.name(lang, year, pid) for pid in members["province_id"]], lang)
    in_list = context.premises["in_list"]
    through_list = (
        relation == ranks.AHEAD
        and not pd.isna(in_list)
        and bool(in_list)
        and not members["has_figures"].any()
        and not members["in_list"].any()
    )
    if through_list:
        top = context.premises["list_rank"]
        are, they = ("is", "it") if len(members) == 1 else ("are", "they")
        return pick(
            lang,
            f"{names} không có số liệu {year} đã lưu nhưng không thuộc danh sách các tỉnh ngoài "
            f"top {top}, nên thuộc top {top} và xếp trên {province}",
            f"{names}, with no stored {year} figures, {are} not in the list of the provinces "
            f"outside the top {top}, so {they} {are} in the top {top}, ahead of {province}",
        )
    side = (
        pick(lang, "trên", "ahead of") if relation == ranks.AHEAD else pick(lang, "sau", "behind")
    )
    rank, bounds = ("ranks", "its rank") if len(members) == 1 else ("rank", "their ranks")
    return pick(
        lang,
        f"{names} xếp {side} {province} theo giới hạn thứ hạng",
        f"{names} {rank} {side} {province} by the bounds of {bounds}",
    )


def _reasons(context: _Context, relations: pd.DataFrame, lang: str) -> list[str]:
    """Why the members of the region are ahead or behind, by basis."""
    reasons = []
    for relation in (ranks.AHEAD, ranks.BEHIND):
        rows = relations[relations["relation"] == relation]
        for basis in ("totals", "published ranks"):
            count = int((rows["basis"] == basis).sum())
            vi, one, several = _BASIS_PHRASES[relation, basis]
            if count:
                reasons.append(f"{count} {pick(lang, vi, one if count == 1 else several)}")
        bounded = rows[rows["basis"] == "rank bounds"]
        if len(bounded):
            reasons.append(_bounded_reason(context, bounded, relation, lang))
    return reasons


def _region(context: _Context) -> Sentence | None:
    """The province's position in its region in the latest year, and why."""
    year = context.latest
    if year is None:
        return None
    scores, provinces, province_id = (
        context.data.scores,
        context.data.provinces,
        context.province_id,
    )
    size, best, worst, status = ranks.regional_position(scores, provinces, year, province_id)
    if status in (ranks.UNKNOWN, ranks.CONTRADICTORY):
        return None
    relations = ranks.regional_rank_bounds(scores, provinces, year, province_id)

    def text(lang):
        province, region = context.name(lang, year), provinces.region(province_id, lang)
        members = pick(lang, f"{size} tỉnh năm {year}", f"{size} provinces in {year}")
        if year >= MERGER_YEAR:
            members += pick(
                lang,
                f", theo cách chia vùng trước khi sáp nhập {MERGER_YEAR}",
                f", regions as before the {MERGER_YEAR} merger",
            )
        position = (
            f"{best}/{size}"
            if best == worst
            else pick(lang, f"trong khoảng {best}–{worst}/{size}", f"{best}–{worst}/{size}")
        )
        label = pick(lang, *RANK_STATUS_LABELS[status])
        reasons = "; ".join(_reasons(context, relations, lang))
        return pick(
            lang,
            f"Trong vùng {region} ({members}), {province} đứng {position} ({label}): {reasons}.",
            f"In its region, {region} ({members}), {province} is {position} ({label}): {reasons}.",
        )

    return _say(text)


def _ranks_over_years(context: _Context) -> Sentence | None:
    """The rank in every year where it is known or bounded: ranks compare across years."""
    path = context.path
    known = path[path["rank_status"].isin([ranks.PUBLISHED, ranks.IMPLIED, ranks.BOUNDED])]
    if len(known) < 2:
        return None
    spans_merger = known.index.min() < MERGER_YEAR <= known.index.max()

    def item(year, row, lang):
        best, worst, count = row["rank_best"], row["rank_worst"], row["provinces_ranked"]
        rank = f"{best}/{count}" if best == worst else f"{best}–{worst}/{count}"
        said = pick(lang, f"{rank} năm {year}", f"{rank} in {year}")
        if row["rank_status"] != ranks.PUBLISHED:
            said += f" ({pick(lang, *RANK_STATUS_LABELS[row['rank_status']])})"
        return said

    def text(lang):
        province = context.name(lang, int(known.index.max()))
        items = ", ".join(item(year, row, lang) for year, row in known.iterrows())
        merger = pick(
            lang,
            f"; từ {MERGER_YEAR} số tỉnh được xếp hạng giảm, nên so sánh thứ hạng tương đối "
            "(hạng ÷ số tỉnh)",
            f"; from {MERGER_YEAR} fewer provinces are ranked, so compare relative ranks "
            "(rank ÷ provinces ranked)",
        )
        items += merger if spans_merger else ""
        return pick(
            lang,
            f"Thứ hạng của {province} qua các năm (thứ hạng so sánh được giữa các năm, điểm thì "
            f"không, vì phương pháp đã thay đổi): {items}.",
            f"{province}'s rank over the years (ranks compare across years, scores do not: "
            f"methods changed): {items}.",
        )

    return _say(text)


# --- which year the comparison uses, and what it says -------------------------------------------


def _group_count(context: _Context, year: int) -> str:
    """'35–36/63': the fewest and most provinces with a sub-index that year, of those ranked."""
    table = coverage.group_coverage(context.data.scores, context.data.provinces, "sub_indices")
    row = table.set_index("year").loc[year]
    span = f"{row['fewest']}" if row["fewest"] == row["most"] else f"{row['fewest']}–{row['most']}"
    return f"{span}/{row['provinces_ranked']}"


def _coverage(context: _Context) -> Sentence | None:
    """Which year the comparison uses, and whether a later year is too thin to."""
    headline, latest = context.headline, context.latest_sub_indices
    if latest is None:
        return None

    def text(lang):
        share = format_share(coverage.MIN_COVERAGE, lang)
        if headline is None:
            return pick(
                lang,
                f"Không năm nào có điểm CSTP cho ít nhất {share} số tỉnh được xếp hạng: mọi so "
                "sánh được trình bày kèm n, không so sánh nào là so sánh chính.",
                f"No year has sub-indices for at least {share} of the provinces ranked: every "
                "comparison is shown with its n, and none is the headline.",
            )
        counted = _group_count(context, headline)
        if latest == headline:
            return pick(
                lang,
                f"So sánh với các tỉnh khác dùng PGI {headline}, năm mới nhất có điểm CSTP: "
                f"{counted} tỉnh có số liệu, đạt ngưỡng tối thiểu {share} số tỉnh được xếp hạng.",
                f"The comparison with other provinces uses PGI {headline}, the latest year with "
                f"sub-indices: {counted} provinces have them, at least the minimum of {share} of "
                "the provinces ranked.",
            )
        thin = _group_count(context, latest)
        return pick(
            lang,
            f"PGI {latest} còn thưa: chỉ {thin} tỉnh có điểm CSTP (dưới {share}), nên chỉ được "
            f"trình bày bên cạnh PGI {headline} ({counted} tỉnh), năm vẫn dùng làm so sánh chính; "
            "với ít tỉnh như vậy, vị trí và mức trung bình phụ thuộc vào việc tỉnh nào tình cờ "
            "có số liệu.",
            f"PGI {latest} is thin: only {thin} provinces have sub-indices (fewer than {share}), "
            f"so it is shown beside PGI {headline} ({counted} provinces), which stays the "
            "headline comparison; with so few provinces, which ones happen to have figures "
            "decides the position and the mean.",
        )

    return _say(text)


def _relative_clause(rows: pd.DataFrame, relative: str, first: bool, lang: str) -> str | None:
    """'below the others' mean on CSTP 1 · … (33/36, −1.41) and …', or None if no sub-index is."""
    chosen = rows[rows["relative_to_others"] == relative]
    if chosen.empty:
        return None
    items = join_words(
        [
            f"{measure_label(row['measure'], lang)} ({row['position']}/"
            f"{row['provinces_with_data']}, {format_signed(row['gap_to_others'], lang)})"
            for _, row in chosen.iterrows()
        ],
        lang,
    )
    mean = pick(lang, "trung bình các tỉnh khác", "the others' mean") if first else ""
    mean = mean or pick(lang, "trung bình", "it")
    clause = f"{pick(lang, *RELATIVE_LABELS[relative])} {mean} {pick(lang, 'ở', 'on')} {items}"
    if relative == LEVEL:
        margin = format_number(LEVEL_MARGIN, lang)
        clause += pick(
            lang,
            f", chênh không quá {margin}, mức làm tròn của số liệu công bố",
            f", within {margin}, the rounding of published figures",
        )
    return clause


def _sub_indices(context: _Context, year: int) -> Sentence | None:
    """The province's position and gap on each sub-index of `year`: above, level or below the
    others' mean (a gap within rounding is level, not below); a thin year says so."""
    rows = context.rows(year)
    if rows.empty:
        return None
    thin = year != context.headline

    def text(lang):
        clauses: list[str] = []
        for relative in (BELOW, ABOVE, LEVEL):
            clause = _relative_clause(rows, relative, not clauses, lang)
            clauses += [clause] if clause else []
        province = context.name(lang, year)
        head = (
            pick(
                lang,
                f"Ở PGI {year} (năm thưa, không dùng làm so sánh chính), {province} ",
                f"In PGI {year} (thin, not the headline), {province} is ",
            )
            if thin
            else pick(
                lang,
                f"Trong các tỉnh có điểm CSTP năm {year}, {province} ",
                f"Among the provinces with {year} sub-indices, {province} is ",
            )
        )
        return head + "; ".join(clauses) + "."

    return _say(text)


def _equal_pair(context: _Context, year: int) -> Sentence | None:
    """Sub-indices 1 and 2 published equal: what rests on either may hold for one only."""
    if not context.path.loc[year, "equal_sub_indices_1_2"]:
        return None
    value = context.path.loc[year, "sub_index_1"]

    def text(lang):
        number, province = format_number(value, lang), context.name(lang, year)
        first, second = (measure_label(measure, lang) for measure in SUB_INDEX_MEASURES[:2])
        return pick(
            lang,
            f"{first} và {second} năm {year} của {province} được công bố bằng nhau ({number} và "
            f"{number}), có thể do chép nhầm cột này sang cột kia: nhận định về chỉ số này hay "
            "chỉ số kia có thể chỉ đúng với một trong hai.",
            f"{province}'s {year} {first} and {second} were published equal ({number} and "
            f"{number}), possibly one column copied into the other: what is said of either may "
            "hold for only one of them.",
        )

    return _say(text)


def _selection(context: _Context) -> Sentence | None:
    """The headline group chosen for low totals, and what that does to the comparison."""
    year = context.headline
    if year is None:
        return None
    group = selection.comparison_group(context.data.scores, context.data.provinces, year)
    if not group.selected_for_low_totals:
        return None
    pairs, ranked = len(group.correlations), context.data.provinces.ranked(year)

    def text(lang):
        province = context.name(lang, year)
        return pick(
            lang,
            f"{group.from_list} trong {group.provinces} tỉnh có đủ 4 CSTP năm {year} thuộc "
            f"danh sách các tỉnh ngoài top {group.top}, tức một nhóm được chọn vì tổng điểm "
            "thấp. Trong nhóm như vậy, chỉ riêng việc chọn đã khiến điểm cao ở một CSTP đi kèm "
            f"điểm thấp ở CSTP khác (ở đây {group.negative_pairs}/{pairs} cặp CSTP tương quan "
            f"âm), nên các chênh lệch trên chủ yếu so {province} với các tỉnh xếp hạng thấp, "
            f"không phải với cả {ranked} tỉnh.",
            f"{group.from_list} of the {group.provinces} provinces with all four {year} "
            f"sub-indices come from the list of the provinces outside the top {group.top}, a "
            "group selected for low totals. In such a group, selection alone makes a high score "
            f"on one sub-index go with low scores on others (here {group.negative_pairs} of the "
            f"{pairs} pairs of sub-indices are negatively correlated), so the gaps above compare "
            f"{province} mostly with lower-ranked provinces, not with all {ranked}.",
        )

    return _say(text)


def _national_mean(context: _Context) -> Sentence | None:
    """The total against the published national mean, the fair yardstick, year by year."""
    table = context.comparison
    rows = table[
        (table["measure"] == "total") & table["value"].notna() & table["national_mean"].notna()
    ]
    if rows.empty:
        return None
    last = int(rows["year"].max())

    def item(row, lang):
        value = format_number(row["value"], lang)
        if row["derived"]:
            value += pick(lang, " (tổng cộng từ 4 CSTP)", " (summed from the sub-indices)")
        mean = format_number(row["national_mean"], lang)
        gap = format_signed(row["gap_to_national_mean"], lang)
        return pick(
            lang,
            f"{value} so với {mean} năm {row['year']} ({gap})",
            f"{value} against {mean} in {row['year']} ({gap})",
        )

    def text(lang):
        items = "; ".join(item(row, lang) for _, row in rows.iterrows())
        province = context.name(lang, last)
        return pick(
            lang,
            "So với trung bình cả nước do VCCI công bố, thước đo công bằng cho tổng điểm, tổng "
            f"điểm của {province} là: {items}.",
            "Against the published national mean, the fair yardstick for the total, "
            f"{province}'s total is: {items}.",
        )

    return _say(text)


def _region_sub_indices(context: _Context) -> Sentence | None:
    """The province's position in its region on each sub-index of the headline year."""
    year = context.headline
    if year is None:
        return None
    rows = context.rows(year)
    rows = rows[rows["region_position"].notna()]
    if rows.empty:
        return None
    codes = context.data.sub_indices.set_index("sub_index")["code"]

    def text(lang):
        items = ", ".join(
            pick(
                lang,
                f"{row['region_position']}/{row['region_provinces_with_data']} ở {code}",
                f"{row['region_position']}/{row['region_provinces_with_data']} on {code}",
            )
            for code, (_, row) in zip(
                codes[[SUB_INDEX_MEASURES.index(m) + 1 for m in rows["measure"]]],
                rows.iterrows(),
                strict=True,
            )
        )
        region, province = (
            context.data.provinces.region(context.province_id, lang),
            context.name(lang, year),
        )
        return pick(
            lang,
            f"Trong vùng {region}, vị trí của {province} về điểm CSTP năm {year} trong các tỉnh "
            f"có số liệu: {items}.",
            f"Within {region}, {province}'s position on the {year} sub-indices among the "
            f"provinces with data: {items}.",
        )

    return _say(text)


def _noise(context: _Context) -> Sentence | None:
    """What the missing (or published) intervals mean for gaps of a few tenths."""
    year = context.headline
    if year is None:
        return None
    if coverage.intervals_published(context.data.scores, [year]):
        rows = context.rows(year, (*SUB_INDEX_MEASURES, "total"))
        rows = rows[rows["gap_within_intervals"].notna()]
        inside = int(rows["gap_within_intervals"].sum())

        def with_intervals(lang):
            province = context.name(lang, year)
            return pick(
                lang,
                f"Với các khoảng tin cậy đã công bố ({len(rows)} số liệu năm {year} của "
                f"{province}), {inside} chênh lệch so với trung bình các tỉnh khác nằm trong "
                "khoảng tin cậy: các chênh lệch đó có thể chỉ là nhiễu.",
                f"Where intervals are published ({len(rows)} of {province}'s {year} figures), "
                f"{inside} of its gaps to the others' mean lie inside them: those gaps may be "
                "noise.",
            )

        return _say(with_intervals)
    firms = context.data.editions.set_index("year")["firms_surveyed"].get(year)
    known = firms is not None and not pd.isna(firms)
    per_province = round(firms / context.data.provinces.ranked(year)) if known else None

    def text(lang):
        survey = ","
        if per_province is not None:
            firms_text, per_text = format_count(int(firms), lang), format_count(per_province, lang)
            survey = pick(
                lang,
                f". PGI {year} dựa trên khảo sát {firms_text} doanh nghiệp, bình quân khoảng "
                f"{per_text} doanh nghiệp mỗi tỉnh,",
                f". PGI {year} rests on a survey of {firms_text} firms, about {per_text} per "
                "province on average,",
            )
        return pick(
            lang,
            f"VCCI không công bố khoảng tin cậy{survey} nên chênh lệch vài phần mười điểm giữa "
            "các tỉnh có thể chỉ là nhiễu do chọn mẫu.",
            f"VCCI publishes no confidence intervals{survey} so differences of a few tenths of "
            "a point between provinces may be sampling noise.",
        )

    return _say(text)


# --- timing: the plans and the surveys ----------------------------------------------------------


def _plan_text(plan: Plan, lang: str) -> str:
    date = format_date(plan.issued, lang)
    return pick(lang, f"Kế hoạch {plan.number} ({date})", f"Plan {plan.number} ({date})")


def _stored_surveys(context: _Context) -> pd.DataFrame:
    """The editions with stored scores, from `timing.plans_and_surveys`."""
    return context.surveys[context.surveys["provinces_with_figures"] > 0]


def _later_survey(row: pd.Series, plan: Plan, lang: str) -> str:
    """A stored edition whose survey may follow the plan."""
    if row[plan.number] == timing.SAME_YEAR:
        return pick(
            lang,
            f"Khảo sát của PGI {row['year']} diễn ra trong năm ban hành kế hoạch, không rõ "
            "tháng: có thể phản ánh một phần kế hoạch.",
            f"The PGI {row['year']} survey took place in the plan's year, months unknown: it "
            "may partly reflect the plan.",
        )
    return pick(
        lang,
        f"Khảo sát của PGI {row['year']} diễn ra sau kế hoạch: có thể phản ánh kế hoạch.",
        f"The PGI {row['year']} survey took place after the plan: it can reflect it.",
    )


def _expected_survey(row: pd.Series, lang: str) -> str:
    """The first survey that can reflect the plan, and when its edition may appear."""
    said = pick(
        lang,
        f"Cuộc khảo sát đầu tiên có thể phản ánh kế hoạch là khảo sát năm {row['survey_year']} "
        f"(PGI {row['year']}, tháng khảo sát không được công bố)",
        f"The first survey that can reflect it is that of {row['survey_year']} (PGI "
        f"{row['year']}; survey months are not published)",
    )
    if pd.isna(row["expected_from"]):
        return said + "."
    start, end = row["expected_from"], row["expected_to"]
    when = format_month_span(start.year, start.month, end.month, lang)
    return said + pick(
        lang,
        f"; nếu theo quy luật của các kỳ trước, PGI {row['year']} sẽ được công bố khoảng {when}: "
        "đây là quy luật, không phải lịch đã công bố.",
        f"; if the pattern of the editions so far holds, PGI {row['year']} would be published "
        f"around {when}: a pattern, not an announced date.",
    )


def _baseline(context: _Context) -> Sentence | None:
    """Every stored score that predates the plan is its baseline; which survey first can
    reflect it."""
    plan = context.data.plans[-1]
    stored = _stored_surveys(context)
    before = stored[stored[plan.number] == timing.BEFORE]
    later = stored[stored[plan.number] != timing.BEFORE]
    surveys = context.surveys
    expected = surveys[
        (surveys["year"] == timing.first_survey_year_reflecting(plan))
        & (surveys["status"] == timing.EXPECTED)
    ]
    if before.empty and later.empty and expected.empty:
        return None

    def text(lang):
        parts = []
        if len(before):
            years, survey_years = (
                format_years(before[c].tolist()) for c in ("year", "survey_year")
            )
            parts.append(
                pick(
                    lang,
                    f"Các điểm PGI {years} đã lưu đều từ các cuộc khảo sát năm {survey_years}, "
                    f"trước {_plan_text(plan, lang)}: kế hoạch không thể tác động đến chúng; đó "
                    "là mốc ban đầu để đánh giá kế hoạch.",
                    f"The stored PGI {years} scores all come from surveys of {survey_years}, "
                    f"before {_plan_text(plan, lang)}: the plan cannot have affected them; they "
                    "are the baseline it will be judged against.",
                )
            )
        parts += [_later_survey(row, plan, lang) for _, row in later.iterrows()]
        parts += [_expected_survey(row, lang) for _, row in expected.iterrows()]
        return " ".join(parts)

    return _say(text)


def _earlier_plan(context: _Context, plan: Plan) -> Sentence | None:
    """Which stored scores an earlier plan may have affected: only surveys of its year or later."""
    stored = _stored_surveys(context)
    if stored.empty:
        return None
    years = {
        timing_: format_years(stored.loc[stored[plan.number] == timing_, "year"].tolist())
        for timing_ in (timing.SAME_YEAR, timing.BEFORE, timing.AFTER)
    }

    def text(lang):
        phrases = {
            timing.SAME_YEAR: (
                f"được ban hành trong năm khảo sát của PGI {years[timing.SAME_YEAR]}, mà tháng "
                f"khảo sát không được công bố: PGI {years[timing.SAME_YEAR]} có thể phản ánh "
                "hoặc chưa phản ánh kế hoạch này",
                f"was issued in the year of the PGI {years[timing.SAME_YEAR]} survey, whose "
                f"months are not published: PGI {years[timing.SAME_YEAR]} may or may not reflect "
                "it",
            ),
            timing.BEFORE: (
                f"PGI {years[timing.BEFORE]} có trước nó",
                f"PGI {years[timing.BEFORE]} predate it",
            ),
            timing.AFTER: (
                f"khảo sát của PGI {years[timing.AFTER]} diễn ra sau nó",
                f"the PGI {years[timing.AFTER]} surveys came after it",
            ),
        }
        parts = [pick(lang, *phrases[key]) for key, listed in years.items() if listed]
        return f"{_plan_text(plan, lang)} " + "; ".join(parts) + "."

    return _say(text)


def _indicators(context: _Context) -> Sentence | None:
    """Indicator-level values: none stored means no indicator's own result is known."""
    if context.latest is None:
        return None
    stored = context.data.indicator_scores
    stored = stored[stored["province_id"] == context.province_id]

    def text(lang):
        if stored.empty:
            return pick(
                lang,
                "Chưa lưu giá trị của từng chỉ số, nên chưa thể đặt kết quả của một chỉ số bên "
                "cạnh các cơ quan được giao chỉ số đó. Bảng phân công theo CSTP chỉ đặt các chỉ "
                "số của mỗi cơ quan bên cạnh điểm của CSTP chứa chúng (điểm của cả CSTP, không "
                "của riêng cơ quan nào) và không tính chênh lệch cho từng cơ quan.",
                "No indicator-level values are stored, so no indicator's own result can be set "
                "beside the bodies assigned to it. The exposure table sets each body's "
                "indicators beside the score of their sub-index (which belongs to the whole "
                "sub-index, not to any body) and gives no gap per body.",
            )
        count, province = stored["indicator_id"].nunique(), context.name(lang, context.latest)
        years = format_years(sorted(stored["year"].unique()))
        return pick(
            lang,
            f"Đã lưu giá trị của {count} chỉ số cho {province} ({years}); kết quả của từng chỉ "
            "số được đặt bên cạnh các cơ quan được giao, không tính trung bình cho từng cơ quan.",
            f"Indicator-level values are stored for {count} indicators of {province} ({years}); "
            "each is set beside the bodies assigned to it, with no average per body.",
        )

    return _say(text)
