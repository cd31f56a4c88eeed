"""The shared clinical vocabulary: the lowest layer, pure Python.

Categories, training domains, function levels and the two languages, with their Danish and
English labels. Every other package may import from here; this package imports from none of
them, and nothing under any `domain/` package imports Django, a database or the clock
(`tests/test_architecture.py`).
"""
