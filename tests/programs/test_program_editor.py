"""The program editor: picker, inline dose, reordering, removal with confirmation, warnings.

Each edit is tested through its view, plain (a redirect) and through htmx (the editor
fragment), and its rules through the service."""

import pytest
from django.urls import reverse

from osteoactive.models import AuditEvent
from prescriptions.services import prescription_issue
from programs import services
from programs.models import Exercise, ProgramItem
from tests.factories import ExerciseFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def items(program):
    return list(program.items.select_related("exercise").order_by("position"))


def strength_item(program):
    return program.items.filter(
        exercise__dose_type="repetitions", exercise__kind="strength", start_week=1
    ).first()


# --- dose: the later phases follow unless set by hand (domain.md §10) ---------------------------


def test_a_changed_first_phase_moves_the_later_phases_by_the_generators_steps(program):
    item = strength_item(program)
    assert [p["dose"] for p in item.phases] == [
        {"sets": 2, "reps": 10},
        {"sets": 3, "reps": 10},
        {"sets": 3, "reps": 8},
    ]
    services.program_item_set_dose(item=item, days_per_week=3, dose={"sets": 1, "reps": 12})
    item.refresh_from_db()
    assert [p["dose"] for p in item.phases] == [
        {"sets": 1, "reps": 12},
        {"sets": 2, "reps": 12},
        {"sets": 2, "reps": 10},
    ]
    assert [p["days_per_week"] for p in item.phases] == [3, 3, 3]
    assert item.edited_phases == []


def test_a_later_phase_set_by_hand_stays_until_it_follows_again(program):
    item = strength_item(program)
    services.program_item_set_dose(
        item=item,
        days_per_week=2,
        dose={"sets": 2, "reps": 10},
        later={1: {"sets": 3, "reps": 10}, 2: {"sets": 5, "reps": 5}},
    )
    item.refresh_from_db()
    assert item.edited_phases == [2]  # weeks 5–8 were sent unchanged: they still follow
    services.program_item_set_dose(item=item, days_per_week=2, dose={"sets": 3, "reps": 8})
    item.refresh_from_db()
    assert [p["dose"] for p in item.phases] == [
        {"sets": 3, "reps": 8},
        {"sets": 4, "reps": 8},
        {"sets": 5, "reps": 5},  # set by hand
    ]
    services.program_item_set_dose(
        item=item, days_per_week=2, dose={"sets": 3, "reps": 8}, follow_again={2}
    )
    item.refresh_from_db()
    assert item.phases[2]["dose"] == {"sets": 3 + 3 - 2, "reps": 8 + 8 - 10}
    assert item.edited_phases == []


def test_a_dose_edit_updates_the_minutes_per_session(program):
    balance = program.items.filter(domain="stabil", exercise__dose_type="hold_seconds").first()
    before = program.minutes_per_session["stabil"]
    sets = balance.dose["sets"]
    services.program_item_set_dose(
        item=balance, days_per_week=7, dose={"sets": sets + 3, "hold_seconds": 30}
    )
    program.refresh_from_db()
    assert program.minutes_per_session["stabil"][0] > before[0]


def test_inline_dose_form_and_save_through_htmx(physio_client, program):
    item = strength_item(program)
    url = reverse("programs:item_dose", args=[item.id])
    form = physio_client.get(url, **HTMX)
    text = form.content.decode()
    assert form.templates[0].name == "programs/_item_dose_form.html"
    assert f'id="item-{item.id}"' in text and "<html" not in text
    assert text.count('data-testid="later-phase"') == 2
    saved = physio_client.post(
        url, {"sets": 3, "reps": 12, "days_per_week": 2, "phase2-sets": 5, "phase2-reps": 5}, **HTMX
    )
    assert saved.status_code == 200 and saved["HX-Trigger"] == "programChanged"
    page = saved.content.decode()
    assert 'id="program-editor"' in page and 'data-hx-swap-oob="true"' in page
    item.refresh_from_db()
    assert [p["dose"] for p in item.phases] == [
        {"sets": 3, "reps": 12},
        {"sets": 4, "reps": 12},
        {"sets": 5, "reps": 5},
    ]
    assert item.edited_phases == [2] and 'data-testid="by-hand"' in page
    bad = physio_client.post(url, {"sets": 3, "days_per_week": 9}, **HTMX)
    assert bad["HX-Retarget"] == f"#item-{item.id}" and "is-invalid" not in bad["HX-Retarget"]
    assert "invalid-feedback" in bad.content.decode()


