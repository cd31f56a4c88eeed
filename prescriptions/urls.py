from django.urls import path

from . import views

app_name = "prescriptions"

urlpatterns = [
    path("programs/<uuid:program_id>/issue/", views.prescription_issue, name="prescription_issue"),
    path(
        "prescriptions/<uuid:prescription_id>/",
        views.prescription_detail,
        name="prescription_detail",
    ),
    path(
        "prescriptions/<uuid:prescription_id>/handouts/",
        views.handout_request,
        name="handout_request",
    ),
    path(
        "prescriptions/<uuid:prescription_id>/handouts/status/",
        views.handout_status,
        name="handout_status",
    ),
    path("handouts/<uuid:handout_id>/retry/", views.handout_retry, name="handout_retry"),
    path("handouts/<uuid:handout_id>/download/", views.handout_download, name="handout_download"),
]
