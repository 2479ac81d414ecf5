"""The figure registry: complete, drawn in both languages with every letter in the house font,
written with a README that lists every file."""

import re
import subprocess
import sys

import nbformat
import pytest

from pgi_analysis import figures, paths, plotting, vocabulary

NAMES = [entry.name for entry in figures.FIGURES]
# Characters an English figure may use beyond ASCII: none of them Vietnamese
ENGLISH_EXTRAS = set("×·–→−")


def _texts(figure) -> list[str]:
    from matplotlib.text import Text

    figure.draw_without_rendering()
    return [text.get_text() for text in figure.findobj(Text) if text.get_text()]


def test_names_are_unique_and_safe_as_file_names():
    assert len(NAMES) == len(set(NAMES))
    assert all(re.fullmatch(r"[a-z0-9_]+", name) for name in NAMES)


@pytest.mark.parametrize("entry", figures.FIGURES, ids=NAMES)
def test_each_figure_is_shown_by_its_notebook(entry):
    notebook = nbformat.read(paths.NOTEBOOKS / entry.notebook, as_version=4)
    sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert f'show_figure("{entry.name}", LANG, save_to=FIGURES_DIR)' in sources


@pytest.mark.parametrize("entry", figures.FIGURES, ids=NAMES)
def test_each_figure_has_captions_in_both_languages(entry):
    assert entry.caption_vi.strip() and entry.caption_en.strip()
    assert entry.caption_vi != entry.caption_en


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_each_figure_renders_in_each_language_in_the_house_font(name, lang):
    figure = figures.render_figure(name, lang)
    assert plotting.missing_glyphs(figure) == {}
    texts = "".join(_texts(figure))
    foreign = {char for char in texts if not char.isascii()} - ENGLISH_EXTRAS
    if lang == "en":
        assert not foreign, f"Vietnamese in the English figure: {sorted(foreign)}"
    else:
        assert foreign, "no Vietnamese letter in the Vietnamese figure"


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


def _draw_square(data, lang):
    with plotting.house_style():
        figure, ax = plotting.new_figure(2, 2)
        ax.set_title(vocabulary.pick(lang, "Hình vuông", "Square"))
    return figure


@pytest.fixture
def square(monkeypatch):
    """A registry of one cheap figure, drawn from no data."""
    entry = figures.ReportFigure(
        "square", _draw_square, "Một hình vuông.", "A square.", "99_demo.ipynb", data=lambda: None
    )
    monkeypatch.setattr(figures, "FIGURES", (entry,))
    return entry


def test_adding_a_figure_is_one_registry_entry(tmp_path, square):
    written = figures.write_all_figures(tmp_path)
    relative = [path.relative_to(tmp_path).as_posix() for path in written]
    assert relative == [*figures.figure_files(square), "README.md"]
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == figures.figures_readme()
    assert "Một hình vuông." in figures.figures_readme()


def test_figures_can_be_written_in_one_language(tmp_path, square):
    written = figures.write_all_figures(tmp_path, ["en"])
    assert [path.relative_to(tmp_path).as_posix() for path in written] == [
        "en/square.png",
        "en/square.svg",
        "README.md",
    ]
    assert "vi/" not in (tmp_path / "README.md").read_text(encoding="utf-8").split("## square")[1]


def test_one_language_redrawn_keeps_the_readme_of_a_folder_with_both(tmp_path, square):
    figures.write_all_figures(tmp_path)
    both = (tmp_path / "README.md").read_bytes()
    figures.write_all_figures(tmp_path, ["en"])
    assert (tmp_path / "README.md").read_bytes() == both


def test_importing_the_modules_loads_no_plotting_or_network_library():
    code = (
        "import sys; import pgi_analysis.figures, pgi_analysis.responsibility, "
        "pgi_analysis.notebooks; "
        "print(sorted(m for m in ('matplotlib', 'networkx', 'nbclient', 'IPython') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.stdout, result.stderr) == ("[]\n", "")
