"""The production settings plus the bench URLconf (the app's URLs and the baseline view).

One difference: static files are hashed by Django's ManifestStaticFilesStorage without
WhiteNoise's compression, which takes a minute in collectstatic. Pages build the same hashed
URLs from the same manifest; the bench never downloads static files.
"""

import os
from pathlib import Path

from osteoactive.settings.base import *  # noqa: F403
from osteoactive.settings.base import STATIC_ROOT, STORAGES

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT") or STATIC_ROOT)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
