"""The baseline: a bare Django view, login required, rendering 25 rows of a plain table.

It goes through the same middleware as the app's pages (session, auth, CSRF, CSP), but reads
nothing else from the database and has no base template.
"""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines

ROWS = [
    {
        "name": f"Jensen {n:02d}, Karen",
        "born": date(1950, 3, 2),
        "cpr": "020350-XXXX",
        "lang": "Dansk",
    }
    for n in range(25)
]
TABLE = engines["django"].from_string(
    '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Baseline</title></head>'
    "<body><table><thead><tr><th>Navn</th><th>Født</th><th>CPR</th><th>Sprog</th></tr></thead>"
    '<tbody>{% for row in rows %}<tr><td><a href="#{{ forloop.counter }}">{{ row.name }}</a></td>'
    "<td>{{ row.born|date:'d.m.Y' }}</td><td>{{ row.cpr }}</td><td>{{ row.lang }}</td></tr>"
    "{% endfor %}</tbody></table></body></html>"
)


@login_required
def baseline(request):
    return HttpResponse(TABLE.render({"rows": ROWS}))
