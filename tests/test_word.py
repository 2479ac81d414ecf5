"""The Word report read back as Word or LibreOffice would open it: A4, numbered captions that
Word renumbers, figures no wider than the text column, the plan in the text and the footer,
styles an official can change, and the same bytes from the same content."""

import io
import re
import zipfile
from datetime import UTC

import docx
import pandas as pd
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from pgi_analysis import paths, word
from pgi_analysis.annual_report import report_document, report_path
from pgi_analysis.outcomes import load_outcome_data


def _small_document(tmp_path, lang="vi") -> word.Document:
    from PIL import Image

    picture = tmp_path / "wide.png"
    Image.new("RGB", (3000, 1000), "white").save(picture, dpi=(100, 100))  # 76 cm wide
    return word.Document(
        lang=lang,
        title="Tiêu đề",
        subtitle="Theo *Kế hoạch* số 18/KH-UBND",
        footer="Kế hoạch số 18/KH-UBND · 21/01/2026",
        sections=[
            word.Section(
                "1. Phần một",
                findings=["Một kết luận có `mã` và **chữ đậm**."],
                paragraphs=["Một lưu ý."],
                figures=[word.Figure(picture, "Một hình rộng", "Nguồn: thử")],
                tables=[word.Table("Một bảng", pd.DataFrame({"Năm": ["2024"]}), "Nguồn: thử")],
            )
        ],
    )


def _read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _captions(document) -> list[str]:
    """Caption paragraphs as Word shows them, field results included (which python-docx's
    `paragraph.text` leaves out)."""
    return [
        "".join(node.text or "" for node in paragraph._p.iter(qn("w:t")))
        for paragraph in document.paragraphs
        if paragraph.style.name == "Caption"
    ]


def test_a_document_is_a4_with_its_styles_captions_and_footer(tmp_path):
    data = word.document_bytes(_small_document(tmp_path))
    document = _read(data)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert document.inline_shapes[0].width <= Cm(word.TEXT_WIDTH_CM)  # shrunk to the column
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert styles[:2] == ["Title", "Subtitle"]
    assert {"Heading 1", "List Bullet", "Caption", word.SOURCE_STYLE} <= set(styles)
    assert _captions(document) == ["Hình 1. Một hình rộng", "Bảng 1. Một bảng"]
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:instr=" SEQ Hình \\* ARABIC "' in body  # Word renumbers the captions
    (finding,) = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    runs = finding.runs  # emphasis by character style, not by hand
    assert [run.style.name for run in runs if run.text == "chữ đậm"] == ["Strong"]
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert footer.startswith("Kế hoạch số 18/KH-UBND · 21/01/2026 · Trang")
    assert document.tables[0].rows[0].cells[0].text == "Năm"


def test_the_same_content_gives_the_same_bytes_with_a_fixed_date(tmp_path):
    first = word.document_bytes(_small_document(tmp_path))
    assert first == word.document_bytes(_small_document(tmp_path))
    properties = _read(first).core_properties
    fixed = word.FIXED_TIME.replace(tzinfo=UTC)
    assert properties.created == properties.modified == fixed
    dates = {entry.date_time for entry in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert dates == {word.FIXED_TIME.timetuple()[:6]}


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_annual_report_carries_every_figure_the_findings_and_the_plan(committed_pgi, lang):
    data = load_outcome_data(committed_pgi)
    document = report_document(lang, data, paths.FIGURES_FOLDER)
    written = word.document_bytes(document)
    assert written == word.document_bytes(report_document(lang, data, paths.FIGURES_FOLDER))
    read = _read(written)
    assert len(read.inline_shapes) >= 8
    assert all(shape.width <= Cm(16.5) for shape in read.inline_shapes)
    label = "Hình" if lang == "vi" else "Figure"
    captions = _captions(read)
    numbers = [int(m[1]) for text in captions if (m := re.match(rf"{label} (\d+)\. ", text))]
    assert numbers == list(range(1, len(read.inline_shapes) + 1))
    text = "\n".join(p.text for p in read.paragraphs)
    assert "18/KH-UBND" in read.paragraphs[1].text and "18/KH-UBND" in text
    decimal = "22,63" if lang == "vi" else "22.63"  # Lạng Sơn's 2024 total, summed
    assert decimal in text
    assert report_path(lang).name == (
        "bao_cao_pgi_18-KH-UBND_2026.docx" if lang == "vi" else "pgi_report_18-KH-UBND_2026_en.docx"
    )
