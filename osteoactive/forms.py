from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .date_input import DateInput
from .models import Clinic, Membership
from .plain_text import PlainTextFields
from .uploads import link_through_view, validated_image


class RolesMixin(PlainTextFields, forms.Form):
    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_physiotherapist") and not cleaned.get("is_clinic_admin"):
            raise forms.ValidationError(_("Choose at least one role."))
        return cleaned


class InvitationForm(RolesMixin, forms.Form):
    """Whom to invite. There is no login name: whether the address belongs to an account is
    never asked and never told; the person chooses on opening the link."""

    email = forms.EmailField(label=_("Email"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    is_physiotherapist = forms.BooleanField(
        label=_("Physiotherapist"), required=False, initial=True
    )
    is_clinic_admin = forms.BooleanField(label=_("Clinic admin"), required=False)


class InvitationSignupForm(PlainTextFields, UserCreationForm):
    """A new account, made by the person who opened an invitation link."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "last_name")
        labels = {"username": _("Login name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = True


class MembershipForm(RolesMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["is_physiotherapist", "is_clinic_admin", "is_active"]


class ClinicForm(PlainTextFields, forms.ModelForm):
    class Meta:
        model = Clinic
        fields = [
            "name",
            "address",
            "phone",
            "contact_line",
            "contact_line_en",
            "opening_hours",
            "opening_hours_en",
            "handout_footer",
            "handout_footer_en",
            "logo",
        ]
        widgets = {
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"})
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        link_through_view(self, "logo", reverse("clinic_logo"))

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            return validated_image(logo)
        return logo


class AuditFilterForm(PlainTextFields, forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    user = forms.CharField(label=_("User"), required=False, max_length=150)
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())
    patient = forms.UUIDField(label=_("Patient id"), required=False)

    def __init__(self, *args, **kwargs):
        from .models import AuditEvent

        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All"))] + list(AuditEvent.Action.choices)
