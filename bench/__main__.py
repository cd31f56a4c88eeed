"""`make bench`: throughput and latency of the main pages against a bare Django baseline, the
handout pipeline, and queries per page at 100 and 10,000 patients. Stops by itself.

    .venv/bin/python -m bench [--seconds 10] [--clients 16] [--workers 3] [--patients 10000]

Steps: a fresh PostgreSQL database (dropped and recreated), migrations, the exercise library, a
clinic with one physiotherapist and 100 patients (queries counted), grown to 10,000 patients
(counted again), collectstatic into a temporary STATIC_ROOT, gunicorn with production settings
(DEBUG off, no broker) serving `bench.urls`, then each scenario for a fixed time at a fixed
number of concurrent clients, each client logged in through the login form. Afterwards the
handout renders, the database is dropped and the figures are written to bench/RESULTS.md.
"""

import argparse
import os
import platform
import shutil
import sys
import time
from pathlib import Path

from . import environment

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10, help="per scenario (default 10)")
    parser.add_argument("--rounds", type=int, default=5, help="scenarios alternate in rounds")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--handouts", type=int, default=10, help="renders for the worker")
    parser.add_argument("--database", default="osteoactive_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    return parser.parse_args(argv)


class Clock:
    def __init__(self):
        self.began = time.perf_counter()
        self.load_at_start = os.getloadavg()[0]

    def step(self, text):
        print(f"[{time.perf_counter() - self.began:6.1f} s] {text}", flush=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    clock = Clock()
    clock.step(f"database {args.database}: recreate, migrate, load the library")
    env = environment.prepare(args.database)
    try:
        return run(args, env, clock)
    finally:
        if not args.keep:
            environment.drop_database(args.database)
            shutil.rmtree(env.workdir, ignore_errors=True)


def run(args, env, clock) -> int:
    from tests.support.gunicorn import Gunicorn
    from tests.support.loadtest import hammer, login_sessions

    from . import dataset, handouts, querycount, scenarios

    environment.migrate_and_load_library()
    handouts.use_worker_broker()
    clock.step("collectstatic")
    environment.collectstatic()
    clock.step("100 patients")
    data = dataset.seed(patients=100, password="Bench-fysio-2026")
    environment.vacuum_analyze()
    queries = {100: querycount.count_queries(data)}
    clock.step(f"growing to {args.patients:,} patients")
    dataset.grow(data, patients=args.patients)
    environment.vacuum_analyze()
    queries[args.patients] = querycount.count_queries(data)
    plans = querycount.explain_patient_list(data)

    server = Gunicorn(
        env=env.child_env(), log_path=env.workdir / "gunicorn.log", workers=args.workers
    )
    with server:
        clock.step(f"gunicorn ({args.workers} workers) at {server.url}; logging in {args.clients}")
        sessions = login_sessions(server.url, data.username, data.password, args.clients)
        scenario_plans = scenarios.plans(data)
        for plan in scenario_plans.values():  # warm every worker on every page
            hammer(sessions, plan, seconds=1)
        runs = {name: [] for name in scenario_plans}
        for round_ in range(args.rounds):
            for name, plan in scenario_plans.items():
                clock.step(f"round {round_ + 1}/{args.rounds}: {name}")
                runs[name].append(measured(server, sessions, plan, args.seconds / args.rounds))
    figures = {name: scenarios.combine(parts) for name, parts in runs.items()}

    clock.step("handout: our pipeline against bare WeasyPrint")
    render = handouts.pipeline_against_bare()
    clock.step(f"handout: {args.handouts} renders on one Celery worker")
    worker = handouts.worker_throughput(data, workdir=env.workdir, count=args.handouts)
    clock.step("done")

    text, passed = scenarios.summary(args, figures, queries, plans, render, worker, clock)
    print("\n" + text)
    if not args.no_write:
        write_results(text)
        print(f"\nwritten to {RESULTS}")
    return 0 if passed else 1


def measured(server, sessions, plan, seconds):
    """One `hammer` run with the CPU gunicorn and the database used for it."""
    from tests.support.loadtest import hammer

    from . import cpu

    app = cpu.Meter(lambda: cpu.gunicorn_pids(server.process.pid))
    database = cpu.Meter(cpu.database_backend_pids)
    with app, database:
        run = hammer(sessions, plan, seconds=seconds)
    run.app_cpu, run.db_cpu = app.seconds, database.seconds
    return run


START, END = "<!-- figures: start -->", "<!-- figures: end -->"


def write_results(text):
    """Replaces the figures in RESULTS.md; anything written around the markers stays."""
    figures = (
        f"{START}\n`make bench` on {time.strftime('%Y-%m-%d %H:%M %Z')}: "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the end (the load generator and anything "
        f"else running share the cores).\n\n```\n{text}\n```\n{END}"
    )
    old = RESULTS.read_text() if RESULTS.exists() else ""
    if START in old and END in old:
        new = old[: old.index(START)] + figures + old[old.index(END) + len(END) :]
    else:
        new = f"# Benchmark results\n\nWritten by `make bench` (bench/__main__.py).\n\n{figures}\n"
    RESULTS.write_text(new)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
