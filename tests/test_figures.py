"""The figure registry, and every figure ready for an A4 report: drawn from small hand-made plans
in both languages (fast), and once for real (`integration`): at most 16 × 24 cm, no text under
7 pt, nothing cut or drawn over other text, every letter in the house font, one decimal mark per
language, a source line, the same bytes twice; shown in notebooks from fresh data."""

import re
import subprocess
import sys

import nbformat
import pytest

from pgi_analysis import figures, paths, plotting, responsibility_figures, vocabulary

NAMES = [entry.name for entry in figures.FIGURES]
# Characters an English figure may use beyond ASCII: none of them Vietnamese
ENGLISH_EXTRAS = set("×·–→−“”’")
# Words an official would not write (vocabulary.GLOSSARY has the terms to use instead)
PLAN_SOURCE = {
    "vi": "Nguồn: Phụ lục Kế hoạch số 18/KH-UBND ngày 21/01/2026 của UBND tỉnh Lạng Sơn.",
    "en": "Source: appendix to Plan No. 18/KH-UBND of 21 January 2026, Lang Son People's "
    "Committee.",
}


def _texts(figure) -> list[str]:
    return [text.get_text() for text, _ in plotting.drawn_texts(figure)]


def _footer(figure) -> str:
    """The notes and source line under the figure, as one line."""
    (footer,) = figure.subfigs[1].texts
    return " ".join(footer.get_text().split())


def check_language_of_texts(figure, lang: str) -> None:
    """English figures carry no Vietnamese letter; Vietnamese ones do, and no word an official
    would not write."""
    texts = "\n".join(_texts(figure))
    foreign = {char for char in texts if not char.isascii()} - ENGLISH_EXTRAS
    if lang == "en":
        assert not foreign, f"Vietnamese in the English figure: {sorted(foreign)}"
    else:
        assert foreign, "no Vietnamese letter in the Vietnamese figure"
        assert not [word for word in vocabulary.REJECTED_TERMS if word in texts.lower()]


def numeric_tick_labels(figure) -> list[str]:
    """The drawn tick labels of every axis that numbers its ticks, not one that names them
    (indicator codes such as 1.01, bodies, years)."""
    from matplotlib.category import StrCategoryLocator
    from matplotlib.ticker import FixedLocator

    drawn = {id(text) for text, _ in plotting.drawn_texts(figure)}
    return [
        label.get_text()
        for ax in figure.axes
        for axis in (ax.xaxis, ax.yaxis)
        if not isinstance(axis.get_major_locator(), FixedLocator | StrCategoryLocator)
        for label in axis.get_ticklabels()
        if id(label) in drawn
    ]


# --- the registry -----------------------------------------------------------------------------


def test_names_are_unique_and_safe_as_file_names():
    assert len(NAMES) == len(set(NAMES))
    assert all(re.fullmatch(r"[a-z0-9_]+", name) for name in NAMES)


@pytest.mark.parametrize("entry", figures.FIGURES, ids=NAMES)
def test_each_figure_is_shown_by_its_notebook(entry):
    notebook = nbformat.read(paths.NOTEBOOKS / entry.notebook, as_version=4)
    sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert f'show_figure("{entry.name}", LANG, save_to=FIGURES_DIR)' in sources


@pytest.mark.parametrize("entry", figures.FIGURES, ids=NAMES)
def test_each_figure_has_captions_in_both_languages_in_official_words(entry):
    assert entry.caption_vi.strip() and entry.caption_en.strip()
    assert entry.caption_vi != entry.caption_en
    assert not [word for word in vocabulary.REJECTED_TERMS if word in entry.caption_vi.lower()]


def test_an_unknown_figure_or_language_is_refused():
    with pytest.raises(KeyError, match="role_matrix"):
        figures.render_figure("no_such_figure", "vi")
    with pytest.raises(ValueError, match="lang must be one of"):
        figures.render_figure("role_matrix", "fr")


def test_readme_lists_every_file_caption_and_notebook():
    readme = figures.figures_readme()
    for entry in figures.FIGURES:
        assert f"## {entry.name}\n" in readme
        for path in figures.figure_files(entry):
            assert f"`{path}`" in readme
        assert entry.caption_vi in readme and entry.caption_en in readme
        assert f"`notebooks/{entry.notebook}`" in readme
    assert "at most 16 cm wide, 24 cm tall;" in readme


def _draw_title(title: str, lang: str):
    with plotting.house_style():
        drawing, ax = plotting.new_figure(height_cm=3, width_cm=4)
        ax.set_title(f"{vocabulary.pick(lang, 'Hình', 'Figure')}: {title}")
        return plotting.finish(drawing, plotting.source_line(lang, "test"))


@pytest.fixture
def titled(monkeypatch, tmp_path):
    """A registry of one cheap figure whose title is read from a file on every draw."""
    source = tmp_path / "title.txt"
    source.write_text("square", encoding="utf-8")
    entry = figures.ReportFigure(
        "square",
        _draw_title,
        "Một hình vuông.",
        "A square.",
        "99_demo.ipynb",
        data=lambda: source.read_text(encoding="utf-8"),
    )
    monkeypatch.setattr(figures, "FIGURES", (entry,))
    return source


