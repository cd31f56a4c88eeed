import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osteoactive.settings.base")

app = Celery("osteoactive")
app.config_from_object("django.conf:settings", namespace="CELERY")
if not app.conf.broker_url:
    app.conf.broker_url = "memory://"  # tasks run in-process (eager); nothing is sent
app.autodiscover_tasks()
