from django.urls import path

from . import views

app_name = "programs"

urlpatterns = [
    path(
        "assessments/<uuid:assessment_id>/program/",
        views.program_generate,
        name="program_generate",
    ),
    path("programs/<uuid:program_id>/", views.program_detail, name="program_detail"),
    path("programs/<uuid:program_id>/add/", views.item_add, name="item_add"),
    path("program-items/<uuid:item_id>/swap/", views.item_swap, name="item_swap"),
    path("program-items/<uuid:item_id>/dose/", views.item_dose, name="item_dose"),
    path("program-items/<uuid:item_id>/remove/", views.item_remove, name="item_remove"),
    path("library/", views.library_list, name="library_list"),
    path("library/new/", views.exercise_create, name="exercise_create"),
    path("library/<uuid:exercise_id>/", views.exercise_detail, name="exercise_detail"),
    path("library/<uuid:exercise_id>/edit/", views.exercise_edit, name="exercise_edit"),
    path("library/<uuid:exercise_id>/hide/", views.exercise_hide, name="exercise_hide"),
    path(
        "library/<uuid:exercise_id>/illustration/",
        views.exercise_illustration,
        name="exercise_illustration",
    ),
]
