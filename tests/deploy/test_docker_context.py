"""The image's build context leaves out secrets, local environments, patients' files and
databases; the Dockerfile builds without secrets and runs as a user that owns what it writes.
The matcher follows Docker's .dockerignore rules: patterns are anchored at the context root,
`*` and `?` stay within one path segment, `**` spans any number, a matched directory takes
its contents with it, `!` re-includes, and the last matching pattern decides."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def dockerignore_patterns(text):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            negated = line.startswith("!")
            yield negated, _pattern(line.lstrip("!").strip().strip("/"))


def _pattern(glob):
    regex = ""
    for part in re.split(r"(\*\*/?|\*|\?)", glob):
        if part in ("**", "**/"):
            regex += "(?:.*/)?" if part == "**/" else ".*"
        elif part == "*":
            regex += "[^/]*"
        elif part == "?":
            regex += "[^/]"
        else:
            regex += re.escape(part)
    return re.compile(regex + "(?:/.*)?")


def excluded(path, patterns):
    verdict = False
    for negated, pattern in patterns:
        if pattern.fullmatch(path):
            verdict = not negated
    return verdict


@pytest.fixture(scope="module")
def patterns():
    return list(dockerignore_patterns((ROOT / ".dockerignore").read_text()))


@pytest.mark.parametrize(
    "path",
    [".env", ".env.production", ".venv/bin/python", ".venv/lib/python3.11/site-packages/x.py",
     "media/handouts/2026/11/traeningsprogram.pdf", "media/clinic-logos/logo.png",
     ".test-media/x.pdf", "db.sqlite3", "db.sqlite3-journal", "backups/osteoactive-1.tar",
     "artifacts/screenshots/step.png", ".git/config", "osteoactive/__pycache__/models.pyc",
     "staticfiles/css/app.css", "osteoactive.egg-info/PKG-INFO", "clinic.dump"],
)  # fmt: skip
def test_left_out_of_the_image(patterns, path):
    assert excluded(path, patterns), path


def test_everything_the_app_needs_is_in_the_image(patterns):
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked, "git ls-files found nothing"
    left_out = [path for path in tracked if excluded(path, patterns)]
    assert left_out == []
    for needed in (".env.example", "manage.py", "deploy/gunicorn.conf.py", "deploy/Caddyfile"):
        assert not excluded(needed, patterns)


def test_the_matcher_follows_docker_rules():
    rules = list(dockerignore_patterns("media\n**/*.pyc\n!keep/**/*.pyc\n*.md"))
    assert excluded("media/a/b.pdf", rules) and not excluded("app/media/x", rules)
    assert excluded("a/b/c.pyc", rules) and not excluded("keep/x/c.pyc", rules)
    assert excluded("README.md", rules) and not excluded("docs/README.md", rules)


def dockerfile_runs():
    """The shell commands of the Dockerfile's RUN instructions, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    return [line[4:].strip() for line in text.splitlines() if line.startswith("RUN ")]


def test_the_image_runs_as_the_user_that_owns_its_volumes():
    text = (ROOT / "Dockerfile").read_text()
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0", "nobody")
    owned = [run for run in dockerfile_runs() if "install -d" in run]
    assert owned and f"-o {users[-1]}" in owned[0]
    for volume in ("/data/media", "/data/backups"):
        assert volume in owned[0]


def build_context(patterns, target):
    """The files `docker build` would send: the tracked ones that .dockerignore lets through."""
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for path in tracked:
        if not excluded(path, patterns) and (ROOT / path).is_file():
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / path, target / path)


def test_build_steps_need_no_secret(patterns, tmp_path):
    """The Dockerfile's own compilemessages and collectstatic commands, run in a copy of the
    build context with no secret key, no .env and no database, as `docker build` runs them.
    collectstatic only lists what it would copy: compressing every file takes most of a
    minute here, and is WhiteNoise's business."""
    (build,) = [run for run in dockerfile_runs() if "collectstatic" in run]
    assert "SECRET" not in build and "compilemessages" in build
    context = tmp_path / "app"
    build_context(patterns, context)
    assert not (context / ".env").exists()
    command = build.replace("python ", shlex.quote(sys.executable) + " ").replace(
        "collectstatic --no-input", "collectstatic --no-input --dry-run"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(command, shell=True, cwd=context, env=env, capture_output=True, text=True)  # noqa: S602
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (context / "locale/da/LC_MESSAGES/django.mo").stat().st_size > 1000
    assert "static files copied" in done.stdout
