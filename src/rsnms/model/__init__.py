"""The model in the middle of the pipeline.

* :mod:`.units` — walking a profile's units (list items, subjects, roadmap rows, data paths);
* :mod:`.profile` — a validated profile in its normalized form (ids derived, periods parsed);
* :mod:`.catalog` — the federal layer: model regulation, registry, draft skeletons, schema;
* :mod:`.document` — an act as typed blocks with numbers and anchors apart from text;
* :mod:`.scaffold` — a new region's profile from the model (``rsnms new``).
"""
