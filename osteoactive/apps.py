from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OsteoactiveConfig(AppConfig):
    name = "osteoactive"
    verbose_name = _("OsteoActive core")

    def ready(self):
        from . import signals  # noqa: F401
