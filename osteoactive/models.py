"""Clinics, people and their roles: the tenancy every clinical row belongs to."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class UUIDModel(models.Model):
    """UUID primary keys, so URLs never reveal how many records a clinic has."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class User(AbstractUser):
    # Raised whenever one of the user's memberships or their clinics changes. The user row is
    # read on every request anyway, so the memberships can be cached under this version and
    # a change is seen by the next request in every process (osteoactive.selectors).
    memberships_version = models.PositiveIntegerField(default=0, editable=False)

    def save(self, *args, **kwargs):
        """Never writes memberships_version back: only the signals' UPDATE raises it, and a user
        loaded before a membership change must not put the old number back."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "memberships_version"
            ]
        super().save(*args, **kwargs)


class Clinic(UUIDModel):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to="clinic-logos/", blank=True)
    contact_line = models.CharField(
        _("contact line (Danish)"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the handout, e.g. how to reach you."),
    )
    contact_line_en = models.CharField(
        _("contact line (English)"),
        max_length=200,
        blank=True,
        help_text=_("Shown on English handouts; left empty, they show the phone number only."),
    )
    opening_hours = models.CharField(_("opening hours (Danish)"), max_length=200, blank=True)
    opening_hours_en = models.CharField(_("opening hours (English)"), max_length=200, blank=True)
    handout_footer = models.CharField(_("handout footer text (Danish)"), max_length=200, blank=True)
    handout_footer_en = models.CharField(
        _("handout footer text (English)"),
        max_length=200,
        blank=True,
        help_text=_("Left empty, English handouts show the clinic's name and address."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("clinic")
        verbose_name_plural = _("clinics")

    def __str__(self):
        return self.name


class Membership(UUIDModel):
    """A person's place in one clinic; the two roles may be held together."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")
    is_physiotherapist = models.BooleanField(_("physiotherapist"), default=True)
    is_clinic_admin = models.BooleanField(_("clinic admin"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["clinic__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "clinic"], name="one_membership_per_clinic"),
            models.CheckConstraint(
                condition=models.Q(is_physiotherapist=True) | models.Q(is_clinic_admin=True),
                name="membership_has_a_role",
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} @ {self.clinic}"

    @property
    def role_labels(self):
        labels = []
        if self.is_physiotherapist:
            labels.append(_("Physiotherapist"))
        if self.is_clinic_admin:
            labels.append(_("Clinic admin"))
        return labels


class Invitation(UUIDModel):
    """An offer to join a clinic's staff, sent by e-mail. It becomes a membership only when the
    person who opens the signed link accepts, with a new account or by signing in to their
    own: no clinic can attach an existing account by its name (osteoactive.invitation_links)."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    is_physiotherapist = models.BooleanField(_("physiotherapist"), default=True)
    is_clinic_admin = models.BooleanField(_("clinic admin"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Withdrawn by the clinic or declined by the person invited.
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_physiotherapist=True) | models.Q(is_clinic_admin=True),
                name="invitation_has_a_role",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.clinic}"

    @property
    def is_open(self):
        return self.accepted_at is None and self.closed_at is None

    role_labels = Membership.role_labels


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")


class AuditEvent(models.Model):
    """An append-only record of access to and changes of clinical data (no health values)."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        ARCHIVE = "archive", _("archived")
        DOWNLOAD = "download", _("downloaded")
        EXPORT = "export", _("exported")
        ERASE = "erase", _("erased")
        LOGIN = "login", _("logged in")
        LOGIN_FAILED = "login_failed", _("failed login")
        LOCKOUT = "lockout", _("locked out")

    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # No database constraints to users and clinics: an insert then checks and key-share locks
    # the user's and the clinic's rows, on every page view, from every worker at once. The log
    # outlives its users anyway (actor_username); deletions still set these to NULL.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    actor_username = models.CharField(max_length=150, blank=True)
    clinic = models.ForeignKey(
        Clinic,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
        db_constraint=False,
        db_index=False,  # covered by the (clinic, -at) index
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    patient_id = models.UUIDField(null=True, blank=True, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    fields = models.JSONField(default=list, blank=True)
    summary = models.CharField(max_length=300, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["clinic", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")
