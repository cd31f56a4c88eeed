"""The Django admin is for platform staff; the audit log there is read-only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import AuditEvent, Clinic, Invitation, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class OsteoUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "phone"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "clinic", "sent_at", "accepted_at", "closed_at"]
    list_filter = ["clinic"]
    search_fields = ["email"]
    readonly_fields = ["sent_at", "accepted_at", "accepted_by", "invited_by"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_username", "action", "object_type", "clinic", "address"]
    list_filter = ["action", "clinic"]
    search_fields = ["actor_username", "object_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
