"""Assessment inputs and their categorisation (domain.md §3–§5): pure Python.

`vocabulary` holds the codes, `inputs` the recorded values, `parsing` their validation,
`rules` the categorisation, `explanations` the sentences that say why, and `serialisation`
the §5 JSON.
"""
