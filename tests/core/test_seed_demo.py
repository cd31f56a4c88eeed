import pytest
from django.core.management import call_command

from osteoactive.models import Clinic, Membership, User

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "clinics": list(Clinic.objects.values_list("id", "name")),
        "memberships": list(Membership.objects.values_list("id", "user__username")),
        "passwords": list(User.objects.order_by("username").values_list("username", "password")),
    }


def test_seed_demo_is_idempotent_and_its_users_log_in_to_a_worklist(capsys, client):
    """Run twice, the demo changes nothing the second time. Its follow-up history: a
    reassessment that changed the category, an overdue patient, one due this week, a red flag
    and one whose warnings call for a letter."""
    call_command("seed_demo")
    first = snapshot()
    output = capsys.readouterr().out
    assert "Demo Fysioterapi" in output and "fysio" in output and "klinikadmin" in output
    call_command("seed_demo")
    assert snapshot() == first
    assert Clinic.objects.filter(name="Demo Fysioterapi").count() == 1

    client.post("/login/", {"username": "fysio", "password": "Fysio-demo-2026"})
    assert client.session["_auth_user_id"]
    rows = {row["patient"].last_name: row for row in client.get("/patients/").context["rows"]}
    assert all(row["patient"].next_reassessment_due for row in rows.values())
    assert rows["Mæhl"]["due_state"] == "overdue"
    assert rows["Holm"]["due_state"] == "this_week"
    assert rows["Wilson"]["patient"].red_flag
    assert rows["Søndergård"]["category_changed"]
    assert rows["Søndergård"]["category"] == "Træningsaktiv med hensyn"
    assert rows["Frandsen"]["patient"].assessments.count() == 2
    dahl = rows["Dahl"]["patient"].assessments.get()
    assert "W2" in dahl.result["warnings"]


def test_seed_demo_on_an_empty_database_loads_the_library_and_makes_short_handouts():
    """Every demo patient's handout: at most 10 pages (12 over 12 exercises), the week plan on
    page 1, the clinic's English branding on an English handout."""
    import io

    from pypdf import PdfReader

    from prescriptions.models import Handout, Prescription
    from programs.domain.library_file import load_library_file
    from programs.models import Exercise

    assert not Exercise.objects.exists()
    call_command("seed_demo")
    library = load_library_file()
    assert Exercise.objects.filter(clinic__isnull=True).count() == len(library.entries)
    prescriptions = Prescription.objects.filter(patient__clinic__name="Demo Fysioterapi")
    assert prescriptions.count() == 6
    assert all(p.snapshot["exercises"] and p.exercises.exists() for p in prescriptions)
    assert all(h.status == "ready" for p in prescriptions for h in p.handouts.all())

    handouts = Handout.objects.filter(prescription__patient__clinic__name="Demo Fysioterapi")
    assert handouts.count() == 6
    for handout in handouts.select_related("prescription"):
        with handout.file.open("rb") as pdf:
            reader = PdfReader(io.BytesIO(pdf.read()))
        exercises = len(handout.prescription.snapshot["exercises"])
        assert len(reader.pages) <= (10 if exercises <= 12 else 12), handout
        first = reader.pages[0].extract_text()
        assert ("Din uge" if handout.language == "da" else "Your week") in first
        if handout.language == "en":
            assert "Weekdays 8 am–3 pm" in first and "Hverdage" not in first
