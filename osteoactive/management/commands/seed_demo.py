from django.core.management.base import BaseCommand
from django.db import transaction

from osteoactive.demo import DEMO_USERS, seed_clinic


class Command(BaseCommand):
    help = "Creates the demo clinic 'Demo Fysioterapi' with its staff; safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            clinic, users = seed_clinic()
        self.stdout.write(f"Demo clinic: {clinic.name}")
        for username, password, _first, _last, is_physio, _is_admin in DEMO_USERS:
            role = "physiotherapist" if is_physio else "clinic admin"
            self.stdout.write(f"  {role:16} login: {username:12} password: {password}")
