from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Clinic, Membership
from .plain_text import PlainTextFields
from .uploads import link_through_view, validated_image


class RolesMixin(PlainTextFields, forms.Form):
    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_physiotherapist") and not cleaned.get("is_clinic_admin"):
            raise forms.ValidationError(_("Choose at least one role."))
        return cleaned


class StaffAddForm(RolesMixin, forms.Form):
    username = forms.CharField(label=_("Login name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(render_value=False),
        required=False,
        help_text=_("Required for a new person; they change it after their first login."),
    )
    is_physiotherapist = forms.BooleanField(
        label=_("Physiotherapist"), required=False, initial=True
    )
    is_clinic_admin = forms.BooleanField(label=_("Clinic admin"), required=False)

    def __init__(self, *args, clinic, **kwargs):
        self.clinic = clinic
        super().__init__(*args, **kwargs)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if Membership.objects.filter(clinic=self.clinic, user__username=username).exists():
            raise forms.ValidationError(_("This person is already on the clinic's staff."))
        return username

    def clean(self):
        cleaned = super().clean()
        username = cleaned.get("username")
        exists = username and get_user_model().objects.filter(username=username).exists()
        password = cleaned.get("password")
        if username and not exists:
            if not password:
                self.add_error("password", _("A new person needs an initial password."))
            else:
                candidate = get_user_model()(
                    username=username,
                    first_name=cleaned.get("first_name", ""),
                    last_name=cleaned.get("last_name", ""),
                    email=cleaned.get("email", ""),
                )
                try:
                    password_validation.validate_password(password, candidate)
                except forms.ValidationError as error:
                    self.add_error("password", error)
        return cleaned


class MembershipForm(RolesMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["is_physiotherapist", "is_clinic_admin", "is_active"]


class ClinicForm(PlainTextFields, forms.ModelForm):
    class Meta:
        model = Clinic
        fields = ["name", "address", "phone", "contact_line", "handout_footer", "logo"]
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
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    patient = forms.UUIDField(label=_("Patient id"), required=False)

    def __init__(self, *args, **kwargs):
        from .models import AuditEvent

        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All"))] + list(AuditEvent.Action.choices)
