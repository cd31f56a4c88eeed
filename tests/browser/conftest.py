"""Chromium for the browser tests, a live server that suits the database, and the
accessibility and HTML checks of every page they open (tests/support/a11y.py).

On the embedded SQLite the live server handles one request at a time.

Its request threads then share the test database's one in-memory connection, which cannot
hold two transactions at once, while a page's pictures load in parallel. On PostgreSQL every
thread has its own connection and requests run side by side.
"""

import os
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

from tests.services import CHROMIUM, need, need_chromium
from tests.support import a11y
from tests.support.browser import CHROMIUM_ARGS, TIMEOUT_MS


class OneRequestAtATimeServer(ThreadedWSGIServer):
    def set_app(self, application):
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


if connection.vendor == "sqlite":
    LiveServerThread.server_class = OneRequestAtATimeServer


@pytest.fixture(scope="module")
def chromium():
    need_chromium()
    # Playwright's sync API keeps an event loop in this thread; the ORM calls that pytest-django
    # makes around each test (flushing the database) must still be allowed.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def page_checks():
    """axe-core per test (in `page`); the Nu Html Checker over all pages once, at the end."""
    need(a11y.tools_missing() is None, a11y.tools_missing() or "")
    checks = a11y.Checks()
    yield checks
    errors = checks.validate_html()
    report = checks.write_report(errors)
    if errors:
        pytest.fail(
            f"{len(errors)} HTML validation errors (vnu; {report}):\n"
            + a11y.describe_html_errors(errors),
            pytrace=False,
        )


@pytest.fixture
def page(chromium, live_server, page_checks, request):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="da-DK",
        viewport={"width": a11y.WIDTHS[0], "height": a11y.HEIGHT},
        accept_downloads=True,
        reduced_motion="reduce",
    )
    context.set_default_timeout(TIMEOUT_MS)
    page_checks.attach(context)
    page_checks.start_test(request.node.nodeid)
    page = context.new_page()
    page_checks.watch(page)
    yield page
    page_checks.revisit(context)
    context.close()
    failures = page_checks.failures()
    if failures:
        pytest.fail(
            f"axe-core found WCAG A/AA violations:\n{a11y.describe_violations(failures)}",
            pytrace=False,
        )
