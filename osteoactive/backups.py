"""One archive holds a clinic installation's data: the database (pg_dump's custom format for
PostgreSQL, a consistent copy of the file for SQLite) and every file under MEDIA_ROOT (handout
PDFs, logos, pictures), with a manifest of checksums. Restoring replaces both, and checks the
whole archive before it touches either. `make backup` / `make restore` call the commands."""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def _database():
    db = settings.DATABASES["default"]
    engine = {"django.db.backends.postgresql": "postgresql", "django.db.backends.sqlite3": "sqlite"}
    if db["ENGINE"] not in engine:
        raise BackupError(f"no backup procedure for {db['ENGINE']}")
    return engine[db["ENGINE"]], db


def _postgres_env(db):
    """libpq's variables, so no password appears on a command line."""
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGHOST": db.get("HOST") or "127.0.0.1",
           "PGPORT": str(db.get("PORT") or 5432), "PGUSER": db.get("USER") or "postgres"}  # fmt: skip
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _run(command, env):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client)")
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files(root: Path):
    if not root.is_dir():
        return []
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not path.relative_to(root).as_posix().startswith(".restore-")
    )


def backup(output: Path) -> dict:
    """Writes the archive to `output` and returns its manifest."""
    engine, db = _database()
    media_root = Path(settings.MEDIA_ROOT)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / ("database.dump" if engine == "postgresql" else "database.sqlite3")
        if engine == "postgresql":
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                  f"--file={dump}"], _postgres_env(db))  # fmt: skip
        else:
            connections["default"].close()
            with sqlite3.connect(db["NAME"]) as source, sqlite3.connect(dump) as copy:
                source.backup(copy)
        files = _media_files(media_root)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "engine": engine,
            "database": dump.name,
            "database_sha256": _sha256(dump),
            "media": {name: _sha256(media_root / name) for name in files},
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            entry = tarfile.TarInfo(MANIFEST)
            entry.size = len(data)
            archive.addfile(entry, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            for name in files:
                archive.add(media_root / name, arcname=f"media/{name}")
        partial.replace(output)
    return manifest


def restore(archive_path: Path) -> dict:
    """Replaces the database and MEDIA_ROOT's contents with the archive's; returns its manifest.
    Stop the web and worker processes first."""
    engine, db = _database()
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root))
    try:
        manifest = _unpack(archive_path, staging, engine)
        dump = staging / manifest["database"]
        connections.close_all()
        if engine == "postgresql":
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                  "--single-transaction", "--exit-on-error", f"--dbname={db['NAME']}",
                  str(dump)], _postgres_env(db))  # fmt: skip
        else:
            Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(dump) as source, sqlite3.connect(db["NAME"]) as target:
                source.backup(target)
        _replace_media(media_root, staging / "media")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def _unpack(archive_path, staging, engine):
    """Extracts into `staging` and checks everything against the manifest."""
    try:
        with tarfile.open(archive_path, "r:*") as archive:
            manifest = json.load(archive.extractfile(MANIFEST))
            if manifest.get("format") != FORMAT:
                raise BackupError(f"unknown backup format {manifest.get('format')!r}")
            if manifest["engine"] != engine:
                raise BackupError(
                    f"the backup is of a {manifest['engine']} database; this one is {engine}"
                )
            archive.extractall(staging, filter="data")
    except (OSError, EOFError, KeyError, ValueError, tarfile.TarError, zlib.error) as error:
        raise BackupError(f"cannot read {archive_path}: {error}") from error
    if _sha256(staging / manifest["database"]) != manifest["database_sha256"]:
        raise BackupError("the database in the backup is damaged (checksum)")
    for name, digest in manifest["media"].items():
        path = staging / "media" / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(f"the file {name} in the backup is damaged or missing")
    return manifest


def _replace_media(media_root, restored):
    """Empties MEDIA_ROOT (which may be a mount point, so it stays) and moves the files in."""
    for entry in media_root.iterdir():
        if entry.name.startswith(".restore-"):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if restored.is_dir():
        for entry in restored.iterdir():
            shutil.move(str(entry), media_root / entry.name)


def default_output() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Path(settings.BACKUP_DIR) / f"osteoactive-{stamp}.tar.gz"
