from django.core.management.base import BaseCommand

from programs.library import load_default_library


class Command(BaseCommand):
    help = "Loads the default exercise library (fixtures/exercise_library.json); idempotent."

    def handle(self, *args, **options):
        created, updated = load_default_library()
        self.stdout.write(f"Exercise library: {created} created, {updated} updated.")
