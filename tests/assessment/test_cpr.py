"""CPR numbers: the seventh digit gives the century of the birth date."""

from datetime import date

import pytest

from assessment.domain.cpr import cpr_birth_date, cpr_matches_birth_date, normalise_cpr

pytestmark = pytest.mark.pure


@pytest.mark.parametrize(
    "typed,normalised",
    [
        ("0103501234", "010350-1234"),
        ("010350-1234", "010350-1234"),
        (" 010350 1234 ", "010350-1234"),
    ],
)
def test_normalise(typed, normalised):
    assert normalise_cpr(typed) == normalised


@pytest.mark.parametrize("typed", ["", "01035012", "010350-12345", "0103501a34", "٠١٠٣٥٠١٢٣٤"])
def test_malformed(typed):
    with pytest.raises(ValueError):
        normalise_cpr(typed)


@pytest.mark.parametrize(
    "cpr,born",
    [
        ("010150-1234", date(1950, 1, 1)),  # 0-3: the 1900s
        ("010150-4123", date(1950, 1, 1)),  # 4 and 9: the 1900s from year 37
        ("010120-4123", date(2020, 1, 1)),  # ... and the 2000s below it
        ("010150-9123", date(1950, 1, 1)),
        ("010150-5123", date(2050, 1, 1)),  # 5-8: the 2000s up to year 57
        ("010160-5123", date(1860, 1, 1)),  # ... and the 1800s from 58
    ],
)
def test_century_digit(cpr, born):
    assert cpr_birth_date(cpr) == born
    assert cpr_matches_birth_date(cpr, born)


def test_a_1950_birth_date_does_not_match_a_2050_number():
    assert not cpr_matches_birth_date("010150-5123", date(1950, 1, 1))


def test_a_number_without_a_date_matches_nothing():
    assert cpr_birth_date("320150-1234") is None
    assert not cpr_matches_birth_date("320150-1234", date(1950, 1, 1))
