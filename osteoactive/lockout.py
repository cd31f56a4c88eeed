"""django-axes with two limits: AXES_FAILURE_LIMIT failures for one login name from one
address, and the larger AXES_ADDRESS_FAILURE_LIMIT for one address over all names, which
stops one password being tried against many names (a clinic's staff often share an address,
hence the larger number).

Axes compares the largest count of its lockout parameters with one limit, so the address's
count is scaled to that limit here; and a successful login clears only that name's failures,
or an attacker with one valid account could clear the address's count at will."""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


class TwoLimitLockoutHandler(AxesDatabaseHandler):
    """Expects AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]."""

    def get_failures(self, request, credentials=None) -> int:
        by_name, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        scaled = by_address * settings.AXES_FAILURE_LIMIT // settings.AXES_ADDRESS_FAILURE_LIMIT
        return max(by_name, scaled)

    def reset_user_attempts(self, request, credentials=None) -> int:
        by_name = self.filter_user_attempts(request, credentials)[0]
        count, _ = by_name.delete()
        return count
