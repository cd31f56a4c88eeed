from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(success_url="/password/done/"),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("session/keep-alive/", views.session_keep_alive, name="session_keep_alive"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("clinic/switch/", views.clinic_switch, name="clinic_switch"),
    path("clinic/settings/", views.clinic_settings, name="clinic_settings"),
    path("clinic/logo/", views.clinic_logo, name="clinic_logo"),
    path("clinic/staff/", views.staff_list, name="staff_list"),
    path("clinic/staff/add/", views.staff_add, name="staff_add"),
    path(
        "clinic/invitations/<uuid:invitation_id>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "clinic/invitations/<uuid:invitation_id>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("invitations/<str:token>/", views.invitation_respond, name="invitation_respond"),
    path("clinic/staff/<uuid:membership_id>/", views.staff_edit, name="staff_edit"),
    path("clinic/audit/", views.audit_log, name="audit_log"),
    path("", include("assessment.urls")),
    path("", include("programs.urls")),
    path("", include("prescriptions.urls")),
    path("platform-admin/", admin.site.urls),
]
# Nothing under MEDIA_ROOT has a URL of its own, not even with DEBUG on: handout PDFs and
# pictures are served by views that check the clinic (handout_download, exercise_illustration,
# clinic_logo).
