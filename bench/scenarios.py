"""What the bench measures over HTTP, and the summary it prints."""

import time
from datetime import date

from tests.support.assessment_form import assessment_form
from tests.support.http_client import Request
from tests.support.loadtest import Run, Stats, cycle

SAVE_POOL = 2000  # patients the save scenario spreads its new assessments over
# The pages with targets: throughput against the baseline, and p95 latency at 16 clients.
TARGET_PAGES = ("patient list", "assessment result", "program", "prescription", "class sheet")
MIN_RATIO = 0.60
MAX_P95_MS = 100.0


def carried_fields(patient_ids) -> dict:
    """Per patient, the carried values a reassessment form comes pre-filled with and that the
    form refuses to see emptied without their Remove button (T-scores, the DXA and FRAX
    figures), as the browser posts them back. Every fifth patient of the bench has
    assessments; without these, saving a reassessment of one is refused."""
    from assessment.forms.carry_forward import REMOVABLE, carried_initial
    from assessment.models import Assessment
    from assessment.selectors import in_force

    latest = {}
    rows = in_force(Assessment.objects.filter(patient_id__in=patient_ids)).order_by(
        "assessment_date", "created_at"
    )
    for patient_id, inputs in rows.values_list("patient_id", "inputs"):
        latest[patient_id] = inputs
    fields = {}
    for patient_id, inputs in latest.items():
        initial = carried_initial(inputs)[0]
        fields[patient_id] = {
            name: _posted(initial[name]) for name in REMOVABLE if initial.get(name) is not None
        }
    return fields


def _posted(value) -> str:
    """A value as the Danish form shows it: dates in ISO (understood), decimal commas."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace(".", ",")


def plans(data) -> dict:
    from assessment.models import Patient

    pool = list(
        Patient.objects.filter(clinic_id=data.clinic_id)
        .order_by("id")
        .values_list("id", flat=True)[:SAVE_POOL]
    )
    carried = carried_fields(pool)

    def save(session, client, n):
        patient = pool[(client * 997 + n) % len(pool)]
        path = f"/patients/{patient}/assessments/new/"
        form = {**carried.get(patient, {}), **assessment_form(session.csrf_token)}
        return Request("assessment save", path, method="POST", data=form, expect=302)

    return {
        "baseline": cycle([Request("baseline", "/bench/baseline/")]),
        "patient list": cycle([Request("patient list", "/patients/")]),
        "assessment result": cycle(
            Request("assessment result", f"/assessments/{pk}/") for pk in data.assessment_ids
        ),
        "program": cycle(Request("program", f"/programs/{pk}/") for pk in data.program_ids),
        "prescription": cycle(
            Request("prescription", f"/prescriptions/{pk}/") for pk in data.prescription_ids
        ),
        "class sheet": cycle(
            Request("class sheet", f"/class-sessions/{pk}/") for pk in data.class_session_ids
        ),
        "assessment save": save,
    }


def combine(parts: list[Run]) -> Run:
    stats = {}
    for part in parts:
        for label, entry in part.stats.items():
            stats.setdefault(label, Stats(label)).merge(entry)
    return Run(
        stats,
        sum(p.seconds for p in parts),
        sum(p.client_cpu for p in parts),
        sum(p.app_cpu for p in parts),
        sum(p.db_cpu for p in parts),
    )


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def summary(args, figures: dict, queries: dict, plans: list, render: dict, worker: dict, clock):
    """The printed report and whether every target passed."""
    baseline = figures["baseline"].throughput()
    baseline_cpu = sum(figures["baseline"].cpu_per_request())
    lines = [
        f"OsteoActive bench: {args.patients:,} patients, {args.clients} concurrent clients, "
        f"{args.seconds:g} s per scenario ({args.rounds} alternating rounds), "
        f"gunicorn with {args.workers} sync workers, DEBUG off, PostgreSQL; "
        f"load average {clock.load_at_start:.1f} at the start",
        "",
        f"{'scenario':18} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6} "
        f"{'requests':>8} {'of baseline':>11}   {'CPU ms/request: app + db':>24} {'ratio':>6}",
    ]
    targets, passed = [], True
    for name, run in figures.items():
        stats = run.total()
        ratio = run.throughput() / baseline if baseline else 0.0
        app, db = run.cpu_per_request()
        lines.append(
            f"{name:18} {run.throughput():7.1f} {stats.percentile(50):7.1f} "
            f"{stats.percentile(95):7.1f} {stats.errors:6d} {stats.requests:8d} {ratio:10.0%}"
            f"   {app:8.1f} + {db:4.1f} = {app + db:5.1f} {baseline_cpu / (app + db):6.0%}"
        )
        passed &= stats.errors == 0
        for problem in stats.problems:
            lines.append(f"    error: {problem}")
        if name in TARGET_PAGES:
            fast = stats.percentile(95) < MAX_P95_MS
            enough = ratio >= MIN_RATIO
            passed &= fast and enough
            targets.append(
                f"  {name:18} throughput {ratio:4.0%} of baseline (target >= 60 %): "
                f"{_verdict(enough)}; p95 {stats.percentile(95):.1f} ms (target < 100 ms): "
                f"{_verdict(fast)}"
            )
    cpu = sum(run.client_cpu for run in figures.values())
    wall = sum(run.seconds for run in figures.values())
    lines += [
        "(CPU ratio: baseline CPU per request / this scenario's, i.e. the throughput ratio on a",
        " machine with nothing else running; the load generator itself used "
        f"{cpu / wall:.0%} of one core)",
        "",
        "Targets",
        *targets,
    ]
    sizes = sorted(queries)
    pages = list(queries[sizes[0]])
    flat = all(queries[sizes[0]][p] == queries[sizes[-1]][p] for p in pages)
    passed &= flat
    lines += [
        f"  queries per page do not grow from {sizes[0]:,} to {sizes[-1]:,} patients: "
        f"{_verdict(flat)}",
        "",
        "Queries per page (each request, session and audit row included)",
        f"  {'page':18} " + " ".join(f"{f'{size:,} patients':>16}" for size in sizes),
    ]
    for page in pages:
        lines.append(f"  {page:18} " + " ".join(f"{queries[size][page]:16d}" for size in sizes))
    lines += ["", f"Patient list queries at {sizes[-1]:,} patients (EXPLAIN ANALYZE)"]
    for label, path, ms in plans:
        lines.append(f"  {label:22} {ms:7.2f} ms  {path}")
    lines += [
        "",
        f"Handout ({render['exercises']} exercises, {render['pages']} A4 pages, logo, SVG "
        f"illustrations, {render['html_bytes'] / 1024:.0f} KiB of HTML), median of 5",
        f"  our pipeline (handout_html + render_pdf, PDF/UA) {render['ours'] * 1000:11.0f} ms",
        f"  bare WeasyPrint write_pdf of the same HTML           {render['bare'] * 1000:7.0f} ms",
        f"  ratio                                                {render['ratio']:7.2f}",
        f"  one Celery worker (concurrency 1, Redis): {worker['count']} handouts "
        f"({worker['exercises']:.0f} exercises each) in {worker['seconds']:.1f} s = "
        f"{worker['per_minute']:.0f} handouts per minute",
        "",
        f"make bench took {time.perf_counter() - clock.began:.0f} s; overall: {_verdict(passed)}",
    ]
    return "\n".join(lines), passed
