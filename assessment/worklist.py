"""The patient list as a worklist: what each row shows and the links that filter and sort it."""

import hashlib
from datetime import timedelta

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from osteoactive.domain.categories import Category
from osteoactive.language import current_language

from .models import Patient, ReviewReason, review_labels

PATIENT_FIELDS = ("id", "first_name", "last_name", "birth_date", "cpr", *Patient.WORKLIST_FIELDS)
"""The columns the list reads: the patient's own and those copied from the latest assessment."""


def _label(code: str, language: str) -> str:
    return Category(code).label(language) if code else ""


def due_state(due, today) -> str:
    """ "overdue" before today, "this_week" until Sunday, "" later or never assessed."""
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if due <= today + timedelta(days=6 - today.weekday()):
        return "this_week"
    return ""


def rows(patients, today) -> list[dict]:
    language = current_language()
    return [
        {
            "patient": patient,
            "category": _label(patient.latest_category, language),
            "underlying": _label(patient.latest_underlying_category, language),
            "due_state": due_state(patient.next_reassessment_due, today),
            "category_changed": ReviewReason.CATEGORY_CHANGED in patient.prescription_review,
            "review": review_labels(
                r for r in patient.prescription_review if r != ReviewReason.CATEGORY_CHANGED
            ),
        }
        for patient in patients
    ]


def rows_key(patients, today, *, filtered: bool) -> str:
    """What the list's rows show, as a digest: each row is a function of its patient's
    `PATIENT_FIELDS`, today (the due badge) and the language, and the empty table's text of
    whether a search or filter is on. The rows' cached fragment is kept under it (with the
    user and the language), so a change to any of them shows on the next view."""
    values = [tuple(getattr(patient, name) for name in PATIENT_FIELDS) for patient in patients]
    return hashlib.md5(repr((today, filtered, values)).encode(), usedforsecurity=False).hexdigest()


def links(*, archived: bool, show: str, order: str) -> dict:
    """The query strings of the filter and sort links, each keeping the other choices (the
    search is kept in the session, never in a URL)."""

    def query(**changes):
        values = {"archived": "1" if archived else "", "show": show, "order": order}
        values.update(changes)
        if values["order"] == "name":
            values["order"] = ""  # the default
        return "?" + urlencode({k: v for k, v in values.items() if v})

    return {
        "filters": [
            ("", _("All"), query(show="")),
            ("due_this_week", _("Due this week"), query(show="due_this_week")),
            ("overdue", _("Overdue"), query(show="overdue")),
            ("red_flags", _("Red flags"), query(show="red_flags")),
        ],
        "orders": [
            ("name", _("Name"), query(order="name")),
            ("due", _("Next reassessment"), query(order="due")),
        ],
        "page_query": query()[1:],
    }
