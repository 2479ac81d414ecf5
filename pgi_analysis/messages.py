"""What the package tells the people who add and check figures, in Vietnamese and English, in
one place.

A `Message` names an entry of the catalogue and its values; it is put into words only when shown,
in the reader's language: `--lang`, else the locale (LC_ALL, LC_MESSAGES or LANG starting with
"vi" means Vietnamese). Values that are messages themselves are put into the same language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES = ("vi", "en")  # Vietnamese first: the plan's own language


@dataclass(frozen=True)
class Message:
    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = "en") -> str:
        vi, en = CATALOGUE[self.key]
        values = {name: words(value, lang) for name, value in self.values}
        return (vi if lang == "vi" else en).format(**values)

    def __str__(self) -> str:
        return self.text("en")


Words = str | Message


def message(key: str, **values: object) -> Message:
    """The catalogue entry `key` with its values; an unknown key fails at once."""
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Message(key, tuple(values.items()))


def words(part: object, lang: str = "en") -> object:
    """A message in `lang`; anything else as it is (text from outside the catalogue stays)."""
    return part.text(lang) if isinstance(part, Message) else part


def counted(count: int, noun: str) -> Message:
    """ "1 figure", "3 figures": the catalogue's `<noun>_one` or `<noun>_many`."""
    return message(f"{noun}_{'one' if count == 1 else 'many'}", count=count)


