import pytest
from django.urls import reverse

from programs.models import Program


@pytest.fixture
def issue(physio_client, django_capture_on_commit_callbacks):
    """Issues the program through the view; handout tasks run when `render` is true."""

    def run(program: Program, render=True):
        with django_capture_on_commit_callbacks(execute=render) as callbacks:
            response = physio_client.post(
                reverse("prescriptions:prescription_issue", args=[program.id])
            )
        assert response.status_code == 302
        return program.prescriptions.order_by("-version").first(), callbacks

    return run
