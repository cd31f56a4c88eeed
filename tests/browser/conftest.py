"""On the embedded SQLite the live server handles one request at a time.

Its request threads then share the test database's one in-memory connection, which cannot
hold two transactions at once, while a page's pictures load in parallel. On PostgreSQL every
thread has its own connection and requests run side by side.
"""

import threading

from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread


class OneRequestAtATimeServer(ThreadedWSGIServer):
    def set_app(self, application):
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


if connection.vendor == "sqlite":
    LiveServerThread.server_class = OneRequestAtATimeServer
