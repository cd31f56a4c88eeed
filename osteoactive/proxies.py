"""The client's address, for the audit log and the login lockout alike.

Behind DJANGO_TRUSTED_PROXY_COUNT reverse proxies (docker-compose.yml has one, Caddy), each
proxy appends the address it received the request from to X-Forwarded-For; the entry that
many places from the right is the one the nearest trusted proxy saw, so the client cannot
choose it. Without proxies the header is ignored, as anyone can send it."""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address, or "" when unknown."""
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
