"""The project's URL patterns, for the tests that walk all of them."""

from django.urls import URLPattern, URLResolver, get_resolver


def all_patterns(resolver=None, prefix=""):
    """(name with namespace, route, converters) of every pattern outside the Django admin."""
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
