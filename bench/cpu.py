"""CPU seconds used by the app (gunicorn and its workers) and by its PostgreSQL backends (Linux).

Throughput on a shared machine moves with whatever else runs on it; CPU per request does not,
so the bench reports both.
"""

import contextlib
import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def gunicorn_pids(master: int) -> list[int]:
    return [master, *children(master)]


def database_backend_pids() -> list[int]:
    """This database's backends except this process's own connection."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


class Meter:
    """`with Meter(pids) as meter:` … `meter.seconds`: CPU the processes used inside the block.
    `pids` is called at both ends, so processes that appear meanwhile are counted in full."""

    def __init__(self, pids):
        self.pids, self.seconds = pids, 0.0

    def __enter__(self):
        self.before = {pid: process_cpu(pid) for pid in self.pids()}
        return self

    def __exit__(self, *exc):
        after = {pid: process_cpu(pid) for pid in self.pids()}
        self.seconds = sum(cpu - self.before.get(pid, 0.0) for pid, cpu in after.items())
