"""Danish and English labels of the exercise attributes (domain.md §6), free of Django."""

from .exercise_spec import Domain, DoseType, Impact, Kind, Level

EQUIPMENT_LABELS: dict[str, dict[str, str]] = {
    "chair": {"da": "stol", "en": "chair"},
    "wall": {"da": "væg", "en": "wall"},
    "rail": {"da": "gelænder", "en": "rail"},
    "step": {"da": "trappetrin", "en": "step"},
    "mat": {"da": "måtte", "en": "mat"},
    "bed": {"da": "seng", "en": "bed"},
    "stick": {"da": "stok", "en": "stick"},
    "band": {"da": "elastik", "en": "band"},
    "ankle_weights": {"da": "ankelvægte", "en": "ankle weights"},
    "dumbbells": {"da": "håndvægte", "en": "dumbbells"},
    "kettlebell": {"da": "kettlebell", "en": "kettlebell"},
    "barbell": {"da": "vægtstang", "en": "barbell"},
    "machine": {"da": "træningsmaskine", "en": "machine"},
    "bench": {"da": "bænk", "en": "bench"},
    "ladder": {"da": "agilitystige", "en": "agility ladder"},
    "pull_up_bar": {"da": "pull-up-stang", "en": "pull-up bar"},
}

LEVEL_LABELS: dict[Level, dict[str, str]] = {
    Level.ACUTE: {"da": "akutfase", "en": "acute phase"},
    Level.LIMITED: {"da": "funktionsbegrænset", "en": "functionally limited"},
    Level.DAILY: {"da": "hverdagsaktiv", "en": "active in daily life"},
    Level.TRAINING: {"da": "træningsaktiv", "en": "exercising"},
}

DOMAIN_LABELS: dict[Domain, dict[str, str]] = {
    Domain.STAERK: {"da": "Stærk", "en": "Strong"},
    Domain.STABIL: {"da": "Stabil", "en": "Steady"},
    Domain.STRAKT: {"da": "Strakt", "en": "Straight"},
}

KIND_LABELS: dict[Kind, dict[str, str]] = {
    Kind.STRENGTH: {"da": "styrke", "en": "strength"},
    Kind.IMPACT: {"da": "stødbelastning", "en": "impact"},
    Kind.BALANCE: {"da": "balance", "en": "balance"},
    Kind.POSTURE: {"da": "holdning / rygstrækkere", "en": "posture / back extensors"},
    Kind.MOBILITY: {"da": "bevægelighed / smertelindring", "en": "mobility / pain relief"},
    Kind.WALKING: {"da": "gang / kondition", "en": "walking / aerobic"},
}

IMPACT_LABELS: dict[Impact, dict[str, str]] = {
    Impact.NONE: {"da": "ingen", "en": "none"},
    Impact.LOW: {"da": "lav (op til rask gang)", "en": "low (up to brisk walking)"},
    Impact.MODERATE: {"da": "moderat", "en": "moderate"},
    Impact.HIGH: {"da": "høj (hop)", "en": "high (jumps)"},
}

DOSE_TYPE_LABELS: dict[DoseType, dict[str, str]] = {
    DoseType.REPETITIONS: {"da": "gentagelser", "en": "repetitions"},
    DoseType.HOLD_SECONDS: {"da": "hold i sekunder", "en": "hold in seconds"},
    DoseType.DURATION_MINUTES: {"da": "varighed i minutter", "en": "duration in minutes"},
    DoseType.DISTANCE: {"da": "distance", "en": "distance"},
}

ENUM_LABELS = {
    Domain: DOMAIN_LABELS,
    Kind: KIND_LABELS,
    Level: LEVEL_LABELS,
    Impact: IMPACT_LABELS,
    DoseType: DOSE_TYPE_LABELS,
}


def label(labels: dict, code, language: str) -> str:
    entry = labels.get(code) or labels.get(getattr(code, "value", code)) or {}
    return entry.get("en" if language == "en" else "da", str(code))