def test_dose_page_without_javascript(physio_client, program):
    item = strength_item(program)
    url = reverse("programs:item_dose", args=[item.id])
    assert "<html" in physio_client.get(url).content.decode()
    response = physio_client.post(url, {"sets": 2, "reps": 8, "days_per_week": 2})
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{item.id}")


# --- order ------------------------------------------------------------------------------------


def test_moving_within_a_domain_changes_the_numbering_the_handout_uses(physio_client, program):
    before = items(program)
    second = before[1]
    assert before[0].domain == second.domain == "staerk"
    url = reverse("programs:item_move", args=[second.id])
    response = physio_client.post(url, {"direction": "up"}, **HTMX)
    assert response["HX-Trigger"] == "programChanged"
    assert f'id="move-down-{second.id}"' in response.content.decode()
    after = items(program)
    assert [i.id for i in after[:2]] == [second.id, before[0].id]
    assert [i.position for i in after] == list(range(len(after)))
    assert AuditEvent.objects.filter(action="update", fields=["items"]).exists()
    prescription = prescription_issue(program=program, issued_by=program.created_by)
    names = [e["name"]["da"] for e in prescription.snapshot["exercises"]]
    assert names[:2] == [second.exercise.name_da, before[0].exercise.name_da]


def test_the_first_of_a_domain_does_not_move_up_and_the_focus_moves_to_down(physio_client, program):
    first = items(program)[0]
    url = reverse("programs:item_move", args=[first.id])
    response = physio_client.post(url, {"direction": "up"}, **HTMX)
    assert [i.id for i in items(program)][0] == first.id
    text = response.content.decode()
    assert f'id="move-down-{first.id}" autofocus' in text.replace('data-testid="move-down"', "")
    plain = physio_client.post(url, {"direction": "down"})
    assert plain.status_code == 302 and plain["Location"].endswith(f"#item-{first.id}")
    assert items(program)[1].id == first.id


def test_an_item_never_leaves_its_domain(program):
    rows = items(program)
    last_staerk = [i for i in rows if i.domain == "staerk"][-1]
    assert services.program_item_move(item=last_staerk, direction="down") is False
    assert services.program_item_move(item=last_staerk, direction="sideways") is False
    assert items(program) == rows


# --- removal, confirmed -----------------------------------------------------------------------


def test_removal_asks_first_and_says_what_would_fall_short(physio_client, program):
    pull = program.items.get(slot="pull")
    url = reverse("programs:item_remove", args=[pull.id])
    ask = physio_client.get(url, **HTMX)
    text = ask.content.decode()
    assert 'data-testid="remove-confirm"' in text and "<html" not in text
    assert "træk" in text  # P1: no exercise trains pull without it
    assert ProgramItem.objects.filter(id=pull.id).exists()
    page = physio_client.get(url)
    assert "<html" in page.content.decode() and ProgramItem.objects.filter(id=pull.id).exists()
    removed = physio_client.post(url, **HTMX)
    assert not ProgramItem.objects.filter(id=pull.id).exists()
    editor = removed.content.decode()
    assert 'data-testid="editor-warnings"' in editor and "træk" in editor
    assert [i.position for i in items(program)] == list(range(program.items.count()))


def test_no_warning_while_the_program_keeps_its_minimums(physio_client, program):
    page = physio_client.get(reverse("programs:program_detail", args=[program.id]))
    assert page.context["warnings"] == []
    assert 'data-testid="editor-warnings"' not in page.content.decode()


# --- add: the picker and the one test of what is allowed -----------------------------------------


