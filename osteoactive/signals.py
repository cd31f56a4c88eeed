"""Authentication events go into the audit log next to patient access; membership and clinic
changes raise the users' memberships_version."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import AuditEvent, Clinic, Membership
from .proxies import client_address


def _clinics_of(username):
    """The clinics whose admins should see an event about this login name (or none)."""
    clinics = Membership.objects.filter(user__username=username).values_list("clinic_id", flat=True)
    return list(clinics) or [None]


def _record(action, username, address, actor=None):
    username = str(username or "")[:150]
    for clinic_id in _clinics_of(username):
        AuditEvent.objects.create(
            action=action,
            actor=actor,
            actor_username=username,
            address=address,
            clinic_id=clinic_id,
        )


def _address(request):
    return client_address(request) or None


@receiver(user_login_failed)
def record_failed_login(sender, credentials, request=None, **kwargs):
    _record(AuditEvent.Action.LOGIN_FAILED, credentials.get("username"), _address(request))


@receiver(user_locked_out)
def record_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    _record(AuditEvent.Action.LOCKOUT, username, ip_address or _address(request))


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    _record(AuditEvent.Action.LOGIN, user.get_username(), _address(request), actor=user)


@receiver([post_save, post_delete], sender=Membership)
def _membership_changed(sender, instance, **kwargs):
    _new_memberships_version(id=instance.user_id)


@receiver(pre_save, sender=Membership)
def _membership_given_to_another_user(sender, instance, **kwargs):
    """The admin can move a membership to another user: the one who had it loses it now."""
    if not instance._state.adding:
        previous = Membership.objects.filter(pk=instance.pk).exclude(user_id=instance.user_id)
        _new_memberships_version(id__in=previous.values("user_id"))


@receiver(post_save, sender=Clinic)
def _clinic_changed(sender, instance, **kwargs):
    _new_memberships_version(memberships__clinic=instance)


def _new_memberships_version(**users):
    """Cached memberships (osteoactive.selectors.active_memberships) are read no more."""
    get_user_model().objects.filter(**users).update(
        memberships_version=F("memberships_version") + 1
    )
