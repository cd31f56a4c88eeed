"""Queries per page, counted in-process with Django's test client against the bench database."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def page_paths(data) -> dict[str, str]:
    return {
        "patient list": "/patients/",
        "patient detail": f"/patients/{data.assessed_patient_ids[0]}/",
        "assessment result": f"/assessments/{data.assessment_ids[0]}/",
        "program": f"/programs/{data.program_ids[0]}/",
        "prescription": f"/prescriptions/{data.prescription_ids[0]}/",
        "class sheet": f"/class-sessions/{data.class_session_ids[0]}/",
    }


def count_queries(data) -> dict[str, int]:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(data.user)
    counts = {}
    for label, path in page_paths(data).items():
        client.get(path)  # the first request of a session may differ; count the second
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} gave {response.status_code}")
        counts[label] = len(queries)
    return counts


def explain_patient_list(data) -> list[tuple[str, str, float]]:
    """(query, access path, execution ms) of the patient list's queries, as the view runs them
    (the selector and Django's Paginator), for page 1 and the last page."""
    from django.core.paginator import Paginator

    from assessment import selectors
    from osteoactive.models import Membership

    membership = Membership.objects.select_related("clinic").get(user_id=data.user_id)
    found = {}
    for last in (False, True):
        with CaptureQueriesContext(connection) as captured:
            paginator = Paginator(selectors.patients_for(membership), 25)
            page = paginator.get_page(paginator.num_pages if last else 1)
            list(page.object_list)
        for query in captured.captured_queries:
            sql = query["sql"]
            label = "COUNT(*)" if "COUNT(*)" in sql else f"25 rows of page {page.number}"
            if label not in found:
                found[label] = _explain(sql)
    return [(label, path, ms) for label, (path, ms) in found.items()]


def _explain(sql) -> tuple[str, float]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE) {sql}")
        plan = [row[0] for row in cursor.fetchall()]
    scans = [line.strip().lstrip("-> ").split("  (")[0] for line in plan if " Scan " in line]
    sorts = [line.strip().lstrip("-> ").split("  (")[0] for line in plan if "Sort" in line]
    executed = next(line for line in plan if line.startswith("Execution Time"))
    return " + ".join(scans + sorts[:1]), float(executed.split(":")[1].split()[0])
