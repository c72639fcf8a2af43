"""The rules, a module per concern; importing this package registers them all in
:data:`rsnms.lint.registry.RULES`."""

from . import abbreviations, citations, grammar, language, numbering, requisites, spelling, tables, typography

__all__ = ["abbreviations", "citations", "grammar", "language", "numbering", "requisites", "spelling",
           "tables", "typography"]