def test_the_picker_lists_what_the_filters_allow_with_pattern_rung_and_equipment(
    physio_client, program
):
    url = reverse("programs:program_picker", args=[program.id])
    found = physio_client.get(url, {"q": "squat"}, **HTMX)
    picks = found.context["picked"].picks
    assert picks and all(p.allowed or p.in_program for p in picks)
    names = {p.exercise.key for p in picks}
    assert "barbell-back-squat" not in names  # training level: excluded for this category
    assert found.context["picked"].hidden_excluded >= 1
    used = next(p for p in picks if p.in_program)
    assert not used.allowed and "P2" in " ".join(used.violations)
    text = found.content.decode()
    assert "knæbøjning (squat)" in text and "trin 2 af 4" in text
    everything = physio_client.get(url, {"q": "squat", "excluded": "on"}, **HTMX)
    back_squat = next(
        p for p in everything.context["picked"].picks if p.exercise.key == "barbell-back-squat"
    )
    assert back_squat.excluded and back_squat.violations
    page = physio_client.get(url, {"q": "squat"})
    assert "<html" in page.content.decode() and page.context["picked"].picks


def test_the_picker_finds_by_movement_pattern_in_either_language(physio_client, program):
    url = reverse("programs:program_picker", args=[program.id])
    found = physio_client.get(url, {"q": "træk"}, **HTMX).context["picked"].picks
    assert all("træk" in f"{p.name} {p.pattern}".lower() for p in found)
    assert {"band-row", "prone-arm-lifts"} <= {p.exercise.key for p in found}  # pattern "træk"
    assert {p.exercise.key for p in found} & {
        p.exercise.key
        for p in physio_client.get(url, {"q": "pull"}, **HTMX).context["picked"].picks
    }


def test_adding_an_allowed_exercise_puts_it_last_in_its_domain(physio_client, program):
    extra = Exercise.objects.get(key="wall-sit")
    response = physio_client.post(
        reverse("programs:item_add", args=[program.id]), {"exercise": extra.id}, **HTMX
    )
    assert response["HX-Trigger"] == "programChanged"
    rows = items(program)
    added = next(i for i in rows if i.exercise == extra)
    staerk = [i for i in rows if i.domain == "staerk"]
    assert staerk[-1] == added and added.added_by_hand and not added.confirmed_violations
    assert rows.index(added) == len(staerk) - 1  # the Stabil items come after it


def test_loaded_flexion_and_a_second_rung_need_a_confirmation(physio_client, program, clinic):
    url = reverse("programs:item_add", args=[program.id])
    crunch = ExerciseFactory(clinic=clinic, name_da="Mavebøjning", loaded_spinal_flexion=True)
    asked = physio_client.post(url, {"exercise": crunch.id}, **HTMX)
    assert asked["HX-Retarget"] == f"#pick-{crunch.id}"
    assert 'data-testid="confirm-add"' in asked.content.decode()
    assert not program.items.filter(exercise=crunch).exists()
    squat = program.items.get(slot="squat").exercise
    harder = Exercise.objects.get(variant_group=squat.variant_group, rung=squat.rung + 1)
    page = physio_client.post(url, {"exercise": harder.id})
    assert "P2" in " ".join(page.context["violations"])
    physio_client.post(url, {"exercise": harder.id, "confirmed": "1"})
    added = program.items.get(exercise=harder)
    assert [v["code"] for v in added.confirmed_violations] == ["one_rung_per_ladder"]


def test_swap_works_for_an_item_added_by_hand_within_its_pattern(program):
    extra = Exercise.objects.get(key="wall-sit")
    item = services.program_item_add(program=program, exercise=extra, confirmed=False)
    candidates = services.swap_candidates(item)
    assert candidates and {c.pattern for c in candidates} == {"squat"}
    services.program_item_swap(item=item, exercise=candidates[0])
    item.refresh_from_db()
    assert item.exercise == candidates[0] and item.added_by_hand and not item.slot


# --- permissions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("programs:program_picker", "get"),
        ("programs:item_move", "post"),
        ("programs:item_remove", "get"),
        ("programs:item_dose", "get"),
    ],
)
def test_allowed_other_clinic_and_anonymous(client, physio, other_physio, program, name, method):
    item = program.items.first()
    args = [program.id] if name == "programs:program_picker" else [item.id]
    url = reverse(name, args=args)
    data = {"direction": "down"} if method == "post" else {}
    assert getattr(client, method)(url, data).status_code == 302  # anonymous: to the login
    client.force_login(other_physio)
    assert getattr(client, method)(url, data).status_code == 404
    client.force_login(physio)
    assert getattr(client, method)(url, data).status_code in (200, 302)
