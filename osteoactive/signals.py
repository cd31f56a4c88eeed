"""Authentication events go into the audit log next to patient access; membership and clinic
changes raise the users' memberships_version."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .middleware import SESSION_KEY
from .models import AuditEvent, Clinic, Membership
from .proxies import client_address


def _clinics_of(username):
    """The clinics whose admins should see an event about this login name: those where the
    name is on the staff now (not those where the membership ended); else none."""
    clinics = Membership.objects.filter(user__username=username, is_active=True).values_list(
        "clinic_id", flat=True
    )
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


@receiver(user_logged_in)
def choose_the_first_clinic(sender, request, user, **kwargs):
    """A new session starts in the first of the user's clinics, and stays there until the user
    chooses another (osteoactive.middleware.ActiveClinicMiddleware)."""
    if request is None or not hasattr(request, "session"):
        return
    first = (
        Membership.objects.filter(user=user, is_active=True)
        .order_by("clinic__name")
        .values_list("clinic_id", flat=True)
        .first()
    )
    if first is not None:
        request.session[SESSION_KEY] = str(first)


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
