"""The container's health check: `python -m osteoactive.healthcheck URL` asks /healthz
directly, as the reverse proxy would, with a Host header the app accepts (the first of
DJANGO_ALLOWED_HOSTS). /healthz is exempt from the https redirect, so plain HTTP inside the
container is enough. Exits 0 when the app answers 200. No Django import: it runs in a second."""

import os
import sys
import urllib.error
import urllib.request


def allowed_host() -> str:
    first = (os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")[0] or "localhost").strip()
    if first == "*":
        return "localhost"
    return first.lstrip(".")  # ".example.dk" allows example.dk and its subdomains


def main(url: str) -> int:
    if not url.startswith("http://"):
        print(f"not an http:// URL: {url}", file=sys.stderr)
        return 2
    request = urllib.request.Request(url, headers={"Host": allowed_host()})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - our own URL
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"unhealthy: {url} answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/healthz"))
