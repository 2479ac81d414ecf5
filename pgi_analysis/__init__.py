"""pgi-analysis: Lạng Sơn's PGI plan 18/KH-UBND (2026) as tidy tables, analyses and figures."""

from pgi_analysis.appendix import TidyAppendix, load_appendix
from pgi_analysis.errors import InputError

__all__ = ["InputError", "TidyAppendix", "load_appendix"]
