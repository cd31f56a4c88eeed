"""The letter to the patient's GP when W2 (a DXA work-up) or W6 (a spinal X-ray) fired.

The letter is always in Danish: it goes to a Danish GP, whatever language the physiotherapist
reads the app in. Its sentences go through gettext (English msgids, Danish in locale/da) and
are rendered with Danish active. The same content gives the text to copy into the clinic's
record system and the one-page PDF (templates/letters/).
"""

from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from .domain.inputs import AssessmentInput
from .domain.measures import exact
from .domain.serialisation import input_from_json
from .domain.vocabulary import BoneStatus, RiskFactor, in_sentence
from .domain.warning_rules import W2_FRACTURES_FROM_AGE, fractures_since_age, height_loss_red_flag

LETTER_LANGUAGE = "da"


@dataclass
class GpLetter:
    subject: str
    intro: str
    sections: list[tuple[str, list[str], str]] = field(default_factory=list)
    """(heading, findings, suggestion) per warning that fired."""
    closing: str = ""
    sender: list[str] = field(default_factory=list)
    place_and_date: str = ""


def _day(value: date) -> str:
    return date_format(value, "d.m.Y")


def _cm(value) -> str:
    return f"{number_format(exact(value))} cm"


def _bone_findings(inputs: AssessmentInput, bone: BoneStatus) -> list[str]:
    t_min = inputs.t_scores.minimum
    if t_min is None:
        return [_("No DXA scan is recorded.")]
    scanned = (
        _(", scanned on %(date)s") % {"date": _day(inputs.dxa_scan_date)}
        if inputs.dxa_scan_date
        else ""
    )
    return [
        _("The lowest recorded T-score is %(t)s (%(status)s)%(scanned)s.")
        % {
            "t": number_format(exact(t_min)),
            "status": in_sentence(bone.label_da),
            "scanned": scanned,
        }
    ]


def _w2_section(inputs: AssessmentInput, bone: BoneStatus):
    findings = _bone_findings(inputs, bone)
    factors = [r for r in RiskFactor if r in inputs.effective_risk_factors]
    if factors:
        names = [
            _("BMI %(bmi)s") % {"bmi": number_format(inputs.bmi)}
            if r is RiskFactor.LOW_BMI and inputs.bmi is not None
            else in_sentence(r.label_da)
            for r in factors
        ]
        findings.append(_("Risk factors for osteoporosis: %(list)s.") % {"list": ", ".join(names)})
    fractures = fractures_since_age(inputs, W2_FRACTURES_FROM_AGE)
    if fractures:
        listed = ", ".join(f"{in_sentence(f.site.label_da)} {_day(f.date)}" for f in fractures)
        findings.append(_("Low-energy fracture at age 50 or over: %(list)s.") % {"list": listed})
    suggestion = _(
        "Osteoporosis has not been diagnosed, but the findings above are risk factors for it. "
        "We suggest an osteoporosis work-up with a DXA scan."
    )
    return _("Possible osteoporosis"), findings, suggestion


def _w6_section(inputs: AssessmentInput):
    findings = []
    if inputs.suspected_new_vertebral_fracture:
        findings.append(
            _(
                "Sudden, new back pain without a clear cause, which raises the suspicion of a new "
                "vertebral fracture."
            )
        )
    loss = height_loss_red_flag(inputs)
    if loss is not None:
        findings.append(_("A height loss of %(cm)s since early adulthood.") % {"cm": _cm(loss)})
    if inputs.occiput_wall_cm is not None:
        findings.append(
            _("Occiput-to-wall distance: %(cm)s.") % {"cm": _cm(inputs.occiput_wall_cm)}
        )
    suggestion = _(
        "We suggest an X-ray of the thoracic and lumbar spine for vertebral fractures before "
        "the spine is loaded further; Danish regional guidance indicates a spinal X-ray at a "
        "height loss of about 4 cm or an abnormal kyphosis. Until then the patient trains with "
        "precautions: no impact beyond light, and no loaded forward bending or twisting."
    )
    return _("Possible vertebral fracture"), findings, suggestion


def gp_letter(assessment, *, author, today: date) -> GpLetter:
    """The letter's content for a stored assessment in which W2 or W6 fired."""
    patient, clinic = assessment.patient, assessment.patient.clinic
    inputs = input_from_json(assessment.inputs)
    warnings = assessment.result.get("warnings", [])
    with translation.override(LETTER_LANGUAGE):
        identity = (
            _("CPR no. %(cpr)s") % {"cpr": patient.cpr}
            if patient.cpr
            else _("born %(date)s") % {"date": _day(patient.birth_date)}
        )
        letter = GpLetter(
            subject=_("Regarding %(name)s, %(identity)s")
            % {"name": patient.full_name, "identity": identity},
            intro=_(
                "%(name)s was assessed by a physiotherapist at %(clinic)s on %(date)s before "
                "starting exercise for bone health. The assessment found the following, which "
                "we ask you to look into."
            )
            % {
                "name": patient.full_name,
                "clinic": clinic.name,
                "date": _day(assessment.assessment_date),
            },
        )
        if "W6" in warnings:
            letter.sections.append(_w6_section(inputs))
        if "W2" in warnings:
            letter.sections.append(
                _w2_section(inputs, BoneStatus(assessment.result["bone_status"]))
            )
        letter.closing = _(
            "The training follows the Danish recommendations for exercise with osteoporosis "
            "(Strong, Steady, Straight). Please let us know if your findings change the plan."
        )
        letter.sender = [
            author.get_full_name() or author.get_username(),
            _("Physiotherapist"),
            clinic.name,
            *[line for line in (clinic.address, clinic.phone) if line],
        ]
        letter.place_and_date = _day(today)
    return letter


def letter_text(letter: GpLetter) -> str:
    """The letter as plain text, to paste into the clinic's record system."""
    with translation.override(LETTER_LANGUAGE):
        return render_to_string("letters/gp_letter.txt", {"letter": letter}).strip() + "\n"


def letter_html(letter: GpLetter) -> str:
    """The letter as the HTML of its one-page PDF."""
    with translation.override(LETTER_LANGUAGE):
        return render_to_string("letters/gp_letter.html", {"letter": letter})
