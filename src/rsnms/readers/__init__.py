"""Readers: input files → plain data with source positions.

:mod:`.yamlio` reads profiles, the federal model and the registry (YAML 1.2, with the
position of every value for located messages).
"""
