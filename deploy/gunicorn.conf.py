"""gunicorn in the container (docker-compose.yml: `gunicorn --config deploy/gunicorn.conf.py`).

The access log names the path without its query string, and no Referer: neither may carry a
name or a CPR number (patient searches are posted anyway). The client's address is the one
Caddy puts in X-Forwarded-For. Logs are JSON lines unless LOG_FORMAT=plain."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = 60
graceful_timeout = 20
# Request line and header limits (gunicorn's defaults, stated); the body limit is Caddy's
# (deploy/Caddyfile) and the app's (MAX_REQUEST_BODY_BYTES).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = "-"
access_log_format = '%({x-forwarded-for}i)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms "%(a)s"'

if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "osteoactive.log_format.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"level": "INFO", "handlers": ["stdout"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        },
    }
