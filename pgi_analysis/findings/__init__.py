"""The sentences each notebook concludes with, computed from the same tables it shows, in
Vietnamese and English. Notebooks display them; the Word and HTML reports print the same ones.

A sentence whose premise does not hold is not written: the functions choose what to say from the
data (a year that is thin is said to be thin, a finding that depends on a counting choice says so).
Hand-written Markdown in the notebooks keeps only what does not depend on data.

One module per theme: `appendix` (notebook 01), `responsibility` (02), `overlap` (03),
`outcomes` (04). Each exposes `findings(...) -> Findings`.
"""

from pgi_analysis.findings.sentences import Findings, Sentence

__all__ = ["Findings", "Sentence"]
