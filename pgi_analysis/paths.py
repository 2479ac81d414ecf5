"""Every path the package reads or writes, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
PROCESSED = DATA / "processed"
PGI = DATA / "pgi"
NOTEBOOKS = ROOT / "notebooks"
FIGURES_FOLDER = ROOT / "figures"
REPORTS = ROOT / "reports"
DOCS = ROOT / "docs"

APPENDIX_TEXT = RAW / "lang-son-kh18-2026-appendix.txt"
AGENCIES_REFERENCE = REFERENCE / "agencies.csv"
INDICATORS_REFERENCE = REFERENCE / "indicators.csv"
SUB_INDICES_REFERENCE = REFERENCE / "sub_indices.csv"
PROVINCES_REFERENCE = REFERENCE / "provinces.csv"
PLANS_REFERENCE = REFERENCE / "plans.csv"
EDITIONS_REFERENCE = REFERENCE / "pgi_editions.csv"
PGI_OBSERVATIONS = PGI / "pgi_observations.csv"
INPUT_FOLDERS = (RAW, REFERENCE, PGI)
GLOSSARY_FILE = DOCS / "glossary.md"
