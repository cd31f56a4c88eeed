"""Every URL pattern is login-only, except the few that must be public."""

import pytest

from tests.support.urls import PUBLIC, all_patterns, example_url

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
