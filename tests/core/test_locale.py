"""Every user-facing string has a Danish translation (makemessages is run on a copy)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.services import need_executable

ROOT = Path(__file__).resolve().parents[2]


def untranslated(po_text):
    entries = re.split(r"\n\n+", po_text.strip())
    problems = []
    for entry in entries[1:]:
        if "#, fuzzy" in entry:
            problems.append(entry)
            continue
        if entry.lstrip().startswith("#~"):
            continue
        strings = re.findall(r'^(msgstr(?:\[\d\])?) ((?:".*"\n?)+)', entry + "\n", re.M)
        for _name, body in strings:
            if not "".join(re.findall(r'"(.*)"', body)):
                problems.append(entry)
    return problems


def test_danish_catalogue_covers_every_string(tmp_path):
    need_executable("xgettext")
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale)
    env = {**os.environ, "DJANGO_LOCALE_DIR": str(locale), "DJANGO_DEBUG": "true"}
    env["DJANGO_SETTINGS_MODULE"] = "osteoactive.settings.base"
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "da",
            "--no-obsolete",
            "--ignore=.venv/*",
            "--ignore=tests/*",
            "--ignore=bench/*",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    problems = untranslated((locale / "da/LC_MESSAGES/django.po").read_text())
    assert problems == [], "untranslated:\n\n" + "\n\n".join(problems[:20])
