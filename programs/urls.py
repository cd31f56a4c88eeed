from django.urls import path

from .views import classes, continuity, export, items, library, loads, programs

app_name = "programs"

urlpatterns = [
    path(
        "assessments/<uuid:assessment_id>/program/",
        programs.program_generate,
        name="program_generate",
    ),
    path(
        "assessments/<uuid:assessment_id>/program-from-template/",
        continuity.template_apply,
        name="template_apply",
    ),
    path(
        "assessments/<uuid:assessment_id>/continue-program/",
        continuity.program_continue,
        name="program_continue",
    ),
    path("programs/<uuid:program_id>/", programs.program_detail, name="program_detail"),
    path("programs/<uuid:program_id>/exercises/", programs.program_picker, name="program_picker"),
    path("programs/<uuid:program_id>/add/", items.item_add, name="item_add"),
    path("programs/<uuid:program_id>/template/", continuity.template_save, name="template_save"),
    path("programs/<uuid:program_id>/lift-loads/", loads.lift_loads_add, name="lift_loads_add"),
    path("program-items/<uuid:item_id>/swap/", items.item_swap, name="item_swap"),
    path("program-items/<uuid:item_id>/dose/", items.item_dose, name="item_dose"),
    path("program-items/<uuid:item_id>/move/", items.item_move, name="item_move"),
    path("program-items/<uuid:item_id>/remove/", items.item_remove, name="item_remove"),
    path("program-templates/", continuity.template_list, name="template_list"),
    path(
        "program-templates/<uuid:template_id>/rename/",
        continuity.template_rename,
        name="template_rename",
    ),
    path(
        "program-templates/<uuid:template_id>/delete/",
        continuity.template_delete,
        name="template_delete",
    ),
    path("classes/", classes.class_list, name="class_list"),
    path("classes/new/", classes.class_create, name="class_create"),
    path("classes/outcomes/", classes.clinic_outcomes, name="clinic_outcomes"),
    path("classes/<uuid:class_id>/", classes.class_detail, name="class_detail"),
    path("classes/<uuid:class_id>/enrol/", classes.class_enrol, name="class_enrol"),
    path("classes/<uuid:class_id>/outcomes/", classes.class_outcomes, name="class_outcomes"),
    path("class-sessions/<uuid:session_id>/", classes.class_sheet, name="class_sheet"),
    path("class-sessions/<uuid:session_id>/edit/", classes.session_edit, name="session_edit"),
    path(
        "class-sessions/<uuid:session_id>/attendance/<uuid:enrolment_id>/",
        classes.attendance_toggle,
        name="attendance_toggle",
    ),
    path(
        "class-sessions/<uuid:session_id>/loads/<uuid:enrolment_id>/",
        classes.class_load,
        name="class_load",
    ),
    path("clinic/study-export/", export.study_export, name="study_export"),
    path("library/", library.library_list, name="library_list"),
    path("library/new/", library.exercise_create, name="exercise_create"),
    path("library/<uuid:exercise_id>/", library.exercise_detail, name="exercise_detail"),
    path("library/<uuid:exercise_id>/edit/", library.exercise_edit, name="exercise_edit"),
    path("library/<uuid:exercise_id>/hide/", library.exercise_hide, name="exercise_hide"),
    path(
        "library/<uuid:exercise_id>/illustration/",
        library.exercise_illustration,
        name="exercise_illustration",
    ),
]
