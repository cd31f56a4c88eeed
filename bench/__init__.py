"""Benchmarks and the load test for OsteoActive (`make bench`, `python -m bench.load`).

Nothing here is part of the app: the bench serves the app's own URLs through `bench.urls`
(the app's URLconf plus one baseline view) with `bench.settings`.
"""
