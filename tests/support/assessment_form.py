"""The assessment form as the browser posts it; the view tests and the bench's save scenario
send the same fields."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone


def assessment_form(csrf_token: str | None) -> dict:
    """A valid assessment form dated today with one vertebral fracture row two months old
    (akutfase over træningsaktiv med hensyn: rules A1, B3, C1)."""
    today = timezone.localdate()
    return {
        "csrfmiddlewaretoken": csrf_token,
        "assessment_date": today.isoformat(),
        "t_lumbar_spine": "-2,7",
        "t_femoral_neck": "-2,1",
        "falls_last_12_months": "1",
        "walking_aid": "none",
        "regular_training": "on",
        "tug_seconds": "9,5",
        "sts5_seconds": "11,0",
        "tandem_seconds": "30",
        "tandem_max_seconds": "30",
        "pain_nrs": "2",
        "risk_factors": ["smoking"],
        "fractures-TOTAL_FORMS": "1",
        "fractures-INITIAL_FORMS": "0",
        "fractures-MIN_NUM_FORMS": "0",
        "fractures-MAX_NUM_FORMS": "30",
        "fractures-0-site": "vertebral",
        "fractures-0-date": (today - timedelta(days=60)).isoformat(),
        "fractures-0-low_energy": "on",
    }


def valid_post(**overrides) -> dict:
    """The form without its CSRF token (the test client needs none), with overrides; an
    override of None leaves the field out."""
    data = assessment_form(csrf_token=None)
    del data["csrfmiddlewaretoken"]
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def create_url(patient) -> str:
    return reverse("assessment:assessment_create", args=[patient.id])
