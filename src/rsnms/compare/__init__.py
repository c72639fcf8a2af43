"""Comparison with the federal model.

* :mod:`.similarity` — how alike two Russian texts are (lemmas, rapidfuzz);
* :mod:`.align` — which unit of a region corresponds to which unit of the model;
* :mod:`.report` — one region's report (Markdown, .docx) and its files;
* :mod:`.matrix` — all regions against the model (Markdown, .xlsx);
* :mod:`.redline` — the region's regulation as tracked changes to the model's;
* :mod:`.fidelity` — how closely a rendered adopted act reproduces its source text.
"""
