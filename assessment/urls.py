from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("patients/", views.patient_list, name="patient_list"),
    path("patients/new/", views.patient_create, name="patient_create"),
    path("patients/<uuid:patient_id>/", views.patient_detail, name="patient_detail"),
    path("patients/<uuid:patient_id>/edit/", views.patient_edit, name="patient_edit"),
    path("patients/<uuid:patient_id>/archive/", views.patient_archive, name="patient_archive"),
    path(
        "patients/<uuid:patient_id>/assessments/new/",
        views.assessment_create,
        name="assessment_create",
    ),
    path(
        "patients/<uuid:patient_id>/assessments/preview/",
        views.assessment_preview,
        name="assessment_preview",
    ),
    path("patients/<uuid:patient_id>/events/new/", views.event_create, name="event_create"),
    path(
        "assessments/<uuid:assessment_id>/adherence/",
        views.adherence_edit,
        name="adherence_edit",
    ),
    path("clinic/patients/", views.gdpr_patients, name="gdpr_patients"),
    path("clinic/patients/<uuid:patient_id>/export/", views.gdpr_export, name="gdpr_export"),
    path("clinic/patients/<uuid:patient_id>/erase/", views.gdpr_erase, name="gdpr_erase"),
    path("assessments/<uuid:assessment_id>/", views.assessment_detail, name="assessment_detail"),
    path(
        "assessments/<uuid:assessment_id>/category/",
        views.assessment_override,
        name="assessment_override",
    ),
    path(
        "assessments/<uuid:assessment_id>/correct/",
        views.assessment_correct,
        name="assessment_correct",
    ),
    path("assessments/<uuid:assessment_id>/void/", views.assessment_void, name="assessment_void"),
    path("assessments/<uuid:assessment_id>/gp-letter/", views.gp_letter, name="gp_letter"),
    path(
        "assessments/<uuid:assessment_id>/gp-letter.pdf",
        views.gp_letter_pdf,
        name="gp_letter_pdf",
    ),
]
