"""Every URL pattern is login-only, except the few that must be public."""

import uuid

import pytest

from tests.url_patterns import all_patterns

PUBLIC = {"login", "healthz", "set_language", "javascript-catalog", "invitation_respond"}


def example_url(route, converters):
    import re

    values = {"uuid": str(uuid.uuid4()), "int": "1", "slug": "x", "str": "x", "path": "x/y"}

    def fill(match):
        converter, name = match.group(1) or "str", match.group(2)
        kind = type(converters.get(name)).__name__.replace("Converter", "").lower()
        return values.get(kind, values.get(converter, "x"))

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route).lstrip("^").rstrip("$")


PATTERNS = [p for p in all_patterns() if p[0] and p[0].split(":")[-1] not in PUBLIC]


@pytest.mark.django_db
@pytest.mark.parametrize("name,route,converters", PATTERNS, ids=[p[0] for p in PATTERNS])
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_login(client, name, route, converters, method):
    response = getattr(client, method)(example_url(route, converters))
    assert response.status_code == 302, name
    assert response["Location"].startswith("/login/"), name


def test_every_pattern_is_named():
    unnamed = [route for name, route, _ in all_patterns() if not name]
    assert unnamed == []
