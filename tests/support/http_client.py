"""A minimal HTTP client for 127.0.0.1: one connection per request, a cookie jar, the login form.

The load test and the bench (`make bench`) send their requests with it.

Gunicorn's sync workers close the connection after every response, so there is no keep-alive to
exploit; a fresh `http.client.HTTPConnection` per request is what a browser behind no proxy gets.
"""

import http.client
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ERROR_SUMMARY = re.compile(r'id="error-summary".*?<ul[^>]*>(.*?)</ul>', re.S)
ERROR_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
TAG = re.compile(r"<[^>]+>")


def form_errors(body: str) -> str:
    """The items of a re-shown form's error summary, as text ("" when there is none): what a
    POST answered with 200 instead of a redirect was refused for."""
    summary = ERROR_SUMMARY.search(body)
    if summary is None:
        return ""
    items = (TAG.sub("", item).strip() for item in ERROR_ITEM.findall(summary.group(1)))
    return "; ".join(" ".join(item.split()) for item in items)


class LoginFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Request:
    """One request of a scenario; `anonymous` sends no cookies (e.g. the login page)."""

    label: str
    path: str
    method: str = "GET"
    data: dict | None = None
    expect: int = 200
    anonymous: bool = False


class Session:
    def __init__(self, base_url: str, *, timeout: float = 30):
        parts = urlsplit(base_url)
        if parts.hostname != "127.0.0.1":
            raise ValueError("the load generator only talks to 127.0.0.1")
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.cookies: dict[str, str] = {}

    def request(self, method, path, *, data=None, anonymous=False):
        """(status, headers, body text). Raises OSError / http.client errors on failure."""
        body = urlencode(data, doseq=True) if data is not None else None
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "osteoactive-bench"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies and not anonymous:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            if not anonymous:
                self._remember(response.msg.get_all("Set-Cookie") or [])
            return response.status, response.msg, content.decode("utf-8", "replace")
        finally:
            connection.close()

    def send(self, request: Request):
        return self.request(
            request.method, request.path, data=request.data, anonymous=request.anonymous
        )

    def _remember(self, set_cookies):
        for header in set_cookies:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)

    @property
    def csrf_token(self) -> str:
        """The CSRF cookie; Django accepts the unmasked secret as the form token too."""
        return self.cookies["csrftoken"]

    def login(self, username: str, password: str) -> "Session":
        status, _headers, page = self.request("GET", "/login/")
        found = TOKEN.search(page)
        if status != 200 or not found:
            raise LoginFailed(f"GET /login/ gave {status} without a CSRF token")
        form = {"username": username, "password": password, "csrfmiddlewaretoken": found[1]}
        status, headers, _ = self.request("POST", "/login/", data=form)
        if status != 302 or "sessionid" not in self.cookies:
            raise LoginFailed(f"POST /login/ gave {status}, location {headers.get('Location')}")
        return self