def default_language(environ: Mapping[str, str] = os.environ) -> str:
    """The language of the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return "vi" if environ[name].lower().startswith("vi") else "en"
    return "en"


# key: (Vietnamese, English). str.format fields; `!r` quotes a value as Python does.
CATALOGUE: dict[str, tuple[str, str]] = {
    # Places and lists of problems
    "row": ("dòng {row}", "row {row}"),
    "row_column": ("dòng {row}, cột {column}", "row {row}, column {column}"),
    "line": ("dòng {line}", "line {line}"),
    "cell": ("ô {cell}", "cell {cell}"),
    "column": ("cột {column}", "column {column}"),
    "problems": ("{count} lỗi:", "{count} problems:"),
    "more_problems": ("… và {count} lỗi khác", "… and {count} more"),
    # Reading files
    "no_such_file": ("không có tệp này", "no such file"),
    "file_unreadable": ("không đọc được tệp ({problem})", "cannot read the file ({problem})"),
    "not_utf8": (
        "không phải văn bản UTF-8 (byte 0x{byte:02x}); hãy lưu tệp dạng UTF-8{hint}",
        "not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8{hint}",
    ),
    "csv_utf8_hint": (" (trong Excel: Lưu thành, CSV UTF-8)", " (in Excel: Save As, CSV UTF-8)"),
    "csv_unreadable": (
        "không đọc được tệp CSV ({problem})",
        "cannot read the CSV file ({problem})",
    ),
    "xlsx_unreadable": (
        "không đọc được sổ tính ({problem}); hãy mở tệp bằng Excel và lưu lại dạng .xlsx",
        "cannot read the workbook ({problem}); open it in Excel and save it again as .xlsx",
    ),
    "xlsx_too_large": (
        "có giá trị ở ô {cell} của trang {sheet!r}, ngoài {rows} dòng và {columns} cột mà một "
        "bảng ở đây được dùng: hãy xóa giá trị đó, hoặc chép bảng sang một trang tính mới",
        "a value in cell {cell} of sheet {sheet!r}, outside the {rows} rows and {columns} "
        "columns a table here may use: delete it, or copy the table to a new sheet",
    ),
    "formula_not_saved": (
        "công thức {formula} chưa có kết quả được lưu: hãy mở tệp bằng Excel, lưu lại, rồi thử lại",
        "the formula {formula} has no saved result: open the file in Excel and save it, then "
        "try again",
    ),
    # Files of figures
    "not_csv_or_xlsx": (
        "cần tệp .csv hoặc .xlsx (hãy lưu tệp .xls hoặc .ods thành .xlsx)",
        "expected a .csv or .xlsx file (save .xls or .ods files as .xlsx)",
    ),
    "file_empty": ("tệp không có dữ liệu", "the file is empty"),
    "column_twice": ("cột {column!r} xuất hiện hai lần", "column {column!r} appears twice"),
    "column_unnamed": (
        "cột này có số liệu nhưng không có tên ở dòng tiêu đề",
        "this column has figures but no name in the header",
    ),
    "column_unknown": (
        "cột lạ {column!r}; các cột được dùng: {expected}",
        "unknown column {column!r}; expected: {expected}",
    ),
    "column_missing": ("thiếu cột {column!r}", "no {column!r} column"),
    "no_figure_columns": (
        "không có số liệu: hãy đặt tên các cột {columns} (hoặc measure và value)",
        "no figures: name the columns {columns} (or measure and value)",
    ),
    "no_figures_to_add": (
        "không có số liệu để thêm: mọi dòng đều trống, trừ tỉnh và năm",
        "no figures to add: every row is blank apart from province and year",
    ),
    # Cells
    "not_a_number": (
        "{text!r} không phải là số (viết 17.33 hoặc 17,33)",
        "{text!r} is not a number (write 17.33 or 17,33)",
    ),
    "not_finite": ("{text!r} không phải là số", "{text!r} is not a number"),
    "no_year": (
        "thiếu năm: điền cột year hoặc dùng --year",
        "no year: fill in the year column or pass --year",
    ),
    "not_a_year": ("{text!r} không phải là năm", "{text!r} is not a year"),
    "year_differs": (
        "năm {year} khác với --year {default}",
        "year {year} differs from --year {default}",
    ),
    "year_outside": (
        "năm {year} nằm ngoài các năm có PGI, từ {first} đến {latest}",
        "year {year} is outside the PGI's years, {first} to {latest}",
    ),
    "no_source": (
        "thiếu nguồn: điền cột source_url hoặc dùng --source",
        "no source: fill in source_url or pass --source",
    ),
    "source_not_url": (
        "nguồn {url!r} không phải là địa chỉ web (http:// hoặc https://)",
        "source {url!r} is not a web address (http:// or https://)",
    ),
    "measure_unknown": (
        "chỉ tiêu lạ {text!r}; cần một trong: {expected}",
        "unknown measure {text!r}; expected one of {expected}",
    ),
    "indicator_ambiguous": (
        "mã chỉ số {text!r} không rõ: viết {short} hoặc {long} (dạng văn bản)",
        "ambiguous indicator id {text!r}: write {short} or {long} (as text)",
    ),
    "indicator_form": (
        "indicator_id {text!r} không có dạng 1.01 (số CSTP, dấu chấm, hai chữ số)",
        "indicator_id {text!r} is not like 1.01 (sub-index, point, two digits)",
    ),
    "indicator_unknown": (
        "indicator_id {text} không có trong data/reference/indicators.csv",
        "indicator_id {text} is not in data/reference/indicators.csv",
    ),
    "mean_no_rank": ("trung bình cả nước không có xếp hạng", "the national mean has no rank"),
    "rank_range": (
        "xếp hạng phải là số nguyên từ 1 đến {count}, không phải {shown}",
        "rank must be a whole number from 1 to {count}, not {shown}",
    ),
    "measure_range": (
        "{measure} phải từ {low} đến {high}, không phải {shown}",
        "{measure} must be between {low} and {high}, not {shown}",
    ),
    "share_range": (
        "chỉ số {indicator_id} (đơn vị {unit}) phải từ 0 đến 100, không phải {shown}",
        "indicator {indicator_id} (unit {unit}) must be between 0 and 100, not {shown}",
    ),
    "count_range": (
        "chỉ số {indicator_id} (một số đếm) phải từ 0 trở lên, không phải {shown}",
        "indicator {indicator_id} (a count) must be 0 or more, not {shown}",
    ),
    "firms_count": (
        "firms_surveyed phải là số nguyên từ 1 trở lên, không phải {shown}",
        "firms_surveyed must be a whole number of at least 1, not {shown}",
    ),
    "interval_half": (
        "có {present} mà thiếu {missing}: điền cả hai đầu của khoảng tin cậy, hoặc bỏ trống cả hai",
        "{present} without {missing}: fill in both ends of the interval, or neither",
    ),
    "no_interval": (
        "{measure} không có khoảng tin cậy; chỉ điểm CSTP và tổng điểm mới có",
        "a {measure} has no confidence interval; only the scores have one",
    ),
    "interval_outside": (
        "khoảng tin cậy từ {low} đến {high} không chứa số liệu {value}",
        "the interval {low} to {high} does not contain the figure {value}",
    ),
    # Figures against each other and against the store
    "nothing": ("không có", "nothing"),
    "stored_at": ("{text} ({file}, {where})", "{text} ({file}, {where})"),
    "replaces_mismatch": (
        "{label} thay cho {replaces}, nhưng số đã lưu là {stored}",
        "{label} replaces {replaces}, but the stored figure is {stored}",
    ),
    "contradicts_stored_file": (
        "{label} {text} mâu thuẫn với {old} trong {file}, {where}",
        "{label} {text} contradicts {old} in {file}, {where}",
    ),
    "contradicts_row": (
        "{label} {text} mâu thuẫn với {old} ở dòng {row} của tệp này",
        "{label} {text} contradicts {old} in row {row} of this file",
    ),
    "contradicts_store": (
        "{label} {text} mâu thuẫn với {old} đã lưu trong {file}, {where} (nguồn {source}); hãy "
        "kiểm tra lại số liệu, hoặc dùng --replace nếu nguồn đã đính chính",
        "{label} {text} contradicts {old} stored in {file}, {where} (source {source}); check "
        "the figure, or pass --replace if the source corrects it",
    ),
    "total_vs_sum": (
        "{year} {province}: tổng điểm {total} khác tổng các CSTP ({parts} = {summed:.2f}) quá "
        "{tolerance}",
        "{year} {province}: total {total} differs from the sum of the sub-indices "
        "({parts} = {summed:.2f}) by more than {tolerance}",
    ),
    "rank_shared": (
        "{year}: hạng {rank} được ghi cho cả {first} và {second}",
        "{year}: rank {rank} is given to both {first} and {second}",
    ),
    "rank_against_total": (
        "{year}: {worse} xếp hạng {worse_rank} với tổng điểm {worse_total}, sau {better} xếp "
        "hạng {better_rank} với tổng điểm thấp hơn {better_total} (chênh quá {tolerance})",
        "{year}: {worse} is ranked {worse_rank} with total {worse_total}, behind {better} "
        "ranked {better_rank} with the lower total {better_total} (more than {tolerance} apart)",
    ),
    "store_busy": (
        "một lệnh scores add khác đang chạy (từ {holder}); hãy thử lại. Nếu không có lệnh nào "
        "đang chạy, hãy xóa tệp này",
        "another scores add is running (since {holder}); try again. If none is running, "
        "delete this file",
    ),
    "file_exists": (
        "tệp đã có; dùng --force để ghi đè (số liệu đã điền trong tệp sẽ mất)",
        "the file exists; pass --force to overwrite it (figures filled in would be lost)",
    ),
    # What an add did
    "figure_one": ("1 số liệu", "1 figure"),
    "figure_many": ("{count} số liệu", "{count} figures"),
    "row_one": ("1 dòng", "1 row"),
    "row_many": ("{count} dòng", "{count} rows"),
    "added": ("{file}: đã thêm {figures} vào {target}", "{file}: added {figures} to {target}"),
    "nothing_added": ("{file}: không thêm gì", "{file}: nothing added"),
    "year_counts": ("  {year}: {counts}", "  {year}: {counts}"),
    "year_indicator_values": (
        "  {year}: giá trị chỉ số {count}",
        "  {year}: indicator values {count}",
    ),
    "skipped_same": (
        "bỏ qua {figures} đã lưu với cùng giá trị: {shown}",
        "skipped {figures} stored with the same value: {shown}",
    ),
    "replaced": (
        "đã thay (--replace) {label} {old} bằng {new}",
        "replaced (--replace) {label} {old} by {new}",
    ),
    "repeats": (
        "dòng {row} lặp lại dòng {earlier}: giữ một lần",
        "row {row} repeats row {earlier}: kept once",
    ),
    "ignored_rows": ("bỏ qua {rows} không có số liệu", "ignored {rows} without figures"),
    "same_sub_indices": (
        "cảnh báo: {year} {province}: CSTP 1 và CSTP 2 cùng là {value}; hãy kiểm tra xem có "
        "nhập nhầm cột không",
        "warning: {year} {province}: sub_index_1 and sub_index_2 are both {value}; check that "
        "one was not typed over the other",
    ),
    # Provinces as a file names them
    "province_empty": ("chưa điền tỉnh", "the province is empty"),
    "province_unknown": (
        "không nhận ra tỉnh {name!r}{closest} (xem data/reference/provinces.csv)",
        "unknown province {name!r}{closest} (see data/reference/provinces.csv)",
    ),
    "province_closest": ("; gần nhất: {names}", "; closest: {names}"),
    "province_merged": (
        "{name} thuộc {successor} từ ngày 1/7/2025 (Nghị quyết 202/2025/QH15): hãy viết "
        "{successor} cho năm {year}",
        "{name} is part of {successor} from 1 July 2025 (Resolution 202/2025/QH15): write "
        "{successor} for {year}",
    ),
    # The plan's appendix: the file and its rows
    "binary_file": (
        "đây là tệp nhị phân, không phải Phụ lục dạng văn bản",
        "this is a binary file, not the appendix as text",
    ),
    "no_header_row": (
        "không có dòng tiêu đề với các cột {columns}",
        "no header row with the columns {columns}",
    ),
    "stt_invalid": (
        "STT phải là số thứ tự của một chỉ số, một dòng tiêu đề CSTP (như {example!r}) hoặc để "
        "trống ở dòng viết tiếp chỉ số phía trên ({problem})",
        "STT must be an indicator number, a sub-index heading (like {example!r}) or empty below "
        "an indicator it continues ({problem})",
    ),
    "stt_found": ("ô ghi {text!r}", "found {text!r}"),
    "stt_empty": (
        "ô trống mà phía trên không có dòng chỉ số nào",
        "empty, and no indicator row above",
    ),
    "sub_index_out_of_order": (
        "gặp CSTP {found} trong khi theo thứ tự phải là CSTP {expected}",
        "CSTP {found} where CSTP {expected} was expected",
    ),
    "indicator_before_heading": (
        "có chỉ số đứng trước mọi dòng tiêu đề CSTP (như {example!r})",
        "an indicator before any sub-index heading (like {example!r})",
    ),
    "indicator_out_of_order": (
        "trong CSTP {sub_index}, chỉ số được đánh số {number} trong khi theo thứ tự phải là "
        "{expected}{later}",
        "indicator numbered {number} where {expected}{later} was expected in CSTP {sub_index}",
    ),
    "or_later_number": (" hoặc một số lớn hơn", " or a later number"),
    "no_sub_index_headings": (
        "không có dòng tiêu đề CSTP nào (như {example!r}): đây có phải là Phụ lục của một Kế "
        "hoạch về PGI không?",
        "no sub-index headings (like {example!r}): is this the appendix of a PGI plan?",
    ),
    "sub_index_missing": (
        "thiếu CSTP {sub_index}: PGI có bốn chỉ số thành phần",
        "CSTP {sub_index} is missing: the PGI has four sub-indices",
    ),
    "sub_index_empty": (
        "CSTP {sub_index} không có chỉ số nào",
        "CSTP {sub_index} has no indicators",
    ),
    "text_before_first_indicator": (
        "có nội dung trước chỉ số đầu tiên của CSTP {sub_index}: {text!r}",
        "text before the first indicator of CSTP {sub_index}: {text!r}",
    ),
    "no_coordinators_in_text": (
        "chỉ số {indicator_id}: sau cơ quan chủ trì không có cơ quan phối hợp nào, nên văn bản "
        "không cho biết cột CƠ QUAN CHỦ TRÌ kết thúc ở đâu; hãy kiểm tra lại dòng này, hoặc nhập "
        "Phụ lục thành bảng tính (CSV hoặc XLSX) nếu chỉ số này thật sự không có cơ quan phối hợp",
        "indicator {indicator_id}: no coordinating agencies after the lead, so the text cannot "
        "show where CƠ QUAN CHỦ TRÌ ends; check the row, or type it into the spreadsheet form "
        "(CSV or XLSX) if it really has no coordinators",
    ),
    # The plan's appendix: its indicators against the PGI's
    "indicator_no_name": (
        "chỉ số {indicator_id} không có tên",
        "indicator {indicator_id} has no name",
    ),
    "indicator_unit_only": (
        "chỉ số {indicator_id} có đơn vị nhưng không có tên ({text!r})",
        "indicator {indicator_id} has a unit but no name ({text!r})",
    ),
    "indicator_name_of_other": (
        "chỉ số {indicator_id} mang tên của chỉ số {other} trong PGI ({name!r}): có phải các dòng "
        "bị đổi chỗ, hoặc bị đánh số lại sau khi xóa một dòng?",
        "indicator {indicator_id} has the name of PGI indicator {other} ({name!r}): are rows "
        "swapped, or renumbered after one was removed?",
    ),
    "indicator_not_in_pgi": (
        "chỉ số {indicator_id} ({name!r}) không phải là chỉ số của PGI",
        "indicator {indicator_id} ({name!r}) is not a PGI indicator",
    ),
    "indicator_misnamed": (
        "chỉ số {indicator_id} có tên {name!r}, nhưng chỉ số {indicator_id} của PGI là "
        "{expected!r}",
        "indicator {indicator_id} is named {name!r}, but PGI indicator {indicator_id} is "
        "{expected!r}",
    ),
    "indicators_missing": (
        "thiếu {count} trong số {total} chỉ số của PGI: {listed}; nếu Kế hoạch cố ý không đưa các "
        "chỉ số này vào, hãy đọc Phụ lục như một phần của PGI (tidy --subset)",
        "{count} of the {total} PGI indicators missing: {listed}; if the plan leaves them out on "
        "purpose, read it as a subset (tidy --subset)",
    ),
    # The plan's appendix: its actors
    "no_lead": (
        "chỉ số {indicator_id} không có cơ quan chủ trì (CƠ QUAN CHỦ TRÌ)",
        "indicator {indicator_id} has no lead agency (CƠ QUAN CHỦ TRÌ)",
    ),
    "in_column": (
        "chỉ số {indicator_id}, cột {column}: {problem}",
        "indicator {indicator_id}, {column}: {problem}",
    ),
    "actor_unknown": (
        "không nhận ra chủ thể {fragment!r} (tên gần nhất trong danh mục: {closest}); nếu "
        "đây là một cơ quan có thật, hãy thêm vào một tệp CSV danh mục cơ quan và dùng --gazetteer",
        "unknown actor {fragment!r} (closest known: {closest}); add it to a gazetteer CSV with "
        "--gazetteer if it is a real body",
    ),
    "none": ("không có", "none"),
    "parenthesis_not_closed": (
        "dấu ngoặc đơn chưa được đóng {fragment!r}",
        "a parenthesis is not closed {fragment!r}",
    ),
    "text_after_actor": (
        "sau {name!r} có nội dung không đọc được: {fragment!r}",
        "unexpected text after {name!r} {fragment!r}",
    ),
    # The reference tables and the user's gazetteers
    "gazetteer_unreadable": (
        "không đọc được danh mục cơ quan ({problem})",
        "cannot read the gazetteer ({problem})",
    ),
    "columns_missing": ("thiếu cột {columns}", "missing column(s) {columns}"),
    "agency_unnamed": (
        "agency_id và name_vi không được để trống",
        "agency_id and name_vi must not be empty",
    ),
    "kind_unknown": (
        "loại {kind!r} không thuộc các loại: {kinds}",
        "kind {kind!r} is not one of: {kinds}",
    ),
    "name_taken": ("{name!r} cũng là tên của {owner}", "{name!r} is also a name of {owner}"),
    "province_ids_repeated": (
        "các giá trị province_id không được trùng nhau",
        "province_id values must be unique",
    ),
    "national_mean_names": ("tên của trung bình cả nước", "the national mean's names"),
    "not_a_province": ("{name!r} không phải là tên tỉnh nào", "{name!r} is no province's name"),
    "higher_is_better_invalid": (
        "higher_is_better phải là true hoặc false, không phải {value!r}",
        "higher_is_better must be true or false, not {value!r}",
    ),
    # The tidy command
    "tidy_needs_out": (
        "đây không phải Phụ lục của Kế hoạch, nên các bảng của nó sẽ thay thế các bảng của "
        "{appendix} trong data/processed/: hãy chỉ định thư mục kết quả bằng --out (--out "
        "data/processed nếu thật sự muốn thay thế)",
        "not the plan's appendix, so its tables would replace those of {appendix} in "
        "data/processed/: name the output folder with --out (--out data/processed to replace "
        "them indeed)",
    ),
}
