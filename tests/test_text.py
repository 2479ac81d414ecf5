import unicodedata

import pytest

from pgi_analysis.text import name_key, new_style_tones, normalize_text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoá", "hóa"),
        ("Thuỷ", "Thủy"),
        ("Uỷ ban", "Ủy ban"),
        ("khoẻ", "khỏe"),
        ("Sở Văn hoá, Thể thao", "Sở Văn hóa, Thể thao"),
        # closed syllables and "qu" + y are spelled alike in both styles: left alone
        ("cấp thoát nước", "cấp thoát nước"),
        ("hoàn thành", "hoàn thành"),
        ("quý", "quý"),
        ("thuở", "thuở"),
    ],
)
def test_new_style_tones_moves_the_mark_only_in_open_oa_oe_uy(old, new):
    assert new_style_tones(old) == new


def test_normalize_text_composes_and_folds_white_space():
    decomposed = unicodedata.normalize("NFD", "\ufeffLạng  Sơn\n")
    assert normalize_text(decomposed) == "Lạng Sơn"


def test_spellings_of_one_name_share_a_key():
    assert name_key("Đài khí tượng Thuỷ\nvăn tỉnh") == name_key("Đài Khí tượng Thủy văn tỉnh")
    assert name_key("Đồng Đăng-Lạng Sơn") == name_key("Đồng Đăng - Lạng Sơn")
    assert name_key("Sở NN&MT") == ("sở", "nn", "&", "mt")
