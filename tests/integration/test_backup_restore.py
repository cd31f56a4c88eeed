"""`make backup` and `make restore`: a backup of a throwaway installation is taken, the
database and the media folder are wiped, the backup is restored, and every patient,
assessment, program, prescription and handout row, and every file, is as it was.

Each run gets its own database (created here, dropped after; never the suite's test database)
and its own media folder, and the commands run as separate processes, as from make."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.services import need, need_executable

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
APPS = ["osteoactive.clinic", "osteoactive.user", "osteoactive.membership", "assessment",
        "programs", "prescriptions"]  # fmt: skip
SEED = """
import io
from datetime import date
from django.core.files.base import ContentFile
from PIL import Image
from prescriptions.demo import _demo_patients, seed_clinic
from assessment.domain.parsing import parse_assessment
from assessment.services import assessment_create, patient_create
from prescriptions.models import Handout
from prescriptions.rendering import handout_render
from prescriptions.services import prescription_issue
from programs.library import load_default_library
from programs.services import program_generate

load_default_library()
today = date(2026, 11, 27)
clinic, users = seed_clinic()
buffer = io.BytesIO()
Image.new("RGB", (60, 30), "navy").save(buffer, format="PNG")
clinic.logo.save("logo.png", ContentFile(buffer.getvalue()))
physio = users["fysio"]
for index, (first, last, language, inputs, _visits) in enumerate(_demo_patients(today)[:2]):
    patient = patient_create(clinic=clinic, first_name=first, last_name=last, cpr="",
        birth_date=date.fromisoformat(inputs["birth_date"]), sex=inputs["sex"],
        handout_language=language, contact_notes="Ring efter kl. 10")
    parsed = parse_assessment({**inputs, "assessment_date": today.isoformat()}, today=today)
    assessment = assessment_create(patient=patient, assessed_by=physio, inputs=parsed)
    program = program_generate(assessment=assessment, created_by=physio, setting="home",
        equipment=["band"])
    if index == 0:
        prescription = prescription_issue(program=program, issued_by=physio)
        for handout in prescription.handouts.exclude(status="ready"):
            handout_render(handout.id)
print(Handout.objects.filter(status="ready").count())
"""


def run(env, *args, stdin=None):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, input=stdin,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, f"{args}: {done.stdout[-2000:]}{done.stderr[-3000:]}"
    return done.stdout


def snapshot(env, media_root):
    rows = json.loads(run(env, "dumpdata", *APPS, "--format=json"))
    files = {
        path.relative_to(media_root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }
    return rows, files


def count(rows, model):
    return sum(1 for row in rows if row["model"] == model)


class PostgresDatabase:
    """A database of its own on the server the suite uses."""

    def __init__(self):
        db = settings.DATABASES["default"]
        self.name = f"osteo_backup_{uuid.uuid4().hex[:10]}"
        self.server = {"host": db.get("HOST") or "127.0.0.1", "port": db.get("PORT") or 5432,
                       "user": db.get("USER") or "postgres", "password": db.get("PASSWORD")}  # fmt: skip

    def url(self):
        s = self.server
        password = f":{s['password']}" if s["password"] else ""
        return f"postgres://{s['user']}{password}@{s['host']}:{s['port']}/{self.name}"

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as admin:
            admin.execute(sql)

    def create(self, template=None):
        copy = f' TEMPLATE "{template}"' if template else ""
        self._admin(f'CREATE DATABASE "{self.name}"{copy}')

    def drop(self):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def environment(url, folder):
    return {
        "PATH": os.environ["PATH"], "HOME": str(folder),
        "DJANGO_SETTINGS_MODULE": "osteoactive.settings.test", "DATABASE_URL": url,
        "MEDIA_ROOT": str(folder / "media"), "BACKUP_DIR": str(folder / "backups"),
    }  # fmt: skip


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def migrated(request, tmp_path_factory):
    """(database, its name or file) migrated once per module; each test gets a copy of it."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "postgresql":
        need(connection.vendor == "postgresql", "the PostgreSQL backup test needs DATABASE_URL")
        need_executable("pg_dump")
        need_executable("pg_restore")
        template = PostgresDatabase()
        template.create()
        request.addfinalizer(template.drop)
        run(environment(template.url(), folder), "migrate", "--no-input", "-v0")
        return request.param, template.name
    sqlite_file = folder / "db.sqlite3"
    run(environment(f"sqlite:///{sqlite_file}", folder), "migrate", "--no-input", "-v0")
    return request.param, sqlite_file


@pytest.fixture
def installation(request, migrated, tmp_path):
    """(environment, media folder, wipe) of a throwaway migrated installation on either
    database."""
    vendor, source = migrated
    if vendor == "postgresql":
        database = PostgresDatabase()
        database.create(template=source)
        url = database.url()

        def wipe():
            database.drop()
            database.create()

        request.addfinalizer(database.drop)
    else:
        sqlite_file = tmp_path / "db.sqlite3"
        shutil.copyfile(source, sqlite_file)
        url = f"sqlite:///{sqlite_file}"

        def wipe():
            sqlite_file.unlink()

    return environment(url, tmp_path), tmp_path / "media", wipe


def test_backup_wipe_restore_gives_back_everything(installation, tmp_path):
    env, media_root, wipe = installation
    assert run(env, "shell", "-c", SEED).strip().splitlines()[-1] == "1"
    before_rows, before_files = snapshot(env, media_root)
    assert count(before_rows, "assessment.patient") == 2
    assert count(before_rows, "assessment.assessment") == 2
    assert count(before_rows, "prescriptions.prescription") == 1
    assert any(name.endswith(".pdf") for name in before_files)
    assert any(name.startswith("clinic-logos/") for name in before_files)

    archive = Path(run(env, "backup").strip().splitlines()[-1])
    assert archive.parent == tmp_path / "backups" and archive.is_file()

    wipe()
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    run(env, "migrate", "--no-input", "-v0")  # an empty installation, as after a rebuild
    assert snapshot(env, media_root)[1] == {}

    run(env, "restore", str(archive), stdin="yes\n")
    after_rows, after_files = snapshot(env, media_root)
    assert after_files == before_files
    assert after_rows == before_rows


def test_restore_refuses_a_damaged_archive_and_changes_nothing(installation, tmp_path):
    env, media_root, _wipe = installation
    (media_root / "handouts").mkdir(parents=True)
    (media_root / "handouts" / "a.pdf").write_bytes(b"%PDF-1.4 first")
    archive = Path(run(env, "backup").strip().splitlines()[-1])
    (media_root / "handouts" / "a.pdf").write_bytes(b"%PDF-1.4 changed since")
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(archive.read_bytes()[:-200])
    done = subprocess.run(
        [sys.executable, "manage.py", "restore", str(damaged), "--no-input"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode != 0 and "nothing was changed" in done.stderr
    assert (media_root / "handouts" / "a.pdf").read_bytes() == b"%PDF-1.4 changed since"


def test_restore_asks_first(installation, tmp_path):
    env, media_root, _wipe = installation
    archive = Path(run(env, "backup").strip().splitlines()[-1])
    done = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)], cwd=ROOT, env=env, input="no\n",
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode != 0 and "Nothing was changed" in done.stderr


def test_make_targets_call_the_commands():
    plan = subprocess.run(
        ["make", "-n", "backup", "restore", "BACKUP=x.tar.gz"], cwd=ROOT, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    assert "manage.py backup" in plan and 'manage.py restore "x.tar.gz"' in plan
