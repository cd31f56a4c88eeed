"""Text typed into the app is plain text: control characters (NUL and the like, which
PostgreSQL refuses and which no one types on purpose) are a field error, never a 500."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls except tab, line feed and carriage return; DEL; the C1 controls.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def reject_control_characters(value):
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("Remove the control characters (such as NUL) from the text."),
            code="control_characters",
        )


class PlainTextFields:
    """Mixed into every form of the app (tests/security/test_plain_text.py checks that): each
    text field of the form gets reject_control_characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and reject_control_characters not in (
                field.validators
            ):
                field.validators.append(reject_control_characters)
