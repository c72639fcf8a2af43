"""The Russian language of the product, in one place.

* :mod:`.words` — every fixed word and formula that rsnms writes into acts, reports and
  pages (act titles, kinds and their case forms, levels, statuses, month names,
  placeholder descriptions, table headings);
* :mod:`.translations` — Russian for the English of the libraries we use (argparse,
  ruamel.yaml, JSON Schema type names);
* :mod:`.morph` — the one pymorphy3 analyzer, lemmas and search forms;
* :mod:`.cases` — inflection of names (a suggestion; official case forms are data);
* :mod:`.typography` — quotes, dashes, non-breaking spaces;
* :mod:`.periods` — deadlines as written in roadmaps → periods;
* :mod:`.numbering` — list markers, Roman numerals, dates in words.

Messages of a check stay beside the check that issues them (as jsonschema keeps its
messages beside its keywords); prose of the handbook's pages stays in their page module.
"""
