"""The error a service raises when a write would break a business rule."""

from django.core.exceptions import ValidationError


class ServiceError(ValidationError):
    """A write the service refuses, with a message for the user: views show it as it is, forms
    attach it to a field (it is a ValidationError), and no rule is written twice."""
