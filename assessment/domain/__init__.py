"""Assessment inputs, their categorisation and the patient over time (domain.md §3–§5,
ruleset DK-2026.2): pure Python, no Django, no database, no clock.

The modules by role, with what the pages and commands use:

- `vocabulary`: the codes with Danish and English labels (`Sex`, `FractureSite`,
  `WalkingAid`, `TScoreSite`, `RiskFactor`, `Medication`, `FallRisk`, `BoneStatus`,
  `FesILevel`, `Change`).
- `inputs`: `AssessmentInput` as recorded, with the derived `bmi`, `fes_i_total`,
  `fes_i_level` and `effective_risk_factors`; `RANGES`, `age_at`, `birthday`.
- `parsing.parse_assessment(json, today=…)`: validation, every bad field at once
  (`readers.InputError.errors`: path → {"da", "en"}); `field_readers.FIELD_NAMES` names the
  fields in both languages.
- `fes_i`: the Short FES-I questionnaire as data (`QUESTION_INTRO`, `QUESTIONS`, `ANSWERS`),
  `fes_i_total`, `fes_i_level`.
- `measures`: exact decimals of recorded numbers (`exact`) and the BMI (`bmi`, `is_low_bmi`).
- `rules.categorise(inputs) -> result.CategorisationResult`: rules A–D, fall risk, bone
  status; `warning_rules.warnings` (W1–W7); `explanations` and `warning_texts` word them.
  `result.RED_FLAG_WARNINGS` / `CategorisationResult.red_flags`: W6, shown at the top.
- `follow_up` (§4b): `next_reassessment_due`, `carried_forward` and `previous_values` with
  the field lists `CARRIED_FORWARD` / `MEASURED_ANEW`, and `category_changed`.
- `change.meaningful_change(previous, current)`: better / worse / no detectable change per
  measure (`MEASURES`: tug, sts5, tandem, fes_i).
- `serialisation`: the §5 JSON (`assessment_to_json`, `input_from_json`, `result_to_json`,
  `result_from_json`; stored DK-2026.1 results read back and write back unchanged).
- `charts` and `cpr` serve the pages: progress charts as SVG, Danish CPR numbers.
"""
