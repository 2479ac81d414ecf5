"""Writing the report as a Word document an official can file: A4, styles the reader can change in
Word (title, headings, captions, source lines, tables), numbered captions that Word renumbers
("Hình 1." / "Figure 1."), the plan's number and date in the footer, and the same bytes for the
same content.

This module only lays out a `Document` description; `report_document` builds that description
from the package's findings, figures and tables.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pgi_analysis.files import FIXED_TIME, atomic_write_bytes, restamped_zip
from pgi_analysis.plotting import TEXT_WIDTH_CM
from pgi_analysis.vocabulary import pick

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

# A4 with side margins that leave the text column every report figure is drawn for.
PAGE_CM = (21.0, 29.7)
SIDE_MARGIN_CM = (PAGE_CM[0] - TEXT_WIDTH_CM) / 2
MARGINS_CM = {"left": SIDE_MARGIN_CM, "right": SIDE_MARGIN_CM, "top": 2.0, "bottom": 2.0}
# Vietnamese administrative documents are set in Times New Roman, 13–14 pt.
BODY_FONT, BODY_SIZE, SMALL_SIZE = "Times New Roman", 13, 10
SOURCE_STYLE = "Source"  # the line under a figure or table saying where its data come from
CAPTION_LABELS = {"figure": ("Hình", "Figure"), "table": ("Bảng", "Table")}
_EMPHASIS = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)")


@dataclass(frozen=True)
class Figure:
    path: Path
    caption: str
    source: str


@dataclass(frozen=True)
class Table:
    caption: str
    rows: pd.DataFrame  # text as it is to be printed; the columns are the headers
    source: str


@dataclass(frozen=True)
class Section:
    heading: str
    findings: Sequence[str] = ()  # one bullet each (Markdown emphasis and `code` allowed)
    paragraphs: Sequence[str] = ()  # caveats and methods, after the findings
    figures: Sequence[Figure] = ()
    tables: Sequence[Table] = ()


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    subtitle: str
    footer: str  # before the page number
    sections: Sequence[Section] = field(default_factory=tuple)


def _set_styles(document: DocxDocument) -> None:
    """Define the styles the report uses, so that an official changes a style, not each run."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = document.styles
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Caption"):
        # Every script's font, and no theme font, which would take precedence in Word.
        fonts = styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in list(fonts.attrib):
            if attribute.endswith("Theme"):
                del fonts.attrib[attribute]
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), BODY_FONT)
    styles["Normal"].font.size = Pt(BODY_SIZE)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Caption"):
        styles[name].font.color.rgb = RGBColor(0, 0, 0)
    styles["Caption"].font.size = Pt(SMALL_SIZE + 1)
    styles["Caption"].font.bold = True
    styles["Caption"].font.italic = False
    source = styles.add_style(SOURCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    source.base_style = styles["Normal"]
    source.font.size = Pt(SMALL_SIZE)
    source.font.italic = True
    source.paragraph_format.space_after = Pt(10)


def _set_page(document: DocxDocument) -> None:
    from docx.shared import Cm

    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    for side, size in MARGINS_CM.items():
        setattr(section, f"{side}_margin", Cm(size))


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, SEQ …) with the value to show until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _add_text(paragraph: Paragraph, text: str) -> None:
    """Markdown-lite into runs: *emphasis* and **strong** as Word's character styles, `code` as
    plain text."""
    for part in _EMPHASIS.split(text):
        if part.startswith("**"):
            paragraph.add_run(part[2:-2], style="Strong")
        elif part.startswith("*"):
            paragraph.add_run(part[1:-1], style="Emphasis")
        elif part.startswith("`"):
            paragraph.add_run(part[1:-1])
        elif part:
            paragraph.add_run(part)


def _caption(document: DocxDocument, kind: str, number: int, text: str, lang: str) -> None:
    label = pick(lang, *CAPTION_LABELS[kind])
    paragraph = document.add_paragraph(style="Caption")
    paragraph.add_run(f"{label} ")
    _field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
    _add_text(paragraph, f". {text}")


def _footer(document: DocxDocument, text: str, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{text} · {pick(lang, 'Trang', 'Page')} ")
    _field(paragraph, "PAGE", "1")


def _picture(document: DocxDocument, path: Path) -> None:
    """The figure at the size it was drawn for (its PNG's dpi), never wider than the column."""
    from docx.shared import Cm

    document.add_picture(str(path))
    shape = document.inline_shapes[-1]
    if shape.width > Cm(TEXT_WIDTH_CM):
        shape.height = int(shape.height * Cm(TEXT_WIDTH_CM) / shape.width)
        shape.width = Cm(TEXT_WIDTH_CM)


def _table(document: DocxDocument, rows: pd.DataFrame) -> None:
    table = document.add_table(rows=1, cols=len(rows.columns), style="Table Grid")
    for cell, header in zip(table.rows[0].cells, rows.columns, strict=True):
        _add_text(cell.paragraphs[0], f"**{header}**")
    _repeat_as_header(table.rows[0])
    for values in rows.itertuples(index=False):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.paragraphs[0].add_run(str(value))


def _repeat_as_header(row) -> None:
    """Repeat the header row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def build(document: Document) -> DocxDocument:
    """The Word document described by `document`."""
    import docx

    word = docx.Document()
    _set_styles(word)
    _set_page(word)
    word.add_paragraph(document.title, style="Title")
    _add_text(word.add_paragraph(style="Subtitle"), document.subtitle)
    _footer(word, document.footer, document.lang)
    figures = tables = 0
    for section in document.sections:
        word.add_heading(section.heading, level=1)
        for finding in section.findings:
            _add_text(word.add_paragraph(style="List Bullet"), finding)
        for paragraph in section.paragraphs:
            _add_text(word.add_paragraph(), paragraph)
        for figure in section.figures:
            figures += 1
            _picture(word, figure.path)
            _caption(word, "figure", figures, figure.caption, document.lang)
            _add_text(word.add_paragraph(style=SOURCE_STYLE), figure.source)
        for table in section.tables:
            tables += 1
            _caption(word, "table", tables, table.caption, document.lang)
            _table(word, table.rows)
            _add_text(word.add_paragraph(style=SOURCE_STYLE), table.source)
    properties = word.core_properties
    properties.title, properties.language = document.title, document.lang
    return word


def document_bytes(document: Document) -> bytes:
    """The .docx bytes, which depend on the content only: the core properties' dates and every
    zip entry carry one fixed date (the same as the workbook's)."""

    word = build(document)
    properties = word.core_properties
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.author = properties.last_modified_by = "pgi-analysis"
    properties.revision = 1
    buffer = io.BytesIO()
    word.save(buffer)
    return restamped_zip(buffer.getvalue())


def write_document(path: Path, document: Document) -> Path:
    atomic_write_bytes(Path(path), document_bytes(document))
    return Path(path)
