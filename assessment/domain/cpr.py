"""Danish CPR numbers: DDMMYY-SSSS, read with python-stdnum. Pure. The check is the format and
the birth date including its century, which the seventh digit gives (stdnum's get_birth_date);
not modulus 11 (numbers issued since 2007 need not satisfy it), and not stdnum's "not born yet"
check, which reads the clock (the form checks the birth date itself)."""

from datetime import date

from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError
from stdnum.util import isdigits


def normalise_cpr(value: str) -> str:
    """'0103501234', '010350-1234' or '010350 1234' → '010350-1234'; ValueError when malformed."""
    number = stdnum_cpr.compact(value or "")
    if len(number) != 10 or not isdigits(number):
        raise ValueError("format")
    return stdnum_cpr.format(number)


def cpr_birth_date(cpr: str) -> date | None:
    """The birth date the number encodes, century included; None when it encodes no date."""
    try:
        return stdnum_cpr.get_birth_date(cpr)
    except (ValidationError, ValueError, IndexError):
        return None


def cpr_matches_birth_date(cpr: str, birth_date: date) -> bool:
    return cpr_birth_date(cpr) == birth_date
