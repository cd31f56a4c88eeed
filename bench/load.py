"""The load test over the main pages on a fresh bench database with many patients.

The load generator and the load test itself are `tests.support.loadtest`, shared with
`tests/perf/test_load.py` (which runs them against the test database).

    .venv/bin/python -m bench.load [--seconds 60] [--clients 16] [--patients 10000]
"""

import argparse
import shutil
import sys

from tests.support.gunicorn import Gunicorn
from tests.support.loadtest import load_test, main_pages, report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database", default="osteoactive_load")
    args = parser.parse_args(argv)

    from . import environment

    env = environment.prepare(args.database)
    from . import dataset

    environment.migrate_and_load_library()
    data = dataset.seed(patients=args.patients, password="Bench-load-2026")
    environment.vacuum_analyze()
    environment.collectstatic()
    pages = main_pages(
        patient_ids=data.assessed_patient_ids,
        assessment_ids=data.assessment_ids,
        program_ids=data.program_ids,
    )
    server = Gunicorn(
        env=env.child_env(), log_path=env.workdir / "gunicorn.log", workers=args.workers
    )
    try:
        with server:
            print(
                f"load test: {args.clients} clients for {args.seconds:.0f} s against {server.url}"
            )
            run = load_test(
                server.url, data.username, data.password, pages,
                clients=args.clients, seconds=args.seconds,
            )  # fmt: skip
    finally:
        environment.drop_database(args.database)
    print(report(run))
    print(f"requests {run.requests}, errors {run.errors}, p95 {run.total().percentile(95):.1f} ms")
    if run.errors:
        print(f"FAIL: {run.errors} errors; gunicorn log: {server.log_path}", file=sys.stderr)
        return 1
    shutil.rmtree(env.workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
