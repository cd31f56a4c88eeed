from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from osteoactive.backups import BackupError, backup, default_output


class Command(BaseCommand):
    help = (
        "Writes the database and every file under MEDIA_ROOT into one archive "
        "(BACKUP_DIR/osteoactive-<time>.tar.gz unless --output is given) and prints its path."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="where to write the archive")

    def handle(self, *args, output=None, **options):
        target = output or default_output()
        try:
            manifest = backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stderr.write(
            f"{manifest['engine']} database and {len(manifest['media'])} media file(s) saved"
        )
        self.stdout.write(str(target))
