"""The load generator and the load test over the main pages.

`hammer` runs logged-in sessions in threads against 127.0.0.1 for a fixed time (and at most a
fixed number of requests) and returns per-label latencies and errors; `make bench` uses it for
the throughput figures, `load_test` for the load test. The load test is shared by
`tests/perf/test_load.py` (the test database and gunicorn) and `python -m bench.load` (a fresh
bench database with 10,000 patients).
"""

import math
import resource
import threading
import time
from dataclasses import dataclass, field

from .http_client import Request, Session, form_errors

MAX_REQUESTS = 500_000  # a bound on any one run, whatever the duration


@dataclass
class Stats:
    label: str
    latencies: list = field(default_factory=list)  # seconds, every request
    errors: int = 0
    problems: list = field(default_factory=list)  # the first few, for the report

    @property
    def requests(self) -> int:
        return len(self.latencies)

    def percentile(self, q: float) -> float:
        """Latency in ms at percentile q (nearest rank)."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] * 1000

    def merge(self, other: "Stats"):
        self.latencies += other.latencies
        self.errors += other.errors
        self.problems += other.problems[: max(0, 5 - len(self.problems))]


@dataclass
class Run:
    stats: dict  # label -> Stats
    seconds: float  # wall time from the start to the last request's end
    client_cpu: float  # CPU seconds the load generator itself used (it shares the machine)
    app_cpu: float = 0.0  # CPU seconds of gunicorn and of the database, when measured
    db_cpu: float = 0.0

    @property
    def requests(self) -> int:
        return sum(s.requests for s in self.stats.values())

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.stats.values())

    def total(self) -> Stats:
        everything = Stats("all")
        for stats in self.stats.values():
            everything.merge(stats)
        return everything

    def cpu_per_request(self) -> tuple[float, float]:
        """(app, database) CPU milliseconds per request."""
        count = self.requests or 1
        return self.app_cpu / count * 1000, self.db_cpu / count * 1000

    def throughput(self, label=None) -> float:
        count = self.stats[label].requests if label else self.requests
        return count / self.seconds if self.seconds else 0.0


def login_sessions(base_url: str, username: str, password: str, count: int) -> list[Session]:
    """`count` sessions, each logged in through the form (one session row per client)."""
    return [Session(base_url).login(username, password) for _ in range(count)]


def hammer(sessions, plan, *, seconds: float, max_requests: int = MAX_REQUESTS) -> Run:
    """Every session in its own thread sends `plan(session, client, n)` requests back to back
    until `seconds` have passed or `max_requests` were sent in all."""
    per_thread = max(1, max_requests // len(sessions))
    results = [dict() for _ in sessions]
    start_line = threading.Barrier(len(sessions) + 1)
    box = {}

    def client(index, session):
        stats, n = results[index], 0
        start_line.wait()
        while n < per_thread and time.monotonic() < box["deadline"]:
            request: Request = plan(session, index, n)
            n += 1
            started = time.perf_counter()
            try:
                status, headers, body = session.send(request)
                problem = None
                if status != request.expect:
                    problem = f"{status} {headers.get('Location', '')}{form_errors(body)}"
            except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the run
                problem = f"{type(error).__name__}: {error}"
            elapsed = time.perf_counter() - started
            entry = stats.setdefault(request.label, Stats(request.label))
            entry.latencies.append(elapsed)
            if problem:
                entry.errors += 1
                if len(entry.problems) < 5:
                    entry.problems.append(f"{request.method} {request.path}: {problem}")

    threads = [
        threading.Thread(target=client, args=(i, s), daemon=True) for i, s in enumerate(sessions)
    ]
    for thread in threads:
        thread.start()
    cpu_before = _cpu()
    box["deadline"] = time.monotonic() + seconds
    began = time.perf_counter()
    start_line.wait()
    for thread in threads:
        thread.join(seconds + 120)
    elapsed = time.perf_counter() - began
    merged = {}
    for stats in results:
        for label, entry in stats.items():
            merged.setdefault(label, Stats(label)).merge(entry)
    return Run(merged, elapsed, _cpu() - cpu_before)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cycle(requests):
    """A plan that sends `requests` round-robin, each client starting at its own offset."""
    requests = list(requests)
    return lambda _session, client, n: requests[(client + n) % len(requests)]


# --- the load test ------------------------------------------------------------------------------


def main_pages(*, patient_ids, assessment_ids, program_ids) -> list[Request]:
    """The pages a physiotherapist uses most, with the ids of rows that exist."""
    pages = [Request("patient list", "/patients/"), Request("library", "/library/")]
    pages += [Request("patient detail", f"/patients/{pk}/") for pk in patient_ids]
    pages += [Request("assessment result", f"/assessments/{pk}/") for pk in assessment_ids]
    pages += [Request("program", f"/programs/{pk}/") for pk in program_ids]
    pages.append(Request("login page", "/login/", anonymous=True))
    return pages


def load_test(base_url, username, password, pages, *, clients=16, seconds=60.0) -> Run:
    sessions = login_sessions(base_url, username, password, clients)
    # Every label equally often, whatever the number of ids behind each.
    by_label = {}
    for page in pages:
        by_label.setdefault(page.label, []).append(page)
    labels = list(by_label)

    def plan(_session, client, n):
        choices = by_label[labels[(client + n) % len(labels)]]
        return choices[(n // len(labels)) % len(choices)]

    return hammer(sessions, plan, seconds=seconds)


def report(run: Run) -> str:
    lines = [f"{'page':20} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}"]
    for label, stats in sorted(run.stats.items()):
        lines.append(
            f"{label:20} {stats.requests:8d} {stats.errors:6d} "
            f"{stats.percentile(50):8.1f} {stats.percentile(95):8.1f}"
        )
    total = run.total()
    lines.append(
        f"{'all':20} {total.requests:8d} {total.errors:6d} "
        f"{total.percentile(50):8.1f} {total.percentile(95):8.1f}"
        f"   ({run.throughput():.0f} req/s over {run.seconds:.1f} s)"
    )
    for stats in run.stats.values():
        for problem in stats.problems:
            lines.append(f"  error: {problem}")
    return "\n".join(lines)
