"""The patient list's rows are cached per user under a digest of what they show: a change to
any column a row reads, to the date (the due badge) or to the language shows on the next view,
and one user's rows are never shown to a colleague."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessment.models import Patient
from assessment.services import patient_update, worklist_refresh
from tests.factories import AssessmentFactory, MembershipFactory, PatientFactory, UserFactory

pytestmark = pytest.mark.django_db


def table(client, query=""):
    response = client.get(reverse("assessment:patient_list") + query)
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('data-testid="patient-table"')[1].split("</table>")[0]


def rows_rendered(monkeypatch):
    """Counts the times the rows are worked out (only when their fragment is rendered)."""
    from assessment import worklist

    calls = []
    original = worklist.rows

    def counting(patients, today):
        calls.append(today)
        return original(patients, today)

    monkeypatch.setattr(worklist, "rows", counting)
    return calls


@pytest.fixture
def assessed(clinic, physio):
    patient = PatientFactory(clinic=clinic, last_name="Andersen")
    AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=3),
    )
    patient.refresh_from_db()
    return patient


def test_a_second_view_is_served_from_the_cache(physio_client, assessed, monkeypatch):
    calls = rows_rendered(monkeypatch)
    first = table(physio_client)
    assert "Andersen" in first and len(calls) == 1
    assert table(physio_client) == first
    assert len(calls) == 1


def test_each_column_a_row_reads_shows_on_the_next_view(physio_client, assessed, physio):
    table(physio_client)
    patient_update(patient=assessed, first_name="Birgit", last_name="Bach", cpr="")
    html = table(physio_client)
    assert "Bach, Birgit" in html and "Andersen" not in html

    # Each worklist column, written straight to the row, as a migration or a script might.
    changes = {
        "birth_date": assessed.birth_date - timedelta(days=365),
        "cpr": "0203501234",
        "latest_category": "akutfase",
        "latest_underlying_category": "hverdagsaktiv_med_hensyn",
        "latest_assessment_date": timezone.localdate() - timedelta(days=40),
        "next_reassessment_due": timezone.localdate() - timedelta(days=1),
        "red_flag": True,
        "prescription_review": ["category_changed"],
    }
    shown = {
        "birth_date": changes["birth_date"].strftime("%d.%m.%Y"),
        "cpr": "020350-XXXX",
        "latest_category": "Akutfasen",
        "latest_underlying_category": "derefter: Hverdagsaktiv med hensyn",
        "latest_assessment_date": changes["latest_assessment_date"].strftime("%d.%m.%Y"),
        "next_reassessment_due": 'data-testid="overdue"',
        "red_flag": "Rødt flag: røntgen",
        "prescription_review": "Kategori ændret: gennemse",
    }
    for name, value in changes.items():
        assert shown[name] not in table(physio_client), name
        Patient.objects.filter(pk=assessed.pk).update(**{name: value})
        assert shown[name] in table(physio_client), name

    worklist_refresh(patient=Patient.objects.get(pk=assessed.pk))
    html = table(physio_client)
    assert "Akutfasen" not in html and "Rødt flag" not in html


def test_the_due_badge_follows_the_date(physio_client, assessed, monkeypatch):
    today = timezone.localdate()
    Patient.objects.filter(pk=assessed.pk).update(next_reassessment_due=today + timedelta(days=1))
    monday = today - timedelta(days=today.weekday())
    monkeypatch.setattr(timezone, "localdate", lambda *args: monday - timedelta(days=7))
    assert "due-this-week" not in table(physio_client)
    monkeypatch.setattr(timezone, "localdate", lambda *args: today)
    assert "due-this-week" in table(physio_client)
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + timedelta(days=2))
    assert 'data-testid="overdue"' in table(physio_client)


def test_the_rows_follow_the_language(physio_client, assessed):
    danish = table(physio_client)
    physio_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = table(physio_client)
    assert english != danish
    assert assessed.birth_date.strftime("%d/%m/%Y") in english
    assert assessed.birth_date.strftime("%d.%m.%Y") in danish


def test_the_empty_table_follows_the_filter(physio_client, clinic):
    assert "Ingen patienter endnu" in table(physio_client)
    assert "Ingen patienter matcher" in table(physio_client, query="?show=overdue")
    assert "Ingen patienter endnu" in table(physio_client)


def test_a_colleague_never_gets_another_users_rows(physio_client, assessed, clinic, monkeypatch):
    calls = rows_rendered(monkeypatch)
    table(physio_client)
    table(physio_client)
    assert len(calls) == 1
    colleague = UserFactory()
    MembershipFactory(user=colleague, clinic=clinic)
    other = Client()
    other.force_login(colleague)
    assert "Andersen" in table(other)
    assert len(calls) == 2  # rendered for the colleague, not taken from the first user's key
