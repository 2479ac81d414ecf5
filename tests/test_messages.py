"""The message catalogue: both languages say the same things, and errors list their problems."""

import re

import pytest

from pgi_analysis.errors import SHOWN_PROBLEMS, InputError
from pgi_analysis.messages import CATALOGUE, counted, message


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_take_the_same_values(key):
    vietnamese, english = CATALOGUE[key]
    fields = [set(re.findall(r"\{(\w+)", text)) for text in (vietnamese, english)]
    assert fields[0] == fields[1]


def test_a_message_is_put_into_words_in_either_language_with_its_parts():
    where = message("row_column", row=3, column="total")
    assert where.text("vi") == "dòng 3, cột total"
    nested = message("skipped_same", figures=counted(2, "figure"), shown="…")
    assert nested.text("en") == "skipped 2 figures stored with the same value: …"
    assert nested.text("vi") == "bỏ qua 2 số liệu đã lưu với cùng giá trị: …"
    assert str(counted(1, "row")) == "1 row"
    with pytest.raises(KeyError):
        message("no_such_message")


def test_one_problem_is_one_line_and_many_are_counted_then_listed():
    one = InputError("f.csv", message("file_empty"))
    assert InputError.listing([one, one]) is one  # the same problem once
    many = [InputError("f.csv", message("no_year"), message("row", row=n)) for n in range(2, 30)]
    listed = InputError.listing(many).text("vi").split("\n")
    assert listed[0] == "f.csv: 28 lỗi:"
    assert listed[1] == "  dòng 2: thiếu năm: điền cột year hoặc dùng --year"
    assert len(listed) == 1 + SHOWN_PROBLEMS + 1 and listed[-1] == "  … và 8 lỗi khác"
    elsewhere = InputError("other.csv", "plain text", "row 5")
    assert InputError.listing([many[0], elsewhere]).text().split("\n")[1:] == [
        "  row 2: no year: fill in the year column or pass --year",
        "  other.csv, row 5: plain text",
    ]
