"""Error reports to Sentry (sentry-sdk) when SENTRY_DSN is set, without health data: no
personal data, no local variables of the failing code, no request bodies, query strings or
cookies; only the exception, its stack and the path."""


def init_error_reporting(dsn: str, *, environment: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=without_request_details,
    )


def without_request_details(event, hint):
    request = event.get("request")
    if request:
        for key in ("query_string", "data", "cookies", "env"):
            request.pop(key, None)
        request["headers"] = {
            name: value
            for name, value in (request.get("headers") or {}).items()
            if name.lower() in ("host", "user-agent", "content-type", "content-length")
        }
    return event
