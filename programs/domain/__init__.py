"""Exercises and programs (domain.md §5–§7b): pure Python.

`spec` is the one description of an exercise (with `dose`); `library_file` reads the default
library and `illustration` draws its figures. The generator: `request` and `request_json` (what
is asked, and what §7a decides from it), `safety` (the §6 filters) and `rules` (the §7a rules
that act like filters), `ladders` (P3 starting rungs, P4 neighbours), `slots` (the §7 table),
`dose_families`, `dosing` and `volume` (doses, phases, minutes and impact caps), `reasons` and
`notes` (the words), `generation` (fills the slots) and `program_json` (the §5 output).
`continuity` re-filters a template for another patient and continues a program at a
reassessment; `minimums` says what the program editor warns about (a domain below its §7
minimum, a P1 pattern not covered).
"""
