from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from osteoactive.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replaces the database and the files under MEDIA_ROOT with those of a backup archive "
        "(from `manage.py backup`). Stop the web and worker processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask first"
        )

    def handle(self, *args, archive, interactive=True, **options):
        if not archive.is_file():
            raise CommandError(f"no such backup: {archive}")
        database = settings.DATABASES["default"]["NAME"]
        if interactive:
            answer = input(
                f"This replaces ALL data in the database {database} and in {settings.MEDIA_ROOT} "
                f"with the backup {archive}.\nType 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was changed.")
        try:
            manifest = restore(archive)
        except BackupError as error:
            raise CommandError(f"{error}; nothing was changed.") from error
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}: the database and "
            f"{len(manifest['media'])} media file(s)."
        )