@pytest.fixture
def shown(monkeypatch):
    """What notebooks would display: the data of each `display` call."""
    displayed = []
    monkeypatch.setattr("IPython.display.display", lambda data, raw: displayed.append(data))
    return displayed


def test_adding_a_figure_is_one_registry_entry(tmp_path, titled):
    (entry,) = figures.FIGURES
    written = figures.write_all_figures(tmp_path / "figures", jobs=1)
    relative = [path.relative_to(tmp_path / "figures").as_posix() for path in written]
    assert relative == [*figures.figure_files(entry), "README.md"]
    readme = (tmp_path / "figures" / "README.md").read_text(encoding="utf-8")
    assert readme == figures.figures_readme()
    assert "Một hình vuông." in readme


def test_figures_can_be_written_in_one_language(tmp_path, titled):
    written = figures.write_all_figures(tmp_path / "figures", ["en"], jobs=1)
    assert [path.relative_to(tmp_path / "figures").as_posix() for path in written] == [
        "en/square.png",
        "en/square.svg",
        "README.md",
    ]
    readme = (tmp_path / "figures" / "README.md").read_text(encoding="utf-8")
    assert "vi/" not in readme.split("## square")[1]


def test_one_language_redrawn_keeps_the_readme_of_a_folder_with_both(tmp_path, titled):
    figures.write_all_figures(tmp_path / "figures", jobs=1)
    both = (tmp_path / "figures" / "README.md").read_bytes()
    figures.write_all_figures(tmp_path / "figures", ["en"], jobs=1)
    assert (tmp_path / "figures" / "README.md").read_bytes() == both


def test_show_figure_saves_what_write_all_figures_writes(tmp_path, titled, shown):
    figures.write_all_figures(tmp_path / "all", jobs=2)  # in processes, as the report does
    for lang in vocabulary.LANGUAGES:
        figures.show_figure("square", lang, save_to=tmp_path / "shown")
    for path in ("vi/square.png", "vi/square.svg", "en/square.png", "en/square.svg"):
        assert (tmp_path / "shown" / path).read_bytes() == (tmp_path / "all" / path).read_bytes()
    assert [sorted(data) for data in shown] == [["image/png"], ["image/png"]]
    assert shown[0]["image/png"] == plotting.screen_png(
        (tmp_path / "shown" / "vi" / "square.png").read_bytes()
    )


def test_show_figure_without_a_folder_only_displays(tmp_path, titled, shown, monkeypatch):
    monkeypatch.chdir(tmp_path)
    figures.show_figure("square", "vi")
    (data,) = shown
    assert list(data) == ["image/png"] and data["image/png"].startswith(b"\x89PNG")
    assert list(tmp_path.iterdir()) == [tmp_path / "title.txt"]  # nothing written


def test_a_live_kernel_shows_edited_data(tmp_path, titled, shown):
    figures.show_figure("square", "en", save_to=tmp_path / "figures")
    first = (tmp_path / "figures" / "en" / "square.png").read_bytes()
    titled.write_text("circle", encoding="utf-8")  # the data changes while the kernel runs
    figures.show_figure("square", "en", save_to=tmp_path / "figures")
    assert (tmp_path / "figures" / "en" / "square.png").read_bytes() != first
    assert figures.render_figure("square", "en").axes[0].get_title("left") == "Figure: circle"
    assert shown[0]["image/png"] != shown[1]["image/png"]


def test_a_figure_shown_again_from_the_same_data_is_not_drawn_again(titled, shown, monkeypatch):
    """The report's runs of one notebook share a kernel: the researchers' run shows the drawing
    its Vietnamese run made, unless the data changed in between."""
    monkeypatch.setattr(figures, "_shown", {})
    drawn = []
    monkeypatch.setattr(figures, "figure_bytes", counted(figures.figure_bytes, drawn))
    figures.show_figure("square", "vi")
    figures.show_figure("square", "vi")
    assert len(drawn) == 1 and shown[0] == shown[1]
    figures.show_figure("square", "en")  # another language is another drawing
    titled.write_text("circle", encoding="utf-8")
    figures.show_figure("square", "vi")
    assert len(drawn) == 3 and shown[3] != shown[0]


def counted(function, calls: list):
    def call(*args, **kwargs):
        calls.append(args)
        return function(*args, **kwargs)

    return call


