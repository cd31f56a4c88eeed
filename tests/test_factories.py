"""The factories make what the app makes: each record as its service writes it."""

import pytest

from osteoactive.domain.categories import Category
from tests.factories import (
    AssessmentFactory,
    AuditEventFactory,
    HandoutFactory,
    HiddenExerciseFactory,
    MembershipFactory,
    ProgramItemFactory,
)
from tests.support.examples import old_vertebral_fracture

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("category", [category.value for category in Category])
def test_each_category_has_inputs_the_categoriser_puts_there(category):
    assessment = AssessmentFactory(category=category)
    assert assessment.suggested_category == assessment.final_category == category
    assert assessment.result["category"] == category
    assert assessment.inputs["assessment_date"] == assessment.assessment_date.isoformat()


def test_inputs_are_given_by_keyword_and_the_result_follows_them():
    assessment = AssessmentFactory(fractures=[old_vertebral_fracture()], falls_last_12_months=2)
    assert assessment.result["rules"] == ["B4", "C1"]
    assert assessment.result["fall_risk"] == "high"
    assert float(assessment.tug_seconds) == 9.5


def test_a_category_the_inputs_do_not_give_is_refused():
    with pytest.raises(AssertionError, match="B4"):
        AssessmentFactory(category="traeningsaktiv", walking_aid="none", regular_training=False)


def test_an_unknown_input_is_refused():
    with pytest.raises(TypeError, match="tug_sekunder"):
        AssessmentFactory(tug_sekunder=9.0)


def test_an_override_needs_its_reason():
    assessment = AssessmentFactory(
        category="hverdagsaktiv", final_category="funktionsbegraenset", override_reason="Træt"
    )
    assert assessment.is_overridden and assessment.override_reason == "Træt"


def test_related_records_stay_in_one_clinic(library):
    item = ProgramItemFactory()
    clinic = item.program.assessment.patient.clinic
    assert item.exercise.clinic == clinic and item.added_by_hand
    assert item.program.created_by.memberships.get().clinic == clinic
    assert item.program.items.count() > 1  # the generated ones and the added one


def test_handouts_memberships_hidden_exercises_and_audit_rows(library):
    handout = HandoutFactory(status="failed")
    assert handout.status == "failed" and handout.error
    assert handout.prescription.snapshot["exercises"]
    inactive = MembershipFactory(is_active=False)
    assert not inactive.is_active
    hidden = HiddenExerciseFactory()
    assert hidden.exercise.is_global and hidden.clinic.hidden_exercises.get() == hidden
    event = AuditEventFactory(summary="seen")
    assert event.actor_username == event.actor.username and event.summary == "seen"
