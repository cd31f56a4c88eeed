"""Danish CPR numbers: DDMMYY-SSSS. Pure; the check is format and birth date, not modulus 11
(numbers issued since 2007 need not satisfy it)."""

import re
from datetime import date

CPR_PATTERN = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})-?(\d{4})\s*$")


def normalise_cpr(value: str) -> str:
    """'0103501234' or '010350-1234' → '010350-1234'; raises ValueError when malformed."""
    match = CPR_PATTERN.match(value or "")
    if not match:
        raise ValueError("format")
    day, month, year, serial = match.groups()
    return f"{day}{month}{year}-{serial}"


def cpr_matches_birth_date(cpr: str, birth_date: date) -> bool:
    return cpr[:6] == birth_date.strftime("%d%m%y")
