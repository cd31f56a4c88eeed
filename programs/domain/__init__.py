"""Exercises and programs (domain.md §6, §7): pure Python.

`spec` is the one description of an exercise; `safety` holds the §6 filters, `dosing` the §7
doses and phases, `slots` the §7 table, `generation` fills it, `program_json` is the §5 output,
`library_file` reads the default library and `illustration` draws its figures.
"""
