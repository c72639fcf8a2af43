"""rsnms: regional systems of scientific-methodological support (РСНМС) as data.

One pipeline, a folder per stage: ``readers`` (YAML with positions) → ``validate`` (schema
and cross-references) → ``model`` (the normalized profile, the federal catalog, the typed
document) → ``compose`` (the acts of a region as documents) → ``writers`` (.docx, data,
PDF) ; ``compare`` (against the federal model) and ``handbook`` (the site) read what the
others made; ``pipeline`` runs the stages, ``cli`` parses the command line; ``lang`` holds
the Russian. See ARCHITECTURE.md.
"""

__version__ = "0.1.0"