def test_importing_the_modules_loads_no_plotting_or_network_library():
    code = (
        "import sys; import pgi_analysis.figures, pgi_analysis.responsibility, "
        "pgi_analysis.notebooks; "
        "print(sorted(m for m in ('matplotlib', 'networkx', 'nbclient', 'IPython') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.stdout, result.stderr) == ("[]\n", "")


# --- the responsibility figures, drawn from a small plan ----------------------------------------


def _draw(draw, data, lang):
    with plotting.house_style():
        return draw(data, lang)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
@pytest.mark.parametrize("entry", figures.FIGURES, ids=NAMES)
def test_each_figure_of_a_small_plan_fits_a4_and_cites_its_source(
    small_tidy, small_outcomes, entry, lang
):
    plan = entry.draw.__module__ == responsibility_figures.__name__
    figure = _draw(entry.draw, small_tidy if plan else small_outcomes, lang)
    assert plotting.layout_problems(figure) == []
    assert plotting.missing_glyphs(figure) == {}
    check_language_of_texts(figure, lang)
    if plan:
        assert _footer(figure).endswith(PLAN_SOURCE[lang])
    else:
        assert vocabulary.pick(lang, "Nguồn: VCCI, ", "Source: VCCI, ") in _footer(figure)


def test_the_plan_is_cited_from_the_reference_tables():
    assert responsibility_figures.plan_reference("vi") == PLAN_SOURCE["vi"][7:-1]
    assert responsibility_figures.plan_reference("en") == PLAN_SOURCE["en"][8:-1]


def test_role_matrix_names_every_actor_and_marks_a_body_in_both_roles(small_tidy):
    figure = _draw(responsibility_figures.draw_role_matrix, small_tidy, "vi")
    (ax,) = figure.axes
    assert figure.subfigs[0].get_suptitle() == "Ai chủ trì, ai phối hợp: 5 chỉ số × 6 chủ thể"
    assert [label.get_text() for label in ax.get_xticklabels()] == [
        "Sở NN&MT",
        "Sở TC",
        "Công an tỉnh",
        "UBND cấp xã",
        "Sở, ban, ngành liên quan",
        "Doanh nghiệp",
    ]
    codes = ax.collections[0].get_array().reshape(5, 6)
    both = vocabulary.ROLE_CELLS.index(vocabulary.BOTH)
    rows, columns = (codes == both).nonzero()
    assert (rows.tolist(), columns.tolist()) == ([1], [3])  # 1.02, UBND cấp xã


def test_co_assignment_matrix_counts_shared_indicators_most_connected_first(small_tidy):
    figure = _draw(responsibility_figures.draw_co_assignment_network, small_tidy, "en")
    (ax,) = figure.axes
    names = [label.get_text() for label in ax.get_yticklabels()]
    # co-assignments: Agriculture 3 + 2 + 2, Police 3 + 2, Communes 2 + 2, Finance 2
    assert names == ["Agriculture & Environment", "Police", "Commune PCs", "Finance"]
    cells = {(int(text.get_position()[1]), int(text.get_position()[0])): text.get_text()
             for text in ax.texts}  # fmt: skip
    assert cells == {
        (0, 0): "5", (0, 1): "3", (0, 2): "2", (0, 3): "2",
        (1, 0): "3", (1, 1): "3", (1, 2): "2",
        (2, 0): "2", (2, 1): "2", (2, 2): "2",
        (3, 0): "2", (3, 3): "2",
    }  # fmt: skip
    assert "4 pairs of the 4 named bodies share an indicator" in _footer(figure)


def test_shares_by_kind_are_percentages_in_the_language_s_format(small_tidy):
    figure = _draw(responsibility_figures.draw_assignments_by_kind, small_tidy, "vi")
    (ax,) = figure.axes
    # Kinds from the last of the agencies table; 0 unlabelled. Lead shares of 5 indicators:
    # departments 1.5 + 2, the police 1, communes 0.5; coordinators: 1, 2, 2, 2 and 3 of 10.
    assert [text.get_text() for text in ax.texts] == [
        *["", "", "10%", "20%", "70%"],
        *["10%", "20%", "20%", "20%", "30%"],
    ]
    assert all(label.endswith("%") for label in numeric_tick_labels(figure))


# --- every registered figure, for real --------------------------------------------------------


@pytest.mark.integration
@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_every_registered_figure_is_ready_for_an_a4_report(tmp_path, name, lang):
    figure = figures.render_figure(name, lang)
    png, svg = plotting.rendered_files(figure, name, tmp_path, lang).values()
    written = figures.write_figure(name, lang, tmp_path)  # drawn again: the same bytes
    assert [path.read_bytes() for path in written] == [png, svg]
    width, height = plotting.png_size_cm(png)
    assert width <= 16.5 and height <= 24.5
    assert plotting.layout_problems(figure) == []
    assert plotting.missing_glyphs(figure) == {}
    check_language_of_texts(figure, lang)
    wrong_mark = {"vi": r"\d\.\d", "en": r"\d,\d"}[lang]  # 4,95 in Vietnamese, 4.95 in English
    assert [label for label in numeric_tick_labels(figure) if re.search(wrong_mark, label)] == []
    assert re.search(r"(Nguồn|Source): .+\.$", _footer(figure))


def test_every_committed_png_pastes_into_an_a4_text_column_at_100_percent():
    """The files officials paste: each declares a physical size that fits 16.5 × 24.5 cm."""
    pngs = sorted(paths.FIGURES_FOLDER.rglob("*.png"))
    assert len(pngs) == 2 * len(figures.FIGURES)
    for png in pngs:
        width, height = plotting.png_size_cm(png.read_bytes())
        assert width <= 16.5 and height <= 24.5, png.name
