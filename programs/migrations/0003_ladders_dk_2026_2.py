"""DK-2026.2 exercise attributes (pattern, ladder, rung, position), the new dose keys and the
program fields of §5.

Data: stored doses rename `seconds` to `hold_seconds` (the same meaning) in exercises, program
items and issued snapshots; readers still accept `seconds`. A clinic exercise dosed in metres
(no longer a dose type) becomes a hold of as many seconds per set (about 1 m/s for this group
of patients). A clinic exercise gets a movement pattern from its kind as a first guess for the
clinic admin to review (strength → carry, the pattern only the general strength slot uses); the
global exercises get theirs from `manage.py load_library`. Links to easier and harder versions
give way to ladders; every exercise starts as a ladder of its own.
"""

import django.core.validators
from django.db import migrations, models

PATTERN_FROM_KIND = {
    "strength": "carry",
    "impact": "impact",
    "balance": "balance_static",
    "posture": "posture",
    "mobility": "mobility",
    "walking": "walking",
}


def _renamed(dose, old, new):
    if not isinstance(dose, dict) or old not in dose:
        return dose
    return {(new if key == old else key): value for key, value in dose.items()}


def _phases(phases, old, new):
    return [
        {**phase, "dose": _renamed(phase.get("dose"), old, new)} if isinstance(phase, dict) else phase
        for phase in phases or []
    ]


def _start_week(phases):
    for phase in phases or []:
        if isinstance(phase, dict) and phase.get("dose") and phase.get("weeks"):
            return phase["weeks"][0]
    return 1


def rename_doses(apps, old, new, forwards):
    Exercise = apps.get_model("programs", "Exercise")
    ProgramItem = apps.get_model("programs", "ProgramItem")
    Prescription = apps.get_model("prescriptions", "Prescription")
    for exercise in Exercise.objects.all():
        exercise.default_dose = _renamed(exercise.default_dose, old, new)
        if forwards:
            exercise.pattern = PATTERN_FROM_KIND.get(exercise.kind, "carry")
            if exercise.dose_type == "distance":
                dose = exercise.default_dose or {}
                exercise.dose_type = "hold_seconds"
                exercise.default_dose = {
                    "sets": dose.get("sets") or 1,
                    "hold_seconds": max(5, dose.get("metres") or 20),
                }
        exercise.save(update_fields=["default_dose", "pattern", "dose_type"])
    for item in ProgramItem.objects.all():
        item.dose = _renamed(item.dose, old, new)
        item.phases = _phases(item.phases, old, new)
        item.start_week = _start_week(item.phases)
        item.save(update_fields=["dose", "phases", "start_week"])
    for prescription in Prescription.objects.all():
        snapshot = dict(prescription.snapshot)
        snapshot["exercises"] = [
            {
                **exercise,
                "dose": _renamed(exercise.get("dose"), old, new),
                "phases": _phases(exercise.get("phases"), old, new),
            }
            for exercise in snapshot.get("exercises") or []
        ]
        prescription.snapshot = snapshot
        prescription.save(update_fields=["snapshot"])


def forwards(apps, schema_editor):
    rename_doses(apps, "seconds", "hold_seconds", True)


def backwards(apps, schema_editor):
    rename_doses(apps, "hold_seconds", "seconds", False)


class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0002_exercise_priority'),
        ('prescriptions', '0003_drop_handout_page_count'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='exercise',
            name='progression',
        ),
        migrations.RemoveField(
            model_name='exercise',
            name='regression',
        ),
        migrations.AddField(
            model_name='exercise',
            name='pattern',
            field=models.CharField(choices=[('squat', 'squat'), ('hinge', 'hinge'), ('push', 'push'), ('pull', 'pull'), ('calf', 'calf'), ('hip', 'hip'), ('carry', 'carry'), ('extension', 'extension'), ('posture', 'posture'), ('balance_static', 'balance_static'), ('balance_dynamic', 'balance_dynamic'), ('balance_reactive', 'balance_reactive'), ('impact', 'impact'), ('walking', 'walking'), ('stairs', 'stairs'), ('mobility', 'mobility'), ('pain_relief', 'pain_relief'), ('technique', 'technique'), ('breathing', 'breathing')], default='carry', max_length=20, verbose_name='movement pattern'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='exercise',
            name='position',
            field=models.CharField(choices=[('seated', 'seated'), ('standing', 'standing'), ('lying', 'lying')], default='standing', max_length=10, verbose_name='position'),
        ),
        migrations.AddField(
            model_name='exercise',
            name='rung',
            field=models.PositiveSmallIntegerField(default=1, help_text='1 is the easiest version of the movement.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(20)], verbose_name='rung'),
        ),
        migrations.AddField(
            model_name='exercise',
            name='variant_group',
            field=models.SlugField(blank=True, help_text='Empty: the exercise is a ladder of its own.', max_length=80, verbose_name='ladder'),
        ),
        migrations.AddField(
            model_name='program',
            name='minutes_per_session',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name='program',
            name='planned_from',
            field=models.CharField(blank=True, choices=[('akutfase', 'akutfase'), ('funktionsbegraenset', 'funktionsbegraenset'), ('hverdagsaktiv_med_hensyn', 'hverdagsaktiv_med_hensyn'), ('hverdagsaktiv', 'hverdagsaktiv'), ('traeningsaktiv_med_hensyn', 'traeningsaktiv_med_hensyn'), ('traeningsaktiv', 'traeningsaktiv')], max_length=40),
        ),
        migrations.AddField(
            model_name='program',
            name='valid_until',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='programitem',
            name='progression',
            field=models.JSONField(blank=True, help_text='The next harder rung the rules allow (§5 attributes).', null=True),
        ),
        migrations.AddField(
            model_name='programitem',
            name='regression',
            field=models.JSONField(blank=True, help_text='The next easier rung the rules allow (§5 attributes).', null=True),
        ),
        migrations.AddField(
            model_name='programitem',
            name='start_week',
            field=models.PositiveSmallIntegerField(default=1),
        ),
        migrations.AlterField(
            model_name='exercise',
            name='dose_type',
            field=models.CharField(choices=[('repetitions', 'repetitions'), ('hold_seconds', 'hold_seconds'), ('duration_minutes', 'duration_minutes'), ('flights', 'flights'), ('technique', 'technique'), ('heavy', 'heavy'), ('distance', 'distance')], max_length=20, verbose_name='dose type'),
        ),
        migrations.AlterField(
            model_name='exercise',
            name='kind',
            field=models.CharField(choices=[('strength', 'strength'), ('impact', 'impact'), ('balance', 'balance'), ('core', 'core'), ('back_extensor', 'back_extensor'), ('posture', 'posture'), ('mobility', 'mobility'), ('pain_relief', 'pain_relief'), ('technique', 'technique'), ('walking', 'walking')], max_length=20, verbose_name='kind'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
