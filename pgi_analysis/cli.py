"""The `pgi-analysis` command: tidy the appendix, manage PGI scores, build the report."""

import argparse
import signal
import sys
from pathlib import Path

from pgi_analysis import paths
from pgi_analysis.errors import InputError
from pgi_analysis.messages import LANGUAGES, default_language, message
from pgi_analysis.report import LANGUAGE_CHOICES, Interrupted, StepFailed


def _tidy(args: argparse.Namespace) -> None:
    from pgi_analysis.appendix import load_appendix
    from pgi_analysis.files import write_tables

    out = args.out
    if out is None:
        if args.appendix.resolve() != paths.APPENDIX_TEXT.resolve():
            raise InputError(
                args.appendix, message("tidy_needs_out", appendix=paths.APPENDIX_TEXT.name)
            )
        out = paths.PROCESSED
    tidy = load_appendix(args.appendix, gazetteer=args.gazetteer, subset=args.subset)
    written = write_tables(tidy.tables(), out)
    if args.verbose:
        print(tidy.repairs_text())
    for path in written:
        print(f"wrote {path}")


def _scores_add(args: argparse.Namespace) -> None:
    from pgi_analysis import scores

    print(
        scores.add_scores_file(
            args.file, year=args.year, source=args.source, replace=args.replace, lang=args.lang
        )
    )


def _scores_template(args: argparse.Namespace) -> None:
    from pgi_analysis.template import write_template

    write_template(args.year, args.out, force=args.force)
    print(f"wrote {args.out}")


def _report(args: argparse.Namespace) -> None:
    from pgi_analysis.report import build_report

    print(build_report(lang=args.lang, force=args.force, jobs=args.jobs).text())


def _figures(args: argparse.Namespace) -> None:
    from pgi_analysis.figures import write_all_figures

    written = write_all_figures(args.out, LANGUAGE_CHOICES[args.lang], jobs=args.jobs)
    print(f"wrote {len(written)} files in {args.out}")


def _export(args: argparse.Namespace) -> None:
    from pgi_analysis.report import write_officials_workbook

    print(f"wrote {write_officials_workbook(args.out, args.year)}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pgi-analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    messages_language = argparse.ArgumentParser(add_help=False)
    messages_language.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default_language(),
        help="language of messages (default: the locale's, vi where LC_ALL or LANG is vi_*)",
    )

    tidy = commands.add_parser(
        "tidy", help="write the tidy tables of the plan's appendix", parents=[messages_language]
    )
    tidy.add_argument(
        "--appendix",
        type=Path,
        default=paths.APPENDIX_TEXT,
        help="appendix as extracted text (.txt) or typed table (.csv, .xlsx)",
    )
    tidy.add_argument(
        "--gazetteer",
        type=Path,
        action="append",
        default=[],
        help="extra agencies CSV (same columns as data/reference/agencies.csv)",
    )
    tidy.add_argument(
        "--out",
        type=Path,
        help="output folder (default data/processed/, only for the plan's own appendix)",
    )
    tidy.add_argument(
        "--subset",
        action="store_true",
        help="the plan covers only some PGI indicators: list the others as absent repairs",
    )
    tidy.add_argument("--verbose", action="store_true", help="print what the loader repaired")
    tidy.set_defaults(run=_tidy)

    scores = commands.add_parser("scores", help="add or template a year of PGI scores")
    scores_commands = scores.add_subparsers(dest="scores_command", required=True)
    add = scores_commands.add_parser(
        "add", help="add PGI figures from a CSV or XLSX file", parents=[messages_language]
    )
    add.add_argument("file", type=Path)
    add.add_argument("--year", type=int, help="year of every row (for files without a year)")
    add.add_argument("--source", help="source URL of every row (for files without one)")
    add.add_argument(
        "--replace",
        action="store_true",
        help="let the file's values replace stored ones that differ",
    )
    add.set_defaults(run=_scores_add)
    template = scores_commands.add_parser(
        "template", help="write a fill-in workbook for a year", parents=[messages_language]
    )
    template.add_argument("--year", type=int, required=True)
    template.add_argument("--out", type=Path, required=True)
    template.add_argument("--force", action="store_true", help="overwrite an existing file")
    template.set_defaults(run=_scores_template)

    report = commands.add_parser("report", help="rebuild every product (what `make report` runs)")
    report.add_argument(
        "--lang",
        choices=list(LANGUAGE_CHOICES),
        default="both",
        help="languages of the report pages and figures",
    )
    report.add_argument(
        "--force", action="store_true", help="rerun steps whose inputs are unchanged"
    )
    report.add_argument("--jobs", type=int, default=2, help="notebooks executed at once")
    report.set_defaults(run=_report)

    figures = commands.add_parser("figures", help="write the report figures only")
    figures.add_argument("--lang", choices=list(LANGUAGE_CHOICES), default="both")
    figures.add_argument("--out", type=Path, default=paths.FIGURES_FOLDER, help="output folder")
    figures.add_argument("--jobs", type=int, default=2, help="figures drawn at once")
    figures.set_defaults(run=_figures)

    export = commands.add_parser("export", help="write the Excel workbook for officials only")
    export.add_argument("--year", type=int, help="only the PGI scores up to this year")
    export.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    export.set_defaults(run=_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show Vietnamese shows \u1ea1
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except InputError as error:
        print(f"pgi-analysis: error: {error.text(getattr(args, 'lang', 'en'))}", file=sys.stderr)
        return 1
    except StepFailed as error:
        print(f"pgi-analysis: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as error:  # the report's `Interrupted` says what it cleaned up
        message = error if isinstance(error, Interrupted) else "interrupted"
        print(f"pgi-analysis: {message}", file=sys.stderr)
        return 128 + getattr(error, "signum", signal.SIGINT)
    except OSError as error:  # a folder that cannot be written, a disk that is full
        place = f"{error.filename}: " if error.filename else ""
        print(f"pgi-analysis: error: {place}{error.strerror or error}", file=sys.stderr)
        return 1
    return 0
