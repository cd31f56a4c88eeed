"""What an assessment form starts from (§4b): a reassessment is pre-filled with what is carried
forward from the latest assessment, and shows the previous value beside each field measured
anew; a correction starts from every input of the version it corrects."""

from datetime import date
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from osteoactive.language import current_language

from ..domain.fes_i import fes_i_level
from ..domain.follow_up import carried_forward, previous_values
from ..domain.vocabulary import TScoreSite

T_SCORE_FIELDS = {f"t_{site.value}": site for site in TScoreSite}
FES_I_FIELDS = tuple(f"fes_i_{number}" for number in range(1, 8))
DECIMAL_INPUTS = (
    "tug_seconds",
    "sts5_seconds",
    "tandem_seconds",
    "frax_major_percent",
    "frax_hip_percent",
    "height_cm",
    "weight_kg",
    "height_loss_cm",
    "occiput_wall_cm",
)
DATE_INPUTS = ("assessment_date", "dxa_scan_date", "frax_date")
FROM_PATIENT = ("birth_date", "sex")

REMOVABLE = (
    *T_SCORE_FIELDS,
    "dxa_scan_date",
    "frax_major_percent",
    "frax_hip_percent",
    "frax_date",
)
"""Carried values that a reassessment keeps unless the physiotherapist removes them with the
field's Remove button: a carried T-score is never lost by a field emptied by accident."""


def _decimal(value) -> Decimal:
    return Decimal(str(value))


def initial_from_inputs(data: dict) -> dict:
    """The form's initial values for stored §5 inputs (the fracture rows apart)."""
    initial = {}
    for key, value in data.items():
        if value is None or key in (*FROM_PATIENT, "fractures"):
            continue
        if key == "t_scores":
            initial.update({f"t_{site}": _decimal(v) for site, v in value.items() if v is not None})
        elif key == "fes_i_short":
            initial.update(dict(zip(FES_I_FIELDS, value, strict=True)))
        elif key in DECIMAL_INPUTS:
            initial[key] = _decimal(value)
        elif key in DATE_INPUTS:
            initial[key] = date.fromisoformat(value)
        else:
            initial[key] = value
    return initial


def fracture_rows(data: dict) -> list[dict]:
    return [
        {"site": f["site"], "date": date.fromisoformat(f["date"]), "low_energy": f["low_energy"]}
        for f in data.get("fractures", [])
    ]


def carried_initial(previous_inputs: dict) -> tuple[dict, list[dict], set[str]]:
    """(initial values, fracture rows, the form fields they fill) of a reassessment."""
    carried = carried_forward(previous_inputs)
    initial = initial_from_inputs(carried)
    return initial, fracture_rows(carried), set(initial)


def _number(value, unit="") -> str:
    text = number_format(_decimal(value))
    return f"{text} {unit}".strip()


def _yes_no(value) -> str:
    return _("yes") if value else _("no")


def previous_texts(previous_inputs: dict) -> dict[str, str]:
    """The previous value of each field measured anew, as shown beside the empty field."""
    before = previous_values(previous_inputs)
    texts = {}
    for test in ("tug", "sts5"):
        if before.get(f"{test}_unable"):
            texts[f"{test}_seconds"] = _("unable")
        elif f"{test}_seconds" in before:
            texts[f"{test}_seconds"] = _number(before[f"{test}_seconds"], "s")
    if "tandem_seconds" in before:
        texts["tandem_seconds"] = _("%(seconds)s (ceiling %(ceiling)s s)") % {
            "seconds": _number(before["tandem_seconds"], "s"),
            "ceiling": before.get("tandem_max_seconds", 30),
        }
    for key in ("falls_last_12_months", "pain_nrs"):
        if key in before:
            texts[key] = str(before[key])
    for key in ("injurious_fall", "suspected_new_vertebral_fracture"):
        if key in before:
            texts[key] = _yes_no(before[key])
    for key, unit in (
        ("height_cm", "cm"),
        ("weight_kg", "kg"),
        ("height_loss_cm", "cm"),
        ("occiput_wall_cm", "cm"),
    ):
        if key in before:
            texts[key] = _number(before[key], unit)
    if before.get("fes_i_short"):
        total = sum(before["fes_i_short"])
        texts["fes_i"] = f"{total} ({fes_i_level(total).label(current_language()).lower()})"
    return texts
