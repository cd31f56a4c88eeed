"""The letter to the patient's GP (W2: a DXA work-up; W6: a spinal X-ray): a page with the
text to copy into the clinic's record system, and the same letter as a one-page PDF.

The PDF is rendered while the request waits, through the project's one PDF module: a page of
text without pictures renders in a fraction of a second (the handout, with its pictures and
many pages, goes through Celery), and the letter is not stored, so no file holding health
data outlives the download and a letter always shows the assessment as it is now.
"""

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from osteoactive import audit
from osteoactive.access import physiotherapist_required
from osteoactive.pdf import render_pdf

from .. import selectors
from ..letters import gp_letter as build_letter
from ..letters import letter_html, letter_text
from ..presentation import GP_LETTER_WARNINGS


def _letter_for(request, assessment_id):
    assessment = selectors.assessment_get(request.membership, assessment_id)
    warnings = assessment.result.get("warnings", [])
    if assessment.is_voided or not any(w in GP_LETTER_WARNINGS for w in warnings):
        raise Http404
    letter = build_letter(assessment, author=request.user, today=timezone.localdate())
    return assessment, letter


@transaction.non_atomic_requests
@physiotherapist_required
def gp_letter(request, assessment_id):
    assessment, letter = _letter_for(request, assessment_id)
    audit.record(request, "view", assessment, patient=assessment.patient, summary="gp letter")
    context = {
        "assessment": assessment,
        "patient": assessment.patient,
        "letter": letter,
        "text": letter_text(letter),
    }
    response = render(request, "letters/gp_letter_page.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@transaction.non_atomic_requests
@physiotherapist_required
def gp_letter_pdf(request, assessment_id):
    assessment, letter = _letter_for(request, assessment_id)
    pdf = render_pdf(letter_html(letter))
    audit.record(request, "download", assessment, patient=assessment.patient, summary="gp letter")
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"brev-til-egen-laege-{assessment.assessment_date:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
