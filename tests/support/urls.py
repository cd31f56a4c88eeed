"""Every URL pattern of the app, for the walks that check each one (login, clinic isolation)."""

import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver

# Reachable without logging in.
PUBLIC = {"login", "healthz", "set_language", "javascript-catalog", "invitation_respond"}


def all_patterns(resolver=None, prefix=""):
    """(name, route, converters) of every pattern outside the Django admin."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            if entry.namespace == "admin":
                continue
            for name, route, converters in all_patterns(entry, prefix + str(entry.pattern)):
                yield (namespace + name if name else name), route, converters
        elif isinstance(entry, URLPattern):
            yield entry.name, prefix + str(entry.pattern), entry.pattern.converters


def example_url(route, converters):
    """The route with made-up values (a random UUID for each object) in its parameters."""
    values = {"uuid": str(uuid.uuid4()), "int": "1", "slug": "x", "str": "x", "path": "x/y"}

    def fill(match):
        converter, name = match.group(1) or "str", match.group(2)
        kind = type(converters.get(name)).__name__.replace("Converter", "").lower()
        return values.get(kind, values.get(converter, "x"))

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route).lstrip("^").rstrip("$")
