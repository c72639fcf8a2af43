"""rsnms: regional systems of scientific-methodological support (РСНМС) as data.

Pipeline: readers (YAML profiles) → validated, normalized :class:`~rsnms.profile.Profile`
→ writers (JSON/YAML export; .docx, Markdown, .xlsx in later stages).
"""

__version__ = "0.1.0"
