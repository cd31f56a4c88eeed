from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from prescriptions.demo import DEMO_USERS, seed_class, seed_clinic, seed_library, seed_patients


class Command(BaseCommand):
    help = (
        "Creates the demo clinic 'Demo Fysioterapi' with its staff and one patient per category, "
        "each with an issued prescription and handout (and the default library if it is "
        "missing); safe to run again."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            seed_library()
            clinic, users = seed_clinic()
            patients = seed_patients(clinic, users["fysio"], today=timezone.localdate())
            training_class = seed_class(
                clinic, users["fysio"], patients, today=timezone.localdate()
            )
        self.stdout.write(f"Demo clinic: {clinic.name}")
        for username, password, _first, _last, is_physio, _is_admin in DEMO_USERS:
            role = "physiotherapist" if is_physio else "clinic admin"
            self.stdout.write(f"  {role:16} login: {username:12} password: {password}")
        for patient, category in patients:
            self.stdout.write(f"  patient {patient.full_name:24} {category}")
        self.stdout.write(f"  class {training_class.name}")
        self.stdout.write("Open http://127.0.0.1:8000 and log in.")
